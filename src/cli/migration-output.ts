/**
 * What the export and migration commands share: their common options, where the proposed files
 * go, how the plan and notes are shown, and the optional apply (through the same refusal policy
 * as `eks-identity apply`).
 */
import { basename, join } from 'node:path';
import type { ApplyReport } from '../apply/index.js';
import { EksIdentityError } from '../errors.js';
import { isUnusableAwsAuth, renderMigrationNotes } from '../migrate/index.js';
import type { Plan } from '../model/plan.js';
import type { SourceLocation } from '../model/source.js';
import { apply, ApplyRefusedError, type AwsAccess, type MigrationRequest, type Proposal } from '../operations/index.js';
import { renderApplyReport } from '../render/apply-report.js';
import { renderPlan } from '../render/index.js';
import type { ParsedOptions } from './args.js';
import type { CliIo } from './io.js';
import { isDirectory, writeOutputFile } from './output-file.js';

export interface MigrationCommandDeps {
  /** Plan text for the terminal (the plan renderer). */
  renderPlanText: (plan: Plan) => string;
  /** AWS options for tests (emulator endpoints, static credentials). */
  aws?: AwsAccess;
}

export const defaultMigrationDeps: MigrationCommandDeps = {
  renderPlanText: (plan) => renderPlan(plan, 'text'),
};

/** The options every migration command takes. */
export const TARGET_OPTIONS = {
  manifest: { type: 'string' },
  cluster: { type: 'string', multiple: true },
  region: { type: 'string' },
  'assume-role-arn': { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
} as const;

export const APPLY_OPTIONS = {
  apply: { type: 'boolean' },
  'expect-fingerprint': { type: 'string' },
} as const;

/**
 * With --manifest, its clusters (--cluster narrows them) and the proposal goes beside it; without,
 * the one cluster that --cluster and --region name.
 */
export function migrationTarget(command: string, values: ParsedOptions<typeof TARGET_OPTIONS>, io: CliIo, regionRequired = true): MigrationRequest {
  const base = { cwd: io.cwd };
  if (values.manifest !== undefined) {
    if (values.region !== undefined || values['assume-role-arn'] !== undefined) {
      throw new EksIdentityError('CLI_USAGE', `${command}: --region and --assume-role-arn come from the manifest when --manifest is given`, { fix: `drop them, or run "eks-identity ${command} --help"` });
    }
    return { ...base, manifest: values.manifest, ...(values.cluster ? { clusters: values.cluster } : {}) };
  }
  const [name, ...more] = values.cluster ?? [];
  // The region the AWS CLI and SDKs would use when --region is left out.
  const region = values.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
  if (!name || more.length > 0 || (regionRequired && !region)) {
    throw new EksIdentityError('CLI_USAGE', `${command}: --cluster NAME and --region REGION (or AWS_REGION) are required (one cluster), or --manifest PATH`, { fix: `run "eks-identity ${command} --help"` });
  }
  return {
    ...base,
    cluster: { name, region: region ?? '', ...(values['assume-role-arn'] ? { assumeRoleArn: values['assume-role-arn'] } : {}) },
  };
}

export interface OutputOptions {
  out?: string;
  format: 'text' | 'json';
  apply: boolean;
  expectFingerprint?: string;
  /** Show the plan in text output (export's plan is only a self-check). */
  showPlan?: boolean;
}

/**
 * Writes the proposed files to --out (or stdout) and the plan and notes next to them: on stderr
 * when the files took stdout, so `> file` still captures a clean manifest. Returns the exit code.
 */
export async function writeProposal(proposal: Proposal, options: OutputOptions, io: CliIo, deps: MigrationCommandDeps): Promise<number> {
  const json = options.format === 'json';
  // A file that is not a ConfigMap proposes nothing (the operation's rule): say why, not "nothing to add".
  const unusable = isUnusableAwsAuth(proposal.clusters.flatMap((c) => c.findings));
  const files = proposal.files;
  const targets = options.out ? await writeFiles(files, options.out, io.cwd) : [];
  const written = targets.map((t) => t.path);
  let report = io.stdout;
  const notConvertible = proposal.clusters.flatMap((c) => c.notConvertible);
  // Locations in the proposed files name where they went: the --out path, or stdout.
  const where = new Map(files.map((f) => [f.path, targets.find((t) => t.from === f.path)?.path ?? '<stdout>']));
  const findings = proposal.clusters.flatMap((c) => c.findings).map((f) => relocated(f, where));
  const plan = proposal.plan && relocatedPlan(proposal.plan, where);
  if (!json) {
    if (options.out) {
      if (written.length > 0) io.stdout(`Written: ${written.join(', ')}\n`);
      else if (!unusable) io.stdout('Nothing to add: the manifest already declares everything found.\n');
    } else {
      const several = files.length > 1;
      io.stdout(files.map((f) => `${several ? `# --- ${f.path}\n` : ''}${f.content}`).join('\n'));
      if (files.length === 0 && !unusable) io.stderr('Nothing to add: the manifest already declares everything found.\n');
      report = io.stderr;
    }
    const notes = renderMigrationNotes(notConvertible, plan ? [] : findings, 'text');
    if (notes) report(`\n${notes}`);
    if (plan && options.showPlan !== false) {
      report(`\n${deps.renderPlanText(plan).trimEnd()}\n`);
    }
  }
  const planErrors = options.showPlan === false ? 0 : (plan?.summary.errors ?? 0);
  const hasErrors = findings.some((f) => f.severity === 'error') || planErrors > 0;
  let applied: ApplyReport | undefined;
  let code = hasErrors ? 1 : 0;
  if (options.apply) {
    const outcome = await applyProposal(proposal, options, io);
    applied = outcome.report;
    code = applied?.summary.ok ? 0 : 1;
    if (applied && !json) report(`\n${renderApplyReport(applied, 'text').trimEnd()}\n`);
  }
  if (json) {
    const body = {
      files,
      manifestYaml: files[0]?.content ?? '',
      plan: plan ?? null,
      notConvertible,
      findings,
      ...(applied ? { applyReport: applied } : {}),
    };
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  }
  return code;
}

/** --apply: the proposal's plan through the same refusal policy and apply path as `eks-identity apply`. */
async function applyProposal(proposal: Proposal, options: OutputOptions, io: CliIo): Promise<{ report?: ApplyReport }> {
  if (!proposal.plan) {
    io.stderr('\nNot applied: there is no plan (offline).\n');
    return {};
  }
  try {
    const { report } = await apply(proposal, {
      ...(options.expectFingerprint !== undefined ? { expectFingerprint: options.expectFingerprint } : {}),
      onProgress: (event) => {
        if (event.type === 'change-end' && event.result.outcome === 'failed') io.stderr(`failed: ${event.result.changeId}: ${event.result.error?.message ?? ''}\n`);
      },
    });
    return { report };
  } catch (err) {
    if (!ApplyRefusedError.refused(err)) throw err;
    io.stderr(`\nNot applied: error ${err.code}: ${err.message}\n  fix: ${err.fix ?? ''}\n`);
    return {};
  }
}

/** One file: --out is its path (or its directory). Several (one per cluster): --out is their directory. */
async function writeFiles(files: Proposal['files'], out: string, cwd: string): Promise<Array<{ from: string; path: string }>> {
  if (files.length === 0) return [];
  // One file goes to --out, or into it when --out is (or ends like) a directory; several go into the directory --out.
  const intoDirectory = files.length > 1 || /[\\/]$/.test(out) || (await isDirectory(cwd, out));
  const targets = intoDirectory ? files.map((f) => ({ from: f.path, path: join(out, basename(f.path)), content: f.content })) : [{ from: files[0]!.path, path: out, content: files[0]!.content }];
  for (const t of targets) await writeOutputFile(cwd, t.path, t.content, '--out');
  return targets.map(({ from, path }) => ({ from, path }));
}

function relocated<T extends { source?: SourceLocation }>(item: T, where: ReadonlyMap<string, string>): T {
  const file = item.source && where.get(item.source.file);
  return file === undefined || !item.source ? item : { ...item, source: { ...item.source, file } };
}

function relocatedPlan(plan: Plan, where: ReadonlyMap<string, string>): Plan {
  if (where.size === 0) return plan;
  return { ...plan, clusters: plan.clusters.map((c) => ({ ...c, changes: c.changes.map((x) => relocated(x, where)), findings: c.findings.map((f) => relocated(f, where)) })) };
}
