import {
  DescribeAddonCommand,
  DescribeAddonConfigurationCommand,
  DescribePodIdentityAssociationCommand,
  DescribeUpdateCommand,
  ListPodIdentityAssociationsCommand,
  UpdateAddonCommand,
  UpdatePodIdentityAssociationCommand,
} from '@aws-sdk/client-eks';
import type { EmulatorState } from '../../src/emulator/index.js';
import { ACCOUNT, baseState, failure, roleArn, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: () => Date.parse('2025-06-01T00:00:00Z') });
});
afterEach(() => h.emulator.close());

const owned = async (addonName: string) => {
  const addon = (await h.eks.send(new DescribeAddonCommand({ clusterName: 'prod', addonName }))).addon!;
  const ids = (addon.podIdentityAssociations ?? []).map((arn) => arn.split('/').pop()!);
  return Promise.all(ids.map(async (associationId) => (await h.eks.send(new DescribePodIdentityAssociationCommand({ clusterName: 'prod', associationId }))).association!));
};

describe('GIVEN the add-on catalog', () => {
  test('WHEN DescribeAddonConfiguration names a version with Pod Identity THEN it gives the service account and recommended policies', async () => {
    const answer = await h.eks.send(new DescribeAddonConfigurationCommand({ addonName: 'aws-ebs-csi-driver', addonVersion: 'v1.37.0-eksbuild.1' }));
    expect(answer.podIdentityConfiguration).toEqual([{ serviceAccount: 'ebs-csi-controller-sa', recommendedManagedPolicies: ['arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy'] }]);
    expect(answer.configurationSchema).toBeDefined();
  });

  test('WHEN the version predates Pod Identity THEN podIdentityConfiguration is absent', async () => {
    const answer = await h.eks.send(new DescribeAddonConfigurationCommand({ addonName: 'aws-ebs-csi-driver', addonVersion: 'v1.25.0-eksbuild.1' }));
    expect(answer.podIdentityConfiguration).toBeUndefined();
  });

  test('WHEN the request is from a China region THEN the policy ARNs are in aws-cn', async () => {
    const { eks } = h.clients({ region: 'cn-north-1' });
    const answer = await eks.send(new DescribeAddonConfigurationCommand({ addonName: 'vpc-cni', addonVersion: 'v1.19.2-eksbuild.1' }));
    expect(answer.podIdentityConfiguration?.[0]?.recommendedManagedPolicies).toEqual(['arn:aws-cn:iam::aws:policy/AmazonEKS_CNI_Policy']);
  });

  test('WHEN the version is unknown THEN ResourceNotFoundException', async () => {
    expect(await failure(h.eks.send(new DescribeAddonConfigurationCommand({ addonName: 'aws-ebs-csi-driver', addonVersion: 'v9' })))).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
  });
});

describe('GIVEN an installed add-on that owns an association', () => {
  test('WHEN DescribeAddon THEN it gives the namespace and the owned association ARNs', async () => {
    const addon = (await h.eks.send(new DescribeAddonCommand({ clusterName: 'prod', addonName: 'aws-ebs-csi-driver' }))).addon!;
    expect(addon.namespaceConfig?.namespace).toBe('kube-system');
    expect(addon.addonVersion).toBe('v1.37.0-eksbuild.1');
    expect(addon.podIdentityAssociations).toHaveLength(1);
  });

  test('WHEN UpdateAddon gives a new role THEN the update is InProgress, then Successful, and the owned association has the role', async () => {
    const { update } = await h.eks.send(new UpdateAddonCommand({ clusterName: 'prod', addonName: 'aws-ebs-csi-driver', podIdentityAssociations: [{ serviceAccount: 'ebs-csi-controller-sa', roleArn: roleArn('Karpenter') }] }));
    expect(update).toMatchObject({ type: 'AddonUpdate', status: 'InProgress' });
    const poll = () => h.eks.send(new DescribeUpdateCommand({ name: 'prod', updateId: update!.id, addonName: 'aws-ebs-csi-driver' }));
    expect((await poll()).update?.status).toBe('InProgress');
    const done = (await poll()).update!;
    expect(done.status).toBe('Successful');
    expect(done.params).toContainEqual({ type: 'PodIdentityAssociations', value: expect.stringContaining('ebs-csi-controller-sa') });
    const [association] = await owned('aws-ebs-csi-driver');
    expect(association).toMatchObject({ roleArn: roleArn('Karpenter'), namespace: 'kube-system', ownerArn: expect.stringContaining(':addon/prod/aws-ebs-csi-driver/') });
  });

  test('WHEN DescribeUpdate leaves out the addonName THEN the add-on update is not found', async () => {
    const { update } = await h.eks.send(new UpdateAddonCommand({ clusterName: 'prod', addonName: 'aws-ebs-csi-driver', podIdentityAssociations: [] }));
    expect(await failure(h.eks.send(new DescribeUpdateCommand({ name: 'prod', updateId: update!.id })))).toMatchObject({ name: 'ResourceNotFoundException' });
  });

  test('WHEN UpdateAddon sends an empty list THEN the owned associations are deleted; without the field nothing changes', async () => {
    const { update } = await h.eks.send(new UpdateAddonCommand({ clusterName: 'prod', addonName: 'aws-ebs-csi-driver' }));
    expect(await owned('aws-ebs-csi-driver')).toHaveLength(1);
    for (let i = 0; i < 2; i++) await h.eks.send(new DescribeUpdateCommand({ name: 'prod', updateId: update!.id, addonName: 'aws-ebs-csi-driver' }));
    await h.eks.send(new UpdateAddonCommand({ clusterName: 'prod', addonName: 'aws-ebs-csi-driver', podIdentityAssociations: [] }));
    expect(await owned('aws-ebs-csi-driver')).toHaveLength(0);
  });

  test('WHEN a second update comes while one is in progress THEN ResourceInUseException', async () => {
    await h.eks.send(new UpdateAddonCommand({ clusterName: 'prod', addonName: 'aws-ebs-csi-driver', podIdentityAssociations: [] }));
    expect(await failure(h.eks.send(new UpdateAddonCommand({ clusterName: 'prod', addonName: 'aws-ebs-csi-driver', podIdentityAssociations: [] })))).toMatchObject({ name: 'ResourceInUseException' });
  });

  test('WHEN the service account is not the add-on\'s THEN InvalidParameterException as EKS words it, and nothing changes', async () => {
    const err = await failure(h.eks.send(new UpdateAddonCommand({ clusterName: 'prod', addonName: 'aws-ebs-csi-driver', podIdentityAssociations: [{ serviceAccount: 'ebs-csi-node-sa', roleArn: roleArn('EbsCsi') }] })));
    expect(err).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect(err.message).toBe('Service account ebs-csi-node-sa in pod identity configuration is not supported for addon aws-ebs-csi-driver');
    expect(await owned('aws-ebs-csi-driver')).toHaveLength(1);
  });

  test('WHEN the role does not exist THEN InvalidParameterException', async () => {
    const err = await failure(h.eks.send(new UpdateAddonCommand({ clusterName: 'prod', addonName: 'aws-ebs-csi-driver', podIdentityAssociations: [{ serviceAccount: 'ebs-csi-controller-sa', roleArn: roleArn('Nope') }] })));
    expect(err).toMatchObject({ name: 'InvalidParameterException' });
  });

  test('WHEN the association API tries to change an owned association THEN InvalidRequestException', async () => {
    const [association] = await owned('aws-ebs-csi-driver');
    expect(await failure(h.eks.send(new UpdatePodIdentityAssociationCommand({ clusterName: 'prod', associationId: association!.associationId, roleArn: roleArn('Karpenter') })))).toMatchObject({ name: 'InvalidRequestException' });
  });
});

/** Replaces the harness with one started from the base state changed by `change`. */
async function restartWith(change: (state: EmulatorState) => void): Promise<Harness> {
  await h.emulator.close();
  const state = baseState();
  change(state);
  h = await startHarness({ state });
  return h;
}

describe('GIVEN add-ons in other states', () => {
  test('WHEN the installed version does not support Pod Identity THEN UpdateAddon is refused with the version', async () => {
    const { eks: client } = await restartWith((state) => state.clusters![0]!.addons!.push({ name: 'vpc-cni', version: 'v1.15.1-eksbuild.1' }));
    {
      const err = await failure(client.send(new UpdateAddonCommand({ clusterName: 'prod', addonName: 'vpc-cni', podIdentityAssociations: [{ serviceAccount: 'aws-node', roleArn: roleArn('Karpenter') }] })));
      expect(err).toMatchObject({ name: 'InvalidParameterException', message: 'Pod Identity feature is not supported for addon version: v1.15.1-eksbuild.1' });
    }
  });

  test('WHEN an update is set to fail THEN DescribeUpdate ends Failed with the error and the associations stay', async () => {
    const { eks: client } = await restartWith((state) => {
      state.clusters![0]!.addons![1]!.updateFailure = { errorCode: 'AccessDenied', errorMessage: 'the role cannot be assumed' };
    });
    {
      const { update } = await client.send(new UpdateAddonCommand({ clusterName: 'prod', addonName: 'aws-ebs-csi-driver', podIdentityAssociations: [] }));
      await client.send(new DescribeUpdateCommand({ name: 'prod', updateId: update!.id, addonName: 'aws-ebs-csi-driver' }));
      const done = (await client.send(new DescribeUpdateCommand({ name: 'prod', updateId: update!.id, addonName: 'aws-ebs-csi-driver' }))).update!;
      expect(done.status).toBe('Failed');
      expect(done.errors).toEqual([{ errorCode: 'AccessDenied', errorMessage: 'the role cannot be assumed', resourceIds: ['aws-ebs-csi-driver'] }]);
      const listed = await client.send(new ListPodIdentityAssociationsCommand({ clusterName: 'prod' }));
      expect(listed.associations?.map((a) => a.serviceAccount)).toContain('ebs-csi-controller-sa');
    }
  });

  test('WHEN a plain association holds the service account THEN UpdateAddon is refused with ResourceInUseException', async () => {
    const { eks: client } = await restartWith((state) => {
      state.clusters![0]!.addons!.push({ name: 'vpc-cni' });
      state.clusters![0]!.podIdentityAssociations = [{ namespace: 'kube-system', serviceAccount: 'aws-node', roleArn: `arn:aws:iam::${ACCOUNT}:role/Karpenter` }];
    });
    {
      expect(await failure(client.send(new UpdateAddonCommand({ clusterName: 'prod', addonName: 'vpc-cni', podIdentityAssociations: [{ serviceAccount: 'aws-node', roleArn: roleArn('Karpenter') }] })))).toMatchObject({ name: 'ResourceInUseException' });
    }
  });

  test('WHEN the cluster holds 5,000 associations THEN an update that adds one is refused (ResourceLimitExceededException), and one that only changes a role is not', async () => {
    const { eks: client } = await restartWith((state) => {
      const cluster = state.clusters![0]!;
      cluster.addons!.push({ name: 'vpc-cni' });
      const owned = cluster.addons!.find((a) => a.name === 'aws-ebs-csi-driver')!.podIdentityAssociations ?? [];
      cluster.podIdentityAssociations = Array.from({ length: 5000 - owned.length }, (_, i) => ({ namespace: `ns-${i % 50}`, serviceAccount: `sa-${i}`, roleArn: roleArn('Karpenter') }));
    });
    {
      const add = client.send(new UpdateAddonCommand({ clusterName: 'prod', addonName: 'vpc-cni', podIdentityAssociations: [{ serviceAccount: 'aws-node', roleArn: roleArn('Karpenter') }] }));
      expect(await failure(add)).toMatchObject({ name: 'ResourceLimitExceededException' });
      const change = await client.send(new UpdateAddonCommand({ clusterName: 'prod', addonName: 'aws-ebs-csi-driver', podIdentityAssociations: [{ serviceAccount: 'ebs-csi-controller-sa', roleArn: roleArn('Karpenter') }] }));
      expect(change.update?.status).toBe('InProgress');
    }
  });
});
