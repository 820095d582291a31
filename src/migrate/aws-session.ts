/** Opening one cluster's AWS session for a migration, and applying a migration plan through it. */
import { applyPlan, type ApplyEvent, type ApplyOptions, type ApplyReport } from '../apply/index.js';
import type { AwsClientOptions, AwsCredentials } from '../aws/clients.js';
import { SdkEksWriteGateway } from '../aws/gateway.js';
import type { ProgressReporter } from '../aws/progress.js';
import { closeClusterSessions, openClusterSessions, type ClusterSession } from '../aws/session.js';
import { EksIdentityError } from '../errors.js';
import type { DesiredCluster } from '../model/desired.js';
import type { LiveCluster } from '../model/live.js';
import { partitionOfRegion } from '../model/partition.js';
import type { Plan } from '../model/plan.js';
import type { ClusterTarget } from './migration-plan.js';

export interface MigrationAwsOptions {
  /** Default: the SDK's default chain. */
  credentials?: AwsCredentials;
  /** Explicit endpoints (the emulator); AWS_ENDPOINT_URL_* work without them. */
  endpoints?: AwsClientOptions['endpoints'];
  maxAttempts?: number;
  progress?: ProgressReporter;
}

export async function withClusterSession<T>(target: ClusterTarget, aws: MigrationAwsOptions | undefined, fn: (session: ClusterSession) => Promise<T>): Promise<T> {
  const sessions = await openClusterSessions([target], {
    ...(aws?.credentials ? { credentials: aws.credentials } : {}),
    ...(aws?.endpoints ? { endpoints: aws.endpoints } : {}),
    ...(aws?.maxAttempts ? { maxAttempts: aws.maxAttempts } : {}),
  });
  try {
    return await fn(sessions[0]!);
  } finally {
    closeClusterSessions(sessions);
  }
}

/** A desired cluster that declares nothing: with prune on, the reader describes everything. */
export function emptyDesiredCluster(target: ClusterTarget, prune: boolean): DesiredCluster {
  return {
    name: target.name,
    region: target.region,
    partition: partitionOfRegion(target.region),
    ...(target.accountId ? { accountId: target.accountId } : {}),
    ...(target.assumeRoleArn ? { assumeRoleArn: target.assumeRoleArn } : {}),
    prune,
    associations: [],
    accessEntries: [],
  };
}

export function requireExistingCluster(live: LiveCluster): void {
  if (!live.exists) {
    throw new EksIdentityError('CLUSTER_NOT_FOUND', `EKS cluster ${live.name} was not found in ${live.region} (account ${live.accountId})`, {
      fix: 'check --cluster and --region, and that the credentials belong to the cluster\'s account',
    });
  }
}

export interface ApplyMigrationOptions {
  cluster: ClusterTarget;
  aws?: MigrationAwsOptions;
  apply?: ApplyOptions;
  onProgress?: (event: ApplyEvent) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** Executes a migration plan (trust policies and the authentication mode first) through the apply engine. */
export async function applyMigrationPlan(plan: Plan, options: ApplyMigrationOptions): Promise<ApplyReport> {
  return withClusterSession(options.cluster, options.aws, async (session) => {
    const gateway = new SdkEksWriteGateway(session.clients, { callerPrincipalArn: session.caller.principalArn });
    return applyPlan(
      plan,
      {
        gateways: { [options.cluster.name]: gateway },
        sleep: options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms))),
        now: options.now ?? Date.now,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      },
      options.apply ?? {},
    );
  });
}
