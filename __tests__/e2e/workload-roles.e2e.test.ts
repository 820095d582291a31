/**
 * Workload roles end to end: `eks-identity plan` and `apply` in-process, the unmodified SDK over
 * HTTP to the emulator's EKS and IAM, reached through AWS_ENDPOINT_URL_* as users reach AWS.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApplyReport } from '../../src/apply/index.js';
import type { EmulatorState } from '../../src/emulator/index.js';
import { OWNER_TAG } from '../../src/model/ownership.js';
import type { Plan } from '../../src/model/plan.js';
import { podIdentityTrustProblem } from '../../src/plan/trust.js';
import { ACCOUNT, DEPLOY_KEY, isolateAwsEnvironment, roleArn, startApplyWorld, stateWith, type World } from '../apply/emulator-world.js';
import { pointAwsAt, runCli } from '../helpers/cli.js';

isolateAwsEnvironment();

const READ_ORDERS = '{ Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "s3:GetObject", Resource: "arn:${partition}:s3:::orders-${cluster}/${aws:username}/*" }] }';

/** Two clusters of one account: a role per cluster for orders-api, one controller role shared by both. */
function manifest(options: { inline?: string; managed?: string[]; withOrders?: boolean; prune?: boolean } = {}): string {
  const orders = `  - namespace: orders
    serviceAccount: orders-api
    role:
      name: orders-api-\${cluster}
      path: /workloads/
      managedPolicies: [${(options.managed ?? ['arn:${partition}:iam::aws:policy/AmazonS3ReadOnlyAccess']).map((a) => `'${a}'`).join(', ')}]
      inlinePolicies:
        read-orders: ${options.inline ?? READ_ORDERS}
      tags: { team: orders }
`;
  return `version: 1
owner: platform
${options.prune ? 'prune: owned\n' : ''}clusters:
  - { name: prod, region: us-east-1 }
  - { name: stage, region: us-east-1 }
podIdentityAssociations:
${options.withOrders === false ? '' : orders}  - namespace: kube-system
    serviceAccount: ebs-csi-controller-sa
    role:
      name: ebs-csi-controller
      wellKnownPolicies: [ebsCsiController]
`;
}

function state(extraRoles: NonNullable<NonNullable<EmulatorState['iam']>['roles']> = []): EmulatorState {
  const base = stateWith([], [
    { name: 'prod', addons: [{ name: 'eks-pod-identity-agent' }] },
    { name: 'stage', addons: [{ name: 'eks-pod-identity-agent' }] },
  ]);
  return { ...base, iam: { ...base.iam, roles: [...(base.iam?.roles ?? []), ...extraRoles] } };
}

let world: World | undefined;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eks-identity-roles-'));
});
afterEach(async () => {
  await world?.close();
  world = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function start(s: EmulatorState, faults?: Parameters<typeof startApplyWorld>[1]): Promise<World> {
  world = await startApplyWorld(s, faults);
  pointAwsAt(world.emulator.endpoint, DEPLOY_KEY);
  return world;
}

const cli = (...argv: string[]) => runCli(dir, ...argv);

async function write(text: string): Promise<void> {
  await writeFile(join(dir, 'eks-identity.yaml'), text);
}

async function planJson(...extra: string[]): Promise<{ code: number; plan: Plan }> {
  const r = await cli('plan', '--manifest', 'eks-identity.yaml', '--format', 'json', '--detailed-exitcode', ...extra);
  return { code: r.code, plan: JSON.parse(r.out) as Plan };
}

async function applyJson(...extra: string[]): Promise<ApplyReport> {
  const r = await cli('apply', '--manifest', 'eks-identity.yaml', '--format', 'json', ...extra);
  expect(r.err).not.toMatch(/\] failed /);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as ApplyReport;
}

const changesOf = (plan: Plan) => plan.clusters.flatMap((c) => c.changes.map((ch) => `${c.name} ${ch.action} ${ch.kind} ${ch.id}`));
const rolesOf = (w: World) => w.emulator.snapshot().iam?.roles ?? [];

/** Every role the emulator holds with this owner must admit each association that uses it (the plan's own trust check). */
function expectTrustsAdmitTheirAssociations(w: World): void {
  const snapshot = w.emulator.snapshot();
  for (const cluster of snapshot.clusters ?? []) {
    for (const a of cluster.podIdentityAssociations ?? []) {
      const role = rolesOf(w).find((r) => r.arn === a.roleArn);
      expect(role?.tags?.[OWNER_TAG]).toBe('platform');
      const problem = podIdentityTrustProblem(role!.assumeRolePolicyDocument, {
        accountId: ACCOUNT,
        clusterArn: `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/${cluster.name}`,
        clusterName: cluster.name,
        namespace: a.namespace,
        serviceAccount: a.serviceAccount,
        sessionTags: true,
      });
      expect(problem).toBeUndefined();
    }
  }
}

describe('workload roles through the CLI against the emulator', () => {
  it('GIVEN role blocks WHEN planned, applied and planned again THEN roles come before their associations, the shared role has one trust for both clusters, and the re-plan is empty', async () => {
    const w = await start(state());
    await write(manifest());
    const first = await planJson();
    expect(first.code).toBe(2);
    expect(changesOf(first.plan)).toEqual([
      'prod create iamRole role/ebs-csi-controller',
      'prod create iamRole role/orders-api-prod',
      'prod create podIdentityAssociation association/kube-system/ebs-csi-controller-sa',
      'prod create podIdentityAssociation association/orders/orders-api',
      'stage create iamRole role/orders-api-stage',
      'stage create podIdentityAssociation association/kube-system/ebs-csi-controller-sa',
      'stage create podIdentityAssociation association/orders/orders-api',
    ]);
    const report = await applyJson();
    expect(report.summary).toMatchObject({ ok: true, applied: 7 });

    const shared = rolesOf(w).find((r) => r.arn === roleArn('ebs-csi-controller'))!;
    expect(shared.attachedPolicies).toEqual(['arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy']);
    const orders = rolesOf(w).find((r) => r.arn === `arn:aws:iam::${ACCOUNT}:role/workloads/orders-api-prod`)!;
    expect(orders.inlinePolicies?.['read-orders']).toMatchObject({ Statement: [{ Resource: 'arn:aws:s3:::orders-prod/${aws:username}/*' }] });
    expect(orders.tags).toEqual({ [OWNER_TAG]: 'platform', team: 'orders' });
    expectTrustsAdmitTheirAssociations(w);

    const again = await planJson();
    expect(changesOf(again.plan)).toEqual([]);
    expect(again.code).toBe(0);
  }, 60_000);

  it('GIVEN applied roles WHEN a policy changes THEN the plan shows field diffs and applying converges', async () => {
    await start(state());
    await write(manifest());
    await applyJson();
    await write(manifest({ inline: READ_ORDERS.replace('s3:GetObject', 's3:ListBucket'), managed: ['arn:${partition}:iam::aws:policy/AmazonDynamoDBReadOnlyAccess'] }));
    const { plan } = await planJson('--cluster', 'prod');
    const update = plan.clusters[0]!.changes.find((c) => c.id === 'role/orders-api-prod')!;
    expect(update.action).toBe('update');
    expect(update.fields?.map((f) => [f.field, f.before === undefined ? '-' : 'before', f.after === undefined ? '-' : 'after'])).toEqual([
      ['managedPolicy', '-', 'after'],
      ['managedPolicy', 'before', '-'],
      ['inlinePolicy/read-orders', 'before', 'after'],
    ]);
    const text = await cli('plan', '--manifest', 'eks-identity.yaml', '--cluster', 'prod');
    expect(text.out).toContain('~ update IAM role arn:aws:iam::111122223333:role/workloads/orders-api-prod');
    expect(text.out).toContain('inlinePolicy/read-orders:');
    await applyJson('--cluster', 'prod');
    expect(changesOf((await planJson('--cluster', 'prod')).plan)).toEqual([]);
  }, 60_000);

  it('GIVEN an association removed with prune: owned WHEN applied THEN the association is deleted, then its role, and a filtered run keeps the shared role\'s trust for both clusters', async () => {
    const w = await start(state());
    await write(manifest());
    await applyJson();
    await write(manifest({ withOrders: false, prune: true }));
    const { plan } = await planJson('--cluster', 'prod');
    expect(changesOf(plan)).toEqual(['prod delete podIdentityAssociation association/orders/orders-api', 'prod delete iamRole role/orders-api-prod']);
    const report = await applyJson('--cluster', 'prod');
    expect(report.summary).toMatchObject({ ok: true, applied: 2 });
    expect(rolesOf(w).map((r) => r.arn.split('/').pop())).not.toContain('orders-api-prod');
    expect(rolesOf(w).map((r) => r.arn.split('/').pop())).toContain('orders-api-stage');
    expectTrustsAdmitTheirAssociations(w);
    expect(changesOf((await planJson('--cluster', 'prod')).plan)).toEqual([]);
  }, 60_000);

  it('GIVEN a role block naming an existing role it does not own WHEN planned THEN a located error says how to reference or adopt it; with adopt: true it is taken over', async () => {
    const w = await start(state([{ arn: roleArn('ebs-csi-controller'), assumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] }, tags: { team: 'storage' } }]));
    await write(manifest({ withOrders: false }));
    const refused = await cli('plan', '--manifest', 'eks-identity.yaml');
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/error ROLE_NOT_OWNED role\/ebs-csi-controller: IAM role arn:aws:iam::111122223333:role\/ebs-csi-controller exists and was not created by eks-identity.*\[eks-identity\.yaml:9:5\]/);
    expect(refused.out).toContain('add `adopt: true`');
    const applyRefused = await cli('apply', '--manifest', 'eks-identity.yaml');
    expect(applyRefused.code).toBe(1);
    expect(rolesOf(w).find((r) => r.arn === roleArn('ebs-csi-controller'))?.tags).toEqual({ team: 'storage' });

    await write(manifest({ withOrders: false }).replace('wellKnownPolicies: [ebsCsiController]', 'wellKnownPolicies: [ebsCsiController]\n      adopt: true'));
    await applyJson();
    expect(rolesOf(w).find((r) => r.arn === roleArn('ebs-csi-controller'))?.tags).toEqual({ [OWNER_TAG]: 'platform' });
    expectTrustsAdmitTheirAssociations(w);
    expect(changesOf((await planJson()).plan)).toEqual([]);
  }, 60_000);

  it('GIVEN a role an earlier run created and then died before attaching its policies WHEN applied again THEN the role is completed, not duplicated', async () => {
    const w = await start(state([{ arn: roleArn('ebs-csi-controller'), assumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] }, tags: { [OWNER_TAG]: 'platform' } }]));
    await write(manifest({ withOrders: false }));
    const { plan } = await planJson();
    expect(changesOf(plan)).toContain('prod update iamRole role/ebs-csi-controller');
    await applyJson();
    expect(rolesOf(w).filter((r) => r.arn.endsWith('/ebs-csi-controller'))).toHaveLength(1);
    expectTrustsAdmitTheirAssociations(w);
    expect(changesOf((await planJson()).plan)).toEqual([]);
  }, 60_000);

  it('GIVEN IAM propagation delay WHEN an association is created right after its role THEN the refusal is retried until EKS sees the role', async () => {
    const w = await start(state(), { iamPropagationMs: 1_500 });
    await write(manifest({ withOrders: false }));
    const report = await applyJson('--cluster', 'prod');
    expect(report.summary).toMatchObject({ ok: true, applied: 2 });
    expect(report.results.find((r) => r.kind === 'podIdentityAssociation')!.attempts).toBeGreaterThan(1);
    expectTrustsAdmitTheirAssociations(w);
  }, 60_000);
});

