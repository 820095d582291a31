import { findMergedPullRequest, readReviewedFingerprint, type MergedPullRequest } from '../github/pull-requests.js';
import { upsertStickyComment } from '../github/sticky-comment.js';
import type { ApplyReport } from '../apply/index.js';
import { ApplyRefusedError } from '../apply/refusal.js';
import type { PreparedPlan } from '../operations/index.js';
import { renderApplyReport } from '../render/apply-report.js';
import { escapeMarkdownText, renderPlan } from '../render/index.js';
import { GITHUB_BODY_LIMIT } from '../github/constants.js';
import { COMMENT_MARGIN, Outputs } from './constants.js';
import { logApplyByCluster, logPlanByCluster } from './cluster-logs.js';
import { markerKeys, planRequest, type FlowContext } from './context.js';
import type { ReviewSource } from './mode.js';
import { annotateDiagnostics, annotateFindings, diagnosticsOf, fitBody, hasChanges } from './report.js';
import { footer, publishPlan, SUMMARY_LIMIT, type FlowResult } from './plan-flow.js';

/** What the apply compares its fresh plan with. */
interface Review {
  pullRequest?: MergedPullRequest;
  fingerprint?: string;
  /** The reviewed plan's part of each cluster, when its comment recorded them. */
  clusters?: Record<string, string>;
  /** Why there is no fingerprint to compare (logged, and decisive with on-plan-change: fail). */
  missing?: string;
}

/**
 * Apply on merge: re-plan, compare with the plan reviewed on the merged pull request, apply, and
 * report on that pull request and in the job summary. Whether to apply is the operations' one
 * refusal policy; this flow only gathers the review and reports.
 */
export async function runApplyFlow(ctx: FlowContext, reviewSource: ReviewSource): Promise<FlowResult> {
  const review = reviewSource === 'merged-pull-request' ? await findReview(ctx) : {};
  let prepared: PreparedPlan;
  try {
    prepared = await ctx.ops.plan(planRequest(ctx));
  } catch (error) {
    const diagnostics = diagnosticsOf(error);
    if (!diagnostics) throw error;
    annotateDiagnostics(ctx.io, diagnostics, ctx.workspace);
    return { failed: `the manifest ${ctx.settings.manifest} has errors; nothing was applied` };
  }
  try {
    return await applyPrepared(ctx, prepared, review);
  } finally {
    prepared.close();
  }
}

async function applyPrepared(ctx: FlowContext, prepared: PreparedPlan, review: Review): Promise<FlowResult> {
  const plan = prepared.plan;
  await publishPlan(ctx, plan);
  await logPlanByCluster(ctx.io, plan);
  annotateFindings(ctx.io, plan, ctx.workspace);
  const planMarkdown = (maxLength: number) => renderPlan(plan, 'markdown', { title: `Plan · ${ctx.settings.manifest}`, maxLength });

  if (hasChanges(plan)) ctx.io.info(`Applying plan ${plan.fingerprint}`);
  let report: ApplyReport;
  try {
    ({ report } = await ctx.ops.apply(prepared, {
      ...reviewCheck(ctx, review),
      ...(review.missing !== undefined ? { reviewMissing: review.missing } : {}),
      onMismatch: ctx.settings.onPlanChange,
      deadline: ctx.timeLimit.deadline,
      onWarning: (message) => ctx.io.warning(`${message} (on-plan-change is "warn")`),
    }));
  } catch (error) {
    if (!ApplyRefusedError.refused(error)) throw error;
    const why = `${error.message}.${ctx.settings.onPlanChange === 'fail' && error.code !== 'PLAN_HAS_ERRORS' ? ' on-plan-change is "fail": review the new plan below and re-run, or set on-plan-change: warn.' : ''}`;
    await reportOn(ctx, review, `### ❌ eks-identity apply refused\n\n${escapeMarkdownText(why)}`, planMarkdown);
    return { failed: why };
  }

  await logApplyByCluster(ctx.io, report);
  if (report.results.length === 0) {
    await reportOn(ctx, review, '### ✅ eks-identity apply: no changes\n\nLive state already matches the manifest.', planMarkdown);
    return {};
  }
  const s = report.summary;
  const applied = s.applied + s.adopted;
  const heading = s.failed === 0
    ? `### ✅ eks-identity apply: ${applied} change${applied === 1 ? '' : 's'} applied`
    : `### ❌ eks-identity apply: ${s.failed} failed, ${applied} applied, ${s.skipped} skipped`;
  await reportOn(ctx, review, `${heading}\n\n${renderApplyReport(report, 'markdown')}`, planMarkdown);
  return s.failed === 0 ? {} : { failed: `${s.failed} change${s.failed === 1 ? '' : 's'} failed to apply (see the report)` };
}

async function findReview(ctx: FlowContext): Promise<Review> {
  const { owner, repo, sha } = ctx.event;
  const pullRequest = await findMergedPullRequest(ctx.github(), { owner, repo, sha });
  if (!pullRequest) return { missing: `no merged pull request contains commit ${sha.slice(0, 12)}` };
  ctx.io.info(`Commit ${sha.slice(0, 12)} was merged by pull request #${pullRequest.number}`);
  const read = async (clusters: readonly string[]) =>
    readReviewedFingerprint(ctx.github(), { owner, repo, issueNumber: pullRequest.number, key: markerKeys.plan(ctx.settings.manifest, clusters), author: await ctx.login() });
  // A job limited to some clusters takes the plan comment of the same selection (a plan matrix),
  // else the whole manifest's, whose marker holds every cluster's part.
  const selected = ctx.settings.clusters;
  const reviewed = (selected.length > 0 ? await read(selected) : undefined) ?? (await read([]));
  if (!reviewed) return { pullRequest, missing: `pull request #${pullRequest.number} has no eks-identity plan comment` };
  return { pullRequest, fingerprint: reviewed.fingerprint, ...(reviewed.clusters ? { clusters: reviewed.clusters } : {}) };
}

/**
 * What the refusal policy compares: with a clusters input, each selected cluster's own reviewed
 * part (other clusters may have moved since); else the whole plan's fingerprint.
 */
function reviewCheck(ctx: FlowContext, review: Review): { expectFingerprint?: string; expectClusterFingerprints?: Record<string, string> } {
  if (ctx.settings.clusters.length > 0 && review.clusters !== undefined) return { expectClusterFingerprints: review.clusters };
  return review.fingerprint !== undefined ? { expectFingerprint: review.fingerprint } : {};
}

/** The apply report: job summary (with the full plan) and a sticky comment on the merged pull request. */
async function reportOn(ctx: FlowContext, review: Review, text: string, planMarkdown: (maxLength: number) => string): Promise<void> {
  await ctx.io.appendSummary(`${text}\n\n${planMarkdown(SUMMARY_LIMIT)}`);
  const pr = review.pullRequest;
  if (!pr || !ctx.settings.comment) return;
  const room = GITHUB_BODY_LIMIT - COMMENT_MARGIN - text.length;
  const plan = room > 2_000 ? `\n\n<details><summary>Plan</summary>\n\n${planMarkdown(room - 100)}\n\n</details>` : '';
  const result = await upsertStickyComment(ctx.github(), {
    owner: ctx.event.owner,
    repo: ctx.event.repo,
    issueNumber: pr.number,
    marker: { key: markerKeys.apply(ctx.settings.manifest, ctx.settings.clusters) },
    body: fitBody(`${text}${plan}\n\n${footer(ctx)}`, 'Truncated: see the job summary for the full report.', GITHUB_BODY_LIMIT - 200),
    author: await ctx.login(),
  });
  ctx.io.info(`Apply report ${result.action} on #${pr.number}: ${result.url}`);
  ctx.io.setOutput(Outputs.commentUrl, result.url);
}
