/**
 * The shape of src/: no import cycle between folders, and front ends (cli/, action/) that only
 * adapt inputs and outputs. The pipeline's steps are reached through src/operations alone.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCycles, folderGraph, folderOf, readSources, withoutComments } from './import-graph.js';

const SOURCES = readSources(join(process.cwd(), 'src'));
const FRONT_ENDS = ['cli', 'action'];
/** Orchestration steps that belong to src/operations: a front end calling one is doing its job. */
const CORE_STEPS = ['readLiveState', 'readLiveCluster', 'computePlan', 'applyPlan', 'openClusterSessions', 'closeClusterSessions', 'expandManifest'];

describe('import structure of src/', () => {
  it('GIVEN the folders of src/ WHEN their imports are followed THEN no folder reaches itself again', () => {
    const graph = folderGraph(SOURCES);
    const cycles = findCycles(graph).map((members) =>
      members.map((from) => `${from} → ${members.filter((to) => graph.get(from)?.has(to)).map((to) => `${to} (${graph.get(from)!.get(to)})`).join(', ')}`).join('; '),
    );
    expect(cycles).toEqual([]);
    expect(SOURCES.length).toBeGreaterThan(100);
  });

  it('GIVEN the front ends WHEN their code is read THEN none calls a core step (they call src/operations)', () => {
    const offending = SOURCES.filter((f) => FRONT_ENDS.includes(folderOf(f.path))).flatMap((f) => {
      const code = withoutComments(f.text);
      return CORE_STEPS.filter((name) => new RegExp(`\\b${name}\\b`).test(code)).map((name) => `${f.path}: ${name}`);
    });
    expect(offending).toEqual([]);
  });

  it('GIVEN GitHub-specific names WHEN looked for THEN they live in github/, which imports no front end', () => {
    const githubImports = SOURCES.filter((f) => folderOf(f.path) === 'github').flatMap((f) => f.imports.filter((i) => FRONT_ENDS.includes(folderOf(i))).map((i) => `${f.path} → ${i}`));
    expect(githubImports).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('GIVEN a graph with a two-folder loop and a three-folder loop THEN both are found, and an acyclic one gives none', () => {
    const graph = new Map([
      ['action', new Map([['github', 'a'], ['operations', 'b']])],
      ['github', new Map([['action', 'c']])],
      ['cli', new Map([['migrate', 'd']])],
      ['migrate', new Map([['render', 'e']])],
      ['render', new Map([['cli', 'f']])],
      ['operations', new Map([['plan', 'g']])],
    ]);
    expect(findCycles(graph)).toEqual([['action', 'github'], ['cli', 'migrate', 'render']]);
    expect(findCycles(new Map([['cli', new Map([['operations', 'x']])], ['operations', new Map([['plan', 'y']])]]))).toEqual([]);
  });

  it('GIVEN import forms WHEN parsed THEN static, type-only, re-exported and dynamic imports all count, and comments do not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eks-identity-imports-'));
    mkdirSync(join(dir, 'a'));
    const text = "import { b } from '../b/b.js';\nimport type { C } from '../c/c.js';\nexport { d } from '../d/d.js';\nconst e = await import('../e/e.js');\n// computePlan(desired, live)\n";
    writeFileSync(join(dir, 'a', 'x.ts'), text);
    const [file] = readSources(dir);
    expect(file!.imports).toEqual(['b/b.ts', 'c/c.ts', 'd/d.ts', 'e/e.ts']);
    expect(withoutComments(text)).not.toContain('computePlan');
  });
});
