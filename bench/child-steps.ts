/** Plan and apply steps of a benchmark child. */
import { applyPlan } from '../src/apply/index.js';
import { SdkEksWriteGateway } from '../src/aws/gateway.js';
import type { ClusterSession } from '../src/aws/session.js';
import { computePlan } from '../src/plan/compute-plan.js';
import type { DesiredState } from '../src/model/desired.js';
import type { LiveState } from '../src/model/live.js';
import type { ChildJob, JobAnswer } from './jobs.js';

/**
 * The pure planning step after a read: the desired state against what was read. Its time is part
 * of the workload's wall time; `changes` (create, update, replace, delete) is checked by the parent.
 */
export function runPlanStep(desired: DesiredState, live: LiveState): Record<string, number> {
  const started = performance.now();
  const plan = computePlan(desired, live);
  return {
    changes: plan.clusters.reduce((n, c) => n + c.changes.filter((change) => change.action !== 'unmanaged').length, 0),
    findings: plan.clusters.reduce((n, c) => n + c.findings.length, 0),
    planMs: Math.round(performance.now() - started),
  };
}

export async function runApplyJob(sessions: ClusterSession[], job: Extract<ChildJob, { kind: 'apply' }>): Promise<JobAnswer> {
  const gateways = Object.fromEntries(sessions.map((s) => [s.target.name, new SdkEksWriteGateway(s.clients, { callerPrincipalArn: s.caller.principalArn })]));
  const report = await applyPlan(
    job.plan,
    { gateways, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), now: () => Date.now() },
    { ...(job.concurrency === undefined ? {} : { concurrency: job.concurrency }), ...(job.propagationWindowMs === undefined ? {} : { propagationWindowMs: job.propagationWindowMs }) },
  );
  const { applied, adopted, skipped, failed } = report.summary;
  const firstFailure = report.results.find((r) => r.outcome === 'failed');
  return {
    ok: report.summary.ok,
    details: { applied, adopted, skipped, failed },
    ...(firstFailure ? { error: `${firstFailure.changeId}: ${firstFailure.error?.name ?? ''} ${firstFailure.error?.message ?? ''}` } : {}),
  };
}
