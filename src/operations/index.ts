/**
 * The one API over the pipeline: plan · apply (the one refusal policy) · migrate · export. The
 * CLI, the GitHub Action and the library call these and nothing below them.
 */
import { apply } from './apply.js';
import { findCredentials } from './credentials.js';
import { exportCluster, migrateAwsAuth, migrateIrsa } from './migrate.js';
import { plan, withPlan } from './plan.js';

export { plan, withPlan } from './plan.js';
export { apply, ApplyRefusedError, type ApplyOutcome } from './apply.js';
export { migrateIrsa, migrateAwsAuth, exportCluster } from './migrate.js';
export { findCredentials } from './credentials.js';
export { startTimeLimit, type TimeLimit } from './time-limit.js';
export { PreparedPlan } from './prepared-plan.js';
export { Proposal, type ProposalKind, type ProposedFile, type ProposalCluster } from './proposal.js';
export { ManifestInvalidError, loadValidManifest } from './manifest-selection.js';
export type {
  ApplyOptions,
  AwsAccess,
  ClusterTarget,
  ExportRequest,
  ManifestSelection,
  MigrateAwsAuthRequest,
  MigrateIrsaRequest,
  MigrationRequest,
  PlanGuards,
  PlanRequest,
} from './requests.js';

/** The operations as one object: what the front ends are given (tests give plain objects of this shape). */
export interface Operations {
  plan: typeof plan;
  withPlan: typeof withPlan;
  apply: typeof apply;
  migrateIrsa: typeof migrateIrsa;
  migrateAwsAuth: typeof migrateAwsAuth;
  exportCluster: typeof exportCluster;
  /** Whether the SDK's default chain finds credentials (asked when no credential variable is set). */
  findCredentials: typeof findCredentials;
}

export const operations: Operations = { plan, withPlan, apply, migrateIrsa, migrateAwsAuth, exportCluster, findCredentials };
