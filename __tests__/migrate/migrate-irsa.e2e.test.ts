import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { analyzeIrsaTrust } from '../../src/migrate/irsa.js';
import { apply, migrateIrsa } from '../../src/operations/index.js';
import { parse } from 'yaml';
import { trustsPodIdentity } from '../../src/migrate/trust-policy.js';
import { awsOptions, irsaTrust, ISSUER, roleArn, state } from './world.js';

const cluster = { name: 'prod', region: 'us-east-1' };
const EXPECTED_ASSOCIATIONS = [
  'external-dns/external-dns → arn:aws:iam::111122223333:role/external-dns',
  'payments-batch/reconciler → arn:aws:iam::111122223333:role/team/payments/payments-app',
  'payments/api → arn:aws:iam::111122223333:role/team/payments/payments-app',
  'payments/worker → arn:aws:iam::111122223333:role/team/payments/payments-app',
  'shared/reader → arn:aws:iam::111122223333:role/readers',
];

describe('migrate-irsa against the emulator', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    // Enough unrelated roles that ListRoles needs a second page.
    const filler = Array.from({ length: 1010 }, (_, i) => ({ arn: roleArn(`filler-${String(i).padStart(4, '0')}`) }));
    emulator = await startEmulator({
      seed: 3,
      state: state([
        ...filler,
        { arn: roleArn('external-dns'), assumeRolePolicyDocument: irsaTrust(['external-dns:external-dns']) },
        { arn: roleArn('team/payments/payments-app'), assumeRolePolicyDocument: irsaTrust(['payments:api', 'payments:worker', 'payments-batch:reconciler']) },
        { arn: roleArn('readers'), assumeRolePolicyDocument: irsaTrust(['team-a:*', 'shared:reader'], 'StringLike') },
        { arn: roleArn('ebs-csi'), assumeRolePolicyDocument: irsaTrust(['kube-system:ebs-csi-controller-sa']) },
      ], { addons: [{ name: 'eks-pod-identity-agent' }, { name: 'aws-ebs-csi-driver', serviceAccountRoleArn: roleArn('ebs-csi') }] }),
    });
  });
  afterAll(async () => emulator.close());

  const trustOf = (arn: string) => emulator.snapshot().iam?.roles?.find((r) => r.arn === arn)?.assumeRolePolicyDocument;
  const associations = () =>
    emulator
      .inspect()
      .clusters[0]!.podIdentityAssociations.filter((a) => !a.ownerArn)
      .map((a) => `${a.namespace}/${a.serviceAccount} → ${a.roleArn}`)
      .sort();

  it('GIVEN IRSA roles WHEN migrate-irsa is applied THEN every discovered service account has an association and its role trusts both IRSA and Pod Identity', async () => {
    const aws = awsOptions(emulator.endpoint);
    emulator.resetCalls();
    await using result = await migrateIrsa({ cluster, aws });
    expect(emulator.calls()['ListRoles']).toBe(2); // 1,014 roles: every page is read
    const changes = result.plan!.clusters[0]!.changes;
    // Three service accounts share the payments role: one trust policy update for it.
    expect(changes.filter((c) => c.kind === 'trustPolicy').map((c) => c.id)).toEqual([
      'trustPolicy/arn:aws:iam::111122223333:role/ebs-csi',
      'trustPolicy/arn:aws:iam::111122223333:role/external-dns',
      'trustPolicy/arn:aws:iam::111122223333:role/readers',
      'trustPolicy/arn:aws:iam::111122223333:role/team/payments/payments-app',
    ]);
    expect(changes.filter((c) => c.kind === 'podIdentityAssociation')).toHaveLength(5);
    expect(result.clusters[0]!.findings.map((f) => f.code).sort()).toEqual(['IRSA_ADDON', 'IRSA_WILDCARD_SUBJECT']);
    expect(result.files[0]!.content).toContain('serviceAccount: reconciler');
    // The add-on on IRSA is proposed under addons:, applied through UpdateAddon.
    expect((parse(result.files[0]!.content) as { addons: unknown }).addons).toEqual([{ name: 'aws-ebs-csi-driver', podIdentityAssociations: [{ serviceAccount: 'ebs-csi-controller-sa', roleArn: roleArn('ebs-csi') }] }]);
    expect(changes.filter((c) => c.kind === 'addonAssociation').map((c) => `${c.action} ${c.id}`)).toEqual(['create addon/aws-ebs-csi-driver/ebs-csi-controller-sa']);

    const { report } = await apply(result);
    expect(report.summary).toEqual(expect.objectContaining({ ok: true, failed: 0 }));
    const owned = emulator.inspect().clusters[0]!.podIdentityAssociations.filter((a) => a.ownerArn);
    expect(owned.map((a) => `${a.namespace}/${a.serviceAccount} → ${a.roleArn}`)).toEqual([`kube-system/ebs-csi-controller-sa → ${roleArn('ebs-csi')}`]);
    expect(associations()).toEqual(EXPECTED_ASSOCIATIONS);
    for (const arn of [roleArn('external-dns'), roleArn('team/payments/payments-app'), roleArn('readers')]) {
      const trust = trustOf(arn);
      expect(trustsPodIdentity(trust)).toBe(true);
      expect(analyzeIrsaTrust(trust, ISSUER).serviceAccounts.length).toBeGreaterThan(0);
    }
  });

  it('GIVEN a completed migration WHEN migrate-irsa runs again THEN nothing changes (no second statement, associations adopted)', async () => {
    await using result = await migrateIrsa({ cluster, aws: awsOptions(emulator.endpoint) });
    expect(result.plan!.clusters[0]!.changes).toEqual([]);
    expect((parse(result.files[0]!.content) as { podIdentityAssociations: unknown[] }).podIdentityAssociations).toHaveLength(5);
  });

  it('GIVEN associations in place WHEN --remove-oidc-trust is applied THEN the roles trust only Pod Identity', async () => {
    const aws = awsOptions(emulator.endpoint);
    await using result = await migrateIrsa({ cluster, aws, removeOidcTrust: true });
    const changes = result.plan!.clusters[0]!.changes;
    expect(changes.map((c) => c.id)).toEqual([
      'trustPolicy/arn:aws:iam::111122223333:role/external-dns',
      'trustPolicy/arn:aws:iam::111122223333:role/readers',
      'trustPolicy/arn:aws:iam::111122223333:role/team/payments/payments-app',
    ]);
    const { report } = await apply(result);
    expect(report.summary.ok).toBe(true);
    for (const arn of [roleArn('external-dns'), roleArn('team/payments/payments-app'), roleArn('readers')]) {
      const trust = trustOf(arn);
      expect(trustsPodIdentity(trust)).toBe(true);
      expect(analyzeIrsaTrust(trust, ISSUER).statements).toEqual([]);
      expect(JSON.stringify(trust)).not.toContain('oidc-provider');
    }
    // The add-on's role keeps IRSA: its association belongs to the add-on.
    expect(analyzeIrsaTrust(trustOf(roleArn('ebs-csi')), ISSUER).statements).toEqual([0]);
    expect(associations()).toEqual(EXPECTED_ASSOCIATIONS);
  });
});
