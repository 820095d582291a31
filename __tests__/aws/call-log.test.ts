import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ListClustersCommand } from '@aws-sdk/client-eks';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { awsCallLogFromEnv, formatAwsCall, type AwsCallRecord } from '../../src/aws/call-log.js';
import { createAwsClients, destroyAwsClients } from '../../src/aws/clients.js';
import { startEmulator, type EmulatorHandle, type EmulatorState } from '../../src/emulator/index.js';

const SECRET = 'very-secret-key-material';
const KEY = 'AKIACALLLOGTEST00001';
const state: EmulatorState = {
  version: 1,
  region: 'us-east-1',
  identities: { [KEY]: 'arn:aws:iam::111122223333:role/deployer' },
  iam: { roles: [{ arn: 'arn:aws:iam::111122223333:role/deployer' }] },
  clusters: [{ name: 'prod' }],
};

let calm: EmulatorHandle;
let throttling: EmulatorHandle;
beforeAll(async () => {
  calm = await startEmulator({ state, seed: 1 });
  throttling = await startEmulator({ state, seed: 5, faults: { throttleRate: 0.6 } });
});
afterAll(async () => {
  await calm.close();
  await throttling.close();
});

function clientsFor(emulator: EmulatorHandle, records: AwsCallRecord[]) {
  return createAwsClients({
    region: 'us-east-1',
    credentials: { accessKeyId: KEY, secretAccessKey: SECRET },
    endpoints: { eks: emulator.endpoint, iam: emulator.endpoint, sts: emulator.endpoint },
    callLog: (r) => records.push(r),
  });
}

describe('AWS call log', () => {
  it('GIVEN calls through the real SDK THEN each attempt is logged with client, operation, attempt, status and latency', async () => {
    const records: AwsCallRecord[] = [];
    const clients = clientsFor(calm, records);
    await clients.eks.send(new ListClustersCommand({}));
    await clients.sts.send(new GetCallerIdentityCommand({}));
    destroyAwsClients(clients);
    expect(records.map((r) => [r.client, r.operation, r.attempt, r.maxAttempts, r.status])).toEqual([
      ['EKSClient', 'ListClusters', 1, 8, 200],
      ['STSClient', 'GetCallerIdentity', 1, 8, 200],
    ]);
    for (const r of records) expect(r.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('GIVEN throttling WHEN the SDK retries THEN every attempt has its own line, and no line holds the credentials', async () => {
    const records: AwsCallRecord[] = [];
    const clients = clientsFor(throttling, records);
    for (let i = 0; i < 5; i += 1) await clients.eks.send(new ListClustersCommand({}));
    destroyAwsClients(clients);
    const throttled = records.filter((r) => r.status === 429 || r.error !== undefined);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled[0]!.error).toMatch(/Throttl|TooManyRequests/);
    expect(Math.max(...records.map((r) => r.attempt))).toBeGreaterThan(1);
    expect(records.filter((r) => r.status === 200)).toHaveLength(5);
    const lines = records.map(formatAwsCall).join('\n');
    expect(lines).not.toContain(SECRET);
    expect(lines).not.toContain(KEY);
    expect(lines).toMatch(/^aws eks ListClusters attempt \d\/8: 429 ThrottlingException in \d+ ms \(request [\w-]+\)$/m);
    expect(lines).toMatch(/^aws eks ListClusters attempt [2-8]\/8: 200 in \d+ ms/m);
  });

  it('GIVEN the environment THEN debug lines go to the Actions debug log, to stderr on request, or nowhere', () => {
    expect(awsCallLogFromEnv({})).toBeUndefined();
    expect(awsCallLogFromEnv({ GITHUB_ACTIONS: 'true' })).toBeUndefined();
    expect(awsCallLogFromEnv({ GITHUB_ACTIONS: 'true', RUNNER_DEBUG: '1' })).toBeInstanceOf(Function);
    expect(awsCallLogFromEnv({ EKS_IDENTITY_DEBUG: '1' })).toBeInstanceOf(Function);
    expect(formatAwsCall({ client: 'IAMClient', operation: 'GetRole', attempt: 0, latencyMs: 3.4, error: 'TimeoutError' })).toBe('aws iam GetRole: TimeoutError in 3 ms');
  });
});
