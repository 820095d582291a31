/**
 * Crash safety of workload roles: `eks-identity apply` runs as a child process and is killed
 * (SIGKILL) at a seeded point, possibly between a CreateRole and the policy calls after it; a
 * second run must complete every role once (never a duplicate) and a fresh plan must be empty.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentProgress } from '../../src/aws/progress.js';
import { closeClusterSessions } from '../../src/aws/session.js';
import { createRandom } from '../../src/emulator/random.js';
import { OWNER_TAG } from '../../src/model/ownership.js';
import { plan as planManifest } from '../../src/operations/index.js';
import { DEPLOY_KEY, startApplyWorld, stateWith, type World } from './emulator-world.js';
import { spawnApply, type ApplyRun } from './spawn-apply.js';

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

const LATENCY = { latencyMs: 20, jitterMs: 10 };
const ownedRoles = (world: World) => (world.emulator.snapshot().iam?.roles ?? []).filter((r) => r.tags?.[OWNER_TAG] === 'platform');

/**
 * Runs the CLI; with `killAtRoles`, SIGKILLs it once that many roles exist. The policy calls that
 * follow a CreateRole do not answer meanwhile (the emulator's silent-endpoint fault), so the kill
 * always lands between a role's creation and its policies, whatever the timing of the machine.
 */
async function runCli(world: World, dir: string, killAtRoles?: number): Promise<ApplyRun> {
  if (killAtRoles === undefined) return spawnApply(world, join(dir, 'eks-identity.yaml'), []);
  world.emulator.setFaults({ ...LATENCY, hangOperations: ['AttachRolePolicy', 'PutRolePolicy'] });
  try {
    return await spawnApply(world, join(dir, 'eks-identity.yaml'), [], () => ownedRoles(world).length >= killAtRoles);
  } finally {
    world.emulator.setFaults(LATENCY);
  }
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
    world = await startApplyWorld(stateWith([], [{ name: 'prod', addons: [{ name: 'eks-pod-identity-agent' }] }]), LATENCY, seed);
    const killAt = 1 + Math.floor(createRandom(seed)() * APPS);
    const crashed = await runCli(world, dir, killAt);
    expect(crashed.signal).toBe('SIGKILL');
    const owned = () => ownedRoles(world!);
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
    console.info(`seed ${seed}: killed once ${killAt} roles existed, after ${crashed.progressLines} changes, ${bare.length} role(s) left bare; the re-run applied ${rerun.progressLines}`);
  }, 60_000);
});
