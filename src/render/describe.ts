import { accessPolicyName } from '../model/partition.js';
import { isPolicyDocumentField, policyDiffLines, policyLines } from './policy-document.js';
import type { AddonAssociationValue, AccessEntryValue, AccessPolicyValue, AssociationValue, Change, ChangeAction, PlanSummary, ResourceKind, TrustPolicyValue } from '../model/plan.js';

/** Words shared by the renderers, so text and Markdown say the same thing. */
export const KIND_LABEL: Record<ResourceKind, string> = {
  podIdentityAssociation: 'association',
  accessEntry: 'access entry',
  accessPolicy: 'access policy',
  trustPolicy: 'trust policy',
  authenticationMode: 'authentication mode',
  iamRole: 'IAM role',
  addonAssociation: 'add-on association',
};

export const ACTION_ORDER: ChangeAction[] = ['create', 'update', 'replace', 'delete'];

/** "2 to create, 1 to update, 0 to replace, 0 to delete". */
export function countsLine(summary: Pick<PlanSummary, 'create' | 'update' | 'replace' | 'delete'>): string {
  return ACTION_ORDER.map((a) => `${summary[a as keyof typeof summary]} to ${a}`).join(', ');
}

/**
 * The headline of a plan without changes. "Live state matches the manifest" only when nothing
 * blocks: an error (a cluster not found, an object another manifest owns) can hide changes.
 */
export function noChangesLine(plan: { summary: Pick<PlanSummary, 'errors'> }): string {
  const n = plan.summary.errors;
  return n === 0 ? 'No changes. Live state matches the manifest.' : `No changes planned, but ${n} error${n === 1 ? '' : 's'} must be fixed first: the plan is not complete until then.`;
}

/** "1 error, 2 warnings" (or with another separator, e.g. " · "). */
export function findingsLine(summary: Pick<PlanSummary, 'errors' | 'warnings'>, separator = ', '): string {
  return `${summary.errors} error${summary.errors === 1 ? '' : 's'}${separator}${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}`;
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
    case 'iamRole':
      return value?.roleArn ?? change.id;
    case 'addonAssociation': {
      const a = (change.after ?? change.before) as Partial<AddonAssociationValue> | undefined;
      return `${a?.addonName}: ${a?.namespace ? `${a.namespace}/` : ''}${a?.serviceAccount}`;
    }
    default:
      return change.id;
  }
}

/**
 * Facts about a change, for people: the reason, then field diffs (updates, replaces) or the main
 * fields (creates, deletes, notes). Values are already shown as text; `undefined` means "none".
 */
export type Detail =
  | { label: string; note: string }
  | { label: string; before: string | undefined; after: string | undefined }
  | { label: string; value: string }
  /** A policy document as indented JSON lines; for an update, a line diff (`- `, `+ `, `  `). */
  | { label: string; document: string[]; diff: boolean };

export function changeDetails(change: Change): Detail[] {
  const details: Detail[] = [];
  if (change.reason) details.push({ label: 'reason', note: change.reason });
  if (change.fields && change.fields.length > 0) {
    for (const f of change.fields) {
      if (isPolicyDocumentField(f.field) && isDocument(f.before) && isDocument(f.after)) details.push({ label: f.field, document: policyDiffLines(documentText(f.before), documentText(f.after)), diff: true });
      else details.push({ label: f.field, before: showValue(f.before), after: showValue(f.after) });
    }
    return details;
  }
  if (change.action === 'create' || change.action === 'delete' || change.action === 'unmanaged') {
    const value = (change.after ?? change.before) as Record<string, unknown> | undefined;
    for (const [key, v] of Object.entries(value ?? {})) {
      if (['namespace', 'serviceAccount', 'principalArn', 'associationId', 'ownerArn', 'addonName'].includes(key)) continue;
      // A role's ARN is the change's object name already.
      if (change.kind === 'iamRole' && (key === 'roleArn' || key === 'roleName')) continue;
      if (v === undefined || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v && !Array.isArray(v) && Object.keys(v).length === 0)) continue;
      if (isPolicyDocumentField(key) && typeof v === 'string') details.push({ label: key, document: policyLines(v), diff: false });
      else if (key === 'inlinePolicies' && typeof v === 'object' && v !== null) {
        for (const [name, text] of Object.entries(v as Record<string, unknown>)) details.push({ label: `inlinePolicy/${name}`, document: policyLines(String(text)), diff: false });
      } else details.push({ label: key, value: show(v) });
    }
  }
  return details;
}

/** The details as plain lines: `label: before → after`. */
export function detailLines(change: Change): string[] {
  return changeDetails(change).flatMap((d) => {
    if ('document' in d) return [`${d.label}:`, ...d.document.map((line) => `  ${line}`)];
    if ('note' in d) return `${d.label}: ${d.note}`;
    if ('value' in d) return `${d.label}: ${d.value}`;
    return `${d.label}: ${d.before ?? NONE} → ${d.after ?? NONE}`;
  });
}

export const NONE = '(none)';

/** A policy document as a plan carries it: canonical JSON text, or the parsed object (migrations), or none. */
function isDocument(value: unknown): boolean {
  return value === undefined || typeof value === 'string' || (typeof value === 'object' && value !== null && !Array.isArray(value));
}

function documentText(value: unknown): string | undefined {
  return value === undefined || typeof value === 'string' ? value : JSON.stringify(value);
}

function showValue(value: unknown): string | undefined {
  return value === undefined ? undefined : show(value);
}

export function show(value: unknown): string {
  if (value === undefined) return NONE;
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'type' in value && (value as { type: unknown }).type === 'cluster') return 'cluster';
  if (value && typeof value === 'object' && 'namespaces' in value) return `namespaces ${((value as { namespaces: string[] }).namespaces).join(', ')}`;
  return JSON.stringify(value);
}
