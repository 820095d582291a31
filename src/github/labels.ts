/**
 * Pull-request labels that say what the plan on the pull request would do, like tfcmt's: one or
 * more of changes, deletes and errors, or no-changes. They are set in the same run that writes the
 * sticky plan comment, from the same plan, so the two never disagree; labels of this tool that
 * no longer apply are removed, and other labels are never touched.
 */
import { statusOf, type GitHubClient } from './client.js';
import type { IssueRef } from './sticky-comment.js';

export const PLAN_LABELS = {
  changes: { name: 'eks-identity:changes', color: '1d76db', description: 'The eks-identity plan creates, updates or replaces something' },
  deletes: { name: 'eks-identity:deletes', color: 'd93f0b', description: 'The eks-identity plan deletes or replaces something' },
  noChanges: { name: 'eks-identity:no-changes', color: '0e8a16', description: 'The eks-identity plan changes nothing' },
  errors: { name: 'eks-identity:errors', color: 'b60205', description: 'The manifest or the eks-identity plan has errors' },
} as const;

type LabelSpec = (typeof PLAN_LABELS)[keyof typeof PLAN_LABELS];
const OURS = new Map<string, LabelSpec>(Object.values(PLAN_LABELS).map((l) => [l.name, l]));

/** What the labels are decided from: counts of the plan (or 1 error for an invalid manifest). */
export interface PlanOutcome {
  creates: number;
  updates: number;
  replaces: number;
  deletes: number;
  errors: number;
}

/** The labels a plan outcome calls for, in a fixed order. */
export function planLabels(outcome: PlanOutcome): string[] {
  const labels: string[] = [];
  if (outcome.creates + outcome.updates + outcome.replaces > 0) labels.push(PLAN_LABELS.changes.name);
  if (outcome.deletes + outcome.replaces > 0) labels.push(PLAN_LABELS.deletes.name);
  if (outcome.errors > 0) labels.push(PLAN_LABELS.errors.name);
  if (labels.length === 0) labels.push(PLAN_LABELS.noChanges.name);
  return labels;
}

export interface LabelSync {
  added: string[];
  removed: string[];
}

/**
 * Makes this tool's labels on the pull request exactly `wanted`: removes ours that no longer
 * apply, creates a missing label in the repository (with its colour) before adding it, and
 * writes nothing when the labels already match.
 */
export async function syncPlanLabels(octokit: GitHubClient, ref: IssueRef & { wanted: readonly string[] }): Promise<LabelSync> {
  const current = await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, { owner: ref.owner, repo: ref.repo, issue_number: ref.issueNumber, per_page: 100 });
  const names = new Set(current.map((l) => l.name));
  const removed = [...names].filter((name) => OURS.has(name) && !ref.wanted.includes(name));
  const added = ref.wanted.filter((name) => !names.has(name));
  for (const name of removed) {
    try {
      await octokit.rest.issues.removeLabel({ owner: ref.owner, repo: ref.repo, issue_number: ref.issueNumber, name });
    } catch (error) {
      // Someone removed it meanwhile: the outcome is the one wanted.
      if (statusOf(error) !== 404) throw error;
    }
  }
  if (added.length > 0) {
    for (const name of added) await ensureLabel(octokit, ref, OURS.get(name) ?? { name, color: 'ededed', description: '' });
    await octokit.rest.issues.addLabels({ owner: ref.owner, repo: ref.repo, issue_number: ref.issueNumber, labels: added });
  }
  return { added, removed };
}

/** Creates the label in the repository; 422 means it exists already (its colour is then the repository's). */
async function ensureLabel(octokit: GitHubClient, ref: IssueRef, label: LabelSpec | { name: string; color: string; description: string }): Promise<void> {
  try {
    await octokit.rest.issues.createLabel({ owner: ref.owner, repo: ref.repo, name: label.name, color: label.color, description: label.description });
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
  }
}
