/** Plan and apply steps of a benchmark child. */
import { applyPlan } from '../src/apply/index.js';
import { SdkEksWriteGateway } from '../src/aws/gateway.js';
import type { ClusterSession } from '../src/aws/session.js';
import type { DesiredState } from '../src/model/desired.js';
import type { LiveState } from '../src/model/live.js';
import type { ChildJob, ChildResult } from './jobs.js';

/** The planner runs here once it is part of the library; until then the read is the whole plan. */
export async function runPlanStep(_desired: DesiredState, _live: LiveState): Promise<Record<string, number>> {
  return {};
}

export async function runApplyJob(sessions: ClusterSession[], job: Extract<ChildJob, { kind: 'apply' }>): Promise<Omit<ChildResult, 'wallMs' | 'peakRssBytes'>> {
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
