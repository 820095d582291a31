import type { PruneMode } from '../model/ownership.js';
import type { SourceLocation } from '../model/source.js';
import type { AccessEntryV1, AccessPolicyV1, AddonV1, ClusterV1, PodIdentityAssociationV1 } from './schema.js';
import type { ManifestDiagnostic } from './diagnostics.js';

/** A validated manifest item with where it was declared; `at` locates its fields. */
export interface Located<T> {
  value: T;
  source: SourceLocation;
  /** Location of a field of this item (the item itself when the field is absent). */
  at(field: string, ...rest: Array<string | number>): SourceLocation;
  /** Location of the key that ends the path, e.g. keyAt('tags', 'team') (the mapping when absent). */
  keyAt(field: string, ...rest: Array<string | number>): SourceLocation;
}

export type ManifestCluster = Located<ClusterV1>;
export type ManifestAssociation = Located<PodIdentityAssociationV1>;
export type ManifestAccessEntry = Located<AccessEntryV1>;
export type ManifestAccessPolicy = Located<AccessPolicyV1>;
export type ManifestAddon = Located<AddonV1>;

/** Every file merged: the valid items of all files. */
export interface Manifest {
  clusters: ManifestCluster[];
  /**
   * Every declared cluster, in manifest order, also those a `--cluster` filter left out: IAM roles
   * are global to an account, so a role's trust is built from all of them. Absent: `clusters`.
   */
  allClusters?: ManifestCluster[];
  defaultTags: Record<string, string>;
  prune: PruneMode;
  /** `owner:` (one per manifest, in any one of its files) and where it was declared. */
  owner?: { value: string; source: SourceLocation };
  podIdentityAssociations: ManifestAssociation[];
  accessEntries: ManifestAccessEntry[];
  /** `addons:` of every file (absent in manifests built by hand before add-ons existed). */
  addons?: ManifestAddon[];
}

export interface LoadedManifest {
  files: string[];
  manifest: Manifest;
  /** Errors and warnings of every file, sorted by location. */
  diagnostics: ManifestDiagnostic[];
  /** True when there is no error (warnings allowed). */
  ok: boolean;
}
