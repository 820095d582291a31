/**
 * Export of an add-on's associations: `eks-identity export` writes them under `addons:` (EKS lets
 * only the add-on change them), a plan of the exported file has no change, and a role changed in
 * that file is planned as an update through the add-on. In-process CLI, the unmodified SDK over
 * HTTP to the emulator.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Plan } from '../../src/model/plan.js';
import { DEPLOY_KEY, isolateAwsEnvironment, roleArn, startApplyWorld, stateWith, type World } from '../apply/emulator-world.js';
import { pointAwsAt, runCli } from '../helpers/cli.js';

isolateAwsEnvironment();

/** The EFS CSI driver (a version with Pod Identity) owns both of its service accounts' associations; one plain association beside it. */
const state = () =>
  stateWith(['efs-csi', 'efs-csi-v2', 'web'], [
    {
      name: 'prod',
      addons: [
        { name: 'eks-pod-identity-agent' },
        {
          name: 'aws-efs-csi-driver',
          version: 'v2.1.4-eksbuild.1',
          podIdentityAssociations: [
            { namespace: 'kube-system', serviceAccount: 'efs-csi-node-sa', roleArn: roleArn('efs-csi') },
            { namespace: 'kube-system', serviceAccount: 'efs-csi-controller-sa', roleArn: roleArn('efs-csi') },
          ],
        },
      ],
      podIdentityAssociations: [{ namespace: 'shop', serviceAccount: 'web', roleArn: roleArn('web') }],
    },
  ]);

let world: World | undefined;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eks-identity-export-addons-'));
  world = await startApplyWorld(state());
  pointAwsAt(world.emulator.endpoint, DEPLOY_KEY);
});
afterEach(async () => {
  await world?.close();
  world = undefined;
  await rm(dir, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCli(dir, ...argv);

async function planOf(file: string): Promise<Plan> {
  const r = await cli('plan', '--manifest', file, '--format', 'json');
  expect(r.err).not.toMatch(/\n\s+at /);
  return JSON.parse(r.out) as Plan;
}

const changesOf = (plan: Plan) => plan.clusters.flatMap((c) => c.changes.filter((ch) => ch.action !== 'unmanaged').map((ch) => `${ch.action} ${ch.kind} ${ch.id}`));

describe('export: an add-on\'s associations under addons:', () => {
  it('GIVEN an add-on that owns two associations WHEN exported THEN both are under addons:, not commented out, and the file plans to zero changes', async () => {
    const r = await cli('export', '--cluster', 'prod', '--region', 'us-east-1', '--out', 'eks-identity.yaml');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const text = await readFile(join(dir, 'eks-identity.yaml'), 'utf8');
    const written = parse(text) as { podIdentityAssociations: Array<{ serviceAccount: string }>; addons: unknown };
    expect(written.addons).toEqual([
      {
        name: 'aws-efs-csi-driver',
        podIdentityAssociations: [
          { serviceAccount: 'efs-csi-controller-sa', roleArn: roleArn('efs-csi') },
          { serviceAccount: 'efs-csi-node-sa', roleArn: roleArn('efs-csi') },
        ],
      },
    ]);
    expect(written.podIdentityAssociations.map((a) => a.serviceAccount)).toEqual(['web']);
    expect(text).not.toContain('owned by add-on');

    const plan = await planOf('eks-identity.yaml');
    expect(changesOf(plan)).toEqual([]);
    expect(plan.clusters.flatMap((c) => c.findings).filter((f) => f.severity === 'error')).toEqual([]);
  }, 60_000);

  it('GIVEN the exported file with one add-on role changed WHEN planned and applied THEN the add-on is updated and the re-plan is empty', async () => {
    expect((await cli('export', '--cluster', 'prod', '--region', 'us-east-1', '--out', 'eks-identity.yaml')).code).toBe(0);
    const file = join(dir, 'eks-identity.yaml');
    const text = await readFile(file, 'utf8');
    const edited = text.replace(/(serviceAccount: efs-csi-node-sa\n\s+roleArn: )\S+/, `$1${roleArn('efs-csi-v2')}`);
    expect(edited).not.toBe(text);
    await writeFile(file, edited);
    expect(changesOf(await planOf('eks-identity.yaml'))).toEqual(['update addonAssociation addon/aws-efs-csi-driver/efs-csi-node-sa']);
    const applied = await cli('apply', '--manifest', 'eks-identity.yaml', '--format', 'json');
    expect(applied.code).toBe(0);
    expect(world!.emulator.inspect().clusters[0]!.podIdentityAssociations.find((a) => a.serviceAccount === 'efs-csi-node-sa')?.roleArn).toBe(roleArn('efs-csi-v2'));
    expect(changesOf(await planOf('eks-identity.yaml'))).toEqual([]);
  }, 60_000);
});
