import { openBranchPullRequest } from '../github/branch-pull-request.js';
import type { Mode } from './constants.js';
import { GITHUB_BODY_LIMIT, Outputs } from './constants.js';
import { engineRequest, type FlowContext } from './context.js';
import { fitBody, planOutputs } from './report.js';
import { footer, SUMMARY_LIMIT, type FlowResult } from './plan-flow.js';

/** Where proposed manifests go when the migration-path input is empty. */
export const DEFAULT_MIGRATION_DIRECTORY = 'eks-identity-migrations';

type MigrationMode = Extract<Mode, 'migrate-irsa' | 'migrate-aws-auth' | 'export'>;

/**
 * Migrations and export: the engine proposes a manifest; it is committed to a new branch and
 * opened as a pull request, so it is reviewed and applied like any other manifest change.
 */
export async function runMigrateFlow(ctx: FlowContext, mode: MigrationMode): Promise<FlowResult> {
  const outcome = await ctx.engine.migrate({
    ...engineRequest(ctx),
    mode,
    directory: (ctx.settings.migrationPath ?? DEFAULT_MIGRATION_DIRECTORY).replace(/\/+$/, ''),
    ...(ctx.settings.configmap === undefined ? {} : { configmap: ctx.settings.configmap }),
  });
  if (outcome.plan) {
    for (const [name, value] of Object.entries(planOutputs(outcome.plan))) ctx.io.setOutput(name, value);
  }
  if (outcome.files.length === 0) {
    ctx.io.notice(`eks-identity ${mode}: nothing to propose`);
    await ctx.io.appendSummary(`### eks-identity ${mode}\n\n${outcome.descriptionMarkdown}`);
    return {};
  }
  const sections = outcome.files.map(
    (f) => `<details><summary>${ctx.engine.escapeMarkdown(f.path)}</summary>\n\n\`\`\`yaml\n${f.content.replace(/```/g, '`\u200b``')}\n\`\`\`\n\n</details>`,
  );
  await ctx.io.appendSummary(`### eks-identity ${mode}\n\n${outcome.descriptionMarkdown}\n\n${sections.join('\n\n')}`.slice(0, SUMMARY_LIMIT));
  const paths = outcome.files.map((f) => f.path).join(', ');

  const base = ctx.event.defaultBranch;
  if (!base) return { failed: 'the event payload does not name the default branch; cannot open a pull request' };
  const branch = `eks-identity/${mode}-${ctx.event.runId}`;
  const pr = await openBranchPullRequest(ctx.github(), {
    owner: ctx.event.owner,
    repo: ctx.event.repo,
    base,
    branch,
    files: outcome.files,
    commitMessage: `eks-identity ${mode}: propose ${paths}`,
    title: `eks-identity ${mode}: ${paths}`.slice(0, 250),
    body: fitBody(`${outcome.descriptionMarkdown}\n\n${footer(ctx)}`, 'Truncated: see the job summary.', GITHUB_BODY_LIMIT - 200),
  });
  ctx.io.setOutput(Outputs.pullRequestUrl, pr.url);
  ctx.io.notice(`Opened pull request #${pr.number} with ${paths}: ${pr.url}`);
  return {};
}
