/** A clock whose timers fire in time order, once everything else has run: minutes of waiting in milliseconds of test. */
export interface VirtualClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Fires timers in order until none is left (or `until` is reached). */
  runUntilIdle(until?: number): Promise<void>;
}

export function virtualClock(start = 0): VirtualClock {
  let t = start;
  let seq = 0;
  const timers: Array<{ at: number; seq: number; fire: () => void }> = [];
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    now: () => t,
    sleep: (ms) => new Promise<void>((resolve) => timers.push({ at: t + Math.max(0, ms), seq: seq++, fire: resolve })),
    async runUntilIdle(until = Number.POSITIVE_INFINITY) {
      for (await settle(); timers.length > 0; await settle()) {
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        if (timers[0]!.at > until) return;
        const next = timers.shift()!;
        t = Math.max(t, next.at);
        next.fire();
      }
    },
  };
}
