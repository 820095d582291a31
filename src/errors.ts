import type { SourceLocation } from './model/source.js';

const BRAND = Symbol.for('eks-identity.error');

/**
 * The one error type the tool throws on purpose. `source: 'user'` errors are printed as a
 * one-line message (no stack); `internal` ones are bugs.
 */
export class EksIdentityError extends Error {
  readonly code: string;
  readonly source: 'user' | 'internal';
  readonly fix?: string;
  readonly location?: SourceLocation;
  readonly [BRAND] = true;

  constructor(
    code: string,
    message: string,
    options: { source?: 'user' | 'internal'; fix?: string; location?: SourceLocation; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EksIdentityError';
    this.code = code;
    this.source = options.source ?? 'user';
    if (options.fix !== undefined) this.fix = options.fix;
    if (options.location !== undefined) this.location = options.location;
  }

  /** Brand check that survives bundling and duplicate module copies. */
  static is(value: unknown): value is EksIdentityError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}
