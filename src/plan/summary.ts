import type { Change, ClusterPlan, PlanSummary } from '../model/plan.js';

/**
 * Counts of changes by action and of blocking and non-blocking findings, over every cluster.
 * `unmanaged` counts every live object left alone: unmanaged notes and undeclared objects not read.
 */
export function summarize(clusters: readonly ClusterPlan[]): PlanSummary {
  const summary: PlanSummary = { create: 0, update: 0, replace: 0, delete: 0, unmanaged: 0, errors: 0, warnings: 0 };
  for (const c of clusters) {
    for (const ch of c.changes) summary[ch.action] += 1;
    summary.unmanaged += (c.undeclared?.associations.length ?? 0) + (c.undeclared?.accessEntries.length ?? 0);
    if (c.uncounted) summary.uncountedClusters = (summary.uncountedClusters ?? 0) + 1;
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
