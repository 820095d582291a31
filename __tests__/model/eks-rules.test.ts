/** The shared EKS rules as the library exports them: pure data in, problems out. */
import { accessEntryProblems, bundledAccessPolicies, bundledAccessPolicyNames, sessionPolicyProblems, suggestAccessPolicy, tagProblems, usernameProblems } from '../../src/index.js';
import { scopeNamespaceProblems } from '../../src/model/api-limits.js';
import { usernameProblem } from '../../src/migrate/aws-auth.js';

const codes = (problems: Array<{ code: string }>) => problems.map((p) => p.code);

describe('GIVEN the bundled access-policy catalog', () => {
  it('WHEN listed per partition THEN names are sorted, unique, and each ARN is in that partition', () => {
    for (const partition of ['aws', 'aws-cn', 'aws-us-gov'] as const) {
      const list = bundledAccessPolicies(partition);
      const names = list.map((p) => p.name);
      expect(names).toEqual([...new Set(names)].sort());
      expect(list.every((p) => p.arn === `arn:${partition}:eks::aws:cluster-access-policy/${p.name}`)).toBe(true);
    }
  });

  it.each([
    ['AmazonEKSClusterAdmin', 'AmazonEKSClusterAdminPolicy'],
    ['ClusterAdmin', 'AmazonEKSClusterAdminPolicy'],
    ['AmazonEKSViewPolcy', 'AmazonEKSViewPolicy'],
    ['arn:aws:eks::aws:cluster-access-policy/AmazonEMRJob', 'AmazonEMRJobPolicy'],
    ['amazoneksadminviewpolicy', 'AmazonEKSAdminViewPolicy'],
  ])('WHEN %s is looked up THEN the suggestion is %s', (name, expected) => {
    expect(suggestAccessPolicy(name, bundledAccessPolicyNames('aws'))).toBe(expected);
  });

  it('WHEN a name is nothing like a policy THEN there is no suggestion', () => {
    expect(suggestAccessPolicy('TotallyDifferentThing', bundledAccessPolicyNames('aws'))).toBeUndefined();
  });
});

describe('GIVEN the per-type access entry rules', () => {
  const role = 'arn:aws:iam::111122223333:role/Nodes';
  it('WHEN a STANDARD entry names a role of another account THEN that is allowed', () => {
    expect(accessEntryProblems({ type: 'STANDARD', principalArn: 'arn:aws:iam::999988887777:role/X', clusterAccountId: '111122223333', accessPolicyCount: 2 })).toEqual([]);
  });

  it('WHEN a node type breaks every rule at once THEN each is named with its field', () => {
    const problems = accessEntryProblems({ type: 'FARGATE_LINUX', principalArn: 'arn:aws:iam::999988887777:user/u', clusterAccountId: '111122223333', username: 'x', kubernetesGroups: ['g'], accessPolicyCount: 1 });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['principalArn', 'USER_ON_NODE_TYPE'],
      ['principalArn', 'NODE_TYPE_OTHER_ACCOUNT'],
      ['kubernetesGroups', 'GROUPS_ON_NODE_TYPE'],
      ['username', 'USERNAME_ON_NODE_TYPE'],
      ['accessPolicies', 'ACCESS_POLICIES_ON_NODE_TYPE'],
    ]);
  });

  it('WHEN the cluster account is unknown THEN the account rule is left for later', () => {
    expect(accessEntryProblems({ type: 'EC2_LINUX', principalArn: 'arn:aws:iam::999988887777:role/Nodes' })).toEqual([]);
  });

  it('WHEN an EC2 (Auto Mode) entry has a policy THEN that is allowed', () => {
    expect(accessEntryProblems({ type: 'EC2', principalArn: role, clusterAccountId: '111122223333', accessPolicyCount: 1 })).toEqual([]);
  });
});

describe('GIVEN the limits', () => {
  it('WHEN a session policy is at 2,048 and 2,049 characters THEN only the second is too long', () => {
    expect(sessionPolicyProblems('x'.repeat(2048))).toEqual([]);
    expect(codes(sessionPolicyProblems('x'.repeat(2049)))).toEqual(['SESSION_POLICY_TOO_LONG']);
    expect(sessionPolicyProblems('\t\r\n é ÿ')).toEqual([]);
    expect(codes(sessionPolicyProblems('Ā'))).toEqual(['SESSION_POLICY_INVALID_CHARACTER']);
  });

  it('WHEN tags are at and over the limits THEN only those over are named, with their key', () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    expect(tagProblems({ ...fifty })).toEqual([]);
    expect(tagProblems({ ...fifty, extra: 'v' }).map((p) => [p.code, p.key])).toEqual([['TOO_MANY_TAGS', undefined]]);
    expect(tagProblems({ ['k'.repeat(128)]: 'v'.repeat(256) })).toEqual([]);
    expect(tagProblems({ ['k'.repeat(129)]: 'v'.repeat(257), 'Aws:x': '' }).map((p) => p.code)).toEqual(['TAG_KEY_TOO_LONG', 'TAG_VALUE_TOO_LONG', 'RESERVED_TAG_PREFIX']);
  });

  it.each([
    ['admin:{{SessionName}}', []],
    ['jo:hn{{SessionNameRaw}}', []],
    ['john{{SessionName}}', ['USERNAME_SESSION_NAME_COLON']],
    ['eks:me', ['RESERVED_USERNAME_PREFIX']],
    ['plain', []],
  ])('WHEN the username is %s THEN the problems are %j', (username, expected) => {
    expect(codes(usernameProblems(username))).toEqual(expected);
  });

  it.each([['*', true], ['team-*', true], ['team-a', true], ['Team*', false], ['a_b', false], [`${'n'.repeat(64)}`, false]])('WHEN a scope namespace is %s THEN valid is %s', (ns, valid) => {
    expect(scopeNamespaceProblems(ns).length === 0).toBe(valid);
  });
});

describe('GIVEN an aws-auth username being migrated', () => {
  const at = { file: 'cm.yaml', line: 1, column: 1 };
  it.each([
    [':john{{SessionName}}', undefined],
    ['jo:hn{{SessionNameRaw}}', undefined],
    ['john{{SessionName}}', 'without a colon before it'],
    ['system:admin', 'reserved prefix `system:`'],
    ['{{EC2PrivateDNSName}}', 'do not expand {{EC2PrivateDNSName}}'],
  ])('WHEN it is %s THEN the migration keeps it or says why not (%s)', (value, problem) => {
    const result = usernameProblem({ value, source: at }, 'role');
    if (problem === undefined) expect(result).toBeUndefined();
    else expect(result).toContain(problem);
  });
});
