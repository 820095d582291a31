import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorHandle, type EmulatorState } from '../../src/emulator/index.js';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.js';
import { runDist } from './dist-harness.js';
import { envFor, pullRequestPayload } from './payloads.js';

/**
 * A self-hosted runner on EC2: no credential variables at all, only an instance profile served by
 * the instance metadata service (IMDSv2, faked here on loopback). The action must find it through
 * the SDK's default chain and plan, instead of stopping with the no-credentials notice.
 */

const ACCOUNT = '111122223333';
const KEY = 'AKIARUNNERINSTANCE01';
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const TOKEN = 'ghs_instanceRoleToken';

const state: EmulatorState = {
  version: 1,
  region: 'us-east-1',
  identities: { [KEY]: role('runner-instance') },
  iam: { roles: [{ arn: role('runner-instance') }, { arn: role('Karpenter') }] },
  clusters: [{ name: 'prod', accountId: ACCOUNT, addons: [{ name: 'eks-pod-identity-agent' }] }],
};

interface FakeImds {
  url: string;
  paths: string[];
  close(): Promise<void>;
}

async function startFakeImds(): Promise<FakeImds> {
  const paths: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '';
    paths.push(`${req.method} ${path}`);
    if (req.method === 'PUT' && path === '/latest/api/token') return void res.end('imds-session-token');
    if (req.headers['x-aws-ec2-metadata-token'] !== 'imds-session-token') return void res.writeHead(401).end();
    if (/\/iam\/security-credentials(-extended)?\/$/.test(path)) return void res.end('runner-instance');
    if (/\/iam\/security-credentials(-extended)?\/runner-instance$/.test(path)) {
      const expiration = new Date(Date.now() + 3_600_000).toISOString();
      return void res.end(
        JSON.stringify({ Code: 'Success', Type: 'AWS-HMAC', AccessKeyId: KEY, SecretAccessKey: 'instance-secret', Token: 'instance-session', Expiration: expiration, LastUpdated: new Date().toISOString() }),
      );
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, paths, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let emulator: EmulatorHandle;
let github: FakeGitHub;
let imds: FakeImds;
let workspace: string;

beforeAll(async () => {
  emulator = await startEmulator({ state, seed: 5 });
  github = await startFakeGitHub();
  imds = await startFakeImds();
  workspace = await mkdtemp(join(tmpdir(), 'eks-identity-imds-'));
  await writeFile(
    join(workspace, 'eks-identity.yaml'),
    `version: 1\nclusters:\n  - name: prod\n    region: us-east-1\n    accountId: "${ACCOUNT}"\npodIdentityAssociations:\n  - namespace: karpenter\n    serviceAccount: karpenter\n    roleName: Karpenter\n`,
  );
});
afterAll(async () => {
  await imds.close();
  await github.close();
  await emulator.close();
});

describe('dist/index.js on a runner with an instance profile', () => {
  it('GIVEN no credential variables but instance metadata with a role THEN the plan is made with those credentials and commented', async () => {
    const { AWS_ACCESS_KEY_ID: _key, AWS_SECRET_ACCESS_KEY: _secret, AWS_SESSION_TOKEN: _session, ...endpoints } = emulator.env;
    const run = await runDist({
      event: 'pull_request',
      payload: pullRequestPayload('opened'),
      inputs: { 'github-token': TOKEN, manifest: 'eks-identity.yaml' },
      env: { ...envFor('pull_request'), ...endpoints, GITHUB_API_URL: github.url, AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url },
      workspace,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.commands.some((c) => c.includes('configure-aws-credentials'))).toBe(false);
    expect(imds.paths[0]).toBe('PUT /latest/api/token');
    expect(emulator.calls().GetCallerIdentity).toBeGreaterThanOrEqual(1);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]!.body).toContain('karpenter');
    // The instance's secret never reaches the log.
    expect(run.stdout).not.toContain('instance-secret');
  });
});
