import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LiveAssociation } from '../../src/model/live.js';
import { planIrsaMigration, renderIrsaManifest, type IrsaRole } from '../../src/migrate/irsa-migration.js';
import { trustsPodIdentity } from '../../src/migrate/trust-policy.js';
import { expectGolden } from './golden.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'irsa');
const ISSUER = 'https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const cluster = { name: 'prod', region: 'us-east-1', partition: 'aws' as const, oidcIssuer: ISSUER };

function role(fixture: string): IrsaRole {
  const f = JSON.parse(readFileSync(join(FIXTURES, fixture), 'utf8')) as { roleArn: string; trustPolicy: unknown };
  return { arn: f.roleArn, trustPolicy: f.trustPolicy };
}

function liveAssociation(namespace: string, serviceAccount: string, roleArn: string, ownerArn?: string): LiveAssociation {
  return { associationId: `a-${namespace}-${serviceAccount}`, namespace, serviceAccount, roleArn, disableSessionTags: false, tags: {}, ...(ownerArn ? { ownerArn } : {}) };
}

const ROLES = ['single-sa.json', 'multi-sa-array.json', 'wildcard.json', 'already-migrated.json', 'not-irsa.json', 'two-clusters.json', 'no-subject.json'].map(role);

describe('planIrsaMigration', () => {
  it('GIVEN the roles of a cluster WHEN migrated THEN one association per federated service account and one trust update per role', () => {
    const migration = planIrsaMigration({ cluster, roles: ROLES, addons: [], associations: [] });
    expect(migration.associations.map((a) => `${a.namespace}/${a.serviceAccount} → ${a.roleArn.split(':')[5]}`)).toEqual([
      'external-dns/external-dns → role/external-dns',
      'karpenter/karpenter → role/karpenter-controller',
      'kube-system/aws-load-balancer-controller → role/aws-load-balancer-controller',
      'payments/api → role/team/payments/payments-app',
      'payments/worker → role/team/payments/payments-app',
      'payments-batch/reconciler → role/team/payments/payments-app',
      'shared/reader → role/team-a-readers',
    ]);
    // One update for the role three service accounts share; none for the role that already trusts Pod Identity.
    expect(migration.trustUpdates.map((u) => [u.roleArn, u.serviceAccounts])).toEqual([
      ['arn:aws:iam::111122223333:role/external-dns', ['external-dns/external-dns']],
      ['arn:aws:iam::111122223333:role/karpenter-controller', ['karpenter/karpenter']],
      ['arn:aws:iam::111122223333:role/team-a-readers', ['shared/reader']],
      ['arn:aws:iam::111122223333:role/team/payments/payments-app', ['payments/api', 'payments/worker', 'payments-batch/reconciler']],
    ]);
    expect(migration.trustUpdates.every((u) => trustsPodIdentity(u.after) && !trustsPodIdentity(u.before))).toBe(true);
    expect(migration.findings.map((f) => [f.code, f.key])).toEqual([
      ['IRSA_NO_SUBJECT', 'arn:aws:iam::111122223333:role/any-pod'],
      ['IRSA_WILDCARD_SUBJECT', 'arn:aws:iam::111122223333:role/team-a-readers'],
    ]);
    const { manifestYaml } = renderIrsaManifest(migration, { name: 'prod', region: 'us-east-1', accountId: '111122223333' });
    expectGolden(manifestYaml, join(FIXTURES, 'expected', 'prod.manifest.yaml'));
  });

  it('GIVEN an association that already exists with the same role WHEN migrated again THEN it is adopted and nothing is appended twice', () => {
    const first = planIrsaMigration({ cluster, roles: [role('single-sa.json')], addons: [], associations: [] });
    const migrated: IrsaRole = { arn: first.trustUpdates[0]!.roleArn, trustPolicy: first.trustUpdates[0]!.after };
    const again = planIrsaMigration({ cluster, roles: [migrated], addons: [], associations: [liveAssociation('external-dns', 'external-dns', migrated.arn)] });
    expect(again.associations).toEqual(first.associations);
    expect(again.trustUpdates).toEqual([]);
    expect(again.notConvertible).toEqual([]);
  });

  it('GIVEN a service account already associated with another role WHEN migrated THEN it is listed as not converted, not re-pointed', () => {
    const migration = planIrsaMigration({
      cluster,
      roles: [role('single-sa.json')],
      addons: [],
      associations: [liveAssociation('external-dns', 'external-dns', 'arn:aws:iam::111122223333:role/other')],
    });
    expect(migration.associations).toEqual([]);
    expect(migration.trustUpdates).toEqual([]);
    expect(migration.notConvertible).toEqual([expect.objectContaining({ subject: 'arn:aws:iam::111122223333:role/external-dns', reason: expect.stringContaining('role/other') })]);
  });

  it('GIVEN two roles federating the same service account WHEN migrated THEN the first keeps it and the second is reported', () => {
    const a = role('single-sa.json');
    const b: IrsaRole = { arn: 'arn:aws:iam::111122223333:role/zz-external-dns-copy', trustPolicy: a.trustPolicy };
    const migration = planIrsaMigration({ cluster, roles: [b, a], addons: [], associations: [] });
    expect(migration.associations).toEqual([{ namespace: 'external-dns', serviceAccount: 'external-dns', roleArn: a.arn }]);
    expect(migration.notConvertible.map((n) => n.subject)).toEqual([b.arn]);
  });

  it('GIVEN an add-on using IRSA WHEN migrated THEN an addons: entry is proposed with the same role for its service account, and its role is still prepared', () => {
    const r = role('single-sa.json');
    const configuration = { 'external-dns': [{ serviceAccount: 'external-dns', recommendedManagedPolicies: [] }, { serviceAccount: 'other-sa', recommendedManagedPolicies: [] }] };
    const migration = planIrsaMigration({ cluster, roles: [r], addons: [{ name: 'external-dns', version: 'v1', serviceAccountRoleArn: r.arn }], addonConfigurations: configuration, associations: [] });
    expect(migration.associations).toEqual([]);
    expect(migration.addons).toEqual([{ name: 'external-dns', podIdentityAssociations: [{ serviceAccount: 'external-dns', roleArn: r.arn }] }]);
    expect(migration.trustUpdates.map((u) => u.roleArn)).toEqual([r.arn]);
    expect(migration.findings).toEqual([expect.objectContaining({ code: 'IRSA_ADDON', severity: 'info', fix: expect.stringContaining('remove the IRSA role') })]);
    expect(renderIrsaManifest(migration, { name: 'prod', region: 'us-east-1' }).manifestYaml).toContain('addons:\n  - name: external-dns\n    podIdentityAssociations:\n      - serviceAccount: external-dns');
  });

  it('GIVEN an add-on on IRSA whose version has no Pod Identity WHEN migrated THEN no entry, and it is listed as not convertible with the fix', () => {
    const r = role('single-sa.json');
    const migration = planIrsaMigration({ cluster, roles: [r], addons: [{ name: 'external-dns', version: 'v0', serviceAccountRoleArn: r.arn }], addonConfigurations: { 'external-dns': [] }, associations: [] });
    expect(migration.addons).toEqual([]);
    expect(migration.notConvertible).toEqual([expect.objectContaining({ origin: 'addon', subject: 'external-dns', fix: expect.stringContaining('then run migrate-irsa again') })]);
  });

  it('GIVEN a trust policy that would pass 2,048 characters WHEN migrated THEN an error finding blocks it', () => {
    const migration = planIrsaMigration({ cluster, roles: [role('many-statements.json')], addons: [], associations: [] });
    expect(migration.trustUpdates[0]!.length).toBeGreaterThan(2048);
    expect(migration.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['TRUST_POLICY_TOO_LONG']);
  });

  it('GIVEN --remove-oidc-trust before the associations exist WHEN planned THEN it refuses with an error, changing nothing', () => {
    const migration = planIrsaMigration({ cluster, roles: [role('already-migrated.json'), role('single-sa.json')], addons: [], associations: [], removeOidcTrust: true });
    expect(migration.trustUpdates).toEqual([]);
    expect(migration.findings.map((f) => f.code).sort()).toEqual(['IRSA_ASSOCIATION_MISSING', 'IRSA_POD_IDENTITY_NOT_TRUSTED']);
  });

  it('GIVEN --remove-oidc-trust after migration WHEN planned THEN only the Pod Identity statement remains', () => {
    const r = role('already-migrated.json');
    const migration = planIrsaMigration({
      cluster,
      roles: [r],
      addons: [],
      associations: [liveAssociation('kube-system', 'aws-load-balancer-controller', r.arn)],
      removeOidcTrust: true,
    });
    expect(migration.findings).toEqual([]);
    expect(migration.trustUpdates).toHaveLength(1);
    expect(migration.trustUpdates[0]!.after).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'AllowEksPodIdentity', Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
    });
  });
});
