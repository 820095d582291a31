/*
 * Delete guards, checked again right before each delete against what EKS answers at that moment
 * (the plan may be minutes old). They are the last line of defence; the plan reports the same
 * situations as findings, with the same ownership rules (src/model/ownership.ts).
 */
import { OWNER_TAG, ownerOf } from '../model/ownership.js';
import type { StepOutcome } from './step-context.js';

export { eksOwnedEntryReason, isCapabilityPolicy, isClusterAdminPolicy, isSamePrincipal, ownerOf, CLUSTER_ADMIN_POLICY } from '../model/ownership.js';

/**
 * Refuses a delete when the object's owner tag changed since the plan: another manifest took it
 * over (or it was retagged by hand), and the reviewed delete was about the old owner's object.
 */
export function ownerMoved(planned: Readonly<Record<string, string>>, current: Readonly<Record<string, string>>, label: string): StepOutcome | undefined {
  const before = ownerOf(planned);
  const now = ownerOf(current);
  if (before === now) return undefined;
  return { outcome: 'skipped', reason: `the ${label} is now tagged ${OWNER_TAG}=${JSON.stringify(now ?? '')} (the plan saw ${JSON.stringify(before ?? '')}); it is not deleted` };
}

/**
 * Refuses to adopt (a 409 on create) an object another manifest owns: the plan saw it absent, and
 * another owner created it since. Taking it over would make two manifests fight over it.
 */
export function ownedElsewhere(desired: Readonly<Record<string, string>>, existing: Readonly<Record<string, string>>, label: string): StepOutcome | undefined {
  const holder = ownerOf(existing);
  if (holder === undefined || holder === ownerOf(desired)) return undefined;
  return { outcome: 'skipped', reason: `the ${label} already exists and is tagged ${OWNER_TAG}=${JSON.stringify(holder)}; it is not adopted (plan again to see it)` };
}

/**
 * Hands out the max-deletes budget. Reservations happen synchronously before each delete starts,
 * so concurrent deletes can never overrun it.
 */
export class DeleteBudget {
  private used = 0;

  constructor(private readonly limit: number | undefined) {}

  /** True when one more delete may run. */
  reserve(): boolean {
    if (this.limit !== undefined && this.used >= this.limit) return false;
    this.used++;
    return true;
  }

  describe(): string {
    return `the max-deletes limit of ${this.limit ?? 'unlimited'} was reached in this run`;
  }
}
