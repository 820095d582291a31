/**
 * Reads what the plan needs about the declared add-ons of one cluster, and nothing for the others:
 * DescribeAddon (version, IRSA role, namespace, owned association ARNs), DescribeAddonConfiguration
 * for the installed version (once per add-on version per run: it is the same for every cluster),
 * DescribePodIdentityAssociation for each owned association (the role is only there), and, for a
 * service account the add-on would gain, ListPodIdentityAssociations filtered to it (another
 * association holding it makes EKS refuse the update). Every call is paced like the other reads and
 * goes through the session's clients, so the run's deadline bounds it.
 */
import {
  DescribeAddonCommand,
  DescribeAddonConfigurationCommand,
  DescribePodIdentityAssociationCommand,
  ListPodIdentityAssociationsCommand,
  type DescribeAddonCommandOutput,
  type DescribeAddonConfigurationCommandOutput,
  type DescribePodIdentityAssociationCommandOutput,
  type ListPodIdentityAssociationsCommandOutput,
} from '@aws-sdk/client-eks';
import { addonNamespace, associationIdOfArn, type AddonPodIdentityConfig, type DesiredAddon, type LiveAddonAssociation, type LiveAddonDetail } from '../model/addon.js';
import { mapWithConcurrency } from './concurrency.js';
import { callAws, callAwsOrAbsent } from './errors.js';
import type { PacerRegistry } from './pacer.js';
import type { ClusterSession } from './session.js';

/** Answers remembered for the whole run (IamLookups implements it). */
export interface RunMemo {
  addonConfiguration<T>(region: string, addonName: string, version: string, read: () => Promise<T>): Promise<T>;
}

interface AddonReadContext {
  session: ClusterSession;
  pacers: PacerRegistry;
  clusterName: string;
  memo: RunMemo;
  concurrency: number;
}

/** The declared add-ons that are installed, each read in detail; the others are left out (the plan reports them). */
export async function readAddonDetails(ctx: AddonReadContext, declared: readonly DesiredAddon[], installed: readonly string[]): Promise<Record<string, LiveAddonDetail>> {
  const wanted = declared.filter((a) => installed.includes(a.name));
  const read = await mapWithConcurrency(wanted, ctx.concurrency, async (addon) => [addon.name, await readAddonDetail(ctx, addon)] as const);
  return Object.fromEntries(read.filter((entry): entry is readonly [string, LiveAddonDetail] => entry[1] !== undefined));
}

async function readAddonDetail(ctx: AddonReadContext, addon: DesiredAddon): Promise<LiveAddonDetail | undefined> {
  const where = `add-on ${addon.name} of cluster ${ctx.clusterName} (${ctx.session.region})`;
  const eks = ctx.session.clients.eks;
  const answer = await callAwsOrAbsent('DescribeAddon', where, () =>
    ctx.pacers.send<DescribeAddonCommandOutput>(eks, new DescribeAddonCommand({ clusterName: ctx.clusterName, addonName: addon.name })),
  );
  // Uninstalled between the list and the describe: absent, like any object deleted mid-read.
  if (!answer?.addon) return undefined;
  const a = answer.addon;
  const version = a.addonVersion ?? '';
  const [configuration, associations] = await Promise.all([
    readConfiguration(ctx, addon.name, version),
    mapWithConcurrency(a.podIdentityAssociations ?? [], ctx.concurrency, (arn) => describeOwned(ctx, arn, where)),
  ]);
  const owned = associations.filter((x): x is LiveAddonAssociation => x !== undefined).sort((x, y) => (x.serviceAccount < y.serviceAccount ? -1 : 1));
  const namespace = addonNamespace(addon.name, { ...(a.namespaceConfig?.namespace ? { namespace: a.namespaceConfig.namespace } : {}), associations: owned });
  const gained = addon.associations.filter((d) => !owned.some((o) => o.serviceAccount === d.serviceAccount));
  const foreign = (await mapWithConcurrency(gained, ctx.concurrency, (d) => findForeign(ctx, namespace, d.serviceAccount, where))).flat();
  return {
    version,
    ...(a.addonArn ? { arn: a.addonArn } : {}),
    ...(a.status ? { status: a.status } : {}),
    ...(a.namespaceConfig?.namespace ? { namespace: a.namespaceConfig.namespace } : {}),
    ...(a.serviceAccountRoleArn ? { serviceAccountRoleArn: a.serviceAccountRoleArn } : {}),
    podIdentityConfiguration: configuration ?? [],
    ...(configuration === undefined ? { configurationUnknown: true } : {}),
    associations: owned,
    ...(foreign.length > 0 ? { foreign } : {}),
  };
}

/** The version's podIdentityConfiguration; undefined when EKS does not know the version. */
function readConfiguration(ctx: AddonReadContext, addonName: string, version: string): Promise<AddonPodIdentityConfig[] | undefined> {
  return ctx.memo.addonConfiguration(ctx.session.region, addonName, version, async () => {
    const answer = await callAwsOrAbsent('DescribeAddonConfiguration', `add-on ${addonName} ${version}`, () =>
      ctx.pacers.send<DescribeAddonConfigurationCommandOutput>(ctx.session.clients.eks, new DescribeAddonConfigurationCommand({ addonName, addonVersion: version })),
    );
    if (!answer) return undefined;
    return (answer.podIdentityConfiguration ?? []).flatMap((c) => (c.serviceAccount ? [{ serviceAccount: c.serviceAccount, recommendedManagedPolicies: [...(c.recommendedManagedPolicies ?? [])] }] : []));
  });
}

async function describeOwned(ctx: AddonReadContext, arn: string, where: string): Promise<LiveAddonAssociation | undefined> {
  const associationId = associationIdOfArn(arn);
  if (associationId === undefined) return undefined;
  const answer = await callAwsOrAbsent('DescribePodIdentityAssociation', `association ${associationId} of ${where}`, () =>
    ctx.pacers.send<DescribePodIdentityAssociationCommandOutput>(ctx.session.clients.eks, new DescribePodIdentityAssociationCommand({ clusterName: ctx.clusterName, associationId })),
  );
  const a = answer?.association;
  return a ? { associationId, namespace: a.namespace ?? '', serviceAccount: a.serviceAccount ?? '', roleArn: a.roleArn ?? '' } : undefined;
}

/** Associations of (namespace, service account), which the add-on does not own (it owns none for it): at most one exists. */
async function findForeign(ctx: AddonReadContext, namespace: string, serviceAccount: string, where: string): Promise<LiveAddonAssociation[]> {
  const page = await callAws('ListPodIdentityAssociations', `service account ${namespace}/${serviceAccount} for ${where}`, () =>
    ctx.pacers.send<ListPodIdentityAssociationsCommandOutput>(ctx.session.clients.eks, new ListPodIdentityAssociationsCommand({ clusterName: ctx.clusterName, namespace, serviceAccount })),
  );
  return (page.associations ?? []).map((s) => ({ associationId: s.associationId ?? '', namespace, serviceAccount, roleArn: '' }));
}
