/**
 * How the SDK's retry loop and the pacers share the work. A throttle of a paced call goes back to
 * its pacer at once (the SDK's own backoff for throttling, a random wait of up to a second that
 * doubles per attempt, is made for callers that do not pace themselves and for a paced call only
 * adds that wait to the end of the run). Everything else (5xx, dropped connections, timeouts,
 * throttles of unpaced calls) is retried by the SDK's standard strategy, except that an endpoint
 * that keeps timing out is given up on after a few attempts: one that did not answer three times
 * in a row is broken, and the run should say so rather than wait for the remaining attempts.
 */
import type { FinalizeHandler, FinalizeHandlerArguments, RelativeMiddlewareOptions, RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import { isThrottle } from './errors.js';

/** Inputs of commands sent through a pacer: their throttles are the pacer's to retry. */
const pacedInputs = new WeakSet<object>();
const HANDED_BACK = Symbol('eks-identity.handedBackToPacer');

/** Attempts that may time out before a call gives up (the first included). */
export const DEFAULT_TIMEOUT_ATTEMPTS = 3;

/** Marks a command's input as paced: its throttles come back to the pacer that sent it. */
export function markPaced(input: object): void {
  pacedInputs.add(input);
}

/**
 * A middleware that runs inside the SDK's retry loop and marks the throttles of paced commands,
 * so that `PacedRetryStrategy` hands them back instead of retrying them. Added to every client
 * (clients.ts); it does nothing for calls that are not paced.
 */
export function markPacedThrottles<Input extends object, Output extends object>(next: FinalizeHandler<Input, Output>): FinalizeHandler<Input, Output> {
  return async (args: FinalizeHandlerArguments<Input>) => {
    try {
      return await next(args);
    } catch (err) {
      if (pacedInputs.has(args.input) && isThrottle(err) && typeof err === 'object' && err !== null) Object.defineProperty(err, HANDED_BACK, { value: true });
      throw err;
    }
  };
}

export const markPacedThrottlesOptions: RelativeMiddlewareOptions = { name: 'eksIdentityMarkPacedThrottles', relation: 'after', toMiddleware: 'retryMiddleware' };

/** A request or connect timeout of the HTTP handler (clients.ts sets both). */
export function isTimeout(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'TimeoutError';
}

/**
 * The SDK's retry strategy with two changes: a throttle of a paced call (marked by
 * `markPacedThrottles`) is handed back to its pacer at once, and a call stops after
 * `timeoutAttempts` timeouts. Everything else is retried by `inner` as before.
 */
export class PacedRetryStrategy implements RetryStrategyV2 {
  private readonly timeouts = new WeakMap<RetryToken, number>();

  constructor(
    private readonly inner: RetryStrategyV2,
    private readonly timeoutAttempts = DEFAULT_TIMEOUT_ATTEMPTS,
  ) {}

  acquireInitialRetryToken(retryTokenScope: string): Promise<RetryToken> {
    return this.inner.acquireInitialRetryToken(retryTokenScope);
  }

  async refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    const error = errorInfo.error as (Error & { [HANDED_BACK]?: boolean }) | undefined;
    if (errorInfo.errorType === 'THROTTLING' && error?.[HANDED_BACK]) throw error;
    if (isTimeout(error)) {
      const count = (this.timeouts.get(token) ?? 0) + 1;
      if (count >= this.timeoutAttempts) throw error;
      const next = await this.inner.refreshRetryTokenForRetry(token, errorInfo);
      this.timeouts.set(next, count);
      return next;
    }
    const next = await this.inner.refreshRetryTokenForRetry(token, errorInfo);
    const count = this.timeouts.get(token);
    if (count !== undefined) this.timeouts.set(next, count);
    return next;
  }

  recordSuccess(token: RetryToken): void {
    this.inner.recordSuccess(token);
  }
}
