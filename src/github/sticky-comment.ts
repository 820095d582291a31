import type { GitHubClient } from './client.js';
import { resolveTokenLogin } from './identity.js';
import { parseMarker, withMarker, type Marker } from './marker.js';

export interface IssueRef {
  owner: string;
  repo: string;
  issueNumber: number;
}

export interface StickyCommentRequest extends IssueRef {
  /** Which sticky comment: one per key (e.g. `plan:eks-identity.yaml`). */
  marker: Marker;
  /** Markdown without the marker. */
  body: string;
  /** Login whose comments may be updated; resolved with GET /user when omitted. */
  author?: string;
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url: string;
}

export interface FoundComment {
  id: number;
  url: string;
  body: string;
  fingerprint?: string;
  /** Each cluster's part of the plan the comment shows (marker `clusters=`). */
  clusters?: Record<string, string>;
}

/**
 * Finds this tool's comment for `key`: the marker must match and the comment must be written by
 * `author`, so a marker pasted by someone else is never updated nor trusted.
 */
export async function findStickyComment(
  octokit: GitHubClient,
  ref: IssueRef & { key: string; author: string },
): Promise<FoundComment | undefined> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: ref.owner,
    repo: ref.repo,
    issue_number: ref.issueNumber,
    per_page: 100,
  });
  // The newest one wins should an older run have left a duplicate behind.
  for (const comment of [...comments].reverse()) {
    if (comment.user?.login !== ref.author) continue;
    const marker = parseMarker(comment.body);
    if (marker?.key !== ref.key) continue;
    return {
      id: comment.id,
      url: comment.html_url,
      body: comment.body ?? '',
      ...(marker.fingerprint === undefined ? {} : { fingerprint: marker.fingerprint }),
      ...(marker.clusters === undefined ? {} : { clusters: marker.clusters }),
    };
  }
  return undefined;
}

/** Creates the comment once, then edits it in place; an identical body is left untouched. */
export async function upsertStickyComment(octokit: GitHubClient, request: StickyCommentRequest): Promise<StickyCommentResult> {
  const author = request.author ?? (await resolveTokenLogin(octokit));
  const body = withMarker(request.marker, request.body);
  const existing = await findStickyComment(octokit, { ...request, key: request.marker.key, author });
  if (existing) {
    if (sameBody(existing.body, body)) return { action: 'unchanged', id: existing.id, url: existing.url };
    const { data } = await octokit.rest.issues.updateComment({
      owner: request.owner,
      repo: request.repo,
      comment_id: existing.id,
      body,
    });
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({
    owner: request.owner,
    repo: request.repo,
    issue_number: request.issueNumber,
    body,
  });
  return { action: 'created', id: data.id, url: data.html_url };
}

/** GitHub may store CRLF line ends and drop trailing blanks; neither is a change. */
export function sameBody(a: string, b: string): boolean {
  const normalize = (s: string) => s.replace(/\r\n/g, '\n').trimEnd();
  return normalize(a) === normalize(b);
}
