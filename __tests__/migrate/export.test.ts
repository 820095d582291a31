import { expectGolden } from './golden.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { LiveAccessEntry, LiveAssociation, LiveCluster } from '../../src/model/live.js';
import { parseManifestText } from '../../src/manifest/index.js';
import { renderClusterExport } from '../../src/migrate/export.js';
import { SCHEMA_HEADER } from '../../src/migrate/manifest-yaml.js';

const EXPECTED = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'export');

function association(overrides: Partial<LiveAssociation> & Pick<LiveAssociation, 'namespace' | 'serviceAccount' | 'roleArn'>): LiveAssociation {
  return { associationId: `a-${overrides.namespace}-${overrides.serviceAccount}`, disableSessionTags: false, tags: {}, ...overrides };
}

function entry(overrides: Partial<LiveAccessEntry> & Pick<LiveAccessEntry, 'principalArn'>): LiveAccessEntry {
  return { type: 'STANDARD', kubernetesGroups: [], tags: {}, accessPolicies: [], ...overrides };
}

function cluster(overrides: Partial<LiveCluster> & Pick<LiveCluster, 'name' | 'region' | 'partition' | 'accountId'>): LiveCluster {
  const base: LiveCluster = {
    ...overrides,
    exists: true,
    authenticationMode: 'API_AND_CONFIG_MAP',
    autoMode: false,
    addons: [],
    associationSummaries: [],
    associations: [],
    accessEntryPrincipals: [],
    accessEntries: [],
    roles: {},
    caller: { arn: 'arn:aws:sts::111122223333:assumed-role/Deploy/ci', accountId: overrides.accountId, principalArn: 'arn:aws:iam::111122223333:role/Deploy' },
  };
  const merged = { ...base, ...overrides };
  return { ...merged, associationSummaries: merged.associations.map(({ associationId, namespace, serviceAccount, ownerArn }) => ({ associationId, namespace, serviceAccount, ...(ownerArn ? { ownerArn } : {}) })) };
}

const prod = cluster({
  name: 'prod',
  region: 'us-east-1',
  partition: 'aws',
  accountId: '111122223333',
  associations: [
    association({ namespace: 'karpenter', serviceAccount: 'karpenter', roleArn: 'arn:aws:iam::111122223333:role/KarpenterController', tags: { team: 'platform', 'managed-by': 'eks-identity' } }),
    association({
      namespace: 'payments',
      serviceAccount: 'api',
      roleArn: 'arn:aws:iam::111122223333:role/team/payments/payments-app',
      targetRoleArn: 'arn:aws:iam::444455556666:role/payments-data',
      disableSessionTags: true,
      policy: '{"Statement":[{"Action":"s3:GetObject","Effect":"Allow","Resource":"arn:aws:s3:::payments/*"}],"Version":"2012-10-17"}',
    }),
    association({ namespace: 'kube-system', serviceAccount: 'ebs-csi-controller-sa', roleArn: 'arn:aws:iam::111122223333:role/ebs-csi', ownerArn: 'arn:aws:eks:us-east-1:111122223333:addon/prod/aws-ebs-csi-driver/abc' }),
  ],
  accessEntries: [
    entry({
      principalArn: 'arn:aws:iam::111122223333:role/PlatformAdmins',
      username: 'arn:aws:sts::111122223333:assumed-role/PlatformAdmins/{{SessionName}}',
      accessPolicies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy', scope: { type: 'cluster' } }],
      tags: { team: 'platform' },
    }),
    entry({
      principalArn: 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Viewers_0123456789abcdef',
      username: 'viewer:{{SessionName}}',
      kubernetesGroups: ['viewers', 'auditors'],
      accessPolicies: [
        { policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', scope: { type: 'namespace', namespaces: ['team-b', 'team-a'] } },
        { policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy', scope: { type: 'cluster' } },
      ],
    }),
    entry({ principalArn: 'arn:aws:iam::111122223333:user/alice', username: 'arn:aws:iam::111122223333:user/alice' }),
    entry({ principalArn: 'arn:aws:iam::111122223333:role/eks-node-role', type: 'EC2_LINUX', username: 'system:node:{{EC2PrivateDNSName}}' }),
    entry({ principalArn: 'arn:aws:iam::111122223333:role/aws-service-role/emr-containers.amazonaws.com/AWSServiceRoleForAmazonEMRContainers', username: 'emr-containers' }),
    entry({ principalArn: 'arn:aws:iam::111122223333:role/HybridNodes', type: 'HYBRID_LINUX', username: 'system:node:{{SessionName}}' }),
  ],
});

const china = cluster({
  name: 'prod-cn',
  region: 'cn-north-1',
  partition: 'aws-cn',
  accountId: '444455556666',
  associations: [association({ namespace: 'logging', serviceAccount: 'fluent-bit', roleArn: 'arn:aws-cn:iam::444455556666:role/fluent-bit' })],
  accessEntries: [
    entry({
      principalArn: 'arn:aws-cn:iam::444455556666:role/Ops',
      accessPolicies: [{ policyArn: 'arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSEditPolicy', scope: { type: 'namespace', namespaces: ['ops'] } }],
    }),
  ],
});

describe('renderClusterExport', () => {
  it.each([
    ['prod', prod],
    ['prod-cn', china],
  ])('GIVEN live cluster %s WHEN exported THEN the manifest is exact', (name, live) => {
    const { manifestYaml } = renderClusterExport(live);
    const file = join(EXPECTED, `${name}.manifest.yaml`);
    expectGolden(manifestYaml, file);
    expect(manifestYaml.startsWith(`# ${SCHEMA_HEADER}\n`)).toBe(true);
  });

  it('GIVEN add-on-owned associations and EKS-created entries WHEN exported THEN the add-on\'s are under addons:, the entries are comments', () => {
    const { fragment, unmanaged } = renderClusterExport(prod);
    expect(fragment.addons).toEqual([{ name: 'aws-ebs-csi-driver', podIdentityAssociations: [{ serviceAccount: 'ebs-csi-controller-sa', roleArn: 'arn:aws:iam::111122223333:role/ebs-csi' }] }]);
    expect(fragment.podIdentityAssociations?.map((a) => a.serviceAccount)).not.toContain('ebs-csi-controller-sa');
    expect(unmanaged.map((u) => u.subject)).toEqual([
      'arn:aws:iam::111122223333:role/eks-node-role',
      'arn:aws:iam::111122223333:role/aws-service-role/emr-containers.amazonaws.com/AWSServiceRoleForAmazonEMRContainers',
    ]);
    const yaml = parse(renderClusterExport(prod).manifestYaml) as typeof fragment;
    expect(yaml).toEqual(JSON.parse(JSON.stringify(fragment)));
    expect(yaml.accessEntries?.map((e) => e.principalArn)).not.toContain('arn:aws:iam::111122223333:role/eks-node-role');
  });

  it('GIVEN an add-on with two associations and an export for an owner WHEN exported THEN without an owner both are under addons:, sorted; with one they are comments (they carry no owner tag)', () => {
    const ownerArn = 'arn:aws:eks:us-east-1:111122223333:addon/prod/aws-efs-csi-driver/0a1b';
    const efs = cluster({
      name: 'prod',
      region: 'us-east-1',
      partition: 'aws',
      accountId: '111122223333',
      associations: [
        association({ namespace: 'kube-system', serviceAccount: 'efs-csi-node-sa', roleArn: 'arn:aws:iam::111122223333:role/efs', ownerArn }),
        association({ namespace: 'kube-system', serviceAccount: 'efs-csi-controller-sa', roleArn: 'arn:aws:iam::111122223333:role/efs', ownerArn }),
      ],
    });
    expect(renderClusterExport(efs).fragment.addons).toEqual([
      { name: 'aws-efs-csi-driver', podIdentityAssociations: ['efs-csi-controller-sa', 'efs-csi-node-sa'].map((serviceAccount) => ({ serviceAccount, roleArn: 'arn:aws:iam::111122223333:role/efs' })) },
    ]);
    const forOwner = renderClusterExport(efs, { owner: 'platform' });
    expect(forOwner.fragment.addons).toBeUndefined();
    expect(forOwner.unmanaged.map((u) => u.reason)).toEqual([
      'owned by add-on aws-efs-csi-driver, whose associations carry no owner tag (export without an owner to write them under addons:)',
      'owned by add-on aws-efs-csi-driver, whose associations carry no owner tag (export without an owner to write them under addons:)',
    ]);
  });

  it('GIVEN objects another eks-identity manifest wrote (its owner tag) WHEN exported THEN they are comments naming that owner, so the export still validates', () => {
    const owned = cluster({
      name: 'prod',
      region: 'us-east-1',
      partition: 'aws',
      accountId: '111122223333',
      associations: [
        association({ namespace: 'team-a', serviceAccount: 'api', roleArn: 'arn:aws:iam::111122223333:role/TeamA', tags: { 'eks-identity/owner': 'team-a' } }),
        association({ namespace: 'free', serviceAccount: 'app', roleArn: 'arn:aws:iam::111122223333:role/Free' }),
      ],
      accessEntries: [entry({ principalArn: 'arn:aws:iam::111122223333:role/TeamADeploy', tags: { 'eks-identity/owner': 'team-a' } })],
    });
    const { fragment, unmanaged, manifestYaml } = renderClusterExport(owned);
    expect(fragment.podIdentityAssociations?.map((a) => a.serviceAccount)).toEqual(['app']);
    expect(fragment.accessEntries).toBeUndefined();
    expect(unmanaged.map((u) => [u.subject, u.reason])).toEqual([
      ['team-a/api', 'managed by the eks-identity manifest with owner team-a (tag eks-identity/owner); declare it there'],
      ['arn:aws:iam::111122223333:role/TeamADeploy', 'managed by the eks-identity manifest with owner team-a (tag eks-identity/owner); declare it there'],
    ]);
    expect(parseManifestText(manifestYaml, 'export.yaml').ok).toBe(true);
  });

  it('GIVEN an owner WHEN exported THEN only its objects are written, without the owner tag, and its roles as role: blocks (others by ARN)', () => {
    const TEAM_A = 'arn:aws:iam::111122223333:role/apps/TeamA';
    const owned = cluster({
      name: 'prod',
      region: 'us-east-1',
      partition: 'aws',
      accountId: '111122223333',
      associations: [
        association({ namespace: 'team-a', serviceAccount: 'api', roleArn: TEAM_A, tags: { 'eks-identity/owner': 'team-a', tier: 'web' } }),
        association({ namespace: 'team-a', serviceAccount: 'shared', roleArn: 'arn:aws:iam::111122223333:role/Shared', tags: { 'eks-identity/owner': 'team-a' } }),
        association({ namespace: 'team-b', serviceAccount: 'api', roleArn: 'arn:aws:iam::111122223333:role/TeamB', tags: { 'eks-identity/owner': 'team-b' } }),
        association({ namespace: 'free', serviceAccount: 'app', roleArn: 'arn:aws:iam::111122223333:role/Free' }),
      ],
      accessEntries: [
        entry({ principalArn: 'arn:aws:iam::111122223333:role/Nodes', type: 'EC2_LINUX', tags: { 'eks-identity/owner': 'team-a' } }),
        entry({ principalArn: 'arn:aws:iam::111122223333:role/Untagged' }),
      ],
    });
    const role = {
      arn: TEAM_A,
      roleName: 'TeamA',
      path: '/apps/',
      roleId: 'AROAEXAMPLE',
      createDate: '2026-01-01T00:00:00.000Z',
      trustPolicy: '{}',
      maxSessionDuration: 3600,
      permissionsBoundary: 'arn:aws:iam::111122223333:policy/Boundary',
      tags: { 'eks-identity/owner': 'team-a', team: 'a' },
      managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      inlinePolicies: { logs: '{"Statement":[{"Action":"logs:PutLogEvents","Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}' },
    };
    const { fragment, unmanaged, manifestYaml } = renderClusterExport(owned, { owner: 'team-a', roles: { [TEAM_A]: role } });
    expect(fragment.owner).toBe('team-a');
    expect(fragment.podIdentityAssociations).toEqual([
      {
        namespace: 'team-a',
        serviceAccount: 'api',
        role: {
          name: 'TeamA',
          path: '/apps/',
          managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
          inlinePolicies: { logs: { Statement: [{ Action: 'logs:PutLogEvents', Effect: 'Allow', Resource: '*' }], Version: '2012-10-17' } },
          permissionsBoundary: 'arn:aws:iam::111122223333:policy/Boundary',
          tags: { team: 'a' },
        },
        tags: { tier: 'web' },
      },
      { namespace: 'team-a', serviceAccount: 'shared', roleArn: 'arn:aws:iam::111122223333:role/Shared' },
    ]);
    // A node entry this owner tagged is its own (EKS never sets the tag).
    expect(fragment.accessEntries?.map((e) => [e.principalArn, e.tags])).toEqual([['arn:aws:iam::111122223333:role/Nodes', undefined]]);
    expect(unmanaged.map((u) => u.subject)).toEqual(['team-b/api', 'free/app', 'arn:aws:iam::111122223333:role/Untagged']);
    expect(unmanaged[1]!.reason).toContain('not tagged eks-identity/owner=team-a');
    // The trust '{}' differs from the one built for team-a/api: the file says so above the association.
    expect(manifestYaml).toMatch(/# The live trust of role TeamA differs[^\n]*\n[^\n]*\n[^\n]*\n\s*- namespace: team-a\n\s*serviceAccount: api/);
    const loaded = parseManifestText(manifestYaml, 'export.yaml');
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('GIVEN usernames equal to the EKS default WHEN exported THEN they are left out; custom ones stay', () => {
    const { fragment } = renderClusterExport(prod);
    const byArn = Object.fromEntries((fragment.accessEntries ?? []).map((e) => [e.principalArn, e]));
    expect(byArn['arn:aws:iam::111122223333:role/PlatformAdmins']?.username).toBeUndefined();
    expect(byArn['arn:aws:iam::111122223333:user/alice']?.username).toBeUndefined();
    expect(byArn['arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Viewers_0123456789abcdef']?.username).toBe('viewer:{{SessionName}}');
  });
});
