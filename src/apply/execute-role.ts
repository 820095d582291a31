import { isConflict } from '../aws/errors.js';
import type { IamRoleGateway } from '../aws/role-gateway.js';
import { EksIdentityError } from '../errors.js';
import type { LiveRoleDetail } from '../model/desired-role.js';
import { OWNER_TAG, ownerOf } from '../model/ownership.js';
import type { IamRoleValue } from '../model/plan.js';
import { liveRoleValue } from '../plan/roles.js';
import { required } from './execute-association.js';
import { ownerMoved } from './guards.js';
import { StepFailure, type StepContext, type StepOutcome } from './step-context.js';
import { tagChangesOf } from './values.js';

/*
 * Roles eks-identity owns. Each step re-reads the role first and converges it from what IAM has
 * now, so a run cut off anywhere is completed by the next one: CreateRole carries the owner tag in
 * the same call, so a role left without its policies is recognised as ours and finished, never
 * created twice. A role another owner (or nobody, unless the plan adopts it) holds is never written.
 */

export async function applyRoleChange(ctx: StepContext): Promise<StepOutcome> {
  const { change } = ctx;
  const roles = ctx.gateway.roles;
  if (!roles) throw new StepFailure('CreateRole', new EksIdentityError('APPLY_INTERNAL', 'this gateway cannot write IAM roles', { source: 'internal' }));
  const before = change.before as IamRoleValue | undefined;
  const after = change.after as IamRoleValue | undefined;
  switch (change.action) {
    case 'create':
      return createRole(ctx, roles, required(after, change.id));
    case 'update':
      return updateRole(ctx, roles, required(before, change.id), required(after, change.id));
    case 'delete':
      return deleteRole(ctx, roles, required(before, change.id));
    default:
      return { outcome: 'skipped', reason: `nothing to do for a ${change.action} change` };
  }
}

function readRole(ctx: StepContext, roles: IamRoleGateway, roleName: string): Promise<LiveRoleDetail | undefined> {
  return ctx.call('GetRole', () => roles.readRole(roleName, true));
}

async function createRole(ctx: StepContext, roles: IamRoleGateway, desired: IamRoleValue): Promise<StepOutcome> {
  let current = await readRole(ctx, roles, desired.roleName);
  if (!current) {
    try {
      await ctx.call('CreateRole', () => roles.createRole(desired));
      await converge(ctx, roles, { ...desired, managedPolicyArns: [], inlinePolicies: {} }, desired);
      return { outcome: 'applied' };
    } catch (err) {
      if (!(err instanceof StepFailure && err.operation === 'CreateRole' && isConflict(err.lastError))) throw err;
      current = await readRole(ctx, roles, desired.roleName);
      if (!current) throw err;
    }
  }
  const holder = ownerOf(current.tags);
  if (holder === undefined || holder !== ownerOf(desired.tags)) {
    return { outcome: 'skipped', reason: `the IAM role ${desired.roleName} already exists${holder === undefined ? ' without an owner tag' : ` and is tagged ${OWNER_TAG}=${JSON.stringify(holder)}`}; it is not taken over (plan again to see it)` };
  }
  await converge(ctx, roles, liveRoleValue(current), desired);
  return { outcome: 'adopted', reason: 'the role already existed with this manifest\'s owner tag (an earlier run created it); it was completed to the desired state' };
}

async function updateRole(ctx: StepContext, roles: IamRoleGateway, before: IamRoleValue, desired: IamRoleValue): Promise<StepOutcome> {
  const current = await readRole(ctx, roles, desired.roleName);
  if (!current) {
    const created = await createRole(ctx, roles, desired);
    return { ...created, reason: 'the role was gone; it was created again' };
  }
  // The owner must be the one the plan saw (none, for a role it adopts) or already this manifest.
  const holder = ownerOf(current.tags);
  if (holder !== ownerOf(before.tags) && holder !== ownerOf(desired.tags)) {
    return { outcome: 'skipped', reason: `the IAM role ${desired.roleName} is now tagged ${OWNER_TAG}=${JSON.stringify(holder ?? '')} (the plan saw ${JSON.stringify(ownerOf(before.tags) ?? '')}); it is not changed` };
  }
  await converge(ctx, roles, liveRoleValue(current), desired);
  return { outcome: 'applied' };
}

/** Detach the managed policies, delete the inline ones, then the role (IAM refuses DeleteRole while policies remain). */
async function deleteRole(ctx: StepContext, roles: IamRoleGateway, before: IamRoleValue): Promise<StepOutcome> {
  const current = await readRole(ctx, roles, before.roleName);
  if (!current) return { outcome: 'applied', reason: 'the role was already gone' };
  const moved = ownerMoved(before.tags, current.tags, `IAM role ${before.roleName}`);
  if (moved) return moved;
  const name = current.roleName;
  for (const arn of current.managedPolicyArns ?? []) await ctx.call('DetachRolePolicy', () => roles.detachPolicy(name, arn));
  for (const policy of Object.keys(current.inlinePolicies ?? {})) await ctx.call('DeleteRolePolicy', () => roles.deleteInlinePolicy(name, policy));
  await ctx.call('DeleteRole', () => roles.deleteRole(name));
  return { outcome: 'applied' };
}

/**
 * Writes what differs between `current` and `desired`. Tags first: a role being adopted is then
 * recognisably ours before anything else changes. Policies are added before stale ones go, so the
 * role never has less than both the old and the new set would give mid-way.
 */
async function converge(ctx: StepContext, roles: IamRoleGateway, current: IamRoleValue, desired: IamRoleValue): Promise<void> {
  const name = desired.roleName;
  const tags = tagChangesOf(current.tags, desired.tags);
  if (Object.keys(tags.set).length > 0) await ctx.call('TagRole', () => roles.tagRole(name, tags.set));
  if (current.trustPolicy !== desired.trustPolicy) await ctx.call('UpdateAssumeRolePolicy', () => roles.updateTrust(name, desired.trustPolicy));
  if (desired.permissionsBoundary !== undefined && current.permissionsBoundary !== desired.permissionsBoundary) {
    const boundary = desired.permissionsBoundary;
    await ctx.call('PutRolePermissionsBoundary', () => roles.putBoundary(name, boundary));
  }
  if (desired.permissionsBoundary === undefined && current.permissionsBoundary !== undefined) await ctx.call('DeleteRolePermissionsBoundary', () => roles.deleteBoundary(name));
  if ((current.description ?? '') !== (desired.description ?? '') || current.maxSessionDuration !== desired.maxSessionDuration) {
    await ctx.call('UpdateRole', () => roles.updateRole(name, { description: desired.description ?? '', maxSessionDuration: desired.maxSessionDuration }));
  }
  for (const [policy, document] of Object.entries(desired.inlinePolicies)) {
    if (current.inlinePolicies[policy] !== document) await ctx.call('PutRolePolicy', () => roles.putInlinePolicy(name, policy, document));
  }
  for (const arn of desired.managedPolicyArns) if (!current.managedPolicyArns.includes(arn)) await ctx.call('AttachRolePolicy', () => roles.attachPolicy(name, arn));
  for (const arn of current.managedPolicyArns) if (!desired.managedPolicyArns.includes(arn)) await ctx.call('DetachRolePolicy', () => roles.detachPolicy(name, arn));
  for (const policy of Object.keys(current.inlinePolicies)) if (!(policy in desired.inlinePolicies)) await ctx.call('DeleteRolePolicy', () => roles.deleteInlinePolicy(name, policy));
  if (tags.remove.length > 0) await ctx.call('UntagRole', () => roles.untagRole(name, tags.remove));
}
