/**
 * Live cluster → manifest v1 that plans to zero changes against the same cluster. Objects this
 * tool must not manage (add-on-owned associations, entries EKS or an AWS service created) are
 * written as comments, so the file still tells the whole story.
 */
import type { AccessScope } from '../model/desired.js';
import type { LiveAccessEntry, LiveAssociation, LiveCluster } from '../model/live.js';
import { accessPolicyName, parseArn, type Partition } from '../model/partition.js';
import { renderManifestFragment, type RenderFragmentOptions } from './manifest-yaml.js';
import type { FragmentAccessEntry, FragmentAccessPolicy, FragmentAssociation, ManifestFragment, NotConvertible } from './types.js';
import { sortedRecord } from '../model/order.js';
import { OWNER_TAG, ownerOf } from '../model/ownership.js';

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

/** Builds the manifest for one live cluster, read with every association and entry described. */
export function renderClusterExport(cluster: LiveCluster): ExportResult {
  const unmanaged: NotConvertible[] = [];
  const associations: FragmentAssociation[] = [];
  for (const live of cluster.associations) {
    if (live.ownerArn) {
      unmanaged.push({ origin: 'addon', subject: `${live.namespace}/${live.serviceAccount}`, reason: `owned by add-on ${live.ownerArn}; change it through the add-on`, fix: `role: ${live.roleArn}` });
      continue;
    }
    const owner = ownerOf(live.tags);
    if (owner !== undefined) {
      unmanaged.push({ origin: 'role', subject: `${live.namespace}/${live.serviceAccount}`, reason: ownedElsewhere(owner), fix: `role: ${live.roleArn}` });
      continue;
    }
    associations.push(exportAssociation(live));
  }
  const entries: FragmentAccessEntry[] = [];
  for (const live of cluster.accessEntries) {
    const owner = ownerOf(live.tags);
    // An owner tag says who made it, so it wins over the guess that EKS made a node entry.
    const reason = owner === undefined ? unmanagedEntryReason(live) : ownedElsewhere(owner);
    if (reason) {
      unmanaged.push({ origin: 'role', subject: live.principalArn, reason, fix: `type: ${live.type}` });
      continue;
    }
    entries.push(exportAccessEntry(live, cluster.partition));
  }
  const undescribed = cluster.associationSummaries.length - cluster.associations.length;
  const fragment: ManifestFragment = {
    version: 1,
    clusters: [{ name: cluster.name, region: cluster.region, accountId: cluster.accountId }],
    ...(associations.length > 0 ? { podIdentityAssociations: associations } : {}),
    ...(entries.length > 0 ? { accessEntries: entries } : {}),
  };
  const header = [`Exported from EKS cluster ${cluster.name} (${cluster.region}, account ${cluster.accountId}).`];
  if (undescribed > 0) header.push(`${undescribed} association(s) vanished while reading and are not included.`);
  if (cluster.authenticationMode === 'CONFIG_MAP') header.push('The cluster is in CONFIG_MAP mode: it has no access entries (see migrate-aws-auth).');
  const comments = { header, trailer: unmanagedComments(unmanaged) };
  return { manifestYaml: renderManifestFragment(fragment, comments), fragment, unmanaged, comments };
}

/** An object another eks-identity manifest wrote (its owner tag) stays that manifest's to manage. */
function ownedElsewhere(owner: string): string {
  return `managed by the eks-identity manifest with owner ${owner} (tag ${OWNER_TAG}); declare it there`;
}

function exportAssociation(live: LiveAssociation): FragmentAssociation {
  const out: FragmentAssociation = { namespace: live.namespace, serviceAccount: live.serviceAccount, roleArn: live.roleArn };
  if (live.targetRoleArn) out.targetRoleArn = live.targetRoleArn;
  if (live.disableSessionTags) out.disableSessionTags = true;
  if (live.policy !== undefined) out.policy = parsePolicy(live.policy);
  if (Object.keys(live.tags).length > 0) out.tags = sortedRecord(live.tags);
  return out;
}

function exportAccessEntry(live: LiveAccessEntry, partition: Partition): FragmentAccessEntry {
  const out: FragmentAccessEntry = { principalArn: live.principalArn, type: live.type };
  // Only STANDARD entries carry groups and a username; for node types EKS sets them itself.
  if (live.type === 'STANDARD') {
    if (live.kubernetesGroups.length > 0) out.kubernetesGroups = [...new Set(live.kubernetesGroups)].sort();
    if (live.username !== undefined && live.username !== defaultEntryUsername(live)) out.username = live.username;
  }
  const policies = [...live.accessPolicies].sort((a, b) => (a.policyArn < b.policyArn ? -1 : a.policyArn > b.policyArn ? 1 : 0));
  if (policies.length > 0) out.accessPolicies = policies.map((p): FragmentAccessPolicy => ({ policy: policyReference(p.policyArn, partition), ...exportScope(p.scope) }));
  if (Object.keys(live.tags).length > 0) out.tags = sortedRecord(live.tags);
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
