import { closeClusterSessions } from '../../src/aws/session.js';
import { readLiveCluster } from '../../src/aws/reader.js';
import { CallWatch } from '../../src/aws/call-watch.js';
import type { EmulatorState, FaultOptions } from '../../src/emulator/index.js';
import { ACCOUNT, BASE_KEY, bulkAssociations, desiredAssociation, desiredCluster, desiredEntry, openSessions, roleArn, startWorld } from './emulator-fixture.js';

const user = (i: number) => `arn:aws:iam::${ACCOUNT}:user/u${String(i).padStart(4, '0')}`;

/** 300 associations in `bulk`, 3 in each of `solo-0..9`, and 250 user entries. */
function state(): EmulatorState {
  return {
    region: 'eu-west-1',
    identities: { [BASE_KEY]: `arn:aws:iam::${ACCOUNT}:user/deployer` },
    iam: { roles: [{ arn: roleArn('Bulk') }], users: Array.from({ length: 250 }, (_, i) => ({ arn: user(i) })) },
    clusters: [
      {
        name: 'big',
        accountId: ACCOUNT,
        authenticationMode: 'API',
        addons: [{ name: 'eks-pod-identity-agent' }],
        podIdentityAssociations: [
          ...bulkAssociations(300),
          ...Array.from({ length: 30 }, (_, i) => ({ namespace: `solo-${i % 10}`, serviceAccount: `sa-${i}`, roleArn: roleArn('Bulk') })),
        ],
        accessEntries: Array.from({ length: 250 }, (_, i) => ({ principalArn: user(i) })),
      },
    ],
  };
}

/** The order in which attempts began and ended, as the clients' call middleware reports them. */
class OrderWatch extends CallWatch {
  readonly events: string[] = [];
  private readonly names = new Map<number, string>();
  override begin(operation: string, endpoint: string): number {
    const id = super.begin(operation, endpoint);
    this.names.set(id, operation);
    this.events.push(`begin ${operation}`);
    return id;
  }
  override end(id: number, error?: unknown): void {
    super.end(id, error);
    this.events.push(`end ${this.names.get(id) ?? '?'}`);
  }
}

/** Reads one cluster of state() with every attempt recorded in order (`events`: as the read returned). */
async function readWatching(desired: ReturnType<typeof desiredCluster>, faults?: FaultOptions, timeouts?: { responseMs: number }) {
  const watch = new OrderWatch();
  const { emulator, sessionOptions } = await startWorld(state(), faults);
  const sessions = await openSessions([{ name: desired.name, region: 'eu-west-1' }], { ...sessionOptions, watch, ...(timeouts ? { timeouts } : {}) });
  try {
    const live = await readLiveCluster(sessions[0]!, desired);
    return { live, events: [...watch.events] };
  } finally {
    closeClusterSessions(sessions);
    await emulator.close();
  }
}

async function readCounting(desired: ReturnType<typeof desiredCluster>) {
  const { emulator, sessionOptions } = await startWorld(state());
  const sessions = await openSessions([{ name: 'big', region: 'eu-west-1' }], sessionOptions);
  try {
    emulator.resetCalls();
    const live = await readLiveCluster(sessions[0]!, desired);
    return { live, calls: emulator.calls() };
  } finally {
    closeClusterSessions(sessions);
    await emulator.close();
  }
}

describe('targeted reads with prune off', () => {
  it('GIVEN 200 associations and keys in 2 namespaces beyond the first page WHEN read THEN the second page completes the list: counted, no targeted call', async () => {
    const small = state();
    const { emulator, sessionOptions } = await startWorld({ ...small, clusters: small.clusters!.map((c) => ({ ...c, podIdentityAssociations: (c.podIdentityAssociations ?? []).slice(130) })) });
    const sessions = await openSessions([{ name: 'big', region: 'eu-west-1' }], sessionOptions);
    try {
      emulator.resetCalls();
      const keys = [desiredAssociation('solo-1', 'sa-1', roleArn('Bulk')), desiredAssociation('solo-2', 'sa-2', roleArn('Bulk'))];
      const live = await readLiveCluster(sessions[0]!, desiredCluster({ name: 'big', region: 'eu-west-1', associations: keys }));
      expect(emulator.calls().ListPodIdentityAssociations).toBe(2);
      expect(live.associationSummaries).toHaveLength(200);
      expect(live.uncounted).toEqual(['accessEntries']);
      expect(live.associations.map((a) => a.serviceAccount)).toEqual(['sa-1', 'sa-2']);
    } finally {
      closeClusterSessions(sessions);
      await emulator.close();
    }
  });

  it('GIVEN one declared service account in each of 10 namespaces WHEN read THEN two pages of the list (fewer calls than 10, no slower), then each by namespace and service account', async () => {
    const keys = Array.from({ length: 10 }, (_, i) => desiredAssociation(`solo-${i}`, `sa-${i}`, roleArn('Bulk')));
    const { live, calls } = await readCounting(desiredCluster({ name: 'big', region: 'eu-west-1', associations: keys }));
    expect(calls.ListPodIdentityAssociations).toBe(2 + 10);
    expect(calls.DescribePodIdentityAssociation).toBe(10);
    expect(live.associations.map((a) => `${a.namespace}/${a.serviceAccount}`)).toEqual(keys.map((k) => `${k.namespace}/${k.serviceAccount}`));
  });

  it('GIVEN keys in 10 namespaces searched 2 at a time WHEN read THEN the first describes start before the last namespace has answered', async () => {
    const watch = new OrderWatch();
    const { emulator, sessionOptions } = await startWorld(state());
    const sessions = await openSessions([{ name: 'big', region: 'eu-west-1' }], { ...sessionOptions, watch });
    try {
      const keys = Array.from({ length: 10 }, (_, i) => desiredAssociation(`solo-${i}`, `sa-${i}`, roleArn('Bulk')));
      const live = await readLiveCluster(sessions[0]!, desiredCluster({ name: 'big', region: 'eu-west-1', associations: keys }), { concurrency: 2 });
      expect(live.associations).toHaveLength(10);
      const firstDescribe = watch.events.indexOf('begin DescribePodIdentityAssociation');
      const lastListEnd = watch.events.lastIndexOf('end ListPodIdentityAssociations');
      expect(firstDescribe).toBeGreaterThan(-1);
      expect(firstDescribe).toBeLessThan(lastListEnd);
    } finally {
      closeClusterSessions(sessions);
      await emulator.close();
    }
  });

  it('GIVEN two unfound keys in a namespace of 300 WHEN read THEN it pages the namespace twice, then asks for the two (at most twice the better strategy)', async () => {
    // sa-0298 and sa-0299 are on the third page of namespace bulk, and after the cluster's first page.
    const keys = [desiredAssociation('bulk', 'sa-0298', roleArn('Bulk')), desiredAssociation('bulk', 'sa-0299', roleArn('Bulk'))];
    const { live, calls } = await readCounting(desiredCluster({ name: 'big', region: 'eu-west-1', associations: keys }));
    expect(calls.ListPodIdentityAssociations).toBe(1 + 2 + 2);
    expect(live.associations.map((a) => a.serviceAccount)).toEqual(['sa-0298', 'sa-0299']);
  });

  it('GIVEN declared entries beyond the first page, one absent, WHEN read THEN they are described by principal (404 = absent) and every declared user is read', async () => {
    const absent = `arn:aws:iam::${ACCOUNT}:user/nobody`;
    const { live, calls } = await readCounting(desiredCluster({ name: 'big', region: 'eu-west-1', accessEntries: [desiredEntry(user(5)), desiredEntry(user(240)), desiredEntry(absent)] }));
    expect(calls.ListAccessEntries).toBe(1);
    expect(calls.DescribeAccessEntry).toBe(3);
    expect(calls.ListAssociatedAccessPolicies).toBe(2);
    expect(live.accessEntries.map((e) => e.principalArn)).toEqual([user(5), user(240)]);
    // The user of the entry not created yet is read too: a user missing from IAM is an error at plan.
    expect(Object.keys(live.users ?? {}).sort()).toEqual([absent, user(5), user(240)].sort());
    expect(live.accessEntryPrincipals).toContain(user(240));
    expect(live.uncounted).toEqual(['associations', 'accessEntries']);
  });

  it('GIVEN a read WHEN it starts THEN the first association page is asked for beside DescribeCluster, and the entry list only after its answer', async () => {
    const keys = Array.from({ length: 3 }, (_, i) => desiredAssociation(`solo-${i}`, `sa-${i}`, roleArn('Bulk')));
    const { live, events } = await readWatching(desiredCluster({ name: 'big', region: 'eu-west-1', associations: keys, accessEntries: [desiredEntry(user(240))] }));
    expect(live.associations).toHaveLength(3);
    const clusterAnswered = events.indexOf('end DescribeCluster');
    expect(events.indexOf('begin ListPodIdentityAssociations')).toBeLessThan(clusterAnswered);
    expect(events.indexOf('begin ListAddons')).toBeLessThan(clusterAnswered);
    // A ConfigMap-only cluster refuses the entry list: it is not asked for until the mode is known.
    expect(events.indexOf('begin ListAccessEntries')).toBeGreaterThan(clusterAnswered);
  });

  it('GIVEN declared roles and users WHEN read THEN the IAM reads start once every list call has ended', async () => {
    const keys = Array.from({ length: 10 }, (_, i) => desiredAssociation(`solo-${i}`, `sa-${i}`, roleArn('Bulk')));
    const { live, events } = await readWatching(desiredCluster({ name: 'big', region: 'eu-west-1', associations: keys, accessEntries: [desiredEntry(user(5)), desiredEntry(user(240))] }));
    expect(Object.keys(live.roles)).toEqual([roleArn('Bulk')]);
    expect(Object.keys(live.users ?? {})).toHaveLength(2);
    const listsEnded = Math.max(events.lastIndexOf('end ListPodIdentityAssociations'), events.lastIndexOf('end ListAccessEntries'));
    expect(events.indexOf('begin GetRole')).toBeGreaterThan(listsEnded);
    expect(events.indexOf('begin GetUser')).toBeGreaterThan(listsEnded);
  });

  it('GIVEN a cluster that does not exist WHEN read THEN it is absent, and the calls asked for beside DescribeCluster have ended before the read returns', async () => {
    // ListAddons never answers: its attempts end only by the response timeout, long after DescribeCluster's 404.
    const { live, events } = await readWatching(desiredCluster({ name: 'gone', region: 'eu-west-1', associations: [desiredAssociation('solo-1', 'sa-1', roleArn('Bulk'))] }), { hangOperations: ['ListAddons'] }, { responseMs: 100 });
    expect(live.exists).toBe(false);
    expect(events).toContain('begin ListPodIdentityAssociations');
    expect(events).toContain('begin ListAddons');
    expect(events.filter((e) => e.startsWith('end ')).length).toBe(events.filter((e) => e.startsWith('begin ')).length);
  });
});
