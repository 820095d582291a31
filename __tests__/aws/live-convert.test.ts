import { decodeTrustPolicy, toLiveAccessEntry, toLiveAssociation, toScope } from '../../src/aws/live-convert.js';
import { callerIdentityOf, sessionNameFor } from '../../src/aws/session.js';
import { rolesToRead } from '../../src/aws/reader.js';
import type { DesiredCluster } from '../../src/model/desired.js';

describe('SDK shapes to LiveState', () => {
  it('GIVEN a URL-encoded trust policy THEN it is decoded to the JSON document', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] };
    expect(decodeTrustPolicy(encodeURIComponent(JSON.stringify(doc)))).toEqual(doc);
    expect(decodeTrustPolicy(JSON.stringify(doc))).toEqual(doc);
    expect(decodeTrustPolicy(undefined)).toBeUndefined();
    expect(decodeTrustPolicy('%E0%A4%A')).toBe('%E0%A4%A');
  });

  it('GIVEN a described association THEN dates are ISO, policy canonical, empty target absent, tags sorted', () => {
    const live = toLiveAssociation(
      {
        associationId: 'a-1',
        namespace: 'karpenter',
        serviceAccount: 'karpenter',
        roleArn: 'arn:aws:iam::111122223333:role/Karpenter',
        targetRoleArn: '',
        policy: '{ "Version": "2012-10-17", "Statement": [] }',
        tags: { z: '1', a: '2' },
        createdAt: new Date('2024-05-01T10:00:00Z'),
      },
      { associationId: 'a-1', namespace: 'karpenter', serviceAccount: 'karpenter' },
    );
    expect(live).toEqual({
      associationId: 'a-1',
      namespace: 'karpenter',
      serviceAccount: 'karpenter',
      roleArn: 'arn:aws:iam::111122223333:role/Karpenter',
      disableSessionTags: false,
      policy: '{"Statement":[],"Version":"2012-10-17"}',
      tags: { a: '2', z: '1' },
      createdAt: '2024-05-01T10:00:00.000Z',
    });
    expect(Object.keys(live.tags)).toEqual(['a', 'z']);
  });

  it('GIVEN an entry with namespace-scoped policies THEN namespaces and policies are sorted', () => {
    const entry = toLiveAccessEntry({ principalArn: 'arn:aws:iam::111122223333:role/Dev', type: 'STANDARD', kubernetesGroups: ['b', 'a'] }, 'x', [
      { policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', accessScope: { type: 'namespace', namespaces: ['team-b', 'team-a'] } },
      { policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy', accessScope: { type: 'cluster' } },
    ]);
    expect(entry.kubernetesGroups).toEqual(['a', 'b']);
    expect(entry.accessPolicies.map((p) => p.policyArn.split('/')[1])).toEqual(['AmazonEKSAdminPolicy', 'AmazonEKSViewPolicy']);
    expect(entry.accessPolicies[1]?.scope).toEqual({ type: 'namespace', namespaces: ['team-a', 'team-b'] });
    expect(toScope(undefined)).toEqual({ type: 'cluster' });
  });
});

describe('sessions', () => {
  it('GIVEN an assumed-role caller THEN the principal is the role ARN', () => {
    expect(callerIdentityOf('arn:aws-cn:sts::111122223333:assumed-role/Deploy/eks-identity-prod', '111122223333')).toEqual({
      arn: 'arn:aws-cn:sts::111122223333:assumed-role/Deploy/eks-identity-prod',
      accountId: '111122223333',
      principalArn: 'arn:aws-cn:iam::111122223333:role/Deploy',
    });
    expect(callerIdentityOf('arn:aws:iam::111122223333:user/alice', '111122223333').principalArn).toBe('arn:aws:iam::111122223333:user/alice');
  });

  it('GIVEN long or unusual cluster names THEN the session name fits STS rules', () => {
    expect(sessionNameFor('prod')).toBe('eks-identity-prod');
    const long = sessionNameFor('x'.repeat(100));
    expect(long).toHaveLength(64);
    expect(sessionNameFor('a b/c')).toBe('eks-identity-a-b-c');
  });
});

describe('rolesToRead', () => {
  const desired: DesiredCluster = {
    name: 'prod',
    region: 'us-east-1',
    partition: 'aws',
    prune: false,
    associations: [
      { namespace: 'a', serviceAccount: 'a', roleArn: 'arn:aws:iam::111122223333:role/App', disableSessionTags: false, tags: {} },
      { namespace: 'b', serviceAccount: 'b', roleArn: 'arn:aws:iam::111122223333:role/App', disableSessionTags: false, tags: {} },
      { namespace: 'c', serviceAccount: 'c', roleArn: 'arn:aws:iam::999999999999:role/Other', disableSessionTags: false, tags: {} },
    ],
    accessEntries: [
      { principalArn: 'arn:aws:iam::111122223333:role/Admins', type: 'STANDARD', kubernetesGroups: [], accessPolicies: [], tags: {} },
      { principalArn: 'arn:aws:iam::111122223333:role/Nodes', type: 'EC2_LINUX', kubernetesGroups: [], accessPolicies: [], tags: {} },
      { principalArn: 'arn:aws:iam::111122223333:user/alice', type: 'STANDARD', kubernetesGroups: [], accessPolicies: [], tags: {} },
    ],
  };

  it('GIVEN associations and entries THEN same-account roles (node roles too) are read once each, sorted; users and other accounts are not', () => {
    const described = [
      { principalArn: 'arn:aws:iam::111122223333:role/Stale', type: 'STANDARD' as const, kubernetesGroups: [], tags: {}, accessPolicies: [] },
      { principalArn: 'arn:aws:iam::111122223333:role/Admins', type: 'STANDARD' as const, kubernetesGroups: [], tags: {}, accessPolicies: [] },
    ];
    expect(rolesToRead({ accountId: '111122223333', partition: 'aws' }, desired, described)).toEqual([
      'arn:aws:iam::111122223333:role/Admins',
      'arn:aws:iam::111122223333:role/App',
      'arn:aws:iam::111122223333:role/Nodes',
      'arn:aws:iam::111122223333:role/Stale',
    ]);
  });
});
