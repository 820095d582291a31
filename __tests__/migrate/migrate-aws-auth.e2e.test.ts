import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { parse } from 'yaml';
import type { ManifestFragment } from '../../src/migrate/index.js';
import { apply, migrateAwsAuth } from '../../src/operations/index.js';
import { awsOptions, roleArn, state } from './world.js';

const entriesOf = (content: string) => (parse(content) as ManifestFragment).accessEntries ?? [];

const CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
data:
  mapRoles: |
    - rolearn: arn:aws:iam::111122223333:role/NodeInstanceRole
      username: system:node:{{EC2PrivateDNSName}}
      groups:
        - system:bootstrappers
        - system:nodes
    - rolearn: arn:aws:iam::111122223333:role/AWSReservedSSO_Admins_0123456789abcdef
      username: admin:{{SessionName}}
      groups:
        - system:masters
    - rolearn: arn:aws:iam::111122223333:role/PaymentsDeployer
      groups:
        - payments-deployers
    - rolearn: arn:aws:iam::111122223333:role/Deleted
      groups:
        - viewers
`;

describe('migrate-aws-auth against the emulator', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator({
      seed: 5,
      state: state(
        [
          { arn: roleArn('NodeInstanceRole') },
          { arn: roleArn('aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admins_0123456789abcdef') },
          { arn: roleArn('teams/payments/PaymentsDeployer') },
        ],
        { authenticationMode: 'CONFIG_MAP' },
      ),
    });
  });
  afterAll(async () => emulator.close());

  it('GIVEN --offline WHEN converted THEN no AWS call is made', async () => {
    emulator.resetCalls();
    await using result = await migrateAwsAuth({ configMap: { text: CONFIGMAP, file: 'aws-auth.yaml' }, cluster: { name: 'prod' }, offline: true });
    expect(emulator.calls()).toEqual({});
    expect(result.plan).toBeUndefined();
    expect(entriesOf(result.files[0]!.content).map((e) => e.principalArn)).toContain('arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admins_0123456789abcdef');
  });

  it('GIVEN a file that is not a ConfigMap WHEN converted THEN the proposal has no file, only the finding (no stub for a PR or --out)', async () => {
    await using result = await migrateAwsAuth({ configMap: { text: 'apiVersion: v1\nkind: Service\nmetadata: { name: x }\n', file: 'service.yaml' }, cluster: { name: 'prod' }, offline: true });
    expect(result.files).toEqual([]);
    expect(result.clusters.flatMap((c) => c.findings.map((f) => f.code))).toContain('AWS_AUTH_NOT_CONFIGMAP');
  });

  it('GIVEN a CONFIG_MAP cluster WHEN migrated online and applied THEN real role ARNs are used, the mode switches to API_AND_CONFIG_MAP and the entries exist', async () => {
    const aws = awsOptions(emulator.endpoint);
    const cluster = { name: 'prod', region: 'us-east-1' };
    await using result = await migrateAwsAuth({ configMap: { text: CONFIGMAP, file: 'aws-auth.yaml' }, cluster, aws });
    const changes = result.plan!.clusters[0]!.changes;
    expect(changes[0]).toEqual(expect.objectContaining({ kind: 'authenticationMode', before: { authenticationMode: 'CONFIG_MAP' }, after: { authenticationMode: 'API_AND_CONFIG_MAP' } }));
    expect(entriesOf(result.files[0]!.content).map((e) => `${e.principalArn} ${e.type}`)).toEqual([
      'arn:aws:iam::111122223333:role/NodeInstanceRole EC2_LINUX',
      'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admins_0123456789abcdef STANDARD',
      'arn:aws:iam::111122223333:role/teams/payments/PaymentsDeployer STANDARD',
    ]);
    expect(result.clusters[0]!.notConvertible).toEqual([expect.objectContaining({ subject: 'arn:aws:iam::111122223333:role/Deleted', reason: 'role Deleted does not exist in IAM' })]);
    expect(result.clusters[0]!.findings.map((f) => f.code)).toEqual(['AWS_AUTH_KEEP_CONFIG_MAP']);

    const { report } = await apply(result, { sleep: async () => undefined });
    expect(report.summary).toEqual(expect.objectContaining({ ok: true, failed: 0 }));
    const live = emulator.inspect().clusters[0]!;
    expect(live.authenticationMode).toBe('API_AND_CONFIG_MAP');
    expect(live.accessEntries.map((e) => e.principalArn).sort()).toEqual([
      'arn:aws:iam::111122223333:role/NodeInstanceRole',
      'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admins_0123456789abcdef',
      'arn:aws:iam::111122223333:role/teams/payments/PaymentsDeployer',
    ]);
    const admin = emulator.snapshot().clusters![0]!.accessEntries!.find((e) => e.principalArn.includes('AWSReservedSSO_Admins'))!;
    expect(admin.username).toBe('admin:{{SessionName}}');
    expect(admin.accessPolicies?.map((p) => p.policyArn)).toEqual(['arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy']);
  });
});
