/**
 * The emulator's in-memory world: the state file with every default filled in and times as
 * epoch milliseconds. Handlers read and change it; `snapshotWorld` turns it back into a state.
 */
import { createHash } from 'node:crypto';
import { isAccessEntryType, NODE_IDENTITIES } from '../model/access-entry-rules.js';
import { partitionOfRegion, type Partition } from '../model/partition.js';
import type { AuthenticationMode } from './types.js';
import { findByKey } from './lookup.js';

export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT = '123456789012';
export const DEFAULT_CREATE_DATE = Date.parse('2024-01-01T00:00:00Z');

export interface Role {
  arn: string;
  partition: string;
  accountId: string;
  name: string;
  path: string;
  roleId: string;
  createDateMs: number;
  trustPolicy: unknown;
  description?: string;
  maxSessionDuration: number;
  tags: Record<string, string>;
  /** EKS sees the role only from this instant (IAM propagation delay). */
  visibleToEksAtMs: number;
  /** Managed policy ARNs attached, in attachment order. */
  attachedPolicies: string[];
  /** Inline policy name → document (parsed JSON), in the order they were put. */
  inlinePolicies: Map<string, unknown>;
  permissionsBoundary?: string;
}

/** A customer managed policy (AWS managed ones come from src/model/aws-managed-policies.ts). */
export interface ManagedPolicy {
  arn: string;
  accountId: string;
  name: string;
  path: string;
  policyId: string;
  description?: string;
  document: unknown;
  createDateMs: number;
  tags: Record<string, string>;
}

export interface User {
  arn: string;
  partition: string;
  accountId: string;
  name: string;
  path: string;
  userId: string;
  createDateMs: number;
  tags: Record<string, string>;
}

export interface Identity {
  accessKeyId: string;
  arn: string;
  secretAccessKey: string;
  sessionToken?: string;
  expirationMs?: number;
}

export interface Addon {
  name: string;
  arn: string;
  version: string;
  status: string;
  serviceAccountRoleArn?: string;
  /** The namespace the add-on runs in: its associations are created there. */
  namespace: string;
  createdAtMs: number;
  modifiedAtMs: number;
  tags: Record<string, string>;
  /** Fault injection: the next add-on updates end Failed with this error instead of Successful. */
  updateFailure?: { errorCode: string; errorMessage: string };
}

export interface Association {
  id: string;
  arn: string;
  namespace: string;
  serviceAccount: string;
  roleArn: string;
  targetRoleArn?: string;
  disableSessionTags: boolean;
  policy?: string;
  externalId?: string;
  tags: Record<string, string>;
  createdAtMs: number;
  modifiedAtMs: number;
  /** Name of the add-on that owns it (ownerArn); the association APIs refuse to change it. */
  addonName?: string;
  clientRequestToken?: string;
}

export interface PolicyAssociation {
  policyArn: string;
  scope: { type: 'cluster' | 'namespace'; namespaces: string[] };
  associatedAtMs: number;
  modifiedAtMs: number;
}

export interface AccessEntry {
  principalArn: string;
  arn: string;
  type: string;
  username: string;
  kubernetesGroups: string[];
  tags: Record<string, string>;
  createdAtMs: number;
  modifiedAtMs: number;
  boundRoleId?: string;
  policies: PolicyAssociation[];
  clientRequestToken?: string;
}

export interface ClusterUpdate {
  id: string;
  type: string;
  status: 'InProgress' | 'Successful' | 'Failed' | 'Cancelled';
  params: Array<{ type: string; value: string }>;
  createdAtMs: number;
  /** Set on add-on updates: DescribeUpdate finds them only with this addonName. */
  addonName?: string;
  errors?: Array<{ errorCode: string; errorMessage: string; resourceIds: string[] }>;
  /** DescribeUpdate answers InProgress this many more times before `status` (an asynchronous update). */
  pendingPolls?: number;
  clientRequestToken?: string;
}

export interface Cluster {
  name: string;
  region: string;
  partition: Partition;
  accountId: string;
  arn: string;
  authenticationMode: AuthenticationMode;
  autoMode: boolean;
  oidcIssuer: string;
  version: string;
  status: string;
  createdAtMs: number;
  tags: Record<string, string>;
  addons: Addon[];
  associations: Association[];
  entries: AccessEntry[];
  updates: ClusterUpdate[];
}

export interface World {
  region: string;
  defaultAccessKeyId?: string;
  identities: Map<string, Identity>;
  roles: Role[];
  users: User[];
  policies: ManagedPolicy[];
  clusters: Cluster[];
}

/** `arn:P:iam::A:role/path/Name` → its parts; used for roles and users alike. */
export function splitIamArn(arn: string): { partition: string; accountId: string; kind: string; path: string; name: string } | undefined {
  const m = /^arn:([a-z-]+):iam::(\d{12}):(role|user)(\/(?:[^/]+\/)*)?([^/]+)$/.exec(arn);
  if (!m) return undefined;
  return { partition: m[1]!, accountId: m[2]!, kind: m[3]!, path: m[4] ?? '/', name: m[5]! };
}

export function parseTime(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? fallback : ms;
}

export function defaultTrustPolicy(): unknown {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
  };
}

export function clusterArn(c: { partition: string; region: string; accountId: string; name: string }): string {
  return `arn:${c.partition}:eks:${c.region}:${c.accountId}:cluster/${c.name}`;
}

export function associationArn(c: Cluster, id: string): string {
  return `arn:${c.partition}:eks:${c.region}:${c.accountId}:podidentityassociation/${c.name}/${id}`;
}

/** A uuid derived from content, so ARNs the state file does not store come back the same after a snapshot. */
export function hashUuid(...parts: Array<string | number>): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function accessEntryArn(c: Cluster, principalArn: string, createdAtMs: number): string {
  const split = splitIamArn(principalArn);
  const tail = split ? `${split.kind}/${split.accountId}/${split.name}` : 'principal';
  return `arn:${c.partition}:eks:${c.region}:${c.accountId}:access-entry/${c.name}/${tail}/${hashUuid(c.arn, principalArn, createdAtMs)}`;
}

export function addonArn(c: Cluster, name: string, createdAtMs: number): string {
  return `arn:${c.partition}:eks:${c.region}:${c.accountId}:addon/${c.name}/${name}/${hashUuid(c.arn, name, createdAtMs)}`;
}

/** The username EKS picks when none is given, by entry type and principal kind. */
export function defaultUsername(type: string, principalArn: string): string {
  if (type === 'STANDARD') {
    const split = splitIamArn(principalArn);
    // EKS drops the role's path from the generated username (EKS User Guide, "Create access entries").
    if (split?.kind === 'role') return `arn:${split.partition}:sts::${split.accountId}:assumed-role/${split.name}/{{SessionName}}`;
    return principalArn;
  }
  return isAccessEntryType(type) && type !== 'STANDARD' ? NODE_IDENTITIES[type].username : 'system:node:{{EC2PrivateDNSName}}';
}

/** The groups EKS gives an entry: none for STANDARD (the caller's own), the node groups otherwise. */
export function defaultGroups(type: string): string[] {
  return isAccessEntryType(type) && type !== 'STANDARD' ? [...NODE_IDENTITIES[type].groups] : [];
}

/** The unique id IAM holds now for a role or user ARN (undefined when it does not exist). */
export function currentPrincipalId(world: World, principalArn: string): string | undefined {
  const role = findByKey(world.roles, 'arn', (r) => r.arn, principalArn);
  if (role) return role.roleId;
  return findByKey(world.users, 'arn', (u) => u.arn, principalArn)?.userId;
}

/** The identity of requests signed with unknown keys: the default key's, else the first, else a stock user. */
export function defaultIdentityArn(world: World, region: string): string {
  const key = world.defaultAccessKeyId ?? world.identities.keys().next().value;
  const identity = key === undefined ? undefined : world.identities.get(key);
  return identity?.arn ?? `arn:${partitionOfRegion(region)}:iam::${DEFAULT_ACCOUNT}:user/emulator`;
}
