/**
 * Maps `items` through `fn` with at most `limit` calls in flight; results keep the input order,
 * so callers get the same answer whatever the limit. The first rejection rejects the whole map
 * (after in-flight calls settle, so no work is left running unobserved).
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  let next = 0;
  let failed = false;
  let failure: unknown;
  const work = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (err) {
        if (!failed) failure = err;
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, work));
  if (failed) throw failure;
  return results;
}

export interface WorkPool<T, R> {
  /** Queues one item; it starts as soon as fewer than `limit` are in flight. */
  add(item: T): void;
  /**
   * No more items will come: resolves with every result in the order added once all have settled,
   * or rejects with the first failure (after the calls in flight settle; queued items are dropped).
   */
  close(): Promise<R[]>;
}

/**
 * mapWithConcurrency for items that become known while the work runs (pages that arrive one by
 * one): work on the first ones starts at once instead of after the last one is known.
 */
export function startWorkPool<T, R>(limit: number, fn: (item: T) => Promise<R>): WorkPool<T, R> {
  const bound = Math.max(1, Math.floor(limit) || 1);
  const queue: Array<{ item: T; index: number }> = [];
  const results: R[] = [];
  let added = 0;
  let running = 0;
  let closed = false;
  let failed = false;
  let failure: unknown;
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const finishIfDone = () => {
    if (closed && running === 0 && (failed || queue.length === 0)) settle();
  };
  const pump = () => {
    while (!failed && running < bound && queue.length > 0) {
      const { item, index } = queue.shift()!;
      running++;
      Promise.resolve()
        .then(() => fn(item))
        .then(
          (result) => {
            results[index] = result;
          },
          (err: unknown) => {
            if (!failed) failure = err;
            failed = true;
          },
        )
        .finally(() => {
          running--;
          pump();
          finishIfDone();
        });
    }
  };
  return {
    add(item) {
      if (closed) throw new Error('startWorkPool: add after close');
      queue.push({ item, index: added++ });
      pump();
    },
    async close() {
      closed = true;
      finishIfDone();
      await settled;
      if (failed) throw failure;
      return results;
    },
  };
}
