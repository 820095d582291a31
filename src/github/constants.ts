/** GitHub's own names and limits, and the labels eks-identity gives what it writes there. */

/** Label of the issue the drift check opens. */
export const DRIFT_LABEL = 'eks-identity-drift';

/** Login of the user behind the workflow's GITHUB_TOKEN (it cannot call GET /user). */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/** GitHub rejects issue and comment bodies longer than this. */
export const GITHUB_BODY_LIMIT = 65_536;
