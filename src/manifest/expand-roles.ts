import { canonicalJson } from '../aws/canonical-json.js';
import { DEFAULT_MAX_SESSION_DURATION, defaultRoleName, roleArnWithPath, type DesiredRole, type RoleDeclarer } from '../model/desired-role.js';
import { compare, sortedRecord } from '../model/order.js';
import { OWNER_TAG } from '../model/ownership.js';
import { partitionOfRegion } from '../model/partition.js';
import { buildPodIdentityTrust } from '../plan/trust-policy-build.js';
import type { Manifest, ManifestAddon, ManifestAssociation, ManifestCluster } from './model.js';
import type { SourceLocation } from '../model/source.js';
import { defaultAddonNamespace } from '../model/addon.js';
import type { RoleBlockV1 } from './schema.js';
import { expandVariables } from './variables.js';
import { checkWellKnownParameters, expandWellKnownPolicy, type WellKnownContext, type WellKnownPolicyExpansion } from '../model/well-known-policies/index.js';

/*
 * `role:` blocks → the desired IAM roles. Pure. A role is one per (account, name): every cluster
 * of the manifest that declares it adds to its trust, and the other fields must agree.
 */

/** What one association's `role:` block becomes on one cluster, before declarations are merged. */
export type RoleSpec = Omit<DesiredRole, 'trustPolicy' | 'declaredBy' | 'source' | 'conflicts' | 'unknownAccountClusters'>;

/** Literal text of an account that is not known (offline, or a cluster the run did not open). */
export const UNKNOWN_ACCOUNT = '${accountId}';

/** The role spec of an association on a cluster (variables expanded for that cluster). */
export function roleSpecFor(
  block: RoleBlockV1,
  association: { namespace: string; serviceAccount: string },
  cluster: { name: string; region: string },
  accountId: string | undefined,
  inherited: { defaults: Record<string, string>; owner?: string | undefined },
): RoleSpec {
  const partition = partitionOfRegion(cluster.region);
  const account = accountId ?? UNKNOWN_ACCOUNT;
  const vars = { partition, region: cluster.region, cluster: cluster.name, ...(accountId ? { accountId } : {}) };
  const expand = (text: string) => expandVariables(text, vars);
  const roleName = block.name !== undefined ? expand(block.name) : defaultRoleName(cluster.name, association.namespace, association.serviceAccount);
  const path = expand(block.path ?? '/');
  const owner: Record<string, string> = inherited.owner !== undefined ? { [OWNER_TAG]: inherited.owner } : {};
  const tags = Object.fromEntries(Object.entries({ ...inherited.defaults, ...block.tags }).map(([k, v]) => [k, expand(v)]));
  const wellKnown = expandWellKnown(block.wellKnownPolicies ?? [], expand, { partition, accountId: account, region: cluster.region, cluster: cluster.name });
  return {
    accountId: account,
    partition,
    roleName,
    path,
    arn: roleArnWithPath(partition, account, path, roleName),
    managedPolicyArns: [...new Set([...(block.managedPolicies ?? []).map(expand), ...wellKnown.managedPolicyArns])].sort(compare),
    inlinePolicies: Object.fromEntries(
      [...Object.entries(block.inlinePolicies ?? {}).map(([name, doc]) => [name, expandInDocument(doc, expand)] as const), ...Object.entries(wellKnown.inlinePolicies)]
        .sort(([a], [b]) => compare(a, b))
        .map(([name, doc]) => [name, canonicalJson(doc)]),
    ),
    ...(block.permissionsBoundary !== undefined ? { permissionsBoundary: expand(block.permissionsBoundary) } : {}),
    maxSessionDuration: block.maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
    ...(block.description !== undefined ? { description: expand(block.description) } : {}),
    tags: sortedRecord({ ...tags, ...owner }),
    adopt: block.adopt ?? false,
  };
}

/** A `wellKnownPolicies` item as written: a name, or a name with its parameters. */
export function wellKnownItem(item: string | { name: string; [key: string]: unknown }): { name: string; params: Record<string, unknown> } {
  if (typeof item === 'string') return { name: item, params: {} };
  const { name, ...params } = item;
  return { name, params };
}

/**
 * The managed policies and inline documents of the well-known policies, parameters expanded. An
 * item whose name or parameters have problems adds nothing: validate reports it (role-block.ts).
 */
function expandWellKnown(items: NonNullable<RoleBlockV1['wellKnownPolicies']>, expand: (text: string) => string, ctx: WellKnownContext): WellKnownPolicyExpansion {
  const out: WellKnownPolicyExpansion = { managedPolicyArns: [], inlinePolicies: {} };
  for (const item of items) {
    const { name, params } = wellKnownItem(item);
    const expanded = expandInDocument(params, expand) as Record<string, unknown>;
    if (checkWellKnownParameters(name, expanded).length > 0) continue;
    const policy = expandWellKnownPolicy(name, expanded, ctx);
    out.managedPolicyArns.push(...policy.managedPolicyArns);
    Object.assign(out.inlinePolicies, policy.inlinePolicies);
  }
  return out;
}

/**
 * Our variables in every string of a policy document (keys and values); IAM's own variables
 * (`${aws:username}`, `${s3:prefix}`…) are not ours and stay as written.
 */
export function expandInDocument(value: unknown, expand: (text: string) => string): unknown {
  if (typeof value === 'string') return expand(value);
  if (Array.isArray(value)) return value.map((v) => expandInDocument(v, expand));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [expand(k), expandInDocument(v, expand)]));
  return value;
}

/** The fields two declarations of one role must agree on, by name. */
const SPEC_FIELDS = ['path', 'managedPolicyArns', 'inlinePolicies', 'permissionsBoundary', 'maxSessionDuration', 'description', 'tags', 'adopt'] as const;

/** The first field in which two declarations of one role differ, or undefined when they agree. */
export function differingField(a: RoleSpec, b: RoleSpec): string | undefined {
  return SPEC_FIELDS.find((f) => canonicalJson(a[f] ?? null) !== canonicalJson(b[f] ?? null));
}

/**
 * Every declared role of the manifest, from all its clusters (`allClusters`), merged by account and
 * name. `accountIds` gives the accounts the run knows beyond those the manifest declares.
 */
export function desiredRoles(manifest: Manifest, accountIds: Record<string, string> = {}): DesiredRole[] {
  const clusters = manifest.allClusters ?? manifest.clusters;
  const inherited = { defaults: manifest.defaultTags, owner: manifest.owner?.value };
  const roles = new Map<string, DesiredRole & { spec: RoleSpec }>();
  const declare = (c: ManifestCluster, block: RoleBlockV1, who: { namespace: string; serviceAccount: string; sessionTags: boolean; addon?: RoleDeclarer['addon'] }, source: SourceLocation) => {
    const accountId = c.value.accountId ?? accountIds[c.value.name];
    const spec = roleSpecFor(block, who, c.value, accountId, inherited);
    const declarer: RoleDeclarer = {
      cluster: c.value.name,
      region: c.value.region,
      accountId: spec.accountId,
      namespace: who.namespace,
      serviceAccount: who.serviceAccount,
      sessionTags: who.sessionTags,
      ...(who.addon ? { addon: who.addon } : {}),
      source,
    };
    const key = `${spec.partition}\u0000${spec.accountId}\u0000${spec.roleName}`;
    const known = roles.get(key);
    if (!known) {
      roles.set(key, { ...toRole(spec, [declarer]), spec });
      return;
    }
    known.declaredBy.push(declarer);
    const field = differingField(known.spec, spec);
    if (field) known.conflicts = [...(known.conflicts ?? []), { field, source }];
  };
  for (const c of clusters) {
    for (const a of manifest.podIdentityAssociations) {
      const block = a.value.role;
      if (!block || !appliesTo(a, c)) continue;
      declare(c, block, { namespace: a.value.namespace, serviceAccount: a.value.serviceAccount, sessionTags: a.value.disableSessionTags !== true }, a.keyAt('role'));
    }
    // Add-on associations declare roles too, in the add-on's namespace (session tags on, as EKS creates them).
    for (const addon of manifest.addons ?? []) {
      if (!appliesTo(addon, c)) continue;
      addon.value.podIdentityAssociations.forEach((p, i) => {
        if (!p.role) return;
        const who = { namespace: defaultAddonNamespace(addon.value.name), serviceAccount: p.serviceAccount, sessionTags: true, addon: { name: addon.value.name, recommendedPolicies: p.recommendedPolicies === true } };
        declare(c, p.role, who, addon.keyAt('podIdentityAssociations', i, 'role'));
      });
    }
  }
  // A cluster whose account is unknown may share any known account's role of the same name: its
  // trust cannot be complete, so those roles carry the clusters for the plan to report.
  const unknown = [...roles.values()].filter((r) => r.accountId === UNKNOWN_ACCOUNT);
  const unknownClustersOf = (r: DesiredRole) => [
    ...new Set(unknown.filter((u) => u.partition === r.partition && u.roleName === r.roleName).flatMap((u) => u.declaredBy.map((d) => d.cluster))),
  ];
  return [...roles.values()]
    .map(({ spec, ...role }) => {
      const unknownClusters = unknownClustersOf(role);
      return {
        ...role,
        trustPolicy: canonicalJson(buildPodIdentityTrust(spec.partition, role.declaredBy)),
        ...(unknownClusters.length > 0 ? { unknownAccountClusters: unknownClusters } : {}),
      };
    })
    .sort((x, y) => compare(x.arn, y.arn));
}

function toRole(spec: RoleSpec, declaredBy: RoleDeclarer[]): DesiredRole {
  const { adopt, ...rest } = spec;
  return { ...rest, adopt, trustPolicy: '', declaredBy, ...(declaredBy[0]?.source ? { source: declaredBy[0].source } : {}) };
}

function appliesTo(a: ManifestAssociation | ManifestAddon, c: ManifestCluster): boolean {
  return !a.value.clusters || a.value.clusters.includes(c.value.name);
}
