/**
 * Finds an item of one of the world's lists by a key that never changes (an id, an ARN, an account
 * and a name) without scanning the list on every request: with thousands of associations, entries
 * and roles in a state, the scans cost the emulator more CPU per request than the rest of the
 * request. Each list's index is built on first use. A hit is checked against the list (the item
 * at the indexed position still has the key). A miss scans the list as `find` would, and rebuilds
 * the index only when the scan finds the key (the list changed since the index was built). So a
 * list that was replaced, grown, shrunk or reordered is never answered from a stale index, and an
 * absent key costs one scan, as before.
 */
const indexes = new WeakMap<readonly object[], Map<string, Map<string, number>>>();

export function findByKey<T extends object>(list: readonly T[], indexName: string, keyOf: (item: T) => string, key: string): T | undefined {
  let byName = indexes.get(list);
  if (!byName) {
    byName = new Map();
    indexes.set(list, byName);
  }
  const index = byName.get(indexName);
  const at = index?.get(key);
  if (at !== undefined) {
    const item = list[at];
    if (item !== undefined && keyOf(item) === key) return item;
  }
  if (index) {
    const found = list.find((item) => keyOf(item) === key);
    if (found === undefined) return undefined;
  }
  const positions = new Map<string, number>();
  list.forEach((item, i) => {
    const k = keyOf(item);
    // The first item of a key, as Array.prototype.find answers.
    if (!positions.has(k)) positions.set(k, i);
  });
  byName.set(indexName, positions);
  const found = positions.get(key);
  return found === undefined ? undefined : list[found];
}

/** The key of an IAM role or user by account and name. */
export const byAccountAndName = (item: { accountId: string; name: string }): string => `${item.accountId}\u0000${item.name}`;
