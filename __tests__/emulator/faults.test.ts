import { DescribeClusterCommand, EKSClient, ListPodIdentityAssociationsCommand } from '@aws-sdk/client-eks';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ADMIN_KEY, failure, startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.close();
  h = undefined;
});

/** Runs `tasks` with at most `limit` in flight. */
async function runPool(tasks: Array<() => Promise<unknown>>, limit: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
}

describe('GIVEN 20% injected throttling', () => {
  test('WHEN a 500-call workload runs with the SDK retry strategy THEN every call completes', async () => {
    h = await startHarness({ faults: { throttleRate: 0.2 }, seed: 7 });
    const config = { endpoint: h.emulator.endpoint, region: 'us-east-1', credentials: { accessKeyId: ADMIN_KEY, secretAccessKey: 's' }, maxAttempts: 10, retryMode: 'standard' };
    const eks = new EKSClient(config);
    const iam = new IAMClient(config);
    const sts = new STSClient(config);
    const kinds = [
      () => eks.send(new ListPodIdentityAssociationsCommand({ clusterName: 'prod' })),
      () => iam.send(new GetRoleCommand({ RoleName: 'Karpenter' })),
      () => sts.send(new GetCallerIdentityCommand({})),
      () => eks.send(new DescribeClusterCommand({ name: 'prod' })),
    ];
    let completed = 0;
    const tasks = Array.from({ length: 500 }, (_, i) => async () => {
      await kinds[i % kinds.length]!();
      completed++;
    });
    await runPool(tasks, 50);
    expect(completed).toBe(500);
    const calls = Object.values(h.emulator.calls()).reduce((a, b) => a + b, 0);
    const successes = Object.values(h.emulator.successfulCalls()).reduce((a, b) => a + b, 0);
    expect(successes).toBe(500);
    // Roughly one request in five was refused and retried.
    expect(calls - successes).toBeGreaterThan(60);
    expect(h.emulator.successfulCalls().GetRole).toBe(125);
  });
});

describe('GIVEN seeded faults', () => {
  async function pattern(seed: number): Promise<boolean[]> {
    const harness = await startHarness({ faults: { errorRate: 0.5 }, seed });
    try {
      const out: boolean[] = [];
      for (let i = 0; i < 20; i++) {
        out.push(await harness.eks.send(new DescribeClusterCommand({ name: 'prod' })).then(() => true, () => false));
      }
      return out;
    } finally {
      await harness.emulator.close();
    }
  }

  test('WHEN two emulators share a seed THEN the same requests fail', async () => {
    const a = await pattern(42);
    expect(await pattern(42)).toEqual(a);
    expect(a).toContain(true);
    expect(a).toContain(false);
  });

  test('WHEN errorRate is 1 THEN EKS answers ServerException/ServiceUnavailableException and IAM ServiceFailure/ServiceUnavailable', async () => {
    h = await startHarness({ faults: { errorRate: 1 } });
    const eksErr = await failure(h.eks.send(new DescribeClusterCommand({ name: 'prod' })));
    expect(['ServerException', 'ServiceUnavailableException']).toContain(eksErr.name);
    expect([500, 503]).toContain(eksErr.status);
    const iamErr = await failure(h.iam.send(new GetRoleCommand({ RoleName: 'Karpenter' })));
    expect(['ServiceFailureException', 'ServiceFailure', 'ServiceUnavailableException', 'ServiceUnavailable']).toContain(iamErr.name);
  });

  test('WHEN resetRate is 1 THEN the connection drops; after setFaults({}) calls succeed', async () => {
    h = await startHarness({ faults: { resetRate: 1 } });
    const err = await failure(h.eks.send(new DescribeClusterCommand({ name: 'prod' })));
    expect(err.status).toBeUndefined();
    h.emulator.setFaults({});
    expect((await h.eks.send(new DescribeClusterCommand({ name: 'prod' }))).cluster!.name).toBe('prod');
  });

  test('WHEN latency is 150 ms THEN each answer waits', async () => {
    h = await startHarness({ faults: { latencyMs: 150 } });
    const start = Date.now();
    await h.sts.send(new GetCallerIdentityCommand({}));
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
  });
});

describe('GIVEN a per-operation token bucket of 1 rps, burst 2, and a frozen clock', () => {
  test('WHEN an operation is called a third time THEN EKS answers 429 ThrottlingException and IAM 400 Throttling; other operations still pass', async () => {
    const harness: Harness = await startHarness({ faults: { throttleRps: 1, throttleBurst: 2 }, now: () => 1_000 });
    h = harness;
    const describe = () => harness.eks.send(new DescribeClusterCommand({ name: 'prod' }));
    await describe();
    await describe();
    expect(await failure(describe())).toMatchObject({ name: 'ThrottlingException', status: 429 });
    await harness.eks.send(new ListPodIdentityAssociationsCommand({ clusterName: 'prod' }));
    const getRole = () => harness.iam.send(new GetRoleCommand({ RoleName: 'Karpenter' }));
    await getRole();
    await getRole();
    expect(await failure(getRole())).toMatchObject({ name: 'Throttling', status: 400 });
    expect(harness.emulator.calls()).toMatchObject({ DescribeCluster: 3, ListPodIdentityAssociations: 1, GetRole: 3 });
    expect(harness.emulator.successfulCalls()).toMatchObject({ DescribeCluster: 2, GetRole: 2 });
    harness.emulator.resetCalls();
    expect(harness.emulator.calls()).toEqual({});
  });
});
