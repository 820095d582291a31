/** Starts an emulator and builds real SDK clients pointed at it. */
import { EKSClient } from '@aws-sdk/client-eks';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io.js';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { EksIdentityError } from '../../src/errors.js';
import { loadEmulatorState, startEmulator, type EmulatorHandle, type EmulatorOptions, type EmulatorState } from '../../src/emulator/index.js';

export const ACCOUNT = '111122223333';
export const ADMIN_KEY = 'AKIAADMIN';
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

export interface Harness {
  emulator: EmulatorHandle;
  eks: EKSClient;
  iam: IAMClient;
  sts: STSClient;
  clients(options: { region?: string; accessKeyId?: string; secretAccessKey?: string; sessionToken?: string; maxAttempts?: number }): {
    eks: EKSClient;
    iam: IAMClient;
    sts: STSClient;
  };
}

/** A small world: one admin user, a few roles, a cluster `prod` with an add-on-owned association. */
export function baseState(): EmulatorState {
  return {
    region: 'us-east-1',
    identities: { [ADMIN_KEY]: `arn:aws:iam::${ACCOUNT}:user/admin` },
    iam: {
      users: [{ arn: `arn:aws:iam::${ACCOUNT}:user/admin`, userId: 'AIDAADMINEXAMPLE00001' }],
      roles: [
        { arn: roleArn('Karpenter'), roleId: 'AROAKARPENTER00000001', tags: { team: 'platform' } },
        { arn: roleArn('team/AppRole'), roleId: 'AROAAPPROLE0000000001' },
        { arn: roleArn('EbsCsi') },
      ],
    },
    clusters: [
      {
        name: 'prod',
        addons: [
          { name: 'eks-pod-identity-agent', version: 'v1.3.4-eksbuild.1' },
          { name: 'aws-ebs-csi-driver', podIdentityAssociations: [{ namespace: 'kube-system', serviceAccount: 'ebs-csi-controller-sa', roleArn: roleArn('EbsCsi') }] },
        ],
      },
      { name: 'legacy', authenticationMode: 'CONFIG_MAP' },
      { name: 'auto', autoMode: true, authenticationMode: 'API', oidcIssuer: 'https://oidc.eks.us-east-1.amazonaws.com/id/AUTO' },
    ],
  };
}

export async function startHarness(options: Partial<EmulatorOptions> = {}): Promise<Harness> {
  const emulator = await startEmulator({ state: baseState(), ...options });
  const clients: Harness['clients'] = (o) => {
    const config = {
      endpoint: emulator.endpoint,
      region: o.region ?? 'us-east-1',
      credentials: {
        accessKeyId: o.accessKeyId ?? ADMIN_KEY,
        secretAccessKey: o.secretAccessKey ?? 'secret',
        ...(o.sessionToken !== undefined ? { sessionToken: o.sessionToken } : {}),
      },
      maxAttempts: o.maxAttempts ?? 1,
    };
    return { eks: new EKSClient(config), iam: new IAMClient(config), sts: new STSClient(config) };
  };
  return { emulator, clients, ...clients({}) };
}

/** The error the SDK threw, for asserting on name and status. */
export async function failure(promise: Promise<unknown>): Promise<{ name: string; status: number | undefined; message: string }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error('expected the call to fail');
}

/** Writes a state file and returns the located error loading it gives (failing when it loads). */
export async function loadStateError(name: string, text: string): Promise<{ file: string; error: EksIdentityError }> {
  const file = await writeTemp(name, text);
  const error = await loadEmulatorState(file).then(
    () => {
      throw new Error('expected the state to be refused');
    },
    (e: unknown) => e,
  );
  if (!EksIdentityError.is(error)) throw error;
  return { file, error };
}

/** Writes a file in a fresh temporary directory and returns its path. */
export async function writeTemp(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'emulator-state-'));
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

/** CLI io that records what is written; relative paths resolve against `cwd`. */
export function captureIo(cwd: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, cwd, isTTY: false };
}
