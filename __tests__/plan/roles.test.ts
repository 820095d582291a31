import { describe, expect, it } from '@jest/globals';
import { defaultRoleName, type RoleDeclarer } from '../../src/model/desired-role.js';
import { OWNER_TAG } from '../../src/model/ownership.js';
import type { AssociationValue, IamRoleValue } from '../../src/model/plan.js';
import { podIdentityTrustProblem } from '../../src/plan/trust.js';
import { buildPodIdentityTrust } from '../../src/plan/trust-policy-build.js';
import { orderPlan } from '../../src/apply/order.js';
import { parseManifestText } from '../../src/manifest/index.js';
import { ACCOUNT, liveAssociation } from './fixtures.js';
import { desiredOf, liveRoleDetail, manifestWith, planText } from './role-fixtures.js';

const ORDERS = `podIdentityAssociations:
  - namespace: orders
    serviceAccount: orders-api
    role:
      name: orders-api-\${cluster}
      managedPolicies: ['arn:\${partition}:iam::aws:policy/AmazonS3ReadOnlyAccess']
      inlinePolicies:
        read-orders: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "s3:GetObject", Resource: "arn:\${partition}:s3:::orders-\${region}/\${aws:username}/*" }] }
      tags: { team: orders }
`;

const declarer = (cluster: string, namespace: string, serviceAccount: string, sessionTags = true): RoleDeclarer => ({ cluster, region: 'us-east-1', accountId: ACCOUNT, namespace, serviceAccount, sessionTags });
const request = (d: RoleDeclarer) => ({ accountId: d.accountId, clusterArn: `arn:aws:eks:us-east-1:${d.accountId}:cluster/${d.cluster}`, clusterName: d.cluster, namespace: d.namespace, serviceAccount: d.serviceAccount, sessionTags: d.sessionTags });

describe('default role names', () => {
  it('GIVEN a short cluster, namespace and service account THEN the name joins them', () => {
    expect(defaultRoleName('prod', 'orders', 'orders-api')).toBe('prod-orders-orders-api');
  });

  it('GIVEN names too long for IAM THEN the name is cut to 64 characters with a hash suffix, deterministic and distinct', () => {
    const a = defaultRoleName('production-cluster-eu', 'payments-processing', 'settlement-reconciliation-worker');
    const b = defaultRoleName('production-cluster-eu', 'payments-processing', 'settlement-reconciliation-worker2');
    expect(a).toHaveLength(64);
    expect(a).toMatch(/^[\w+=,.@-]+-[0-9a-f]{8}$/);
    expect(a).toBe(defaultRoleName('production-cluster-eu', 'payments-processing', 'settlement-reconciliation-worker'));
    expect(a).not.toBe(b);
  });
});

describe('the Pod Identity trust built for a role', () => {
  it('GIVEN declarers on two clusters and namespaces THEN it admits each of them and no other pair', () => {
    const declarers = [declarer('prod', 'a', 'x'), declarer('stage', 'a', 'x'), declarer('prod', 'b', 'y')];
    const trust = buildPodIdentityTrust('aws', declarers);
    for (const d of declarers) expect(podIdentityTrustProblem(trust, request(d))).toBeUndefined();
    expect(podIdentityTrustProblem(trust, request(declarer('prod', 'a', 'y')))).toMatch(/condition/);
    expect(podIdentityTrustProblem(trust, request(declarer('stage', 'b', 'y')))).toMatch(/condition/);
    expect(podIdentityTrustProblem(trust, request(declarer('other', 'a', 'x')))).toMatch(/condition/);
  });

  it('GIVEN an association without session tags THEN its statement conditions only on the account, which holds without tags', () => {
    const d = declarer('prod', 'a', 'x', false);
    const trust = buildPodIdentityTrust('aws', [d]);
    expect(trust.Statement).toHaveLength(1);
    expect(Object.keys(trust.Statement[0]!.Condition.StringEquals!)).toEqual(['aws:SourceAccount']);
    expect(podIdentityTrustProblem(trust, request(d))).toBeUndefined();
  });
});

describe('planning roles of role: blocks', () => {
  it('GIVEN a role block and no live role WHEN planning THEN the role is created before the association that names it, and no ROLE_NOT_FOUND', () => {
    const plan = planText(manifestWith(ORDERS), {}, { clusters: ['prod'] });
    const prod = plan.clusters[0]!;
    expect(prod.changes.map((c) => `${c.action} ${c.kind} ${c.id}`)).toEqual(['create iamRole role/orders-api-prod', 'create podIdentityAssociation association/orders/orders-api']);
    const role = prod.changes[0]!.after as IamRoleValue;
    expect((prod.changes[1]!.after as AssociationValue).roleArn).toBe(role.roleArn);
    expect(role.roleArn).toBe(`arn:aws:iam::${ACCOUNT}:role/orders-api-prod`);
    expect(role.tags).toEqual({ [OWNER_TAG]: 'team-a', team: 'orders' });
    expect(role.managedPolicyArns).toEqual(['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess']);
    // Our variables expand inside documents; IAM's own are left as written.
    expect(role.inlinePolicies['read-orders']).toContain('arn:aws:s3:::orders-us-east-1/${aws:username}/*');
    expect(prod.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const steps = orderPlan(plan);
    const associationUnit = steps.units.find((u) => u.steps[0]!.change.kind === 'podIdentityAssociation')!;
    const roleUnit = steps.units.find((u) => u.steps[0]!.change.kind === 'iamRole')!;
    expect(associationUnit.after).toContain(roleUnit.id);
  });

  it('GIVEN one role name declared on two clusters WHEN planning one of them THEN one create, whose trust admits both clusters', () => {
    const shared = ORDERS.replace('orders-api-${cluster}', 'orders-api');
    const both = planText(manifestWith(shared));
    const creates = both.clusters.flatMap((c) => c.changes.filter((ch) => ch.kind === 'iamRole').map((ch) => `${c.name} ${ch.id}`));
    expect(creates).toEqual(['prod role/orders-api']);
    const onlyStage = planText(manifestWith(shared), {}, { only: ['stage'] });
    const stage = onlyStage.clusters[0]!;
    const role = stage.changes.find((c) => c.kind === 'iamRole')!.after as IamRoleValue;
    const trust: unknown = JSON.parse(role.trustPolicy);
    for (const cluster of ['prod', 'stage']) expect(podIdentityTrustProblem(trust, request(declarer(cluster, 'orders', 'orders-api')))).toBeUndefined();
  });

  it('GIVEN an existing role without the owner tag WHEN planning THEN ROLE_NOT_OWNED at the role block; with adopt: true it is updated and tagged', () => {
    const live = { prod: { managedRoles: { [`arn:aws:iam::${ACCOUNT}:role/orders-api-prod`]: liveRoleDetail('orders-api-prod') } } };
    const refused = planText(manifestWith(ORDERS), live, { clusters: ['prod'] }).clusters[0]!;
    const finding = refused.findings.find((f) => f.code === 'ROLE_NOT_OWNED')!;
    expect(finding.source).toMatchObject({ file: 'm.yaml', line: 9 });
    expect(finding.fix).toMatch(/roleName.*adopt: true/);
    expect(refused.changes.some((c) => c.kind === 'iamRole')).toBe(false);
    const adopted = planText(manifestWith(ORDERS.replace('tags: { team: orders }', 'tags: { team: orders }\n      adopt: true')), live, { clusters: ['prod'] }).clusters[0]!;
    const update = adopted.changes.find((c) => c.kind === 'iamRole')!;
    expect(update.action).toBe('update');
    expect(update.fields?.map((f) => f.field)).toEqual(['trustPolicy', 'managedPolicy', 'inlinePolicy/read-orders', 'tags']);
  });

  it('GIVEN an owned role whose inline policy and managed policies differ WHEN planning THEN an update with one field per policy', () => {
    const desired = desiredOf(manifestWith(ORDERS), ['prod']);
    const role = desired.roles![0]!;
    const live = liveRoleDetail('orders-api-prod', {
      trustPolicy: role.trustPolicy,
      tags: role.tags,
      managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      inlinePolicies: { 'read-orders': '{"Statement":[],"Version":"2012-10-17"}', old: '{}' },
    });
    const plan = planText(manifestWith(ORDERS), { prod: { managedRoles: { [role.arn]: live } } }, { clusters: ['prod'] }).clusters[0]!;
    const update = plan.changes.find((c) => c.kind === 'iamRole')!;
    expect(update.fields).toEqual([
      { field: 'managedPolicy', after: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' },
      { field: 'managedPolicy', before: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
      { field: 'inlinePolicy/old', before: '{}' },
      { field: 'inlinePolicy/read-orders', before: '{"Statement":[],"Version":"2012-10-17"}', after: role.inlinePolicies['read-orders'] },
    ]);
    const converged = planText(manifestWith(ORDERS), { prod: { managedRoles: { [role.arn]: { ...live, managedPolicyArns: role.managedPolicyArns, inlinePolicies: role.inlinePolicies } } } }, { clusters: ['prod'] }).clusters[0]!;
    expect(converged.changes.filter((c) => c.kind === 'iamRole')).toEqual([]);
  });

  it('GIVEN one role declared twice with different policies WHEN planning THEN ROLE_DECLARATION_CONFLICT at the second declaration, naming the first', () => {
    const text = manifestWith(`podIdentityAssociations:
  - namespace: a
    serviceAccount: x
    role: { name: shared, managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }
  - namespace: b
    serviceAccount: y
    role: { name: shared }
`);
    const prod = planText(text, {}, { clusters: ['prod'] }).clusters[0]!;
    const conflict = prod.findings.find((f) => f.code === 'ROLE_DECLARATION_CONFLICT')!;
    expect(conflict.source).toMatchObject({ line: 12 });
    expect(conflict.message).toContain('m.yaml:9');
    expect(prod.changes.some((c) => c.kind === 'iamRole')).toBe(false);
  });

  it('GIVEN prune and a live association on an owned role no declaration keeps WHEN planning THEN the association and then the role are deleted', () => {
    const arn = `arn:aws:iam::${ACCOUNT}:role/old-role`;
    const live = {
      prod: {
        associations: [liveAssociation('legacy', 'worker', { roleArn: arn, tags: { [OWNER_TAG]: 'team-a' } })],
        managedRoles: { [arn]: liveRoleDetail('old-role', { tags: { [OWNER_TAG]: 'team-a' }, managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }) },
      },
    };
    const plan = planText(manifestWith(ORDERS, 'owner: team-a\nprune: owned\n'), live, { clusters: ['prod'] });
    const prod = plan.clusters[0]!;
    expect(prod.changes.filter((c) => c.action === 'delete').map((c) => c.id)).toEqual(['association/legacy/worker', 'role/old-role']);
    const order = orderPlan(plan);
    const roleDelete = order.units.find((u) => u.steps[0]!.change.id === 'role/old-role')!;
    const associationDelete = order.units.find((u) => u.steps[0]!.change.id === 'association/legacy/worker')!;
    expect(roleDelete.after).toContain(associationDelete.id);
    // Still used by an association that stays: kept, with a note.
    const kept = planText(manifestWith(ORDERS + `  - namespace: legacy\n    serviceAccount: worker\n    roleArn: ${arn}\n`, 'owner: team-a\nprune: owned\n'), live, { clusters: ['prod'] }).clusters[0]!;
    expect(kept.changes.filter((c) => c.kind === 'iamRole').map((c) => c.action)).toEqual(['create']);
    expect(kept.findings.map((f) => f.code)).toContain('ROLE_STILL_USED');
  });
});

describe('well-known policies and IAM checks of role blocks', () => {
  it('GIVEN a role with a well-known policy WHEN planning THEN its managed policy is attached; an unknown AWS managed policy is a warning at validate', () => {
    const text = manifestWith(`podIdentityAssociations:
  - namespace: kube-system
    serviceAccount: ebs-csi-controller-sa
    role:
      wellKnownPolicies: [ebsCsiController]
      managedPolicies: ['arn:aws:iam::aws:policy/NoSuchPolicyAnywhere']
`);
    const loaded = parseManifestText(text, 'm.yaml');
    expect(loaded.diagnostics.map((d) => [d.severity, d.code, d.location.line])).toEqual([['warning', 'UNKNOWN_AWS_MANAGED_POLICY', 11]]);
    const role = planText(text, {}, { clusters: ['prod'] }).clusters[0]!.changes.find((c) => c.kind === 'iamRole')!.after as IamRoleValue;
    expect(role.roleName).toBe('prod-kube-system-ebs-csi-controller-sa');
    expect(role.managedPolicyArns).toEqual(['arn:aws:iam::aws:policy/NoSuchPolicyAnywhere', 'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy']);
  });

  it('GIVEN an AWS managed policy ARN written without its service-role/ path WHEN validating and planning THEN both name the ARN with the path', () => {
    const bare = 'arn:aws:iam::aws:policy/AmazonEBSCSIDriverPolicy';
    const text = manifestWith(`podIdentityAssociations:
  - namespace: kube-system
    serviceAccount: ebs-csi-controller-sa
    role:
      managedPolicies: ['${bare}']
`);
    const withPath = 'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy';
    const warning = parseManifestText(text, 'm.yaml').diagnostics.find((d) => d.code === 'UNKNOWN_AWS_MANAGED_POLICY')!;
    expect(warning.fix).toContain(`did you mean \`${withPath}\``);
    const finding = planText(text, { prod: { managedPolicies: { [bare]: false } } }, { clusters: ['prod'] }).clusters[0]!.findings.find((f) => f.code === 'MANAGED_POLICY_NOT_FOUND')!;
    expect(finding.fix).toContain(`did you mean ${withPath}?`);
  });
});
