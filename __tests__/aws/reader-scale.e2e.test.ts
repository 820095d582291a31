import { closeClusterSessions } from '../../src/aws/session.js';
import { readLiveCluster } from '../../src/aws/reader.js';
import type { EmulatorState } from '../../src/emulator/index.js';
import { ACCOUNT, BASE_KEY, bulkAssociations, desiredAssociation, desiredCluster, desiredEntry, openSessions, roleArn, startWorld } from './emulator-fixture.js';

const DECLARED = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];

function stateWith(unmanaged: number): EmulatorState {
  return {
    region: 'eu-west-1',
    identities: { [BASE_KEY]: `arn:aws:iam::${ACCOUNT}:user/deployer` },
    iam: { roles: [{ arn: roleArn('Declared') }, { arn: roleArn('Bulk') }, { arn: roleArn('Admins') }] },
    clusters: [
      {
        name: 'big',
        accountId: ACCOUNT,
        authenticationMode: 'API',
        podIdentityAssociations: [
          ...bulkAssociations(unmanaged),
          ...DECLARED.map((sa) => ({ namespace: 'declared', serviceAccount: sa, roleArn: roleArn('Declared'), tags: { app: sa } })),
        ],
        accessEntries: [
          { principalArn: roleArn('Admins'), accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] },
          ...Array.from({ length: 150 }, (_, i) => ({ principalArn: `arn:aws:iam::${ACCOUNT}:user/u${i}` })),
        ],
      },
    ],
  };
}

const declared = (prune: boolean) =>
  desiredCluster({
    name: 'big',
    region: 'eu-west-1',
    prune,
    associations: DECLARED.map((sa) => desiredAssociation('declared', sa, roleArn('Declared'))),
    accessEntries: [desiredEntry(roleArn('Admins'))],
  });

describe('reading only what the plan needs', () => {
  it('GIVEN 100 unmanaged live associations and 5 declared, prune off, WHEN read THEN one list page holds them all and the undeclared are counted', async () => {
    const small = stateWith(95);
    const { emulator, sessionOptions } = await startWorld({ ...small, clusters: small.clusters!.map((c) => ({ ...c, accessEntries: (c.accessEntries ?? []).slice(0, 10) })) });
    const sessions = await openSessions([{ name: 'big', region: 'eu-west-1' }], sessionOptions);
    try {
      emulator.resetCalls();
      const live = await readLiveCluster(sessions[0]!, declared(false));
      const calls = emulator.calls();
      expect(calls.ListPodIdentityAssociations).toBe(1);
      expect(calls.DescribePodIdentityAssociation).toBe(5);
      expect(calls.ListAccessEntries).toBe(1);
      expect(calls.DescribeAccessEntry).toBe(1);
      expect(live.associationSummaries).toHaveLength(100);
      expect(live.accessEntryPrincipals).toHaveLength(10);
      expect(live.uncounted).toBeUndefined();
    } finally {
      closeClusterSessions(sessions);
      await emulator.close();
    }
  });

  it('GIVEN 995 unmanaged live associations and 5 declared in one namespace, prune off, WHEN read THEN the namespace is listed instead of the cluster, and the undeclared are not counted', async () => {
    const { emulator, sessionOptions } = await startWorld(stateWith(995));
    const sessions = await openSessions([{ name: 'big', region: 'eu-west-1' }], sessionOptions);
    try {
      emulator.resetCalls();
      const live = await readLiveCluster(sessions[0]!, declared(false));
      const calls = emulator.calls();
      // The first page of the whole list, then one page of the namespace `declared`.
      expect(calls.ListPodIdentityAssociations).toBe(2);
      expect(calls.DescribePodIdentityAssociation).toBe(5);
      // One page of entries, then the declared entry by principal.
      expect(calls.ListAccessEntries).toBe(1);
      expect(calls.DescribeAccessEntry).toBe(1);
      expect(calls.GetRole).toBe(2);
      expect(live.associations.map((a) => a.serviceAccount)).toEqual(DECLARED);
      expect(live.associations.every((a) => a.tags.app === a.serviceAccount)).toBe(true);
      expect(live.uncounted).toEqual(['associations', 'accessEntries']);
    } finally {
      closeClusterSessions(sessions);
      await emulator.close();
    }
  });

  it('GIVEN prune on WHEN read THEN every association and entry is described', async () => {
    const { emulator, sessionOptions } = await startWorld(stateWith(300));
    const sessions = await openSessions([{ name: 'big', region: 'eu-west-1' }], sessionOptions);
    try {
      emulator.resetCalls();
      const live = await readLiveCluster(sessions[0]!, declared(true));
      const calls = emulator.calls();
      expect(calls.DescribePodIdentityAssociation).toBe(305);
      expect(calls.DescribeAccessEntry).toBe(151);
      expect(calls.ListAssociatedAccessPolicies).toBe(151);
      expect(live.associations).toHaveLength(305);
      expect(live.accessEntries).toHaveLength(151);
    } finally {
      closeClusterSessions(sessions);
      await emulator.close();
    }
  });

  it('GIVEN concurrency 1 and concurrency 32 WHEN read THEN the LiveState is the same', async () => {
    const { emulator, sessionOptions } = await startWorld(stateWith(200));
    const sessions = await openSessions([{ name: 'big', region: 'eu-west-1' }], sessionOptions);
    try {
      const serial = await readLiveCluster(sessions[0]!, declared(true), { concurrency: 1 });
      const wide = await readLiveCluster(sessions[0]!, declared(true), { concurrency: 32 });
      expect(serial.associations).toHaveLength(205);
      expect(wide).toEqual(serial);
    } finally {
      closeClusterSessions(sessions);
      await emulator.close();
    }
  });

  // The SDK's adaptive retry slows its own send rate after each throttle, so under sustained random
  // throttling a read runs at a few requests per second: a small world keeps this test short.
  it('GIVEN 20% injected throttling WHEN read THEN the LiveState is the same as without faults', async () => {
    const { emulator, sessionOptions } = await startWorld(stateWith(10));
    const sessions = await openSessions([{ name: 'big', region: 'eu-west-1' }], sessionOptions);
    try {
      const clean = await readLiveCluster(sessions[0]!, declared(false), { concurrency: 32 });
      emulator.resetCalls();
      emulator.setFaults({ throttleRate: 0.2 });
      const throttled = await readLiveCluster(sessions[0]!, declared(false), { concurrency: 32 });
      const calls = emulator.calls();
      const successes = emulator.successfulCalls();
      const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
      // Throttling really happened and the SDK's retries absorbed it.
      expect(total(calls)).toBeGreaterThan(total(successes));
      expect(successes.DescribePodIdentityAssociation).toBe(5);
      expect(clean.associations).toHaveLength(5);
      expect(throttled).toEqual(clean);
    } finally {
      closeClusterSessions(sessions);
      await emulator.close();
    }
  }, 120_000);
});
