import type { DesiredAddon } from './addon.js';
import type { PruneMode } from './ownership.js';
import type { Partition } from './partition.js';
import type { SourceLocation } from './source.js';
import type { DesiredRole } from './desired-role.js';

export type AccessEntryType =
  | 'STANDARD'
  | 'EC2_LINUX'
  | 'EC2_WINDOWS'
  | 'FARGATE_LINUX'
  | 'EC2'
  | 'HYBRID_LINUX'
  | 'HYPERPOD_LINUX';

export type AuthenticationMode = 'API' | 'API_AND_CONFIG_MAP' | 'CONFIG_MAP';

/** An access policy scope as EKS models it. */
export type AccessScope = { type: 'cluster' } | { type: 'namespace'; namespaces: string[] };

export interface DesiredAccessPolicy {
  /** Full ARN, e.g. arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy. */
  policyArn: string;
  /** Namespaces are sorted and de-duplicated. */
  scope: AccessScope;
  source?: SourceLocation;
}

export interface DesiredAssociation {
  namespace: string;
  serviceAccount: string;
  /** Fully expanded role ARN. */
  roleArn: string;
  /** Absent means "no target role" (the plan clears a live one). */
  targetRoleArn?: string;
  disableSessionTags: boolean;
  /** Session policy as canonical (key-sorted, minified) JSON text. */
  policy?: string;
  /** Defaults merged with the association's own tags. */
  tags: Record<string, string>;
  /** The role is declared with a `role:` block: eks-identity creates and owns it (DesiredState.roles). */
  managedRole?: boolean;
  source?: SourceLocation;
}

export interface DesiredAccessEntry {
  principalArn: string;
  type: AccessEntryType;
  /** Sorted, de-duplicated. Empty for node types. */
  kubernetesGroups: string[];
  /** Absent: EKS chooses the default username. */
  username?: string;
  /** Sorted by policyArn. */
  accessPolicies: DesiredAccessPolicy[];
  tags: Record<string, string>;
  source?: SourceLocation;
}

export interface DesiredCluster {
  name: string;
  region: string;
  partition: Partition;
  /** From the manifest; when absent, taken from the cluster credentials at plan time. */
  accountId?: string;
  assumeRoleArn?: string;
  /** Delete live objects that the manifest does not declare: all of them, or only those it owns. */
  prune: PruneMode;
  /** The manifest's `owner`: every object it writes carries the tag eks-identity/owner with this value. */
  owner?: string;
  /** Sorted by (namespace, serviceAccount). */
  associations: DesiredAssociation[];
  /** Sorted by principalArn. */
  accessEntries: DesiredAccessEntry[];
  /** Declared add-ons (`addons:`), sorted by name; absent or empty: none. */
  addons?: DesiredAddon[];
  source?: SourceLocation;
}

export interface DesiredState {
  /** Files the state was read from, in load order. */
  files: string[];
  clusters: DesiredCluster[];
  /**
   * IAM roles declared with `role:` blocks, one per (account, role name), built from every
   * cluster of the manifest (not only the planned ones). Sorted by ARN. Absent: none.
   */
  roles?: DesiredRole[];
}
