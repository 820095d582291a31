import { OWNER_TAG } from '../model/ownership.js';
import { accessPolicyName, partitionOfRegion, parseArn } from '../model/partition.js';
import type { SourceLocation } from '../model/source.js';
import type { ManifestDiagnostic } from './diagnostics.js';
import type { FileManifest } from './check-file.js';
import type { Located, Manifest, ManifestAccessEntry, ManifestAssociation, ManifestCluster } from './model.js';
import * as names from './naming.js';
import { expandVariables, unknownVariables } from './variables.js';

type Report = (d: Omit<ManifestDiagnostic, 'severity'>) => void;

/** A placeholder account for checking ARNs offline when the cluster's account is not declared. */
const PLACEHOLDER_ACCOUNT = '000000000000';

/** Merges the files and checks every rule that spans fields, items or files. */
export function mergeAndCheck(files: FileManifest[]): { manifest: Manifest; diagnostics: ManifestDiagnostic[] } {
  const diagnostics: ManifestDiagnostic[] = files.flatMap((f) => f.diagnostics);
  const report: Report = (d) => diagnostics.push({ severity: 'error', ...d });
  const manifest: Manifest = {
    clusters: uniqueBy(files.flatMap((f) => f.clusters), (c) => c.value.name, (item, first) =>
      report({ code: 'DUPLICATE_CLUSTER', message: `cluster \`${item.value.name}\` is declared twice (first at ${where(first.source)})`, fix: 'keep one declaration', location: item.source, related: [first.source] }),
    ),
    defaultTags: single(files, 'defaultTags', 'defaults', report) ?? {},
    prune: single(files, 'prune', 'prune', report) ?? false,
    ...ownerSetting(files, report),
    podIdentityAssociations: files.flatMap((f) => f.podIdentityAssociations),
    accessEntries: files.flatMap((f) => f.accessEntries),
  };
  const firstFile = files[0];
  if (manifest.clusters.length === 0 && firstFile && !diagnostics.some((d) => d.severity === 'error')) {
    report({ code: 'NO_CLUSTERS', message: 'no cluster is declared', fix: 'add a `clusters:` list with the name and region of each cluster', location: { file: firstFile.file, line: 1, column: 1 } });
  }
  for (const c of manifest.clusters) checkCluster(c, report);
  checkOwnership(files, manifest, report);
  const defaults = files.find((f) => f.defaultTags)?.defaultTags;
  if (defaults) checkTags(defaults.value, (key) => (key === undefined ? defaults.source : defaults.keyAt(key)), report);

  const declared = new Set(manifest.clusters.map((c) => c.value.name));
  // A cluster whose declaration has errors is reported there; its name in a selector is not a second error.
  const rejected = new Set(files.flatMap((f) => f.rejectedClusterNames));
  const targetsOf = (item: Located<{ clusters?: string[] | undefined }>): ManifestCluster[] => {
    const selector = item.value.clusters;
    selector?.forEach((name, i) => {
      if (!declared.has(name) && !rejected.has(name)) {
        report({ code: 'UNKNOWN_CLUSTER', message: `cluster \`${name}\` is not declared in \`clusters\``, fix: `declare it, or use one of: ${[...declared].join(', ') || '(none)'}`, location: item.at('clusters', i) });
      }
    });
    return selector ? manifest.clusters.filter((c) => selector.includes(c.value.name)) : manifest.clusters;
  };

  const associationKeys = new Map<string, SourceLocation>();
  for (const a of manifest.podIdentityAssociations) {
    const targets = targetsOf(a);
    checkAssociation(a, targets, report);
    for (const c of targets) {
      const key = `${c.value.name}/${a.value.namespace}/${a.value.serviceAccount}`;
      const first = associationKeys.get(key);
      if (first) report({ code: 'DUPLICATE_ASSOCIATION', message: `association ${a.value.namespace}/${a.value.serviceAccount} on cluster \`${c.value.name}\` is declared twice (first at ${where(first)})`, fix: 'keep one declaration, or narrow each with `clusters:`', location: a.source, related: [first] });
      else associationKeys.set(key, a.source);
    }
  }
  const entryKeys = new Map<string, SourceLocation>();
  for (const e of manifest.accessEntries) {
    const targets = targetsOf(e);
    checkAccessEntry(e, targets, report);
    for (const c of targets) {
      const key = `${c.value.name}/${expandFor(e.value.principalArn, c)}`;
      const first = entryKeys.get(key);
      if (first) report({ code: 'DUPLICATE_ACCESS_ENTRY', message: `access entry ${e.value.principalArn} on cluster \`${c.value.name}\` is declared twice (first at ${where(first)})`, fix: 'merge the two entries into one', location: e.source, related: [first] });
      else entryKeys.set(key, e.source);
    }
  }
  return { manifest, diagnostics };
}

function checkCluster(c: ManifestCluster, report: Report): void {
  const { name, region, accountId, assumeRoleArn } = c.value;
  if (!names.CLUSTER_NAME_RE.test(name)) report({ code: 'INVALID_CLUSTER_NAME', message: `\`${name}\` is not a valid EKS cluster name`, fix: 'use 1–100 letters, digits, hyphens and underscores, starting with a letter or digit', location: c.at('name') });
  if (!names.REGION_RE.test(region)) report({ code: 'INVALID_REGION', message: `\`${region}\` is not an AWS region of the aws, aws-cn or aws-us-gov partition`, fix: 'use a region code such as us-east-1, cn-north-1 or us-gov-west-1', location: c.at('region') });
  if (accountId !== undefined && !names.ACCOUNT_ID_RE.test(accountId)) report({ code: 'INVALID_ACCOUNT_ID', message: `accountId \`${accountId}\` is not 12 digits`, fix: 'quote it as a string of 12 digits, e.g. accountId: "012345678901"', location: c.at('accountId') });
  if (assumeRoleArn !== undefined) checkArn(assumeRoleArn, 'assumeRoleArn', names.ROLE_ARN_RE, 'arn:aws:iam::123456789012:role/eks-identity', [c], c.at('assumeRoleArn'), report);
}

function checkAssociation(a: ManifestAssociation, targets: ManifestCluster[], report: Report): void {
  const v = a.value;
  if (!names.NAMESPACE_RE.test(v.namespace) || v.namespace.length > names.NAMESPACE_MAX) {
    report({ code: 'INVALID_NAMESPACE', message: `namespace \`${v.namespace}\` is not a valid Kubernetes namespace`, fix: 'use at most 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit', location: a.at('namespace') });
  }
  if (!names.SERVICE_ACCOUNT_RE.test(v.serviceAccount) || v.serviceAccount.length > names.SERVICE_ACCOUNT_MAX) {
    report({ code: 'INVALID_SERVICE_ACCOUNT', message: `service account \`${v.serviceAccount}\` is not a valid Kubernetes name`, fix: 'use at most 253 lowercase letters, digits, hyphens and dots', location: a.at('serviceAccount') });
  }
  if (v.roleName !== undefined && v.roleArn !== undefined) {
    report({ code: 'ROLE_NAME_AND_ARN', message: 'both `roleName` and `roleArn` are given', fix: 'keep one of them', location: a.at('roleArn') });
  } else if (v.roleName === undefined && v.roleArn === undefined) {
    report({ code: 'ROLE_NAME_OR_ARN_REQUIRED', message: 'the association names no IAM role', fix: 'add `roleName: NAME` (a role in the cluster\'s account) or `roleArn: ARN`', location: a.source });
  }
  if (v.roleName !== undefined && !names.ROLE_NAME_RE.test(v.roleName)) {
    report({ code: 'INVALID_ROLE_NAME', message: `\`${v.roleName}\` is not a valid IAM role name`, fix: 'use up to 64 letters, digits and + = , . @ _ -, optionally after a path such as team/', location: a.at('roleName') });
  }
  if (v.roleArn !== undefined) checkArn(v.roleArn, 'roleArn', names.ROLE_ARN_RE, 'arn:${partition}:iam::${accountId}:role/NAME', targets, a.at('roleArn'), report);
  if (v.targetRoleArn !== undefined) checkArn(v.targetRoleArn, 'targetRoleArn', names.ROLE_ARN_RE, 'arn:${partition}:iam::ACCOUNT:role/NAME', targets, a.at('targetRoleArn'), report);
  if (v.policy !== undefined && v.disableSessionTags !== true) {
    report({ code: 'POLICY_REQUIRES_DISABLE_SESSION_TAGS', message: 'a session `policy` needs `disableSessionTags: true` (EKS refuses it otherwise)', fix: 'add `disableSessionTags: true`', location: a.at('policy') });
  }
  checkTags(v.tags, (key) => (key === undefined ? a.at('tags') : a.keyAt('tags', key)), report);
}

function checkAccessEntry(e: ManifestAccessEntry, targets: ManifestCluster[], report: Report): void {
  const v = e.value;
  const type = v.type ?? 'STANDARD';
  checkArn(v.principalArn, 'principalArn', names.PRINCIPAL_ARN_RE, 'arn:${partition}:iam::${accountId}:role/NAME', targets, e.at('principalArn'), report);
  if (!names.takesIdentityFields(type)) {
    if (v.kubernetesGroups !== undefined) report({ code: 'GROUPS_ON_NODE_TYPE', message: `\`kubernetesGroups\` cannot be set on an entry of type ${type}: EKS sets the groups of node types itself`, fix: 'remove `kubernetesGroups`, or use type STANDARD', location: e.at('kubernetesGroups') });
    if (v.username !== undefined) report({ code: 'USERNAME_ON_NODE_TYPE', message: `\`username\` cannot be set on a ${type} entry: EKS sets it itself`, fix: 'remove `username`, or use type STANDARD', location: e.at('username') });
  }
  if (!names.takesAccessPolicies(type) && v.accessPolicies !== undefined && v.accessPolicies.length > 0) {
    report({ code: 'ACCESS_POLICIES_ON_NODE_TYPE', message: `access policies cannot be associated with an entry of type ${type}`, fix: 'remove `accessPolicies`, or use type STANDARD', location: e.at('accessPolicies') });
  }
  v.kubernetesGroups?.forEach((group, i) => {
    const prefix = names.RESERVED_GROUP_PREFIXES.find((p) => group.startsWith(p));
    if (prefix) report({ code: 'RESERVED_GROUP_PREFIX', message: `group \`${group}\` starts with the reserved prefix \`${prefix}\``, fix: group === 'system:masters' ? 'grant AmazonEKSClusterAdminPolicy with `scope: cluster` instead' : 'use a group name without the `system:` prefix and bind it with RBAC', location: e.at('kubernetesGroups', i) });
    if (group.trim() === '') report({ code: 'INVALID_GROUP', message: 'a Kubernetes group name is empty', fix: 'remove the empty group', location: e.at('kubernetesGroups', i) });
  });
  if (v.username !== undefined) {
    const prefix = names.RESERVED_USERNAME_PREFIXES.find((p) => v.username!.startsWith(p));
    if (prefix) report({ code: 'RESERVED_USERNAME_PREFIX', message: `username \`${v.username}\` starts with the reserved prefix \`${prefix}\``, fix: 'choose another username, or omit it and let EKS pick one', location: e.at('username') });
  }
  const policies = new Map<string, SourceLocation>();
  v.accessPolicies?.forEach((p, i) => {
    const at = (field: string) => e.at('accessPolicies', i, field);
    const short = !p.policy.startsWith('arn:');
    if (short ? !names.ACCESS_POLICY_NAME_RE.test(p.policy) : false) {
      report({ code: 'INVALID_ACCESS_POLICY', message: `\`${p.policy}\` is not an access policy name`, fix: 'use a name such as AmazonEKSViewPolicy, or the full ARN', location: at('policy') });
    } else if (!short) {
      checkArn(p.policy, 'policy', names.ACCESS_POLICY_ARN_RE, 'arn:${partition}:eks::aws:cluster-access-policy/NAME', targets, at('policy'), report);
    }
    if (p.scope !== undefined && p.namespaces !== undefined) {
      report({ code: 'SCOPE_AND_NAMESPACES', message: 'give either `scope: cluster` or `namespaces`, not both', fix: 'remove one of them', location: at('namespaces') });
    } else if (p.scope === undefined && p.namespaces === undefined) {
      report({ code: 'ACCESS_SCOPE_REQUIRED', message: `access policy \`${p.policy}\` has no scope`, fix: 'add `scope: cluster`, or `namespaces: [NAME, …]`', location: at('policy') });
    }
    if (p.namespaces !== undefined && p.namespaces.length === 0) {
      report({ code: 'EMPTY_NAMESPACES', message: '`namespaces: []` scopes the policy to no namespace at all', fix: 'list the namespaces, or use `scope: cluster`', location: at('namespaces') });
    }
    p.namespaces?.forEach((ns, j) => {
      // EKS allows a trailing `*` in namespace scopes.
      const name = ns.endsWith('*') ? ns.slice(0, -1) || 'x' : ns;
      if (!names.NAMESPACE_RE.test(name.replace(/-$/, 'x')) || ns.length > names.NAMESPACE_MAX) {
        report({ code: 'INVALID_NAMESPACE', message: `namespace \`${ns}\` is not a valid Kubernetes namespace`, fix: 'use lowercase letters, digits and hyphens (a trailing * matches a prefix)', location: e.at('accessPolicies', i, 'namespaces', j) });
      }
    });
    // A short name and a full ARN can name the same policy: compare the names.
    const first = policies.get(accessPolicyName(p.policy));
    if (first) report({ code: 'DUPLICATE_ACCESS_POLICY', message: `access policy \`${p.policy}\` is listed twice on this entry (first at ${where(first)})`, fix: 'keep one; namespaces of both belong in one list', location: at('policy'), related: [first] });
    else policies.set(accessPolicyName(p.policy), at('policy'));
  });
  checkTags(v.tags, (key) => (key === undefined ? e.at('tags') : e.keyAt('tags', key)), report);
}

/** Checks an ARN field for every target cluster: variables, shape, and the cluster's partition. */
function checkArn(text: string, field: string, re: RegExp, example: string, targets: ManifestCluster[], location: SourceLocation, report: Report): void {
  const unknown = unknownVariables(text);
  if (unknown.length > 0) {
    report({ code: 'UNKNOWN_VARIABLE', message: `unknown variable \`\${${unknown[0]}}\` in \`${field}\``, fix: 'use ${partition}, ${accountId}, ${region} or ${cluster}', location });
    return;
  }
  const checked = new Set<string>();
  for (const cluster of targets.length > 0 ? targets : [undefined]) {
    const expanded = cluster ? expandFor(text, cluster) : expandVariables(text, { partition: 'aws', accountId: PLACEHOLDER_ACCOUNT, region: 'us-east-1', cluster: 'cluster' });
    // The same literal ARN can still be wrong for a cluster of another partition: check per partition.
    const seen = `${cluster ? partitionOfRegion(cluster.value.region) : ''} ${expanded}`;
    if (checked.has(seen)) continue;
    checked.add(seen);
    if (!re.test(expanded)) {
      report({ code: 'INVALID_ARN', message: `\`${field}\` is not a valid ARN: \`${text}\``, fix: `write it like ${example}`, location });
      return;
    }
    const partition = parseArn(expanded)?.partition;
    if (cluster && partition !== partitionOfRegion(cluster.value.region)) {
      const expected = partitionOfRegion(cluster.value.region);
      report({
        code: 'PARTITION_MISMATCH',
        message: `\`${field}\` is in partition \`${partition}\` but cluster \`${cluster.value.name}\` (${cluster.value.region}) is in \`${expected}\``,
        fix: 'write `arn:${partition}:…` so the ARN follows each cluster, or narrow the item with `clusters:`',
        location,
      });
      return;
    }
  }
}

function expandFor(text: string, c: ManifestCluster): string {
  return expandVariables(text, { partition: partitionOfRegion(c.value.region), accountId: c.value.accountId ?? PLACEHOLDER_ACCOUNT, region: c.value.region, cluster: c.value.name });
}

/** Tag limits of EKS; `locate(key)` points at one tag's key, `locate()` at the whole mapping. */
function checkTags(tags: Record<string, string> | undefined, locate: (key?: string) => SourceLocation, report: Report): void {
  if (!tags) return;
  const keys = Object.keys(tags);
  if (keys.length > names.TAG_LIMITS.count) report({ code: 'TOO_MANY_TAGS', message: `${keys.length} tags; EKS allows at most ${names.TAG_LIMITS.count}`, fix: 'remove some tags', location: locate() });
  for (const key of keys) {
    const location = locate(key);
    if (key.length === 0 || key.length > names.TAG_LIMITS.key) report({ code: 'TAG_KEY_TOO_LONG', message: `tag key \`${shorten(key)}\` has ${key.length} characters; the limit is 1–${names.TAG_LIMITS.key}`, fix: key.length === 0 ? 'give the tag a key' : 'shorten the key', location });
    if ((tags[key] ?? '').length > names.TAG_LIMITS.value) report({ code: 'TAG_VALUE_TOO_LONG', message: `the value of tag \`${shorten(key)}\` has ${tags[key]!.length} characters; the limit is ${names.TAG_LIMITS.value}`, fix: 'shorten the value', location });
    if (key.toLowerCase().startsWith('aws:')) report({ code: 'RESERVED_TAG_PREFIX', message: `tag key \`${shorten(key)}\` uses the reserved prefix \`aws:\``, fix: 'rename the key', location });
    if (key === OWNER_TAG) report({ code: 'RESERVED_OWNER_TAG', message: `tag key \`${OWNER_TAG}\` is set by eks-identity from the manifest's \`owner\``, fix: `remove the tag and set \`owner: NAME\` at the top of the manifest instead`, location });
  }
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function ownerSetting(files: FileManifest[], report: Report): Pick<Manifest, 'owner'> {
  const declared = files.flatMap((f) => (f.owner ? [f.owner] : []));
  const first = declared[0];
  for (const extra of declared.slice(1)) {
    if (extra.value !== first?.value) {
      report({ code: 'CONFLICTING_OWNER', message: `\`owner\` is ${JSON.stringify(extra.value)} here but ${JSON.stringify(first?.value)} at ${where(first!.source)}; one manifest has one owner`, fix: 'use one owner name in every file of this manifest', location: extra.source, related: [first!.source] });
    }
  }
  return first ? { owner: first } : {};
}

/**
 * The owner is a tag value (EKS: 0–256 characters of letters, digits, spaces and _ . : / = + - @;
 * https://docs.aws.amazon.com/eks/latest/userguide/eks-using-tags.html); empty would tag nothing
 * recognisable. `prune: owned` needs an owner to compare with.
 */
function checkOwnership(files: FileManifest[], manifest: Manifest, report: Report): void {
  const owner = manifest.owner;
  if (owner && (owner.value.length === 0 || owner.value.length > names.TAG_LIMITS.value || !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u.test(owner.value))) {
    report({ code: 'INVALID_OWNER', message: `owner ${JSON.stringify(shorten(owner.value))} is not a valid tag value`, fix: `use 1–${names.TAG_LIMITS.value} characters: letters, digits, spaces and _ . : / = + - @`, location: owner.source });
  }
  const prune = files.find((f) => f.prune)?.prune;
  if (prune?.value === 'owned' && !owner) {
    report({ code: 'PRUNE_OWNED_WITHOUT_OWNER', message: '`prune: owned` deletes only what this manifest owns, but the manifest has no `owner`', fix: 'add `owner: NAME` at the top of the manifest (a name no other manifest on these clusters uses)', location: prune.source });
  }
}

function single<K extends 'defaultTags' | 'prune'>(files: FileManifest[], key: K, label: string, report: Report): NonNullable<FileManifest[K]>['value'] | undefined {
  const declared = files.flatMap((f) => (f[key] ? [f[key]!] : []));
  for (const extra of declared.slice(1)) {
    report({ code: 'DUPLICATE_SETTING', message: `\`${label}\` is set in more than one file (first at ${where(declared[0]!.source)})`, fix: `set \`${label}\` in one file only`, location: extra.source, related: [declared[0]!.source] });
  }
  return declared[0]?.value as NonNullable<FileManifest[K]>['value'] | undefined;
}

function uniqueBy<T extends { source: SourceLocation }>(items: T[], key: (item: T) => string, onDuplicate: (item: T, first: T) => void): T[] {
  const seen = new Map<string, T>();
  for (const item of items) {
    const first = seen.get(key(item));
    if (first) onDuplicate(item, first);
    else seen.set(key(item), item);
  }
  return [...seen.values()];
}

function where(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}
