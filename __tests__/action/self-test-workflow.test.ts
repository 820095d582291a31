import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.js';
import { ROOT, runDist } from './dist-harness.js';
import { envFor, PUSH_SHA, pullRequestPayload, pushPayload } from './payloads.js';

/**
 * Runs the steps of .github/workflows/self-test.yml as the runner would: `run:` steps in bash with
 * GITHUB_ENV carried from step to step (so the emulator the workflow starts is the one the action
 * talks to), and `uses: ./` steps as `node dist/index.js` with the step's own inputs, against a
 * loopback GitHub API. Steps that only prepare a runner (checkout, setup-node, npm ci) are skipped:
 * this checkout is already installed. Any expression the interpreter does not know fails the test.
 */

interface WorkflowStep {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
const workflow = parse(await readFile(join(ROOT, '.github', 'workflows', 'self-test.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: WorkflowStep[] }>;
};
const steps = workflow.jobs['self-test']!.steps;

interface RunState {
  event: string;
  env: Record<string, string>;
  outputs: Record<string, Record<string, string>>;
  log: string[];
}

function evaluate(expression: string, state: RunState): string {
  const e = expression.trim();
  if (e === 'github.event_name') return state.event;
  const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e);
  if (output) return state.outputs[output[1]!]?.[output[2]!] ?? '';
  const equals = /^github\.event_name == '([\w-]+)'$/.exec(e);
  if (equals) return String(state.event === equals[1]);
  throw new Error(`the self-test interpreter does not know the expression "${e}"`);
}

const substitute = (text: string, state: RunState) => text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => evaluate(e, state));

/** GITHUB_ENV lines (`NAME=value`). */
const readEnvFile = async (path: string) =>
  Object.fromEntries((await readFile(path, 'utf8')).split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

const background: number[] = [];

async function runShell(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  // A process group of its own, so what the step leaves running (the emulator) can be stopped.
  const child = spawn('bash', ['-eo', 'pipefail', '-c', script], { cwd: ROOT, env, detached: true });
  background.push(child.pid!);
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, output };
}

async function runWorkflow(event: 'pull_request' | 'push', payload: unknown): Promise<RunState> {
  const temp = await mkdtemp(join(tmpdir(), 'eks-identity-self-test-'));
  const envFile = join(temp, 'github-env');
  await writeFile(envFile, '');
  const state: RunState = { event, env: {}, outputs: {}, log: [] };
  for (const step of steps) {
    const label = step.name ?? step.id ?? step.uses ?? '';
    if (step.if !== undefined && evaluate(step.if, state) !== 'true') continue;
    if (step.uses && step.uses !== './') continue;
    if (step.run?.startsWith('npm ci')) continue;
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v), state)]));
    if (step.run) {
      const outputFile = join(temp, 'output');
      await writeFile(outputFile, '');
      const { code, output } = await runShell(step.run, {
        PATH: process.env.PATH ?? '',
        HOME: temp,
        RUNNER_TEMP: temp,
        GITHUB_ENV: envFile,
        GITHUB_OUTPUT: outputFile,
        ...state.env,
        ...stepEnv,
      });
      state.log.push(`${label}: exit ${code}\n${output}`);
      if (code !== 0) throw new Error(`step "${label}" failed:\n${state.log.join('\n')}`);
      state.env = { ...state.env, ...(await readEnvFile(envFile)) };
      continue;
    }
    const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v), state)]));
    const result = await runDist({
      event,
      payload,
      inputs: { 'github-token': TOKEN, ...inputs },
      env: { ...envFor(event), ...state.env, GITHUB_API_URL: github.url },
      workspace: ROOT,
    });
    state.log.push(`${label}: exit ${result.code}\n${result.stdout}${result.stderr}`);
    if (result.code !== 0) throw new Error(`step "${label}" failed:\n${state.log.join('\n')}`);
    if (step.id) state.outputs[step.id] = result.outputs;
  }
  return state;
}

const TOKEN = 'ghs_selfTestToken';
const REPO_PATH = '/repos/Codertocat/Hello-World';
let github: FakeGitHub;

beforeAll(async () => {
  github = await startFakeGitHub();
});
afterAll(async () => {
  for (const pid of background) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // The group has already exited.
    }
  }
  await github.close();
});

describe('.github/workflows/self-test.yml', () => {
  it('GIVEN the workflow THEN it runs on pull_request and push, starts the emulator and runs this action', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(steps.filter((s) => s.uses === './').length).toBeGreaterThanOrEqual(2);
    expect(steps.some((s) => s.run?.includes('bin/eks-identity.js emulator'))).toBe(true);
  });

  it('GIVEN a pull request WHEN the steps run THEN the plan is commented and labelled, and the output checks pass', async () => {
    const pr = github.addPullRequest({ number: 2 });
    const run = await runWorkflow('pull_request', pullRequestPayload('opened'));
    expect(run.env.AWS_ENDPOINT_URL_EKS).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(run.outputs['eks-identity']).toMatchObject({ 'has-changes': 'true', creates: '1', updates: '1', errors: '0' });
    expect(run.outputs.replan).toBeUndefined();
    expect(github.writes()).toEqual([`POST ${REPO_PATH}/issues/2/comments`, `POST ${REPO_PATH}/labels`, `POST ${REPO_PATH}/issues/2/labels`]);
    expect(github.comments[0]!.body).toContain('monitoring');
    expect(pr.labels).toEqual(['eks-identity:changes']);
    // One log group per cluster.
    expect(run.log.join('\n')).toMatch(/^::group::Cluster prod \(us-east-1\): 1 to create, 1 to update/m);
  });

  it('GIVEN the pull request is merged WHEN the steps run on push THEN the reviewed plan is applied and a new plan is empty', async () => {
    const pr = github.issues.find((i) => i.number === 2)!;
    Object.assign(pr, { mergeCommitSha: PUSH_SHA, merged: true, state: 'closed' });
    github.requests.length = 0;
    const run = await runWorkflow('push', pushPayload());
    expect(run.outputs['eks-identity']).toMatchObject({ 'has-changes': 'true', errors: '0' });
    // The emulator starts from the same state, so the plan is the reviewed one: no mismatch warning.
    expect(run.log.join('\n')).not.toContain('changed since review');
    expect(run.outputs.replan).toMatchObject({ 'has-changes': 'false', errors: '0' });
    expect(github.writes()).toEqual([`POST ${REPO_PATH}/issues/2/comments`]);
    expect(github.comments.at(-1)!.body).toContain('2 changes applied');
  });
});
