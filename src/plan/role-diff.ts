import { compare } from '../model/order.js';
import type { FieldDiff, IamRoleValue } from '../model/plan.js';
import { tagsDiff } from './ownership.js';

/*
 * Field-level differences of an owned role, one entry per thing apply writes: the trust policy,
 * each managed policy attached or detached, each inline policy put or deleted (by name), the
 * boundary, the session duration, the description, the tags. Documents are compared as canonical
 * JSON, so a re-ordered but equal policy is no change.
 */
export function roleFieldDiffs(before: IamRoleValue, after: IamRoleValue): FieldDiff[] {
  const fields: FieldDiff[] = [];
  const push = (field: string, b: unknown, a: unknown) => fields.push({ field, ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}) });
  if (before.trustPolicy !== after.trustPolicy) push('trustPolicy', before.trustPolicy, after.trustPolicy);
  const attached = new Set(before.managedPolicyArns);
  const wanted = new Set(after.managedPolicyArns);
  for (const arn of after.managedPolicyArns) if (!attached.has(arn)) push('managedPolicy', undefined, arn);
  for (const arn of before.managedPolicyArns) if (!wanted.has(arn)) push('managedPolicy', arn, undefined);
  const names = [...new Set([...Object.keys(before.inlinePolicies), ...Object.keys(after.inlinePolicies)])].sort(compare);
  for (const name of names) {
    const b = before.inlinePolicies[name];
    const a = after.inlinePolicies[name];
    if (b !== a) push(`inlinePolicy/${name}`, b, a);
  }
  if (before.permissionsBoundary !== after.permissionsBoundary) push('permissionsBoundary', before.permissionsBoundary, after.permissionsBoundary);
  if (before.maxSessionDuration !== after.maxSessionDuration) push('maxSessionDuration', before.maxSessionDuration, after.maxSessionDuration);
  if ((before.description ?? '') !== (after.description ?? '')) push('description', before.description, after.description);
  const tags = tagsDiff(before.tags, after.tags);
  if (tags) fields.push(tags);
  return fields;
}
