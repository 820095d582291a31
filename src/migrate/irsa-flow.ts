/** migrate-irsa end to end: read EKS and IAM, find the IRSA roles, build the manifest and the plan. */
import { readLiveCluster } from '../aws/reader.js';
import type { DesiredState } from '../model/desired.js';
import type { LiveState } from '../model/live.js';
import type { Finding, Plan } from '../model/plan.js';
import { createSdkMigrationReader, type MigrationReader } from './aws-reader.js';
import { emptyDesiredCluster, requireExistingCluster, withClusterSession, type MigrationAwsOptions } from './aws-session.js';
import { planIrsaMigration, renderIrsaManifest } from './irsa-migration.js';
import { desiredClusterFromFragment, liveAfterMigrationSteps, trustPolicyChange, withMigrationChanges, type ClusterTarget } from './migration-plan.js';
import type { ManifestFragment, NotConvertible } from './types.js';

export type PlanFunction = (desired: DesiredState, live: LiveState) => Plan;

export interface MigrationResult {
  /** Manifest v1 YAML to commit. */
  manifestYaml: string;
  fragment: ManifestFragment;
  /** Absent only for offline runs. */
  plan?: Plan;
  notConvertible: NotConvertible[];
  findings: Finding[];
}

export interface MigrateIrsaOptions {
  cluster: ClusterTarget;
  /** The later step: remove the cluster's OIDC statements once every association exists. */
  removeOidcTrust?: boolean;
  aws?: MigrationAwsOptions;
  /** The planner (computePlan); injected so this module stays independent of its options. */
  computePlan: PlanFunction;
  /** Default: the SDK reader of the cluster's session. */
  reader?: MigrationReader;
}

export async function migrateIrsa(options: MigrateIrsaOptions): Promise<MigrationResult> {
  const target = options.cluster;
  return withClusterSession(target, options.aws, async (session) => {
    const reader = options.reader ?? createSdkMigrationReader(session);
    const first = await readLiveCluster(session, emptyDesiredCluster(target, false));
    requireExistingCluster(first);
    const clusterFacts = { name: target.name, region: session.region, accountId: session.accountId };
    if (!first.oidcIssuer) {
      const finding: Finding = { severity: 'warning', code: 'IRSA_NO_OIDC_ISSUER', message: `cluster ${target.name} has no OIDC issuer, so no role can use IRSA with it`, fix: 'nothing to migrate' };
      const { fragment, manifestYaml } = renderIrsaManifest({ associations: [], trustUpdates: [], findings: [finding], notConvertible: [] }, clusterFacts);
      return { manifestYaml, fragment, notConvertible: [], findings: [finding] };
    }
    const cluster = { name: target.name, region: session.region, partition: session.partition, oidcIssuer: first.oidcIssuer };
    const [roles, addons] = await Promise.all([reader.listRoles(), reader.describeAddons(target.name, first.addons.map((a) => a.name))]);

    // A first pass names the service accounts involved, so the second read describes exactly their associations.
    const candidates = planIrsaMigration({ cluster, roles, addons, associations: [] });
    const probe = desiredClusterFromFragment({ version: 1, podIdentityAssociations: candidates.associations }, target);
    const live = await readLiveCluster(session, probe);
    const migration = planIrsaMigration({ cluster, roles, addons, associations: live.associations, removeOidcTrust: options.removeOidcTrust ?? false });

    const { fragment, manifestYaml } = renderIrsaManifest(migration, clusterFacts);
    const desired = desiredClusterFromFragment(fragment, { ...target, accountId: session.accountId });
    const after = liveAfterMigrationSteps({ ...live, addons }, migration.trustUpdates);
    const base = options.computePlan({ files: [], clusters: [desired] }, { clusters: [after] });
    const plan = withMigrationChanges(base, target.name, migration.trustUpdates.map(trustPolicyChange), migration.findings);
    return { manifestYaml, fragment, plan, notConvertible: migration.notConvertible, findings: migration.findings };
  });
}
