import { createAwsClients, destroyAwsClients, type AwsClients } from '../../src/aws/clients.js';
import { SdkEksWriteGateway } from '../../src/aws/gateway.js';
import { startEmulator, type EmulatorHandle, type EmulatorState, type FaultOptions } from '../../src/emulator/index.js';

export const ACCOUNT = '111122223333';
export const DEPLOY_KEY = 'AKIADEPLOYAPPLY00001';
export const CALLER_ROLE = `arn:aws:iam::${ACCOUNT}:role/Deploy`;
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
export const TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
};

/** A state whose caller is the Deploy role (assumed), with the given roles and clusters. */
export function stateWith(roles: string[], clusters: NonNullable<EmulatorState['clusters']>): EmulatorState {
  return {
    region: 'us-east-1',
    identities: { [DEPLOY_KEY]: `arn:aws:sts::${ACCOUNT}:assumed-role/Deploy/ci` },
    iam: { roles: ['Deploy', ...roles].map((name) => ({ arn: roleArn(name), assumeRolePolicyDocument: TRUST })) },
    clusters,
  };
}

export interface World {
  emulator: EmulatorHandle;
  clients: AwsClients;
  gateway: SdkEksWriteGateway;
  close(): Promise<void>;
}

/** The emulator on `state`, and the real SDK pointed at it through the write gateway. */
export async function startApplyWorld(state: EmulatorState, faults?: FaultOptions, seed = 11, retryMode: 'adaptive' | 'standard' = 'adaptive'): Promise<World> {
  const emulator = await startEmulator({ state, seed, ...(faults ? { faults } : {}) });
  const e = emulator.endpoint;
  const clients = createAwsClients({
    region: 'us-east-1',
    credentials: { accessKeyId: DEPLOY_KEY, secretAccessKey: 'secret' },
    endpoints: { eks: e, iam: e, sts: e },
    retryMode,
  });
  return {
    emulator,
    clients,
    gateway: new SdkEksWriteGateway(clients),
    async close() {
      destroyAwsClients(clients);
      await emulator.close();
    },
  };
}

/** Write operations in a counter map (everything that is not a read). */
export function writeCount(calls: Record<string, number>): number {
  return Object.entries(calls)
    .filter(([op]) => !/^(Describe|List|Get)/.test(op))
    .reduce((sum, [, n]) => sum + n, 0);
}

export const realClock = {
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

const AWS_ENV_KEYS = ['AWS_ENDPOINT_URL_EKS', 'AWS_ENDPOINT_URL_IAM', 'AWS_ENDPOINT_URL_STS', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION'] as const;

/**
 * For CLI tests that reach the emulator through the SDK's environment variables: clears them
 * before the file's tests (so the machine's own AWS settings cannot leak in) and restores them after.
 */
export function isolateAwsEnvironment(): void {
  const saved: Partial<Record<string, string>> = {};
  beforeAll(() => {
    for (const key of AWS_ENV_KEYS) {
      if (process.env[key] !== undefined) saved[key] = process.env[key];
      delete process.env[key];
    }
  });
  afterAll(() => {
    for (const key of AWS_ENV_KEYS) delete process.env[key];
    Object.assign(process.env, saved);
  });
}
