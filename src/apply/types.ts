import type { Deadline } from '../aws/deadline.js';
import type { EksWriteGateway } from '../aws/gateway.js';
import type { ChangeAction, ResourceKind } from '../model/plan.js';

export interface ApplyDeps {
  /** One write gateway per cluster name in the plan. */
  gateways: Record<string, EksWriteGateway>;
  sleep: (ms: number) => Promise<void>;
  /** Millisecond clock (retry windows, durations). */
  now: () => number;
  /** 0..1, for backoff jitter (default Math.random). */
  random?: () => number;
  onProgress?: (event: ApplyEvent) => void;
  /**
   * Distinguishes this apply run in client request tokens (default: derived from the clock and
   * `random`). See token.ts for why tokens are not shared across runs.
   */
  runId?: string;
}

export interface ApplyOptions {
  /** Changes in flight at once, over all clusters (default 8). */
  concurrency?: number;
  /**
   * How long IAM eventual-consistency errors are retried per change (default 60,000 ms), and only
   * for a principal the plan saw created within that long (or could not read): for an older one
   * the refusal is permanent and the change fails at once.
   */
  propagationWindowMs?: number;
  /** Deletes plus replacements allowed in this run; further ones are skipped. */
  maxDeletes?: number;
  /** Allow deleting the caller's own access entry or its cluster admin policy. */
  allowLockout?: boolean;
  /** How long to wait for an authentication-mode update to finish (default 600,000 ms). */
  updateTimeoutMs?: number;
  /**
   * The run's time limit. Once it passes no new change starts (each is reported as skipped, not
   * started); changes in flight finish, so nothing is left half done. The next plan shows what is
   * left and the next apply converges.
   */
  deadline?: Deadline;
}

export type ApplyOutcome = 'applied' | 'adopted' | 'skipped' | 'failed';

export interface ApplyError {
  /** AWS error name (`ResourceInUseException`…) or the JavaScript error name. */
  name: string;
  message: string;
  status?: number;
  requestId?: string;
  /** The API operation that failed, e.g. `CreateAccessEntry`. */
  operation: string;
}

export interface ApplyResult {
  clusterName: string;
  changeId: string;
  kind: ResourceKind;
  action: ChangeAction;
  outcome: ApplyOutcome;
  /** Why a change was skipped or adopted. */
  reason?: string;
  error?: ApplyError;
  /** Calls of the change's main operation, retries included (0 when skipped before any call). */
  attempts: number;
}

export interface ApplySummary {
  total: number;
  applied: number;
  adopted: number;
  skipped: number;
  failed: number;
  /** True when every change was applied or adopted. */
  ok: boolean;
  /** Present when the time limit stopped the run: the skipped changes were never started. */
  timedOut?: { limitMs: number; notStarted: number };
  durationMs: number;
}

export interface ApplyReport {
  /** The fingerprint of the plan that was applied. */
  fingerprint: string;
  /** One per executable change (unmanaged notes excluded), in plan order. */
  results: ApplyResult[];
  summary: ApplySummary;
}

export type ApplyEvent =
  | { type: 'start'; total: number }
  | { type: 'change-start'; clusterName: string; changeId: string; kind: ResourceKind; action: ChangeAction }
  | { type: 'retry'; clusterName: string; changeId: string; operation: string; attempt: number; delayMs: number; reason: string }
  | { type: 'change-end'; result: ApplyResult }
  | { type: 'done'; summary: ApplySummary };
