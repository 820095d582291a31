import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js';
import { formatMarker } from '../../src/github/marker.js';
import { findStickyComment, upsertStickyComment } from '../../src/github/sticky-comment.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

const repo = { owner: 'Codertocat', repo: 'Hello-World', issueNumber: 2 };
const marker = { key: 'plan:eks-identity.yaml', fingerprint: 'abc123' };

describe('upsertStickyComment against the fake GitHub API', () => {
  let github: FakeGitHub;
  let octokit: GitHubClient;

  beforeEach(async () => {
    github = await startFakeGitHub({ users: { 'pat-ops': 'ops-bot' }, apps: { 'ghs_apptoken': 'eks-identity-app[bot]' } });
    octokit = createGitHubClient('ghs_workflowtoken', { baseUrl: github.url, throttle: false });
  });
  afterEach(() => github.close());

  it('GIVEN no comment WHEN upserted twice with different bodies THEN it is created once and then updated in place', async () => {
    const first = await upsertStickyComment(octokit, { ...repo, marker, body: 'plan v1' });
    const second = await upsertStickyComment(octokit, { ...repo, marker: { ...marker, fingerprint: 'def456' }, body: 'plan v2' });

    expect(first.action).toBe('created');
    expect(second).toEqual({ action: 'updated', id: first.id, url: first.url });
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]!.body).toBe(`${formatMarker({ key: marker.key, fingerprint: 'def456' })}\nplan v2`);
    expect(github.writes()).toEqual([
      'POST /repos/Codertocat/Hello-World/issues/2/comments',
      `PATCH /repos/Codertocat/Hello-World/issues/comments/${first.id}`,
    ]);
  });

  it('GIVEN a GitHub App installation token (GET /user refused) WHEN upserted twice THEN the App bot is recognised as the author and its comment is updated, not duplicated', async () => {
    const app = createGitHubClient('ghs_apptoken', { baseUrl: github.url, throttle: false });
    github.addComment(2, 'github-actions[bot]', `${formatMarker(marker)}\nwritten by the workflow token`);
    const first = await upsertStickyComment(app, { ...repo, marker, body: 'plan v1' });
    const second = await upsertStickyComment(app, { ...repo, marker: { ...marker, fingerprint: 'def456' }, body: 'plan v2' });

    expect(first.action).toBe('created');
    expect(second).toEqual({ action: 'updated', id: first.id, url: first.url });
    expect(github.comments.filter((c) => c.login === 'eks-identity-app[bot]')).toHaveLength(1);
    // The workflow bot's comment is another author's: left alone.
    expect(github.comments.find((c) => c.login === 'github-actions[bot]')!.body).toContain('written by the workflow token');
  });

  it('GIVEN the same body WHEN upserted again THEN nothing is written', async () => {
    await upsertStickyComment(octokit, { ...repo, marker, body: 'plan v1' });
    const again = await upsertStickyComment(octokit, { ...repo, marker, body: 'plan v1' });

    expect(again.action).toBe('unchanged');
    expect(github.writes()).toEqual(['POST /repos/Codertocat/Hello-World/issues/2/comments']);
  });

  it('GIVEN a comment with our marker written by another user WHEN upserting THEN it is ignored and ours is created', async () => {
    const planted = github.addComment(2, 'mallory', `${formatMarker(marker)}\nfake plan`);
    const result = await upsertStickyComment(octokit, { ...repo, marker, body: 'real plan' });

    expect(result.action).toBe('created');
    expect(github.comments.find((c) => c.id === planted.id)!.body).toContain('fake plan');
    expect(github.comments.filter((c) => c.login === 'github-actions[bot]')).toHaveLength(1);
  });

  it('GIVEN a comment by the same user with another key WHEN upserting THEN it is left alone', async () => {
    github.addComment(2, 'github-actions[bot]', `${formatMarker({ key: 'plan:other.yaml' })}\nother`);
    const result = await upsertStickyComment(octokit, { ...repo, marker, body: 'mine' });
    expect(result.action).toBe('created');
    expect(github.comments).toHaveLength(2);
  });

  it('GIVEN more than one page of comments WHEN our comment is on the last page THEN it is found and updated', async () => {
    for (let i = 0; i < 130; i += 1) github.addComment(2, 'someone', `comment ${i}`);
    const created = github.addComment(2, 'github-actions[bot]', `${formatMarker(marker)}\nold`);
    const result = await upsertStickyComment(octokit, { ...repo, marker, body: 'new' });

    expect(result).toMatchObject({ action: 'updated', id: created.id });
    expect(github.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/comments'))).toHaveLength(2);
  });

  it('GIVEN a personal token WHEN upserting THEN the author is the GET /user login and the bot comment is not reused', async () => {
    const pat = createGitHubClient('pat-ops', { baseUrl: github.url, throttle: false });
    github.addComment(2, 'github-actions[bot]', `${formatMarker(marker)}\nby the workflow token`);
    const result = await upsertStickyComment(pat, { ...repo, marker, body: 'by ops' });

    expect(result.action).toBe('created');
    expect(github.comments.at(-1)!.login).toBe('ops-bot');
    expect(github.requests.some((r) => r.path === '/user')).toBe(true);
  });

  it('GIVEN a stored body with CRLF line ends WHEN the same text is upserted THEN it counts as unchanged', async () => {
    github.addComment(2, 'github-actions[bot]', `${formatMarker(marker)}\r\nline 1\r\nline 2\r\n`);
    const result = await upsertStickyComment(octokit, { ...repo, marker, body: 'line 1\nline 2' });
    expect(result.action).toBe('unchanged');
  });

  it('GIVEN a transient 502 WHEN listing comments THEN the retry plugin retries and the comment is created once', async () => {
    github.failNext('GET', /\/comments$/, 502);
    const result = await upsertStickyComment(octokit, { ...repo, marker, body: 'after retry' });
    expect(result.action).toBe('created');
    expect(github.comments).toHaveLength(1);
  });

  it('GIVEN the throttled production client WHEN it upserts THEN the requests carry the token and the result is the same', async () => {
    const throttled = createGitHubClient('ghs_workflowtoken', { baseUrl: github.url });
    const result = await upsertStickyComment(throttled, { ...repo, marker, body: 'x' });
    expect(result.action).toBe('created');
    expect(github.requests.every((r) => r.token === 'ghs_workflowtoken')).toBe(true);
  });

  it('GIVEN two of our comments with the key WHEN finding THEN the newest is chosen', async () => {
    github.addComment(2, 'github-actions[bot]', `${formatMarker({ key: marker.key, fingerprint: 'old' })}\na`);
    const newest = github.addComment(2, 'github-actions[bot]', `${formatMarker({ key: marker.key, fingerprint: 'new' })}\nb`);
    const found = await findStickyComment(octokit, { ...repo, key: marker.key, author: 'github-actions[bot]' });
    expect(found).toMatchObject({ id: newest.id, fingerprint: 'new' });
  });
});
