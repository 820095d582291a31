import type { AccessScope, DesiredAccessEntry, DesiredAccessPolicy, DesiredAssociation, DesiredCluster, DesiredState } from '../model/desired.js';
import { compare, sortedRecord } from '../model/order.js';
import { OWNER_TAG } from '../model/ownership.js';
import { accessPolicyArnFor, partitionOfRegion, roleArnFor } from '../model/partition.js';
import { canonicalJson } from '../aws/canonical-json.js';
import type { LoadedManifest, ManifestAccessEntry, ManifestAssociation } from './model.js';
import { expandVariables } from './variables.js';
import { expandAddons } from './addons.js';
import { desiredRoles, roleSpecFor } from './expand-roles.js';

export interface ExpandContext {
  /** Account of each cluster from its credentials (STS), by cluster name; the manifest's accountId wins. */
  accountIds?: Record<string, string>;
}

/**
 * Turns a validated manifest into the desired state of each cluster: variables expanded (role
 * names and ARNs, target roles, principals, usernames, groups, policy names, scope namespaces,
 * tag values), role names made ARNs, short policy names made ARNs, defaults merged, lists sorted.
 * Pure. An account that is not known (offline) stays as the literal `${accountId}`.
 */
export function expandManifest(loaded: LoadedManifest, context: ExpandContext = {}): DesiredState {
  const { manifest } = loaded;
  const clusters = manifest.clusters.map((c): DesiredCluster => {
    const partition = partitionOfRegion(c.value.region);
    const accountId = c.value.accountId ?? context.accountIds?.[c.value.name];
    const vars = { partition, region: c.value.region, cluster: c.value.name, ...(accountId ? { accountId } : {}) };
    const expand = (text: string) => expandVariables(text, vars);
    const applies = (item: { value: { clusters?: string[] | undefined } }) => !item.value.clusters || item.value.clusters.includes(c.value.name);
    // The owner tag goes on everything the manifest writes: creates carry it, updates and adoptions add it.
    const ownerTag: Record<string, string> = manifest.owner ? { [OWNER_TAG]: manifest.owner.value } : {};
    // Tag values are templated per cluster (keys and the owner are not).
    const tags = (own: Record<string, string> | undefined) =>
      sortedRecord({ ...Object.fromEntries(Object.entries({ ...manifest.defaultTags, ...own }).map(([k, v]) => [k, expand(v)])), ...ownerTag });
    return {
      name: c.value.name,
      region: c.value.region,
      partition,
      ...(accountId ? { accountId } : {}),
      ...(c.value.assumeRoleArn ? { assumeRoleArn: expand(c.value.assumeRoleArn) } : {}),
      prune: manifest.prune,
      ...(manifest.owner ? { owner: manifest.owner.value } : {}),
      associations: manifest.podIdentityAssociations
        .filter(applies)
        .map((a) => {
          const association = toAssociation(a, expand, accountId ?? '${accountId}', partition, tags);
          if (!a.value.role) return association;
          // The role block's role: its ARN, and a flag that the plan creates and owns it.
          const spec = roleSpecFor(a.value.role, a.value, c.value, accountId, { defaults: manifest.defaultTags, owner: manifest.owner?.value });
          return { ...association, roleArn: spec.arn, managedRole: true };
        })
        .sort((x, y) => compare(`${x.namespace}/${x.serviceAccount}`, `${y.namespace}/${y.serviceAccount}`)),
      accessEntries: manifest.accessEntries
        .filter(applies)
        .map((e) => toAccessEntry(e, expand, partition, tags))
        .sort((x, y) => compare(x.principalArn, y.principalArn)),
      ...(manifest.addons?.length ? { addons: expandAddons(manifest.addons, c, expand, accountId, { defaults: manifest.defaultTags, owner: manifest.owner?.value }) } : {}),
      source: c.source,
    };
  });
  const roles = desiredRoles(manifest, context.accountIds);
  return { files: loaded.files, clusters: clusters.sort((a, b) => compare(a.name, b.name)), ...(roles.length > 0 ? { roles } : {}) };
}

type Expand = (text: string) => string;
type Tags = (own: Record<string, string> | undefined) => Record<string, string>;

function toAssociation(a: ManifestAssociation, expand: Expand, accountId: string, partition: DesiredCluster['partition'], tags: Tags): DesiredAssociation {
  const v = a.value;
  return {
    namespace: v.namespace,
    serviceAccount: v.serviceAccount,
    roleArn: v.roleArn !== undefined ? expand(v.roleArn) : roleArnFor(partition, accountId, expand(v.roleName ?? '')),
    ...(v.targetRoleArn ? { targetRoleArn: expand(v.targetRoleArn) } : {}),
    disableSessionTags: v.disableSessionTags ?? false,
    ...(v.policy !== undefined ? { policy: canonicalJson(v.policy) } : {}),
    tags: tags(v.tags),
    source: a.source,
  };
}

function toAccessEntry(e: ManifestAccessEntry, expand: Expand, partition: DesiredCluster['partition'], tags: Tags): DesiredAccessEntry {
  const v = e.value;
  const policies = (v.accessPolicies ?? []).map((p, i): DesiredAccessPolicy => {
    const scope: AccessScope = p.namespaces !== undefined ? { type: 'namespace', namespaces: [...new Set(p.namespaces.map(expand))].sort(compare) } : { type: 'cluster' };
    return { policyArn: accessPolicyArnFor(partition, expand(p.policy)), scope, source: e.at('accessPolicies', i) };
  });
  return {
    principalArn: expand(v.principalArn),
    type: v.type ?? 'STANDARD',
    kubernetesGroups: [...new Set((v.kubernetesGroups ?? []).map(expand))].sort(compare),
    ...(v.username !== undefined ? { username: expand(v.username) } : {}),
    accessPolicies: policies.sort((x, y) => compare(x.policyArn, y.policyArn)),
    tags: tags(v.tags),
    source: e.source,
  };
}

