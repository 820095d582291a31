/**
 * An access entry binds its IAM principal's unique id. When the user behind an entry is deleted
 * and created again, the entry stays but grants nothing: the plan reads the user (GetUser) and
 * replaces the entry, as it does for re-created roles.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ACCOUNT, actions, codes, startPlanWorld, stateOf, type PlanWorld } from '../plan/emulator-world.js';

const user = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`;
const manifestFor = (users: string[]) =>
  `version: 1\nclusters:\n  - name: prod\n    region: us-east-1\naccessEntries:\n${users.map((u) => `  - principalArn: ${user(u)}\n    kubernetesGroups: [ops]\n`).join('')}`;

let w: PlanWorld;
beforeAll(async () => {
  const state = stateOf(
    [],
    [
      {
        name: 'prod',
        region: 'us-east-1',
        addons: [{ name: 'eks-pod-identity-agent' }],
        accessEntries: [
          { principalArn: user('recreated'), createdAt: '2024-01-01T00:00:00Z', kubernetesGroups: ['ops'] },
          { principalArn: user('steady'), createdAt: '2024-01-01T00:00:00Z', kubernetesGroups: ['ops'] },
          { principalArn: user('undeclared'), createdAt: '2024-01-01T00:00:00Z' },
        ],
      },
    ],
  );
  state.iam!.users = [
    { arn: user('recreated'), userId: 'AIDARECREATED0000002', createDate: '2024-06-01T00:00:00Z' },
    { arn: user('steady'), userId: 'AIDASTEADY0000000001', createDate: '2023-06-01T00:00:00Z' },
    { arn: user('undeclared'), userId: 'AIDAUNDECLARED000001', createDate: '2024-06-01T00:00:00Z' },
  ];
  w = await startPlanWorld(state);
});
afterAll(() => w.close());

describe('STALE_ACCESS_ENTRY for IAM users', () => {
  it('GIVEN a declared user re-created after its entry WHEN planned THEN the entry is replaced; a user older than its entry is not, and undeclared users are not read', async () => {
    w.emulator.resetCalls();
    const result = await w.plan(manifestFor(['recreated', 'steady']));
    expect(actions(result, 'prod')).toEqual([`replace entry/${user('recreated')}`]);
    expect(codes(result, 'prod')).toContain('STALE_ACCESS_ENTRY');
    expect(w.emulator.successfulCalls().GetUser).toBe(2);
  });

  it('GIVEN iam:GetUser is denied WHEN planned THEN the plan is still made, with IAM_USER_UNREADABLE for each user entry and no replacement', async () => {
    // The emulator checks no IAM permission; a fault answers GetUser with 403 AccessDenied.
    w.emulator.setFaults({ denyOperations: ['GetUser'] });
    try {
      const result = await w.plan(manifestFor(['recreated']));
      expect(actions(result, 'prod')).toEqual([]);
      const unreadable = result.plan.clusters[0]!.findings.filter((f) => f.code === 'IAM_USER_UNREADABLE');
      expect(unreadable.map((f) => f.key)).toEqual([`entry/${user('recreated')}`]);
      expect(unreadable[0]!.fix).toContain('iam:GetUser');
    } finally {
      w.emulator.setFaults({});
    }
  });
});
