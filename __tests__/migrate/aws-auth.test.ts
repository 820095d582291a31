import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectGolden } from './golden.js';
import { convertAwsAuthConfigMap, type AwsAuthManifestOptions } from '../../src/migrate/aws-auth-manifest.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'aws-auth');
const EXPECTED = join(FIXTURES, 'expected');

interface Case {
  fixture: string;
  options: AwsAuthManifestOptions;
  /** Finding codes in file order. */
  findings: string[];
  /** Subjects listed as not convertible. */
  notConvertible: string[];
}

const prod = { name: 'prod', region: 'us-east-1', accountId: '111122223333' };

const CASES: Case[] = [
  { fixture: 'eksctl-nodegroup.yaml', options: { cluster: prod }, findings: ['AWS_AUTH_ROLE_PATH_UNKNOWN', 'AWS_AUTH_ROLE_PATH_UNKNOWN'], notConvertible: [] },
  { fixture: 'fargate.yaml', options: { cluster: prod }, findings: ['AWS_AUTH_ROLE_PATH_UNKNOWN', 'AWS_AUTH_ROLE_PATH_UNKNOWN', 'AWS_AUTH_ROLE_PATH_UNKNOWN'], notConvertible: [] },
  { fixture: 'windows.yaml', options: { cluster: prod }, findings: ['AWS_AUTH_ROLE_PATH_UNKNOWN', 'AWS_AUTH_ROLE_PATH_UNKNOWN'], notConvertible: [] },
  { fixture: 'hybrid.yaml', options: { cluster: prod }, findings: ['AWS_AUTH_ROLE_PATH_UNKNOWN', 'AWS_AUTH_ROLE_PATH_UNKNOWN'], notConvertible: [] },
  {
    fixture: 'sso-roles.yaml',
    options: { cluster: prod },
    findings: ['AWS_AUTH_ROLE_PATH_ASSUMED', 'AWS_AUTH_ROLE_PATH_ASSUMED', 'AWS_AUTH_USERNAME_DROPPED', 'AWS_AUTH_ROLE_PATH_ASSUMED', 'AWS_AUTH_USERNAME_DROPPED'],
    notConvertible: [],
  },
  { fixture: 'map-users.yaml', options: { cluster: prod }, findings: ['AWS_AUTH_USERNAME_DROPPED'], notConvertible: [] },
  {
    fixture: 'map-accounts.yaml',
    options: { cluster: { name: 'prod' } },
    findings: ['AWS_AUTH_ROLE_PATH_UNKNOWN'],
    notConvertible: ['444455556666', '777788889999'],
  },
  {
    fixture: 'reserved-usernames.yaml',
    options: { cluster: prod },
    findings: [
      'AWS_AUTH_ROLE_PATH_UNKNOWN',
      'AWS_AUTH_ROLE_PATH_UNKNOWN', 'AWS_AUTH_USERNAME_DROPPED',
      'AWS_AUTH_ROLE_PATH_UNKNOWN', 'AWS_AUTH_USERNAME_DROPPED',
      'AWS_AUTH_ROLE_PATH_UNKNOWN', 'AWS_AUTH_USERNAME_DROPPED',
    ],
    notConvertible: [],
  },
  {
    fixture: 'not-convertible.yaml',
    options: { cluster: prod },
    findings: ['AWS_AUTH_ROLE_PATH_UNKNOWN', 'AWS_AUTH_ROLE_PATH_UNKNOWN', 'AWS_AUTH_ROLE_PATH_UNKNOWN', 'AWS_AUTH_ROLE_PATH_UNKNOWN'],
    notConvertible: [
      'arn:aws:iam::111122223333:role/AWSServiceRoleForAmazonEMRContainers',
      'arn:aws:iam::111122223333:role/LegacyReaders',
      'arn:aws:iam::111122223333:role/GpuNodeRole',
      'arn:aws:iam::111122223333:role/PlatformAdmin',
    ],
  },
  {
    fixture: 'china.yaml',
    options: { cluster: { name: 'prod-cn', region: 'cn-north-1', accountId: '444455556666' } },
    findings: ['AWS_AUTH_ROLE_PATH_UNKNOWN', 'AWS_AUTH_ROLE_PATH_UNKNOWN'],
    notConvertible: ['arn:aws:iam::111122223333:role/GlobalAdmin'],
  },
  {
    fixture: 'govcloud.json',
    options: { cluster: { name: 'gov', region: 'us-gov-west-1' } },
    findings: ['AWS_AUTH_ROLE_PATH_UNKNOWN', 'AWS_AUTH_ROLE_PATH_UNKNOWN'],
    notConvertible: [],
  },
  { fixture: 'quoted-list.yaml', options: { cluster: prod }, findings: ['AWS_AUTH_ROLE_PATH_UNKNOWN'], notConvertible: [] },
];

describe('aws-auth ConfigMap → access entries (fixtures)', () => {
  it.each(CASES)('GIVEN $fixture WHEN converted offline THEN the manifest, findings and not-convertible list are exact', ({ fixture, options, findings, notConvertible }) => {
    const file = join(FIXTURES, fixture);
    const result = convertAwsAuthConfigMap(readFileSync(file, 'utf8'), fixture, options);
    const expectedFile = join(EXPECTED, fixture.replace(/\.(yaml|json)$/, '.manifest.yaml'));
    expectGolden(result.manifestYaml, expectedFile);
    expect(result.findings.map((f) => f.code)).toEqual(findings);
    expect(result.conversion.notConvertible.map((n) => n.subject)).toEqual(notConvertible);
    expect(result.conversion.complete).toBe(notConvertible.length === 0);
  });
});
