import { mapWithConcurrency } from '../../src/aws/concurrency.js';

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
