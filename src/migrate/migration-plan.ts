/**
 * Pure helpers that turn a migration into a Plan the apply engine executes: the manifest fragment
 * as desired state, the live state as it will be once the migration's own steps ran, and the
 * migration's extra changes (trust policies, authentication mode) put in front of the plan.
 */
import { canonicalJson } from '../aws/canonical-json.js';
import type { AuthenticationMode, DesiredAccessEntry, DesiredAssociation, DesiredCluster } from '../model/desired.js';
import type { LiveCluster } from '../model/live.js';
import { accessPolicyArnFor, partitionOfRegion } from '../model/partition.js';
import type { Change, ClusterPlan, Finding, Plan } from '../model/plan.js';
import { fingerprintPlan, summarize, withClusterFingerprints } from '../plan/fingerprint.js';
import type { TrustPolicyUpdate } from './irsa-migration.js';
import type { ManifestFragment } from './types.js';

export interface ClusterTarget {
  name: string;
  region: string;
  accountId?: string;
  assumeRoleArn?: string;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The fragment as the manifest loader would expand it for this cluster (no defaults, no prune). */
export function desiredClusterFromFragment(fragment: ManifestFragment, target: ClusterTarget): DesiredCluster {
  const partition = partitionOfRegion(target.region);
  const associations: DesiredAssociation[] = (fragment.podIdentityAssociations ?? []).map((a) => ({
    namespace: a.namespace,
    serviceAccount: a.serviceAccount,
    roleArn: a.roleArn,
    ...(a.targetRoleArn ? { targetRoleArn: a.targetRoleArn } : {}),
    disableSessionTags: a.disableSessionTags ?? false,
    ...(a.policy !== undefined ? { policy: canonicalJson(a.policy) } : {}),
    tags: a.tags ?? {},
  }));
  const accessEntries: DesiredAccessEntry[] = (fragment.accessEntries ?? []).map((e) => ({
    principalArn: e.principalArn,
    type: e.type,
    kubernetesGroups: [...new Set(e.kubernetesGroups ?? [])].sort(),
    ...(e.username !== undefined ? { username: e.username } : {}),
    accessPolicies: (e.accessPolicies ?? [])
      .map((p) => ({
        policyArn: accessPolicyArnFor(partition, p.policy),
        scope: p.namespaces ? ({ type: 'namespace', namespaces: [...new Set(p.namespaces)].sort() } as const) : ({ type: 'cluster' } as const),
      }))
      .sort((a, b) => cmp(a.policyArn, b.policyArn)),
    tags: e.tags ?? {},
  }));
  return {
    name: target.name,
    region: target.region,
    partition,
    ...(target.accountId ? { accountId: target.accountId } : {}),
    ...(target.assumeRoleArn ? { assumeRoleArn: target.assumeRoleArn } : {}),
    prune: false,
    associations: associations.sort((a, b) => cmp(a.namespace, b.namespace) || cmp(a.serviceAccount, b.serviceAccount)),
    accessEntries: accessEntries.sort((a, b) => cmp(a.principalArn, b.principalArn)),
  };
}

/** The live cluster as it will be after the trust updates and the mode switch: what the rest of the plan is checked against. */
export function liveAfterMigrationSteps(live: LiveCluster, trustUpdates: readonly TrustPolicyUpdate[], mode?: AuthenticationMode): LiveCluster {
  const roles = { ...live.roles };
  for (const u of trustUpdates) {
    const role = roles[u.roleArn];
    if (role) roles[u.roleArn] = { ...role, trustPolicy: u.after };
  }
  return { ...live, roles, ...(mode ? { authenticationMode: mode } : {}) };
}

export function trustPolicyChange(update: TrustPolicyUpdate): Change {
  const before = canonicalJson(update.before);
  const after = canonicalJson(update.after);
  return {
    id: `trustPolicy/${update.roleArn}`,
    kind: 'trustPolicy',
    action: 'update',
    before: { roleArn: update.roleArn, document: before },
    after: { roleArn: update.roleArn, document: after },
    fields: [{ field: 'document', before: update.before, after: update.after }],
    reason: `serves ${update.serviceAccounts.join(', ')} (${update.length} of 2,048 characters)`,
  };
}

export function authenticationModeChange(from: AuthenticationMode, to: AuthenticationMode): Change {
  return {
    id: 'authenticationMode',
    kind: 'authenticationMode',
    action: 'update',
    before: { authenticationMode: from },
    after: { authenticationMode: to },
    fields: [{ field: 'authenticationMode', before: from, after: to }],
    reason: 'access entries need the API; aws-auth keeps working in API_AND_CONFIG_MAP',
  };
}

/** Puts the migration's changes first in the cluster's plan, adds its findings, and re-derives summary and fingerprint. */
export function withMigrationChanges(plan: Plan, clusterName: string, leading: readonly Change[], findings: readonly Finding[]): Plan {
  const clusters: ClusterPlan[] = withClusterFingerprints(
    plan.clusters.map((c) => (c.name === clusterName ? { ...c, changes: [...leading, ...c.changes], findings: [...findings, ...c.findings] } : c)),
  );
  return { ...plan, clusters, summary: summarize(clusters), fingerprint: fingerprintPlan(clusters) };
}
