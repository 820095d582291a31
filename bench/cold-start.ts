/**
 * Cold start of the action bundle: `node dist/index.js` with no inputs exits quickly (it fails on
 * the missing inputs), so the time to its first output or exit is its start-up cost; `node -e 0`
 * is the runtime's own.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ColdStart {
  /** The entry file, loaded at start. */
  bundleBytes: number;
  /** Every JavaScript file of the bundle: the entry and the chunks it loads on demand (the AWS side). */
  totalBytes: number;
  /** Median over the runs, in ms. */
  bundleMs: number;
  nodeMs: number;
  runs: number;
}

/** Milliseconds from spawn to the first byte on stdout/stderr, or to exit when it prints nothing. */
function timeToFirstOutput(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let done = false;
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const finish = () => {
      if (done) return;
      done = true;
      resolve(performance.now() - started);
    };
    child.stdout.once('data', finish);
    child.stderr.once('data', finish);
    child.once('exit', finish);
    child.once('error', reject);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function measureColdStart(bundle: string, runs: number): Promise<ColdStart | undefined> {
  if (!existsSync(bundle)) return undefined;
  // No GITHUB_* or INPUT_* variables: the action finds no inputs and stops.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  const bundleTimes: number[] = [];
  const nodeTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    nodeTimes.push(await timeToFirstOutput(['-e', '0'], env));
    bundleTimes.push(await timeToFirstOutput([bundle], env));
  }
  const dir = dirname(bundle);
  const totalBytes = readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .reduce((n, name) => n + statSync(join(dir, name)).size, 0);
  return { bundleBytes: statSync(bundle).size, totalBytes, bundleMs: median(bundleTimes), nodeMs: median(nodeTimes), runs };
}
