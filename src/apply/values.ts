import type { AccessEntryUpdate, AssociationUpdate } from '../aws/gateway.js';
import type { AccessEntryValue, AssociationValue } from '../model/plan.js';

/*
 * Pure comparisons between a current object and the desired one: which fields an update call
 * must send. Sending only differing fields keeps a converged object free of write calls.
 */

/** Fields UpdatePodIdentityAssociation must send; `''` clears targetRoleArn or policy. */
export function associationUpdateOf(current: AssociationValue, desired: AssociationValue): AssociationUpdate {
  const update: AssociationUpdate = {};
  if (current.roleArn !== desired.roleArn) update.roleArn = desired.roleArn;
  if ((current.targetRoleArn ?? '') !== (desired.targetRoleArn ?? '')) update.targetRoleArn = desired.targetRoleArn ?? '';
  if (current.disableSessionTags !== desired.disableSessionTags) update.disableSessionTags = desired.disableSessionTags;
  if ((current.policy ?? '') !== (desired.policy ?? '')) update.policy = desired.policy ?? '';
  // EKS checks policy and disableSessionTags together: send both when either changes.
  if (update.policy !== undefined || update.disableSessionTags !== undefined) {
    update.disableSessionTags = desired.disableSessionTags;
    if (desired.policy !== undefined) update.policy = desired.policy;
  }
  return update;
}

/**
 * Fields UpdateAccessEntry must send. An absent desired username leaves EKS's default alone. Node
 * types take their groups and username from EKS (the plan compares them only on STANDARD
 * entries): nothing is sent for them, so a tag change on a node entry does not clear
 * `system:nodes`.
 */
export function accessEntryUpdateOf(current: Pick<AccessEntryValue, 'kubernetesGroups' | 'username'>, desired: AccessEntryValue): AccessEntryUpdate {
  const update: AccessEntryUpdate = {};
  if (desired.type !== 'STANDARD') return update;
  if (!sameSet(current.kubernetesGroups, desired.kubernetesGroups)) update.kubernetesGroups = [...desired.kubernetesGroups];
  if (desired.username !== undefined && current.username !== desired.username) update.username = desired.username;
  return update;
}

export interface TagChanges {
  set: Record<string, string>;
  remove: string[];
}

/**
 * Tags to set and to remove to turn `current` into `desired`. Keys with the reserved `aws:` prefix
 * belong to AWS and are never removed.
 */
export function tagChangesOf(current: Record<string, string>, desired: Record<string, string>): TagChanges {
  const set: Record<string, string> = {};
  for (const [key, value] of Object.entries(desired)) if (current[key] !== value) set[key] = value;
  const remove = Object.keys(current)
    .filter((key) => !(key in desired) && !key.toLowerCase().startsWith('aws:'))
    .sort();
  return { set, remove };
}

export function isEmpty(record: object): boolean {
  return Object.keys(record).length === 0;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

/** A live-only property (an ARN) the plan may carry on a value without the model declaring it. */
export function liveProperty(value: unknown, name: 'associationArn' | 'accessEntryArn'): string | undefined {
  const found = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  return typeof found === 'string' && found !== '' ? found : undefined;
}
