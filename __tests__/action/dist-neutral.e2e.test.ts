import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.js';
import { runDist } from './dist-harness.js';
import { envFor, forkPullRequestPayload, pullRequestPayload } from './payloads.js';

const TOKEN = 'ghs_e2eTokenThatMustNeverBeLogged';
let github: FakeGitHub;
let workspace: string;

beforeAll(async () => {
  github = await startFakeGitHub();
  workspace = await mkdtemp(join(tmpdir(), 'eks-identity-ws-'));
});
afterAll(() => github.close());

describe('dist/index.js: neutral exits', () => {
  it('GIVEN a fork pull request with credentials present THEN a notice, exit 0, and no GitHub or AWS call', async () => {
    const run = await runDist({
      event: 'pull_request',
      payload: forkPullRequestPayload(),
      inputs: { 'github-token': TOKEN, manifest: 'eks-identity.yaml' },
      env: { ...envFor('pull_request'), GITHUB_API_URL: github.url, AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'x' },
      workspace,
    });
    expect(run.code).toBe(0);
    expect(run.commands.some((c) => c.startsWith('::notice::') && c.includes('comes from a fork'))).toBe(true);
    expect(run.commands.some((c) => c.startsWith('::error'))).toBe(false);
    expect(github.requests).toEqual([]);
  });

  it('GIVEN a pull request and no AWS credentials THEN a notice naming configure-aws-credentials, exit 0, and the token masked', async () => {
    const run = await runDist({
      event: 'pull_request',
      payload: pullRequestPayload('opened'),
      inputs: { 'github-token': TOKEN },
      // No instance metadata either: the endpoint refuses connections, as on a runner without it.
      env: { ...envFor('pull_request'), GITHUB_API_URL: github.url, AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:9' },
      workspace,
    });
    expect(run.code).toBe(0);
    expect(run.commands).toContain(`::add-mask::${TOKEN}`);
    expect(run.commands.some((c) => c.startsWith('::notice::') && c.includes('aws-actions/configure-aws-credentials'))).toBe(true);
    expect(run.stdout.split(TOKEN).length - 1).toBe(1);
    expect(run.stderr).toBe('');
  });

  it('GIVEN an invalid input THEN exit 1 with an error naming the input', async () => {
    const run = await runDist({
      event: 'pull_request',
      payload: pullRequestPayload('opened'),
      inputs: { 'github-token': TOKEN, 'on-plan-change': 'ignore' },
      env: envFor('pull_request'),
      workspace,
    });
    expect(run.code).toBe(1);
    expect(run.commands.some((c) => c.startsWith('::error::') && c.includes('input "on-plan-change"'))).toBe(true);
  });
});
