import { applyPlan } from '../../src/apply/index.js';
import type { Plan } from '../../src/model/plan.js';
import { ADMIN, association, createAssociation, createEntry, createPolicy, deleteAssociation, deleteEntry, deletePolicy, entry, planOf, policy, replaceEntry, updateAssociation, VIEW } from './plan-fixtures.js';
import { CALLER_ROLE, realClock, roleArn, startApplyWorld, stateWith, writeCount, type World } from './emulator-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const apply = (w: World, plan: Plan, options = {}) => applyPlan(plan, { gateways: { prod: w.gateway }, ...realClock, random: () => 0.5 }, options);

describe('applyPlan through the SDK gateway against the emulator', () => {
  it('GIVEN creates, updates and deletes WHEN applied THEN the emulator holds exactly the desired objects', async () => {
    world = await startApplyWorld(
      stateWith(['app-api', 'app-worker', 'New', 'Admins', 'Old'], [
        {
          name: 'prod',
          accountId: '111122223333',
          podIdentityAssociations: [
            { namespace: 'app', serviceAccount: 'worker', roleArn: roleArn('app-worker'), associationId: 'a-worker', tags: { drop: 'me', keep: 'x' } },
            { namespace: 'old', serviceAccount: 'sa', roleArn: roleArn('Old'), associationId: 'a-old' },
          ],
          accessEntries: [{ principalArn: roleArn('Old'), accessPolicies: [{ policyArn: 'AmazonEKSViewPolicy' }] }],
        },
      ]),
    );
    const worker = { ...association('app', 'worker', { roleArn: roleArn('app-worker'), tags: { drop: 'me', keep: 'x' } }), associationId: 'a-worker' };
    const plan = planOf({
      prod: [
        createAssociation(association('app', 'api', { tags: { team: 'a' } })),
        updateAssociation(worker, { ...worker, roleArn: roleArn('New'), tags: { keep: 'x', add: 'y' } }),
        deleteAssociation({ ...association('old', 'sa', { roleArn: roleArn('Old') }), associationId: 'a-old' }),
        createEntry(entry('Admins', { kubernetesGroups: ['admins'], username: 'admin', tags: { team: 'p' } })),
        createPolicy(policy(roleArn('Admins'), ADMIN)),
        createPolicy(policy(roleArn('Admins'), VIEW, { type: 'namespace', namespaces: ['a', 'b'] })),
        deletePolicy(policy(roleArn('Old'), VIEW)),
        deleteEntry(entry('Old')),
      ],
    });
    const report = await apply(world, plan);
    expect(report.results.filter((r) => r.outcome !== 'applied')).toEqual([]);

    const cluster = world.emulator.snapshot().clusters![0]!;
    const associations = cluster.podIdentityAssociations!.map((a) => [a.namespace, a.serviceAccount, a.roleArn, a.tags]);
    expect(associations).toEqual(
      expect.arrayContaining([
        ['app', 'api', roleArn('app-api'), { team: 'a' }],
        ['app', 'worker', roleArn('New'), { keep: 'x', add: 'y' }],
      ]),
    );
    expect(associations).toHaveLength(2);
    expect(cluster.accessEntries!.map((e) => e.principalArn)).toEqual([roleArn('Admins')]);
    const admins = cluster.accessEntries![0]!;
    expect(admins).toMatchObject({ username: 'admin', kubernetesGroups: ['admins'], tags: { team: 'p' } });
    expect(admins.accessPolicies!.map((p) => [p.policyArn, p.accessScope])).toEqual(
      expect.arrayContaining([
        [ADMIN, { type: 'cluster', namespaces: [] }],
        [VIEW, { type: 'namespace', namespaces: ['a', 'b'] }],
      ]),
    );
  });

  it('GIVEN objects created out of band after the plan WHEN applied THEN the 409s are adopted and converge to the desired state', async () => {
    world = await startApplyWorld(
      stateWith(['app-api', 'Other', 'Team'], [
        {
          name: 'prod',
          podIdentityAssociations: [{ namespace: 'app', serviceAccount: 'api', roleArn: roleArn('Other'), tags: { stray: '1' } }],
          accessEntries: [{ principalArn: roleArn('Team'), kubernetesGroups: ['wrong'] }],
        },
      ]),
    );
    world.emulator.resetCalls();
    const report = await apply(world, planOf({ prod: [createAssociation(association('app', 'api')), createEntry(entry('Team', { kubernetesGroups: ['right'] }))] }));
    expect(report.results.map((r) => r.outcome)).toEqual(['adopted', 'adopted']);
    const cluster = world.emulator.snapshot().clusters![0]!;
    expect(cluster.podIdentityAssociations).toHaveLength(1);
    expect(cluster.podIdentityAssociations![0]).toMatchObject({ roleArn: roleArn('app-api'), tags: { 'managed-by': 'eks-identity' } });
    expect(cluster.accessEntries![0]!.kubernetesGroups).toEqual(['right']);
    expect(world.emulator.successfulCalls()).toMatchObject({ UpdatePodIdentityAssociation: 1, TagResource: 1, UntagResource: 1, UpdateAccessEntry: 1 });
  });

  it('GIVEN deletes of objects already gone WHEN applied THEN the 404s count as done', async () => {
    world = await startApplyWorld(stateWith([], [{ name: 'prod' }]));
    const report = await apply(
      world,
      planOf({ prod: [deleteAssociation({ ...association('x', 'y'), associationId: 'a-gone' }), deletePolicy(policy(roleArn('Gone'), VIEW)), deleteEntry(entry('Gone'))] }),
    );
    expect(report.results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied']);
  });

  it("GIVEN an add-on owned association, a node entry and the caller's own entry WHEN deleted THEN each is skipped and still exists", async () => {
    world = await startApplyWorld(
      stateWith(['Ebs', 'Nodes'], [
        {
          name: 'prod',
          addons: [{ name: 'aws-ebs-csi-driver', podIdentityAssociations: [{ namespace: 'kube-system', serviceAccount: 'ebs', roleArn: roleArn('Ebs'), associationId: 'a-ebs' }] }],
          accessEntries: [{ principalArn: roleArn('Nodes'), type: 'EC2_LINUX' }, { principalArn: CALLER_ROLE, accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] }],
        },
      ]),
    );
    const report = await apply(
      world,
      planOf({
        prod: [
          deleteAssociation({ ...association('kube-system', 'ebs', { roleArn: roleArn('Ebs') }), associationId: 'a-ebs' }),
          deleteEntry(entry('Nodes', { type: 'EC2_LINUX' })),
          deletePolicy(policy(CALLER_ROLE, ADMIN)),
          deleteEntry(entry('Deploy')),
        ],
      }),
    );
    expect(report.results.map((r) => r.outcome)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    expect(report.results.map((r) => r.reason)).toEqual([
      expect.stringMatching(/owned by arn:aws:eks:.*aws-ebs-csi-driver/),
      expect.stringMatching(/node entry EKS manages/),
      expect.stringMatching(/caller's own principal/),
      expect.stringMatching(/caller's own principal/),
    ]);
    expect(writeCount(world.emulator.calls())).toBe(0);
    const cluster = world.emulator.snapshot().clusters![0]!;
    expect(cluster.accessEntries).toHaveLength(2);
  });

  it('GIVEN a stale entry WHEN replaced THEN the emulator binds the current role id again', async () => {
    world = await startApplyWorld(stateWith(['Team'], [{ name: 'prod', accessEntries: [{ principalArn: roleArn('Team'), boundRoleId: 'AROAOLDOLDOLDOLD0001' }] }]));
    expect(world.emulator.inspect().clusters[0]!.accessEntries[0]!.stale).toBe(true);
    const report = await apply(world, planOf({ prod: [replaceEntry(entry('Team'), entry('Team')), createPolicy(policy(roleArn('Team'), VIEW))] }));
    expect(report.results.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    expect(world.emulator.inspect().clusters[0]!.accessEntries[0]!.stale).toBe(false);
  });

  it('GIVEN a cluster in CONFIG_MAP mode WHEN the plan moves it to API_AND_CONFIG_MAP and creates an entry THEN both apply in order', async () => {
    world = await startApplyWorld(stateWith(['Team'], [{ name: 'prod', authenticationMode: 'CONFIG_MAP' }]));
    const report = await apply(
      world,
      planOf({
        prod: [
          createEntry(entry('Team')),
          { id: 'cluster/authenticationMode', kind: 'authenticationMode', action: 'update', before: { authenticationMode: 'CONFIG_MAP' }, after: { authenticationMode: 'API_AND_CONFIG_MAP' } },
        ],
      }),
    );
    expect(report.results.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    expect(world.emulator.inspect().clusters[0]!.authenticationMode).toBe('API_AND_CONFIG_MAP');
  });
});
