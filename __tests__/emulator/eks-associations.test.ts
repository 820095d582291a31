import {
  CreatePodIdentityAssociationCommand,
  DeletePodIdentityAssociationCommand,
  DescribePodIdentityAssociationCommand,
  ListPodIdentityAssociationsCommand,
  ListTagsForResourceCommand,
  UpdatePodIdentityAssociationCommand,
} from '@aws-sdk/client-eks';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { baseState, failure, roleArn, startHarness, type Harness } from './harness.js';

let clock = Date.parse('2025-06-01T00:00:00Z');
let h: Harness;
beforeEach(async () => {
  clock = Date.parse('2025-06-01T00:00:00Z');
  h = await startHarness({ now: () => clock });
});
afterEach(() => h.emulator.close());

const create = (serviceAccount: string, extra: Partial<ConstructorParameters<typeof CreatePodIdentityAssociationCommand>[0]> = {}) =>
  h.eks.send(new CreatePodIdentityAssociationCommand({ clusterName: 'prod', namespace: 'apps', serviceAccount, roleArn: roleArn('Karpenter'), ...extra }));

describe('GIVEN a cluster with an add-on-owned association', () => {
  test('WHEN creating, describing, updating and deleting THEN each answer has the documented shape', async () => {
    const created = (await create('web', { tags: { team: 'web' } })).association!;
    expect(created.associationId).toMatch(/^a-[a-z0-9]{17}$/);
    expect(created.associationArn).toBe(`arn:aws:eks:us-east-1:111122223333:podidentityassociation/prod/${created.associationId}`);
    expect(created).toMatchObject({ clusterName: 'prod', namespace: 'apps', serviceAccount: 'web', roleArn: roleArn('Karpenter'), disableSessionTags: false, tags: { team: 'web' } });
    expect(created.createdAt).toEqual(new Date(clock));

    clock += 60_000;
    const updated = (
      await h.eks.send(
        new UpdatePodIdentityAssociationCommand({
          clusterName: 'prod',
          associationId: created.associationId,
          roleArn: roleArn('team/AppRole'),
          targetRoleArn: 'arn:aws:iam::444455556666:role/Target',
          disableSessionTags: true,
          policy: '{"Version":"2012-10-17","Statement":[]}',
        }),
      )
    ).association!;
    expect(updated).toMatchObject({ roleArn: roleArn('team/AppRole'), targetRoleArn: 'arn:aws:iam::444455556666:role/Target', disableSessionTags: true });
    expect(updated.externalId).toBeDefined();
    expect(updated.modifiedAt!.getTime()).toBeGreaterThan(updated.createdAt!.getTime());

    const cleared = (await h.eks.send(new UpdatePodIdentityAssociationCommand({ clusterName: 'prod', associationId: created.associationId, targetRoleArn: '' }))).association!;
    expect(cleared.targetRoleArn).toBeUndefined();
    expect(cleared.externalId).toBeUndefined();

    const described = (await h.eks.send(new DescribePodIdentityAssociationCommand({ clusterName: 'prod', associationId: created.associationId }))).association!;
    expect(described.roleArn).toBe(roleArn('team/AppRole'));
    expect((await h.eks.send(new ListTagsForResourceCommand({ resourceArn: created.associationArn }))).tags).toEqual({ team: 'web' });

    const deleted = (await h.eks.send(new DeletePodIdentityAssociationCommand({ clusterName: 'prod', associationId: created.associationId }))).association!;
    expect(deleted.associationId).toBe(created.associationId);
    const gone = await failure(h.eks.send(new DescribePodIdentityAssociationCommand({ clusterName: 'prod', associationId: created.associationId })));
    expect(gone).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
    expect(await failure(h.eks.send(new DeletePodIdentityAssociationCommand({ clusterName: 'prod', associationId: created.associationId })))).toMatchObject({
      status: 404,
    });
  });

  test('WHEN listing with maxResults THEN pages carry summaries without roleArn, and the owner ARN shows', async () => {
    for (let i = 0; i < 5; i++) await create(`sa-${i}`);
    const all: Array<{ serviceAccount?: string; ownerArn?: string }> = [];
    let nextToken: string | undefined;
    do {
      const page = await h.eks.send(new ListPodIdentityAssociationsCommand({ clusterName: 'prod', maxResults: 2, nextToken }));
      expect(page.associations!.length).toBeLessThanOrEqual(2);
      for (const a of page.associations!) {
        expect(a).not.toHaveProperty('roleArn');
        all.push(a);
      }
      nextToken = page.nextToken;
    } while (nextToken);
    expect(all).toHaveLength(6);
    expect(all[0]!.ownerArn).toMatch(/:addon\/prod\/aws-ebs-csi-driver\//);
    const filtered = await h.eks.send(new ListPodIdentityAssociationsCommand({ clusterName: 'prod', namespace: 'apps', serviceAccount: 'sa-3' }));
    expect(filtered.associations!.map((a) => a.serviceAccount)).toEqual(['sa-3']);
  });

  test('WHEN maxResults is 0 or 101, or the token is garbage THEN InvalidParameterException', async () => {
    for (const maxResults of [0, 101]) {
      expect(await failure(h.eks.send(new ListPodIdentityAssociationsCommand({ clusterName: 'prod', maxResults })))).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    }
    expect(await failure(h.eks.send(new ListPodIdentityAssociationsCommand({ clusterName: 'prod', nextToken: '!!' })))).toMatchObject({ name: 'InvalidParameterException' });
  });

  test('WHEN the same service account is associated twice THEN ResourceInUseException 409', async () => {
    await create('web');
    expect(await failure(create('web'))).toMatchObject({ name: 'ResourceInUseException', status: 409 });
  });

  test('WHEN the same clientRequestToken is replayed THEN the first association comes back, not a 409', async () => {
    const first = (await create('web', { clientRequestToken: 'token-1' })).association!;
    const again = (await create('web', { clientRequestToken: 'token-1' })).association!;
    expect(again.associationId).toBe(first.associationId);
    expect(await failure(create('other', { clientRequestToken: 'token-1' }))).toMatchObject({ name: 'InvalidRequestException', status: 400 });
  });

  test('WHEN the role does not exist THEN InvalidParameterException', async () => {
    expect(await failure(create('web', { roleArn: roleArn('Missing') }))).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect(await failure(create('web', { roleArn: 'not-an-arn' }))).toMatchObject({ name: 'InvalidParameterException', status: 400 });
  });

  test('WHEN the role exists but in another account than the cluster THEN InvalidParameterException, as for a missing role', async () => {
    const state = baseState();
    const other = 'arn:aws:iam::999988887777:role/Karpenter';
    state.iam!.roles!.push({ arn: other });
    await h.emulator.close();
    h = await startHarness({ now: () => clock, state });
    const refused = await failure(create('web', { roleArn: other }));
    expect(refused).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect(refused.message).toContain('Role provided in the request does not exist');
    const ok = (await create('web')).association!;
    const update = h.eks.send(new UpdatePodIdentityAssociationCommand({ clusterName: 'prod', associationId: ok.associationId, roleArn: other }));
    expect(await failure(update)).toMatchObject({ name: 'InvalidParameterException', status: 400 });
  });

  test('WHEN a session policy comes without disableSessionTags THEN InvalidParameterException', async () => {
    expect(await failure(create('web', { policy: '{"Statement":[]}' }))).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    const ok = (await create('web', { policy: '{"Statement":[]}', disableSessionTags: true })).association!;
    const reenable = h.eks.send(new UpdatePodIdentityAssociationCommand({ clusterName: 'prod', associationId: ok.associationId, disableSessionTags: false }));
    expect(await failure(reenable)).toMatchObject({ name: 'InvalidParameterException' });
  });

  test('WHEN tags are sent empty or with the aws: prefix THEN InvalidParameterException', async () => {
    expect(await failure(create('web', { tags: {} }))).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect(await failure(create('web', { tags: { 'aws:owner': 'x' } }))).toMatchObject({ name: 'InvalidParameterException', status: 400 });
  });

  test('WHEN changing an add-on-owned association THEN InvalidRequestException, and it stays', async () => {
    const owned = (await h.eks.send(new ListPodIdentityAssociationsCommand({ clusterName: 'prod', namespace: 'kube-system' }))).associations![0]!;
    const update = h.eks.send(new UpdatePodIdentityAssociationCommand({ clusterName: 'prod', associationId: owned.associationId, roleArn: roleArn('Karpenter') }));
    expect(await failure(update)).toMatchObject({ name: 'InvalidRequestException', status: 400 });
    expect(await failure(h.eks.send(new DeletePodIdentityAssociationCommand({ clusterName: 'prod', associationId: owned.associationId })))).toMatchObject({
      name: 'InvalidRequestException',
    });
    expect((await h.eks.send(new DescribePodIdentityAssociationCommand({ clusterName: 'prod', associationId: owned.associationId }))).association!.ownerArn).toBe(owned.ownerArn);
  });

  test('WHEN IAM propagation is 5 s THEN a new role is refused until then', async () => {
    h.emulator.setFaults({ iamPropagationMs: 5000 });
    await h.iam.send(new CreateRoleCommand({ RoleName: 'Fresh', AssumeRolePolicyDocument: '{"Statement":[]}' }));
    expect(await failure(create('web', { roleArn: roleArn('Fresh') }))).toMatchObject({ name: 'InvalidParameterException' });
    clock += 5000;
    expect((await create('web', { roleArn: roleArn('Fresh') })).association!.roleArn).toBe(roleArn('Fresh'));
  });
});

describe('GIVEN a cluster at the 5,000 association quota', () => {
  test('WHEN one more is created THEN ResourceLimitExceededException', async () => {
    await h.emulator.close();
    const state = baseState();
    state.clusters![0]!.podIdentityAssociations = Array.from({ length: 4999 }, (_, i) => ({ namespace: 'bulk', serviceAccount: `sa-${i}`, roleArn: roleArn('Karpenter') }));
    h = await startHarness({ state });
    expect(await failure(create('one-too-many'))).toMatchObject({ name: 'ResourceLimitExceededException', status: 400 });
  });
});
