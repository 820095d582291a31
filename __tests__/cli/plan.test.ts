/**
 * `eks-identity plan` and `eks-identity demo` in-process. The plan command reaches the emulator
 * the way users point it anywhere: through the SDK's AWS_ENDPOINT_URL_* and credential variables.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoCommand } from '../../src/cli/commands/demo.js';
import { planCommand } from '../../src/cli/commands/plan.js';
import type { CliIo } from '../../src/cli/io.js';
import type { Plan } from '../../src/model/plan.js';
import { CREDENTIALS, roleArn, startPlanWorld, stateOf, type PlanWorld } from '../plan/emulator-world.js';

function fakeIo(cwd: string): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', env: {}, cwd, isTTY: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const ENV_KEYS = ['AWS_ENDPOINT_URL_EKS', 'AWS_ENDPOINT_URL_IAM', 'AWS_ENDPOINT_URL_STS', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'] as const;

const MANIFESTS = {
  'same.yaml': 'version: 1\nclusters: [{ name: prod, region: us-east-1 }]\npodIdentityAssociations:\n  - { namespace: app, serviceAccount: web, roleName: AppWeb }\n',
  'changes.yaml': 'version: 1\nclusters: [{ name: prod, region: us-east-1 }]\npodIdentityAssociations:\n  - { namespace: app, serviceAccount: web, roleName: AppWeb }\n  - { namespace: karpenter, serviceAccount: karpenter, roleName: KarpenterController }\n',
  'broken-role.yaml': 'version: 1\nclusters: [{ name: prod, region: us-east-1 }]\npodIdentityAssociations:\n  - { namespace: app, serviceAccount: web, roleName: NoSuchRole }\n',
  'two.yaml': 'version: 1\nclusters: [{ name: prod, region: us-east-1 }, { name: ghost, region: us-east-1 }]\npodIdentityAssociations:\n  - { namespace: app, serviceAccount: web, roleName: AppWeb }\n',
};

describe('eks-identity plan', () => {
  let w: PlanWorld;
  const saved: Partial<Record<(typeof ENV_KEYS)[number], string>> = {};
  beforeAll(async () => {
    w = await startPlanWorld(
      stateOf(['AppWeb', 'KarpenterController'], [{ name: 'prod', region: 'us-east-1', addons: [{ name: 'eks-pod-identity-agent' }], podIdentityAssociations: [{ namespace: 'app', serviceAccount: 'web', roleArn: roleArn('AppWeb') }] }]),
    );
    for (const [file, text] of Object.entries(MANIFESTS)) await writeFile(join(w.dir, file), text);
    for (const key of ENV_KEYS) {
      if (process.env[key] !== undefined) saved[key] = process.env[key];
      delete process.env[key];
    }
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_EKS: w.emulator.endpoint,
      AWS_ENDPOINT_URL_IAM: w.emulator.endpoint,
      AWS_ENDPOINT_URL_STS: w.emulator.endpoint,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    });
  });
  afterAll(async () => {
    for (const key of ENV_KEYS) delete process.env[key];
    Object.assign(process.env, saved);
    await w.close();
  });

  const run = async (...argv: string[]) => {
    const io = fakeIo(w.dir);
    const code = await planCommand.run(argv, io);
    return { code, out: io.out, err: io.err };
  };

  it('GIVEN --format json WHEN planning THEN stdout is exactly the documented Plan object', async () => {
    const { code, out } = await run('--manifest', 'changes.yaml', '--format', 'json');
    expect(code).toBe(0);
    const plan = JSON.parse(out) as Plan;
    expect(Object.keys(plan)).toEqual(['version', 'fingerprint', 'summary', 'clusters']);
    expect(plan.version).toBe(1);
    expect(plan.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.clusters.map((c) => ({ name: c.name, region: c.region, changes: c.changes.map((ch) => `${ch.action} ${ch.id}`) }))).toEqual([
      { name: 'prod', region: 'us-east-1', changes: ['create association/karpenter/karpenter'] },
    ]);
  });

  it('GIVEN --detailed-exitcode WHEN nothing changes, something changes, or an error is found THEN it exits 0, 2 and 1', async () => {
    expect((await run('--manifest', 'same.yaml', '--detailed-exitcode')).code).toBe(0);
    expect((await run('--manifest', 'changes.yaml', '--detailed-exitcode')).code).toBe(2);
    expect((await run('--manifest', 'broken-role.yaml', '--detailed-exitcode')).code).toBe(1);
    // Without the flag, changes still exit 0 and errors 1.
    expect((await run('--manifest', 'changes.yaml')).code).toBe(0);
    expect((await run('--manifest', 'broken-role.yaml')).code).toBe(1);
  });

  it('GIVEN a plan with no changes WHEN printed as text THEN it says so in a few lines', async () => {
    const { out } = await run('--manifest', 'same.yaml');
    expect(out).toMatch(/^No changes\. Live state matches the manifest\./);
    expect(out.trim().split('\n').length).toBeLessThanOrEqual(6);
  });

  it('GIVEN --out WHEN planning in Markdown THEN the file holds the JSON plan and stdout the Markdown', async () => {
    const { code, out } = await run('--manifest', 'changes.yaml', '--format', 'markdown', '--out', 'plan.json');
    expect(code).toBe(0);
    expect(out).toMatch(/^### eks-identity plan/);
    const written = JSON.parse(await readFile(join(w.dir, 'plan.json'), 'utf8')) as Plan;
    expect(written.summary.create).toBe(1);
    expect(out).toContain(`fingerprint \`${written.fingerprint.slice(0, 12)}\``);
  });

  it('GIVEN --cluster WHEN planning a two-cluster manifest THEN only that cluster is planned; an unknown name is a usage error', async () => {
    const only = JSON.parse((await run('--manifest', 'two.yaml', '--cluster', 'prod', '--format', 'json')).out) as Plan;
    expect(only.clusters.map((c) => c.name)).toEqual(['prod']);
    const both = JSON.parse((await run('--manifest', 'two.yaml', '--format', 'json')).out) as Plan;
    expect(both.clusters.map((c) => [c.name, c.findings.map((f) => f.code)])).toEqual([['ghost', ['CLUSTER_NOT_FOUND']], ['prod', []]]);
    await expect(run('--manifest', 'two.yaml', '--cluster', 'nope')).rejects.toMatchObject({ code: 'UNKNOWN_CLUSTER' });
  });

  it('GIVEN an endpoint that never answers a list and --timeout 1 WHEN planning THEN it fails within seconds, naming the call and the endpoint', async () => {
    w.emulator.setFaults({ hangOperations: ['ListPodIdentityAssociations'] });
    try {
      const started = Date.now();
      const error = await run('--manifest', 'same.yaml', '--timeout', '1').then(() => undefined, (err: unknown) => err as Error & { code?: string });
      expect(error?.code).toBe('TIMEOUT');
      expect(error?.message).toContain(`ListPodIdentityAssociations at ${w.emulator.endpoint}`);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      w.emulator.setFaults({});
    }
    await expect(run('--manifest', 'same.yaml', '--timeout', 'soon')).rejects.toMatchObject({ code: 'INVALID_TIMEOUT' });
  });

  it('GIVEN an --out that is a directory WHEN planning THEN OUTPUT_UNWRITABLE before any AWS call; a missing parent directory is created', async () => {
    const before = Object.values(w.emulator.calls()).reduce((a, b) => a + b, 0);
    await expect(run('--manifest', 'same.yaml', '--out', '.')).rejects.toMatchObject({ code: 'OUTPUT_UNWRITABLE', message: expect.stringContaining('is a directory') });
    expect(Object.values(w.emulator.calls()).reduce((a, b) => a + b, 0)).toBe(before);
    expect((await run('--manifest', 'same.yaml', '--out', 'plans/new/plan.json')).code).toBe(0);
    expect(JSON.parse(await readFile(join(w.dir, 'plans/new/plan.json'), 'utf8'))).toMatchObject({ version: 1 });
    await expect(run('--manifest', 'same.yaml', '--out', 'same.yaml/plan.json')).rejects.toMatchObject({ code: 'OUTPUT_UNWRITABLE', message: expect.stringContaining('same.yaml/plan.json') });
  });

  it('GIVEN a plan whose only news is an error WHEN printed THEN the headline does not claim the live state matches', async () => {
    const { out } = await run('--manifest', 'two.yaml');
    expect(out).toMatch(/^No changes planned, but 1 error must be fixed first/);
    expect(out).not.toContain('Live state matches the manifest');
    const md = (await run('--manifest', 'two.yaml', '--format', 'markdown')).out;
    expect(md).toContain('**No changes planned, but 1 error must be fixed first');
  });

  it('GIVEN a bad --format WHEN planning THEN a usage error before any AWS call', async () => {
    const before = Object.values(w.emulator.calls()).reduce((a, b) => a + b, 0);
    await expect(run('--manifest', 'same.yaml', '--format', 'yaml')).rejects.toMatchObject({ code: 'CLI_USAGE' });
    await expect(run('--manfest', 'same.yaml')).rejects.toThrow('plan: unknown option --manfest; did you mean --manifest?');
    // A --prune value other than owned is a misspelling of it, never prune: true.
    await expect(run('--manifest', 'same.yaml', '--prune', 'own')).rejects.toThrow('plan: --prune takes no value, or owned; got "own"; did you mean --prune owned?');
    await expect(run('--manifest', 'same.yaml', '--prune=all')).rejects.toMatchObject({ code: 'CLI_USAGE', message: 'plan: --prune takes no value, or owned; got "all"' });
    await expect(run('--manifest', 'same.yaml', '--max-deletes', '-1')).rejects.toThrow(/^plan: --max-deletes needs a value[^\n]*$/);
    expect(Object.values(w.emulator.calls()).reduce((a, b) => a + b, 0)).toBe(before);
  });
});

describe('eks-identity demo', () => {
  it('GIVEN no AWS at all WHEN the demo runs THEN it prints a plan with the stale entry and the China cluster', async () => {
    const io = fakeIo(process.cwd());
    expect(await demoCommand.run([], io)).toBe(0);
    expect(io.out).toContain('STALE_ACCESS_ENTRY');
    expect(io.out).toContain('-/+ replace access entry arn:aws:iam::111122223333:role/PlatformAdmins');
    expect(io.out).toContain('Cluster prod-cn (cn-north-1');
    expect(io.out).toContain('arn:aws-cn:iam::444455556666:role/KarpenterController');
    expect(io.out).toContain('TRUST_POLICY_PARTITION_MISMATCH');
    expect(io.out).toContain('POD_IDENTITY_AGENT_MISSING');
    expect(io.err).toMatch(/AWS API calls answered by the emulator/);
  });

  it('GIVEN --format json WHEN the demo runs THEN stdout is a Plan', async () => {
    const io = fakeIo(process.cwd());
    await demoCommand.run(['--format', 'json'], io);
    const plan = JSON.parse(io.out) as Plan;
    expect(plan.clusters.map((c) => c.name)).toEqual(['prod', 'prod-cn']);
  });
});
