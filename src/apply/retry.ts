import { AwsCallError, isIamPropagation, isThrottle } from '../aws/errors.js';

export interface RetryClock {
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
}

export interface RetryPolicy {
  /**
   * IAM eventual-consistency errors are retried until this much time has passed, and only for a
   * principal that may be new (see StepContext): for any other principal the refusal is permanent.
   */
  propagationWindowMs: number;
  /** Attempts for transient errors left over after the SDK's own retries (throttling, 5xx, resets). */
  transientAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  propagationWindowMs: 60_000,
  transientAttempts: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 20_000,
};

export interface RetryNotice {
  attempt: number;
  delayMs: number;
  reason: string;
}

/** A failure after the retries, with how many calls were made. */
export class RetriesExhausted extends Error {
  constructor(
    readonly lastError: unknown,
    readonly attempts: number,
  ) {
    super(lastError instanceof Error ? lastError.message : String(lastError));
    this.name = 'RetriesExhausted';
  }
}

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'TimeoutError', 'RequestTimeout']);

/** Worth another try after the SDK gave up: throttling, server errors, dropped connections. */
export function isTransient(err: unknown): boolean {
  if (isThrottle(err)) return true;
  const status = AwsCallError.isAwsCallError(err) ? err.httpStatus : (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return true;
  const name = AwsCallError.isAwsCallError(err) ? err.errorName : (err as { code?: string; name?: string })?.code;
  return name !== undefined && NETWORK_CODES.has(name);
}

/**
 * Runs `fn`, retrying transient errors a few times and, when `mayPropagate` says the principal may
 * be new, IAM propagation errors with exponential backoff and jitter until the window is used up.
 * Every other error (any other 4xx, or a propagation-like refusal of a principal that is not new)
 * fails at once. Returns the value and the number of calls; throws RetriesExhausted carrying the
 * last error and the number of calls.
 */
export async function callWithRetry<T>(
  fn: () => Promise<T>,
  clock: RetryClock,
  policy: RetryPolicy,
  onRetry: (notice: RetryNotice) => void = () => undefined,
  mayPropagate: () => boolean = () => true,
): Promise<{ value: T; attempts: number }> {
  const started = clock.now();
  let transientFailures = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await fn(), attempts: attempt };
    } catch (err) {
      const propagation = isIamPropagation(err) && mayPropagate();
      const transient = !propagation && isTransient(err);
      if (transient) transientFailures++;
      if (!propagation && !(transient && transientFailures < policy.transientAttempts)) throw new RetriesExhausted(err, attempt);
      const delayMs = backoffDelay(attempt, policy, clock.random);
      if (propagation && clock.now() + delayMs - started > policy.propagationWindowMs) throw new RetriesExhausted(err, attempt);
      onRetry({ attempt, delayMs, reason: propagation ? 'IAM change not yet visible to EKS' : 'transient error' });
      await clock.sleep(delayMs);
    }
  }
}

/** Exponential backoff with "equal jitter": at least half the step, so retries never bunch at zero. */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
