/** EKS access entries and their access policy associations, with EKS's type and naming rules. */
import { accessEntryProblems, ACCESS_ENTRY_TYPES, isAccessEntryType } from '../model/access-entry-rules.js';
import { isBundledAccessPolicy } from '../model/access-policies.js';
import { scopeNamespaceProblems } from '../model/api-limits.js';
import { eksErrors } from './api-error.js';
import type { EksHandler, RequestContext } from './context.js';
import {
  findCluster,
  findRoleVisibleToEks,
  findUser,
  optionalString,
  optionalStringList,
  paginate,
  refuseProblems,
  requiredString,
  seconds,
  validateTags,
} from './eks-common.js';
import { accessEntryArn, defaultGroups, defaultUsername, splitIamArn, type AccessEntry, type Cluster, type PolicyAssociation } from './world.js';
import { findByKey } from './lookup.js';

export const ACCESS_ENTRY_QUOTA = 3000;

/** Clusters still in CONFIG_MAP mode have no access entries API at all. */
function findApiCluster(ctx: RequestContext, name: string): Cluster {
  const cluster = findCluster(ctx, name);
  if (cluster.authenticationMode === 'CONFIG_MAP') {
    throw eksErrors.invalidRequest("The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] to perform this operation.", {
      clusterName: cluster.name,
    });
  }
  return cluster;
}

function findEntry(cluster: Cluster, principalArn: string): AccessEntry {
  const entry = findByKey(cluster.entries, 'principalArn', (e) => e.principalArn, principalArn);
  if (!entry) {
    throw eksErrors.notFound(`The specified principalArn could not be found: ${principalArn}. List the access entries with ListAccessEntries.`, {
      clusterName: cluster.name,
    });
  }
  return entry;
}

function entryShape(cluster: Cluster, e: AccessEntry) {
  return {
    clusterName: cluster.name,
    principalArn: e.principalArn,
    kubernetesGroups: [...e.kubernetesGroups],
    accessEntryArn: e.arn,
    createdAt: seconds(e.createdAtMs),
    modifiedAt: seconds(e.modifiedAtMs),
    tags: { ...e.tags },
    username: e.username,
    type: e.type,
  };
}

function policyShape(p: PolicyAssociation) {
  return {
    policyArn: p.policyArn,
    accessScope: { type: p.scope.type, namespaces: [...p.scope.namespaces] },
    associatedAt: seconds(p.associatedAtMs),
    modifiedAt: seconds(p.modifiedAtMs),
  };
}

/** Returns the principal's current unique id, which the entry binds to. */
function checkPrincipal(ctx: RequestContext, principalArn: string): string {
  const split = splitIamArn(principalArn);
  const invalid = () => eksErrors.invalidParameter(`The specified principalArn is invalid: invalid principal ${principalArn}`);
  if (!split) throw invalid();
  const id = split.kind === 'role' ? findRoleVisibleToEks(ctx, principalArn)?.roleId : findUser(ctx, principalArn)?.userId;
  if (id === undefined) throw invalid();
  return id;
}

export const createAccessEntry: EksHandler = (ctx, req) => {
  const cluster = findApiCluster(ctx, req.params.clusterName!);
  const principalArn = requiredString(req.body, 'principalArn');
  const type = optionalString(req.body, 'type') ?? 'STANDARD';
  const username = optionalString(req.body, 'username');
  const groups = optionalStringList(req.body, 'kubernetesGroups');
  const token = optionalString(req.body, 'clientRequestToken');
  const tags = validateTags(req.body.tags, false) ?? {};
  if (!isAccessEntryType(type)) throw eksErrors.invalidParameter(`type must be one of ${ACCESS_ENTRY_TYPES.join(', ')} (got ${type}).`);

  const existing = cluster.entries.find((e) => e.principalArn === principalArn);
  if (existing && token !== undefined && existing.clientRequestToken === token && existing.type === type) {
    return { accessEntry: entryShape(cluster, existing) };
  }
  if (existing) throw eksErrors.inUse('The specified access entry resource is already in use on this cluster.', { clusterName: cluster.name });
  // The per-type rules and limits the plan checks first (model/access-entry-rules.ts).
  refuseProblems(accessEntryProblems({ type, principalArn, clusterAccountId: cluster.accountId, username, kubernetesGroups: groups }));
  if (cluster.entries.length >= ACCESS_ENTRY_QUOTA) {
    throw eksErrors.limitExceeded(`Cluster ${cluster.name} already has the maximum of ${ACCESS_ENTRY_QUOTA} access entries.`, { clusterName: cluster.name });
  }
  const boundRoleId = checkPrincipal(ctx, principalArn);
  const entry: AccessEntry = {
    principalArn,
    arn: accessEntryArn(cluster, principalArn, ctx.now),
    type,
    username: username ?? defaultUsername(type, principalArn),
    kubernetesGroups: type === 'STANDARD' ? [...new Set(groups ?? [])] : defaultGroups(type),
    tags,
    createdAtMs: ctx.now,
    modifiedAtMs: ctx.now,
    boundRoleId,
    policies: [],
    ...(token !== undefined ? { clientRequestToken: token } : {}),
  };
  cluster.entries.push(entry);
  return { accessEntry: entryShape(cluster, entry) };
};

export const listAccessEntries: EksHandler = (ctx, req) => {
  const cluster = findApiCluster(ctx, req.params.clusterName!);
  const policyArn = req.query.get('associatedPolicyArn');
  const matching = cluster.entries.filter((e) => policyArn === null || e.policies.some((p) => p.policyArn === policyArn));
  const { page, nextToken } = paginate(req, matching.map((e) => e.principalArn));
  return { accessEntries: page, nextToken };
};

/** Answers from the entry as stored, even when its role was re-created since (EKS does not notice). */
export const describeAccessEntry: EksHandler = (ctx, req) => {
  const cluster = findApiCluster(ctx, req.params.clusterName!);
  return { accessEntry: entryShape(cluster, findEntry(cluster, req.params.principalArn!)) };
};

export const updateAccessEntry: EksHandler = (ctx, req) => {
  const cluster = findApiCluster(ctx, req.params.clusterName!);
  const entry = findEntry(cluster, req.params.principalArn!);
  const username = optionalString(req.body, 'username');
  const groups = optionalStringList(req.body, 'kubernetesGroups');
  refuseProblems(accessEntryProblems({ type: entry.type, principalArn: entry.principalArn, username, kubernetesGroups: groups }));
  if (username !== undefined) entry.username = username;
  if (groups !== undefined) entry.kubernetesGroups = [...new Set(groups)];
  entry.modifiedAtMs = ctx.now;
  return { accessEntry: entryShape(cluster, entry) };
};

export const deleteAccessEntry: EksHandler = (ctx, req) => {
  const cluster = findApiCluster(ctx, req.params.clusterName!);
  const entry = findEntry(cluster, req.params.principalArn!);
  cluster.entries = cluster.entries.filter((e) => e !== entry);
  return {};
};

function parseScope(value: unknown): PolicyAssociation['scope'] {
  const scope = (value ?? {}) as { type?: unknown; namespaces?: unknown };
  if (scope.type !== 'cluster' && scope.type !== 'namespace') throw eksErrors.invalidParameter('accessScope.type must be cluster or namespace.');
  const namespaces = scope.namespaces ?? [];
  if (!Array.isArray(namespaces) || namespaces.some((n) => typeof n !== 'string')) throw eksErrors.invalidParameter('accessScope.namespaces must be a list of strings.');
  if (scope.type === 'cluster' && namespaces.length > 0) throw eksErrors.invalidParameter('accessScope.namespaces must be empty when the scope type is cluster.');
  if (scope.type === 'namespace' && namespaces.length === 0) throw eksErrors.invalidParameter('accessScope.namespaces must name at least one namespace when the scope type is namespace.');
  for (const ns of namespaces as string[]) refuseProblems(scopeNamespaceProblems(ns));
  return { type: scope.type, namespaces: [...new Set(namespaces as string[])] };
}

export const associateAccessPolicy: EksHandler = (ctx, req) => {
  const cluster = findApiCluster(ctx, req.params.clusterName!);
  const entry = findEntry(cluster, req.params.principalArn!);
  const policyArn = requiredString(req.body, 'policyArn');
  const name = /^arn:[a-z-]+:eks::aws:cluster-access-policy\/(.+)$/.exec(policyArn)?.[1];
  if (!name || !isBundledAccessPolicy(cluster.partition, name) || !policyArn.startsWith(`arn:${cluster.partition}:`)) {
    throw eksErrors.invalidParameter(`The specified policyArn is invalid: ${policyArn}`);
  }
  refuseProblems(accessEntryProblems({ type: entry.type, principalArn: entry.principalArn, accessPolicyCount: 1 }));
  const scope = parseScope(req.body.accessScope);
  let association = entry.policies.find((p) => p.policyArn === policyArn);
  if (association) {
    // Associating again replaces the scope.
    association.scope = scope;
    association.modifiedAtMs = ctx.now;
  } else {
    association = { policyArn, scope, associatedAtMs: ctx.now, modifiedAtMs: ctx.now };
    entry.policies.push(association);
  }
  return { clusterName: cluster.name, principalArn: entry.principalArn, associatedAccessPolicy: policyShape(association) };
};

export const disassociateAccessPolicy: EksHandler = (ctx, req) => {
  const cluster = findApiCluster(ctx, req.params.clusterName!);
  const entry = findEntry(cluster, req.params.principalArn!);
  const policyArn = req.params.policyArn!;
  if (!entry.policies.some((p) => p.policyArn === policyArn)) {
    throw eksErrors.notFound(`The access policy ${policyArn} is not associated with ${entry.principalArn}.`, { clusterName: cluster.name });
  }
  entry.policies = entry.policies.filter((p) => p.policyArn !== policyArn);
  return {};
};

export const listAssociatedAccessPolicies: EksHandler = (ctx, req) => {
  const cluster = findApiCluster(ctx, req.params.clusterName!);
  const entry = findEntry(cluster, req.params.principalArn!);
  const { page, nextToken } = paginate(req, entry.policies);
  return { clusterName: cluster.name, principalArn: entry.principalArn, associatedAccessPolicies: page.map(policyShape), nextToken };
};
