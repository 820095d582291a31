/** Seeded fault injection: latency, per-operation token buckets (shared with a background caller), random throttles, 5xx, resets, denied and silent operations. */
import type { Random } from './random.js';
import type { FaultOptions } from './types.js';

export type FaultDecision = { kind: 'none' } | { kind: 'reset' } | { kind: 'throttle' } | { kind: 'error'; status: 500 | 503 } | { kind: 'deny' } | { kind: 'hang' };

interface Bucket {
  tokens: number;
  lastMs: number;
}

export interface FaultInjector {
  /** Delay before answering: fixed latency plus seeded jitter. */
  delayMs(faults: FaultOptions): number;
  /** What goes wrong with this request, if anything. Draws are seeded, so runs repeat. */
  decide(operation: string, faults: FaultOptions, nowMs: number): FaultDecision;
}

export function createFaultInjector(random: Random): FaultInjector {
  const buckets = new Map<string, Bucket>();

  /**
   * Token bucket per operation, refilled at throttleRps, holding at most throttleBurst tokens. The
   * background caller takes its backgroundRps out of the refill before we see it, as a steady
   * neighbour does over any span longer than a few of its calls.
   */
  function takeToken(operation: string, faults: FaultOptions, nowMs: number): boolean {
    const rate = faults.throttleRps ?? 0;
    if (rate <= 0) return true;
    const burst = Math.max(1, faults.throttleBurst ?? rate);
    const refill = rate - (faults.backgroundRps ?? 0);
    const bucket = buckets.get(operation) ?? { tokens: burst, lastMs: nowMs };
    bucket.tokens = Math.max(0, Math.min(burst, bucket.tokens + ((nowMs - bucket.lastMs) / 1000) * refill));
    bucket.lastMs = nowMs;
    buckets.set(operation, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  return {
    delayMs(faults) {
      const jitter = faults.jitterMs ? random() * faults.jitterMs : 0;
      return (faults.latencyMs ?? 0) + jitter;
    },
    decide(operation, faults, nowMs) {
      if (faults.hangOperations?.includes(operation)) return { kind: 'hang' };
      if (faults.denyOperations?.includes(operation)) return { kind: 'deny' };
      if (faults.resetRate && random() < faults.resetRate) return { kind: 'reset' };
      if (!takeToken(operation, faults, nowMs)) return { kind: 'throttle' };
      if (faults.throttleRate && random() < faults.throttleRate) return { kind: 'throttle' };
      if (faults.errorRate && random() < faults.errorRate) return { kind: 'error', status: random() < 0.5 ? 500 : 503 };
      return { kind: 'none' };
    },
  };
}
