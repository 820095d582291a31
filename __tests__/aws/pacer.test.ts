import { OperationPacer, PacerRegistry, pacedClients, type PacerClock } from '../../src/aws/pacer.js';
import { interleave } from '../../src/aws/reader.js';

/** A clock that only moves when someone sleeps. */
function fakeClock(): PacerClock & { t: number } {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

/** A clock whose timers fire in time order, once everything else has run. */
function virtualClock(): PacerClock & { runUntilIdle(): Promise<void> } {
  let t = 0;
  const timers: Array<{ at: number; fire: () => void }> = [];
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    now: () => t,
    sleep: (ms) => new Promise<void>((resolve) => timers.push({ at: t + ms, fire: resolve })),
    async runUntilIdle() {
      for (await settle(); timers.length > 0; await settle()) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift()!;
        t = next.at;
        next.fire();
      }
    },
  };
}

const ok = (attempts = 1) => async () => ({ $metadata: { attempts } });

describe('OperationPacer', () => {
  it('GIVEN a rate of 10/s WHEN a window of 16 calls that were all throttled once run back to back THEN they are spaced by the rate, which then drops once', async () => {
    const clock = fakeClock();
    const pacer = new OperationPacer({ initialRate: 10, burst: 1, clock });
    const starts: number[] = [];
    for (let i = 0; i < 18; i++) {
      await pacer.run(async () => {
        starts.push(clock.now());
        return { $metadata: { attempts: 2 } };
      });
    }
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    // A whole window at 10/s (100 ms apart); it closes with every call throttled, so the rate
    // takes the deepest cut of one window (to 6/s, 167 ms), and only one.
    expect(gaps.slice(0, 15)).toEqual(Array(15).fill(100));
    gaps.slice(15).forEach((gap) => expect(gap).toBeCloseTo(1000 / 6));
    expect(pacer.rate).toBeCloseTo(6);
  });

  it('GIVEN calls back to back that succeed at once THEN they are spaced at most 1/rate apart and the spacing shrinks', async () => {
    const clock = fakeClock();
    const pacer = new OperationPacer({ initialRate: 10, burst: 1, clock });
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) await pacer.run(async () => starts.push(clock.now()));
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(gaps[0]).toBe(100);
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(100);
    expect(gaps[gaps.length - 1]!).toBeLessThan(100);
  });

  it('GIVEN calls that wait for their slot and succeed at once WHEN run THEN the rate grows', async () => {
    const clock = fakeClock();
    const pacer = new OperationPacer({ initialRate: 10, burst: 1, clock });
    for (let i = 0; i < 10; i++) await pacer.run(ok());
    expect(pacer.rate).toBeGreaterThan(15);
  });

  it('GIVEN a window with a quarter of its answers throttled WHEN it closes THEN the rate drops to what the limit let through, less a margin, and growth is slow afterwards', async () => {
    const clock = fakeClock();
    const pacer = new OperationPacer({ initialRate: 100, increase: 0.02, clock });
    for (let i = 0; i < 15; i++) await pacer.run(ok(i % 4 === 0 ? 2 : 1));
    // Nothing is decided before the window of 16 closes.
    expect(pacer.rate).toBe(100);
    await pacer.run(ok());
    // 100/s with 4 of 16 throttled: 75/s got through; 90 % of that.
    expect(pacer.rate).toBeCloseTo(67.5);
    for (let i = 0; i < 10; i++) await pacer.run(ok());
    expect(pacer.rate).toBeCloseTo(67.7);
  });

  it('GIVEN a window of answers all throttled at once WHEN they arrive THEN the rate is cut once, by at most 40 %', async () => {
    const clock = fakeClock();
    const pacer = new OperationPacer({ initialRate: 100, clock });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inFlight = Array.from({ length: 16 }, () =>
      pacer.run(async () => {
        await gate;
        return { $metadata: { attempts: 2 } };
      }),
    );
    await Promise.resolve();
    release();
    await Promise.all(inFlight);
    expect(pacer.rate).toBeCloseTo(60);
  });

  it('GIVEN a call that stays throttled WHEN run THEN it is tried again after a backoff that doubles, then rethrown', async () => {
    const clock = fakeClock();
    const pacer = new OperationPacer({ initialRate: 40, burst: 1, throttleRetries: 2, random: () => 1, clock });
    const throttle = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } });
    const starts: number[] = [];
    await expect(pacer.run(() => { starts.push(clock.now()); return Promise.reject(throttle); })).rejects.toBe(throttle);
    expect(starts).toHaveLength(3);
    // One slot at 40/s is 25 ms: a backoff of one slot, then of two (the window has not closed,
    // so the rate is unchanged).
    expect(starts).toEqual([0, 25, 75]);
    expect(pacer.rate).toBe(40);
  });

  it('GIVEN calls waiting for their slots WHEN a window closes with a cut THEN every waiting call is released at the new spacing', async () => {
    const clock = virtualClock();
    const pacer = new OperationPacer({ initialRate: 10, burst: 1, clock });
    const starts: number[] = [];
    const calls = Array.from({ length: 19 }, () => pacer.run(async () => (starts.push(clock.now()), { $metadata: { attempts: 2 } })));
    await clock.runUntilIdle();
    await Promise.all(calls);
    // The 16th answer closes the window (all throttled): 10/s becomes 6/s, and the three calls
    // already waiting (due 100 ms apart at the old rate) start 167 ms apart.
    expect(starts[15]).toBeCloseTo(1500, -1);
    [1667, 1833, 2000].forEach((expected, i) => expect(starts[16 + i]).toBeCloseTo(expected, -1));
  });

  it('GIVEN a burst of 5 WHEN 8 calls come back to back THEN 5 start at once and the rest at the rate; after a throttle there is no burst', async () => {
    const clock = fakeClock();
    const pacer = new OperationPacer({ initialRate: 10, burst: 5, decrease: 0.5, random: () => 1, clock });
    const starts: number[] = [];
    for (let i = 0; i < 8; i++) await pacer.run(async () => starts.push(clock.now()));
    expect(starts.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(starts.slice(5).every((t) => t > 0)).toBe(true);

    // Idle for a long time: the bucket is full again, and the first calls do not wait.
    clock.t = 10_000;
    starts.length = 0;
    for (let i = 0; i < 3; i++) await pacer.run(async () => starts.push(clock.now()));
    expect(starts).toEqual([10_000, 10_000, 10_000]);

    // A window of throttles empties the bucket: the calls after it are spaced at the lowered rate.
    clock.t = 20_000;
    const before = pacer.rate;
    for (let i = 0; i < 16; i++) await pacer.run(ok(2));
    expect(pacer.rate).toBeLessThanOrEqual(before * 0.6);
    const cutAt = clock.t;
    const interval = 1000 / pacer.rate;
    starts.length = 0;
    for (let i = 0; i < 3; i++) await pacer.run(async () => starts.push(clock.now()));
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(starts[0]).toBeGreaterThan(cutAt);
    for (const gap of gaps) expect(Math.abs(gap - interval)).toBeLessThan(interval * 0.05);
  });

  it('GIVEN a call throttled twice WHEN run THEN the third try succeeds and its answer is returned', async () => {
    const pacer = new OperationPacer({ initialRate: 40, clock: fakeClock(), random: () => 0 });
    const throttle = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } });
    let calls = 0;
    const answer = await pacer.run(async () => {
      calls += 1;
      if (calls < 3) throw throttle;
      return { value: 'ok', $metadata: { attempts: 1 } };
    });
    expect(answer.value).toBe('ok');
    expect(calls).toBe(3);
  });

  it('GIVEN another error WHEN run THEN it is rethrown at once', async () => {
    const pacer = new OperationPacer({ clock: fakeClock() });
    const denied = Object.assign(new Error('no'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
    let calls = 0;
    await expect(pacer.run(() => { calls += 1; return Promise.reject(denied); })).rejects.toBe(denied);
    expect(calls).toBe(1);
  });

  it('GIVEN an idle pacer (calls never wait) WHEN calls succeed THEN the rate does not grow', async () => {
    const clock = fakeClock();
    const pacer = new OperationPacer({ initialRate: 10, clock });
    for (let i = 0; i < 5; i++) {
      clock.t += 1000;
      await pacer.run(ok());
    }
    expect(pacer.rate).toBe(10);
  });

  it('GIVEN a low floor WHEN throttled many times THEN the rate stays at minRate', async () => {
    const clock = fakeClock();
    const pacer = new OperationPacer({ initialRate: 1, minRate: 0.5, clock });
    for (let i = 0; i < 16 * 4; i++) await pacer.run(ok(2));
    expect(pacer.rate).toBe(0.5);
  });
});

describe('PacerRegistry', () => {
  it('GIVEN one client WHEN asked twice for an operation THEN the same pacer; other operations and clients get their own', () => {
    const registry = new PacerRegistry();
    const a = {};
    const b = {};
    expect(registry.pacerFor(a, 'GetRole')).toBe(registry.pacerFor(a, 'GetRole'));
    expect(registry.pacerFor(a, 'GetRole')).not.toBe(registry.pacerFor(a, 'DescribeAccessEntry'));
    expect(registry.pacerFor(a, 'GetRole')).not.toBe(registry.pacerFor(b, 'GetRole'));
  });
});

describe('interleave', () => {
  it('GIVEN lists of 4 and 2 WHEN interleaved THEN each advances at its share and order within each is kept', () => {
    expect(interleave(['a1', 'a2', 'a3', 'a4'], ['b1', 'b2'])).toEqual(['a1', 'a2', 'b1', 'a3', 'a4', 'b2']);
  });

  it('GIVEN an empty side WHEN interleaved THEN the other list as is', () => {
    expect(interleave([], [1, 2])).toEqual([1, 2]);
    expect(interleave([1, 2], [])).toEqual([1, 2]);
  });

  it('GIVEN lists of any length WHEN interleaved THEN every item appears once', () => {
    for (const [n, m] of [[5, 3], [3, 5], [1, 7], [10, 10]] as const) {
      const a = Array.from({ length: n }, (_, i) => `a${i}`);
      const b = Array.from({ length: m }, (_, i) => `b${i}`);
      const out = interleave(a, b);
      expect(out.filter((x) => x.startsWith('a'))).toEqual(a);
      expect(out.filter((x) => x.startsWith('b'))).toEqual(b);
    }
  });
});

describe('pacedClients', () => {
  it('GIVEN clients WHEN commands are sent THEN each goes through the pacer of its operation and other members pass through', async () => {
    const sent: string[] = [];
    class DescribeThingCommand {
      input = {};
    }
    class ListThingsCommand {
      input = {};
    }
    const client = { region: 'us-east-1', send: async (command: object) => { sent.push(command.constructor.name); return { $metadata: { attempts: 1 } }; } };
    let t = 0;
    const slept: number[] = [];
    const clock: PacerClock = { now: () => t, sleep: async (ms) => { slept.push(ms); t += ms; } };
    const registry = new PacerRegistry({ initialRate: 1, maxRate: 1, burst: 1, clock });
    const paced = pacedClients({ eks: client }, registry);
    await paced.eks.send(new DescribeThingCommand());
    await paced.eks.send(new ListThingsCommand());
    await paced.eks.send(new DescribeThingCommand());
    expect(sent).toEqual(['DescribeThingCommand', 'ListThingsCommand', 'DescribeThingCommand']);
    // One call per second per operation: only the second describe waits, the list has its own pacer.
    expect(slept).toEqual([1000]);
    expect(registry.pacerFor(client, 'DescribeThing')).toBe(registry.pacerFor(client, 'DescribeThing'));
    expect(registry.pacerFor(client, 'DescribeThing')).not.toBe(registry.pacerFor(client, 'ListThings'));
    expect(paced.eks.region).toBe('us-east-1');
  });
});
