/** `eks-identity apply`: re-plan, check the plan against the reviewed one, and execute it. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { applyPlan, type ApplyEvent, type ApplyReport } from '../../apply/index.js';
import { SdkEksWriteGateway, type EksWriteGateway } from '../../aws/gateway.js';
import { createProgressReporter } from '../../aws/progress.js';
import { closeClusterSessions, type ClusterSession } from '../../aws/session.js';
import type { PlanRequest, PlanResult } from '../../engine.js';
import { EksIdentityError } from '../../errors.js';
import type { Plan } from '../../model/plan.js';
import { fingerprintMatches, fingerprintPrefixProblem } from '../../plan/fingerprint.js';
import { renderApplyReport } from '../../render/apply-report.js';
import { renderPlan } from '../../render/index.js';
import { parseCommandArgs, parseFormat, parsePositiveInt } from '../args.js';
import type { CliCommand, CliIo } from '../io.js';

const USAGE = `Usage: eks-identity apply [--manifest PATH] [options]

Reads live state again, computes the plan, and applies it: access entries before their policy
associations, access grants before access removals, everything else side by side at the rate
EKS allows; retries while IAM changes propagate. A plan with error findings is never applied.
Exit code 0 only when every change was applied.

Options:
  --manifest PATH              manifest file, directory or glob (default: eks-identity.yaml)
  --cluster NAME               only this cluster (repeatable)
  --expect-fingerprint F       refuse unless the plan's fingerprint is F or starts with F (12+ hex characters, as plans print it)
  --max-deletes N              refuse a plan with more than N deletes and replacements (default 10)
  --allow-lockout              allow removing the caller's own access or the last cluster admin
  --prune                      delete live objects the manifest does not declare
  --concurrency N              changes in flight at most (default 32; the rate is found per operation)
  --format text|json           report format (default text)
  --plan-out FILE              also write the plan that is applied, as JSON
`;

/** What the command needs from the rest of the tool; tests pass their own. */
export interface ApplyCommandDeps {
  planManifest(request: PlanRequest): Promise<PlanResult>;
  gatewayFor(session: ClusterSession): EksWriteGateway;
  closeSessions(sessions: ClusterSession[]): void;
  sleep(ms: number): Promise<void>;
  now(): number;
}

const defaultDeps: ApplyCommandDeps = {
  planManifest: async (request) => (await import('../../engine.js')).planManifest(request),
  gatewayFor: (session) => new SdkEksWriteGateway(session.clients, { callerPrincipalArn: session.caller.principalArn }),
  closeSessions: closeClusterSessions,
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
  now: Date.now,
};

export async function runApplyCommand(argv: string[], io: CliIo, deps: ApplyCommandDeps = defaultDeps): Promise<number> {
  const { values } = parseCommandArgs('apply', argv, {
    manifest: { type: 'string', default: 'eks-identity.yaml' },
    cluster: { type: 'string', multiple: true },
    'expect-fingerprint': { type: 'string' },
    'max-deletes': { type: 'string' },
    'allow-lockout': { type: 'boolean' },
    prune: { type: 'boolean' },
    concurrency: { type: 'string' },
    format: { type: 'string' },
    'plan-out': { type: 'string' },
  });
  const format = parseFormat('apply', values.format, ['text', 'json']);
  const maxDeletes = parsePositiveInt('apply', '--max-deletes', values['max-deletes']);
  const concurrency = parsePositiveInt('apply', '--concurrency', values.concurrency);
  const allowLockout = values['allow-lockout'] === true;

  const planned = await deps.planManifest({
    manifest: values.manifest ?? 'eks-identity.yaml',
    cwd: io.cwd,
    ...(values.cluster ? { clusters: values.cluster } : {}),
    ...(values.prune ? { prune: true } : {}),
    ...(maxDeletes === undefined ? {} : { maxDeletes }),
    allowLockout,
    progress: createProgressReporter({ write: io.stderr, isTTY: io.isTTY }, { now: deps.now }),
  });
  try {
    const { plan } = planned;
    if (values['plan-out']) await writeFile(resolve(io.cwd, values['plan-out']), `${JSON.stringify(plan, null, 2)}\n`);
    if (plan.summary.errors > 0) io.stderr(renderPlan(plan, 'text'));
    refuseUnapplicable(plan, values['expect-fingerprint']);

    const gateways = Object.fromEntries(planned.sessions.map((s) => [s.target.name, deps.gatewayFor(s)]));
    const report = await applyPlan(
      plan,
      { gateways, sleep: deps.sleep, now: deps.now, onProgress: progressLines(io, plan) },
      { allowLockout, ...(maxDeletes === undefined ? {} : { maxDeletes }), ...(concurrency === undefined ? {} : { concurrency }) },
    );
    io.stdout(renderApplyReport(report, format, { color: format === 'text' && io.isTTY }));
    return exitCodeOf(report);
  } finally {
    deps.closeSessions(planned.sessions);
  }
}

/** A plan with error findings, or another plan than the one reviewed, is not applied. */
function refuseUnapplicable(plan: Plan, expected: string | undefined): void {
  const errors = plan.clusters.flatMap((c) => c.findings.filter((f) => f.severity === 'error').map((f) => `${c.name}: ${f.code}${f.key ? ` (${f.key})` : ''}: ${f.message}`));
  if (errors.length > 0) {
    throw new EksIdentityError('PLAN_HAS_ERRORS', `the plan has ${errors.length} error finding(s), nothing was applied:\n  ${errors.join('\n  ')}`, {
      fix: 'run "eks-identity plan" and fix each error (or pass the override it names, such as --allow-lockout or --max-deletes)',
    });
  }
  const problem = expected === undefined ? undefined : fingerprintPrefixProblem(expected);
  if (problem !== undefined) throw new EksIdentityError('INVALID_FINGERPRINT', `--expect-fingerprint: ${problem}`, { fix: 'pass the fingerprint the reviewed plan printed (12 or more hex characters)' });
  if (expected !== undefined && !fingerprintMatches(expected, plan.fingerprint)) {
    throw new EksIdentityError('PLAN_CHANGED', `the plan changed since review: expected ${expected}, got ${plan.fingerprint} — re-run plan`, {
      fix: 'review the new plan ("eks-identity plan") and apply with its fingerprint',
    });
  }
}

/** One stderr line per finished change (and per retry), numbered, so logs show progress and problems as they happen. */
function progressLines(io: CliIo, plan: Plan): (event: ApplyEvent) => void {
  let done = 0;
  let total = 0;
  return (event) => {
    if (event.type === 'start') {
      total = event.total;
      io.stderr(total === 0 ? 'Nothing to apply.\n' : `Applying ${total} change(s) of plan ${plan.fingerprint.slice(0, 12)}\n`);
    } else if (event.type === 'change-end') {
      done++;
      const r = event.result;
      const why = r.error ? `: ${r.error.operation} ${r.error.name}` : r.reason && r.outcome !== 'applied' ? `: ${r.reason}` : '';
      io.stderr(`[${done}/${total}] ${r.outcome} ${r.action} ${r.clusterName} ${r.changeId}${why}\n`);
    } else if (event.type === 'retry') {
      io.stderr(`  retrying ${event.operation} for ${event.clusterName} ${event.changeId} in ${event.delayMs} ms (${event.reason})\n`);
    }
  };
}

export function exitCodeOf(report: ApplyReport): number {
  return report.summary.ok ? 0 : 1;
}

export const applyCommand: CliCommand = {
  summary: 'apply the manifest: re-plan, check the reviewed fingerprint, execute in order with retries',
  usage: USAGE,
  run: (argv, io) => runApplyCommand(argv, io),
};
