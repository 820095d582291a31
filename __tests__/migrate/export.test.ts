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

  it('GIVEN add-on-owned associations and EKS-created entries WHEN exported THEN they are comments, not managed', () => {
    const { fragment, unmanaged } = renderClusterExport(prod);
    expect(unmanaged.map((u) => u.subject)).toEqual([
      'kube-system/ebs-csi-controller-sa',
      'arn:aws:iam::111122223333:role/eks-node-role',
      'arn:aws:iam::111122223333:role/aws-service-role/emr-containers.amazonaws.com/AWSServiceRoleForAmazonEMRContainers',
    ]);
    const yaml = parse(renderClusterExport(prod).manifestYaml) as typeof fragment;
    expect(yaml).toEqual(JSON.parse(JSON.stringify(fragment)));
    expect(yaml.accessEntries?.map((e) => e.principalArn)).not.toContain('arn:aws:iam::111122223333:role/eks-node-role');
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

  it('GIVEN usernames equal to the EKS default WHEN exported THEN they are left out; custom ones stay', () => {
    const { fragment } = renderClusterExport(prod);
    const byArn = Object.fromEntries((fragment.accessEntries ?? []).map((e) => [e.principalArn, e]));
    expect(byArn['arn:aws:iam::111122223333:role/PlatformAdmins']?.username).toBeUndefined();
    expect(byArn['arn:aws:iam::111122223333:user/alice']?.username).toBeUndefined();
    expect(byArn['arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Viewers_0123456789abcdef']?.username).toBe('viewer:{{SessionName}}');
  });
});
