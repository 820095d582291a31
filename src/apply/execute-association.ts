import type { LiveAssociation } from '../model/live.js';
import type { AssociationValue } from '../model/plan.js';
import { isConflict, isNotFound } from '../aws/errors.js';
import { EksIdentityError } from '../errors.js';
import { ownedElsewhere, ownerMoved } from './guards.js';
import { StepFailure, type StepContext, type StepOutcome } from './step-context.js';
import { clientRequestTokenFor } from './token.js';
import { associationUpdateOf, isEmpty, liveProperty, tagChangesOf } from './values.js';

/** Conflicts in a row (the object appearing and vanishing under us) before giving up. */
const MAX_CONFLICT_ROUNDS = 3;

export async function applyAssociationChange(ctx: StepContext): Promise<StepOutcome> {
  const { change } = ctx;
  const before = change.before as AssociationValue | undefined;
  const after = change.after as AssociationValue | undefined;
  switch (change.action) {
    case 'create':
      return createAssociation(ctx, required(after, change.id));
    case 'update':
      return updateAssociation(ctx, required(before, change.id), required(after, change.id));
    case 'replace': {
      const refused = await deleteAssociation(ctx, required(before, change.id));
      if (refused) return refused;
      return createAssociation(ctx, required(after, change.id));
    }
    case 'delete':
      return (await deleteAssociation(ctx, required(before, change.id))) ?? { outcome: 'applied' };
    default:
      return { outcome: 'skipped', reason: `nothing to do for a ${change.action} change` };
  }
}

/** Creates with the run's token; a 409 adopts the existing association and updates it to the desired state. */
async function createAssociation(ctx: StepContext, desired: AssociationValue): Promise<StepOutcome> {
  const token = clientRequestTokenFor(ctx.run.fingerprint, ctx.run.runId, ctx.clusterName, ctx.change.id);
  for (let round = 0; round < MAX_CONFLICT_ROUNDS; round++) {
    try {
      await ctx.call('CreatePodIdentityAssociation', () => ctx.gateway.createAssociation(ctx.clusterName, desired, token));
      return { outcome: 'applied' };
    } catch (err) {
      if (!(err instanceof StepFailure && isConflict(err.lastError))) throw err;
    }
    const existing = await ctx.call('ListPodIdentityAssociations', () =>
      ctx.gateway.findAssociation(ctx.clusterName, desired.namespace, desired.serviceAccount),
    );
    // Deleted again between the 409 and the look-up: try the create once more.
    if (!existing) continue;
    if (existing.ownerArn) {
      return { outcome: 'skipped', reason: `the association ${desired.namespace}/${desired.serviceAccount} already exists and is owned by ${existing.ownerArn}; change it through the add-on` };
    }
    const taken = ownedElsewhere(desired.tags, existing.tags, `association ${desired.namespace}/${desired.serviceAccount}`);
    if (taken) return taken;
    await convergeAssociation(ctx, existing, desired);
    return { outcome: 'adopted', reason: `the association already existed (${existing.associationId}); it was updated to the desired state` };
  }
  throw new StepFailure(
    'CreatePodIdentityAssociation',
    new EksIdentityError('APPLY_CONFLICT', `The association ${desired.namespace}/${desired.serviceAccount} kept conflicting and vanishing; re-run apply`, { source: 'user' }),
  );
}

/** Updates from the planned live value; when the association is gone, creates it; on a conflict, re-reads and retries once. */
async function updateAssociation(ctx: StepContext, before: AssociationValue, desired: AssociationValue): Promise<StepOutcome> {
  let current: LiveAssociation | AssociationValue | undefined = before;
  if (before.associationId === undefined) current = await findCurrent(ctx, desired);
  for (let round = 0; current !== undefined && round < 2; round++) {
    try {
      await convergeAssociation(ctx, current, desired);
      return { outcome: 'applied' };
    } catch (err) {
      if (!(err instanceof StepFailure && (isConflict(err.lastError) || isNotFound(err.lastError)))) throw err;
      current = await findCurrent(ctx, desired);
    }
  }
  if (current === undefined) {
    const created = await createAssociation(ctx, desired);
    return { ...created, reason: 'the association was gone; it was created again' };
  }
  throw new StepFailure('UpdatePodIdentityAssociation', new EksIdentityError('APPLY_CONFLICT', `The association ${desired.namespace}/${desired.serviceAccount} kept changing during the update; re-run apply`));
}

function findCurrent(ctx: StepContext, desired: AssociationValue): Promise<LiveAssociation | undefined> {
  return ctx.call('ListPodIdentityAssociations', () => ctx.gateway.findAssociation(ctx.clusterName, desired.namespace, desired.serviceAccount));
}

/** Writes only what differs: the update call for the fields, Tag/UntagResource for tags. */
async function convergeAssociation(ctx: StepContext, current: LiveAssociation | AssociationValue, desired: AssociationValue): Promise<void> {
  const id = current.associationId;
  if (id === undefined) throw new EksIdentityError('APPLY_INTERNAL', `No association id for ${desired.namespace}/${desired.serviceAccount}`, { source: 'internal' });
  const fields = associationUpdateOf(current, desired);
  let arn = liveProperty(current, 'associationArn');
  if (!isEmpty(fields)) {
    const updated = await ctx.call('UpdatePodIdentityAssociation', () => ctx.gateway.updateAssociation(ctx.clusterName, id, fields));
    arn ??= updated.associationArn;
  }
  const tags = tagChangesOf(current.tags, desired.tags);
  if (isEmpty(tags.set) && tags.remove.length === 0) return;
  if (arn === undefined) {
    const described = await ctx.call('DescribePodIdentityAssociation', () => ctx.gateway.describeAssociation(ctx.clusterName, id));
    arn = described?.associationArn;
  }
  const resourceArn = arn;
  if (resourceArn === undefined) throw new EksIdentityError('APPLY_INTERNAL', `No ARN for association ${id}`, { source: 'internal' });
  if (!isEmpty(tags.set)) await ctx.call('TagResource', () => ctx.gateway.tagResource(resourceArn, tags.set));
  if (tags.remove.length > 0) await ctx.call('UntagResource', () => ctx.gateway.untagResource(resourceArn, tags.remove));
}

/**
 * Deletes after re-checking the association as EKS has it now: already gone is done, add-on
 * owned is refused, and the max-deletes budget applies. Returns an outcome only when refused.
 */
async function deleteAssociation(ctx: StepContext, before: AssociationValue): Promise<StepOutcome | undefined> {
  const current =
    before.associationId === undefined
      ? await findCurrent(ctx, before)
      : await ctx.call('DescribePodIdentityAssociation', () => ctx.gateway.describeAssociation(ctx.clusterName, before.associationId as string));
  if (current === undefined) return undefined;
  if (current.ownerArn) {
    return { outcome: 'skipped', reason: `the association ${current.namespace}/${current.serviceAccount} is owned by ${current.ownerArn}; it is never deleted` };
  }
  const moved = ownerMoved(before.tags, current.tags, `association ${current.namespace}/${current.serviceAccount}`);
  if (moved) return moved;
  if (!ctx.run.budget.reserve()) return { outcome: 'skipped', reason: ctx.run.budget.describe() };
  await ctx.call('DeletePodIdentityAssociation', () => ctx.gateway.deleteAssociation(ctx.clusterName, current.associationId));
  return undefined;
}

export function required<T>(value: T | undefined, changeId: string): T {
  if (value === undefined) throw new EksIdentityError('APPLY_INTERNAL', `The change ${changeId} lacks a value it needs`, { source: 'internal' });
  return value;
}
