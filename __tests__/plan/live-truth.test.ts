import { describe, expect, it } from '@jest/globals';
import { eksOwnedEntryReason } from '../../src/model/ownership.js';
import { fingerprintMatches, fingerprintPrefixProblem } from '../../src/plan/index.js';
import { ADMIN, desiredAssociation, desiredCluster, desiredEntry, liveCluster, liveEntry, livePolicy, liveRole, namespaces, planAll, planOne, policyArn, roleArn } from './fixtures.js';

const FULL = '4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945';

describe('fingerprintMatches', () => {
  it.each([
    [FULL, true],
    [FULL.slice(0, 12), true],
    [FULL.slice(0, 12).toUpperCase(), true],
    [` ${FULL.slice(0, 20)} `, true],
    [FULL.slice(0, 11), false],
    [`${FULL.slice(0, 11)}0`, false],
    ['zz53cda18c2baa', false],
    [`${FULL}0`, false],
    ['', false],
  ])('GIVEN expected %p WHEN compared with the full fingerprint THEN it matches: %p', (expected, matches) => {
    expect(fingerprintMatches(expected, FULL)).toBe(matches);
  });

  it('GIVEN a too short or non-hex value THEN the problem says what to pass', () => {
    expect(fingerprintPrefixProblem('4f53')).toMatch(/at least 12 hex characters/);
    expect(fingerprintPrefixProblem('4f53cda18c2g')).toMatch(/only hex characters/);
    expect(fingerprintPrefixProblem(FULL.slice(0, 12))).toBeUndefined();
  });
});

describe('EKS Capability entries', () => {
  const argo = roleArn('ArgoCDCapabilityRole');
  const capabilityEntry = liveEntry(argo, { accessPolicies: [livePolicy(policyArn('AmazonEKSArgoCDClusterPolicy')), livePolicy(policyArn('AmazonEKSArgoCDPolicy'), namespaces('argocd'))] });

  it.each(['AmazonEKSACKPolicy', 'AmazonEKSArgoCDClusterPolicy', 'AmazonEKSArgoCDPolicy', 'AmazonEKSKROPolicy'])('GIVEN an entry carrying %s THEN EKS owns it', (name) => {
    expect(eksOwnedEntryReason({ principalArn: argo, type: 'STANDARD', accessPolicies: [policyArn(name)] })).toMatch(/EKS Capability/);
  });

  it('GIVEN an ordinary STANDARD entry with admin THEN it is ours to prune', () => {
    expect(eksOwnedEntryReason({ principalArn: roleArn('Ops'), type: 'STANDARD', accessPolicies: [ADMIN] })).toBeUndefined();
  });

  it('GIVEN prune on and an undeclared capability entry WHEN planned THEN it is an unmanaged note with EKS_OWNED_ENTRY, never a delete', () => {
    const cluster = planOne(desiredCluster({ prune: true }), liveCluster({ accessEntries: [capabilityEntry] }));
    expect(cluster.changes.map((c) => `${c.action} ${c.id}`)).toEqual([`unmanaged entry/${argo}`]);
    expect(cluster.findings.map((f) => f.code)).toContain('EKS_OWNED_ENTRY');
  });

  it('GIVEN prune on and a declared capability entry without its capability policies WHEN planned THEN those policies are left in place', () => {
    const cluster = planOne(desiredCluster({ prune: true, accessEntries: [desiredEntry(argo)] }), liveCluster({ accessEntries: [capabilityEntry] }));
    expect(cluster.changes.filter((c) => c.action === 'delete')).toEqual([]);
    expect(cluster.changes.filter((c) => c.kind === 'accessPolicy').map((c) => c.action)).toEqual(['unmanaged', 'unmanaged']);
  });
});

describe('undeclared objects (prune off)', () => {
  it('GIVEN undeclared access entries WHEN planned THEN the finding names their principals and the summary counts them', () => {
    const others = [roleArn('Alpha'), roleArn('Beta')];
    const plan = planAll([desiredCluster()], [liveCluster({ accessEntryPrincipals: others, accessEntries: [] })]);
    const cluster = plan.clusters[0]!;
    const note = cluster.findings.find((f) => f.code === 'UNMANAGED_NOT_SHOWN')!;
    for (const arn of others) expect(note.message).toContain(arn);
    expect(cluster.undeclared).toEqual({ associations: [], accessEntries: others });
    expect(plan.summary.unmanaged).toBe(2);
  });

  it('GIVEN more than ten undeclared entries THEN ten are named and the rest counted', () => {
    const many = Array.from({ length: 13 }, (_, i) => roleArn(`R${String(i).padStart(2, '0')}`));
    const cluster = planOne(desiredCluster(), liveCluster({ accessEntryPrincipals: many, accessEntries: [] }));
    const note = cluster.findings.find((f) => f.code === 'UNMANAGED_NOT_SHOWN')!;
    expect(note.message).toContain(many[9]!);
    expect(note.message).not.toContain(many[10]!);
    expect(note.message).toMatch(/and 3 more$/);
  });
});

describe('iamCreateDates', () => {
  it('GIVEN a created entry and association WHEN planned THEN the plan carries the CreateDate of the principals it writes, for apply to judge propagation', () => {
    const ops = roleArn('Ops');
    const cluster = planOne(
      desiredCluster({ accessEntries: [desiredEntry(ops)], associations: [desiredAssociation('app', 'web')] }),
      liveCluster({ roles: { [ops]: liveRole(ops, { createDate: '2024-05-01T00:00:00Z' }) } }),
    );
    expect(cluster.iamCreateDates).toEqual({ [ops]: '2024-05-01T00:00:00Z', [roleArn('app-web')]: '2023-06-01T00:00:00Z' });
  });
});
