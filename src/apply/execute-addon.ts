/**
 * Applies an add-on's association changes with one UpdateAddon that carries the add-on's complete
 * declared list (the list replaces the add-on's associations: EKS API reference, UpdateAddon), then
 * waits for the asynchronous update (DescribeUpdate) to end Successful, Failed or Cancelled, polling
 * at a bounded interval until the update timeout or the run's time limit. Every change of the
 * add-on shares that one call and reports its outcome.
 */
import { EksIdentityError } from '../errors.js';
import { StepFailure, type RunSettings, type StepContext, type StepOutcome } from './step-context.js';
import { clientRequestTokenFor } from './token.js';

/** Polls start after 1 s and double up to 10 s: an add-on update usually ends within seconds, some take minutes. */
export const ADDON_POLL_FIRST_MS = 1_000;
export const ADDON_POLL_MAX_MS = 10_000;

/** Per run: the update of each (cluster, add-on), started by the add-on's first change and awaited by the others. */
const updatesOfRun = new WeakMap<RunSettings, Map<string, Promise<StepOutcome>>>();

export function applyAddonAssociationChange(ctx: StepContext): Promise<StepOutcome> {
  const addon = ctx.change.addon;
  if (!addon) {
    return Promise.reject(new StepFailure('UpdateAddon', new EksIdentityError('APPLY_INTERNAL', `The change ${ctx.change.id} carries no add-on list`, { source: 'internal' })));
  }
  let updates = updatesOfRun.get(ctx.run);
  if (!updates) {
    updates = new Map();
    updatesOfRun.set(ctx.run, updates);
  }
  const key = `${ctx.clusterName}\u0000${addon.name}`;
  let update = updates.get(key);
  if (!update) {
    update = updateAddon(ctx, addon.name, addon.associations);
    updates.set(key, update);
  }
  return update;
}

async function updateAddon(ctx: StepContext, addonName: string, associations: ReadonlyArray<{ serviceAccount: string; roleArn: string }>): Promise<StepOutcome> {
  const token = clientRequestTokenFor(ctx.run.fingerprint, ctx.run.runId, ctx.clusterName, `addon/${addonName}`);
  const { updateId } = await ctx.call('UpdateAddon', () => ctx.gateway.updateAddonAssociations(ctx.clusterName, addonName, associations, token));
  await waitForAddonUpdate(ctx, addonName, updateId);
  return { outcome: 'applied' };
}

async function waitForAddonUpdate(ctx: StepContext, addonName: string, updateId: string): Promise<void> {
  const what = `The update ${updateId} of add-on ${addonName} on cluster ${ctx.clusterName}`;
  const timeoutAt = ctx.run.clock.now() + ctx.run.updateTimeoutMs;
  for (let poll = 0; ; poll++) {
    const { status, errors } = await ctx.call('DescribeUpdate', () => ctx.gateway.describeUpdate(ctx.clusterName, updateId, addonName));
    if (status === 'Successful') return;
    if (status === 'Failed' || status === 'Cancelled') {
      throw new StepFailure('DescribeUpdate', new EksIdentityError('ADDON_UPDATE_FAILED', `${what} ended ${status}${errors.length > 0 ? `: ${errors.join('; ')}` : ''}`, {
        fix: `Fix what EKS reports (aws eks describe-update --name ${ctx.clusterName} --addon-name ${addonName} --update-id ${updateId}), then re-run apply.`,
      }));
    }
    const limit = ctx.run.deadline?.expired() ? `the run's time limit of ${ctx.run.deadline.describe()}` : ctx.run.clock.now() >= timeoutAt ? `${ctx.run.updateTimeoutMs} ms` : undefined;
    if (limit !== undefined) {
      throw new StepFailure('DescribeUpdate', new EksIdentityError('ADDON_UPDATE_TIMEOUT', `${what} was still in progress after ${limit}`, {
        fix: `Check it with "aws eks describe-update --name ${ctx.clusterName} --addon-name ${addonName} --update-id ${updateId}", then re-run plan: it shows what is left.`,
      }));
    }
    await ctx.run.clock.sleep(Math.min(ADDON_POLL_MAX_MS, ADDON_POLL_FIRST_MS * 2 ** poll));
  }
}
