import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Recorded webhook payloads from @octokit/webhooks-examples, copied so tests can adjust fields. */
interface Example {
  name: string;
  examples: Array<Record<string, unknown>>;
}

const require = createRequire(import.meta.url);
const examples = JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8')) as Example[];

function find(name: string, match: (payload: Record<string, unknown>) => boolean): Record<string, unknown> {
  const payload = examples.find((e) => e.name === name)?.examples.find(match);
  if (!payload) throw new Error(`no ${name} example`);
  return structuredClone(payload);
}

export const REPO = { owner: 'Codertocat', repo: 'Hello-World', defaultBranch: 'master' };
/** The merge commit of the recorded push to master. */
export const PUSH_SHA = '6113728f27ae82c7b1a177c8d03f9e96e0adf246';

export function pullRequestPayload(action: 'opened' | 'synchronize'): Record<string, unknown> {
  return find('pull_request', (p) => p.action === action);
}

/** The opened payload with its head in another user's fork. */
export function forkPullRequestPayload(): Record<string, unknown> {
  const payload = pullRequestPayload('opened');
  const pr = payload.pull_request as { head: { repo: { full_name: string; owner: { login: string } } } };
  pr.head.repo.full_name = 'mallory/Hello-World';
  pr.head.repo.owner.login = 'mallory';
  return payload;
}

export function pushPayload(): Record<string, unknown> {
  return find('push', (p) => p.ref === 'refs/heads/master');
}

/** The recorded dispatch payload, moved to the Hello-World repository, with inputs. */
export function workflowDispatchPayload(inputs: Record<string, string>): Record<string, unknown> {
  const payload = find('workflow_dispatch', (p) => p.ref === 'refs/heads/master');
  const repository = payload.repository as { name: string; full_name: string; owner: { login: string }; default_branch: string };
  repository.name = REPO.repo;
  repository.full_name = `${REPO.owner}/${REPO.repo}`;
  repository.owner.login = REPO.owner;
  repository.default_branch = REPO.defaultBranch;
  payload.inputs = inputs;
  return payload;
}

/** Scheduled runs carry only the cron line; the repository comes from GITHUB_REPOSITORY. */
export function schedulePayload(): Record<string, unknown> {
  return { schedule: '17 3 * * *' };
}

export function envFor(event: string, extra: Record<string, string> = {}): Record<string, string> {
  const ref = event === 'pull_request' ? 'refs/pull/2/merge' : 'refs/heads/master';
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_REF: ref,
    GITHUB_SHA: PUSH_SHA,
    GITHUB_REPOSITORY: `${REPO.owner}/${REPO.repo}`,
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    ...extra,
  };
}
