/**
 * Every well-known policy, in every partition, with no parameters and with every parameter given,
 * is a policy IAM accepts: valid inline JSON by IAM's grammar, within the role's inline and
 * managed-policy quotas, attaching only AWS managed policies the emulator and `validate` know.
 */
import { findAwsManagedPolicy } from '../../../src/model/aws-managed-policies.js';
import { checkPolicyDocument, checkRolePolicySizes, IAM_LIMITS, policyLength } from '../../../src/model/iam-limits.js';
import { PARTITIONS, type Partition } from '../../../src/model/partition.js';
import { checkWellKnownParameters, describeWellKnownPolicy, expandWellKnownPolicy, WELL_KNOWN_POLICY_NAMES, type WellKnownContext } from '../../../src/model/well-known-policies/index.js';
import { allParams, REGION_OF, requiredParams, sampleValues } from './samples.js';

/** EKS allows cluster names of up to 100 characters; Karpenter's conditions repeat the name, so test the longest. */
const LONGEST_CLUSTER = `prod-${'x'.repeat(95)}`;

const contextFor = (partition: Partition): WellKnownContext => ({ partition, accountId: '111122223333', region: REGION_OF[partition], cluster: LONGEST_CLUSTER });

const cases = WELL_KNOWN_POLICY_NAMES.flatMap((name) =>
  PARTITIONS.flatMap((partition) => [
    [name, partition, 'only required parameters', requiredParams(name)] as const,
    [name, partition, 'every parameter', allParams(name, partition)] as const,
  ]),
);

describe('GIVEN every well-known policy in every partition', () => {
  it('WHEN the samples are listed THEN every catalog parameter has one, and each is valid', () => {
    const samples = sampleValues('aws');
    for (const name of WELL_KNOWN_POLICY_NAMES) {
      for (const p of describeWellKnownPolicy(name)!.parameters) expect([name, p.name, samples[p.name] !== undefined]).toEqual([name, p.name, true]);
      expect(checkWellKnownParameters(name, allParams(name, 'aws'))).toEqual([]);
      expect(checkWellKnownParameters(name, requiredParams(name))).toEqual([]);
    }
  });

  it.each(cases)('WHEN %s is expanded in %s with %s THEN IAM would accept it on a role', (name, partition, _label, params) => {
    expect(checkWellKnownParameters(name, params)).toEqual([]);
    const { managedPolicyArns, inlinePolicies } = expandWellKnownPolicy(name, params, contextFor(partition));
    for (const [policyName, doc] of Object.entries(inlinePolicies)) {
      expect([policyName, checkPolicyDocument(doc, 'inline')]).toEqual([policyName, []]);
      expect(checkPolicyDocument(JSON.stringify(doc), 'inline')).toEqual([]);
    }
    const inlineLength = Object.values(inlinePolicies).reduce((sum, doc) => sum + policyLength(doc), 0);
    expect(inlineLength).toBeLessThanOrEqual(IAM_LIMITS.inlinePoliciesPerRoleLength);
    expect(managedPolicyArns.length).toBeLessThanOrEqual(IAM_LIMITS.managedPoliciesPerRole);
    expect(checkRolePolicySizes({ inline: inlinePolicies, managedArns: managedPolicyArns })).toEqual([]);
    for (const arn of managedPolicyArns) {
      expect([arn, findAwsManagedPolicy(arn) !== undefined]).toEqual([arn, true]);
      expect(arn.startsWith(`arn:${partition}:iam::aws:policy/`)).toBe(true);
    }
  });
});

describe('GIVEN IAM policy variables in parameters', () => {
  it('WHEN external-secrets is scoped by the Pod Identity session tags THEN ${aws:PrincipalTag/...} reaches the document untouched and valid', () => {
    const pattern = 'arn:aws:secretsmanager:*:111122223333:secret:${aws:PrincipalTag/eks-cluster-name}/*';
    const params = { secretArns: [pattern], parameterArns: ['arn:aws:ssm:*:111122223333:parameter/${aws:PrincipalTag/kubernetes-namespace}/*'] };
    expect(checkWellKnownParameters('externalSecrets', params)).toEqual([]);
    const doc = expandWellKnownPolicy('externalSecrets', params, contextFor('aws')).inlinePolicies['eks-identity-externalSecrets']!;
    const text = JSON.stringify(doc);
    expect(text).toContain(pattern);
    expect(text).toContain('parameter/${aws:PrincipalTag/kubernetes-namespace}/*');
    expect(checkPolicyDocument(doc, 'inline')).toEqual([]);
  });
});

describe('GIVEN the Karpenter controller', () => {
  const ctx = { partition: 'aws-cn', accountId: '111122223333', region: 'cn-northwest-1', cluster: 'prod' };
  const statements = (params: Record<string, unknown>) => expandWellKnownPolicy('karpenterController', params, ctx).inlinePolicies['eks-identity-karpenterController']!.Statement as Array<{ Action: string | string[]; Resource: string | string[]; Condition?: Record<string, Record<string, unknown>> }>;
  const withAction = (params: Record<string, unknown>, action: string) => statements(params).find((s) => ([] as string[]).concat(s.Action).includes(action));

  it('WHEN the node role is left out THEN that is a problem, since no default names every setup\'s node role', () => {
    expect(checkWellKnownParameters('karpenterController', {})).toEqual([expect.stringMatching(/^karpenterController needs parameter 'nodeRoleName': an IAM role name/)]);
    expect(() => expandWellKnownPolicy('karpenterController', {}, ctx)).toThrow(/nodeRoleName/);
  });

  it('WHEN only the node role is given THEN it passes that role, reads the queue named after the cluster, and grants no KMS key', () => {
    const params = { nodeRoleName: 'KarpenterNodeRole-prod' };
    expect(withAction(params, 'iam:PassRole')!.Resource).toBe('arn:aws-cn:iam::111122223333:role/KarpenterNodeRole-prod');
    expect(withAction(params, 'sqs:ReceiveMessage')!.Resource).toBe('arn:aws-cn:sqs:cn-northwest-1:111122223333:prod');
    expect(withAction(params, 'kms:CreateGrant')).toBeUndefined();
    expect(withAction(params, 'eks:DescribeCluster')!.Resource).toBe('arn:aws-cn:eks:cn-northwest-1:111122223333:cluster/prod');
  });

  it('WHEN the node role, queue and volume keys are given THEN PassRole, the queue and the KMS grant use them, KMS only through EC2 in the region', () => {
    const key = 'arn:aws-cn:kms:cn-northwest-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const params = { nodeRoleName: 'NodesProd', interruptionQueue: 'prod-interruptions', kmsKeyArns: [key] };
    expect(withAction(params, 'iam:PassRole')!.Resource).toBe('arn:aws-cn:iam::111122223333:role/NodesProd');
    expect(withAction(params, 'sqs:DeleteMessage')!.Resource).toBe('arn:aws-cn:sqs:cn-northwest-1:111122223333:prod-interruptions');
    const kms = withAction(params, 'kms:CreateGrant')!;
    expect(kms.Action).toEqual(['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey']);
    expect(kms.Resource).toEqual([key]);
    expect(kms.Condition).toEqual({ StringEquals: { 'kms:ViaService': 'ec2.cn-northwest-1.amazonaws.com.cn' } });
  });

  it('WHEN nodes are launched and terminated THEN the conditions name this cluster, so another cluster\'s nodes are out of reach', () => {
    const terminate = withAction({ nodeRoleName: 'Nodes' }, 'ec2:TerminateInstances')!;
    expect(terminate.Condition!.StringEquals).toEqual({ 'aws:ResourceTag/kubernetes.io/cluster/prod': 'owned' });
  });
});

describe('GIVEN the DNS controllers', () => {
  it('WHEN hosted zones are given THEN only those zones can be changed; without them, every zone as upstream grants', () => {
    const ctx = { partition: 'aws-us-gov', accountId: '111122223333', region: 'us-gov-west-1', cluster: 'prod' };
    for (const name of ['externalDns', 'certManager']) {
      const change = (params: Record<string, unknown>) =>
        (expandWellKnownPolicy(name, params, ctx).inlinePolicies[`eks-identity-${name}`]!.Statement as Array<{ Action: string[]; Resource: unknown }>).find((s) => [s.Action].flat().includes('route53:ChangeResourceRecordSets'))!.Resource;
      expect(change({ hostedZoneIds: ['Z1D633PJN98FT9'] })).toEqual(['arn:aws-us-gov:route53:::hostedzone/Z1D633PJN98FT9']);
      expect(change({})).toEqual(['arn:aws-us-gov:route53:::hostedzone/*']);
    }
  });
});
