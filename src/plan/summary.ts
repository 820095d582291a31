import type { Change, ClusterPlan, Plan, PlanSummary } from '../model/plan.js';

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

/**
 * One cluster of a plan as a plan of its own: its summary, and its part of the fingerprint as the
 * fingerprint (what a plan limited to that cluster would have).
 */
export function planOfCluster(plan: Plan, cluster: ClusterPlan): Plan {
  return { ...plan, fingerprint: cluster.fingerprint, summary: summarize([cluster]), clusters: [cluster] };
}

/** True when the changes would write anything (`unmanaged` notes write nothing). */
export function hasChanges(changes: readonly Change[]): boolean {
  return changes.some((c) => c.action !== 'unmanaged');
}
