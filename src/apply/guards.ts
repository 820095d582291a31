/*
 * Delete guards, checked again right before each delete against what EKS answers at that moment
 * (the plan may be minutes old). They are the last line of defence; the plan reports the same
 * situations as findings, with the same ownership rules (src/model/ownership.ts).
 */
export { eksOwnedEntryReason, isCapabilityPolicy, isClusterAdminPolicy, isSamePrincipal, CLUSTER_ADMIN_POLICY } from '../model/ownership.js';

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
