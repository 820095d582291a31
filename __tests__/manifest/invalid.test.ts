import { parseManifestText, parseManifestTexts, type ManifestDiagnostic } from '../../src/manifest/index.js';
import { yaml } from './yaml-text.js';

/** One invalid manifest and exactly the errors it must produce: [code, line, column]. */
interface Case {
  name: string;
  text: string;
  errors: Array<[code: string, line: number, column: number]>;
  /** Text the first error's message must contain. */
  message?: string;
}

const long = (n: number, ch = 'a') => ch.repeat(n);
const manyTags = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `k${i}: v`).join(', ')} }`;

const cases: Case[] = [
  // ── shape: unknown keys ──────────────────────────────────────────────────────────────────────
  {
    name: 'a misspelled top-level key',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociation: []
    `,
    errors: [['UNKNOWN_KEY', 3, 1]],
    message: 'unknown key `podIdentityAssociation` (did you mean `podIdentityAssociations`?)',
  },
  {
    name: 'a misspelled key in a cluster (which then also lacks region)',
    text: yaml`
      version: 1
      clusters:
        - name: prod
          regoin: us-east-1
    `,
    errors: [['MISSING_FIELD', 3, 5], ['UNKNOWN_KEY', 4, 5]],
    message: 'missing required field `region`',
  },
  {
    name: 'a misspelled key in an association',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: karpenter
          serviceAccount: karpenter
          roleName: KarpenterController
          disableSesionTags: true
    `,
    errors: [['UNKNOWN_KEY', 7, 5]],
    message: 'did you mean `disableSessionTags`?',
  },
  {
    name: 'a misspelled key in an access policy',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Admins
          accessPolicies:
            - policy: AmazonEKSClusterAdminPolicy
              scop: cluster
    `,
    // The item is still checked without the unknown key, so the missing scope shows too.
    errors: [['ACCESS_SCOPE_REQUIRED', 6, 17], ['UNKNOWN_KEY', 7, 9]],
  },
  {
    name: 'a misspelled key under defaults',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      defaults:
        tag: { team: platform }
    `,
    errors: [['UNKNOWN_KEY', 4, 3]],
    message: 'did you mean `tags`?',
  },
  {
    name: 'an unknown key with no close match',
    text: yaml`
      version: 1
      clusters:
        - name: prod
          region: us-east-1
          colour: blue
    `,
    errors: [['UNKNOWN_KEY', 5, 5]],
    message: 'unknown key `colour`',
  },
  // ── shape: types ─────────────────────────────────────────────────────────────────────────────
  {
    name: 'a number where a region string is expected',
    text: yaml`
      version: 1
      clusters:
        - name: prod
          region: 5
    `,
    errors: [['INVALID_TYPE', 4, 13]],
    message: '`region` must be a string, not number 5',
  },
  {
    name: 'an unquoted account id (a YAML number)',
    text: yaml`
      version: 1
      clusters:
        - name: prod
          region: us-east-1
          accountId: 111122223333
    `,
    errors: [['INVALID_TYPE', 5, 16]],
  },
  {
    name: 'prune as a string',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      prune: "yes"
    `,
    errors: [['INVALID_VALUE', 3, 8]],
    message: '`prune` must be true, false or owned, not the string "yes"',
  },
  {
    name: 'prune: owned without an owner',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      prune: owned
    `,
    errors: [['PRUNE_OWNED_WITHOUT_OWNER', 3, 1]],
    message: 'has no `owner`',
  },
  {
    name: 'an owner that is not a tag value',
    text: yaml`
      version: 1
      owner: "team#a"
      clusters: [{ name: prod, region: us-east-1 }]
    `,
    errors: [['INVALID_OWNER', 2, 8]],
    message: 'not a valid tag value',
  },
  {
    name: 'the owner tag set by hand',
    text: yaml`
      version: 1
      owner: team-a
      clusters: [{ name: prod, region: us-east-1 }]
      defaults: { tags: { eks-identity/owner: team-b } }
    `,
    errors: [['RESERVED_OWNER_TAG', 4, 21]],
    message: 'set by eks-identity',
  },
  {
    name: 'disableSessionTags as a string',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
          roleName: App
          disableSessionTags: "true"
    `,
    errors: [['INVALID_TYPE', 7, 25]],
  },
  {
    name: 'kubernetesGroups as a string',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Viewers
          kubernetesGroups: viewers
    `,
    errors: [['INVALID_TYPE', 5, 23]],
    message: '`kubernetesGroups` must be a list',
  },
  {
    name: 'a tag value that is a number',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Viewers
          tags:
            cost-center: 42
    `,
    errors: [['INVALID_TYPE', 6, 20]],
  },
  {
    name: 'clusters as a single name',
    text: yaml`
      version: 1
      clusters: prod
    `,
    errors: [['INVALID_TYPE', 2, 11]],
    message: '`clusters` must be a list',
  },
  {
    name: 'a cluster written as a bare name',
    text: yaml`
      version: 1
      clusters: [prod]
    `,
    errors: [['INVALID_TYPE', 2, 12]],
    message: '`clusters[0]` must be a mapping',
  },
  {
    name: 'a manifest that is a list',
    text: yaml`
      - version: 1
    `,
    errors: [['INVALID_TYPE', 1, 1]],
  },
  // ── shape: required fields and values ────────────────────────────────────────────────────────
  {
    name: 'no version',
    text: yaml`
      clusters: [{ name: prod, region: us-east-1 }]
    `,
    errors: [['MISSING_FIELD', 1, 1]],
    message: 'missing required field `version`',
  },
  {
    name: 'an association without namespace',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - serviceAccount: app
          roleName: App
    `,
    errors: [['MISSING_FIELD', 4, 5]],
    message: '`namespace`',
  },
  {
    name: 'an access entry without principalArn',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - type: STANDARD
    `,
    errors: [['MISSING_FIELD', 4, 5]],
    message: '`principalArn`',
  },
  {
    name: 'an access policy without policy',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Admins
          accessPolicies:
            - scope: cluster
    `,
    errors: [['MISSING_FIELD', 6, 9]],
  },
  {
    name: 'a misspelled entry type',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Admins
          type: STANDRD
    `,
    errors: [['INVALID_VALUE', 5, 11]],
    message: '(did you mean STANDARD?)',
  },
  {
    name: 'a scope other than cluster',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Admins
          accessPolicies:
            - policy: AmazonEKSViewPolicy
              scope: namespace
    `,
    errors: [['INVALID_VALUE', 7, 16]],
  },
  {
    name: 'version 2',
    text: yaml`
      version: 2
      clusters: [{ name: prod, region: us-east-1 }]
    `,
    errors: [['UNSUPPORTED_VERSION', 1, 10]],
    message: 'unsupported manifest version 2',
  },
  {
    name: 'version as a string',
    text: yaml`
      clusters: [{ name: prod, region: us-east-1 }]
      version: "1"
    `,
    errors: [['UNSUPPORTED_VERSION', 2, 10]],
  },
  // ── YAML ─────────────────────────────────────────────────────────────────────────────────────
  { name: 'an empty file', text: '', errors: [['EMPTY_FILE', 1, 1]] },
  {
    name: 'a file of comments only',
    text: yaml`
      # nothing yet
      # still nothing
    `,
    errors: [['EMPTY_FILE', 1, 1]],
  },
  {
    name: 'an unclosed flow sequence',
    text: yaml`
      version: 1
      clusters: [
    `,
    errors: [['YAML_SYNTAX', 3, 1]],
  },
  {
    name: 'a key that breaks the indentation',
    text: yaml`
      version: 1
      clusters:
        - name: prod
         region: us-east-1
    `,
    errors: [['YAML_SYNTAX', 4, 4]],
  },
  {
    name: 'two YAML documents in one file',
    text: yaml`
      version: 1
      ---
      version: 1
    `,
    errors: [['YAML_SYNTAX', 2, 1]],
  },
  {
    name: 'a key written twice',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      prune: true
      prune: false
    `,
    errors: [['DUPLICATE_YAML_KEY', 4, 1]],
  },
  // ── cross-item rules ─────────────────────────────────────────────────────────────────────────
  {
    name: 'no clusters',
    text: yaml`
      version: 1
      accessEntries: []
    `,
    errors: [['NO_CLUSTERS', 1, 1]],
  },
  {
    name: 'a cluster declared twice',
    text: yaml`
      version: 1
      clusters:
        - name: prod
          region: us-east-1
        - name: prod
          region: us-west-2
    `,
    errors: [['DUPLICATE_CLUSTER', 5, 5]],
    message: 'first at m.yaml:3:5',
  },
  {
    name: 'an association declared twice',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - { namespace: app, serviceAccount: app, roleName: App }
        - { namespace: app, serviceAccount: app, roleName: Other }
    `,
    errors: [['DUPLICATE_ASSOCIATION', 5, 5]],
    message: 'first at m.yaml:4:5',
  },
  {
    name: 'an access entry declared twice, once with variables',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1, accountId: "111122223333" }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Admins
        - principalArn: arn:\${partition}:iam::\${accountId}:role/Admins
    `,
    errors: [['DUPLICATE_ACCESS_ENTRY', 5, 5]],
    message: 'first at m.yaml:4:5',
  },
  {
    name: 'an access policy listed twice on one entry',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Dev
          accessPolicies:
            - { policy: AmazonEKSEditPolicy, namespaces: [a] }
            - { policy: AmazonEKSEditPolicy, namespaces: [b] }
    `,
    errors: [['DUPLICATE_ACCESS_POLICY', 7, 19]],
    message: 'first at m.yaml:6:19',
  },
  {
    name: 'the same access policy as a short name and as an ARN',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Dev
          accessPolicies:
            - { policy: AmazonEKSViewPolicy, scope: cluster }
            - { policy: "arn:\${partition}:eks::aws:cluster-access-policy/AmazonEKSViewPolicy", namespaces: [a] }
    `,
    errors: [['DUPLICATE_ACCESS_POLICY', 7, 19]],
    message: 'first at m.yaml:6:19',
  },
  {
    name: 'an unknown key next to a rule violation in the same item',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
          roleName: App
          roleArn: arn:aws:iam::111122223333:role/App
          team: platform
    `,
    errors: [['ROLE_NAME_AND_ARN', 7, 14], ['UNKNOWN_KEY', 8, 5]],
  },
  // ── associations ─────────────────────────────────────────────────────────────────────────────
  {
    name: 'both roleName and roleArn',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
          roleName: App
          roleArn: arn:aws:iam::111122223333:role/App
    `,
    errors: [['ROLE_NAME_AND_ARN', 7, 14]],
  },
  {
    name: 'a role block next to roleName, in a manifest without owner',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
          roleName: App
          role:
            name: app-\${clustr}
    `,
    errors: [['ROLE_BLOCK_AND_ROLE_NAME', 7, 5], ['ROLE_REQUIRES_OWNER', 7, 5], ['UNKNOWN_VARIABLE', 8, 13]],
  },
  {
    name: 'a misspelled variable inside an inline policy, next to IAM\'s own variables',
    text: yaml`
      version: 1
      owner: team-a
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
          role:
            inlinePolicies:
              read:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource: ["arn:aws:s3:::b-\${clster}/\${aws:PrincipalTag/kubernetes-namespace}/*", "arn:aws:s3:::c/\${*}"]
    `,
    errors: [['UNKNOWN_VARIABLE', 10, 11]],
  },
  {
    name: 'a role block IAM would refuse',
    text: yaml`
      version: 1
      owner: team-a
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
          role:
            path: workloads
            maxSessionDuration: 60
            managedPolicies: ['arn:aws:iam::aws:policy/NoSuchPolicyAnywhere', 'not-an-arn']
            wellKnownPolicies: [ebsCsiControler, { name: karpenterController }]
            inlinePolicies:
              bad: { Version: "2012-10-17", Statement: [{ Effect: Maybe, Action: "s3:*", Resource: "*" }] }
    `,
    errors: [
      ['INVALID_ROLE_PATH', 8, 13],
      ['INVALID_MAX_SESSION_DURATION', 9, 27],
      ['INVALID_POLICY_ARN', 10, 73],
      ['INVALID_WELL_KNOWN_POLICY', 11, 27],
      ['INVALID_WELL_KNOWN_POLICY', 11, 44],
      ['POLICY_INVALID_EFFECT', 13, 14],
    ],
  },
  {
    name: 'a well-known parameter valid as written but too long once ${cluster} expands',
    text: yaml`
      version: 1
      owner: team-a
      clusters: [{ name: production-cluster-with-a-rather-long-name-for-the-eu-west, region: eu-west-1 }]
      podIdentityAssociations:
        - namespace: karpenter
          serviceAccount: karpenter
          role:
            name: karpenter
            wellKnownPolicies:
              - name: karpenterController
                nodeRoleName: KarpenterNodeRole-\${cluster}
    `,
    errors: [['INVALID_WELL_KNOWN_POLICY', 10, 11]],
  },
  {
    name: 'an unknown key in a role block',
    text: yaml`
      version: 1
      owner: team-a
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
          role: { nmae: app }
    `,
    errors: [['UNKNOWN_KEY', 7, 13]],
  },
  {
    name: 'neither roleName nor roleArn',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
    `,
    errors: [['ROLE_NAME_OR_ARN_REQUIRED', 4, 5]],
  },
  {
    name: 'a role name with a space',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - { namespace: app, serviceAccount: app, roleName: "My Role" }
    `,
    errors: [['INVALID_ROLE_NAME', 4, 54]],
  },
  {
    name: 'a role name of 65 characters',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
          roleName: ${long(65, 'R')}
    `,
    errors: [['INVALID_ROLE_NAME', 6, 15]],
  },
  {
    name: 'a roleArn that is not an ARN',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
          roleArn: arn:aws:iam::1111:role/App
    `,
    errors: [['INVALID_ARN', 6, 14]],
    message: '`roleArn` is not a valid ARN',
  },
  {
    name: 'a targetRoleArn of a user',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
          roleName: App
          targetRoleArn: arn:aws:iam::111122223333:user/alice
    `,
    errors: [['INVALID_ARN', 7, 20]],
  },
  {
    name: 'an aws ARN for a cluster in cn-north-1',
    text: yaml`
      version: 1
      clusters: [{ name: prod-cn, region: cn-north-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
          roleArn: arn:aws:iam::111122223333:role/App
    `,
    errors: [['PARTITION_MISMATCH', 6, 14]],
    message: 'partition `aws` but cluster `prod-cn` (cn-north-1) is in `aws-cn`',
  },
  {
    name: 'a literal aws ARN on an item for clusters in two partitions',
    text: yaml`
      version: 1
      clusters:
        - { name: prod, region: us-east-1 }
        - { name: prod-cn, region: cn-north-1 }
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
          roleArn: arn:aws:iam::111122223333:role/App
    `,
    errors: [['PARTITION_MISMATCH', 8, 14]],
    message: 'cluster `prod-cn`',
  },
  {
    name: 'an aws principal for a cluster in us-gov-west-1',
    text: yaml`
      version: 1
      clusters: [{ name: gov, region: us-gov-west-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Admins
    `,
    errors: [['PARTITION_MISMATCH', 4, 19]],
    message: 'is in `aws-us-gov`',
  },
  {
    name: 'an aws-cn access policy ARN for a cluster in us-east-1',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:\${partition}:iam::111122223333:role/Admins
          accessPolicies:
            - policy: arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy
              scope: cluster
    `,
    errors: [['PARTITION_MISMATCH', 6, 17]],
  },
  {
    name: 'an unknown variable',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
          roleArn: arn:\${partition}:iam::\${account}:role/App
    `,
    errors: [['UNKNOWN_VARIABLE', 6, 14]],
    message: 'unknown variable `${account}`',
  },
  {
    name: 'a session policy without disableSessionTags',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
          roleName: App
          policy:
            Version: "2012-10-17"
            Statement: []
    `,
    errors: [['POLICY_REQUIRES_DISABLE_SESSION_TAGS', 8, 7]],
  },
  {
    name: 'a session policy with disableSessionTags: false',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
          roleName: App
          disableSessionTags: false
          policy: { Version: "2012-10-17", Statement: [] }
    `,
    errors: [['POLICY_REQUIRES_DISABLE_SESSION_TAGS', 8, 13]],
  },
  {
    name: 'an upper-case namespace',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: Billing
          serviceAccount: app
          roleName: App
    `,
    errors: [['INVALID_NAMESPACE', 4, 16]],
  },
  {
    name: 'a namespace of 64 characters',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: ${long(64)}
          serviceAccount: app
          roleName: App
    `,
    errors: [['INVALID_NAMESPACE', 4, 16]],
  },
  {
    name: 'a service account with an underscore',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: my_app
          roleName: App
    `,
    errors: [['INVALID_SERVICE_ACCOUNT', 5, 21]],
  },
  {
    name: 'a service account of 254 characters',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: ${long(254)}
          roleName: App
    `,
    errors: [['INVALID_SERVICE_ACCOUNT', 5, 21]],
  },
  {
    name: 'a selector naming an undeclared cluster',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
          roleName: App
          clusters: [prod, staging]
    `,
    errors: [['UNKNOWN_CLUSTER', 7, 22]],
    message: 'cluster `staging` is not declared',
  },
  // ── tags ─────────────────────────────────────────────────────────────────────────────────────
  {
    name: '51 tags',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
          roleName: App
          tags: ${manyTags(51)}
    `,
    errors: [['TOO_MANY_TAGS', 7, 11]],
  },
  {
    name: 'a tag key of 129 characters',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: app
          serviceAccount: app
          roleName: App
          tags:
            team: platform
            ${long(129, 'k')}: v
    `,
    errors: [['TAG_KEY_TOO_LONG', 9, 7]],
  },
  {
    name: 'a tag value of 257 characters',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Admins
          tags:
            note: ${long(257, 'v')}
    `,
    errors: [['TAG_VALUE_TOO_LONG', 6, 7]],
  },
  {
    name: 'a tag key with the aws: prefix',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Admins
          tags:
            team: platform
            aws:owner: me
    `,
    errors: [['RESERVED_TAG_PREFIX', 7, 7]],
  },
  {
    name: 'a default tag with the AWS: prefix',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      defaults:
        tags: { "AWS:created-by": me }
    `,
    errors: [['RESERVED_TAG_PREFIX', 4, 11]],
  },
  // ── access entries ───────────────────────────────────────────────────────────────────────────
  {
    name: 'a principal that is a group',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:group/Admins
    `,
    errors: [['INVALID_ARN', 4, 19]],
  },
  {
    name: 'groups on an EC2_LINUX entry',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Nodes
          type: EC2_LINUX
          kubernetesGroups: [nodes]
    `,
    errors: [['GROUPS_ON_NODE_TYPE', 6, 23]],
  },
  {
    name: 'a username on a FARGATE_LINUX entry',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Pods
          type: FARGATE_LINUX
          username: fargate
    `,
    errors: [['USERNAME_ON_NODE_TYPE', 6, 15]],
  },
  {
    name: 'access policies on an EC2_WINDOWS entry',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/WinNodes
          type: EC2_WINDOWS
          accessPolicies:
            - { policy: AmazonEKSViewPolicy, scope: cluster }
    `,
    errors: [['ACCESS_POLICIES_ON_NODE_TYPE', 7, 7]],
  },
  {
    name: 'access policies on a HYPERPOD_LINUX entry',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/HyperPodNodes
          type: HYPERPOD_LINUX
          accessPolicies: [{ policy: AmazonEKSViewPolicy, scope: cluster }]
    `,
    errors: [['ACCESS_POLICIES_ON_NODE_TYPE', 6, 21]],
  },
  {
    name: 'the system:masters group',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Admins
          kubernetesGroups: [viewers, system:masters]
    `,
    errors: [['RESERVED_GROUP_PREFIX', 5, 33]],
    message: 'reserved prefix `system:`',
  },
  {
    name: 'a blank Kubernetes group',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Admins
          kubernetesGroups: [viewers, "  "]
    `,
    errors: [['INVALID_GROUP', 5, 33]],
    message: 'group name is empty',
  },
  ...['system:', 'eks:', 'aws:', 'amazon:', 'iam:'].map(
    (prefix): Case => ({
      name: `a username starting with ${prefix}`,
      text: yaml`
        version: 1
        clusters: [{ name: prod, region: us-east-1 }]
        accessEntries:
          - principalArn: arn:aws:iam::111122223333:role/Admins
            username: "${prefix}admin"
      `,
      errors: [['RESERVED_USERNAME_PREFIX', 5, 15]],
      message: `reserved prefix \`${prefix}\``,
    }),
  ),
  {
    name: 'namespaces: []',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Dev
          accessPolicies:
            - policy: AmazonEKSEditPolicy
              namespaces: []
    `,
    errors: [['EMPTY_NAMESPACES', 7, 21]],
  },
  {
    name: 'both scope and namespaces',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Dev
          accessPolicies:
            - policy: AmazonEKSEditPolicy
              scope: cluster
              namespaces: [team-a]
    `,
    errors: [['SCOPE_AND_NAMESPACES', 8, 21]],
  },
  {
    name: 'an access policy without a scope',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Dev
          accessPolicies:
            - policy: AmazonEKSEditPolicy
    `,
    errors: [['ACCESS_SCOPE_REQUIRED', 6, 17]],
  },
  {
    name: 'an invalid namespace in a policy scope',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Dev
          accessPolicies:
            - policy: AmazonEKSEditPolicy
              namespaces: [team-a, Team_B, "team-*"]
    `,
    errors: [['INVALID_NAMESPACE', 7, 30]],
  },
  {
    name: 'an access policy name with a hyphen',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Dev
          accessPolicies:
            - { policy: Amazon-EKS-View, scope: cluster }
    `,
    errors: [['INVALID_ACCESS_POLICY', 6, 19]],
  },
  {
    name: 'an access policy ARN of another service',
    text: yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Dev
          accessPolicies:
            - { policy: "arn:aws:iam::aws:policy/ReadOnlyAccess", scope: cluster }
    `,
    errors: [['INVALID_ARN', 6, 19]],
  },
  // ── clusters ─────────────────────────────────────────────────────────────────────────────────
  {
    name: 'a cluster name with a dot',
    text: yaml`
      version: 1
      clusters:
        - name: prod.eu
          region: eu-west-1
    `,
    errors: [['INVALID_CLUSTER_NAME', 3, 11]],
  },
  {
    name: 'a region that is an availability zone',
    text: yaml`
      version: 1
      clusters:
        - name: prod
          region: us-east-1a
    `,
    errors: [['INVALID_REGION', 4, 13]],
  },
  {
    name: 'an ISO region, whose partition this tool does not know',
    text: yaml`
      version: 1
      clusters:
        - name: secret
          region: us-iso-east-1
    `,
    errors: [['INVALID_REGION', 4, 13]],
    message: 'aws, aws-cn or aws-us-gov',
  },
  {
    name: 'an account id of 11 digits',
    text: yaml`
      version: 1
      clusters:
        - name: prod
          region: us-east-1
          accountId: "11112222333"
    `,
    errors: [['INVALID_ACCOUNT_ID', 5, 16]],
  },
  {
    name: 'an assumeRoleArn in the wrong partition',
    text: yaml`
      version: 1
      clusters:
        - name: prod-cn
          region: cn-northwest-1
          assumeRoleArn: arn:aws:iam::111122223333:role/Apply
    `,
    errors: [['PARTITION_MISMATCH', 5, 20]],
  },
];

const errorsOf = (diagnostics: ManifestDiagnostic[]) =>
  diagnostics.filter((d) => d.severity === 'error').map((d): [string, number, number] => [d.code, d.location.line, d.location.column]);

describe('GIVEN an invalid manifest', () => {
  it('THEN the table covers at least 45 manifests', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
  });

  it.each(cases.map((c) => [c.name, c] as const))('WHEN it has %s THEN exactly the expected errors are reported at their line and column', (_name, c) => {
    const result = parseManifestText(c.text, 'm.yaml');
    expect(result.ok).toBe(false);
    expect(errorsOf(result.diagnostics)).toEqual(c.errors);
    for (const d of result.diagnostics) {
      expect(d.location.file).toBe('m.yaml');
      expect(d.message.length).toBeGreaterThan(0);
    }
    if (c.message) expect(result.diagnostics[0]?.message).toContain(c.message);
  });
});

describe('GIVEN a manifest with several errors', () => {
  const text = yaml`
    version: 1
    clusters:
      - name: prod
        region: us-east-1
      - name: prod-cn
        region: cn-north-1
    podIdentityAssociations:
      - namespace: Billing
        serviceAccount: app
      - namespace: app
        serviceAccount: app
        roleArn: arn:aws:iam::111122223333:role/App
        policy: { Version: "2012-10-17" }
    accessEntries:
      - principalArn: arn:\${partition}:iam::111122223333:role/Nodes
        type: EC2_LINUX
        username: system:node
        tags: { aws:team: x }
        clusters: [prod, staging]
      - principalArn: arn:aws:iam::111122223333:role/Admins
        accessPoliceis: []
  `;

  it('WHEN it is validated THEN every error is reported, in file order, not only the first', () => {
    const result = parseManifestText(text, 'm.yaml');
    expect(result.ok).toBe(false);
    expect(errorsOf(result.diagnostics)).toEqual([
      ['ROLE_NAME_OR_ARN_REQUIRED', 8, 5],
      ['INVALID_NAMESPACE', 8, 16],
      ['PARTITION_MISMATCH', 12, 14],
      ['POLICY_REQUIRES_DISABLE_SESSION_TAGS', 13, 13],
      ['RESERVED_USERNAME_PREFIX', 17, 15],
      ['USERNAME_ON_NODE_TYPE', 17, 15],
      ['RESERVED_TAG_PREFIX', 18, 13],
      ['UNKNOWN_CLUSTER', 19, 22],
      ['PARTITION_MISMATCH', 20, 19],
      ['UNKNOWN_KEY', 21, 5],
    ]);
  });
});

describe('GIVEN a manifest split over several files', () => {
  const clusters = yaml`
    version: 1
    clusters:
      - name: prod
        region: us-east-1
    prune: true
    defaults:
      tags: { managed-by: eks-identity }
  `;

  const check = (second: string) => parseManifestTexts([
    { file: 'a.yaml', text: clusters },
    { file: 'b.yaml', text: second },
  ]);
  const only = (result: ReturnType<typeof check>) => {
    expect(result.ok).toBe(false);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    return errors[0]!;
  };

  it('WHEN both declare the same cluster THEN DUPLICATE_CLUSTER names both files', () => {
    const d = only(check(yaml`
      version: 1
      clusters:
        - name: other
          region: eu-west-1
        - name: prod
          region: us-east-1
    `));
    expect(d.code).toBe('DUPLICATE_CLUSTER');
    expect(d.location).toEqual({ file: 'b.yaml', line: 5, column: 5 });
    expect(d.related).toEqual([{ file: 'a.yaml', line: 3, column: 5 }]);
    expect(d.message).toContain('first at a.yaml:3:5');
  });

  it('WHEN both set prune THEN DUPLICATE_SETTING names both files', () => {
    const d = only(check(yaml`
      version: 1
      prune: false
    `));
    expect(d.code).toBe('DUPLICATE_SETTING');
    expect(d.location).toEqual({ file: 'b.yaml', line: 2, column: 1 });
    expect(d.related).toEqual([{ file: 'a.yaml', line: 5, column: 1 }]);
  });

  it('WHEN both set defaults THEN DUPLICATE_SETTING names both files', () => {
    const d = only(check(yaml`
      version: 1

      defaults:
        tags: { team: a }
    `));
    expect(d.code).toBe('DUPLICATE_SETTING');
    expect(d.location).toEqual({ file: 'b.yaml', line: 3, column: 1 });
    expect(d.related).toEqual([{ file: 'a.yaml', line: 6, column: 1 }]);
  });

  it('WHEN an association is declared in both THEN DUPLICATE_ASSOCIATION names both files', () => {
    const association = yaml`
      version: 1
      podIdentityAssociations:
        - namespace: karpenter
          serviceAccount: karpenter
          roleName: KarpenterController
    `;
    const result = parseManifestTexts([
      { file: 'a.yaml', text: clusters },
      { file: 'b.yaml', text: association },
      { file: 'c.yaml', text: `# the same again\n${association}` },
    ]);
    const d = only(result);
    expect(d.code).toBe('DUPLICATE_ASSOCIATION');
    expect(d.location).toEqual({ file: 'c.yaml', line: 4, column: 5 });
    expect(d.related).toEqual([{ file: 'b.yaml', line: 3, column: 5 }]);
  });

  it('WHEN an access entry is declared in both THEN DUPLICATE_ACCESS_ENTRY names both files', () => {
    const entry = yaml`
      version: 1
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/Admins
    `;
    const d = only(parseManifestTexts([
      { file: 'a.yaml', text: clusters },
      { file: 'b.yaml', text: entry },
      { file: 'c.yaml', text: entry },
    ]));
    expect(d.code).toBe('DUPLICATE_ACCESS_ENTRY');
    expect(d.location).toEqual({ file: 'c.yaml', line: 3, column: 5 });
    expect(d.related).toEqual([{ file: 'b.yaml', line: 3, column: 5 }]);
  });

  it('WHEN the same item is narrowed to different clusters THEN it is not a duplicate', () => {
    const result = parseManifestTexts([
      { file: 'a.yaml', text: yaml`
        version: 1
        clusters: [{ name: prod, region: us-east-1 }, { name: prod-cn, region: cn-north-1 }]
        podIdentityAssociations:
          - { namespace: app, serviceAccount: app, roleName: App, clusters: [prod] }
          - { namespace: app, serviceAccount: app, roleName: AppCn, clusters: [prod-cn] }
      ` },
    ]);
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('WHEN a selector in one file names a cluster declared in another THEN it is known', () => {
    const result = check(yaml`
      version: 1
      podIdentityAssociations:
        - { namespace: app, serviceAccount: app, roleName: App, clusters: [prod] }
    `);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('GIVEN values at the Kubernetes and EKS limits', () => {
  it('WHEN a namespace has 63 characters and a service account 253 THEN they are valid', () => {
    const sa = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    expect(sa).toHaveLength(253);
    const result = parseManifestText(yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      podIdentityAssociations:
        - namespace: ${'n'.repeat(63)}
          serviceAccount: ${sa}
          roleName: path/to/${'R'.repeat(64)}
          tags: ${manyTags(50)}
    `, 'm.yaml');
    expect(result.diagnostics).toEqual([]);
  });

  it('WHEN a tag key has 128 characters and a value 256 THEN they are valid', () => {
    const result = parseManifestText(yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:user/alice
          tags:
            ${long(128, 'k')}: ${long(256, 'v')}
    `, 'm.yaml');
    expect(result.diagnostics).toEqual([]);
  });

  it('WHEN an EC2 (Auto Mode) entry has the Auto Mode node policy THEN that is allowed', () => {
    const result = parseManifestText(yaml`
      version: 1
      clusters: [{ name: prod, region: us-east-1 }]
      accessEntries:
        - principalArn: arn:aws:iam::111122223333:role/AutoNodes
          type: EC2
          accessPolicies: [{ policy: AmazonEKSAutoNodePolicy, scope: cluster }]
    `, 'm.yaml');
    expect(result.diagnostics).toEqual([]);
  });
});
