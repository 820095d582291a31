/**
 * EKS add-on operations: ListAddons, DescribeAddon, DescribeAddonConfiguration and UpdateAddon
 * with its `podIdentityAssociations`, which create, update and delete the associations the
 * add-on owns (ownerArn). Installing add-ons and changing versions are out of scope: UpdateAddon
 * accepts a catalog version and the IRSA role, and refuses what EKS refuses for the associations
 * with the rules of src/model/addon.ts, the same the plan checks.
 */
import { addonAssociationProblems } from '../model/addon.js';
import { podIdentityConfigurationOf } from './addon-catalog.js';
import { eksErrors } from './api-error.js';
import type { EksHandler, RequestContext } from './context.js';
import { checkRoleExists, refuseOverAssociationQuota } from './eks-associations.js';
import { updateShape } from './eks-clusters.js';
import { findCluster, optionalString, paginate, seconds } from './eks-common.js';
import { associationArn, type Addon, type Cluster, type ClusterUpdate } from './world.js';

function findAddon(cluster: Cluster, name: string): Addon {
  const addon = cluster.addons.find((a) => a.name === name);
  if (!addon) throw eksErrors.notFound(`No addon: ${name} found in cluster: ${cluster.name}`, { clusterName: cluster.name, addonName: name });
  return addon;
}

export const listAddons: EksHandler = (ctx, req) => {
  const cluster = findCluster(ctx, req.params.clusterName!);
  const { page, nextToken } = paginate(req, cluster.addons.map((a) => a.name));
  return { addons: page, nextToken };
};

export const describeAddon: EksHandler = (ctx, req) => {
  const cluster = findCluster(ctx, req.params.clusterName!);
  const addon = findAddon(cluster, req.params.addonName!);
  return {
    addon: {
      addonName: addon.name,
      clusterName: cluster.name,
      status: addon.status,
      addonVersion: addon.version,
      health: { issues: [] },
      addonArn: addon.arn,
      createdAt: seconds(addon.createdAtMs),
      modifiedAt: seconds(addon.modifiedAtMs),
      ...(addon.serviceAccountRoleArn !== undefined ? { serviceAccountRoleArn: addon.serviceAccountRoleArn } : {}),
      tags: { ...addon.tags },
      podIdentityAssociations: cluster.associations.filter((p) => p.addonName === addon.name).map((p) => p.arn),
      namespaceConfig: { namespace: addon.namespace },
    },
  };
};

/** GET /addons/configuration-schemas?addonName=&addonVersion= (both required by the API reference). */
export const describeAddonConfiguration: EksHandler = (ctx, req) => {
  const name = req.query.get('addonName');
  const version = req.query.get('addonVersion');
  if (!name) throw eksErrors.invalidParameter('addonName is required.');
  if (!version) throw eksErrors.invalidParameter('addonVersion is required.');
  const configuration = podIdentityConfigurationOf(name, version, ctx.partition);
  if (configuration === undefined) throw eksErrors.notFound(`No addon: ${name} with version: ${version} found.`, { addonName: name });
  return {
    addonName: name,
    addonVersion: version,
    configurationSchema: '{"$schema":"http://json-schema.org/draft-07/schema#","type":"object"}',
    ...(configuration.length > 0 ? { podIdentityConfiguration: configuration } : {}),
  };
};

interface RequestedAssociation {
  serviceAccount: string;
  roleArn: string;
}

/** The list as sent; undefined when the field is absent (UpdateAddon then leaves the associations alone). */
function requestedAssociations(body: Record<string, unknown>): RequestedAssociation[] | undefined {
  const value = body.podIdentityAssociations;
  if (value === undefined || value === null) return undefined;
  const wellFormed = (item: unknown): item is RequestedAssociation =>
    typeof item === 'object' && item !== null && typeof (item as RequestedAssociation).serviceAccount === 'string' && typeof (item as RequestedAssociation).roleArn === 'string';
  if (!Array.isArray(value) || !value.every(wellFormed)) throw eksErrors.invalidParameter('podIdentityAssociations must be a list of {serviceAccount, roleArn}.');
  return value;
}

/** Replaces the add-on's associations with the requested list: update the role, create the new, delete the rest. */
function syncOwnedAssociations(ctx: RequestContext, cluster: Cluster, addon: Addon, requested: readonly RequestedAssociation[]): void {
  const wanted = new Set(requested.map((r) => r.serviceAccount));
  for (const r of requested) {
    const existing = cluster.associations.find((a) => a.addonName === addon.name && a.serviceAccount === r.serviceAccount);
    if (existing) {
      if (existing.roleArn !== r.roleArn) {
        existing.roleArn = r.roleArn;
        existing.modifiedAtMs = ctx.now;
      }
      continue;
    }
    const id = ctx.ids.associationId();
    cluster.associations.push({
      id,
      arn: associationArn(cluster, id),
      namespace: addon.namespace,
      serviceAccount: r.serviceAccount,
      roleArn: r.roleArn,
      disableSessionTags: false,
      tags: {},
      createdAtMs: ctx.now,
      modifiedAtMs: ctx.now,
      addonName: addon.name,
    });
  }
  cluster.associations = cluster.associations.filter((a) => a.addonName !== addon.name || wanted.has(a.serviceAccount));
}

const RESOLVE_CONFLICTS = ['OVERWRITE', 'NONE', 'PRESERVE'];

export const updateAddon: EksHandler = (ctx, req) => {
  const cluster = findCluster(ctx, req.params.clusterName!);
  const addon = findAddon(cluster, req.params.addonName!);
  const token = optionalString(req.body, 'clientRequestToken');
  if (token !== undefined) {
    const earlier = cluster.updates.find((u) => u.addonName === addon.name && u.clientRequestToken === token);
    if (earlier) return { update: updateShape(earlier, 'InProgress') };
  }
  // The API reference lists ResourceInUseException for UpdateAddon: one update of an add-on at a time.
  if (cluster.updates.some((u) => u.addonName === addon.name && (u.pendingPolls ?? 0) > 0)) {
    throw eksErrors.inUse(`Addon ${addon.name} is already being updated on cluster ${cluster.name}.`, { clusterName: cluster.name, addonName: addon.name });
  }
  const version = optionalString(req.body, 'addonVersion') ?? addon.version;
  if (version !== addon.version && podIdentityConfigurationOf(addon.name, version, ctx.partition) === undefined) {
    throw eksErrors.invalidParameter(`Addon version ${version} is not supported for addon ${addon.name}.`, { clusterName: cluster.name, addonName: addon.name });
  }
  const resolveConflicts = optionalString(req.body, 'resolveConflicts');
  if (resolveConflicts !== undefined && !RESOLVE_CONFLICTS.includes(resolveConflicts)) throw eksErrors.invalidParameter(`resolveConflicts must be one of ${RESOLVE_CONFLICTS.join(', ')}.`);
  const serviceAccountRoleArn = optionalString(req.body, 'serviceAccountRoleArn');
  const requested = requestedAssociations(req.body);
  if (requested) {
    const problem = addonAssociationProblems(addon.name, version, podIdentityConfigurationOf(addon.name, version, ctx.partition) ?? [], requested)[0];
    if (problem) throw eksErrors.invalidParameter(problem.message, { clusterName: cluster.name, addonName: addon.name });
    for (const r of requested) {
      checkRoleExists(ctx, cluster, r.roleArn);
      // One association per namespace and service account (CreatePodIdentityAssociation's rule): an
      // association the add-on does not own already holds the service account.
      const taken = cluster.associations.find((a) => a.addonName !== addon.name && a.namespace === addon.namespace && a.serviceAccount === r.serviceAccount);
      if (taken) throw eksErrors.inUse(`Association already exists: ${taken.id}`, { clusterName: cluster.name, addonName: addon.name });
    }
    // The cluster's quota of Pod Identity associations counts an add-on's too. How EKS refuses an
    // add-on update that would pass it (at once or in the update) is not documented; refused here
    // at once, as CreatePodIdentityAssociation refuses it. The plan reports it first (QUOTA_ASSOCIATIONS).
    const owned = cluster.associations.filter((a) => a.addonName === addon.name).length;
    refuseOverAssociationQuota(cluster, cluster.associations.length - owned + new Set(requested.map((r) => r.serviceAccount)).size, { addonName: addon.name });
  }

  const failure = addon.updateFailure;
  const update: ClusterUpdate = {
    id: ctx.ids.uuid(),
    type: 'AddonUpdate',
    status: failure ? 'Failed' : 'Successful',
    params: [
      { type: 'AddonVersion', value: version },
      ...(serviceAccountRoleArn !== undefined ? [{ type: 'ServiceAccountRoleArn', value: serviceAccountRoleArn }] : []),
      ...(requested ? [{ type: 'PodIdentityAssociations', value: JSON.stringify(requested) }] : []),
    ],
    createdAtMs: ctx.now,
    addonName: addon.name,
    ...(failure ? { errors: [{ errorCode: failure.errorCode, errorMessage: failure.errorMessage, resourceIds: [addon.name] }] } : {}),
    pendingPolls: 1,
    ...(token !== undefined ? { clientRequestToken: token } : {}),
  };
  cluster.updates.push(update);
  if (!failure) {
    addon.version = version;
    if (serviceAccountRoleArn === '') delete addon.serviceAccountRoleArn;
    else if (serviceAccountRoleArn !== undefined) addon.serviceAccountRoleArn = serviceAccountRoleArn;
    if (requested) syncOwnedAssociations(ctx, cluster, addon, requested);
    addon.modifiedAtMs = ctx.now;
  }
  return { update: updateShape(update, 'InProgress') };
};
