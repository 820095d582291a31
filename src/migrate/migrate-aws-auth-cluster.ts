/** migrate-aws-auth on one cluster: the ConfigMap file → access entries, with role paths read from IAM. */
import { mapWithConcurrency } from '../aws/concurrency.js';
import { readLiveCluster } from '../aws/reader.js';
import type { ClusterSession } from '../aws/session.js';
import type { Finding } from '../model/plan.js';
import { parseAwsAuthConfigMap } from './aws-auth-parse.js';
import { convertAwsAuthConfigMap } from './aws-auth-manifest.js';
import { roleArnsToResolve } from './aws-auth.js';
import { createSdkMigrationReader, type MigrationReader } from './aws-reader.js';
import { emptyDesiredCluster, requireExistingCluster, type ClusterMigration } from './cluster-migration.js';
import { authenticationModeChange, liveAfterMigrationSteps } from './migration-plan.js';

const GET_ROLE_CONCURRENCY = 8;

export async function migrateAwsAuthCluster(
  session: ClusterSession,
  configMap: { text: string; file: string },
  options: { reader?: MigrationReader } = {},
): Promise<ClusterMigration> {
  const reader = options.reader ?? createSdkMigrationReader(session);
  const name = session.target.name;
  // aws-auth strips role paths: look each role of the cluster's account up by name for its real ARN.
  const toResolve = roleArnsToResolve(parseAwsAuthConfigMap(configMap.text, configMap.file), session.accountId);
  const resolved = await mapWithConcurrency(toResolve, GET_ROLE_CONCURRENCY, async (arn) => [arn, await reader.roleArnByName(arn.split('/').pop()!)] as const);
  const result = convertAwsAuthConfigMap(configMap.text, configMap.file, {
    cluster: { name, region: session.region, accountId: session.accountId },
    resolvedRoles: Object.fromEntries(resolved),
  });
  const live = await readLiveCluster(session, emptyDesiredCluster(session, false));
  requireExistingCluster(live);
  const switchMode = live.authenticationMode === 'CONFIG_MAP';
  return {
    cluster: name,
    region: session.region,
    accountId: session.accountId,
    fragment: result.fragment,
    comments: result.comments,
    origins: result.conversion.sources,
    leading: switchMode ? [authenticationModeChange('CONFIG_MAP', 'API_AND_CONFIG_MAP')] : [],
    findings: [...result.findings, modeAdvice(name, result.conversion.complete, live.authenticationMode)],
    notConvertible: result.conversion.notConvertible,
    ...(switchMode ? { adjust: (after) => liveAfterMigrationSteps(after, [], 'API_AND_CONFIG_MAP') } : {}),
  };
}

/** API mode ignores aws-auth: only suggested once nothing is left in it. */
function modeAdvice(clusterName: string, complete: boolean, mode: string): Finding {
  if (!complete) {
    return {
      severity: 'warning',
      code: 'AWS_AUTH_KEEP_CONFIG_MAP',
      message: 'some aws-auth mappings were not converted: the cluster must keep reading aws-auth (API_AND_CONFIG_MAP)',
      fix: 'resolve the not-convertible items first; do not switch the cluster to API mode until then',
    };
  }
  return {
    severity: 'info',
    code: 'AWS_AUTH_API_MODE_READY',
    message: `every aws-auth mapping converted${mode === 'API' ? '' : '; once the access entries are verified, aws-auth can be retired'}`,
    fix: `aws eks update-cluster-config --name ${clusterName} --access-config authenticationMode=API (one way: it cannot be undone)`,
  };
}
