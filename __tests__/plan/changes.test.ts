import { describe, expect, it } from '@jest/globals';
import type { DesiredAssociation } from '../../src/model/desired.js';
import type { LiveAssociation } from '../../src/model/live.js';
import type { AccessEntryValue, AssociationValue } from '../../src/model/plan.js';
import {
  ADMIN,
  DEPLOYER,
  EDIT,
  VIEW,
  actionsOf,
  changeOf,
  desiredAssociation,
  desiredCluster,
  desiredEntry,
  desiredPolicy,
  liveAssociation,
  liveCluster,
  liveEntry,
  livePolicy,
  namespaces,
  planAll,
  planOne,
  roleArn,
} from './fixtures.js';

const APP = roleArn('App');
const OPS = roleArn('Ops');

describe('computePlan: Pod Identity associations', () => {
  it('GIVEN a declared association that is not live WHEN planning THEN it is created with the desired fields', () => {
    const d = desiredAssociation('karpenter', 'karpenter', { tags: { team: 'platform' }, source: { file: 'm.yaml', line: 3, column: 5 } });
    const plan = planOne(desiredCluster({ associations: [d] }), liveCluster());
    const change = changeOf(plan, 'association/karpenter/karpenter');
    expect(change).toMatchObject({ kind: 'podIdentityAssociation', action: 'create', source: { file: 'm.yaml', line: 3 } });
    expect(change.after).toEqual({ namespace: 'karpenter', serviceAccount: 'karpenter', roleArn: d.roleArn, disableSessionTags: false, tags: { team: 'platform' } });
    expect(change.before).toBeUndefined();
  });

  it('GIVEN a live association equal to the declared one WHEN planning THEN there is no change', () => {
    const plan = planOne(
      desiredCluster({ associations: [desiredAssociation('app', 'web', { tags: { a: '1', b: '2' } })] }),
      liveCluster({ associations: [liveAssociation('app', 'web', { tags: { b: '2', a: '1' } })] }),
    );
    expect(plan.changes).toEqual([]);
  });

  const cases: [string, Partial<DesiredAssociation>, Partial<LiveAssociation>, Record<string, unknown>][] = [
    ['roleArn', { roleArn: roleArn('New') }, {}, { before: roleArn('app-web'), after: roleArn('New') }],
    ['targetRoleArn set', { targetRoleArn: roleArn('Target', 'aws', '444455556666') }, {}, { after: roleArn('Target', 'aws', '444455556666') }],
    ['targetRoleArn cleared', {}, { targetRoleArn: roleArn('Old') }, { before: roleArn('Old') }],
    ['disableSessionTags', { disableSessionTags: true }, {}, { before: false, after: true }],
    ['policy', { disableSessionTags: true, policy: '{"Version":"2012-10-17"}' }, { disableSessionTags: true }, { after: '{"Version":"2012-10-17"}' }],
    ['tags', { tags: { team: 'a' } }, { tags: { team: 'b', extra: 'x' } }, { before: { team: 'b', extra: 'x' }, after: { team: 'a' } }],
  ];
  it.each(cases)('GIVEN a live association with a different %s WHEN planning THEN it is updated with that field diff only', (label, desired, live, diff) => {
    const plan = planOne(
      desiredCluster({ associations: [desiredAssociation('app', 'web', desired)] }),
      liveCluster({ associations: [liveAssociation('app', 'web', live)] }),
    );
    const change = changeOf(plan, 'association/app/web');
    expect(change.action).toBe('update');
    const field = label.split(' ')[0]!;
    expect(change.fields).toEqual([{ field, ...diff }]);
    expect((change.before as AssociationValue).associationId).toBe('a-app-web');
  });

  it('GIVEN a live target role and a declared empty one WHEN planning THEN the update clears it (after has no targetRoleArn)', () => {
    const plan = planOne(
      desiredCluster({ associations: [desiredAssociation('app', 'web')] }),
      liveCluster({ associations: [liveAssociation('app', 'web', { targetRoleArn: roleArn('Old') })] }),
    );
    const change = changeOf(plan, 'association/app/web');
    expect((change.before as AssociationValue).targetRoleArn).toBe(roleArn('Old'));
    expect(change.after).not.toHaveProperty('targetRoleArn');
    expect(change.fields).toEqual([{ field: 'targetRoleArn', before: roleArn('Old') }]);
  });

  it('GIVEN prune on and an undeclared live association WHEN planning THEN it is deleted; an add-on owned one is only noted', () => {
    const plan = planOne(
      desiredCluster({ prune: true }),
      liveCluster({
        associations: [
          liveAssociation('old', 'gone'),
          liveAssociation('kube-system', 'ebs-csi', { ownerArn: 'arn:aws:eks:us-east-1:111122223333:addon/prod/aws-ebs-csi-driver/x' }),
        ],
      }),
    );
    expect(actionsOf(plan)).toEqual(['unmanaged association/kube-system/ebs-csi', 'delete association/old/gone']);
    expect(changeOf(plan, 'association/old/gone').before).toMatchObject({ namespace: 'old', serviceAccount: 'gone', associationId: 'a-old-gone' });
    expect(changeOf(plan, 'association/kube-system/ebs-csi').reason).toMatch(/owned by the add-on/);
  });

  it('GIVEN prune off and undeclared live associations WHEN planning THEN nothing is deleted', () => {
    const plan = planOne(desiredCluster(), liveCluster({ associations: [liveAssociation('old', 'gone')] }));
    expect(plan.changes).toEqual([]);
  });

  it('GIVEN a changed namespace WHEN planning THEN the old association is deleted (prune) and the new one created: the key is immutable', () => {
    const plan = planOne(
      desiredCluster({ prune: true, associations: [desiredAssociation('app-v2', 'web', { roleArn: roleArn('app-web') })] }),
      liveCluster({ associations: [liveAssociation('app', 'web')] }),
    );
    expect(actionsOf(plan)).toEqual(['create association/app-v2/web', 'delete association/app/web']);
  });
});

describe('computePlan: access entries', () => {
  it('GIVEN a declared entry that is not live WHEN planning THEN the entry and each of its policies are created', () => {
    const d = desiredEntry(APP, { kubernetesGroups: ['viewers'], username: 'app', accessPolicies: [desiredPolicy(VIEW, namespaces('a', 'b'))] });
    const plan = planOne(desiredCluster({ accessEntries: [d] }), liveCluster());
    expect(actionsOf(plan)).toEqual([`create entry/${APP}`, `create policy/${APP}/${VIEW}`]);
    expect(changeOf(plan, `entry/${APP}`).after).toEqual({ principalArn: APP, type: 'STANDARD', kubernetesGroups: ['viewers'], username: 'app', tags: {} });
    expect(changeOf(plan, `policy/${APP}/${VIEW}`).after).toEqual({ principalArn: APP, policyArn: VIEW, scope: namespaces('a', 'b') });
  });

  it('GIVEN a live entry equal to the declared one (groups in another order) WHEN planning THEN there is no change', () => {
    const plan = planOne(
      desiredCluster({ accessEntries: [desiredEntry(APP, { kubernetesGroups: ['a', 'b'], accessPolicies: [desiredPolicy(VIEW, namespaces('x', 'y'))] })] }),
      liveCluster({ accessEntries: [liveEntry(APP, { kubernetesGroups: ['b', 'a'], accessPolicies: [livePolicy(VIEW, namespaces('y', 'x'))] })] }),
    );
    expect(plan.changes).toEqual([]);
  });

  it('GIVEN different kubernetesGroups, username and tags WHEN planning THEN one update lists each field', () => {
    const plan = planOne(
      desiredCluster({ accessEntries: [desiredEntry(APP, { kubernetesGroups: ['editors'], username: 'new', tags: { t: '1' } })] }),
      liveCluster({ accessEntries: [liveEntry(APP, { kubernetesGroups: ['viewers'], username: 'old' })] }),
    );
    const change = changeOf(plan, `entry/${APP}`);
    expect(change.action).toBe('update');
    expect(change.fields).toEqual([
      { field: 'kubernetesGroups', before: ['viewers'], after: ['editors'] },
      { field: 'username', before: 'old', after: 'new' },
      { field: 'tags', before: {}, after: { t: '1' } },
    ]);
  });

  it('GIVEN no declared username and an EKS-chosen live one WHEN planning THEN there is no diff', () => {
    const plan = planOne(
      desiredCluster({ accessEntries: [desiredEntry(APP)] }),
      liveCluster({ accessEntries: [liveEntry(APP, { username: 'arn:aws:sts::111122223333:assumed-role/App/{{SessionName}}' })] }),
    );
    expect(plan.changes).toEqual([]);
  });

  it('GIVEN a node entry whose live username and groups EKS set WHEN planning THEN they are not compared', () => {
    const node = roleArn('NodeRole');
    const plan = planOne(
      desiredCluster({ accessEntries: [desiredEntry(node, { type: 'EC2_LINUX' })] }),
      liveCluster({ accessEntries: [liveEntry(node, { type: 'EC2_LINUX', username: 'system:node:{{EC2PrivateDNSName}}', kubernetesGroups: ['system:nodes'] })] }),
    );
    expect(plan.changes).toEqual([]);
  });

  it('GIVEN a changed type WHEN planning THEN the entry is replaced with the reason, and its policies associated again', () => {
    const plan = planOne(
      desiredCluster({ accessEntries: [desiredEntry(APP, { type: 'EC2', accessPolicies: [desiredPolicy(VIEW)] })] }),
      liveCluster({ accessEntries: [liveEntry(APP, { accessPolicies: [livePolicy(VIEW)] })] }),
    );
    expect(actionsOf(plan)).toEqual([`replace entry/${APP}`, `create policy/${APP}/${VIEW}`]);
    const change = changeOf(plan, `entry/${APP}`);
    expect(change.reason).toMatch(/type changes from STANDARD to EC2/);
    expect(change.fields).toContainEqual({ field: 'type', before: 'STANDARD', after: 'EC2' });
    expect((change.before as AccessEntryValue).type).toBe('STANDARD');
    expect((change.after as AccessEntryValue).type).toBe('EC2');
  });

  it('GIVEN prune on WHEN planning THEN undeclared entries are deleted, EKS-created ones are only noted', () => {
    const plan = planOne(
      desiredCluster({ prune: true }),
      liveCluster({
        accessEntries: [
          liveEntry(OPS),
          liveEntry(roleArn('eks-node-role'), { type: 'EC2_LINUX' }),
          liveEntry(roleArn('aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS')),
        ],
      }),
    );
    expect(actionsOf(plan)).toEqual([
      `delete entry/${OPS}`,
      `unmanaged entry/${roleArn('aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS')}`,
      `unmanaged entry/${roleArn('eks-node-role')}`,
    ]);
  });

  it('GIVEN prune off and undeclared entries WHEN planning THEN nothing is deleted', () => {
    const plan = planOne(desiredCluster(), liveCluster({ accessEntries: [liveEntry(OPS)] }));
    expect(plan.changes).toEqual([]);
  });
});

describe('computePlan: access policy associations', () => {
  const entryWith = (...policies: ReturnType<typeof desiredPolicy>[]) => desiredEntry(APP, { accessPolicies: policies });

  it('GIVEN a policy added to a live entry WHEN planning THEN only the policy is created', () => {
    const plan = planOne(desiredCluster({ accessEntries: [entryWith(desiredPolicy(VIEW), desiredPolicy(EDIT, namespaces('a')))] }), liveCluster({ accessEntries: [liveEntry(APP, { accessPolicies: [livePolicy(VIEW)] })] }));
    expect(actionsOf(plan)).toEqual([`create policy/${APP}/${EDIT}`]);
  });

  it('GIVEN a scope change WHEN planning THEN the policy is updated with a scope diff', () => {
    const plan = planOne(desiredCluster({ accessEntries: [entryWith(desiredPolicy(VIEW, namespaces('a', 'b')))] }), liveCluster({ accessEntries: [liveEntry(APP, { accessPolicies: [livePolicy(VIEW, namespaces('a'))] })] }));
    const change = changeOf(plan, `policy/${APP}/${VIEW}`);
    expect(change.action).toBe('update');
    expect(change.fields).toEqual([{ field: 'scope', before: namespaces('a'), after: namespaces('a', 'b') }]);
  });

  it('GIVEN cluster scope live and namespace scope declared WHEN planning THEN the policy is updated', () => {
    const plan = planOne(desiredCluster({ accessEntries: [entryWith(desiredPolicy(VIEW, namespaces('a')))] }), liveCluster({ accessEntries: [liveEntry(APP, { accessPolicies: [livePolicy(VIEW)] })] }));
    expect(changeOf(plan, `policy/${APP}/${VIEW}`).action).toBe('update');
  });

  it('GIVEN an undeclared live policy on a declared entry WHEN planning with prune THEN it is deleted; without prune it is noted as unmanaged', () => {
    const live = liveCluster({ accessEntries: [liveEntry(APP, { accessPolicies: [livePolicy(VIEW), livePolicy(EDIT)] })] });
    const pruned = planOne(desiredCluster({ prune: true, accessEntries: [entryWith(desiredPolicy(VIEW))] }), live);
    expect(actionsOf(pruned)).toEqual([`delete policy/${APP}/${EDIT}`]);
    const kept = planOne(desiredCluster({ accessEntries: [entryWith(desiredPolicy(VIEW))] }), live);
    expect(actionsOf(kept)).toEqual([`unmanaged policy/${APP}/${EDIT}`]);
    expect(changeOf(kept, `policy/${APP}/${EDIT}`).reason).toMatch(/prune is off/);
  });

  it('GIVEN a pruned entry WHEN planning THEN its policies are not deleted one by one (the entry takes them along)', () => {
    const plan = planOne(desiredCluster({ prune: true, accessEntries: [desiredEntry(DEPLOYER, { accessPolicies: [desiredPolicy(ADMIN)] })] }), liveCluster({ accessEntries: [liveEntry(DEPLOYER, { accessPolicies: [livePolicy(ADMIN)] }), liveEntry(OPS, { accessPolicies: [livePolicy(VIEW)] })] }));
    expect(actionsOf(plan)).toEqual([`delete entry/${OPS}`]);
  });
});

describe('computePlan: ordering and clusters', () => {
  it('GIVEN changes of every kind WHEN planning THEN entries come before policies, policies before associations, each sorted by id', () => {
    const plan = planOne(
      desiredCluster({
        associations: [desiredAssociation('b', 'sa'), desiredAssociation('a', 'sa')],
        accessEntries: [desiredEntry(OPS, { accessPolicies: [desiredPolicy(VIEW)] }), desiredEntry(APP)],
      }),
      liveCluster(),
    );
    expect(actionsOf(plan)).toEqual([`create entry/${APP}`, `create entry/${OPS}`, `create policy/${OPS}/${VIEW}`, 'create association/a/sa', 'create association/b/sa']);
  });

  it('GIVEN a clusters filter WHEN planning THEN only the named clusters are planned, in name order; an empty filter plans all', () => {
    const desired = ['prod', 'dev', 'staging'].map((name) => desiredCluster({ name, associations: [desiredAssociation('a', 'sa')] }));
    const live = ['prod', 'dev', 'staging'].map((name) => liveCluster({ name }));
    expect(planAll(desired, live, { clusters: ['staging', 'dev', 'unknown'] }).clusters.map((c) => c.name)).toEqual(['dev', 'staging']);
    expect(planAll(desired, live, { clusters: [] }).clusters.map((c) => c.name)).toEqual(['dev', 'prod', 'staging']);
    expect(planAll(desired, live, { clusters: ['prod'] }).summary.create).toBe(1);
  });
});
