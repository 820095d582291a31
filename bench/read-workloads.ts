/**
 * The read workloads: (a) one big cluster with prune on, (b) the same cluster with prune off and
 * a few declared keys, (d) a fleet of clusters. Each runs the tool's reader and the per-resource
 * baseline in child processes against one emulator in this process.
 */
import { startEmulator, type EmulatorHandle, type FaultOptions } from '../src/emulator/index.js';
import type { DesiredCluster } from '../src/model/desired.js';
import type { BaselineObject } from './baseline.js';
import type { PruneMode } from '../src/model/ownership.js';
import { floorOf, minimumReadCalls, sum, targetedListCalls, type CallCounts, type RateLimit } from './floor.js';
import type { ChildResult, RetryMode } from './jobs.js';
import { runInChild } from './spawn.js';
import { associationAt, CALLER_PRINCIPAL, declaredIndexes, desiredCluster, desiredState, emulatorState, policiesAt, principalAt, rolesOf, usersOf, type ClusterShape, type DeclaredKeys } from './world.js';

export interface ReadSpec {
  id: string;
  title: string;
  shapes: ClusterShape[];
  /** Declared objects per cluster (N of each kind, from an index). */
  declared: DeclaredKeys;
  prune: PruneMode;
  /** The manifest's owner (prune: owned); the declared objects carry its tag. */
  owner?: string;
  /** Exact describe count the workload must make, when it has one (workload b). */
  expectDescribes?: number;
  /** Runs of the tool and of the baseline; the median counts (short workloads, noisy machines). */
  runs?: number;
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
  baseline?: { result: ChildResult; calls: CallCounts; runsMs?: number[] } | { timedOutMs: number };
  /** Wall time of every run when the workload ran more than once (`ours` is the median). */
  runsMs?: number[];
  checks: string[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function readSpecs(quick: boolean): ReadSpec[] {
  const big = quick ? { associations: 300, accessEntries: 200 } : { associations: 5000, accessEntries: 3000 };
  const fleet = quick ? { count: 3, associations: 80, accessEntries: 50 } : { count: 10, associations: 300, accessEntries: 200 };
  const few = quick ? 50 : 100;
  // The last keys of each kind: not on the first page of either list, spread over every namespace.
  const tail = { associations: big.associations - few, accessEntries: big.accessEntries - few };
  const owner = 'bench-platform';
  return [
    { id: 'a', title: `full plan, ${big.associations} associations + ${big.accessEntries} access entries, prune on`, shapes: [{ name: 'big', ...big }], declared: big, prune: true },
    {
      id: 'b',
      title: `prune off, ${2 * few} declared keys on the same cluster`,
      shapes: [{ name: 'big', ...big }],
      declared: { associations: few, accessEntries: few, from: tail },
      prune: false,
      expectDescribes: 2 * few,
      runs: quick ? 1 : 3,
    },
    {
      id: 'd',
      title: `${fleet.count} clusters × ${fleet.associations + fleet.accessEntries} objects, prune on`,
      shapes: Array.from({ length: fleet.count }, (_, i) => ({ name: `fleet-${String(i).padStart(2, '0')}`, associations: fleet.associations, accessEntries: fleet.accessEntries })),
      declared: { associations: fleet.associations, accessEntries: fleet.accessEntries },
      prune: true,
    },
    {
      id: 'e',
      title: `prune: owned, ${2 * few} declared and owned keys among ${big.associations + big.accessEntries} objects (the rest untagged)`,
      shapes: [{ name: 'big', ...big, owned: { owner, ...declaredIndexes({ associations: few, accessEntries: few, from: tail }) } }],
      declared: { associations: few, accessEntries: few, from: tail },
      prune: 'owned',
      owner,
    },
  ];
}

function desiredClusters(spec: ReadSpec): DesiredCluster[] {
  // Workload b declares exactly its keys (no caller entry), so the describe count is exact.
  return spec.shapes.map((s) => desiredCluster(s.name, spec.declared, spec.prune, spec.expectDescribes === undefined, spec.owner));
}

/**
 * The minimum calls of the read. Prune on: the lists, and every object described. Prune off: the
 * fewest list calls that find the declared keys (targetedListCalls; entries need none), and the
 * declared objects described. Prune owned: the lists and every object described (tags come back
 * only from describe), but policies, roles and users only for what the manifest owns.
 */
export function minimumForSpec(spec: ReadSpec): CallCounts {
  const callerDeclared = spec.expectDescribes === undefined ? 1 : 0;
  const indexes = declaredIndexes(spec.declared);
  const clusters = spec.shapes.map((s) => {
    const declaredAssociations = indexes.associations.filter((i) => i < s.associations).length;
    const declaredEntries = indexes.accessEntries.filter((i) => i < s.accessEntries).length + callerDeclared;
    const base = { liveAssociations: s.associations, liveAccessEntries: s.accessEntries + 1, addons: 1 };
    if (spec.prune === false) {
      const byNamespace = new Map<string, { declared: number; live: number }>();
      for (const i of indexes.associations) {
        const ns = associationAt(i).namespace;
        byNamespace.set(ns, { declared: (byNamespace.get(ns)?.declared ?? 0) + 1, live: 0 });
      }
      for (let i = 0; i < s.associations; i++) {
        const entry = byNamespace.get(associationAt(i).namespace);
        if (entry) entry.live += 1;
      }
      return { ...base, describedAssociations: declaredAssociations, describedAccessEntries: declaredEntries, associationLists: targetedListCalls(s.associations, byNamespace), accessEntryLists: 0 };
    }
    const all = { ...base, describedAssociations: s.associations, describedAccessEntries: s.accessEntries + 1 };
    // Owned: the declared entries and the owned undeclared ones (none in these worlds) have their policies listed.
    return spec.prune === 'owned' ? { ...all, entriesWithPolicies: declaredEntries } : all;
  });
  const described: DeclaredKeys =
    spec.prune === true
      ? spec.shapes.reduce((m, s) => ({ associations: Math.max(m.associations, s.associations), accessEntries: Math.max(m.accessEntries, s.accessEntries) }), { associations: 0, accessEntries: 0 })
      : spec.declared;
  // Users are read for declared entries only (the caller, a user, is declared in the prune workloads).
  return minimumReadCalls(clusters, rolesOf(described).length, usersOf(spec.declared).length + callerDeclared);
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
    for (const i of declaredIndexes(spec.declared).accessEntries) {
      out.push({ kind: 'entry', cluster: cluster.name, principalArn: principalAt(i) });
      for (const p of policiesAt(i)) out.push({ kind: 'policy', cluster: cluster.name, principalArn: principalAt(i), policyArn: p.policyArn });
    }
    if (declaredCaller) {
      out.push({ kind: 'entry', cluster: cluster.name, principalArn: CALLER_PRINCIPAL });
      out.push({ kind: 'policy', cluster: cluster.name, principalArn: CALLER_PRINCIPAL, policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy' });
    }
  }
  // Roles are account-wide resources: one each, however many clusters use them.
  for (const arn of rolesOf(spec.declared)) out.push({ kind: 'role', roleName: arn.split('/').pop()! });
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
  // Let every token bucket fill up again between runs, so each starts as the first did.
  const refill = () => sleep(Math.ceil((options.limit.burst / options.limit.rps) * 1000) + 200);
  const runs = spec.runs ?? 1;
  try {
    const desired = desiredState(desiredClusters(spec));
    const minimum = minimumForSpec(spec);
    const floor = floorOf(minimum, options.limit);
    const mode = options.retryMode ? { retryMode: options.retryMode } : {};
    const oursRuns: Array<{ result: ChildResult; calls: CallCounts; successful: CallCounts }> = [];
    for (let run = 0; run < runs; run++) {
      if (run > 0) await refill();
      options.log(`(${spec.id}) ${spec.title}: reading${runs > 1 ? ` (run ${run + 1} of ${runs})` : ''}…`);
      emulator.resetCalls();
      const result = await runInChild({ kind: 'read', endpoint: emulator.endpoint, desired, plan: true, ...mode }, options.timeoutMs);
      oursRuns.push({ result, calls: emulator.calls(), successful: emulator.successfulCalls() });
      options.log(`(${spec.id}) read in ${(result.wallMs / 1000).toFixed(2)} s (floor ${floor.seconds.toFixed(2)} s)`);
    }
    const { result: ours, calls, successful } = medianBy(oursRuns, (r) => r.result.wallMs);
    const measured = {
      spec, ours, calls, successful, minimum, floorMs: floor.seconds * 1000, floorOperation: floor.operation,
      ...(runs > 1 ? { runsMs: oursRuns.map((r) => r.result.wallMs) } : {}),
      checks: oursRuns.flatMap((r) => checksFor(spec, r.result, r.successful)).filter((p, i, all) => all.indexOf(p) === i),
    };
    // A per-resource tool cannot tell what a manifest owns: no baseline for prune: owned.
    if (options.skipBaseline || spec.prune === 'owned') return measured;

    const baselineRuns: Array<{ result: ChildResult; calls: CallCounts }> = [];
    try {
      for (let run = 0; run < runs; run++) {
        await refill();
        emulator.resetCalls();
        const result = await runInChild({ kind: 'baseline', endpoint: emulator.endpoint, objects: baselineObjects(spec, emulator), parallelism: options.baselineParallelism, ...mode }, options.baselineTimeoutMs);
        baselineRuns.push({ result, calls: emulator.calls() });
      }
    } catch {
      return { ...measured, baseline: { timedOutMs: options.baselineTimeoutMs } };
    }
    const baseline = medianBy(baselineRuns, (r) => r.result.wallMs);
    return { ...measured, baseline: { ...baseline, ...(runs > 1 ? { runsMs: baselineRuns.map((r) => r.result.wallMs) } : {}) } };
  } finally {
    await emulator.close();
  }
}

/** The run with the median value (an odd count: the middle one). */
export function medianBy<T>(runs: readonly T[], value: (run: T) => number): T {
  return [...runs].sort((x, y) => value(x) - value(y))[Math.floor(runs.length / 2)]!;
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
