/** migrate-aws-auth end to end: the ConfigMap file → manifest, and (online) the plan against the cluster. */
import { readLiveCluster } from '../aws/reader.js';
import { mapWithConcurrency } from '../aws/concurrency.js';
import { EksIdentityError } from '../errors.js';
import type { Finding } from '../model/plan.js';
import { parseAwsAuthConfigMap } from './aws-auth-parse.js';
import { convertAwsAuthConfigMap } from './aws-auth-manifest.js';
import { roleArnsToResolve } from './aws-auth.js';
import { createSdkMigrationReader, type MigrationReader } from './aws-reader.js';
import { requireExistingCluster, withClusterSession, type MigrationAwsOptions } from './aws-session.js';
import type { MigrationResult, PlanFunction } from './irsa-flow.js';
import { authenticationModeChange, desiredClusterFromFragment, liveAfterMigrationSteps, withMigrationChanges } from './migration-plan.js';

export interface MigrateAwsAuthOptions {
  /** The ConfigMap as kubectl printed it, and the file name used in locations. */
  configMap: { text: string; file: string };
  cluster: { name: string; region?: string; accountId?: string; assumeRoleArn?: string };
  /** No AWS call at all: the manifest fragment and the not-convertible list only. */
  offline?: boolean;
  aws?: MigrationAwsOptions;
  computePlan?: PlanFunction;
  reader?: MigrationReader;
}

const GET_ROLE_CONCURRENCY = 8;

export async function migrateAwsAuth(options: MigrateAwsAuthOptions): Promise<MigrationResult> {
  const { configMap, cluster } = options;
  if (options.offline) {
    const result = convertAwsAuthConfigMap(configMap.text, configMap.file, { cluster });
    return { manifestYaml: result.manifestYaml, fragment: result.fragment, notConvertible: result.conversion.notConvertible, findings: result.findings };
  }
  const region = cluster.region;
  if (!region) {
    throw new EksIdentityError('CLI_USAGE', 'migrate-aws-auth: --region is required unless --offline is given', { fix: 'add --region REGION, or --offline to convert the file without AWS' });
  }
  if (!options.computePlan) throw new EksIdentityError('MIGRATION_NO_PLANNER', 'migrateAwsAuth needs computePlan unless offline', { source: 'internal' });
  const computePlan = options.computePlan;
  const target = { ...cluster, region };
  return withClusterSession(target, options.aws, async (session) => {
    const reader = options.reader ?? createSdkMigrationReader(session);
    // aws-auth strips role paths: look each role of the cluster's account up by name for its real ARN.
    const toResolve = roleArnsToResolve(parseAwsAuthConfigMap(configMap.text, configMap.file), session.accountId);
    const resolved = await mapWithConcurrency(toResolve, GET_ROLE_CONCURRENCY, async (arn) => [arn, await reader.roleArnByName(arn.split('/').pop()!)] as const);
    const result = convertAwsAuthConfigMap(configMap.text, configMap.file, {
      cluster: { name: cluster.name, region, accountId: session.accountId },
      resolvedRoles: Object.fromEntries(resolved),
    });
    const desired = desiredClusterFromFragment(result.fragment, { ...target, accountId: session.accountId });
    const live = await readLiveCluster(session, desired);
    requireExistingCluster(live);
    const switchMode = live.authenticationMode === 'CONFIG_MAP';
    const after = liveAfterMigrationSteps(live, [], switchMode ? 'API_AND_CONFIG_MAP' : undefined);
    const base = computePlan({ files: [configMap.file], clusters: [desired] }, { clusters: [after] });
    const findings: Finding[] = [...result.findings, modeAdvice(cluster.name, result.conversion.complete, live.authenticationMode)];
    const leading = switchMode ? [authenticationModeChange('CONFIG_MAP', 'API_AND_CONFIG_MAP')] : [];
    const plan = withMigrationChanges(base, cluster.name, leading, findings);
    return { manifestYaml: result.manifestYaml, fragment: result.fragment, plan, notConvertible: result.conversion.notConvertible, findings };
  });
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
