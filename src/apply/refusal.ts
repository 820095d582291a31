/**
 * When a plan must not be applied: the one policy. applyPlan refuses error findings with it, and
 * the operations layer adds the review check (the fingerprint of the plan a person approved).
 */
import { EksIdentityError } from '../errors.js';
import type { Plan } from '../model/plan.js';
import { compareClusterFingerprints, fingerprintMatches, fingerprintPrefixProblem } from '../plan/fingerprint.js';

export interface ReviewCheck {
  /** Fingerprint of the reviewed plan (or a prefix of 12+ hex characters): a plan with another fingerprint is refused. */
  expectFingerprint?: string;
  /**
   * The reviewed plan's part of each cluster (clusters[].fingerprint, or 12+ hex prefixes), for an
   * apply limited to some clusters: each cluster of the plan must match its own reviewed part, so
   * other clusters' changes since review do not matter. Takes the place of expectFingerprint.
   */
  expectClusterFingerprints?: Readonly<Record<string, string>>;
  /** Why there is no reviewed fingerprint to compare with; treated as a mismatch. */
  reviewMissing?: string;
  /** What a mismatch (or a missing review) does: refuse (default) or only warn. */
  onMismatch?: 'fail' | 'warn';
}

/** An apply that was refused before any change; carries the plan so front ends can show it. */
export class ApplyRefusedError extends EksIdentityError {
  readonly plan: Plan;
  constructor(code: 'PLAN_HAS_ERRORS' | 'PLAN_CHANGED' | 'PLAN_NOT_REVIEWED', plan: Plan, message: string, fix: string) {
    super(code, message, { fix });
    this.plan = plan;
  }

  /** Survives bundling: the bundle may hold this class twice. */
  static refused(value: unknown): value is ApplyRefusedError {
    return EksIdentityError.is(value) && REFUSAL_CODES.has(value.code) && 'plan' in value;
  }
}

const REFUSAL_CODES = new Set(['PLAN_HAS_ERRORS', 'PLAN_CHANGED', 'PLAN_NOT_REVIEWED']);

const LISTED_ERRORS = 20;

/** Throws when the plan has error findings: nothing of such a plan is applied. */
export function refusePlanWithErrors(plan: Plan): void {
  const errors = plan.clusters.flatMap((c) => c.findings.filter((f) => f.severity === 'error').map((f) => `${c.name}: ${f.code}${f.key ? ` (${f.key})` : ''}: ${f.message}`));
  if (errors.length === 0) return;
  const listed = errors.slice(0, LISTED_ERRORS).join('\n  ');
  const more = errors.length > LISTED_ERRORS ? `\n  … and ${errors.length - LISTED_ERRORS} more` : '';
  throw new ApplyRefusedError('PLAN_HAS_ERRORS', plan, `the plan has ${errors.length} error finding(s), so nothing was applied:\n  ${listed}${more}`,
    'run plan and fix each error finding (or pass the override it names, such as --allow-lockout or --max-deletes), then apply again');
}

/**
 * Refuses a plan with error findings, or one that is not the reviewed plan. With
 * `onMismatch: 'warn'` a mismatch is returned as a warning instead of thrown.
 */
export function refuseUnreviewedPlan(plan: Plan, review: ReviewCheck = {}): { warning?: string } {
  const problem = review.expectFingerprint === undefined ? undefined : fingerprintPrefixProblem(review.expectFingerprint);
  if (problem !== undefined) {
    throw new EksIdentityError('INVALID_FINGERPRINT', `expected fingerprint: ${problem}`, { fix: 'pass the fingerprint the reviewed plan printed (12 or more hex characters)' });
  }
  refusePlanWithErrors(plan);
  let mismatch: { code: 'PLAN_CHANGED' | 'PLAN_NOT_REVIEWED'; message: string } | undefined;
  const moved = review.expectClusterFingerprints === undefined ? [] : compareClusterFingerprints(review.expectClusterFingerprints, plan.clusters);
  if (review.expectClusterFingerprints !== undefined) {
    if (moved.length > 0) {
      const which = moved.map((m) => (m.reviewed === undefined ? `${m.cluster} (not in the reviewed plan)` : `${m.cluster} (reviewed ${m.reviewed.slice(0, 12)}, now ${m.actual.slice(0, 12)})`));
      mismatch = { code: 'PLAN_CHANGED', message: `the plan of ${which.join(', ')} changed since review (the live state or the manifest moved after the plan was reviewed, a partial apply of that plan included)` };
    }
  } else if (review.expectFingerprint !== undefined && !fingerprintMatches(review.expectFingerprint, plan.fingerprint)) {
    mismatch = {
      code: 'PLAN_CHANGED',
      message: `the plan changed since review: reviewed ${review.expectFingerprint}, now ${plan.fingerprint} (the live state or the manifest moved after the plan was reviewed, a partial apply of that plan included)`,
    };
  } else if (review.expectFingerprint === undefined && review.reviewMissing !== undefined) {
    mismatch = { code: 'PLAN_NOT_REVIEWED', message: `there is no reviewed plan to compare with: ${review.reviewMissing}` };
  }
  if (!mismatch) return {};
  if (review.onMismatch === 'warn') return { warning: mismatch.message };
  throw new ApplyRefusedError(mismatch.code, plan, `${mismatch.message}; nothing was applied`, 'review the new plan and apply it with its fingerprint (after a partial apply, the new plan holds only what is left)');
}
