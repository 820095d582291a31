/** Add-on fixtures for plan tests: a declared add-on and what the plan read of an installed one. */
import type { DesiredAddon, LiveAddonDetail } from '../../src/model/addon.js';
import type { LiveCluster } from '../../src/model/live.js';
import { liveCluster, roleArn } from './fixtures.js';

export const EBS = 'aws-ebs-csi-driver';
export const EBS_SA = 'ebs-csi-controller-sa';
export const EBS_CONFIG = [{ serviceAccount: EBS_SA, recommendedManagedPolicies: ['arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy'] }];

export function desiredAddon(name: string, associations: Array<[serviceAccount: string, role: string]>): DesiredAddon {
  return { name, associations: associations.map(([serviceAccount, role]) => ({ serviceAccount, roleArn: roleArn(role) })), source: { file: 'm.yaml', line: 20, column: 5 } };
}

export function addonDetail(overrides: Partial<LiveAddonDetail> = {}): LiveAddonDetail {
  return { version: 'v1.37.0-eksbuild.1', podIdentityConfiguration: EBS_CONFIG, associations: [], ...overrides };
}

/** A live cluster where the add-on is installed (and the Pod Identity agent too). */
export function clusterWithAddon(name: string, detail: LiveAddonDetail, overrides: Partial<LiveCluster> = {}): LiveCluster {
  return liveCluster({ addons: [{ name: 'eks-pod-identity-agent' }, { name }], addonDetails: { [name]: detail }, ...overrides });
}
