import { describe, expect, it } from '@jest/globals';
import { compareClusterFingerprints, EMPTY_PLAN_FINGERPRINT, fingerprintPlan } from '../../src/plan/index.js';
import { desiredAssociation, desiredCluster, desiredEntry, liveCluster, planAll, roleArn } from './fixtures.js';

/** Three clusters: two with changes, one already in step. */
function fleet(extra: { dev?: boolean } = {}) {
  const desired = [
    desiredCluster({ name: 'prod', associations: [desiredAssociation('app', 'web')] }),
    desiredCluster({ name: 'dev', region: 'eu-west-1', accessEntries: [desiredEntry(roleArn('Dev'))], ...(extra.dev ? { associations: [desiredAssociation('dev', 'extra')] } : {}) }),
    desiredCluster({ name: 'idle' }),
  ];
  const live = [liveCluster({ name: 'prod' }), liveCluster({ name: 'dev', region: 'eu-west-1' }), liveCluster({ name: 'idle' })];
  return { desired, live };
}

describe('per-cluster fingerprints', () => {
  it('GIVEN a plan of several clusters THEN each cluster carries the fingerprint of its part alone, and the whole-plan fingerprint is unchanged by them', () => {
    const { desired, live } = fleet();
    const plan = planAll(desired, live);
    for (const cluster of plan.clusters) expect(cluster.fingerprint).toBe(fingerprintPlan([cluster]));
    expect(plan.clusters.find((c) => c.name === 'idle')!.fingerprint).toBe(EMPTY_PLAN_FINGERPRINT);
    expect(new Set(plan.clusters.map((c) => c.fingerprint)).size).toBe(3);
    const withoutParts = plan.clusters.map(({ fingerprint: _part, ...rest }) => rest);
    expect(plan.fingerprint).toBe(fingerprintPlan(withoutParts));
  });

  it('GIVEN a plan limited to one cluster THEN its whole fingerprint is that cluster’s part of the full plan', () => {
    const { desired, live } = fleet();
    const full = planAll(desired, live);
    for (const name of ['prod', 'dev', 'idle']) {
      const one = planAll(desired, live, { clusters: [name] });
      expect(one.fingerprint).toBe(full.clusters.find((c) => c.name === name)!.fingerprint);
    }
  });

  it('GIVEN another cluster changed since review THEN a cluster’s own part still matches, and the changed one does not', () => {
    const { desired, live } = fleet();
    const reviewed = Object.fromEntries(planAll(desired, live).clusters.map((c) => [c.name, c.fingerprint]));
    const moved = fleet({ dev: true });
    const prodOnly = planAll(moved.desired, moved.live, { clusters: ['prod'] });
    expect(compareClusterFingerprints(reviewed, prodOnly.clusters)).toEqual([]);
    const devOnly = planAll(moved.desired, moved.live, { clusters: ['dev'] });
    expect(compareClusterFingerprints(reviewed, devOnly.clusters)).toEqual([{ cluster: 'dev', reviewed: reviewed.dev, actual: devOnly.clusters[0]!.fingerprint }]);
  });

  it('GIVEN reviewed parts as 12-character prefixes THEN they match as fingerprintMatches says, and shorter or foreign values do not', () => {
    const { desired, live } = fleet();
    const plan = planAll(desired, live, { clusters: ['prod'] });
    const part = plan.clusters[0]!.fingerprint;
    expect(compareClusterFingerprints({ prod: part.slice(0, 12) }, plan.clusters)).toEqual([]);
    expect(compareClusterFingerprints({ prod: part.slice(0, 11) }, plan.clusters)).toHaveLength(1);
    expect(compareClusterFingerprints({ prod: EMPTY_PLAN_FINGERPRINT }, plan.clusters)).toHaveLength(1);
    expect(compareClusterFingerprints({}, plan.clusters)).toEqual([{ cluster: 'prod', actual: part }]);
    // An inherited property name is not a reviewed cluster.
    expect(compareClusterFingerprints({}, [{ ...plan.clusters[0]!, name: 'constructor' }])).toHaveLength(1);
  });
});
