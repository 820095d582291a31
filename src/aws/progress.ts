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
export function createTtyProgress(stream: ProgressStream, options: { now?: () => number; redrawMs?: number; width?: number } = {}): ProgressReporter {
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
    stream.write(`\r\x1b[2K${c.label} [${bar}] ${c.count}/${c.total} ${percentOf(c)}%`);
  };
  return {
    start(label, total) {
      c.label = label;
      c.total = total;
      c.started = true;
      draw(true);
    },
    tick(n = 1) {
      c.count += n;
      draw(c.count >= c.total);
    },
    done() {
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
 * quickly prints only its closing line.
 */
export function createLineProgress(stream: ProgressStream, options: { now?: () => number; intervalMs?: number; quietMs?: number } = {}): ProgressReporter {
  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? 10_000;
  const quietMs = options.quietMs ?? 2_000;
  const c: Counter = { label: '', total: 0, count: 0, started: false };
  let startedAt = 0;
  let lastLine = 0;
  let lastDecile = 0;
  const line = () => {
    lastLine = now();
    lastDecile = Math.floor(percentOf(c) / 10);
    stream.write(`${c.label}: ${c.count}/${c.total} (${percentOf(c)}%)\n`);
  };
  return {
    start(label, total) {
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
      if (!c.started) return;
      c.started = false;
      stream.write(`${c.label}: done, ${c.count}/${c.total}\n`);
    },
  };
}

/** A bar on a terminal, lines otherwise. */
export function createProgressReporter(stream: ProgressStream, options: { now?: () => number } = {}): ProgressReporter {
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
