/** Name rules shared by the validator and the planner (Kubernetes names and EKS limits are in model/api-limits.ts). */

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

