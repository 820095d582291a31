/**
 * Planning against the emulator through planManifest and the real SDK: every change kind, every
 * finding that needs AWS, and the three field stories (Karpenter, China, re-created role).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateRoleCommand, DeleteRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import type { EmulatorState } from '../../src/emulator/index.js';
import { EksIdentityError } from '../../src/errors.js';
import type { AssociationValue } from '../../src/model/plan.js';
import { ACCOUNT, CREDENTIALS, POD_TRUST, actions, codes, roleArn, startPlanWorld, stateOf, type PlanWorld } from '../plan/emulator-world.js';

const ADMIN = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy';
const VIEW = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy';
const EDIT = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy';
const EBS_ADDON = { name: 'aws-ebs-csi-driver', podIdentityAssociations: [{ namespace: 'kube-system', serviceAccount: 'ebs-csi-controller-sa', roleArn: roleArn('EbsCsi') }] };
const AGENT = { name: 'eks-pod-identity-agent', version: 'v1.3.4-eksbuild.1' };
const deployAdmin = { principalArn: roleArn('Deploy'), accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] };

function world(): EmulatorState {
  return stateOf(
    [
      'KarpenterController', 'AppWeb', 'AppWebOld', 'Legacy', 'Admins', 'Dev', 'Viewer', 'Ops', 'Departed', 'NewTeam', 'EksNodeRole', 'EbsCsi',
      { name: 'AssumeOnly', trust: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
      {
        name: 'KarpenterCn',
        partition: 'aws-cn',
        trust: { Version: '2012-10-17', Statement: [...POD_TRUST.Statement, { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      },
      {
        name: 'ExternalDnsCn',
        partition: 'aws-cn',
        trust: { Version: '2012-10-17', Statement: [...POD_TRUST.Statement, { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/Deploy` }, Action: 'sts:AssumeRole' }] },
      },
      { name: 'Deploy', partition: 'aws-cn' },
    ],
    [
      {
        name: 'prod',
        region: 'us-east-1',
        addons: [AGENT, EBS_ADDON],
        podIdentityAssociations: [
          { namespace: 'app', serviceAccount: 'web', roleArn: roleArn('AppWebOld'), tags: { team: 'web' } },
          { namespace: 'legacy', serviceAccount: 'worker', roleArn: roleArn('Legacy') },
        ],
        accessEntries: [
          { ...deployAdmin, createdAt: '2024-01-01T00:00:00Z' },
          { principalArn: roleArn('Admins'), createdAt: '2024-03-01T00:00:00Z', accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] },
          { principalArn: roleArn('Dev'), kubernetesGroups: ['dev-viewers'], accessPolicies: [{ policyArn: 'AmazonEKSViewPolicy', accessScope: { type: 'namespace', namespaces: ['team-a'] } }] },
          { principalArn: roleArn('Viewer'), accessPolicies: [{ policyArn: 'AmazonEKSViewPolicy' }, { policyArn: 'AmazonEKSEditPolicy', accessScope: { type: 'namespace', namespaces: ['a'] } }] },
          { principalArn: roleArn('Ops') },
          { principalArn: roleArn('Departed') },
          { principalArn: roleArn('EksNodeRole'), type: 'EC2_LINUX' },
        ],
      },
      { name: 'noagent', region: 'us-east-1', addons: [] },
      { name: 'auto', region: 'us-east-1', autoMode: true, authenticationMode: 'API', addons: [] },
      { name: 'legacy', region: 'us-east-1', authenticationMode: 'CONFIG_MAP', addons: [AGENT] },
      { name: 'prod-cn', region: 'cn-north-1', authenticationMode: 'API', addons: [AGENT], accessEntries: [{ principalArn: roleArn('Deploy', 'aws-cn'), accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] }] },
    ],
  );
}

const role = (name: string) => `arn:\${partition}:iam::\${accountId}:role/${name}`;
const manifest = (clusters: string[], body: string, prune = false) =>
  `version: 1\nclusters:\n${clusters.map((c) => `  - name: ${c}\n    region: ${c.endsWith('-cn') ? 'cn-north-1' : 'us-east-1'}\n`).join('')}prune: ${prune}\n${body}`;

let w: PlanWorld;
beforeAll(async () => {
  w = await startPlanWorld(world());
});
afterAll(async () => {
  await w.close();
});

describe('plan e2e: change kinds', () => {
  const body = `
podIdentityAssociations:
  - { namespace: karpenter, serviceAccount: karpenter, roleName: KarpenterController }
  - { namespace: app, serviceAccount: web, roleName: AppWeb, tags: { team: web, tier: front } }
accessEntries:
  - principalArn: ${role('Deploy')}
    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, scope: cluster }]
  - principalArn: ${role('Admins')}
    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, scope: cluster }]
  - principalArn: ${role('Dev')}
    kubernetesGroups: [dev-editors]
    accessPolicies: [{ policy: AmazonEKSViewPolicy, namespaces: [team-a, team-b] }]
  - principalArn: ${role('Viewer')}
    accessPolicies: [{ policy: AmazonEKSViewPolicy, scope: cluster }]
  - principalArn: ${role('Ops')}
    type: EC2
  - principalArn: ${role('NewTeam')}
    kubernetesGroups: [new-team]
    accessPolicies: [{ policy: AmazonEKSEditPolicy, namespaces: [new] }]
`;

  it('GIVEN a manifest with prune WHEN planned against prod THEN each kind of create, update, replace, delete and unmanaged change appears', async () => {
    const result = await w.plan(manifest(['prod'], body, true));
    expect(actions(result, 'prod')).toEqual([
      `delete entry/${roleArn('Departed')}`,
      `update entry/${roleArn('Dev')}`,
      `unmanaged entry/${roleArn('EksNodeRole')}`,
      `create entry/${roleArn('NewTeam')}`,
      `replace entry/${roleArn('Ops')}`,
      `update policy/${roleArn('Dev')}/${VIEW}`,
      `create policy/${roleArn('NewTeam')}/${EDIT}`,
      `delete policy/${roleArn('Viewer')}/${EDIT}`,
      'update association/app/web',
      'create association/karpenter/karpenter',
      'unmanaged association/kube-system/ebs-csi-controller-sa',
      'delete association/legacy/worker',
    ]);
    const prod = result.plan.clusters[0]!;
    const web = prod.changes.find((c) => c.id === 'association/app/web')!;
    expect(web.fields).toEqual([
      { field: 'roleArn', before: roleArn('AppWebOld'), after: roleArn('AppWeb') },
      { field: 'tags', before: { team: 'web' }, after: { team: 'web', tier: 'front' } },
    ]);
    expect(prod.changes.find((c) => c.id === `entry/${roleArn('Dev')}`)!.fields).toEqual([{ field: 'kubernetesGroups', before: ['dev-viewers'], after: ['dev-editors'] }]);
    expect(codes(result, 'prod').sort()).toEqual(['EKS_OWNED_ENTRY', 'IMMUTABLE_FIELD_CHANGED']);
    expect(result.plan.summary).toMatchObject({ create: 3, update: 3, replace: 1, delete: 3, unmanaged: 2, errors: 0 });
  });

  it('GIVEN the same manifest without prune WHEN planned THEN nothing is deleted and undeclared objects are summed up, not listed', async () => {
    const result = await w.plan(manifest(['prod'], body, false));
    expect(actions(result, 'prod').filter((a) => a.startsWith('delete'))).toEqual([]);
    expect(actions(result, 'prod')).toContain(`unmanaged policy/${roleArn('Viewer')}/${EDIT}`);
    expect(codes(result, 'prod')).toContain('UNMANAGED_NOT_SHOWN');
  });
});

describe('plan e2e: findings that need AWS', () => {
  it('GIVEN a cluster the account does not have WHEN planned THEN CLUSTER_NOT_FOUND and no changes', async () => {
    const result = await w.plan(manifest(['ghost'], `podIdentityAssociations:\n  - { namespace: a, serviceAccount: b, roleName: KarpenterController }\n`));
    expect(codes(result, 'ghost')).toEqual(['CLUSTER_NOT_FOUND']);
    expect(actions(result, 'ghost')).toEqual([]);
  });

  it('GIVEN access entries for a CONFIG_MAP cluster WHEN planned THEN AUTH_MODE_CONFIG_MAP, associations still planned', async () => {
    const result = await w.plan(manifest(['legacy'], `podIdentityAssociations:\n  - { namespace: a, serviceAccount: b, roleName: KarpenterController }\naccessEntries:\n  - principalArn: ${role('Dev')}\n`));
    expect(codes(result, 'legacy')).toEqual(['AUTH_MODE_CONFIG_MAP']);
    expect(actions(result, 'legacy')).toEqual(['create association/a/b']);
    expect(result.plan.clusters[0]!.findings[0]!.fix).toMatch(/migrate-aws-auth/);
  });

  it('GIVEN associations for a cluster without the agent WHEN planned THEN POD_IDENTITY_AGENT_MISSING, but not on Auto Mode', async () => {
    const result = await w.plan(manifest(['auto', 'noagent'], `podIdentityAssociations:\n  - { namespace: a, serviceAccount: b, roleName: KarpenterController }\n`));
    expect(codes(result, 'noagent')).toEqual(['POD_IDENTITY_AGENT_MISSING']);
    expect(codes(result, 'auto')).toEqual([]);
  });

  it('GIVEN an add-on owned association, missing roles and a trust without TagSession WHEN planned THEN each has its finding and key', async () => {
    const result = await w.plan(
      manifest(
        ['prod'],
        `podIdentityAssociations:
  - { namespace: kube-system, serviceAccount: ebs-csi-controller-sa, roleName: EbsCsi }
  - { namespace: app, serviceAccount: missing, roleName: NoSuchRole }
  - { namespace: app, serviceAccount: assume-only, roleName: AssumeOnly }
accessEntries:
  - principalArn: ${role('Deploy')}
    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, scope: cluster }]
  - principalArn: ${role('NoSuchPrincipal')}
`,
      ),
    );
    const prod = result.plan.clusters[0]!;
    const byCode = Object.fromEntries(prod.findings.map((f) => [f.code, f]));
    expect(byCode.ADDON_OWNED_ASSOCIATION).toMatchObject({ severity: 'warning', key: 'association/kube-system/ebs-csi-controller-sa' });
    expect(byCode.ROLE_NOT_FOUND).toMatchObject({ severity: 'error', key: 'association/app/missing' });
    expect(byCode.PRINCIPAL_NOT_FOUND).toMatchObject({ severity: 'error', key: `entry/${roleArn('NoSuchPrincipal')}` });
    expect(byCode.TRUST_POLICY_MISSING_POD_IDENTITY).toMatchObject({ severity: 'error', key: 'association/app/assume-only' });
    expect(byCode.ROLE_NOT_FOUND!.source).toMatchObject({ line: expect.any(Number) });
    expect(actions(result, 'prod')).not.toContain('create association/kube-system/ebs-csi-controller-sa');
  });

  it('GIVEN prune and a manifest that forgets the caller, the only other admin downgraded WHEN planned THEN LOCKOUT_CALLER and LOCKOUT_NO_ADMIN', async () => {
    const result = await w.plan(
      manifest(['prod'], `accessEntries:\n  - principalArn: ${role('Admins')}\n    accessPolicies: [{ policy: AmazonEKSViewPolicy, scope: cluster }]\n`, true),
      { maxDeletes: 100 },
    );
    expect(codes(result, 'prod')).toEqual(expect.arrayContaining(['LOCKOUT_CALLER', 'LOCKOUT_NO_ADMIN']));
    expect(result.plan.clusters[0]!.findings.find((f) => f.code === 'LOCKOUT_CALLER')!.key).toBe(`entry/${roleArn('Deploy')}`);
    const allowed = await w.plan(manifest(['prod'], `accessEntries:\n  - principalArn: ${role('Admins')}\n`, true), { maxDeletes: 100, allowLockout: true });
    expect(codes(allowed, 'prod')).not.toContain('LOCKOUT_CALLER');
  });

  it('GIVEN prune with more deletes than allowed WHEN planned THEN MAX_DELETES_EXCEEDED', async () => {
    const result = await w.plan(manifest(['prod'], `accessEntries:\n  - principalArn: ${role('Deploy')}\n    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, scope: cluster }]\n`, true), { maxDeletes: 2 });
    expect(codes(result, 'prod')).toContain('MAX_DELETES_EXCEEDED');
    expect(codes(result, 'prod')).not.toContain('LOCKOUT_CALLER');
  });

  it('GIVEN a cluster declared in another account WHEN planned THEN the sessions refuse with ACCOUNT_MISMATCH before reading', async () => {
    const calls = { ...w.emulator.calls() };
    const error = await w.plan(`version: 1\nclusters:\n  - name: prod\n    region: us-east-1\n    accountId: "999999999999"\n`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EksIdentityError);
    expect((error as EksIdentityError).code).toBe('ACCOUNT_MISMATCH');
    expect(w.emulator.calls().DescribeCluster ?? 0).toBe(calls.DescribeCluster ?? 0);
  });
});

describe('plan e2e: field stories', () => {
  it('GIVEN the Karpenter role exists but its association does not WHEN planned THEN a create, with no finding about the service account', async () => {
    const result = await w.plan(manifest(['prod'], `podIdentityAssociations:\n  - namespace: karpenter\n    serviceAccount: karpenter\n    roleName: KarpenterController\n`));
    expect(actions(result, 'prod')).toEqual(['create association/karpenter/karpenter']);
    expect(result.plan.clusters[0]!.findings.filter((f) => f.key === 'association/karpenter/karpenter')).toEqual([]);
    expect(result.plan.clusters[0]!.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('GIVEN a cn-north-1 cluster WHEN planned THEN ARNs expand to arn:aws-cn: and trust policies naming ec2.amazonaws.com or arn:aws: are findings', async () => {
    const result = await w.plan(
      manifest(
        ['prod-cn'],
        `podIdentityAssociations:
  - { namespace: karpenter, serviceAccount: karpenter, roleName: KarpenterCn }
  - { namespace: kube-system, serviceAccount: external-dns, roleArn: "arn:\${partition}:iam::\${accountId}:role/ExternalDnsCn" }
accessEntries:
  - principalArn: ${role('Deploy')}
    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, scope: cluster }]
`,
      ),
    );
    const cn = result.plan.clusters[0]!;
    const karpenter = cn.changes.find((c) => c.id === 'association/karpenter/karpenter')!;
    expect(karpenter.action).toBe('create');
    expect((karpenter.after as AssociationValue).roleArn).toBe(`arn:aws-cn:iam::${ACCOUNT}:role/KarpenterCn`);
    const mismatches = cn.findings.filter((f) => f.code === 'TRUST_POLICY_PARTITION_MISMATCH');
    expect(mismatches.map((f) => f.key).sort()).toEqual(['association/karpenter/karpenter', 'association/kube-system/external-dns']);
    expect(mismatches.find((f) => f.key === 'association/karpenter/karpenter')!.message).toContain('ec2.amazonaws.com');
    expect(mismatches.find((f) => f.key === 'association/kube-system/external-dns')!.message).toContain(`arn:aws:iam::${ACCOUNT}:role/Deploy`);
    expect(cn.findings.map((f) => f.code)).not.toContain('PARTITION_MISMATCH');
    // The Deploy entry matches the live one in aws-cn: the admin policy ARN expanded to arn:aws-cn too.
    expect(cn.changes.filter((c) => c.kind !== 'podIdentityAssociation')).toEqual([]);
  });

  it('GIVEN an access entry whose role was deleted and re-created through IAM WHEN planned THEN replace and STALE_ACCESS_ENTRY', async () => {
    const body = `accessEntries:\n  - principalArn: ${role('Deploy')}\n    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, scope: cluster }]\n  - principalArn: ${role('Admins')}\n    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, scope: cluster }]\n`;
    // A world of its own: this test changes IAM.
    const own = await startPlanWorld(world());
    try {
      const before = await own.plan(manifest(['prod'], body));
      expect(actions(before, 'prod')).toEqual([]);

      const iam = new IAMClient({ endpoint: own.emulator.endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
      await iam.send(new DeleteRoleCommand({ RoleName: 'Admins' }));
      await iam.send(new CreateRoleCommand({ RoleName: 'Admins', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] }) }));
      iam.destroy();

      const after = await own.plan(manifest(['prod'], body));
      expect(actions(after, 'prod')).toEqual([`replace entry/${roleArn('Admins')}`, `create policy/${roleArn('Admins')}/${ADMIN}`]);
      const stale = after.plan.clusters[0]!.findings.find((f) => f.code === 'STALE_ACCESS_ENTRY')!;
      expect(stale).toMatchObject({ severity: 'warning', key: `entry/${roleArn('Admins')}` });
      expect(after.plan.fingerprint).not.toBe(before.plan.fingerprint);
      // The emulator agrees: the entry still binds the old role id.
      const prod = own.emulator.inspect().clusters.find((c) => c.name === 'prod')!;
      expect(prod.accessEntries.find((e) => e.principalArn === roleArn('Admins'))!.stale).toBe(true);
    } finally {
      await own.close();
    }
  });
});
