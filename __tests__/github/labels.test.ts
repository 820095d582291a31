import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js';
import { PLAN_LABELS, planLabels, syncPlanLabels } from '../../src/github/labels.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

const repo = { owner: 'Codertocat', repo: 'Hello-World', issueNumber: 2 };
const PATH = '/repos/Codertocat/Hello-World';
const none = { creates: 0, updates: 0, replaces: 0, deletes: 0, errors: 0 };

describe('planLabels', () => {
  it('GIVEN plan outcomes THEN the labels say changes, deletes, errors, or no changes', () => {
    expect(planLabels(none)).toEqual(['eks-identity:no-changes']);
    expect(planLabels({ ...none, creates: 2, updates: 1 })).toEqual(['eks-identity:changes']);
    expect(planLabels({ ...none, deletes: 1 })).toEqual(['eks-identity:deletes']);
    // A replace deletes and creates.
    expect(planLabels({ ...none, replaces: 1 })).toEqual(['eks-identity:changes', 'eks-identity:deletes']);
    expect(planLabels({ ...none, creates: 1, errors: 2 })).toEqual(['eks-identity:changes', 'eks-identity:errors']);
    expect(planLabels({ ...none, errors: 1 })).toEqual(['eks-identity:errors']);
  });
});

describe('syncPlanLabels against the fake GitHub API', () => {
  let github: FakeGitHub;
  let octokit: GitHubClient;

  beforeEach(async () => {
    github = await startFakeGitHub();
    github.addPullRequest({ number: 2 });
    octokit = createGitHubClient('ghs_workflowtoken', { baseUrl: github.url, throttle: false });
  });
  afterEach(() => github.close());

  it('GIVEN a pull request without labels WHEN synced THEN the label is created with its colour and added', async () => {
    const result = await syncPlanLabels(octokit, { ...repo, wanted: planLabels({ ...none, creates: 1 }) });
    expect(result).toEqual({ added: ['eks-identity:changes'], removed: [] });
    expect(github.writes()).toEqual([`POST ${PATH}/labels`, `POST ${PATH}/issues/2/labels`]);
    expect(github.labels.get('eks-identity:changes')).toEqual({ name: 'eks-identity:changes', color: PLAN_LABELS.changes.color, description: PLAN_LABELS.changes.description });
    expect(github.issues[0]!.labels).toEqual(['eks-identity:changes']);
  });

  it('GIVEN the plan changed THEN labels of ours that no longer apply are removed, others are left alone', async () => {
    github.issues[0]!.labels.push('team:platform', 'eks-identity:changes', 'eks-identity:deletes');
    github.labels.set('eks-identity:no-changes', { name: 'eks-identity:no-changes', color: 'ffffff', description: 'kept by the repository' });
    const result = await syncPlanLabels(octokit, { ...repo, wanted: planLabels(none) });
    expect(result).toEqual({ added: ['eks-identity:no-changes'], removed: ['eks-identity:changes', 'eks-identity:deletes'] });
    expect(github.issues[0]!.labels).toEqual(['team:platform', 'eks-identity:no-changes']);
    // An existing repository label keeps its colour (the create answered 422).
    expect(github.labels.get('eks-identity:no-changes')!.color).toBe('ffffff');
  });

  it('GIVEN the labels already match WHEN synced again THEN nothing is written', async () => {
    await syncPlanLabels(octokit, { ...repo, wanted: ['eks-identity:changes', 'eks-identity:deletes'] });
    github.requests.length = 0;
    expect(await syncPlanLabels(octokit, { ...repo, wanted: ['eks-identity:changes', 'eks-identity:deletes'] })).toEqual({ added: [], removed: [] });
    expect(github.writes()).toEqual([]);
  });

  it('GIVEN a label removed by someone meanwhile (404) THEN the sync still succeeds', async () => {
    github.issues[0]!.labels.push('eks-identity:errors');
    github.failNext('DELETE', /\/labels\/eks-identity:errors$/, 404);
    expect(await syncPlanLabels(octokit, { ...repo, wanted: ['eks-identity:no-changes'] })).toEqual({ added: ['eks-identity:no-changes'], removed: ['eks-identity:errors'] });
  });

  it('GIVEN a token that may not write labels (403) THEN the error surfaces for the caller to report', async () => {
    github.failNext('POST', /\/labels$/, 403);
    await expect(syncPlanLabels(octokit, { ...repo, wanted: ['eks-identity:changes'] })).rejects.toMatchObject({ status: 403 });
  });
});
