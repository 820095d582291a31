import { createHash } from 'node:crypto';
import type { ClusterPlan } from '../model/plan.js';
import { hasChanges } from './summary.js';

export { summarize, hasChanges } from './summary.js';

/** Live-only identifiers: they do not change what a plan does, so they stay out of the fingerprint. */
const VOLATILE = new Set(['associationId', 'ownerArn', 'source', 'createdAt', 'modifiedAt', 'associatedAt']);

/**
 * sha256 over the executable changes of every cluster in canonical form (sorted keys, no
 * timestamps, no live ids, no wording of findings or reasons). The same desired and live state
 * always give the same fingerprint; any change of what apply would do gives another; a plan with
 * nothing to do has the fixed EMPTY_PLAN_FINGERPRINT.
 */
export function fingerprintPlan(clusters: readonly Omit<ClusterPlan, 'fingerprint'>[]): string {
  // Clusters with nothing to do are left out, so every plan without changes has one fingerprint.
  const material = clusters.filter((c) => hasChanges(c.changes)).map((c) => ({
    cluster: c.name,
    region: c.region,
    changes: c.changes.filter((ch) => ch.action !== 'unmanaged').map((ch) => ({ id: ch.id, kind: ch.kind, action: ch.action, before: ch.before, after: ch.after })),
  }));
  return createHash('sha256').update(canonical(material)).digest('hex');
}

function canonical(value: unknown): string {
  return JSON.stringify(strip(value));
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (!VOLATILE.has(key) && v !== undefined) out[key] = strip(v);
    }
    return out;
  }
  return value;
}

/** The fingerprint of every plan that changes nothing (sha256 of `[]`). */
export const EMPTY_PLAN_FINGERPRINT = fingerprintPlan([]);

/** The shortest fingerprint prefix accepted: what plan comments and apply reports print. */
export const FINGERPRINT_PREFIX_MIN = 12;

/**
 * Why `expected` cannot name a plan, or undefined when it can: 12 to 64 hex characters (any case).
 * Twelve hex characters are 48 bits: two different plans reviewed in one repository share such a
 * prefix with negligible odds, so a prefix names one plan as surely as the full hash does.
 */
export function fingerprintPrefixProblem(expected: string): string | undefined {
  const text = expected.trim();
  if (!/^[0-9a-fA-F]*$/.test(text)) return `"${text}" is not a fingerprint: only hex characters (0-9, a-f) are allowed`;
  if (text.length < FINGERPRINT_PREFIX_MIN) return `"${text}" is too short: give at least ${FINGERPRINT_PREFIX_MIN} hex characters of the fingerprint`;
  if (text.length > 64) return `"${text}" is longer than a sha256 fingerprint (64 hex characters)`;
  return undefined;
}

/**
 * Whether a reviewed fingerprint (the full hash, or a prefix of 12+ hex characters as comments and
 * reports print it) names the plan whose fingerprint is `actual`. The one comparison every front
 * end uses; the exact value always matches, and otherwise an expected value that is not a valid
 * prefix never does.
 */
export function fingerprintMatches(expected: string, actual: string): boolean {
  if (expected === actual) return true;
  if (fingerprintPrefixProblem(expected) !== undefined) return false;
  return actual.toLowerCase().startsWith(expected.trim().toLowerCase());
}

/**
 * Each cluster with its own fingerprint: `fingerprintPlan` of that cluster alone. A cluster with
 * nothing to do gets EMPTY_PLAN_FINGERPRINT, and a plan of one cluster has that cluster's
 * fingerprint as its whole fingerprint, so per-cluster and whole-plan reviews use one scheme.
 */
export function withClusterFingerprints(clusters: readonly Omit<ClusterPlan, 'fingerprint'>[]): ClusterPlan[] {
  return clusters.map((c) => ({ ...c, fingerprint: fingerprintPlan([c]) }));
}

/** A cluster whose part of the plan is not the one reviewed. */
export interface ClusterFingerprintMismatch {
  cluster: string;
  /** What the reviewed plan recorded for it (full or 12+ hex prefix); undefined when it was not in it. */
  reviewed?: string;
  actual: string;
}

/**
 * Compares each cluster of a fresh plan (typically limited to the clusters one job applies) with
 * the same cluster's part of the reviewed plan, through fingerprintMatches. `reviewed` maps
 * cluster name to fingerprint; a cluster it does not list was not reviewed, which is a mismatch.
 */
export function compareClusterFingerprints(reviewed: Readonly<Record<string, string>>, clusters: readonly ClusterPlan[]): ClusterFingerprintMismatch[] {
  return clusters
    .filter((c) => !(Object.hasOwn(reviewed, c.name) && fingerprintMatches(reviewed[c.name]!, c.fingerprint)))
    .map((c) => (Object.hasOwn(reviewed, c.name) ? { cluster: c.name, reviewed: reviewed[c.name]!, actual: c.fingerprint } : { cluster: c.name, actual: c.fingerprint }));
}
