/**
 * The EKS access policies this release knows, per partition: the offline stand-in for
 * ListAccessPolicies. `validate` warns (never errors) on a name missing here, because AWS adds
 * policies faster than releases ship; the plan checks against the partition's live list.
 *
 * Source: the EKS User Guide, "Review access policy permissions" (access-policy-permissions),
 * which lists the policies and says `aws eks list-access-policies` returns them all, checked
 * against a ListAccessPolicies answer of 2026. The guide gives no partition differences, so the
 * same names are bundled for aws, aws-cn and aws-us-gov; only the ARN's partition changes.
 */
import { closestMatch } from './closest-match.js';
import { accessPolicyName, type Partition } from './partition.js';

const ACCESS_POLICY_NAMES = [
  'AIDevOpsAgentAccessPolicy',
  'AmazonAIOpsAssistantPolicy',
  'AmazonARCRegionSwitchScalingPolicy',
  // EKS Capabilities (ACK, Argo CD, kro).
  'AmazonEKSACKPolicy',
  'AmazonEKSAdminPolicy',
  'AmazonEKSAdminViewPolicy',
  'AmazonEKSArgoCDClusterPolicy',
  'AmazonEKSArgoCDPolicy',
  // EKS Auto Mode (node and cluster roles).
  'AmazonEKSAutoNodePolicy',
  'AmazonEKSBlockStorageClusterPolicy',
  'AmazonEKSBlockStoragePolicy',
  'AmazonEKSClusterAdminPolicy',
  'AmazonEKSClusterInsightsPolicy',
  'AmazonEKSComputeClusterPolicy',
  'AmazonEKSComputePolicy',
  'AmazonEKSEditPolicy',
  'AmazonEKSEventPolicy',
  // EKS Hybrid Nodes.
  'AmazonEKSHybridPolicy',
  'AmazonEKSKROPolicy',
  'AmazonEKSLoadBalancingClusterPolicy',
  'AmazonEKSLoadBalancingPolicy',
  'AmazonEKSNetworkingClusterPolicy',
  'AmazonEKSNetworkingPolicy',
  'AmazonEKSPodIdentityPolicy',
  'AmazonEKSSecretAdminPolicy',
  'AmazonEKSSecretReaderPolicy',
  'AmazonEKSViewPolicy',
  // EMR on EKS (namespace-scoped, on the EMR service-linked role).
  'AmazonEMRJobPolicy',
  // SageMaker HyperPod.
  'AmazonSagemakerHyperpodClusterPolicy',
  'AmazonSagemakerHyperpodControllerPolicy',
  'AmazonSagemakerHyperpodSpacePolicy',
  'AmazonSagemakerHyperpodSpaceTemplatePolicy',
  'AmazonSagemakerHyperpodSystemNamespacePolicy',
  'AmazonSagemakerHyperpodUserClusterPolicy',
] as const;

export interface AccessPolicySummary {
  name: string;
  arn: string;
}

// One list today; kept per partition so a policy that is missing in one partition can be left out there.
const CATALOG: Readonly<Record<Partition, readonly string[]>> = { aws: ACCESS_POLICY_NAMES, 'aws-cn': ACCESS_POLICY_NAMES, 'aws-us-gov': ACCESS_POLICY_NAMES };

/** The bundled catalog of a partition, as ListAccessPolicies answers it (name and ARN, sorted by name). */
export function bundledAccessPolicies(partition: Partition): AccessPolicySummary[] {
  return CATALOG[partition].map((name) => ({ name, arn: `arn:${partition}:eks::aws:cluster-access-policy/${name}` }));
}

/** Short names of the bundled catalog of a partition. */
export function bundledAccessPolicyNames(partition: Partition): readonly string[] {
  return CATALOG[partition];
}

/** True when a short name or ARN names a policy of the bundled catalog of `partition`. */
export function isBundledAccessPolicy(partition: Partition, nameOrArn: string): boolean {
  return CATALOG[partition].includes(accessPolicyName(nameOrArn));
}

/**
 * The known policy a mistyped name most likely meant (`AmazonEKSClusterAdmin` →
 * `AmazonEKSClusterAdminPolicy`), against any list of names: the bundled catalog offline, the
 * partition's ListAccessPolicies answer at plan.
 */
export function suggestAccessPolicy(nameOrArn: string, known: readonly string[]): string | undefined {
  const name = accessPolicyName(nameOrArn);
  // Users often drop the `Policy` suffix or the `Amazon`/`AmazonEKS` prefix: try those first.
  const exact = known.find((k) => [`${name}Policy`, `Amazon${name}`, `AmazonEKS${name}`, `AmazonEKS${name}Policy`].some((c) => c.toLowerCase() === k.toLowerCase()));
  return exact ?? closestMatch(name, known);
}
