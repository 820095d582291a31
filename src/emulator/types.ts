/**
 * The emulator's public types: the JSON state file format (hand-writable, most fields optional)
 * and the options and handle of a running emulator. docs/emulator.md documents the format.
 */

/** A JSON state file: the world the emulator starts from. Every list is optional. */
export interface EmulatorState {
  version?: 1;
  /** Region written to AWS_REGION by the CLI and used for clusters that name none (default us-east-1). */
  region?: string;
  /**
   * Access key whose identity answers requests signed with a key the state does not know
   * (default: the first key of `identities`; with no identities, `arn:PARTITION:iam::123456789012:user/emulator`).
   */
  defaultAccessKeyId?: string;
  /**
   * Access key id → principal ARN (IAM user, IAM role, or `arn:PARTITION:sts::ACCOUNT:assumed-role/NAME/SESSION`).
   * AssumeRole adds the keys it hands out here, so a snapshot keeps them working.
   */
  identities?: Record<string, string | IdentityState>;
  iam?: IamState;
  clusters?: ClusterState[];
}

export interface IdentityState {
  arn: string;
  secretAccessKey?: string;
  /** Present on keys AssumeRole handed out. */
  sessionToken?: string;
  /** ISO-8601; keys handed out by AssumeRole stop working after it. */
  expiration?: string;
}

export interface IamState {
  roles?: RoleState[];
  users?: UserState[];
  /** Customer managed policies (AWS managed ones are built in: src/model/aws-managed-policies.ts). */
  policies?: PolicyState[];
}

export interface PolicyState {
  /** `arn:PARTITION:iam::ACCOUNT:policy/[PATH/]NAME`. */
  arn: string;
  /** Unique id (`ANPA…`); generated from the seed when absent. */
  policyId?: string;
  description?: string;
  /** The default version's document as a JSON object; defaults to one allowing nothing (a Deny of `*`). */
  document?: Record<string, unknown>;
  createDate?: string;
  tags?: Record<string, string>;
}

export interface RoleState {
  /** `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME`: gives the partition, account, path and name. */
  arn: string;
  /** Unique id (`AROA…`); generated from the seed when absent. */
  roleId?: string;
  /** ISO-8601; defaults to 2024-01-01T00:00:00Z. */
  createDate?: string;
  /** The trust policy as a JSON object; defaults to one trusting pods.eks.amazonaws.com. */
  assumeRolePolicyDocument?: unknown;
  description?: string;
  maxSessionDuration?: number;
  tags?: Record<string, string>;
  /** Managed policy ARNs attached: AWS managed ones of the built-in catalog, or `iam.policies` of the role's account. */
  attachedPolicies?: string[];
  /** Inline policy name → document (a JSON object). */
  inlinePolicies?: Record<string, Record<string, unknown>>;
  /** Managed policy ARN set as the permissions boundary (same rule as `attachedPolicies`). */
  permissionsBoundary?: string;
}

export interface UserState {
  /** `arn:PARTITION:iam::ACCOUNT:user/PATH/NAME`. */
  arn: string;
  userId?: string;
  createDate?: string;
  tags?: Record<string, string>;
}

export type AuthenticationMode = 'CONFIG_MAP' | 'API_AND_CONFIG_MAP' | 'API';

export interface ClusterState {
  name: string;
  /** Defaults to the state's `region`. */
  region?: string;
  /** Defaults to the account of the default identity. */
  accountId?: string;
  /** Defaults to API_AND_CONFIG_MAP. */
  authenticationMode?: AuthenticationMode;
  /** EKS Auto Mode (computeConfig.enabled); default false. */
  autoMode?: boolean;
  /** Defaults to `https://oidc.eks.REGION.amazonaws.com/id/<generated>`. */
  oidcIssuer?: string;
  version?: string;
  status?: string;
  createdAt?: string;
  tags?: Record<string, string>;
  addons?: AddonState[];
  podIdentityAssociations?: AssociationState[];
  accessEntries?: AccessEntryState[];
  /** Updates started by UpdateClusterConfig (kept so DescribeUpdate answers after a snapshot). */
  updates?: UpdateState[];
}

export interface AddonState {
  name: string;
  version?: string;
  status?: string;
  serviceAccountRoleArn?: string;
  /** Namespace the add-on runs in (its associations go there); default: the add-on's usual one (kube-system, amazon-cloudwatch …). */
  namespace?: string;
  createdAt?: string;
  tags?: Record<string, string>;
  /** Fault injection: UpdateAddon is accepted, then its update ends Failed with this error (DescribeUpdate). */
  updateFailure?: { errorCode: string; errorMessage: string };
  /** Associations this add-on owns (ownerArn = the add-on's ARN); the association APIs refuse to change them. */
  podIdentityAssociations?: AssociationState[];
}

export interface AssociationState {
  namespace: string;
  serviceAccount: string;
  roleArn: string;
  associationId?: string;
  targetRoleArn?: string;
  disableSessionTags?: boolean;
  /** Session policy JSON (a string as the API carries it, or an object). */
  policy?: string | Record<string, unknown>;
  externalId?: string;
  tags?: Record<string, string>;
  createdAt?: string;
  modifiedAt?: string;
  clientRequestToken?: string;
}

export interface AccessPolicyState {
  /** Full ARN or short name such as AmazonEKSClusterAdminPolicy. */
  policyArn: string;
  /** Default: cluster scope. */
  accessScope?: { type: 'cluster' | 'namespace'; namespaces?: string[] };
  associatedAt?: string;
  modifiedAt?: string;
}

export interface AccessEntryState {
  principalArn: string;
  /** Default STANDARD. */
  type?: string;
  username?: string;
  kubernetesGroups?: string[];
  accessPolicies?: AccessPolicyState[];
  tags?: Record<string, string>;
  createdAt?: string;
  modifiedAt?: string;
  /** The IAM unique id (role id / user id) EKS bound at creation; defaults to the principal's current id. */
  boundRoleId?: string;
  clientRequestToken?: string;
}

export interface UpdateState {
  id: string;
  type: string;
  status: 'InProgress' | 'Successful' | 'Failed' | 'Cancelled';
  params: Array<{ type: string; value: string }>;
  createdAt?: string;
  /** Add-on updates (UpdateAddon) name their add-on. */
  addonName?: string;
  errors?: Array<{ errorCode: string; errorMessage: string; resourceIds: string[] }>;
}

export interface FaultOptions {
  /** Fixed delay before each answer. */
  latencyMs?: number;
  /** Extra uniformly random delay 0..jitterMs. */
  jitterMs?: number;
  /** Per-operation token bucket: sustained requests per second (0/undefined: off). */
  throttleRps?: number;
  /** Bucket size; defaults to throttleRps. */
  throttleBurst?: number;
  /**
   * Another caller sharing the account's limits (Terraform, a controller, the console): it takes
   * this many tokens a second from each operation's bucket, so only `throttleRps - backgroundRps`
   * are left for us. Needs `throttleRps`.
   */
  backgroundRps?: number;
  /** 0..1: share of requests answered with a throttling error at random, whatever their rate. */
  throttleRate?: number;
  /** 0..1: share of requests answered with 500/503. */
  errorRate?: number;
  /** 0..1: share of requests whose socket is destroyed without an answer. */
  resetRate?: number;
  /** A role created through the emulator stays invisible to EKS for this many ms. */
  iamPropagationMs?: number;
  /** Operations answered with 403 AccessDenied, as if the caller's policy lacked them (e.g. `['GetUser']`). */
  denyOperations?: string[];
  /** Operations whose requests are accepted and never answered, as by a broken proxy or VPC endpoint. */
  hangOperations?: string[];
}

export interface EmulatorOptions {
  state: EmulatorState;
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  faults?: FaultOptions;
  /** Seeds generated ids and fault randomness (default 1). */
  seed?: number;
  /** Millisecond clock (default Date.now). */
  now?: () => number;
}

export interface EmulatorHandle {
  /** `http://127.0.0.1:PORT`. */
  endpoint: string;
  /** AWS_ENDPOINT_URL_EKS/_IAM/_STS, plus AWS_REGION and dummy credentials of the default key. */
  env: Record<string, string>;
  /** Requests per operation, faulted ones included. */
  calls(): Record<string, number>;
  /** Requests per operation that were answered with success. */
  successfulCalls(): Record<string, number>;
  resetCalls(): void;
  setFaults(faults: FaultOptions): void;
  /** The current state in the state-file format (loads back to the same world). */
  snapshot(): EmulatorState;
  /** Internal view for tests: includes each access entry's bound principal id. */
  inspect(): EmulatorInspection;
  close(): Promise<void>;
}

export interface EmulatorInspection {
  clusters: Array<{
    name: string;
    region: string;
    accountId: string;
    authenticationMode: AuthenticationMode;
    accessEntries: Array<{ principalArn: string; boundRoleId: string | undefined; currentRoleId: string | undefined; stale: boolean }>;
    podIdentityAssociations: Array<{ associationId: string; namespace: string; serviceAccount: string; roleArn: string; ownerArn?: string }>;
  }>;
  /** Each role with the names of what is attached to it (GetRolePolicy and GetPolicy give the documents). */
  roles: Array<{ arn: string; roleId: string; createDate: string; attachedPolicies: string[]; inlinePolicies: string[]; permissionsBoundary?: string }>;
}
