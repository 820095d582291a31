/**
 * Crash safety of workload roles: `eks-identity apply` runs as a child process and is killed
 * (SIGKILL) at a seeded point, possibly between a CreateRole and the policy calls after it; a
 * second run must complete every role once (never a duplicate) and a fresh plan must be empty.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentProgress } from '../../src/aws/progress.js';
import { closeClusterSessions } from '../../src/aws/session.js';
import { createRandom } from '../../src/emulator/random.js';
import { OWNER_TAG } from '../../src/model/ownership.js';
import { plan as planManifest } from '../../src/operations/index.js';
import { DEPLOY_KEY, startApplyWorld, stateWith, type World } from './emulator-world.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const APPS = 8;

/** Eight associations, each with its own role (a managed and an inline policy): 16 changes. */
function manifestText(): string {
  const lines = ['version: 1', 'owner: platform', 'clusters: [{ name: prod, region: us-east-1 }]', 'podIdentityAssociations:'];
  for (let i = 0; i < APPS; i++) {
    lines.push(
      `  - namespace: app-${i}`,
      '    serviceAccount: web',
      '    role:',
      "      managedPolicies: ['arn:${partition}:iam::aws:policy/ReadOnlyAccess']",
      `      inlinePolicies: { read: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "s3:GetObject", Resource: "arn:\${partition}:s3:::app-${i}/*" }] } }`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Runs the CLI; with `killAtCreateRole`, SIGKILLs it as soon as the emulator has received that many CreateRole calls. */
function runCli(world: World, dir: string, killAtCreateRole?: number): Promise<{ signal: NodeJS.Signals | null; code: number | null; stderr: string; progressLines: number }> {
  const e = world.emulator.endpoint;
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src/cli/main.ts'), 'apply', '--manifest', join(dir, 'eks-identity.yaml')], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH ?? '',
      AWS_ENDPOINT_URL_EKS: e,
      AWS_ENDPOINT_URL_IAM: e,
      AWS_ENDPOINT_URL_STS: e,
      AWS_ACCESS_KEY_ID: DEPLOY_KEY,
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let progressLines = 0;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
    progressLines = (stderr.match(/^\[\d+\/\d+\] /gm) ?? []).length;
  });
  // The emulator runs in this process: watch its call counts and kill right after a CreateRole
  // arrives, before the policy calls that follow it.
  const watch = setInterval(() => {
    if (killAtCreateRole !== undefined && (world.emulator.calls().CreateRole ?? 0) >= killAtCreateRole && child.exitCode === null) child.kill('SIGKILL');
  }, 1);
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearInterval(watch);
      done({ code, signal, stderr, progressLines });
    });
  });
}

let world: World | undefined;
let dir: string;
afterEach(async () => {
  await world?.close();
  world = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('GIVEN an apply of role blocks killed at a random point', () => {
  it.each([3, 42])('WHEN it is re-run (seed %i) THEN every role exists once with its policies and the next plan is empty', async (seed) => {
    dir = await mkdtemp(join(tmpdir(), 'eks-identity-crash-roles-'));
    await writeFile(join(dir, 'eks-identity.yaml'), manifestText());
    // Latency keeps calls in flight when the kill lands: some roles are left created but bare.
    world = await startApplyWorld(stateWith([], [{ name: 'prod', addons: [{ name: 'eks-pod-identity-agent' }] }]), { latencyMs: 20, jitterMs: 10 }, seed);
    const killAt = 1 + Math.floor(createRandom(seed)() * APPS);
    const crashed = await runCli(world, dir, killAt);
    expect(crashed.signal).toBe('SIGKILL');
    const owned = () => (world!.emulator.snapshot().iam?.roles ?? []).filter((r) => r.tags?.[OWNER_TAG] === 'platform');
    // The crash left at least one role created (with its owner tag) but without its policies.
    const bare = owned().filter((r) => (r.attachedPolicies ?? []).length === 0 || Object.keys(r.inlinePolicies ?? {}).length === 0);
    expect(bare.length).toBeGreaterThan(0);

    const rerun = await runCli(world, dir);
    expect(rerun.stderr).not.toMatch(/\] failed /);
    expect(rerun.code).toBe(0);

    const roles = owned();
    expect(roles.map((r) => r.arn.split('/').pop()).sort()).toEqual(Array.from({ length: APPS }, (_, i) => `prod-app-${i}-web`));
    for (const r of roles) {
      expect(r.attachedPolicies).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
      expect(Object.keys(r.inlinePolicies ?? {})).toEqual(['read']);
    }
    const e = world.emulator.endpoint;
    const replanned = await planManifest({
      manifest: join(dir, 'eks-identity.yaml'),
      progress: silentProgress,
      aws: { endpoints: { eks: e, iam: e, sts: e }, credentials: { accessKeyId: DEPLOY_KEY, secretAccessKey: 'secret' } },
    });
    closeClusterSessions(replanned.sessions);
    expect(replanned.plan.clusters[0]!.changes.filter((c) => c.action !== 'unmanaged')).toEqual([]);
    console.info(`seed ${seed}: killed at CreateRole #${killAt} after ${crashed.progressLines} changes, ${bare.length} role(s) left bare; the re-run applied ${rerun.progressLines}`);
  }, 60_000);
});
