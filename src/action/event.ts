/** The parts of the workflow run's event that the action decides on. */
export interface ActionEvent {
  /** GITHUB_EVENT_NAME. */
  name: string;
  /** GITHUB_REF, e.g. refs/heads/main. */
  ref: string;
  /** GITHUB_SHA. */
  sha: string;
  owner: string;
  repo: string;
  /** The repository's default branch (from the payload); undefined when the payload lacks it. */
  defaultBranch?: string;
  /** The pull request of pull_request / pull_request_target events. */
  pullRequest?: EventPullRequest;
  /** `inputs.mode` of a workflow_dispatch event. */
  dispatchMode?: string;
  /** GITHUB_RUN_ID, used to name migration branches. */
  runId: string;
  /** GITHUB_SERVER_URL + repository + run, for links back to the job summary. */
  runUrl?: string;
}

export interface EventPullRequest {
  number: number;
  headRepo?: string;
  baseRepo?: string;
}

type Json = Record<string, unknown>;

function objectAt(value: unknown, key: string): Json | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const child = (value as Json)[key];
  return typeof child === 'object' && child !== null ? (child as Json) : undefined;
}

function stringAt(value: Json | undefined, key: string): string | undefined {
  const child = value?.[key];
  return typeof child === 'string' ? child : undefined;
}

/**
 * Builds the event from the runner's environment and the parsed payload file. Pure: the caller
 * reads GITHUB_EVENT_PATH.
 */
export function parseActionEvent(env: Record<string, string | undefined>, payload: unknown): ActionEvent {
  const [envOwner = '', envRepo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const repository = objectAt(payload, 'repository');
  const owner = stringAt(objectAt(repository, 'owner'), 'login') ?? envOwner;
  const repo = stringAt(repository, 'name') ?? envRepo;

  const pr = objectAt(payload, 'pull_request');
  let pullRequest: EventPullRequest | undefined;
  if (pr && typeof pr.number === 'number') {
    const headRepo = stringAt(objectAt(objectAt(pr, 'head'), 'repo'), 'full_name');
    const baseRepo = stringAt(objectAt(objectAt(pr, 'base'), 'repo'), 'full_name');
    pullRequest = {
      number: pr.number,
      ...(headRepo === undefined ? {} : { headRepo }),
      ...(baseRepo === undefined ? {} : { baseRepo }),
    };
  }

  const defaultBranch = stringAt(repository, 'default_branch');
  const dispatchMode = stringAt(objectAt(payload, 'inputs'), 'mode');
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const runId = env.GITHUB_RUN_ID ?? '0';
  return {
    name: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? stringAt(payload as Json, 'after') ?? '',
    owner,
    repo,
    ...(defaultBranch === undefined ? {} : { defaultBranch }),
    ...(pullRequest === undefined ? {} : { pullRequest }),
    ...(dispatchMode === undefined ? {} : { dispatchMode }),
    runId,
    ...(owner && repo && env.GITHUB_RUN_ID ? { runUrl: `${server}/${owner}/${repo}/actions/runs/${runId}` } : {}),
  };
}

/**
 * A pull request from a fork: its workflow gets no secrets and no OIDC token, and its code must
 * not reach cloud credentials.
 */
export function isForkPullRequest(event: ActionEvent): boolean {
  const pr = event.pullRequest;
  if (!pr) return false;
  // A deleted fork has no head repository: treat it as a fork, the safe reading.
  if (pr.headRepo === undefined) return true;
  return pr.baseRepo !== undefined && pr.headRepo.toLowerCase() !== pr.baseRepo.toLowerCase();
}
