/**
 * What the export and migration commands share: where the manifest goes, how the plan and notes
 * are shown, and the optional apply. Kept out of the command files so each stays a thin parser.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliIo } from '../cli/io.js';
import type { ApplyReport } from '../apply/index.js';
import type { Plan } from '../model/plan.js';
import { renderApplyReport } from '../render/apply-report.js';
import { applyMigrationPlan, type MigrationAwsOptions } from './aws-session.js';
import type { MigrationResult } from './irsa-flow.js';
import type { ClusterTarget } from './migration-plan.js';
import { renderMigrationNotes, renderTrustPolicyChanges } from './render.js';

export interface MigrationCliDeps {
  /** Plan text for the terminal (the plan renderer). */
  renderPlanText: (plan: Plan) => string;
  /** AWS options for tests (emulator endpoints, static credentials). */
  aws?: MigrationAwsOptions;
}

export interface OutputOptions {
  out?: string;
  format: 'text' | 'json';
  apply: boolean;
  cluster: ClusterTarget;
}

/**
 * Writes the manifest to --out (or stdout) and the plan and notes next to it: on stderr when the
 * manifest took stdout, so `> file` still captures a clean manifest. Returns the exit code.
 */
export async function writeMigrationOutput(result: MigrationResult, options: OutputOptions, io: CliIo, deps: MigrationCliDeps): Promise<number> {
  if (options.out) await writeFile(resolve(io.cwd, options.out), result.manifestYaml);
  const json = options.format === 'json';
  let report = io.stdout;
  if (!json) {
    if (options.out) {
      io.stdout(`Manifest written to ${options.out}\n`);
    } else {
      io.stdout(result.manifestYaml);
      report = io.stderr;
    }
    const notes = renderMigrationNotes(result.notConvertible, result.plan ? [] : result.findings, 'text');
    if (notes) report(`\n${notes}`);
    if (result.plan) {
      const trust = renderTrustPolicyChanges(result.plan, 'text');
      if (trust) report(`\nTrust policy changes:\n${trust}`);
      report(`\n${deps.renderPlanText(result.plan).trimEnd()}\n`);
    }
  }
  const hasErrors = result.findings.some((f) => f.severity === 'error') || (result.plan?.summary.errors ?? 0) > 0;
  let applied: ApplyReport | undefined;
  let code = hasErrors ? 1 : 0;
  if (options.apply) {
    if (!result.plan || hasErrors) {
      io.stderr(result.plan ? '\nNot applied: the plan has error findings.\n' : '\nNot applied: there is no plan (offline).\n');
      code = 1;
    } else {
      applied = await applyMigrationPlan(result.plan, {
        cluster: options.cluster,
        ...(deps.aws ? { aws: deps.aws } : {}),
        onProgress: (event) => {
          if (event.type === 'change-end' && event.result.outcome === 'failed') io.stderr(`failed: ${event.result.changeId}: ${event.result.error?.message ?? ''}\n`);
        },
      });
      code = applied.summary.ok ? 0 : 1;
      if (!json) report(`\n${renderApplyReport(applied, 'text').trimEnd()}\n`);
    }
  }
  if (json) {
    const body = { manifestYaml: result.manifestYaml, plan: result.plan ?? null, notConvertible: result.notConvertible, findings: result.findings, ...(applied ? { applyReport: applied } : {}) };
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  }
  return code;
}
