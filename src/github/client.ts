import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface GitHubClientOptions {
  /** REST API root; defaults to GITHUB_API_URL (GitHub Enterprise Server) or api.github.com. */
  baseUrl?: string;
  /** Log lines about rate limits and retries. */
  log?: (message: string) => void;
  /**
   * Queue requests as GitHub asks integrations to (writes about a second apart, to stay clear of
   * secondary rate limits). On by default; tests against a local fake may turn it off.
   */
  throttle?: boolean;
  /** Retries of 5xx and network failures (default 3). */
  retries?: number;
}

/** How many times a rate-limited request is retried before the error surfaces. */
const RATE_LIMIT_RETRIES = 2;

/**
 * An octokit with GitHub's recommended rate-limit handling: the throttling plugin waits out
 * primary and secondary limits (twice, then gives up) and the retry plugin retries server errors.
 */
export function createGitHubClient(token: string, options: GitHubClientOptions = {}): GitHubClient {
  const log = options.log ?? (() => undefined);
  const baseUrl = options.baseUrl ?? process.env.GITHUB_API_URL;
  return getOctokit(
    token,
    {
      ...(baseUrl ? { baseUrl: baseUrl.replace(/\/+$/, '') } : {}),
      retry: { retries: options.retries ?? 3 },
      throttle: {
        enabled: options.throttle ?? true,
        onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          log(`GitHub rate limit on ${request.method} ${request.url}; retrying in ${retryAfter}s`);
          return retryCount < RATE_LIMIT_RETRIES;
        },
        onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          log(`GitHub secondary rate limit on ${request.method} ${request.url}; retrying in ${retryAfter}s`);
          return retryCount < RATE_LIMIT_RETRIES;
        },
      },
    },
    throttling,
    retry,
  );
}

/** The HTTP status of an octokit error, if any. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = (error as { status: unknown }).status;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}
