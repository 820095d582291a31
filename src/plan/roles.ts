import type { DesiredCluster, DesiredState } from '../model/desired.js';
import type { DesiredRole, LiveRoleDetail } from '../model/desired-role.js';
import type { LiveState } from '../model/live.js';
import { compare } from '../model/order.js';
import { OWNER_TAG, ownerOf } from '../model/ownership.js';
import { parseArn, roleNameOfArn } from '../model/partition.js';
import type { Change, Finding, IamRoleValue } from '../model/plan.js';
import type { SourceLocation } from '../model/source.js';
import { finding } from './finding.js';
import { roleFieldDiffs } from './role-diff.js';
import { roleFindings } from './role-findings.js';

/*
 * IAM roles eks-identity owns, planned across clusters: a role is global to its account, so each
 * `iamRole` change is planned once, under the first planned cluster (in manifest order) of its
 * account that declares it. Prune deletes an owned role only when no declaration keeps it and no
 * association that stays uses it; the candidates are the roles of the live associations the
 * planned clusters have (no account-wide ListRoles scan).
 */

export function roleId(roleName: string): string {
  return `role/${roleName}`;
}

export interface RolePlan {
  /** By cluster name: the role changes and findings planned under that cluster. */
  changes: Map<string, Change[]>;
  findings: Map<string, Finding[]>;
}

/**
 * `planned`: the clusters of this plan (live ones that exist); `clusterChanges`: the association
 * changes already planned per cluster, to know which live associations stay.
 */
export function planRoles(desired: DesiredState, planned: readonly DesiredCluster[], live: LiveState, clusterChanges: ReadonlyMap<string, readonly Change[]>): RolePlan {
  const out: RolePlan = { changes: new Map(), findings: new Map() };
  const push = <T>(map: Map<string, T[]>, cluster: string, item: T) => map.set(cluster, [...(map.get(cluster) ?? []), item]);
  const liveOf = (name: string) => live.clusters.find((c) => c.name === name && c.exists);
  const plannedNames = new Set(planned.filter((c) => liveOf(c.name)).map((c) => c.name));
  const owner = planned[0]?.owner;

  for (const role of desired.roles ?? []) {
    const home = role.declaredBy.find((d) => plannedNames.has(d.cluster));
    if (!home) continue;
    const liveCluster = liveOf(home.cluster)!;
    const found = roleFindings(role, liveCluster);
    for (const f of found) push(out.findings, home.cluster, f);
    if (found.some((f) => f.severity === 'error')) continue;
    const change = roleChange(role, liveCluster.managedRoles?.[role.arn], owner);
    if ('finding' in change) push(out.findings, home.cluster, change.finding);
    else if (change.change) push(out.changes, home.cluster, change.change);
  }

  for (const d of pruneDeletes(desired, planned.filter((c) => plannedNames.has(c.name)), live, clusterChanges)) {
    if ('finding' in d) push(out.findings, d.cluster, d.finding);
    else push(out.changes, d.cluster, d.change);
  }
  return out;
}

function roleChange(role: DesiredRole, current: LiveRoleDetail | null | undefined, owner: string | undefined): { change?: Change } | { finding: Finding } {
  const after = desiredRoleValue(role);
  const id = roleId(role.roleName);
  const source = role.source ? { source: role.source } : {};
  if (current === undefined || current === null) return { change: { id, kind: 'iamRole', action: 'create', after, ...source } };
  const holder = ownerOf(current.tags);
  if (holder === undefined && !role.adopt) {
    return {
      finding: finding('ROLE_NOT_OWNED', `IAM role ${current.arn} exists and was not created by eks-identity (it has no ${OWNER_TAG} tag); eks-identity never changes a role it does not own`, {
        key: id,
        fix: 'reference the role with `roleName:` or `roleArn:` instead of `role:`, or add `adopt: true` to the `role:` block to take it over (it is then tagged and managed in full)',
        ...source,
      }),
    };
  }
  if (holder !== undefined && holder !== owner) {
    return {
      finding: finding('ROLE_OWNED_BY_ANOTHER_MANIFEST', `IAM role ${current.arn} carries ${OWNER_TAG}=${JSON.stringify(holder)}, but this manifest's owner is ${JSON.stringify(owner ?? '')}; eks-identity leaves it alone`, {
        key: id,
        fix: `declare the role only in the manifest whose owner is ${JSON.stringify(holder)}, or give this role another name`,
        ...source,
      }),
    };
  }
  const before = liveRoleValue(current);
  const fields = roleFieldDiffs(before, after);
  if (fields.length === 0) return {};
  return { change: { id, kind: 'iamRole', action: 'update', before, after, fields, ...(holder === undefined ? { reason: 'adopt: true takes over this role (it gets the owner tag)' } : {}), ...source } };
}

/** The role fields a plan shows, from a desired or a live role (policies absent: none read). */
type RoleFields = Omit<IamRoleValue, 'roleArn' | 'managedPolicyArns' | 'inlinePolicies'> & Partial<Pick<IamRoleValue, 'managedPolicyArns' | 'inlinePolicies'>> & { arn: string };

function roleValue(r: RoleFields): IamRoleValue {
  return {
    roleArn: r.arn,
    roleName: r.roleName,
    path: r.path,
    trustPolicy: r.trustPolicy,
    managedPolicyArns: [...(r.managedPolicyArns ?? [])],
    inlinePolicies: { ...(r.inlinePolicies ?? {}) },
    ...(r.permissionsBoundary !== undefined ? { permissionsBoundary: r.permissionsBoundary } : {}),
    maxSessionDuration: r.maxSessionDuration,
    ...(r.description !== undefined ? { description: r.description } : {}),
    tags: { ...r.tags },
  };
}

export function desiredRoleValue(role: DesiredRole): IamRoleValue {
  return roleValue(role);
}

export function liveRoleValue(l: LiveRoleDetail): IamRoleValue {
  return roleValue(l);
}

type PruneResult = { cluster: string; change: Change } | { cluster: string; finding: Finding };

/**
 * Owned roles no declaration keeps, found through the live associations of the planned clusters:
 * deleted when prune is on and every association using them goes (deleted or moved to another
 * role by this plan); kept, with a note, when one stays.
 */
function pruneDeletes(desired: DesiredState, planned: readonly DesiredCluster[], live: LiveState, clusterChanges: ReadonlyMap<string, readonly Change[]>): PruneResult[] {
  const kept = new Set((desired.roles ?? []).map((r) => accountAndName(r.arn)));
  const candidates = new Map<string, { cluster: string; role: LiveRoleDetail; source?: SourceLocation }>();
  const staying = new Set<string>();
  for (const d of planned) {
    const l = live.clusters.find((c) => c.name === d.name && c.exists);
    if (!l) continue;
    const changes = clusterChanges.get(d.name) ?? [];
    const leaving = new Set(changes.filter((c) => c.kind === 'podIdentityAssociation' && (c.action === 'delete' || c.action === 'update' || c.action === 'replace')).map((c) => c.id));
    for (const a of l.associations) {
      const role = l.managedRoles?.[a.roleArn];
      const key = accountAndName(a.roleArn);
      const moved = leaving.has(`association/${a.namespace}/${a.serviceAccount}`);
      const declared = d.associations.find((x) => x.namespace === a.namespace && x.serviceAccount === a.serviceAccount);
      const stays = !moved || (declared !== undefined && accountAndName(declared.roleArn) === key);
      if (stays) staying.add(key);
      if (!d.prune || !role || kept.has(key) || ownerOf(role.tags) === undefined || ownerOf(role.tags) !== d.owner) continue;
      if (!candidates.has(key)) candidates.set(key, { cluster: d.name, role });
    }
    // Associations the plan writes keep their (new) roles too.
    for (const a of d.associations) staying.add(accountAndName(a.roleArn));
  }
  const results: PruneResult[] = [];
  for (const [key, { cluster, role }] of [...candidates].sort(([a], [b]) => compare(a, b))) {
    const id = roleId(role.roleName);
    if (staying.has(key)) {
      results.push({ cluster, finding: finding('ROLE_STILL_USED', `IAM role ${role.arn} is owned by this manifest and no longer declared, but an association that stays still uses it; prune keeps it`, { key: id, fix: 'nothing to do; it is deleted once no association uses it' }) });
    } else {
      results.push({ cluster, change: { id, kind: 'iamRole', action: 'delete', before: liveRoleValue(role), reason: 'no longer declared, owned by this manifest, and its associations are deleted (prune)' } });
    }
  }
  return results;
}

/** Roles compare by account and name: IAM names are unique per account, whatever the path. */
function accountAndName(arn: string): string {
  return `${parseArn(arn)?.accountId ?? ''}/${roleNameOfArn(arn) ?? arn}`;
}
