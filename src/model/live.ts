import type { AccessEntryType, AccessScope, AuthenticationMode } from './desired.js';
import type { LiveAddonDetail } from './addon.js';
import type { Partition } from './partition.js';
import type { LiveRoleDetail } from './desired-role.js';

export interface LiveAssociationSummary {
  associationId: string;
  associationArn?: string;
  namespace: string;
  serviceAccount: string;
  /** Set when an EKS add-on owns the association: never modified by this tool. */
  ownerArn?: string;
}

export interface LiveAssociation extends LiveAssociationSummary {
  roleArn: string;
  targetRoleArn?: string;
  disableSessionTags: boolean;
  /** Canonical JSON text, as for DesiredAssociation.policy. */
  policy?: string;
  tags: Record<string, string>;
  /** ISO-8601. */
  createdAt?: string;
  modifiedAt?: string;
}

export interface LiveAccessPolicy {
  policyArn: string;
  scope: AccessScope;
  associatedAt?: string;
}

export interface LiveAccessEntry {
  principalArn: string;
  accessEntryArn?: string;
  type: AccessEntryType;
  kubernetesGroups: string[];
  username?: string;
  tags: Record<string, string>;
  /** ISO-8601. */
  createdAt?: string;
  modifiedAt?: string;
  accessPolicies: LiveAccessPolicy[];
}

export interface LiveRole {
  arn: string;
  roleName: string;
  roleId: string;
  /** ISO-8601. */
  createDate: string;
  /** Decoded trust policy document. */
  trustPolicy: unknown;
}

/** An IAM user an access entry names: only its creation time matters (a re-created user is a new principal). */
export interface LiveUser {
  arn: string;
  userName: string;
  userId: string;
  /** ISO-8601. */
  createDate: string;
}

export interface CallerIdentity {
  /** As STS returns it, e.g. arn:aws:sts::111122223333:assumed-role/Deploy/session. */
  arn: string;
  accountId: string;
  /** The IAM principal an access entry would name: the role ARN for an assumed role (path unknown). */
  principalArn: string;
}

export interface LiveAddon {
  name: string;
  /** Read by migrations (DescribeAddon); the plan reads declared add-ons in `addonDetails`. */
  version?: string;
  status?: string;
  serviceAccountRoleArn?: string;
}

export type { LiveAddonDetail };

export interface LiveCluster {
  name: string;
  region: string;
  partition: Partition;
  accountId: string;
  /** False when DescribeCluster answered not found. */
  exists: boolean;
  authenticationMode: AuthenticationMode;
  /** EKS Auto Mode: the Pod Identity agent is built in. */
  autoMode: boolean;
  oidcIssuer?: string;
  addons: LiveAddon[];
  /** Declared add-ons that are installed, read in detail (DescribeAddon, its configuration and owned associations), by name. */
  addonDetails?: Record<string, LiveAddonDetail>;
  /** Every association the cluster has (from the list calls). */
  associationSummaries: LiveAssociationSummary[];
  /** Described associations: the declared ones, or all when prune is on. Keyed by associationId. */
  associations: LiveAssociation[];
  /** Every access entry principal ARN (from the list calls). */
  accessEntryPrincipals: string[];
  /** Described entries with their policies: the declared ones, or all when prune is on. */
  accessEntries: LiveAccessEntry[];
  /**
   * IAM roles referenced by the desired state (and by described entries), keyed by the ARN as
   * declared; null = not found. GetRole looks a role up by name, so `arn` is the role's real ARN,
   * whose path may differ from the declared one.
   */
  roles: Record<string, LiveRole | null>;
  /** IAM users named by declared access entries, keyed by the ARN as declared (`arn`: the real one); null = not found. Absent: not read. */
  users?: Record<string, LiveUser | null>;
  /** IAM users of declared entries that could not be read (iam:GetUser denied): their stale check is skipped. */
  unreadableUsers?: string[];
  caller: CallerIdentity;
  /**
   * Kinds whose list was not read in full (prune off, declared objects read one by one): then
   * `associationSummaries` or `accessEntryPrincipals` hold only the objects found, and undeclared
   * objects of that kind were not counted. Absent: both lists are complete.
   */
  uncounted?: Array<'associations' | 'accessEntries'>;
  /** ARNs of every access policy of the cluster's partition (ListAccessPolicies); absent: not read (no policy declared). */
  accessPolicyCatalog?: string[];
  /** eks:ListAccessPolicies was denied: declared policies could not be checked. */
  accessPolicyCatalogDenied?: boolean;
  /**
   * Roles of `role:` blocks declared on this cluster, and owned roles that live associations use
   * (prune candidates), read in full: keyed by the ARN as declared (or as the association names
   * it); null = not found. Absent: none read.
   */
  managedRoles?: Record<string, LiveRoleDetail | null>;
  /** Managed policies and boundaries the `role:` blocks of this cluster name: ARN → exists (GetPolicy). */
  managedPolicies?: Record<string, boolean>;
}

export interface LiveState {
  clusters: LiveCluster[];
}
