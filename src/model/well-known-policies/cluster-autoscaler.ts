/** Kubernetes Cluster Autoscaler on EC2 Auto Scaling groups. */
import { allow, arnIn, listOf } from './statements.js';
import type { WellKnownPolicyDefinition } from './types.js';

export const AUTO_SCALER: WellKnownPolicyDefinition = {
  name: 'autoScaler',
  summary: 'Cluster Autoscaler: discover Auto Scaling groups, node groups and instance types, and change group sizes and terminate instances in them.',
  source: 'https://github.com/kubernetes/autoscaler/blob/55c37cd5eb550756c5ccc5a89e9068d77797e575/cluster-autoscaler/cloudprovider/aws/README.md#iam-policy',
  sourceVersion: 'kubernetes/autoscaler commit 55c37cd, cluster-autoscaler/cloudprovider/aws/README.md "Full Cluster Autoscaler Features Policy"',
  parameters: [
    {
      name: 'autoScalingGroupNames',
      required: false,
      list: true,
      description: 'Auto Scaling groups it may resize and terminate instances in (the README\'s minimal policy); default: every group in the account.',
      // EC2 Auto Scaling API Reference, AutoScalingGroupName: 1-255 characters, no colon in a name.
      pattern: /^[^:]{1,255}$/,
      expected: 'an Auto Scaling group name (1-255 characters, no colon) or a pattern with *',
    },
  ],
  managedPolicies: [],
  statements: (values, ctx) => {
    const groups = listOf(values, 'autoScalingGroupNames');
    // The group's ARN carries a generated id before the name, hence the `*` in its place.
    const resources = groups ? groups.map((name) => arnIn(ctx, 'autoscaling', ctx.region, ctx.accountId, `autoScalingGroup:*:autoScalingGroupName/${name}`)) : '*';
    return [
      allow(
        [
          'autoscaling:DescribeAutoScalingGroups',
          'autoscaling:DescribeAutoScalingInstances',
          'autoscaling:DescribeLaunchConfigurations',
          'autoscaling:DescribeScalingActivities',
          'ec2:DescribeImages',
          'ec2:DescribeInstanceTypes',
          'ec2:DescribeLaunchTemplateVersions',
          'ec2:GetInstanceTypesFromInstanceRequirements',
          'eks:DescribeNodegroup',
        ],
        '*',
      ),
      allow(['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'], resources),
    ];
  },
};
