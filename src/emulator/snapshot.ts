/** World → state file (round-trips through buildWorld) and the test-facing inspection view. */
import { currentPrincipalId, type Association, type World } from './world.js';
import type { AssociationState, EmulatorInspection, EmulatorState, IdentityState } from './types.js';

const iso = (ms: number) => new Date(ms).toISOString();

function snapshotAssociation(a: Association): AssociationState {
  return {
    namespace: a.namespace,
    serviceAccount: a.serviceAccount,
    roleArn: a.roleArn,
    associationId: a.id,
    ...(a.targetRoleArn !== undefined ? { targetRoleArn: a.targetRoleArn } : {}),
    disableSessionTags: a.disableSessionTags,
    ...(a.policy !== undefined ? { policy: a.policy } : {}),
    ...(a.externalId !== undefined ? { externalId: a.externalId } : {}),
    tags: { ...a.tags },
    createdAt: iso(a.createdAtMs),
    modifiedAt: iso(a.modifiedAtMs),
    ...(a.clientRequestToken !== undefined ? { clientRequestToken: a.clientRequestToken } : {}),
  };
}

export function snapshotWorld(world: World): EmulatorState {
  const identities: Record<string, IdentityState> = {};
  for (const [key, id] of world.identities) {
    identities[key] = {
      arn: id.arn,
      secretAccessKey: id.secretAccessKey,
      ...(id.sessionToken !== undefined ? { sessionToken: id.sessionToken } : {}),
      ...(id.expirationMs !== undefined ? { expiration: iso(id.expirationMs) } : {}),
    };
  }
  return {
    version: 1,
    region: world.region,
    ...(world.defaultAccessKeyId !== undefined ? { defaultAccessKeyId: world.defaultAccessKeyId } : {}),
    identities,
    iam: {
      roles: world.roles.map((r) => ({
        arn: r.arn,
        roleId: r.roleId,
        createDate: iso(r.createDateMs),
        assumeRolePolicyDocument: r.trustPolicy,
        ...(r.description !== undefined ? { description: r.description } : {}),
        maxSessionDuration: r.maxSessionDuration,
        tags: { ...r.tags },
        ...(r.attachedPolicies.length > 0 ? { attachedPolicies: [...r.attachedPolicies] } : {}),
        ...(r.inlinePolicies.size > 0 ? { inlinePolicies: Object.fromEntries(r.inlinePolicies) as Record<string, Record<string, unknown>> } : {}),
        ...(r.permissionsBoundary !== undefined ? { permissionsBoundary: r.permissionsBoundary } : {}),
      })),
      users: world.users.map((u) => ({ arn: u.arn, userId: u.userId, createDate: iso(u.createDateMs), tags: { ...u.tags } })),
      ...(world.policies.length > 0
        ? {
            policies: world.policies.map((p) => ({
              arn: p.arn,
              policyId: p.policyId,
              ...(p.description !== undefined ? { description: p.description } : {}),
              document: p.document as Record<string, unknown>,
              createDate: iso(p.createDateMs),
              tags: { ...p.tags },
            })),
          }
        : {}),
    },
    clusters: world.clusters.map((c) => ({
      name: c.name,
      region: c.region,
      accountId: c.accountId,
      authenticationMode: c.authenticationMode,
      autoMode: c.autoMode,
      oidcIssuer: c.oidcIssuer,
      version: c.version,
      status: c.status,
      createdAt: iso(c.createdAtMs),
      tags: { ...c.tags },
      addons: c.addons.map((a) => ({
        name: a.name,
        version: a.version,
        status: a.status,
        ...(a.serviceAccountRoleArn !== undefined ? { serviceAccountRoleArn: a.serviceAccountRoleArn } : {}),
        namespace: a.namespace,
        createdAt: iso(a.createdAtMs),
        tags: { ...a.tags },
        ...(a.updateFailure !== undefined ? { updateFailure: { ...a.updateFailure } } : {}),
        podIdentityAssociations: c.associations.filter((p) => p.addonName === a.name).map(snapshotAssociation),
      })),
      podIdentityAssociations: c.associations.filter((p) => p.addonName === undefined).map(snapshotAssociation),
      accessEntries: c.entries.map((e) => ({
        principalArn: e.principalArn,
        type: e.type,
        username: e.username,
        kubernetesGroups: [...e.kubernetesGroups],
        accessPolicies: e.policies.map((p) => ({
          policyArn: p.policyArn,
          accessScope: { type: p.scope.type, namespaces: [...p.scope.namespaces] },
          associatedAt: iso(p.associatedAtMs),
          modifiedAt: iso(p.modifiedAtMs),
        })),
        tags: { ...e.tags },
        createdAt: iso(e.createdAtMs),
        modifiedAt: iso(e.modifiedAtMs),
        ...(e.boundRoleId !== undefined ? { boundRoleId: e.boundRoleId } : {}),
        ...(e.clientRequestToken !== undefined ? { clientRequestToken: e.clientRequestToken } : {}),
      })),
      updates: c.updates.map((u) => ({
        id: u.id,
        type: u.type,
        status: u.status,
        params: u.params.map((p) => ({ ...p })),
        createdAt: iso(u.createdAtMs),
        ...(u.addonName !== undefined ? { addonName: u.addonName } : {}),
        ...(u.errors !== undefined ? { errors: u.errors.map((e) => ({ ...e, resourceIds: [...e.resourceIds] })) } : {}),
      })),
    })),
  };
}

export function inspectWorld(world: World): EmulatorInspection {
  return {
    clusters: world.clusters.map((c) => ({
      name: c.name,
      region: c.region,
      accountId: c.accountId,
      authenticationMode: c.authenticationMode,
      accessEntries: c.entries.map((e) => {
        const current = currentPrincipalId(world, e.principalArn);
        return { principalArn: e.principalArn, boundRoleId: e.boundRoleId, currentRoleId: current, stale: e.boundRoleId !== current };
      }),
      podIdentityAssociations: c.associations.map((a) => ({
        associationId: a.id,
        namespace: a.namespace,
        serviceAccount: a.serviceAccount,
        roleArn: a.roleArn,
        ...(a.addonName !== undefined ? { ownerArn: c.addons.find((x) => x.name === a.addonName)?.arn ?? '' } : {}),
      })),
    })),
    roles: world.roles.map((r) => ({
      arn: r.arn,
      roleId: r.roleId,
      createDate: iso(r.createDateMs),
      attachedPolicies: [...r.attachedPolicies],
      inlinePolicies: [...r.inlinePolicies.keys()],
      ...(r.permissionsBoundary !== undefined ? { permissionsBoundary: r.permissionsBoundary } : {}),
    })),
  };
}
