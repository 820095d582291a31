import { EksIdentityError } from '../errors.js';
import type { AuthenticationMode } from '../model/desired.js';
import { roleNameOfArn } from '../model/partition.js';
import type { AuthenticationModeValue, TrustPolicyValue } from '../model/plan.js';
import { required } from './execute-association.js';
import { StepFailure, type StepContext, type StepOutcome } from './step-context.js';
import { clientRequestTokenFor } from './token.js';

/** EKS moves the authentication mode one way, one step per update. */
const MODE_LADDER: readonly AuthenticationMode[] = ['CONFIG_MAP', 'API_AND_CONFIG_MAP', 'API'];
const POLL_INTERVAL_MS = 5_000;

export async function applyAuthenticationModeChange(ctx: StepContext): Promise<StepOutcome> {
  const after = required(ctx.change.after as AuthenticationModeValue | undefined, ctx.change.id);
  const before = ctx.change.before as AuthenticationModeValue | undefined;
  const from = MODE_LADDER.indexOf(before?.authenticationMode ?? 'CONFIG_MAP');
  const to = MODE_LADDER.indexOf(after.authenticationMode);
  if (to < from) {
    throw new StepFailure(
      'UpdateClusterConfig',
      new EksIdentityError('AUTH_MODE_ONE_WAY', `The authentication mode of ${ctx.clusterName} cannot move from ${MODE_LADDER[from]} back to ${after.authenticationMode}`),
    );
  }
  for (let i = from + 1; i <= to; i++) {
    const mode = MODE_LADDER[i] as AuthenticationMode;
    const token = clientRequestTokenFor(ctx.run.fingerprint, ctx.run.runId, ctx.clusterName, `${ctx.change.id}/${mode}`);
    const { updateId } = await ctx.call('UpdateClusterConfig', () => ctx.gateway.updateAuthenticationMode(ctx.clusterName, mode, token));
    await waitForUpdate(ctx, updateId, mode);
  }
  return { outcome: 'applied' };
}

/** Polls DescribeUpdate until the asynchronous update ends or the run's timeout passes. */
async function waitForUpdate(ctx: StepContext, updateId: string, mode: AuthenticationMode): Promise<void> {
  const deadline = ctx.run.clock.now() + ctx.run.updateTimeoutMs;
  for (;;) {
    const { status, errors } = await ctx.call('DescribeUpdate', () => ctx.gateway.describeUpdate(ctx.clusterName, updateId));
    if (status === 'Successful') return;
    if (status === 'Failed' || status === 'Cancelled') {
      throw new StepFailure(
        'DescribeUpdate',
        new EksIdentityError('AUTH_MODE_UPDATE_FAILED', `The update ${updateId} of ${ctx.clusterName} to ${mode} ended ${status}${errors.length > 0 ? `: ${errors.join('; ')}` : ''}`),
      );
    }
    if (ctx.run.clock.now() >= deadline) {
      throw new StepFailure(
        'DescribeUpdate',
        new EksIdentityError('AUTH_MODE_UPDATE_TIMEOUT', `The update ${updateId} of ${ctx.clusterName} to ${mode} was still in progress after ${ctx.run.updateTimeoutMs} ms`, {
          fix: 'Check the update in the EKS console or with "aws eks describe-update", then re-run apply.',
        }),
      );
    }
    await ctx.run.clock.sleep(POLL_INTERVAL_MS);
  }
}

export async function applyTrustPolicyChange(ctx: StepContext): Promise<StepOutcome> {
  const after = required(ctx.change.after as TrustPolicyValue | undefined, ctx.change.id);
  const roleName = roleNameOfArn(after.roleArn);
  if (roleName === undefined) {
    throw new StepFailure('UpdateAssumeRolePolicy', new EksIdentityError('APPLY_INTERNAL', `Not an IAM role ARN: ${after.roleArn}`, { source: 'internal' }));
  }
  await ctx.call('UpdateAssumeRolePolicy', () => ctx.gateway.updateAssumeRolePolicy(roleName, after.document));
  return { outcome: 'applied' };
}
