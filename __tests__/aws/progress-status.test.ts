import { CallWatch, describeCalls } from '../../src/aws/call-watch.js';
import { Deadline, formatDuration, parseTimeout } from '../../src/aws/deadline.js';
import { createLineProgress, type Ticker } from '../../src/aws/progress.js';

/** A ticker the test fires by hand, and a clock it moves. */
function manualTime() {
  let t = 0;
  const beats: Array<() => void> = [];
  const ticker: Ticker = (_ms, fn) => {
    beats.push(fn);
    return () => beats.splice(beats.indexOf(fn), 1);
  };
  return {
    now: () => t,
    ticker,
    advance(ms: number) {
      for (let step = 0; step < ms; step += 1000) {
        t += 1000;
        for (const beat of [...beats]) beat();
      }
    },
    get beating() {
      return beats.length;
    },
  };
}

const throttle = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } });

describe('progress that tells throttling from hanging', () => {
  it('GIVEN calls being throttled and retried WHEN nothing finishes for 10 s THEN a line says how many were retried and the answer rate', () => {
    const time = manualTime();
    const watch = new CallWatch(time.now);
    const writes: string[] = [];
    const progress = createLineProgress({ write: (s: string) => writes.push(s) }, { now: time.now, ticker: time.ticker, status: () => describeCalls(watch.snapshot()) });
    progress.start('Reading 1 cluster(s)', 600);
    for (let i = 0; i < 30; i++) watch.end(watch.begin('DescribeAccessEntry', 'https://eks.us-east-1.amazonaws.com'), throttle);
    for (let i = 0; i < 50; i++) watch.end(watch.begin('DescribeAccessEntry', 'https://eks.us-east-1.amazonaws.com'));
    time.advance(10_000);
    expect(writes).toEqual(['Reading 1 cluster(s): 0/600 (0%), 30 call(s) retried (throttled or failed), 5.0 answers/s\n']);
    time.advance(10_000);
    expect(writes).toHaveLength(2);
    progress.done();
    expect(time.beating).toBe(0);
  });

  it('GIVEN a call that gets no answer WHEN the read has not even started THEN a line every 10 s names the call and the endpoint it waits for', () => {
    const time = manualTime();
    const watch = new CallWatch(time.now);
    const writes: string[] = [];
    createLineProgress({ write: (s: string) => writes.push(s) }, { now: time.now, ticker: time.ticker, status: () => describeCalls(watch.snapshot()) });
    watch.begin('GetCallerIdentity', 'https://sts.us-east-1.amazonaws.com');
    time.advance(25_000);
    expect(writes).toEqual([
      'Waiting: waiting 10 s for GetCallerIdentity at https://sts.us-east-1.amazonaws.com\n',
      'Waiting: waiting 20 s for GetCallerIdentity at https://sts.us-east-1.amazonaws.com\n',
    ]);
  });

  it('GIVEN calls that answer at once THEN nothing is worth adding', () => {
    const watch = new CallWatch(() => 0);
    watch.end(watch.begin('GetRole', 'https://iam.amazonaws.com'));
    expect(describeCalls(watch.snapshot())).toBeUndefined();
  });
});

describe('time limits', () => {
  it.each([
    ['600', 600_000],
    ['10m', 600_000],
    ['1.5h', 5_400_000],
    ['90s', 90_000],
  ])('GIVEN %s THEN %d ms', (text, ms) => expect(parseTimeout(text, '--timeout')).toBe(ms));

  it.each(['0', '-5', 'soon', '10 days', ''])('GIVEN "%s" THEN a usage error saying what is accepted', (text) => {
    expect(() => parseTimeout(text, '--timeout')).toThrow(/--timeout must be a positive number of seconds/);
  });

  it('GIVEN a limit THEN it is shown in minutes or seconds, and expires on the injected clock', () => {
    let t = 1000;
    const deadline = new Deadline(30 * 60_000, { now: () => t, sleep: () => new Promise(() => undefined) });
    expect(deadline.describe()).toBe('30 min');
    expect(formatDuration(1500)).toBe('1.5 s');
    expect(deadline.expired()).toBe(false);
    t += 30 * 60_000;
    expect(deadline.expired()).toBe(true);
  });
});
