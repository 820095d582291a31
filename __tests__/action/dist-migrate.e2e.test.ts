import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.js';
import { irsaTrust, roleArn, state } from '../migrate/world.js';
import { runDist, type DistRun } from './dist-harness.js';
import { envFor, workflowDispatchPayload } from './payloads.js';

/**
 * The two migration modes through the bundled action: `node dist/index.js` on a workflow_dispatch
 * event, the real SDK against the emulator, octokit against the fake GitHub API. Each proposes a
 * manifest in a new pull request and changes nothing in AWS.
 */

const TOKEN = 'ghs_migrateEndToEndToken';
const CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
data:
  mapRoles: |
    - rolearn: arn:aws:iam::111122223333:role/NodeInstanceRole
      username: system:node:{{EC2PrivateDNSName}}
      groups:
        - system:bootstrappers
        - system:nodes
    - rolearn: arn:aws:iam::111122223333:role/PlatformAdmins
      username: admin
      groups:
        - system:masters
  mapAccounts: |
    - "444455556666"
`;

let emulator: EmulatorHandle;
let github: FakeGitHub;
let workspace: string;

beforeAll(async () => {
  emulator = await startEmulator({
    seed: 9,
    state: state([
      { arn: roleArn('team/payments/payments-app'), assumeRolePolicyDocument: irsaTrust(['payments:api', 'payments:worker']) },
      { arn: roleArn('NodeInstanceRole') },
      { arn: roleArn('PlatformAdmins') },
    ]),
  });
  github = await startFakeGitHub();
  workspace = await mkdtemp(join(tmpdir(), 'eks-identity-migrate-'));
  await writeFile(join(workspace, 'eks-identity.yaml'), 'version: 1\nclusters:\n  - name: prod\n    region: us-east-1\n');
  await writeFile(join(workspace, 'aws-auth.yaml'), CONFIGMAP);
});
afterAll(async () => {
  await github.close();
  await emulator.close();
});

async function dispatch(mode: string, inputs: Record<string, string> = {}): Promise<DistRun> {
  const run = await runDist({
    event: 'workflow_dispatch',
    payload: workflowDispatchPayload({ mode }),
    inputs: { 'github-token': TOKEN, manifest: 'eks-identity.yaml', ...inputs },
    env: { ...envFor('workflow_dispatch'), ...emulator.env, GITHUB_API_URL: github.url },
    workspace,
  });
  if (run.stderr.trim() !== '') console.log(run.stderr);
  return run;
}

const writes = () => Object.entries(emulator.calls()).filter(([op]) => !/^(Get|List|Describe)/.test(op));

describe('dist/index.js migration modes', () => {
  it('GIVEN IRSA roles for the cluster issuer WHEN mode migrate-irsa THEN a pull request proposes the associations, its body shows the trust changes, and AWS is not written', async () => {
    emulator.resetCalls();
    const run = await dispatch('migrate-irsa');
    expect(run.code).toBe(0);
    const branch = github.branches.get('eks-identity/migrate-irsa-4242')!;
    const manifest = branch.files['migrate-irsa-prod.yaml']!;
    expect(manifest).toContain('serviceAccount: api');
    expect(manifest).toContain('serviceAccount: worker');
    expect(manifest).toContain('payments-app');
    const pr = github.issues.at(-1)!;
    expect(pr.title).toContain('migrate-irsa');
    expect(pr.body).toContain('pods.eks.amazonaws.com');
    expect(run.outputs['pull-request-url']).toMatch(/\/pull\/\d+$/);
    expect(writes()).toEqual([]);
  });

  it('GIVEN an aws-auth ConfigMap file WHEN mode migrate-aws-auth THEN a pull request proposes access entries, names what cannot be converted, and AWS is not written', async () => {
    emulator.resetCalls();
    const run = await dispatch('migrate-aws-auth', { configmap: 'aws-auth.yaml' });
    expect(run.code).toBe(0);
    const manifest = github.branches.get('eks-identity/migrate-aws-auth-4242')!.files['migrate-aws-auth-prod.yaml']!;
    expect(manifest).toContain(roleArn('PlatformAdmins'));
    expect(manifest).toContain('AmazonEKSClusterAdminPolicy');
    expect(manifest).toContain(roleArn('NodeInstanceRole'));
    const pr = github.issues.at(-1)!;
    expect(pr.title).toContain('migrate-aws-auth');
    expect(pr.body).toContain('444455556666');
    expect(writes()).toEqual([]);
  });

  it('GIVEN mode migrate-aws-auth without the configmap input THEN the step fails naming the input', async () => {
    const run = await dispatch('migrate-aws-auth');
    expect(run.code).toBe(1);
    expect(run.commands.some((c) => c.startsWith('::error::') && c.includes('input "configmap"'))).toBe(true);
    expect(run.commands.some((c) => c.includes('Cannot read'))).toBe(false);
  });
});
