import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js';
import { closeDriftIssue, upsertDriftIssue } from '../../src/github/drift-issue.js';
import { formatMarker } from '../../src/github/marker.js';
import { findMergedPullRequest, readReviewedFingerprint } from '../../src/github/pull-requests.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

const repo = { owner: 'Codertocat', repo: 'Hello-World' };
const bot = 'github-actions[bot]';
let github: FakeGitHub;
let octokit: GitHubClient;

beforeEach(async () => {
  github = await startFakeGitHub();
  octokit = createGitHubClient('ghs_x', { baseUrl: github.url, throttle: false, retries: 0 });
});
afterEach(() => github.close());

describe('merged pull request and reviewed fingerprint', () => {
  it('GIVEN an open and a merged PR containing the commit THEN the merged one is returned', async () => {
    github.addPullRequest({ number: 5, mergeCommitSha: 'abc1', merged: false });
    github.addPullRequest({ number: 7, mergeCommitSha: 'abc1', merged: true, title: 'Add karpenter' });
    expect(await findMergedPullRequest(octokit, { ...repo, sha: 'abc1' })).toEqual({
      number: 7,
      title: 'Add karpenter',
      url: 'https://github.com/Codertocat/Hello-World/pull/7',
    });
    expect(await findMergedPullRequest(octokit, { ...repo, sha: 'fff0' })).toBeUndefined();
  });

  it('GIVEN plan comments by us and by someone else THEN only ours gives the fingerprint', async () => {
    github.addComment(7, bot, `${formatMarker({ key: 'plan:m.yaml', fingerprint: 'ours' })}\nplan`);
    github.addComment(7, 'mallory', `${formatMarker({ key: 'plan:m.yaml', fingerprint: 'theirs' })}\nplan`);
    const reviewed = await readReviewedFingerprint(octokit, { ...repo, issueNumber: 7, key: 'plan:m.yaml', author: bot });
    expect(reviewed?.fingerprint).toBe('ours');
  });
});

describe('drift issue', () => {
  const ref = { ...repo, key: 'drift:m.yaml', author: bot };

  it('GIVEN a labelled drift issue opened by someone else THEN ours is opened beside it and theirs is never closed', async () => {
    const planted = github.addIssue({ title: 'fake', body: `${formatMarker({ key: 'drift:m.yaml' })}\n`, login: 'mallory', labels: ['eks-identity-drift'] });
    const opened = await upsertDriftIssue(octokit, { ...ref, title: 'Drift', body: 'plan' });
    expect(opened.action).toBe('opened');
    const closed = await closeDriftIssue(octokit, { ...ref, comment: 'gone' });
    expect(closed).toMatchObject({ action: 'closed', number: opened.number });
    expect(planted.state).toBe('open');
  });

  it('GIVEN the same drift twice THEN the second run writes nothing; a new plan updates the issue', async () => {
    await upsertDriftIssue(octokit, { ...ref, title: 'Drift', body: 'plan A', fingerprint: 'a' });
    const same = await upsertDriftIssue(octokit, { ...ref, title: 'Drift', body: 'plan A', fingerprint: 'a' });
    const changed = await upsertDriftIssue(octokit, { ...ref, title: 'Drift', body: 'plan B', fingerprint: 'b' });
    expect(same.action).toBe('unchanged');
    expect(changed.action).toBe('updated');
    expect(github.writes()).toEqual(['POST /repos/Codertocat/Hello-World/issues', `PATCH /repos/Codertocat/Hello-World/issues/${changed.number}`]);
  });

  it('GIVEN no open drift issue WHEN closing THEN nothing is written', async () => {
    expect(await closeDriftIssue(octokit, { ...ref, comment: 'x' })).toEqual({ action: 'none' });
    expect(github.writes()).toEqual([]);
  });
});
