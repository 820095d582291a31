import type { GitHubClient } from '../github/client.js';
import { createLineProgress } from '../aws/progress.js';
import type { Operations, PlanRequest } from '../operations/index.js';
import type { TimeLimit } from '../operations/time-limit.js';
import { resolveTokenLogin } from '../github/identity.js';
import type { Mode } from './constants.js';
import type { ActionEvent } from './event.js';
import type { ActionIo } from './io.js';
import type { ActionSettings } from './settings.js';

/** What every mode's flow works with: resolved once by run.ts. */
export interface FlowContext {
  settings: ActionSettings;
  /** The resolved mode (auto already decided). */
  mode: Mode;
  event: ActionEvent;
  io: ActionIo;
  /** The operations (plan, apply, migrate, export); tests pass plain objects. */
  ops: Operations;
  /** Workspace root: manifest paths and annotation paths are relative to it. */
  workspace: string;
  /** RUNNER_TEMP: where plan-json is written. */
  tempDir: string;
  github: () => GitHubClient;
  /** The login whose comments and issues are ours (memoised). */
  login: () => Promise<string>;
  writeFile: (path: string, text: string) => Promise<void>;
  /** The run's time limit and the watch over its AWS calls (the timeout input). */
  timeLimit: TimeLimit;
}

/** The inputs as an operations request. */
export function planRequest(ctx: FlowContext): PlanRequest & { cwd: string; clusters: string[]; allowLockout: boolean } {
  const s = ctx.settings;
  return {
    manifest: s.manifest,
    cwd: ctx.workspace,
    clusters: s.clusters,
    ...(s.prune === undefined ? {} : { prune: s.prune }),
    ...(s.maxDeletes === undefined ? {} : { maxDeletes: s.maxDeletes }),
    allowLockout: s.allowLockout,
    // Progress lines in the job log at least every 10 s, saying whether calls are throttled or waiting.
    progress: createLineProgress({ write: (text) => ctx.io.info(text.trimEnd()) }, { status: ctx.timeLimit.status }),
    aws: { deadline: ctx.timeLimit.deadline, watch: ctx.timeLimit.watch },
  };
}

/** Creates the client on first use only: modes that never talk to GitHub need no token. */
export function lazyGitHub(create: () => GitHubClient): { github: () => GitHubClient; login: () => Promise<string> } {
  let client: GitHubClient | undefined;
  let login: Promise<string> | undefined;
  const github = () => (client ??= create());
  return { github, login: () => (login ??= resolveTokenLogin(github())) };
}

/**
 * Marker keys: one sticky comment / issue per manifest, kind and cluster selection, so the jobs of
 * a matrix that each take some clusters (the clusters input) keep one comment each instead of
 * overwriting one another's. Without a selection the key is the manifest's alone.
 */
export const markerKeys = {
  plan: (manifest: string, clusters: readonly string[] = []) => `plan:${manifest}${selection(clusters)}`,
  apply: (manifest: string, clusters: readonly string[] = []) => `apply:${manifest}${selection(clusters)}`,
  drift: (manifest: string, clusters: readonly string[] = []) => `drift:${manifest}${selection(clusters)}`,
};

function selection(clusters: readonly string[]): string {
  return clusters.length === 0 ? '' : `@${[...clusters].sort().join(',')}`;
}
