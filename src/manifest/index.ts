export { loadManifest, parseManifestText, parseManifestTexts, type LoadOptions } from './load.js';
export { expandManifest, type ExpandContext } from './expand.js';
export { formatDiagnostic, sortDiagnostics, type ManifestDiagnostic } from './diagnostics.js';
export type { LoadedManifest, Manifest, ManifestAccessEntry, ManifestAssociation, ManifestCluster, Located } from './model.js';
export { manifestSchema, manifestJsonSchema, ACCESS_ENTRY_TYPES } from './schema.js';
export type { ManifestFileV1, ClusterV1, PodIdentityAssociationV1, AccessEntryV1, AccessPolicyV1 } from './schema.js';
export { checkPortableTagCharacters, type TagProblem } from './tag-rules.js';
