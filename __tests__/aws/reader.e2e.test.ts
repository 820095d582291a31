import { closeClusterSessions, type ClusterSession } from '../../src/aws/session.js';
import { readLiveCluster, readLiveState } from '../../src/aws/reader.js';
import { createLineProgress } from '../../src/aws/progress.js';
import type { EmulatorHandle, EmulatorState } from '../../src/emulator/index.js';
import type { DesiredState } from '../../src/model/desired.js';
import { ACCOUNT, BASE_KEY, desiredAssociation, desiredCluster, desiredEntry, openSessions, roleArn, startWorld } from './emulator-fixture.js';

const ADMIN_POLICY = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy';
const VIEW_POLICY = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy';
const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] };

const state: EmulatorState = {
  region: 'us-east-1',
  identities: { [BASE_KEY]: `arn:aws:iam::${ACCOUNT}:user/deployer` },
  iam: {
    roles: [
      { arn: roleArn('Karpenter'), roleId: 'AROAKARPENTER0000001', createDate: '2024-01-02T00:00:00Z', assumeRolePolicyDocument: trust },
      { arn: roleArn('PlatformAdmins'), roleId: 'AROAADMINS0000000001', createDate: '2024-01-03T00:00:00Z' },
      { arn: roleArn('Recreated'), roleId: 'AROARECREATED000002', createDate: '2024-06-01T00:00:00Z' },
    ],
  },
  clusters: [
    {
      name: 'prod',
      accountId: ACCOUNT,
      authenticationMode: 'API_AND_CONFIG_MAP',
      oidcIssuer: 'https://oidc.eks.us-east-1.amazonaws.com/id/PROD',
      addons: [
        {
          name: 'aws-ebs-csi-driver',
          podIdentityAssociations: [{ namespace: 'kube-system', serviceAccount: 'ebs-csi-controller-sa', roleArn: roleArn('EbsCsi'), associationId: 'a-ebs' }],
        },
      ],
      podIdentityAssociations: [
        {
          namespace: 'karpenter',
          serviceAccount: 'karpenter',
          roleArn: roleArn('Karpenter'),
          associationId: 'a-karpenter',
          disableSessionTags: true,
          policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
          tags: { team: 'platform', 'managed-by': 'eks-identity' },
          createdAt: '2024-02-01T00:00:00Z',
          modifiedAt: '2024-02-02T00:00:00Z',
        },
        { namespace: 'other', serviceAccount: 'unmanaged', roleArn: roleArn('Unmanaged'), associationId: 'a-unmanaged' },
      ],
      accessEntries: [
        {
          principalArn: roleArn('PlatformAdmins'),
          kubernetesGroups: ['viewers', 'admins'],
          username: 'platform-admin',
          createdAt: '2024-03-01T00:00:00Z',
          tags: { team: 'platform' },
          accessPolicies: [
            { policyArn: VIEW_POLICY, accessScope: { type: 'namespace', namespaces: ['team-b', 'team-a'] }, associatedAt: '2024-03-01T00:00:00Z' },
            { policyArn: 'AmazonEKSClusterAdminPolicy', associatedAt: '2024-03-01T00:00:00Z' },
          ],
        },
        { principalArn: roleArn('Recreated'), createdAt: '2024-03-01T00:00:00Z', boundRoleId: 'AROARECREATED000001' },
        { principalArn: `arn:aws:iam::${ACCOUNT}:user/alice`, createdAt: '2024-03-01T00:00:00Z' },
      ],
    },
    { name: 'legacy', accountId: ACCOUNT, authenticationMode: 'CONFIG_MAP', autoMode: true },
  ],
};

describe('readLiveState against the emulator', () => {
  let emulator: EmulatorHandle;
  let sessions: ClusterSession[];

  beforeAll(async () => {
    const world = await startWorld(state);
    emulator = world.emulator;
    sessions = await openSessions(
      [
        { name: 'prod', region: 'us-east-1' },
        { name: 'legacy', region: 'us-east-1' },
        { name: 'gone', region: 'us-east-1' },
      ],
      world.sessionOptions,
    );
  });
  afterAll(async () => {
    closeClusterSessions(sessions);
    await emulator.close();
  });

  it('GIVEN a seeded cluster and a manifest WHEN read THEN the LiveState holds exactly the declared objects, the list summaries and the referenced roles', async () => {
    emulator.resetCalls();
    const desired: DesiredState = {
      files: [],
      clusters: [
        desiredCluster({
          name: 'prod',
          associations: [
            desiredAssociation('karpenter', 'karpenter', roleArn('Karpenter')),
            desiredAssociation('apps', 'new', roleArn('MissingRole')),
          ],
          accessEntries: [desiredEntry(roleArn('PlatformAdmins')), desiredEntry(roleArn('NotYetAnEntry'))],
        }),
      ],
    };
    const live = await readLiveState(sessions, desired);
    const prod = live.clusters[0]!;
    expect(prod).toMatchObject({
      name: 'prod',
      region: 'us-east-1',
      partition: 'aws',
      accountId: ACCOUNT,
      exists: true,
      authenticationMode: 'API_AND_CONFIG_MAP',
      autoMode: false,
      oidcIssuer: 'https://oidc.eks.us-east-1.amazonaws.com/id/PROD',
      addons: [{ name: 'aws-ebs-csi-driver' }],
      caller: { arn: `arn:aws:iam::${ACCOUNT}:user/deployer`, accountId: ACCOUNT, principalArn: `arn:aws:iam::${ACCOUNT}:user/deployer` },
    });
    expect(prod.associationSummaries.map((s) => [s.namespace, s.serviceAccount, s.associationId, s.ownerArn !== undefined])).toEqual([
      ['karpenter', 'karpenter', 'a-karpenter', false],
      ['kube-system', 'ebs-csi-controller-sa', 'a-ebs', true],
      ['other', 'unmanaged', 'a-unmanaged', false],
    ]);
    expect(prod.associations).toEqual([
      {
        associationId: 'a-karpenter',
        associationArn: `arn:aws:eks:us-east-1:${ACCOUNT}:podidentityassociation/prod/a-karpenter`,
        namespace: 'karpenter',
        serviceAccount: 'karpenter',
        roleArn: roleArn('Karpenter'),
        disableSessionTags: true,
        policy: '{"Statement":[{"Action":"s3:GetObject","Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}',
        tags: { 'managed-by': 'eks-identity', team: 'platform' },
        createdAt: '2024-02-01T00:00:00.000Z',
        modifiedAt: '2024-02-02T00:00:00.000Z',
      },
    ]);
    expect(prod.accessEntryPrincipals).toEqual([roleArn('PlatformAdmins'), roleArn('Recreated'), `arn:aws:iam::${ACCOUNT}:user/alice`]);
    expect(prod.accessEntries).toHaveLength(1);
    expect(prod.accessEntries[0]).toMatchObject({
      principalArn: roleArn('PlatformAdmins'),
      type: 'STANDARD',
      kubernetesGroups: ['admins', 'viewers'],
      username: 'platform-admin',
      tags: { team: 'platform' },
      createdAt: '2024-03-01T00:00:00.000Z',
      accessPolicies: [
        { policyArn: ADMIN_POLICY, scope: { type: 'cluster' }, associatedAt: '2024-03-01T00:00:00.000Z' },
        { policyArn: VIEW_POLICY, scope: { type: 'namespace', namespaces: ['team-a', 'team-b'] }, associatedAt: '2024-03-01T00:00:00.000Z' },
      ],
    });
    expect(prod.roles).toEqual({
      [roleArn('Karpenter')]: { arn: roleArn('Karpenter'), roleName: 'Karpenter', roleId: 'AROAKARPENTER0000001', createDate: '2024-01-02T00:00:00.000Z', trustPolicy: trust },
      [roleArn('MissingRole')]: null,
      [roleArn('NotYetAnEntry')]: null,
      [roleArn('PlatformAdmins')]: expect.objectContaining({ roleId: 'AROAADMINS0000000001', createDate: '2024-01-03T00:00:00.000Z' }),
    });
    const calls = emulator.calls();
    expect(calls.DescribePodIdentityAssociation).toBe(1);
    expect(calls.DescribeAccessEntry).toBe(1);
    expect(calls.ListAssociatedAccessPolicies).toBe(1);
    expect(calls.GetRole).toBe(4);
    expect(calls.DescribeAddon).toBeUndefined();
  });

  it('GIVEN prune on WHEN read THEN every association and entry is described, and the roles behind STANDARD entries are read for stale checks', async () => {
    const live = await readLiveCluster(sessions[0]!, desiredCluster({ name: 'prod', prune: true }));
    expect(live.associations.map((a) => a.associationId)).toEqual(['a-karpenter', 'a-ebs', 'a-unmanaged']);
    expect(live.associations[1]?.ownerArn).toMatch(/:addon\/prod\/aws-ebs-csi-driver\//);
    expect(live.accessEntries.map((e) => e.principalArn)).toEqual(live.accessEntryPrincipals);
    expect(live.accessEntries.find((e) => e.principalArn.endsWith(':user/alice'))?.username).toBe(`arn:aws:iam::${ACCOUNT}:user/alice`);
    expect(Object.keys(live.roles)).toEqual([roleArn('PlatformAdmins'), roleArn('Recreated')]);
    // The entry was bound to the role's previous id; the role read now shows the new one and a later date.
    expect(live.roles[roleArn('Recreated')]).toMatchObject({ roleId: 'AROARECREATED000002', createDate: '2024-06-01T00:00:00.000Z' });
  });

  it('GIVEN a ConfigMap-only Auto Mode cluster WHEN read THEN access entries are not listed and Auto Mode is reported', async () => {
    emulator.resetCalls();
    const live = await readLiveCluster(sessions[1]!, desiredCluster({ name: 'legacy', accessEntries: [desiredEntry(roleArn('PlatformAdmins'))] }));
    expect(live).toMatchObject({ exists: true, authenticationMode: 'CONFIG_MAP', autoMode: true, accessEntryPrincipals: [], accessEntries: [] });
    expect(emulator.calls().ListAccessEntries).toBeUndefined();
  });

  it('GIVEN two clusters of one account naming the same role WHEN read together THEN IAM is asked once, and both clusters see the role', async () => {
    emulator.resetCalls();
    const desired: DesiredState = {
      files: [],
      clusters: [
        desiredCluster({ name: 'prod', associations: [desiredAssociation('karpenter', 'karpenter', roleArn('Karpenter'))] }),
        desiredCluster({ name: 'legacy', associations: [desiredAssociation('karpenter', 'karpenter', roleArn('Karpenter'))] }),
      ],
    };
    const live = await readLiveState(sessions, desired);
    expect(live.clusters.map((c) => c.roles[roleArn('Karpenter')]?.roleName)).toEqual(['Karpenter', 'Karpenter']);
    expect(emulator.calls().GetRole).toBe(1);
  });

  it('GIVEN a cluster that does not exist WHEN read THEN it reads as absent, not as an error', async () => {
    const live = await readLiveCluster(sessions[2]!, desiredCluster({ name: 'gone', associations: [desiredAssociation('a', 'b', roleArn('Karpenter'))] }));
    expect(live).toMatchObject({ name: 'gone', exists: false, associations: [], accessEntries: [], roles: {} });
  });
});

describe('read progress', () => {
  it('GIVEN two clusters read in parallel with a line reporter WHEN read THEN one report sums both clusters and ends once', async () => {
    const { emulator, sessionOptions } = await startWorld(state);
    const sessions = await openSessions(
      [
        { name: 'prod', region: 'us-east-1' },
        { name: 'legacy', region: 'us-east-1' },
      ],
      sessionOptions,
    );
    const lines: string[] = [];
    try {
      const desired: DesiredState = { files: [], clusters: [desiredCluster({ name: 'prod', prune: true }), desiredCluster({ name: 'legacy' })] };
      await readLiveState(sessions, desired, { progress: createLineProgress({ write: (t: string) => lines.push(t) }, { now: () => 0 }) });
    } finally {
      closeClusterSessions(sessions);
      await emulator.close();
    }
    // prod: 3 associations + 3 entries + 2 roles; legacy: nothing to describe.
    expect(lines[lines.length - 1]).toBe('Reading 2 cluster(s), objects described: done, 8/8\n');
    expect(lines.filter((l) => l.includes('done'))).toHaveLength(1);
  });
});
