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
export function fingerprintPlan(clusters: readonly ClusterPlan[]): string {
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
