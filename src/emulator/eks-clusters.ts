/** EKS cluster-level operations: clusters, access policies, auth-mode updates, DescribeUpdate, tags (add-ons: eks-addons.ts). */
import { bundledAccessPolicies } from '../model/access-policies.js';
import { ApiError, eksErrors } from './api-error.js';
import type { EksHandler } from './context.js';
import { findCluster, paginate, seconds, validateTags, visibleClusters } from './eks-common.js';
import type { Cluster } from './world.js';

/** Authentication modes in the only order EKS lets a cluster move through them. */
const MODE_LADDER = ['CONFIG_MAP', 'API_AND_CONFIG_MAP', 'API'] as const;

export function describeClusterShape(c: Cluster) {
  return {
    name: c.name,
    arn: c.arn,
    createdAt: seconds(c.createdAtMs),
    version: c.version,
    endpoint: `https://${c.name}.eks.emulator.local`,
    roleArn: `arn:${c.partition}:iam::${c.accountId}:role/eks-cluster-role`,
    identity: { oidc: { issuer: c.oidcIssuer } },
    status: c.status,
    platformVersion: 'eks.1',
    tags: { ...c.tags },
    accessConfig: { authenticationMode: c.authenticationMode },
    ...(c.autoMode
      ? {
          computeConfig: { enabled: true, nodePools: ['general-purpose', 'system'], nodeRoleArn: `arn:${c.partition}:iam::${c.accountId}:role/eks-auto-node-role` },
          storageConfig: { blockStorage: { enabled: true } },
          kubernetesNetworkConfig: { elasticLoadBalancing: { enabled: true } },
        }
      : {}),
  };
}

export const listClusters: EksHandler = (ctx, req) => {
  const names = visibleClusters(ctx).map((c) => c.name);
  const { page, nextToken } = paginate(req, names);
  return { clusters: page, nextToken };
};

export const describeCluster: EksHandler = (ctx, req) => ({ cluster: describeClusterShape(findCluster(ctx, req.params.name!)) });

export const listAccessPolicies: EksHandler = (ctx, req) => {
  const all = bundledAccessPolicies(ctx.partition);
  const { page, nextToken } = paginate(req, all);
  return { accessPolicies: page, nextToken };
};

export function updateShape(u: Cluster['updates'][number], status = u.status) {
  return { id: u.id, status, type: u.type, params: u.params, createdAt: seconds(u.createdAtMs), errors: status === u.status ? (u.errors ?? []) : [] };
}

/** Only the authentication mode is emulated; it moves one rung up the ladder per call. */
export const updateClusterConfig: EksHandler = (ctx, req) => {
  const cluster = findCluster(ctx, req.params.name!);
  const accessConfig = req.body.accessConfig as { authenticationMode?: unknown } | undefined;
  const others = Object.keys(req.body).filter((k) => k !== 'accessConfig' && k !== 'clientRequestToken');
  if (others.length > 0) throw eksErrors.invalidParameter(`The emulator supports only accessConfig updates (got ${others.join(', ')}).`);
  const target = accessConfig?.authenticationMode;
  if (typeof target !== 'string') throw eksErrors.invalidParameter('accessConfig.authenticationMode is required.');
  const from = MODE_LADDER.indexOf(cluster.authenticationMode);
  const to = MODE_LADDER.indexOf(target as (typeof MODE_LADDER)[number]);
  if (to < 0) throw eksErrors.invalidParameter(`Unsupported authentication mode: ${target}.`);
  if (to !== from + 1) {
    throw eksErrors.invalidParameter(`Unsupported authentication mode update from ${cluster.authenticationMode} to ${target}`, { clusterName: cluster.name });
  }
  const token = typeof req.body.clientRequestToken === 'string' ? req.body.clientRequestToken : undefined;
  const update = {
    id: token !== undefined ? `u-${token}` : ctx.ids.uuid(),
    type: 'AccessConfigUpdate',
    status: 'Successful' as const,
    params: [{ type: 'AuthenticationMode', value: target }],
    createdAtMs: ctx.now,
  };
  cluster.authenticationMode = MODE_LADDER[to]!;
  cluster.updates.push(update);
  // The change applies at once; the answer still says InProgress, as EKS does for this asynchronous call.
  return { update: updateShape(update, 'InProgress') };
};

export const describeUpdate: EksHandler = (ctx, req) => {
  const cluster = findCluster(ctx, req.params.name!);
  // An add-on update is found only with its addonName (EKS API reference, DescribeUpdate: "required if the update is an add-on update").
  const addonName = req.query.get('addonName') ?? undefined;
  const update = cluster.updates.find((u) => u.id === req.params.updateId && u.addonName === addonName);
  if (!update) throw eksErrors.notFound(`No update found for ID: ${req.params.updateId}`, { clusterName: cluster.name, ...(addonName !== undefined ? { addonName } : {}) });
  // An asynchronous update reports InProgress for a while before its outcome.
  if ((update.pendingPolls ?? 0) > 0) {
    update.pendingPolls = update.pendingPolls! - 1;
    return { update: updateShape(update, 'InProgress') };
  }
  return { update: updateShape(update) };
};

/** Resources that carry tags, found by ARN among the caller's clusters. */
function findTagged(ctx: Parameters<EksHandler>[0], arn: string): { tags: Record<string, string> } {
  for (const c of visibleClusters(ctx)) {
    if (c.arn === arn) return c;
    const hit = c.addons.find((a) => a.arn === arn) ?? c.associations.find((a) => a.arn === arn) ?? c.entries.find((e) => e.arn === arn);
    if (hit) return hit;
  }
  throw eksErrors.tagNotFound(`Resource ${arn} not found.`);
}

export const listTagsForResource: EksHandler = (ctx, req) => ({ tags: { ...findTagged(ctx, req.params.resourceArn!).tags } });

export const tagResource: EksHandler = (ctx, req) => {
  const resource = findTagged(ctx, req.params.resourceArn!);
  let tags: Record<string, string> | undefined;
  try {
    tags = validateTags(req.body.tags, true);
  } catch (err) {
    // The tagging API reports bad tags as BadRequestException, not InvalidParameterException.
    throw err instanceof ApiError ? eksErrors.badRequest(err.message) : err;
  }
  const merged = { ...resource.tags, ...tags };
  if (Object.keys(merged).length > 50) throw eksErrors.badRequest('A resource may have at most 50 tags.');
  resource.tags = merged;
  return {};
};

export const untagResource: EksHandler = (ctx, req) => {
  const resource = findTagged(ctx, req.params.resourceArn!);
  const keys = req.query.getAll('tagKeys');
  if (keys.length === 0) throw eksErrors.badRequest('tagKeys must contain at least one key.');
  if (keys.some((k) => k.toLowerCase().startsWith('aws:'))) throw eksErrors.badRequest('Tag keys with the aws: prefix are reserved.');
  const next = { ...resource.tags };
  for (const key of keys) delete next[key];
  resource.tags = next;
  return {};
};
