/**
 * The add-on versions the emulator's DescribeAddonConfiguration knows, with the
 * `podIdentityConfiguration` EKS gives for each (EKS API reference, DescribeAddonConfiguration;
 * EKS User Guide, "Retrieve IAM information about an Amazon EKS add-on"). Service accounts and
 * recommended policies follow the add-ons' user guide pages (EBS CSI: ebs-csi-controller-sa with
 * AmazonEBSCSIDriverPolicy; EFS CSI: efs-csi-controller-sa and efs-csi-node-sa with
 * AmazonEFSCSIDriverPolicy; VPC CNI: aws-node with AmazonEKS_CNI_Policy; Mountpoint for S3:
 * s3-csi-driver-sa; CloudWatch Observability: cloudwatch-agent with CloudWatchAgentServerPolicy
 * and AWSXrayWriteOnlyAccess). Version numbers are examples of each kind: an older build without
 * Pod Identity support and newer builds with it; add-ons that need no AWS permissions (the Pod
 * Identity agent, ADOT's operator) and the cert-manager community add-on (users report
 * "Pod Identity feature is not supported for addon version: v1.18.2-eksbuild.2") have none.
 * A state file can name other versions: DescribeAddonConfiguration answers them as not found.
 */
import type { AddonPodIdentityConfig } from '../model/addon.js';
import { defaultAddonNamespace } from '../model/addon.js';

interface CatalogVersion {
  version: string;
  /** Policy ARNs written with PARTITION, replaced by the request's partition. */
  podIdentity: AddonPodIdentityConfig[];
}

interface CatalogAddon {
  name: string;
  namespace: string;
  /** Oldest first; the last is the default version of an add-on a state file gives none. */
  versions: CatalogVersion[];
}

const policy = (path: string) => `arn:PARTITION:iam::aws:policy/${path}`;
const account = (serviceAccount: string, ...policies: string[]): AddonPodIdentityConfig => ({ serviceAccount, recommendedManagedPolicies: policies.map(policy) });
const none: AddonPodIdentityConfig[] = [];

function addon(name: string, versions: Array<[string, AddonPodIdentityConfig[]]>): CatalogAddon {
  return { name, namespace: defaultAddonNamespace(name), versions: versions.map(([version, podIdentity]) => ({ version, podIdentity })) };
}

const ebs = [account('ebs-csi-controller-sa', 'service-role/AmazonEBSCSIDriverPolicy')];
const efs = [account('efs-csi-controller-sa', 'service-role/AmazonEFSCSIDriverPolicy'), account('efs-csi-node-sa', 'service-role/AmazonEFSCSIDriverPolicy')];
const cni = [account('aws-node', 'AmazonEKS_CNI_Policy')];
const s3 = [account('s3-csi-driver-sa')];
const cloudwatch = [account('cloudwatch-agent', 'CloudWatchAgentServerPolicy', 'AWSXrayWriteOnlyAccess')];

export const ADDON_CATALOG: readonly CatalogAddon[] = [
  addon('aws-ebs-csi-driver', [['v1.25.0-eksbuild.1', none], ['v1.31.0-eksbuild.1', ebs], ['v1.37.0-eksbuild.1', ebs]]),
  addon('aws-efs-csi-driver', [['v1.7.7-eksbuild.1', none], ['v2.0.7-eksbuild.1', efs], ['v2.1.4-eksbuild.1', efs]]),
  addon('vpc-cni', [['v1.15.1-eksbuild.1', none], ['v1.18.3-eksbuild.1', cni], ['v1.19.2-eksbuild.1', cni]]),
  addon('aws-mountpoint-s3-csi-driver', [['v1.6.0-eksbuild.1', none], ['v1.11.0-eksbuild.1', s3]]),
  addon('amazon-cloudwatch-observability', [['v1.5.1-eksbuild.1', none], ['v2.6.0-eksbuild.1', cloudwatch], ['v3.0.0-eksbuild.1', cloudwatch]]),
  addon('adot', [['v0.109.0-eksbuild.2', none]]),
  addon('eks-pod-identity-agent', [['v1.3.4-eksbuild.1', none]]),
  addon('cert-manager', [['v1.18.2-eksbuild.2', none]]),
];

export function findCatalogAddon(name: string): CatalogAddon | undefined {
  return ADDON_CATALOG.find((a) => a.name === name);
}

/** The Pod Identity configuration of one version in a partition; undefined when the version is not in the catalog. */
export function podIdentityConfigurationOf(name: string, version: string, partition: string): AddonPodIdentityConfig[] | undefined {
  const found = findCatalogAddon(name)?.versions.find((v) => v.version === version);
  return found?.podIdentity.map((c) => ({ serviceAccount: c.serviceAccount, recommendedManagedPolicies: c.recommendedManagedPolicies.map((arn) => arn.replace('PARTITION', partition)) }));
}

/** The version a state file's add-on gets when it names none: the catalog's newest, else a placeholder. */
export function defaultAddonVersion(name: string): string {
  return findCatalogAddon(name)?.versions.at(-1)?.version ?? 'v1.0.0-eksbuild.1';
}
