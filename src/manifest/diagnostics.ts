import type { SourceLocation } from '../model/source.js';

export interface ManifestDiagnostic {
  severity: 'error' | 'warning';
  /** Stable UPPER_SNAKE code, e.g. UNKNOWN_KEY. */
  code: string;
  message: string;
  /** What to do about it. */
  fix?: string;
  location: SourceLocation;
  /** Other places involved, e.g. the first declaration of a duplicate. */
  related?: SourceLocation[];
}

/** Compiler style: `file:line:col: error CODE: message`, then an indented fix line. */
export function formatDiagnostic(d: ManifestDiagnostic): string {
  const head = `${d.location.file}:${d.location.line}:${d.location.column}: ${d.severity} ${d.code}: ${d.message}`;
  return d.fix ? `${head}\n  fix: ${d.fix}` : head;
}

/** Orders diagnostics by file, line, column, then code, so output is stable. */
export function sortDiagnostics(list: ManifestDiagnostic[]): ManifestDiagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.location.file.localeCompare(b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      a.code.localeCompare(b.code),
  );
}

/** The closest candidate within a small edit distance, for "did you mean" hints. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
