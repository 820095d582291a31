/**
 * Pure helpers that turn a migration into a Plan the apply engine executes: the live state as it
 * will be once the migration's own steps ran, and the migration's extra changes (trust policies,
 * authentication mode) put in front of the plan. The proposed manifest itself is planned through
 * the manifest loader and expander, like any other.
 */
import { canonicalJson } from '../aws/canonical-json.js';
import type { AuthenticationMode } from '../model/desired.js';
import type { LiveCluster } from '../model/live.js';
import type { Change, ClusterPlan, Finding, Plan } from '../model/plan.js';
import { fingerprintPlan, summarize, withClusterFingerprints } from '../plan/fingerprint.js';
import type { TrustPolicyUpdate } from './irsa-migration.js';

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
