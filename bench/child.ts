/**
 * A benchmark child process: runs one job against the emulator in the parent, so its peak RSS is
 * the tool's alone, and answers over IPC.
 */
import { readLiveState } from '../src/aws/reader.js';
import { closeClusterSessions, openClusterSessions, type ClusterSession } from '../src/aws/session.js';
import { runBaselineRefresh } from './baseline.js';
import type { ChildJob, ChildResult, JobAnswer, RetryMode } from './jobs.js';
import { CREDENTIALS, REGION } from './world.js';
import { runApplyJob, runPlanStep } from './child-steps.js';

function peakRssBytes(): number {
  // maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS * 1024;
}

async function openSessions(endpoint: string, clusters: Array<{ name: string; region: string }>, retryMode: RetryMode | undefined): Promise<ClusterSession[]> {
  return openClusterSessions(clusters, { credentials: CREDENTIALS, endpoints: { eks: endpoint, iam: endpoint, sts: endpoint }, ...(retryMode ? { retryMode } : {}) });
}

async function runJob(job: ChildJob): Promise<JobAnswer> {
  switch (job.kind) {
    case 'read': {
      const sessions = await openSessions(job.endpoint, job.desired.clusters, job.retryMode);
      try {
        const live = await readLiveState(sessions, job.desired);
        const details: Record<string, number | string> = {
          associations: live.clusters.reduce((n, c) => n + c.associations.length, 0),
          accessEntries: live.clusters.reduce((n, c) => n + c.accessEntries.length, 0),
        };
        if (job.plan) Object.assign(details, runPlanStep(job.desired, live));
        return { ok: true, details };
      } finally {
        closeClusterSessions(sessions);
      }
    }
    case 'baseline': {
      const sessions = await openSessions(job.endpoint, [{ name: 'baseline', region: REGION }], job.retryMode);
      try {
        const result = await runBaselineRefresh(sessions[0]!.clients, job.objects, job.parallelism);
        return { ok: result.failed === 0, details: { read: result.read, failed: result.failed }, ...(result.firstError ? { error: result.firstError } : {}) };
      } finally {
        closeClusterSessions(sessions);
      }
    }
    case 'apply': {
      const clusters = job.plan.clusters.map((c) => ({ name: c.name, region: c.region }));
      const sessions = await openSessions(job.endpoint, clusters, job.retryMode);
      try {
        return await runApplyJob(sessions, job);
      } finally {
        closeClusterSessions(sessions);
      }
    }
  }
}

process.once('message', (job: ChildJob) => {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  runJob(job)
    .catch((err: unknown) => ({ ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err), details: {} }))
    .then((result) => {
      const cpu = process.cpuUsage(cpuBefore);
      const answer: ChildResult = { ...result, wallMs: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, peakRssBytes: peakRssBytes() };
      process.send?.(answer, () => process.exit(0));
    });
});
