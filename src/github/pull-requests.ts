import type { GitHubClient } from './client.js';
import { findStickyComment } from './sticky-comment.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface MergedPullRequest {
  number: number;
  url: string;
  title: string;
}

/**
 * The pull request whose merge produced `sha` (GET /repos/{o}/{r}/commits/{sha}/pulls). A merge
 * commit, squash or rebase all list it; the one whose merge commit is `sha` is preferred.
 */
export async function findMergedPullRequest(octokit: GitHubClient, ref: RepoRef & { sha: string }): Promise<MergedPullRequest | undefined> {
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    owner: ref.owner,
    repo: ref.repo,
    commit_sha: ref.sha,
    per_page: 100,
  });
  const merged = data.filter((pr) => pr.merged_at !== null && pr.merged_at !== undefined);
  const chosen = merged.find((pr) => pr.merge_commit_sha === ref.sha) ?? merged[0];
  return chosen ? { number: chosen.number, url: chosen.html_url, title: chosen.title } : undefined;
}

/**
 * The fingerprint of the plan that was reviewed on a pull request: read from this tool's own
 * plan comment (same marker key, written by `author`), never from anyone else's.
 */
export async function readReviewedFingerprint(
  octokit: GitHubClient,
  ref: RepoRef & { issueNumber: number; key: string; author: string },
): Promise<{ fingerprint: string; clusters?: Record<string, string>; commentUrl: string } | undefined> {
  const comment = await findStickyComment(octokit, ref);
  if (!comment?.fingerprint) return undefined;
  return { fingerprint: comment.fingerprint, ...(comment.clusters ? { clusters: comment.clusters } : {}), commentUrl: comment.url };
}
