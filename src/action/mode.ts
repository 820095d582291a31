import { MODES, type Mode, type ModeInput } from './constants.js';
import type { ActionEvent } from './event.js';

/** What to run and why (the reason is logged so a surprising choice explains itself). */
export type ModeDecision =
  | { mode: Mode; reason: string; review: ReviewSource }
  | { mode: 'skip'; reason: string };

/**
 * Where an apply takes the reviewed fingerprint from: the merged pull request of a push, or
 * nowhere when someone started the apply by hand (workflow_dispatch, explicit `mode: apply`).
 */
export type ReviewSource = 'merged-pull-request' | 'none';

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];

/** Chooses the mode from the `mode` input and the event. Pure. */
export function resolveMode(modeInput: ModeInput, event: ActionEvent): ModeDecision {
  const reviewFor = (mode: Mode): ReviewSource => (mode === 'apply' && event.name === 'push' ? 'merged-pull-request' : 'none');
  if (modeInput !== 'auto') {
    return { mode: modeInput, reason: `mode input is "${modeInput}"`, review: reviewFor(modeInput) };
  }
  if (PULL_REQUEST_EVENTS.includes(event.name)) {
    return { mode: 'plan', reason: `${event.name} event`, review: 'none' };
  }
  if (event.name === 'push') {
    const branch = event.ref.startsWith('refs/heads/') ? event.ref.slice('refs/heads/'.length) : undefined;
    if (branch !== undefined && branch === event.defaultBranch) {
      return { mode: 'apply', reason: `push to the default branch ${branch}`, review: 'merged-pull-request' };
    }
    return {
      mode: 'plan',
      reason: `push to ${branch ?? event.ref}, which is not the default branch ${event.defaultBranch ?? '(unknown)'}: plan only, nothing is applied`,
      review: 'none',
    };
  }
  if (event.name === 'schedule') {
    return { mode: 'drift', reason: 'schedule event', review: 'none' };
  }
  if (event.name === 'workflow_dispatch') {
    const chosen = event.dispatchMode;
    if (chosen !== undefined && chosen !== 'auto' && (MODES as readonly string[]).includes(chosen)) {
      const mode = chosen as Mode;
      return { mode, reason: `workflow_dispatch with mode "${mode}"`, review: 'none' };
    }
    if (chosen !== undefined && chosen !== '' && chosen !== 'auto') {
      return { mode: 'skip', reason: `workflow_dispatch input mode "${chosen}" is not one of ${MODES.join(', ')}` };
    }
    return { mode: 'plan', reason: 'workflow_dispatch without a mode input', review: 'none' };
  }
  return {
    mode: 'skip',
    reason: `event "${event.name}" has no automatic mode; set the mode input (${MODES.filter((m) => m !== 'auto').join(', ')})`,
  };
}
