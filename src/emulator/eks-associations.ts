/** EKS Pod Identity associations: create, list, describe, update, delete, with EKS's rules. */
import { eksErrors } from './api-error.js';
import type { EksHandler, RequestContext } from './context.js';
import { associationRoleProblems } from '../model/association-rules.js';
import { namespaceProblems, serviceAccountProblems, sessionPolicyProblems } from '../model/api-limits.js';
import { findCluster, findRoleVisibleToEks, optionalBoolean, optionalString, paginate, refuseProblems, requiredString, seconds, validateTags } from './eks-common.js';
import { associationArn, splitIamArn, type Association, type Cluster } from './world.js';
import { findByKey } from './lookup.js';

export const ASSOCIATION_QUOTA = 5000;

/**
 * Refuses a write that would take the cluster from its current count of associations to `after`,
 * over the quota (EKS User Guide, "Amazon EKS service quotas": 5,000 per cluster). A write that
 * does not add any is never refused.
 */
export function refuseOverAssociationQuota(cluster: Cluster, after: number, fields: Record<string, string> = {}): void {
  if (after > ASSOCIATION_QUOTA && after > cluster.associations.length) {
    throw eksErrors.limitExceeded(`Cluster ${cluster.name} already has the maximum of ${ASSOCIATION_QUOTA} Pod Identity associations.`, { clusterName: cluster.name, ...fields });
  }
}

function ownerArn(cluster: Cluster, a: Association): string | undefined {
  return a.addonName === undefined ? undefined : cluster.addons.find((x) => x.name === a.addonName)?.arn;
}

export function associationShape(cluster: Cluster, a: Association) {
  return {
    clusterName: cluster.name,
    namespace: a.namespace,
    serviceAccount: a.serviceAccount,
    roleArn: a.roleArn,
    associationArn: a.arn,
    associationId: a.id,
    tags: { ...a.tags },
    createdAt: seconds(a.createdAtMs),
    modifiedAt: seconds(a.modifiedAtMs),
    ownerArn: ownerArn(cluster, a),
    disableSessionTags: a.disableSessionTags,
    targetRoleArn: a.targetRoleArn,
    externalId: a.externalId,
    policy: a.policy,
  };
}

/** The role must be a role ARN that IAM (as EKS currently sees it) knows. */
export function checkRoleExists(ctx: RequestContext, cluster: Cluster, roleArn: string): void {
  if (splitIamArn(roleArn)?.kind !== 'role') throw eksErrors.invalidParameter(`roleArn is not a valid IAM role ARN: ${roleArn}`);
  // EKS looks the association's role up in the cluster's account (src/model/association-rules.ts).
  if (associationRoleProblems(roleArn, cluster.accountId).length > 0 || !findRoleVisibleToEks(ctx, roleArn)) throw eksErrors.invalidParameter(`Role provided in the request does not exist: ${roleArn}`);
}

function checkTargetRole(targetRoleArn: string | undefined): void {
  if (targetRoleArn && splitIamArn(targetRoleArn)?.kind !== 'role') {
    throw eksErrors.invalidParameter(`targetRoleArn is not a valid IAM role ARN: ${targetRoleArn}`);
  }
}

/** EKS refuses a session policy unless session tags are disabled, and checks it is JSON. */
function checkPolicy(policy: string | undefined, disableSessionTags: boolean): void {
  if (!policy) return;
  if (!disableSessionTags) throw eksErrors.invalidParameter('A session policy can only be set when disableSessionTags is true.');
  refuseProblems(sessionPolicyProblems(policy));
  try {
    JSON.parse(policy);
  } catch {
    throw eksErrors.invalidParameter('policy is not a valid JSON policy document.');
  }
}

function findAssociation(cluster: Cluster, id: string): Association {
  const found = findByKey(cluster.associations, 'id', (a) => a.id, id);
  if (!found) throw eksErrors.notFound(`No association found for id: ${id}`, { clusterName: cluster.name });
  return found;
}

function refuseAddonOwned(cluster: Cluster, a: Association): void {
  if (a.addonName !== undefined) {
    throw eksErrors.invalidRequest(`Association ${a.id} is owned by the ${a.addonName} add-on (${ownerArn(cluster, a)}); change it through the add-on.`, {
      clusterName: cluster.name,
      addonName: a.addonName,
    });
  }
}

export const createPodIdentityAssociation: EksHandler = (ctx, req) => {
  const cluster = findCluster(ctx, req.params.clusterName!);
  const namespace = requiredString(req.body, 'namespace');
  const serviceAccount = requiredString(req.body, 'serviceAccount');
  const roleArn = requiredString(req.body, 'roleArn');
  const token = optionalString(req.body, 'clientRequestToken');
  const targetRoleArn = optionalString(req.body, 'targetRoleArn') || undefined;
  const disableSessionTags = optionalBoolean(req.body, 'disableSessionTags') ?? false;
  const policy = optionalString(req.body, 'policy') || undefined;
  const tags = validateTags(req.body.tags, false) ?? {};
  refuseProblems([...namespaceProblems(namespace), ...serviceAccountProblems(serviceAccount)]);

  if (token !== undefined) {
    const earlier = cluster.associations.find((a) => a.clientRequestToken === token);
    if (earlier) {
      if (earlier.namespace === namespace && earlier.serviceAccount === serviceAccount && earlier.roleArn === roleArn) {
        return { association: associationShape(cluster, earlier) };
      }
      throw eksErrors.invalidRequest('The clientRequestToken was already used with different parameters.', { clusterName: cluster.name });
    }
  }
  const duplicate = cluster.associations.find((a) => a.namespace === namespace && a.serviceAccount === serviceAccount);
  if (duplicate) throw eksErrors.inUse(`Association already exists: ${duplicate.id}`, { clusterName: cluster.name });
  refuseOverAssociationQuota(cluster, cluster.associations.length + 1);
  checkRoleExists(ctx, cluster, roleArn);
  checkTargetRole(targetRoleArn);
  checkPolicy(policy, disableSessionTags);

  const id = ctx.ids.associationId();
  const association: Association = {
    id,
    arn: associationArn(cluster, id),
    namespace,
    serviceAccount,
    roleArn,
    ...(targetRoleArn !== undefined ? { targetRoleArn, externalId: ctx.ids.uuid() } : {}),
    disableSessionTags,
    ...(policy !== undefined ? { policy } : {}),
    tags,
    createdAtMs: ctx.now,
    modifiedAtMs: ctx.now,
    ...(token !== undefined ? { clientRequestToken: token } : {}),
  };
  cluster.associations.push(association);
  return { association: associationShape(cluster, association) };
};

export const listPodIdentityAssociations: EksHandler = (ctx, req) => {
  const cluster = findCluster(ctx, req.params.clusterName!);
  const namespace = req.query.get('namespace');
  const serviceAccount = req.query.get('serviceAccount');
  const matching = cluster.associations.filter(
    (a) => (namespace === null || a.namespace === namespace) && (serviceAccount === null || a.serviceAccount === serviceAccount),
  );
  const { page, nextToken } = paginate(req, matching);
  return {
    associations: page.map((a) => ({
      clusterName: cluster.name,
      namespace: a.namespace,
      serviceAccount: a.serviceAccount,
      associationArn: a.arn,
      associationId: a.id,
      ownerArn: ownerArn(cluster, a),
    })),
    nextToken,
  };
};

export const describePodIdentityAssociation: EksHandler = (ctx, req) => {
  const cluster = findCluster(ctx, req.params.clusterName!);
  return { association: associationShape(cluster, findAssociation(cluster, req.params.associationId!)) };
};

export const updatePodIdentityAssociation: EksHandler = (ctx, req) => {
  const cluster = findCluster(ctx, req.params.clusterName!);
  const a = findAssociation(cluster, req.params.associationId!);
  refuseAddonOwned(cluster, a);
  const roleArn = optionalString(req.body, 'roleArn');
  const targetRoleArn = optionalString(req.body, 'targetRoleArn');
  const disableSessionTags = optionalBoolean(req.body, 'disableSessionTags') ?? a.disableSessionTags;
  const policyInput = optionalString(req.body, 'policy');
  const policy = policyInput === undefined ? a.policy : policyInput || undefined;
  if (roleArn !== undefined) checkRoleExists(ctx, cluster, roleArn);
  checkTargetRole(targetRoleArn);
  checkPolicy(policy, disableSessionTags);

  if (roleArn !== undefined) a.roleArn = roleArn;
  // An empty targetRoleArn removes role chaining (and its external id).
  if (targetRoleArn === '') {
    delete a.targetRoleArn;
    delete a.externalId;
  } else if (targetRoleArn !== undefined && targetRoleArn !== a.targetRoleArn) {
    a.targetRoleArn = targetRoleArn;
    a.externalId = ctx.ids.uuid();
  }
  a.disableSessionTags = disableSessionTags;
  if (policy === undefined) delete a.policy;
  else a.policy = policy;
  a.modifiedAtMs = ctx.now;
  return { association: associationShape(cluster, a) };
};

export const deletePodIdentityAssociation: EksHandler = (ctx, req) => {
  const cluster = findCluster(ctx, req.params.clusterName!);
  const a = findAssociation(cluster, req.params.associationId!);
  refuseAddonOwned(cluster, a);
  cluster.associations = cluster.associations.filter((x) => x !== a);
  return { association: associationShape(cluster, a) };
};
