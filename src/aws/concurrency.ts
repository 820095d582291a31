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
