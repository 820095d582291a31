/**
 * What EKS accepts on an access entry, by type, as pure functions: `validate` checks them when the
 * cluster's account is known offline, the plan checks them with the account from STS, and the
 * emulator refuses the same requests. Sources, by rule:
 *
 * - CreateAccessEntry `principalArn` (API reference): for the node types EC2, EC2_LINUX,
 *   EC2_WINDOWS, FARGATE_LINUX and HYBRID_LINUX the only valid principal is an IAM role;
 *   HYPERPOD_LINUX is a node type too and is treated the same way.
 * - EKS User Guide, "Create access entries": a type other than STANDARD needs a principal in the
 *   cluster's own account; only STANDARD entries take a username and Kubernetes groups.
 * - CreateAccessEntry `type` and AssociateAccessPolicy: EC2_LINUX and EC2_WINDOWS entries take no
 *   access policy; EC2 (EKS Auto Mode custom node classes) takes AmazonEKSAutoNodePolicy, per the
 *   guide's "Create a node class access entry". The other node types get their rights from EKS.
 * - The usernames and groups EKS gives node types (describe-access-entry of a node role, the
 *   guide's username table and its aws-auth node mappings): see NODE_IDENTITIES.
 */
import { groupProblems, usernameProblems, type LimitProblem } from './api-limits.js';
import { otherAccountOf, parseArn } from './partition.js';

export const ACCESS_ENTRY_TYPES = ['STANDARD', 'EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX', 'EC2', 'HYBRID_LINUX', 'HYPERPOD_LINUX'] as const;
export type AccessEntryType = (typeof ACCESS_ENTRY_TYPES)[number];

/** The username and groups EKS sets on an entry it does not let the user name. */
export const NODE_IDENTITIES: Readonly<Record<Exclude<AccessEntryType, 'STANDARD'>, { username: string; groups: readonly string[] }>> = {
  EC2_LINUX: { username: 'system:node:{{EC2PrivateDNSName}}', groups: ['system:nodes'] },
  // Windows nodes also need eks:kube-proxy-windows for DNS (EKS User Guide, Windows support).
  EC2_WINDOWS: { username: 'system:node:{{EC2PrivateDNSName}}', groups: ['eks:kube-proxy-windows', 'system:nodes'] },
  FARGATE_LINUX: { username: 'system:node:{{SessionName}}', groups: ['system:node-proxier', 'system:nodes'] },
  HYBRID_LINUX: { username: 'system:node:{{SessionName}}', groups: ['system:nodes'] },
  // Auto Mode nodes get their rights from AmazonEKSAutoNodePolicy, not from groups.
  EC2: { username: 'system:node:{{EC2PrivateDNSName}}', groups: [] },
  HYPERPOD_LINUX: { username: 'sagemaker:hyperpod:{{SessionName}}', groups: [] },
};

export function isAccessEntryType(type: string): type is AccessEntryType {
  return (ACCESS_ENTRY_TYPES as readonly string[]).includes(type);
}

/** Only STANDARD entries take a username and Kubernetes groups; EKS sets those of node types. */
export function takesIdentityFields(type: string): boolean {
  return type === 'STANDARD';
}

/** STANDARD entries, and EC2 (Auto Mode node roles get AmazonEKSAutoNodePolicy). */
export function takesAccessPolicies(type: string): boolean {
  return type === 'STANDARD' || type === 'EC2';
}

/** Node types accept only IAM roles, and only in the cluster's account. */
export function isNodeType(type: string): boolean {
  return type !== 'STANDARD';
}

export type AccessEntryField = 'principalArn' | 'username' | 'kubernetesGroups' | 'accessPolicies';

export interface AccessEntryProblem extends LimitProblem {
  field: AccessEntryField;
  /** Index in `kubernetesGroups`, for group problems. */
  index?: number;
}

export interface AccessEntryInput {
  type: string;
  /** Expanded: no variables left. */
  principalArn: string;
  /** The cluster's account, when known (manifest `accountId`, or STS at plan). */
  clusterAccountId?: string | undefined;
  username?: string | undefined;
  kubernetesGroups?: readonly string[] | undefined;
  /** How many access policies the entry associates. */
  accessPolicyCount?: number;
}

/** "an EC2_LINUX", "a FARGATE_LINUX": the article follows how the type is read aloud. */
function withArticle(type: string): string {
  return `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type}`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Every per-type rule an entry breaks; empty when EKS would take it. */
export function accessEntryProblems(e: AccessEntryInput): AccessEntryProblem[] {
  const out: AccessEntryProblem[] = [];
  const arn = parseArn(e.principalArn);
  const kind = arn?.resource.split('/')[0];
  if (isNodeType(e.type) && kind === 'user') {
    out.push({ field: 'principalArn', code: 'USER_ON_NODE_TYPE', message: `an IAM user cannot be the principal of ${withArticle(e.type)} entry: EKS takes only IAM roles for node types`, fix: 'use the node IAM role\'s ARN, or type STANDARD for a person' });
  }
  const otherAccount = otherAccountOf(e.principalArn, e.clusterAccountId);
  if (isNodeType(e.type) && otherAccount !== undefined) {
    out.push({
      field: 'principalArn',
      code: 'NODE_TYPE_OTHER_ACCOUNT',
      message: `${capitalised(withArticle(e.type))} entry needs a principal in the cluster's account ${e.clusterAccountId}; this one is in ${otherAccount}`,
      fix: 'use a role of the cluster\'s account, or type STANDARD (which takes principals of any account)',
    });
  }
  if (!takesIdentityFields(e.type)) {
    if (e.kubernetesGroups !== undefined && e.kubernetesGroups.length > 0) {
      out.push({ field: 'kubernetesGroups', code: 'GROUPS_ON_NODE_TYPE', message: `\`kubernetesGroups\` cannot be set on an entry of type ${e.type}: EKS sets the groups of node types itself`, fix: 'remove `kubernetesGroups`, or use type STANDARD' });
    }
    if (e.username !== undefined) {
      out.push({ field: 'username', code: 'USERNAME_ON_NODE_TYPE', message: `\`username\` cannot be set on ${withArticle(e.type)} entry: EKS sets it itself`, fix: 'remove `username`, or use type STANDARD' });
    }
  }
  if (e.username !== undefined) out.push(...usernameProblems(e.username).map((p) => ({ ...p, field: 'username' as const })));
  e.kubernetesGroups?.forEach((group, index) => out.push(...groupProblems(group).map((p) => ({ ...p, field: 'kubernetesGroups' as const, index }))));
  if (!takesAccessPolicies(e.type) && (e.accessPolicyCount ?? 0) > 0) {
    out.push({ field: 'accessPolicies', code: 'ACCESS_POLICIES_ON_NODE_TYPE', message: `access policies cannot be associated with an entry of type ${e.type}`, fix: e.type === 'EC2' ? 'remove `accessPolicies`' : 'remove `accessPolicies`, or use type STANDARD (or EC2 for an Auto Mode node class role)' });
  }
  return out;
}
