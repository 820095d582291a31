import { ACTIONS_BOT_LOGIN } from './constants.js';
import { statusOf, type GitHubClient } from './client.js';

/**
 * The login of the token's user: comments are trusted only when this user wrote them. A personal
 * or fine-grained token answers GET /user. An installation token (the workflow's GITHUB_TOKEN, or
 * a GitHub App's token) is refused there (403), but GraphQL's `viewer` names its bot:
 * `github-actions[bot]`, or `<app-slug>[bot]` for an App, which is who writes the comments.
 */
export async function resolveTokenLogin(octokit: GitHubClient): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    const status = statusOf(error);
    if (status !== 401 && status !== 403) {
      throw new Error(`Could not identify the GitHub token's user (GET /user): ${messageOf(error)}`, { cause: error });
    }
  }
  try {
    const answer = await octokit.graphql<{ viewer?: { login?: string } }>('query { viewer { login } }');
    if (answer.viewer?.login) return answer.viewer.login;
  } catch {
    // Older GitHub Enterprise servers: the workflow's own bot is the best guess.
  }
  return ACTIONS_BOT_LOGIN;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
