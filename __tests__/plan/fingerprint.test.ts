import { describe, expect, it } from '@jest/globals';
import type { DesiredCluster } from '../../src/model/desired.js';
import type { LiveCluster } from '../../src/model/live.js';
import { EMPTY_PLAN_FINGERPRINT } from '../../src/plan/index.js';
import {
  ADMIN,
  EDIT,
  VIEW,
  desiredAssociation,
  desiredCluster,
  desiredEntry,
  desiredPolicy,
  liveAssociation,
  liveCluster,
  liveEntry,
  livePolicy,
  liveRole,
  namespaces,
  planAll,
  policyArn,
  roleArn,
} from './fixtures.js';

const APP = roleArn('App');
const OPS = roleArn('Ops');
const ROGUE = policyArn('AmazonEKSAdminPolicy');

/**
 * A plan for one cluster `prod` in us-east-1 with no changes: sha256 of
 * `[{"changes":[],"cluster":"prod","region":"us-east-1"}]`, a constant of the format.
 */
/** sha256 of `[]`: the canonical form of a plan with nothing to do, whatever its clusters. */
const EMPTY_FINGERPRINT = '4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945';

function world(): { desired: DesiredCluster; live: LiveCluster } {
  const desired = desiredCluster({
    prune: true,
    associations: [
      desiredAssociation('app', 'web', { tags: { team: 'a', env: 'prod' } }),
      desiredAssociation('karpenter', 'karpenter'),
      desiredAssociation('jobs', 'runner', { targetRoleArn: roleArn('Target', 'aws', '444455556666') }),
    ],
    accessEntries: [
      desiredEntry(APP, { kubernetesGroups: ['editors', 'viewers'], accessPolicies: [desiredPolicy(EDIT, namespaces('a', 'b')), desiredPolicy(VIEW)] }),
      desiredEntry(OPS, { accessPolicies: [desiredPolicy(ADMIN)] }),
    ],
  });
  const live = liveCluster({
    associations: [
      liveAssociation('app', 'web', { tags: { env: 'prod', team: 'old' } }),
      liveAssociation('jobs', 'runner'),
      liveAssociation('old', 'gone'),
      liveAssociation('older', 'gone'),
    ],
    accessEntries: [
      liveEntry(APP, { kubernetesGroups: ['viewers'], accessPolicies: [livePolicy(EDIT, namespaces('b')), livePolicy(ROGUE)] }),
      liveEntry(OPS, { accessPolicies: [livePolicy(ADMIN)] }),
      liveEntry(roleArn('Gone')),
    ],
  });
  return { desired, live };
}

function reversed<T>(list: T[]): T[] {
  return [...list].reverse();
}

describe('fingerprint', () => {
  it('GIVEN the same world twice WHEN planning THEN the plans are identical', () => {
    const { desired, live } = world();
    expect(planAll([desired], [live])).toEqual(planAll([desired], [live]));
  });

  it('GIVEN shuffled live and desired lists, other association ids and timestamps WHEN planning THEN the same fingerprint and changes', () => {
    const { desired, live } = world();
    const base = planAll([desired], [live]);
    const shuffledDesired: DesiredCluster = { ...desired, associations: reversed(desired.associations), accessEntries: reversed(desired.accessEntries) };
    const shuffledLive: LiveCluster = {
      ...live,
      associations: reversed(live.associations).map((a, i) => ({ ...a, associationId: `other-${i}`, createdAt: '2025-02-02T00:00:00Z', modifiedAt: '2025-03-03T00:00:00Z' })),
      associationSummaries: reversed(live.associationSummaries).map((s, i) => ({ ...s, associationId: `other-${i}` })),
      accessEntries: reversed(live.accessEntries).map((e) => ({
        ...e,
        kubernetesGroups: reversed(e.kubernetesGroups),
        modifiedAt: '2025-03-03T00:00:00Z',
        accessPolicies: reversed(e.accessPolicies).map((p) => ({ ...p, associatedAt: '2025-04-04T00:00:00Z', scope: p.scope.type === 'namespace' ? namespaces(...reversed(p.scope.namespaces)) : p.scope })),
      })),
      accessEntryPrincipals: reversed(live.accessEntryPrincipals),
      roles: { [APP]: liveRole(APP, { roleId: 'AROADIFFERENT', createDate: '2020-01-01T00:00:00Z' }) },
    };
    const other = planAll([shuffledDesired], [shuffledLive]);
    expect(other.fingerprint).toBe(base.fingerprint);
    expect(other.clusters[0]!.changes.map((c) => `${c.action} ${c.id}`)).toEqual(base.clusters[0]!.changes.map((c) => `${c.action} ${c.id}`));
  });

  const edits: [string, (d: DesiredCluster) => DesiredCluster][] = [
    ['an association tag value', (d) => ({ ...d, associations: d.associations.map((a) => (a.namespace === 'app' ? { ...a, tags: { ...a.tags, team: 'b' } } : a)) })],
    ['a role ARN of a created association', (d) => ({ ...d, associations: d.associations.map((a) => (a.namespace === 'karpenter' ? { ...a, roleArn: roleArn('Other') } : a)) })],
    ['a target role', (d) => ({ ...d, associations: d.associations.map((a) => (a.namespace === 'jobs' ? { ...a, targetRoleArn: roleArn('Target2') } : a)) })],
    ['disableSessionTags', (d) => ({ ...d, associations: d.associations.map((a) => (a.namespace === 'karpenter' ? { ...a, disableSessionTags: true } : a)) })],
    ['a kubernetes group', (d) => ({ ...d, accessEntries: d.accessEntries.map((e) => (e.principalArn === APP ? { ...e, kubernetesGroups: ['editors'] } : e)) })],
    ['a username', (d) => ({ ...d, accessEntries: d.accessEntries.map((e) => (e.principalArn === APP ? { ...e, username: 'app' } : e)) })],
    ['a policy scope', (d) => ({ ...d, accessEntries: d.accessEntries.map((e) => (e.principalArn === APP ? { ...e, accessPolicies: [desiredPolicy(EDIT, namespaces('a')), desiredPolicy(VIEW)] } : e)) })],
    ['prune', (d) => ({ ...d, prune: false })],
    ['one more association', (d) => ({ ...d, associations: [...d.associations, desiredAssociation('z', 'z')] })],
  ];
  it.each(edits)('GIVEN %s changed in the manifest WHEN planning THEN the fingerprint changes', (_label, edit) => {
    const { desired, live } = world();
    expect(planAll([edit(desired)], [live]).fingerprint).not.toBe(planAll([desired], [live]).fingerprint);
  });

  it('GIVEN another live value that apply would overwrite WHEN planning THEN the fingerprint changes (the world moved since review)', () => {
    const { desired, live } = world();
    const moved = { ...live, associations: live.associations.map((a) => (a.namespace === 'app' ? { ...a, roleArn: roleArn('Moved') } : a)) };
    expect(planAll([desired], [moved]).fingerprint).not.toBe(planAll([desired], [live]).fingerprint);
  });

  it('GIVEN findings only differ WHEN planning THEN the fingerprint is the same (it covers what apply does)', () => {
    const { desired, live } = world();
    expect(planAll([desired], [{ ...live, addons: [] }]).fingerprint).toBe(planAll([desired], [live]).fingerprint);
  });

  it('GIVEN a world with nothing to change WHEN planning THEN the fingerprint is a fixed value', () => {
    const plan = planAll([desiredCluster({ associations: [desiredAssociation('a', 'b')] })], [liveCluster({ associations: [liveAssociation('a', 'b', { associationId: 'whatever' })] })]);
    expect(plan.summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
    expect(plan.fingerprint).toBe(EMPTY_FINGERPRINT);
    expect(EMPTY_PLAN_FINGERPRINT).toBe(EMPTY_FINGERPRINT);
    expect(planAll([desiredCluster()], [liveCluster()]).fingerprint).toBe(EMPTY_FINGERPRINT);
    // Other clusters, none of them with anything to do: still the same value.
    expect(planAll([desiredCluster({ name: 'a' }), desiredCluster({ name: 'b', region: 'eu-west-1' })], [liveCluster({ name: 'a' }), liveCluster({ name: 'b', region: 'eu-west-1' })]).fingerprint).toBe(EMPTY_FINGERPRINT);
    expect(planAll([], []).fingerprint).toBe(EMPTY_FINGERPRINT);
  });

  it('GIVEN two clusters in any order WHEN planning THEN clusters are sorted and the fingerprint is the same', () => {
    const a = desiredCluster({ name: 'a', associations: [desiredAssociation('x', 'y')] });
    const b = desiredCluster({ name: 'b', accessEntries: [desiredEntry(APP)] });
    const la = liveCluster({ name: 'a' });
    const lb = liveCluster({ name: 'b' });
    const one = planAll([a, b], [la, lb]);
    const two = planAll([b, a], [lb, la]);
    expect(two.clusters.map((c) => c.name)).toEqual(['a', 'b']);
    expect(two.fingerprint).toBe(one.fingerprint);
  });
});
