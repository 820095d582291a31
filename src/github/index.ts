/** GitHub glue: client, sticky comments, merged-PR lookup, drift issue, branch pull requests. */
export { createGitHubClient, statusOf, type GitHubClient, type GitHubClientOptions } from './client.js';
export { encodeMarkerKey, formatMarker, parseMarker, withMarker, type Marker } from './marker.js';
export { resolveTokenLogin } from './identity.js';
export {
  findStickyComment,
  upsertStickyComment,
  sameBody,
  type IssueRef,
  type StickyCommentRequest,
  type StickyCommentResult,
  type FoundComment,
} from './sticky-comment.js';
export { PLAN_LABELS, planLabels, syncPlanLabels, type PlanOutcome, type LabelSync } from './labels.js';
export { findMergedPullRequest, readReviewedFingerprint, type RepoRef, type MergedPullRequest } from './pull-requests.js';
export { upsertDriftIssue, closeDriftIssue, type DriftIssueRef, type DriftIssueResult } from './drift-issue.js';
export { openBranchPullRequest, type BranchPullRequestRequest, type BranchPullRequestResult, type FileChange } from './branch-pull-request.js';
export { DRIFT_LABEL, ACTIONS_BOT_LOGIN, GITHUB_BODY_LIMIT } from './constants.js';
