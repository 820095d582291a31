/**
 * Synthetic clusters for the benchmarks: the emulator state (what is live) and the desired state
 * (what a manifest would declare), built from sizes alone so every run reads the same world.
 */
import type { AccessEntryState, AssociationState, ClusterState, EmulatorState, RoleState, UserState } from '../src/emulator/index.js';
import type { DesiredAccessEntry, DesiredAssociation, DesiredCluster, DesiredState } from '../src/model/desired.js';

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

function liveAssociation(i: number): AssociationState {
  return { ...associationAt(i), tags: TAGS };
}

function liveEntry(i: number): AccessEntryState {
  return {
    principalArn: principalAt(i),
    type: 'STANDARD',
    kubernetesGroups: [`eng-${i % 20}`],
    tags: TAGS,
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
  return {
    name: shape.name,
    region: REGION,
    accountId: ACCOUNT,
    authenticationMode: 'API',
    addons: [{ name: 'eks-pod-identity-agent' }],
    podIdentityAssociations: Array.from({ length: shape.associations }, (_, i) => liveAssociation(i)),
    accessEntries: [
      // The caller's own admin entry, so lockout checks are satisfied.
      { principalArn: CALLER_ARN, type: 'STANDARD', accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy', accessScope: { type: 'cluster' } }] },
      ...Array.from({ length: shape.accessEntries }, (_, i) => liveEntry(i)),
    ],
  };
}

export const CALLER_PRINCIPAL = CALLER_ARN;

/** The distinct IAM roles the first `associations` associations and `accessEntries` entries name. */
export function rolesOf(associations: number, accessEntries: number): string[] {
  const roles = new Set<string>();
  for (let i = 0; i < associations; i++) roles.add(associationAt(i).roleArn);
  for (let i = 0; i < accessEntries; i += 2) roles.add(principalAt(i));
  return [...roles];
}

/** The distinct IAM users the first `accessEntries` entries name (every odd entry is a user). */
export function usersOf(accessEntries: number): string[] {
  const users: string[] = [];
  for (let i = 1; i < accessEntries; i += 2) users.push(principalAt(i));
  return users;
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

export function desiredAssociation(i: number): DesiredAssociation {
  return { ...associationAt(i), disableSessionTags: false, tags: { ...TAGS } };
}

export function desiredEntry(i: number): DesiredAccessEntry {
  return {
    principalArn: principalAt(i),
    type: 'STANDARD',
    kubernetesGroups: [`eng-${i % 20}`],
    accessPolicies: policiesAt(i)
      .map((p) => ({ policyArn: p.policyArn, scope: p.namespaces ? { type: 'namespace' as const, namespaces: p.namespaces } : { type: 'cluster' as const } }))
      .sort((a, b) => (a.policyArn < b.policyArn ? -1 : 1)),
    tags: { ...TAGS },
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
 * What the manifest declares for a cluster: the first `associations` / `accessEntries` objects
 * of the shape (equal to what is live, so the plan is about reading, not writing).
 */
export function desiredCluster(name: string, declared: { associations: number; accessEntries: number }, prune: boolean, declareCaller = true): DesiredCluster {
  return {
    name,
    region: REGION,
    partition: 'aws',
    accountId: ACCOUNT,
    prune,
    associations: Array.from({ length: declared.associations }, (_, i) => desiredAssociation(i)).sort(byAssociation),
    accessEntries: [...(declareCaller ? [callerEntry()] : []), ...Array.from({ length: declared.accessEntries }, (_, i) => desiredEntry(i))].sort(byPrincipal),
  };
}

export function desiredState(clusters: DesiredCluster[]): DesiredState {
  return { files: [], clusters };
}
