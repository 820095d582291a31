import { AwsCallError } from '../aws/errors.js';
import { EksIdentityError } from '../errors.js';
import type { AccessPolicyValue, Change, Plan } from '../model/plan.js';
import { applyAccessEntryChange, applyAccessPolicyChange } from './execute-access.js';
import { applyAssociationChange } from './execute-association.js';
import { applyRoleChange } from './execute-role.js';
import { applyAddonAssociationChange } from './execute-addon.js';
import { applyAuthenticationModeChange, applyTrustPolicyChange } from './execute-cluster.js';
import { DeleteBudget, isClusterAdminPolicy } from './guards.js';
import { refusePlanWithErrors } from './refusal.js';
import { orderPlan, type Step, type Unit } from './order.js';
import { runUnits } from './scheduler.js';
import { DEFAULT_RETRY_POLICY } from './retry.js';
import { StepContext, StepFailure, type RunSettings, type StepOutcome } from './step-context.js';
import type { ApplyDeps, ApplyError, ApplyOptions, ApplyReport, ApplyResult, ApplySummary } from './types.js';

/**
 * Changes in flight at most. A ceiling, not the rate: each operation runs at the rate its pacer
 * finds (src/aws/pacer.ts), and the slots go to the operations with the most work waiting.
 */
export const DEFAULT_APPLY_CONCURRENCY = 32;
/** How long a refusal of a new IAM principal is retried as propagation (IAM changes reach EKS within seconds). */
export const DEFAULT_PROPAGATION_WINDOW_MS = 60_000;
export const DEFAULT_UPDATE_TIMEOUT_MS = 600_000;

/**
 * Executes a reviewed plan. Each change waits only for the changes it depends on (order.ts: the
 * authentication mode before access entries, an entry before its policies, access grants before
 * access removals); everything else runs side by side, at most `concurrency` changes in flight,
 * each operation at the rate its pacer finds. Every change ends with an outcome; one failure
 * never stops independent changes, only those that depend on it. Refuses a plan with error
 * findings.
 */
export async function applyPlan(plan: Plan, deps: ApplyDeps, options: ApplyOptions = {}): Promise<ApplyReport> {
  refusePlanWithErrors(plan);
  const order = orderPlan(plan);
  for (const step of order.steps) {
    if (!deps.gateways[step.clusterName]) {
      throw new EksIdentityError('APPLY_NO_GATEWAY', `No AWS gateway was given for cluster ${step.clusterName}`, { source: 'internal' });
    }
  }
  const random = deps.random ?? Math.random;
  const started = deps.now();
  const run: RunSettings = {
    fingerprint: plan.fingerprint,
    runId: deps.runId ?? `${started.toString(36)}-${Math.floor(random() * 2 ** 32).toString(36)}`,
    allowLockout: options.allowLockout ?? false,
    updateTimeoutMs: options.updateTimeoutMs ?? DEFAULT_UPDATE_TIMEOUT_MS,
    budget: new DeleteBudget(options.maxDeletes),
    adminGrantFailed: new Set(),
    clock: { sleep: deps.sleep, now: deps.now, random },
    policy: { ...DEFAULT_RETRY_POLICY, propagationWindowMs: options.propagationWindowMs ?? DEFAULT_PROPAGATION_WINDOW_MS },
    createDates: Object.fromEntries(plan.clusters.map((c) => [c.name, c.iamCreateDates ?? {}])),
    ...(options.deadline ? { deadline: options.deadline } : {}),
  };
  const emit = deps.onProgress ?? (() => undefined);
  emit({ type: 'start', total: order.steps.length });
  const deadline = options.deadline;
  // Writing now: a call cut off half-way through a replace would lose the object.
  deadline?.letCallsFinish();
  let notStarted = 0;

  const results: ApplyResult[] = new Array<ApplyResult>(order.steps.length);
  /** Clusters whose access-entry changes cannot run (the authentication-mode change did not go through). */
  const entriesBlocked = new Map<string, string>();

  const runStep = async (step: Step): Promise<ApplyResult> => {
    const { change, clusterName } = step;
    emit({ type: 'change-start', clusterName, changeId: change.id, kind: change.kind, action: change.action });
    const ctx = new StepContext(deps.gateways[clusterName]!, clusterName, change, run, (operation, notice) =>
      emit({ type: 'retry', clusterName, changeId: change.id, operation, ...notice }),
    );
    let result: ApplyResult;
    try {
      const outcome = await executeChange(ctx);
      result = resultOf(step, outcome, ctx.attempts);
    } catch (err) {
      result = { ...resultOf(step, { outcome: 'skipped' }, ctx.attempts), outcome: 'failed', error: applyErrorOf(err) };
    }
    return result;
  };

  const record = (step: Step, result: ApplyResult): void => {
    results[step.index] = result;
    const succeeded = result.outcome === 'applied' || result.outcome === 'adopted';
    if (!succeeded && step.change.kind === 'authenticationMode') {
      entriesBlocked.set(step.clusterName, `the authentication-mode change ${step.change.id} did not go through`);
    }
    if (!succeeded && grantsClusterAdmin(step.change)) run.adminGrantFailed.add(step.clusterName);
    emit({ type: 'change-end', result });
  };

  const runUnit = async (unit: Unit): Promise<void> => {
    let blocker: ApplyResult | undefined;
    for (const step of unit.steps) {
      const blockedReason = needsAccessEntries(step.change) ? entriesBlocked.get(step.clusterName) : undefined;
      if (deadline?.expired()) {
        notStarted += 1;
        record(step, resultOf(step, { outcome: 'skipped', reason: `not started: the time limit of ${deadline.describe()} had passed` }, 0));
      } else if (blockedReason !== undefined) {
        record(step, resultOf(step, { outcome: 'skipped', reason: blockedReason }, 0));
      } else if (unit.chain && blocker) {
        record(step, resultOf(step, { outcome: 'skipped', reason: `depends on ${blocker.changeId}, which ${blocker.outcome === 'failed' ? 'failed' : 'was skipped'}` }, 0));
      } else {
        record(step, await runStep(step));
      }
      const last = results[step.index]!;
      if (unit.chain && !blocker && last.outcome !== 'applied' && last.outcome !== 'adopted') blocker = last;
    }
  };

  await runUnits(order.units, options.concurrency ?? DEFAULT_APPLY_CONCURRENCY, runUnit);

  const summary = summarizeResults(results, deps.now() - started);
  if (deadline && notStarted > 0) summary.timedOut = { limitMs: deadline.timeoutMs, notStarted };
  emit({ type: 'done', summary });
  return { fingerprint: plan.fingerprint, results, summary };
}

function executeChange(ctx: StepContext): Promise<StepOutcome> {
  switch (ctx.change.kind) {
    case 'podIdentityAssociation':
      return applyAssociationChange(ctx);
    case 'accessEntry':
      return applyAccessEntryChange(ctx);
    case 'accessPolicy':
      return applyAccessPolicyChange(ctx);
    case 'trustPolicy':
      return applyTrustPolicyChange(ctx);
    case 'authenticationMode':
      return applyAuthenticationModeChange(ctx);
    case 'iamRole':
      return applyRoleChange(ctx);
    case 'addonAssociation':
      return applyAddonAssociationChange(ctx);
  }
}

function needsAccessEntries(change: Change): boolean {
  return change.kind === 'accessEntry' || change.kind === 'accessPolicy';
}

function grantsClusterAdmin(change: Change): boolean {
  if (change.kind !== 'accessPolicy' || change.action === 'delete' || change.action === 'unmanaged') return false;
  const after = change.after as AccessPolicyValue | undefined;
  return after !== undefined && isClusterAdminPolicy(after.policyArn) && after.scope.type === 'cluster';
}

function resultOf(step: Step, outcome: StepOutcome, attempts: number): ApplyResult {
  return {
    clusterName: step.clusterName,
    changeId: step.change.id,
    kind: step.change.kind,
    action: step.change.action,
    outcome: outcome.outcome,
    ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
    attempts,
  };
}

/** The facts of a failure worth reporting: AWS error name, status, request id and the operation. */
export function applyErrorOf(err: unknown): ApplyError {
  const operation = err instanceof StepFailure ? err.operation : 'Apply';
  const cause = err instanceof StepFailure ? err.lastError : err;
  if (AwsCallError.isAwsCallError(cause)) {
    // The service's own words: operation, error name, status and request id are fields of their own,
    // and the report prints each once.
    return {
      name: cause.errorName,
      message: cause.awsMessage,
      ...(cause.httpStatus === undefined ? {} : { status: cause.httpStatus }),
      ...(cause.requestId === undefined ? {} : { requestId: cause.requestId }),
      operation: cause.operation,
    };
  }
  if (EksIdentityError.is(cause)) return { name: cause.code, message: cause.message, operation };
  if (cause instanceof Error) return { name: cause.name, message: cause.message, operation };
  return { name: 'Error', message: String(cause), operation };
}

/** The counts of a report's results (also used to report a part of them, e.g. one cluster's). */
export function summarizeResults(results: readonly ApplyResult[], durationMs: number): ApplySummary {
  const count = (outcome: ApplyResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  const summary: Omit<ApplySummary, 'ok' | 'durationMs'> = { total: results.length, applied: count('applied'), adopted: count('adopted'), skipped: count('skipped'), failed: count('failed') };
  return { ...summary, ok: summary.skipped === 0 && summary.failed === 0, durationMs };
}
