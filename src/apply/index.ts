export { applyPlan, applyErrorOf, DEFAULT_APPLY_CONCURRENCY, DEFAULT_PROPAGATION_WINDOW_MS, DEFAULT_UPDATE_TIMEOUT_MS } from './apply-plan.js';
export { orderPlan, type ExecutionOrder, type Step, type Unit } from './order.js';
export { clientRequestTokenFor } from './token.js';
export { eksOwnedEntryReason, isSamePrincipal } from './guards.js';
export type { ApplyDeps, ApplyOptions, ApplyReport, ApplyResult, ApplySummary, ApplyOutcome, ApplyError, ApplyEvent } from './types.js';
export { refusePlanWithErrors, refuseUnreviewedPlan, ApplyRefusedError, type ReviewCheck } from './refusal.js';
