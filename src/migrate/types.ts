/**
 * Manifest v1 fragments as the migrations and the export write them: plain objects in the shape a
 * user would type, so the emitted YAML reads like a hand-written manifest.
 */
import type { AccessEntryType } from '../model/desired.js';
import type { SourceLocation } from '../model/source.js';

export interface FragmentCluster {
  name: string;
  region: string;
  accountId?: string;
}

/** A `role:` block: a workload role the manifest's owner manages (the trust is built, never written). */
export interface FragmentRole {
  name: string;
  /** Only when not `/`. */
  path?: string;
  managedPolicies?: string[];
  /** Policy name → document (an object, so it is written as YAML). */
  inlinePolicies?: Record<string, unknown>;
  permissionsBoundary?: string;
  /** Only when not IAM's default 3600. */
  maxSessionDuration?: number;
  description?: string;
  /** Without the owner tag (the manifest's `owner:` sets it). */
  tags?: Record<string, string>;
}

export interface FragmentAssociation {
  namespace: string;
  serviceAccount: string;
  roleArn: string;
  targetRoleArn?: string;
  disableSessionTags?: boolean;
  /** Session policy document (an object, so it is written as YAML). */
  policy?: unknown;
  tags?: Record<string, string>;
  /** Selector, when the file loads beside a manifest of several clusters. */
  clusters?: string[];
}

/** An association whose role the manifest manages: a `role:` block instead of roleArn. */
export interface FragmentRoleAssociation extends Omit<FragmentAssociation, 'roleArn'> {
  role: FragmentRole;
}

/** `scope: cluster`, or `namespaces: [...]` for a namespace scope (as the manifest writes them). */
export interface FragmentAccessPolicy {
  /** Short name (AmazonEKSViewPolicy) when the ARN is an EKS policy of the cluster's partition, else the ARN. */
  policy: string;
  scope?: 'cluster';
  namespaces?: string[];
}

export interface FragmentAccessEntry {
  principalArn: string;
  type: AccessEntryType;
  kubernetesGroups?: string[];
  username?: string;
  accessPolicies?: FragmentAccessPolicy[];
  tags?: Record<string, string>;
  /** Selector, when the file loads beside a manifest of several clusters. */
  clusters?: string[];
}

/** An `addons:` entry: the add-on's Pod Identity associations, set through the add-on. */
export interface FragmentAddon {
  name: string;
  podIdentityAssociations: Array<{ serviceAccount: string; roleArn: string }>;
  /** Selector, when the file loads beside a manifest of several clusters. */
  clusters?: string[];
}

export interface ManifestFragment {
  version: 1;
  /** The manifest's owner (an export of the objects tagged with it). */
  owner?: string;
  /** Absent when the cluster's region is not known (offline aws-auth conversion without --region). */
  clusters?: FragmentCluster[];
  podIdentityAssociations?: Array<FragmentAssociation | FragmentRoleAssociation>;
  accessEntries?: FragmentAccessEntry[];
  addons?: FragmentAddon[];
}

/** Something a migration found but could not turn into a manifest entry, and why. Never dropped silently. */
export interface NotConvertible {
  /** Where it came from: an aws-auth section, a role, an add-on. */
  origin: 'mapRoles' | 'mapUsers' | 'mapAccounts' | 'configMap' | 'role' | 'addon';
  /** The principal, account, role or add-on it is about. */
  subject: string;
  reason: string;
  fix?: string;
  source?: SourceLocation;
}
