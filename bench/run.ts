/**
 * `npm run bench`: the workloads of BENCHMARKS.md on the emulator, the tables between its markers
 * regenerated. `npm run bench -- --quick`: smaller sizes, tables printed only, for CI; both exit 1
 * when a fault row loses or duplicates anything.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { mixOf } from './apply-plan.js';
import { measureApply, type ApplyMeasurement } from './apply-workloads.js';
import { measureColdStart } from './cold-start.js';
import { floorOf, sum, type RateLimit } from './floor.js';
import type { RetryMode } from './jobs.js';
import { measureRead, readSpecs, type ReadMeasurement } from './read-workloads.js';
import { formatCalls, megabytes, ratio, renderTable, replaceBetweenMarkers, seconds } from './report.js';
import { measureThrottling } from './throttle-workloads.js';

const quick = process.argv.includes('--quick');
// The SDK's Node 20 notice would be printed by every child and by the role set-up here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const root = fileURLToPath(new URL('..', import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);

/** 20 ms ± 5 ms per call; each operation its own bucket of 100 requests/s, 50 to start with. */
const LATENCY = { latencyMs: 15, jitterMs: 10 };
const THROTTLED = { ...LATENCY, throttleRps: 100, throttleBurst: 50 };
const LIMIT: RateLimit = { rps: 100, burst: 50, latencyMs: LATENCY.latencyMs };
const APPLY_CHANGES = quick ? 100 : 500;
/** (c) is short (about a second), so one run is at the mercy of a noisy neighbour: the median of 3. */
const APPLY_RUNS = quick ? 1 : 3;
const FAULT_CHANGES = quick ? 40 : 150;
const RSS_LIMIT = 300 * 1024 * 1024;

interface FaultRow {
  name: string;
  faults: Record<string, number>;
  freshRoles: boolean;
}

const FAULT_ROWS: FaultRow[] = [
  { name: 'none (latency only)', faults: LATENCY, freshRoles: false },
  { name: 'throttling 20%', faults: { ...LATENCY, throttleRate: 0.2 }, freshRoles: false },
  { name: '5xx 10%', faults: { ...LATENCY, errorRate: 0.1 }, freshRoles: false },
  { name: 'connection resets 5%', faults: { ...LATENCY, resetRate: 0.05 }, freshRoles: false },
  { name: 'IAM propagation 3 s (new roles)', faults: { ...LATENCY, iamPropagationMs: 3000 }, freshRoles: true },
  {
    name: 'all: 100 rps buckets, throttling 10%, 5xx 5%, resets 3%, propagation 2 s',
    faults: { ...THROTTLED, throttleRate: 0.1, errorRate: 0.05, resetRate: 0.03, iamPropagationMs: 2000 },
    freshRoles: true,
  },
];

function readRow(m: ReadMeasurement, label: string): string[] {
  const baseline = m.baseline;
  const runs = (all: number[] | undefined) => (all ? ` (runs: ${all.map((ms) => seconds(ms)).join(', ')})` : '');
  const baselineCell = !baseline ? '–' : 'timedOutMs' in baseline ? `> ${seconds(baseline.timedOutMs)} s` : `${seconds(baseline.result.wallMs)} s${runs(baseline.runsMs)}`;
  const speedup = !baseline ? '–' : 'timedOutMs' in baseline ? `> ${ratio(baseline.timedOutMs / m.ours.wallMs)}` : ratio(baseline.result.wallMs / m.ours.wallMs);
  return [
    label,
    `${seconds(m.ours.wallMs)} s${runs(m.runsMs)}`,
    `${seconds(m.ours.cpuMs)} s`,
    `${sum(m.calls)} (${sum(m.successful)} ok): ${formatCalls(m.calls)}`,
    `${seconds(m.floorMs)} s (${m.floorOperation})`,
    ratio(m.ours.wallMs / m.floorMs),
    megabytes(m.ours.peakRssBytes),
    baselineCell,
    speedup,
    m.checks.length === 0 ? 'ok' : m.checks.join('; '),
  ];
}

const READ_HEADERS = ['workload', 'wall', 'tool CPU', 'API calls (by operation)', 'floor', '÷ floor', 'peak RSS', 'baseline wall', 'baseline ÷ ours', 'checks'];

/** The run with the median wall time (the machines are shared, so one run can be an outlier). */
function median(runs: ApplyMeasurement[]): ApplyMeasurement {
  return [...runs].sort((x, y) => x.result.wallMs - y.result.wallMs)[Math.floor(runs.length / 2)]!;
}

function applyRow(label: string, runs: ApplyMeasurement[], minimum: Record<string, number>): string[] {
  const floor = floorOf(minimum, LIMIT);
  const m = median(runs);
  const v = m.verification;
  const all = runs.length > 1 ? ` (runs: ${runs.map((r) => seconds(r.result.wallMs)).join(', ')})` : '';
  return [
    label,
    `${seconds(m.result.wallMs)} s${all}`,
    `${seconds(m.result.cpuMs)} s`,
    `${sum(m.calls)}: ${formatCalls(m.calls)}`,
    `${seconds(floor.seconds * 1000)} s (${floor.operation})`,
    ratio(m.result.wallMs / (floor.seconds * 1000)),
    megabytes(m.result.peakRssBytes),
    `${v.applied}/${m.changes} applied, ${v.lost} lost, ${v.duplicated} duplicated${m.result.ok ? '' : `; ${m.result.error ?? 'failed'}`}`,
  ];
}

async function main(): Promise<void> {
  const started = performance.now();
  const sections: string[] = [];
  const targets: string[][] = [];
  const readOptions = { faults: THROTTLED, limit: LIMIT, baselineParallelism: 10, baselineTimeoutMs: quick ? 60_000 : 240_000, timeoutMs: quick ? 60_000 : 240_000, log };

  // Read workloads (a), (b), (d), and (a) again with the SDK's adaptive retry mode for comparison.
  const reads: Array<[string, ReadMeasurement]> = [];
  for (const spec of readSpecs(quick)) reads.push([`(${spec.id}) ${spec.title}`, await measureRead(spec, readOptions)]);
  const full = readSpecs(quick)[0]!;
  // Quick runs skip the comparison with the other retry mode (CI time).
  const adaptiveRead = quick ? undefined : await measureRead(full, { ...readOptions, retryMode: 'adaptive', skipBaseline: true });
  if (adaptiveRead) reads.push([`(a) again, SDK retry mode adaptive`, adaptiveRead]);
  sections.push(`### Plan reads (emulator: 20 ± 5 ms per call, 100 requests/s per operation, burst 50)\n\n${renderTable(READ_HEADERS, reads.map(([label, m]) => readRow(m, label)))}`);

  const a = reads[0]![1];
  const b = reads[1]![1];
  const aBaseline = a.baseline && 'result' in a.baseline ? a.baseline.result.wallMs / a.ours.wallMs : Number.NaN;
  targets.push(['(a) ≤ 1.15× the floor', ratio(a.ours.wallMs / a.floorMs), a.ours.wallMs / a.floorMs <= 1.15 ? 'met' : `missed by ${ratio(a.ours.wallMs / a.floorMs / 1.15)}`]);
  if (adaptiveRead) {
    const r = adaptiveRead.ours.wallMs / adaptiveRead.floorMs;
    targets.push(['(a) with retry mode adaptive (not the default) ≤ 1.15×', ratio(r), r <= 1.15 ? 'met' : 'missed']);
  }
  targets.push(['(a) ≥ 5× faster than the baseline', ratio(aBaseline), aBaseline >= 5 ? 'met' : 'missed (see below)']);
  const bRatio = b.ours.wallMs / b.floorMs;
  const bBaseline = b.baseline && 'result' in b.baseline ? b.baseline.result.wallMs : Number.NaN;
  targets.push(['(b) ≤ 1.3× its floor (median of runs)', ratio(bRatio), bRatio <= 1.3 ? 'met' : `missed by ${ratio(bRatio / 1.3)}`]);
  targets.push(['(b) not slower than the per-resource baseline (medians)', `${ratio(bBaseline / b.ours.wallMs)} the baseline's speed`, b.ours.wallMs <= bBaseline ? 'met' : 'missed']);
  targets.push(['(b) describes only the declared keys', b.checks.length === 0 ? `${(b.successful.DescribePodIdentityAssociation ?? 0) + (b.successful.DescribeAccessEntry ?? 0)} describes` : b.checks.join('; '), b.checks.length === 0 ? 'met' : 'missed']);

  // (c) apply of mixed changes, with the product default (median of APPLY_RUNS) and with adaptive
  // retry for comparison.
  const mix = mixOf(APPLY_CHANGES);
  log(`(c) apply of ${APPLY_CHANGES} changes…`);
  const reference = await measureApply({ mix, faults: LATENCY, freshRoles: false, timeoutMs: 240_000 });
  const applies: Array<[string, ApplyMeasurement[]]> = [];
  for (const mode of (quick ? [undefined] : [undefined, 'adaptive']) as Array<RetryMode | undefined>) {
    const runs: ApplyMeasurement[] = [];
    for (let i = 0; i < (mode ? 1 : APPLY_RUNS); i++) {
      runs.push(await measureApply({ mix, faults: THROTTLED, freshRoles: false, timeoutMs: 240_000, ...(mode ? { retryMode: mode } : {}) }));
    }
    applies.push([`(c) ${APPLY_CHANGES} mixed changes${mode ? `, SDK retry mode ${mode}` : runs.length > 1 ? `, median of ${runs.length}` : ''}`, runs]);
  }
  // The minimum is the engine's own calls when nothing goes wrong (it re-checks an object before deleting it).
  sections.push(
    `### Apply (same emulator settings; minimum calls = the same apply without throttling: ${formatCalls(reference.calls)})\n\n${renderTable(
      ['workload', 'wall', 'tool CPU', 'API calls (by operation)', 'floor', '÷ floor', 'peak RSS', 'result'],
      applies.map(([label, runs]) => applyRow(label, runs, reference.calls)),
    )}`,
  );
  const c = median(applies[0]![1]);
  const cRatio = c.result.wallMs / (floorOf(reference.calls, LIMIT).seconds * 1000);
  targets.push(['(c) ≤ 1.25× the floor', ratio(cRatio), cRatio <= 1.25 ? 'met' : `missed by ${ratio(cRatio / 1.25)}`]);
  const peak = Math.max(...reads.map(([, m]) => m.ours.peakRssBytes), ...applies.flatMap(([, runs]) => runs.map((m) => m.result.peakRssBytes)));
  targets.push(['peak RSS ≤ 300 MB', megabytes(peak), peak <= RSS_LIMIT ? 'met' : 'missed']);

  // Fault table.
  const faultRows: string[][] = [];
  let faultFailures = 0;
  let noneCalls = 0;
  for (const row of FAULT_ROWS) {
    log(`faults: ${row.name}…`);
    const m = await measureApply({ mix: mixOf(FAULT_CHANGES), faults: row.faults, freshRoles: row.freshRoles, timeoutMs: quick ? 60_000 : 300_000 });
    if (row === FAULT_ROWS[0]) noneCalls = sum(m.calls);
    const v = m.verification;
    if (v.lost > 0 || v.duplicated > 0) faultFailures += 1;
    faultRows.push([
      row.name,
      String(m.changes),
      String(v.applied),
      String(v.lost),
      String(v.duplicated),
      String(Math.max(0, sum(m.calls) - noneCalls)),
      `${seconds(m.result.wallMs)} s`,
      m.result.ok ? `ok (${m.result.details.adopted ?? 0} adopted)` : `${m.result.details.failed ?? '?'} failed: ${m.result.error ?? ''}`,
    ]);
  }
  sections.push(
    `### Faults (apply of ${FAULT_CHANGES} mixed changes; retries = calls − calls of the fault-free row)\n\n${renderTable(
      ['fault mix', 'changes', 'applied', 'lost', 'duplicated', 'retries', 'wall', 'apply report'],
      faultRows,
    )}`,
  );
  targets.push(['every fault row: 0 lost, 0 duplicated', `${faultFailures} row(s) with losses or duplicates`, faultFailures === 0 ? 'met' : 'missed']);

  // Throttling: random throttles, a shared bucket, and an apply under throttling.
  log('throttling…');
  const throttling = await measureThrottling({ latency: LATENCY, throttled: THROTTLED, limit: LIMIT, quick, log });
  sections.push(throttling.section);
  targets.push(...throttling.targets);
  faultFailures += throttling.failures;

  // Cold start of the action bundle.
  const cold = await measureColdStart(`${root}dist/index.js`, quick ? 3 : 7);
  sections.push(
    cold
      ? `### Cold start (median of ${cold.runs}, to first output or exit)\n\n${renderTable(
          ['command', 'time', 'size'],
          [
            [
              'node dist/index.js (no inputs)',
              `${cold.bundleMs.toFixed(0)} ms`,
              `${(cold.bundleBytes / (1024 * 1024)).toFixed(2)} MB at start, ${(cold.totalBytes / (1024 * 1024)).toFixed(2)} MB with the chunks loaded on demand`,
            ],
            ['node -e 0', `${cold.nodeMs.toFixed(0)} ms`, '–'],
            ['difference', `${(cold.bundleMs - cold.nodeMs).toFixed(0)} ms`, ''],
          ],
        )}`
      : '### Cold start\n\ndist/index.js is missing: run `npm run bundle`.',
  );

  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.platform()} ${os.release()}, Node ${process.version}`;
  // Other processes on the machine slow the short workloads most: the load average says how busy it was.
  const load = os.loadavg().map((n) => n.toFixed(1)).join(', ');
  const header = `Generated ${new Date().toISOString().slice(0, 10)} on ${machine}; the run took ${seconds(performance.now() - started)} s; load average at the end ${load} (1, 5, 15 min) on ${cpus.length} cores.`;
  // At quick sizes most operations fit in their burst, so the floors are a round trip and the
  // ratios say little; the targets are for the full sizes.
  const targetsTitle = quick ? '### Targets (quick sizes: indicative only, the targets are for `npm run bench`)' : '### Targets';
  const output = [header, `${targetsTitle}\n\n${renderTable(['target', 'measured', ''], targets)}`, ...sections].join('\n\n');
  console.log(output);
  if (!quick) {
    const file = `${root}BENCHMARKS.md`;
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = '# Benchmarks\n';
    }
    writeFileSync(file, replaceBetweenMarkers(current, output));
    log(`BENCHMARKS.md updated`);
  }
  if (faultFailures > 0) {
    log(`${faultFailures} fault row(s) lost or duplicated objects`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
