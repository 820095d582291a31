/**
 * Progress of a long read. `start` may be called again to change the label or raise the total as
 * more work becomes known (the count is kept); `tick` counts finished units; `done` ends the report.
 */
export interface ProgressReporter {
  start(label: string, total: number): void;
  tick(n?: number): void;
  done(): void;
}

/** Where progress goes: stderr in the CLI, anything with `write` in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export const silentProgress: ProgressReporter = {
  start: () => undefined,
  tick: () => undefined,
  done: () => undefined,
};

/** Runs `fn` every `ms` until the returned function is called. */
export type Ticker = (ms: number, fn: () => void) => () => void;

/** Timers that do not keep a finished process alive. */
const systemTicker: Ticker = (ms, fn) => {
  const timer = setInterval(fn, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/**
 * What the calls are doing, when worth saying: `12 call(s) retried (throttled or failed), 18
 * answers/s` or `waiting 14 s for DescribeCluster at https://…` (see call-watch.ts).
 */
export type ProgressStatus = () => string | undefined;

export interface ProgressOptions {
  now?: () => number;
  /** Appended to each progress line; lines are also written when nothing else moves. */
  status?: ProgressStatus;
  ticker?: Ticker;
}

/** Keeps a heartbeat running between `start` and `done`, so a stalled run still reports. */
function heartbeat(options: ProgressOptions, ms: number, beat: () => void): { start(): void; stop(): void } {
  let stop: (() => void) | undefined;
  return {
    start() {
      if (!stop && options.status) stop = (options.ticker ?? systemTicker)(ms, beat);
    },
    stop() {
      stop?.();
      stop = undefined;
    },
  };
}

interface Counter {
  label: string;
  total: number;
  count: number;
  started: boolean;
}

function percentOf(c: Counter): number {
  return c.total <= 0 ? 100 : Math.min(100, Math.floor((c.count * 100) / c.total));
}

/**
 * A bar on one terminal line, rewritten in place. Redraws are limited to one per `redrawMs` of the
 * injected clock, so thousands of ticks do not flood the terminal.
 */
export function createTtyProgress(stream: ProgressStream, options: ProgressOptions & { redrawMs?: number; width?: number } = {}): ProgressReporter {
  const now = options.now ?? Date.now;
  const redrawMs = options.redrawMs ?? 100;
  const c: Counter = { label: '', total: 0, count: 0, started: false };
  let lastDraw = Number.NEGATIVE_INFINITY;
  const draw = (force: boolean) => {
    const t = now();
    if (!force && t - lastDraw < redrawMs) return;
    lastDraw = t;
    const width = options.width ?? Math.max(10, Math.min(30, (stream.columns ?? 80) - c.label.length - 24));
    const filled = c.total <= 0 ? width : Math.min(width, Math.floor((c.count * width) / c.total));
    const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
    const status = options.status?.();
    stream.write(`\r\x1b[2K${c.label} [${bar}] ${c.count}/${c.total} ${percentOf(c)}%${status ? ` · ${status}` : ''}`);
  };
  const beat = heartbeat(options, 1000, () => c.started && draw(true));
  return {
    start(label, total) {
      c.label = label;
      c.total = total;
      c.started = true;
      beat.start();
      draw(true);
    },
    tick(n = 1) {
      c.count += n;
      draw(c.count >= c.total);
    },
    done() {
      beat.stop();
      if (!c.started) return;
      draw(true);
      stream.write('\n');
      c.started = false;
    },
  };
}

/**
 * Plain lines for logs (CI): one every `intervalMs` of the injected clock or each time another
 * 10% is reached, whichever comes first, but none during the first `quietMs`: work that ends
 * quickly prints only its closing line. With a `status`, a line is written every `intervalMs`
 * even when nothing finishes, saying what the calls are doing (retried, or waiting on an
 * endpoint), so a throttled run and a hanging one look different in a CI log; before the first
 * `start`, such lines say what the run is waiting for.
 */
export function createLineProgress(stream: ProgressStream, options: ProgressOptions & { intervalMs?: number; quietMs?: number } = {}): ProgressReporter {
  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? 10_000;
  const quietMs = options.quietMs ?? 2_000;
  const c: Counter = { label: '', total: 0, count: 0, started: false };
  let startedAt = 0;
  let lastLine = now();
  let lastDecile = 0;
  const line = () => {
    lastLine = now();
    lastDecile = Math.floor(percentOf(c) / 10);
    const status = options.status?.();
    stream.write(`${c.label}: ${c.count}/${c.total} (${percentOf(c)}%)${status ? `, ${status}` : ''}\n`);
  };
  const beat = heartbeat(options, Math.min(intervalMs, 1000), () => {
    if (now() - lastLine < intervalMs) return;
    if (c.started) return line();
    const status = options.status?.();
    lastLine = now();
    if (status) stream.write(`Waiting: ${status}\n`);
  });
  beat.start();
  return {
    start(label, total) {
      beat.start();
      const first = !c.started;
      c.label = label;
      c.total = total;
      c.started = true;
      if (first) {
        startedAt = now();
        lastLine = startedAt;
        lastDecile = Math.floor(percentOf(c) / 10);
      }
    },
    tick(n = 1) {
      c.count += n;
      if (now() - startedAt < quietMs) return;
      if (now() - lastLine >= intervalMs || Math.floor(percentOf(c) / 10) > lastDecile) line();
    },
    done() {
      beat.stop();
      if (!c.started) return;
      c.started = false;
      stream.write(`${c.label}: done, ${c.count}/${c.total}\n`);
    },
  };
}

/** A bar on a terminal, lines otherwise. */
export function createProgressReporter(stream: ProgressStream, options: ProgressOptions = {}): ProgressReporter {
  return stream.isTTY === true ? createTtyProgress(stream, options) : createLineProgress(stream, options);
}

/**
 * Several parallel tasks (one per cluster) reporting into one reporter: each task's `start` adds
 * its total, and the parent shows the sum. The parent is done when `done` is called on the group.
 */
export function createProgressGroup(parent: ProgressReporter, label: string): { task(): ProgressReporter; done(): void } {
  let total = 0;
  let started = false;
  return {
    task() {
      let mine = 0;
      return {
        start(_label, taskTotal) {
          total += taskTotal - mine;
          mine = taskTotal;
          started = true;
          parent.start(label, total);
        },
        tick(n = 1) {
          parent.tick(n);
        },
        done: () => undefined,
      };
    },
    done() {
      if (started) parent.done();
    },
  };
}
