/** `eks-identity migrate-aws-auth`: an aws-auth ConfigMap file → access entries (manifest + plan). */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EksIdentityError } from '../../errors.js';
import { migrateAwsAuth } from '../../migrate/aws-auth-flow.js';
import { writeMigrationOutput } from '../../migrate/cli-output.js';
import { defaultMigrationDeps, type MigrationCommandDeps } from '../../migrate/default-deps.js';
import { parseCommandArgs, parseFormat } from '../args.js';
import type { CliCommand, CliIo } from '../io.js';

const USAGE = `Usage: eks-identity migrate-aws-auth --configmap FILE --cluster NAME [--region REGION | --offline] [options]

Converts an aws-auth ConfigMap, as printed by
  kubectl get configmap aws-auth -n kube-system -o yaml > aws-auth.yaml
into access entries: node roles → EC2_LINUX / EC2_WINDOWS / FARGATE_LINUX / HYBRID_LINUX,
system:masters → AmazonEKSClusterAdminPolicy, other groups → kubernetesGroups. Everything that
cannot be converted is listed with the reason. Online, role paths are read from IAM and the plan
is computed against the cluster (switching CONFIG_MAP clusters to API_AND_CONFIG_MAP).
See docs/migration.md.

The manifest goes to stdout (the plan and notes to stderr), or to --out FILE.

Options:
  --configmap FILE          the ConfigMap (YAML or JSON) — required
  --cluster NAME            EKS cluster name — required
  --region REGION           the cluster's region — required unless --offline
  --offline                 make no AWS call: print the manifest and the not-convertible list only
  --assume-role-arn ARN     role to assume for the cluster's account
  --apply                   execute the plan after showing it
  --out FILE                write the manifest to FILE
  --format text|json        output format (default text)
`;

export async function runMigrateAwsAuthCommand(argv: string[], io: CliIo, deps: MigrationCommandDeps = defaultMigrationDeps): Promise<number> {
  const { values } = parseCommandArgs('migrate-aws-auth', argv, {
    configmap: { type: 'string' },
    cluster: { type: 'string' },
    region: { type: 'string' },
    offline: { type: 'boolean' },
    'assume-role-arn': { type: 'string' },
    apply: { type: 'boolean' },
    out: { type: 'string' },
    format: { type: 'string' },
  });
  const format = parseFormat('migrate-aws-auth', values.format, ['text', 'json']) as 'text' | 'json';
  if (!values.configmap || !values.cluster) {
    throw new EksIdentityError('CLI_USAGE', 'migrate-aws-auth: --configmap FILE and --cluster NAME are required', { fix: 'run "eks-identity migrate-aws-auth --help"' });
  }
  if (values.offline && values.apply) {
    throw new EksIdentityError('CLI_USAGE', 'migrate-aws-auth: --apply needs AWS access; it cannot be combined with --offline');
  }
  if (!values.offline && !values.region) {
    throw new EksIdentityError('CLI_USAGE', 'migrate-aws-auth: --region is required unless --offline is given', { fix: 'add --region REGION, or --offline to convert the file without AWS' });
  }
  const path = resolve(io.cwd, values.configmap);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new EksIdentityError('CONFIGMAP_NOT_FOUND', `migrate-aws-auth: cannot read ${values.configmap}: ${(err as Error).message}`, {
      fix: 'export it with: kubectl get configmap aws-auth -n kube-system -o yaml > aws-auth.yaml',
    });
  }
  const cluster = {
    name: values.cluster,
    ...(values.region ? { region: values.region } : {}),
    ...(values['assume-role-arn'] ? { assumeRoleArn: values['assume-role-arn'] } : {}),
  };
  const result = await migrateAwsAuth({
    configMap: { text, file: values.configmap },
    cluster,
    offline: values.offline ?? false,
    computePlan: deps.computePlan,
    ...(deps.aws ? { aws: deps.aws } : {}),
  });
  const target = { ...cluster, region: values.region ?? '' };
  return writeMigrationOutput(result, { format, apply: values.apply ?? false, cluster: target, ...(values.out ? { out: values.out } : {}) }, io, deps);
}

export const migrateAwsAuthCommand: CliCommand = {
  summary: 'aws-auth ConfigMap → access entries (manifest + plan; --offline makes no AWS call)',
  usage: USAGE,
  run: (argv, io) => runMigrateAwsAuthCommand(argv, io),
};
