/** Builds the in-memory world from a validated state file, filling every default. */
import { partitionOfRegion } from '../model/partition.js';
import type { IdFactory } from './random.js';
import type { AccessEntryState, AssociationState, ClusterState, EmulatorState, PolicyState, RoleState } from './types.js';
import { defaultAddonNamespace } from '../model/addon.js';
import { defaultAddonVersion } from './addon-catalog.js';
import {
  accessEntryArn,
  addonArn,
  associationArn,
  clusterArn,
  currentPrincipalId,
  DEFAULT_ACCOUNT,
  DEFAULT_CREATE_DATE,
  DEFAULT_REGION,
  defaultIdentityArn,
  defaultTrustPolicy,
  defaultGroups,
  defaultUsername,
  hashUuid,
  parseTime,
  splitIamArn,
  type AccessEntry,
  type Association,
  type Cluster,
  type ManagedPolicy,
  type Role,
  type World,
} from './world.js';

export function buildRole(state: RoleState, ids: IdFactory): Role {
  const split = splitIamArn(state.arn)!;
  return {
    arn: state.arn,
    partition: split.partition,
    accountId: split.accountId,
    name: split.name,
    path: split.path,
    roleId: state.roleId ?? ids.iamId('AROA'),
    createDateMs: parseTime(state.createDate, DEFAULT_CREATE_DATE),
    trustPolicy: state.assumeRolePolicyDocument ?? defaultTrustPolicy(),
    ...(state.description !== undefined ? { description: state.description } : {}),
    maxSessionDuration: state.maxSessionDuration ?? 3600,
    tags: { ...(state.tags ?? {}) },
    visibleToEksAtMs: 0,
    attachedPolicies: [...(state.attachedPolicies ?? [])],
    inlinePolicies: new Map(Object.entries(state.inlinePolicies ?? {})),
    ...(state.permissionsBoundary !== undefined ? { permissionsBoundary: state.permissionsBoundary } : {}),
  };
}

export function buildPolicy(state: PolicyState, ids: IdFactory): ManagedPolicy {
  const m = /^arn:[a-z-]+:iam::(\d{12}):policy(\/(?:[^/]+\/)*)([^/]+)$/.exec(state.arn)!;
  return {
    arn: state.arn,
    accountId: m[1]!,
    path: m[2]!,
    name: m[3]!,
    policyId: state.policyId ?? ids.iamId('ANPA'),
    ...(state.description !== undefined ? { description: state.description } : {}),
    document: state.document ?? DENY_ALL,
    createDateMs: parseTime(state.createDate, DEFAULT_CREATE_DATE),
    tags: { ...(state.tags ?? {}) },
  };
}

/** A policy the state gives without a document grants nothing. */
const DENY_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] };

function buildAssociation(c: Cluster, s: AssociationState, ids: IdFactory, addonName?: string): Association {
  const id = s.associationId ?? ids.associationId();
  const created = parseTime(s.createdAt, c.createdAtMs);
  return {
    id,
    arn: associationArn(c, id),
    namespace: s.namespace,
    serviceAccount: s.serviceAccount,
    roleArn: s.roleArn,
    ...(s.targetRoleArn ? { targetRoleArn: s.targetRoleArn } : {}),
    disableSessionTags: s.disableSessionTags ?? false,
    ...(s.policy !== undefined ? { policy: typeof s.policy === 'string' ? s.policy : JSON.stringify(s.policy) } : {}),
    ...(s.externalId !== undefined ? { externalId: s.externalId } : {}),
    tags: { ...(s.tags ?? {}) },
    createdAtMs: created,
    modifiedAtMs: parseTime(s.modifiedAt, created),
    ...(addonName !== undefined ? { addonName } : {}),
    ...(s.clientRequestToken !== undefined ? { clientRequestToken: s.clientRequestToken } : {}),
  };
}

function buildEntry(c: Cluster, s: AccessEntryState, world: World): AccessEntry {
  const type = s.type ?? 'STANDARD';
  const created = parseTime(s.createdAt, c.createdAtMs);
  const boundRoleId = s.boundRoleId ?? currentPrincipalId(world, s.principalArn);
  return {
    principalArn: s.principalArn,
    arn: accessEntryArn(c, s.principalArn, created),
    type,
    username: s.username ?? defaultUsername(type, s.principalArn),
    kubernetesGroups: [...(s.kubernetesGroups ?? defaultGroups(type))],
    tags: { ...(s.tags ?? {}) },
    createdAtMs: created,
    modifiedAtMs: parseTime(s.modifiedAt, created),
    ...(boundRoleId !== undefined ? { boundRoleId } : {}),
    policies: (s.accessPolicies ?? []).map((p) => ({
      policyArn: p.policyArn.startsWith('arn:') ? p.policyArn : `arn:${c.partition}:eks::aws:cluster-access-policy/${p.policyArn}`,
      scope: { type: p.accessScope?.type ?? 'cluster', namespaces: [...(p.accessScope?.namespaces ?? [])] },
      associatedAtMs: parseTime(p.associatedAt, created),
      modifiedAtMs: parseTime(p.modifiedAt ?? p.associatedAt, created),
    })),
    ...(s.clientRequestToken !== undefined ? { clientRequestToken: s.clientRequestToken } : {}),
  };
}

function accountOfArn(arn: string): string | undefined {
  return /^arn:[a-z-]+:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1];
}

function buildCluster(s: ClusterState, world: World, defaultAccount: string, ids: IdFactory): Cluster {
  const region = s.region ?? world.region;
  const partition = partitionOfRegion(region);
  const accountId = s.accountId ?? defaultAccount;
  const suffix = partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  const c: Cluster = {
    name: s.name,
    region,
    partition,
    accountId,
    arn: clusterArn({ partition, region, accountId, name: s.name }),
    authenticationMode: s.authenticationMode ?? 'API_AND_CONFIG_MAP',
    autoMode: s.autoMode ?? false,
    oidcIssuer: s.oidcIssuer ?? `https://oidc.eks.${region}.${suffix}/id/${hashUuid(accountId, region, s.name).replace(/-/g, '').toUpperCase()}`,
    version: s.version ?? '1.31',
    status: s.status ?? 'ACTIVE',
    createdAtMs: parseTime(s.createdAt, DEFAULT_CREATE_DATE),
    tags: { ...(s.tags ?? {}) },
    addons: [],
    associations: [],
    entries: [],
    updates: (s.updates ?? []).map((u) => ({ ...u, params: u.params.map((p) => ({ ...p })), createdAtMs: parseTime(u.createdAt, DEFAULT_CREATE_DATE) })),
  };
  for (const a of s.addons ?? []) {
    const addonCreated = parseTime(a.createdAt, c.createdAtMs);
    c.addons.push({
      name: a.name,
      arn: addonArn(c, a.name, addonCreated),
      version: a.version ?? defaultAddonVersion(a.name),
      status: a.status ?? 'ACTIVE',
      ...(a.serviceAccountRoleArn !== undefined ? { serviceAccountRoleArn: a.serviceAccountRoleArn } : {}),
      namespace: a.namespace ?? defaultAddonNamespace(a.name),
      createdAtMs: addonCreated,
      modifiedAtMs: addonCreated,
      tags: { ...(a.tags ?? {}) },
      ...(a.updateFailure !== undefined ? { updateFailure: { ...a.updateFailure } } : {}),
    });
    for (const p of a.podIdentityAssociations ?? []) c.associations.push(buildAssociation(c, p, ids, a.name));
  }
  for (const p of s.podIdentityAssociations ?? []) c.associations.push(buildAssociation(c, p, ids));
  for (const e of s.accessEntries ?? []) c.entries.push(buildEntry(c, e, world));
  return c;
}

/** Builds the world from a (validated) state; ids missing from the state come from `ids`. */
export function buildWorld(state: EmulatorState, ids: IdFactory): World {
  const world: World = {
    region: state.region ?? DEFAULT_REGION,
    ...(state.defaultAccessKeyId !== undefined ? { defaultAccessKeyId: state.defaultAccessKeyId } : {}),
    identities: new Map(),
    roles: [],
    users: [],
    policies: [],
    clusters: [],
  };
  for (const [key, value] of Object.entries(state.identities ?? {})) {
    const v = typeof value === 'string' ? { arn: value } : value;
    world.identities.set(key, {
      accessKeyId: key,
      arn: v.arn,
      secretAccessKey: v.secretAccessKey ?? 'emulator-secret',
      ...(v.sessionToken !== undefined ? { sessionToken: v.sessionToken } : {}),
      ...(v.expiration !== undefined ? { expirationMs: Date.parse(v.expiration) } : {}),
    });
  }
  for (const r of state.iam?.roles ?? []) world.roles.push(buildRole(r, ids));
  for (const p of state.iam?.policies ?? []) world.policies.push(buildPolicy(p, ids));
  for (const u of state.iam?.users ?? []) {
    const split = splitIamArn(u.arn)!;
    world.users.push({
      arn: u.arn,
      partition: split.partition,
      accountId: split.accountId,
      name: split.name,
      path: split.path,
      userId: u.userId ?? ids.iamId('AIDA'),
      createDateMs: parseTime(u.createDate, DEFAULT_CREATE_DATE),
      tags: { ...(u.tags ?? {}) },
    });
  }
  const defaultAccount = accountOfArn(defaultIdentityArn(world, world.region)) ?? DEFAULT_ACCOUNT;
  for (const c of state.clusters ?? []) world.clusters.push(buildCluster(c, world, defaultAccount, ids));
  return world;
}

