/**
 * What the AWS calls of a run are doing right now: which are waiting for an answer and for how
 * long, how many attempts were throttled or failed and retried, and how many answers arrive a
 * second. Progress lines use it to tell a throttled run (slow, but answers keep coming) from a
 * hanging one (one call waiting on an endpoint that does not answer), and the deadline uses it
 * to say what it was waiting for. Fed by a middleware inside the SDK's retry loop (clients.ts),
 * so it sees every attempt.
 */
import { isThrottle } from './errors.js';
import { isTimeout } from './paced-retry.js';

export interface WaitingCall {
  operation: string;
  /** `https://eks.us-east-1.amazonaws.com` */
  endpoint: string;
  waitingMs: number;
}

export interface CallSnapshot {
  inFlight: number;
  /** The call that has waited longest for its answer. */
  oldest?: WaitingCall;
  /** Attempts answered with a throttle, a 5xx, a timeout or a dropped connection (each retried). */
  retried: number;
  throttled: number;
  /** Answers per second over the last `windowMs`. */
  perSecond: number;
}

interface Attempt {
  operation: string;
  endpoint: string;
  startedAt: number;
}

export class CallWatch {
  private nextId = 0;
  private readonly inFlight = new Map<number, Attempt>();
  private retriedCount = 0;
  private throttledCount = 0;
  private readonly answers: number[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly windowMs = 10_000,
  ) {}

  begin(operation: string, endpoint: string): number {
    const id = this.nextId++;
    this.inFlight.set(id, { operation, endpoint, startedAt: this.now() });
    return id;
  }

  /** Ends an attempt; `error` is what it failed with, if it did. */
  end(id: number, error?: unknown): void {
    this.inFlight.delete(id);
    if (error === undefined) {
      this.answers.push(this.now());
      return;
    }
    if (isThrottle(error)) this.throttledCount += 1;
    if (isRetried(error)) this.retriedCount += 1;
    else this.answers.push(this.now());
  }

  snapshot(): CallSnapshot {
    const now = this.now();
    while (this.answers.length > 0 && this.answers[0]! < now - this.windowMs) this.answers.shift();
    let oldest: Attempt | undefined;
    for (const attempt of this.inFlight.values()) if (!oldest || attempt.startedAt < oldest.startedAt) oldest = attempt;
    return {
      inFlight: this.inFlight.size,
      ...(oldest ? { oldest: { operation: oldest.operation, endpoint: oldest.endpoint, waitingMs: now - oldest.startedAt } } : {}),
      retried: this.retriedCount,
      throttled: this.throttledCount,
      perSecond: this.answers.length / (this.windowMs / 1000),
    };
  }
}

/** Errors the clients retry: throttles, 5xx, timeouts and dropped connections (no HTTP status at all). */
function isRetried(error: unknown): boolean {
  if (isThrottle(error) || isTimeout(error)) return true;
  const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
  return status === undefined || status >= 500;
}

/** `waiting 12 s for DescribeCluster at https://…`, or the retries and rate, or nothing worth saying. */
export function describeCalls(snapshot: CallSnapshot, slowMs = 5_000): string | undefined {
  const { oldest } = snapshot;
  if (oldest && oldest.waitingMs >= slowMs) return `waiting ${Math.round(oldest.waitingMs / 1000)} s for ${oldest.operation} at ${oldest.endpoint}`;
  if (snapshot.retried > 0) return `${snapshot.retried} call(s) retried (throttled or failed), ${formatRate(snapshot.perSecond)} answers/s`;
  return undefined;
}

function formatRate(perSecond: number): string {
  return perSecond >= 10 ? String(Math.round(perSecond)) : perSecond.toFixed(1);
}
