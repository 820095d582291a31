/** Name rules shared by the validator and the planner. */

/** Kubernetes namespace: an RFC 1123 label. */
export const NAMESPACE_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const NAMESPACE_MAX = 63;
/** Kubernetes service account: an RFC 1123 subdomain. */
export const SERVICE_ACCOUNT_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const SERVICE_ACCOUNT_MAX = 253;
/** EKS cluster names. */
export const CLUSTER_NAME_RE = /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/;
/** Regions of the partitions this tool knows (aws, aws-cn, aws-us-gov); ISO regions would get wrong ARNs. */
export const REGION_RE = /^[a-z]{2}(-gov)?-[a-z]+-\d{1,2}$/;
export const ACCOUNT_ID_RE = /^\d{12}$/;
/** IAM role name with an optional path: `Name` or `path/to/Name`. */
export const ROLE_NAME_RE = /^([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
export const ROLE_ARN_RE = /^arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:role\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
export const PRINCIPAL_ARN_RE = /^arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:(role|user)\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
export const ACCESS_POLICY_ARN_RE = /^arn:(aws|aws-cn|aws-us-gov):eks::aws:cluster-access-policy\/[A-Za-z0-9]+$/;
export const ACCESS_POLICY_NAME_RE = /^[A-Za-z0-9]+$/;

export const RESERVED_GROUP_PREFIXES = ['system:'];
export const RESERVED_USERNAME_PREFIXES = ['system:', 'eks:', 'aws:', 'amazon:', 'iam:'];

export const TAG_LIMITS = { count: 50, key: 128, value: 256 } as const;

/** Types whose username and groups EKS sets itself. */
export function takesIdentityFields(type: string): boolean {
  return type === 'STANDARD';
}

/**
 * Types that take access policies: STANDARD, and EC2 (EKS Auto Mode node roles get
 * AmazonEKSAutoNodePolicy). The other node types get their permissions from EKS, which refuses
 * AssociateAccessPolicy on them; the emulator enforces the same rule.
 */
export function takesAccessPolicies(type: string): boolean {
  return type === 'STANDARD' || type === 'EC2';
}
