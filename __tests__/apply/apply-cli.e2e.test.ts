/**
 * `eks-identity apply` in-process against the emulator, reached the way users reach AWS: through
 * the SDK's AWS_ENDPOINT_URL_* and credential variables. Plans are checked with the operations' plan.
 */
import { CreateAccessEntryCommand, CreatePodIdentityAssociationCommand, UpdateAccessEntryCommand } from '@aws-sdk/client-eks';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApplyReport } from '../../src/apply/index.js';
import { silentProgress } from '../../src/aws/progress.js';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { apply, plan as planManifest } from '../../src/operations/index.js';
import type { EmulatorState } from '../../src/emulator/index.js';
import type { Plan } from '../../src/model/plan.js';
import { CALLER_ROLE, DEPLOY_KEY, realClock, roleArn, isolateAwsEnvironment, startApplyWorld, stateWith, writeCount, type World } from './emulator-world.js';

isolateAwsEnvironment();

const MANIFEST = `version: 1
clusters: [{ name: prod, region: us-east-1 }]
defaults:
  tags: { managed-by: eks-identity }
podIdentityAssociations:
  - { namespace: app, serviceAccount: web, roleName: AppWeb }
  - { namespace: app, serviceAccount: worker, roleName: AppWorker, tags: { team: a } }
  - namespace: billing
    serviceAccount: exporter
    roleName: Billing
    disableSessionTags: true
    policy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: ["s3:GetObject"], Resource: "*" }] }
accessEntries:
  - principalArn: arn:\${partition}:iam::\${accountId}:role/Deploy
    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, scope: cluster }]
  - principalArn: arn:\${partition}:iam::\${accountId}:role/Admins
    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, scope: cluster }]
  - principalArn: arn:\${partition}:iam::\${accountId}:role/Devs
    kubernetesGroups: [viewers]
    accessPolicies: [{ policy: AmazonEKSViewPolicy, namespaces: [team-a, team-b] }]
`;

function baseState(): EmulatorState {
  return stateWith(
    ['AppWeb', 'AppWorker', 'Billing', 'Admins', 'Devs', 'Old', 'Nodes', 'Ebs', 'Leaving'],
    [
      {
        name: 'prod',
        addons: [
          { name: 'eks-pod-identity-agent' },
          { name: 'aws-ebs-csi-driver', podIdentityAssociations: [{ namespace: 'kube-system', serviceAccount: 'ebs', roleArn: roleArn('Ebs') }] },
        ],
        podIdentityAssociations: [
          { namespace: 'app', serviceAccount: 'web', roleArn: roleArn('Old') },
          { namespace: 'old', serviceAccount: 'unused', roleArn: roleArn('Old') },
        ],
        accessEntries: [
          { principalArn: CALLER_ROLE, accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] },
          { principalArn: roleArn('Devs'), kubernetesGroups: ['everyone'] },
          { principalArn: roleArn('Nodes'), type: 'EC2_LINUX' },
          { principalArn: roleArn('Leaving') },
        ],
      },
    ],
  );
}

let world: World | undefined;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eks-identity-apply-'));
  await writeFile(join(dir, 'eks-identity.yaml'), MANIFEST);
  world = await startApplyWorld(baseState());
  Object.assign(process.env, { ...endpointEnv(world), AWS_ACCESS_KEY_ID: DEPLOY_KEY, AWS_SECRET_ACCESS_KEY: 'secret' });
});
afterEach(async () => {
  await world?.close();
  world = undefined;
  await rm(dir, { recursive: true, force: true });
});

function endpointEnv(w: World): Record<string, string> {
  const e = w.emulator.endpoint;
  return { AWS_ENDPOINT_URL_EKS: e, AWS_ENDPOINT_URL_IAM: e, AWS_ENDPOINT_URL_STS: e };
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = { out: '', err: '', env: process.env, cwd: dir, isTTY: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  const code = await main(['apply', ...argv], io as CliIo);
  return { code, out: io.out, err: io.err };
}

async function planNow(extra: { prune?: boolean } = {}): Promise<{ plan: Plan; apply: () => Promise<ApplyReport> }> {
  const e = world!.emulator.endpoint;
  const result = await planManifest({
    manifest: 'eks-identity.yaml',
    cwd: dir,
    progress: silentProgress,
    ...extra,
    aws: { endpoints: { eks: e, iam: e, sts: e }, credentials: { accessKeyId: DEPLOY_KEY, secretAccessKey: 'secret' } },
  });
  return {
    plan: result.plan,
    apply: async () => {
      try {
        return (await apply(result, realClock)).report;
      } finally {
        result.close();
      }
    },
  };
}

const changeCount = (plan: Plan) => plan.summary.create + plan.summary.update + plan.summary.replace + plan.summary.delete;

describe('eks-identity apply against the emulator', () => {
  it('GIVEN a manifest WHEN applied THEN a new plan has zero changes, and applying again makes zero write calls', async () => {
    const first = await cli('--format', 'json');
    expect(first.err).toMatch(/Applying \d+ change\(s\) of plan/);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.out) as ApplyReport;
    expect(report.summary).toMatchObject({ ok: true, failed: 0, skipped: 0 });
    expect(report.results.map((r) => `${r.action} ${r.changeId}`)).toEqual(
      expect.arrayContaining([`update association/app/web`, `create association/billing/exporter`, `update entry/${roleArn('Devs')}`, `create policy/${roleArn('Admins')}/arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`]),
    );

    const after = await planNow();
    expect(changeCount(after.plan)).toBe(0);
    await after.apply();

    world!.emulator.resetCalls();
    const again = await cli();
    expect(again.code).toBe(0);
    expect(again.err).toContain('Nothing to apply.');
    expect(again.out).toContain('no changes to apply');
    expect(writeCount(world!.emulator.calls())).toBe(0);
  });

  it('GIVEN objects created out of band between plan and apply WHEN the reviewed plan is applied THEN the 409s are adopted and the next plan is empty', async () => {
    const reviewed = await planNow();
    const eks = world!.clients.eks;
    await eks.send(new CreatePodIdentityAssociationCommand({ clusterName: 'prod', namespace: 'billing', serviceAccount: 'exporter', roleArn: roleArn('Old') }));
    await eks.send(new CreateAccessEntryCommand({ clusterName: 'prod', principalArn: roleArn('Admins'), kubernetesGroups: ['stray'] }));
    const report = await reviewed.apply();
    const outcome = (id: string) => report.results.find((r) => r.changeId === id)?.outcome;
    expect(outcome('association/billing/exporter')).toBe('adopted');
    expect(outcome(`entry/${roleArn('Admins')}`)).toBe('adopted');
    expect(report.summary.failed).toBe(0);
    const next = await planNow();
    expect(next.plan.clusters[0]!.changes.filter((c) => c.action !== 'unmanaged')).toEqual([]);
    await next.apply();
  });

  it('GIVEN the world changed after review WHEN applying with the reviewed fingerprint THEN it refuses without writing; with the new one it applies', async () => {
    const reviewed = await planNow();
    await reviewed.apply();
    // Drift after the review: the fresh plan differs from the reviewed one.
    await world!.clients.eks.send(new UpdateAccessEntryCommand({ clusterName: 'prod', principalArn: roleArn('Devs'), kubernetesGroups: ['drifted'] }));
    world!.emulator.resetCalls();
    const refused = await cli('--expect-fingerprint', reviewed.plan.fingerprint, '--plan-out', 'applied-plan.json');
    expect(refused.code).toBe(1);
    const fresh = JSON.parse(await readFile(join(dir, 'applied-plan.json'), 'utf8')) as Plan;
    expect(refused.err).toContain(`error PLAN_CHANGED: the plan changed since review: reviewed ${reviewed.plan.fingerprint}, now ${fresh.fingerprint}`);
    expect(writeCount(world!.emulator.calls())).toBe(0);

    const tooShort = await cli('--expect-fingerprint', fresh.fingerprint.slice(0, 8));
    expect(tooShort.code).toBe(1);
    expect(tooShort.err).toContain('error INVALID_FINGERPRINT: --expect-fingerprint: ');
    expect(writeCount(world!.emulator.calls())).toBe(0);

    // The 12-character prefix that plan comments and reports print is enough.
    const accepted = await cli('--expect-fingerprint', fresh.fingerprint.slice(0, 12));
    expect(accepted.code).toBe(0);
    expect(accepted.out).toMatch(/Apply complete .*: 1 applied, 0 adopted, 0 skipped, 0 failed of 1/);
  });
});

describe('eks-identity apply guards against the emulator', () => {
  it('GIVEN --prune WHEN applied THEN undeclared objects are deleted except add-on owned associations, EKS node entries and the caller, which stay', async () => {
    const { code, out } = await cli('--prune', '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as ApplyReport;
    expect(report.results.filter((r) => r.action === 'delete').map((r) => r.changeId).sort()).toEqual(['association/old/unused', `entry/${roleArn('Leaving')}`]);
    const cluster = world!.emulator.snapshot().clusters![0]!;
    const entries = cluster.accessEntries!.map((e) => e.principalArn);
    expect(entries).toEqual(expect.arrayContaining([CALLER_ROLE, roleArn('Nodes')]));
    expect(entries).not.toContain(roleArn('Leaving'));
    expect(world!.emulator.inspect().clusters[0]!.podIdentityAssociations.map((a) => `${a.namespace}/${a.serviceAccount}`).sort()).toEqual([
      'app/web',
      'app/worker',
      'billing/exporter',
      'kube-system/ebs',
    ]);
  });

  it('GIVEN more deletes than --max-deletes WHEN applying THEN the plan is refused with its error finding and nothing is written', async () => {
    world!.emulator.resetCalls();
    const { code, err } = await cli('--prune', '--max-deletes', '1');
    expect(code).toBe(1);
    expect(err).toContain('error PLAN_HAS_ERRORS');
    expect(err).toContain('MAX_DELETES_EXCEEDED');
    expect(writeCount(world!.emulator.calls())).toBe(0);
  });

  it("GIVEN a manifest that drops the caller's own entry WHEN applying with --prune THEN it is refused unless --allow-lockout", async () => {
    await writeFile(join(dir, 'eks-identity.yaml'), MANIFEST.replace(/ {2}- principalArn: arn:\$\{partition\}:iam::\$\{accountId\}:role\/Deploy\n.*\n/, ''));
    world!.emulator.resetCalls();
    const refused = await cli('--prune');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('LOCKOUT_CALLER');
    expect(writeCount(world!.emulator.calls())).toBe(0);

    const allowed = await cli('--prune', '--allow-lockout');
    expect(allowed.code).toBe(0);
    expect(world!.emulator.snapshot().clusters![0]!.accessEntries!.map((e) => e.principalArn)).not.toContain(CALLER_ROLE);
  });

  it('GIVEN a plan with an error finding (role missing) WHEN applying THEN nothing is written and the findings are shown', async () => {
    await writeFile(join(dir, 'eks-identity.yaml'), MANIFEST.replace('roleName: AppWeb', 'roleName: NoSuchRole'));
    world!.emulator.resetCalls();
    const { code, err } = await cli();
    expect(code).toBe(1);
    expect(err).toContain('ROLE_NOT_FOUND');
    expect(writeCount(world!.emulator.calls())).toBe(0);
  });
});
