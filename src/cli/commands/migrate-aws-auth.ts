/** `eks-identity migrate-aws-auth`: an aws-auth ConfigMap file → access entries (manifest + plan). */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EksIdentityError } from '../../errors.js';
import { migrateAwsAuth } from '../../operations/index.js';
import { parseCommandArgs, parseFormat } from '../args.js';
import type { CliCommand, CliIo } from '../io.js';
import { APPLY_OPTIONS, defaultMigrationDeps, migrationTarget, TARGET_OPTIONS, writeProposal, type MigrationCommandDeps } from '../migration-output.js';
import { outputOptions } from './migrate-irsa.js';

const USAGE = `Usage: eks-identity migrate-aws-auth --configmap FILE (--cluster NAME [--region REGION | --offline] | --manifest PATH) [options]

Converts an aws-auth ConfigMap, as printed by
  kubectl get configmap aws-auth -n kube-system -o yaml > aws-auth.yaml
into access entries: node roles → EC2_LINUX / EC2_WINDOWS / FARGATE_LINUX / HYBRID_LINUX,
system:masters → AmazonEKSClusterAdminPolicy, other groups → kubernetesGroups. Everything that
cannot be converted is listed with the reason. Online, role paths are read from IAM and the plan
is computed against the cluster (switching CONFIG_MAP clusters to API_AND_CONFIG_MAP).
See docs/migration.md.

With --manifest, the cluster comes from the manifest (one cluster: narrow with --cluster) and
only the entries it does not declare yet are proposed, in a file that loads beside it (its
defaults apply); an entry it declares differently is kept and reported with the ConfigMap line
and the manifest line.

The manifest goes to stdout (the plan and notes to stderr), or to --out FILE.

Options:
  --configmap FILE          the ConfigMap (YAML or JSON) — required
  --cluster NAME            EKS cluster name (with --manifest: which of its clusters)
  --region REGION           the cluster's region (default: AWS_REGION) — needed without --manifest unless --offline
  --manifest PATH           the existing manifest (file, directory or glob) to propose beside
  --offline                 make no AWS call: print the manifest and the not-convertible list only
  --assume-role-arn ARN     role to assume for the cluster's account (without --manifest)
  --apply                   execute the plan after showing it (refused on error findings)
  --expect-fingerprint F    with --apply: refuse unless the plan's fingerprint is F (the reviewed plan)
  --out FILE                write the manifest to FILE
  --format text|json        output format (default text)
`;

export async function runMigrateAwsAuthCommand(argv: string[], io: CliIo, deps: MigrationCommandDeps = defaultMigrationDeps): Promise<number> {
  const { values } = parseCommandArgs('migrate-aws-auth', argv, { ...TARGET_OPTIONS, ...APPLY_OPTIONS, configmap: { type: 'string' }, offline: { type: 'boolean' } });
  const format = parseFormat('migrate-aws-auth', values.format, ['text', 'json']) as 'text' | 'json';
  if (!values.configmap) {
    throw new EksIdentityError('CLI_USAGE', 'migrate-aws-auth: --configmap FILE is required', { fix: 'run "eks-identity migrate-aws-auth --help"' });
  }
  if (values.offline && values.apply) {
    throw new EksIdentityError('CLI_USAGE', 'migrate-aws-auth: --apply needs AWS access; it cannot be combined with --offline');
  }
  const target = migrationTarget('migrate-aws-auth', values, io, false);
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, values.configmap), 'utf8');
  } catch (err) {
    throw new EksIdentityError('CONFIGMAP_NOT_FOUND', `migrate-aws-auth: cannot read ${values.configmap}: ${(err as Error).message}`, {
      fix: 'export it with: kubectl get configmap aws-auth -n kube-system -o yaml > aws-auth.yaml',
    });
  }
  const { cluster, ...selection } = target;
  await using proposal = await migrateAwsAuth({
    ...selection,
    ...(cluster ? { cluster: { name: cluster.name, ...(cluster.region ? { region: cluster.region } : {}), ...(cluster.assumeRoleArn ? { assumeRoleArn: cluster.assumeRoleArn } : {}) } } : {}),
    configMap: { text, file: values.configmap },
    offline: values.offline ?? false,
    ...(deps.aws ? { aws: deps.aws } : {}),
  });
  return await writeProposal(proposal, outputOptions(values, format), io, deps);
}

export const migrateAwsAuthCommand: CliCommand = {
  summary: 'aws-auth ConfigMap → access entries (manifest + plan; --offline makes no AWS call)',
  usage: USAGE,
  run: (argv, io) => runMigrateAwsAuthCommand(argv, io),
};
