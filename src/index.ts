/**
 * eks-identity as a library: load a manifest, read live state, plan, render, apply, migrate.
 *
 *   import { planManifest, renderPlan } from 'eks-identity';
 *   const { plan } = await planManifest({ manifest: 'identity/' });
 *   console.log(renderPlan(plan, 'text'));
 */

// The whole pipeline in one call.
export { planManifest, loadValidManifest, ManifestInvalidError, type PlanRequest, type PlanResult } from './engine.js';

// Manifest: load, validate, expand.
export {
  loadManifest,
  parseManifestText,
  parseManifestTexts,
  expandManifest,
  formatDiagnostic,
  manifestSchema,
  manifestJsonSchema,
  type LoadedManifest,
  type Manifest,
  type ManifestDiagnostic,
  type ExpandContext,
} from './manifest/index.js';
export { listManifestClusters, type ClusterListing } from './manifest/cluster-list.js';
export { renderClusterList } from './render/cluster-list.js';

// AWS: sessions and the live-state reader.
export { createAwsClients, type AwsClients, type AwsClientOptions, type AwsCredentials } from './aws/clients.js';
export { formatAwsCall, type AwsCallLog, type AwsCallRecord } from './aws/call-log.js';
export { openClusterSessions, closeClusterSessions, type ClusterSession, type ClusterTarget } from './aws/session.js';
export { readLiveState, readLiveCluster, type ReadOptions } from './aws/reader.js';
export { createProgressReporter, silentProgress, type ProgressReporter } from './aws/progress.js';
export { SdkEksWriteGateway, type EksWriteGateway } from './aws/gateway.js';
export { AwsCallError } from './aws/errors.js';
export { Deadline, DEFAULT_TIMEOUT_MS, parseTimeout, type DeadlineClock } from './aws/deadline.js';
export { CallWatch, describeCalls, type CallSnapshot } from './aws/call-watch.js';

// Plan, render, apply.
export { computePlan, fingerprintMatches, compareClusterFingerprints, type ClusterFingerprintMismatch, type PlanOptions } from './plan/index.js';
export { renderPlan } from './render/index.js';
export { renderApplyReport } from './render/apply-report.js';
export { applyPlan, type ApplyDeps, type ApplyOptions, type ApplyReport, type ApplyResult } from './apply/index.js';

// Migrations and export.
export { exportCluster, migrateIrsa, migrateAwsAuth, applyMigrationPlan, type MigrationResult } from './migrate/index.js';

// The loopback emulator.
export { startEmulator, loadEmulatorState, type EmulatorHandle, type EmulatorOptions, type EmulatorState } from './emulator/index.js';

// Shared model and errors.
export { EksIdentityError } from './errors.js';
export type * from './model/desired.js';
export type * from './model/live.js';
export type * from './model/plan.js';
export type { SourceLocation } from './model/source.js';
export { partitionOfRegion, type Partition } from './model/partition.js';
