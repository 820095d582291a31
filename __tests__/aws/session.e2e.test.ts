import { DescribeClusterCommand } from '@aws-sdk/client-eks';
import { AwsCallError, describeAwsError, isNotFound } from '../../src/aws/errors.js';
import { closeClusterSessions, openClusterSessions } from '../../src/aws/session.js';
import { EksIdentityError } from '../../src/errors.js';
import type { EmulatorHandle, EmulatorState } from '../../src/emulator/index.js';
import { ACCOUNT, BASE_KEY, OTHER_ACCOUNT, roleArn, startWorld } from './emulator-fixture.js';
import type { SessionOptions } from '../../src/aws/session.js';

const state: EmulatorState = {
  region: 'us-east-1',
  identities: { [BASE_KEY]: `arn:aws:iam::${ACCOUNT}:user/deployer` },
  iam: { roles: [{ arn: roleArn('Deploy') }, { arn: roleArn('Deploy', OTHER_ACCOUNT) }, { arn: roleArn('Deploy', OTHER_ACCOUNT, 'aws-cn') }] },
  clusters: [
    { name: 'prod', region: 'us-east-1', accountId: ACCOUNT },
    { name: 'staging', region: 'us-east-1', accountId: OTHER_ACCOUNT },
    { name: 'prod-cn', region: 'cn-north-1', accountId: OTHER_ACCOUNT },
    ...Array.from({ length: 10 }, (_, i) => ({ name: `fleet-${i}`, region: 'eu-west-1', accountId: OTHER_ACCOUNT })),
  ],
};

describe('openClusterSessions against the emulator', () => {
  let emulator: EmulatorHandle;
  let options: SessionOptions;

  beforeAll(async () => {
    const world = await startWorld(state);
    emulator = world.emulator;
    options = world.sessionOptions;
  });
  afterAll(async () => {
    await emulator.close();
  });
  beforeEach(() => emulator.resetCalls());

  it('GIVEN clusters with and without assumeRoleArn WHEN opened THEN each has the caller of its own credentials', async () => {
    const sessions = await openClusterSessions(
      [
        { name: 'prod', region: 'us-east-1', accountId: ACCOUNT },
        { name: 'staging', region: 'us-east-1', accountId: OTHER_ACCOUNT, assumeRoleArn: roleArn('Deploy', OTHER_ACCOUNT) },
        { name: 'prod-cn', region: 'cn-north-1', assumeRoleArn: roleArn('Deploy', OTHER_ACCOUNT, 'aws-cn') },
      ],
      options,
    );
    try {
      expect(sessions.map((s) => [s.target.name, s.accountId, s.partition, s.caller.arn, s.caller.principalArn])).toEqual([
        ['prod', ACCOUNT, 'aws', `arn:aws:iam::${ACCOUNT}:user/deployer`, `arn:aws:iam::${ACCOUNT}:user/deployer`],
        ['staging', OTHER_ACCOUNT, 'aws', `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/Deploy/eks-identity-staging`, roleArn('Deploy', OTHER_ACCOUNT)],
        ['prod-cn', OTHER_ACCOUNT, 'aws-cn', `arn:aws-cn:sts::${OTHER_ACCOUNT}:assumed-role/Deploy/eks-identity-prod-cn`, roleArn('Deploy', OTHER_ACCOUNT, 'aws-cn')],
      ]);
      // The assumed credentials are the ones the EKS client signs with: the cluster in the other account is visible.
      const answer = await sessions[1]!.clients.eks.send(new DescribeClusterCommand({ name: 'staging' }));
      expect(answer.cluster?.arn).toBe(`arn:aws:eks:us-east-1:${OTHER_ACCOUNT}:cluster/staging`);
      expect(emulator.calls().AssumeRole).toBe(2);
    } finally {
      closeClusterSessions(sessions);
    }
  });

  it('GIVEN 10 clusters in one region behind one role WHEN opened THEN one AssumeRole and one GetCallerIdentity', async () => {
    const targets = Array.from({ length: 10 }, (_, i) => ({ name: `fleet-${i}`, region: 'eu-west-1', accountId: OTHER_ACCOUNT, assumeRoleArn: roleArn('Deploy', OTHER_ACCOUNT) }));
    const sessions = await openClusterSessions(targets, options);
    try {
      expect(sessions).toHaveLength(10);
      expect(new Set(sessions.map((s) => s.clients)).size).toBe(1);
      expect(emulator.calls()).toEqual({ AssumeRole: 1, GetCallerIdentity: 1 });
    } finally {
      closeClusterSessions(sessions);
    }
  });

  it('GIVEN a cluster declared in another account than its credentials WHEN opened THEN ACCOUNT_MISMATCH names both accounts and the cluster', async () => {
    const run = openClusterSessions([{ name: 'staging', region: 'us-east-1', accountId: OTHER_ACCOUNT }], options);
    await expect(run).rejects.toMatchObject({ code: 'ACCOUNT_MISMATCH', source: 'user' });
    const err = (await run.catch((e: unknown) => e)) as EksIdentityError;
    expect(EksIdentityError.is(err)).toBe(true);
    expect(err.message).toContain('staging');
    expect(err.message).toContain(OTHER_ACCOUNT);
    expect(err.message).toContain(ACCOUNT);
    expect(err.fix).toContain('assumeRoleArn');
  });

  it('GIVEN a role that cannot be assumed WHEN opened THEN an AwsCallError names AssumeRole, the role, the error name and status', async () => {
    const missing = roleArn('NoSuchRole', OTHER_ACCOUNT);
    const err = await openClusterSessions([{ name: 'staging', region: 'us-east-1', assumeRoleArn: missing }], options).catch((e: unknown) => e);
    expect(AwsCallError.isAwsCallError(err)).toBe(true);
    const call = err as AwsCallError;
    expect(call).toMatchObject({ operation: 'AssumeRole', errorName: 'AccessDenied', httpStatus: 403, code: 'AWS_ACCESS_DENIED' });
    expect(call.requestId).toBeTruthy();
    expect(call.message).toContain(`AssumeRole failed for role ${missing}: AccessDenied, HTTP 403`);
    expect(call.fix).toContain('sts:AssumeRole');
  });

  it('GIVEN a real SDK not-found WHEN wrapped by describeAwsError THEN operation, name and status are in the message', async () => {
    const [session] = await openClusterSessions([{ name: 'prod', region: 'us-east-1' }], options);
    try {
      const err = await session!.clients.eks.send(new DescribeClusterCommand({ name: 'nope' })).catch((e: unknown) => e);
      const wrapped = describeAwsError('DescribeCluster', 'cluster nope (us-east-1)', err);
      expect(isNotFound(wrapped)).toBe(true);
      expect(wrapped.message).toMatch(/^DescribeCluster failed for cluster nope \(us-east-1\): ResourceNotFoundException, HTTP 404, request id \S+: No cluster found for name: nope\.$/);
    } finally {
      closeClusterSessions([session!]);
    }
  });
});
