import { renderPlan } from '../render/index.js';
import { closeDriftIssue, upsertDriftIssue } from '../github/drift-issue.js';
import { GITHUB_BODY_LIMIT } from '../github/constants.js';
import { COMMENT_MARGIN, Outputs } from './constants.js';
import { markerKeys, type FlowContext } from './context.js';
import { annotateFindings, fitBody, hasChanges } from './report.js';
import { footer, planOrReport, publishPlan, SUMMARY_LIMIT, type FlowResult } from './plan-flow.js';

/**
 * Drift check: plan; when live state no longer matches the manifest (changes or error findings),
 * fail and keep one open issue labelled eks-identity-drift up to date; close it once drift is gone.
 */
export async function runDriftFlow(ctx: FlowContext): Promise<FlowResult> {
  const plan = await planOrReport(ctx);
  if (!plan) return { failed: `the manifest ${ctx.settings.manifest} has errors (see the annotations)` };
  await publishPlan(ctx, plan);
  annotateFindings(ctx.io, plan, ctx.workspace);

  const title = `eks-identity drift · ${ctx.settings.manifest}`;
  await ctx.io.appendSummary(renderPlan(plan, 'markdown', { title, maxLength: SUMMARY_LIMIT }));
  const ref = {
    owner: ctx.event.owner,
    repo: ctx.event.repo,
    key: markerKeys.drift(ctx.settings.manifest, ctx.settings.clusters),
    author: await ctx.login(),
  };
  const drifted = hasChanges(plan) || plan.summary.errors > 0;
  if (!drifted) {
    const closed = await closeDriftIssue(ctx.github(), {
      ...ref,
      comment: `✅ No drift any more: live state matches the manifest. ${footer(ctx, plan.fingerprint)}`,
    });
    if (closed.action === 'closed') ctx.io.info(`Closed drift issue #${closed.number}`);
    ctx.io.info('No drift: live state matches the manifest.');
    return {};
  }

  const rendered = renderPlan(plan, 'markdown', { title, maxLength: GITHUB_BODY_LIMIT - COMMENT_MARGIN });
  const body = fitBody(
    `Live state no longer matches \`${ctx.settings.manifest.replace(/`/g, '')}\`. The plan below shows what apply would change.\n\n${rendered}\n\n${footer(ctx, plan.fingerprint)}`,
    'Truncated: see the job summary for the full plan.',
    GITHUB_BODY_LIMIT - 200,
  );
  const issue = await upsertDriftIssue(ctx.github(), { ...ref, title: `Drift detected: ${ctx.settings.manifest}`, body, fingerprint: plan.fingerprint });
  if (issue.url) ctx.io.setOutput(Outputs.commentUrl, issue.url);
  ctx.io.info(`Drift issue ${issue.action}: ${issue.url ?? ''}`);
  const s = plan.summary;
  return {
    failed: `drift detected: ${s.create} to create, ${s.update} to update, ${s.replace} to replace, ${s.delete} to delete, ${s.errors} errors (issue ${issue.url ?? 'not written'})`,
  };
}
