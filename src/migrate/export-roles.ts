/**
 * Workload roles in an export: an association whose IAM role carries the export's owner tag is
 * written with a `role:` block, so the recovered manifest manages the role again. The trust is not
 * written: eks-identity builds it from the declarations. When the trust it would build differs from
 * the live one (a role that also admits a cluster this file does not declare), the file says so.
 */
import { canonicalJson } from '../aws/canonical-json.js';
import { mapWithConcurrency } from '../aws/concurrency.js';
import { pacedClients, PacerRegistry } from '../aws/pacer.js';
import { SdkIamRoleGateway } from '../aws/role-gateway.js';
import type { ClusterSession } from '../aws/session.js';
import { DEFAULT_MAX_SESSION_DURATION, type LiveRoleDetail } from '../model/desired-role.js';
import type { LiveAssociation, LiveCluster } from '../model/live.js';
import { compare, sortedRecord } from '../model/order.js';
import { OWNER_TAG, ownerOf } from '../model/ownership.js';
import { parseArn, roleNameOfArn } from '../model/partition.js';
import { buildPodIdentityTrust } from '../plan/trust-policy-build.js';
import type { FragmentRole } from './types.js';

/** Roles read at once; each read is paced and bound by the session's deadline like every other call. */
const ROLE_READ_CONCURRENCY = 8;

/**
 * The roles of the associations tagged with `owner` that carry the same owner tag, read in full
 * (GetRole, attached and inline policies), by role ARN. GetRole comes first: the policies of a role
 * another owner (or nobody) holds are not read, since that role stays a roleArn reference.
 */
export async function readOwnedRoles(
  session: Pick<ClusterSession, 'accountId' | 'partition' | 'clients'>,
  associations: readonly LiveAssociation[],
  owner: string,
  pacers: PacerRegistry = new PacerRegistry(),
): Promise<Record<string, LiveRoleDetail>> {
  const arns = [...new Set(associations.filter((a) => !a.ownerArn && ownerOf(a.tags) === owner).map((a) => a.roleArn))]
    .filter((arn) => {
      const parsed = parseArn(arn);
      // A workload role lives in the cluster's account (that is where a `role:` block creates it).
      return parsed?.service === 'iam' && parsed.resource.startsWith('role/') && parsed.accountId === session.accountId && parsed.partition === session.partition;
    })
    .sort(compare);
  if (arns.length === 0) return {};
  const gateway = new SdkIamRoleGateway(pacedClients({ iam: session.clients.iam }, pacers).iam);
  const read = await mapWithConcurrency(arns, ROLE_READ_CONCURRENCY, async (arn) => {
    const name = roleNameOfArn(arn)!;
    const bare = await gateway.readRole(name, false);
    // The path is part of the ARN: a role found under another path is not the association's role.
    if (bare === undefined || bare.arn !== arn || ownerOf(bare.tags) !== owner) return undefined;
    const full = await gateway.readRole(name, true);
    return full === undefined ? undefined : ([arn, full] as const);
  });
  return Object.fromEntries(read.filter((r): r is readonly [string, LiveRoleDetail] => r !== undefined));
}

/** The `role:` block that declares a live role as it is (defaults left out, the owner tag too). */
export function exportRoleBlock(role: LiveRoleDetail): FragmentRole {
  const block: FragmentRole = { name: role.roleName };
  if (role.path !== '/') block.path = role.path;
  const managed = role.managedPolicyArns ?? [];
  if (managed.length > 0) block.managedPolicies = [...managed].sort(compare);
  const inline = Object.entries(role.inlinePolicies ?? {}).sort(([a], [b]) => compare(a, b));
  if (inline.length > 0) block.inlinePolicies = Object.fromEntries(inline.map(([name, doc]) => [name, JSON.parse(doc) as unknown]));
  if (role.permissionsBoundary !== undefined) block.permissionsBoundary = role.permissionsBoundary;
  if (role.maxSessionDuration !== DEFAULT_MAX_SESSION_DURATION) block.maxSessionDuration = role.maxSessionDuration;
  if (role.description !== undefined) block.description = role.description;
  const tags = withoutOwnerTag(role.tags);
  if (Object.keys(tags).length > 0) block.tags = tags;
  return block;
}

/** The owner tag comes from the manifest's `owner:`; written as a tag, the manifest would not validate. */
export function withoutOwnerTag(tags: Readonly<Record<string, string>>): Record<string, string> {
  return sortedRecord(Object.fromEntries(Object.entries(tags).filter(([key]) => key !== OWNER_TAG)));
}

/**
 * Whether the trust eks-identity builds for the associations of this cluster that use the role
 * differs from the role's live trust. When it does, planning the export updates the trust.
 */
export function trustDiffers(cluster: Pick<LiveCluster, 'name' | 'region' | 'accountId' | 'partition'>, role: LiveRoleDetail, users: readonly LiveAssociation[]): boolean {
  const declarers = users.map((a) => ({
    cluster: cluster.name,
    region: cluster.region,
    accountId: cluster.accountId,
    namespace: a.namespace,
    serviceAccount: a.serviceAccount,
    sessionTags: !a.disableSessionTags,
  }));
  return canonicalJson(buildPodIdentityTrust(cluster.partition, declarers)) !== role.trustPolicy;
}

/** The comment above an association whose role's built trust would differ from the live one. */
export function trustNote(role: LiveRoleDetail, cluster: string): string[] {
  return [
    `The live trust of role ${role.roleName} differs from the one eks-identity builds for the associations of`,
    `cluster ${cluster} that declare it here (it may also admit another cluster or service account): a plan of`,
    `this file replaces it. Declare the role's other users in the same manifest to keep them.`,
  ];
}
