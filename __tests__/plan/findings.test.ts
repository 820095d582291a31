import { describe, expect, it } from '@jest/globals';
import type { LiveAssociationSummary, LiveCluster } from '../../src/model/live.js';
import { OWNER_TAG } from '../../src/model/ownership.js';
import type { ClusterPlan } from '../../src/model/plan.js';
import { FINDINGS, type FindingCode } from '../../src/plan/index.js';
import {
  POD_TRUST,
  ADMIN,
  DEPLOYER,
  VIEW,
  actionsOf,
  changeOf,
  codesOf,
  desiredAssociation,
  desiredCluster,
  desiredEntry,
  desiredPolicy,
  findingOf,
  liveAssociation,
  liveCluster,
  liveEntry,
  livePolicy,
  liveRole,
  namespaces,
  planAll,
  planOne,
  policyArn,
  roleArn,
} from './fixtures.js';
import { APP_ROLE, APP_ROLE_ARN, liveRoleDetail, manifestWith, planText } from './role-fixtures.js';

/** The prod cluster's part of a plan of a manifest with `role:` blocks. */
const prodOf = (...args: Parameters<typeof planText>) => planText(...args).clusters.find((c) => c.name === 'prod')!;
import { addonDetail, clusterWithAddon, desiredAddon, EBS, EBS_SA } from './addon-fixtures.js';

const APP = roleArn('App');
const OPS = roleArn('Ops');
const USER = 'arn:aws:iam::111122223333:user/alice';
const SOURCE = { file: 'identity/prod.yaml', line: 7, column: 5 };
const ADDON_ARN = 'arn:aws:eks:us-east-1:111122223333:addon/prod/aws-ebs-csi-driver/1';

function summaries(count: number, namespace = 'bulk'): LiveAssociationSummary[] {
  return Array.from({ length: count }, (_, i) => ({ associationId: `a-${i}`, namespace, serviceAccount: `sa-${i}` }));
}

/** One scenario per finding code: the plan that must carry it, and the key it must name. */
const SCENARIOS: Record<FindingCode, () => { plan: ClusterPlan; key: string | undefined }> = {
  ROLE_NOT_OWNED: () => ({ plan: prodOf(manifestWith(APP_ROLE), { prod: { managedRoles: { [APP_ROLE_ARN]: liveRoleDetail('app-prod') } } }, { clusters: ['prod'] }), key: 'role/app-prod' }),
  ROLE_OWNED_BY_ANOTHER_MANIFEST: () => ({
    plan: prodOf(manifestWith(APP_ROLE), { prod: { managedRoles: { [APP_ROLE_ARN]: liveRoleDetail('app-prod', { tags: { [OWNER_TAG]: 'team-b' } }) } } }, { clusters: ['prod'] }),
    key: 'role/app-prod',
  }),
  ROLE_DECLARATION_CONFLICT: () => ({
    plan: prodOf(manifestWith(`${APP_ROLE}  - namespace: app\n    serviceAccount: worker\n    role: { name: 'app-\${cluster}' }\n`), {}, { clusters: ['prod'] }),
    key: 'role/app-prod',
  }),
  ROLE_ACCOUNT_UNKNOWN: () => ({
    plan: prodOf(manifestWith(APP_ROLE.replace('app-${cluster}', 'app-prod')), {}, { only: ['prod'], accountIds: { prod: '111122223333' } }),
    key: 'role/app-prod',
  }),
  ROLE_TRUST_ACCOUNT_WIDE: () => ({
    plan: prodOf(manifestWith(`podIdentityAssociations:\n  - namespace: app\n    serviceAccount: web\n    disableSessionTags: true\n    role: { name: 'app-\${cluster}' }\n`), {}, { clusters: ['prod'] }),
    key: 'role/app-prod',
  }),
  ROLE_TRUST_INCOMPLETE: () => ({
    plan: prodOf(manifestWith(APP_ROLE), {}, { clusters: ['prod'], patch: (d) => ({ ...d, roles: d.roles!.map((r) => ({ ...r, trustPolicy: JSON.stringify(POD_TRUST).replace(',"sts:TagSession"', '') })) }) }),
    key: 'role/app-prod',
  }),
  ROLE_POLICY_INVALID: () => {
    // One role shared by 20 namespaces: a statement each, beyond the trust policy's 2,048 characters.
    const body = Array.from({ length: 20 }, (_, i) => `  - namespace: team-${i}\n    serviceAccount: app\n    role: { name: shared }\n`).join('');
    return { plan: prodOf(manifestWith(`podIdentityAssociations:\n${body}`), {}, { clusters: ['prod'] }), key: 'role/shared' };
  },
  ROLE_PATH_DIFFERS: () => ({
    plan: prodOf(manifestWith(APP_ROLE), { prod: { managedRoles: { [APP_ROLE_ARN]: liveRoleDetail('app-prod', { path: '/team/', tags: { [OWNER_TAG]: 'team-a' } }) } } }, { clusters: ['prod'] }),
    key: 'role/app-prod',
  }),
  MANAGED_POLICY_NOT_FOUND: () => ({ plan: prodOf(manifestWith(APP_ROLE), { prod: { managedPolicies: { 'arn:aws:iam::aws:policy/ReadOnlyAccess': false } } }, { clusters: ['prod'] }), key: 'role/app-prod' }),
  PERMISSIONS_BOUNDARY_NOT_FOUND: () => ({ plan: prodOf(manifestWith(APP_ROLE), { prod: { managedPolicies: { 'arn:aws:iam::111122223333:policy/boundary': false } } }, { clusters: ['prod'] }), key: 'role/app-prod' }),
  ROLE_STILL_USED: () => {
    const old = 'arn:aws:iam::111122223333:role/old';
    const live = { prod: { associations: [liveAssociation('legacy', 'job', { roleArn: old })], managedRoles: { [old]: liveRoleDetail('old', { tags: { [OWNER_TAG]: 'team-a' } }) } } };
    return { plan: prodOf(manifestWith(`${APP_ROLE}  - namespace: legacy\n    serviceAccount: job\n    roleArn: ${old}\n`, 'owner: team-a\nprune: owned\n'), live, { clusters: ['prod'] }), key: 'role/old' };
  },
  CLUSTER_NOT_FOUND: () => ({ plan: planOne(desiredCluster({ source: SOURCE }), liveCluster({ exists: false })), key: undefined }),
  AUTH_MODE_CONFIG_MAP: () => ({ plan: planOne(desiredCluster({ accessEntries: [desiredEntry(APP)] }), liveCluster({ authenticationMode: 'CONFIG_MAP' })), key: undefined }),
  POD_IDENTITY_AGENT_MISSING: () => ({ plan: planOne(desiredCluster({ associations: [desiredAssociation('app', 'web')] }), liveCluster({ addons: [] })), key: undefined }),
  ADDON_OWNED_ASSOCIATION: () => ({
    plan: planOne(
      desiredCluster({ associations: [desiredAssociation('kube-system', 'ebs-csi')] }),
      liveCluster({ associations: [liveAssociation('kube-system', 'ebs-csi', { ownerArn: ADDON_ARN })] }),
    ),
    key: 'association/kube-system/ebs-csi',
  }),
  ADDON_NOT_INSTALLED: () => ({ plan: planOne(desiredCluster({ addons: [desiredAddon(EBS, [[EBS_SA, 'Ebs']])] }), liveCluster()), key: `addon/${EBS}` }),
  ADDON_VERSION_NO_POD_IDENTITY: () => ({
    plan: planOne(desiredCluster({ addons: [desiredAddon(EBS, [[EBS_SA, 'Ebs']])] }), clusterWithAddon(EBS, addonDetail({ version: 'v1.25.0-eksbuild.1', podIdentityConfiguration: [] }))),
    key: `addon/${EBS}`,
  }),
  ADDON_UNKNOWN_SERVICE_ACCOUNT: () => ({
    plan: planOne(desiredCluster({ addons: [desiredAddon(EBS, [['ebs-csi-controler-sa', 'Ebs']])] }), clusterWithAddon(EBS, addonDetail())),
    key: `addon/${EBS}/ebs-csi-controler-sa`,
  }),
  ADDON_DUPLICATE_SERVICE_ACCOUNT: () => ({
    plan: planOne(desiredCluster({ addons: [desiredAddon(EBS, [[EBS_SA, 'Ebs'], [EBS_SA, 'Other']])] }), clusterWithAddon(EBS, addonDetail())),
    key: `addon/${EBS}/${EBS_SA}`,
  }),
  ADDON_ASSOCIATION_CONFLICT: () => ({
    plan: planOne(desiredCluster({ addons: [desiredAddon(EBS, [[EBS_SA, 'Ebs']])] }), clusterWithAddon(EBS, addonDetail({ foreign: [{ associationId: 'a-1', namespace: 'kube-system', serviceAccount: EBS_SA, roleArn: '' }] }))),
    key: `addon/${EBS}/${EBS_SA}`,
  }),
  ADDON_USES_IRSA: () => ({
    plan: planOne(desiredCluster({ addons: [desiredAddon(EBS, [[EBS_SA, 'Ebs']])] }), clusterWithAddon(EBS, addonDetail({ serviceAccountRoleArn: roleArn('EbsIrsa') }))),
    key: `addon/${EBS}`,
  }),
  ASSOCIATION_OWNED_BY_ADDON: () => ({
    plan: planOne(desiredCluster({ associations: [desiredAssociation('kube-system', EBS_SA)], addons: [desiredAddon(EBS, [[EBS_SA, 'Ebs']])] }), clusterWithAddon(EBS, addonDetail())),
    key: `association/kube-system/${EBS_SA}`,
  }),
  ROLE_NOT_FOUND: () => ({
    plan: planOne(desiredCluster({ associations: [desiredAssociation('app', 'web', { source: SOURCE })] }), liveCluster({ roles: { [roleArn('app-web')]: null } })),
    key: 'association/app/web',
  }),
  PRINCIPAL_NOT_FOUND: () => ({ plan: planOne(desiredCluster({ accessEntries: [desiredEntry(APP)] }), liveCluster({ roles: { [APP]: null } })), key: `entry/${APP}` }),
  TRUST_POLICY_MISSING_POD_IDENTITY: () => ({
    plan: planOne(
      desiredCluster({ associations: [desiredAssociation('app', 'web')] }),
      liveCluster({ roles: { [roleArn('app-web')]: liveRole(roleArn('app-web'), { trustPolicy: { Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: 'sts:AssumeRole' }] } }) } }),
    ),
    key: 'association/app/web',
  }),
  TRUST_POLICY_PARTITION_MISMATCH: () => {
    const arn = roleArn('app-web', 'aws-cn');
    const trust = { Statement: [{ Effect: 'Allow', Principal: { Service: ['pods.eks.amazonaws.com', 'ec2.amazonaws.com'] }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] };
    return {
      plan: planOne(desiredCluster({ region: 'cn-north-1', associations: [desiredAssociation('app', 'web', { roleArn: arn })] }), liveCluster({ region: 'cn-north-1', roles: { [arn]: liveRole(arn, { trustPolicy: trust }) } })),
      key: 'association/app/web',
    };
  },
  PARTITION_MISMATCH: () => ({
    plan: planOne(desiredCluster({ region: 'cn-north-1', associations: [desiredAssociation('app', 'web')] }), liveCluster({ region: 'cn-north-1' })),
    key: 'association/app/web',
  }),
  STALE_ACCESS_ENTRY: () => ({
    plan: planOne(
      desiredCluster({ accessEntries: [desiredEntry(APP)] }),
      liveCluster({ accessEntries: [liveEntry(APP, { createdAt: '2024-01-01T00:00:00Z' })], roles: { [APP]: liveRole(APP, { createDate: '2024-05-01T00:00:00Z' }) } }),
    ),
    key: `entry/${APP}`,
  }),
  IAM_USER_UNREADABLE: () => ({
    plan: planOne(
      desiredCluster({ accessEntries: [desiredEntry('arn:aws:iam::111122223333:user/ci-bot')] }),
      liveCluster({ accessEntries: [liveEntry('arn:aws:iam::111122223333:user/ci-bot')], unreadableUsers: ['arn:aws:iam::111122223333:user/ci-bot'] }),
    ),
    key: 'entry/arn:aws:iam::111122223333:user/ci-bot',
  }),
  IMMUTABLE_FIELD_CHANGED: () => ({ plan: planOne(desiredCluster({ accessEntries: [desiredEntry(APP, { type: 'EC2' })] }), liveCluster({ accessEntries: [liveEntry(APP)] })), key: `entry/${APP}` }),
  EKS_OWNED_ENTRY: () => ({
    plan: planOne(desiredCluster({ prune: true }), liveCluster({ accessEntries: [liveEntry(roleArn('NodeRole'), { type: 'EC2_LINUX' })] })),
    key: `entry/${roleArn('NodeRole')}`,
  }),
  QUOTA_ASSOCIATIONS: () => ({
    plan: planOne(desiredCluster({ associations: [desiredAssociation('app', 'web')] }), liveCluster({ associationSummaries: summaries(5000) })),
    key: undefined,
  }),
  QUOTA_ACCESS_ENTRIES: () => ({
    plan: planOne(desiredCluster({ accessEntries: [desiredEntry(APP)] }), liveCluster({ accessEntryPrincipals: Array.from({ length: 3000 }, (_, i) => roleArn(`r${i}`)) })),
    key: undefined,
  }),
  MAX_DELETES_EXCEEDED: () => ({
    plan: planOne(desiredCluster({ prune: true }), liveCluster({ associations: Array.from({ length: 11 }, (_, i) => liveAssociation('old', `sa-${i}`)) })),
    key: undefined,
  }),
  LOCKOUT_CALLER: () => ({
    plan: planOne(desiredCluster({ prune: true, accessEntries: [desiredEntry(OPS, { accessPolicies: [desiredPolicy(ADMIN)] })] }), liveCluster({ accessEntries: [liveEntry(DEPLOYER), liveEntry(OPS, { accessPolicies: [livePolicy(ADMIN)] })] })),
    key: `entry/${DEPLOYER}`,
  }),
  LOCKOUT_NO_ADMIN: () => ({
    plan: planOne(desiredCluster({ prune: true, accessEntries: [desiredEntry(OPS, { accessPolicies: [desiredPolicy(VIEW)] })] }), liveCluster({ accessEntries: [liveEntry(OPS, { accessPolicies: [livePolicy(ADMIN)] })] })),
    key: undefined,
  }),
  ROLE_OTHER_ACCOUNT: () => ({
    plan: planOne(desiredCluster({ associations: [desiredAssociation('app', 'web', { roleArn: roleArn('Other', 'aws', '999999999999') })] }), liveCluster()),
    key: 'association/app/web',
  }),
  TARGET_ROLE_NOT_FOUND: () => ({
    plan: planOne(desiredCluster({ associations: [desiredAssociation('app', 'web', { targetRoleArn: roleArn('Target') })] }), liveCluster({ roles: { [roleArn('Target')]: null } })),
    key: 'association/app/web',
  }),
  ARN_PATH_MISMATCH: () => ({
    plan: planOne(desiredCluster({ accessEntries: [desiredEntry(roleArn('AWSReservedSSO_Admin_0123'))] }), liveCluster({ roles: { [roleArn('AWSReservedSSO_Admin_0123')]: liveRole(roleArn('aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123')) } })),
    key: `entry/${roleArn('AWSReservedSSO_Admin_0123')}`,
  }),
  NODE_TYPE_OTHER_ACCOUNT: () => ({ plan: planOne(desiredCluster({ accessEntries: [desiredEntry(roleArn('Nodes', 'aws', '999999999999'), { type: 'EC2_LINUX' })] }), liveCluster()), key: `entry/${roleArn('Nodes', 'aws', '999999999999')}` }),
  USER_ON_NODE_TYPE: () => ({ plan: planOne(desiredCluster({ accessEntries: [desiredEntry(USER, { type: 'EC2_LINUX' })] }), liveCluster()), key: `entry/${USER}` }),
  GROUPS_ON_NODE_TYPE: () => ({ plan: planOne(desiredCluster({ accessEntries: [desiredEntry(OPS, { type: 'FARGATE_LINUX', kubernetesGroups: ['ops'] })] }), liveCluster()), key: `entry/${OPS}` }),
  USERNAME_ON_NODE_TYPE: () => ({ plan: planOne(desiredCluster({ accessEntries: [desiredEntry(OPS, { type: 'HYBRID_LINUX', username: 'ops' })] }), liveCluster()), key: `entry/${OPS}` }),
  ACCESS_POLICIES_ON_NODE_TYPE: () => ({ plan: planOne(desiredCluster({ accessEntries: [desiredEntry(OPS, { type: 'EC2_WINDOWS', accessPolicies: [desiredPolicy(VIEW)] })] }), liveCluster()), key: `entry/${OPS}` }),
  RESERVED_USERNAME_PREFIX: () => ({ plan: planOne(desiredCluster({ accessEntries: [desiredEntry(OPS, { username: 'eks:ops' })] }), liveCluster()), key: `entry/${OPS}` }),
  INVALID_USERNAME: () => ({ plan: planOne(desiredCluster({ accessEntries: [desiredEntry(OPS, { username: ' ' })] }), liveCluster()), key: `entry/${OPS}` }),
  USERNAME_SESSION_NAME_COLON: () => ({ plan: planOne(desiredCluster({ accessEntries: [desiredEntry(OPS, { username: 'ops-{{SessionName}}' })] }), liveCluster()), key: `entry/${OPS}` }),
  RESERVED_GROUP_PREFIX: () => ({ plan: planOne(desiredCluster({ accessEntries: [desiredEntry(OPS, { kubernetesGroups: ['system:masters'] })] }), liveCluster()), key: `entry/${OPS}` }),
  INVALID_GROUP: () => ({ plan: planOne(desiredCluster({ accessEntries: [desiredEntry(OPS, { kubernetesGroups: [''] })] }), liveCluster()), key: `entry/${OPS}` }),
  ACCESS_POLICY_NOT_FOUND: () => ({
    plan: planOne(desiredCluster({ accessEntries: [desiredEntry(OPS, { accessPolicies: [desiredPolicy(policyArn('AmazonEKSClusterAdmin'))] })] }), liveCluster({ accessPolicyCatalog: [ADMIN, VIEW] })),
    key: `entry/${OPS}`,
  }),
  PRINCIPAL_NOT_CHECKED: () => ({ plan: planOne(desiredCluster({ accessEntries: [desiredEntry(roleArn('Auditors', 'aws', '444455556666'))] }), liveCluster()), key: `entry/${roleArn('Auditors', 'aws', '444455556666')}` }),
  ACCESS_POLICY_CATALOG_UNREADABLE: () => ({ plan: planOne(desiredCluster({ accessEntries: [desiredEntry(OPS, { accessPolicies: [desiredPolicy(VIEW)] })] }), liveCluster({ accessPolicyCatalogDenied: true })), key: `entry/${OPS}` }),
  PODS_KEEP_OLD_CREDENTIALS: () => ({ plan: planOne(desiredCluster({ associations: [desiredAssociation('app', 'web')] }), liveCluster()), key: undefined }),
  UNMANAGED_NOT_SHOWN: () => ({ plan: planOne(desiredCluster(), liveCluster({ associationSummaries: summaries(3) })), key: undefined }),
  OWNED_BY_ANOTHER_MANIFEST: () => ({
    plan: planOne(
      desiredCluster({ owner: 'team-a', associations: [desiredAssociation('app', 'web', { source: SOURCE, tags: { [OWNER_TAG]: 'team-a' } })] }),
      liveCluster({ associations: [liveAssociation('app', 'web', { tags: { [OWNER_TAG]: 'team-b' } })] }),
    ),
    key: 'association/app/web',
  }),
  NOT_OWNED_LEFT_ALONE: () => ({
    plan: planOne(desiredCluster({ owner: 'team-a', prune: 'owned' }), liveCluster({ associations: [liveAssociation('other', 'tool')] })),
    key: undefined,
  }),
  UNDECLARED_NOT_COUNTED: () => ({ plan: planOne(desiredCluster(), liveCluster({ uncounted: ['associations'] })), key: undefined }),
};

describe('computePlan: every finding code', () => {
  it('GIVEN the codes in FINDINGS WHEN listing the scenarios THEN every code has one', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(Object.keys(FINDINGS).sort());
  });

  it.each(Object.keys(SCENARIOS) as FindingCode[])('GIVEN the %s scenario WHEN planning THEN the finding carries its code, severity and key', (code) => {
    const { plan, key } = SCENARIOS[code]();
    const f = findingOf(plan, code);
    expect(f.severity).toBe(FINDINGS[code].severity);
    expect(f.key).toBe(key);
    expect(f.message.length).toBeGreaterThan(10);
    if (f.severity !== 'info') expect(f.fix).toBeTruthy();
  });
});

describe('computePlan: findings in context', () => {
  it('GIVEN a missing cluster WHEN planning THEN there are no changes and the finding points at the cluster declaration', () => {
    const plan = planOne(desiredCluster({ source: SOURCE, associations: [desiredAssociation('a', 'b')] }), liveCluster({ exists: false }));
    expect(plan.changes).toEqual([]);
    expect(findingOf(plan, 'CLUSTER_NOT_FOUND').source).toEqual(SOURCE);
  });

  it('GIVEN no live cluster at all WHEN planning THEN CLUSTER_NOT_FOUND', () => {
    const plan = planAll([desiredCluster({ name: 'ghost' })], [liveCluster()]);
    expect(plan.clusters[0]!.findings.map((f) => f.code)).toEqual(['CLUSTER_NOT_FOUND']);
  });

  it('GIVEN CONFIG_MAP mode WHEN planning THEN entries are not diffed, but associations are', () => {
    const plan = planOne(desiredCluster({ associations: [desiredAssociation('a', 'b')], accessEntries: [desiredEntry(APP)] }), liveCluster({ authenticationMode: 'CONFIG_MAP' }));
    expect(actionsOf(plan)).toEqual(['create association/a/b']);
  });

  it('GIVEN CONFIG_MAP mode and no declared entries WHEN planning THEN no auth-mode finding', () => {
    expect(codesOf(planOne(desiredCluster({ associations: [desiredAssociation('a', 'b')] }), liveCluster({ authenticationMode: 'CONFIG_MAP' })))).not.toContain('AUTH_MODE_CONFIG_MAP');
  });

  it('GIVEN no agent add-on on an Auto Mode cluster, or no declared associations WHEN planning THEN no agent finding', () => {
    expect(codesOf(planOne(desiredCluster({ associations: [desiredAssociation('a', 'b')] }), liveCluster({ addons: [], autoMode: true })))).not.toContain('POD_IDENTITY_AGENT_MISSING');
    expect(codesOf(planOne(desiredCluster({ accessEntries: [desiredEntry(APP)] }), liveCluster({ addons: [] })))).not.toContain('POD_IDENTITY_AGENT_MISSING');
  });

  it('GIVEN an add-on owned association declared WHEN planning THEN it is never changed, even when it differs', () => {
    const plan = planOne(
      desiredCluster({ associations: [desiredAssociation('kube-system', 'ebs-csi', { roleArn: roleArn('Other') })] }),
      liveCluster({ associationSummaries: [{ associationId: 'x', namespace: 'kube-system', serviceAccount: 'ebs-csi', ownerArn: ADDON_ARN }] }),
    );
    expect(plan.changes).toEqual([]);
    expect(findingOf(plan, 'ADDON_OWNED_ASSOCIATION').message).toContain(ADDON_ARN);
  });

  it('GIVEN a role that exists and trusts Pod Identity WHEN planning the Karpenter association THEN a plain create with no finding about it', () => {
    const plan = planOne(desiredCluster({ associations: [desiredAssociation('karpenter', 'karpenter')] }), liveCluster());
    expect(actionsOf(plan)).toEqual(['create association/karpenter/karpenter']);
    expect(plan.findings.filter((f) => f.code !== 'PODS_KEEP_OLD_CREDENTIALS')).toEqual([]);
  });

  it.each([
    ['sts:* ', { Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: 'sts:*' }] }, false],
    ['a single statement object', { Statement: { Effect: 'Allow', Principal: { Service: ['pods.eks.amazonaws.com'] }, Action: ['STS:AssumeRole', 'sts:TagSession'] } }, false],
    ['a Deny', { Statement: [{ Effect: 'Deny', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] }, true],
    ['another service', { Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] }, true],
    ['garbage', 'not a document', true],
    ['action wildcards', { Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:Assume*', 'sts:T?gSession'] }] }, false],
    ['only sts:AssumeRole', { Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, true],
    ['the two actions in two statements', { Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: 'sts:AssumeRole' }, { Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: 'sts:TagSession' }] }, false],
    ['an Allow and an unconditional Deny of TagSession to everyone', { Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: '*' }, { Effect: 'Deny', Principal: '*', Action: 'sts:TagSession' }] }, true],
    ['an Allow and a conditional Deny', { Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: 'sts:*' }, { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }, false],
    ['a regex-looking action', { Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRol.', 'sts:TagSession'] }] }, true],
  ])('GIVEN a trust policy with %s WHEN planning THEN TRUST_POLICY_MISSING_POD_IDENTITY is %s', (_label, trustPolicy, expected) => {
    const plan = planOne(desiredCluster({ associations: [desiredAssociation('a', 'b')] }), liveCluster({ roles: { [roleArn('a-b')]: liveRole(roleArn('a-b'), { trustPolicy }) } }));
    expect(codesOf(plan).includes('TRUST_POLICY_MISSING_POD_IDENTITY')).toBe(expected);
  });

  it('GIVEN a China cluster whose trust policy names arn:aws: ARNs WHEN planning THEN TRUST_POLICY_PARTITION_MISMATCH names them', () => {
    const arn = roleArn('a-b', 'aws-cn');
    const trust = {
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] },
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' },
      ],
    };
    const plan = planOne(desiredCluster({ region: 'cn-north-1', associations: [desiredAssociation('a', 'b', { roleArn: arn })] }), liveCluster({ region: 'cn-north-1', roles: { [arn]: liveRole(arn, { trustPolicy: trust }) } }));
    expect(codesOf(plan).filter((c) => c !== 'PODS_KEEP_OLD_CREDENTIALS')).toEqual(['TRUST_POLICY_PARTITION_MISMATCH']);
    expect(findingOf(plan, 'TRUST_POLICY_PARTITION_MISMATCH').message).toContain('arn:aws:iam::111122223333:root');
  });

  it('GIVEN a commercial cluster whose trust policy names ec2.amazonaws.com.cn WHEN planning THEN TRUST_POLICY_PARTITION_MISMATCH', () => {
    const trust = { Statement: [{ Effect: 'Allow', Principal: { Service: ['pods.eks.amazonaws.com', 'ec2.amazonaws.com.cn'] }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] };
    const plan = planOne(desiredCluster({ associations: [desiredAssociation('a', 'b')] }), liveCluster({ roles: { [roleArn('a-b')]: liveRole(roleArn('a-b'), { trustPolicy: trust }) } }));
    expect(codesOf(plan).filter((c) => c !== 'PODS_KEEP_OLD_CREDENTIALS')).toEqual(['TRUST_POLICY_PARTITION_MISMATCH']);
  });

  it('GIVEN a China cluster with aws-cn ARNs and China service names WHEN planning THEN no partition finding', () => {
    const arn = roleArn('a-b', 'aws-cn');
    const trust = { Statement: [{ Effect: 'Allow', Principal: { Service: ['pods.eks.amazonaws.com', 'ec2.amazonaws.com.cn'] }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] };
    const d = desiredCluster({ region: 'cn-north-1', associations: [desiredAssociation('a', 'b', { roleArn: arn })], accessEntries: [desiredEntry(roleArn('Ops', 'aws-cn'), { accessPolicies: [desiredPolicy(policyArn('AmazonEKSViewPolicy', 'aws-cn'))] })] });
    const plan = planOne(d, liveCluster({ region: 'cn-north-1', roles: { [arn]: liveRole(arn, { trustPolicy: trust }) } }));
    expect(plan.findings.filter((f) => f.code !== 'PODS_KEEP_OLD_CREDENTIALS')).toEqual([]);
  });

  it('GIVEN an access policy ARN of another partition WHEN planning THEN PARTITION_MISMATCH on the entry', () => {
    const d = desiredCluster({ region: 'cn-north-1', accessEntries: [desiredEntry(roleArn('Ops', 'aws-cn'), { accessPolicies: [desiredPolicy(VIEW)] })] });
    const plan = planOne(d, liveCluster({ region: 'cn-north-1' }));
    expect(findingOf(plan, 'PARTITION_MISMATCH').key).toBe(`entry/${roleArn('Ops', 'aws-cn')}`);
  });

  it('GIVEN a role re-created after the entry WHEN planning THEN the entry is replaced, its policies associated again', () => {
    const plan = planOne(
      desiredCluster({ accessEntries: [desiredEntry(APP, { accessPolicies: [desiredPolicy(VIEW, namespaces('a'))] })] }),
      liveCluster({
        accessEntries: [liveEntry(APP, { createdAt: '2024-01-01T00:00:00Z', accessPolicies: [livePolicy(VIEW, namespaces('a'))] })],
        roles: { [APP]: liveRole(APP, { createDate: '2024-05-01T00:00:00Z' }) },
      }),
    );
    expect(actionsOf(plan)).toEqual([`replace entry/${APP}`, `create policy/${APP}/${VIEW}`]);
    expect(changeOf(plan, `entry/${APP}`).reason).toMatch(/re-created/);
  });

  it('GIVEN a role older than its entry WHEN planning THEN no stale finding', () => {
    const plan = planOne(desiredCluster({ accessEntries: [desiredEntry(APP)] }), liveCluster({ accessEntries: [liveEntry(APP)], roles: { [APP]: liveRole(APP, { createDate: '2023-01-01T00:00:00Z' }) } }));
    expect(plan.changes).toEqual([]);
    expect(plan.findings).toEqual([]);
  });

  it('GIVEN a stale entry with an undeclared policy and prune off WHEN planning THEN the plan shows the policy the replacement loses', () => {
    const plan = planOne(
      desiredCluster({ accessEntries: [desiredEntry(APP)] }),
      liveCluster({ accessEntries: [liveEntry(APP, { accessPolicies: [livePolicy(VIEW)] })], roles: { [APP]: liveRole(APP, { createDate: '2024-05-01T00:00:00Z' }) } }),
    );
    expect(actionsOf(plan)).toEqual([`replace entry/${APP}`, `unmanaged policy/${APP}/${VIEW}`]);
    expect(changeOf(plan, `policy/${APP}/${VIEW}`).reason).toMatch(/lost when the entry is replaced/);
  });

  it('GIVEN max deletes of 11 WHEN pruning 11 THEN no finding; replaces count as deletes', () => {
    const live = liveCluster({ associations: Array.from({ length: 11 }, (_, i) => liveAssociation('old', `sa-${i}`)) });
    expect(codesOf(planOne(desiredCluster({ prune: true }), live, { maxDeletes: 11 }))).not.toContain('MAX_DELETES_EXCEEDED');
    const replaced = planOne(desiredCluster({ accessEntries: [desiredEntry(APP, { type: 'EC2' })] }), liveCluster({ accessEntries: [liveEntry(APP)] }), { maxDeletes: 0 });
    expect(codesOf(replaced)).toContain('MAX_DELETES_EXCEEDED');
  });

  it('GIVEN quotas exactly reached WHEN planning THEN no quota finding', () => {
    const plan = planOne(desiredCluster({ associations: [desiredAssociation('app', 'web')] }), liveCluster({ associationSummaries: summaries(4999) }));
    expect(codesOf(plan)).not.toContain('QUOTA_ASSOCIATIONS');
  });

  it('GIVEN the caller assumed a role with a path WHEN the plan removes the entry of that role THEN LOCKOUT_CALLER (STS omits the path)', () => {
    const withPath = roleArn('ci/Deployer');
    const plan = planOne(desiredCluster({ prune: true, accessEntries: [desiredEntry(OPS, { accessPolicies: [desiredPolicy(ADMIN)] })] }), liveCluster({ accessEntries: [liveEntry(withPath), liveEntry(OPS, { accessPolicies: [livePolicy(ADMIN)] })] }));
    expect(findingOf(plan, 'LOCKOUT_CALLER').key).toBe(`entry/${withPath}`);
  });

  it('GIVEN the caller downgrades its own admin policy to namespaces WHEN planning THEN LOCKOUT_CALLER and LOCKOUT_NO_ADMIN', () => {
    const plan = planOne(desiredCluster({ accessEntries: [desiredEntry(DEPLOYER, { accessPolicies: [desiredPolicy(ADMIN, namespaces('a'))] })] }), liveCluster({ accessEntries: [liveEntry(DEPLOYER, { accessPolicies: [livePolicy(ADMIN)] })] }));
    expect(codesOf(plan)).toEqual(['LOCKOUT_CALLER', 'LOCKOUT_NO_ADMIN']);
    expect(findingOf(plan, 'LOCKOUT_CALLER').key).toBe(`policy/${DEPLOYER}/${ADMIN}`);
  });

  it('GIVEN lockout allowed WHEN planning the same plan THEN no lockout finding', () => {
    const plan = planOne(desiredCluster({ accessEntries: [desiredEntry(DEPLOYER, { accessPolicies: [desiredPolicy(ADMIN, namespaces('a'))] })] }), liveCluster({ accessEntries: [liveEntry(DEPLOYER, { accessPolicies: [livePolicy(ADMIN)] })] }), { allowLockout: true });
    expect(plan.findings).toEqual([]);
  });

  it('GIVEN the last admin moves to another principal in the same plan WHEN planning THEN no LOCKOUT_NO_ADMIN', () => {
    const plan = planOne(
      desiredCluster({ prune: true, accessEntries: [desiredEntry(DEPLOYER), desiredEntry(APP, { accessPolicies: [desiredPolicy(ADMIN)] })] }),
      liveCluster({ accessEntries: [liveEntry(DEPLOYER), liveEntry(OPS, { accessPolicies: [livePolicy(ADMIN)] })] }),
    );
    expect(codesOf(plan)).not.toContain('LOCKOUT_NO_ADMIN');
  });

  it('GIVEN a cluster with no admin entry at all WHEN pruning a viewer entry THEN no LOCKOUT_NO_ADMIN: nobody loses admin', () => {
    const plan = planOne(desiredCluster({ prune: true, accessEntries: [desiredEntry(DEPLOYER)] }), liveCluster({ accessEntries: [liveEntry(DEPLOYER), liveEntry(OPS, { accessPolicies: [livePolicy(VIEW)] })] }));
    expect(actionsOf(plan)).toEqual([`delete entry/${OPS}`]);
    expect(codesOf(plan)).toEqual([]);
  });

  it('GIVEN the only admin entry is stale and does not declare its admin policy WHEN planning THEN LOCKOUT_NO_ADMIN: the replacement loses it', () => {
    const plan = planOne(
      desiredCluster({ accessEntries: [desiredEntry(OPS)] }),
      liveCluster({ accessEntries: [liveEntry(OPS, { accessPolicies: [livePolicy(ADMIN)] })], roles: { [OPS]: liveRole(OPS, { createDate: '2024-05-01T00:00:00Z' }) } }),
    );
    expect(codesOf(plan)).toContain('LOCKOUT_NO_ADMIN');
  });

  it('GIVEN the only admin entry is stale and declares its admin policy WHEN planning THEN no LOCKOUT_NO_ADMIN', () => {
    const plan = planOne(
      desiredCluster({ accessEntries: [desiredEntry(OPS, { accessPolicies: [desiredPolicy(ADMIN)] })] }),
      liveCluster({ accessEntries: [liveEntry(OPS, { accessPolicies: [livePolicy(ADMIN)] })], roles: { [OPS]: liveRole(OPS, { createDate: '2024-05-01T00:00:00Z' }) } }),
    );
    expect(codesOf(plan)).toEqual(['STALE_ACCESS_ENTRY']);
  });

  it('GIVEN an entry of an IAM user re-created after it WHEN planning THEN the entry is replaced as stale, naming the user; a user older than its entry is left alone', () => {
    const user = 'arn:aws:iam::111122223333:user/ci-bot';
    const live = (createDate: string) =>
      liveCluster({ accessEntries: [liveEntry(user, { createdAt: '2024-01-01T00:00:00Z' })], users: { [user]: { arn: user, userName: 'ci-bot', userId: 'AIDACIBOT', createDate } } });
    const stale = planOne(desiredCluster({ accessEntries: [desiredEntry(user)] }), live('2024-05-01T00:00:00Z'));
    expect(codesOf(stale)).toEqual(['STALE_ACCESS_ENTRY']);
    expect(stale.changes.find((c) => c.id === `entry/${user}`)).toMatchObject({ action: 'replace' });
    expect(findingOf(stale, 'STALE_ACCESS_ENTRY').message).toContain('IAM user ci-bot was re-created');
    const fresh = planOne(desiredCluster({ accessEntries: [desiredEntry(user)] }), live('2023-05-01T00:00:00Z'));
    expect(fresh.changes).toEqual([]);
  });

  it('GIVEN findings of every severity WHEN planning THEN errors come first, then warnings, then info', () => {
    const live: LiveCluster = liveCluster({ addons: [], associationSummaries: summaries(2), roles: { [roleArn('a-b')]: null } });
    const plan = planOne(desiredCluster({ associations: [desiredAssociation('a', 'b')] }), live);
    expect(plan.findings.map((f) => f.severity)).toEqual(['error', 'warning', 'info', 'info']);
  });
});
