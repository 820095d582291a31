import type { Finding } from '../model/plan.js';
import type { SourceLocation } from '../model/source.js';
import { FINDINGS, type FindingCode } from './codes.js';
import { compare } from '../model/order.js';

/** A finding with the severity its code carries. */
export function finding(code: FindingCode, message: string, extra: { key?: string; fix?: string; source?: SourceLocation | undefined } = {}): Finding {
  return {
    severity: FINDINGS[code].severity,
    code,
    ...(extra.key !== undefined ? { key: extra.key } : {}),
    message,
    ...(extra.fix !== undefined ? { fix: extra.fix } : {}),
    ...(extra.source !== undefined ? { source: extra.source } : {}),
  };
}

export { compare };

export function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The first few names of a list, and how many more there are: findings stay readable on large clusters. */
export function listSome(names: readonly string[], shown = 10): string {
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `${head} and ${names.length - shown} more` : head;
}
