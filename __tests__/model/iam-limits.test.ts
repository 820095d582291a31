/** IAM's limits as pure checks: data in, problems out. */
import {
  checkIamRole,
  checkIamTags,
  checkManagedPolicySize,
  checkMaxSessionDuration,
  checkPolicyArn,
  checkPolicyDocument,
  checkPolicyName,
  checkRoleDescription,
  checkRoleName,
  checkRolePath,
  checkRolePolicySizes,
  IAM_LIMITS,
  policyLength,
} from '../../src/model/iam-limits.js';
import { AWS_MANAGED_POLICIES, awsManagedPolicyArn, findAwsManagedPolicy, isAwsManagedPolicyArn, suggestAwsManagedPolicy } from '../../src/model/aws-managed-policies.js';

const codes = (problems: Array<{ code: string }>) => problems.map((p) => p.code);
const TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] };
const READ = { Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::orders/*' }] };

describe('GIVEN names, paths and scalar role fields', () => {
  it.each([
    ['orders-api', []],
    ['a'.repeat(64), []],
    ['a'.repeat(65), ['INVALID_ROLE_NAME']],
    ['', ['INVALID_ROLE_NAME']],
    ['has space', ['INVALID_ROLE_NAME']],
    ['x+=,.@_-9', []],
    ['slash/name', ['INVALID_ROLE_NAME']],
  ])('WHEN the role name is %j THEN problems are %j', (name, expected) => {
    expect(codes(checkRoleName(name))).toEqual(expected);
  });

  it('WHEN a policy name has 128 or 129 characters THEN only the longer one is refused, as a ValidationError', () => {
    expect(checkPolicyName('p'.repeat(128))).toEqual([]);
    expect(checkPolicyName('p'.repeat(129))).toMatchObject([{ code: 'INVALID_POLICY_NAME', iamError: 'ValidationError' }]);
  });

  it.each([
    ['/', true],
    ['/workloads/', true],
    ['/a/b/', true],
    ['workloads/', false],
    ['/workloads', false],
    ['/with space/', false],
    ['', false],
    [`/${'a'.repeat(510)}/`, true],
    [`/${'a'.repeat(511)}/`, false],
  ])('WHEN the path is %j THEN valid is %s', (path, valid) => {
    expect(checkRolePath(path).length === 0).toBe(valid);
  });

  it('WHEN the description is long or holds characters outside IAM\'s set THEN each is a problem', () => {
    expect(checkRoleDescription('Orders API (prod) — reads')).toMatchObject([{ code: 'ROLE_DESCRIPTION_INVALID_CHARACTER' }]);
    expect(checkRoleDescription('café ok\ttab')).toEqual([]);
    expect(codes(checkRoleDescription('d'.repeat(1001)))).toEqual(['ROLE_DESCRIPTION_TOO_LONG']);
    expect(checkRoleDescription('d'.repeat(1000))).toEqual([]);
  });

  it.each([
    [3600, true],
    [43200, true],
    [3599, false],
    [43201, false],
    [3600.5, false],
  ])('WHEN maxSessionDuration is %s THEN valid is %s', (seconds, valid) => {
    expect(checkMaxSessionDuration(seconds).length === 0).toBe(valid);
  });

  it('WHEN a policy ARN is checked THEN AWS managed and customer ARNs pass and anything else is InvalidInput', () => {
    expect(checkPolicyArn('arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy')).toEqual([]);
    expect(checkPolicyArn('arn:aws-cn:iam::111122223333:policy/boundary')).toEqual([]);
    expect(checkPolicyArn('arn:aws:iam::111122223333:role/boundary')).toMatchObject([{ code: 'INVALID_POLICY_ARN', iamError: 'InvalidInput' }]);
    expect(codes(checkPolicyArn('AmazonS3ReadOnlyAccess'))).toEqual(['INVALID_POLICY_ARN']);
  });
});

describe('GIVEN tags', () => {
  it('WHEN keys and values break IAM\'s rules THEN each problem names its key', () => {
    const problems = checkIamTags({ ok: 'fine value', 'aws:owner': 'x', ['k'.repeat(129)]: 'v', 'bad*key': 'v', good: 'bad#value', long: 'v'.repeat(257) });
    expect(problems.map((p) => [p.code, p.at?.slice(0, 10)])).toEqual([
      ['RESERVED_TAG_PREFIX', 'aws:owner'],
      ['TAG_KEY_TOO_LONG', 'kkkkkkkkkk'],
      ['TAG_KEY_INVALID_CHARACTER', 'bad*key'],
      ['TAG_VALUE_INVALID_CHARACTER', 'good'],
      ['TAG_VALUE_TOO_LONG', 'long'],
    ]);
    expect(problems[0]!.iamError).toBe('InvalidInput');
  });

  it('WHEN there are 50 or 51 tags THEN only 51 is too many; an empty value and unicode letters are allowed', () => {
    const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, '']));
    expect(checkIamTags(tags(50))).toEqual([]);
    expect(codes(checkIamTags(tags(51)))).toEqual(['TOO_MANY_TAGS']);
    expect(checkIamTags({ équipe: 'café/été:1=2+3-4@5' })).toEqual([]);
  });
});

describe('GIVEN policy documents', () => {
  it('WHEN a valid trust and a valid permissions policy are checked, as objects or text THEN there is no problem', () => {
    expect(checkPolicyDocument(TRUST, 'trust')).toEqual([]);
    expect(checkPolicyDocument(JSON.stringify(READ, null, 2), 'inline')).toEqual([]);
    expect(checkPolicyDocument({ Statement: { Effect: 'Deny', NotAction: 'iam:*', NotResource: ['*'], Condition: { Bool: { 'aws:SecureTransport': false } } } }, 'managed')).toEqual([]);
  });

  it('WHEN the text is not JSON THEN one POLICY_INVALID_JSON as MalformedPolicyDocument', () => {
    expect(checkPolicyDocument('{"Statement": [', 'inline')).toMatchObject([{ code: 'POLICY_INVALID_JSON', iamError: 'MalformedPolicyDocument' }]);
  });

  it('WHEN a permissions policy names a principal and has no resource THEN both are problems located in the statement', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject' }] };
    expect(checkPolicyDocument(doc, 'inline').map((p) => [p.code, p.at])).toEqual([
      ['POLICY_PROHIBITED_ELEMENT', 'Statement[0].Principal'],
      ['POLICY_MISSING_RESOURCE', 'Statement[0]'],
    ]);
  });

  it('WHEN a trust policy names a resource and no principal THEN both are problems', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };
    expect(codes(checkPolicyDocument(doc, 'trust'))).toEqual(['POLICY_PROHIBITED_ELEMENT', 'POLICY_MISSING_PRINCIPAL']);
  });

  it('WHEN elements are wrong THEN each is reported with its own code', () => {
    const doc = {
      Version: '2012-10-18',
      Extra: 1,
      Statement: [
        { Sid: 'with-dash', Effect: 'allow', Action: 'GetObject', Resource: 'bucket', Conditions: {} },
        { Sid: 'A', Effect: 'Allow', Action: [], Resource: '*', Condition: { StringEquals: 'x' } },
        { Sid: 'A', Effect: 'Deny', Action: '*', NotAction: 's3:*', Resource: '*' },
      ],
    };
    expect(codes(checkPolicyDocument(doc, 'inline')).sort()).toEqual(
      [
        'POLICY_UNKNOWN_ELEMENT',
        'POLICY_INVALID_VERSION',
        'POLICY_UNKNOWN_ELEMENT',
        'POLICY_INVALID_SID',
        'POLICY_INVALID_EFFECT',
        'POLICY_INVALID_ACTION',
        'POLICY_INVALID_RESOURCE',
        'POLICY_INVALID_ACTION',
        'POLICY_INVALID_CONDITION',
        'POLICY_MISSING_ACTION',
        'POLICY_DUPLICATE_SID',
      ].sort(),
    );
  });

  it('WHEN a document is not an object, has no statement or holds a character beyond U+00FF THEN it is refused', () => {
    expect(codes(checkPolicyDocument([READ], 'inline'))).toEqual(['POLICY_NOT_OBJECT']);
    expect(codes(checkPolicyDocument({ Version: '2012-10-17', Statement: [] }, 'inline'))).toEqual(['POLICY_MISSING_STATEMENT']);
    expect(codes(checkPolicyDocument({ ...READ, Id: 'naïve ✓' }, 'inline'))).toEqual(['POLICY_INVALID_CHARACTER']);
  });

  it('WHEN the text exceeds 131,072 characters THEN it is a ValidationError before anything else', () => {
    const text = JSON.stringify(READ) + ' '.repeat(IAM_LIMITS.policyDocumentText.max);
    expect(checkPolicyDocument(text, 'inline')).toMatchObject([{ code: 'POLICY_TEXT_TOO_LONG', iamError: 'ValidationError' }]);
  });
});

describe('GIVEN the quotas IAM counts without whitespace', () => {
  it('WHEN policyLength counts text THEN whitespace between tokens is not counted and whitespace in strings is', () => {
    expect(policyLength('{ "a" : "b c" }')).toBe('{"a":"b c"}'.length);
    expect(policyLength('{\n\t"k": "x\\" y"\r\n}')).toBe('{"k":"x\\" y"}'.length);
    expect(policyLength(READ)).toBe(JSON.stringify(READ).length);
  });

  const statementOf = (n: number) => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'b'.repeat(n)}/*` });

  it('WHEN the trust policy is just over 2,048 characters THEN TRUST_POLICY_TOO_LONG says the quota is adjustable, and a raised quota lets it pass', () => {
    const base = policyLength({ ...TRUST, Statement: [{ ...TRUST.Statement[0], Condition: { StringEquals: { 'aws:RequestTag/eks-cluster-name': '' } } }] });
    const trust = { ...TRUST, Statement: [{ ...TRUST.Statement[0], Condition: { StringEquals: { 'aws:RequestTag/eks-cluster-name': 'c'.repeat(2048 - base + 1) } } }] };
    expect(policyLength(trust)).toBe(2049);
    const [problem] = checkRolePolicySizes({ trust });
    expect(problem).toMatchObject({ code: 'TRUST_POLICY_TOO_LONG', iamError: 'LimitExceeded' });
    expect(problem!.message).toMatch(/adjustable/);
    expect(checkRolePolicySizes({ trust }, { trustPolicyLength: 4096 })).toEqual([]);
  });

  it('WHEN inline policies together pass 10,240 characters THEN INLINE_POLICIES_TOO_LONG, though each alone fits', () => {
    const one = { Version: '2012-10-17', Statement: [statementOf(5100)] };
    expect(checkRolePolicySizes({ inline: { a: one } })).toEqual([]);
    expect(codes(checkRolePolicySizes({ inline: { a: one, b: JSON.stringify(one, null, 8) } }))).toEqual(['INLINE_POLICIES_TOO_LONG']);
  });

  it('WHEN 11 managed policies are attached THEN too many by default, fine with a quota of 20; duplicates count once', () => {
    const arns = AWS_MANAGED_POLICIES.slice(0, 11).map((p) => awsManagedPolicyArn('aws', p.name));
    expect(codes(checkRolePolicySizes({ managedArns: arns }))).toEqual(['TOO_MANY_MANAGED_POLICIES']);
    expect(checkRolePolicySizes({ managedArns: arns }, { managedPoliciesPerRole: 20 })).toEqual([]);
    expect(checkRolePolicySizes({ managedArns: [...arns.slice(0, 10), arns[0]!] })).toEqual([]);
  });

  it('WHEN a managed policy passes 6,144 characters THEN MANAGED_POLICY_TOO_LONG', () => {
    expect(checkManagedPolicySize({ Version: '2012-10-17', Statement: [statementOf(100)] })).toEqual([]);
    expect(codes(checkManagedPolicySize({ Version: '2012-10-17', Statement: [statementOf(6144)] }))).toEqual(['MANAGED_POLICY_TOO_LONG']);
  });
});

describe('GIVEN the AWS managed policy catalog', () => {
  it('WHEN listed THEN names are sorted and unique, and paths start and end with /', () => {
    const names = AWS_MANAGED_POLICIES.map((p) => p.name);
    expect(names).toEqual([...new Set(names)].sort());
    expect(AWS_MANAGED_POLICIES.every((p) => /^\/(?:[A-Za-z-]+\/)*$/.test(p.path))).toBe(true);
  });

  it.each([
    'AmazonEBSCSIDriverPolicy',
    'AmazonEFSCSIDriverPolicy',
    'CloudWatchAgentServerPolicy',
    'AWSXrayWriteOnlyAccess',
    'AmazonEKS_CNI_Policy',
    'AmazonS3ReadOnlyAccess',
    'ReadOnlyAccess',
    'AdministratorAccess',
    'AmazonS3FullAccess',
    'AmazonDynamoDBReadOnlyAccess',
    'AmazonSSMReadOnlyAccess',
    'SecretsManagerReadWrite',
    'AmazonEC2ContainerRegistryReadOnly',
    'AmazonEC2ContainerRegistryPowerUser',
  ])('WHEN %s is looked up by the ARN built for it THEN it is found in every partition', (name) => {
    for (const partition of ['aws', 'aws-cn', 'aws-us-gov']) {
      expect(findAwsManagedPolicy(awsManagedPolicyArn(partition, name))?.name).toBe(name);
    }
  });

  it('WHEN the CSI driver policies are named without their path THEN they are not found (IAM would answer NoSuchEntity)', () => {
    expect(awsManagedPolicyArn('aws', 'AmazonEBSCSIDriverPolicy')).toBe('arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy');
    expect(findAwsManagedPolicy('arn:aws:iam::aws:policy/AmazonEBSCSIDriverPolicy')).toBeUndefined();
    expect(findAwsManagedPolicy('arn:aws:iam::111122223333:policy/AmazonS3ReadOnlyAccess')).toBeUndefined();
    expect(isAwsManagedPolicyArn('arn:aws:iam::aws:policy/NotInTheCatalog')).toBe(true);
    expect(isAwsManagedPolicyArn('arn:aws:iam::111122223333:policy/x')).toBe(false);
  });
});

describe('GIVEN an AWS managed policy ARN the catalog does not hold', () => {
  it.each([
    ['arn:aws:iam::aws:policy/AmazonEBSCSIDriverPolicy', 'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy'],
    ['arn:aws-cn:iam::aws:policy/AmazonS3ReadOnlyAcess', 'arn:aws-cn:iam::aws:policy/AmazonS3ReadOnlyAccess'],
    ['arn:aws:iam::aws:policy/service-role/ReadOnlyAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
    ['arn:aws:iam::aws:policy/SomethingElseEntirely', undefined],
    ['arn:aws:iam::111122223333:policy/AmazonS3ReadOnlyAccess', undefined],
  ])('WHEN %s is suggested for THEN the answer is %s', (arn, expected) => {
    expect(suggestAwsManagedPolicy(arn)).toBe(expected);
  });
});

describe('GIVEN a whole role definition', () => {
  it('WHEN it is valid THEN checkIamRole finds nothing', () => {
    expect(checkIamRole({ name: 'orders-api', path: '/workloads/', description: 'd', maxSessionDuration: 3600, tags: { team: 'orders' }, trust: TRUST, inline: { read: READ }, managedArns: [awsManagedPolicyArn('aws', 'AmazonS3ReadOnlyAccess')], permissionsBoundary: 'arn:aws:iam::111122223333:policy/boundary' })).toEqual([]);
  });

  it('WHEN several fields are wrong THEN each problem names its field, and an inline one its policy', () => {
    const problems = checkIamRole({
      name: 'x'.repeat(65),
      path: 'workloads',
      maxSessionDuration: 60,
      tags: { 'aws:x': 'y' },
      trust: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] },
      inline: { 'read/all': READ, ok: { Statement: [{ Effect: 'Allow', Action: 's3:*' }] } },
      managedArns: [...AWS_MANAGED_POLICIES.slice(0, 11).map((p) => awsManagedPolicyArn('aws', p.name))],
      permissionsBoundary: 'boundary',
    });
    expect(problems.map((p) => [p.field, p.code, p.policy])).toEqual([
      ['name', 'INVALID_ROLE_NAME', undefined],
      ['path', 'INVALID_ROLE_PATH', undefined],
      ['maxSessionDuration', 'INVALID_MAX_SESSION_DURATION', undefined],
      ['tags', 'RESERVED_TAG_PREFIX', undefined],
      ['trust', 'POLICY_MISSING_PRINCIPAL', undefined],
      ['inline', 'INVALID_POLICY_NAME', 'read/all'],
      ['inline', 'POLICY_MISSING_RESOURCE', 'ok'],
      ['permissionsBoundary', 'INVALID_POLICY_ARN', undefined],
      ['managedArns', 'TOO_MANY_MANAGED_POLICIES', undefined],
    ]);
  });
});
