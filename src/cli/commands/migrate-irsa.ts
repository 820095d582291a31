/** `eks-identity migrate-irsa`: IRSA roles → Pod Identity associations and trust policy updates. */
import { migrateIrsa } from '../../operations/index.js';
import { parseCommandArgs, parseFingerprint, parseFormat } from '../args.js';
import type { CliCommand, CliIo } from '../io.js';
import { APPLY_OPTIONS, defaultMigrationDeps, migrationTarget, TARGET_OPTIONS, writeProposal, type MigrationCommandDeps } from '../migration-output.js';

const USAGE = `Usage: eks-identity migrate-irsa (--cluster NAME --region REGION | --manifest PATH) [options]

Finds the IAM roles that the cluster's service accounts assume through IRSA (from IAM alone: the
cluster's OIDC issuer and each role's trust policy), and prints the Pod Identity associations to
declare (a manifest) and the plan: one trust policy update per role, adding pods.eks.amazonaws.com,
and the associations. Run it again after the pods restarted with --remove-oidc-trust to remove the
OIDC statements. See docs/migration.md.

With --manifest, the clusters come from the manifest and only what it does not declare yet is
proposed, in a file that loads beside it (its defaults apply); what it declares differently is
kept and reported with both places.

The manifest goes to stdout (the plan to stderr), or to --out FILE (the plan to stdout).

Options:
  --cluster NAME            EKS cluster name (with --manifest: only this cluster, repeatable)
  --region REGION           the cluster's region (without --manifest; default: AWS_REGION)
  --assume-role-arn ARN     role to assume for the cluster's account (without --manifest)
  --manifest PATH           the existing manifest (file, directory or glob) to propose beside
  --remove-oidc-trust       the later step: remove the cluster's OIDC statements from the trust policies
  --apply                   execute the plan after showing it (refused on error findings)
  --expect-fingerprint F    with --apply: refuse unless the plan's fingerprint is F (the reviewed plan)
  --out FILE                write the manifest to FILE (several clusters: FILE is a directory)
  --format text|json        output format (default text)
`;

export async function runMigrateIrsaCommand(argv: string[], io: CliIo, deps: MigrationCommandDeps = defaultMigrationDeps): Promise<number> {
  const { values } = parseCommandArgs('migrate-irsa', argv, { ...TARGET_OPTIONS, ...APPLY_OPTIONS, 'remove-oidc-trust': { type: 'boolean' } });
  const format = parseFormat('migrate-irsa', values.format, ['text', 'json']) as 'text' | 'json';
  await using proposal = await migrateIrsa({
    ...migrationTarget('migrate-irsa', values, io),
    removeOidcTrust: values['remove-oidc-trust'] ?? false,
    ...(deps.aws ? { aws: deps.aws } : {}),
  });
  return await writeProposal(proposal, outputOptions(values, format), io, deps);
}

export function outputOptions(
  values: { out?: string | undefined; apply?: boolean | undefined; 'expect-fingerprint'?: string | undefined },
  format: 'text' | 'json',
): { out?: string; format: 'text' | 'json'; apply: boolean; expectFingerprint?: string } {
  return {
    format,
    apply: values.apply ?? false,
    ...(values.out ? { out: values.out } : {}),
    ...(values['expect-fingerprint'] ? { expectFingerprint: parseFingerprint(values['expect-fingerprint'])! } : {}),
  };
}

export const migrateIrsaCommand: CliCommand = {
  summary: 'IRSA roles → Pod Identity associations and trust policy updates (manifest + plan)',
  usage: USAGE,
  run: (argv, io) => runMigrateIrsaCommand(argv, io),
};
