import type { AccessEntryRecord } from '../aws/gateway.js';
import { isConflict, isNotFound } from '../aws/errors.js';
import { EksIdentityError } from '../errors.js';
import type { AccessEntryValue, AccessPolicyValue } from '../model/plan.js';
import { required } from './execute-association.js';
import { eksOwnedEntryReason, isCapabilityPolicy, isClusterAdminPolicy, isSamePrincipal, ownedElsewhere, ownerMoved, ownerOf } from './guards.js';
import { StepFailure, type StepContext, type StepOutcome } from './step-context.js';
import { clientRequestTokenFor } from './token.js';
import { accessEntryUpdateOf, isEmpty, liveProperty, tagChangesOf } from './values.js';

const MAX_CONFLICT_ROUNDS = 3;

export async function applyAccessEntryChange(ctx: StepContext): Promise<StepOutcome> {
  const { change } = ctx;
  const before = change.before as AccessEntryValue | undefined;
  const after = change.after as AccessEntryValue | undefined;
  switch (change.action) {
    case 'create':
      return createEntry(ctx, required(after, change.id));
    case 'update':
      return updateEntry(ctx, required(before, change.id), required(after, change.id));
    case 'replace': {
      const refused = await deleteEntry(ctx, required(before, change.id));
      if (refused) return refused;
      return createEntry(ctx, required(after, change.id));
    }
    case 'delete':
      return (await deleteEntry(ctx, required(before, change.id))) ?? { outcome: 'applied' };
    default:
      return { outcome: 'skipped', reason: `nothing to do for a ${change.action} change` };
  }
}

export async function applyAccessPolicyChange(ctx: StepContext): Promise<StepOutcome> {
  const { change } = ctx;
  if (change.action === 'delete') {
    const before = required(change.before as AccessPolicyValue | undefined, change.id);
    if (isCapabilityPolicy(before.policyArn)) return { outcome: 'skipped', reason: `${before.policyArn} is associated by EKS for an EKS Capability; it is never removed` };
    const refused = await refuseLockout(ctx, before.principalArn, isClusterAdminPolicy(before.policyArn));
    if (refused) return refused;
    await ctx.call('DisassociateAccessPolicy', () => ctx.gateway.disassociateAccessPolicy(ctx.clusterName, before.principalArn, before.policyArn));
    return { outcome: 'applied' };
  }
  if (change.action === 'unmanaged') return { outcome: 'skipped', reason: 'nothing to do for an unmanaged note' };
  // Create, update and replace are all one call: associating again replaces the scope.
  const after = required(change.after as AccessPolicyValue | undefined, change.id);
  await ctx.call('AssociateAccessPolicy', () => ctx.gateway.associateAccessPolicy(ctx.clusterName, after.principalArn, after.policyArn, after.scope));
  return { outcome: 'applied' };
}

async function createEntry(ctx: StepContext, desired: AccessEntryValue): Promise<StepOutcome> {
  const token = clientRequestTokenFor(ctx.run.fingerprint, ctx.run.runId, ctx.clusterName, ctx.change.id);
  for (let round = 0; round < MAX_CONFLICT_ROUNDS; round++) {
    try {
      await ctx.call('CreateAccessEntry', () => ctx.gateway.createAccessEntry(ctx.clusterName, desired, token));
      return { outcome: 'applied' };
    } catch (err) {
      if (!(err instanceof StepFailure && isConflict(err.lastError))) throw err;
    }
    const existing = await describe(ctx, desired.principalArn);
    if (!existing) continue;
    const taken = ownedElsewhere(desired.tags, existing.tags, `access entry ${desired.principalArn}`);
    if (taken) return taken;
    if (existing.type !== desired.type) {
      // The type is immutable: adopting would need a replace, which only a reviewed plan may do.
      throw new StepFailure(
        'CreateAccessEntry',
        new EksIdentityError('APPLY_TYPE_CONFLICT', `An access entry for ${desired.principalArn} already exists with type ${existing.type}, not ${desired.type}`, {
          fix: 'Run plan again: it shows the entry as a replacement to review.',
        }),
      );
    }
    await convergeEntry(ctx, existing, desired);
    return { outcome: 'adopted', reason: 'the access entry already existed; it was updated to the desired state' };
  }
  throw new StepFailure('CreateAccessEntry', new EksIdentityError('APPLY_CONFLICT', `The access entry ${desired.principalArn} kept conflicting and vanishing; re-run apply`));
}

async function updateEntry(ctx: StepContext, before: AccessEntryValue, desired: AccessEntryValue): Promise<StepOutcome> {
  let current: AccessEntryValue | AccessEntryRecord | undefined = before;
  for (let round = 0; current !== undefined && round < 2; round++) {
    try {
      await convergeEntry(ctx, current, desired);
      return { outcome: 'applied' };
    } catch (err) {
      if (!(err instanceof StepFailure && (isConflict(err.lastError) || isNotFound(err.lastError)))) throw err;
      current = await describe(ctx, desired.principalArn);
    }
  }
  if (current === undefined) {
    const created = await createEntry(ctx, desired);
    return { ...created, reason: 'the access entry was gone; it was created again' };
  }
  throw new StepFailure('UpdateAccessEntry', new EksIdentityError('APPLY_CONFLICT', `The access entry ${desired.principalArn} kept changing during the update; re-run apply`));
}

function describe(ctx: StepContext, principalArn: string): Promise<AccessEntryRecord | undefined> {
  return ctx.call('DescribeAccessEntry', () => ctx.gateway.describeAccessEntry(ctx.clusterName, principalArn));
}

async function convergeEntry(ctx: StepContext, current: AccessEntryValue | AccessEntryRecord, desired: AccessEntryValue): Promise<void> {
  const fields = accessEntryUpdateOf(current, desired);
  let arn = liveProperty(current, 'accessEntryArn');
  if (!isEmpty(fields)) {
    const updated = await ctx.call('UpdateAccessEntry', () => ctx.gateway.updateAccessEntry(ctx.clusterName, desired.principalArn, fields));
    arn ??= updated.accessEntryArn;
  }
  const tags = tagChangesOf(current.tags, desired.tags);
  if (isEmpty(tags.set) && tags.remove.length === 0) return;
  arn ??= (await describe(ctx, desired.principalArn))?.accessEntryArn;
  const resourceArn = arn;
  if (resourceArn === undefined) throw new StepFailure('DescribeAccessEntry', new EksIdentityError('APPLY_INTERNAL', `No ARN for access entry ${desired.principalArn}`, { source: 'internal' }));
  if (!isEmpty(tags.set)) await ctx.call('TagResource', () => ctx.gateway.tagResource(resourceArn, tags.set));
  if (tags.remove.length > 0) await ctx.call('UntagResource', () => ctx.gateway.untagResource(resourceArn, tags.remove));
}

/**
 * Deletes after the guards: the caller's own entry (unless lockout is allowed), entries EKS owns,
 * the lockout check and the max-deletes budget. Already gone is done. Returns an outcome only when refused.
 */
async function deleteEntry(ctx: StepContext, before: AccessEntryValue): Promise<StepOutcome | undefined> {
  const refused = await refuseLockout(ctx, before.principalArn, true);
  if (refused) return refused;
  const current = await describe(ctx, before.principalArn);
  if (current === undefined) return undefined;
  const moved = ownerMoved(before.tags, current.tags, `access entry ${before.principalArn}`);
  if (moved) return moved;
  const accessPolicies = await ctx.call('ListAssociatedAccessPolicies', () => ctx.gateway.listAccessPolicyArns(ctx.clusterName, before.principalArn));
  // The plan deletes an entry of a node type only when it carries this manifest's owner tag.
  const owned = eksOwnedEntryReason({ ...current, accessPolicies }, ownerOf(before.tags));
  if (owned) return { outcome: 'skipped', reason: owned };
  if (!ctx.run.budget.reserve()) return { outcome: 'skipped', reason: ctx.run.budget.describe() };
  await ctx.call('DeleteAccessEntry', () => ctx.gateway.deleteAccessEntry(ctx.clusterName, before.principalArn));
  return undefined;
}

/**
 * The lockout checks, repeated right before a delete that removes access: never the caller's own
 * entry or admin policy, and nothing that removes access while a cluster-admin grant of this run
 * did not go through (the admin the plan counted on may not exist). `allowLockout` lifts both.
 */
async function refuseLockout(ctx: StepContext, principalArn: string, removesAdminOrEntry: boolean): Promise<StepOutcome | undefined> {
  if (ctx.run.allowLockout || !removesAdminOrEntry) return undefined;
  const caller = await ctx.call('GetCallerIdentity', () => ctx.gateway.callerPrincipalArn());
  if (isSamePrincipal(caller, principalArn)) {
    return { outcome: 'skipped', reason: `${principalArn} is the caller's own principal; removing its access could lock this tool out (use --allow-lockout to override)` };
  }
  if (ctx.run.adminGrantFailed.has(ctx.clusterName)) {
    return { outcome: 'skipped', reason: `a cluster-admin grant on ${ctx.clusterName} did not go through in this run; access is not removed until it does` };
  }
  return undefined;
}
