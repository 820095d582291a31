/**
 * Laws of the planner on random worlds: it never throws, its bookkeeping is consistent, and
 * applying a plan (with a small pure simulator of what EKS does) leaves nothing to change.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { AccessEntryType, AccessScope, DesiredAccessEntry, DesiredAssociation, DesiredCluster } from '../../src/model/desired.js';
import type { LiveAccessEntry, LiveAssociation, LiveCluster, LiveRole } from '../../src/model/live.js';
import type { AccessEntryValue, AccessPolicyValue, AssociationValue, Change, Plan } from '../../src/model/plan.js';
import { computePlan, hasChanges } from '../../src/plan/index.js';
import { ADMIN, DEPLOYER, EDIT, VIEW, desiredCluster, liveCluster, roleArn, states } from './fixtures.js';

const NAMESPACES = ['a', 'b'];
const ACCOUNTS = ['x', 'y', 'z'];
const ROLES = [roleArn('R1'), roleArn('R2'), roleArn('R3'), roleArn('R1', 'aws-cn')];
const PRINCIPALS = [roleArn('P1'), roleArn('P2'), roleArn('P3'), DEPLOYER, roleArn('AWSServiceRoleForAmazonEKS')];
const POLICIES = [ADMIN, VIEW, EDIT];
const TYPES: AccessEntryType[] = ['STANDARD', 'STANDARD', 'EC2', 'EC2_LINUX', 'FARGATE_LINUX'];
const DATES = ['2023-01-01T00:00:00Z', '2024-01-01T00:00:00Z', '2024-06-01T00:00:00Z'];

/** True about one time in six. */
const rarely = fc.integer({ min: 0, max: 5 }).map((n) => n === 0);
const tags = fc.dictionary(fc.constantFrom('k1', 'k2', 'team'), fc.constantFrom('v1', 'v2', ''), { maxKeys: 3 });
const sortedUnique = (values: string[]) => [...new Set(values)].sort();
const scope: fc.Arbitrary<AccessScope> = fc.oneof(
  fc.constant<AccessScope>({ type: 'cluster' }),
  fc.uniqueArray(fc.constantFrom(...NAMESPACES), { minLength: 1 }).map((ns): AccessScope => ({ type: 'namespace', namespaces: sortedUnique(ns) })),
);
const policyText = fc.option(fc.constantFrom('{"Statement":[]}', '{"Version":"2012-10-17"}'), { nil: undefined });
const key = fc.record({ namespace: fc.constantFrom(...NAMESPACES), serviceAccount: fc.constantFrom(...ACCOUNTS) });

const desiredAssociationArb: fc.Arbitrary<DesiredAssociation> = fc
  .record({ key, roleArn: fc.constantFrom(...ROLES), target: fc.option(fc.constantFrom(...ROLES), { nil: undefined }), disableSessionTags: fc.boolean(), policy: policyText, tags })
  .map(({ key: k, target, ...rest }) => ({ ...k, ...rest, ...(target ? { targetRoleArn: target } : {}) }))
  .map(({ policy, ...rest }) => ({ ...rest, ...(policy !== undefined ? { policy } : {}) }));

const desiredEntryArb: fc.Arbitrary<DesiredAccessEntry> = fc
  .record({
    principalArn: fc.constantFrom(...PRINCIPALS),
    type: fc.constantFrom(...TYPES),
    groups: fc.array(fc.constantFrom('viewers', 'editors'), { maxLength: 2 }),
    username: fc.option(fc.constantFrom('alice', 'bob'), { nil: undefined }),
    policies: fc.uniqueArray(fc.record({ policyArn: fc.constantFrom(...POLICIES), scope }), { selector: (p) => p.policyArn, maxLength: 3 }),
    tags,
  })
  .map(({ principalArn, type, groups, username, policies, tags: t }) => ({
    principalArn,
    type,
    kubernetesGroups: type === 'STANDARD' ? sortedUnique(groups) : [],
    ...(type === 'STANDARD' && username !== undefined ? { username } : {}),
    accessPolicies: [...policies].sort((p, q) => (p.policyArn < q.policyArn ? -1 : 1)),
    tags: t,
  }));

const liveAssociationArb: fc.Arbitrary<LiveAssociation> = fc
  .record({ key, id: fc.integer({ min: 0, max: 1e6 }), roleArn: fc.constantFrom(...ROLES), target: fc.option(fc.constantFrom(...ROLES), { nil: undefined }), disableSessionTags: fc.boolean(), policy: policyText, tags, owned: rarely })
  .map(({ key: k, id, target, policy, owned, ...rest }) => ({
    ...k,
    ...rest,
    associationId: `a-${id}`,
    ...(target ? { targetRoleArn: target } : {}),
    ...(policy !== undefined ? { policy } : {}),
    ...(owned ? { ownerArn: 'arn:aws:eks:us-east-1:111122223333:addon/prod/some-addon/1' } : {}),
  }));

const liveEntryArb: fc.Arbitrary<LiveAccessEntry> = fc
  .record({
    principalArn: fc.constantFrom(...PRINCIPALS),
    type: fc.constantFrom(...TYPES),
    groups: fc.array(fc.constantFrom('viewers', 'editors', 'ops'), { maxLength: 3 }),
    username: fc.option(fc.constantFrom('alice', 'carol'), { nil: undefined }),
    policies: fc.uniqueArray(fc.record({ policyArn: fc.constantFrom(...POLICIES), scope }), { selector: (p) => p.policyArn, maxLength: 3 }),
    createdAt: fc.constantFrom(...DATES),
    tags,
  })
  .map(({ groups, policies, ...rest }) => ({ ...rest, kubernetesGroups: [...new Set(groups)], accessPolicies: policies }));

const roleArb: fc.Arbitrary<LiveRole | null> = fc.option(
  fc.record({ createDate: fc.constantFrom(...DATES), trustPolicy: fc.oneof(fc.constant({ Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] }), fc.jsonValue()) }).map((r) => ({ arn: '', roleName: 'R', roleId: 'AROA1', ...r })),
  { nil: null },
);

const worldArb = fc
  .record({
    prune: fc.boolean(),
    associations: fc.uniqueArray(desiredAssociationArb, { selector: (a) => `${a.namespace}/${a.serviceAccount}`, maxLength: 5 }),
    entries: fc.uniqueArray(desiredEntryArb, { selector: (e) => e.principalArn, maxLength: 4 }),
    liveAssociations: fc.uniqueArray(liveAssociationArb, { selector: (a) => `${a.namespace}/${a.serviceAccount}`, maxLength: 6 }),
    liveEntries: fc.uniqueArray(liveEntryArb, { selector: (e) => e.principalArn, maxLength: 5 }),
    roles: fc.dictionary(fc.constantFrom(...ROLES, ...PRINCIPALS), roleArb),
    authenticationMode: fc.constantFrom('API', 'API_AND_CONFIG_MAP', 'CONFIG_MAP' as const),
    exists: rarely.map((missing) => !missing),
    autoMode: fc.boolean(),
    agent: fc.boolean(),
  })
  .map((w) => {
    const desired = desiredCluster({
      prune: w.prune,
      associations: [...w.associations].sort((a, b) => (`${a.namespace}/${a.serviceAccount}` < `${b.namespace}/${b.serviceAccount}` ? -1 : 1)),
      accessEntries: [...w.entries].sort((a, b) => (a.principalArn < b.principalArn ? -1 : 1)),
    });
    const roles = Object.fromEntries(Object.entries(w.roles).map(([arn, r]) => [arn, r && { ...r, arn }]));
    const live = liveCluster({
      associations: w.liveAssociations,
      accessEntries: w.liveEntries,
      roles,
      authenticationMode: w.authenticationMode,
      exists: w.exists,
      autoMode: w.autoMode,
      addons: w.agent ? [{ name: 'eks-pod-identity-agent' }] : [],
    });
    return { desired, live };
  });

function plan(desired: DesiredCluster, live: LiveCluster, options = {}): Plan {
  const s = states([desired], [live]);
  return computePlan(s.desired, s.live, options);
}

/** What EKS does with each change, on pure data. New objects are newer than every IAM role. */
function simulateApply(live: LiveCluster, changes: readonly Change[]): LiveCluster {
  let associations = [...live.associations];
  let entries = live.accessEntries.map((e) => ({ ...e, accessPolicies: [...e.accessPolicies] }));
  let counter = 0;
  const entry = (principal: string) => entries.find((e) => e.principalArn === principal);
  for (const c of changes) {
    if (c.kind === 'podIdentityAssociation') {
      const v = (c.after ?? c.before) as AssociationValue;
      const same = (a: LiveAssociation) => a.namespace === v.namespace && a.serviceAccount === v.serviceAccount;
      if (c.action === 'create') {
        associations.push({ associationId: `new-${counter++}`, namespace: v.namespace, serviceAccount: v.serviceAccount, roleArn: v.roleArn, disableSessionTags: v.disableSessionTags, tags: v.tags, ...(v.targetRoleArn ? { targetRoleArn: v.targetRoleArn } : {}), ...(v.policy !== undefined ? { policy: v.policy } : {}) });
      } else if (c.action === 'update') {
        associations = associations.map((a) => {
          if (!same(a)) return a;
          const { targetRoleArn: _t, policy: _p, ...rest } = a;
          return { ...rest, roleArn: v.roleArn, disableSessionTags: v.disableSessionTags, tags: v.tags, ...(v.targetRoleArn ? { targetRoleArn: v.targetRoleArn } : {}), ...(v.policy !== undefined ? { policy: v.policy } : {}) };
        });
      } else if (c.action === 'delete') {
        associations = associations.filter((a) => !same(a));
      }
    } else if (c.kind === 'accessEntry') {
      const v = (c.after ?? c.before) as AccessEntryValue;
      if (c.action === 'delete' || c.action === 'replace') entries = entries.filter((e) => e.principalArn !== v.principalArn);
      if (c.action === 'create' || c.action === 'replace') {
        entries.push({ principalArn: v.principalArn, type: v.type, kubernetesGroups: v.kubernetesGroups, ...(v.username !== undefined ? { username: v.username } : {}), tags: v.tags, createdAt: '2099-01-01T00:00:00Z', accessPolicies: [] });
      } else if (c.action === 'update') {
        entries = entries.map((e) => (e.principalArn === v.principalArn ? { ...e, kubernetesGroups: v.kubernetesGroups, ...(v.username !== undefined ? { username: v.username } : {}), tags: v.tags } : e));
      }
    } else if (c.kind === 'accessPolicy') {
      const v = (c.after ?? c.before) as AccessPolicyValue;
      const e = entry(v.principalArn);
      if (!e) throw new Error(`policy change ${c.id} before its entry exists`);
      if (c.action === 'create' || c.action === 'update') e.accessPolicies = [...e.accessPolicies.filter((p) => p.policyArn !== v.policyArn), { policyArn: v.policyArn, scope: v.scope }];
      if (c.action === 'delete') e.accessPolicies = e.accessPolicies.filter((p) => p.policyArn !== v.policyArn);
    }
  }
  // List results are derived again from what now exists.
  const { associationSummaries: _s, accessEntryPrincipals: _p, ...rest } = live;
  return liveCluster({ ...rest, associations, accessEntries: entries });
}

describe('computePlan properties', () => {
  it('GIVEN any structurally valid desired and live cluster WHEN planning THEN it never throws and its bookkeeping is consistent', () => {
    fc.assert(
      fc.property(worldArb, fc.integer({ min: 0, max: 20 }), fc.boolean(), ({ desired, live }, maxDeletes, allowLockout) => {
        const p = plan(desired, live, { maxDeletes, allowLockout });
        const cluster = p.clusters[0]!;
        const ids = cluster.changes.map((c) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const action of ['create', 'update', 'replace', 'delete'] as const) {
          expect(p.summary[action]).toBe(cluster.changes.filter((c) => c.action === action).length);
        }
        // Unmanaged: the notes, plus the undeclared objects the plan left unread (named, and counted).
        const undeclared = (cluster.undeclared?.associations.length ?? 0) + (cluster.undeclared?.accessEntries.length ?? 0);
        expect(p.summary.unmanaged).toBe(cluster.changes.filter((c) => c.action === 'unmanaged').length + undeclared);
        if (desired.prune) expect(cluster.undeclared).toBeUndefined();
        expect(p.summary.errors).toBe(cluster.findings.filter((f) => f.severity === 'error').length);
        expect(p.fingerprint).toMatch(/^[0-9a-f]{64}$/);
        for (const c of cluster.changes) {
          if (c.action === 'create') expect(c.before).toBeUndefined();
          if (c.action === 'delete' || c.action === 'unmanaged') expect(c.after).toBeUndefined();
          if (c.action === 'update') expect(c.fields?.length).toBeGreaterThan(0);
          if (c.action === 'delete') expect(desired.prune).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('GIVEN garbage where documents and optional fields are WHEN planning THEN it never throws', () => {
    fc.assert(
      fc.property(worldArb, fc.anything(), fc.anything(), ({ desired, live }, trust, addons) => {
        const roles = Object.fromEntries(ROLES.map((arn) => [arn, { arn, roleName: 'R', roleId: 'x', createDate: 'not a date', trustPolicy: trust } as LiveRole]));
        const odd = { ...live, roles, addons: Array.isArray(addons) ? addons.filter((a): a is { name: string } => typeof a === 'object' && a !== null && typeof (a as { name?: unknown }).name === 'string') : [] };
        expect(() => plan(desired, odd)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it('GIVEN any world WHEN the plan is applied and the world planned again THEN nothing is left to change', () => {
    fc.assert(
      fc.property(worldArb, ({ desired, live }) => {
        const first = plan(desired, live);
        const after = simulateApply(live, first.clusters[0]!.changes);
        const second = plan(desired, after);
        expect(second.clusters[0]!.changes.filter((c) => c.action !== 'unmanaged').map((c) => `${c.action} ${c.id}`)).toEqual([]);
        expect(hasChanges(second.clusters[0]!.changes)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
