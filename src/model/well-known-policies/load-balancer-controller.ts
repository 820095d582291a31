/** AWS Load Balancer Controller: ALBs for Ingresses, NLBs for Services. */
import { allow } from './statements.js';
import type { WellKnownContext, WellKnownPolicyDefinition } from './types.js';

/** The tag the controller puts on everything it creates; the conditions below read it. */
const CLUSTER_TAG = 'elbv2.k8s.aws/cluster';
const REQUEST_TAGGED = { Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'false' } };
const RESOURCE_TAGGED = { Null: { [`aws:ResourceTag/${CLUSTER_TAG}`]: 'false' } };
/** Retagging something the controller created, without changing the cluster tag itself. */
const OWNED_NOT_RETAGGED = { Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'true', [`aws:ResourceTag/${CLUSTER_TAG}`]: 'false' } };

function describeActions(): string[] {
  const ec2 = ['DescribeAccountAttributes', 'DescribeAddresses', 'DescribeAvailabilityZones', 'DescribeInternetGateways', 'DescribeVpcs', 'DescribeVpcPeeringConnections', 'DescribeSubnets', 'DescribeSecurityGroups', 'DescribeInstances', 'DescribeNetworkInterfaces', 'DescribeTags', 'GetCoipPoolUsage', 'DescribeCoipPools', 'GetSecurityGroupsForVpc', 'DescribeIpamPools', 'DescribeRouteTables'];
  const elb = ['DescribeLoadBalancers', 'DescribeLoadBalancerAttributes', 'DescribeListeners', 'DescribeListenerCertificates', 'DescribeSSLPolicies', 'DescribeRules', 'DescribeTargetGroups', 'DescribeTargetGroupAttributes', 'DescribeTargetHealth', 'DescribeTags', 'DescribeTrustStores', 'DescribeListenerAttributes', 'DescribeCapacityReservation'];
  return [...ec2.map((a) => `ec2:${a}`), ...elb.map((a) => `elasticloadbalancing:${a}`)];
}

function statements(ctx: WellKnownContext) {
  const elb = (resource: string) => `arn:${ctx.partition}:elasticloadbalancing:*:*:${resource}`;
  const securityGroups = `arn:${ctx.partition}:ec2:*:*:security-group/*`;
  const balancersAndGroups = [elb('targetgroup/*/*'), elb('loadbalancer/net/*/*'), elb('loadbalancer/app/*/*')];
  return [
    allow('iam:CreateServiceLinkedRole', '*', { StringEquals: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' } }),
    allow(describeActions(), '*'),
    allow(
      [
        'cognito-idp:DescribeUserPoolClient', 'acm:ListCertificates', 'acm:DescribeCertificate', 'iam:ListServerCertificates', 'iam:GetServerCertificate',
        'waf-regional:GetWebACL', 'waf-regional:GetWebACLForResource', 'waf-regional:AssociateWebACL', 'waf-regional:DisassociateWebACL',
        'wafv2:GetWebACL', 'wafv2:GetWebACLForResource', 'wafv2:AssociateWebACL', 'wafv2:DisassociateWebACL',
        'shield:GetSubscriptionState', 'shield:DescribeProtection', 'shield:CreateProtection', 'shield:DeleteProtection',
      ],
      '*',
    ),
    allow(['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress', 'ec2:CreateSecurityGroup'], '*'),
    allow('ec2:CreateTags', securityGroups, { StringEquals: { 'ec2:CreateAction': 'CreateSecurityGroup' }, ...REQUEST_TAGGED }),
    allow(['ec2:CreateTags', 'ec2:DeleteTags'], securityGroups, OWNED_NOT_RETAGGED),
    allow(['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress', 'ec2:DeleteSecurityGroup'], '*', RESOURCE_TAGGED),
    allow(['elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:CreateTargetGroup'], '*', REQUEST_TAGGED),
    allow(['elasticloadbalancing:CreateListener', 'elasticloadbalancing:DeleteListener', 'elasticloadbalancing:CreateRule', 'elasticloadbalancing:DeleteRule'], '*'),
    allow(['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'], balancersAndGroups, OWNED_NOT_RETAGGED),
    allow(['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'], [elb('listener/net/*/*/*'), elb('listener/app/*/*/*'), elb('listener-rule/net/*/*/*'), elb('listener-rule/app/*/*/*')]),
    allow(
      [
        'elasticloadbalancing:ModifyLoadBalancerAttributes', 'elasticloadbalancing:SetIpAddressType', 'elasticloadbalancing:SetSecurityGroups', 'elasticloadbalancing:SetSubnets',
        'elasticloadbalancing:DeleteLoadBalancer', 'elasticloadbalancing:ModifyTargetGroup', 'elasticloadbalancing:ModifyTargetGroupAttributes', 'elasticloadbalancing:DeleteTargetGroup',
        'elasticloadbalancing:ModifyListenerAttributes', 'elasticloadbalancing:ModifyCapacityReservation', 'elasticloadbalancing:ModifyIpPools',
      ],
      '*',
      RESOURCE_TAGGED,
    ),
    allow('elasticloadbalancing:AddTags', balancersAndGroups, { StringEquals: { 'elasticloadbalancing:CreateAction': ['CreateTargetGroup', 'CreateLoadBalancer'] }, ...REQUEST_TAGGED }),
    allow(['elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DeregisterTargets'], elb('targetgroup/*/*')),
    allow(
      ['elasticloadbalancing:SetWebAcl', 'elasticloadbalancing:ModifyListener', 'elasticloadbalancing:AddListenerCertificates', 'elasticloadbalancing:RemoveListenerCertificates', 'elasticloadbalancing:ModifyRule', 'elasticloadbalancing:SetRulePriorities'],
      '*',
    ),
  ];
}

export const AWS_LOAD_BALANCER_CONTROLLER: WellKnownPolicyDefinition = {
  name: 'awsLoadBalancerController',
  summary: 'AWS Load Balancer Controller: create and manage ALBs, NLBs, target groups, listeners and their security groups, all tagged elbv2.k8s.aws/cluster, and read certificates, WAF and Shield settings.',
  source: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/225f44568848eb25f13e304a5f1cc68c0cd9415d/docs/install/iam_policy.json',
  sourceVersion: 'aws-load-balancer-controller v3.5.0 (commit 225f445), docs/install/iam_policy.json (iam_policy_cn.json and iam_policy_us-gov.json differ only in the partition)',
  parameters: [],
  managedPolicies: [],
  statements: (_values, ctx) => statements(ctx),
};
