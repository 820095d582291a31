/**
 * `npx tsx bench/profile-summary.ts FILE.cpuprofile [--top N]`: where a benchmark child's CPU went,
 * as text. Profiles come from `BENCH_CHILD_PROF=DIR npx tsx bench/measure-one.ts b` (one per
 * child; the `.0.` file is the main thread). Only samples from the job's start on are counted
 * (the first sample under `runJob`), so module loading is left out as it is from the wall time.
 * Prints self time by package (node_modules package, src/ directory, or Node's own modules) and by
 * function, and the idle time in the same window.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  byPackage: Array<[string, number]>;
  byFunction: Array<[string, number]>;
}

/** The package a script belongs to: `@smithy/core`, `src/aws`, `node`, or the V8 pseudo-frame's name. */
export function packageOf(url: string, functionName: string): string {
  if (url === '') return functionName;
  if (url.startsWith('node:')) return 'node';
  const modules = url.split('/node_modules/');
  if (modules.length > 1) {
    const parts = modules[modules.length - 1]!.split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const src = url.split('/src/');
  return src.length > 1 ? `src/${src[src.length - 1]!.split('/')[0]}` : url.replace(/^file:\/\//, '');
}

export function summarizeProfile(profile: CpuProfile, startFunction = 'runJob'): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const under = (id: number): boolean => {
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) if (byId.get(x)?.callFrame.functionName === startFunction) return true;
    return false;
  };
  const first = Math.max(0, profile.samples.findIndex(under));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busyMs = 0;
  let idleMs = 0;
  // A sample's duration is the delta to the next one.
  for (let i = first; i < profile.samples.length - 1; i++) {
    const ms = profile.timeDeltas[i + 1]! / 1000;
    const frame = byId.get(profile.samples[i]!)!.callFrame;
    if (frame.functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    busyMs += ms;
    const pkg = packageOf(frame.url, frame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const where = frame.url === '' ? '' : ` ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
    const fn = `${frame.functionName || '(anonymous)'}${where}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { busyMs, idleMs, byPackage: sorted(byPackage), byFunction: sorted(byFunction) };
}

function main(): void {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
  const files = args.filter((a, i) => !a.startsWith('--') && i !== topAt + 1);
  const line = ([name, ms]: [string, number]) => `${ms.toFixed(1).padStart(9)} ms  ${name}`;
  for (const file of files) {
    const s = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
    console.log(`${file}: busy ${s.busyMs.toFixed(0)} ms, idle ${s.idleMs.toFixed(0)} ms from the job's start`);
    console.log('  by package (self time):');
    for (const row of s.byPackage.slice(0, top)) console.log(`  ${line(row)}`);
    console.log('  by function (self time):');
    for (const row of s.byFunction.slice(0, top)) console.log(`  ${line(row)}`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
