/** Checks the parameters a manifest gives a well-known policy: names, types and value shapes. */
import { suggestName } from './suggest.js';
import type { ParameterSpec, ParameterValues, WellKnownPolicyDefinition } from './types.js';

/**
 * The key that names the policy in the manifest's object form (`- name: karpenterController`);
 * callers may pass it along with the parameters, so it is not a parameter problem.
 */
const NAME_KEY = 'name';

/**
 * A valid stand-in for each of the manifest's variables, so a value can be checked before it is
 * expanded for a cluster (`validate` works offline, on the text as written): the shape is checked
 * now, and again on the expanded value when the role is built for each cluster.
 */
const VARIABLE_STAND_INS: Readonly<Record<string, string>> = { partition: 'aws', accountId: '111122223333', region: 'us-east-1', cluster: 'cluster' };

function withStandIns(value: string): string {
  return value.replace(/\$\{(\w+)\}/g, (all, name: string) => VARIABLE_STAND_INS[name] ?? all);
}

/** Problems with `params` for `definition`, each a sentence naming the parameter and what is expected. */
export function checkParameters(definition: WellKnownPolicyDefinition, params: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  const known = definition.parameters.map((p) => p.name);
  for (const key of Object.keys(params)) {
    if (key === NAME_KEY || known.includes(key)) continue;
    problems.push(`${definition.name} has no parameter '${key}'; ${unknownHint(key, known)}`);
  }
  for (const spec of definition.parameters) {
    const value = params[spec.name];
    if (value === undefined || value === null) {
      if (spec.required) problems.push(`${definition.name} needs parameter '${spec.name}': ${describeExpected(spec)}.`);
      continue;
    }
    problems.push(...checkValue(definition.name, spec, value));
  }
  return problems;
}

/** The values to build statements from: only the declared parameters, as checked. */
export function readParameters(definition: WellKnownPolicyDefinition, params: Readonly<Record<string, unknown>>): ParameterValues {
  const values: Record<string, string | readonly string[]> = {};
  for (const spec of definition.parameters) {
    const value = params[spec.name];
    if (typeof value === 'string' || Array.isArray(value)) values[spec.name] = value as string | string[];
  }
  return values;
}

function checkValue(policy: string, spec: ParameterSpec, value: unknown): string[] {
  const where = `${policy} parameter '${spec.name}'`;
  if (!spec.list) {
    if (typeof value !== 'string') return [`${where} must be a string, not ${typeName(value)}: expected ${spec.expected}.`];
    return value.length === 0 || !spec.pattern.test(withStandIns(value)) ? [`${where} is '${value}': expected ${spec.expected}.`] : [];
  }
  if (!Array.isArray(value)) return [`${where} must be a list of strings, not ${typeName(value)}: expected each to be ${spec.expected}.`];
  if (value.length === 0) return [`${where} is an empty list: give at least one value, or leave the parameter out for its default.`];
  const problems: string[] = [];
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'string') problems.push(`${where}[${i}] must be a string, not ${typeName(item)}: expected ${spec.expected}.`);
    else if (!spec.pattern.test(withStandIns(item))) problems.push(`${where}[${i}] is '${item}': expected ${spec.expected}.`);
    else if (value.indexOf(item) !== i) problems.push(`${where}[${i}] repeats '${item}': list each value once.`);
  });
  return problems;
}

function describeExpected(spec: ParameterSpec): string {
  return spec.list ? `a list of values, each ${spec.expected}` : spec.expected;
}

function unknownHint(key: string, known: readonly string[]): string {
  const suggestion = suggestName(key, known);
  if (suggestion) return `did you mean '${suggestion}'?`;
  return known.length === 0 ? 'it takes no parameters.' : `it takes ${known.map((k) => `'${k}'`).join(', ')}.`;
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'a map' : `a ${typeof value}`;
}
