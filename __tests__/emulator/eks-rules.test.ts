/** The EKS rules the plan checks first, answered by the emulator through the real SDK clients. */
import {
  AssociateAccessPolicyCommand,
  CreateAccessEntryCommand,
  CreatePodIdentityAssociationCommand,
  DescribeAccessEntryCommand,
  ListAccessPoliciesCommand,
  TagResourceCommand,
  UpdateAccessEntryCommand,
  UpdatePodIdentityAssociationCommand,
} from '@aws-sdk/client-eks';
import { bundledAccessPolicies } from '../../src/model/access-policies.js';
import { ACCOUNT, baseState, failure, roleArn, startHarness, type Harness } from './harness.js';

const EMR_ROLE = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/emr-containers.amazonaws.com/AWSServiceRoleForAmazonEMRContainers`;
let h: Harness;
beforeEach(async () => {
  const state = baseState();
  state.iam!.roles!.push({ arn: EMR_ROLE }, { arn: roleArn('Nodes') }, { arn: 'arn:aws:iam::999988887777:role/OtherNodes' });
  state.iam!.users!.push({ arn: `arn:aws:iam::${ACCOUNT}:user/alice` });
  state.clusters!.push({ name: 'cn', region: 'cn-north-1' });
  h = await startHarness({ state });
});
afterEach(() => h.emulator.close());

const createEntry = (input: Omit<ConstructorParameters<typeof CreateAccessEntryCommand>[0], 'clusterName'>) => h.eks.send(new CreateAccessEntryCommand({ clusterName: 'prod', ...input }));

async function listAllPolicies(region: string): Promise<Array<{ name?: string; arn?: string }>> {
  const eks = h.clients({ region }).eks;
  const out: Array<{ name?: string; arn?: string }> = [];
  let nextToken: string | undefined;
  do {
    const page = await eks.send(new ListAccessPoliciesCommand({ maxResults: 10, ...(nextToken ? { nextToken } : {}) }));
    out.push(...(page.accessPolicies ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

describe('GIVEN the access-policy catalog', () => {
  test('WHEN ListAccessPolicies is paged in each partition THEN it is the bundled catalog with that partition in every ARN', async () => {
    const aws = await listAllPolicies('us-east-1');
    expect(aws).toEqual(bundledAccessPolicies('aws'));
    expect(aws.map((p) => p.name)).toEqual(expect.arrayContaining(['AmazonEMRJobPolicy', 'AmazonEKSAutoNodePolicy', 'AmazonEKSHybridPolicy', 'AmazonSagemakerHyperpodClusterPolicy', 'AmazonEKSSecretReaderPolicy']));
    const cn = await listAllPolicies('cn-north-1');
    expect(cn).toEqual(bundledAccessPolicies('aws-cn'));
    expect(cn.every((p) => p.arn!.startsWith('arn:aws-cn:eks::aws:cluster-access-policy/'))).toBe(true);
  });

  test('WHEN an EMR on EKS entry gets AmazonEMRJobPolicy in one namespace THEN it is accepted', async () => {
    await createEntry({ principalArn: EMR_ROLE });
    const answer = await h.eks.send(
      new AssociateAccessPolicyCommand({
        clusterName: 'prod',
        principalArn: EMR_ROLE,
        policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEMRJobPolicy',
        accessScope: { type: 'namespace', namespaces: ['spark-jobs'] },
      }),
    );
    expect(answer.associatedAccessPolicy).toMatchObject({ accessScope: { type: 'namespace', namespaces: ['spark-jobs'] } });
  });

  test('WHEN a misspelled policy or a bad scope namespace is associated THEN EKS refuses it', async () => {
    await createEntry({ principalArn: roleArn('Karpenter') });
    const associate = (policyArn: string, namespaces?: string[]) =>
      h.eks.send(new AssociateAccessPolicyCommand({ clusterName: 'prod', principalArn: roleArn('Karpenter'), policyArn, accessScope: namespaces ? { type: 'namespace', namespaces } : { type: 'cluster' } }));
    expect(await failure(associate('arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdmin'))).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect(await failure(associate('arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', ['Team_A']))).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('Team_A') });
    await expect(associate('arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', ['team-*'])).resolves.toBeDefined();
  });
});

describe('GIVEN node-type access entries', () => {
  test.each([
    ['EC2_LINUX', 'system:node:{{EC2PrivateDNSName}}', ['system:nodes']],
    ['EC2_WINDOWS', 'system:node:{{EC2PrivateDNSName}}', ['eks:kube-proxy-windows', 'system:nodes']],
    ['FARGATE_LINUX', 'system:node:{{SessionName}}', ['system:node-proxier', 'system:nodes']],
    ['HYBRID_LINUX', 'system:node:{{SessionName}}', ['system:nodes']],
    ['EC2', 'system:node:{{EC2PrivateDNSName}}', []],
  ])('WHEN a %s entry is created THEN it carries the username and groups EKS gives it', async (type, username, groups) => {
    await createEntry({ principalArn: roleArn('Nodes'), type });
    const entry = (await h.eks.send(new DescribeAccessEntryCommand({ clusterName: 'prod', principalArn: roleArn('Nodes') }))).accessEntry!;
    expect(entry).toMatchObject({ type, username, kubernetesGroups: groups });
  });

  test('WHEN the principal is an IAM user or a role of another account THEN EKS refuses it', async () => {
    expect(await failure(createEntry({ principalArn: `arn:aws:iam::${ACCOUNT}:user/alice`, type: 'EC2_LINUX' }))).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('IAM user') });
    expect(await failure(createEntry({ principalArn: 'arn:aws:iam::999988887777:role/OtherNodes', type: 'FARGATE_LINUX' }))).toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining("cluster's account 111122223333"),
    });
    // STANDARD entries take principals of any account.
    await expect(createEntry({ principalArn: 'arn:aws:iam::999988887777:role/OtherNodes' })).resolves.toBeDefined();
  });

  test('WHEN groups, a username or a policy is given to a node type THEN EKS refuses it', async () => {
    expect(await failure(createEntry({ principalArn: roleArn('Nodes'), type: 'EC2_LINUX', kubernetesGroups: ['ops'] }))).toMatchObject({ name: 'InvalidParameterException' });
    await createEntry({ principalArn: roleArn('Nodes'), type: 'HYBRID_LINUX' });
    expect(await failure(h.eks.send(new UpdateAccessEntryCommand({ clusterName: 'prod', principalArn: roleArn('Nodes'), username: 'me' })))).toMatchObject({ name: 'InvalidParameterException' });
    const associate = h.eks.send(new AssociateAccessPolicyCommand({ clusterName: 'prod', principalArn: roleArn('Nodes'), policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSHybridPolicy', accessScope: { type: 'cluster' } }));
    expect(await failure(associate)).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('HYBRID_LINUX') });
  });
});

describe('GIVEN limits on what a request carries', () => {
  test('WHEN a username uses {{SessionName}} without a colon before it THEN EKS refuses it; with one it is accepted', async () => {
    expect(await failure(createEntry({ principalArn: roleArn('Karpenter'), username: 'admin{{SessionName}}' }))).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('colon') });
    await expect(createEntry({ principalArn: roleArn('Karpenter'), username: 'admin:{{SessionName}}' })).resolves.toBeDefined();
  });

  test('WHEN a session policy is over 2,048 characters or holds a character STS refuses THEN EKS refuses the association', async () => {
    const create = (policy: string) =>
      h.eks.send(new CreatePodIdentityAssociationCommand({ clusterName: 'prod', namespace: 'app', serviceAccount: 'app', roleArn: roleArn('Karpenter'), disableSessionTags: true, policy }));
    const longPolicy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'b'.repeat(2000)}/*` }] });
    expect(await failure(create(longPolicy))).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('2048') });
    expect(await failure(create('{"Version":"2012-10-17","Statement":[{"Sid":"café→","Effect":"Allow","Action":"s3:*","Resource":"*"}]}'))).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('U+2192') });
    const ok = await create('{"Version":"2012-10-17","Statement":[{"Sid":"café","Effect":"Allow","Action":"s3:*","Resource":"*"}]}');
    expect(await failure(h.eks.send(new UpdatePodIdentityAssociationCommand({ clusterName: 'prod', associationId: ok.association!.associationId!, policy: longPolicy })))).toMatchObject({ name: 'InvalidParameterException' });
  });

  test('WHEN a namespace or service account is not a Kubernetes name THEN EKS refuses the association', async () => {
    const create = (namespace: string, serviceAccount: string) => h.eks.send(new CreatePodIdentityAssociationCommand({ clusterName: 'prod', namespace, serviceAccount, roleArn: roleArn('Karpenter') }));
    expect(await failure(create('Billing', 'app'))).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('Billing') });
    expect(await failure(create('app', 'a'.repeat(254)))).toMatchObject({ name: 'InvalidParameterException' });
  });

  test('WHEN tags break a limit THEN create answers InvalidParameterException and TagResource BadRequestException', async () => {
    const created = await createEntry({ principalArn: roleArn('Karpenter'), tags: { team: 'a' } });
    expect(await failure(createEntry({ principalArn: roleArn('team/AppRole'), tags: { team: 'v'.repeat(257) } }))).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('256') });
    const tag = (tags: Record<string, string>) => h.eks.send(new TagResourceCommand({ resourceArn: created.accessEntry!.accessEntryArn!, tags }));
    expect(await failure(tag({ 'AWS:x': '1' }))).toMatchObject({ name: 'BadRequestException', message: expect.stringContaining('aws:') });
    expect(await failure(tag({ ['k'.repeat(129)]: '1' }))).toMatchObject({ name: 'BadRequestException' });
    expect(await failure(tag(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']))))).toMatchObject({ name: 'BadRequestException', message: expect.stringContaining('50') });
  });
});
