import { TAG_LIMITS } from './api-limits.js';
import { accessPolicyName, parseArn, roleNameOfArn as roleNameOf } from './partition.js';

/*
 * Who owns an access entry, and who a principal is. Shared by the planner (findings) and the apply
 * engine (the delete guards it checks again right before each delete).
 */

/**
 * Node entries EKS makes itself for managed node groups, Fargate profiles and Auto Mode, and
 * entries of service-linked roles. The API does not say who created an entry, so every entry of
 * these kinds is protected: removing a node role's entry takes its nodes out of the cluster.
 */
const EKS_NODE_TYPES = new Set(['EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX', 'EC2']);

/**
 * Why `owner` cannot be an owner, or undefined. It is a tag value (EKS: 0–256 characters of
 * letters, digits, spaces and _ . : / = + - @;
 * https://docs.aws.amazon.com/eks/latest/userguide/eks-using-tags.html); empty would tag nothing
 * recognisable.
 */
export function ownerProblem(owner: string): { message: string; fix: string } | undefined {
  if (owner.length > 0 && owner.length <= TAG_LIMITS.value && /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u.test(owner)) return undefined;
  const shown = owner.length > 40 ? `${owner.slice(0, 40)}…` : owner;
  return { message: `owner ${JSON.stringify(shown)} is not a valid tag value`, fix: `use 1–${TAG_LIMITS.value} characters: letters, digits, spaces and _ . : / = + - @` };
}

/** A node type EKS creates entries of itself (see EKS_NODE_TYPES). */
export function isEksNodeType(type: string): boolean {
  return EKS_NODE_TYPES.has(type);
}

/**
 * Access policies EKS associates with the entry it creates for an EKS Capability's IAM role (ACK,
 * Argo CD, kro), and that exist for nothing else. The EKS User Guide ("Amazon EKS capability IAM
 * role"; "Register target clusters" for Argo CD) says capabilities reach the cluster "through
 * automatically created access entries" carrying these policies; the API marks such an entry in no
 * other way (its type is STANDARD and its principal is the user's own role).
 */
export const CAPABILITY_ACCESS_POLICIES: readonly string[] = ['AmazonEKSACKPolicy', 'AmazonEKSArgoCDClusterPolicy', 'AmazonEKSArgoCDPolicy', 'AmazonEKSKROPolicy'];

/** An access policy EKS associates only for EKS Capabilities: never removed by eks-identity. */
export function isCapabilityPolicy(policyArn: string): boolean {
  return CAPABILITY_ACCESS_POLICIES.includes(accessPolicyName(policyArn));
}

/** The tag that names the manifest owning an object (`owner:` in the manifest). EKS never sets it. */
export const OWNER_TAG = 'eks-identity/owner';

/**
 * What prune deletes: nothing (`false`), every undeclared object (`true`), or only undeclared
 * objects that carry this manifest's owner tag (`'owned'`). The guards apply to both.
 */
export type PruneMode = boolean | 'owned';

/** The manifest owner an object's tags name, if any. */
export function ownerOf(tags: Readonly<Record<string, string>> | undefined): string | undefined {
  return tags?.[OWNER_TAG];
}

/**
 * Whether prune may consider an undeclared object at all: every one with `prune: true`, only
 * those tagged with this manifest's owner with `prune: owned`.
 */
export function isPrunable(prune: PruneMode, owner: string | undefined, tags: Readonly<Record<string, string>> | undefined): boolean {
  if (prune === 'owned') return owner !== undefined && ownerOf(tags) === owner;
  return prune;
}

/**
 * Why EKS owns this entry, or undefined when it is ours to delete. `accessPolicies` (policy ARNs
 * associated with the entry) recognise the entries of EKS Capabilities; without them only the
 * type and the principal are judged. A node-type entry tagged with `owner` (the manifest planning
 * the delete) was created by that manifest: EKS never sets the owner tag, so it may be pruned.
 */
export function eksOwnedEntryReason(
  entry: { principalArn: string; type: string; tags?: Readonly<Record<string, string>>; accessPolicies?: ReadonlyArray<string | { policyArn: string }> },
  owner?: string,
): string | undefined {
  const ours = owner !== undefined && ownerOf(entry.tags) === owner;
  if (EKS_NODE_TYPES.has(entry.type) && !ours) return `access entry of type ${entry.type} is a node entry EKS manages; it is never deleted`;
  const name = roleNameOf(entry.principalArn);
  if (name?.startsWith('AWSServiceRoleFor')) return `access entry for the service-linked role ${name} belongs to EKS; it is never deleted`;
  const capability = (entry.accessPolicies ?? []).map((p) => (typeof p === 'string' ? p : p.policyArn)).find(isCapabilityPolicy);
  if (capability) return `access entry of an EKS Capability role (it carries ${accessPolicyName(capability)}, which EKS associates when it creates the capability); it is never deleted`;
  return undefined;
}

/**
 * The same IAM principal, comparing roles by partition, account and name: STS reports an assumed
 * role without its path, so `role/teams/Deploy` and `role/Deploy` are the same caller.
 */
export function isSamePrincipal(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = parseArn(a);
  const pb = parseArn(b);
  if (!pa || !pb || pa.service !== 'iam' || pb.service !== 'iam') return false;
  if (!pa.resource.startsWith('role/') || !pb.resource.startsWith('role/')) return false;
  return pa.partition === pb.partition && pa.accountId === pb.accountId && roleNameOf(a) === roleNameOf(b);
}

export const CLUSTER_ADMIN_POLICY = 'AmazonEKSClusterAdminPolicy';

export function isClusterAdminPolicy(policyArn: string): boolean {
  return accessPolicyName(policyArn) === CLUSTER_ADMIN_POLICY;
}
