/** awsQuery dispatch: IAM and STS share `POST /`; the Action (or the signing service) tells them apart. */
import type { QueryHandler } from './context.js';
import * as iam from './iam-handlers.js';
import * as managed from './iam-managed-policies.js';
import * as inline from './iam-role-policies.js';
import * as tags from './iam-role-tags.js';
import * as sts from './sts-handlers.js';

export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

const IAM: Record<string, QueryHandler> = {
  GetRole: iam.getRole,
  GetUser: iam.getUser,
  ListRoles: iam.listRoles,
  CreateRole: iam.createRole,
  DeleteRole: iam.deleteRole,
  UpdateRole: iam.updateRole,
  UpdateAssumeRolePolicy: iam.updateAssumeRolePolicy,
  TagRole: tags.tagRole,
  UntagRole: tags.untagRole,
  ListRoleTags: tags.listRoleTags,
  PutRolePolicy: inline.putRolePolicy,
  GetRolePolicy: inline.getRolePolicy,
  DeleteRolePolicy: inline.deleteRolePolicy,
  ListRolePolicies: inline.listRolePolicies,
  GetPolicy: managed.getPolicy,
  AttachRolePolicy: managed.attachRolePolicy,
  DetachRolePolicy: managed.detachRolePolicy,
  ListAttachedRolePolicies: managed.listAttachedRolePolicies,
  PutRolePermissionsBoundary: managed.putRolePermissionsBoundary,
  DeleteRolePermissionsBoundary: managed.deleteRolePermissionsBoundary,
};

const STS: Record<string, QueryHandler> = {
  GetCallerIdentity: sts.getCallerIdentity,
  AssumeRole: sts.assumeRole,
};

/** Every IAM and STS operation the emulator answers. */
export const QUERY_OPERATIONS: readonly string[] = [...Object.keys(IAM), ...Object.keys(STS)];

export function matchQueryAction(action: string, signingService: string | undefined): { service: 'iam' | 'sts'; handler?: QueryHandler } {
  if (Object.hasOwn(STS, action)) return { service: 'sts', handler: STS[action]! };
  if (Object.hasOwn(IAM, action)) return { service: 'iam', handler: IAM[action]! };
  return { service: signingService === 'sts' ? 'sts' : 'iam' };
}
