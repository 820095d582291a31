/**
 * `npx tsx bench/measure-one.ts b [e …] [--quick]`: one or more read workloads of BENCHMARKS.md
 * on their own, printed as rows (nothing is written). For re-measuring a short workload on a quiet
 * machine without the whole five-minute run.
 */
import { floorOf } from './floor.js';
import { measureRead, readSpecs } from './read-workloads.js';
import { formatCalls, ratio, seconds } from './report.js';

const LIMIT = { rps: 100, burst: 50, latencyMs: 15 };
const FAULTS = { latencyMs: 15, jitterMs: 10, throttleRps: 100, throttleBurst: 50 };
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const ids = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  for (const spec of readSpecs(quick).filter((s) => ids.length === 0 || ids.includes(s.id))) {
    const m = await measureRead(spec, { faults: FAULTS, limit: LIMIT, baselineParallelism: 10, baselineTimeoutMs: 240_000, timeoutMs: 240_000, log: (line) => process.stderr.write(`${line}\n`) });
    const floor = floorOf(m.minimum, LIMIT);
    const baseline = m.baseline && 'result' in m.baseline ? `${seconds(m.baseline.result.wallMs)} s${m.baseline.runsMs ? ` (runs ${m.baseline.runsMs.map(seconds).join(', ')})` : ''}` : '–';
    console.log(`(${spec.id}) ${spec.title}`);
    console.log(`  wall ${seconds(m.ours.wallMs)} s${m.runsMs ? ` (runs ${m.runsMs.map(seconds).join(', ')})` : ''}, CPU ${seconds(m.ours.cpuMs)} s, floor ${seconds(floor.seconds * 1000)} s (${floor.operation}), ÷ floor ${ratio(m.ours.wallMs / m.floorMs)}, baseline ${baseline}`);
    console.log(`  calls: ${formatCalls(m.calls)}`);
    console.log(`  minimum: ${formatCalls(m.minimum)}`);
    console.log(`  checks: ${m.checks.length === 0 ? 'ok' : m.checks.join('; ')}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
