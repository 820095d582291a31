/** "Did you mean" for catalog and parameter names, which are often typed shortened. */
import { closestMatch } from '../closest-match.js';

/** A close spelling, else the one name that begins with what was typed (`karpenter` → `karpenterController`). */
export function suggestName(word: string, candidates: readonly string[]): string | undefined {
  const close = closestMatch(word, candidates);
  if (close) return close;
  const lower = word.toLowerCase();
  const extensions = candidates.filter((c) => c.toLowerCase().startsWith(lower));
  return extensions.length === 1 ? extensions[0] : undefined;
}
