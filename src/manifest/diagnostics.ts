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

export { closestMatch } from '../model/closest-match.js';
