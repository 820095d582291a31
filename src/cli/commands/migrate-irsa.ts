/** `eks-identity migrate-irsa`: IRSA roles of a cluster → Pod Identity associations and trust policy updates. */
import { EksIdentityError } from '../../errors.js';
import { writeMigrationOutput } from '../../migrate/cli-output.js';
import { defaultMigrationDeps, type MigrationCommandDeps } from '../../migrate/default-deps.js';
import { migrateIrsa } from '../../migrate/irsa-flow.js';
import { parseCommandArgs, parseFormat } from '../args.js';
import type { CliCommand, CliIo } from '../io.js';

const USAGE = `Usage: eks-identity migrate-irsa --cluster NAME --region REGION [options]

Finds the IAM roles that the cluster's service accounts assume through IRSA (from IAM alone: the
cluster's OIDC issuer and each role's trust policy), and prints the Pod Identity associations to
declare (a manifest) and the plan: one trust policy update per role, adding pods.eks.amazonaws.com,
and the associations. Run it again after the pods restarted with --remove-oidc-trust to remove the
OIDC statements. See docs/migration.md.

The manifest goes to stdout (the plan to stderr), or to --out FILE (the plan to stdout).

Options:
  --cluster NAME            EKS cluster name — required
  --region REGION           the cluster's region — required
  --assume-role-arn ARN     role to assume for the cluster's account
  --remove-oidc-trust       the later step: remove the cluster's OIDC statements from the trust policies
  --apply                   execute the plan after showing it
  --out FILE                write the manifest to FILE
  --format text|json        output format (default text)
`;

export async function runMigrateIrsaCommand(argv: string[], io: CliIo, deps: MigrationCommandDeps = defaultMigrationDeps): Promise<number> {
  const { values } = parseCommandArgs('migrate-irsa', argv, {
    cluster: { type: 'string' },
    region: { type: 'string' },
    'assume-role-arn': { type: 'string' },
    'remove-oidc-trust': { type: 'boolean' },
    apply: { type: 'boolean' },
    out: { type: 'string' },
    format: { type: 'string' },
  });
  const format = parseFormat('migrate-irsa', values.format, ['text', 'json']) as 'text' | 'json';
  if (!values.cluster || !values.region) {
    throw new EksIdentityError('CLI_USAGE', 'migrate-irsa: --cluster NAME and --region REGION are required', { fix: 'run "eks-identity migrate-irsa --help"' });
  }
  const cluster = { name: values.cluster, region: values.region, ...(values['assume-role-arn'] ? { assumeRoleArn: values['assume-role-arn'] } : {}) };
  const result = await migrateIrsa({
    cluster,
    removeOidcTrust: values['remove-oidc-trust'] ?? false,
    computePlan: deps.computePlan,
    ...(deps.aws ? { aws: deps.aws } : {}),
  });
  return writeMigrationOutput(result, { format, apply: values.apply ?? false, cluster, ...(values.out ? { out: values.out } : {}) }, io, deps);
}

export const migrateIrsaCommand: CliCommand = {
  summary: 'IRSA roles → Pod Identity associations and trust policy updates (manifest + plan)',
  usage: USAGE,
  run: (argv, io) => runMigrateIrsaCommand(argv, io),
};
