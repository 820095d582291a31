/** export on one cluster: read everything and write the manifest that plans to zero changes. */
import type { ProgressReporter } from '../aws/progress.js';
import { readLiveCluster } from '../aws/reader.js';
import type { ClusterSession } from '../aws/session.js';
import { emptyDesiredCluster, requireExistingCluster, type ClusterMigration } from './cluster-migration.js';
import { renderClusterExport } from './export.js';

export async function exportLiveCluster(session: ClusterSession, options: { progress?: ProgressReporter } = {}): Promise<ClusterMigration> {
  // Prune-like read: every association and entry described, not only declared ones.
  const live = await readLiveCluster(session, emptyDesiredCluster(session, true), options.progress ? { progress: options.progress } : {});
  requireExistingCluster(live);
  const exported = renderClusterExport(live);
  return {
    cluster: live.name,
    region: live.region,
    accountId: live.accountId,
    fragment: exported.fragment,
    comments: exported.comments,
    origins: {},
    leading: [],
    findings: [],
    notConvertible: exported.unmanaged,
  };
}
