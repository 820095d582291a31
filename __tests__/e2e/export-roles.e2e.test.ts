/**
 * Export with an owner: `eks-identity apply` creates workload roles, `eks-identity export --owner`
 * recovers the manifest from the cluster with their `role:` blocks, and a plan of the exported file
 * has no change. In-process CLI, the unmodified SDK over HTTP to the emulator's EKS and IAM.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { EmulatorState } from '../../src/emulator/index.js';
import { parseManifestText } from '../../src/manifest/index.js';
import { OWNER_TAG } from '../../src/model/ownership.js';
import type { Plan } from '../../src/model/plan.js';
import { DEPLOY_KEY, isolateAwsEnvironment, roleArn, startApplyWorld, stateWith, type World } from '../apply/emulator-world.js';
import { pointAwsAt, runCli } from '../helpers/cli.js';

isolateAwsEnvironment();

const READ_ORDERS = '{ Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "s3:GetObject", Resource: "arn:${partition}:s3:::orders-${cluster}/*" }] }';

/** `platform` owns two workload roles; its shop/cart association references a role of another owner. */
function manifest(clusters: string[]): string {
  return `version: 1
owner: platform
clusters:
${clusters.map((c) => `  - { name: ${c}, region: us-east-1 }`).join('\n')}
podIdentityAssociations:
  - namespace: orders
    serviceAccount: orders-api
    clusters: [prod]
    role:
      name: orders-api-\${cluster}
      path: /workloads/
      description: Orders API of \${cluster}
      maxSessionDuration: 7200
      managedPolicies: ['arn:\${partition}:iam::aws:policy/AmazonS3ReadOnlyAccess']
      inlinePolicies:
        read-orders: ${READ_ORDERS}
      tags: { team: orders, cost-center: "42" }
  - namespace: kube-system
    serviceAccount: ebs-csi-controller-sa
    role:
      name: ebs-csi-controller
      wellKnownPolicies: [ebsCsiController]
  - namespace: shop
    serviceAccount: cart
    clusters: [prod]
    roleArn: ${roleArn('shop-cart')}
`;
}

function state(clusters: string[]): EmulatorState {
  const base = stateWith([], clusters.map((name) => ({
    name,
    addons: [{ name: 'eks-pod-identity-agent' }],
    // Made by hand, before the manifest: no owner tag.
    ...(name === 'prod' ? { podIdentityAssociations: [{ namespace: 'legacy', serviceAccount: 'worker', roleArn: roleArn('legacy-worker') }] } : {}),
  })));
  const foreign = [
    { arn: roleArn('shop-cart'), tags: { [OWNER_TAG]: 'shop-team' } },
    { arn: roleArn('legacy-worker') },
  ];
  return { ...base, iam: { ...base.iam, roles: [...(base.iam?.roles ?? []), ...foreign] } };
}

let world: World | undefined;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eks-identity-export-roles-'));
});
afterEach(async () => {
  await world?.close();
  world = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function start(s: EmulatorState): Promise<void> {
  world = await startApplyWorld(s);
  pointAwsAt(world.emulator.endpoint, DEPLOY_KEY);
}

const cli = (...argv: string[]) => runCli(dir, ...argv);

async function applyManifest(clusters: string[]): Promise<void> {
  await writeFile(join(dir, 'eks-identity.yaml'), manifest(clusters));
  const applied = await cli('apply', '--manifest', 'eks-identity.yaml', '--format', 'json');
  expect(applied.err).not.toMatch(/\] failed /);
  expect(applied.code).toBe(0);
}

/** Exports prod with `--owner platform` into its own directory and returns the file's text. */
async function exportProd(): Promise<string> {
  const r = await cli('export', '--cluster', 'prod', '--region', 'us-east-1', '--owner', 'platform', '--out', 'recovered/eks-identity.yaml');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return readFile(join(dir, 'recovered', 'eks-identity.yaml'), 'utf8');
}

async function planOf(file: string): Promise<Plan> {
  const r = await cli('plan', '--manifest', file, '--format', 'json');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Plan;
}

const changesOf = (plan: Plan) => plan.clusters.flatMap((c) => c.changes.map((ch) => `${c.name} ${ch.action} ${ch.kind} ${ch.id}`));

type Written = { owner?: string; podIdentityAssociations: Array<{ namespace: string; serviceAccount: string; roleArn?: string; role?: Record<string, unknown>; tags?: Record<string, string> }> };

describe('export --owner: workload roles as role: blocks', () => {
  it('GIVEN roles applied from role: blocks WHEN exported with their owner THEN the file validates, declares the blocks, references the foreign role by ARN and plans to zero changes', async () => {
    await start(state(['prod']));
    await applyManifest(['prod']);
    const text = await exportProd();

    const loaded = parseManifestText(text, 'recovered/eks-identity.yaml');
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const written = parse(text) as Written;
    expect(written.owner).toBe('platform');
    const byKey = Object.fromEntries(written.podIdentityAssociations.map((a) => [`${a.namespace}/${a.serviceAccount}`, a]));
    expect(Object.keys(byKey).sort()).toEqual(['kube-system/ebs-csi-controller-sa', 'orders/orders-api', 'shop/cart']);
    expect(byKey['orders/orders-api']!.roleArn).toBeUndefined();
    expect(byKey['orders/orders-api']!.role).toEqual({
      name: 'orders-api-prod',
      path: '/workloads/',
      description: 'Orders API of prod',
      maxSessionDuration: 7200,
      managedPolicies: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      inlinePolicies: { 'read-orders': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::orders-prod/*' }] } },
      tags: { 'cost-center': '42', team: 'orders' },
    });
    // The well-known policy comes back as what it made of the role: plain policies.
    const ebs = byKey['kube-system/ebs-csi-controller-sa']!.role!;
    expect(ebs.name).toBe('ebs-csi-controller');
    expect(Object.keys(ebs)).not.toContain('path');
    expect(Object.keys((ebs.inlinePolicies ?? {}) as object).length + ((ebs.managedPolicies as unknown[] | undefined)?.length ?? 0)).toBeGreaterThan(0);
    // Another owner's role stays a reference; the association itself is platform's, without the tag written out.
    expect(byKey['shop/cart']).toEqual({ namespace: 'shop', serviceAccount: 'cart', roleArn: roleArn('shop-cart') });
    expect(text).not.toContain(`${OWNER_TAG}: platform`);
    // The untagged association is listed, not declared (declaring it under the owner would tag it).
    expect(text).toMatch(/# - legacy\/worker \(role: .*legacy-worker\): not tagged eks-identity\/owner=platform/);
    expect(text).not.toContain('trust differs');

    const plan = await planOf('recovered/eks-identity.yaml');
    expect(changesOf(plan)).toEqual([]);
    expect(plan.clusters.flatMap((c) => c.findings).filter((f) => f.severity === 'error')).toEqual([]);
  }, 60_000);

  it('GIVEN a role shared with a cluster the export does not cover WHEN exported THEN the file says its trust would change, and the plan changes only that trust', async () => {
    await start(state(['prod', 'stage']));
    await applyManifest(['prod', 'stage']);
    const text = await exportProd();
    expect(text).toMatch(/# The live trust of role ebs-csi-controller differs from the one eks-identity builds[^\n]*\n\s*# cluster prod/);
    expect(text).not.toMatch(/live trust of role orders-api-prod/);
    const plan = await planOf('recovered/eks-identity.yaml');
    expect(changesOf(plan)).toEqual(['prod update iamRole role/ebs-csi-controller']);
    const change = plan.clusters[0]!.changes[0]!;
    expect((change.fields ?? []).map((d) => d.field)).toEqual(['trustPolicy']);
  }, 60_000);

  it('GIVEN a manifest that lost some declarations WHEN exported beside it THEN the new file declares its owner\'s roles and the manifest with it plans to zero changes', async () => {
    await start(state(['prod']));
    await applyManifest(['prod']);
    // The manifest keeps only orders-api: the ebs-csi role and shop/cart are live, tagged, undeclared.
    const full = manifest(['prod']);
    await mkdir(join(dir, 'identity'));
    await writeFile(join(dir, 'identity', 'main.yaml'), full.slice(0, full.indexOf('  - namespace: kube-system')));
    const r = await cli('export', '--manifest', 'identity/', '--out', 'identity/recovered.yaml');
    expect(r.code).toBe(0);
    const text = await readFile(join(dir, 'identity', 'recovered.yaml'), 'utf8');
    expect(text).toContain('legacy/worker (role: arn:aws:iam::111122223333:role/legacy-worker): not tagged eks-identity/owner=platform');
    const beside = parse(text) as Written;
    expect(beside.owner).toBeUndefined();
    expect(beside.podIdentityAssociations.map((a) => [`${a.namespace}/${a.serviceAccount}`, a.role?.name ?? a.roleArn])).toEqual([
      ['kube-system/ebs-csi-controller-sa', 'ebs-csi-controller'],
      ['shop/cart', roleArn('shop-cart')],
    ]);
    expect(changesOf(await planOf('identity/'))).toEqual([]);
  }, 60_000);

  it('GIVEN an --owner that is no tag value WHEN exported THEN it is refused before any AWS call, and no file is written', async () => {
    await start(state(['prod']));
    world!.emulator.resetCalls();
    const r = await cli('export', '--cluster', 'prod', '--region', 'us-east-1', '--owner', 'bad owner!', '--out', 'out.yaml');
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('INVALID_OWNER');
    expect(r.err).toContain('owner "bad owner!" is not a valid tag value');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(world!.emulator.calls()).toEqual({});
    await expect(readFile(join(dir, 'out.yaml'), 'utf8')).rejects.toThrow();
  }, 60_000);

  it('GIVEN --owner beside a manifest of another owner WHEN exported THEN it is refused with the fix', async () => {
    await start(state(['prod']));
    await writeFile(join(dir, 'eks-identity.yaml'), manifest(['prod']));
    const r = await cli('export', '--manifest', 'eks-identity.yaml', '--owner', 'shop-team');
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('has owner "platform"');
    expect(r.err).not.toMatch(/\n\s+at /);
  }, 60_000);
});
