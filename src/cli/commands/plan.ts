import { createProgressReporter } from '../../aws/progress.js';
import { parseTimeout } from '../../aws/deadline.js';
import { plan, startTimeLimit, type PlanRequest } from '../../operations/index.js';
import type { Plan } from '../../model/plan.js';
import { renderPlan } from '../../render/index.js';
import { parseCommandArgs, parseFormat, parsePositiveInt, pruneOf, PRUNE_OPTIONS, withPruneMode, type OutputFormat } from '../args.js';
import type { CliCommand, CliIo } from '../io.js';
import { checkOutputFile, writeOutputFile } from '../output-file.js';

const USAGE = `Usage: eks-identity plan [--manifest PATH] [options]

Reads the live state of every cluster the manifest declares and shows what apply would change,
with the safety findings (errors block apply). Makes no change.

Options:
  --manifest PATH          manifest file, directory or glob (default: eks-identity.yaml)
  --cluster NAME           only this cluster (repeatable)
  --format FORMAT          text (default), markdown or json (the Plan object)
  --out FILE               also write the plan as JSON to FILE (for apply --expect-fingerprint)
  --detailed-exitcode      exit 0 when there is nothing to change, 2 when there are changes, 1 on errors
  --prune [owned]          plan deletes of live objects the manifest does not declare (owned: only
                           those tagged with the manifest's owner)
  --max-deletes N          error when the plan deletes or replaces more than N objects (default 10)
  --allow-lockout          do not block changes that remove your own access or the last cluster admin
  --concurrency N          describe calls in flight per cluster (default 32)
  --timeout DURATION       stop and fail after this long, naming the call that did not answer
                           (seconds, or with s, m or h; default 30m)

Exit codes: 0 planned (no error findings), 1 error findings or failure; with --detailed-exitcode,
2 when the plan has changes.
`;

export const OPTIONS = {
  manifest: { type: 'string', default: 'eks-identity.yaml' },
  cluster: { type: 'string', multiple: true },
  format: { type: 'string' },
  out: { type: 'string' },
  'detailed-exitcode': { type: 'boolean' },
  ...PRUNE_OPTIONS,
  'max-deletes': { type: 'string' },
  'allow-lockout': { type: 'boolean' },
  concurrency: { type: 'string' },
  timeout: { type: 'string' },
} as const;

/** The plan request the plan-like commands share, from parsed options. */
export function planRequestFrom(command: string, values: ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values'], io: CliIo): PlanRequest {
  const maxDeletes = parsePositiveInt(command, '--max-deletes', values['max-deletes']);
  const concurrency = parsePositiveInt(command, '--concurrency', values.concurrency);
  const limit = startTimeLimit(values.timeout === undefined ? undefined : parseTimeout(values.timeout, `${command}: --timeout`));
  return {
    manifest: values.manifest ?? 'eks-identity.yaml',
    cwd: io.cwd,
    ...(values.cluster ? { clusters: values.cluster } : {}),
    ...pruneOf(values),
    ...(maxDeletes !== undefined ? { maxDeletes } : {}),
    ...(values['allow-lockout'] ? { allowLockout: true } : {}),
    ...(concurrency ? { concurrency } : {}),
    progress: createProgressReporter({ write: io.stderr, isTTY: io.isTTY }, { status: limit.status }),
    aws: { deadline: limit.deadline, watch: limit.watch },
  };
}

/** Exit code of a plan: 1 on error findings; with detailed exit codes, 2 when there are changes. */
export function planExitCode(plan: Plan, detailed: boolean): number {
  if (plan.summary.errors > 0) return 1;
  const changes = plan.summary.create + plan.summary.update + plan.summary.replace + plan.summary.delete;
  return detailed && changes > 0 ? 2 : 0;
}

export async function printPlan(plan: Plan, format: OutputFormat, io: CliIo, outFile?: string): Promise<void> {
  if (outFile) await writeOutputFile(io.cwd, outFile, `${renderPlan(plan, 'json')}\n`, '--out');
  // A terminal or a file gets the whole plan: only PR comments are cut to fit.
  io.stdout(`${renderPlan(plan, format, { color: io.isTTY && format === 'text', maxLength: Number.POSITIVE_INFINITY }).trimEnd()}\n`);
}

export const planCommand: CliCommand = {
  summary: 'show what apply would change, with safety findings',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs('plan', withPruneMode('plan', argv), OPTIONS);
    const format = parseFormat('plan', values.format, ['text', 'markdown', 'json']);
    await checkOutputFile(io.cwd, values.out, '--out');
    await using prepared = await plan(planRequestFrom('plan', values, io));
    await printPlan(prepared.plan, format, io, values.out);
    return planExitCode(prepared.plan, values['detailed-exitcode'] ?? false);
  },
};
