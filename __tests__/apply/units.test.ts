import { clientRequestTokenFor, orderPlan, type Unit } from '../../src/apply/index.js';
import { runUnits } from '../../src/apply/scheduler.js';
import { backoffDelay, callWithRetry, DEFAULT_RETRY_POLICY } from '../../src/apply/retry.js';
import { accessEntryUpdateOf, associationUpdateOf, tagChangesOf } from '../../src/apply/values.js';
import { isSamePrincipal } from '../../src/apply/guards.js';
import { awsError, fakeClock } from './fake-gateway.js';
import { association, createAssociation, createEntry, createPolicy, deleteAssociation, deleteEntry, deletePolicy, entry, planOf, policy, roleArn, VIEW } from './plan-fixtures.js';

describe('clientRequestTokenFor', () => {
  it('GIVEN the same inputs THEN the same UUID-shaped token; another run or change THEN another token', () => {
    const t = clientRequestTokenFor('fp', 'run-1', 'prod', 'association/a/b');
    expect(t).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(clientRequestTokenFor('fp', 'run-1', 'prod', 'association/a/b')).toBe(t);
    expect(clientRequestTokenFor('fp', 'run-2', 'prod', 'association/a/b')).not.toBe(t);
    expect(clientRequestTokenFor('fp', 'run-1', 'prod', 'association/a/c')).not.toBe(t);
  });
});

describe('orderPlan', () => {
  it('GIVEN policy changes listed before their entry THEN the entry comes first in a chain; on the way out policies go first, after all grants', () => {
    const admins = roleArn('Admins');
    const order = orderPlan(planOf({ prod: [createPolicy(policy(admins, VIEW)), createEntry(entry('Admins')), deleteEntry(entry('Old')), deletePolicy(policy(roleArn('Old'), VIEW))] }));
    expect(order.units).toHaveLength(2);
    const [grant, removal] = order.units;
    expect(grant!.chain).toBe(true);
    expect(grant!.steps.map((s) => s.change.kind)).toEqual(['accessEntry', 'accessPolicy']);
    expect(grant!.after).toEqual([]);
    expect(removal!.chain).toBe(false);
    expect(removal!.steps.map((s) => s.change.kind)).toEqual(['accessPolicy', 'accessEntry']);
    expect(removal!.after).toEqual([grant!.id]);
  });

  it('GIVEN association creates, updates and deletes THEN they wait for nothing but the trust changes of their cluster, and each kind of work has its lane', () => {
    const trust = { id: `trust/${roleArn('App')}`, kind: 'trustPolicy' as const, action: 'update' as const, before: { roleArn: roleArn('App'), document: '{}' }, after: { roleArn: roleArn('App'), document: '{"a":1}' } };
    const order = orderPlan(
      planOf({
        prod: [createAssociation(association('app', 'api')), deleteAssociation(association('old', 'sa')), trust],
        staging: [createAssociation(association('app', 'api'))],
      }),
    );
    const unitOf = (cluster: string, id: string) => order.units.find((u) => u.clusterName === cluster && u.steps[0]!.change.id === id)!;
    const trustUnit = unitOf('prod', trust.id);
    expect(unitOf('prod', 'association/app/api').after).toEqual([trustUnit.id]);
    expect(unitOf('prod', 'association/old/sa').after).toEqual([]);
    expect(unitOf('staging', 'association/app/api').after).toEqual([]);
    expect(new Set(order.units.map((u) => u.lane))).toEqual(new Set(['podIdentityAssociation:create', 'podIdentityAssociation:delete', 'trustPolicy:update']));
  });

  it('GIVEN an authentication-mode change THEN every access change of that cluster waits for it', () => {
    const mode = { id: 'cluster/authenticationMode', kind: 'authenticationMode' as const, action: 'update' as const, before: { authenticationMode: 'CONFIG_MAP' as const }, after: { authenticationMode: 'API' as const } };
    const order = orderPlan(planOf({ prod: [createEntry(entry('Admins')), deleteEntry(entry('Old')), createAssociation(association('app', 'api')), mode] }));
    const modeUnit = order.units.find((u) => u.lane === 'authenticationMode:update')!;
    for (const unit of order.units.filter((u) => u.lane.startsWith('accessEntry'))) expect(unit.after).toContain(modeUnit.id);
    expect(order.units.find((u) => u.lane === 'podIdentityAssociation:create')!.after).toEqual([]);
  });

  it('GIVEN unmanaged notes THEN they are not steps', () => {
    const order = orderPlan(planOf({ prod: [{ id: 'association/x/y', kind: 'podIdentityAssociation', action: 'unmanaged', before: association('x', 'y') }] }));
    expect(order.steps).toHaveLength(0);
    expect(order.units).toHaveLength(0);
  });
});

describe('runUnits', () => {
  const unit = (id: number, lane: string, after: number[] = []): Unit => ({ id, clusterName: 'prod', steps: [], chain: false, lane, after });

  it('GIVEN units that wait for others WHEN run THEN none starts before the units it waits for have ended', async () => {
    const units = [unit(0, 'a'), unit(1, 'b', [0]), unit(2, 'a', [0, 1]), unit(3, 'b')];
    const events: string[] = [];
    await runUnits(units, 8, async (u) => {
      events.push(`start ${u.id}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`end ${u.id}`);
    });
    const at = (e: string) => events.indexOf(e);
    expect(events).toHaveLength(8);
    expect(at('start 1')).toBeGreaterThan(at('end 0'));
    expect(at('start 2')).toBeGreaterThan(Math.max(at('end 0'), at('end 1')));
    expect(at('start 3')).toBeLessThan(at('end 0'));
  });

  it('GIVEN 40 units in one lane and 8 in another WHEN 4 slots are shared THEN at most 4 run at once and the short lane is not starved behind the long one', async () => {
    const units = [...Array.from({ length: 40 }, (_, i) => unit(i, 'create')), ...Array.from({ length: 8 }, (_, i) => unit(40 + i, 'delete'))];
    let inFlight = 0;
    let peak = 0;
    const order: string[] = [];
    await runUnits(units, 4, async (u) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      order.push(u.lane);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
    });
    expect(order).toHaveLength(48);
    expect(peak).toBe(4);
    // The deletes all start while creates are still waiting (shares by backlog: 40 to 8).
    expect(order.lastIndexOf('delete')).toBeLessThan(order.lastIndexOf('create'));
    expect(order.indexOf('delete')).toBeLessThan(12);
  });

  it('GIVEN no units WHEN run THEN it resolves at once', async () => {
    await expect(runUnits([], 4, () => Promise.reject(new Error('never')))).resolves.toBeUndefined();
  });
});

describe('callWithRetry', () => {
  it('GIVEN an error that is neither transient nor IAM propagation THEN no retry', async () => {
    const clock = { ...fakeClock(), random: () => 0 };
    let calls = 0;
    await expect(
      callWithRetry(async () => {
        calls++;
        throw awsError('CreateAccessEntry', 'AccessDeniedException', 403);
      }, clock, DEFAULT_RETRY_POLICY),
    ).rejects.toMatchObject({ attempts: 1 });
    expect(calls).toBe(1);
  });

  it('GIVEN jitter THEN each delay lies between half and all of the capped exponential step', () => {
    for (const r of [0, 0.3, 0.999]) {
      for (let attempt = 1; attempt < 12; attempt++) {
        const step = Math.min(20_000, 1000 * 2 ** (attempt - 1));
        const d = backoffDelay(attempt, DEFAULT_RETRY_POLICY, () => r);
        expect(d).toBeGreaterThanOrEqual(step / 2);
        expect(d).toBeLessThanOrEqual(step);
      }
    }
  });
});

describe('value comparisons', () => {
  it('GIVEN an association whose target role and policy are cleared THEN empty strings clear them and disableSessionTags travels with the policy', () => {
    const current = association('a', 'b', { targetRoleArn: roleArn('T'), policy: '{}', disableSessionTags: true });
    expect(associationUpdateOf(current, association('a', 'b'))).toEqual({ targetRoleArn: '', policy: '', disableSessionTags: false });
    expect(associationUpdateOf(current, current)).toEqual({});
  });

  it('GIVEN groups in another order and no desired username THEN no entry update', () => {
    expect(accessEntryUpdateOf({ kubernetesGroups: ['b', 'a'], username: 'eks-default' }, entry('X', { kubernetesGroups: ['a', 'b'] }))).toEqual({});
  });

  it('GIVEN a node entry whose groups EKS set WHEN only its tags change THEN no entry update (groups and username are EKS\'s)', () => {
    expect(accessEntryUpdateOf({ kubernetesGroups: ['system:nodes'] }, entry('Nodes', { type: 'EC2_LINUX', kubernetesGroups: [] }))).toEqual({});
  });

  it('GIVEN tags THEN changed keys are set and removed keys untagged, never aws: keys', () => {
    expect(tagChangesOf({ a: '1', b: '2', 'aws:cloudformation:stack': 's' }, { a: '9', c: '3' })).toEqual({ set: { a: '9', c: '3' }, remove: ['b'] });
  });

  it('GIVEN role ARNs with and without a path THEN they name the same principal; users and other accounts do not', () => {
    expect(isSamePrincipal('arn:aws:iam::111122223333:role/Deploy', 'arn:aws:iam::111122223333:role/ci/Deploy')).toBe(true);
    expect(isSamePrincipal('arn:aws:iam::111122223333:role/Deploy', 'arn:aws:iam::999999999999:role/Deploy')).toBe(false);
    expect(isSamePrincipal('arn:aws:iam::111122223333:user/Deploy', 'arn:aws:iam::111122223333:role/Deploy')).toBe(false);
  });
});
