import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { SourceLocation } from '../model/source.js';
import type { ManifestDiagnostic } from './diagnostics.js';

export type PathSegment = string | number;

/** One parsed manifest file: its data and the means to turn a data path into a location. */
export interface YamlSource {
  file: string;
  /** Plain data (undefined for an empty file). */
  data: unknown;
  /** Syntax errors and duplicate keys. */
  diagnostics: ManifestDiagnostic[];
  /** Location of the value at `path` (the nearest existing ancestor when absent). */
  locate(path: readonly PathSegment[]): SourceLocation;
  /** Location of the key `key` of the mapping at `path` (the mapping itself when absent). */
  locateKey(path: readonly PathSegment[], key: string): SourceLocation;
  /** Location of the value of `key` in the mapping at `path`, else of the mapping. */
  locateKeyOrValue(path: readonly PathSegment[], key: string): SourceLocation;
}

/**
 * The fix for a syntax error. The common one in manifests: an unquoted `${...}` inside a flow
 * list or map (`[arn:${partition}:...]`), where YAML reads `{` as the start of a mapping.
 */
function syntaxFix(line: string): string {
  if (/[[{][^\]}]*\$\{/.test(line)) return 'quote values that contain ${...} inside [ ] or { }, e.g. ["arn:${partition}:iam::aws:policy/NAME"] (YAML reads an unquoted { as the start of a mapping)';
  return 'fix the YAML syntax at this position';
}

/**
 * After the first syntax error the parser recovers badly: one unquoted `{` yields dozens of
 * "Unexpected …" errors down to the end of the file. Only the first is kept, saying how many
 * follow; duplicate keys and warnings do not depend on it and stay.
 */
function collapseSyntaxErrors(diagnostics: ManifestDiagnostic[]): void {
  const isSyntaxError = (d: ManifestDiagnostic) => d.code === 'YAML_SYNTAX' && d.severity === 'error';
  const first = diagnostics.find(isSyntaxError);
  const more = diagnostics.filter(isSyntaxError).length - 1;
  if (!first || more === 0) return;
  first.message += ` (and ${more} more syntax error${more === 1 ? '' : 's'} after it, not shown: they usually follow from this one)`;
  for (let i = diagnostics.length - 1; i >= 0; i--) if (diagnostics[i] !== first && isSyntaxError(diagnostics[i]!)) diagnostics.splice(i, 1);
}

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? undefined : end);
}

/** Parses YAML text keeping positions; never throws. */
export function parseYamlSource(text: string, file: string): YamlSource {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const linePos = lineIndex(text);
  const at = (offset: number | undefined): SourceLocation => ({ file, ...linePos(offset ?? 0) });
  const diagnostics: ManifestDiagnostic[] = [...doc.errors, ...doc.warnings].map((e) => {
    const duplicate = e.code === 'DUPLICATE_KEY';
    return {
      severity: duplicate || doc.errors.includes(e) ? 'error' : 'warning',
      code: duplicate ? 'DUPLICATE_YAML_KEY' : 'YAML_SYNTAX',
      message: firstLine(e.message),
      fix: duplicate ? 'remove one of the two keys' : syntaxFix(lineAt(text, e.pos[0])),
      location: at(skipIndent(text, e.pos[0])),
    };
  });
  collapseSyntaxErrors(diagnostics);
  let data: unknown;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      diagnostics.push({
        severity: 'error',
        code: 'YAML_SYNTAX',
        message: err instanceof Error ? firstLine(err.message) : String(err),
        fix: 'simplify the YAML (aliases, tags) at this position',
        location: at(0),
      });
    }
  }
  const nodeAt = (path: readonly PathSegment[]): Node | undefined => {
    let node: unknown = doc.contents;
    let lastFound = node as Node | undefined;
    for (const segment of path) {
      node = childOf(node, segment);
      if (!node) break;
      lastFound = node as Node;
    }
    return lastFound;
  };
  return {
    file,
    data,
    diagnostics,
    locate: (path) => at(nodeAt(path)?.range?.[0]),
    locateKey: (path, key) => {
      const parent = nodeAt(path);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isPair(p) && keyText(p.key) === key);
        if (pair && isScalar(pair.key)) return at(pair.key.range?.[0]);
      }
      return at(parent?.range?.[0]);
    },
    locateKeyOrValue: (path, key) => at(nodeAt([...path, key])?.range?.[0]),
  };
}

/**
 * Offset → 1-based line and column, from the text itself. yaml's LineCounter is fed by the parser
 * and misses the line breaks inside a broken flow collection, which puts errors lines too early.
 */
function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

/** Parser errors can start at a line's indentation; the problem is the token after it. */
function skipIndent(text: string, offset: number): number {
  let i = offset;
  while (text[i] === ' ') i++;
  return text[i] === undefined || text[i] === '\n' || text[i] === '\r' ? offset : i;
}

function childOf(node: unknown, segment: PathSegment): unknown {
  if (isMap(node)) {
    const pair = node.items.find((p) => keyText(p.key) === String(segment));
    return pair?.value ?? undefined;
  }
  if (isSeq(node) && typeof segment === 'number') return node.items[segment];
  return undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

export type { Document };
