import { ACTIONS_BOT_LOGIN } from '../action/constants.js';
import { statusOf, type GitHubClient } from './client.js';

/**
 * The login of the token's user: comments are trusted only when this user wrote them.
 * The workflow's GITHUB_TOKEN is an installation token that GET /user refuses (403), and its
 * comments are written by `github-actions[bot]`.
 */
export async function resolveTokenLogin(octokit: GitHubClient): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    const status = statusOf(error);
    if (status === 401 || status === 403) return ACTIONS_BOT_LOGIN;
    throw new Error(`Could not identify the GitHub token's user (GET /user): ${messageOf(error)}`, { cause: error });
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
