/**
 * `npx tsx bench/throttle-only.ts [--quick]`: the throttling table alone, printed (not written to
 * BENCHMARKS.md), for re-measuring it on a quiet machine without the other workloads.
 */
import { measureThrottling } from './throttle-workloads.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const quick = process.argv.includes('--quick');
const latency = { latencyMs: 15, jitterMs: 10 };
measureThrottling({ latency, throttled: { ...latency, throttleRps: 100, throttleBurst: 50 }, limit: { rps: 100, burst: 50, latencyMs: 15 }, quick, log: (line) => process.stderr.write(`${line}\n`) })
  .then(({ section, targets, failures }) => {
    console.log(section);
    console.log(targets.map((t) => `- ${t.join(' · ')}`).join('\n'));
    if (failures > 0) process.exitCode = 1;
  })
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
