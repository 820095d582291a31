import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { doesIdentityRequireRefresh, isIdentityExpired, memoizeIdentityProvider, type MemoizedIdentityProvider } from '@smithy/core';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { EksIdentityError } from '../errors.js';
import type { DesiredCluster } from '../model/desired.js';
import type { CallerIdentity } from '../model/live.js';
import { parseArn, partitionOfRegion, type Partition } from '../model/partition.js';
import { createAwsClients, DEFAULT_MAX_ATTEMPTS, destroyAwsClients, type AwsClientOptions, type AwsClients, type AwsCredentials } from './clients.js';
import { describeAwsError } from './errors.js';

/** Where a cluster lives and how to reach it: the same fields as DesiredCluster, so one can be passed as is. */
export type ClusterTarget = Pick<DesiredCluster, 'name' | 'region' | 'accountId' | 'assumeRoleArn' | 'source'>;

export interface ClusterSession {
  target: ClusterTarget;
  region: string;
  partition: Partition;
  /** The account the credentials belong to (checked against target.accountId when given). */
  accountId: string;
  caller: CallerIdentity;
  /** Shared with other sessions of the same region and role: close through closeClusterSessions. */
  clients: AwsClients;
}

export interface SessionOptions {
  /** Base credentials (default: the SDK's default chain); assumeRoleArn roles are assumed with them. */
  credentials?: AwsCredentials;
  endpoints?: AwsClientOptions['endpoints'];
  maxAttempts?: number;
  retryMode?: AwsClientOptions['retryMode'];
  timeouts?: AwsClientOptions['timeouts'];
  deadline?: AwsClientOptions['deadline'];
  watch?: AwsClientOptions['watch'];
  /** AssumeRole session length (default 3600 s). */
  durationSeconds?: number;
}

/**
 * Opens one session per cluster: clients for its region, the cluster's role assumed when it names
 * one, and the caller identity from STS. Sessions are shared per (region, assumeRoleArn), so a
 * fleet of clusters in one account costs one AssumeRole + GetCallerIdentity pair. A cluster whose
 * credentials belong to another account than its `accountId` is refused (ACCOUNT_MISMATCH).
 * Every target is tried; the failures are reported together.
 */
export async function openClusterSessions(targets: readonly ClusterTarget[], options: SessionOptions = {}): Promise<ClusterSession[]> {
  const baseClients = new Map<string, AwsClients>();
  const shared = new Map<string, Promise<{ clients: AwsClients; caller: CallerIdentity }>>();
  const baseFor = (region: string): AwsClients => {
    let clients = baseClients.get(region);
    if (!clients) {
      clients = createAwsClients(clientOptions(region, options.credentials, options));
      baseClients.set(region, clients);
    }
    return clients;
  };
  const sharedFor = (target: ClusterTarget) => {
    const key = `${target.region}\u0000${target.assumeRoleArn ?? ''}`;
    let session = shared.get(key);
    if (!session) {
      session = openSharedSession(target, baseFor, options);
      shared.set(key, session);
    }
    return session;
  };

  const settled = await Promise.allSettled(
    targets.map(async (target): Promise<ClusterSession> => {
      const { clients, caller } = await sharedFor(target);
      if (target.accountId !== undefined && target.accountId !== caller.accountId) throw accountMismatch(target, caller);
      return { target, region: target.region, partition: partitionOfRegion(target.region), accountId: caller.accountId, caller, clients };
    }),
  );
  const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (failures.length > 0) {
    closeAll([...baseClients.values(), ...(await settledClients(shared))]);
    throw combineFailures(failures);
  }
  return settled.map((s) => (s as PromiseFulfilledResult<ClusterSession>).value);
}

/** Releases the sockets of every distinct client set the sessions use. */
export function closeClusterSessions(sessions: readonly ClusterSession[]): void {
  closeAll(sessions.map((s) => s.clients));
}

function closeAll(clientSets: AwsClients[]): void {
  for (const clients of new Set(clientSets)) destroyAwsClients(clients);
}

async function settledClients(shared: Map<string, Promise<{ clients: AwsClients }>>): Promise<AwsClients[]> {
  const all = await Promise.allSettled(shared.values());
  return all.flatMap((s) => (s.status === 'fulfilled' ? [s.value.clients] : []));
}

async function openSharedSession(
  target: ClusterTarget,
  baseFor: (region: string) => AwsClients,
  options: SessionOptions,
): Promise<{ clients: AwsClients; caller: CallerIdentity }> {
  const base = baseFor(target.region);
  let clients = base;
  if (target.assumeRoleArn !== undefined) {
    const provider = assumeRoleCredentials(base, { ...target, assumeRoleArn: target.assumeRoleArn }, options);
    // Assume once up front so a refused role fails here, naming the role, rather than inside a later call.
    await provider();
    clients = createAwsClients(clientOptions(target.region, provider, options));
  }
  const caller = await getCallerIdentity(clients.sts, target);
  return { clients, caller };
}

function clientOptions(region: string, credentials: AwsCredentials | undefined, options: SessionOptions): AwsClientOptions {
  return {
    region,
    ...(credentials === undefined ? {} : { credentials }),
    ...(options.endpoints === undefined ? {} : { endpoints: options.endpoints }),
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    ...(options.retryMode === undefined ? {} : { retryMode: options.retryMode }),
    ...(options.timeouts === undefined ? {} : { timeouts: options.timeouts }),
    ...(options.deadline === undefined ? {} : { deadline: options.deadline }),
    ...(options.watch === undefined ? {} : { watch: options.watch }),
  };
}

/** `eks-identity-<cluster>`, cut to the 64 characters and character set STS accepts. */
export function sessionNameFor(clusterName: string): string {
  return `eks-identity-${clusterName}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}

/**
 * The role's credentials from the SDK's own provider (STS AssumeRole through the same endpoint,
 * connection and timeouts as the base clients), memoized by the SDK's identity memoizer: one
 * AssumeRole serves the session's three clients, renewed five minutes before it expires, and a
 * failed attempt is not kept. Errors name the role.
 */
function assumeRoleCredentials(base: AwsClients, target: ClusterTarget & { assumeRoleArn: string }, options: SessionOptions): MemoizedIdentityProvider<AwsCredentialIdentity> {
  const provider = fromTemporaryCredentials({
    params: { RoleArn: target.assumeRoleArn, RoleSessionName: sessionNameFor(target.name), DurationSeconds: options.durationSeconds ?? 3600 },
    ...(options.credentials === undefined ? {} : { masterCredentials: options.credentials as AwsCredentialIdentity | AwsCredentialIdentityProvider }),
    clientConfig: {
      region: target.region,
      requestHandler: base.sts.config.requestHandler,
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      ...(options.endpoints?.sts === undefined ? {} : { endpoint: options.endpoints.sts }),
    },
  });
  const described: AwsCredentialIdentityProvider = async (properties) => {
    try {
      return await provider(properties);
    } catch (err) {
      throw describeAwsError('AssumeRole', `role ${target.assumeRoleArn}`, err);
    }
  };
  return memoizeIdentityProvider(described, isIdentityExpired, doesIdentityRequireRefresh)!;
}

async function getCallerIdentity(sts: STSClient, target: ClusterTarget): Promise<CallerIdentity> {
  let answer;
  try {
    answer = await sts.send(new GetCallerIdentityCommand({}));
  } catch (err) {
    throw describeAwsError('GetCallerIdentity', `credentials for cluster ${target.name} (${target.region})`, err);
  }
  if (!answer.Arn || !answer.Account) {
    throw new EksIdentityError('AWS_CALLER_IDENTITY', `GetCallerIdentity returned no ARN for cluster ${target.name}`, { source: 'internal' });
  }
  return callerIdentityOf(answer.Arn, answer.Account);
}

/**
 * The principal an access entry names for a caller: an assumed-role session maps to its role
 * (`arn:P:sts::A:assumed-role/NAME/SESSION` → `arn:P:iam::A:role/NAME`; STS does not return the
 * role's path). Users and roles map to themselves.
 */
export function callerIdentityOf(arn: string, accountId: string): CallerIdentity {
  const parsed = parseArn(arn);
  if (parsed?.service === 'sts' && parsed.resource.startsWith('assumed-role/')) {
    const roleName = parsed.resource.split('/')[1] ?? '';
    return { arn, accountId, principalArn: `arn:${parsed.partition}:iam::${parsed.accountId}:role/${roleName}` };
  }
  return { arn, accountId, principalArn: arn };
}

function accountMismatch(target: ClusterTarget, caller: CallerIdentity): EksIdentityError {
  const via = target.assumeRoleArn === undefined ? 'the credentials' : `the credentials from ${target.assumeRoleArn}`;
  return new EksIdentityError(
    'ACCOUNT_MISMATCH',
    `Cluster ${target.name} (${target.region}) is declared in account ${target.accountId ?? '?'}, but ${via} belong to account ${caller.accountId} (${caller.arn}); refusing to read or change it`,
    {
      fix: `Use credentials for account ${target.accountId ?? '?'} (for example assumeRoleArn on the cluster), or correct the cluster's accountId.`,
      ...(target.source === undefined ? {} : { location: target.source }),
    },
  );
}

function combineFailures(failures: unknown[]): unknown {
  if (failures.length === 1) return failures[0];
  const first = failures[0];
  const messages = failures.map((f) => (f instanceof Error ? f.message : String(f)));
  if (!EksIdentityError.is(first)) return first;
  return new EksIdentityError(first.code, messages.join('\n'), {
    source: first.source,
    ...(first.fix === undefined ? {} : { fix: first.fix }),
    ...(first.location === undefined ? {} : { location: first.location }),
    cause: new AggregateError(failures),
  });
}
