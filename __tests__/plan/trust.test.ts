import { podIdentityTrustProblem, trustsPodIdentity, type PodIdentityRequest } from '../../src/plan/trust.js';

const ACCOUNT = '111122223333';
const request: PodIdentityRequest = {
  accountId: ACCOUNT,
  clusterArn: `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/prod`,
  clusterName: 'prod',
  namespace: 'payments',
  serviceAccount: 'api',
  sessionTags: true,
};
const allow = (condition?: unknown) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'], ...(condition ? { Condition: condition } : {}) }],
});
const withDeny = (deny: Record<string, unknown>) => {
  const doc = allow();
  (doc.Statement as unknown[]).push({ Effect: 'Deny', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: 'sts:AssumeRole', ...deny });
  return doc;
};

describe('Pod Identity trust with conditions', () => {
  it.each([
    ['the namespace and service account of this association', { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'payments', 'aws:RequestTag/kubernetes-service-account': ['api', 'worker'] } }],
    ['this cluster by name pattern and this account', { StringLike: { 'aws:RequestTag/eks-cluster-name': 'pro*' }, StringEquals: { 'aws:SourceAccount': ACCOUNT } }],
    ['this cluster ARN', { ArnEquals: { 'aws:RequestTag/eks-cluster-arn': `arn:aws:eks:*:${ACCOUNT}:cluster/prod` } }],
    ['a key the request is not known to carry (benefit of the doubt)', { StringEquals: { 'aws:RequestTag/kubernetes-pod-name': 'api-0' } }],
    ['a policy variable', { StringEquals: { 'aws:RequestTag/kubernetes-namespace': '${aws:PrincipalTag/team}' } }],
    ['a negated operator on another namespace', { StringNotEquals: { 'aws:RequestTag/kubernetes-namespace': 'kube-system' } }],
    ['case-insensitive equality', { StringEqualsIgnoreCase: { 'aws:requesttag/KUBERNETES-NAMESPACE': 'PAYMENTS' } }],
  ])('GIVEN an Allow conditioned on %s THEN the association may use the role', (_label, condition) => {
    expect(podIdentityTrustProblem(allow(condition), request)).toBeUndefined();
  });

  it.each([
    ['another namespace', { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'billing' } }, 'kubernetes-namespace: "payments"'],
    ['another cluster', { StringEquals: { 'aws:RequestTag/eks-cluster-name': 'staging' } }, 'eks-cluster-name: "prod"'],
    ['another account', { StringEquals: { 'aws:SourceAccount': '444455556666' } }, 'aws:SourceAccount: "111122223333"'],
    ['a service-account pattern that does not match', { StringLike: { 'aws:RequestTag/kubernetes-service-account': 'batch-*' } }, 'kubernetes-service-account'],
  ])('GIVEN an Allow only for %s THEN the problem names the condition and the value sent', (_label, condition, detail) => {
    const problem = podIdentityTrustProblem(allow(condition), request);
    expect(problem).toContain('has a condition this association does not meet');
    expect(problem).toContain(detail);
  });

  it('GIVEN session tags are disabled WHEN the Allow requires a session tag THEN it fails, unless the operator is IfExists', () => {
    const untagged = { ...request, sessionTags: false };
    expect(podIdentityTrustProblem(allow({ StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'payments' } }), untagged)).toContain('not sent');
    expect(podIdentityTrustProblem(allow({ StringEqualsIfExists: { 'aws:RequestTag/kubernetes-namespace': 'payments' } }), untagged)).toBeUndefined();
  });

  it('GIVEN a Deny whose condition matches this association THEN it wins; one for another namespace or on an unknown key does not', () => {
    expect(podIdentityTrustProblem(withDeny({ Condition: { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'payments' } } }), request)).toContain('Deny');
    expect(podIdentityTrustProblem(withDeny({ Condition: { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'billing' } } }), request)).toBeUndefined();
    expect(podIdentityTrustProblem(withDeny({ Condition: { Bool: { 'aws:SecureTransport': 'false' } } }), request)).toBeUndefined();
  });

  it('GIVEN no request (conditions not evaluated) THEN a conditional Allow counts and only an unconditional Deny wins, as before', () => {
    expect(trustsPodIdentity(allow({ StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'billing' } }))).toBe(true);
    expect(trustsPodIdentity(withDeny({ Condition: { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'payments' } } }))).toBe(true);
    expect(trustsPodIdentity(withDeny({}))).toBe(false);
  });

  it('GIVEN two Allow statements WHEN one condition excludes the association and the other admits it THEN the role works', () => {
    const doc = allow({ StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'billing' } });
    (doc.Statement as unknown[]).push(allow({ StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'payments' } }).Statement[0]);
    expect(podIdentityTrustProblem(doc, request)).toBeUndefined();
  });
});
