import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorHandle, type EmulatorState } from '../../src/emulator/index.js';
import { OWNER_TAG } from '../../src/model/ownership.js';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.js';
import { runDist, type DistRun } from './dist-harness.js';
import { envFor, pullRequestPayload, PUSH_SHA, pushPayload } from './payloads.js';

/**
 * Workload roles through the bundled action: the pull request's plan comment and job summary show
 * the IAM role changes before the associations, and the merge applies them.
 */

const ACCOUNT = '111122223333';
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const TOKEN = 'ghs_distRolesToken';
const REPO_PATH = '/repos/Codertocat/Hello-World';

const state: EmulatorState = {
  version: 1,
  region: 'us-east-1',
  defaultAccessKeyId: 'AKIAACTIONCI00000002',
  identities: { AKIAACTIONCI00000002: role('eks-identity-apply') },
  iam: { roles: [{ arn: role('eks-identity-apply') }] },
  clusters: [
    {
      name: 'prod',
      accountId: ACCOUNT,
      addons: [{ name: 'eks-pod-identity-agent' }],
      accessEntries: [{ principalArn: role('eks-identity-apply'), accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] }],
    },
  ],
};

const MANIFEST = `version: 1
owner: platform
clusters:
  - { name: prod, region: us-east-1, accountId: "${ACCOUNT}" }
podIdentityAssociations:
  - namespace: orders
    serviceAccount: orders-api
    role:
      name: orders-api-\${cluster}
      description: "<b>orders</b> | api"
      inlinePolicies:
        read: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "s3:GetObject", Resource: "arn:\${partition}:s3:::orders/*" }] }
`;

let emulator: EmulatorHandle;
let github: FakeGitHub;
let workspace: string;

beforeAll(async () => {
  emulator = await startEmulator({ state, seed: 5 });
  github = await startFakeGitHub();
  workspace = await mkdtemp(join(tmpdir(), 'eks-identity-e2e-roles-'));
  await writeFile(join(workspace, 'eks-identity.yaml'), MANIFEST);
});
afterAll(async () => {
  await github.close();
  await emulator.close();
});

async function run(event: string, payload: unknown): Promise<DistRun> {
  const result = await runDist({ event, payload, inputs: { 'github-token': TOKEN, manifest: 'eks-identity.yaml' }, env: { ...envFor(event), ...emulator.env, GITHUB_API_URL: github.url }, workspace });
  if (result.stderr.trim() !== '') console.log(result.stderr);
  return result;
}

describe('dist/index.js with role: blocks', () => {
  it('GIVEN a pull request THEN the plan comment and the job summary show the IAM role create before its association, escaped', async () => {
    const result = await run('pull_request', pullRequestPayload('opened'));
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ creates: '2', errors: '0' });
    const body = github.comments[0]!.body;
    const roleRow = body.indexOf('| IAM role |');
    const associationRow = body.indexOf('| association |');
    expect(roleRow).toBeGreaterThan(0);
    expect(associationRow).toBeGreaterThan(roleRow);
    expect(body).toContain('role/orders-api-prod');
    expect(body).toContain('pods.eks.amazonaws.com');
    // Manifest text reaches the comment in a code span (shown literally, never read as HTML), its pipe escaped so the table holds.
    expect(body).toContain('`description`: `<b>orders</b> \\| api`');
    expect(result.summary).toContain('IAM role');
  });

  it('GIVEN the pull request is merged THEN the role and the association are applied', async () => {
    github.addPullRequest({ number: 2, mergeCommitSha: PUSH_SHA, merged: true });
    const result = await run('push', pushPayload());
    expect(result.code).toBe(0);
    expect(github.comments.filter((c) => c.issueNumber === 2).at(-1)!.body).toContain('2 changes applied');
    const created = emulator.snapshot().iam?.roles?.find((r) => r.arn === role('orders-api-prod'));
    expect(created?.tags).toEqual({ [OWNER_TAG]: 'platform' });
    expect(emulator.inspect().clusters[0]!.podIdentityAssociations.map((a) => a.roleArn)).toEqual([role('orders-api-prod')]);
    expect(github.writes().filter((w) => w.startsWith('POST'))).toContain(`POST ${REPO_PATH}/issues/2/comments`);
  });
});
