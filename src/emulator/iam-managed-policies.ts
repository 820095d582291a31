/**
 * IAM managed policies on roles: GetPolicy, Attach/Detach/ListAttachedRolePolicies and
 * Put/DeleteRolePermissionsBoundary. The policies are the AWS managed catalog
 * (src/model/aws-managed-policies.ts) in the request's partition, and the customer managed
 * policies of the caller's account from the state file (`iam.policies`).
 */
import { findAwsManagedPolicy } from '../model/aws-managed-policies.js';
import { checkPolicyArn, checkRolePolicySizes } from '../model/iam-limits.js';
import { queryErrors } from './api-error.js';
import type { QueryHandler, RequestContext } from './context.js';
import { findRole, iso, page, refuseProblems, required, tagList } from './iam-common.js';
import { DEFAULT_CREATE_DATE, hashUuid } from './world.js';
import type { XmlNode } from './xml.js';

interface PolicyView {
  arn: string;
  name: string;
  path: string;
  policyId: string;
  description?: string;
  createDateMs: number;
  tags: Record<string, string>;
}

/** The policy an ARN names, as the caller sees it (undefined: IAM answers NoSuchEntity). */
export function lookupPolicy(ctx: RequestContext, arn: string): PolicyView | undefined {
  const aws = findAwsManagedPolicy(arn);
  if (aws) {
    if (!arn.startsWith(`arn:${ctx.partition}:`)) return undefined;
    // A stable id, so the same policy answers the same id in every run.
    const policyId = `ANPA${hashUuid('aws-managed', aws.path, aws.name).replace(/-/g, '').slice(0, 17).toUpperCase()}`;
    return { arn, name: aws.name, path: aws.path, policyId, createDateMs: DEFAULT_CREATE_DATE, tags: {} };
  }
  const own = ctx.world.policies.find((p) => p.arn === arn && p.accountId === ctx.caller.accountId);
  if (!own) return undefined;
  return { arn, name: own.name, path: own.path, policyId: own.policyId, ...(own.description !== undefined ? { description: own.description } : {}), createDateMs: own.createDateMs, tags: own.tags };
}

/** A managed policy ARN that must exist to be attached or set as a boundary. */
export function requireAttachablePolicy(ctx: RequestContext, arn: string, use: 'attach' | 'boundary'): PolicyView {
  refuseProblems(checkPolicyArn(arn));
  const policy = lookupPolicy(ctx, arn);
  if (!policy) throw queryErrors.noSuchEntity(`${use === 'boundary' ? 'Scope ARN' : 'Policy'} ${arn} does not exist or is not attachable.`);
  return policy;
}

function rolesInAccount(ctx: RequestContext) {
  return ctx.world.roles.filter((r) => r.accountId === ctx.caller.accountId);
}

export const getPolicy: QueryHandler = (ctx, params) => {
  const arn = required(params, 'PolicyArn');
  refuseProblems(checkPolicyArn(arn));
  const policy = lookupPolicy(ctx, arn);
  if (!policy) throw queryErrors.noSuchEntity(`Policy ${arn} was not found.`);
  const roles = rolesInAccount(ctx);
  const out: XmlNode = {
    PolicyName: policy.name,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: 'v1',
    AttachmentCount: roles.filter((r) => r.attachedPolicies.includes(arn)).length,
    PermissionsBoundaryUsageCount: roles.filter((r) => r.permissionsBoundary === arn).length,
    IsAttachable: true,
    Description: policy.description,
    CreateDate: iso(policy.createDateMs),
    UpdateDate: iso(policy.createDateMs),
    Tags: Object.keys(policy.tags).length > 0 ? tagList(policy.tags) : undefined,
  };
  return { Policy: out };
};

/** Attaching a policy already attached changes nothing; the count quota is checked after the change. */
export const attachRolePolicy: QueryHandler = (ctx, params) => {
  const role = findRole(ctx, required(params, 'RoleName'));
  const arn = required(params, 'PolicyArn');
  requireAttachablePolicy(ctx, arn, 'attach');
  if (role.attachedPolicies.includes(arn)) return {};
  refuseProblems(checkRolePolicySizes({ managedArns: [...role.attachedPolicies, arn] }), role.name);
  role.attachedPolicies.push(arn);
  return {};
};

export const detachRolePolicy: QueryHandler = (ctx, params) => {
  const role = findRole(ctx, required(params, 'RoleName'));
  const arn = required(params, 'PolicyArn');
  refuseProblems(checkPolicyArn(arn));
  if (!role.attachedPolicies.includes(arn)) throw queryErrors.noSuchEntity(`Policy ${arn} was not found.`);
  role.attachedPolicies = role.attachedPolicies.filter((a) => a !== arn);
  return {};
};

export const listAttachedRolePolicies: QueryHandler = (ctx, params) => {
  const role = findRole(ctx, required(params, 'RoleName'));
  const prefix = params.get('PathPrefix') ?? '/';
  const attached = role.attachedPolicies
    .map((arn) => ({ arn, path: /:policy(\/(?:[^/]+\/)*)[^/]+$/.exec(arn)?.[1] ?? '/', name: arn.slice(arn.lastIndexOf('/') + 1) }))
    .filter((p) => p.path.startsWith(prefix));
  const result = page(params, attached);
  return { AttachedPolicies: result.items.map((p) => ({ PolicyName: p.name, PolicyArn: p.arn })), IsTruncated: result.IsTruncated, Marker: result.Marker };
};

export const putRolePermissionsBoundary: QueryHandler = (ctx, params) => {
  const role = findRole(ctx, required(params, 'RoleName'));
  const arn = required(params, 'PermissionsBoundary');
  requireAttachablePolicy(ctx, arn, 'boundary');
  role.permissionsBoundary = arn;
  return {};
};

/** Deleting a boundary the role does not have is NoSuchEntity, so a caller never believes it removed one. */
export const deleteRolePermissionsBoundary: QueryHandler = (ctx, params) => {
  const role = findRole(ctx, required(params, 'RoleName'));
  if (role.permissionsBoundary === undefined) throw queryErrors.noSuchEntity(`The role ${role.name} has no permissions boundary.`);
  delete role.permissionsBoundary;
  return {};
};
