/**
 * Environment variables through which the AWS SDK finds credentials in a workflow:
 * configure-aws-credentials (keys, or a web identity token file), a named profile, or container
 * credentials on self-hosted runners. When none is set the action still asks the SDK's default
 * chain (an EC2 instance profile on a self-hosted runner, a shared config file) before it gives
 * up: see ActionEngine.findCredentials.
 */
const CREDENTIAL_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_PROFILE',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
] as const;

export function hasAwsCredentials(env: Record<string, string | undefined>): boolean {
  return CREDENTIAL_VARIABLES.some((name) => (env[name] ?? '') !== '');
}

export const NO_CREDENTIALS_MESSAGE =
  'eks-identity: no AWS credentials in this job (none in the environment, no profile, no instance or ' +
  'container role), so nothing was planned. Add aws-actions/configure-aws-credentials (OIDC, with ' +
  '`permissions: id-token: write`) before this step. Pull requests from forks get no credentials by design.';

export const FORK_MESSAGE =
  'eks-identity: this pull request comes from a fork; its workflow gets no AWS credentials and may not ' +
  'run code against your accounts, so no plan was made. A maintainer can run the plan from a branch of this repository.';
