import { openBranchPullRequest } from '../github/branch-pull-request.js';
import type { Mode } from './constants.js';
import { GITHUB_BODY_LIMIT, Outputs } from './constants.js';
import { engineRequest, type FlowContext } from './context.js';
import { fitBody, planOutputs } from './report.js';
import { footer, SUMMARY_LIMIT, type FlowResult } from './plan-flow.js';

type MigrationMode = Extract<Mode, 'migrate-irsa' | 'migrate-aws-auth' | 'export'>;

/**
 * Migrations and export: the engine proposes a manifest; it is committed to a new branch and
 * opened as a pull request, so it is reviewed and applied like any other manifest change.
 */
export async function runMigrateFlow(ctx: FlowContext, mode: MigrationMode): Promise<FlowResult> {
  const outcome = await ctx.engine.migrate({
    ...engineRequest(ctx),
    mode,
    ...(ctx.settings.configmap === undefined ? {} : { configmap: ctx.settings.configmap }),
  });
  if (outcome.plan) {
    for (const [name, value] of Object.entries(planOutputs(outcome.plan))) ctx.io.setOutput(name, value);
  }
  const path = ctx.settings.migrationPath ?? outcome.path;
  await ctx.io.appendSummary(
    `### eks-identity ${mode}\n\n${outcome.descriptionMarkdown}\n\n<details><summary>${ctx.engine.escapeMarkdown(path)}</summary>\n\n\`\`\`yaml\n${outcome.manifestYaml.replace(/```/g, '`\u200b``')}\n\`\`\`\n\n</details>`.slice(0, SUMMARY_LIMIT),
  );

  const base = ctx.event.defaultBranch;
  if (!base) return { failed: 'the event payload does not name the default branch; cannot open a pull request' };
  const branch = `eks-identity/${mode}-${ctx.event.runId}`;
  const pr = await openBranchPullRequest(ctx.github(), {
    owner: ctx.event.owner,
    repo: ctx.event.repo,
    base,
    branch,
    files: [{ path, content: outcome.manifestYaml }],
    commitMessage: `eks-identity ${mode}: propose ${path}`,
    title: `eks-identity ${mode}: ${path}`,
    body: fitBody(`${outcome.descriptionMarkdown}\n\n${footer(ctx)}`, 'Truncated: see the job summary.', GITHUB_BODY_LIMIT - 200),
  });
  ctx.io.setOutput(Outputs.pullRequestUrl, pr.url);
  ctx.io.notice(`Opened pull request #${pr.number} with ${path}: ${pr.url}`);
  return {};
}
