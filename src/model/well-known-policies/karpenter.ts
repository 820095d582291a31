/** Karpenter's controller (v1): launches and terminates the nodes of one cluster. */
import { allow, arnIn, kmsKeyArnsParameter, listOf, valueOf, viaService } from './statements.js';
import type { ParameterValues, Statement, WellKnownContext, WellKnownPolicyDefinition } from './types.js';

function nodeLifecycle(ctx: WellKnownContext): Statement[] {
  const c = ctx.cluster;
  const ec2 = (resource: string) => arnIn(ctx, 'ec2', ctx.region, '*', resource);
  const ownedByCluster = { [`aws:ResourceTag/kubernetes.io/cluster/${c}`]: 'owned' };
  const inNodePool = { 'aws:ResourceTag/karpenter.sh/nodepool': '*' };
  const requestTags = { [`aws:RequestTag/kubernetes.io/cluster/${c}`]: 'owned', 'aws:RequestTag/eks:eks-cluster-name': c };
  const launched = ['fleet/*', 'instance/*', 'volume/*', 'network-interface/*', 'launch-template/*', 'spot-instances-request/*'].map(ec2);
  return [
    allow(
      ['ec2:RunInstances', 'ec2:CreateFleet'],
      [arnIn(ctx, 'ec2', ctx.region, '', 'image/*'), arnIn(ctx, 'ec2', ctx.region, '', 'snapshot/*'), ...['security-group/*', 'subnet/*', 'capacity-reservation/*', 'placement-group/*'].map(ec2)],
    ),
    allow(['ec2:RunInstances', 'ec2:CreateFleet'], ec2('launch-template/*'), { StringEquals: ownedByCluster, StringLike: inNodePool }),
    allow(['ec2:RunInstances', 'ec2:CreateFleet', 'ec2:CreateLaunchTemplate'], launched, {
      StringEquals: requestTags,
      StringLike: { 'aws:RequestTag/karpenter.sh/nodepool': '*' },
    }),
    allow('ec2:CreateTags', launched, {
      StringEquals: { ...requestTags, 'ec2:CreateAction': ['RunInstances', 'CreateFleet', 'CreateLaunchTemplate'] },
      StringLike: { 'aws:RequestTag/karpenter.sh/nodepool': '*' },
    }),
    // Later tagging of its instances is limited to the keys Karpenter writes.
    allow('ec2:CreateTags', ec2('instance/*'), {
      StringEquals: ownedByCluster,
      StringLike: inNodePool,
      StringEqualsIfExists: { 'aws:RequestTag/eks:eks-cluster-name': c },
      'ForAllValues:StringEquals': { 'aws:TagKeys': ['eks:eks-cluster-name', 'karpenter.sh/nodeclaim', 'Name'] },
    }),
    allow(['ec2:TerminateInstances', 'ec2:DeleteLaunchTemplate'], [ec2('instance/*'), ec2('launch-template/*')], { StringEquals: ownedByCluster, StringLike: inNodePool }),
  ];
}

function iamIntegration(values: ParameterValues, ctx: WellKnownContext): Statement[] {
  const c = ctx.cluster;
  const nodeRole = valueOf(values, 'nodeRoleName', ''); // required: checked before expansion
  const profiles = arnIn(ctx, 'iam', '', ctx.accountId, 'instance-profile/*');
  const ownedProfile = { [`aws:ResourceTag/kubernetes.io/cluster/${c}`]: 'owned', 'aws:ResourceTag/topology.kubernetes.io/region': ctx.region };
  const newProfile = { [`aws:RequestTag/kubernetes.io/cluster/${c}`]: 'owned', 'aws:RequestTag/eks:eks-cluster-name': c, 'aws:RequestTag/topology.kubernetes.io/region': ctx.region };
  return [
    // Upstream names both EC2 principals so one document serves every partition.
    allow('iam:PassRole', arnIn(ctx, 'iam', '', ctx.accountId, `role/${nodeRole}`), { StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com', 'ec2.amazonaws.com.cn'] } }),
    allow('iam:CreateInstanceProfile', profiles, { StringEquals: newProfile, StringLike: { 'aws:RequestTag/karpenter.k8s.aws/ec2nodeclass': '*' } }),
    allow('iam:TagInstanceProfile', profiles, {
      StringEquals: { ...ownedProfile, ...newProfile },
      StringLike: { 'aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass': '*', 'aws:RequestTag/karpenter.k8s.aws/ec2nodeclass': '*' },
    }),
    allow(['iam:AddRoleToInstanceProfile', 'iam:RemoveRoleFromInstanceProfile', 'iam:DeleteInstanceProfile'], profiles, {
      StringEquals: ownedProfile,
      StringLike: { 'aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass': '*' },
    }),
  ];
}

function discoveryAndEvents(values: ParameterValues, ctx: WellKnownContext): Statement[] {
  const clusterArn = arnIn(ctx, 'eks', ctx.region, ctx.accountId, `cluster/${ctx.cluster}`);
  const queue = valueOf(values, 'interruptionQueue', ctx.cluster);
  const regionalReads = ['DescribeCapacityReservations', 'DescribeImages', 'DescribeInstances', 'DescribeInstanceStatus', 'DescribeInstanceTypeOfferings', 'DescribeInstanceTypes', 'DescribeLaunchTemplates', 'DescribePlacementGroups', 'DescribeSecurityGroups', 'DescribeSpotPriceHistory', 'DescribeSubnets'];
  return [
    allow('eks:DescribeCluster', clusterArn),
    allow(['sqs:DeleteMessage', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'], arnIn(ctx, 'sqs', ctx.region, ctx.accountId, queue)),
    allow('arc-zonal-shift:GetManagedResource', '*', { StringEquals: { 'arc-zonal-shift:ResourceIdentifier': clusterArn } }),
    allow(regionalReads.map((a) => `ec2:${a}`), '*', { StringEquals: { 'aws:RequestedRegion': ctx.region } }),
    allow('ssm:GetParameter', arnIn(ctx, 'ssm', ctx.region, '', 'parameter/aws/service/*')),
    allow('pricing:GetProducts', '*'),
    allow('iam:ListInstanceProfiles', '*'),
    allow('iam:GetInstanceProfile', arnIn(ctx, 'iam', '', ctx.accountId, 'instance-profile/*')),
  ];
}

/**
 * EC2 uses the key on the launching principal's behalf when a node's volumes are encrypted with a
 * customer managed key (explicitly, or by the account's default EBS encryption); without these the
 * instance starts and terminates at once.
 */
function volumeKeys(values: ParameterValues, ctx: WellKnownContext): Statement[] {
  const keys = listOf(values, 'kmsKeyArns');
  if (!keys) return [];
  return [allow(['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'], keys, { StringEquals: { 'kms:ViaService': viaService(ctx, 'ec2') } })];
}

export const KARPENTER_CONTROLLER: WellKnownPolicyDefinition = {
  name: 'karpenterController',
  summary: 'Karpenter controller (v1) for the cluster: launch, tag and terminate its nodes, manage their instance profiles, pass the node role, read the interruption queue, and use the KMS keys of the nodes\' volumes.',
  source: 'https://github.com/aws/karpenter-provider-aws/blob/1d927085dd81a9df9301e613f371dac5b4d16bfe/website/content/en/v1.14/getting-started/getting-started-with-karpenter/cloudformation.yaml',
  sourceVersion: 'Karpenter v1.14 (karpenter-provider-aws commit 1d92708), getting-started cloudformation.yaml (its six controller policies); KMS actions from the v1.14 troubleshooting page, "Node terminates before ready on failed encrypted EBS volume"',
  parameters: [
    {
      name: 'nodeRoleName',
      // No default: guides and modules name the node role differently, and a PassRole for the
      // wrong role only shows when Karpenter fails to launch a node.
      required: true,
      list: false,
      description: 'The IAM role of the nodes (the EC2NodeClass role), the only role Karpenter may pass to EC2.',
      // IAM API Reference, Role.RoleName: 1-64 characters of [\w+=,.@-].
      pattern: /^[\w+=,.@-]{1,64}$/,
      expected: 'an IAM role name (1-64 characters of letters, digits and +=,.@_-), without a path',
    },
    {
      name: 'interruptionQueue',
      required: false,
      list: false,
      description: 'The SQS queue of interruption events (settings.interruptionQueue); default: the cluster name, as in the getting-started guide.',
      // Amazon SQS Developer Guide, queue name: 1-80 characters of alphanumerics, - and _, `.fifo` suffix allowed.
      pattern: /^[\w-]{1,75}(\.fifo|[\w-]{0,5})$/,
      expected: 'an SQS queue name (1-80 characters of letters, digits, - and _, optionally ending in .fifo)',
    },
    kmsKeyArnsParameter('Customer managed KMS keys that encrypt the nodes\' EBS volumes (in the EC2NodeClass or by default EBS encryption).'),
  ],
  managedPolicies: [],
  statements: (values, ctx) => [...nodeLifecycle(ctx), ...iamIntegration(values, ctx), ...discoveryAndEvents(values, ctx), ...volumeKeys(values, ctx)],
};
