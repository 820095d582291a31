/**
 * Problems of an emulator state, in the words the manifest validator uses: zod issues become
 * "unknown key `clusterz` (did you mean `clusters`?)", "must be one of …, not …", "missing
 * required field …"; and the rules EKS enforces on live objects (unique keys, node-type rules,
 * known access policies) are checked so a state cannot hold what EKS never would.
 */
import { z } from 'zod';
import { accessEntryProblems } from '../model/access-entry-rules.js';
import { namespaceProblems, serviceAccountProblems } from '../model/api-limits.js';
import { bundledAccessPolicyNames, isBundledAccessPolicy, suggestAccessPolicy } from '../model/access-policies.js';
import { closestMatch } from '../model/closest-match.js';
import { partitionOfRegion } from '../model/partition.js';
import { findIamStateProblems } from './state-iam-problems.js';
import type { EmulatorState } from './types.js';

export interface StateProblem {
  path: PropertyKey[];
  message: string;
  /** Set when the problem is a key of the object at `path` (located at the key itself). */
  key?: string;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || '(root)';
}

/** zod issues as problems; `data` is what was parsed (to quote wrong values). */
export function issueProblems(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, data: unknown): StateProblem[] {
  return issues.flatMap((issue): StateProblem[] => {
    const path = issue.path as PropertyKey[];
    const field = formatPath(path);
    if (issue.code === 'unrecognized_keys') {
      const known = keysAt(schema, path);
      return issue.keys.map((key) => {
        const suggestion = closestMatch(key, known);
        return { path, key, message: `unknown key \`${key}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : `; allowed here: ${known.join(', ')}`}` };
      });
    }
    const actual = valueAt(data, path);
    if (issue.code === 'invalid_type' && actual === undefined) return [{ path, message: `missing required field \`${field}\`` }];
    if (issue.code === 'invalid_type') return [{ path, message: `\`${field}\` must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' || issue.expected === 'record' ? 'an object' : `a ${issue.expected}`}, not ${describe(actual)}` }];
    if (issue.code === 'invalid_value') {
      const allowed = issue.values.map(String);
      const suggestion = typeof actual === 'string' ? closestMatch(actual, allowed) : undefined;
      return [{ path, message: `\`${field}\` must be one of ${allowed.join(', ')}, not ${describe(actual)}${suggestion ? ` (did you mean ${suggestion}?)` : ''}` }];
    }
    return [{ path, message: `\`${field}\`: ${issue.message}${actual !== undefined && typeof actual !== 'object' ? `, not ${describe(actual)}` : ''}` }];
  });
}

/** The keys the schema allows in the object at `path` (through lists, records and unions). */
function keysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  let current: z.ZodType | undefined = schema;
  const unwrap = (s: z.ZodType | undefined): z.ZodType | undefined => (s instanceof z.ZodOptional ? unwrap(s.unwrap() as z.ZodType) : s);
  for (const segment of path) {
    current = unwrap(current);
    if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else if (current instanceof z.ZodObject) current = (current.shape as Record<string, z.ZodType>)[String(segment)];
    else return [];
    current = unwrap(current);
    // A union of a string and an object (identities): the object is where keys live.
    if (current instanceof z.ZodUnion) current = (current.options as z.ZodType[]).find((o) => o instanceof z.ZodObject);
  }
  current = unwrap(current);
  if (current instanceof z.ZodUnion) current = (current.options as z.ZodType[]).find((o) => o instanceof z.ZodObject);
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  return `${typeof value} ${String(value)}`;
}

/** What the schema cannot see: unique keys, and the rules EKS keeps for live objects. */
export function findStateProblems(state: EmulatorState): StateProblem[] {
  const problems: StateProblem[] = findIamStateProblems(state);
  const clusterKeys = new Set<string>();
  (state.clusters ?? []).forEach((c, i) => {
    const region = c.region ?? state.region ?? 'us-east-1';
    const key = `${c.accountId ?? ''}/${region}/${c.name}`;
    if (clusterKeys.has(key)) problems.push({ path: ['clusters', i, 'name'], message: `cluster ${c.name} appears twice in the same account and region` });
    clusterKeys.add(key);
    const saKeys = new Set<string>();
    const all = [...(c.addons ?? []).flatMap((a) => a.podIdentityAssociations ?? []), ...(c.podIdentityAssociations ?? [])];
    all.forEach((a) => {
      const k = `${a.namespace}/${a.serviceAccount}`;
      if (saKeys.has(k)) problems.push({ path: ['clusters', i, 'podIdentityAssociations'], message: `two associations for ${k}` });
      saKeys.add(k);
    });
    // The same Kubernetes name rules CreatePodIdentityAssociation applies (src/model/api-limits.ts).
    (c.podIdentityAssociations ?? []).forEach((a, j) => {
      const at = ['clusters', i, 'podIdentityAssociations', j];
      for (const p of namespaceProblems(a.namespace)) problems.push({ path: [...at, 'namespace'], message: p.message });
      for (const p of serviceAccountProblems(a.serviceAccount)) problems.push({ path: [...at, 'serviceAccount'], message: p.message });
    });
    const principals = new Set<string>();
    const partition = partitionOfRegion(region);
    (c.accessEntries ?? []).forEach((e, j) => {
      const at = ['clusters', i, 'accessEntries', j];
      if (principals.has(e.principalArn)) problems.push({ path: [...at, 'principalArn'], message: `two access entries for ${e.principalArn}` });
      principals.add(e.principalArn);
      // A state holds only what EKS would have accepted.
      const rules = accessEntryProblems({ type: e.type ?? 'STANDARD', principalArn: e.principalArn, clusterAccountId: c.accountId, username: undefined, kubernetesGroups: (e.type ?? 'STANDARD') === 'STANDARD' ? undefined : e.kubernetesGroups, accessPolicyCount: e.accessPolicies?.length ?? 0 });
      for (const p of rules) problems.push({ path: [...at, p.field === 'principalArn' ? 'principalArn' : p.field], message: p.message });
      e.accessPolicies?.forEach((p, k) => {
        if (isBundledAccessPolicy(partition, p.policyArn)) return;
        const suggestion = suggestAccessPolicy(p.policyArn, bundledAccessPolicyNames(partition));
        problems.push({ path: [...at, 'accessPolicies', k, 'policyArn'], message: `${p.policyArn} is not an access policy EKS offers in ${partition}${suggestion ? ` (did you mean ${suggestion}?)` : ''}` });
      });
    });
  });
  if (state.defaultAccessKeyId !== undefined && !(state.identities ?? {})[state.defaultAccessKeyId]) {
    const suggestion = closestMatch(state.defaultAccessKeyId, Object.keys(state.identities ?? {}));
    problems.push({ path: ['defaultAccessKeyId'], message: `defaultAccessKeyId ${state.defaultAccessKeyId} is not a key of identities${suggestion ? ` (did you mean ${suggestion}?)` : ''}` });
  }
  return problems;
}
