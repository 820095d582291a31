/**
 * The run's time limit, on the real SDK against the emulator, with a clock the test moves: a plan
 * that meets a silent endpoint fails naming the call; an apply stopped by the limit starts no new
 * change, finishes those in flight, and leaves a world the next plan describes truthfully and the
 * next apply completes.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPlan } from '../../src/apply/index.js';
import { CallWatch } from '../../src/aws/call-watch.js';
import { Deadline, type DeadlineClock } from '../../src/aws/deadline.js';
import { SdkEksWriteGateway } from '../../src/aws/gateway.js';
import { readLiveState } from '../../src/aws/reader.js';
import { closeClusterSessions, openClusterSessions, type SessionOptions } from '../../src/aws/session.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { expandManifest, loadManifest } from '../../src/manifest/index.js';
import type { Plan } from '../../src/model/plan.js';
import { computePlan } from '../../src/plan/index.js';
import { CALLER_ROLE, DEPLOY_KEY, stateWith } from './emulator-world.js';

/** A clock that stands still until the test moves it; sleeps end when it passes their time. */
function handClock(): DeadlineClock & { set(t: number): void } {
  let t = 0;
  const sleepers: Array<{ at: number; wake: () => void }> = [];
  return {
    now: () => t,
    sleep: (ms) => new Promise<void>((wake) => sleepers.push({ at: t + ms, wake })),
    set(next) {
      t = next;
      for (const s of sleepers.splice(0)) {
        if (s.at <= t) s.wake();
        else sleepers.push(s);
      }
    },
  };
}

const COUNT = 40;
let dir: string;
let emulator: EmulatorHandle | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eks-identity-deadline-'));
  const lines = ['version: 1', 'clusters: [{ name: prod, region: us-east-1 }]', 'podIdentityAssociations:'];
  for (let i = 0; i < COUNT; i++) lines.push(`  - { namespace: apps, serviceAccount: sa-${i}, roleName: App }`);
  lines.push('accessEntries:', '  - principalArn: arn:${partition}:iam::${accountId}:role/Deploy', '    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, scope: cluster }]');
  await writeFile(join(dir, 'eks-identity.yaml'), `${lines.join('\n')}\n`);
});

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function start(hang: string[] = []): Promise<SessionOptions> {
  emulator = await startEmulator({
    state: stateWith(['App'], [{ name: 'prod', addons: [{ name: 'eks-pod-identity-agent' }], accessEntries: [{ principalArn: CALLER_ROLE, accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] }] }]),
    seed: 5,
    faults: { latencyMs: 2, ...(hang.length > 0 ? { hangOperations: hang } : {}) },
  });
  const e = emulator.endpoint;
  return { credentials: { accessKeyId: DEPLOY_KEY, secretAccessKey: 'secret' }, endpoints: { eks: e, iam: e, sts: e }, timeouts: { responseMs: 60_000 } };
}

/** The plan pipeline: sessions, desired state, live state, plan. */
async function plan(options: SessionOptions) {
  const loaded = await loadManifest(join(dir, 'eks-identity.yaml'));
  const sessions = await openClusterSessions(expandManifest(loaded).clusters, options);
  try {
    const desired = expandManifest(loaded, { accountIds: Object.fromEntries(sessions.map((s) => [s.target.name, s.accountId])) });
    return { plan: computePlan(desired, await readLiveState(sessions, desired)), sessions };
  } catch (err) {
    closeClusterSessions(sessions);
    throw err;
  }
}

const creates = (p: Plan) => p.clusters.flatMap((c) => c.changes.filter((ch) => ch.action === 'create').map((ch) => ch.id)).sort();

describe('GIVEN a run with a time limit', () => {
  it('WHEN an endpoint never answers a read THEN the plan fails when the limit passes, naming the operation and the endpoint', async () => {
    const options = await start(['ListPodIdentityAssociations']);
    const clock = handClock();
    const deadline = new Deadline(120_000, clock);
    const watch = new CallWatch(clock.now);
    const planning = plan({ ...options, deadline, watch });
    planning.catch(() => undefined);
    // Wait (in real time) until the silent call is the only one in flight: the entries are read
    // meanwhile, and a call cut off by the limit while it waits would be named instead.
    const onlySilent = () => watch.snapshot().inFlight === 1 && watch.snapshot().oldest?.operation === 'ListPodIdentityAssociations';
    for (let i = 0; i < 200 && !onlySilent(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(watch.snapshot()).toMatchObject({ inFlight: 1, oldest: { operation: 'ListPodIdentityAssociations', endpoint: emulator!.endpoint } });
    clock.set(120_000);
    const error = await planning.then(() => undefined, (err: unknown) => err as Error & { code?: string });
    expect(error?.code).toBe('TIMEOUT');
    expect(error?.message).toContain(`ListPodIdentityAssociations at ${emulator!.endpoint}`);
    expect(error?.message).toContain('2 min');
    expect(error?.message).not.toMatch(/\n/);
  });

  it('WHEN the limit passes during an apply THEN no new change starts, those in flight finish, the re-plan shows the rest, and the next apply converges', async () => {
    const options = await start();
    const first = await plan(options);
    const planned = creates(first.plan);
    expect(planned).toHaveLength(COUNT);

    const clock = handClock();
    const deadline = new Deadline(600_000, clock);
    let ended = 0;
    const gateway = new SdkEksWriteGateway(first.sessions[0]!.clients);
    const report = await applyPlan(
      first.plan,
      {
        gateways: { prod: gateway },
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
        now: Date.now,
        onProgress: (event) => {
          if (event.type === 'change-end' && ++ended === 10) clock.set(600_000);
        },
      },
      { deadline, concurrency: 4 },
    );
    closeClusterSessions(first.sessions);
    const notStarted = report.results.filter((r) => r.outcome === 'skipped');
    expect(report.summary.failed).toBe(0);
    expect(report.summary.timedOut).toEqual({ limitMs: 600_000, notStarted: notStarted.length });
    // The 10th ended while up to 3 others were in flight: those finished, nothing else started.
    expect(report.summary.applied).toBeGreaterThanOrEqual(10);
    expect(report.summary.applied).toBeLessThanOrEqual(13);
    expect(notStarted.every((r) => r.reason?.includes('time limit'))).toBe(true);

    // The re-plan is the truth: exactly the changes that were not started are left.
    const second = await plan(options);
    expect(creates(second.plan)).toEqual(notStarted.map((r) => r.changeId).sort());

    const rerun = await applyPlan(second.plan, { gateways: { prod: new SdkEksWriteGateway(second.sessions[0]!.clients) }, sleep: (ms) => new Promise((r) => setTimeout(r, ms)), now: Date.now });
    closeClusterSessions(second.sessions);
    expect(rerun.summary.ok).toBe(true);
    const third = await plan(options);
    closeClusterSessions(third.sessions);
    expect(third.plan.clusters.every((c) => c.changes.every((ch) => ch.action === 'unmanaged'))).toBe(true);
    expect(emulator!.inspect().clusters[0]!.podIdentityAssociations).toHaveLength(COUNT);
  });
});
