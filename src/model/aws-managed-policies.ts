/**
 * AWS managed policies eks-identity knows by name: the emulator serves them through GetPolicy and
 * AttachRolePolicy, and `validate` warns about a managed-policy ARN of the `aws` account that is
 * not among them (a typo, or a path left out: AWS managed policies keep their path in the ARN,
 * e.g. `policy/service-role/AmazonEBSCSIDriverPolicy`). Names and paths are those of the AWS
 * Managed Policy Reference Guide; the list holds every policy the well-known policy catalog
 * attaches, the EKS node and add-on policies, and the broad ones workloads commonly get. It is
 * not the whole of AWS's list, so an ARN missing from it is a warning, never an error.
 */

import { closestMatch } from './closest-match.js';

export interface AwsManagedPolicy {
  name: string;
  /** `/` or `/service-role/`, `/job-function/`… as in the policy's ARN. */
  path: string;
}

const ROOT = [
  // Workload access used by the well-known catalog and eksctl's well-known policies.
  'AmazonEKS_CNI_Policy',
  'CloudWatchAgentServerPolicy',
  'CloudWatchAgentAdminPolicy',
  'AWSXrayWriteOnlyAccess',
  'AWSXRayDaemonWriteAccess',
  'AWSXrayReadOnlyAccess',
  'AmazonEC2ContainerRegistryReadOnly',
  'AmazonEC2ContainerRegistryPullOnly',
  'AmazonEC2ContainerRegistryPowerUser',
  'AmazonEC2ContainerRegistryFullAccess',
  'AmazonPrometheusRemoteWriteAccess',
  'AmazonPrometheusQueryAccess',
  'AmazonPrometheusFullAccess',
  'AWSAppMeshEnvoyAccess',
  // EKS cluster, node and Auto Mode policies.
  'AmazonEKSClusterPolicy',
  'AmazonEKSServicePolicy',
  'AmazonEKSVPCResourceController',
  'AmazonEKSWorkerNodePolicy',
  'AmazonEKSWorkerNodeMinimalPolicy',
  'AmazonEKSFargatePodExecutionRolePolicy',
  'AmazonEKSBlockStoragePolicy',
  'AmazonEKSComputePolicy',
  'AmazonEKSLoadBalancingPolicy',
  'AmazonEKSNetworkingPolicy',
  'AmazonSSMManagedInstanceCore',
  // Broad access workloads commonly get.
  'AdministratorAccess',
  'PowerUserAccess',
  'ReadOnlyAccess',
  'IAMReadOnlyAccess',
  'AmazonS3ReadOnlyAccess',
  'AmazonS3FullAccess',
  'AmazonDynamoDBReadOnlyAccess',
  'AmazonDynamoDBFullAccess',
  'AmazonSQSReadOnlyAccess',
  'AmazonSQSFullAccess',
  'AmazonSNSReadOnlyAccess',
  'AmazonSNSFullAccess',
  'AmazonKinesisReadOnlyAccess',
  'AmazonKinesisFullAccess',
  'AmazonSSMReadOnlyAccess',
  'AmazonSSMFullAccess',
  'SecretsManagerReadWrite',
  'AmazonRoute53ReadOnlyAccess',
  'AmazonRoute53FullAccess',
  'AmazonEC2ReadOnlyAccess',
  'AmazonEC2FullAccess',
  'ElasticLoadBalancingReadOnly',
  'ElasticLoadBalancingFullAccess',
  'CloudWatchReadOnlyAccess',
  'CloudWatchFullAccess',
  'CloudWatchLogsReadOnlyAccess',
  'CloudWatchLogsFullAccess',
  'AmazonRDSReadOnlyAccess',
  'AmazonRDSFullAccess',
  'AmazonElastiCacheReadOnlyAccess',
  'AmazonElastiCacheFullAccess',
  'AmazonOpenSearchServiceReadOnlyAccess',
  'AmazonOpenSearchServiceFullAccess',
  'AmazonEventBridgeReadOnlyAccess',
  'AmazonEventBridgeFullAccess',
  'AWSStepFunctionsReadOnlyAccess',
  'AWSStepFunctionsFullAccess',
  'AWSLambda_ReadOnlyAccess',
  'AWSLambda_FullAccess',
  'AmazonSESFullAccess',
  'AmazonAthenaFullAccess',
  'AmazonMSKReadOnlyAccess',
  'AmazonMSKFullAccess',
  'AmazonFSxReadOnlyAccess',
  'AmazonFSxFullAccess',
  'AmazonElasticFileSystemReadOnlyAccess',
  'AmazonElasticFileSystemFullAccess',
  'AmazonBedrockReadOnly',
  'AmazonBedrockFullAccess',
  'AmazonSageMakerFullAccess',
  'AWSCertificateManagerReadOnly',
  'AWSCloudFormationReadOnlyAccess',
  'AWSKeyManagementServicePowerUser',
];

/** Policies AWS keeps under a path: the path is part of the ARN and must be written. */
const UNDER_PATH: AwsManagedPolicy[] = [
  { name: 'AmazonEBSCSIDriverPolicy', path: '/service-role/' },
  { name: 'AmazonEFSCSIDriverPolicy', path: '/service-role/' },
  { name: 'ViewOnlyAccess', path: '/job-function/' },
  { name: 'DatabaseAdministrator', path: '/job-function/' },
  { name: 'NetworkAdministrator', path: '/job-function/' },
  { name: 'SystemAdministrator', path: '/job-function/' },
];

/** Sorted by name; names are unique. */
export const AWS_MANAGED_POLICIES: readonly AwsManagedPolicy[] = Object.freeze(
  [...new Map([...ROOT.map((name) => ({ name, path: '/' })), ...UNDER_PATH].map((p) => [p.name, p])).values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
);

const BY_NAME = new Map(AWS_MANAGED_POLICIES.map((p) => [p.name, p]));

/**
 * `arn:PARTITION:iam::aws:policy[/path/]NAME`, with the catalog's path for the name; a name the
 * catalog does not hold gets the root path (use `findAwsManagedPolicy` to know whether it is known).
 */
export function awsManagedPolicyArn(partition: string, name: string): string {
  const path = BY_NAME.get(name)?.path ?? '/';
  return `arn:${partition}:iam::aws:policy${path}${name}`;
}

/** An AWS managed policy ARN (any partition) → its catalog entry; undefined when not in the catalog or not AWS managed. */
export function findAwsManagedPolicy(arn: string): AwsManagedPolicy | undefined {
  const m = /^arn:[a-z-]+:iam::aws:policy(\/(?:[^/]+\/)*)([^/]+)$/.exec(arn);
  if (!m) return undefined;
  const policy = BY_NAME.get(m[2]!);
  return policy && policy.path === m[1] ? policy : undefined;
}

/** True for an ARN in the `aws` account's policy namespace (whether or not the catalog knows it). */
export function isAwsManagedPolicyArn(arn: string): boolean {
  return /^arn:[a-z-]+:iam::aws:policy\//.test(arn);
}

/**
 * The catalog ARN an unknown AWS managed policy ARN probably meant: the same name under its real
 * path (the usual mistake), else the closest name. Undefined when nothing is close.
 */
export function suggestAwsManagedPolicy(arn: string): string | undefined {
  const m = /^arn:([a-z-]+):iam::aws:policy\/(?:[^/]+\/)*([^/]+)$/.exec(arn);
  if (!m) return undefined;
  const [, partition, name] = m as unknown as [string, string, string];
  const exact = BY_NAME.get(name);
  if (exact) return awsManagedPolicyArn(partition, exact.name);
  const close = closestMatch(name, AWS_MANAGED_POLICIES.map((p) => p.name));
  return close === undefined ? undefined : awsManagedPolicyArn(partition, close);
}
