import {
  DescribeAddonCommand,
  DescribeClusterCommand,
  DescribeUpdateCommand,
  ListAccessPoliciesCommand,
  ListAddonsCommand,
  ListClustersCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateClusterConfigCommand,
} from '@aws-sdk/client-eks';
import { failure, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: () => Date.parse('2025-06-01T00:00:00Z') });
});
afterEach(() => h.emulator.close());

describe('GIVEN clusters in the state', () => {
  test('WHEN ListClusters pages by 2 THEN every cluster of the caller region comes back once', async () => {
    const first = await h.eks.send(new ListClustersCommand({ maxResults: 2 }));
    expect(first.clusters).toEqual(['prod', 'legacy']);
    expect(first.nextToken).toBeDefined();
    const second = await h.eks.send(new ListClustersCommand({ maxResults: 2, nextToken: first.nextToken }));
    expect(second.clusters).toEqual(['auto']);
    expect(second.nextToken).toBeUndefined();
  });

  test('WHEN listing from another region THEN its clusters are not visible', async () => {
    const { eks } = h.clients({ region: 'eu-west-1' });
    expect((await eks.send(new ListClustersCommand({}))).clusters).toEqual([]);
    expect(await failure(eks.send(new DescribeClusterCommand({ name: 'prod' })))).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
  });

  test('WHEN maxResults is out of 1..100 THEN InvalidParameterException 400', async () => {
    expect(await failure(h.eks.send(new ListClustersCommand({ maxResults: 101 })))).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect(await failure(h.eks.send(new ListClustersCommand({ maxResults: 0 })))).toMatchObject({ name: 'InvalidParameterException', status: 400 });
  });

  test('WHEN describing THEN auth mode, OIDC issuer, Auto Mode and dates have the SDK shapes', async () => {
    const prod = (await h.eks.send(new DescribeClusterCommand({ name: 'prod' }))).cluster!;
    expect(prod.arn).toBe('arn:aws:eks:us-east-1:111122223333:cluster/prod');
    expect(prod.accessConfig?.authenticationMode).toBe('API_AND_CONFIG_MAP');
    expect(prod.identity?.oidc?.issuer).toMatch(/^https:\/\/oidc\.eks\.us-east-1\.amazonaws\.com\/id\/[0-9A-F]{32}$/);
    expect(prod.createdAt).toBeInstanceOf(Date);
    expect(prod.computeConfig?.enabled).toBeUndefined();
    const auto = (await h.eks.send(new DescribeClusterCommand({ name: 'auto' }))).cluster!;
    expect(auto.computeConfig?.enabled).toBe(true);
    expect(auto.identity?.oidc?.issuer).toBe('https://oidc.eks.us-east-1.amazonaws.com/id/AUTO');
  });

  test('WHEN the cluster is unknown THEN ResourceNotFoundException names it', async () => {
    const err = await failure(h.eks.send(new DescribeClusterCommand({ name: 'nope' })));
    expect(err).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
    expect(err.message).toContain('nope');
  });
});

describe('GIVEN add-ons', () => {
  test('WHEN ListAddons and DescribeAddon THEN the add-on lists the associations it owns', async () => {
    expect((await h.eks.send(new ListAddonsCommand({ clusterName: 'prod' }))).addons).toEqual(['eks-pod-identity-agent', 'aws-ebs-csi-driver']);
    const addon = (await h.eks.send(new DescribeAddonCommand({ clusterName: 'prod', addonName: 'aws-ebs-csi-driver' }))).addon!;
    expect(addon.status).toBe('ACTIVE');
    expect(addon.addonArn).toMatch(/^arn:aws:eks:us-east-1:111122223333:addon\/prod\/aws-ebs-csi-driver\//);
    expect(addon.podIdentityAssociations).toHaveLength(1);
    expect(addon.podIdentityAssociations![0]).toMatch(/:podidentityassociation\/prod\/a-/);
    const agent = (await h.eks.send(new DescribeAddonCommand({ clusterName: 'prod', addonName: 'eks-pod-identity-agent' }))).addon!;
    expect(agent.addonVersion).toBe('v1.3.4-eksbuild.1');
    expect(agent.podIdentityAssociations).toEqual([]);
  });

  test('WHEN the add-on is missing THEN ResourceNotFoundException 404', async () => {
    expect(await failure(h.eks.send(new DescribeAddonCommand({ clusterName: 'prod', addonName: 'vpc-cni' })))).toMatchObject({
      name: 'ResourceNotFoundException',
      status: 404,
    });
  });
});

describe('GIVEN the access policy catalogue', () => {
  test('WHEN paging ListAccessPolicies THEN names and partition ARNs come back across pages', async () => {
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await h.eks.send(new ListAccessPoliciesCommand({ maxResults: 5, nextToken }));
      expect(page.accessPolicies!.length).toBeLessThanOrEqual(5);
      for (const p of page.accessPolicies!) {
        expect(p.arn).toBe(`arn:aws:eks::aws:cluster-access-policy/${p.name}`);
        seen.push(p.name!);
      }
      nextToken = page.nextToken;
    } while (nextToken);
    expect(seen).toContain('AmazonEKSClusterAdminPolicy');
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('GIVEN UpdateClusterConfig for the authentication mode', () => {
  test('WHEN moving CONFIG_MAP → API_AND_CONFIG_MAP → API THEN each step returns an update DescribeUpdate finds', async () => {
    const first = (await h.eks.send(new UpdateClusterConfigCommand({ name: 'legacy', accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' } }))).update!;
    expect(first).toMatchObject({ status: 'InProgress', type: 'AccessConfigUpdate', params: [{ type: 'AuthenticationMode', value: 'API_AND_CONFIG_MAP' }] });
    const described = (await h.eks.send(new DescribeUpdateCommand({ name: 'legacy', updateId: first.id! }))).update!;
    expect(described.status).toBe('Successful');
    await h.eks.send(new UpdateClusterConfigCommand({ name: 'legacy', accessConfig: { authenticationMode: 'API' } }));
    expect((await h.eks.send(new DescribeClusterCommand({ name: 'legacy' }))).cluster!.accessConfig!.authenticationMode).toBe('API');
  });

  test('WHEN skipping a rung or going back THEN InvalidParameterException 400', async () => {
    const skip = await failure(h.eks.send(new UpdateClusterConfigCommand({ name: 'legacy', accessConfig: { authenticationMode: 'API' } })));
    expect(skip).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    const back = await failure(h.eks.send(new UpdateClusterConfigCommand({ name: 'auto', accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' } })));
    expect(back).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    const same = await failure(h.eks.send(new UpdateClusterConfigCommand({ name: 'prod', accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' } })));
    expect(same).toMatchObject({ name: 'InvalidParameterException', status: 400 });
  });

  test('WHEN the update id is unknown THEN ResourceNotFoundException', async () => {
    expect(await failure(h.eks.send(new DescribeUpdateCommand({ name: 'prod', updateId: 'nope' })))).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
  });
});

describe('GIVEN tags on a cluster', () => {
  const arn = 'arn:aws:eks:us-east-1:111122223333:cluster/prod';

  test('WHEN tagging and untagging THEN ListTagsForResource follows', async () => {
    await h.eks.send(new TagResourceCommand({ resourceArn: arn, tags: { team: 'platform', env: 'prod' } }));
    expect((await h.eks.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ team: 'platform', env: 'prod' });
    await h.eks.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['env'] }));
    expect((await h.eks.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ team: 'platform' });
  });

  test('WHEN tags are empty or use aws: THEN BadRequestException; unknown ARN THEN NotFoundException', async () => {
    expect(await failure(h.eks.send(new TagResourceCommand({ resourceArn: arn, tags: {} })))).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(await failure(h.eks.send(new TagResourceCommand({ resourceArn: arn, tags: { 'aws:x': 'y' } })))).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(await failure(h.eks.send(new ListTagsForResourceCommand({ resourceArn: `${arn}-gone` })))).toMatchObject({ name: 'NotFoundException', status: 404 });
  });
});
