import { DescribeClusterCommand, ListPodIdentityAssociationsCommand } from '@aws-sdk/client-eks';
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  GetRoleCommand,
  GetUserCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { readFile } from 'node:fs/promises';
import { startEmulator } from '../../src/emulator/index.js';
import { EKSClient } from '@aws-sdk/client-eks';
import { STSClient } from '@aws-sdk/client-sts';
import { failure, roleArn, startHarness, type Harness } from './harness.js';

const TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] };
let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: () => Date.parse('2025-06-01T00:00:00Z') });
});
afterEach(() => h.emulator.close());

describe('GIVEN IAM roles', () => {
  test('WHEN GetRole THEN RoleId, CreateDate, path and the URL-encoded trust policy come back', async () => {
    const role = (await h.iam.send(new GetRoleCommand({ RoleName: 'AppRole' }))).Role!;
    expect(role).toMatchObject({ RoleName: 'AppRole', Path: '/team/', Arn: roleArn('team/AppRole'), RoleId: 'AROAAPPROLE0000000001', MaxSessionDuration: 3600 });
    expect(role.CreateDate).toEqual(new Date('2024-01-01T00:00:00Z'));
    expect(JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!))).toEqual(TRUST);
  });

  test('WHEN GetUser THEN the user with its id and creation time; a missing user is NoSuchEntityException 404', async () => {
    const user = (await h.iam.send(new GetUserCommand({ UserName: 'admin' }))).User!;
    expect(user).toMatchObject({ UserName: 'admin', UserId: 'AIDAADMINEXAMPLE00001', Arn: 'arn:aws:iam::111122223333:user/admin', Path: '/' });
    expect(user.CreateDate).toBeInstanceOf(Date);
    expect(await failure(h.iam.send(new GetUserCommand({ UserName: 'nobody' })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
  });

  test('WHEN the role is missing THEN NoSuchEntityException 404', async () => {
    expect(await failure(h.iam.send(new GetRoleCommand({ RoleName: 'Missing' })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
    expect(await failure(h.iam.send(new DeleteRoleCommand({ RoleName: 'Missing' })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
  });

  test('WHEN CreateRole, UpdateAssumeRolePolicy, ListRoleTags and DeleteRole THEN IAM follows', async () => {
    const created = (
      await h.iam.send(new CreateRoleCommand({ RoleName: 'New', Path: '/svc/', AssumeRolePolicyDocument: JSON.stringify(TRUST), Tags: [{ Key: 'team', Value: 'x' }], Description: 'd' }))
    ).Role!;
    expect(created).toMatchObject({ Arn: roleArn('svc/New'), Path: '/svc/', Description: 'd', Tags: [{ Key: 'team', Value: 'x' }] });
    expect(created.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(await failure(h.iam.send(new CreateRoleCommand({ RoleName: 'New', AssumeRolePolicyDocument: JSON.stringify(TRUST) })))).toMatchObject({
      name: 'EntityAlreadyExistsException',
      status: 409,
    });
    expect(await failure(h.iam.send(new CreateRoleCommand({ RoleName: 'Bad', AssumeRolePolicyDocument: 'not json' })))).toMatchObject({
      name: 'MalformedPolicyDocumentException',
      status: 400,
    });
    const newTrust = { Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    await h.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'New', PolicyDocument: JSON.stringify(newTrust) }));
    expect(JSON.parse(decodeURIComponent((await h.iam.send(new GetRoleCommand({ RoleName: 'New' }))).Role!.AssumeRolePolicyDocument!))).toEqual(newTrust);
    expect((await h.iam.send(new ListRoleTagsCommand({ RoleName: 'New' }))).Tags).toEqual([{ Key: 'team', Value: 'x' }]);
    await h.iam.send(new DeleteRoleCommand({ RoleName: 'New' }));
    expect(await failure(h.iam.send(new GetRoleCommand({ RoleName: 'New' })))).toMatchObject({ name: 'NoSuchEntityException' });
  });

  test('WHEN ListRoles pages with MaxItems THEN Marker and IsTruncated walk every role', async () => {
    const names: string[] = [];
    let Marker: string | undefined;
    let pages = 0;
    do {
      const page = await h.iam.send(new ListRolesCommand({ MaxItems: 2, Marker }));
      names.push(...page.Roles!.map((r) => r.RoleName!));
      Marker = page.IsTruncated ? page.Marker : undefined;
      pages++;
    } while (Marker);
    expect(names).toEqual(['Karpenter', 'AppRole', 'EbsCsi']);
    expect(pages).toBe(2);
    expect((await h.iam.send(new ListRolesCommand({ PathPrefix: '/team/' }))).Roles!.map((r) => r.RoleName)).toEqual(['AppRole']);
    expect(await failure(h.iam.send(new ListRolesCommand({ MaxItems: 1001 })))).toMatchObject({ name: 'ValidationError', status: 400 });
  });
});

describe('GIVEN STS', () => {
  test('WHEN GetCallerIdentity THEN the access key maps to its user', async () => {
    const me = await h.sts.send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/admin', UserId: 'AIDAADMINEXAMPLE00001' });
  });

  test('WHEN the key is unknown THEN the default identity answers', async () => {
    const { sts } = h.clients({ accessKeyId: 'AKIAUNKNOWN' });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe('arn:aws:iam::111122223333:user/admin');
  });

  test('WHEN AssumeRole THEN the new keys act as the assumed-role session', async () => {
    const assumed = await h.sts.send(new AssumeRoleCommand({ RoleArn: roleArn('Karpenter'), RoleSessionName: 'deploy' }));
    expect(assumed.AssumedRoleUser).toEqual({ AssumedRoleId: 'AROAKARPENTER00000001:deploy', Arn: 'arn:aws:sts::111122223333:assumed-role/Karpenter/deploy' });
    expect(assumed.Credentials!.Expiration).toEqual(new Date(Date.parse('2025-06-01T01:00:00Z')));
    const session = h.clients({
      accessKeyId: assumed.Credentials!.AccessKeyId!,
      secretAccessKey: assumed.Credentials!.SecretAccessKey!,
      sessionToken: assumed.Credentials!.SessionToken!,
    });
    expect(await session.sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Arn: 'arn:aws:sts::111122223333:assumed-role/Karpenter/deploy',
      UserId: 'AROAKARPENTER00000001:deploy',
      Account: '111122223333',
    });
    expect((await session.eks.send(new DescribeClusterCommand({ name: 'prod' }))).cluster!.name).toBe('prod');
  });

  test('WHEN the role is missing or the session name invalid THEN AccessDenied 403 / ValidationError 400', async () => {
    expect(await failure(h.sts.send(new AssumeRoleCommand({ RoleArn: roleArn('Missing'), RoleSessionName: 'x1' })))).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(await failure(h.sts.send(new AssumeRoleCommand({ RoleArn: roleArn('Karpenter'), RoleSessionName: 'bad name' })))).toMatchObject({
      name: 'ValidationError',
      status: 400,
    });
  });
});

describe('GIVEN the China example state', () => {
  test('WHEN calling in cn-north-1 THEN every ARN uses arn:aws-cn', async () => {
    const state = JSON.parse(await readFile(new URL('../../examples/emulator/china.json', import.meta.url), 'utf8'));
    const emulator = await startEmulator({ state });
    try {
      const config = { endpoint: emulator.endpoint, region: 'cn-north-1', credentials: { accessKeyId: 'AKIAEMULATORCHINA', secretAccessKey: 's' } };
      const eks = new EKSClient(config);
      const sts = new STSClient(config);
      expect((await eks.send(new DescribeClusterCommand({ name: 'prod-cn' }))).cluster!.arn).toBe('arn:aws-cn:eks:cn-north-1:222233334444:cluster/prod-cn');
      expect((await eks.send(new DescribeClusterCommand({ name: 'prod-cn' }))).cluster!.identity!.oidc!.issuer).toMatch(/^https:\/\/oidc\.eks\.cn-north-1\.amazonaws\.com\.cn\/id\//);
      const list = await eks.send(new ListPodIdentityAssociationsCommand({ clusterName: 'prod-cn' }));
      expect(list.associations![0]!.associationArn).toMatch(/^arn:aws-cn:eks:cn-north-1:222233334444:podidentityassociation\/prod-cn\//);
      expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe('arn:aws-cn:iam::222233334444:user/platform-admin');
      const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws-cn:iam::222233334444:role/KarpenterController', RoleSessionName: 's1' }));
      expect(assumed.AssumedRoleUser!.Arn).toBe('arn:aws-cn:sts::222233334444:assumed-role/KarpenterController/s1');
    } finally {
      await emulator.close();
    }
  });
});
