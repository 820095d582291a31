import { partitionOfRegion, type Partition } from '../model/partition.js';
import type { SourceLocation } from '../model/source.js';
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

/** The clusters of one account, for a matrix with one job (and one GitHub environment) per account. */
export interface AccountListing {
  accountId: string;
  partition: Partition;
  /** The first cluster's region: a default region for the job's credentials. */
  region: string;
  /** Comma-separated names, as the action's `clusters` input takes them. */
  clusters: string;
  names: string[];
}

/** The manifest's clusters, sorted by name then region, as `eks-identity clusters` lists them. */
export function listManifestClusters(manifest: Manifest): ClusterListing[] {
  return listWithSources(manifest).map(({ listing }) => listing);
}

/**
 * The clusters grouped by account, sorted by account id. Every cluster needs its `accountId` for
 * that: the ones without it are returned as `missing`, with where they are declared.
 */
export function listManifestAccounts(manifest: Manifest): { accounts: AccountListing[]; missing: Array<{ name: string; source: SourceLocation }> } {
  const byAccount = new Map<string, ClusterListing[]>();
  const missing: Array<{ name: string; source: SourceLocation }> = [];
  for (const { listing, source } of listWithSources(manifest)) {
    if (listing.accountId === undefined) missing.push({ name: listing.name, source });
    else byAccount.set(listing.accountId, [...(byAccount.get(listing.accountId) ?? []), listing]);
  }
  const accounts = [...byAccount.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([accountId, clusters]) => ({
      accountId,
      partition: clusters[0]!.partition,
      region: clusters[0]!.region,
      clusters: clusters.map((c) => c.name).join(','),
      names: clusters.map((c) => c.name),
    }));
  return { accounts, missing };
}

function listWithSources(manifest: Manifest): Array<{ listing: ClusterListing; source: SourceLocation }> {
  return manifest.clusters
    .map(({ value: c, source }) => ({
      listing: {
        name: c.name,
        region: c.region,
        partition: partitionOfRegion(c.region),
        ...(c.accountId === undefined ? {} : { accountId: c.accountId }),
        ...(c.assumeRoleArn === undefined ? {} : { assumeRoleArn: c.assumeRoleArn }),
      },
      source,
    }))
    .sort(({ listing: a }, { listing: b }) => (a.name === b.name ? (a.region < b.region ? -1 : 1) : a.name < b.name ? -1 : 1));
}
