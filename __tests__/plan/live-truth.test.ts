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

describe('principals and policies at plan', () => {
  const SSO_NAME = 'AWSReservedSSO_Admins_0123456789abcdef';
  const written = roleArn(SSO_NAME);
  const real = roleArn(`aws-reserved/sso.amazonaws.com/eu-west-1/${SSO_NAME}`);

  it('GIVEN an Identity Center role written without its path WHEN planned THEN ARN_PATH_MISMATCH names the exact ARN to write', () => {
    const cluster = planOne(desiredCluster({ accessEntries: [desiredEntry(written)] }), liveCluster({ roles: { [written]: liveRole(real) } }));
    const f = cluster.findings.find((x) => x.code === 'ARN_PATH_MISMATCH')!;
    expect(f.severity).toBe('error');
    expect(f.fix).toContain(`write ${real}`);
  });

  it('GIVEN an association role and a same-account target role with other paths THEN each is reported', () => {
    const cluster = planOne(
      desiredCluster({ associations: [desiredAssociation('app', 'web', { roleArn: roleArn('App'), targetRoleArn: roleArn('Target') })] }),
      liveCluster({ roles: { [roleArn('App')]: liveRole(roleArn('team/App')), [roleArn('Target')]: liveRole(roleArn('x/Target')) } }),
    );
    expect(cluster.findings.filter((f) => f.code === 'ARN_PATH_MISMATCH').map((f) => f.message.split(' ')[0])).toEqual(['`roleArn`', '`targetRoleArn`']);
  });

  it('GIVEN an IAM user that does not exist WHEN planned THEN PRINCIPAL_NOT_FOUND says user', () => {
    const alice = 'arn:aws:iam::111122223333:user/alice';
    const cluster = planOne(desiredCluster({ accessEntries: [desiredEntry(alice)] }), liveCluster({ users: { [alice]: null } }));
    expect(cluster.findings.find((f) => f.code === 'PRINCIPAL_NOT_FOUND')!.message).toContain('IAM user');
  });

  it('GIVEN a misspelled access policy WHEN planned against the catalog THEN did-you-mean names the policy', () => {
    const ops = roleArn('Ops');
    const cluster = planOne(
      desiredCluster({ accessEntries: [desiredEntry(ops, { accessPolicies: [{ policyArn: policyArn('AmazonEKSClusterAdmin'), scope: { type: 'cluster' } }] })] }),
      liveCluster({ accessPolicyCatalog: [ADMIN, policyArn('AmazonEKSViewPolicy'), policyArn('AmazonEMRJobPolicy')] }),
    );
    const f = cluster.findings.find((x) => x.code === 'ACCESS_POLICY_NOT_FOUND')!;
    expect(f.message).toContain('did you mean AmazonEKSClusterAdminPolicy?');
    expect(f.fix).toBe('write AmazonEKSClusterAdminPolicy');
  });

  it('GIVEN a policy of the catalog (EMR on EKS) WHEN planned THEN no policy finding', () => {
    const emr = roleArn('AWSServiceRoleForAmazonEMRContainers');
    const cluster = planOne(
      desiredCluster({ accessEntries: [desiredEntry(emr, { accessPolicies: [{ policyArn: policyArn('AmazonEMRJobPolicy'), scope: namespaces('spark') }] })] }),
      liveCluster({ accessPolicyCatalog: [ADMIN, policyArn('AmazonEMRJobPolicy')] }),
    );
    expect(cluster.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('GIVEN an association whose role changes WHEN planned THEN an info finding gives the cache time: 6 hours, or 59 minutes with a target role', () => {
    const update = (targetRoleArn?: string) =>
      planOne(
        desiredCluster({ associations: [desiredAssociation('app', 'web', { roleArn: roleArn('New') })] }),
        liveCluster({ associations: [liveAssociationOf('app', 'web', targetRoleArn)] }),
      ).findings.find((f) => f.code === 'PODS_KEEP_OLD_CREDENTIALS')!.message;
    expect(update()).toContain('up to 6 hours');
    expect(update(roleArn('T'))).toContain('up to 59 minutes');
  });

  it('GIVEN an association update that changes only tags THEN no credentials finding', () => {
    const cluster = planOne(desiredCluster({ associations: [desiredAssociation('app', 'web', { tags: { a: 'b' } })] }), liveCluster({ associations: [liveAssociationOf('app', 'web')] }));
    expect(cluster.findings.map((f) => f.code)).not.toContain('PODS_KEEP_OLD_CREDENTIALS');
  });
});

function liveAssociationOf(namespace: string, serviceAccount: string, targetRoleArn?: string) {
  return { associationId: `a-${namespace}`, namespace, serviceAccount, roleArn: roleArn(`${namespace}-${serviceAccount}`), disableSessionTags: false, tags: {}, ...(targetRoleArn ? { targetRoleArn } : {}) };
}
