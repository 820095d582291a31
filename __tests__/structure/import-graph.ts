/** Reads the import graph of src/ from the source text: static, dynamic and re-exports, type-only ones included. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface SourceFile {
  /** Path relative to src/, with forward slashes. */
  path: string;
  text: string;
  /** Files it imports, relative to src/. */
  imports: string[];
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'/gm;

export function readSources(srcDir: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) files.push(parseSource(srcDir, full));
    }
  };
  walk(srcDir);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

function parseSource(srcDir: string, full: string): SourceFile {
  const text = readFileSync(full, 'utf8');
  const imports: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    if (!spec.startsWith('.')) continue;
    imports.push(relative(srcDir, resolve(dirname(full), spec.replace(/\.js$/, '.ts'))).split('\\').join('/'));
  }
  return { path: relative(srcDir, full).split('\\').join('/'), text, imports };
}

/** A file's folder under src/ (`cli/commands/plan.ts` → `cli`); a file at the top is its own. */
export function folderOf(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? path : path.slice(0, slash);
}

/** Folder → folders it imports (itself excluded), with one file pair that explains each edge. */
export function folderGraph(files: readonly SourceFile[]): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const f of files) {
    const from = folderOf(f.path);
    if (!graph.has(from)) graph.set(from, new Map());
    for (const target of f.imports) {
      const to = folderOf(target);
      if (to !== from && !graph.get(from)!.has(to)) graph.get(from)!.set(to, `${f.path} → ${target}`);
    }
  }
  return graph;
}

/** Every strongly connected set of two or more folders (Tarjan), each sorted: an import cycle. */
export function findCycles(graph: ReadonlyMap<string, ReadonlyMap<string, string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const members: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        members.push(member);
      } while (member !== node);
      if (members.length > 1) cycles.push(members.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

/** Code without comments, so a name mentioned in prose does not count as a call. */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}
