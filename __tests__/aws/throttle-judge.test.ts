import { ThrottleJudge } from '../../src/aws/throttle-judge.js';

/** Feeds one window of 16 answers at `rate`, the first `throttled` of them throttled; returns the last verdict. */
function windowOf(judge: ThrottleJudge, rate: number, throttled: number) {
  let verdict = judge.record(rate, throttled > 0);
  for (let i = 1; i < 16; i++) verdict = judge.record(rate, i < throttled);
  return verdict;
}

describe('ThrottleJudge', () => {
  it('GIVEN a window with only two throttles (a burst meeting the bucket) THEN the cut is the mildest one', () => {
    expect(windowOf(new ThrottleJudge({ mildestCut: 0.9 }), 100, 2)).toEqual({ kind: 'cut', rate: 90 });
  });

  it('GIVEN a window with many throttles THEN the cut is sized from the throttled share, deeper than the mildest', () => {
    const verdict = windowOf(new ThrottleJudge({ mildestCut: 0.9 }), 100, 6);
    expect(verdict.kind).toBe('cut');
    expect((verdict as { rate: number }).rate).toBeLessThan(80);
  });

  it('GIVEN a window with one throttle THEN no cut', () => {
    expect(windowOf(new ThrottleJudge(), 100, 1)).toEqual({ kind: 'none' });
  });
});
