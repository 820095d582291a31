/** External Secrets Operator reading AWS Secrets Manager and SSM Parameter Store. */
import { allow, arnIn, kmsKeyArnsParameter, listOf } from './statements.js';
import type { WellKnownPolicyDefinition } from './types.js';

export const EXTERNAL_SECRETS: WellKnownPolicyDefinition = {
  name: 'externalSecrets',
  summary: 'External Secrets Operator: read secrets from AWS Secrets Manager and parameters from SSM Parameter Store (read only; PushSecret needs more), and decrypt them with the given KMS keys.',
  source: 'https://github.com/external-secrets/external-secrets/blob/cc5bfbc2234ace9cb0caff4ea89c435cf517b27b/docs/provider/aws-secrets-manager.md',
  sourceVersion: 'external-secrets helm-chart-2.9.0 (commit cc5bfbc), docs/provider/aws-secrets-manager.md and docs/provider/aws-parameter-store.md',
  parameters: [
    {
      name: 'secretArns',
      required: false,
      list: true,
      description: 'Secrets it may read, as ARNs or ARN patterns; default: every secret of the account (any region). IAM variables such as ${aws:PrincipalTag/eks-cluster-name} scope a shared role by the Pod Identity session tags.',
      pattern: /^arn:[a-z-]+:secretsmanager:[^:]*:[^:]*:secret:\S+$/,
      expected: 'a Secrets Manager secret ARN or pattern such as arn:aws:secretsmanager:*:111122223333:secret:prod/*',
    },
    {
      name: 'parameterArns',
      required: false,
      list: true,
      description: 'SSM parameters it may read, as ARNs or ARN patterns; default: every parameter of the account (any region).',
      pattern: /^arn:[a-z-]+:ssm:[^:]*:[^:]*:parameter\/\S+$/,
      expected: 'an SSM parameter ARN or pattern such as arn:aws:ssm:*:111122223333:parameter/prod/*',
    },
    kmsKeyArnsParameter('Customer managed KMS keys that encrypt the secrets or SecureString parameters; not needed for AWS managed keys.'),
  ],
  managedPolicies: [],
  statements: (values, ctx) => {
    // Any region by default: one role is often shared by clusters in several regions.
    const secrets = listOf(values, 'secretArns') ?? [arnIn(ctx, 'secretsmanager', '*', ctx.accountId, 'secret:*')];
    const parameters = listOf(values, 'parameterArns') ?? [arnIn(ctx, 'ssm', '*', ctx.accountId, 'parameter/*')];
    const keys = listOf(values, 'kmsKeyArns');
    const statements = [
      // ListSecrets and BatchGetSecretValue take no resource; BatchGetSecretValue still needs GetSecretValue on each secret.
      allow(['secretsmanager:ListSecrets', 'secretsmanager:BatchGetSecretValue'], '*'),
      allow(['secretsmanager:GetResourcePolicy', 'secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret', 'secretsmanager:ListSecretVersionIds'], secrets),
      allow('ssm:GetParameter*', parameters),
    ];
    if (keys) statements.push(allow('kms:Decrypt', keys));
    return statements;
  },
};
