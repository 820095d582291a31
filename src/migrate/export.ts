/**
 * Live cluster → manifest v1 that plans to zero changes against the same cluster. An add-on's
 * associations are written under `addons:` (managed through the add-on, as EKS requires). Objects
 * this tool must not manage (entries EKS or an AWS service created, objects of another owner) are
 * written as comments, so the file still tells the whole story.
 */
import type { AccessScope } from '../model/desired.js';
import type { LiveAccessEntry, LiveAssociation, LiveCluster } from '../model/live.js';
import { accessPolicyName, parseArn, type Partition } from '../model/partition.js';
import { renderManifestFragment, type RenderFragmentOptions } from './manifest-yaml.js';
import type { FragmentAccessEntry, FragmentAccessPolicy, FragmentAddon, FragmentAssociation, FragmentRoleAssociation, ManifestFragment, NotConvertible } from './types.js';
import { addonNameOfArn } from '../model/addon.js';
import type { LiveRoleDetail } from '../model/desired-role.js';
import { exportRoleBlock, trustDiffers, trustNote, withoutOwnerTag } from './export-roles.js';
import { OWNER_TAG, ownerOf } from '../model/ownership.js';
import { compare } from '../model/order.js';

export interface ExportResult {
  manifestYaml: string;
  fragment: ManifestFragment;
  /** Objects written as comments, with the reason. */
  unmanaged: NotConvertible[];
  /** The comments of the file, to write a part of the fragment the same way. */
  comments: RenderFragmentOptions;
}

/** Node entry types EKS creates for managed node groups, Fargate profiles and Auto Mode (apply never deletes them either). */
const NODE_TYPES = new Set(['EC2', 'EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX']);

/**
 * Why an access entry is left unmanaged, or undefined when the manifest should own it. Node
 * entries are usually made by EKS itself (node groups, Fargate profiles, Auto Mode) and go away
 * with them; service-linked roles belong to the AWS service that uses them.
 */
export function unmanagedEntryReason(entry: Pick<LiveAccessEntry, 'principalArn' | 'type'>): string | undefined {
  const resource = parseArn(entry.principalArn)?.resource ?? '';
  if (resource.startsWith('role/aws-service-role/') || /(^|\/)AWSServiceRoleFor/.test(resource)) {
    return 'service-linked role: the AWS service that owns it manages this entry';
  }
  if (NODE_TYPES.has(entry.type)) {
    return `${entry.type} node entry: EKS creates these for managed node groups, Fargate profiles and Auto Mode (declare it to manage it here)`;
  }
  return undefined;
}

/** The username EKS assigns when none is given; exporting it would only restate the default. */
export function defaultEntryUsername(entry: Pick<LiveAccessEntry, 'principalArn' | 'type'>): string | undefined {
  const arn = parseArn(entry.principalArn);
  if (entry.type !== 'STANDARD') return undefined;
  if (arn?.service === 'iam' && arn.resource.startsWith('role/')) {
    const name = arn.resource.split('/').pop();
    return `arn:${arn.partition}:sts::${arn.accountId}:assumed-role/${name}/{{SessionName}}`;
  }
  return entry.principalArn;
}

/**
 * Whose objects an export writes. Without an owner: the untagged ones (a tagged one belongs to its
 * manifest). With one: only the objects tagged with it, since a manifest with `owner:` would tag
 * every other one it declares, and the file would no longer plan to zero changes. Its roles
 * (`roles`, by ARN, read with readOwnedRoles) are written as `role:` blocks.
 */
export interface ExportOwnership {
  owner?: string;
  roles?: Readonly<Record<string, LiveRoleDetail>>;
}

/** Builds the manifest for one live cluster, read with every association and entry described. */
export function renderClusterExport(cluster: LiveCluster, ownership: ExportOwnership = {}): ExportResult {
  const { owner } = ownership;
  const unmanaged: NotConvertible[] = [];
  const associations: Array<FragmentAssociation | FragmentRoleAssociation> = [];
  const roleUsers = new Map<string, LiveAssociation[]>();
  const addonAssociations = new Map<string, FragmentAddon['podIdentityAssociations']>();
  for (const live of cluster.associations) {
    if (live.ownerArn) {
      const addonName = addonNameOfArn(live.ownerArn);
      // UpdateAddon sets an add-on's associations without tags, so none carries an owner tag: an
      // export for one owner cannot tell whose they are, and leaves them out.
      const reason =
        addonName === undefined
          ? `owned by ${live.ownerArn}, which is not an add-on ARN; change it through its owner`
          : owner !== undefined
            ? `owned by add-on ${addonName}, whose associations carry no owner tag (export without an owner to write them under addons:)`
            : undefined;
      if (reason) unmanaged.push({ origin: 'addon', subject: `${live.namespace}/${live.serviceAccount}`, reason, fix: `role: ${live.roleArn}` });
      else addonAssociations.set(addonName!, [...(addonAssociations.get(addonName!) ?? []), { serviceAccount: live.serviceAccount, roleArn: live.roleArn }]);
      continue;
    }
    const reason = notExportedReason(ownerOf(live.tags), owner);
    if (reason) {
      unmanaged.push({ origin: 'role', subject: `${live.namespace}/${live.serviceAccount}`, reason, fix: `role: ${live.roleArn}` });
      continue;
    }
    const role = ownership.roles?.[live.roleArn];
    if (role) roleUsers.set(live.roleArn, [...(roleUsers.get(live.roleArn) ?? []), live]);
    associations.push(exportAssociation(live, role));
  }
  const entries: FragmentAccessEntry[] = [];
  for (const live of cluster.accessEntries) {
    const tagged = ownerOf(live.tags);
    // An owner tag says who made it, so it wins over the guess that EKS made a node entry.
    const reason = tagged === undefined && owner === undefined ? unmanagedEntryReason(live) : notExportedReason(tagged, owner);
    if (reason) {
      unmanaged.push({ origin: 'role', subject: live.principalArn, reason, fix: `type: ${live.type}` });
      continue;
    }
    entries.push(exportAccessEntry(live, cluster.partition));
  }
  const associationComments: Record<string, string[]> = {};
  for (const [arn, users] of roleUsers) {
    const role = ownership.roles![arn]!;
    if (!trustDiffers(cluster, role, users)) continue;
    for (const a of users) associationComments[`${a.namespace}/${a.serviceAccount}`] = trustNote(role, cluster.name);
  }
  // An add-on's declared list is all of its associations (UpdateAddon replaces them): each add-on with every one of its own.
  const addons: FragmentAddon[] = [...addonAssociations]
    .sort(([a], [b]) => compare(a, b))
    .map(([name, list]) => ({ name, podIdentityAssociations: [...list].sort((a, b) => compare(a.serviceAccount, b.serviceAccount)) }));
  const undescribed = cluster.associationSummaries.length - cluster.associations.length;
  const fragment: ManifestFragment = {
    version: 1,
    ...(owner !== undefined ? { owner } : {}),
    clusters: [{ name: cluster.name, region: cluster.region, accountId: cluster.accountId }],
    ...(associations.length > 0 ? { podIdentityAssociations: associations } : {}),
    ...(entries.length > 0 ? { accessEntries: entries } : {}),
    ...(addons.length > 0 ? { addons } : {}),
  };
  const header = [`Exported from EKS cluster ${cluster.name} (${cluster.region}, account ${cluster.accountId}).`];
  if (owner !== undefined) header.push(`Only the objects tagged ${OWNER_TAG}=${owner}; roles with that tag are declared as role: blocks.`);
  if (undescribed > 0) header.push(`${undescribed} association(s) vanished while reading and are not included.`);
  if (cluster.authenticationMode === 'CONFIG_MAP') header.push('The cluster is in CONFIG_MAP mode: it has no access entries (see migrate-aws-auth).');
  const comments = { header, trailer: unmanagedComments(unmanaged), ...(Object.keys(associationComments).length > 0 ? { associationComments } : {}) };
  return { manifestYaml: renderManifestFragment(fragment, comments), fragment, unmanaged, comments };
}

/** Why an object tagged `tagged` (or untagged) is not written by an export for `owner`, or undefined. */
function notExportedReason(tagged: string | undefined, owner: string | undefined): string | undefined {
  if (tagged !== undefined) return tagged === owner ? undefined : ownedElsewhere(tagged);
  if (owner === undefined) return undefined;
  return `not tagged ${OWNER_TAG}=${owner}: declared under this owner it would be tagged (export without an owner to write it)`;
}

/** An object another eks-identity manifest wrote (its owner tag) stays that manifest's to manage. */
function ownedElsewhere(owner: string): string {
  return `managed by the eks-identity manifest with owner ${owner} (tag ${OWNER_TAG}); declare it there`;
}

function exportAssociation(live: LiveAssociation, role: LiveRoleDetail | undefined): FragmentAssociation | FragmentRoleAssociation {
  const base = { namespace: live.namespace, serviceAccount: live.serviceAccount };
  const out: FragmentAssociation | FragmentRoleAssociation = role ? { ...base, role: exportRoleBlock(role) } : { ...base, roleArn: live.roleArn };
  if (live.targetRoleArn) out.targetRoleArn = live.targetRoleArn;
  if (live.disableSessionTags) out.disableSessionTags = true;
  if (live.policy !== undefined) out.policy = parsePolicy(live.policy);
  const tags = withoutOwnerTag(live.tags);
  if (Object.keys(tags).length > 0) out.tags = tags;
  return out;
}

function exportAccessEntry(live: LiveAccessEntry, partition: Partition): FragmentAccessEntry {
  const out: FragmentAccessEntry = { principalArn: live.principalArn, type: live.type };
  // Only STANDARD entries carry groups and a username; for node types EKS sets them itself.
  if (live.type === 'STANDARD') {
    if (live.kubernetesGroups.length > 0) out.kubernetesGroups = [...new Set(live.kubernetesGroups)].sort();
    if (live.username !== undefined && live.username !== defaultEntryUsername(live)) out.username = live.username;
  }
  const policies = [...live.accessPolicies].sort((a, b) => compare(a.policyArn, b.policyArn));
  if (policies.length > 0) out.accessPolicies = policies.map((p): FragmentAccessPolicy => ({ policy: policyReference(p.policyArn, partition), ...exportScope(p.scope) }));
  const tags = withoutOwnerTag(live.tags);
  if (Object.keys(tags).length > 0) out.tags = tags;
  return out;
}

/** Short name for the cluster partition's EKS policies, which the manifest expands back to the same ARN. */
function policyReference(policyArn: string, partition: Partition): string {
  const name = accessPolicyName(policyArn);
  return policyArn === `arn:${partition}:eks::aws:cluster-access-policy/${name}` ? name : policyArn;
}

function exportScope(scope: AccessScope): Pick<FragmentAccessPolicy, 'scope' | 'namespaces'> {
  return scope.type === 'cluster' ? { scope: 'cluster' } : { namespaces: [...new Set(scope.namespaces)].sort() };
}

function parsePolicy(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function unmanagedComments(unmanaged: NotConvertible[]): string[] {
  if (unmanaged.length === 0) return [];
  const lines = ['Not managed by this manifest (listed for reference):'];
  for (const u of unmanaged) lines.push(`- ${u.subject}${u.fix ? ` (${u.fix})` : ''}: ${u.reason}`);
  return lines;
}
