/**
 * YAML documents embedded in a YAML string (aws-auth keeps mapRoles as YAML text inside `data`):
 * maps an offset in the inner text back to an offset in the outer file, so an error inside the
 * string is reported at its real line and column.
 */
import type { Scalar } from 'yaml';

/**
 * Returns a function from inner offset to outer offset. Exact for literal block scalars (`|`, the
 * way kubectl prints multi-line strings) and single-line quoted scalars; for folded scalars and
 * quoted scalars that span lines it stays within the right scalar and close to the right line.
 */
export function mapEmbeddedOffsets(outer: string, node: Scalar): (innerOffset: number) => number {
  const range = node.range ?? [0, 0, 0];
  const start = range[0];
  const end = range[1];
  let map: number[];
  switch (node.type) {
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      map = blockOffsets(outer, start, end);
      break;
    case 'QUOTE_DOUBLE':
      map = doubleQuotedOffsets(outer, start + 1, end - 1);
      break;
    case 'QUOTE_SINGLE':
      map = singleQuotedOffsets(outer, start + 1, end - 1);
      break;
    default:
      map = plainOffsets(start, end);
  }
  return (innerOffset) => {
    if (map.length === 0) return start;
    const i = Math.max(0, Math.min(innerOffset, map.length - 1));
    return map[i]!;
  };
}

/** Content lines follow the header line (`|`, `|-`, `|2`…), each with the block's indentation removed. */
function blockOffsets(outer: string, start: number, end: number): number[] {
  const map: number[] = [];
  const headerEnd = outer.indexOf('\n', start);
  if (headerEnd < 0 || headerEnd >= end) return [start];
  const lines: Array<{ at: number; text: string }> = [];
  let at = headerEnd + 1;
  while (at < end) {
    const nl = outer.indexOf('\n', at);
    const lineEnd = nl < 0 || nl > end ? end : nl;
    lines.push({ at, text: outer.slice(at, lineEnd) });
    at = lineEnd + 1;
  }
  const first = lines.find((l) => l.text.trim() !== '');
  const indent = first ? first.text.length - first.text.trimStart().length : 0;
  for (const line of lines) {
    const skip = Math.min(indent, line.text.length);
    for (let c = skip; c < line.text.length; c++) map.push(line.at + c);
    map.push(line.at + line.text.length); // the newline
  }
  return map;
}

function doubleQuotedOffsets(outer: string, from: number, to: number): number[] {
  const map: number[] = [];
  let i = from;
  while (i < to) {
    const ch = outer[i]!;
    if (ch === '\\') {
      const next = outer[i + 1];
      const width = next === 'x' ? 4 : next === 'u' ? 6 : next === 'U' ? 10 : next === '\n' ? 2 : 2;
      if (next !== '\n') map.push(i);
      i += width;
    } else if (ch === '\n') {
      // A line break inside a quoted scalar folds into one space (or a newline for an empty line).
      map.push(i);
      i++;
      while (i < to && (outer[i] === ' ' || outer[i] === '\t')) i++;
    } else {
      map.push(i);
      i++;
    }
  }
  map.push(to);
  return map;
}

function singleQuotedOffsets(outer: string, from: number, to: number): number[] {
  const map: number[] = [];
  let i = from;
  while (i < to) {
    map.push(i);
    i += outer[i] === "'" && outer[i + 1] === "'" ? 2 : 1;
  }
  map.push(to);
  return map;
}

function plainOffsets(start: number, end: number): number[] {
  const map: number[] = [];
  for (let i = start; i <= end; i++) map.push(i);
  return map;
}
