import { OperationPacer } from '../../src/aws/pacer.js';
import { mapWithConcurrency } from '../../src/aws/concurrency.js';
import { createRandom } from '../../src/emulator/random.js';
import { virtualClock, type VirtualClock } from '../helpers/virtual-clock.js';

interface World {
  /** Requests per second of the operation's bucket (0: none), as a function of time. */
  rps: (t: number) => number;
  burst?: number;
  /** Tokens per second another caller takes from the bucket. */
  backgroundRps?: number;
  /** Share of calls throttled at random, whatever the rate. */
  throttleRate?: number;
  latencyMs?: number;
}

/** One AWS operation as the emulator models it, on the virtual clock: a token bucket plus random throttles. */
function simulatedOperation(clock: VirtualClock, world: World, random: () => number) {
  let tokens = world.burst ?? world.rps(0);
  let last = clock.now();
  const stats = { calls: 0, throttled: 0 };
  const throttle = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } });
  return {
    stats,
    async call(): Promise<{ $metadata: { attempts: number } }> {
      const now = clock.now();
      const rps = world.rps(now);
      stats.calls += 1;
      let limited = false;
      if (rps > 0) {
        tokens = Math.max(0, Math.min(world.burst ?? rps, tokens + ((now - last) / 1000) * (rps - (world.backgroundRps ?? 0))));
        last = now;
        if (tokens < 1) limited = true;
        else tokens -= 1;
      }
      await clock.sleep(world.latencyMs ?? 20);
      if (limited || random() < (world.throttleRate ?? 0)) {
        stats.throttled += 1;
        throw throttle();
      }
      return { $metadata: { attempts: 1 } };
    },
  };
}

/** Runs `n` calls, `inFlight` at a time, through one pacer; returns the virtual time taken. */
async function runCalls(world: World, n: number, seed = 7, inFlight = 16): Promise<{ ms: number; pacer: OperationPacer; calls: number }> {
  const clock = virtualClock();
  const random = createRandom(seed);
  const operation = simulatedOperation(clock, world, random);
  const pacer = new OperationPacer({ clock, random });
  const done = mapWithConcurrency(Array.from({ length: n }), inFlight, () => pacer.run(() => operation.call()));
  await clock.runUntilIdle();
  await done;
  return { ms: clock.now(), pacer, calls: operation.stats.calls };
}

/**
 * The reads of a plan of 150 associations and 150 access entries, as the reader makes them: 32 at a
 * time, association and entry describes interleaved, each entry describe followed by the list of
 * its policies, and the roles read beside them; each operation has its own bucket and pacer.
 */
async function readPlan(world: World, seed: number): Promise<number> {
  const clock = virtualClock();
  const random = createRandom(seed);
  const [associations, entries, policies, roles] = [0, 1, 2, 3].map(() => ({ operation: simulatedOperation(clock, world, random), pacer: new OperationPacer({ clock, random: createRandom(seed + 100) }) }));
  const call = (o: typeof associations) => o!.pacer.run(() => o!.operation.call());
  const describes = Array.from({ length: 301 }, (_, i) => i % 2 === 0);
  const done = Promise.all([
    mapWithConcurrency(describes, 32, async (association) => {
      if (association) await call(associations);
      else {
        await call(entries);
        await call(policies);
      }
    }),
    mapWithConcurrency(Array.from({ length: 150 }), 32, () => call(roles)),
  ]);
  await clock.runUntilIdle();
  await done;
  return clock.now();
}

describe('OperationPacer under random throttling on top of its own bucket (virtual clock, several seeds)', () => {
  // As the emulator's plan benchmark: a 100 rps bucket with a burst of 50 per operation, random
  // throttles that take a token as any call does. The virtual read has none of the real run's
  // fixed costs (process start, sessions, lists, CPU), so its ratios are harsher than the
  // benchmark's; the bounds are the benchmark's targets where the virtual read can hold them.
  const bucket = { rps: () => 100, burst: 50, latencyMs: 20 };
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8];

  it('GIVEN 30 % of calls throttled at random WHEN a 600-read plan runs THEN every seed takes at most 4× the unthrottled time', async () => {
    const clean = await readPlan(bucket, 1);
    for (const seed of seeds) expect((await readPlan({ ...bucket, throttleRate: 0.3 }, seed)) / clean).toBeLessThanOrEqual(4);
  });

  it('GIVEN half the calls throttled at random WHEN a 600-read plan runs THEN every seed takes at most 6× the unthrottled time', async () => {
    const clean = await readPlan(bucket, 1);
    for (const seed of seeds) expect((await readPlan({ ...bucket, throttleRate: 0.5 }, seed)) / clean).toBeLessThanOrEqual(6);
  });

  it('GIVEN 30 % and 50 % throttled at random WHEN 450 calls of one operation run THEN every seed takes at most 3× and 6× the unthrottled time and no call runs out of retries', async () => {
    const clean = await runCalls(bucket, 450, 1, 32);
    for (const seed of seeds) {
      expect((await runCalls({ ...bucket, throttleRate: 0.3 }, 450, seed, 32)).ms / clean.ms).toBeLessThanOrEqual(3);
      expect((await runCalls({ ...bucket, throttleRate: 0.5 }, 450, seed, 32)).ms / clean.ms).toBeLessThanOrEqual(6);
    }
  });
});

describe('OperationPacer under throttling (virtual clock)', () => {
  it('GIVEN 30 % of calls throttled at random WHEN 600 calls run THEN they take at most 3× the unthrottled time and the rate does not collapse', async () => {
    const world = { rps: () => 0, latencyMs: 20 };
    const clean = await runCalls(world, 600);
    const throttled = await runCalls({ ...world, throttleRate: 0.3 }, 600);
    expect(throttled.ms).toBeLessThanOrEqual(clean.ms * 3);
    expect(throttled.pacer.rate).toBeGreaterThan(50);
    expect(throttled.pacer.ignoresBackground).toBe(true);
  });

  it('GIVEN half the calls throttled at random WHEN 600 calls run THEN they all finish within 6× the unthrottled time', async () => {
    const world = { rps: () => 0, latencyMs: 20 };
    const clean = await runCalls(world, 600);
    const throttled = await runCalls({ ...world, throttleRate: 0.5 }, 600, 11);
    expect(throttled.ms).toBeLessThanOrEqual(clean.ms * 6);
  });

  it('GIVEN a 20 rps bucket of which another caller takes 10 WHEN 400 calls run THEN they take at most 1.3× the floor of the 10 rps left over', async () => {
    const burst = 20;
    const { ms, pacer } = await runCalls({ rps: () => 20, burst, backgroundRps: 10 }, 400);
    const floor = ((400 - burst) / 10) * 1000;
    expect(ms).toBeLessThanOrEqual(floor * 1.3);
    // It found the leftover: not hammering at the starting 100/s, not crawling at the floor.
    expect(pacer.rate).toBeGreaterThan(5);
    expect(pacer.rate).toBeLessThan(20);
  });

  it('GIVEN only our own 50 rps bucket WHEN 1000 calls run THEN they take at most 1.15× the floor', async () => {
    const burst = 25;
    const { ms } = await runCalls({ rps: () => 50, burst }, 1000);
    expect(ms).toBeLessThanOrEqual(((1000 - burst) / 50) * 1000 * 1.15);
  });

  it('GIVEN only our own 100 rps bucket WHEN 5000 calls run (a full read of a large cluster) THEN within 1.05× the floor, with few calls wasted on re-probing', async () => {
    const { ms, calls } = await runCalls({ rps: () => 100, burst: 50 }, 5000);
    expect(ms).toBeLessThanOrEqual(((5000 - 50) / 100) * 1000 * 1.05);
    expect(calls).toBeLessThan(5000 * 1.05);
  });

  it('GIVEN a limit that drops from 50 to 10 rps mid-run and comes back WHEN calls run THEN the pacer follows it down and up again', async () => {
    const rps = (t: number) => (t >= 5_000 && t < 25_000 ? 10 : 50);
    const { ms, pacer } = await runCalls({ rps, burst: 25 }, 1200);
    // Floor: 5 s at 50/s (250 + burst), 20 s at 10/s (200), the remaining 725 at 50/s.
    const floor = 5_000 + 20_000 + ((1200 - 275 - 200) / 50) * 1000;
    expect(ms).toBeLessThanOrEqual(floor * 1.3);
    expect(pacer.rate).toBeGreaterThan(20);
  });
});
