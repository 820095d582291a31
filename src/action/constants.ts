/** Names shared by action.yml, the code and the docs: inputs, outputs and modes (GitHub's own names: src/github/constants.ts). */

export const Inputs = {
  manifest: 'manifest',
  mode: 'mode',
  clusters: 'clusters',
  githubToken: 'github-token',
  prune: 'prune',
  maxDeletes: 'max-deletes',
  onPlanChange: 'on-plan-change',
  comment: 'comment',
  labels: 'labels',
  allowLockout: 'allow-lockout',
  configmap: 'configmap',
  migrationPath: 'migration-path',
  timeout: 'timeout',
} as const;

export const Outputs = {
  hasChanges: 'has-changes',
  creates: 'creates',
  updates: 'updates',
  replaces: 'replaces',
  deletes: 'deletes',
  errors: 'errors',
  fingerprint: 'fingerprint',
  planJson: 'plan-json',
  commentUrl: 'comment-url',
  pullRequestUrl: 'pull-request-url',
} as const;

export const MODES = ['auto', 'plan', 'apply', 'drift', 'migrate-irsa', 'migrate-aws-auth', 'export'] as const;
export type ModeInput = (typeof MODES)[number];
/** A mode the action actually runs (`auto` resolved). */
export type Mode = Exclude<ModeInput, 'auto'>;

export const ON_PLAN_CHANGE = ['fail', 'warn'] as const;
export type OnPlanChange = (typeof ON_PLAN_CHANGE)[number];

/** Room kept for the hidden marker and the footer around a rendered plan. */
export const COMMENT_MARGIN = 1_024;
