import type { Deadline } from '../aws/deadline.js';
import type { EksWriteGateway } from '../aws/gateway.js';
import { principalsOfChange, type Change } from '../model/plan.js';
import type { DeleteBudget } from './guards.js';
import { callWithRetry, RetriesExhausted, type RetryClock, type RetryNotice, type RetryPolicy } from './retry.js';
import type { ApplyOutcome } from './types.js';

/** How a step ended when it did not fail (failures are thrown as StepFailure). */
export interface StepOutcome {
  outcome: Exclude<ApplyOutcome, 'failed'>;
  reason?: string;
}

/** A call that failed after its retries: the operation and the last error. */
export class StepFailure extends Error {
  constructor(
    readonly operation: string,
    readonly lastError: unknown,
  ) {
    super(lastError instanceof Error ? lastError.message : String(lastError));
    this.name = 'StepFailure';
  }
}

/** Settings of the whole run that the steps consult. */
export interface RunSettings {
  fingerprint: string;
  runId: string;
  allowLockout: boolean;
  updateTimeoutMs: number;
  budget: DeleteBudget;
  /** Clusters where a cluster-admin grant of this run failed or was skipped (the lockout guard reads it). */
  adminGrantFailed: Set<string>;
  clock: RetryClock;
  policy: RetryPolicy;
  /** Per cluster: CreateDate of the IAM principals the plan read (ClusterPlan.iamCreateDates). */
  createDates: Record<string, Record<string, string>>;
  /** The run's time limit: waits on asynchronous updates stop polling when it passes. */
  deadline?: Deadline;
}

/** What one step may use: its cluster's gateway, the change, and a retried call that counts attempts. */
export class StepContext {
  /** API calls made for this change, retries included. */
  attempts = 0;

  constructor(
    readonly gateway: EksWriteGateway,
    readonly clusterName: string,
    readonly change: Change,
    readonly run: RunSettings,
    private readonly onRetry: (operation: string, notice: RetryNotice) => void,
  ) {}

  /** Runs one API call with the retry policy; a final failure becomes a StepFailure naming the operation. */
  async call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      const { value, attempts } = await callWithRetry(fn, this.run.clock, this.run.policy, (notice) => this.onRetry(operation, notice), () => this.principalMayBeNew());
      this.attempts += attempts;
      return value;
    } catch (err) {
      if (err instanceof RetriesExhausted) {
        this.attempts += err.attempts;
        throw new StepFailure(operation, err.lastError);
      }
      throw new StepFailure(operation, err);
    }
  }

  /**
   * Whether EKS may not see this change's IAM principal yet: one the plan did not read (another
   * account, or a plan built without reading), or one created within the propagation window.
   * An older principal that EKS refuses will never be accepted, so the change fails at once.
   */
  principalMayBeNew(): boolean {
    const dates = this.run.createDates[this.clusterName] ?? {};
    const window = this.run.policy.propagationWindowMs;
    return principalsOfChange(this.change).some((arn) => {
      const created = dates[arn];
      return created === undefined || this.run.clock.now() - Date.parse(created) < window;
    });
  }
}
