import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EksIdentityError } from '../errors.js';
import { closestMatch } from '../model/closest-match.js';
import type { PruneMode } from '../model/ownership.js';
import { fingerprintPrefixProblem } from '../plan/fingerprint.js';

type Options = NonNullable<ParseArgsConfig['options']>;

type OptionValue<O> = O extends { type: 'boolean' }
  ? O extends { multiple: true } ? boolean[] : boolean
  : O extends { multiple: true } ? string[] : string;

/** Parsed option values; every option may be absent unless it has a default. */
export type ParsedOptions<T extends Options> = { [K in keyof T]?: OptionValue<T[K]> };

/**
 * node:util parseArgs with errors turned into a one-line user error that names the command
 * and points at its --help.
 */
export function parseCommandArgs<T extends Options>(command: string, argv: string[], options: T): { values: ParsedOptions<T> } {
  try {
    const { values } = parseArgs({ args: argv, options, allowPositionals: false, strict: true });
    return { values: values as ParsedOptions<T> };
  } catch (err) {
    // Not `instanceof Error`: under a VM context (test runners) node's errors come from another realm.
    const message = (err as { message?: unknown } | undefined)?.message;
    const raw = typeof message === 'string' ? message : String(err);
    throw new EksIdentityError('CLI_USAGE', `${command}: ${usageMessage(raw, Object.keys(options))}`, {
      fix: `run "eks-identity ${command} --help" for the options`,
    });
  }
}

/**
 * parseArgs' messages in one line: an unknown option gets the closest known one, and a value that
 * starts with "-" (`--max-deletes -1`) is said plainly instead of parseArgs' advice on `--opt=-1`.
 */
function usageMessage(raw: string, known: string[]): string {
  const unknown = /^Unknown option '(--?[^']+)'/.exec(raw);
  if (unknown) {
    const suggestion = closestMatch(unknown[1]!.replace(/^-+/, ''), known.filter((k) => k !== 'prune-owned'));
    return `unknown option ${unknown[1]}${suggestion ? `; did you mean --${suggestion}?` : ''}`;
  }
  const ambiguous = /^Option '(--?[^' ]+)[^']*' argument is ambiguous/.exec(raw);
  if (ambiguous) return `${ambiguous[1]} needs a value, and the next argument starts with "-" (write ${ambiguous[1]}=VALUE if that is the value)`;
  const positional = /^Unexpected argument '([^']+)'/.exec(raw);
  if (positional) return `unexpected argument '${positional[1]}' (every value belongs to an option, e.g. --manifest PATH)`;
  return raw.split('\n')[0]!;
}

/**
 * `--prune` alone is prune: true; `--prune owned` (or `--prune=owned`) is prune: owned. parseArgs
 * has no optional option values, so the owned form becomes a flag of its own before parsing.
 */
export function withPruneMode(command: string, argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    // A value other than `owned` (--prune=own, --prune owner) is a misspelling, not prune: true.
    const value = arg.startsWith('--prune=') ? arg.slice('--prune='.length) : arg === '--prune' && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-') ? argv[i + 1]! : undefined;
    if (value === 'owned') {
      out.push('--prune-owned');
      if (arg === '--prune') i++;
    } else if (value !== undefined) {
      throw new EksIdentityError('CLI_USAGE', `${command}: --prune takes no value, or owned; got "${value}"${closestMatch(value, ['owned']) ? '; did you mean --prune owned?' : ''}`, {
        fix: 'write --prune (prune: true, every undeclared object) or --prune owned (only what the manifest owns)',
      });
    } else out.push(arg);
  }
  return out;
}

/** The options that withPruneMode's arguments parse into. */
export const PRUNE_OPTIONS = { prune: { type: 'boolean' }, 'prune-owned': { type: 'boolean' } } as const;

/** The prune override of a request, from the parsed PRUNE_OPTIONS. */
export function pruneOf(values: { prune?: boolean | undefined; 'prune-owned'?: boolean | undefined }): { prune?: PruneMode } {
  if (values['prune-owned']) return { prune: 'owned' };
  return values.prune ? { prune: true } : {};
}

export type OutputFormat = 'text' | 'markdown' | 'json';

export function parseFormat(command: string, value: string | undefined, allowed: readonly OutputFormat[]): OutputFormat {
  const format = (value ?? 'text') as OutputFormat;
  if (!allowed.includes(format)) {
    throw new EksIdentityError('CLI_USAGE', `${command}: --format must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return format;
}

export function parsePositiveInt(command: string, flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new EksIdentityError('CLI_USAGE', `${command}: ${flag} must be a non-negative integer (got "${value}")`);
  }
  return n;
}

/** --expect-fingerprint, checked before any AWS call: the full fingerprint or a 12+ character prefix. */
export function parseFingerprint(value: string | undefined): string | undefined {
  const problem = value === undefined ? undefined : fingerprintPrefixProblem(value);
  if (problem !== undefined) {
    throw new EksIdentityError('INVALID_FINGERPRINT', `--expect-fingerprint: ${problem}`, { fix: 'pass the fingerprint the reviewed plan printed (12 or more hex characters)' });
  }
  return value;
}
