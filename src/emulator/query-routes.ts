/** awsQuery dispatch: IAM and STS share `POST /`; the Action (or the signing service) tells them apart. */
import type { QueryHandler } from './context.js';
import * as iam from './iam-handlers.js';
import * as sts from './sts-handlers.js';

export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

const IAM: Record<string, QueryHandler> = {
  GetRole: iam.getRole,
  GetUser: iam.getUser,
  ListRoles: iam.listRoles,
  CreateRole: iam.createRole,
  DeleteRole: iam.deleteRole,
  UpdateAssumeRolePolicy: iam.updateAssumeRolePolicy,
  ListRoleTags: iam.listRoleTags,
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
