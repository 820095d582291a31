/**
 * The throttling table: a 600-read plan (150 associations and 150 access entries, prune on) under
 * random throttling that slowing down does not stop, and under a small per-operation bucket with
 * and without another caller taking part of it; and an apply of 300 changes under random
 * throttling. Reads are compared with the unthrottled read, bucket rows with the floor of the
 * capacity left to the tool, the apply with the unthrottled apply.
 */
import type { FaultOptions } from '../src/emulator/index.js';
import { mixOf } from './apply-plan.js';
import { measureApply } from './apply-workloads.js';
import { floorOf, sum, type RateLimit } from './floor.js';
import { measureRead, type ReadSpec } from './read-workloads.js';
import { ratio, renderTable, seconds } from './report.js';

export interface ThrottleSettings {
  latency: { latencyMs: number; jitterMs: number };
  /** The usual emulator: a bucket of `limit.rps` per operation. */
  throttled: FaultOptions;
  limit: RateLimit;
  quick: boolean;
  log: (line: string) => void;
}

const SPEC: ReadSpec = { id: 't', title: '600-read plan', shapes: [{ name: 'shared', associations: 150, accessEntries: 150 }], declared: { associations: 150, accessEntries: 150 }, prune: true };
const SMALL_BUCKET = 20;
const BACKGROUND = 10;

interface Row {
  cells: string[];
  /** Target met (undefined: no target for this row). */
  met?: boolean;
}

export async function measureThrottling(s: ThrottleSettings): Promise<{ section: string; targets: string[][]; failures: number }> {
  const readOptions = { limit: s.limit, baselineParallelism: 10, baselineTimeoutMs: 0, timeoutMs: 180_000, log: s.log, skipBaseline: true };
  const rows: Row[] = [];
  const targets: string[][] = [];
  // Quick runs (CI) keep one row of each kind, to stay within a couple of minutes.
  const rates = s.quick ? [0, 0.3] : [0, 0.1, 0.3, 0.5];
  let unthrottledMs = Number.NaN;
  for (const rate of rates) {
    const m = await measureRead(SPEC, { ...readOptions, faults: { ...s.throttled, ...(rate > 0 ? { throttleRate: rate } : {}) } });
    if (rate === 0) unthrottledMs = m.ours.wallMs;
    const r = m.ours.wallMs / unthrottledMs;
    const limit = rate === 0.3 ? 3 : rate === 0.5 ? 6 : undefined;
    const met = limit === undefined ? undefined : r <= limit && m.checks.length === 0;
    if (limit !== undefined) targets.push([`600-read plan at ${rate * 100} % random throttling ≤ ${limit}× unthrottled`, ratio(r), met ? 'met' : 'missed']);
    if (rate === 0.3) targets.push(['600-read plan at 30 % random throttling within 60 s (default settings)', `${seconds(m.ours.wallMs)} s`, m.ours.wallMs <= 60_000 && m.checks.length === 0 ? 'met' : 'missed']);
    rows.push({
      cells: [`plan, ${rate * 100} % random throttling, ${s.limit.rps} rps buckets`, `${seconds(m.ours.wallMs)} s`, `${sum(m.calls)} (${sum(m.calls) - sum(m.successful)} throttled)`, rate === 0 ? '1.00× (reference)' : `${ratio(r)} unthrottled`, m.checks.length === 0 ? 'plan empty, 0 lost' : m.checks.join('; ')],
      ...(met === undefined ? {} : { met }),
    });
  }
  for (const background of s.quick ? [BACKGROUND] : [0, BACKGROUND]) {
    const faults: FaultOptions = { ...s.latency, throttleRps: SMALL_BUCKET, throttleBurst: SMALL_BUCKET, ...(background > 0 ? { backgroundRps: background } : {}) };
    const m = await measureRead(SPEC, { ...readOptions, faults });
    // The floor of what is left: the bucket's rate less the other caller's, the same burst.
    const left: RateLimit = { rps: SMALL_BUCKET - background, burst: SMALL_BUCKET, latencyMs: s.latency.latencyMs };
    const floor = floorOf(m.minimum, left);
    const r = m.ours.wallMs / (floor.seconds * 1000);
    const met = background > 0 ? r <= 1.3 && m.checks.length === 0 : undefined;
    if (met !== undefined) targets.push([`600-read plan, ${SMALL_BUCKET} rps bucket shared with ${background} rps of another caller ≤ 1.3× the floor of what is left`, ratio(r), met ? 'met' : 'missed']);
    rows.push({
      cells: [
        `plan, ${SMALL_BUCKET} rps bucket per operation${background > 0 ? `, another caller takes ${background} rps (--background-rps ${background})` : ''}`,
        `${seconds(m.ours.wallMs)} s`,
        `${sum(m.calls)} (${sum(m.calls) - sum(m.successful)} throttled)`,
        `${ratio(r)} the floor of ${left.rps} rps left (${seconds(floor.seconds * 1000)} s, ${floor.operation})`,
        m.checks.length === 0 ? 'plan empty, 0 lost' : m.checks.join('; '),
      ],
      ...(met === undefined ? {} : { met }),
    });
  }
  const changes = s.quick ? 100 : 300;
  const reference = await measureApply({ mix: mixOf(changes), faults: s.throttled, freshRoles: false, timeoutMs: 240_000 });
  const throttledApply = await measureApply({ mix: mixOf(changes), faults: { ...s.throttled, throttleRate: 0.3 }, freshRoles: false, timeoutMs: 240_000 });
  for (const [label, m] of [[`apply of ${changes} changes, ${s.limit.rps} rps buckets`, reference], [`apply of ${changes} changes, 30 % random throttling`, throttledApply]] as const) {
    const v = m.verification;
    const clean = v.lost === 0 && v.duplicated === 0 && v.applied === m.changes;
    const r = m.result.wallMs / reference.result.wallMs;
    rows.push({
      cells: [label, `${seconds(m.result.wallMs)} s`, `${sum(m.calls)} (${Math.max(0, sum(m.calls) - sum(reference.calls))} retried)`, m === reference ? '1.00× (reference)' : `${ratio(r)} unthrottled`, `${v.applied}/${m.changes} applied, ${v.lost} lost, ${v.duplicated} duplicated`],
      met: clean,
    });
  }
  // Timing targets are reported; losses fail the run, as in the fault table.
  const failures = rows.filter((row) => /[1-9]\d* (lost|duplicated)|failed|expected|no calls/.test(row.cells[4]!)).length;
  targets.push(['throttling rows: 0 lost, 0 duplicated', `${failures} row(s) with losses or duplicates`, failures === 0 ? 'met' : 'missed']);
  const section = `### Throttling (600 reads: 150 associations + 150 access entries, prune on; latency 20 ± 5 ms)\n\n${renderTable(['workload', 'wall', 'calls', 'ratio', 'result'], rows.map((r) => r.cells))}`;
  return { section, targets, failures };
}
