import { describe, expect, it } from '@jest/globals';
import type { ActionEvent } from '../../src/action/event.js';
import { isForkPullRequest, parseActionEvent } from '../../src/action/event.js';
import { resolveMode } from '../../src/action/mode.js';

const base: ActionEvent = { name: 'push', ref: 'refs/heads/main', sha: 'abc', owner: 'o', repo: 'r', defaultBranch: 'main', runId: '1' };

describe('resolveMode', () => {
  it.each([
    ['pull_request', 'plan'],
    ['pull_request_target', 'plan'],
    ['schedule', 'drift'],
  ])('GIVEN mode auto WHEN the event is %s THEN the mode is %s', (name, mode) => {
    expect(resolveMode('auto', { ...base, name })).toMatchObject({ mode });
  });

  it('GIVEN a push to the default branch THEN apply, reviewed against the merged pull request', () => {
    expect(resolveMode('auto', base)).toMatchObject({ mode: 'apply', review: 'merged-pull-request' });
  });

  it('GIVEN a push to another branch THEN plan only, and the reason says nothing is applied', () => {
    const decision = resolveMode('auto', { ...base, ref: 'refs/heads/feature' });
    expect(decision.mode).toBe('plan');
    expect(decision.reason).toContain('not the default branch main');
  });

  it('GIVEN a push of a tag THEN plan only', () => {
    expect(resolveMode('auto', { ...base, ref: 'refs/tags/v1' }).mode).toBe('plan');
  });

  it('GIVEN workflow_dispatch with inputs.mode THEN that mode, with no review to compare', () => {
    expect(resolveMode('auto', { ...base, name: 'workflow_dispatch', dispatchMode: 'migrate-irsa' })).toMatchObject({ mode: 'migrate-irsa', review: 'none' });
    expect(resolveMode('auto', { ...base, name: 'workflow_dispatch', dispatchMode: 'apply' })).toMatchObject({ mode: 'apply', review: 'none' });
  });

  it('GIVEN workflow_dispatch without a mode THEN plan', () => {
    expect(resolveMode('auto', { ...base, name: 'workflow_dispatch' }).mode).toBe('plan');
  });

  it('GIVEN workflow_dispatch with an unknown mode THEN skip naming the valid ones', () => {
    const decision = resolveMode('auto', { ...base, name: 'workflow_dispatch', dispatchMode: 'destroy' });
    expect(decision).toMatchObject({ mode: 'skip' });
    expect(decision.reason).toContain('migrate-aws-auth');
  });

  it('GIVEN an explicit mode input THEN it overrides the event', () => {
    expect(resolveMode('drift', { ...base, name: 'pull_request' })).toMatchObject({ mode: 'drift' });
    expect(resolveMode('apply', base)).toMatchObject({ mode: 'apply', review: 'merged-pull-request' });
    expect(resolveMode('apply', { ...base, name: 'workflow_dispatch' })).toMatchObject({ mode: 'apply', review: 'none' });
  });

  it('GIVEN an event without an automatic mode THEN skip', () => {
    expect(resolveMode('auto', { ...base, name: 'issue_comment' }).mode).toBe('skip');
  });
});

describe('parseActionEvent and forks', () => {
  const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/2/merge', GITHUB_SHA: 'def', GITHUB_REPOSITORY: 'Codertocat/Hello-World', GITHUB_RUN_ID: '42' };
  const payload = {
    number: 2,
    pull_request: { number: 2, head: { repo: { full_name: 'Codertocat/Hello-World' } }, base: { repo: { full_name: 'Codertocat/Hello-World' } } },
    repository: { name: 'Hello-World', owner: { login: 'Codertocat' }, default_branch: 'master' },
  };

  it('GIVEN a same-repository pull request payload THEN the event has the number and is not a fork', () => {
    const event = parseActionEvent(env, payload);
    expect(event).toMatchObject({ name: 'pull_request', owner: 'Codertocat', repo: 'Hello-World', defaultBranch: 'master', pullRequest: { number: 2 } });
    expect(event.runUrl).toBe('https://github.com/Codertocat/Hello-World/actions/runs/42');
    expect(isForkPullRequest(event)).toBe(false);
  });

  it('GIVEN a head repository that differs THEN it is a fork', () => {
    const fork = { ...payload, pull_request: { ...payload.pull_request, head: { repo: { full_name: 'mallory/Hello-World' } } } };
    expect(isForkPullRequest(parseActionEvent(env, fork))).toBe(true);
  });

  it('GIVEN a deleted head repository THEN it is treated as a fork', () => {
    const gone = { ...payload, pull_request: { ...payload.pull_request, head: { repo: null } } };
    expect(isForkPullRequest(parseActionEvent(env, gone))).toBe(true);
  });

  it('GIVEN a non-object payload THEN the repository comes from GITHUB_REPOSITORY', () => {
    expect(parseActionEvent(env, null)).toMatchObject({ owner: 'Codertocat', repo: 'Hello-World' });
  });
});
