/**
 * What a migration or an export finds on one cluster: the manifest objects to propose, the
 * changes that run outside the manifest (trust policies, the authentication mode), and what could
 * not be converted. The operations layer turns these into files and one plan.
 */
import type { ClusterSession } from '../aws/session.js';
import { EksIdentityError } from '../errors.js';
import type { DesiredCluster } from '../model/desired.js';
import type { LiveCluster } from '../model/live.js';
import { partitionOfRegion } from '../model/partition.js';
import type { Change, Finding } from '../model/plan.js';
import type { SourceLocation } from '../model/source.js';
import type { RenderFragmentOptions } from './manifest-yaml.js';
import type { ManifestFragment, NotConvertible } from './types.js';

export interface ClusterMigration {
  cluster: string;
  region: string;
  accountId: string;
  /** A whole manifest for this cluster (with its `clusters:` entry). */
  fragment: ManifestFragment;
  /** The comments its file is written with. */
  comments: RenderFragmentOptions;
  /** Where each proposed object came from (an aws-auth line), by principal ARN or `namespace/serviceAccount`. */
  origins: Record<string, SourceLocation>;
  /** Changes that run before the manifest's (trust policy updates, authentication mode). */
  leading: Change[];
  findings: Finding[];
  notConvertible: NotConvertible[];
  /** The live cluster as it will be once `leading` ran: what the rest of the plan is checked against. */
  adjust?: (live: LiveCluster) => LiveCluster;
}

/** The session's cluster as the reader's scope: nothing declared; with prune on, everything is described. */
export function emptyDesiredCluster(session: Pick<ClusterSession, 'target' | 'region'>, prune: boolean): DesiredCluster {
  const { target } = session;
  return {
    name: target.name,
    region: session.region,
    partition: partitionOfRegion(session.region),
    ...(target.accountId ? { accountId: target.accountId } : {}),
    ...(target.assumeRoleArn ? { assumeRoleArn: target.assumeRoleArn } : {}),
    prune,
    associations: [],
    accessEntries: [],
  };
}

export function requireExistingCluster(live: LiveCluster): void {
  if (!live.exists) {
    throw new EksIdentityError('CLUSTER_NOT_FOUND', `EKS cluster ${live.name} was not found in ${live.region} (account ${live.accountId})`, {
      fix: "check the cluster's name and region, and that the credentials belong to the cluster's account",
    });
  }
}
