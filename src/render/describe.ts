import { accessPolicyName } from '../model/partition.js';
import type { AccessEntryValue, AccessPolicyValue, AssociationValue, Change, ChangeAction, PlanSummary, ResourceKind, TrustPolicyValue } from '../model/plan.js';

/** Words shared by the renderers, so text and Markdown say the same thing. */
export const KIND_LABEL: Record<ResourceKind, string> = {
  podIdentityAssociation: 'association',
  accessEntry: 'access entry',
  accessPolicy: 'access policy',
  trustPolicy: 'trust policy',
  authenticationMode: 'authentication mode',
};

export const ACTION_ORDER: ChangeAction[] = ['create', 'update', 'replace', 'delete'];

/** "2 to create, 1 to update, 0 to replace, 0 to delete". */
export function countsLine(summary: Pick<PlanSummary, 'create' | 'update' | 'replace' | 'delete'>): string {
  return ACTION_ORDER.map((a) => `${summary[a as keyof typeof summary]} to ${a}`).join(', ');
}

export function findingsLine(summary: Pick<PlanSummary, 'errors' | 'warnings'>): string {
  return `${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}`;
}

/** The object a change is about, for people: `ns/sa`, a principal, `principal → Policy`. */
export function objectName(change: Change): string {
  const value = (change.after ?? change.before) as Partial<AssociationValue & AccessEntryValue & AccessPolicyValue & TrustPolicyValue> | undefined;
  switch (change.kind) {
    case 'podIdentityAssociation':
      return `${value?.namespace}/${value?.serviceAccount}`;
    case 'accessEntry':
      return value?.principalArn ?? change.id;
    case 'accessPolicy':
      return `${value?.principalArn} → ${accessPolicyName(value?.policyArn ?? '')}`;
    case 'trustPolicy':
      return value?.roleArn ?? change.id;
    default:
      return change.id;
  }
}

/** One-line facts about a change: field diffs for updates, the main fields for creates. */
export function detailLines(change: Change): string[] {
  const lines: string[] = [];
  if (change.reason) lines.push(`reason: ${change.reason}`);
  if (change.fields && change.fields.length > 0) {
    for (const f of change.fields) lines.push(`${f.field}: ${show(f.before)} → ${show(f.after)}`);
    return lines;
  }
  if (change.action === 'create' || change.action === 'delete' || change.action === 'unmanaged') {
    const value = (change.after ?? change.before) as Record<string, unknown> | undefined;
    for (const [key, v] of Object.entries(value ?? {})) {
      if (['namespace', 'serviceAccount', 'principalArn', 'associationId', 'ownerArn'].includes(key)) continue;
      if (v === undefined || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v && !Array.isArray(v) && Object.keys(v).length === 0)) continue;
      lines.push(`${key}: ${show(v)}`);
    }
  }
  return lines;
}

export function show(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'type' in value && (value as { type: unknown }).type === 'cluster') return 'cluster';
  if (value && typeof value === 'object' && 'namespaces' in value) return `namespaces ${((value as { namespaces: string[] }).namespaces).join(', ')}`;
  return JSON.stringify(value);
}
