import { describe, expect, it } from '@jest/globals';
import { ApplyRefusedError, refuseUnreviewedPlan } from '../../src/apply/refusal.js';
import { desiredAssociation, desiredCluster, liveCluster, planAll } from '../plan/fixtures.js';

function fleet(extraOnB: boolean) {
  const desired = [
    desiredCluster({ name: 'a', associations: [desiredAssociation('app', 'web')] }),
    desiredCluster({ name: 'b', associations: [desiredAssociation('app', 'web'), ...(extraOnB ? [desiredAssociation('x', 'y')] : [])] }),
  ];
  return { desired, live: [liveCluster({ name: 'a' }), liveCluster({ name: 'b' })] };
}

describe('the refusal policy for an apply limited to some clusters', () => {
  const reviewedWorld = fleet(false);
  const reviewed = Object.fromEntries(planAll(reviewedWorld.desired, reviewedWorld.live).clusters.map((c) => [c.name, c.fingerprint.slice(0, 12)]));
  const now = fleet(true);

  it('GIVEN another cluster moved since review WHEN one cluster is applied THEN its own reviewed part lets it through', () => {
    const onlyA = planAll(now.desired, now.live, { clusters: ['a'] });
    expect(refuseUnreviewedPlan(onlyA, { expectClusterFingerprints: reviewed })).toEqual({});
    // The whole-plan comparison would have refused it: the reviewed plan covered b as well.
    const whole = planAll(reviewedWorld.desired, reviewedWorld.live).fingerprint;
    expect(() => refuseUnreviewedPlan(onlyA, { expectFingerprint: whole })).toThrow(ApplyRefusedError);
  });

  it('GIVEN its own part moved THEN it is refused with PLAN_CHANGED naming the cluster, or only warned with on-plan-change warn', () => {
    const onlyB = planAll(now.desired, now.live, { clusters: ['b'] });
    let refusal: unknown;
    try {
      refuseUnreviewedPlan(onlyB, { expectClusterFingerprints: reviewed });
    } catch (error) {
      refusal = error;
    }
    expect(ApplyRefusedError.refused(refusal)).toBe(true);
    expect(refusal).toMatchObject({ code: 'PLAN_CHANGED', message: expect.stringContaining(`the plan of b (reviewed ${reviewed.b}, now `) });
    expect(refuseUnreviewedPlan(onlyB, { expectClusterFingerprints: reviewed, onMismatch: 'warn' }).warning).toContain('the plan of b');
  });

  it('GIVEN a cluster the reviewed plan did not cover THEN it is refused', () => {
    const onlyA = planAll(now.desired, now.live, { clusters: ['a'] });
    expect(() => refuseUnreviewedPlan(onlyA, { expectClusterFingerprints: { b: reviewed.b! } })).toThrow(/a \(not in the reviewed plan\)/);
  });
});
