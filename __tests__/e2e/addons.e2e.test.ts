/**
 * Add-on associations end to end: `eks-identity plan` and `apply` in-process against the emulator,
 * reached through the SDK's AWS_ENDPOINT_URL_* variables, as users reach AWS.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddonState, EmulatorState } from '../../src/emulator/index.js';
import type { Plan } from '../../src/model/plan.js';
import { DEPLOY_KEY, isolateAwsEnvironment, roleArn, startApplyWorld, stateWith, writeCount, type World } from '../apply/emulator-world.js';
import { pointAwsAt, runCli } from '../helpers/cli.js';

isolateAwsEnvironment();

const AGENT: AddonState = { name: 'eks-pod-identity-agent' };
const manifest = (addonsYaml: string) => `version: 1
clusters: [{ name: prod, region: us-east-1 }]
addons:
${addonsYaml}`;
const ebs = (role: string) => manifest(`  - name: aws-ebs-csi-driver
    podIdentityAssociations:
      - serviceAccount: ebs-csi-controller-sa
        roleName: ${role}
`);

function state(addons: AddonState[]): EmulatorState {
  return stateWith(['EbsCsi', 'EbsCsiV2', 'Cni'], [{ name: 'prod', addons: [AGENT, ...addons] }]);
}

let world: World | undefined;
let dir: string;

async function start(addons: AddonState[], text: string): Promise<World> {
  dir = await mkdtemp(join(tmpdir(), 'eks-identity-addons-'));
  await writeFile(join(dir, 'eks-identity.yaml'), text);
  world = await startApplyWorld(state(addons));
  pointAwsAt(world.emulator.endpoint, DEPLOY_KEY);
  return world;
}
afterEach(async () => {
  await world?.close();
  world = undefined;
  await rm(dir, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCli(dir, ...argv);

const ownedBy = (w: World, addon: string) => {
  const cluster = w.emulator.inspect().clusters[0]!;
  return cluster.podIdentityAssociations.filter((a) => a.ownerArn?.includes(`:addon/prod/${addon}/`)).map((a) => `${a.namespace}/${a.serviceAccount} ${a.roleArn}`);
};

describe('GIVEN an installed add-on without associations', () => {
  it('WHEN applied THEN the add-on owns an association with the declared role, made by UpdateAddon, and the re-plan is empty', async () => {
    const w = await start([{ name: 'aws-ebs-csi-driver' }], ebs('EbsCsi'));
    const planned = await cli('plan', '--format', 'json', '--detailed-exitcode');
    expect(planned.code).toBe(2);
    const plan = JSON.parse(planned.out) as Plan;
    expect(plan.clusters[0]!.changes).toEqual([
      expect.objectContaining({ kind: 'addonAssociation', action: 'create', id: 'addon/aws-ebs-csi-driver/ebs-csi-controller-sa', after: expect.objectContaining({ namespace: 'kube-system', roleArn: roleArn('EbsCsi') }) }),
    ]);

    const applied = await cli('apply');
    expect(applied.code).toBe(0);
    expect(ownedBy(w, 'aws-ebs-csi-driver')).toEqual([`kube-system/ebs-csi-controller-sa ${roleArn('EbsCsi')}`]);
    const calls = w.emulator.calls();
    expect(calls.UpdateAddon).toBe(1);
    expect(calls.DescribeUpdate).toBeGreaterThanOrEqual(2);
    expect(calls.CreatePodIdentityAssociation ?? 0).toBe(0);

    const again = await cli('plan', '--detailed-exitcode');
    expect(again.code).toBe(0);
  });

  it('WHEN the role changes THEN the change goes through the add-on (UpdateAddon), never the association API', async () => {
    const w = await start([{ name: 'aws-ebs-csi-driver', podIdentityAssociations: [{ namespace: 'kube-system', serviceAccount: 'ebs-csi-controller-sa', roleArn: roleArn('EbsCsi') }] }], ebs('EbsCsiV2'));
    const planned = await cli('plan', '--format', 'text');
    expect(planned.out).toContain('add-on association');
    expect(planned.out).toContain(`${roleArn('EbsCsi')} → ${roleArn('EbsCsiV2')}`);
    const applied = await cli('apply');
    expect(applied.code).toBe(0);
    expect(ownedBy(w, 'aws-ebs-csi-driver')).toEqual([`kube-system/ebs-csi-controller-sa ${roleArn('EbsCsiV2')}`]);
    expect(w.emulator.calls().UpdatePodIdentityAssociation ?? 0).toBe(0);
    expect((await cli('plan', '--detailed-exitcode')).code).toBe(0);
  });
});

describe('GIVEN an add-on version without Pod Identity', () => {
  it('WHEN planned THEN an error names the version; apply refuses and writes nothing', async () => {
    const w = await start([{ name: 'vpc-cni', version: 'v1.15.1-eksbuild.1' }], manifest(`  - name: vpc-cni
    podIdentityAssociations: [{ serviceAccount: aws-node, roleName: Cni }]
`));
    const planned = await cli('plan');
    expect(planned.code).toBe(1);
    expect(planned.out + planned.err).toContain('ADDON_VERSION_NO_POD_IDENTITY');
    expect(planned.out + planned.err).toContain('v1.15.1-eksbuild.1');
    const applied = await cli('apply');
    expect(applied.code).not.toBe(0);
    expect(writeCount(w.emulator.calls())).toBe(0);
    expect(ownedBy(w, 'vpc-cni')).toEqual([]);
  });
});

describe('GIVEN a declared add-on that is not installed', () => {
  it('WHEN planned THEN ADDON_NOT_INSTALLED with the fix, and no call writes', async () => {
    const w = await start([], ebs('EbsCsi'));
    const planned = await cli('plan');
    expect(planned.code).toBe(1);
    expect(planned.out + planned.err).toContain('aws eks create-addon --cluster-name prod --addon-name aws-ebs-csi-driver');
    expect(writeCount(w.emulator.calls())).toBe(0);
  });
});

describe('GIVEN an add-on on IRSA', () => {
  it('WHEN eks-identity migrate-irsa runs THEN it proposes the addons: entry with the role, and its plan creates the association through the add-on', async () => {
    const issuer = 'https://oidc.eks.us-east-1.amazonaws.com/id/ADDONS';
    const provider = `arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ADDONS`;
    const trust = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'oidc.eks.us-east-1.amazonaws.com/id/ADDONS:sub': 'system:serviceaccount:kube-system:ebs-csi-controller-sa' } } }],
    };
    await start([], ebs('EbsCsi'));
    await world!.close();
    const s = state([{ name: 'aws-ebs-csi-driver', serviceAccountRoleArn: roleArn('EbsIrsa') }]);
    s.iam!.roles!.push({ arn: roleArn('EbsIrsa'), assumeRolePolicyDocument: trust });
    s.clusters![0]!.oidcIssuer = issuer;
    world = await startApplyWorld(s);
    pointAwsAt(world.emulator.endpoint, DEPLOY_KEY);

    const migrated = await cli('migrate-irsa', '--cluster', 'prod', '--region', 'us-east-1');
    expect(migrated.code).toBe(0);
    expect(migrated.out).toContain(`addons:
  - name: aws-ebs-csi-driver
    podIdentityAssociations:
      - serviceAccount: ebs-csi-controller-sa
        roleArn: ${roleArn('EbsIrsa')}`);
    expect(migrated.out).not.toContain('aws eks update-addon');
    expect(migrated.err).toContain('+ create add-on association aws-ebs-csi-driver: kube-system/ebs-csi-controller-sa');
    expect(writeCount(world.emulator.calls())).toBe(0);
  });
});

describe('GIVEN an add-on association with a role: block and recommendedPolicies', () => {
  it('WHEN applied THEN eks-identity creates the role with the recommended managed policy before the add-on update, and the re-plan is empty', async () => {
    const w = await start([{ name: 'aws-ebs-csi-driver' }], `version: 1
owner: platform
clusters: [{ name: prod, region: us-east-1 }]
addons:
  - name: aws-ebs-csi-driver
    podIdentityAssociations:
      - serviceAccount: ebs-csi-controller-sa
        role:
          name: ebs-csi-\${cluster}
        recommendedPolicies: true
`);
    const planned = await cli('plan', '--format', 'json');
    expect(planned.code).toBe(0);
    const changes = (JSON.parse(planned.out) as Plan).clusters[0]!.changes;
    expect(changes.map((c) => `${c.action} ${c.kind}`)).toEqual(['create iamRole', 'create addonAssociation']);
    expect(changes[0]!.after).toMatchObject({ roleArn: roleArn('ebs-csi-prod'), managedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy'] });

    const applied = await cli('apply');
    expect(applied.code).toBe(0);
    expect(ownedBy(w, 'aws-ebs-csi-driver')).toEqual([`kube-system/ebs-csi-controller-sa ${roleArn('ebs-csi-prod')}`]);
    const role = w.emulator.snapshot().iam?.roles?.find((r) => r.arn === roleArn('ebs-csi-prod'));
    expect(role?.attachedPolicies).toEqual(['arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy']);
    expect((await cli('plan', '--detailed-exitcode')).code).toBe(0);
  });
});

describe('GIVEN an add-on installed in a namespace of its own and a role: block for its association', () => {
  it('WHEN planned THEN the role trusts the add-on\'s namespace, not the default one, and apply converges', async () => {
    const w = await start([{ name: 'aws-ebs-csi-driver', namespace: 'storage' }], `version: 1
owner: platform
clusters: [{ name: prod, region: us-east-1 }]
addons:
  - name: aws-ebs-csi-driver
    podIdentityAssociations:
      - serviceAccount: ebs-csi-controller-sa
        role:
          name: ebs-csi-\${cluster}
`);
    const planned = await cli('plan', '--format', 'json');
    expect(planned.code).toBe(0);
    const role = (JSON.parse(planned.out) as Plan).clusters[0]!.changes.find((c) => c.kind === 'iamRole')!;
    const trust = JSON.parse((role.after as { trustPolicy: string }).trustPolicy) as { Statement: Array<{ Condition: { StringEquals: Record<string, unknown> } }> };
    expect(trust.Statement.map((st) => st.Condition.StringEquals['aws:RequestTag/kubernetes-namespace'])).toEqual(['storage']);
    expect((await cli('apply')).code).toBe(0);
    expect(ownedBy(w, 'aws-ebs-csi-driver')).toEqual([`storage/ebs-csi-controller-sa ${roleArn('ebs-csi-prod')}`]);
    expect((await cli('plan', '--detailed-exitcode')).code).toBe(0);
  });
});
