import { readFileSync } from 'node:fs';
import { expandManifest, parseManifestText, parseManifestTexts, type ExpandContext } from '../../src/manifest/index.js';
import type { DesiredCluster } from '../../src/model/desired.js';
import { yaml } from './yaml-text.js';

function expand(text: string, context?: ExpandContext) {
  const loaded = parseManifestText(text, 'm.yaml');
  expect(loaded.diagnostics).toEqual([]);
  return expandManifest(loaded, context);
}

function cluster(state: { clusters: DesiredCluster[] }, name: string): DesiredCluster {
  const found = state.clusters.find((c) => c.name === name);
  if (!found) throw new Error(`no cluster ${name}`);
  return found;
}

const THREE_PARTITIONS = yaml`
  version: 1
  clusters:
    - { name: prod, region: us-east-1, accountId: "111122223333" }
    - { name: prod-cn, region: cn-north-1, accountId: "444455556666" }
    - { name: gov, region: us-gov-west-1, accountId: "777788889999" }
`;

describe('GIVEN an association with a roleName', () => {
  it('WHEN clusters are in aws, aws-cn and aws-us-gov THEN each gets the role ARN of its partition and account', () => {
    const state = expand(`${THREE_PARTITIONS}podIdentityAssociations:\n  - { namespace: karpenter, serviceAccount: karpenter, roleName: KarpenterController }\n`);
    expect(state.clusters.map((c) => [c.name, c.partition, c.associations[0]?.roleArn])).toEqual([
      ['gov', 'aws-us-gov', 'arn:aws-us-gov:iam::777788889999:role/KarpenterController'],
      ['prod', 'aws', 'arn:aws:iam::111122223333:role/KarpenterController'],
      ['prod-cn', 'aws-cn', 'arn:aws-cn:iam::444455556666:role/KarpenterController'],
    ]);
  });

  it('WHEN the role name has a path THEN the path is kept in the ARN', () => {
    const state = expand(`${THREE_PARTITIONS}podIdentityAssociations:\n  - { namespace: billing, serviceAccount: exporter, roleName: team/data/Exports }\n`);
    expect(cluster(state, 'prod-cn').associations[0]?.roleArn).toBe('arn:aws-cn:iam::444455556666:role/team/data/Exports');
  });

  it('WHEN the manifest has no accountId THEN the account comes from the context, and stays ${accountId} when unknown', () => {
    const text = yaml`
      version: 1
      clusters:
        - { name: a, region: us-east-1 }
        - { name: b, region: eu-west-1 }
      podIdentityAssociations:
        - { namespace: app, serviceAccount: app, roleName: App }
    `;
    const state = expand(text, { accountIds: { a: '123456789012' } });
    expect(cluster(state, 'a').accountId).toBe('123456789012');
    expect(cluster(state, 'a').associations[0]?.roleArn).toBe('arn:aws:iam::123456789012:role/App');
    expect(cluster(state, 'b').accountId).toBeUndefined();
    expect(cluster(state, 'b').associations[0]?.roleArn).toBe('arn:aws:iam::${accountId}:role/App');
  });

  it('WHEN the manifest and the credentials disagree on the account THEN the manifest wins', () => {
    const state = expand(`${THREE_PARTITIONS}podIdentityAssociations:\n  - { namespace: app, serviceAccount: app, roleName: App }\n`, { accountIds: { prod: '999999999999' } });
    expect(cluster(state, 'prod').accountId).toBe('111122223333');
    expect(cluster(state, 'prod').associations[0]?.roleArn).toBe('arn:aws:iam::111122223333:role/App');
  });
});

describe('GIVEN ARNs with variables', () => {
  const text = yaml`
    version: 1
    clusters:
      - name: prod
        region: us-east-1
        accountId: "111122223333"
        assumeRoleArn: arn:\${partition}:iam::\${accountId}:role/apply-\${cluster}
      - { name: prod-cn, region: cn-north-1, accountId: "444455556666" }
    podIdentityAssociations:
      - namespace: app
        serviceAccount: app
        roleArn: arn:\${partition}:iam::\${accountId}:role/\${cluster}-\${region}-app
        targetRoleArn: arn:\${partition}:iam::555555555555:role/shared
    accessEntries:
      - principalArn: arn:\${partition}:iam::\${accountId}:user/ops-\${cluster}
        accessPolicies:
          - { policy: AmazonEKSViewPolicy, scope: cluster }
          - { policy: "arn:\${partition}:eks::aws:cluster-access-policy/AmazonEKSEditPolicy", namespaces: [ops] }
  `;

  it('WHEN expanded THEN ${partition} ${accountId} ${region} ${cluster} take each cluster\'s values', () => {
    const state = expand(text);
    const prod = cluster(state, 'prod');
    const cn = cluster(state, 'prod-cn');
    expect(prod.assumeRoleArn).toBe('arn:aws:iam::111122223333:role/apply-prod');
    expect(cn.assumeRoleArn).toBeUndefined();
    expect(prod.associations[0]).toMatchObject({ roleArn: 'arn:aws:iam::111122223333:role/prod-us-east-1-app', targetRoleArn: 'arn:aws:iam::555555555555:role/shared' });
    expect(cn.associations[0]).toMatchObject({ roleArn: 'arn:aws-cn:iam::444455556666:role/prod-cn-cn-north-1-app', targetRoleArn: 'arn:aws-cn:iam::555555555555:role/shared' });
    expect(cn.accessEntries[0]?.principalArn).toBe('arn:aws-cn:iam::444455556666:user/ops-prod-cn');
  });

  it('WHEN access policies are short names or ARNs THEN both become ARNs of the cluster partition, sorted', () => {
    const cn = cluster(expand(text), 'prod-cn');
    expect(cn.accessEntries[0]?.accessPolicies.map((p) => [p.policyArn, p.scope])).toEqual([
      ['arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSEditPolicy', { type: 'namespace', namespaces: ['ops'] }],
      ['arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', { type: 'cluster' }],
    ]);
  });
});

describe('GIVEN defaults, selectors and unsorted input', () => {
  const text = yaml`
    version: 1
    clusters:
      - { name: zeta, region: us-west-2, accountId: "111122223333" }
      - { name: alpha, region: us-east-1, accountId: "111122223333" }
    defaults:
      tags: { managed-by: eks-identity, team: platform }
    prune: true
    podIdentityAssociations:
      - { namespace: web, serviceAccount: api, roleName: Api, tags: { team: web, app: api } }
      - { namespace: batch, serviceAccount: worker, roleName: Worker, clusters: [alpha] }
      - { namespace: batch, serviceAccount: cron, roleName: Cron }
    accessEntries:
      - principalArn: arn:aws:iam::111122223333:role/Viewers
        kubernetesGroups: [viewers, auditors, viewers]
        accessPolicies:
          - { policy: AmazonEKSViewPolicy, namespaces: [team-b, team-a, team-b] }
      - principalArn: arn:aws:iam::111122223333:role/Admins
        username: admin
        clusters: [zeta]
        accessPolicies:
          - { policy: AmazonEKSClusterAdminPolicy, scope: cluster }
      - principalArn: arn:aws:iam::111122223333:role/Nodes
        type: EC2_LINUX
  `;

  it('WHEN expanded THEN own tags win over defaults and every tag map has sorted keys', () => {
    const alpha = cluster(expand(text), 'alpha');
    const api = alpha.associations.find((a) => a.serviceAccount === 'api')!;
    expect(api.tags).toEqual({ app: 'api', 'managed-by': 'eks-identity', team: 'web' });
    expect(Object.keys(api.tags)).toEqual(['app', 'managed-by', 'team']);
    expect(alpha.associations.find((a) => a.serviceAccount === 'cron')!.tags).toEqual({ 'managed-by': 'eks-identity', team: 'platform' });
    expect(alpha.accessEntries.every((e) => e.tags['managed-by'] === 'eks-identity')).toBe(true);
  });

  it('WHEN items have cluster selectors THEN each cluster gets only what applies to it', () => {
    const state = expand(text);
    expect(cluster(state, 'alpha').associations.map((a) => a.serviceAccount)).toEqual(['cron', 'worker', 'api']);
    expect(cluster(state, 'zeta').associations.map((a) => a.serviceAccount)).toEqual(['cron', 'api']);
    expect(cluster(state, 'alpha').accessEntries.map((e) => e.principalArn)).not.toContain('arn:aws:iam::111122223333:role/Admins');
    expect(cluster(state, 'zeta').accessEntries.map((e) => e.principalArn)).toContain('arn:aws:iam::111122223333:role/Admins');
  });

  it('WHEN expanded THEN clusters, associations and entries are sorted and groups and namespaces de-duplicated', () => {
    const state = expand(text);
    expect(state.clusters.map((c) => c.name)).toEqual(['alpha', 'zeta']);
    const zeta = cluster(state, 'zeta');
    expect(zeta.associations.map((a) => `${a.namespace}/${a.serviceAccount}`)).toEqual(['batch/cron', 'web/api']);
    expect(zeta.accessEntries.map((e) => e.principalArn)).toEqual([
      'arn:aws:iam::111122223333:role/Admins',
      'arn:aws:iam::111122223333:role/Nodes',
      'arn:aws:iam::111122223333:role/Viewers',
    ]);
    const viewers = zeta.accessEntries[2]!;
    expect(viewers.kubernetesGroups).toEqual(['auditors', 'viewers']);
    expect(viewers.accessPolicies[0]?.scope).toEqual({ type: 'namespace', namespaces: ['team-a', 'team-b'] });
  });

  it('WHEN fields are omitted THEN the defaults of EKS apply: STANDARD, no groups, session tags on, prune as declared', () => {
    const zeta = cluster(expand(text), 'zeta');
    const [admins, nodes] = zeta.accessEntries;
    expect(admins).toMatchObject({ type: 'STANDARD', kubernetesGroups: [], username: 'admin' });
    expect(nodes).toMatchObject({ type: 'EC2_LINUX', kubernetesGroups: [], accessPolicies: [] });
    expect(nodes).not.toHaveProperty('username');
    expect(zeta.associations[0]).toMatchObject({ disableSessionTags: false });
    expect(zeta.associations[0]).not.toHaveProperty('targetRoleArn');
    expect(zeta.associations[0]).not.toHaveProperty('policy');
    expect(zeta.prune).toBe(true);
  });

  it('WHEN expanded THEN every item keeps the location it was declared at', () => {
    const state = expand(text);
    expect(state.files).toEqual(['m.yaml']);
    const alpha = cluster(state, 'alpha');
    expect(alpha.source).toEqual({ file: 'm.yaml', line: 4, column: 5 });
    expect(alpha.associations.find((a) => a.serviceAccount === 'worker')?.source).toEqual({ file: 'm.yaml', line: 10, column: 5 });
    expect(alpha.accessEntries.find((e) => e.type === 'EC2_LINUX')?.source).toEqual({ file: 'm.yaml', line: 22, column: 5 });
  });
});

describe('GIVEN a session policy', () => {
  const withPolicy = (policy: string) =>
    expand(yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1, accountId: "111122223333" }]
      podIdentityAssociations:
        - namespace: billing
          serviceAccount: exporter
          roleName: Exports
          disableSessionTags: true
          policy: ${policy}
    `).clusters[0]!.associations[0]!;

  it('WHEN expanded THEN it is canonical JSON: keys sorted at every level, no whitespace', () => {
    const a = withPolicy('{ Version: "2012-10-17", Statement: [{ Resource: "*", Effect: Allow, Action: ["s3:GetObject"] }] }');
    expect(a.policy).toBe('{"Statement":[{"Action":["s3:GetObject"],"Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}');
    expect(a.disableSessionTags).toBe(true);
  });

  it('WHEN two manifests write the same policy in another key order THEN the texts are equal', () => {
    const a = withPolicy('{ Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "s3:*", Resource: "*" }] }');
    const b = withPolicy('{ Statement: [{ Resource: "*", Action: "s3:*", Effect: Allow }], Version: "2012-10-17" }');
    expect(a.policy).toBe(b.policy);
  });
});

describe('GIVEN the example manifest', () => {
  const text = readFileSync(new URL('../../examples/manifests/platform.yaml', import.meta.url), 'utf8');

  it('WHEN expanded THEN the China cluster gets aws-cn ARNs and only the items that apply to it', () => {
    const state = expandManifest(parseManifestTexts([{ file: 'platform.yaml', text }]));
    const cn = cluster(state, 'prod-cn');
    expect(cn.assumeRoleArn).toBe('arn:aws-cn:iam::444455556666:role/eks-identity-apply');
    expect(cn.associations.map((a) => a.roleArn)).toEqual(['arn:aws-cn:iam::444455556666:role/KarpenterController']);
    expect(cn.accessEntries.map((e) => e.principalArn)).toEqual([
      'arn:aws-cn:iam::444455556666:role/Developers',
      'arn:aws-cn:iam::444455556666:role/EksNodeRole',
      'arn:aws-cn:iam::444455556666:role/PlatformAdmins',
    ]);
    expect(cn.accessEntries[2]?.accessPolicies[0]?.policyArn).toBe('arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy');
    const prod = cluster(state, 'prod');
    expect(prod.associations.map((a) => `${a.namespace}/${a.serviceAccount}`)).toEqual(['billing/invoice-exporter', 'karpenter/karpenter', 'kube-system/external-dns']);
    expect(prod.associations[0]?.roleArn).toBe('arn:aws:iam::111122223333:role/team/BillingExports');
  });
});
