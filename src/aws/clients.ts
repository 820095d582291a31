import { EKSClient, type EKSClientConfig } from '@aws-sdk/client-eks';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { StandardRetryStrategy } from '@smithy/core/retry';
import { partitionOfRegion, type Partition } from '../model/partition.js';
import { guardCalls, guardCallsOptions } from './call-guard.js';
import type { CallWatch } from './call-watch.js';
import type { Deadline } from './deadline.js';
import { awsCallLogFromEnv, logAwsCalls, logAwsCallsOptions, type AwsCallLog } from './call-log.js';
import { markPacedThrottles, markPacedThrottlesOptions, PacedRetryStrategy } from './paced-retry.js';

/** Static credentials or a provider, as every SDK v3 client accepts them. */
export type AwsCredentials = NonNullable<EKSClientConfig['credentials']>;

export interface AwsClientOptions {
  region: string;
  /** Default: the SDK's default chain (environment, profile, web identity, instance metadata). */
  credentials?: AwsCredentials;
  /**
   * Explicit endpoints, for tests and library users. Without them the SDK still honours
   * AWS_ENDPOINT_URL_EKS / _IAM / _STS (and AWS_ENDPOINT_URL).
   */
  endpoints?: { eks?: string; iam?: string; sts?: string };
  /** Attempts per call including the first (default 8). */
  maxAttempts?: number;
  /**
   * Default `standard`: each call backs off on its own, and the reader and the write gateway pace
   * each operation at the rate they find (pacer.ts), retrying their own throttled calls. `adaptive`
   * is the SDK's adaptive mode unchanged: it also makes the whole client slow down after any
   * throttle; measured on the emulator it ran 1.3× slower on a full read and several times slower
   * on an apply (BENCHMARKS.md), so it is opt-in.
   */
  retryMode?: 'adaptive' | 'standard';
  /**
   * How long a connection may take to open (default 5 s) and an attempt to be answered (default
   * 15 s). An EKS, IAM or STS call answers in well under a second; one that takes this long has
   * met a broken proxy, endpoint or network, and is retried as a dropped connection is, at most
   * `DEFAULT_TIMEOUT_ATTEMPTS` times, so a silent endpoint fails a run in under a minute.
   */
  timeouts?: { connectMs?: number; responseMs?: number };
  /** The run's time limit: calls are refused and cut off once it passes, while it says so (deadline.ts). */
  deadline?: Deadline;
  /** Sees every attempt, for progress lines and timeout messages. */
  watch?: CallWatch;
  /**
   * Receives one record per attempt of every call (operation, attempt, status, latency; never
   * credentials). Default: awsCallLogFromEnv (debug lines when the step or EKS_IDENTITY_DEBUG asks).
   */
  callLog?: AwsCallLog;
}

export interface AwsClients {
  eks: EKSClient;
  iam: IAMClient;
  sts: STSClient;
}

export const DEFAULT_MAX_ATTEMPTS = 8;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_RESPONSE_TIMEOUT_MS = 15_000;

/** IAM is global: its one endpoint per partition is signed for this region. */
const IAM_SIGNING_REGION: Record<Partition, string> = {
  aws: 'us-east-1',
  'aws-cn': 'cn-north-1',
  'aws-us-gov': 'us-gov-west-1',
};

/** The region IAM calls are made in for a cluster region (IAM is one global service per partition). */
export function iamRegionFor(region: string): string {
  return IAM_SIGNING_REGION[partitionOfRegion(region)];
}

/**
 * Builds the EKS, IAM and STS clients for one region, with the SDK's retries for throttling, 5xx
 * and dropped connections (`standard` mode by default, see `retryMode`). In standard mode a
 * throttle of a paced call goes back to its pacer instead (PacedRetryStrategy).
 */
export function createAwsClients(options: AwsClientOptions): AwsClients {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const retry = () =>
    options.retryMode === 'adaptive' ? { retryMode: 'adaptive', maxAttempts } : { maxAttempts, retryStrategy: new PacedRetryStrategy(new StandardRetryStrategy(maxAttempts)) };
  const requestHandler = {
    connectionTimeout: options.timeouts?.connectMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    requestTimeout: options.timeouts?.responseMs ?? DEFAULT_RESPONSE_TIMEOUT_MS,
    // Without it the handler only logs a warning when requestTimeout passes, and waits on.
    throwOnRequestTimeout: true,
  };
  const common = () => ({
    ...retry(),
    requestHandler,
    // The SDK otherwise rebuilds and sorts the whole middleware stack on every send, about a tenth
    // of a read's CPU (BENCHMARKS.md, (b)). Cached per command class, which is safe here: every
    // middleware is added below, before the first send, and no command carries its own.
    cacheMiddleware: true,
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  });
  const endpoint = (url: string | undefined) => (url === undefined ? {} : { endpoint: url });
  const clients = {
    eks: new EKSClient({ ...common(), region: options.region, ...endpoint(options.endpoints?.eks) }),
    iam: new IAMClient({ ...common(), region: iamRegionFor(options.region), ...endpoint(options.endpoints?.iam) }),
    sts: new STSClient({ ...common(), region: options.region, ...endpoint(options.endpoints?.sts) }),
  };
  const guard = guardCalls({ ...(options.deadline ? { deadline: options.deadline } : {}), ...(options.watch ? { watch: options.watch } : {}) });
  for (const client of [clients.eks, clients.iam, clients.sts]) client.middlewareStack.addRelativeTo(guard, guardCallsOptions);
  const callLog = options.callLog ?? awsCallLogFromEnv();
  if (callLog) for (const client of [clients.eks, clients.iam, clients.sts]) client.middlewareStack.addRelativeTo(logAwsCalls(callLog), logAwsCallsOptions);
  if (options.retryMode !== 'adaptive') {
    clients.eks.middlewareStack.addRelativeTo(markPacedThrottles, markPacedThrottlesOptions);
    clients.iam.middlewareStack.addRelativeTo(markPacedThrottles, markPacedThrottlesOptions);
  }
  return clients;
}

/** Releases the clients' sockets (keep-alive agents would otherwise hold the process open). */
export function destroyAwsClients(clients: AwsClients): void {
  clients.eks.destroy();
  clients.iam.destroy();
  clients.sts.destroy();
}
