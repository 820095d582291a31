import { findMergedPullRequest, readReviewedFingerprint, type MergedPullRequest } from '../github/pull-requests.js';
import { upsertStickyComment } from '../github/sticky-comment.js';
import type { Plan } from '../model/plan.js';
import { fingerprintMatches } from '../plan/fingerprint.js';
import { COMMENT_MARGIN, GITHUB_BODY_LIMIT, Outputs } from './constants.js';
import { engineRequest, markerKeys, type FlowContext } from './context.js';
import { diagnosticsOf, type PreparedApply } from './engine.js';
import type { ReviewSource } from './mode.js';
import { annotateDiagnostics, annotateFindings, fitBody, hasChanges } from './report.js';
import { footer, publishPlan, SUMMARY_LIMIT, type FlowResult } from './plan-flow.js';

/** What the apply compares its fresh plan with. */
interface Review {
  pullRequest?: MergedPullRequest;
  fingerprint?: string;
  /** Why there is no fingerprint to compare (logged, and decisive with on-plan-change: fail). */
  missing?: string;
}

/**
 * Apply on merge: re-plan, compare with the plan reviewed on the merged pull request, apply, and
 * report on that pull request and in the job summary.
 */
export async function runApplyFlow(ctx: FlowContext, reviewSource: ReviewSource): Promise<FlowResult> {
  const review = reviewSource === 'merged-pull-request' ? await findReview(ctx) : {};
  let prepared;
  try {
    prepared = await ctx.engine.prepareApply(engineRequest(ctx));
  } catch (error) {
    const diagnostics = diagnosticsOf(error);
    if (!diagnostics) throw error;
    annotateDiagnostics(ctx.io, diagnostics, ctx.workspace);
    return { failed: `the manifest ${ctx.settings.manifest} has errors; nothing was applied` };
  }
  try {
    return await applyPrepared(ctx, prepared, review);
  } finally {
    prepared.dispose();
  }
}

async function applyPrepared(ctx: FlowContext, prepared: PreparedApply, review: Review): Promise<FlowResult> {
  const plan = prepared.plan;
  await publishPlan(ctx, plan);
  annotateFindings(ctx.io, plan, ctx.workspace);
  const planMarkdown = (maxLength: number) => ctx.engine.renderPlanMarkdown(plan, { title: `Plan · ${ctx.settings.manifest}`, maxLength });

  const refusal = refusalOf(ctx, plan, review);
  if (refusal) {
    await report(ctx, review, `### ❌ eks-identity apply refused\n\n${refusal}`, planMarkdown);
    return { failed: refusal };
  }

  if (!hasChanges(plan)) {
    await report(ctx, review, '### ✅ eks-identity apply: no changes\n\nLive state already matches the manifest.', planMarkdown);
    return {};
  }

  ctx.io.info(`Applying plan ${plan.fingerprint}`);
  const outcome = await prepared.execute();
  const ok = outcome.failed === 0;
  const heading = ok
    ? `### ✅ eks-identity apply: ${outcome.applied} change${outcome.applied === 1 ? '' : 's'} applied`
    : `### ❌ eks-identity apply: ${outcome.failed} failed, ${outcome.applied} applied, ${outcome.skipped} skipped`;
  await report(ctx, review, `${heading}\n\n${outcome.markdown}`, planMarkdown);
  return ok ? {} : { failed: `${outcome.failed} change${outcome.failed === 1 ? '' : 's'} failed to apply (see the report)` };
}

async function findReview(ctx: FlowContext): Promise<Review> {
  const { owner, repo, sha } = ctx.event;
  const pullRequest = await findMergedPullRequest(ctx.github(), { owner, repo, sha });
  if (!pullRequest) return { missing: `no merged pull request contains commit ${sha.slice(0, 12)}` };
  ctx.io.info(`Commit ${sha.slice(0, 12)} was merged by pull request #${pullRequest.number}`);
  const reviewed = await readReviewedFingerprint(ctx.github(), {
    owner,
    repo,
    issueNumber: pullRequest.number,
    key: markerKeys.plan(ctx.settings.manifest),
    author: await ctx.login(),
  });
  if (!reviewed) return { pullRequest, missing: `pull request #${pullRequest.number} has no eks-identity plan comment` };
  return { pullRequest, fingerprint: reviewed.fingerprint };
}

/** Why the plan must not be applied, or undefined. A mismatch with `warn` only warns. */
function refusalOf(ctx: FlowContext, plan: Plan, review: Review): string | undefined {
  if (plan.summary.errors > 0) {
    return `The plan has ${plan.summary.errors} error finding${plan.summary.errors === 1 ? '' : 's'}; nothing was applied. Fix them and merge again, or re-run.`;
  }
  let mismatch: string | undefined;
  if (review.missing) {
    mismatch = `There is no reviewed plan to compare with: ${review.missing}.`;
  } else if (review.fingerprint !== undefined && !fingerprintMatches(review.fingerprint, plan.fingerprint)) {
    mismatch =
      `The plan changed since review: reviewed \`${review.fingerprint.slice(0, 12)}\`, now \`${plan.fingerprint.slice(0, 12)}\` ` +
      '(the live state or the manifest moved after the pull request was planned).';
  }
  if (!mismatch) return undefined;
  if (ctx.settings.onPlanChange === 'warn') {
    ctx.io.warning(`${mismatch} Applying anyway because on-plan-change is "warn".`);
    return undefined;
  }
  return `${mismatch} Nothing was applied because on-plan-change is "fail": review the new plan below and re-run, or set on-plan-change: warn.`;
}

/** The apply report: job summary (with the full plan) and a sticky comment on the merged pull request. */
async function report(ctx: FlowContext, review: Review, text: string, planMarkdown: (maxLength: number) => string): Promise<void> {
  await ctx.io.appendSummary(`${text}\n\n${planMarkdown(SUMMARY_LIMIT)}`);
  const pr = review.pullRequest;
  if (!pr || !ctx.settings.comment) return;
  const room = GITHUB_BODY_LIMIT - COMMENT_MARGIN - text.length;
  const plan = room > 2_000 ? `\n\n<details><summary>Plan</summary>\n\n${planMarkdown(room - 100)}\n\n</details>` : '';
  const result = await upsertStickyComment(ctx.github(), {
    owner: ctx.event.owner,
    repo: ctx.event.repo,
    issueNumber: pr.number,
    marker: { key: markerKeys.apply(ctx.settings.manifest) },
    body: fitBody(`${text}${plan}\n\n${footer(ctx)}`, 'Truncated: see the job summary for the full report.', GITHUB_BODY_LIMIT - 200),
    author: await ctx.login(),
  });
  ctx.io.info(`Apply report ${result.action} on #${pr.number}: ${result.url}`);
  ctx.io.setOutput(Outputs.commentUrl, result.url);
}
