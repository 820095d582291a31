/**
 * IAM inline role policies: PutRolePolicy, GetRolePolicy, DeleteRolePolicy, ListRolePolicies.
 * The name, the document's grammar and the role's aggregate inline size are the limits of
 * src/model/iam-limits.ts (IAM API reference, PutRolePolicy; IAM User Guide, "IAM and AWS STS quotas").
 */
import { checkPolicyName, checkRolePolicySizes } from '../model/iam-limits.js';
import { queryErrors } from './api-error.js';
import type { QueryHandler, RequestContext } from './context.js';
import { encodeDocument, findRole, page, parsePolicy, refuseProblems, required } from './iam-common.js';
import type { Role } from './world.js';

function readRoleAndName(ctx: RequestContext, params: URLSearchParams): { role: Role; name: string } {
  const role = findRole(ctx, required(params, 'RoleName'));
  const name = required(params, 'PolicyName');
  refuseProblems(checkPolicyName(name));
  return { role, name };
}

function notFound(role: Role, name: string): Error {
  return queryErrors.noSuchEntity(`The role policy with name ${name} cannot be found in role ${role.name}.`);
}

/** PutRolePolicy creates or replaces; the 10,240-character quota counts the role's inline policies after the change. */
export const putRolePolicy: QueryHandler = (ctx, params) => {
  const { role, name } = readRoleAndName(ctx, params);
  const text = required(params, 'PolicyDocument');
  const doc = parsePolicy(text, 'inline');
  const after = new Map<string, unknown>(role.inlinePolicies);
  after.set(name, text);
  refuseProblems(checkRolePolicySizes({ inline: Object.fromEntries(after) }), role.name);
  role.inlinePolicies.set(name, doc);
  return {};
};

export const getRolePolicy: QueryHandler = (ctx, params) => {
  const { role, name } = readRoleAndName(ctx, params);
  if (!role.inlinePolicies.has(name)) throw notFound(role, name);
  return { RoleName: role.name, PolicyName: name, PolicyDocument: encodeDocument(role.inlinePolicies.get(name)) };
};

export const deleteRolePolicy: QueryHandler = (ctx, params) => {
  const { role, name } = readRoleAndName(ctx, params);
  if (!role.inlinePolicies.delete(name)) throw notFound(role, name);
  return {};
};

export const listRolePolicies: QueryHandler = (ctx, params) => {
  const role = findRole(ctx, required(params, 'RoleName'));
  const result = page(params, [...role.inlinePolicies.keys()].sort());
  return { PolicyNames: result.items, IsTruncated: result.IsTruncated, Marker: result.Marker };
};
