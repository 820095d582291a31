/** The IAM part of a state file holds only what IAM would have accepted; each problem is located. */
import { loadEmulatorState } from '../../src/emulator/index.js';
import { loadStateError, writeTemp } from './harness.js';

const loadError = (text: string) => loadStateError('state.json', text);

const ROLE = 'arn:aws:iam::111122223333:role/orders-api';
const READ = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };

describe('GIVEN a state with roles that carry policies', () => {
  test('WHEN every policy exists and every document is valid THEN it loads', async () => {
    const file = await writeTemp(
      'state.json',
      JSON.stringify({
        iam: {
          policies: [{ arn: 'arn:aws:iam::111122223333:policy/boundary', document: READ }],
          roles: [{ arn: ROLE, attachedPolicies: ['arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy'], inlinePolicies: { read: READ }, permissionsBoundary: 'arn:aws:iam::111122223333:policy/boundary' }],
        },
      }),
    );
    const state = await loadEmulatorState(file);
    expect(state.iam!.roles![0]!.inlinePolicies).toEqual({ read: READ });
  });

  test('WHEN an attached policy lacks its path THEN the error is at that ARN, with the ARN to write', async () => {
    const text = ['{', '  "iam": {', '    "roles": [', `      { "arn": "${ROLE}",`, '        "attachedPolicies": ["arn:aws:iam::aws:policy/AmazonEBSCSIDriverPolicy"] }', '    ]', '  }', '}'].join('\n');
    const { file, error } = await loadError(text);
    expect(error.location).toEqual({ file, line: 5, column: 30 });
    expect(error.message).toContain('iam.roles[0].attachedPolicies[0]: arn:aws:iam::aws:policy/AmazonEBSCSIDriverPolicy is neither an AWS managed policy the emulator knows nor one of iam.policies (did you mean arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy?)');
  });

  test('WHEN documents, names, boundaries and quotas are wrong THEN every problem is listed with its place', async () => {
    const state = {
      iam: {
        policies: [{ arn: 'arn:aws:iam::111122223333:policy/p', document: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] } }],
        roles: [
          {
            arn: ROLE,
            inlinePolicies: { 'bad/name': READ, 'no-resource': { Statement: [{ Effect: 'Allow', Action: 's3:*' }] } },
            permissionsBoundary: 'arn:aws:iam::444455556666:policy/elsewhere',
            tags: { 'aws:owner': 'x' },
          },
          { arn: 'arn:aws:iam::111122223333:role/Orders-API' },
        ],
      },
    };
    const { error } = await loadError(JSON.stringify(state, null, 2));
    const text = error.message;
    expect(text).toContain('iam.policies[0].document: `Statement[0].Principal`: a permissions policy must not specify a principal');
    expect(text).toContain('inline policy bad/name: policy name `bad/name` contains characters IAM does not allow');
    expect(text).toContain('inline policy no-resource: `Statement[0]`: a statement must have Resource or NotResource');
    expect(text).toContain('iam.roles[0].permissionsBoundary: arn:aws:iam::444455556666:policy/elsewhere is neither an AWS managed policy');
    expect(text).toContain('iam.roles[0].tags: tag key `aws:owner` uses the prefix `aws:`');
    expect(text).toContain('iam.roles[1].arn: role Orders-API appears twice in account 111122223333');
    expect(error.fix).toContain('all 6 problems');
  });

  test('WHEN eleven managed policies are attached or a key is misspelt THEN the quota and the did-you-mean are said', async () => {
    const eleven = ['ReadOnlyAccess', 'AdministratorAccess', 'AmazonS3FullAccess', 'AmazonS3ReadOnlyAccess', 'AmazonSQSFullAccess', 'AmazonSNSFullAccess', 'AmazonEC2ReadOnlyAccess', 'CloudWatchReadOnlyAccess', 'AmazonRDSReadOnlyAccess', 'AmazonSSMReadOnlyAccess', 'AmazonKinesisReadOnlyAccess'];
    const many = await loadError(JSON.stringify({ iam: { roles: [{ arn: ROLE, attachedPolicies: eleven.map((n) => `arn:aws:iam::aws:policy/${n}`) }] } }));
    expect(many.error.message).toContain('iam.roles[0].attachedPolicies: 11 managed policies attached; IAM allows 10 per role');
    const typo = await loadError(JSON.stringify({ iam: { roles: [{ arn: ROLE, attachedPolicy: [] }] } }));
    expect(typo.error.message).toContain('unknown key `attachedPolicy` (did you mean `attachedPolicies`?)');
  });
});
