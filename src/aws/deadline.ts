/**
 * The time limit of a run. GitHub's default job timeout is six hours, and an endpoint that takes
 * connections and never answers would otherwise hold a plan for all of them. While reading
 * (`hard`), every AWS call is refused once the deadline has passed, and a call still waiting then
 * is given up on, with an error naming the operation and the endpoint that did not answer. An
 * apply switches to `soft` before it writes: calls in flight finish (a half-done replace would
 * lose data) and the apply starts no new step, so the next plan shows the truth and the next
 * apply converges.
 */
import { EksIdentityError } from '../errors.js';

export interface DeadlineClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** 30 minutes: a full read of a cluster at EKS's quotas and an authentication-mode update fit many times over. */
export const DEFAULT_TIMEOUT_MS = 30 * 60_000;

/** Timers that do not keep a finished process alive. */
const systemClock: DeadlineClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
};

export class Deadline {
  readonly expiresAt: number;
  private hard = true;
  private expiry: Promise<void> | undefined;

  constructor(
    readonly timeoutMs: number,
    private readonly clock: DeadlineClock = systemClock,
  ) {
    this.expiresAt = clock.now() + timeoutMs;
  }

  expired(): boolean {
    return this.clock.now() >= this.expiresAt;
  }

  now(): number {
    return this.clock.now();
  }

  /** From now on calls are not cut off at the deadline; the caller stops starting new work instead. */
  letCallsFinish(): void {
    this.hard = false;
  }

  /** Whether calls are refused and cut off at the deadline. */
  get cutsCalls(): boolean {
    return this.hard;
  }

  /** Resolves when the deadline passes (one timer, shared by every caller). */
  reached(): Promise<void> {
    this.expiry ??= this.clock.sleep(Math.max(0, this.expiresAt - this.clock.now()));
    return this.expiry;
  }

  /** `30 min`, `90 s`: how the limit is shown in messages. */
  describe(): string {
    return formatDuration(this.timeoutMs);
  }
}

export function formatDuration(ms: number): string {
  if (ms >= 120_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

/** The error a call gets when the deadline passes: what it was, where it went, what limit passed. */
export function deadlineError(deadline: Deadline, operation: string, endpoint: string, waitingMs?: number): EksIdentityError {
  const waited = waitingMs === undefined ? 'was not started' : `had waited ${formatDuration(waitingMs)} for an answer`;
  return new EksIdentityError('TIMEOUT', `The run's time limit of ${deadline.describe()} passed: ${operation} at ${endpoint} ${waited}`, {
    fix: 'No further AWS call was made (an apply reports what it did and did not do). Check the network path to that endpoint (proxy, VPC endpoint, firewall) and run again, or raise the time limit (--timeout, or the timeout input).',
  });
}

/** Parses `--timeout` / the `timeout` input: seconds, or a number with `s`, `m` or `h`. */
export function parseTimeout(value: string, what: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h|)\s*$/i.exec(value);
  const seconds = match ? Number(match[1]) * ({ s: 1, m: 60, h: 3600, '': 1 } as Record<string, number>)[match[2]!.toLowerCase()]! : Number.NaN;
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new EksIdentityError('INVALID_TIMEOUT', `${what} must be a positive number of seconds, or a number with s, m or h (got "${value}")`, {
      fix: 'for example 600, 10m or 1h',
    });
  }
  return Math.round(seconds * 1000);
}
