import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { expandManifest, parseManifestText, type LoadedManifest } from '../../src/manifest/index.js';
import { partitionOfRegion } from '../../src/model/partition.js';

/**
 * Property: whatever text arrives, validation returns located diagnostics and never throws, and
 * whatever validates also expands. Inputs are mutations of the example manifest (so they get deep
 * into the rules) plus text-level damage and random YAML.
 */

const EXAMPLE = readFileSync(new URL('../../examples/manifests/platform.yaml', import.meta.url), 'utf8');
const EXAMPLE_DATA = parse(EXAMPLE) as unknown;
const RUNS = 250;

type Path = Array<string | number>;

/** Every path to a value inside plain data (maps and lists), the root excluded. */
function pathsOf(data: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(data)) return data.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (data !== null && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  return [];
}

type Container = Record<string | number, unknown> | unknown[];

function parentOf(root: unknown, path: Path): Container | undefined {
  let node = root;
  for (const segment of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[segment];
  return node !== null && typeof node === 'object' ? (node as Container) : undefined;
}

/** A value of some other type, or a string that looks like what the manifest expects. */
const anyValue = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, '', [], {}, 'system:masters', 'aws:x', '${nope}', 'arn:aws-cn:iam::123:role/x', 'STANDARD', 'cluster'),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

type Mutation =
  | { kind: 'delete'; pick: number }
  | { kind: 'rename'; pick: number; suffix: string }
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'insert'; pick: number; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), suffix: fc.string({ minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: anyValue }),
  fc.record({ kind: fc.constant('insert' as const), pick: fc.nat(), key: fc.string({ maxLength: 12 }), value: anyValue }),
);

function applyMutation(root: unknown, m: Mutation): void {
  const paths = pathsOf(root);
  if (paths.length === 0) return;
  const path = paths[m.pick % paths.length]!;
  const parent = parentOf(root, path);
  const last = path.at(-1)!;
  if (!parent) return;
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (m.kind === 'rename') {
    if (Array.isArray(parent)) return;
    parent[`${String(last)}${m.suffix}`] = parent[last];
    delete parent[last];
  } else if (m.kind === 'replace') {
    (parent as Record<string | number, unknown>)[last] = m.value;
  } else {
    const target = (parent as Record<string | number, unknown>)[last];
    if (Array.isArray(target)) target.push(m.value);
    else if (target !== null && typeof target === 'object') (target as Record<string, unknown>)[m.key] = m.value;
    else (parent as Record<string | number, unknown>)[last] = { [m.key]: m.value };
  }
}

const mutatedExample = fc.array(mutation, { minLength: 1, maxLength: 4 }).map((mutations) => {
  const data = structuredClone(EXAMPLE_DATA);
  for (const m of mutations) applyMutation(data, m);
  return stringify(data);
});

/** Text-level damage: cut, insert or delete characters anywhere in the example. */
const damagedExample = fc.oneof(
  fc.nat({ max: EXAMPLE.length }).map((at) => EXAMPLE.slice(0, at)),
  fc.tuple(fc.nat({ max: EXAMPLE.length }), fc.string({ maxLength: 20, unit: fc.constantFrom(...' \t\n:-[]{}#&*!|>\'"%@`,?abc1'.split('')) })).map(
    ([at, s]) => EXAMPLE.slice(0, at) + s + EXAMPLE.slice(at),
  ),
  fc.tuple(fc.nat({ max: EXAMPLE.length }), fc.nat({ max: 40 })).map(([at, n]) => EXAMPLE.slice(0, at) + EXAMPLE.slice(at + n)),
);

/** Random YAML: serialised random data, and random text made of YAML's punctuation. */
const randomYaml = fc.oneof(
  fc.anything({ maxDepth: 3 }).map((v) => {
    try {
      return (stringify(v) as string | undefined) ?? '';
    } catch {
      return String(v);
    }
  }),
  fc.record({ version: fc.oneof(fc.constant(1), anyValue), clusters: anyValue, accessEntries: anyValue }, { requiredKeys: [] }).map((v) => stringify(v)),
  fc.string({ maxLength: 200, unit: fc.constantFrom(...'version: 1\nclusters:\n  - name: a\n    region: us-east-1\n[]{},:&*!|>-?#\'"\t'.split('')) }),
);

/** Checks the law for one input and returns the result for further checks. */
function validateLaw(text: string): LoadedManifest {
  const result = parseManifestText(text, 'fuzz.yaml');
  const lines = text.split('\n');
  for (const d of result.diagnostics) {
    expect(d.code).toMatch(/^[A-Z][A-Z_]+$/);
    expect(['error', 'warning']).toContain(d.severity);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.location.file).toBe('fuzz.yaml');
    expect(Number.isInteger(d.location.line) && Number.isInteger(d.location.column)).toBe(true);
    expect(d.location.line).toBeGreaterThanOrEqual(1);
    expect(d.location.line).toBeLessThanOrEqual(lines.length + 1);
    expect(d.location.column).toBeGreaterThanOrEqual(1);
    const lineText = lines[d.location.line - 1] ?? '';
    expect(d.location.column).toBeLessThanOrEqual(lineText.length + 1);
  }
  expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
  if (result.ok) {
    const state = expandManifest(result);
    expect(state.clusters).toHaveLength(result.manifest.clusters.length);
    for (const c of state.clusters) {
      expect(c.partition).toBe(partitionOfRegion(c.region));
      for (const a of c.associations) expect(a.roleArn.startsWith(`arn:${c.partition}:iam::`)).toBe(true);
      for (const e of c.accessEntries) expect(e.principalArn.startsWith(`arn:${c.partition}:iam::`)).toBe(true);
    }
  }
  return result;
}

describe('GIVEN generated manifest texts', () => {
  it('WHEN the example itself is validated THEN it is valid (the seed of every mutation)', () => {
    expect(validateLaw(EXAMPLE).diagnostics).toEqual([]);
  });

  it('WHEN keys of the example are deleted, renamed, retyped or added THEN validation never throws and every diagnostic is located', () => {
    fc.assert(fc.property(mutatedExample, (text) => void validateLaw(text)), { numRuns: RUNS * 2 });
  });

  it('WHEN the example text is truncated, cut or has characters inserted THEN validation never throws and every diagnostic is located', () => {
    fc.assert(fc.property(damagedExample, (text) => void validateLaw(text)), { numRuns: RUNS });
  });

  it('WHEN the text is random YAML THEN validation never throws and every diagnostic is located', () => {
    fc.assert(fc.property(randomYaml, (text) => void validateLaw(text)), { numRuns: RUNS });
  });

  it('WHEN a mutation makes the manifest invalid THEN at least one error says so', () => {
    let invalid = 0;
    fc.assert(
      fc.property(mutatedExample, (text) => {
        const result = validateLaw(text);
        if (!result.ok) {
          invalid++;
          expect(result.diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
    // Most mutations break something: the generator reaches the rules, not only the happy path.
    expect(invalid).toBeGreaterThan(RUNS / 4);
  });
});
