/**
 * Apply workloads: (c) a mixed plan on a throttled emulator, and the fault table (the same kind of
 * plan under throttling, 5xx, dropped connections and IAM propagation delay). The emulator runs
 * here, the apply in a child process; the world is checked afterwards from the emulator's state.
 */
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { startEmulator, type FaultOptions } from '../src/emulator/index.js';
import { buildMixedPlan, changeCount, freshRoleCount, freshRoleName, liveShapeFor, verifyApply, type ApplyMix, type Verification } from './apply-plan.js';
import type { CallCounts } from './floor.js';
import type { ChildResult, RetryMode } from './jobs.js';
import { runInChild } from './spawn.js';
import { CREDENTIALS, REGION, emulatorState } from './world.js';

export interface ApplyMeasurement {
  changes: number;
  result: ChildResult;
  calls: CallCounts;
  verification: Verification;
}

export interface ApplyRunOptions {
  mix: ApplyMix;
  faults: FaultOptions;
  /** Roles the new objects use are created through IAM just before the apply (propagation rows). */
  freshRoles: boolean;
  timeoutMs: number;
  concurrency?: number;
  retryMode?: RetryMode;
}

const CLUSTER = { name: 'apply', region: REGION };
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
});

async function createFreshRoles(endpoint: string, count: number): Promise<void> {
  const iam = new IAMClient({ region: REGION, endpoint, credentials: CREDENTIALS });
  try {
    for (let i = 0; i < count; i++) await iam.send(new CreateRoleCommand({ RoleName: freshRoleName(i), AssumeRolePolicyDocument: TRUST }));
  } finally {
    iam.destroy();
  }
}

export async function measureApply(options: ApplyRunOptions): Promise<ApplyMeasurement> {
  const live = liveShapeFor(options.mix);
  // IAM also holds the principals of the objects the plan creates (and the roles updates move to).
  const principals = [{ name: CLUSTER.name, associations: live.associations + options.mix.createAssociations + 20, accessEntries: live.accessEntries + options.mix.createEntries }];
  const emulator = await startEmulator({ state: emulatorState([{ name: CLUSTER.name, ...live }], [], principals), seed: 3 });
  try {
    if (options.freshRoles) {
      // The delay is fixed when a role is created, so it is set before the roles are made.
      emulator.setFaults({ iamPropagationMs: options.faults.iamPropagationMs ?? 0 });
      await createFreshRoles(emulator.endpoint, freshRoleCount(options.mix));
    }
    const plan = buildMixedPlan(CLUSTER, options.mix, emulator.inspect(), options.freshRoles);
    // Faults start with the apply (the roles above were created by the test bench, not the tool).
    emulator.setFaults(options.faults);
    emulator.resetCalls();
    const result = await runInChild({ kind: 'apply', endpoint: emulator.endpoint, plan, ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }), ...(options.retryMode ? { retryMode: options.retryMode } : {}) }, options.timeoutMs);
    const calls = emulator.calls();
    emulator.setFaults({});
    return { changes: changeCount(options.mix), result, calls, verification: verifyApply(plan, emulator.snapshot()) };
  } finally {
    await emulator.close();
  }
}
