/**
 * Migrations beside an existing manifest, end to end against the emulator with the real SDK: the
 * proposal holds only what the manifest does not declare yet (in a file that loads with it and
 * takes its defaults), the manifest's own declarations (tags, usernames) are never rewritten, and
 * applying the proposal then planning the manifest with it gives zero changes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import type { ManifestFragment } from '../../src/migrate/index.js';
import type { Plan } from '../../src/model/plan.js';
import { apply, migrateAwsAuth, migrateIrsa, plan } from '../../src/operations/index.js';
import { ACCOUNT, awsOptions, irsaTrust, KEY, roleArn, state } from '../migrate/world.js';

const MANIFEST = `version: 1
clusters:
  - name: prod
    region: us-east-1
    accountId: "${ACCOUNT}"
defaults:
  tags:
    owner: platform
accessEntries:
  - principalArn: arn:aws:iam::${ACCOUNT}:role/PlatformAdmins
    username: platform-admin
    accessPolicies:
      - policy: AmazonEKSClusterAdminPolicy
        scope: cluster
  - principalArn: arn:aws:iam::${ACCOUNT}:role/Deploy
    accessPolicies:
      - policy: AmazonEKSClusterAdminPolicy
        scope: cluster
podIdentityAssociations:
  - namespace: payments
    serviceAccount: api
    roleArn: arn:aws:iam::${ACCOUNT}:role/team/payments/payments-app
    tags:
      team: payments
`;

const CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
data:
  mapRoles: |
    - rolearn: arn:aws:iam::${ACCOUNT}:role/PlatformAdmins
      username: admin
      groups:
        - system:masters
    - rolearn: arn:aws:iam::${ACCOUNT}:role/NodeInstanceRole
      username: system:node:{{EC2PrivateDNSName}}
      groups:
        - system:bootstrappers
        - system:nodes
    - rolearn: arn:aws:iam::${ACCOUNT}:role/Viewers
      groups:
        - viewers
`;

/** IRSA for both service accounts, and Pod Identity already trusted: the team migrated payments/api by hand. */
function paymentsTrust(): unknown {
  const trust = irsaTrust(['payments:api', 'payments:worker']) as { Statement: unknown[] };
  return { ...trust, Statement: [...trust.Statement, { Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] };
}

const changesOf = (p: Plan) => p.clusters.flatMap((c) => c.changes.filter((ch) => ch.action !== 'unmanaged'));

let emulator: EmulatorHandle;
let dir: string;
const aws = () => awsOptions(emulator.endpoint);

beforeAll(async () => {
  emulator = await startEmulator({
    seed: 11,
    state: state(
      [
        { arn: roleArn('PlatformAdmins') },
        { arn: roleArn('NodeInstanceRole') },
        { arn: roleArn('Viewers') },
        { arn: roleArn('Auditors') },
        { arn: roleArn('team/payments/payments-app'), assumeRolePolicyDocument: paymentsTrust() },
      ],
      { authenticationMode: 'API_AND_CONFIG_MAP' },
    ),
  });
  dir = await mkdtemp(join(tmpdir(), 'eks-identity-beside-'));
  await mkdir(join(dir, 'identity'));
  await writeFile(join(dir, 'identity', 'main.yaml'), MANIFEST);
  await writeFile(join(dir, 'aws-auth.yaml'), CONFIGMAP);
  // The cluster as the manifest says: its entries carry the default tag and its username.
  const { report } = await apply({ manifest: 'identity/', cwd: dir, aws: aws() }, { sleep: async () => undefined });
  expect(report.summary.ok).toBe(true);
});
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

describe('migrate-aws-auth beside an existing manifest', () => {
  it('GIVEN a ConfigMap that maps a declared admin differently WHEN migrated beside the manifest THEN only the new entries are proposed and the difference names both lines', async () => {
    await using proposal = await migrateAwsAuth({ manifest: 'identity/', cwd: dir, configMap: { text: CONFIGMAP, file: 'aws-auth.yaml' }, aws: aws() });

    expect(proposal.files.map((f) => f.path)).toEqual([join('identity', 'migrate-aws-auth-prod.yaml')]);
    const fragment = parse(proposal.files[0]!.content) as ManifestFragment;
    expect(fragment.clusters).toBeUndefined();
    expect(fragment.accessEntries?.map((e) => e.principalArn)).toEqual([roleArn('NodeInstanceRole'), roleArn('Viewers')]);
    expect(fragment.accessEntries?.every((e) => e.tags === undefined)).toBe(true);

    const note = proposal.clusters[0]!.findings.find((f) => f.code === 'MIGRATION_KEEPS_MANIFEST')!;
    expect(note.key).toBe(roleArn('PlatformAdmins'));
    expect(note.message).toContain('aws-auth.yaml:8:');
    expect(note.message).toContain(`${join('identity', 'main.yaml')}:10:5`);
    expect(note.message).toContain('username "admin" there, "platform-admin" in the manifest');

    // The plan is the manifest with the proposal: two creates, each with the manifest's default tag; nothing of the manifest's own entries moves.
    const changes = changesOf(proposal.plan!);
    expect(changes.map((c) => `${c.action} ${c.id}`).sort()).toEqual([`create entry/${roleArn('NodeInstanceRole')}`, `create entry/${roleArn('Viewers')}`]);
    for (const c of changes) expect((c.after as { tags: Record<string, string> }).tags).toEqual({ owner: 'platform' });
    // A directory manifest loads the file where it is proposed.
    expect(proposal.clusters[0]!.findings.map((f) => f.code)).not.toContain('PROPOSAL_OUTSIDE_MANIFEST');
  });

  it('GIVEN a manifest that is one file WHEN migrated beside it THEN a warning says the proposed file will not load with it, and how to widen the path', async () => {
    await using proposal = await migrateAwsAuth({ manifest: join('identity', 'main.yaml'), cwd: dir, configMap: { text: CONFIGMAP, file: 'aws-auth.yaml' }, offline: true });
    const warning = proposal.clusters[0]!.findings.find((f) => f.code === 'PROPOSAL_OUTSIDE_MANIFEST')!;
    expect(warning.severity).toBe('warning');
    expect(warning.message).toContain(`is not loaded by the manifest path ${join('identity', 'main.yaml')} (one file)`);
    expect(warning.fix).toContain(`point the manifest path at identity or a glob such as ${join('identity', '*.yaml')}`);
  });

  it('GIVEN the proposal WHEN applied and the manifest is planned with its file THEN there are zero changes, and the declared username and tags stayed', async () => {
    await using proposal = await migrateAwsAuth({ manifest: 'identity/', cwd: dir, configMap: { text: CONFIGMAP, file: 'aws-auth.yaml' }, aws: aws() });
    const { report } = await apply(proposal, { expectFingerprint: proposal.plan!.fingerprint, sleep: async () => undefined });
    expect(report.summary).toEqual(expect.objectContaining({ ok: true, applied: 2 }));
    for (const f of proposal.files) await writeFile(join(dir, f.path), f.content);

    await using replanned = await plan({ manifest: 'identity/', cwd: dir, aws: aws() });
    expect(changesOf(replanned.plan)).toEqual([]);
    expect(replanned.plan.summary.errors).toBe(0);
    const entries = emulator.snapshot().clusters![0]!.accessEntries!;
    const admins = entries.find((e) => e.principalArn === roleArn('PlatformAdmins'))!;
    expect(admins.username).toBe('platform-admin');
    expect(admins.tags).toEqual({ owner: 'platform' });
    expect(entries.find((e) => e.principalArn === roleArn('Viewers'))!.tags).toEqual({ owner: 'platform' });

    // Run again: everything is declared now, so nothing is proposed and nothing would change.
    await using again = await migrateAwsAuth({ manifest: 'identity/', cwd: dir, configMap: { text: CONFIGMAP, file: 'aws-auth.yaml' }, aws: aws() });
    expect(again.files).toEqual([]);
    expect(changesOf(again.plan!)).toEqual([]);
  });
});

describe('migrate-irsa beside an existing manifest', () => {
  it('GIVEN an IRSA role serving a declared and an undeclared service account WHEN migrated beside the manifest and applied THEN only the undeclared one is proposed, the declared tags stay, and the re-plan is empty', async () => {
    await using proposal = await migrateIrsa({ manifest: 'identity/', cwd: dir, aws: aws() });
    const fragment = parse(proposal.files[0]!.content) as ManifestFragment;
    expect(fragment.podIdentityAssociations?.map((a) => `${a.namespace}/${a.serviceAccount}`)).toEqual(['payments/worker']);
    expect(fragment.podIdentityAssociations?.[0]?.clusters).toEqual(['prod']);
    // The role trusts Pod Identity already: no trust edit, one association to create.
    expect(changesOf(proposal.plan!).map((c) => `${c.action} ${c.id}`)).toEqual(['create association/payments/worker']);

    const { report } = await apply(proposal, { sleep: async () => undefined });
    expect(report.summary.ok).toBe(true);
    await writeFile(join(dir, proposal.files[0]!.path), proposal.files[0]!.content);
    await using replanned = await plan({ manifest: 'identity/', cwd: dir, aws: aws() });
    expect(changesOf(replanned.plan)).toEqual([]);
    const associations = emulator.snapshot().clusters![0]!.podIdentityAssociations!;
    expect(associations.find((a) => a.serviceAccount === 'api')!.tags).toEqual({ owner: 'platform', team: 'payments' });
    expect(associations.find((a) => a.serviceAccount === 'worker')!.tags).toEqual({ owner: 'platform' });
  });
});

describe('the CLI beside a manifest', () => {
  it('GIVEN --manifest and --apply with a stale --expect-fingerprint WHEN migrate-aws-auth runs THEN nothing is applied and the refusal names the fingerprints', async () => {
    const configMap = CONFIGMAP.replace('    - rolearn: arn:aws:iam::111122223333:role/Viewers', '    - rolearn: arn:aws:iam::111122223333:role/Auditors\n      groups:\n        - auditors\n    - rolearn: arn:aws:iam::111122223333:role/Viewers');
    await writeFile(join(dir, 'aws-auth-2.yaml'), configMap);
    // The CLI reaches AWS as a user's shell would: through the SDK's environment variables.
    const env = { ...emulator.env, AWS_ACCESS_KEY_ID: KEY, AWS_SECRET_ACCESS_KEY: 'secret' };
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    const io = { out: '', err: '', env: process.env, cwd: dir, isTTY: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
    emulator.resetCalls();
    let code: number;
    try {
      code = await main(['migrate-aws-auth', '--manifest', 'identity/', '--configmap', 'aws-auth-2.yaml', '--apply', '--expect-fingerprint', 'abcdef0123456789', '--out', 'auditors.yaml'], io as CliIo);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    expect(code).toBe(1);
    expect(io.err).toContain('Not applied: error PLAN_CHANGED: the plan changed since review: reviewed abcdef0123456789');
    expect(Object.keys(emulator.calls()).filter((op) => !/^(Get|List|Describe)/.test(op))).toEqual([]);
    expect(parse(await readFile(join(dir, 'auditors.yaml'), 'utf8'))).toEqual({
      version: 1,
      accessEntries: [{ principalArn: roleArn('Auditors'), type: 'STANDARD', kubernetesGroups: ['auditors'], clusters: ['prod'] }],
    });
  });
});
