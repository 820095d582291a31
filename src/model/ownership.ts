import { accessPolicyName, parseArn, roleNameOfArn as roleNameOf } from './partition.js';

/*
 * Who owns an access entry, and who a principal is. Shared by the planner (findings) and the apply
 * engine (the delete guards it checks again right before each delete).
 */

/**
 * Node entries EKS makes itself for managed node groups, Fargate profiles and Auto Mode, and
 * entries of service-linked roles. The API does not say who created an entry, so every entry of
 * these kinds is protected: removing a node role's entry takes its nodes out of the cluster.
 */
const EKS_NODE_TYPES = new Set(['EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX', 'EC2']);

/** Why EKS owns this entry, or undefined when it is ours to delete. */
export function eksOwnedEntryReason(entry: { principalArn: string; type: string }): string | undefined {
  if (EKS_NODE_TYPES.has(entry.type)) return `access entry of type ${entry.type} is a node entry EKS manages; it is never deleted`;
  const name = roleNameOf(entry.principalArn);
  if (name?.startsWith('AWSServiceRoleFor')) return `access entry for the service-linked role ${name} belongs to EKS; it is never deleted`;
  return undefined;
}

/**
 * The same IAM principal, comparing roles by partition, account and name: STS reports an assumed
 * role without its path, so `role/teams/Deploy` and `role/Deploy` are the same caller.
 */
export function isSamePrincipal(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = parseArn(a);
  const pb = parseArn(b);
  if (!pa || !pb || pa.service !== 'iam' || pb.service !== 'iam') return false;
  if (!pa.resource.startsWith('role/') || !pb.resource.startsWith('role/')) return false;
  return pa.partition === pb.partition && pa.accountId === pb.accountId && roleNameOf(a) === roleNameOf(b);
}

export const CLUSTER_ADMIN_POLICY = 'AmazonEKSClusterAdminPolicy';

export function isClusterAdminPolicy(policyArn: string): boolean {
  return accessPolicyName(policyArn) === CLUSTER_ADMIN_POLICY;
}
