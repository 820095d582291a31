/**
 * What the operations take. Every request is an options object: a new option (a deadline, an
 * owner, a filter) is one more optional field, and no caller has to change.
 */
import type { ApplyEvent } from '../apply/index.js';
import type { CallWatch } from '../aws/call-watch.js';
import type { AwsClientOptions, AwsCredentials } from '../aws/clients.js';
import type { Deadline } from '../aws/deadline.js';
import type { ProgressReporter } from '../aws/progress.js';
import type { PruneMode } from '../model/ownership.js';

/** How to reach AWS; all optional (default: the SDK's chain, endpoints from AWS_ENDPOINT_URL_*). */
export interface AwsAccess {
  credentials?: AwsCredentials;
  /** Explicit endpoints (the emulator). */
  endpoints?: AwsClientOptions['endpoints'];
  maxAttempts?: number;
  /** Connect and per-attempt response timeouts (defaults 5 s and 15 s). */
  timeouts?: AwsClientOptions['timeouts'];
  /**
   * The run's time limit (startTimeLimit): reads stop when it passes, naming the call that did not
   * answer. Pass the same one to apply. Default: none (the front ends always set one).
   */
  deadline?: Deadline;
  /** Sees every call, for progress lines (startTimeLimit). */
  watch?: CallWatch;
}

/** Which manifest and which of its clusters. */
export interface ManifestSelection {
  /** Manifest file, directory or glob. */
  manifest: string;
  /** Base for the manifest path and for file names in messages (default: process.cwd()). */
  cwd?: string;
  /** Only these clusters (default: every cluster the manifest declares). */
  clusters?: string[];
}

/** The plan's own guards: they shape findings at plan time and are enforced again at apply. */
export interface PlanGuards {
  /** Overrides the manifest's `prune` (`'owned'` needs the manifest's `owner`). */
  prune?: PruneMode;
  /** More deletes and replacements than this is an error finding (default 10). */
  maxDeletes?: number;
  /** Removing the caller's own access or the last cluster admin is allowed. */
  allowLockout?: boolean;
}

export interface PlanRequest extends ManifestSelection, PlanGuards {
  /** Describe calls in flight per cluster. */
  concurrency?: number;
  progress?: ProgressReporter;
  aws?: AwsAccess;
}

export interface ApplyOptions extends PlanGuards {
  /** Fingerprint of the reviewed plan, or a prefix of 12+ hex characters: any other plan is refused (PLAN_CHANGED). */
  expectFingerprint?: string;
  /** The reviewed part of each cluster (clusters[].fingerprint or a 12+ hex prefix), for an apply limited to some clusters; replaces expectFingerprint. */
  expectClusterFingerprints?: Readonly<Record<string, string>>;
  /** Why there is no reviewed fingerprint (the action's merged pull request had no plan comment). */
  reviewMissing?: string;
  /** A mismatch or a missing review refuses the apply (default) or only warns through `onWarning`. */
  onMismatch?: 'fail' | 'warn';
  onWarning?: (message: string) => void;
  /** Changes in flight at most (the rate is found per operation). */
  concurrency?: number;
  onProgress?: (event: ApplyEvent) => void;
  /** The run's time limit: once it passes no new change starts (default: the plan's `aws.deadline` when apply plans first). */
  deadline?: Deadline;
  /** Clock and sleep, for tests with a virtual clock. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** One cluster named by flags instead of a manifest. */
export interface ClusterTarget {
  name: string;
  region: string;
  accountId?: string;
  assumeRoleArn?: string;
}

/**
 * Where a migration or an export looks. With `manifest`, its clusters are the targets and the
 * proposal is only what the manifest does not declare yet, in new files that load beside it.
 * Without it, `cluster` names the one cluster and the proposal is a whole manifest.
 */
export interface MigrationRequest extends Partial<ManifestSelection>, Pick<PlanGuards, 'maxDeletes' | 'allowLockout'> {
  cluster?: ClusterTarget;
  /** Directory of the proposed files, relative to cwd (default: beside the manifest, else cwd). */
  directory?: string;
  progress?: ProgressReporter;
  aws?: AwsAccess;
}

export interface MigrateIrsaRequest extends MigrationRequest {
  /** The later step: remove the cluster's OIDC statements from the trust policies. */
  removeOidcTrust?: boolean;
}

export interface MigrateAwsAuthRequest extends Omit<MigrationRequest, 'cluster'> {
  /** The ConfigMap as kubectl printed it, and its file name (for locations). */
  configMap: { text: string; file: string };
  /** Without a manifest: the cluster (region optional when offline). */
  cluster?: Omit<ClusterTarget, 'region'> & { region?: string };
  /** No AWS call: the proposal has files and notes but no plan. */
  offline?: boolean;
}

export interface ExportRequest extends MigrationRequest {
  /**
   * Export the objects tagged with this owner, their roles as `role:` blocks. With a manifest its
   * `owner:` is used, and this, when given, must name the same owner.
   */
  owner?: string;
}
