/**
 * The read workloads: (a) one big cluster with prune on, (b) the same cluster with prune off and
 * a few declared keys, (d) a fleet of clusters. Each runs the tool's reader and the per-resource
 * baseline in child processes against one emulator in this process.
 */
import { startEmulator, type EmulatorHandle, type FaultOptions } from '../src/emulator/index.js';
import type { DesiredCluster } from '../src/model/desired.js';
import type { BaselineObject } from './baseline.js';
import { floorOf, minimumReadCalls, sum, type CallCounts, type RateLimit } from './floor.js';
import type { ChildResult, RetryMode } from './jobs.js';
import { runInChild } from './spawn.js';
import { CALLER_PRINCIPAL, desiredCluster, desiredState, emulatorState, policiesAt, principalAt, rolesOf, usersOf, type ClusterShape } from './world.js';

export interface ReadSpec {
  id: string;
  title: string;
  shapes: ClusterShape[];
  /** Declared objects per cluster (the first N of each kind). */
  declared: { associations: number; accessEntries: number };
  prune: boolean;
  /** Exact describe count the workload must make, when it has one (workload b). */
  expectDescribes?: number;
}

export interface ReadMeasurement {
  spec: ReadSpec;
  ours: ChildResult;
  /** Every request, throttled ones included. */
  calls: CallCounts;
  /** Requests answered with success. */
  successful: CallCounts;
  minimum: CallCounts;
  floorMs: number;
  floorOperation: string;
  baseline?: { result: ChildResult; calls: CallCounts } | { timedOutMs: number };
  checks: string[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function readSpecs(quick: boolean): ReadSpec[] {
  const big = quick ? { associations: 300, accessEntries: 200 } : { associations: 5000, accessEntries: 3000 };
  const fleet = quick ? { count: 3, associations: 80, accessEntries: 50 } : { count: 10, associations: 300, accessEntries: 200 };
  const few = quick ? 50 : 100;
  return [
    { id: 'a', title: `full plan, ${big.associations} associations + ${big.accessEntries} access entries, prune on`, shapes: [{ name: 'big', ...big }], declared: big, prune: true },
    {
      id: 'b',
      title: `prune off, ${2 * few} declared keys on the same cluster`,
      shapes: [{ name: 'big', ...big }],
      declared: { associations: few, accessEntries: few },
      prune: false,
      expectDescribes: 2 * few,
    },
    {
      id: 'd',
      title: `${fleet.count} clusters × ${fleet.associations + fleet.accessEntries} objects, prune on`,
      shapes: Array.from({ length: fleet.count }, (_, i) => ({ name: `fleet-${String(i).padStart(2, '0')}`, associations: fleet.associations, accessEntries: fleet.accessEntries })),
      declared: { associations: fleet.associations, accessEntries: fleet.accessEntries },
      prune: true,
    },
  ];
}

function desiredClusters(spec: ReadSpec): DesiredCluster[] {
  // Workload b declares exactly its keys (no caller entry), so the describe count is exact.
  return spec.shapes.map((s) => desiredCluster(s.name, spec.declared, spec.prune, spec.expectDescribes === undefined));
}

/** The minimum calls of the read: what is described follows prune and the declared keys. */
export function minimumForSpec(spec: ReadSpec): CallCounts {
  const callerDeclared = spec.expectDescribes === undefined ? 1 : 0;
  const clusters = spec.shapes.map((s) => ({
    liveAssociations: s.associations,
    liveAccessEntries: s.accessEntries + 1,
    addons: 1,
    describedAssociations: spec.prune ? s.associations : Math.min(s.associations, spec.declared.associations),
    describedAccessEntries: spec.prune ? s.accessEntries + 1 : Math.min(s.accessEntries, spec.declared.accessEntries) + callerDeclared,
  }));
  const described = spec.prune ? spec.shapes.reduce((m, s) => ({ associations: Math.max(m.associations, s.associations), accessEntries: Math.max(m.accessEntries, s.accessEntries) }), { associations: 0, accessEntries: 0 }) : spec.declared;
  // Users are read for declared entries only (the caller, a user, is declared in the prune workloads).
  return minimumReadCalls(clusters, rolesOf(described.associations, described.accessEntries).length, usersOf(described.accessEntries).length + callerDeclared);
}

/** What a per-resource tool holds in its state for the declared objects, with the ids it recorded. */
function baselineObjects(spec: ReadSpec, emulator: EmulatorHandle): BaselineObject[] {
  const out: BaselineObject[] = [];
  const declaredCaller = spec.expectDescribes === undefined;
  for (const cluster of emulator.inspect().clusters) {
    const idOf = new Map(cluster.podIdentityAssociations.map((a) => [`${a.namespace}/${a.serviceAccount}`, a.associationId]));
    for (const a of desiredClusters(spec).find((c) => c.name === cluster.name)?.associations ?? []) {
      out.push({ kind: 'association', cluster: cluster.name, associationId: idOf.get(`${a.namespace}/${a.serviceAccount}`)! });
    }
    for (let i = 0; i < spec.declared.accessEntries; i++) {
      out.push({ kind: 'entry', cluster: cluster.name, principalArn: principalAt(i) });
      for (const p of policiesAt(i)) out.push({ kind: 'policy', cluster: cluster.name, principalArn: principalAt(i), policyArn: p.policyArn });
    }
    if (declaredCaller) {
      out.push({ kind: 'entry', cluster: cluster.name, principalArn: CALLER_PRINCIPAL });
      out.push({ kind: 'policy', cluster: cluster.name, principalArn: CALLER_PRINCIPAL, policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy' });
    }
  }
  // Roles are account-wide resources: one each, however many clusters use them.
  for (const arn of rolesOf(spec.declared.associations, spec.declared.accessEntries)) out.push({ kind: 'role', roleName: arn.split('/').pop()! });
  return out;
}

export interface ReadRunOptions {
  retryMode?: RetryMode;
  /** Skip the baseline (for a second measurement of the same workload). */
  skipBaseline?: boolean;
  faults: FaultOptions;
  limit: RateLimit;
  baselineParallelism: number;
  baselineTimeoutMs: number;
  timeoutMs: number;
  log: (line: string) => void;
}

export async function measureRead(spec: ReadSpec, options: ReadRunOptions): Promise<ReadMeasurement> {
  const emulator = await startEmulator({ state: emulatorState(spec.shapes), faults: options.faults, seed: 1 });
  try {
    const desired = desiredState(desiredClusters(spec));
    const minimum = minimumForSpec(spec);
    const floor = floorOf(minimum, options.limit);
    options.log(`(${spec.id}) ${spec.title}: reading…`);
    emulator.resetCalls();
    const mode = options.retryMode ? { retryMode: options.retryMode } : {};
    const ours = await runInChild({ kind: 'read', endpoint: emulator.endpoint, desired, plan: true, ...mode }, options.timeoutMs);
    const calls = emulator.calls();
    const successful = emulator.successfulCalls();
    options.log(`(${spec.id}) read in ${(ours.wallMs / 1000).toFixed(1)} s (floor ${floor.seconds.toFixed(1)} s)`);
    const measured = { spec, ours, calls, successful, minimum, floorMs: floor.seconds * 1000, floorOperation: floor.operation, checks: checksFor(spec, ours, successful) };
    if (options.skipBaseline) return measured;

    // Let every token bucket fill up again, so the baseline starts as the tool did.
    await sleep(Math.ceil((options.limit.burst / options.limit.rps) * 1000) + 200);
    emulator.resetCalls();
    let baseline: ReadMeasurement['baseline'];
    try {
      const result = await runInChild({ kind: 'baseline', endpoint: emulator.endpoint, objects: baselineObjects(spec, emulator), parallelism: options.baselineParallelism, ...mode }, options.baselineTimeoutMs);
      baseline = { result, calls: emulator.calls() };
    } catch {
      baseline = { timedOutMs: options.baselineTimeoutMs };
    }
    return { ...measured, baseline };
  } finally {
    await emulator.close();
  }
}

function checksFor(spec: ReadSpec, ours: ChildResult, successful: CallCounts): string[] {
  const problems: string[] = [];
  if (!ours.ok) problems.push(`read failed: ${ours.error ?? 'unknown error'}`);
  if (spec.expectDescribes !== undefined) {
    // Successful calls: a throttled request is asked again, but it is the same key.
    const describes = (successful.DescribePodIdentityAssociation ?? 0) + (successful.DescribeAccessEntry ?? 0);
    if (describes !== spec.expectDescribes) problems.push(`expected ${spec.expectDescribes} describes, made ${describes}`);
  }
  if (sum(successful) === 0) problems.push('no calls reached the emulator');
  // Everything declared is live as declared: the plan after the read must be empty.
  if (ours.ok && ours.details.changes !== 0) problems.push(`plan after the read has ${ours.details.changes ?? 'no'} changes, expected 0`);
  return problems;
}
