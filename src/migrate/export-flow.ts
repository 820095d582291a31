/** export end to end: read everything of one cluster and write the manifest that plans to zero changes. */
import { readLiveCluster } from '../aws/reader.js';
import { emptyDesiredCluster, requireExistingCluster, withClusterSession, type MigrationAwsOptions } from './aws-session.js';
import { renderClusterExport } from './export.js';
import type { MigrationResult, PlanFunction } from './irsa-flow.js';
import { desiredClusterFromFragment, type ClusterTarget } from './migration-plan.js';

export interface ExportClusterOptions {
  cluster: ClusterTarget;
  aws?: MigrationAwsOptions;
  /** When given, the exported manifest is planned against the same read, as a self-check (zero changes expected). */
  computePlan?: PlanFunction;
}

export async function exportCluster(options: ExportClusterOptions): Promise<MigrationResult> {
  const target = options.cluster;
  return withClusterSession(target, options.aws, async (session) => {
    // Prune-like read: every association and entry described, not only declared ones.
    const live = await readLiveCluster(session, emptyDesiredCluster(target, true), options.aws?.progress ? { progress: options.aws.progress } : {});
    requireExistingCluster(live);
    const exported = renderClusterExport(live);
    const result: MigrationResult = { manifestYaml: exported.manifestYaml, fragment: exported.fragment, notConvertible: exported.unmanaged, findings: [] };
    if (options.computePlan) {
      const desired = desiredClusterFromFragment(exported.fragment, { ...target, accountId: live.accountId });
      result.plan = options.computePlan({ files: [], clusters: [desired] }, { clusters: [live] });
    }
    return result;
  });
}
