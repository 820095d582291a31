import { createLineProgress, createProgressGroup, createProgressReporter, createTtyProgress } from '../../src/aws/progress.js';

function fakeStream(isTTY = false) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 80, write: (text: string) => writes.push(text) } };
}

describe('line progress', () => {
  it('GIVEN 100 units ticked without time passing (no quiet period) THEN one line per 10% and a final line', () => {
    const { writes, stream } = fakeStream();
    const progress = createLineProgress(stream, { now: () => 0, quietMs: 0 });
    progress.start('cluster prod', 100);
    for (let i = 0; i < 100; i++) progress.tick();
    progress.done();
    expect(writes).toHaveLength(11);
    expect(writes[0]).toBe('cluster prod: 10/100 (10%)\n');
    expect(writes[9]).toBe('cluster prod: 100/100 (100%)\n');
    expect(writes[10]).toBe('cluster prod: done, 100/100\n');
  });

  it('GIVEN work that ends within the quiet period THEN only the closing line', () => {
    const { writes, stream } = fakeStream();
    let now = 0;
    const progress = createLineProgress(stream, { now: () => now });
    progress.start('cluster prod', 12);
    for (let i = 0; i < 12; i++) {
      now += 100;
      progress.tick();
    }
    progress.done();
    expect(writes).toEqual(['cluster prod: done, 12/12\n']);
  });

  it('GIVEN long work WHEN the quiet period is over THEN the next 10% step prints a line', () => {
    const { writes, stream } = fakeStream();
    let now = 0;
    const progress = createLineProgress(stream, { now: () => now });
    progress.start('cluster prod', 100);
    for (let i = 0; i < 100; i++) {
      now += 50;
      progress.tick();
    }
    // Quiet for the first 2 s (40 ticks), then a line at 40% and at each 10% after it.
    expect(writes).toEqual(['40', '50', '60', '70', '80', '90', '100'].map((n) => `cluster prod: ${n}/100 (${n}%)\n`));
  });

  it('GIVEN slow progress THEN a line every interval of the injected clock', () => {
    const { writes, stream } = fakeStream();
    let now = 0;
    const progress = createLineProgress(stream, { now: () => now, intervalMs: 10_000 });
    progress.start('reading', 1000);
    for (let i = 0; i < 6; i++) {
      now += 4_000;
      progress.tick();
    }
    expect(writes).toEqual(['reading: 3/1000 (0%)\n', 'reading: 6/1000 (0%)\n']);
  });
});

describe('tty progress', () => {
  it('GIVEN ticks faster than the redraw interval THEN the line is rewritten only on start, on time and at the end', () => {
    const { writes, stream } = fakeStream(true);
    let now = 0;
    const progress = createTtyProgress(stream, { now: () => now, redrawMs: 100, width: 10 });
    progress.start('cluster prod', 4);
    progress.tick();
    now += 150;
    progress.tick();
    progress.tick();
    progress.tick();
    progress.done();
    expect(writes).toEqual([
      '\r\x1b[2Kcluster prod [----------] 0/4 0%',
      '\r\x1b[2Kcluster prod [#####-----] 2/4 50%',
      '\r\x1b[2Kcluster prod [##########] 4/4 100%',
      '\r\x1b[2Kcluster prod [##########] 4/4 100%',
      '\n',
    ]);
  });

  it('GIVEN a TTY stream THEN createProgressReporter draws a bar; otherwise lines', () => {
    const tty = fakeStream(true);
    createProgressReporter(tty.stream, { now: () => 0 }).start('x', 1);
    expect(tty.writes[0]).toContain('\r');
    const plain = fakeStream(false);
    const reporter = createProgressReporter(plain.stream, { now: () => 0 });
    reporter.start('x', 1);
    reporter.tick();
    reporter.done();
    expect(plain.writes).toEqual(['x: done, 1/1\n']);
  });
});

describe('progress group', () => {
  it('GIVEN two tasks that learn their totals in steps THEN the parent shows the sum and finishes once', () => {
    const calls: string[] = [];
    const parent = {
      start: (label: string, total: number) => calls.push(`start ${label} ${total}`),
      tick: (n = 1) => calls.push(`tick ${n}`),
      done: () => calls.push('done'),
    };
    const group = createProgressGroup(parent, 'Reading 2 cluster(s)');
    const a = group.task();
    const b = group.task();
    a.start('a', 3);
    b.start('b', 2);
    a.start('a', 5);
    a.tick();
    b.done();
    group.done();
    expect(calls).toEqual([
      'start Reading 2 cluster(s) 3',
      'start Reading 2 cluster(s) 5',
      'start Reading 2 cluster(s) 7',
      'tick 1',
      'done',
    ]);
  });
});
