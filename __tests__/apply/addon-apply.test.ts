/** Apply of add-on association changes: one UpdateAddon per add-on with its whole list, then DescribeUpdate until it ends. */
import { applyPlan, type ApplyDeps } from '../../src/apply/index.js';
import { Deadline } from '../../src/aws/deadline.js';
import type { Change } from '../../src/model/plan.js';
import { FakeEks, fakeClock } from './fake-gateway.js';
import { planOf, roleArn } from './plan-fixtures.js';

const LIST = { name: 'aws-efs-csi-driver', associations: [{ serviceAccount: 'efs-csi-controller-sa', roleArn: roleArn('Efs') }, { serviceAccount: 'efs-csi-node-sa', roleArn: roleArn('EfsNode') }] };

function change(serviceAccount: string, action: Change['action']): Change {
  const value = { addonName: LIST.name, namespace: 'kube-system', serviceAccount, roleArn: roleArn('Efs') };
  return { id: `addon/${LIST.name}/${serviceAccount}`, kind: 'addonAssociation', action, ...(action === 'delete' ? { before: value } : { after: value }), addon: LIST };
}

function setup() {
  const clock = fakeClock();
  const prod = new FakeEks('prod', clock.now);
  const deps: ApplyDeps = { gateways: { prod }, sleep: clock.sleep, now: clock.now, random: () => 0.5, runId: 'run-1' };
  return { prod, clock, deps };
}

describe('GIVEN two changes of one add-on', () => {
  const plan = planOf({ prod: [change('efs-csi-controller-sa', 'create'), change('efs-csi-node-sa', 'update')] });

  it('WHEN applied THEN one UpdateAddon carries the complete list, the update is polled until Successful, and both changes are applied', async () => {
    const { prod, clock, deps } = setup();
    prod.updateStatuses = ['InProgress', 'InProgress', 'Successful'];
    const report = await applyPlan(plan, deps);
    expect(report.summary).toMatchObject({ total: 2, applied: 2, ok: true });
    expect(prod.calls.filter((c) => c.op === 'UpdateAddon')).toHaveLength(1);
    expect(prod.addonLists.get(LIST.name)).toEqual(LIST.associations);
    expect(prod.calls.filter((c) => c.op === 'DescribeUpdate').map((c) => c.key)).toEqual(Array(3).fill(`${LIST.name} u-${LIST.name}`));
    expect(clock.sleeps).toEqual([1000, 2000]);
  });

  it('WHEN the update ends Failed THEN both changes fail with the error EKS reports', async () => {
    const { prod, deps } = setup();
    prod.updateStatuses = ['InProgress', 'Failed'];
    prod.updateErrors = ['AccessDenied: the role cannot be assumed'];
    const report = await applyPlan(plan, deps);
    expect(report.summary).toMatchObject({ failed: 2, ok: false });
    for (const r of report.results) {
      expect(r.error).toMatchObject({ operation: 'DescribeUpdate' });
      expect(r.error?.message).toContain('ended Failed: AccessDenied: the role cannot be assumed');
    }
  });

  it('WHEN the update stays in progress past the update timeout THEN it fails with ADDON_UPDATE_TIMEOUT after bounded polling', async () => {
    const { prod, clock, deps } = setup();
    prod.updateStatuses = Array(1000).fill('InProgress');
    const report = await applyPlan(plan, deps, { updateTimeoutMs: 30_000 });
    expect(report.results[0]?.error?.message).toMatch(/still in progress after 30000 ms/);
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('WHEN the run\'s time limit passes while waiting THEN polling stops with the limit named', async () => {
    const { prod, clock, deps } = setup();
    prod.updateStatuses = Array(1000).fill('InProgress');
    const deadline = new Deadline(12_000, { now: clock.now, sleep: clock.sleep });
    const report = await applyPlan(plan, deps, { deadline });
    expect(report.results[0]?.error?.message).toMatch(/still in progress after the run's time limit/);
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 8000]);
  });
});

describe('GIVEN an add-on change and the role changes it depends on', () => {
  it('WHEN ordered THEN the add-on update waits for the roles of its list, and a role it stops naming is deleted after it', async () => {
    const { orderPlan } = await import('../../src/apply/order.js');
    const role = (name: string, action: Change['action']): Change => {
      const value = { roleArn: roleArn(name), roleName: name, path: '/', trustPolicy: '{}', managedPolicyArns: [], inlinePolicies: {}, maxSessionDuration: 3600, tags: {} };
      return { id: `role/${name}`, kind: 'iamRole', action, ...(action === 'delete' ? { before: value } : { after: value }) } as Change;
    };
    const update: Change = { ...change('efs-csi-node-sa', 'update'), before: { addonName: LIST.name, serviceAccount: 'efs-csi-node-sa', roleArn: roleArn('Retired') } };
    const order = orderPlan(planOf({ prod: [role('EfsNode', 'create'), role('Retired', 'delete'), update] }));
    const unitOf = (id: string) => order.units.find((u) => u.steps.some((s) => s.change.id === id))!;
    expect(unitOf(update.id).after).toContain(unitOf('role/EfsNode').id);
    expect(unitOf('role/Retired').after).toContain(unitOf(update.id).id);
  });
});
