import { convertAwsAuthConfigMap } from '../../src/migrate/aws-auth-manifest.js';
import { parseAwsAuthConfigMap } from '../../src/migrate/aws-auth-parse.js';

const header = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\n';

interface ErrorCase {
  name: string;
  text: string;
  code: string;
  line: number;
  column: number;
}

const CASES: ErrorCase[] = [
  { name: 'outer YAML does not parse', text: 'apiVersion: v1\ndata:\n  mapRoles: [oops\nkind: ConfigMap\n', code: 'AWS_AUTH_YAML_SYNTAX', line: 4, column: 1 },
  { name: 'not a ConfigMap', text: 'apiVersion: v1\nkind: Secret\ndata: {}\n', code: 'AWS_AUTH_NOT_CONFIGMAP', line: 1, column: 1 },
  { name: 'a list, not a mapping', text: '- one\n- two\n', code: 'AWS_AUTH_NOT_CONFIGMAP', line: 1, column: 1 },
  { name: 'no data', text: header, code: 'AWS_AUTH_NO_DATA', line: 1, column: 1 },
  { name: 'data is a list', text: `${header}data:\n  - mapRoles\n`, code: 'AWS_AUTH_INVALID', line: 7, column: 3 },
  { name: 'mapRoles is a mapping, not a string', text: `${header}data:\n  mapRoles:\n    rolearn: x\n`, code: 'AWS_AUTH_INVALID', line: 8, column: 5 },
  {
    name: 'YAML inside a block string does not parse',
    text: `${header}data:\n  mapRoles: |\n    - rolearn: arn:aws:iam::111122223333:role/a\n      groups: [a, b\n    - rolearn: arn:aws:iam::111122223333:role/b\n`,
    code: 'AWS_AUTH_YAML_SYNTAX',
    line: 10,
    column: 5,
  },
  {
    name: 'mapRoles holds a mapping, not a list',
    text: `${header}data:\n  mapRoles: |\n    rolearn: arn:aws:iam::111122223333:role/a\n`,
    code: 'AWS_AUTH_INVALID',
    line: 8,
    column: 5,
  },
  {
    name: 'an item without rolearn',
    text: `${header}data:\n  mapRoles: |\n    - rolearn: arn:aws:iam::111122223333:role/a\n    - username: nobody\n      groups:\n        - viewers\n`,
    code: 'AWS_AUTH_MISSING_ARN',
    line: 9,
    column: 7,
  },
  {
    name: 'groups is a string',
    text: `${header}data:\n  mapUsers: |\n    - userarn: arn:aws:iam::111122223333:user/alice\n      groups: system:masters\n`,
    code: 'AWS_AUTH_INVALID',
    line: 9,
    column: 15,
  },
  {
    name: 'malformed ARN in a block string',
    text: `${header}data:\n  mapRoles: |\n    - rolearn: arn:aws:iam::1111:role/short-account\n      groups:\n        - viewers\n`,
    code: 'AWS_AUTH_INVALID_ARN',
    line: 8,
    column: 16,
  },
  {
    name: 'ARN of an S3 bucket',
    text: `${header}data:\n  mapUsers: |\n    - userarn: arn:aws:s3:::my-bucket\n`,
    code: 'AWS_AUTH_INVALID_ARN',
    line: 8,
    column: 16,
  },
  {
    name: 'malformed ARN in a double-quoted string (kubectl style)',
    text: `${header}data:\n  mapRoles: "- rolearn: arn:aws:iam::111122223333:role/ok\\n- rolearn: not-an-arn\\n"\n`,
    code: 'AWS_AUTH_INVALID_ARN',
    line: 7,
    column: 71,
  },
  {
    name: 'mapAccounts item is a mapping',
    text: `${header}data:\n  mapAccounts: |\n    - account: "111122223333"\n`,
    code: 'AWS_AUTH_INVALID',
    line: 8,
    column: 7,
  },
];

describe('aws-auth ConfigMap errors', () => {
  it.each(CASES)('GIVEN $name WHEN converted THEN a located $code error, no crash', ({ text, code, line, column }) => {
    const result = convertAwsAuthConfigMap(text, 'aws-auth.yaml', { cluster: { name: 'prod', region: 'us-east-1' } });
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(errors.map((e) => ({ code: e.code, line: e.source?.line, column: e.source?.column }))).toContainEqual({ code, line, column });
    expect(errors.every((e) => e.source?.file === 'aws-auth.yaml')).toBe(true);
    expect(result.conversion.complete).toBe(false);
  });

  it('GIVEN an unknown key in a mapping WHEN parsed THEN a located warning says it is ignored', () => {
    const text = `${header}data:\n  mapRoles: |\n    - rolearn: arn:aws:iam::111122223333:role/a\n      sshKey: abc\n`;
    const parsed = parseAwsAuthConfigMap(text, 'cm.yaml');
    expect(parsed.findings).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'AWS_AUTH_IGNORED_KEY', source: { file: 'cm.yaml', line: 9, column: 7 } }),
    ]);
    expect(parsed.mappings).toHaveLength(1);
  });

  it('GIVEN an unknown data key WHEN converted THEN it is listed as not convertible, not dropped', () => {
    const text = `${header}data:\n  mapSSO: |\n    - x\n`;
    const result = convertAwsAuthConfigMap(text, 'cm.yaml');
    expect(result.conversion.notConvertible).toEqual([expect.objectContaining({ origin: 'configMap', subject: 'data.mapSSO', source: { file: 'cm.yaml', line: 7, column: 3 } })]);
  });

  it('GIVEN arbitrary bytes WHEN parsed THEN it never throws', () => {
    for (const text of ['', '\u0000\u0001', '{{{{', 'data: !!binary x', '---\n---\n', 'kind: ConfigMap\ndata:\n  mapRoles: 42\n', `kind: ConfigMap\ndata:\n  mapRoles: "\\u12"\n`]) {
      expect(() => convertAwsAuthConfigMap(text, 'x.yaml')).not.toThrow();
    }
  });
});
