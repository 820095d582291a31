/** export on one cluster: read everything and write the manifest that plans to zero changes. */
import type { ProgressReporter } from '../aws/progress.js';
import { readLiveCluster } from '../aws/reader.js';
import type { ClusterSession } from '../aws/session.js';
import { emptyDesiredCluster, requireExistingCluster, type ClusterMigration } from './cluster-migration.js';
import { renderClusterExport } from './export.js';
import { readOwnedRoles } from './export-roles.js';

/** `owner`: write the objects tagged with it, and its roles as `role:` blocks (see ExportOwnership). */
export async function exportLiveCluster(session: ClusterSession, options: { progress?: ProgressReporter; owner?: string } = {}): Promise<ClusterMigration> {
  // Prune-like read: every association and entry described, not only declared ones.
  const live = await readLiveCluster(session, emptyDesiredCluster(session, true), options.progress ? { progress: options.progress } : {});
  requireExistingCluster(live);
  const { owner } = options;
  const roles = owner !== undefined ? await readOwnedRoles(session, live.associations, owner) : {};
  const exported = renderClusterExport(live, { ...(owner !== undefined ? { owner } : {}), roles });
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
