import { DRIFT_LABEL } from './constants.js';
import type { GitHubClient } from './client.js';
import { parseMarker, withMarker } from './marker.js';
import type { RepoRef } from './pull-requests.js';
import { sameBody } from './sticky-comment.js';

export interface DriftIssueRef extends RepoRef {
  /** Marker key: one drift issue per manifest. */
  key: string;
  /** Only issues this login opened are reused or closed. */
  author: string;
}

export interface DriftIssueResult {
  action: 'opened' | 'updated' | 'unchanged' | 'closed' | 'none';
  number?: number;
  url?: string;
}

interface OpenIssue {
  number: number;
  html_url: string;
  body?: string | null;
  user: { login: string } | null;
  pull_request?: unknown;
}

async function findOpenDriftIssue(octokit: GitHubClient, ref: DriftIssueRef): Promise<OpenIssue | undefined> {
  const issues: OpenIssue[] = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: ref.owner,
    repo: ref.repo,
    state: 'open',
    labels: DRIFT_LABEL,
    per_page: 100,
  });
  return issues.find(
    (issue) => issue.pull_request === undefined && issue.user?.login === ref.author && parseMarker(issue.body)?.key === ref.key,
  );
}

/** Opens the drift issue, or updates the open one in place; never a second one per manifest. */
export async function upsertDriftIssue(
  octokit: GitHubClient,
  ref: DriftIssueRef & { title: string; body: string; fingerprint?: string },
): Promise<DriftIssueResult> {
  const body = withMarker({ key: ref.key, ...(ref.fingerprint ? { fingerprint: ref.fingerprint } : {}) }, ref.body);
  const existing = await findOpenDriftIssue(octokit, ref);
  if (existing) {
    if (sameBody(existing.body ?? '', body)) return { action: 'unchanged', number: existing.number, url: existing.html_url };
    const { data } = await octokit.rest.issues.update({
      owner: ref.owner,
      repo: ref.repo,
      issue_number: existing.number,
      title: ref.title,
      body,
    });
    return { action: 'updated', number: data.number, url: data.html_url };
  }
  const { data } = await octokit.rest.issues.create({
    owner: ref.owner,
    repo: ref.repo,
    title: ref.title,
    body,
    labels: [DRIFT_LABEL],
  });
  return { action: 'opened', number: data.number, url: data.html_url };
}

/** Closes the open drift issue with a note, if there is one. */
export async function closeDriftIssue(octokit: GitHubClient, ref: DriftIssueRef & { comment: string }): Promise<DriftIssueResult> {
  const existing = await findOpenDriftIssue(octokit, ref);
  if (!existing) return { action: 'none' };
  await octokit.rest.issues.createComment({ owner: ref.owner, repo: ref.repo, issue_number: existing.number, body: ref.comment });
  await octokit.rest.issues.update({
    owner: ref.owner,
    repo: ref.repo,
    issue_number: existing.number,
    state: 'closed',
    state_reason: 'completed',
  });
  return { action: 'closed', number: existing.number, url: existing.html_url };
}
