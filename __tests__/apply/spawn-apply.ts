import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEPLOY_KEY, type World } from './emulator-world.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

export interface ApplyRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** `[n/total]` progress lines written: changes that finished. */
  progressLines: number;
  stderr: string;
}

/**
 * Runs `eks-identity apply` as a real child process against the world's emulator (reached through
 * AWS_ENDPOINT_URL_*, the parent's environment not inherited). `shouldKill`, asked on every line of
 * progress and every millisecond, SIGKILLs the process the first time it says yes: the crash tests.
 */
export function spawnApply(world: World, manifest: string, extraArgs: readonly string[] = [], shouldKill?: (progressLines: number) => boolean): Promise<ApplyRun> {
  const e = world.emulator.endpoint;
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src/cli/main.ts'), 'apply', '--manifest', manifest, ...extraArgs], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH ?? '',
      AWS_ENDPOINT_URL_EKS: e,
      AWS_ENDPOINT_URL_IAM: e,
      AWS_ENDPOINT_URL_STS: e,
      AWS_ACCESS_KEY_ID: DEPLOY_KEY,
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let progressLines = 0;
  const check = () => {
    if (shouldKill?.(progressLines) && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
    progressLines = (stderr.match(/^\[\d+\/\d+\] /gm) ?? []).length;
    check();
  });
  // The emulator runs in the test's process: a kill may also depend on the calls it has seen.
  const watch = shouldKill ? setInterval(check, 1) : undefined;
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearInterval(watch);
      done({ code, signal, progressLines, stderr });
    });
  });
}
