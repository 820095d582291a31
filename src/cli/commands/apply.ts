/** `eks-identity apply`: re-plan, check the plan against the reviewed one, and execute it. */
import type { ApplyEvent, ApplyReport } from '../../apply/index.js';
import { createProgressReporter } from '../../aws/progress.js';
import type { Plan } from '../../model/plan.js';
import { parseTimeout } from '../../aws/deadline.js';
import { apply, ApplyRefusedError, plan as planManifest, startTimeLimit } from '../../operations/index.js';
import { renderApplyReport } from '../../render/apply-report.js';
import { renderPlan } from '../../render/index.js';
import { parseCommandArgs, parseFingerprint, parseFormat, parsePositiveInt, pruneOf, PRUNE_OPTIONS, withPruneMode } from '../args.js';
import type { CliCommand, CliIo } from '../io.js';
import { checkOutputFile, writeOutputFile } from '../output-file.js';

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
  --prune [owned]              delete live objects the manifest does not declare (owned: only those
                               tagged with the manifest's owner)
  --concurrency N              changes in flight at most (default 32; the rate is found per operation)
  --timeout DURATION           time limit of the run (seconds, or with s, m or h; default 30m): reading
                               stops with an error naming the call that did not answer; applying
                               starts no new change, lets those in flight finish and reports the rest
  --format text|json           report format (default text)
  --plan-out FILE              also write the plan that is applied, as JSON
`;

/** What the command needs besides the operations; tests pass their own clock. */
export interface ApplyCommandDeps {
  sleep(ms: number): Promise<void>;
  now(): number;
}

const defaultDeps: ApplyCommandDeps = {
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
  now: Date.now,
};

export async function runApplyCommand(argv: string[], io: CliIo, deps: ApplyCommandDeps = defaultDeps): Promise<number> {
  const { values } = parseCommandArgs('apply', withPruneMode('apply', argv), {
    manifest: { type: 'string', default: 'eks-identity.yaml' },
    cluster: { type: 'string', multiple: true },
    'expect-fingerprint': { type: 'string' },
    'max-deletes': { type: 'string' },
    'allow-lockout': { type: 'boolean' },
    ...PRUNE_OPTIONS,
    concurrency: { type: 'string' },
    timeout: { type: 'string' },
    format: { type: 'string' },
    'plan-out': { type: 'string' },
  });
  const format = parseFormat('apply', values.format, ['text', 'json']);
  const maxDeletes = parsePositiveInt('apply', '--max-deletes', values['max-deletes']);
  const concurrency = parsePositiveInt('apply', '--concurrency', values.concurrency);
  parseFingerprint(values['expect-fingerprint']);
  await checkOutputFile(io.cwd, values['plan-out'], '--plan-out');
  const limit = startTimeLimit(values.timeout === undefined ? undefined : parseTimeout(values.timeout, 'apply: --timeout'));

  await using prepared = await planManifest({
    manifest: values.manifest ?? 'eks-identity.yaml',
    cwd: io.cwd,
    ...(values.cluster ? { clusters: values.cluster } : {}),
    ...pruneOf(values),
    ...(maxDeletes === undefined ? {} : { maxDeletes }),
    allowLockout: values['allow-lockout'] === true,
    progress: createProgressReporter({ write: io.stderr, isTTY: io.isTTY }, { now: deps.now, status: limit.status }),
    aws: { deadline: limit.deadline, watch: limit.watch },
  });
  const { plan } = prepared;
  if (values['plan-out']) await writeOutputFile(io.cwd, values['plan-out'], `${JSON.stringify(plan, null, 2)}\n`, '--plan-out');
  let report: ApplyReport;
  try {
    ({ report } = await apply(prepared, {
      ...(values['expect-fingerprint'] !== undefined ? { expectFingerprint: values['expect-fingerprint'] } : {}),
      ...(concurrency === undefined ? {} : { concurrency }),
      deadline: limit.deadline,
      sleep: deps.sleep,
      now: deps.now,
      onProgress: progressLines(io, plan),
    }));
  } catch (err) {
    if (ApplyRefusedError.refused(err) && err.code === 'PLAN_HAS_ERRORS') io.stderr(renderPlan(plan, 'text'));
    throw err;
  }
  io.stdout(renderApplyReport(report, format, { color: format === 'text' && io.isTTY }));
  return exitCodeOf(report);
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
