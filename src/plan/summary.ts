import type { Change, ClusterPlan, PlanSummary } from '../model/plan.js';

/** Counts of changes by action and of blocking and non-blocking findings, over every cluster. */
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

/** True when the changes would write anything (`unmanaged` notes write nothing). */
export function hasChanges(changes: readonly Change[]): boolean {
  return changes.some((c) => c.action !== 'unmanaged');
}
