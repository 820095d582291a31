import { clientRequestTokenFor, orderPlan } from '../../src/apply/index.js';
import { backoffDelay, callWithRetry, DEFAULT_RETRY_POLICY } from '../../src/apply/retry.js';
import { accessEntryUpdateOf, associationUpdateOf, tagChangesOf } from '../../src/apply/values.js';
import { isSamePrincipal } from '../../src/apply/guards.js';
import { awsError, fakeClock } from './fake-gateway.js';
import { association, createEntry, createPolicy, deleteEntry, deletePolicy, entry, planOf, policy, roleArn, VIEW } from './plan-fixtures.js';

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
  it('GIVEN policy changes listed before their entry THEN the entry comes first in a chain, and deletes go policies-first into the last phase', () => {
    const admins = roleArn('Admins');
    const order = orderPlan(planOf({ prod: [createPolicy(policy(admins, VIEW)), createEntry(entry('Admins')), deleteEntry(entry('Old')), deletePolicy(policy(roleArn('Old'), VIEW))] }));
    expect(order.phases).toHaveLength(2);
    expect(order.phases[0]![0]!.chain).toBe(true);
    expect(order.phases[0]![0]!.steps.map((s) => s.change.kind)).toEqual(['accessEntry', 'accessPolicy']);
    expect(order.phases[1]![0]!.steps.map((s) => s.change.kind)).toEqual(['accessPolicy', 'accessEntry']);
  });

  it('GIVEN unmanaged notes THEN they are not steps', () => {
    const order = orderPlan(planOf({ prod: [{ id: 'association/x/y', kind: 'podIdentityAssociation', action: 'unmanaged', before: association('x', 'y') }] }));
    expect(order.steps).toHaveLength(0);
    expect(order.phases).toHaveLength(0);
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

  it('GIVEN tags THEN changed keys are set and removed keys untagged, never aws: keys', () => {
    expect(tagChangesOf({ a: '1', b: '2', 'aws:cloudformation:stack': 's' }, { a: '9', c: '3' })).toEqual({ set: { a: '9', c: '3' }, remove: ['b'] });
  });

  it('GIVEN role ARNs with and without a path THEN they name the same principal; users and other accounts do not', () => {
    expect(isSamePrincipal('arn:aws:iam::111122223333:role/Deploy', 'arn:aws:iam::111122223333:role/ci/Deploy')).toBe(true);
    expect(isSamePrincipal('arn:aws:iam::111122223333:role/Deploy', 'arn:aws:iam::999999999999:role/Deploy')).toBe(false);
    expect(isSamePrincipal('arn:aws:iam::111122223333:user/Deploy', 'arn:aws:iam::111122223333:role/Deploy')).toBe(false);
  });
});
