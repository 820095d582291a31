import { createFaultInjector } from '../../src/emulator/faults.js';
import { createRandom } from '../../src/emulator/random.js';

/** Requests answered (not throttled) when one request arrives every `gapMs` for `seconds`. */
function answered(faults: Parameters<ReturnType<typeof createFaultInjector>['decide']>[1], gapMs: number, seconds: number): number {
  const injector = createFaultInjector(createRandom(1));
  let ok = 0;
  for (let t = 0; t < seconds * 1000; t += gapMs) if (injector.decide('DescribeAccessEntry', faults, t).kind === 'none') ok += 1;
  return ok;
}

describe('GIVEN a 20 rps bucket per operation', () => {
  it('WHEN another caller takes 10 tokens a second THEN 10 a second are left for us, after the burst', () => {
    // 100 requests a second for 30 s: the burst of 20, then the 10/s left over.
    expect(answered({ throttleRps: 20, throttleBurst: 20, backgroundRps: 10 }, 10, 30)).toBeGreaterThanOrEqual(20 + 10 * 29);
    expect(answered({ throttleRps: 20, throttleBurst: 20, backgroundRps: 10 }, 10, 30)).toBeLessThanOrEqual(20 + 10 * 30 + 1);
  });

  it('WHEN nobody else uses it THEN all 20 a second are ours', () => {
    expect(answered({ throttleRps: 20, throttleBurst: 20 }, 10, 30)).toBeGreaterThanOrEqual(20 * 30);
  });

  it('WHEN we stay under the leftover THEN nothing is throttled', () => {
    // One request every 125 ms is 8/s, under the 10/s left over.
    expect(answered({ throttleRps: 20, throttleBurst: 20, backgroundRps: 10 }, 125, 30)).toBe(240);
  });
});

describe('GIVEN a silent operation', () => {
  it('WHEN asked THEN the injector says to hang for that operation only', () => {
    const injector = createFaultInjector(createRandom(1));
    expect(injector.decide('GetCallerIdentity', { hangOperations: ['GetCallerIdentity'] }, 0).kind).toBe('hang');
    expect(injector.decide('GetRole', { hangOperations: ['GetCallerIdentity'] }, 0).kind).toBe('none');
  });
});
