import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EksIdentityError } from '../errors.js';
import { openBranchPullRequest } from '../github/branch-pull-request.js';
import { GITHUB_BODY_LIMIT } from '../github/constants.js';
import { renderMigrationNotes } from '../migrate/render.js';
import type { MigrationRequest, Proposal } from '../operations/index.js';
import { escapeMarkdownText, renderPlan } from '../render/index.js';
import type { Mode } from './constants.js';
import { Outputs } from './constants.js';
import { planRequest, type FlowContext } from './context.js';
import { fitBody, planOutputs } from './report.js';
import { footer, SUMMARY_LIMIT, type FlowResult } from './plan-flow.js';

type MigrationMode = Extract<Mode, 'migrate-irsa' | 'migrate-aws-auth' | 'export'>;

/** Room for the plan in the pull request body. */
const PLAN_SECTION_LIMIT = 40_000;

/**
 * Migrations and export: the operations propose what the manifest does not declare yet, beside
 * it; the files are committed to a new branch and opened as a pull request, so they are reviewed
 * and applied like any other manifest change.
 */
export async function runMigrateFlow(ctx: FlowContext, mode: MigrationMode): Promise<FlowResult> {
  const { manifest, cwd, clusters, maxDeletes, allowLockout } = planRequest(ctx);
  const request: MigrationRequest = {
    manifest,
    cwd,
    clusters,
    allowLockout,
    ...(maxDeletes === undefined ? {} : { maxDeletes }),
    ...(ctx.settings.migrationPath ? { directory: ctx.settings.migrationPath.replace(/\/+$/, '') } : {}),
  };
  let proposal: Proposal;
  if (mode === 'migrate-irsa') proposal = await ctx.ops.migrateIrsa(request);
  else if (mode === 'export') proposal = await ctx.ops.exportCluster(request);
  else {
    const file = ctx.settings.configmap!;
    const text = await readFile(resolve(cwd, file), 'utf8').catch((err: unknown) => {
      throw new EksIdentityError('CONFIGMAP_NOT_FOUND', `input "configmap": cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`, {
        fix: 'commit the ConfigMap (kubectl get configmap aws-auth -n kube-system -o yaml) and name its path, relative to the workspace',
      });
    });
    proposal = await ctx.ops.migrateAwsAuth({ ...request, configMap: { text, file } });
  }
  try {
    return await propose(ctx, mode, proposal);
  } finally {
    proposal.close();
  }
}

async function propose(ctx: FlowContext, mode: MigrationMode, proposal: Proposal): Promise<FlowResult> {
  if (proposal.plan) {
    for (const [name, value] of Object.entries(planOutputs(proposal.plan))) ctx.io.setOutput(name, value);
  }
  const description = describeProposal(ctx, mode, proposal);
  if (proposal.files.length === 0) {
    ctx.io.notice(`eks-identity ${mode}: nothing to propose (the manifest already declares everything found)`);
    await ctx.io.appendSummary(`### eks-identity ${mode}\n\n${description}`);
    return {};
  }
  const sections = proposal.files.map(
    (f) => `<details><summary>${escapeMarkdownText(f.path)}</summary>\n\n\`\`\`yaml\n${f.content.replace(/```/g, '`\u200b``')}\n\`\`\`\n\n</details>`,
  );
  await ctx.io.appendSummary(`### eks-identity ${mode}\n\n${description}\n\n${sections.join('\n\n')}`.slice(0, SUMMARY_LIMIT));
  const paths = proposal.files.map((f) => f.path).join(', ');

  const base = ctx.event.defaultBranch;
  if (!base) return { failed: 'the event payload does not name the default branch; cannot open a pull request' };
  const branch = `eks-identity/${mode}-${ctx.event.runId}`;
  const pr = await openBranchPullRequest(ctx.github(), {
    owner: ctx.event.owner,
    repo: ctx.event.repo,
    base,
    branch,
    files: proposal.files.map((f) => ({ path: f.path, content: f.content })),
    commitMessage: `eks-identity ${mode}: propose ${paths}`,
    title: `eks-identity ${mode}: ${paths}`.slice(0, 250),
    body: fitBody(`${description}\n\n${footer(ctx)}`, 'Truncated: see the job summary.', GITHUB_BODY_LIMIT - 200),
  });
  ctx.io.setOutput(Outputs.pullRequestUrl, pr.url);
  ctx.io.notice(`Opened pull request #${pr.number} with ${paths}: ${pr.url}`);
  return {};
}

/** The pull request body: what was found per cluster, what could not be converted, the plan. */
function describeProposal(ctx: FlowContext, mode: MigrationMode, proposal: Proposal): string {
  const manifest = escapeMarkdownText(ctx.settings.manifest);
  const parts = [
    `Proposed by \`eks-identity ${mode}\` beside ${manifest}: only what the manifest does not declare yet. ` +
      'The plan below is the manifest with these files; once they are part of the manifest the apply workflow reads, merging applies them like any other change.',
  ];
  for (const c of proposal.clusters) {
    const notes = renderMigrationNotes(c.notConvertible, c.findings, 'markdown');
    parts.push(`## Cluster ${escapeMarkdownText(c.name)} (${escapeMarkdownText(c.region)})${notes.trim() === '' ? '' : `\n\n${notes}`}`);
  }
  if (proposal.plan) {
    parts.push(renderPlan(proposal.plan, 'markdown', { title: 'Plan', maxLength: PLAN_SECTION_LIMIT }));
  }
  return parts.join('\n\n');
}
