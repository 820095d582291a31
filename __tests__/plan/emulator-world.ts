/**
 * The emulator on a state, with manifests written to a temporary directory and planned through
 * the operations' `plan` and the real SDK: what the CLI, the action and library users do.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeClusterSessions } from '../../src/aws/session.js';
import { silentProgress } from '../../src/aws/progress.js';
import { startEmulator, type EmulatorHandle, type EmulatorState, type FaultOptions } from '../../src/emulator/index.js';
import { plan as planManifest, type PlanRequest, type PreparedPlan as PlanResult } from '../../src/operations/index.js';

export const ACCOUNT = '111122223333';
export const DEPLOY_KEY = 'AKIAPLANDEPLOY000001';
export const CREDENTIALS = { accessKeyId: DEPLOY_KEY, secretAccessKey: 'plan-secret' };
export const roleArn = (name: string, partition = 'aws') => `arn:${partition}:iam::${ACCOUNT}:role/${name}`;
export const POD_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
};

export type PlanExtras = Omit<PlanRequest, 'manifest' | 'cwd' | 'aws'> & { maxAttempts?: number };

export interface PlanWorld {
  emulator: EmulatorHandle;
  dir: string;
  aws: NonNullable<PlanRequest['aws']>;
  /** Writes the manifest text to a fresh file and plans it; sessions are closed before returning. */
  plan(manifest: string, extras?: PlanExtras): Promise<PlanResult>;
  close(): Promise<void>;
}

let counter = 0;

export async function startPlanWorld(state: EmulatorState, options: { faults?: FaultOptions; seed?: number } = {}): Promise<PlanWorld> {
  const emulator = await startEmulator({ state, seed: options.seed ?? 5, ...(options.faults ? { faults: options.faults } : {}) });
  const dir = await mkdtemp(join(tmpdir(), 'eks-identity-plan-'));
  const e = emulator.endpoint;
  const aws = { endpoints: { eks: e, iam: e, sts: e }, credentials: CREDENTIALS };
  return {
    emulator,
    dir,
    aws,
    async plan(manifest, extras = {}) {
      const file = join(dir, `manifest-${counter++}.yaml`);
      await writeFile(file, manifest);
      const { maxAttempts, ...rest } = extras;
      const result = await planManifest({ progress: silentProgress, ...rest, manifest: file, cwd: dir, aws: { ...aws, ...(maxAttempts ? { maxAttempts } : {}) } });
      closeClusterSessions(result.sessions);
      return result;
    },
    async close() {
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The caller is the role Deploy (assumed); `roles` exist in IAM with the Pod Identity trust unless given one. */
export function stateOf(roles: (string | { name: string; partition?: string; trust?: unknown; createDate?: string; roleId?: string })[], clusters: NonNullable<EmulatorState['clusters']>): EmulatorState {
  return {
    region: 'us-east-1',
    identities: { [DEPLOY_KEY]: `arn:aws:sts::${ACCOUNT}:assumed-role/Deploy/ci` },
    iam: {
      roles: ['Deploy', ...roles].map((r) => {
        const role = typeof r === 'string' ? { name: r } : r;
        return {
          arn: roleArn(role.name, role.partition),
          assumeRolePolicyDocument: role.trust ?? POD_TRUST,
          ...(role.createDate ? { createDate: role.createDate } : {}),
          ...(role.roleId ? { roleId: role.roleId } : {}),
        };
      }),
    },
    clusters,
  };
}

/** `action id` strings of a cluster's changes, for compact assertions. */
export function actions(result: PlanResult, cluster: string): string[] {
  const c = result.plan.clusters.find((x) => x.name === cluster);
  if (!c) throw new Error(`no cluster ${cluster} in the plan`);
  return c.changes.map((ch) => `${ch.action} ${ch.id}`);
}

export function codes(result: PlanResult, cluster: string): string[] {
  // The advisory about running pods goes with every association create and role change: other
  // findings are asserted without it (plan/live-truth tests cover it).
  return result.plan.clusters.find((x) => x.name === cluster)?.findings.map((f) => f.code).filter((c) => c !== 'PODS_KEEP_OLD_CREDENTIALS') ?? [];
}
