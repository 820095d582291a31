/**
 * Runs one job in a child process (tsx loader) and waits for its answer. With BENCH_CHILD_PROF=DIR
 * each child writes a V8 CPU profile to DIR
 * (open it in Chrome DevTools, or sum it with `npx tsx bench/profile-summary.ts FILE`).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildJob, ChildResult } from './jobs.js';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

export function runInChild(job: ChildJob, timeoutMs: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], {
      execArgv: ['--import', 'tsx', ...(process.env.BENCH_CHILD_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CHILD_PROF}`] : [])],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer: ChildResult | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`benchmark job ${job.kind} did not finish within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    child.once('message', (message) => {
      answer = message as ChildResult;
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (answer) resolve(answer);
      else reject(new Error(`benchmark job ${job.kind} exited with code ${code} and no answer`));
    });
    child.send(job);
  });
}
