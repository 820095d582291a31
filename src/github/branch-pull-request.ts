import type { GitHubClient } from './client.js';
import type { RepoRef } from './pull-requests.js';

export interface FileChange {
  /** Repository-relative path. */
  path: string;
  content: string;
}

export interface BranchPullRequestRequest extends RepoRef {
  /** Branch the pull request merges into (usually the default branch). */
  base: string;
  /** New branch; must not exist yet. */
  branch: string;
  files: FileChange[];
  commitMessage: string;
  title: string;
  body: string;
}

export interface BranchPullRequestResult {
  number: number;
  url: string;
  commitSha: string;
}

/**
 * Commits files on a new branch and opens a pull request, through the Git data API so no
 * checkout or git binary is needed: blob → tree (on the base tree) → commit → ref → pull.
 */
export async function openBranchPullRequest(octokit: GitHubClient, request: BranchPullRequestRequest): Promise<BranchPullRequestResult> {
  const { owner, repo } = request;
  const { data: baseRef } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${request.base}` });
  const baseSha = baseRef.object.sha;
  const { data: baseCommit } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: baseSha });

  const tree = [];
  for (const file of request.files) {
    const { data: blob } = await octokit.rest.git.createBlob({ owner, repo, content: file.content, encoding: 'utf-8' });
    tree.push({ path: file.path, mode: '100644' as const, type: 'blob' as const, sha: blob.sha });
  }
  const { data: newTree } = await octokit.rest.git.createTree({ owner, repo, base_tree: baseCommit.tree.sha, tree });
  const { data: commit } = await octokit.rest.git.createCommit({
    owner,
    repo,
    message: request.commitMessage,
    tree: newTree.sha,
    parents: [baseSha],
  });
  await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${request.branch}`, sha: commit.sha });
  const { data: pull } = await octokit.rest.pulls.create({
    owner,
    repo,
    base: request.base,
    head: request.branch,
    title: request.title,
    body: request.body,
  });
  return { number: pull.number, url: pull.html_url, commitSha: commit.sha };
}
