/**
 * IAM (awsQuery): roles and users, with IAM's names, limits and errors. Every limit comes from
 * src/model/iam-limits.ts, which the plan checks first; the policies attached to a role are in
 * iam-role-policies.ts and iam-managed-policies.ts, its tags in iam-role-tags.ts.
 */
import {
  checkMaxSessionDuration,
  checkRoleDescription,
  checkRoleName,
  checkRolePath,
  checkRolePolicySizes,
  IAM_NAME_RE,
} from '../model/iam-limits.js';
import { queryErrors } from './api-error.js';
import type { QueryHandler } from './context.js';
import { encodeDocument, findRole, iso, page, parsePolicy, refuseProblems, required, tagList } from './iam-common.js';
import { requireAttachablePolicy } from './iam-managed-policies.js';
import { readTags } from './iam-role-tags.js';
import type { XmlNode } from './xml.js';
import type { Role, User } from './world.js';
import { byAccountAndName, findByKey } from './lookup.js';

export { findRole } from './iam-common.js';

/** GetRole's view; ListRoles leaves out the boundary and tags (`full` false), as IAM does. */
export function roleXml(role: Role, full = true): XmlNode {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: iso(role.createDateMs),
    // IAM returns the trust policy URL-encoded.
    AssumeRolePolicyDocument: encodeDocument(role.trustPolicy),
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
    PermissionsBoundary:
      !full || role.permissionsBoundary === undefined ? undefined : { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: role.permissionsBoundary },
    Tags: full && Object.keys(role.tags).length > 0 ? tagList(role.tags) : undefined,
  };
}

/** A trust policy as sent: IAM's grammar for trust policies, then the role trust policy length quota. */
function parseTrustPolicy(text: string): unknown {
  const doc = parsePolicy(text, 'trust');
  refuseProblems(checkRolePolicySizes({ trust: text }));
  return doc;
}

function readMaxSessionDuration(params: URLSearchParams): number | undefined {
  const raw = params.get('MaxSessionDuration');
  if (raw === null) return undefined;
  const seconds = Number(raw);
  refuseProblems(checkMaxSessionDuration(seconds));
  return seconds;
}

function readDescription(params: URLSearchParams): string | undefined {
  const description = params.get('Description') ?? undefined;
  if (description !== undefined) refuseProblems(checkRoleDescription(description));
  return description;
}

export const getRole: QueryHandler = (ctx, params) => ({ Role: roleXml(findRole(ctx, required(params, 'RoleName'))) });

/** GetUser by name, in the caller's account (without a name IAM answers the calling user; not needed here). */
export const getUser: QueryHandler = (ctx, params) => {
  const name = required(params, 'UserName');
  if (!IAM_NAME_RE.test(name) || name.length > 64) {
    throw queryErrors.validation(`1 validation error detected: Value '${name}' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`);
  }
  const user = findByKey(ctx.world.users, 'accountAndName', byAccountAndName, byAccountAndName({ accountId: ctx.caller.accountId, name }));
  if (!user) throw queryErrors.noSuchEntity(`The user with name ${name} cannot be found.`);
  return { User: userXml(user) };
};

function userXml(user: User): XmlNode {
  return {
    Path: user.path,
    UserName: user.name,
    UserId: user.userId,
    Arn: user.arn,
    CreateDate: iso(user.createDateMs),
    Tags: Object.keys(user.tags).length > 0 ? tagList(user.tags) : undefined,
  };
}

export const createRole: QueryHandler = (ctx, params) => {
  const name = required(params, 'RoleName');
  refuseProblems(checkRoleName(name));
  const path = params.get('Path') ?? '/';
  refuseProblems(checkRolePath(path));
  const trustPolicy = parseTrustPolicy(required(params, 'AssumeRolePolicyDocument'));
  const tags = readTags(params);
  const maxSessionDuration = readMaxSessionDuration(params) ?? 3600;
  const description = readDescription(params);
  const boundary = params.get('PermissionsBoundary') ?? undefined;
  if (boundary !== undefined) requireAttachablePolicy(ctx, boundary, 'boundary');
  // Role names are unique per account regardless of case (IAM User Guide, "IAM name requirements").
  if (ctx.world.roles.some((r) => r.accountId === ctx.caller.accountId && r.name.toLowerCase() === name.toLowerCase())) {
    throw queryErrors.alreadyExists(`Role with name ${name} already exists.`);
  }
  const role: Role = {
    arn: `arn:${ctx.partition}:iam::${ctx.caller.accountId}:role${path}${name}`,
    partition: ctx.partition,
    accountId: ctx.caller.accountId,
    name,
    path,
    roleId: ctx.ids.iamId('AROA'),
    createDateMs: ctx.now,
    trustPolicy,
    ...(description !== undefined ? { description } : {}),
    maxSessionDuration,
    tags,
    // EKS sees a new role only after IAM has propagated it.
    visibleToEksAtMs: ctx.now + (ctx.faults.iamPropagationMs ?? 0),
    attachedPolicies: [],
    inlinePolicies: new Map(),
    ...(boundary !== undefined ? { permissionsBoundary: boundary } : {}),
  };
  ctx.world.roles.push(role);
  return { Role: roleXml(role) };
};

/**
 * DeleteRole refuses while policies are attached or embedded (IAM API reference, DeleteRole: "you
 * must first remove those items"); a permissions boundary does not block it.
 */
export const deleteRole: QueryHandler = (ctx, params) => {
  const role = findRole(ctx, required(params, 'RoleName'));
  if (role.attachedPolicies.length > 0) throw queryErrors.deleteConflict('Cannot delete entity, must detach all policies first.');
  if (role.inlinePolicies.size > 0) throw queryErrors.deleteConflict('Cannot delete entity, must delete policies first.');
  ctx.world.roles = ctx.world.roles.filter((r) => r !== role);
  return {};
};

/** UpdateRole: description and maximum session duration; a parameter left out is left as it is. */
export const updateRole: QueryHandler = (ctx, params) => {
  const role = findRole(ctx, required(params, 'RoleName'));
  const description = readDescription(params);
  const maxSessionDuration = readMaxSessionDuration(params);
  if (description !== undefined) role.description = description;
  if (maxSessionDuration !== undefined) role.maxSessionDuration = maxSessionDuration;
  return {};
};

export const updateAssumeRolePolicy: QueryHandler = (ctx, params) => {
  const role = findRole(ctx, required(params, 'RoleName'));
  role.trustPolicy = parseTrustPolicy(required(params, 'PolicyDocument'));
  return {};
};

export const listRoles: QueryHandler = (ctx, params) => {
  const prefix = params.get('PathPrefix') ?? '/';
  const roles = ctx.world.roles.filter((r) => r.accountId === ctx.caller.accountId && r.path.startsWith(prefix));
  const result = page(params, roles);
  return { Roles: result.items.map((r) => roleXml(r, false)), IsTruncated: result.IsTruncated, Marker: result.Marker };
};
