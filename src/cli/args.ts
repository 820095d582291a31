import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EksIdentityError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs with errors turned into a one-line user error that names the command
 * and points at its --help.
 */
export function parseCommandArgs<T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new EksIdentityError('CLI_USAGE', `${command}: ${message}`, {
      fix: `run "eks-identity ${command} --help" for the options`,
    });
  }
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
