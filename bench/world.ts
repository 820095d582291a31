/**
 * Synthetic clusters for the benchmarks: the emulator state (what is live) and the desired state
 * (what a manifest would declare), built from sizes alone so every run reads the same world.
 */
import type { AccessEntryState, AssociationState, ClusterState, EmulatorState, RoleState, UserState } from '../src/emulator/index.js';
import type { DesiredAccessEntry, DesiredAssociation, DesiredCluster, DesiredState } from '../src/model/desired.js';
import { OWNER_TAG, type PruneMode } from '../src/model/ownership.js';

export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';
export const ACCESS_KEY = 'AKIABENCHDEPLOYER001';
export const CREDENTIALS = { accessKeyId: ACCESS_KEY, secretAccessKey: 'bench-secret' };
const CALLER_ARN = `arn:aws:iam::${ACCOUNT}:user/bench-deployer`;

/** Service accounts share roles the way teams do: one role per this many associations. */
const ASSOCIATIONS_PER_ROLE = 10;
const POLICIES = ['AmazonEKSViewPolicy', 'AmazonEKSEditPolicy', 'AmazonEKSAdminPolicy'];
const TAGS = { 'managed-by': 'eks-identity' };

export interface ClusterShape {
  name: string;
  associations: number;
  accessEntries: number;
  /** Objects tagged eks-identity/owner=`owner` (by index), as a manifest with that owner leaves them. */
  owned?: { owner: string; associations: readonly number[]; accessEntries: readonly number[] };
}

/** Which objects a manifest declares: `count` of each kind from index `from` (default 0). */
export interface DeclaredKeys {
  associations: number;
  accessEntries: number;
  from?: { associations: number; accessEntries: number };
}

/** Indexes of the declared associations and entries. */
export function declaredIndexes(declared: DeclaredKeys): { associations: number[]; accessEntries: number[] } {
  const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
  return { associations: range(declared.from?.associations ?? 0, declared.associations), accessEntries: range(declared.from?.accessEntries ?? 0, declared.accessEntries) };
}

export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const policyArn = (name: string) => `arn:aws:eks::aws:cluster-access-policy/${name}`;
const pad = (i: number) => String(i).padStart(5, '0');

/** Association i of a cluster: 50 namespaces, each service account with a role shared by 10. */
export function associationAt(i: number): { namespace: string; serviceAccount: string; roleArn: string } {
  return { namespace: `team-${String(i % 50).padStart(2, '0')}`, serviceAccount: `sa-${pad(i)}`, roleArn: roleArn(`app-${pad(Math.floor(i / ASSOCIATIONS_PER_ROLE))}`) };
}

export function principalAt(i: number): string {
  return i % 2 === 0 ? roleArn(`eng-${pad(i)}`) : `arn:aws:iam::${ACCOUNT}:user/eng-${pad(i)}`;
}

/** Entry i carries one access policy; every third (whose first is the view policy) adds edit on its namespace. */
export function policiesAt(i: number): Array<{ policyArn: string; namespaces?: string[] }> {
  const first = { policyArn: policyArn(POLICIES[i % POLICIES.length]!) };
  return i % 3 === 0 ? [first, { policyArn: policyArn('AmazonEKSEditPolicy'), namespaces: [associationAt(i).namespace] }] : [first];
}

function liveAssociation(i: number, tags: Record<string, string>): AssociationState {
  return { ...associationAt(i), tags };
}

function liveEntry(i: number, tags: Record<string, string>): AccessEntryState {
  return {
    principalArn: principalAt(i),
    type: 'STANDARD',
    kubernetesGroups: [`eng-${i % 20}`],
    tags,
    accessPolicies: policiesAt(i).map((p) =>
      p.namespaces ? { policyArn: p.policyArn, accessScope: { type: 'namespace' as const, namespaces: p.namespaces } } : { policyArn: p.policyArn, accessScope: { type: 'cluster' as const } },
    ),
  };
}

/** IAM principals every cluster shape needs (they are shared by clusters of one account). */
function principalsFor(shapes: readonly ClusterShape[], extraRoles: readonly string[] = []): { roles: RoleState[]; users: UserState[] } {
  const maxAssociations = Math.max(0, ...shapes.map((s) => s.associations));
  const maxEntries = Math.max(0, ...shapes.map((s) => s.accessEntries));
  const roles: RoleState[] = [];
  for (let r = 0; r * ASSOCIATIONS_PER_ROLE < maxAssociations; r++) roles.push({ arn: roleArn(`app-${pad(r)}`) });
  const users: UserState[] = [{ arn: CALLER_ARN }];
  for (let i = 0; i < maxEntries; i++) {
    if (i % 2 === 0) roles.push({ arn: principalAt(i) });
    else users.push({ arn: principalAt(i) });
  }
  for (const name of extraRoles) roles.push({ arn: roleArn(name) });
  return { roles, users };
}

export function clusterState(shape: ClusterShape): ClusterState {
  const owned = shape.owned;
  const ownedAssociations = new Set(owned?.associations ?? []);
  const ownedEntries = new Set(owned?.accessEntries ?? []);
  const tagsOf = (mine: boolean) => (mine && owned ? { ...TAGS, [OWNER_TAG]: owned.owner } : TAGS);
  return {
    name: shape.name,
    region: REGION,
    accountId: ACCOUNT,
    authenticationMode: 'API',
    addons: [{ name: 'eks-pod-identity-agent' }],
    podIdentityAssociations: Array.from({ length: shape.associations }, (_, i) => liveAssociation(i, tagsOf(ownedAssociations.has(i)))),
    accessEntries: [
      // The caller's own admin entry, so lockout checks are satisfied.
      { principalArn: CALLER_ARN, type: 'STANDARD', accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy', accessScope: { type: 'cluster' } }] },
      ...Array.from({ length: shape.accessEntries }, (_, i) => liveEntry(i, tagsOf(ownedEntries.has(i)))),
    ],
  };
}

export const CALLER_PRINCIPAL = CALLER_ARN;

/** The distinct IAM roles the declared associations and entries name. */
export function rolesOf(declared: DeclaredKeys): string[] {
  const { associations, accessEntries } = declaredIndexes(declared);
  const roles = new Set<string>();
  for (const i of associations) roles.add(associationAt(i).roleArn);
  for (const i of accessEntries) if (i % 2 === 0) roles.add(principalAt(i));
  return [...roles];
}

/** The distinct IAM users the declared entries name (every odd entry is a user). */
export function usersOf(declared: DeclaredKeys): string[] {
  return declaredIndexes(declared).accessEntries.filter((i) => i % 2 === 1).map(principalAt);
}

/**
 * The emulator state for a set of clusters in one account and region. IAM holds the principals of
 * the shapes, or of `principals` when given (to have roles and users ready for objects an apply creates).
 */
export function emulatorState(shapes: readonly ClusterShape[], extraRoles: readonly string[] = [], principals: readonly ClusterShape[] = shapes): EmulatorState {
  return {
    version: 1,
    region: REGION,
    defaultAccessKeyId: ACCESS_KEY,
    identities: { [ACCESS_KEY]: CALLER_ARN },
    iam: principalsFor(principals, extraRoles),
    clusters: shapes.map(clusterState),
  };
}

export function desiredAssociation(i: number, owner?: string): DesiredAssociation {
  return { ...associationAt(i), disableSessionTags: false, tags: ownerTags(owner) };
}

function ownerTags(owner: string | undefined): Record<string, string> {
  return owner === undefined ? { ...TAGS } : { ...TAGS, [OWNER_TAG]: owner };
}

export function desiredEntry(i: number, owner?: string): DesiredAccessEntry {
  return {
    principalArn: principalAt(i),
    type: 'STANDARD',
    kubernetesGroups: [`eng-${i % 20}`],
    accessPolicies: policiesAt(i)
      .map((p) => ({ policyArn: p.policyArn, scope: p.namespaces ? { type: 'namespace' as const, namespaces: p.namespaces } : { type: 'cluster' as const } }))
      .sort((a, b) => (a.policyArn < b.policyArn ? -1 : 1)),
    tags: ownerTags(owner),
  };
}

function callerEntry(): DesiredAccessEntry {
  return {
    principalArn: CALLER_ARN,
    type: 'STANDARD',
    kubernetesGroups: [],
    accessPolicies: [{ policyArn: policyArn('AmazonEKSClusterAdminPolicy'), scope: { type: 'cluster' } }],
    tags: {},
  };
}

const byAssociation = (a: DesiredAssociation, b: DesiredAssociation) =>
  a.namespace === b.namespace ? (a.serviceAccount < b.serviceAccount ? -1 : 1) : a.namespace < b.namespace ? -1 : 1;
const byPrincipal = (a: DesiredAccessEntry, b: DesiredAccessEntry) => (a.principalArn < b.principalArn ? -1 : 1);

/**
 * What the manifest declares for a cluster: `associations` / `accessEntries` objects of the shape
 * from `declared.from` (equal to what is live, so the plan is about reading, not writing).
 */
export function desiredCluster(name: string, declared: DeclaredKeys, prune: PruneMode, declareCaller = true, owner?: string): DesiredCluster {
  const indexes = declaredIndexes(declared);
  return {
    name,
    region: REGION,
    partition: 'aws',
    accountId: ACCOUNT,
    prune,
    ...(owner === undefined ? {} : { owner }),
    associations: indexes.associations.map((i) => desiredAssociation(i, owner)).sort(byAssociation),
    accessEntries: [...(declareCaller ? [callerEntry()] : []), ...indexes.accessEntries.map((i) => desiredEntry(i, owner))].sort(byPrincipal),
  };
}

export function desiredState(clusters: DesiredCluster[]): DesiredState {
  return { files: [], clusters };
}
