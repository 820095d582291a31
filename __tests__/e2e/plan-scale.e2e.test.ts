/**
 * What the plan reads, and that what it says does not depend on how it read: describe calls only
 * for declared objects when prune is off; the same plan with 1 or 32 describes in flight and under
 * injected throttling.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EmulatorState } from '../../src/emulator/index.js';
import { actions, roleArn, startPlanWorld, stateOf, type PlanWorld } from '../plan/emulator-world.js';

const AGENT = { name: 'eks-pod-identity-agent' };

describe('plan e2e: reads only what the manifest declares', () => {
  const UNMANAGED = 1000;
  const DECLARED = 7;
  let w: PlanWorld;
  beforeAll(async () => {
    const associations = Array.from({ length: UNMANAGED + DECLARED }, (_, i) => ({
      namespace: i < DECLARED ? 'declared' : 'bulk',
      serviceAccount: `sa-${String(i).padStart(4, '0')}`,
      roleArn: roleArn('Bulk'),
    }));
    w = await startPlanWorld(stateOf(['Bulk'], [{ name: 'big', region: 'us-east-1', addons: [AGENT], podIdentityAssociations: associations }]));
  });
  afterAll(async () => {
    await w.close();
  });

  const manifest = (prune: boolean) =>
    `version: 1\nclusters:\n  - { name: big, region: us-east-1 }\nprune: ${prune}\npodIdentityAssociations:\n${Array.from(
      { length: DECLARED },
      (_, i) => `  - { namespace: declared, serviceAccount: sa-${String(i).padStart(4, '0')}, roleName: Bulk${i === 0 ? ', tags: { drift: "yes" }' : ''} }\n`,
    ).join('')}  - { namespace: declared, serviceAccount: not-live-yet, roleName: Bulk }\n`;

  it(`GIVEN prune off and ${UNMANAGED} undeclared live associations WHEN planned THEN only the ${DECLARED} declared live ones are described`, async () => {
    const before = w.emulator.calls().DescribePodIdentityAssociation ?? 0;
    const result = await w.plan(manifest(false));
    expect((w.emulator.calls().DescribePodIdentityAssociation ?? 0) - before).toBe(DECLARED);
    expect(actions(result, 'big')).toEqual(['create association/declared/not-live-yet', 'update association/declared/sa-0000']);
    const note = result.plan.clusters[0]!.findings.find((f) => f.code === 'UNMANAGED_NOT_SHOWN')!;
    expect(note.message).toContain(String(UNMANAGED));
  });

  it('GIVEN prune on WHEN planned THEN every live association is described and the undeclared ones deleted', async () => {
    const before = w.emulator.calls().DescribePodIdentityAssociation ?? 0;
    const result = await w.plan(manifest(true), { maxDeletes: UNMANAGED });
    expect((w.emulator.calls().DescribePodIdentityAssociation ?? 0) - before).toBe(UNMANAGED + DECLARED);
    expect(result.plan.summary.delete).toBe(UNMANAGED);
  });
});

describe('plan e2e: the plan does not depend on concurrency or throttling', () => {
  /** About 30 objects with drift of every kind. */
  function smallWorld(): EmulatorState {
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    return stateOf(
      [...names.map((n) => `App${n}`), 'Old', 'Admins', 'Dev', 'Gone'],
      [
        {
          name: 'prod',
          region: 'us-east-1',
          addons: [AGENT],
          podIdentityAssociations: [
            ...names.map((n, i) => ({ namespace: 'apps', serviceAccount: n.toLowerCase(), roleArn: roleArn(i % 2 === 0 ? `App${n}` : 'Old'), tags: { team: i % 3 === 0 ? 'x' : 'y' } })),
            ...['u1', 'u2', 'u3', 'u4'].map((sa) => ({ namespace: 'undeclared', serviceAccount: sa, roleArn: roleArn('Old') })),
          ],
          accessEntries: [
            { principalArn: roleArn('Deploy'), accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] },
            { principalArn: roleArn('Admins'), createdAt: '2020-01-01T00:00:00Z', accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] },
            { principalArn: roleArn('Dev'), kubernetesGroups: ['dev'], accessPolicies: [{ policyArn: 'AmazonEKSViewPolicy', accessScope: { type: 'namespace', namespaces: ['a'] } }] },
            { principalArn: roleArn('Gone') },
          ],
        },
      ],
    );
  }
  const manifest = `version: 1
clusters:
  - { name: prod, region: us-east-1 }
prune: true
podIdentityAssociations:
${['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((n) => `  - { namespace: apps, serviceAccount: ${n.toLowerCase()}, roleName: App${n === 'I' || n === 'J' ? 'A' : n}, tags: { team: y } }`).join('\n')}
accessEntries:
  - principalArn: arn:\${partition}:iam::\${accountId}:role/Deploy
    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, scope: cluster }]
  - principalArn: arn:\${partition}:iam::\${accountId}:role/Admins
    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, scope: cluster }]
  - principalArn: arn:\${partition}:iam::\${accountId}:role/Dev
    kubernetesGroups: [dev, ops]
    accessPolicies: [{ policy: AmazonEKSViewPolicy, namespaces: [a, b] }]
`;

  let calm: PlanWorld;
  let throttled: PlanWorld;
  beforeAll(async () => {
    calm = await startPlanWorld(smallWorld());
    throttled = await startPlanWorld(smallWorld(), { faults: { throttleRate: 0.2 }, seed: 13 });
  });
  afterAll(async () => {
    await calm.close();
    await throttled.close();
  });

  it('GIVEN the same world WHEN planned with 1 and with 32 describes in flight, and under 20% throttling THEN the plans are the same', async () => {
    const one = await calm.plan(manifest, { concurrency: 1 });
    const many = await calm.plan(manifest, { concurrency: 32 });
    const faulted = await throttled.plan(manifest, { concurrency: 8, maxAttempts: 10 });

    expect(one.plan.summary.create + one.plan.summary.update + one.plan.summary.replace + one.plan.summary.delete).toBeGreaterThan(10);
    expect(many.plan.fingerprint).toBe(one.plan.fingerprint);
    expect(faulted.plan.fingerprint).toBe(one.plan.fingerprint);
    const changes = (r: typeof one) => r.plan.clusters.map((c) => c.changes.map((ch) => ({ id: ch.id, action: ch.action, fields: ch.fields })));
    expect(changes(many)).toEqual(changes(one));
    expect(changes(faulted)).toEqual(changes(one));
    // The faults really happened: more requests than answers.
    const requested = Object.values(throttled.emulator.calls()).reduce((a, b) => a + b, 0);
    const answered = Object.values(throttled.emulator.successfulCalls()).reduce((a, b) => a + b, 0);
    expect(requested).toBeGreaterThan(answered);
  });
});
