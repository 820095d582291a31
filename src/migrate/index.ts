/**
 * Migrations and export, one cluster at a time: what each finds and proposes. The operations layer
 * (src/operations) runs them over a manifest's clusters and plans the proposal.
 */
export { migrateIrsaCluster, type IrsaClusterOptions } from './migrate-irsa-cluster.js';
export { migrateAwsAuthCluster } from './migrate-aws-auth-cluster.js';
export { exportLiveCluster } from './export-live-cluster.js';
export { emptyDesiredCluster, requireExistingCluster, type ClusterMigration } from './cluster-migration.js';
export { createSdkMigrationReader, type MigrationReader } from './aws-reader.js';
export { withMigrationChanges, trustPolicyChange, authenticationModeChange, liveAfterMigrationSteps } from './migration-plan.js';

// Pure parts, for callers that bring their own data.
export { renderClusterExport, unmanagedEntryReason, defaultEntryUsername, type ExportResult } from './export.js';
export { isUnusableAwsAuth, parseAwsAuthConfigMap, type ParsedAwsAuth, type RawMapping } from './aws-auth-parse.js';
export { convertAwsAuth, roleArnsToResolve, type AwsAuthConversion, type AwsAuthConversionOptions } from './aws-auth.js';
export { convertAwsAuthConfigMap, type AwsAuthManifest, type AwsAuthManifestOptions } from './aws-auth-manifest.js';
export { analyzeIrsaTrust, type IrsaTrust, type IrsaServiceAccount } from './irsa.js';
export { planIrsaMigration, renderIrsaManifest, type IrsaMigration, type IrsaMigrationInput, type IrsaRole, type TrustPolicyUpdate } from './irsa-migration.js';
export {
  addPodIdentityTrust,
  removeOidcTrust,
  trustsPodIdentity,
  trustPolicyLength,
  TRUST_POLICY_MAX_LENGTH,
  type PolicyDocument,
} from './trust-policy.js';
export { renderManifestFragment, SCHEMA_HEADER, type RenderFragmentOptions } from './manifest-yaml.js';
export { renderMigrationNotes } from './render.js';
export type { ManifestFragment, FragmentAccessEntry, FragmentAssociation, FragmentAccessPolicy, FragmentCluster, FragmentRole, FragmentRoleAssociation, NotConvertible } from './types.js';
