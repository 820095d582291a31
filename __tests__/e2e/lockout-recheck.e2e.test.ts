/**
 * With prune off only declared access entries are described, so a plan that takes cluster admin
 * away from the last declared admin cannot tell whether an undeclared entry is still an admin.
 * planManifest then describes the other entries of that cluster and decides on what it finds.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actions, codes, roleArn, startPlanWorld, stateOf, type PlanWorld } from '../plan/emulator-world.js';

const ADMIN = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy';
const admin = { policyArn: 'AmazonEKSClusterAdminPolicy' };
const view = { policyArn: 'AmazonEKSViewPolicy' };

let w: PlanWorld;
beforeAll(async () => {
  w = await startPlanWorld(
    stateOf(
      ['Team', 'BreakGlass', 'Viewer'],
      [
        {
          name: 'guarded',
          region: 'us-east-1',
          addons: [{ name: 'eks-pod-identity-agent' }],
          accessEntries: [
            { principalArn: roleArn('Deploy'), accessPolicies: [view] },
            { principalArn: roleArn('Team'), accessPolicies: [admin] },
            { principalArn: roleArn('BreakGlass'), accessPolicies: [admin] },
          ],
        },
        {
          name: 'bare',
          region: 'us-east-1',
          addons: [{ name: 'eks-pod-identity-agent' }],
          accessEntries: [
            { principalArn: roleArn('Deploy'), accessPolicies: [view] },
            { principalArn: roleArn('Team'), accessPolicies: [admin] },
            { principalArn: roleArn('Viewer'), accessPolicies: [view] },
          ],
        },
      ],
    ),
  );
});
afterAll(() => w.close());

const downgradeTeam = (cluster: string) => `version: 1
clusters:
  - name: ${cluster}
    region: us-east-1
prune: false
accessEntries:
  - principalArn: ${roleArn('Team')}
    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, namespaces: [team] }]
`;

const describes = () => w.emulator.successfulCalls().DescribeAccessEntry ?? 0;

describe('LOCKOUT_NO_ADMIN with prune off', () => {
  it('GIVEN an undeclared entry that is still a cluster admin WHEN the declared admin is downgraded THEN the other entries are described and no lockout is reported', async () => {
    w.emulator.resetCalls();
    const result = await w.plan(downgradeTeam('guarded'));
    expect(codes(result, 'guarded')).not.toContain('LOCKOUT_NO_ADMIN');
    expect(actions(result, 'guarded')).toEqual([`update policy/${roleArn('Team')}/${ADMIN}`]);
    // Team in the read, then Deploy and BreakGlass in the re-check.
    expect(describes()).toBe(3);
    // The undeclared entries stay untouched: prune is off.
    expect(result.plan.summary).toMatchObject({ delete: 0, errors: 0 });
  });

  it('GIVEN no undeclared admin WHEN the declared admin is downgraded THEN LOCKOUT_NO_ADMIN stands, after looking at every entry', async () => {
    w.emulator.resetCalls();
    const result = await w.plan(downgradeTeam('bare'));
    expect(codes(result, 'bare')).toContain('LOCKOUT_NO_ADMIN');
    expect(describes()).toBe(3);
  });

  it('GIVEN a plan that keeps the admin WHEN planned with prune off THEN only the declared entry is described', async () => {
    w.emulator.resetCalls();
    const result = await w.plan(downgradeTeam('guarded').replace('namespaces: [team]', 'scope: cluster'));
    expect(actions(result, 'guarded')).toEqual([]);
    expect(describes()).toBe(1);
  });
});
