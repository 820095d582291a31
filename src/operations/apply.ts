/** apply: the one path from a plan to AWS, behind the one refusal policy. */
import { ApplyRefusedError, applyPlan, refuseUnreviewedPlan, type ApplyReport } from '../apply/index.js';
import { SdkEksWriteGateway } from '../aws/gateway.js';
import { EksIdentityError } from '../errors.js';
import type { Plan } from '../model/plan.js';
import { plan as planManifest } from './plan.js';
import { PreparedPlan } from './prepared-plan.js';
import type { Proposal } from './proposal.js';
import type { ApplyOptions, PlanRequest } from './requests.js';

export interface ApplyOutcome {
  /** The plan that was applied. */
  plan: Plan;
  report: ApplyReport;
}

/**
 * Applies a prepared plan, a migration's proposal, or a manifest (planned first). Refuses, before
 * any write, a plan with error findings and a plan that is not the reviewed one
 * (`expectFingerprint`); a refusal is an ApplyRefusedError that carries the plan.
 */
export async function apply(target: PreparedPlan | Proposal | PlanRequest, options: ApplyOptions = {}): Promise<ApplyOutcome> {
  if (target instanceof PreparedPlan) return applyPrepared(target, options);
  if (isProposal(target)) {
    if (!target.prepared) {
      throw new EksIdentityError('PROPOSAL_NOT_PLANNED', 'this proposal has no plan (it was made offline), so there is nothing to apply', {
        fix: 'run the migration with AWS access (without --offline)',
      });
    }
    return applyPrepared(target.prepared, options);
  }
  const prepared = await planManifest({
    ...target,
    ...(options.prune !== undefined ? { prune: options.prune } : {}),
    ...(options.maxDeletes !== undefined ? { maxDeletes: options.maxDeletes } : {}),
    ...(options.allowLockout !== undefined ? { allowLockout: options.allowLockout } : {}),
  });
  try {
    const deadline = options.deadline ?? target.aws?.deadline;
    return await applyPrepared(prepared, deadline ? { ...options, deadline } : options);
  } finally {
    prepared.close();
  }
}

async function applyPrepared(prepared: PreparedPlan, options: ApplyOptions): Promise<ApplyOutcome> {
  if (prepared.isClosed) throw new EksIdentityError('PLAN_CLOSED', 'the prepared plan was closed before apply', { source: 'internal' });
  const { plan } = prepared;
  const { warning } = refuseUnreviewedPlan(plan, options);
  if (warning) options.onWarning?.(`${warning}; applying anyway`);
  const gateways = Object.fromEntries(
    prepared.sessions.map((s) => [s.target.name, new SdkEksWriteGateway(s.clients, { callerPrincipalArn: s.caller.principalArn })]),
  );
  const maxDeletes = options.maxDeletes ?? prepared.guards.maxDeletes;
  const allowLockout = options.allowLockout ?? prepared.guards.allowLockout;
  const report = await applyPlan(
    plan,
    {
      gateways,
      sleep: options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms))),
      now: options.now ?? Date.now,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
    {
      ...(maxDeletes !== undefined ? { maxDeletes } : {}),
      ...(allowLockout !== undefined ? { allowLockout } : {}),
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      ...(options.deadline ? { deadline: options.deadline } : {}),
    },
  );
  return { plan, report };
}

function isProposal(value: object): value is Proposal {
  return 'files' in value && 'clusters' in value && Array.isArray((value as Proposal).files);
}

export { ApplyRefusedError };
