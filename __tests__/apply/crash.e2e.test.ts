/**
 * Crash safety: `eks-identity apply` runs as a real child process against an emulator in this
 * process and is killed (SIGKILL) at a seeded random point; a second run must converge to the
 * desired state, and a fresh plan must be empty.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentProgress } from '../../src/aws/progress.js';
import { closeClusterSessions } from '../../src/aws/session.js';
import { plan as planManifest } from '../../src/operations/index.js';
import { createRandom } from '../../src/emulator/random.js';
import type { EmulatorState } from '../../src/emulator/index.js';
import { CALLER_ROLE, DEPLOY_KEY, roleArn, startApplyWorld, stateWith, type World } from './emulator-world.js';
import { spawnApply, type ApplyRun } from './spawn-apply.js';

const pad = (i: number) => String(i).padStart(3, '0');
const NEW = 120;
const UPDATED = 30;
const PRUNED = 30;
const TEAMS = 25;

/** 120 association creates, 30 updates, 30 prune deletes, 25 entries with a policy each: 230 changes. */
function manifestText(): string {
  const lines = ['version: 1', 'clusters: [{ name: prod, region: us-east-1 }]', 'prune: true', 'podIdentityAssociations:'];
  for (let i = 0; i < NEW; i++) lines.push(`  - { namespace: new, serviceAccount: sa-${pad(i)}, roleName: RoleA, tags: { n: "${i}" } }`);
  for (let i = 0; i < UPDATED; i++) lines.push(`  - { namespace: kept, serviceAccount: sa-${pad(i)}, roleName: RoleB }`);
  lines.push('accessEntries:', '  - principalArn: arn:${partition}:iam::${accountId}:role/Deploy', '    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, scope: cluster }]');
  for (let i = 0; i < TEAMS; i++) {
    lines.push(`  - principalArn: arn:\${partition}:iam::\${accountId}:role/Team${pad(i)}`, `    kubernetesGroups: [g-${i}]`, `    accessPolicies: [{ policy: AmazonEKSViewPolicy, namespaces: [ns-${i}] }]`);
  }
  return `${lines.join('\n')}\n`;
}

function initialState(): EmulatorState {
  return stateWith(
    ['RoleA', 'RoleB', ...Array.from({ length: TEAMS }, (_, i) => `Team${pad(i)}`)],
    [
      {
        name: 'prod',
        addons: [{ name: 'eks-pod-identity-agent' }],
        podIdentityAssociations: [
          ...Array.from({ length: UPDATED }, (_, i) => ({ namespace: 'kept', serviceAccount: `sa-${pad(i)}`, roleArn: roleArn('RoleA') })),
          ...Array.from({ length: PRUNED }, (_, i) => ({ namespace: 'gone', serviceAccount: `sa-${pad(i)}`, roleArn: roleArn('RoleA') })),
        ],
        accessEntries: [{ principalArn: CALLER_ROLE, accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] }],
      },
    ],
  );
}

/** Runs the CLI; with `killAfter`, SIGKILLs it once that many changes have finished. */
function runCli(world: World, dir: string, killAfter?: number): Promise<ApplyRun> {
  return spawnApply(world, join(dir, 'eks-identity.yaml'), ['--max-deletes', '100'], killAfter === undefined ? undefined : (finished) => finished >= killAfter);
}

let world: World | undefined;
let dir: string;
afterEach(async () => {
  await world?.close();
  world = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('GIVEN an apply killed at a random point', () => {
  // Seeds chosen so the kill lands early (3), in the middle (60, 117) and late (186) of 230 changes.
  it.each([7, 99, 11, 2024])('WHEN it is re-run (seed %i) THEN the second run converges and live state equals the desired state', async (seed) => {
    dir = await mkdtemp(join(tmpdir(), 'eks-identity-crash-'));
    await writeFile(join(dir, 'eks-identity.yaml'), manifestText());
    // Latency keeps several calls in flight when the kill lands, so some answers are lost after EKS committed.
    world = await startApplyWorld(initialState(), { latencyMs: 15, jitterMs: 10 }, seed);
    const total = NEW + UPDATED + PRUNED + TEAMS * 2;
    const killAfter = 1 + Math.floor(createRandom(seed)() * (total - 2));

    const crashed = await runCli(world, dir, killAfter);
    expect(crashed.signal).toBe('SIGKILL');
    expect(crashed.progressLines).toBeGreaterThanOrEqual(killAfter);
    expect(crashed.progressLines).toBeLessThan(total);

    const rerun = await runCli(world, dir);
    expect(rerun.stderr).not.toMatch(/\] failed /);
    expect(rerun.code).toBe(0);
    expect(rerun.progressLines).toBeGreaterThan(0);

    const e = world.emulator.endpoint;
    const replanned = await planManifest({
      manifest: join(dir, 'eks-identity.yaml'),
      progress: silentProgress,
      aws: { endpoints: { eks: e, iam: e, sts: e }, credentials: { accessKeyId: DEPLOY_KEY, secretAccessKey: 'secret' } },
    });
    closeClusterSessions(replanned.sessions);
    expect(replanned.plan.clusters[0]!.changes.filter((c) => c.action !== 'unmanaged')).toEqual([]);

    const cluster = world.emulator.snapshot().clusters![0]!;
    const associations = cluster.podIdentityAssociations!.map((a) => `${a.namespace}/${a.serviceAccount} ${a.roleArn.split('/').pop()}`).sort();
    expect(associations).toEqual(
      [...Array.from({ length: NEW }, (_, i) => `new/sa-${pad(i)} RoleA`), ...Array.from({ length: UPDATED }, (_, i) => `kept/sa-${pad(i)} RoleB`)].sort(),
    );
    const entries = cluster.accessEntries!.map((entry) => ({ principal: entry.principalArn, groups: entry.kubernetesGroups ?? [], policies: (entry.accessPolicies ?? []).length }));
    expect(entries.sort((a, b) => a.principal.localeCompare(b.principal))).toEqual(
      [
        { principal: CALLER_ROLE, groups: [], policies: 1 },
        ...Array.from({ length: TEAMS }, (_, i) => ({ principal: roleArn(`Team${pad(i)}`), groups: [`g-${i}`], policies: 1 })),
      ].sort((a, b) => a.principal.localeCompare(b.principal)),
    );
    console.info(`seed ${seed}: killed after ${crashed.progressLines}/${total} changes; the re-run applied ${rerun.progressLines}`);
  }, 60_000);
});
