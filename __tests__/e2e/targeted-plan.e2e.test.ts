/**
 * Plans with prune off on clusters bigger than a list page: the declared objects are found without
 * listing the cluster, the plan says the undeclared were not counted, and what needs every object
 * (the quota when the plan creates, the last-admin check) still gets it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ACCOUNT, actions, roleArn, startPlanWorld, stateOf, type PlanWorld } from '../plan/emulator-world.js';

const AGENT = { name: 'eks-pod-identity-agent' };
const user = (i: number) => `arn:aws:iam::${ACCOUNT}:user/u${String(i).padStart(4, '0')}`;

describe('plan e2e: targeted reads with prune off', () => {
  let w: PlanWorld;
  beforeAll(async () => {
    // 4,999 associations: one more is the quota, two more are over it.
    const associations = Array.from({ length: 4999 }, (_, i) => ({ namespace: `ns-${i % 40}`, serviceAccount: `sa-${String(i).padStart(4, '0')}`, roleArn: roleArn('Bulk') }));
    const entries = [
      { principalArn: roleArn('Admins'), accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] },
      ...Array.from({ length: 150 }, (_, i) => ({ principalArn: user(i) })),
      { principalArn: roleArn('Viewer'), accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] },
    ];
    // The EFS CSI driver is installed without associations: declaring its two adds two.
    const efs = { name: 'aws-efs-csi-driver', version: 'v2.1.4-eksbuild.1' };
    w = await startPlanWorld({ ...stateOf(['Bulk', 'Admins', 'Viewer'], [{ name: 'big', region: 'us-east-1', addons: [AGENT, efs], podIdentityAssociations: associations, accessEntries: entries }]) });
  });
  afterAll(async () => {
    await w.close();
  });

  const head = 'version: 1\nclusters:\n  - { name: big, region: us-east-1 }\n';
  const declared = '  - { namespace: ns-7, serviceAccount: sa-4967, roleName: Bulk }\n  - { namespace: ns-8, serviceAccount: sa-4968, roleName: Bulk }\n';

  it('GIVEN nothing to create WHEN planned THEN a few list calls, and the plan says the undeclared were not counted', async () => {
    w.emulator.resetCalls();
    const result = await w.plan(`${head}podIdentityAssociations:\n${declared}`);
    const calls = w.emulator.calls();
    // Two pages of the whole list, then each namespace's own key: 4 calls, not 50 pages.
    expect(calls.ListPodIdentityAssociations).toBe(4);
    expect(calls.DescribePodIdentityAssociation).toBe(2);
    expect(actions(result, 'big')).toEqual([]);
    const cluster = result.plan.clusters[0]!;
    expect(cluster.findings.map((f) => f.code)).toContain('UNDECLARED_NOT_COUNTED');
    expect(cluster.findings.map((f) => f.code)).not.toContain('UNMANAGED_NOT_SHOWN');
    expect(cluster.uncounted).toEqual(['associations', 'accessEntries']);
    expect(result.plan.summary).toMatchObject({ unmanaged: 0, uncountedClusters: 1 });
  });

  it('GIVEN two associations to create on a cluster one short of the quota WHEN planned THEN the whole list is read and QUOTA_ASSOCIATIONS is an error', async () => {
    w.emulator.resetCalls();
    const result = await w.plan(`${head}podIdentityAssociations:\n${declared}  - { namespace: new, serviceAccount: one, roleName: Bulk }\n  - { namespace: new, serviceAccount: two, roleName: Bulk }\n`);
    expect(w.emulator.calls().ListPodIdentityAssociations).toBeGreaterThanOrEqual(50);
    const cluster = result.plan.clusters[0]!;
    expect(cluster.findings.find((f) => f.code === 'QUOTA_ASSOCIATIONS')?.severity).toBe('error');
    expect(cluster.uncounted).toEqual(['accessEntries']);
  });

  it('GIVEN an add-on\'s two associations to create on a cluster one short of the quota WHEN planned THEN the whole list is read and QUOTA_ASSOCIATIONS is an error', async () => {
    w.emulator.resetCalls();
    const addon = 'addons:\n  - name: aws-efs-csi-driver\n    podIdentityAssociations:\n      - { serviceAccount: efs-csi-controller-sa, roleName: Bulk }\n      - { serviceAccount: efs-csi-node-sa, roleName: Bulk }\n';
    const result = await w.plan(`${head}${addon}`);
    expect(actions(result, 'big')).toEqual(['create addon/aws-efs-csi-driver/efs-csi-controller-sa', 'create addon/aws-efs-csi-driver/efs-csi-node-sa']);
    expect(w.emulator.calls().ListPodIdentityAssociations).toBeGreaterThanOrEqual(50);
    expect(result.plan.clusters[0]!.findings.find((f) => f.code === 'QUOTA_ASSOCIATIONS')).toMatchObject({ severity: 'error', message: 'cluster big would have 5001 Pod Identity associations; the EKS quota is 5000' });
  });

  it('GIVEN the declared admin narrows its admin policy to a namespace WHEN an undeclared entry beyond the first page is admin THEN no lockout error (the others were listed and described)', async () => {
    w.emulator.resetCalls();
    const result = await w.plan(`${head}accessEntries:\n  - principalArn: ${roleArn('Admins')}\n    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, namespaces: [ops] }]\n`);
    expect(actions(result, 'big')).toEqual([`update policy/${roleArn('Admins')}/arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`]);
    expect(result.plan.clusters[0]!.findings.map((f) => f.code)).not.toContain('LOCKOUT_NO_ADMIN');
    // The second look listed the entries in full and described the 151 others.
    expect(w.emulator.calls().DescribeAccessEntry).toBe(1 + 151);
  });

  it('GIVEN both admins narrowed to a namespace WHEN planned THEN LOCKOUT_NO_ADMIN stands after the second look', async () => {
    const narrowed = (name: string) => `  - principalArn: ${roleArn(name)}\n    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, namespaces: [ops] }]\n`;
    const result = await w.plan(`${head}accessEntries:\n${narrowed('Admins')}${narrowed('Viewer')}`);
    expect(result.plan.clusters[0]!.findings.map((f) => f.code)).toContain('LOCKOUT_NO_ADMIN');
  });
});
