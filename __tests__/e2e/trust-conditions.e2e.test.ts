/**
 * A role whose trust policy admits Pod Identity only for some namespaces, read through the real
 * SDK from the emulator: the association in another namespace is reported before anything is
 * applied, the one it admits is not.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codes, startPlanWorld, stateOf, type PlanWorld } from '../plan/emulator-world.js';

let w: PlanWorld;
beforeAll(async () => {
  const scoped = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'pods.eks.amazonaws.com' },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Condition: { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'payments', 'aws:RequestTag/eks-cluster-name': 'prod' } },
      },
    ],
  };
  w = await startPlanWorld(stateOf([{ name: 'PaymentsApp', trust: scoped }], [{ name: 'prod', region: 'us-east-1', addons: [{ name: 'eks-pod-identity-agent' }] }]));
});
afterAll(() => w.close());

const manifest = (namespace: string) => `version: 1
clusters:
  - name: prod
    region: us-east-1
podIdentityAssociations:
  - { namespace: ${namespace}, serviceAccount: api, roleName: PaymentsApp }
`;

describe('trust policy conditions', () => {
  it('GIVEN a role scoped to namespace payments WHEN an association in payments is planned THEN no trust finding', async () => {
    const result = await w.plan(manifest('payments'));
    expect(codes(result, 'prod')).not.toContain('TRUST_POLICY_MISSING_POD_IDENTITY');
  });

  it('GIVEN the same role WHEN an association in billing is planned THEN an error naming the condition and the namespace sent, and apply would refuse', async () => {
    const result = await w.plan(manifest('billing'));
    const finding = result.plan.clusters[0]!.findings.find((f) => f.code === 'TRUST_POLICY_MISSING_POD_IDENTITY')!;
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain('aws:RequestTag/kubernetes-namespace: "billing"');
    expect(result.plan.summary.errors).toBeGreaterThan(0);
  });
});
