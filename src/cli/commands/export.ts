/** `eks-identity export`: a live cluster → a manifest that plans to zero changes. */
import { EksIdentityError } from '../../errors.js';
import { writeMigrationOutput } from '../../migrate/cli-output.js';
import { defaultMigrationDeps, type MigrationCommandDeps } from '../../migrate/default-deps.js';
import { exportCluster } from '../../migrate/export-flow.js';
import { parseCommandArgs, parseFormat } from '../args.js';
import type { CliCommand, CliIo } from '../io.js';

const USAGE = `Usage: eks-identity export --cluster NAME --region REGION [options]

Writes a manifest of the cluster's Pod Identity associations and access entries (with their
access policies and scopes), to adopt a cluster as it is. Planning it against the same cluster
gives no changes. Add-on-owned associations and entries EKS created itself (node entries,
service-linked roles) are listed as comments, not managed. See docs/migration.md.

Options:
  --cluster NAME            EKS cluster name — required
  --region REGION           the cluster's region — required
  --assume-role-arn ARN     role to assume for the cluster's account
  --out FILE                write the manifest to FILE (default: stdout)
  --format text|json        output format (default text)
`;

export async function runExportCommand(argv: string[], io: CliIo, deps: MigrationCommandDeps = defaultMigrationDeps): Promise<number> {
  const { values } = parseCommandArgs('export', argv, {
    cluster: { type: 'string' },
    region: { type: 'string' },
    'assume-role-arn': { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
  });
  const format = parseFormat('export', values.format, ['text', 'json']) as 'text' | 'json';
  if (!values.cluster || !values.region) {
    throw new EksIdentityError('CLI_USAGE', 'export: --cluster NAME and --region REGION are required', { fix: 'run "eks-identity export --help"' });
  }
  const cluster = { name: values.cluster, region: values.region, ...(values['assume-role-arn'] ? { assumeRoleArn: values['assume-role-arn'] } : {}) };
  // The self-check plan is not printed for export: the manifest is the product.
  const result = await exportCluster({ cluster, ...(deps.aws ? { aws: deps.aws } : {}) });
  return writeMigrationOutput(result, { format, apply: false, cluster, ...(values.out ? { out: values.out } : {}) }, io, deps);
}

export const exportCommand: CliCommand = {
  summary: 'write a manifest of a live cluster (plans to zero changes)',
  usage: USAGE,
  run: (argv, io) => runExportCommand(argv, io),
};
