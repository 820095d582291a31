/**
 * Small builders for desired and live clusters: pure data, sensible defaults, every field
 * overridable. A live cluster built here exists, has the Pod Identity agent, is in API mode and is
 * called by the role `Deployer`.
 */
import type { AccessScope, DesiredAccessEntry, DesiredAccessPolicy, DesiredAssociation, DesiredCluster, DesiredState } from '../../src/model/desired.js';
import type { LiveAccessEntry, LiveAccessPolicy, LiveAssociation, LiveCluster, LiveRole, LiveState } from '../../src/model/live.js';
import { partitionOfRegion, type Partition } from '../../src/model/partition.js';
import type { Change, ClusterPlan, Finding, Plan } from '../../src/model/plan.js';
import { computePlan, type PlanOptions } from '../../src/plan/index.js';

export const ACCOUNT = '111122223333';
export const CLUSTER = 'prod';
export const REGION = 'us-east-1';

export const roleArn = (name: string, partition: Partition = 'aws', account = ACCOUNT) => `arn:${partition}:iam::${account}:role/${name}`;
export const policyArn = (name: string, partition: Partition = 'aws') => `arn:${partition}:eks::aws:cluster-access-policy/${name}`;
export const ADMIN = policyArn('AmazonEKSClusterAdminPolicy');
export const VIEW = policyArn('AmazonEKSViewPolicy');
export const EDIT = policyArn('AmazonEKSEditPolicy');
export const DEPLOYER = roleArn('Deployer');

/** The trust policy Pod Identity needs. */
export const POD_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
};

export const clusterScope: AccessScope = { type: 'cluster' };
export const namespaces = (...names: string[]): AccessScope => ({ type: 'namespace', namespaces: names });

export function desiredCluster(overrides: Partial<DesiredCluster> = {}): DesiredCluster {
  const region = overrides.region ?? REGION;
  return { name: CLUSTER, region, partition: partitionOfRegion(region), prune: false, associations: [], accessEntries: [], ...overrides };
}

export function desiredAssociation(namespace: string, serviceAccount: string, overrides: Partial<DesiredAssociation> = {}): DesiredAssociation {
  return { namespace, serviceAccount, roleArn: roleArn(`${namespace}-${serviceAccount}`), disableSessionTags: false, tags: {}, ...overrides };
}

export function desiredPolicy(policy: string, scope: AccessScope = clusterScope): DesiredAccessPolicy {
  return { policyArn: policy, scope };
}

export function desiredEntry(principalArn: string, overrides: Partial<DesiredAccessEntry> = {}): DesiredAccessEntry {
  return { principalArn, type: 'STANDARD', kubernetesGroups: [], accessPolicies: [], tags: {}, ...overrides };
}

export function liveAssociation(namespace: string, serviceAccount: string, overrides: Partial<LiveAssociation> = {}): LiveAssociation {
  return {
    associationId: `a-${namespace}-${serviceAccount}`,
    namespace,
    serviceAccount,
    roleArn: roleArn(`${namespace}-${serviceAccount}`),
    disableSessionTags: false,
    tags: {},
    createdAt: '2024-01-01T00:00:00Z',
    ...overrides,
  };
}

export function livePolicy(policy: string, scope: AccessScope = clusterScope): LiveAccessPolicy {
  return { policyArn: policy, scope, associatedAt: '2024-01-01T00:00:00Z' };
}

export function liveEntry(principalArn: string, overrides: Partial<LiveAccessEntry> = {}): LiveAccessEntry {
  return { principalArn, type: 'STANDARD', kubernetesGroups: [], tags: {}, createdAt: '2024-01-01T00:00:00Z', accessPolicies: [], ...overrides };
}

export function liveRole(arn: string, overrides: Partial<LiveRole> = {}): LiveRole {
  return { arn, roleName: arn.split('/').pop() ?? arn, roleId: `AROA${arn.length}`, createDate: '2023-06-01T00:00:00Z', trustPolicy: POD_TRUST, ...overrides };
}

/**
 * A live cluster. List results (summaries, principals) follow the described objects unless given,
 * as the reader returns them when prune is on or every live object is declared.
 */
export function liveCluster(overrides: Partial<LiveCluster> = {}): LiveCluster {
  const region = overrides.region ?? REGION;
  const partition = overrides.partition ?? partitionOfRegion(region);
  const associations = overrides.associations ?? [];
  const accessEntries = overrides.accessEntries ?? [];
  return {
    name: CLUSTER,
    region,
    partition,
    accountId: ACCOUNT,
    exists: true,
    authenticationMode: 'API',
    autoMode: false,
    addons: [{ name: 'eks-pod-identity-agent', status: 'ACTIVE' }],
    associationSummaries: associations.map(({ associationId, associationArn, namespace, serviceAccount, ownerArn }) => ({
      associationId,
      ...(associationArn ? { associationArn } : {}),
      namespace,
      serviceAccount,
      ...(ownerArn ? { ownerArn } : {}),
    })),
    accessEntryPrincipals: accessEntries.map((e) => e.principalArn),
    roles: {},
    caller: { arn: `arn:${partition}:sts::${ACCOUNT}:assumed-role/Deployer/ci`, accountId: ACCOUNT, principalArn: roleArn('Deployer', partition) },
    ...overrides,
    associations,
    accessEntries,
  };
}

/** Every role the desired cluster names, present in IAM with a good trust policy, unless the live cluster says otherwise. */
export function withRoles(desired: DesiredCluster, live: LiveCluster): LiveCluster {
  const roles: Record<string, LiveRole | null> = {};
  for (const a of desired.associations) roles[a.roleArn] = liveRole(a.roleArn);
  for (const e of desired.accessEntries) if (e.principalArn.includes(':role/')) roles[e.principalArn] = liveRole(e.principalArn);
  return { ...live, roles: { ...roles, ...live.roles } };
}

export function states(desired: DesiredCluster[], live: LiveCluster[]): { desired: DesiredState; live: LiveState } {
  return { desired: { files: ['eks-identity.yaml'], clusters: desired }, live: { clusters: live } };
}

/** Plans one cluster, filling in IAM roles the live cluster does not mention. */
export function planOne(desired: DesiredCluster, live: LiveCluster, options: PlanOptions = {}): ClusterPlan {
  const s = states([desired], [withRoles(desired, live)]);
  const plan = computePlan(s.desired, s.live, options);
  const cluster = plan.clusters[0];
  if (!cluster) throw new Error('no cluster in the plan');
  return cluster;
}

export function planAll(desired: DesiredCluster[], live: LiveCluster[], options: PlanOptions = {}): Plan {
  const withAllRoles = live.map((l) => {
    const d = desired.find((c) => c.name === l.name);
    return d ? withRoles(d, l) : l;
  });
  const s = states(desired, withAllRoles);
  return computePlan(s.desired, s.live, options);
}

export function changeOf(plan: ClusterPlan, id: string): Change {
  const change = plan.changes.find((c) => c.id === id);
  if (!change) throw new Error(`no change ${id} in ${plan.changes.map((c) => c.id).join(', ')}`);
  return change;
}

export function codesOf(plan: ClusterPlan): string[] {
  return plan.findings.map((f) => f.code);
}

export function findingOf(plan: ClusterPlan, code: string): Finding {
  const f = plan.findings.find((x) => x.code === code);
  if (!f) throw new Error(`no finding ${code} in ${codesOf(plan).join(', ')}`);
  return f;
}

/** Actions of the executable changes, as `action id` strings, for compact assertions. */
export function actionsOf(plan: ClusterPlan): string[] {
  return plan.changes.map((c) => `${c.action} ${c.id}`);
}
