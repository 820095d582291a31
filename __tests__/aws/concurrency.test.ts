import { mapWithConcurrency, startWorkPool } from '../../src/aws/concurrency.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('mapWithConcurrency', () => {
  it.each([1, 3, 32])('GIVEN limit %i WHEN mapping THEN results keep input order and the bound is respected', async (limit) => {
    let inFlight = 0;
    let peak = 0;
    const items = Array.from({ length: 20 }, (_, i) => i);
    const out = await mapWithConcurrency(items, limit, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      for (let i = 0; i <= (n * 7) % 5; i++) await tick();
      inFlight--;
      return n * 2;
    });
    expect(out).toEqual(items.map((n) => n * 2));
    expect(peak).toBeLessThanOrEqual(limit);
    expect(peak).toBe(Math.min(limit, items.length));
  });

  it('GIVEN no items THEN an empty list, without calls', async () => {
    let calls = 0;
    expect(await mapWithConcurrency([], 4, async () => ++calls)).toEqual([]);
    expect(calls).toBe(0);
  });

  it('GIVEN a failing item THEN the map rejects with it and starts no new work', async () => {
    const started: number[] = [];
    const run = mapWithConcurrency([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await tick();
      if (n === 1) throw new Error('boom');
      return n;
    });
    await expect(run).rejects.toThrow('boom');
    expect(started).toEqual([0, 1, 2]);
  });
});

describe('startWorkPool', () => {
  it('GIVEN items added while others run WHEN closed THEN each started at once within the bound and results keep the order added', async () => {
    let inFlight = 0;
    let peak = 0;
    const started: number[] = [];
    const pool = startWorkPool(2, async (n: number) => {
      started.push(n);
      inFlight++;
      peak = Math.max(peak, inFlight);
      for (let i = 0; i <= n % 3; i++) await tick();
      inFlight--;
      return n * 10;
    });
    pool.add(0);
    pool.add(1);
    pool.add(2);
    await tick();
    // The first two run; the third waits for a free slot.
    expect(started).toEqual([0, 1]);
    for (let i = 0; i < 5; i++) await tick();
    pool.add(3);
    pool.add(4);
    expect(await pool.close()).toEqual([0, 10, 20, 30, 40]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });

  it('GIVEN nothing added THEN close resolves with no results', async () => {
    expect(await startWorkPool(4, async () => 1).close()).toEqual([]);
  });

  it('GIVEN a failing item THEN close rejects with it once the calls in flight have settled, and queued items never start', async () => {
    const settled: number[] = [];
    const started: number[] = [];
    const pool = startWorkPool(2, async (n: number) => {
      started.push(n);
      for (let i = 0; i < (n === 0 ? 1 : 4); i++) await tick();
      settled.push(n);
      if (n === 0) throw new Error('boom');
      return n;
    });
    [0, 1, 2, 3].forEach((n) => pool.add(n));
    await expect(pool.close()).rejects.toThrow('boom');
    expect(started).toEqual([0, 1]);
    expect(settled).toEqual([0, 1]);
    expect(() => pool.add(5)).toThrow('add after close');
  });
});
