import { createHash } from 'node:crypto';
import type { Partition } from './partition.js';
import type { SourceLocation } from './source.js';

/*
 * Workload roles: IAM roles eks-identity creates and owns for the associations that declare a
 * `role:` block. IAM is global to an account, so a role is keyed by (account, role name) and built
 * from every cluster of the manifest that declares it, not only the clusters one run plans.
 */

/** One association that declares the role: who the trust must admit. */
export interface RoleDeclarer {
  cluster: string;
  region: string;
  accountId: string;
  namespace: string;
  serviceAccount: string;
  /** False when the association sets disableSessionTags: the namespace and service account tags are then absent. */
  sessionTags: boolean;
  /** Set when the declarer is an add-on's association; `recommendedPolicies`: attach what its version recommends. */
  addon?: { name: string; recommendedPolicies: boolean };
  source?: SourceLocation;
}

export interface DesiredRole {
  accountId: string;
  partition: Partition;
  roleName: string;
  /** `/` or `/a/b/`. */
  path: string;
  /** arn:PARTITION:iam::ACCOUNT:role/PATH/NAME (path without its leading slash). */
  arn: string;
  /** Canonical JSON of the Pod Identity trust policy built for the declarers. */
  trustPolicy: string;
  /** Sorted, de-duplicated, expanded. */
  managedPolicyArns: string[];
  /** Policy name → canonical JSON, names sorted. */
  inlinePolicies: Record<string, string>;
  permissionsBoundary?: string;
  /** Seconds; IAM's default is 3600. */
  maxSessionDuration: number;
  description?: string;
  /** The block's tags merged over the defaults, with the owner tag. */
  tags: Record<string, string>;
  /** `adopt: true`: an existing role without an owner tag is tagged and then managed. */
  adopt: boolean;
  /** In manifest order (cluster order, then association order). */
  declaredBy: RoleDeclarer[];
  /** The first declaration. */
  source?: SourceLocation;
  /** Declarations of the same role that differ from the first: each a located conflict. */
  conflicts?: Array<{ field: string; source?: SourceLocation }>;
  /** Clusters declaring a role of this name whose account is not known (see the plan's finding). */
  unknownAccountClusters?: string[];
}

/** IAM's maximum role name length (IAM API Reference, CreateRole: RoleName 1–64). */
export const ROLE_NAME_MAX = 64;
/** IAM's default and minimum MaxSessionDuration (CreateRole: 3600–43200 seconds). */
export const DEFAULT_MAX_SESSION_DURATION = 3600;

/**
 * The default role name of an association: `CLUSTER-NAMESPACE-SERVICEACCOUNT`, readable and
 * deterministic. Longer than IAM's 64 characters, it is cut and ends with 8 hex characters of the
 * full name's sha256, so two long names that share a prefix stay distinct. Every character of a
 * cluster name, namespace and service account is allowed in a role name.
 */
export function defaultRoleName(cluster: string, namespace: string, serviceAccount: string): string {
  const full = `${cluster}-${namespace}-${serviceAccount}`;
  if (full.length <= ROLE_NAME_MAX) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  return `${full.slice(0, ROLE_NAME_MAX - hash.length - 1).replace(/[-.]+$/, '')}-${hash}`;
}

/** The role's ARN from its path and name. */
export function roleArnWithPath(partition: Partition, accountId: string, path: string, roleName: string): string {
  return `arn:${partition}:iam::${accountId}:role${path}${roleName}`;
}

/** What a live role looks like to the role diff (GetRole, ListAttachedRolePolicies, ListRolePolicies + GetRolePolicy). */
export interface LiveRoleDetail {
  arn: string;
  roleName: string;
  path: string;
  roleId: string;
  /** ISO-8601. */
  createDate: string;
  /** Canonical JSON of the decoded trust policy. */
  trustPolicy: string;
  description?: string;
  maxSessionDuration: number;
  permissionsBoundary?: string;
  tags: Record<string, string>;
  /** Sorted. Absent when only GetRole was read (a role that is not ours). */
  managedPolicyArns?: string[];
  /** Name → canonical JSON (URL-decoded). Absent when only GetRole was read. */
  inlinePolicies?: Record<string, string>;
}
