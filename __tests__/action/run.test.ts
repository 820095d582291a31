import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../src/action/run.js';
import { createGitHubClient } from '../../src/github/client.js';
import { formatMarker } from '../../src/github/marker.js';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.js';
import { PreparedPlan, Proposal, type Operations, type PlanRequest } from '../../src/operations/index.js';
import { fakeOperations, planWith, recordingIo, type RecordingIo } from './helpers.js';
import { desiredAssociation, desiredCluster, liveCluster, planAll } from '../plan/fixtures.js';
import {
  envFor,
  forkPullRequestPayload,
  pullRequestPayload,
  PUSH_SHA,
  pushPayload,
  schedulePayload,
  workflowDispatchPayload,
} from './payloads.js';

const TOKEN = 'ghs_secret_token_value';
/** The fingerprint of a plan reviewed before the world moved. */
const REVIEWED = 'abc123'.padEnd(64, '9');
let github: FakeGitHub;
let temp: string;

beforeEach(async () => {
  github = await startFakeGitHub();
  temp = await mkdtemp(join(tmpdir(), 'eks-identity-action-'));
});
afterEach(() => github.close());

function runWith(options: {
  event: string;
  payload: unknown;
  engine: Operations;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  io?: RecordingIo;
}) {
  const io = options.io ?? recordingIo();
  const inputs: Record<string, string> = { 'github-token': TOKEN, manifest: 'eks-identity.yaml', ...options.inputs };
  const promise = runAction({
    getInput: (name) => inputs[name] ?? '',
    env: { ...envFor(options.event), AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', GITHUB_EVENT_PATH: '/event.json', RUNNER_TEMP: temp, GITHUB_WORKSPACE: '/work/repo', ...options.env },
    io,
    loadOperations: async () => options.engine,
    createGitHub: (token) => createGitHubClient(token, { baseUrl: github.url, throttle: false, retries: 0 }),
    readEventPayload: async () => options.payload,
    writeFile: async (path, text) => {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(path, text);
    },
    cwd: '/work/repo',
  });
  return promise.then((result) => ({ result, io }));
}

describe('runAction: pull request plan', () => {
  it('GIVEN opened then synchronize WHEN each is planned THEN one comment is created then updated, with outputs and summary', async () => {
    const engine = fakeOperations({ plans: [planWith({ creates: 2 }), planWith({ creates: 3 })] });
    const first = await runWith({ event: 'pull_request', payload: pullRequestPayload('opened'), engine });
    const second = await runWith({ event: 'pull_request', payload: pullRequestPayload('synchronize'), engine });

    expect(first.result.status).toBe('success');
    expect(second.result.status).toBe('success');
    expect(github.writes()).toEqual([
      'POST /repos/Codertocat/Hello-World/issues/2/comments',
      `PATCH /repos/Codertocat/Hello-World/issues/comments/${github.comments[0]!.id}`,
    ]);
    expect(github.comments).toHaveLength(1);
    const shown = planWith({ creates: 3 });
    const marker = formatMarker({ key: 'plan:eks-identity.yaml', fingerprint: shown.fingerprint, clusters: { prod: shown.clusters[0]!.fingerprint } });
    expect(github.comments[0]!.body.startsWith(marker)).toBe(true);
    expect(github.comments[0]!.body).toContain('[Full output in the job summary](https://github.com/Codertocat/Hello-World/actions/runs/4242)');

    const { outputs } = second.io;
    expect(outputs).toMatchObject({ 'has-changes': 'true', creates: '3', updates: '0', replaces: '0', deletes: '0', errors: '0' });
    expect(outputs['comment-url']).toBe(`https://github.com/Codertocat/Hello-World/pull/2#issuecomment-${github.comments[0]!.id}`);
    expect(JSON.parse(await readFile(outputs['plan-json']!, 'utf8'))).toEqual(planWith({ creates: 3 }));
    expect(second.io.summary.join('\n')).toContain('`association/ns-2/sa-2`');
    expect(second.io.secrets).toEqual([TOKEN]);
    const { aws, progress, ...request } = engine.requests[0] as PlanRequest;
    expect(request).toEqual({ manifest: 'eks-identity.yaml', cwd: '/work/repo', clusters: [], allowLockout: false });
    // The run's time limit (default 30 minutes) reaches the reads, and progress goes to the log.
    expect(aws?.deadline?.timeoutMs).toBe(30 * 60_000);
    expect(aws?.watch).toBeDefined();
    expect(progress).toBeDefined();
  });

  it('GIVEN comment: false WHEN planning a pull request THEN no GitHub call is made', async () => {
    const { result } = await runWith({ event: 'pull_request', payload: pullRequestPayload('opened'), engine: fakeOperations({ plans: [planWith({ creates: 1 })] }), inputs: { comment: 'false' } });
    expect(result.status).toBe('success');
    expect(github.requests).toEqual([]);
  });

  it('GIVEN an invalid manifest THEN errors are annotated on file and line, the step fails and the comment lists them', async () => {
    const engine = fakeOperations({
      plans: [],
      diagnostics: [
        { severity: 'error', code: 'UNKNOWN_KEY', message: 'unknown key "namepsace"', fix: 'did you mean `namespace`?', location: { file: '/work/repo/eks-identity.yaml', line: 7, column: 5 } },
        { severity: 'warning', code: 'DEPRECATED', message: 'old form', location: { file: 'eks-identity.yaml', line: 2, column: 1 } },
      ],
    });
    const { result, io } = await runWith({ event: 'pull_request', payload: pullRequestPayload('opened'), engine });

    expect(result.status).toBe('failure');
    expect(io.failed[0]).toContain('has errors');
    expect(io.annotations).toEqual([
      { level: 'error', message: 'unknown key "namepsace"\nFix: did you mean `namespace`?', properties: { title: 'eks-identity UNKNOWN_KEY', file: 'eks-identity.yaml', startLine: 7, startColumn: 5 } },
      { level: 'warning', message: 'old form', properties: { title: 'eks-identity DEPRECATED', file: 'eks-identity.yaml', startLine: 2, startColumn: 1 } },
    ]);
    expect(io.outputs).toMatchObject({ errors: '1', 'has-changes': 'false' });
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]!.body).toContain('eks-identity.yaml:7:5 **UNKNOWN\\_KEY**');
  });

  it('GIVEN a plan with an error finding THEN the finding is annotated at its source and the step fails', async () => {
    const plan = planWith({
      creates: 1,
      findings: [{ severity: 'error', code: 'ROLE_NOT_FOUND', key: 'association/a/b', message: 'role r is missing', fix: 'create it', source: { file: 'eks-identity.yaml', line: 12, column: 7 } }],
    });
    const { result, io } = await runWith({ event: 'pull_request', payload: pullRequestPayload('opened'), engine: fakeOperations({ plans: [plan] }) });
    expect(result.status).toBe('failure');
    expect(io.annotations).toContainEqual({
      level: 'error',
      message: 'association/a/b: role r is missing\nFix: create it',
      properties: { title: 'eks-identity ROLE_NOT_FOUND (prod)', file: 'eks-identity.yaml', startLine: 12, startColumn: 7 },
    });
    expect(github.comments).toHaveLength(1);
  });

  it('GIVEN a 3,000-change plan THEN the comment stays under 65,536 characters and the summary has every change', async () => {
    const engine = fakeOperations({ plans: [planWith({ creates: 3000 })] });
    const { io } = await runWith({ event: 'pull_request', payload: pullRequestPayload('opened'), engine });
    expect(github.comments[0]!.body.length).toBeLessThan(65_536);
    expect(github.comments[0]!.body).toContain('Plan truncated');
    expect(io.summary.join('\n')).toContain('association/ns-2999/sa-2999');
  });
});

describe('runAction: neutral exits', () => {
  it('GIVEN a fork pull request THEN a notice, no failure, no engine and no GitHub call', async () => {
    let loaded = false;
    const io = recordingIo();
    const result = await runAction({
      getInput: () => '',
      env: { ...envFor('pull_request'), AWS_ACCESS_KEY_ID: 'x', GITHUB_EVENT_PATH: '/e' },
      io,
      loadOperations: async () => {
        loaded = true;
        return fakeOperations({ plans: [] });
      },
      createGitHub: () => {
        throw new Error('no');
      },
      readEventPayload: async () => forkPullRequestPayload(),
      writeFile: async () => undefined,
      cwd: '/',
    });
    expect(result.status).toBe('neutral');
    expect(io.failed).toEqual([]);
    expect(io.annotations[0]).toMatchObject({ level: 'notice' });
    expect(io.annotations[0]!.message).toContain('fork');
    expect(loaded).toBe(false);
  });

  it('GIVEN no AWS credentials in the environment THEN a notice naming configure-aws-credentials and a neutral exit', async () => {
    const { result, io } = await runWith({
      event: 'pull_request',
      payload: pullRequestPayload('opened'),
      engine: fakeOperations({ plans: [] }),
      env: { AWS_ACCESS_KEY_ID: '' },
    });
    expect(result.status).toBe('neutral');
    expect(io.annotations[0]!.message).toContain('aws-actions/configure-aws-credentials');
    expect(io.failed).toEqual([]);
  });

  it('GIVEN no credential variables but an instance role the SDK finds THEN the plan runs', async () => {
    const engine = fakeOperations({ plans: [planWith({ creates: 1 })], chainCredentials: true });
    const { result, io } = await runWith({ event: 'pull_request', payload: pullRequestPayload('opened'), engine, env: { AWS_ACCESS_KEY_ID: '' } });
    expect(result.status).toBe('success');
    expect(engine.requests).toHaveLength(1);
    expect(io.annotations.some((a) => a.message.includes('configure-aws-credentials'))).toBe(false);
    expect(io.lines.some((line) => line.includes('instance or container role'))).toBe(true);
  });

  it('GIVEN an invalid input THEN the step fails with the input named and the token never appears', async () => {
    const { result, io } = await runWith({ event: 'pull_request', payload: pullRequestPayload('opened'), engine: fakeOperations({ plans: [] }), inputs: { prune: 'maybe' } });
    expect(result.status).toBe('failure');
    expect(io.failed[0]).toContain('input "prune"');
    expect(JSON.stringify(io)).not.toContain(TOKEN.slice(4));
  });
});

describe('runAction: apply on push', () => {
  function mergedPullRequestWithPlan(fingerprint: string) {
    github.addPullRequest({ number: 2, mergeCommitSha: PUSH_SHA, merged: true });
    github.addComment(2, 'github-actions[bot]', `${formatMarker({ key: 'plan:eks-identity.yaml', fingerprint })}\nplan`);
  }

  it('GIVEN the reviewed fingerprint matches THEN the plan is applied and the report is posted on the merged pull request', async () => {
    const plan = planWith({ creates: 2 });
    mergedPullRequestWithPlan(plan.fingerprint);
    const engine = fakeOperations({ plans: [plan] });
    const { result, io } = await runWith({ event: 'push', payload: pushPayload(), engine });

    expect(result).toMatchObject({ status: 'success', mode: 'apply' });
    expect(engine.executed).toBe(1);
    expect(github.writes()).toEqual(['POST /repos/Codertocat/Hello-World/issues/2/comments']);
    const report = github.comments.at(-1)!;
    expect(report.body).toContain(formatMarker({ key: 'apply:eks-identity.yaml' }));
    expect(report.body).toContain('2 changes applied');
    expect(io.summary.join('\n')).toContain('2 changes applied');
  });

  it('GIVEN a changed plan and on-plan-change fail THEN nothing is applied, the step fails and the PR says why', async () => {
    mergedPullRequestWithPlan(REVIEWED);
    const engine = fakeOperations({ plans: [planWith({ creates: 2 })] });
    const { result } = await runWith({ event: 'push', payload: pushPayload(), engine });
    expect(result.status).toBe('failure');
    expect(result.message).toContain(`the plan changed since review: reviewed ${REVIEWED}, now`);
    expect(engine.executed).toBe(0);
    expect(github.comments.at(-1)!.body).toContain('apply refused');
  });

  it('GIVEN a changed plan and on-plan-change warn THEN a warning and the apply goes ahead', async () => {
    mergedPullRequestWithPlan(REVIEWED);
    const engine = fakeOperations({ plans: [planWith({ creates: 2 })] });
    const { result, io } = await runWith({ event: 'push', payload: pushPayload(), engine, inputs: { 'on-plan-change': 'warn' } });
    expect(result.status).toBe('success');
    expect(engine.executed).toBe(1);
    expect(io.annotations.some((a) => a.level === 'warning' && a.message.includes('applying anyway'))).toBe(true);
  });

  it('GIVEN a plan comment planted by another user THEN it is not trusted as the reviewed plan', async () => {
    const plan = planWith({ creates: 1 });
    github.addPullRequest({ number: 2, mergeCommitSha: PUSH_SHA, merged: true });
    github.addComment(2, 'mallory', `${formatMarker({ key: 'plan:eks-identity.yaml', fingerprint: plan.fingerprint })}\nplan`);
    const engine = fakeOperations({ plans: [plan] });
    const { result } = await runWith({ event: 'push', payload: pushPayload(), engine });
    expect(result.status).toBe('failure');
    expect(result.message).toContain('has no eks-identity plan comment');
    expect(engine.executed).toBe(0);
  });

  it('GIVEN some changes fail THEN the report is posted and the step fails', async () => {
    const plan = planWith({ creates: 2 });
    mergedPullRequestWithPlan(plan.fingerprint);
    const engine = fakeOperations({ plans: [plan], failed: 1 });
    const { result } = await runWith({ event: 'push', payload: pushPayload(), engine });
    expect(result.status).toBe('failure');
    expect(github.comments.at(-1)!.body).toContain('1 failed, 1 applied');
  });

  it('GIVEN workflow_dispatch apply THEN no review is looked up and the plan is applied', async () => {
    const engine = fakeOperations({ plans: [planWith({ creates: 1 })] });
    const { result } = await runWith({ event: 'workflow_dispatch', payload: workflowDispatchPayload({ mode: 'apply' }), engine });
    expect(result).toMatchObject({ status: 'success', mode: 'apply' });
    expect(engine.executed).toBe(1);
    expect(github.requests).toEqual([]);
  });
});

describe('runAction: drift', () => {
  it('GIVEN drift then no drift THEN one labelled issue is opened, kept, and closed', async () => {
    const engine = fakeOperations({ plans: [planWith({ creates: 1 }), planWith({ creates: 1 }), planWith({ creates: 0 })] });
    const first = await runWith({ event: 'schedule', payload: schedulePayload(), engine });
    const second = await runWith({ event: 'schedule', payload: schedulePayload(), engine });
    const third = await runWith({ event: 'schedule', payload: schedulePayload(), engine });

    expect(first.result.status).toBe('failure');
    expect(first.result.message).toContain('drift detected: 1 to create');
    expect(second.result.status).toBe('failure');
    expect(third.result.status).toBe('success');
    expect(github.writes()).toEqual([
      'POST /repos/Codertocat/Hello-World/issues',
      'POST /repos/Codertocat/Hello-World/issues/1/comments',
      'PATCH /repos/Codertocat/Hello-World/issues/1',
    ]);
    expect(github.issues[0]).toMatchObject({ labels: ['eks-identity-drift'], state: 'closed' });
    expect(github.requests.find((r) => r.method === 'POST' && r.path.endsWith('/issues'))!.body).toMatchObject({ labels: ['eks-identity-drift'] });
  });
});

describe('runAction: migrations', () => {
  it('GIVEN migrate-irsa by dispatch THEN the manifest is committed to a new branch and a pull request is opened', async () => {
    const engine = fakeOperations({
      plans: [],
      migration: new Proposal(
        'migrate-irsa',
        [{ path: 'eks-identity-migrations/migrate-irsa-prod.yaml', content: 'version: 1\n', cluster: 'prod' }],
        [{ name: 'prod', region: 'us-east-1', notConvertible: [], findings: [] }],
        new PreparedPlan(planWith({ creates: 2 }), [], {}),
      ),
    });
    const { result, io } = await runWith({ event: 'workflow_dispatch', payload: workflowDispatchPayload({ mode: 'migrate-irsa' }), engine });

    expect(result).toMatchObject({ status: 'success', mode: 'migrate-irsa' });
    expect(github.writes()).toEqual([
      'POST /repos/Codertocat/Hello-World/git/blobs',
      'POST /repos/Codertocat/Hello-World/git/trees',
      'POST /repos/Codertocat/Hello-World/git/commits',
      'POST /repos/Codertocat/Hello-World/git/refs',
      'POST /repos/Codertocat/Hello-World/pulls',
    ]);
    expect(github.branches.get('eks-identity/migrate-irsa-4242')!.files).toEqual({ 'eks-identity-migrations/migrate-irsa-prod.yaml': 'version: 1\n' });
    expect(io.outputs['pull-request-url']).toMatch(/\/pull\/\d+$/);
    expect(io.outputs.creates).toBe('2');
    expect(engine.requests[0]).toEqual({ manifest: 'eks-identity.yaml', cwd: '/work/repo', clusters: [], allowLockout: false });
  });
});

describe('runAction: fan-out, labels and log groups', () => {
  /** alpha and bravo, each with one association to create; `moved` adds one more on `moved`'s cluster. */
  function fleetPlan(options: { clusters?: string[]; moved?: 'alpha' | 'bravo' } = {}) {
    const desired = ['alpha', 'bravo'].map((name) =>
      desiredCluster({ name, associations: [desiredAssociation('app', 'web'), ...(options.moved === name ? [desiredAssociation('x', 'y')] : [])] }),
    );
    return planAll(desired, [liveCluster({ name: 'alpha' }), liveCluster({ name: 'bravo' })], options.clusters ? { clusters: options.clusters } : {});
  }
  const parts = (plan: ReturnType<typeof fleetPlan>) => Object.fromEntries(plan.clusters.map((c) => [c.name, c.fingerprint]));

  it('GIVEN a pull request plan THEN the marker carries each cluster\'s part and each cluster\'s plan is its own log group', async () => {
    const plan = fleetPlan();
    const { io } = await runWith({ event: 'pull_request', payload: pullRequestPayload('opened'), engine: fakeOperations({ plans: [plan] }) });
    expect(github.comments[0]!.body.split('\n')[0]).toBe(formatMarker({ key: 'plan:eks-identity.yaml', fingerprint: plan.fingerprint, clusters: parts(plan) }));
    const groups = io.lines.filter((l) => l.startsWith('::group::'));
    expect(groups).toEqual([
      `::group::Cluster alpha (us-east-1): 1 to create, 0 to update, 0 to replace, 0 to delete, 0 errors · ${plan.clusters[0]!.fingerprint.slice(0, 12)}`,
      `::group::Cluster bravo (us-east-1): 1 to create, 0 to update, 0 to replace, 0 to delete, 0 errors · ${plan.clusters[1]!.fingerprint.slice(0, 12)}`,
    ]);
    const inAlpha = io.lines.slice(io.lines.indexOf(groups[0]!) + 1, io.lines.indexOf('::endgroup::')).join('\n');
    expect(inAlpha).toContain('app/web');
    expect(inAlpha).not.toContain('bravo');
  });

  it('GIVEN a plan job per cluster (the clusters input) THEN each keeps its own comment', async () => {
    for (const name of ['alpha', 'bravo']) {
      await runWith({ event: 'pull_request', payload: pullRequestPayload('opened'), engine: fakeOperations({ plans: [fleetPlan({ clusters: [name] })] }), inputs: { clusters: name } });
    }
    expect(github.comments.map((c) => c.body.split(' ')[1])).toEqual(['eks-identity:plan:eks-identity.yaml@alpha', 'eks-identity:plan:eks-identity.yaml@bravo']);
  });

  it('GIVEN labels: true THEN the pull request is labelled with what the plan does, and relabelled when the plan changes', async () => {
    github.addPullRequest({ number: 2 });
    const noChanges = planWith({ creates: 0 });
    await runWith({ event: 'pull_request', payload: pullRequestPayload('opened'), engine: fakeOperations({ plans: [fleetPlan()] }), inputs: { labels: 'true' } });
    expect(github.issues[0]!.labels).toEqual(['eks-identity:changes']);
    await runWith({ event: 'pull_request', payload: pullRequestPayload('synchronize'), engine: fakeOperations({ plans: [noChanges] }), inputs: { labels: 'true' } });
    expect(github.issues[0]!.labels).toEqual(['eks-identity:no-changes']);
    github.requests.length = 0;
    await runWith({ event: 'pull_request', payload: pullRequestPayload('synchronize'), engine: fakeOperations({ plans: [noChanges] }), inputs: { labels: 'true' } });
    // The same plan again: neither the comment nor the labels are written.
    expect(github.writes()).toEqual([]);
  });

  it('GIVEN labels that cannot be written THEN a warning, and the plan step still succeeds', async () => {
    github.addPullRequest({ number: 2 });
    github.failNext('POST', /\/labels$/, 403);
    const { result, io } = await runWith({ event: 'pull_request', payload: pullRequestPayload('opened'), engine: fakeOperations({ plans: [fleetPlan()] }), inputs: { labels: 'true' } });
    expect(result.status).toBe('success');
    expect(io.annotations.some((a) => a.level === 'warning' && a.message.startsWith('Could not update the labels of #2'))).toBe(true);
  });

  function mergedWithWholePlan() {
    const reviewed = fleetPlan();
    github.addPullRequest({ number: 2, mergeCommitSha: PUSH_SHA, merged: true });
    github.addComment(2, 'github-actions[bot]', `${formatMarker({ key: 'plan:eks-identity.yaml', fingerprint: reviewed.fingerprint, clusters: parts(reviewed) })}\nplan`);
  }

  it('GIVEN an apply job for one cluster and another cluster moved since review THEN its own reviewed part lets it apply', async () => {
    mergedWithWholePlan();
    const engine = fakeOperations({ plans: [fleetPlan({ clusters: ['alpha'], moved: 'bravo' })] });
    const { result, io } = await runWith({ event: 'push', payload: pushPayload(), engine, inputs: { clusters: 'alpha' } });
    expect(result.status).toBe('success');
    expect(engine.executed).toBe(1);
    expect(github.comments.at(-1)!.body.split('\n')[0]).toBe(formatMarker({ key: 'apply:eks-identity.yaml@alpha' }));
    expect(io.lines).toContain('::group::Cluster alpha: 1 applied, 0 adopted, 0 skipped, 0 failed');
  });

  it('GIVEN an apply job for one cluster whose own part moved THEN it is refused, naming the cluster', async () => {
    mergedWithWholePlan();
    const engine = fakeOperations({ plans: [fleetPlan({ clusters: ['bravo'], moved: 'bravo' })] });
    const { result } = await runWith({ event: 'push', payload: pushPayload(), engine, inputs: { clusters: 'bravo' } });
    expect(result.status).toBe('failure');
    expect(result.message).toContain('the plan of bravo (reviewed ');
    expect(engine.executed).toBe(0);
  });
});
