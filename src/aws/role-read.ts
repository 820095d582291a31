import type { DesiredCluster } from '../model/desired.js';
import type { DesiredRole, LiveRoleDetail } from '../model/desired-role.js';
import type { LiveAssociation } from '../model/live.js';
import { ownerOf } from '../model/ownership.js';
import { parseArn, roleNameOfArn } from '../model/partition.js';
import { mapWithConcurrency } from './concurrency.js';
import { isAccessDenied } from './errors.js';
import { compare } from './live-convert.js';
import type { IamRoleGateway } from './role-gateway.js';
import type { ClusterSession } from './session.js';

/** Shares answers between the clusters of one read (IAM is one per account); see IamLookups. */
export type Once = <T>(key: string, read: () => Promise<T>) => Promise<T>;

/**
 * What the role plan needs of IAM for one cluster: the roles its `role:` blocks declare, read in
 * full (GetRole, ListAttachedRolePolicies, ListRolePolicies + GetRolePolicy); the managed policies
 * and boundaries they name (GetPolicy: exists or not; a denied GetPolicy leaves it unknown); and,
 * with prune, the roles of its live associations that this manifest owns and no longer declares
 * (GetRole first, the policies only for an owned one). No account-wide ListRoles.
 */
export async function readManagedRoles(
  session: Pick<ClusterSession, 'accountId' | 'partition'>,
  gateway: IamRoleGateway,
  desired: DesiredCluster,
  roles: readonly DesiredRole[],
  associations: readonly LiveAssociation[],
  once: Once,
  limit: number,
): Promise<{ managedRoles?: Record<string, LiveRoleDetail | null>; managedPolicies?: Record<string, boolean> }> {
  const declared = roles.filter((r) => r.accountId === session.accountId && r.declaredBy.some((d) => d.cluster === desired.name));
  const declaredNames = new Set(declared.map((r) => r.roleName));
  // A live association declared with the same role keeps it: that role is no prune candidate.
  const keyOf = (a: { namespace: string; serviceAccount: string; roleArn: string }) => `${a.namespace}/${a.serviceAccount}\u0000${a.roleArn}`;
  const kept = new Set(desired.associations.map(keyOf));
  // Only a role tagged with this manifest's owner may be pruned: without an owner there is nothing to look up.
  const candidates = desired.prune && desired.owner !== undefined
    ? [...new Set(associations.filter((a) => !kept.has(keyOf(a))).map((a) => a.roleArn))].filter((arn) => inAccount(session, arn) && !declaredNames.has(roleNameOfArn(arn) ?? '')).sort(compare)
    : [];
  if (declared.length === 0 && candidates.length === 0) return {};
  const full = (name: string) => once(`role-detail\u0000${name}`, () => gateway.readRole(name, true));
  const policyArns = [...new Set(declared.flatMap((r) => [...r.managedPolicyArns, ...(r.permissionsBoundary !== undefined ? [r.permissionsBoundary] : [])]))].sort(compare);
  const [declaredRoles, candidateRoles, policies] = await Promise.all([
    mapWithConcurrency(declared, limit, async (r) => [r.arn, (await full(r.roleName)) ?? null] as const),
    mapWithConcurrency(candidates, limit, async (arn) => {
      const name = roleNameOfArn(arn)!;
      const bare = await once(`role-bare\u0000${name}`, () => gateway.readRole(name, false));
      // Only a role this manifest owns may be deleted: read its policies only then.
      const owned = bare !== undefined && desired.owner !== undefined && ownerOf(bare.tags) === desired.owner;
      return [arn, owned ? ((await full(name)) ?? null) : null] as const;
    }),
    mapWithConcurrency(policyArns, limit, async (arn) => {
      const exists = await once(`policy\u0000${arn}`, () => gateway.policyExists(arn).catch((err: unknown) => (isAccessDenied(err) ? undefined : Promise.reject(err))));
      return [arn, exists] as const;
    }),
  ]);
  const known = policies.filter((p): p is readonly [string, boolean] => p[1] !== undefined);
  return {
    managedRoles: Object.fromEntries([...declaredRoles, ...candidateRoles.filter(([, r]) => r !== null)]),
    ...(known.length > 0 ? { managedPolicies: Object.fromEntries(known) } : {}),
  };
}

function inAccount(session: Pick<ClusterSession, 'accountId' | 'partition'>, arn: string): boolean {
  const parsed = parseArn(arn);
  return parsed?.service === 'iam' && parsed.resource.startsWith('role/') && parsed.accountId === session.accountId && parsed.partition === session.partition;
}
