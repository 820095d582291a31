import { parseTimeout } from '../aws/deadline.js';
import { EksIdentityError } from '../errors.js';
import { Inputs, MODES, ON_PLAN_CHANGE, type ModeInput, type OnPlanChange } from './constants.js';
import type { PruneMode } from '../model/ownership.js';
import type { ActionSettings } from './settings.js';

/** Reads one raw input ('' when unset), as `core.getInput` does. */
export type InputReader = (name: string) => string;

const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];

/**
 * Reads every input once and validates it. All problems are collected and reported together,
 * each naming its input, so one failed run shows everything to fix.
 */
export function readSettings(read: InputReader): ActionSettings {
  const problems: string[] = [];
  const text = (name: string): string => read(name).trim();

  const bool = (name: string, fallback: boolean | undefined): boolean | undefined => {
    const value = text(name);
    if (value === '') return fallback;
    if (TRUE_VALUES.includes(value)) return true;
    if (FALSE_VALUES.includes(value)) return false;
    problems.push(`input "${name}" must be true or false${name === Inputs.prune ? ' or owned' : ''} (got "${value}")`);
    return fallback;
  };

  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = text(name);
    if (value === '') return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`input "${name}" must be one of ${allowed.join(', ')} (got "${value}")`);
    return fallback;
  };

  const manifest = text(Inputs.manifest) || 'eks-identity.yaml';
  const mode: ModeInput = oneOf(Inputs.mode, MODES, 'auto');
  const onPlanChange: OnPlanChange = oneOf(Inputs.onPlanChange, ON_PLAN_CHANGE, 'fail');
  const clusters = splitList(read(Inputs.clusters));
  const githubToken = text(Inputs.githubToken);
  // prune: true, false, or owned (only what carries the manifest's owner tag).
  const prune: PruneMode | undefined = text(Inputs.prune) === 'owned' ? 'owned' : bool(Inputs.prune, undefined);
  const comment = bool(Inputs.comment, true) ?? true;
  const labels = bool(Inputs.labels, false) ?? false;
  const allowLockout = bool(Inputs.allowLockout, false) ?? false;

  let maxDeletes: number | undefined;
  const rawMaxDeletes = text(Inputs.maxDeletes);
  if (rawMaxDeletes !== '') {
    const n = Number(rawMaxDeletes);
    if (Number.isInteger(n) && n >= 0) maxDeletes = n;
    else problems.push(`input "${Inputs.maxDeletes}" must be a non-negative integer (got "${rawMaxDeletes}")`);
  }

  let timeoutMs: number | undefined;
  const rawTimeout = text(Inputs.timeout);
  if (rawTimeout !== '') {
    try {
      timeoutMs = parseTimeout(rawTimeout, `input "${Inputs.timeout}"`);
    } catch (err) {
      problems.push((err as Error).message);
    }
  }

  const configmap = text(Inputs.configmap);
  const migrationPath = text(Inputs.migrationPath);
  if (mode === 'migrate-aws-auth' && configmap === '') {
    problems.push(`input "${Inputs.configmap}" is required with mode migrate-aws-auth`);
  }

  if (problems.length > 0) {
    throw new EksIdentityError('ACTION_INPUT_INVALID', `invalid action inputs: ${problems.join('; ')}`, {
      fix: 'correct the "with:" block of the eks-identity step in the workflow',
    });
  }

  return {
    manifest,
    mode,
    clusters,
    githubToken,
    ...(prune === undefined ? {} : { prune }),
    ...(maxDeletes === undefined ? {} : { maxDeletes }),
    onPlanChange,
    comment,
    labels,
    allowLockout,
    ...(configmap === '' ? {} : { configmap }),
    ...(migrationPath === '' ? {} : { migrationPath }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
}

/** Comma- or newline-separated names, trimmed, empty ones dropped, duplicates removed. */
export function splitList(value: string): string[] {
  const names = value
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return [...new Set(names)];
}
