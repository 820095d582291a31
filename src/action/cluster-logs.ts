/**
 * The job log, folded per cluster: one group per cluster with its part of the plan (and of the
 * apply report), so a fleet's log opens on one line per cluster and a reader unfolds the one that
 * matters.
 */
import { summarizeResults } from '../apply/apply-plan.js';
import type { ApplyReport } from '../apply/types.js';
import type { Plan } from '../model/plan.js';
import { planOfCluster } from '../plan/summary.js';
import { renderApplyReport, summarizeApplyReport } from '../render/apply-report.js';
import { renderPlan } from '../render/index.js';
import type { ActionIo } from './io.js';

export async function logPlanByCluster(io: ActionIo, plan: Plan): Promise<void> {
  for (const cluster of plan.clusters) {
    const one = planOfCluster(plan, cluster);
    const s = one.summary;
    const counts = `${s.create} to create, ${s.update} to update, ${s.replace} to replace, ${s.delete} to delete, ${s.errors} error${s.errors === 1 ? '' : 's'}`;
    await io.group(`Cluster ${cluster.name} (${cluster.region}): ${counts} · ${cluster.fingerprint.slice(0, 12)}`, async () => io.info(renderPlan(one, 'text')));
  }
}

export async function logApplyByCluster(io: ActionIo, report: ApplyReport): Promise<void> {
  const clusters = [...new Set(report.results.map((r) => r.clusterName))];
  for (const name of clusters) {
    const results = report.results.filter((r) => r.clusterName === name);
    const part: ApplyReport = { ...report, results, summary: summarizeResults(results, report.summary.durationMs) };
    await io.group(`Cluster ${name}: ${summarizeApplyReport(part)}`, async () => io.info(renderApplyReport(part, 'text').trimEnd()));
  }
}
