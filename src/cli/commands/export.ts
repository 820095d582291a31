/** `eks-identity export`: a live cluster → a manifest that plans to zero changes. */
import { exportCluster } from '../../operations/index.js';
import { parseCommandArgs, parseFormat } from '../args.js';
import type { CliCommand, CliIo } from '../io.js';
import { defaultMigrationDeps, migrationTarget, TARGET_OPTIONS, writeProposal, type MigrationCommandDeps } from '../migration-output.js';

const USAGE = `Usage: eks-identity export (--cluster NAME --region REGION | --manifest PATH) [options]

Writes a manifest of the cluster's Pod Identity associations and access entries (with their
access policies and scopes), to adopt a cluster as it is. Planning it against the same cluster
gives no changes. Add-on-owned associations and entries EKS created itself (node entries,
service-linked roles) are listed as comments, not managed. See docs/migration.md.

With --manifest, the clusters come from the manifest and only what it does not declare yet is
written, in a file that loads beside it.

With an owner (--owner, or the manifest's owner: with --manifest), only the objects tagged
eks-identity/owner with it are written, under owner: NAME, and each association whose role carries
the same tag declares that role as a role: block (policies, boundary, tags; eks-identity builds the
trust). That recovers a team's manifest from the cluster. Other roles stay roleArn references.

Options:
  --cluster NAME            EKS cluster name (with --manifest: only this cluster, repeatable)
  --region REGION           the cluster's region (without --manifest; default: AWS_REGION)
  --assume-role-arn ARN     role to assume for the cluster's account (without --manifest)
  --manifest PATH           the existing manifest (file, directory or glob) to write beside
  --owner NAME              export the objects tagged with this owner, its roles as role: blocks
                            (without --manifest; with it, the manifest's owner: is used)
  --out FILE                write the manifest to FILE (several clusters: FILE is a directory)
  --format text|json        output format (default text)
`;

export async function runExportCommand(argv: string[], io: CliIo, deps: MigrationCommandDeps = defaultMigrationDeps): Promise<number> {
  const { values } = parseCommandArgs('export', argv, { ...TARGET_OPTIONS, owner: { type: 'string' } });
  const format = parseFormat('export', values.format, ['text', 'json']) as 'text' | 'json';
  const owner = values.owner !== undefined ? { owner: values.owner } : {};
  await using proposal = await exportCluster({ ...migrationTarget('export', values, io), ...owner, ...(deps.aws ? { aws: deps.aws } : {}) });
  // The plan is not printed for export: the manifest is the product, the plan only a self-check.
  return await writeProposal(proposal, { format, apply: false, showPlan: false, ...(values.out ? { out: values.out } : {}) }, io, deps);
}

export const exportCommand: CliCommand = {
  summary: 'write a manifest of a live cluster (plans to zero changes)',
  usage: USAGE,
  run: (argv, io) => runExportCommand(argv, io),
};
