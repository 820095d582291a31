/**
 * Entries AWS covers with its own managed policies: attaching the AWS policy keeps the role
 * current as the controller gains API calls, which a copied document would not.
 */
import { allow, kmsKeyArnsParameter, listOf } from './statements.js';
import type { WellKnownPolicyDefinition } from './types.js';

const MANAGED_POLICY_REFERENCE = 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference';

export const EBS_CSI_CONTROLLER: WellKnownPolicyDefinition = {
  name: 'ebsCsiController',
  summary: 'Amazon EBS CSI driver controller: create, attach, snapshot and delete EBS volumes (AWS managed AmazonEBSCSIDriverPolicy), and use the customer managed KMS keys that encrypt them.',
  source: 'https://docs.aws.amazon.com/eks/latest/userguide/csi-iam-role.html',
  sourceVersion: 'AmazonEBSCSIDriverPolicy (AWS managed, current default version); KMS statements from the EKS User Guide, "Create an Amazon EBS CSI driver IAM role"',
  parameters: [kmsKeyArnsParameter('Customer managed KMS keys that encrypt the volumes; without it only AWS managed keys work.')],
  managedPolicies: ['AmazonEBSCSIDriverPolicy'],
  statements: (values) => {
    const keys = listOf(values, 'kmsKeyArns');
    if (!keys) return [];
    // Grants only for AWS resources: EBS attaches a volume through a grant it creates for EC2.
    return [
      allow(['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'], keys, { Bool: { 'kms:GrantIsForAWSResource': 'true' } }),
      allow(['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'], keys),
    ];
  },
};

/** An entry that is AWS managed policies only, at their current default versions. */
function managedOnly(name: string, summary: string, policies: readonly string[], source = `${MANAGED_POLICY_REFERENCE}/${policies[0]}.html`): WellKnownPolicyDefinition {
  return { name, summary, source, sourceVersion: `${policies.join(' and ')} (AWS managed, current default version)`, parameters: [], managedPolicies: policies };
}

export const EFS_CSI_CONTROLLER = managedOnly(
  'efsCsiController',
  'Amazon EFS CSI driver controller: create and delete EFS access points for dynamic provisioning (AWS managed AmazonEFSCSIDriverPolicy).',
  ['AmazonEFSCSIDriverPolicy'],
);

export const IMAGE_BUILDER = managedOnly(
  'imageBuilder',
  'Image builds in the cluster: pull and push images in Amazon ECR (AWS managed AmazonEC2ContainerRegistryPowerUser, as eksctl attaches for imageBuilder).',
  ['AmazonEC2ContainerRegistryPowerUser'],
);

/** The add-on documentation attaches both: metrics and logs, and Application Signals traces. */
export const CLOUDWATCH_OBSERVABILITY = managedOnly(
  'cloudWatchObservability',
  'Amazon CloudWatch Observability agent (amazon-cloudwatch-observability add-on): send metrics and logs (CloudWatchAgentServerPolicy) and Application Signals traces (AWSXrayWriteOnlyAccess).',
  ['CloudWatchAgentServerPolicy', 'AWSXrayWriteOnlyAccess'],
  'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/install-CloudWatch-Observability-EKS-addon.html',
);

export const VPC_CNI = managedOnly(
  'vpcCni',
  'Amazon VPC CNI plugin (aws-node) on IPv4 clusters: assign and release ENIs and IP addresses (AWS managed AmazonEKS_CNI_Policy).',
  ['AmazonEKS_CNI_Policy'],
);
