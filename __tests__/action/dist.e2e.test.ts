import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorHandle, type EmulatorState } from '../../src/emulator/index.js';
import { formatMarker } from '../../src/github/marker.js';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.js';
import { runDist, type DistRun } from './dist-harness.js';
import { envFor, pullRequestPayload, PUSH_SHA, pushPayload, schedulePayload, workflowDispatchPayload } from './payloads.js';

/**
 * The bundled action end to end: `node dist/index.js` with real event payloads, the real AWS SDK
 * against the emulator, and octokit against the fake GitHub API. Tests run in order and share the
 * world, like successive workflow runs on one repository.
 */

const ACCOUNT = '111122223333';
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const TOKEN = 'ghs_distEndToEndToken';
const REPO_PATH = '/repos/Codertocat/Hello-World';

const state: EmulatorState = {
  version: 1,
  region: 'us-east-1',
  defaultAccessKeyId: 'AKIAACTIONCI00000001',
  identities: { AKIAACTIONCI00000001: role('eks-identity-apply') },
  iam: { roles: ['eks-identity-apply', 'KarpenterController', 'ExternalDns', 'SharedWorkload', 'Reporting'].map((name) => ({ arn: role(name) })) },
  clusters: [
    {
      name: 'prod',
      accountId: ACCOUNT,
      addons: [{ name: 'eks-pod-identity-agent' }],
      accessEntries: [{ principalArn: role('eks-identity-apply'), accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] }],
    },
  ],
};

function manifest(associations: string): string {
  return `version: 1
clusters:
  - name: prod
    region: us-east-1
    accountId: "${ACCOUNT}"
podIdentityAssociations:
${associations}`;
}
const karpenter = '  - namespace: karpenter\n    serviceAccount: karpenter\n    roleName: KarpenterController\n';
const externalDns = '  - namespace: kube-system\n    serviceAccount: external-dns\n    roleName: ExternalDns\n';
const reporting = '  - namespace: reports\n    serviceAccount: exporter\n    roleName: Reporting\n';

let emulator: EmulatorHandle;
let github: FakeGitHub;
let workspace: string;

beforeAll(async () => {
  emulator = await startEmulator({ state, seed: 3 });
  github = await startFakeGitHub();
  workspace = await mkdtemp(join(tmpdir(), 'eks-identity-e2e-'));
});
afterAll(async () => {
  await github.close();
  await emulator.close();
});

async function run(event: string, payload: unknown, inputs: Record<string, string> = {}): Promise<DistRun> {
  const result = await runDist({
    event,
    payload,
    inputs: { 'github-token': TOKEN, manifest: 'eks-identity.yaml', ...inputs },
    env: { ...envFor(event), ...emulator.env, GITHUB_API_URL: github.url },
    workspace,
  });
  if (result.stderr.trim() !== '') console.log(result.stderr);
  return result;
}

const writeManifest = (text: string, file = 'eks-identity.yaml') => writeFile(join(workspace, file), text);
const prWithNumber = (number: number) => {
  const payload = pullRequestPayload('synchronize');
  payload.number = number;
  (payload.pull_request as { number: number }).number = number;
  return payload;
};

describe('dist/index.js end to end', () => {
  it('GIVEN a pull request is opened THEN the plan is commented once, with outputs, summary and plan-json', async () => {
    await writeManifest(manifest(karpenter));
    const result = await run('pull_request', pullRequestPayload('opened'));

    expect(result.code).toBe(0);
    expect(github.writes()).toEqual([`POST ${REPO_PATH}/issues/2/comments`]);
    expect(result.outputs).toMatchObject({ 'has-changes': 'true', creates: '1', updates: '0', replaces: '0', deletes: '0', errors: '0' });
    expect(result.outputs.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(result.outputs['comment-url']).toBe(`https://github.com/Codertocat/Hello-World/pull/2#issuecomment-${github.comments[0]!.id}`);
    const planJson = JSON.parse(await readFile(result.outputs['plan-json']!, 'utf8')) as { fingerprint: string; clusters: Array<{ name: string; fingerprint: string }> };
    const parts = Object.fromEntries(planJson.clusters.map((c) => [c.name, c.fingerprint]));
    expect(github.comments[0]!.body.startsWith(formatMarker({ key: 'plan:eks-identity.yaml', fingerprint: result.outputs.fingerprint!, clusters: parts }))).toBe(true);
    expect(github.comments[0]!.body).toContain('karpenter');
    expect(result.summary).toContain('karpenter');
    expect(planJson.fingerprint).toBe(result.outputs.fingerprint);
    expect(emulator.inspect().clusters[0]!.podIdentityAssociations).toEqual([]);
  });

  it('GIVEN a new push to the pull request THEN the same comment is updated, never duplicated', async () => {
    await writeManifest(manifest(karpenter + externalDns));
    github.requests.length = 0;
    const result = await run('pull_request', pullRequestPayload('synchronize'));

    expect(result.code).toBe(0);
    expect(github.writes()).toEqual([`PATCH ${REPO_PATH}/issues/comments/${github.comments[0]!.id}`]);
    expect(github.comments).toHaveLength(1);
    expect(result.outputs.creates).toBe('2');
    expect(github.comments[0]!.body).toContain(`fingerprint=${result.outputs.fingerprint}`);
    expect(github.comments[0]!.body).toContain('external-dns');
  });

  it('GIVEN the same plan again THEN nothing is written to GitHub', async () => {
    github.requests.length = 0;
    const result = await run('pull_request', pullRequestPayload('synchronize'));
    expect(result.code).toBe(0);
    expect(github.writes()).toEqual([]);
  });

  it('GIVEN a manifest error on another pull request THEN it is annotated at file, line and column and the step fails', async () => {
    await writeManifest(manifest(karpenter).replace('serviceAccount: karpenter', 'serviceAcount: karpenter'), 'broken.yaml');
    const result = await run('pull_request', prWithNumber(3), { manifest: 'broken.yaml' });

    expect(result.code).toBe(1);
    const annotations = result.commands.filter((c) => c.startsWith('::error ') && c.includes('file=broken.yaml'));
    // The misspelled key, and the mapping that now lacks the required field.
    expect(annotations).toContainEqual(expect.stringMatching(/^::error title=eks-identity UNKNOWN_KEY,file=broken\.yaml,line=8,col=5::.*serviceAcount/));
    expect(annotations).toContainEqual(expect.stringMatching(/^::error title=eks-identity MISSING_FIELD,file=broken\.yaml,line=7,col=5::/));
    expect(result.outputs.errors).not.toBe('0');
    expect(github.comments.find((c) => c.issueNumber === 3)!.body).toContain('broken.yaml:8:5');
  });

  it('GIVEN the pull request is merged THEN the reviewed plan is applied and the report is posted on it', async () => {
    github.addPullRequest({ number: 2, mergeCommitSha: PUSH_SHA, merged: true });
    github.requests.length = 0;
    const result = await run('push', pushPayload());

    expect(result.code).toBe(0);
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toContain(`GET ${REPO_PATH}/commits/${PUSH_SHA}/pulls`);
    expect(github.writes()).toEqual([`POST ${REPO_PATH}/issues/2/comments`]);
    const report = github.comments.filter((c) => c.issueNumber === 2).at(-1)!;
    expect(report.body.startsWith(formatMarker({ key: 'apply:eks-identity.yaml' }))).toBe(true);
    expect(report.body).toContain('2 changes applied');
    expect(result.summary).toContain('2 changes applied');
    const live = emulator.inspect().clusters[0]!.podIdentityAssociations.map((a) => `${a.namespace}/${a.serviceAccount}`).sort();
    expect(live).toEqual(['karpenter/karpenter', 'kube-system/external-dns']);
  });

  it('GIVEN live state matches WHEN the nightly drift check runs THEN it passes and opens nothing', async () => {
    github.requests.length = 0;
    const result = await run('schedule', schedulePayload());
    expect(result.code).toBe(0);
    expect(github.writes()).toEqual([]);
    expect(result.outputs['has-changes']).toBe('false');
  });

  it('GIVEN drift THEN the job fails and one labelled issue is opened, then closed once drift is gone', async () => {
    await writeManifest(manifest(karpenter + externalDns + reporting));
    github.requests.length = 0;
    const drifted = await run('schedule', schedulePayload());
    expect(drifted.code).toBe(1);
    expect(drifted.commands.some((c) => c.startsWith('::error::') && c.includes('drift detected: 1 to create'))).toBe(true);
    expect(github.writes()).toEqual([`POST ${REPO_PATH}/issues`]);
    const issue = github.issues.find((i) => i.labels.includes('eks-identity-drift'))!;
    expect(issue).toMatchObject({ state: 'open', login: 'github-actions[bot]' });
    expect(drifted.outputs['comment-url']).toBe(`https://github.com/Codertocat/Hello-World/issues/${issue.number}`);

    const again = await run('schedule', schedulePayload());
    expect(again.code).toBe(1);
    expect(github.issues.filter((i) => i.labels.includes('eks-identity-drift'))).toHaveLength(1);

    await writeManifest(manifest(karpenter + externalDns));
    github.requests.length = 0;
    const resolved = await run('schedule', schedulePayload());
    expect(resolved.code).toBe(0);
    expect(github.writes()).toEqual([`POST ${REPO_PATH}/issues/${issue.number}/comments`, `PATCH ${REPO_PATH}/issues/${issue.number}`]);
    expect(issue.state).toBe('closed');
  });

  it('GIVEN workflow_dispatch with mode plan THEN the plan goes to the summary only', async () => {
    github.requests.length = 0;
    const result = await run('workflow_dispatch', workflowDispatchPayload({ mode: 'plan' }));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('mode plan (workflow_dispatch with mode "plan")');
    expect(github.requests).toEqual([]);
    expect(result.outputs['has-changes']).toBe('false');
  });

  it('GIVEN step debug logging (RUNNER_DEBUG=1) THEN every AWS call attempt is a debug line with operation, attempt and latency, and no credential', async () => {
    const result = await runDist({
      event: 'workflow_dispatch',
      payload: workflowDispatchPayload({ mode: 'plan' }),
      inputs: { 'github-token': TOKEN, manifest: 'eks-identity.yaml' },
      env: { ...envFor('workflow_dispatch'), ...emulator.env, GITHUB_API_URL: github.url, RUNNER_DEBUG: '1' },
      workspace,
    });
    expect(result.code).toBe(0);
    const debug = result.commands.filter((c) => c.startsWith('::debug::aws '));
    expect(debug).toContainEqual(expect.stringMatching(/^::debug::aws sts GetCallerIdentity attempt 1\/\d+: 200 in \d+ ms/));
    expect(debug).toContainEqual(expect.stringMatching(/^::debug::aws eks ListPodIdentityAssociations attempt 1\/\d+: 200 in \d+ ms/));
    expect(result.stdout).not.toContain(emulator.env.AWS_SECRET_ACCESS_KEY!);
    expect(result.stdout).not.toContain(emulator.env.AWS_ACCESS_KEY_ID!);
  });

  it('GIVEN workflow_dispatch with mode export THEN what the manifest does not declare yet is exported beside it and proposed in a new pull request', async () => {
    github.requests.length = 0;
    const result = await run('workflow_dispatch', workflowDispatchPayload({ mode: 'export' }));

    expect(result.code).toBe(0);
    expect(github.writes()).toEqual([
      `POST ${REPO_PATH}/git/blobs`,
      `POST ${REPO_PATH}/git/trees`,
      `POST ${REPO_PATH}/git/commits`,
      `POST ${REPO_PATH}/git/refs`,
      `POST ${REPO_PATH}/pulls`,
    ]);
    const branch = github.branches.get('eks-identity/export-4242')!;
    expect(Object.keys(branch.files)).toEqual(['export-prod.yaml']);
    const exported = branch.files['export-prod.yaml']!;
    // The manifest declares the associations already: only the undeclared access entry is proposed.
    expect(exported).not.toContain('serviceAccount:');
    expect(exported).toContain(role('eks-identity-apply'));
    expect(exported).toContain('clusters:\n      - prod');
    expect(result.outputs['pull-request-url']).toMatch(/\/pull\/\d+$/);
    expect(result.outputs['has-changes']).toBe('false');
  });

  it('GIVEN a 3,000-change plan THEN the comment stays under 65,536 characters and the summary holds every change', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => `  - namespace: team-${i}\n    serviceAccount: app-${i}\n    roleName: SharedWorkload\n`).join('');
    await writeManifest(manifest(many), 'big.yaml');
    const result = await run('pull_request', prWithNumber(4), { manifest: 'big.yaml' });

    expect(result.code).toBe(0);
    expect(result.outputs.creates).toBe('3000');
    const comment = github.comments.find((c) => c.issueNumber === 4)!;
    expect(comment.body.length).toBeLessThan(65_536);
    expect(comment.body).toMatch(/truncated/i);
    expect(result.summary).toContain('team-0');
    expect(result.summary).toContain('team-2999');
  }, 120_000);
});
