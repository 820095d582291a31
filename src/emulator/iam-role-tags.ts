/** IAM role tags: TagRole, UntagRole, ListRoleTags, and the `Tags` of CreateRole, with IAM's tag rules (src/model/iam-limits.ts). */
import { checkIamTags } from '../model/iam-limits.js';
import { queryErrors } from './api-error.js';
import type { QueryHandler } from './context.js';
import { findRole, page, readMembers, refuseProblems, required, tagList } from './iam-common.js';

/** `Tags.member.N.Key` / `.Value` form fields → a map; a key sent twice is InvalidInput, as IAM answers. */
export function readTags(params: URLSearchParams): Record<string, string> {
  const tags: Record<string, string> = {};
  for (let i = 1; params.has(`Tags.member.${i}.Key`); i++) {
    const key = params.get(`Tags.member.${i}.Key`)!;
    if (Object.hasOwn(tags, key)) throw queryErrors.invalidInput(`Duplicate tag keys found: ${key}`);
    tags[key] = params.get(`Tags.member.${i}.Value`) ?? '';
  }
  refuseProblems(checkIamTags(tags));
  return tags;
}

/** TagRole adds or overwrites; the 50-tag quota counts the role's tags after the change. */
export const tagRole: QueryHandler = (ctx, params) => {
  const role = findRole(ctx, required(params, 'RoleName'));
  const tags = readTags(params);
  if (Object.keys(tags).length === 0) throw queryErrors.validation("1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
  const merged = { ...role.tags, ...tags };
  refuseProblems(checkIamTags(merged), role.name);
  role.tags = merged;
  return {};
};

/** UntagRole: keys the role does not have are ignored, as IAM does. */
export const untagRole: QueryHandler = (ctx, params) => {
  const role = findRole(ctx, required(params, 'RoleName'));
  const keys = readMembers(params, 'TagKeys');
  if (keys.length === 0) throw queryErrors.validation("1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
  for (const key of keys) delete role.tags[key];
  return {};
};

export const listRoleTags: QueryHandler = (ctx, params) => {
  const role = findRole(ctx, required(params, 'RoleName'));
  const result = page(params, tagList(role.tags));
  return { Tags: result.items, IsTruncated: result.IsTruncated, Marker: result.Marker };
};
