import {
  AssociateAccessPolicyCommand,
  CreateAccessEntryCommand,
  DeleteAccessEntryCommand,
  DescribeAccessEntryCommand,
  DisassociateAccessPolicyCommand,
  ListAccessEntriesCommand,
  ListAssociatedAccessPoliciesCommand,
  UpdateAccessEntryCommand,
} from '@aws-sdk/client-eks';
import { CreateRoleCommand, DeleteRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { baseState, failure, roleArn, startHarness, type Harness } from './harness.js';

const ADMIN_POLICY = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy';
const VIEW_POLICY = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy';
let clock = Date.parse('2025-06-01T00:00:00Z');
let h: Harness;
beforeEach(async () => {
  clock = Date.parse('2025-06-01T00:00:00Z');
  h = await startHarness({ now: () => clock });
});
afterEach(() => h.emulator.close());

const createEntry = (principalArn: string, extra: Partial<ConstructorParameters<typeof CreateAccessEntryCommand>[0]> = {}) =>
  h.eks.send(new CreateAccessEntryCommand({ clusterName: 'prod', principalArn, ...extra }));

describe('GIVEN a cluster in API_AND_CONFIG_MAP mode', () => {
  test('WHEN an entry goes through create, describe, update, policies and delete THEN the shapes match the API', async () => {
    const created = (await createEntry(roleArn('Karpenter'), { kubernetesGroups: ['viewers'], tags: { team: 'platform' } })).accessEntry!;
    expect(created).toMatchObject({
      clusterName: 'prod',
      principalArn: roleArn('Karpenter'),
      kubernetesGroups: ['viewers'],
      type: 'STANDARD',
      username: 'arn:aws:sts::111122223333:assumed-role/Karpenter/{{SessionName}}',
      tags: { team: 'platform' },
    });
    expect(created.accessEntryArn).toMatch(/^arn:aws:eks:us-east-1:111122223333:access-entry\/prod\/role\/111122223333\/Karpenter\//);

    clock += 1000;
    const updated = (await h.eks.send(new UpdateAccessEntryCommand({ clusterName: 'prod', principalArn: roleArn('Karpenter'), kubernetesGroups: ['editors'], username: 'karpenter' }))).accessEntry!;
    expect(updated).toMatchObject({ kubernetesGroups: ['editors'], username: 'karpenter' });
    expect(updated.modifiedAt!.getTime()).toBe(clock);

    const associated = await h.eks.send(
      new AssociateAccessPolicyCommand({ clusterName: 'prod', principalArn: roleArn('Karpenter'), policyArn: VIEW_POLICY, accessScope: { type: 'namespace', namespaces: ['a'] } }),
    );
    expect(associated.associatedAccessPolicy).toMatchObject({ policyArn: VIEW_POLICY, accessScope: { type: 'namespace', namespaces: ['a'] } });
    clock += 1000;
    // Associating again replaces the scope.
    await h.eks.send(new AssociateAccessPolicyCommand({ clusterName: 'prod', principalArn: roleArn('Karpenter'), policyArn: VIEW_POLICY, accessScope: { type: 'cluster' } }));
    await h.eks.send(new AssociateAccessPolicyCommand({ clusterName: 'prod', principalArn: roleArn('Karpenter'), policyArn: ADMIN_POLICY, accessScope: { type: 'cluster' } }));
    const page1 = await h.eks.send(new ListAssociatedAccessPoliciesCommand({ clusterName: 'prod', principalArn: roleArn('Karpenter'), maxResults: 1 }));
    expect(page1.associatedAccessPolicies).toHaveLength(1);
    expect(page1.associatedAccessPolicies![0]).toMatchObject({ policyArn: VIEW_POLICY, accessScope: { type: 'cluster', namespaces: [] } });
    expect(page1.associatedAccessPolicies![0]!.modifiedAt!.getTime()).toBeGreaterThan(page1.associatedAccessPolicies![0]!.associatedAt!.getTime());
    const page2 = await h.eks.send(new ListAssociatedAccessPoliciesCommand({ clusterName: 'prod', principalArn: roleArn('Karpenter'), maxResults: 1, nextToken: page1.nextToken }));
    expect(page2.associatedAccessPolicies![0]!.policyArn).toBe(ADMIN_POLICY);
    expect(page2.nextToken).toBeUndefined();

    expect((await h.eks.send(new ListAccessEntriesCommand({ clusterName: 'prod', associatedPolicyArn: ADMIN_POLICY }))).accessEntries).toEqual([roleArn('Karpenter')]);
    await h.eks.send(new DisassociateAccessPolicyCommand({ clusterName: 'prod', principalArn: roleArn('Karpenter'), policyArn: ADMIN_POLICY }));
    expect((await h.eks.send(new ListAccessEntriesCommand({ clusterName: 'prod', associatedPolicyArn: ADMIN_POLICY }))).accessEntries).toEqual([]);

    await h.eks.send(new DeleteAccessEntryCommand({ clusterName: 'prod', principalArn: roleArn('Karpenter') }));
    expect(await failure(h.eks.send(new DescribeAccessEntryCommand({ clusterName: 'prod', principalArn: roleArn('Karpenter') })))).toMatchObject({
      name: 'ResourceNotFoundException',
      status: 404,
    });
  });

  test('WHEN listing entries by pages THEN every principal ARN comes back once', async () => {
    await createEntry(roleArn('Karpenter'));
    await createEntry(roleArn('team/AppRole'));
    await createEntry('arn:aws:iam::111122223333:user/admin');
    const first = await h.eks.send(new ListAccessEntriesCommand({ clusterName: 'prod', maxResults: 2 }));
    const second = await h.eks.send(new ListAccessEntriesCommand({ clusterName: 'prod', maxResults: 2, nextToken: first.nextToken }));
    expect([...first.accessEntries!, ...second.accessEntries!]).toEqual([roleArn('Karpenter'), roleArn('team/AppRole'), 'arn:aws:iam::111122223333:user/admin']);
    expect(await failure(h.eks.send(new ListAccessEntriesCommand({ clusterName: 'prod', maxResults: 101 })))).toMatchObject({ name: 'InvalidParameterException' });
  });

  test('WHEN the entry exists already THEN ResourceInUseException 409; a replayed token returns it', async () => {
    await createEntry(roleArn('Karpenter'), { clientRequestToken: 't-1' });
    expect((await createEntry(roleArn('Karpenter'), { clientRequestToken: 't-1' })).accessEntry!.principalArn).toBe(roleArn('Karpenter'));
    expect(await failure(createEntry(roleArn('Karpenter')))).toMatchObject({ name: 'ResourceInUseException', status: 409 });
  });

  test('WHEN the principal is missing, a session, or of the wrong kind for the type THEN InvalidParameterException', async () => {
    expect(await failure(createEntry(roleArn('Missing')))).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect(await failure(createEntry('arn:aws:sts::111122223333:assumed-role/Karpenter/s'))).toMatchObject({ name: 'InvalidParameterException' });
    expect(await failure(createEntry('arn:aws:iam::111122223333:user/admin', { type: 'EC2_LINUX' }))).toMatchObject({ name: 'InvalidParameterException' });
    expect(await failure(createEntry(roleArn('Karpenter'), { type: 'NOT_A_TYPE' }))).toMatchObject({ name: 'InvalidParameterException' });
  });

  test('WHEN a node type gets a username or groups THEN InvalidParameterException; without them it gets the node username', async () => {
    expect(await failure(createEntry(roleArn('Karpenter'), { type: 'EC2_LINUX', kubernetesGroups: ['x'] }))).toMatchObject({ name: 'InvalidParameterException' });
    expect(await failure(createEntry(roleArn('Karpenter'), { type: 'FARGATE_LINUX', username: 'x' }))).toMatchObject({ name: 'InvalidParameterException' });
    const node = (await createEntry(roleArn('Karpenter'), { type: 'EC2_LINUX' })).accessEntry!;
    expect(node).toMatchObject({ type: 'EC2_LINUX', username: 'system:node:{{EC2PrivateDNSName}}' });
    const update = h.eks.send(new UpdateAccessEntryCommand({ clusterName: 'prod', principalArn: roleArn('Karpenter'), username: 'me' }));
    expect(await failure(update)).toMatchObject({ name: 'InvalidParameterException' });
    const policy = h.eks.send(new AssociateAccessPolicyCommand({ clusterName: 'prod', principalArn: roleArn('Karpenter'), policyArn: VIEW_POLICY, accessScope: { type: 'cluster' } }));
    expect(await failure(policy)).toMatchObject({ name: 'InvalidParameterException' });
  });

  test('WHEN usernames or groups use reserved prefixes THEN InvalidParameterException', async () => {
    for (const username of ['system:admin', 'eks:x', 'aws:x', 'amazon:x', 'iam:x']) {
      expect(await failure(createEntry(roleArn('Karpenter'), { username }))).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    }
    expect(await failure(createEntry(roleArn('Karpenter'), { kubernetesGroups: ['system:masters'] }))).toMatchObject({ name: 'InvalidParameterException' });
  });

  test('WHEN an access scope is inconsistent or the policy unknown THEN InvalidParameterException', async () => {
    await createEntry(roleArn('Karpenter'));
    const send = (policyArn: string, accessScope: { type: 'cluster' | 'namespace'; namespaces?: string[] }) =>
      h.eks.send(new AssociateAccessPolicyCommand({ clusterName: 'prod', principalArn: roleArn('Karpenter'), policyArn, accessScope }));
    expect(await failure(send(VIEW_POLICY, { type: 'namespace' }))).toMatchObject({ name: 'InvalidParameterException' });
    expect(await failure(send(VIEW_POLICY, { type: 'cluster', namespaces: ['a'] }))).toMatchObject({ name: 'InvalidParameterException' });
    expect(await failure(send('arn:aws:eks::aws:cluster-access-policy/Nope', { type: 'cluster' }))).toMatchObject({ name: 'InvalidParameterException' });
    expect(await failure(send('arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', { type: 'cluster' }))).toMatchObject({ name: 'InvalidParameterException' });
    const gone = h.eks.send(new DisassociateAccessPolicyCommand({ clusterName: 'prod', principalArn: roleArn('Karpenter'), policyArn: ADMIN_POLICY }));
    expect(await failure(gone)).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
  });
});

describe('GIVEN a cluster in CONFIG_MAP mode', () => {
  test('WHEN any access entry call is made THEN InvalidRequestException 400', async () => {
    const create = h.eks.send(new CreateAccessEntryCommand({ clusterName: 'legacy', principalArn: roleArn('Karpenter') }));
    expect(await failure(create)).toMatchObject({ name: 'InvalidRequestException', status: 400 });
    expect(await failure(h.eks.send(new ListAccessEntriesCommand({ clusterName: 'legacy' })))).toMatchObject({ name: 'InvalidRequestException', status: 400 });
  });
});

describe('GIVEN a cluster at the 3,000 access entry quota', () => {
  test('WHEN one more entry is created THEN ResourceLimitExceededException', async () => {
    await h.emulator.close();
    const state = baseState();
    state.iam!.roles!.push(...Array.from({ length: 3000 }, (_, i) => ({ arn: roleArn(`bulk-${i}`) })));
    state.clusters![0]!.accessEntries = Array.from({ length: 3000 }, (_, i) => ({ principalArn: roleArn(`bulk-${i}`) }));
    h = await startHarness({ state });
    expect(await failure(createEntry(roleArn('Karpenter')))).toMatchObject({ name: 'ResourceLimitExceededException', status: 400 });
  });
});

describe('GIVEN an access entry for role R', () => {
  test('WHEN R is deleted and re-created THEN the entry still answers, is older than the role, and is bound to the old id', async () => {
    await h.iam.send(new CreateRoleCommand({ RoleName: 'R', AssumeRolePolicyDocument: '{"Statement":[]}' }));
    const oldRoleId = (await h.iam.send(new GetRoleCommand({ RoleName: 'R' }))).Role!.RoleId!;
    clock += 60_000;
    await createEntry(roleArn('R'), { kubernetesGroups: ['team'] });
    clock += 60_000;
    await h.iam.send(new DeleteRoleCommand({ RoleName: 'R' }));
    await h.iam.send(new CreateRoleCommand({ RoleName: 'R', AssumeRolePolicyDocument: '{"Statement":[]}' }));

    const entry = (await h.eks.send(new DescribeAccessEntryCommand({ clusterName: 'prod', principalArn: roleArn('R') }))).accessEntry!;
    const role = (await h.iam.send(new GetRoleCommand({ RoleName: 'R' }))).Role!;
    expect(entry.kubernetesGroups).toEqual(['team']);
    expect(role.RoleId).not.toBe(oldRoleId);
    expect(entry.createdAt!.getTime()).toBeLessThan(role.CreateDate!.getTime());

    const inspected = h.emulator.inspect().clusters.find((c) => c.name === 'prod')!.accessEntries.find((e) => e.principalArn === roleArn('R'))!;
    expect(inspected).toEqual({ principalArn: roleArn('R'), boundRoleId: oldRoleId, currentRoleId: role.RoleId, stale: true });
  });
});
