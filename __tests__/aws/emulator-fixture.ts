import { startEmulator, type EmulatorHandle, type EmulatorState, type FaultOptions } from '../../src/emulator/index.js';
import { openClusterSessions, type ClusterSession, type ClusterTarget, type SessionOptions } from '../../src/aws/session.js';
import type { DesiredAccessEntry, DesiredAssociation, DesiredCluster } from '../../src/model/desired.js';
import { partitionOfRegion } from '../../src/model/partition.js';

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const BASE_KEY = 'AKIABASEDEPLOYER0001';
export const BASE_CREDENTIALS = { accessKeyId: BASE_KEY, secretAccessKey: 'base-secret' };

export const roleArn = (name: string, account = ACCOUNT, partition = 'aws') => `arn:${partition}:iam::${account}:role/${name}`;

/** Starts an emulator on the state and returns it with session options pointing the real SDK at it. */
export async function startWorld(state: EmulatorState, faults?: FaultOptions): Promise<{ emulator: EmulatorHandle; sessionOptions: SessionOptions }> {
  const emulator = await startEmulator({ state, seed: 7, ...(faults ? { faults } : {}) });
  const endpoint = emulator.endpoint;
  return {
    emulator,
    sessionOptions: { credentials: BASE_CREDENTIALS, endpoints: { eks: endpoint, iam: endpoint, sts: endpoint }, maxAttempts: 10 },
  };
}

export async function openSessions(targets: ClusterTarget[], options: SessionOptions): Promise<ClusterSession[]> {
  return openClusterSessions(targets, options);
}

export function desiredCluster(overrides: Partial<DesiredCluster> & { name: string }): DesiredCluster {
  const region = overrides.region ?? 'us-east-1';
  return { region, partition: partitionOfRegion(region), prune: false, associations: [], accessEntries: [], ...overrides };
}

export function desiredAssociation(namespace: string, serviceAccount: string, role: string): DesiredAssociation {
  return { namespace, serviceAccount, roleArn: role, disableSessionTags: false, tags: {} };
}

export function desiredEntry(principalArn: string): DesiredAccessEntry {
  return { principalArn, type: 'STANDARD', kubernetesGroups: [], accessPolicies: [], tags: {} };
}

/** `count` associations in namespace `bulk`, each with its own service account and role. */
export function bulkAssociations(count: number, prefix = 'sa') {
  return Array.from({ length: count }, (_, i) => ({
    namespace: 'bulk',
    serviceAccount: `${prefix}-${String(i).padStart(4, '0')}`,
    roleArn: roleArn('Bulk'),
  }));
}
