import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorHandle, type EmulatorState } from '../../src/emulator/index.js';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.js';
import { runDist, type DistRun } from './dist-harness.js';
import { envFor, pullRequestPayload, PUSH_SHA, pushPayload } from './payloads.js';

/**
 * Add-on associations through the bundled action: the plan comment of a pull request shows the
 * add-on association, the merge applies it through the add-on, and an add-on version without Pod
 * Identity is an error in the comment with nothing applied.
 */

const ACCOUNT = '111122223333';
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const TOKEN = 'ghs_distAddonsToken';
const REPO_PATH = '/repos/Codertocat/Hello-World';

const state: EmulatorState = {
  version: 1,
  region: 'us-east-1',
  defaultAccessKeyId: 'AKIAACTIONADDONS0001',
  identities: { AKIAACTIONADDONS0001: role('eks-identity-apply') },
  iam: { roles: ['eks-identity-apply', 'EbsCsi', 'Cni'].map((name) => ({ arn: role(name) })) },
  clusters: [
    {
      name: 'prod',
      accountId: ACCOUNT,
      addons: [{ name: 'eks-pod-identity-agent' }, { name: 'aws-ebs-csi-driver' }, { name: 'vpc-cni', version: 'v1.15.1-eksbuild.1' }],
      accessEntries: [{ principalArn: role('eks-identity-apply'), accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] }],
    },
  ],
};

const manifest = (addons: string) => `version: 1
clusters:
  - name: prod
    region: us-east-1
    accountId: "${ACCOUNT}"
addons:
${addons}`;
const EBS = '  - name: aws-ebs-csi-driver\n    podIdentityAssociations:\n      - serviceAccount: ebs-csi-controller-sa\n        roleName: EbsCsi\n';
const CNI = '  - name: vpc-cni\n    podIdentityAssociations:\n      - serviceAccount: aws-node\n        roleName: Cni\n';

let emulator: EmulatorHandle;
let github: FakeGitHub;
let workspace: string;

beforeAll(async () => {
  emulator = await startEmulator({ state, seed: 5 });
  github = await startFakeGitHub();
  workspace = await mkdtemp(join(tmpdir(), 'eks-identity-addons-'));
});
afterAll(async () => {
  await github.close();
  await emulator.close();
});

async function run(event: string, payload: unknown, manifestFile = 'eks-identity.yaml'): Promise<DistRun> {
  const result = await runDist({
    event,
    payload,
    inputs: { 'github-token': TOKEN, manifest: manifestFile },
    env: { ...envFor(event), ...emulator.env, GITHUB_API_URL: github.url },
    workspace,
  });
  if (result.stderr.trim() !== '') console.log(result.stderr);
  return result;
}

const owned = () => emulator.inspect().clusters[0]!.podIdentityAssociations.filter((a) => a.ownerArn).map((a) => `${a.namespace}/${a.serviceAccount} ${a.roleArn}`);

describe('dist/index.js with addons:', () => {
  it('GIVEN a pull request declaring an add-on association THEN the plan comment shows it as an add-on association, and nothing is applied', async () => {
    await writeFile(join(workspace, 'eks-identity.yaml'), manifest(EBS));
    const result = await run('pull_request', pullRequestPayload('opened'));
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ creates: '1', errors: '0' });
    const body = github.comments[0]!.body;
    expect(body).toContain('add-on association');
    expect(body).toContain('`addon/aws-ebs-csi-driver/ebs-csi-controller-sa`');
    expect(body).toContain(role('EbsCsi'));
    expect(result.summary).toContain('add-on association');
    expect(owned()).toEqual([]);
  });

  it('GIVEN the pull request is merged THEN the association is applied through the add-on, and the report says so', async () => {
    github.addPullRequest({ number: 2, mergeCommitSha: PUSH_SHA, merged: true });
    const result = await run('push', pushPayload());
    expect(result.code).toBe(0);
    expect(github.comments.filter((c) => c.issueNumber === 2).at(-1)!.body).toContain('1 change applied');
    expect(owned()).toEqual([`kube-system/ebs-csi-controller-sa ${role('EbsCsi')}`]);
    expect(emulator.calls().UpdateAddon).toBe(1);
  });

  it('GIVEN an add-on whose version has no Pod Identity THEN the comment carries the error with the version and the step fails', async () => {
    await writeFile(join(workspace, 'cni.yaml'), manifest(EBS + CNI));
    const payload = pullRequestPayload('opened');
    payload.number = 5;
    (payload.pull_request as { number: number }).number = 5;
    const result = await run('pull_request', payload, 'cni.yaml');
    expect(result.code).toBe(1);
    const body = github.comments.find((c) => c.issueNumber === 5)!.body;
    expect(body).toContain('ADDON_VERSION_NO_POD_IDENTITY');
    expect(body).toContain('Pod Identity feature is not supported for addon version: v1.15.1-eksbuild.1');
    expect(github.writes().some((w) => w.includes(REPO_PATH))).toBe(true);
    expect(owned()).toEqual([`kube-system/ebs-csi-controller-sa ${role('EbsCsi')}`]);
  });
});
