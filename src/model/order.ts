/** Plain code-unit order: the same on every machine and locale, so plans and manifests are stable. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy of a tag map with its keys in `compare` order. */
export function sortedRecord(record: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(record ?? {}).sort(([a], [b]) => compare(a, b)));
}
