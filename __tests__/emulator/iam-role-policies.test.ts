/** The IAM operations behind workload roles, through the unmodified SDK over HTTP. */
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetPolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
} from '@aws-sdk/client-iam';
import { startEmulator } from '../../src/emulator/index.js';
import { AWS_MANAGED_POLICIES, awsManagedPolicyArn } from '../../src/model/aws-managed-policies.js';
import { ACCOUNT, baseState, failure, roleArn, startHarness, type Harness } from './harness.js';

const TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] };
const READ = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::orders/*' }] };
const BOUNDARY = `arn:aws:iam::${ACCOUNT}:policy/workloads/boundary`;
const EBS = 'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy';
const S3_READ = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';

let h: Harness;
beforeEach(async () => {
  const state = baseState();
  state.iam!.policies = [{ arn: BOUNDARY, description: 'workload boundary', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } }];
  h = await startHarness({ state, now: () => Date.parse('2025-06-01T00:00:00Z') });
});
afterEach(() => h.emulator.close());

const createOrders = (extra: Partial<ConstructorParameters<typeof CreateRoleCommand>[0]> = {}) =>
  h.iam.send(new CreateRoleCommand({ RoleName: 'orders-api', Path: '/workloads/', AssumeRolePolicyDocument: JSON.stringify(TRUST), ...extra }));

describe('GIVEN CreateRole with every field workload roles use', () => {
  test('WHEN created THEN GetRole answers the boundary, description, session duration and tags, and ListRoles leaves boundary and tags out', async () => {
    await createOrders({ Description: 'orders API (prod)', MaxSessionDuration: 7200, PermissionsBoundary: BOUNDARY, Tags: [{ Key: 'eks-identity/owner', Value: 'platform' }] });
    const role = (await h.iam.send(new GetRoleCommand({ RoleName: 'orders-api' }))).Role!;
    expect(role).toMatchObject({
      Arn: roleArn('workloads/orders-api'),
      Description: 'orders API (prod)',
      MaxSessionDuration: 7200,
      PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: BOUNDARY },
      Tags: [{ Key: 'eks-identity/owner', Value: 'platform' }],
    });
    const listed = (await h.iam.send(new ListRolesCommand({ PathPrefix: '/workloads/' }))).Roles!;
    expect(listed.map((r) => [r.RoleName, r.PermissionsBoundary, r.Tags])).toEqual([['orders-api', undefined, undefined]]);
  });

  test.each([
    ['a boundary that does not exist', { PermissionsBoundary: `arn:aws:iam::${ACCOUNT}:policy/nope` }, 'NoSuchEntityException', 404],
    ['a boundary that is not a policy ARN', { PermissionsBoundary: roleArn('Karpenter') }, 'InvalidInputException', 400],
    ['a session duration of 13 hours', { MaxSessionDuration: 46800 }, 'ValidationError', 400],
    ['a description with an emoji', { Description: 'orders 🚀' }, 'ValidationError', 400],
    ['a path without a trailing slash', { Path: '/workloads' }, 'ValidationError', 400],
    ['a tag key with the aws: prefix', { Tags: [{ Key: 'aws:owner', Value: 'x' }] }, 'InvalidInputException', 400],
    ['a trust policy with a Resource', { AssumeRolePolicyDocument: JSON.stringify({ Statement: [{ ...TRUST.Statement[0], Resource: '*' }] }) }, 'MalformedPolicyDocumentException', 400],
  ])('WHEN it has %s THEN %s %s and no role is created', async (_name, extra, name, status) => {
    expect(await failure(createOrders(extra))).toMatchObject({ name, status });
    expect(await failure(h.iam.send(new GetRoleCommand({ RoleName: 'orders-api' })))).toMatchObject({ name: 'NoSuchEntityException' });
  });

  test('WHEN the trust policy passes 2,048 characters without whitespace THEN LimitExceededException 409 naming the adjustable quota', async () => {
    const long = { ...TRUST, Statement: [{ ...TRUST.Statement[0], Condition: { StringEquals: { 'aws:RequestTag/kubernetes-namespace': Array.from({ length: 200 }, (_, i) => `namespace-${i}`) } } }] };
    const error = await failure(createOrders({ AssumeRolePolicyDocument: JSON.stringify(long, null, 2) }));
    expect(error).toMatchObject({ name: 'LimitExceededException', status: 409 });
    expect(error.message).toMatch(/^Cannot exceed quota for ACLSizePerRole: 2048: .*adjustable/);
  });
});

describe('GIVEN a role', () => {
  beforeEach(() => createOrders());

  test('WHEN managed policies are attached, listed and detached THEN IAM follows, and attaching twice changes nothing', async () => {
    await h.iam.send(new AttachRolePolicyCommand({ RoleName: 'orders-api', PolicyArn: EBS }));
    await h.iam.send(new AttachRolePolicyCommand({ RoleName: 'orders-api', PolicyArn: BOUNDARY }));
    await h.iam.send(new AttachRolePolicyCommand({ RoleName: 'orders-api', PolicyArn: EBS }));
    const listed = await h.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'orders-api' }));
    expect(listed.AttachedPolicies).toEqual([
      { PolicyName: 'AmazonEBSCSIDriverPolicy', PolicyArn: EBS },
      { PolicyName: 'boundary', PolicyArn: BOUNDARY },
    ]);
    expect((await h.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'orders-api', PathPrefix: '/service-role/' }))).AttachedPolicies).toHaveLength(1);
    await h.iam.send(new DetachRolePolicyCommand({ RoleName: 'orders-api', PolicyArn: EBS }));
    expect((await h.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'orders-api' }))).AttachedPolicies!.map((p) => p.PolicyName)).toEqual(['boundary']);
    expect(await failure(h.iam.send(new DetachRolePolicyCommand({ RoleName: 'orders-api', PolicyArn: EBS })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
  });

  test('WHEN a policy is unknown, lacks its path, or is of another partition THEN NoSuchEntityException', async () => {
    for (const arn of ['arn:aws:iam::aws:policy/AmazonEBSCSIDriverPolicy', 'arn:aws:iam::aws:policy/NoSuchPolicy', 'arn:aws-cn:iam::aws:policy/AmazonS3ReadOnlyAccess']) {
      expect(await failure(h.iam.send(new AttachRolePolicyCommand({ RoleName: 'orders-api', PolicyArn: arn })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
    }
  });

  test('WHEN an 11th managed policy is attached THEN LimitExceededException 409 and the ten stay', async () => {
    const arns = AWS_MANAGED_POLICIES.slice(0, 11).map((p) => awsManagedPolicyArn('aws', p.name));
    for (const arn of arns.slice(0, 10)) await h.iam.send(new AttachRolePolicyCommand({ RoleName: 'orders-api', PolicyArn: arn }));
    const error = await failure(h.iam.send(new AttachRolePolicyCommand({ RoleName: 'orders-api', PolicyArn: arns[10] })));
    expect(error).toMatchObject({ name: 'LimitExceededException', status: 409 });
    expect(error.message).toMatch(/^Cannot exceed quota for PoliciesPerRole: 10: /);
    expect((await h.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'orders-api', MaxItems: 4 }))).IsTruncated).toBe(true);
    expect((await h.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'orders-api' }))).AttachedPolicies).toHaveLength(10);
  });

  test('WHEN inline policies are put, read, listed and deleted THEN the document comes back URL-encoded and names are listed', async () => {
    await h.iam.send(new PutRolePolicyCommand({ RoleName: 'orders-api', PolicyName: 'read-orders', PolicyDocument: JSON.stringify(READ, null, 2) }));
    await h.iam.send(new PutRolePolicyCommand({ RoleName: 'orders-api', PolicyName: 'eks-identity-ebsCsiController', PolicyDocument: JSON.stringify(READ) }));
    const got = await h.iam.send(new GetRolePolicyCommand({ RoleName: 'orders-api', PolicyName: 'read-orders' }));
    expect(JSON.parse(decodeURIComponent(got.PolicyDocument!))).toEqual(READ);
    expect((await h.iam.send(new ListRolePoliciesCommand({ RoleName: 'orders-api' }))).PolicyNames).toEqual(['eks-identity-ebsCsiController', 'read-orders']);
    await h.iam.send(new DeleteRolePolicyCommand({ RoleName: 'orders-api', PolicyName: 'read-orders' }));
    expect(await failure(h.iam.send(new GetRolePolicyCommand({ RoleName: 'orders-api', PolicyName: 'read-orders' })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
    expect(await failure(h.iam.send(new DeleteRolePolicyCommand({ RoleName: 'orders-api', PolicyName: 'read-orders' })))).toMatchObject({ name: 'NoSuchEntityException' });
  });

  test.each([
    ['not JSON', 'MalformedPolicyDocumentException', 400, 'ok', '{"Statement": ['],
    ['a principal', 'MalformedPolicyDocumentException', 400, 'ok', JSON.stringify({ ...READ, Statement: [{ ...READ.Statement[0], Principal: '*' }] })],
    ['no resource', 'MalformedPolicyDocumentException', 400, 'ok', JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }] })],
    ['a name with a slash', 'ValidationError', 400, 'read/orders', JSON.stringify(READ)],
  ])('WHEN an inline policy has %s THEN %s %s', async (_what, error, status, name, doc) => {
    const answer = await failure(h.iam.send(new PutRolePolicyCommand({ RoleName: 'orders-api', PolicyName: name, PolicyDocument: doc })));
    expect(answer).toMatchObject({ name: error, status });
    if (doc === '{"Statement": [') expect(answer.message).toMatch(/^This policy contains invalid Json: /);
    expect((await h.iam.send(new ListRolePoliciesCommand({ RoleName: 'orders-api' }))).PolicyNames).toEqual([]);
  });

  test('WHEN inline policies together pass 10,240 characters THEN LimitExceededException, and replacing one with a smaller one is fine', async () => {
    const big = (n: number) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'b'.repeat(n)}/*` }] });
    await h.iam.send(new PutRolePolicyCommand({ RoleName: 'orders-api', PolicyName: 'a', PolicyDocument: big(6000) }));
    const error = await failure(h.iam.send(new PutRolePolicyCommand({ RoleName: 'orders-api', PolicyName: 'b', PolicyDocument: big(4500) })));
    expect(error).toMatchObject({ name: 'LimitExceededException', status: 409 });
    expect(error.message).toMatch(/^Maximum policy size of 10240 bytes exceeded for role orders-api: /);
    await h.iam.send(new PutRolePolicyCommand({ RoleName: 'orders-api', PolicyName: 'a', PolicyDocument: big(100) }));
    await h.iam.send(new PutRolePolicyCommand({ RoleName: 'orders-api', PolicyName: 'b', PolicyDocument: big(4500) }));
  });

  test('WHEN tags are added, overwritten and removed THEN ListRoleTags follows; past 50 tags is LimitExceededException', async () => {
    await h.iam.send(new TagRoleCommand({ RoleName: 'orders-api', Tags: [{ Key: 'team', Value: 'orders' }, { Key: 'env', Value: 'prod' }] }));
    await h.iam.send(new TagRoleCommand({ RoleName: 'orders-api', Tags: [{ Key: 'team', Value: 'payments' }] }));
    await h.iam.send(new UntagRoleCommand({ RoleName: 'orders-api', TagKeys: ['env', 'absent'] }));
    expect((await h.iam.send(new ListRoleTagsCommand({ RoleName: 'orders-api' }))).Tags).toEqual([{ Key: 'team', Value: 'payments' }]);
    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect(await failure(h.iam.send(new TagRoleCommand({ RoleName: 'orders-api', Tags: many })))).toMatchObject({ name: 'LimitExceededException', status: 409 });
    expect(await failure(h.iam.send(new TagRoleCommand({ RoleName: 'orders-api', Tags: [{ Key: 'aws:x', Value: 'v' }] })))).toMatchObject({ name: 'InvalidInputException' });
  });

  test('WHEN UpdateRole and UpdateAssumeRolePolicy THEN only the fields sent change, under the same rules as CreateRole', async () => {
    await h.iam.send(new UpdateRoleCommand({ RoleName: 'orders-api', Description: 'new', MaxSessionDuration: 43200 }));
    await h.iam.send(new UpdateRoleCommand({ RoleName: 'orders-api', Description: 'newer' }));
    expect((await h.iam.send(new GetRoleCommand({ RoleName: 'orders-api' }))).Role).toMatchObject({ Description: 'newer', MaxSessionDuration: 43200 });
    expect(await failure(h.iam.send(new UpdateRoleCommand({ RoleName: 'orders-api', MaxSessionDuration: 900 })))).toMatchObject({ name: 'ValidationError', status: 400 });
    const noPrincipal = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] });
    expect(await failure(h.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'orders-api', PolicyDocument: noPrincipal })))).toMatchObject({ name: 'MalformedPolicyDocumentException' });
  });

  test('WHEN a permissions boundary is put and deleted THEN GetRole follows; deleting a missing one is NoSuchEntityException', async () => {
    await h.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'orders-api', PermissionsBoundary: BOUNDARY }));
    expect((await h.iam.send(new GetRoleCommand({ RoleName: 'orders-api' }))).Role!.PermissionsBoundary!.PermissionsBoundaryArn).toBe(BOUNDARY);
    await h.iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'orders-api' }));
    expect((await h.iam.send(new GetRoleCommand({ RoleName: 'orders-api' }))).Role!.PermissionsBoundary).toBeUndefined();
    expect(await failure(h.iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'orders-api' })))).toMatchObject({ name: 'NoSuchEntityException' });
    expect(await failure(h.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'orders-api', PermissionsBoundary: `arn:aws:iam::${ACCOUNT}:policy/missing` })))).toMatchObject({ name: 'NoSuchEntityException' });
  });

  test('WHEN GetPolicy THEN AWS managed and customer managed policies answer with their path and usage counts', async () => {
    await h.iam.send(new AttachRolePolicyCommand({ RoleName: 'orders-api', PolicyArn: S3_READ }));
    await h.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'orders-api', PermissionsBoundary: BOUNDARY }));
    const aws = (await h.iam.send(new GetPolicyCommand({ PolicyArn: EBS }))).Policy!;
    expect(aws).toMatchObject({ PolicyName: 'AmazonEBSCSIDriverPolicy', Path: '/service-role/', Arn: EBS, AttachmentCount: 0, IsAttachable: true, DefaultVersionId: 'v1' });
    expect(aws.PolicyId).toMatch(/^ANPA[0-9A-F]{17}$/);
    expect((await h.iam.send(new GetPolicyCommand({ PolicyArn: S3_READ }))).Policy!.AttachmentCount).toBe(1);
    expect((await h.iam.send(new GetPolicyCommand({ PolicyArn: BOUNDARY }))).Policy).toMatchObject({ PolicyName: 'boundary', Path: '/workloads/', Description: 'workload boundary', PermissionsBoundaryUsageCount: 1 });
    expect(await failure(h.iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnly' })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
  });

  test('WHEN DeleteRole while policies are attached or embedded THEN DeleteConflictException 409 until both are gone; a boundary does not block', async () => {
    await h.iam.send(new AttachRolePolicyCommand({ RoleName: 'orders-api', PolicyArn: S3_READ }));
    await h.iam.send(new PutRolePolicyCommand({ RoleName: 'orders-api', PolicyName: 'read', PolicyDocument: JSON.stringify(READ) }));
    await h.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'orders-api', PermissionsBoundary: BOUNDARY }));
    expect(await failure(h.iam.send(new DeleteRoleCommand({ RoleName: 'orders-api' })))).toMatchObject({ name: 'DeleteConflictException', status: 409 });
    await h.iam.send(new DetachRolePolicyCommand({ RoleName: 'orders-api', PolicyArn: S3_READ }));
    expect(await failure(h.iam.send(new DeleteRoleCommand({ RoleName: 'orders-api' })))).toMatchObject({ name: 'DeleteConflictException', status: 409 });
    await h.iam.send(new DeleteRolePolicyCommand({ RoleName: 'orders-api', PolicyName: 'read' }));
    await h.iam.send(new DeleteRoleCommand({ RoleName: 'orders-api' }));
    expect(await failure(h.iam.send(new GetRoleCommand({ RoleName: 'orders-api' })))).toMatchObject({ name: 'NoSuchEntityException' });
  });

  test('WHEN a role-policy operation is denied by a fault THEN AccessDenied 403, and the other operations still answer', async () => {
    h.emulator.setFaults({ denyOperations: ['PutRolePolicy', 'AttachRolePolicy'] });
    expect(await failure(h.iam.send(new PutRolePolicyCommand({ RoleName: 'orders-api', PolicyName: 'read', PolicyDocument: JSON.stringify(READ) })))).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(await failure(h.iam.send(new AttachRolePolicyCommand({ RoleName: 'orders-api', PolicyArn: S3_READ })))).toMatchObject({ name: 'AccessDenied', status: 403 });
    await h.iam.send(new TagRoleCommand({ RoleName: 'orders-api', Tags: [{ Key: 'team', Value: 'orders' }] }));
    expect(h.emulator.successfulCalls()).toMatchObject({ TagRole: 1 });
    expect(h.emulator.successfulCalls().PutRolePolicy).toBeUndefined();
  });

  test('WHEN the world is snapshotted THEN a new emulator from it answers the same policies, boundary and customer policies', async () => {
    await h.iam.send(new AttachRolePolicyCommand({ RoleName: 'orders-api', PolicyArn: EBS }));
    await h.iam.send(new PutRolePolicyCommand({ RoleName: 'orders-api', PolicyName: 'read', PolicyDocument: JSON.stringify(READ) }));
    await h.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'orders-api', PermissionsBoundary: BOUNDARY }));
    const snapshot = h.emulator.snapshot();
    const again = await startEmulator({ state: JSON.parse(JSON.stringify(snapshot)) });
    try {
      const other = new IAMClient({ endpoint: again.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIAADMIN', secretAccessKey: 's' } });
      expect((await other.send(new ListAttachedRolePoliciesCommand({ RoleName: 'orders-api' }))).AttachedPolicies!.map((p) => p.PolicyArn)).toEqual([EBS]);
      expect(JSON.parse(decodeURIComponent((await other.send(new GetRolePolicyCommand({ RoleName: 'orders-api', PolicyName: 'read' }))).PolicyDocument!))).toEqual(READ);
      expect((await other.send(new GetRoleCommand({ RoleName: 'orders-api' }))).Role!.PermissionsBoundary!.PermissionsBoundaryArn).toBe(BOUNDARY);
      expect((await other.send(new GetPolicyCommand({ PolicyArn: BOUNDARY }))).Policy!.PolicyId).toBe((await h.iam.send(new GetPolicyCommand({ PolicyArn: BOUNDARY }))).Policy!.PolicyId);
      expect(again.snapshot()).toEqual(snapshot);
      expect(again.inspect().roles.find((r) => r.arn === roleArn('workloads/orders-api'))).toMatchObject({ attachedPolicies: [EBS], inlinePolicies: ['read'], permissionsBoundary: BOUNDARY });
    } finally {
      await again.close();
    }
  });
});
