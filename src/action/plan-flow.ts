import { join } from 'node:path';
import { planLabels, syncPlanLabels, type PlanOutcome } from '../github/labels.js';
import { formatMarker, type Marker } from '../github/marker.js';
import { upsertStickyComment } from '../github/sticky-comment.js';
import type { Plan } from '../model/plan.js';
import { escapeMarkdownText, renderPlan } from '../render/index.js';
import { GITHUB_BODY_LIMIT } from '../github/constants.js';
import { COMMENT_MARGIN, Outputs } from './constants.js';
import { logPlanByCluster } from './cluster-logs.js';
import { markerKeys, planRequest, type FlowContext } from './context.js';
import { annotateDiagnostics, annotateFindings, diagnosticsOf, fitBody, planOutputs, renderDiagnosticsMarkdown, type ManifestProblem } from './report.js';

/** How a flow ended; run.ts turns `failed` into a failed step. */
export interface FlowResult {
  failed?: string;
}

/** The job summary takes up to 1 MiB per step; the full plan goes there. */
export const SUMMARY_LIMIT = 1_000_000;

/** Plans and reports: outputs, plan-json, annotations, job summary, and the sticky PR comment. */
export async function runPlanFlow(ctx: FlowContext): Promise<FlowResult> {
  const plan = await planOrReport(ctx);
  if (!plan) return { failed: `the manifest ${ctx.settings.manifest} has errors (see the annotations)` };

  await publishPlan(ctx, plan);
  await logPlanByCluster(ctx.io, plan);
  annotateFindings(ctx.io, plan, ctx.workspace);
  const title = `eks-identity plan · ${ctx.settings.manifest}`;
  await ctx.io.appendSummary(renderPlan(plan, 'markdown', { title, maxLength: SUMMARY_LIMIT }));

  const pr = ctx.event.pullRequest;
  if (pr && ctx.settings.comment) {
    // Each cluster's part rides along, for jobs that will apply only some clusters.
    const marker: Marker = {
      key: markerKeys.plan(ctx.settings.manifest, ctx.settings.clusters),
      fingerprint: plan.fingerprint,
      clusters: Object.fromEntries(plan.clusters.map((c) => [c.name, c.fingerprint])),
    };
    const result = await upsertStickyComment(ctx.github(), {
      owner: ctx.event.owner,
      repo: ctx.event.repo,
      issueNumber: pr.number,
      marker,
      body: planCommentBody(ctx, plan, title, formatMarker(marker).length),
      author: await ctx.login(),
    });
    ctx.io.info(`Plan comment ${result.action}: ${result.url}`);
    ctx.io.setOutput(Outputs.commentUrl, result.url);
  }
  if (pr && ctx.settings.labels) await labelPullRequest(ctx, pr.number, { creates: plan.summary.create, updates: plan.summary.update, replaces: plan.summary.replace, deletes: plan.summary.delete, errors: plan.summary.errors });

  if (plan.summary.errors > 0) {
    return { failed: `the plan has ${plan.summary.errors} error${plan.summary.errors === 1 ? '' : 's'}; apply would refuse it` };
  }
  return {};
}

/**
 * The PR comment: the plan cut to fit GitHub's limit, plus a link to the job summary. `reserved`
 * is the room the marker takes (it grows with the number of clusters).
 */
export function planCommentBody(ctx: FlowContext, plan: Plan, title: string, reserved = 0): string {
  const rendered = renderPlan(plan, 'markdown', { title, maxLength: GITHUB_BODY_LIMIT - COMMENT_MARGIN - reserved });
  return fitBody(`${rendered}\n\n${footer(ctx, plan.fingerprint)}`, truncatedNote(ctx), GITHUB_BODY_LIMIT - 200 - reserved);
}

/**
 * The plan labels, set from the same plan as the comment in the same run. A label failure (a
 * token without the right to create labels) is a warning: the plan and its comment stand.
 */
async function labelPullRequest(ctx: FlowContext, issueNumber: number, outcome: PlanOutcome): Promise<void> {
  try {
    const { added, removed } = await syncPlanLabels(ctx.github(), { owner: ctx.event.owner, repo: ctx.event.repo, issueNumber, wanted: planLabels(outcome) });
    if (added.length + removed.length > 0) ctx.io.info(`Labels on #${issueNumber}: ${[...added.map((l) => `+${l}`), ...removed.map((l) => `-${l}`)].join(' ')}`);
  } catch (error) {
    ctx.io.warning(`Could not update the labels of #${issueNumber}: ${error instanceof Error ? error.message : String(error)} (the token needs pull-requests: write; creating a label may need issues: write)`);
  }
}

export function footer(ctx: FlowContext, fingerprint?: string): string {
  const parts = [];
  if (ctx.event.runUrl) parts.push(`[Full output in the job summary](${ctx.event.runUrl})`);
  if (fingerprint) parts.push(`plan fingerprint \`${fingerprint.slice(0, 12)}\``);
  return parts.length > 0 ? `<sub>${parts.join(' · ')}</sub>` : '';
}

function truncatedNote(ctx: FlowContext): string {
  return ctx.event.runUrl ? `Truncated: see the [job summary](${ctx.event.runUrl}) for the full plan.` : 'Truncated: see the job summary for the full plan.';
}

/**
 * Plans (and releases the sessions: these modes apply nothing). An invalid manifest is reported (annotations, summary, PR comment,
 * outputs) and gives undefined; any other error propagates.
 */
export async function planOrReport(ctx: FlowContext): Promise<Plan | undefined> {
  try {
    return await ctx.ops.withPlan(planRequest(ctx), async (prepared) => prepared.plan);
  } catch (error) {
    const diagnostics = diagnosticsOf(error);
    if (!diagnostics) throw error;
    await reportInvalidManifest(ctx, diagnostics);
    return undefined;
  }
}

async function reportInvalidManifest(ctx: FlowContext, diagnostics: ManifestProblem[]): Promise<void> {
  const errors = annotateDiagnostics(ctx.io, diagnostics, ctx.workspace);
  ctx.io.setOutput(Outputs.hasChanges, 'false');
  ctx.io.setOutput(Outputs.errors, String(errors));
  const manifest = escapeMarkdownText(ctx.settings.manifest);
  const body = [
    `### ❌ eks-identity: the manifest ${manifest} is invalid`,
    '',
    `**${errors} error${errors === 1 ? '' : 's'}**: nothing was planned.`,
    '',
    renderDiagnosticsMarkdown(diagnostics, (t) => escapeMarkdownText(t), ctx.workspace),
  ].join('\n');
  await ctx.io.appendSummary(body);
  const pr = ctx.event.pullRequest;
  if (pr && ctx.settings.comment && ctx.mode === 'plan') {
    const result = await upsertStickyComment(ctx.github(), {
      owner: ctx.event.owner,
      repo: ctx.event.repo,
      issueNumber: pr.number,
      marker: { key: markerKeys.plan(ctx.settings.manifest, ctx.settings.clusters) },
      body: fitBody(`${body}\n\n${footer(ctx)}`, truncatedNote(ctx), GITHUB_BODY_LIMIT - 200),
      author: await ctx.login(),
    });
    ctx.io.setOutput(Outputs.commentUrl, result.url);
  }
  if (pr && ctx.settings.labels && ctx.mode === 'plan') await labelPullRequest(ctx, pr.number, { creates: 0, updates: 0, replaces: 0, deletes: 0, errors });
}

/** Outputs and the plan-json file. */
export async function publishPlan(ctx: FlowContext, plan: Plan): Promise<void> {
  for (const [name, value] of Object.entries(planOutputs(plan))) ctx.io.setOutput(name, value);
  const slug = ctx.settings.manifest.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'manifest';
  const path = join(ctx.tempDir, `eks-identity-plan-${slug}.json`);
  await ctx.writeFile(path, `${JSON.stringify(plan, null, 2)}\n`);
  ctx.io.setOutput(Outputs.planJson, path);
}
