import { partitionOfRegion, type Partition } from '../model/partition.js';
import type { Manifest } from './model.js';

/**
 * One cluster of a manifest as a job matrix needs it: enough to pick credentials (partition,
 * account, role) and a GitHub environment, and to pass the name to the `clusters` input.
 */
export interface ClusterListing {
  name: string;
  region: string;
  partition: Partition;
  /** When the manifest states it (otherwise known only from the credentials, at plan time). */
  accountId?: string;
  assumeRoleArn?: string;
}

/** The manifest's clusters, sorted by name then region, as `eks-identity clusters` lists them. */
export function listManifestClusters(manifest: Manifest): ClusterListing[] {
  return manifest.clusters
    .map(({ value: c }) => ({
      name: c.name,
      region: c.region,
      partition: partitionOfRegion(c.region),
      ...(c.accountId === undefined ? {} : { accountId: c.accountId }),
      ...(c.assumeRoleArn === undefined ? {} : { assumeRoleArn: c.assumeRoleArn }),
    }))
    .sort((a, b) => (a.name === b.name ? (a.region < b.region ? -1 : 1) : a.name < b.name ? -1 : 1));
}
