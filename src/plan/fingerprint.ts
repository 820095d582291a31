import { createHash } from 'node:crypto';
import type { Change, ClusterPlan, PlanSummary } from '../model/plan.js';

/** Live-only identifiers: they do not change what a plan does, so they stay out of the fingerprint. */
const VOLATILE = new Set(['associationId', 'ownerArn', 'source', 'createdAt', 'modifiedAt', 'associatedAt']);

/**
 * sha256 over the executable changes of every cluster in canonical form (sorted keys, no
 * timestamps, no live ids, no wording of findings or reasons). The same desired and live state
 * always give the same fingerprint; any change of what apply would do gives another.
 */
export function fingerprintPlan(clusters: readonly ClusterPlan[]): string {
  const material = clusters.map((c) => ({
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

export function summarize(clusters: readonly ClusterPlan[]): PlanSummary {
  const summary: PlanSummary = { create: 0, update: 0, replace: 0, delete: 0, unmanaged: 0, errors: 0, warnings: 0 };
  for (const c of clusters) {
    for (const ch of c.changes) summary[ch.action] += 1;
    for (const f of c.findings) {
      if (f.severity === 'error') summary.errors += 1;
      if (f.severity === 'warning') summary.warnings += 1;
    }
  }
  return summary;
}

/** True when the plan would write anything. */
export function hasChanges(changes: readonly Change[]): boolean {
  return changes.some((c) => c.action !== 'unmanaged');
}
