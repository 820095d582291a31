/**
 * The EKS rules `validate` checks offline, after variables are expanded for each target cluster:
 * per-type access entry rules, limits, and the bundled access-policy catalog (a warning).
 */
import { expandManifest, parseManifestText, type ManifestDiagnostic } from '../../src/manifest/index.js';
import { canonicalJson } from '../../src/aws/canonical-json.js';
import { yaml } from './yaml-text.js';

interface Case {
  name: string;
  text: string;
  /** [severity, code, line, column] of every diagnostic. */
  expected: Array<[severity: 'error' | 'warning', code: string, line: number, column: number]>;
  /** Text the first diagnostic's message must contain. */
  message?: string;
}

const CLUSTERS = yaml`
  version: 1
  clusters:
    - name: prod
      region: us-east-1
      accountId: "111122223333"
`;
/** A policy whose compact canonical JSON (what EKS receives) is exactly n characters. */
const policyOfLength = (n: number) => {
  const sent = (resource: string) => canonicalJson({ Version: '2012-10-17', Statement: [{ Resource: resource }] });
  const resource = 'r'.repeat(n - sent('').length);
  expect(sent(resource)).toHaveLength(n);
  return `{ Version: "2012-10-17", Statement: [{ Resource: "${resource}" }] }`;
};

const cases: Case[] = [
  {
    name: 'an IAM user on a node type',
    text: `${CLUSTERS}accessEntries:\n  - principalArn: arn:aws:iam::111122223333:user/alice\n    type: EC2_LINUX\n`,
    expected: [['error', 'USER_ON_NODE_TYPE', 7, 19]],
    message: 'an IAM user cannot be the principal of an EC2_LINUX entry',
  },
  {
    name: 'a node type whose role is in another account than the cluster',
    text: `${CLUSTERS}accessEntries:\n  - principalArn: arn:aws:iam::999988887777:role/Nodes\n    type: HYBRID_LINUX\n`,
    expected: [['error', 'NODE_TYPE_OTHER_ACCOUNT', 7, 19]],
    message: "cluster's account 111122223333; this one is in 999988887777 (cluster `prod`)",
  },
  {
    name: 'an association whose role is in another account than the cluster',
    text: `${CLUSTERS}podIdentityAssociations:\n  - namespace: app\n    serviceAccount: app\n    roleArn: arn:aws:iam::999988887777:role/App\n`,
    expected: [['error', 'ROLE_OTHER_ACCOUNT', 9, 14]],
    message: "EKS takes only a role of the cluster's account 111122223333 (cluster `prod`)",
  },
  {
    name: 'a username with {{SessionName}} and no colon before it',
    text: `${CLUSTERS}accessEntries:\n  - principalArn: arn:aws:iam::111122223333:role/Admins\n    username: "admin{{SessionName}}"\n`,
    expected: [['error', 'USERNAME_SESSION_NAME_COLON', 8, 15]],
    message: 'without a colon before it',
  },
  {
    name: 'an empty username',
    text: `${CLUSTERS}accessEntries:\n  - principalArn: arn:aws:iam::111122223333:role/Admins\n    username: ""\n`,
    expected: [['error', 'INVALID_USERNAME', 8, 15]],
  },
  {
    name: 'a session policy of 2,049 characters as sent',
    text: `${CLUSTERS}podIdentityAssociations:\n  - namespace: app\n    serviceAccount: app\n    roleName: App\n    disableSessionTags: true\n    policy: ${policyOfLength(2049)}\n`,
    expected: [['error', 'SESSION_POLICY_TOO_LONG', 11, 13]],
    message: '2049 characters as sent',
  },
  {
    name: 'a session policy with a character STS refuses',
    text: `${CLUSTERS}podIdentityAssociations:\n  - namespace: app\n    serviceAccount: app\n    roleName: App\n    disableSessionTags: true\n    policy: { Version: "2012-10-17", Statement: [{ Sid: "a→b" }] }\n`,
    expected: [['error', 'SESSION_POLICY_INVALID_CHARACTER', 11, 13]],
    message: 'U+2192',
  },
  {
    name: 'a role name that is too long once ${cluster} expands',
    text: `${CLUSTERS}podIdentityAssociations:\n  - namespace: app\n    serviceAccount: app\n    roleName: ${'R'.repeat(60)}-\${cluster}\n`,
    expected: [['error', 'INVALID_ROLE_NAME', 9, 15]],
    message: `\`${'R'.repeat(60)}-prod\` is not a valid IAM role name`,
  },
  {
    name: 'an unknown variable in a role name',
    text: `${CLUSTERS}podIdentityAssociations:\n  - namespace: app\n    serviceAccount: app\n    roleName: Karpenter-\${clustr}\n`,
    expected: [['error', 'UNKNOWN_VARIABLE', 9, 15]],
  },
  {
    name: 'an unknown variable in a username and in a group',
    text: `${CLUSTERS}accessEntries:\n  - principalArn: arn:aws:iam::111122223333:role/Admins\n    username: "\${team}:{{SessionName}}"\n    kubernetesGroups: ["\${env}-viewers"]\n`,
    expected: [['error', 'UNKNOWN_VARIABLE', 8, 15], ['error', 'UNKNOWN_VARIABLE', 9, 24]],
  },
  {
    name: 'a group that expands into the reserved prefix',
    text: `${CLUSTERS}accessEntries:\n  - principalArn: arn:aws:iam::111122223333:role/Admins\n    kubernetesGroups: ["system:\${cluster}"]\n`,
    expected: [['error', 'RESERVED_GROUP_PREFIX', 8, 24]],
  },
  {
    name: 'a scope namespace that is invalid once expanded',
    text: `${CLUSTERS}accessEntries:\n  - principalArn: arn:aws:iam::111122223333:role/Admins\n    accessPolicies:\n      - policy: AmazonEKSViewPolicy\n        namespaces: ["\${region}_team"]\n`,
    expected: [['error', 'INVALID_NAMESPACE', 10, 22]],
    message: 'us-east-1_team',
  },
  {
    name: 'a tag value over 256 characters once expanded',
    text: `${CLUSTERS}podIdentityAssociations:\n  - namespace: app\n    serviceAccount: app\n    roleName: App\n    tags: { note: "${'n'.repeat(252)}-\${cluster}" }\n`,
    expected: [['error', 'TAG_VALUE_TOO_LONG', 10, 13]],
    message: 'has 257 characters',
  },
  {
    name: '50 tags of its own plus a default (51 sent)',
    text: `${CLUSTERS}defaults:\n  tags: { managed-by: eks-identity }\npodIdentityAssociations:\n  - namespace: app\n    serviceAccount: app\n    roleName: App\n    tags: { ${Array.from({ length: 50 }, (_, i) => `k${i}: v`).join(', ')} }\n`,
    expected: [['error', 'TOO_MANY_TAGS', 12, 11]],
    message: '51 tags',
  },
  {
    name: '49 tags of its own plus a default and the owner tag (51 sent)',
    text: `${CLUSTERS}owner: platform\ndefaults:\n  tags: { managed-by: eks-identity }\naccessEntries:\n  - principalArn: arn:aws:iam::111122223333:role/Admins\n    tags: { ${Array.from({ length: 49 }, (_, i) => `k${i}: v`).join(', ')} }\n`,
    expected: [['error', 'TOO_MANY_TAGS', 11, 11]],
  },
  {
    name: 'a misspelled access policy (a warning with did-you-mean)',
    text: `${CLUSTERS}accessEntries:\n  - principalArn: arn:aws:iam::111122223333:role/Admins\n    accessPolicies:\n      - policy: AmazonEKSClusterAdmin\n        scope: cluster\n`,
    expected: [['warning', 'UNKNOWN_ACCESS_POLICY', 9, 17]],
    message: 'did you mean `AmazonEKSClusterAdminPolicy`?',
  },
  {
    name: 'a policy ARN not in the bundled list',
    text: `${CLUSTERS}accessEntries:\n  - principalArn: arn:aws:iam::111122223333:role/Admins\n    accessPolicies:\n      - policy: arn:\${partition}:eks::aws:cluster-access-policy/AmazonEKSViewPolicyV9\n        scope: cluster\n`,
    expected: [['warning', 'UNKNOWN_ACCESS_POLICY', 9, 17]],
    message: 'the list may be older than AWS',
  },
];

const all = (diagnostics: ManifestDiagnostic[]) => diagnostics.map((d): [string, string, number, number] => [d.severity, d.code, d.location.line, d.location.column]);

describe('GIVEN a manifest that breaks an EKS rule knowable offline', () => {
  it.each(cases.map((c) => [c.name, c] as const))('WHEN it has %s THEN exactly that diagnostic is reported at its line and column', (_name, c) => {
    const result = parseManifestText(c.text, 'm.yaml');
    expect(all(result.diagnostics)).toEqual(c.expected);
    expect(result.ok).toBe(!c.expected.some(([severity]) => severity === 'error'));
    if (c.message) expect(result.diagnostics[0]?.message).toContain(c.message);
    for (const d of result.diagnostics) expect(d.fix).toBeTruthy();
  });
});

describe('GIVEN values EKS accepts', () => {
  it('WHEN a session policy is exactly 2,048 characters as sent THEN it is valid', () => {
    const text = `${CLUSTERS}podIdentityAssociations:\n  - namespace: app\n    serviceAccount: app\n    roleName: App\n    disableSessionTags: true\n    policy: ${policyOfLength(2048)}\n`;
    expect(parseManifestText(text, 'm.yaml').diagnostics).toEqual([]);
  });

  it('WHEN the EMR on EKS entry, Auto Mode, hybrid and HyperPod policies are declared THEN nothing is reported', () => {
    const text = yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1, accountId: "111122223333" }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/aws-service-role/emr-containers.amazonaws.com/AWSServiceRoleForAmazonEMRContainers
          accessPolicies:
            - policy: AmazonEMRJobPolicy
              namespaces: [spark]
        - principalArn: arn:aws:iam::111122223333:role/AutoNodes
          type: EC2
          accessPolicies: [{ policy: AmazonEKSAutoNodePolicy, scope: cluster }]
        - principalArn: arn:aws:iam::111122223333:role/Ops
          accessPolicies:
            - { policy: AmazonSagemakerHyperpodControllerPolicy, scope: cluster }
            - { policy: AmazonEKSSecretReaderPolicy, namespaces: [team-*] }
            - { policy: arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy, scope: cluster }
    `;
    expect(parseManifestText(text, 'm.yaml').diagnostics).toEqual([]);
  });

  it('WHEN the cluster has no accountId THEN a node role of any literal account is left to the plan', () => {
    const text = yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::999988887777:role/Nodes
          type: EC2_LINUX
    `;
    expect(parseManifestText(text, 'm.yaml').diagnostics).toEqual([]);
  });
});

describe('GIVEN fields templated per cluster', () => {
  const text = yaml`
    version: 1
    clusters:
      - { name: prod, region: us-east-1, accountId: "111122223333" }
      - { name: prod-cn, region: cn-north-1, accountId: "444455556666" }
    defaults:
      tags: { cluster: "\${cluster}" }
    podIdentityAssociations:
      - namespace: karpenter
        serviceAccount: karpenter
        roleName: KarpenterController-\${cluster}
        targetRoleArn: arn:\${partition}:iam::\${accountId}:role/Target-\${region}
        tags: { region: "\${region}" }
    accessEntries:
      - principalArn: arn:\${partition}:iam::\${accountId}:role/Admins
        username: "\${cluster}-admin:{{SessionName}}"
        kubernetesGroups: ["\${cluster}-viewers"]
        accessPolicies:
          - policy: AmazonEKSEditPolicy
            namespaces: ["\${cluster}-apps"]
  `;

  it('WHEN validated THEN they are valid (KarpenterController-${cluster} included)', () => {
    expect(parseManifestText(text, 'm.yaml').diagnostics).toEqual([]);
  });

  it('WHEN expanded THEN each cluster gets its own role, target, username, groups, namespaces and tag values', () => {
    const desired = expandManifest(parseManifestText(text, 'm.yaml'));
    const cn = desired.clusters.find((c) => c.name === 'prod-cn')!;
    expect(cn.associations[0]).toMatchObject({
      roleArn: 'arn:aws-cn:iam::444455556666:role/KarpenterController-prod-cn',
      targetRoleArn: 'arn:aws-cn:iam::444455556666:role/Target-cn-north-1',
      tags: { cluster: 'prod-cn', region: 'cn-north-1' },
    });
    expect(cn.accessEntries[0]).toMatchObject({
      principalArn: 'arn:aws-cn:iam::444455556666:role/Admins',
      username: 'prod-cn-admin:{{SessionName}}',
      kubernetesGroups: ['prod-cn-viewers'],
      accessPolicies: [{ policyArn: 'arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSEditPolicy', scope: { type: 'namespace', namespaces: ['prod-cn-apps'] } }],
    });
    const prod = desired.clusters.find((c) => c.name === 'prod')!;
    expect(prod.associations[0]!.roleArn).toBe('arn:aws:iam::111122223333:role/KarpenterController-prod');
  });
});
