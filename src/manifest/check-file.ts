import { z } from 'zod';
import type { SourceLocation } from '../model/source.js';
import { closestMatch, type ManifestDiagnostic } from './diagnostics.js';
import type { Located } from './model.js';
import type { PruneMode } from '../model/ownership.js';
import { accessEntrySchema, addonSchema, clusterSchema, manifestSchema, ownerSchema, podIdentityAssociationSchema, pruneSchema } from './schema.js';
import type { AccessEntryV1, AddonV1, ClusterV1, PodIdentityAssociationV1 } from './schema.js';
import type { PathSegment, YamlSource } from './yaml-source.js';

/** What one file contributes, before the files are merged. */
export interface FileManifest {
  file: string;
  clusters: Located<ClusterV1>[];
  podIdentityAssociations: Located<PodIdentityAssociationV1>[];
  accessEntries: Located<AccessEntryV1>[];
  addons: Located<AddonV1>[];
  /** Names of clusters whose declaration has errors: selectors naming them are not "unknown". */
  rejectedClusterNames: string[];
  defaultTags?: { value: Record<string, string>; source: SourceLocation; keyAt: (key: string) => SourceLocation };
  prune?: { value: PruneMode; source: SourceLocation };
  owner?: { value: string; source: SourceLocation };
  diagnostics: ManifestDiagnostic[];
}

/** The top level with the lists left open, so that one bad item does not hide the others. */
const topLevelSchema = z
  .object({
    // Optional here: a missing or wrong version gets its own diagnostic below.
    version: z.unknown().optional(),
    clusters: z.array(z.unknown()).optional(),
    defaults: manifestSchema.shape.defaults,
    podIdentityAssociations: z.array(z.unknown()).optional(),
    accessEntries: z.array(z.unknown()).optional(),
    addons: z.array(z.unknown()).optional(),
    owner: ownerSchema.optional(),
    prune: pruneSchema.optional(),
  })
  .strict();

/** Validates the shape of one parsed file against manifest v1 and locates every problem. */
export function checkFile(source: YamlSource): FileManifest {
  const result: FileManifest = { file: source.file, clusters: [], podIdentityAssociations: [], accessEntries: [], addons: [], rejectedClusterNames: [], diagnostics: [...source.diagnostics] };
  if (source.diagnostics.some((d) => d.severity === 'error')) return result;
  const report = (d: Omit<ManifestDiagnostic, 'severity'>) => result.diagnostics.push({ severity: 'error', ...d });

  const data = source.data;
  if (data === undefined || data === null) {
    report({ code: 'EMPTY_FILE', message: 'the manifest file is empty', fix: 'add `version: 1` and the clusters, associations or entries it manages', location: source.locate([]) });
    return result;
  }
  const top = topLevelSchema.safeParse(data);
  if (!top.success) {
    result.diagnostics.push(...zodDiagnostics(top.error.issues, [], source, topLevelKeys, manifestSchema));
    if (typeof data !== 'object' || Array.isArray(data)) return result;
  }
  const record = data as Record<string, unknown>;
  if (!('version' in record)) {
    report({ code: 'MISSING_FIELD', message: 'missing required field `version`', fix: 'add `version: 1` at the top of the file', location: source.locate([]) });
  } else if (record.version !== 1) {
    report({
      code: 'UNSUPPORTED_VERSION',
      message: `unsupported manifest version ${JSON.stringify(record.version)}; this release reads version 1`,
      fix: 'set `version: 1`, or upgrade eks-identity if the manifest was written for a newer release',
      location: source.locate(['version']),
    });
  }
  if (top.success) {
    if (top.data.defaults?.tags) {
      result.defaultTags = { value: top.data.defaults.tags, source: source.locateKey([], 'defaults'), keyAt: (key) => source.locateKey(['defaults', 'tags'], key) };
    }
    if (top.data.prune !== undefined) result.prune = { value: top.data.prune, source: source.locateKey([], 'prune') };
    if (top.data.owner !== undefined) result.owner = { value: top.data.owner, source: source.locate(['owner']) };
  }
  result.clusters = checkList(record.clusters, 'clusters', clusterSchema, source, result.diagnostics);
  result.rejectedClusterNames = rejectedNames(record.clusters, result.clusters);
  result.podIdentityAssociations = checkList(record.podIdentityAssociations, 'podIdentityAssociations', podIdentityAssociationSchema, source, result.diagnostics);
  result.accessEntries = checkList(record.accessEntries, 'accessEntries', accessEntrySchema, source, result.diagnostics);
  result.addons = checkList(record.addons, 'addons', addonSchema, source, result.diagnostics);
  return result;
}

function rejectedNames(list: unknown, accepted: Located<ClusterV1>[]): string[] {
  if (!Array.isArray(list)) return [];
  const names = list.flatMap((item) => (item !== null && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string' ? [(item as { name: string }).name] : []));
  return names.filter((name) => !accepted.some((c) => c.value.name === name));
}

const topLevelKeys = Object.keys(manifestSchema.shape);

function checkList<T>(
  value: unknown,
  key: string,
  schema: z.ZodObject,
  source: YamlSource,
  diagnostics: ManifestDiagnostic[],
): Located<T>[] {
  if (!Array.isArray(value)) return [];
  const keys = Object.keys(schema.shape);
  const items: Located<T>[] = [];
  value.forEach((item, index) => {
    const path = [key, index];
    let parsed: z.ZodSafeParseResult<unknown> = schema.safeParse(item);
    if (!parsed.success) {
      diagnostics.push(...zodDiagnostics(parsed.error.issues, path, source, keys, schema));
      // An item whose only fault is an unknown key is still checked by the rules, so that one
      // run lists its other errors too; its unknown keys are already reported.
      if (!parsed.error.issues.every((issue) => issue.code === 'unrecognized_keys')) return;
      parsed = stripUnknownKeys(schema).safeParse(item);
      if (!parsed.success) return;
    }
    items.push({
      value: parsed.data as T,
      source: source.locate(path),
      at: (field, ...rest) => (rest.length === 0 ? source.locateKeyOrValue(path, field) : source.locate([...path, field, ...rest])),
      keyAt: (field, ...rest) => {
        const segments = [field, ...rest];
        const last = segments.pop()!;
        return source.locateKey([...path, ...segments], String(last));
      },
    });
  });
  return items;
}

/** The same object schema, nested objects included, with unknown keys dropped instead of refused. */
function stripUnknownKeys(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional) return stripUnknownKeys(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodArray) return z.array(stripUnknownKeys(schema.element as z.ZodType));
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(Object.entries(schema.shape as Record<string, z.ZodType>).map(([k, v]) => [k, stripUnknownKeys(v)]));
    return z.object(shape).strip();
  }
  return schema;
}

/** Turns zod issues into located diagnostics with codes: unknown key, missing field, wrong type, bad value. */
function zodDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  base: PathSegment[],
  source: YamlSource,
  knownKeys: string[],
  schema?: z.ZodObject,
): ManifestDiagnostic[] {
  const out: ManifestDiagnostic[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as PathSegment[])];
    const field = fieldLabel(path);
    if (issue.code === 'unrecognized_keys') {
      const keysHere = issue.path.length === 0 ? knownKeys : nestedKeys(schema, issue.path as PathSegment[]) ?? knownKeys;
      for (const key of issue.keys) {
        const suggestion = closestMatch(key, keysHere);
        out.push({
          severity: 'error',
          code: 'UNKNOWN_KEY',
          message: `unknown key \`${key}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`,
          fix: suggestion ? `rename it to \`${suggestion}\`` : `remove it; allowed keys here: ${keysHere.join(', ')}`,
          location: source.locateKey(path, key),
        });
      }
      continue;
    }
    const actual = valueAt(source.data, path);
    if (actual === undefined && issue.code === 'invalid_type') {
      out.push({
        severity: 'error',
        code: 'MISSING_FIELD',
        message: `missing required field \`${field}\``,
        fix: `add \`${field}\``,
        location: source.locate(path),
      });
      continue;
    }
    if (issue.code === 'invalid_type') {
      out.push({
        severity: 'error',
        code: 'INVALID_TYPE',
        message: `\`${field}\` must be ${describeExpected(issue.expected)}, not ${describeValue(actual)}`,
        fix: `write \`${field}\` as ${describeExpected(issue.expected)}`,
        location: source.locate(path),
      });
      continue;
    }
    if (issue.code === 'invalid_value') {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      const suggestion = typeof actual === 'string' ? closestMatch(actual, issue.values.map(String)) : undefined;
      out.push({
        severity: 'error',
        code: 'INVALID_VALUE',
        message: `\`${field}\` must be one of ${allowed}, not ${describeValue(actual)}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
        fix: `use one of ${allowed}`,
        location: source.locate(path),
      });
      continue;
    }
    // Schemas that say what they expect (`expected true, false or owned`) get the value and a fix.
    const expected = /^expected (.+)$/.exec(issue.message)?.[1];
    out.push({
      severity: 'error',
      code: 'INVALID_VALUE',
      message: expected ? `\`${field}\` must be ${expected}, not ${describeValue(actual)}` : `\`${field}\`: ${issue.message}`,
      ...(expected ? { fix: `write \`${field}\` as ${expected}` } : {}),
      location: source.locate(path),
    });
  }
  return out;
}

/** The field a path ends in, with the index of a list item: `clusters[0]`, `namespaces[2]`. */
function fieldLabel(path: PathSegment[]): string {
  const lastKey = path.findLastIndex((p) => typeof p === 'string');
  if (lastKey < 0) return 'manifest';
  return `${String(path[lastKey])}${path.slice(lastKey + 1).map((i) => `[${i}]`).join('')}`;
}

function nestedKeys(schema: z.ZodObject | undefined, path: PathSegment[]): string[] | undefined {
  let current: unknown = schema;
  for (const segment of path) {
    if (typeof segment === 'number') {
      current = current instanceof z.ZodOptional ? current.unwrap() : current;
      current = current instanceof z.ZodArray ? current.element : undefined;
      continue;
    }
    current = current instanceof z.ZodOptional ? current.unwrap() : current;
    current = current instanceof z.ZodObject ? (current.shape as Record<string, unknown>)[segment] : undefined;
  }
  current = current instanceof z.ZodOptional ? current.unwrap() : current;
  return current instanceof z.ZodObject ? Object.keys(current.shape) : undefined;
}

function valueAt(data: unknown, path: PathSegment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function describeExpected(expected: string): string {
  const names: Record<string, string> = { string: 'a string', boolean: 'true or false', number: 'a number', array: 'a list', object: 'a mapping', record: 'a mapping' };
  return names[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}
