/** Migrations and export: the library API (the CLI commands and the GitHub Action use these). */
export { exportCluster, type ExportClusterOptions } from './export-flow.js';
export { migrateIrsa, type MigrateIrsaOptions, type MigrationResult, type PlanFunction } from './irsa-flow.js';
export { migrateAwsAuth, type MigrateAwsAuthOptions } from './aws-auth-flow.js';
export { applyMigrationPlan, type ApplyMigrationOptions, type MigrationAwsOptions } from './aws-session.js';
export type { ClusterTarget } from './migration-plan.js';

// Pure parts, for callers that bring their own data.
export { renderClusterExport, unmanagedEntryReason, defaultEntryUsername, type ExportResult } from './export.js';
export { parseAwsAuthConfigMap, type ParsedAwsAuth, type RawMapping } from './aws-auth-parse.js';
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
export { renderManifestFragment, SCHEMA_HEADER } from './manifest-yaml.js';
export { renderTrustPolicyChanges, renderMigrationNotes, diffJsonLines } from './render.js';
export type { ManifestFragment, FragmentAccessEntry, FragmentAssociation, FragmentAccessPolicy, FragmentCluster, NotConvertible } from './types.js';
