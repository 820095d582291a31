/** "Did you mean" for catalog and parameter names, which are often typed shortened. */
import { closestMatch } from '../closest-match.js';

/** Below this, a shared beginning says little about what was meant. */
const MIN_PREFIX = 5;

/**
 * A close spelling, else the one name that begins as what was typed begins (`karpenter`,
 * `karpenterz` → `karpenterController`): the longest beginning of at least five characters that
 * only one candidate shares.
 */
export function suggestName(word: string, candidates: readonly string[]): string | undefined {
  const close = closestMatch(word, candidates);
  if (close) return close;
  const lower = word.toLowerCase();
  for (let length = lower.length; length >= MIN_PREFIX; length--) {
    const sharing = candidates.filter((c) => c.toLowerCase().startsWith(lower.slice(0, length)));
    if (sharing.length === 1) return sharing[0];
    if (sharing.length > 1) return undefined;
  }
  return undefined;
}
