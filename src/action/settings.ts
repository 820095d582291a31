import type { PruneMode } from '../model/ownership.js';
import type { ModeInput, OnPlanChange } from './constants.js';

/** Every input of the action, read and validated once (see action.yml for the user-facing text). */
export interface ActionSettings {
  /** Manifest file, directory or glob, relative to the workspace. */
  manifest: string;
  mode: ModeInput;
  /** Cluster names to limit the run to; empty means every cluster of the manifest. */
  clusters: string[];
  /** Token for the GitHub API; registered as a secret so it never reaches the log. */
  githubToken: string;
  /** Delete live objects the manifest does not declare, or (owned) only those it owns; overrides the manifest's `prune`. */
  prune?: PruneMode;
  /** Refuse plans with more deletes and replaces than this. */
  maxDeletes?: number;
  /** What an apply does when the plan differs from the reviewed one. */
  onPlanChange: OnPlanChange;
  /** Post plan and apply reports as pull-request comments. */
  comment: boolean;
  /** Keep the plan labels (changes, deletes, no-changes, errors) of the pull request in step with the plan comment. */
  labels: boolean;
  /** Allow plans that remove the caller's own access or the last cluster admin. */
  allowLockout: boolean;
  /** aws-auth ConfigMap file (migrate-aws-auth). */
  configmap?: string;
  /** Directory for the manifests a migration or export proposes in its pull request. */
  migrationPath?: string;
  /** The run's time limit in ms (default 30 minutes, DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number;
}
