/** AWS partitions this tool knows, and the facts that differ between them. */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

export const PARTITIONS: readonly Partition[] = ['aws', 'aws-cn', 'aws-us-gov'];

/** The partition a region belongs to: `cn-*` → aws-cn, `us-gov-*` → aws-us-gov, else aws. */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** DNS suffix used by service principals whose name differs per partition (EC2 in China). */
export function servicePrincipalSuffix(partition: Partition): string {
  return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** The EKS Pod Identity service principal: the same in every partition. */
export const POD_IDENTITY_PRINCIPAL = 'pods.eks.amazonaws.com';
export const POD_IDENTITY_ACTIONS = ['sts:AssumeRole', 'sts:TagSession'] as const;

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  resource: string;
}

const ARN_RE = /^arn:([a-z-]+):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|):(.+)$/;

/** Parses an ARN; returns undefined when it is not one. */
export function parseArn(arn: string): ParsedArn | undefined {
  const m = ARN_RE.exec(arn);
  if (!m) return undefined;
  return { partition: m[1]!, service: m[2]!, region: m[3]!, accountId: m[4]!, resource: m[5]! };
}

/**
 * The account of an ARN when it is a real account other than `accountId` (known); undefined when
 * the ARN is in that account, names no account (`aws`, empty), or the account is not known.
 */
export function otherAccountOf(arn: string, accountId: string | undefined): string | undefined {
  const other = parseArn(arn)?.accountId;
  return accountId !== undefined && other !== undefined && /^\d{12}$/.test(other) && other !== accountId ? other : undefined;
}

/** IAM role ARN for a role name (which may carry a path, e.g. `team/app`). */
export function roleArnFor(partition: Partition, accountId: string, roleNameWithPath: string): string {
  return `arn:${partition}:iam::${accountId}:role/${roleNameWithPath.replace(/^\/+/, '')}`;
}

/** The role's name: the last path segment of `role/path/.../Name`. */
export function roleNameOfArn(arn: string): string | undefined {
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== 'iam' || !parsed.resource.startsWith('role/')) return undefined;
  const segments = parsed.resource.split('/');
  return segments[segments.length - 1];
}

/** EKS access policy ARN for a short name such as `AmazonEKSClusterAdminPolicy`. */
export function accessPolicyArnFor(partition: Partition, nameOrArn: string): string {
  if (nameOrArn.startsWith('arn:')) return nameOrArn;
  return `arn:${partition}:eks::aws:cluster-access-policy/${nameOrArn}`;
}

/** Short name of an access policy ARN (the part after `cluster-access-policy/`). */
export function accessPolicyName(policyArn: string): string {
  const i = policyArn.indexOf('cluster-access-policy/');
  return i < 0 ? policyArn : policyArn.slice(i + 'cluster-access-policy/'.length);
}
