/**
 * The rules of one association or access entry, checked for every cluster it targets after the
 * variables are expanded for that cluster: what `KarpenterController-${cluster}` becomes is what
 * EKS and IAM will see, so that is what is checked. Limits and per-type rules come from
 * model/api-limits.ts and model/access-entry-rules.ts, which the plan and the emulator share.
 */
import { canonicalJson } from '../aws/canonical-json.js';
import { accessEntryProblems } from '../model/access-entry-rules.js';
import { associationRoleProblems } from '../model/association-rules.js';
import { bundledAccessPolicyNames, isBundledAccessPolicy, suggestAccessPolicy } from '../model/access-policies.js';
import { namespaceProblems, scopeNamespaceProblems, serviceAccountProblems, sessionPolicyProblems, TAG_LIMITS, tagProblems, type LimitProblem } from '../model/api-limits.js';
import { OWNER_TAG } from '../model/ownership.js';
import { checkPortableTagCharacters } from './tag-rules.js';
import { accessPolicyArnFor, accessPolicyName, parseArn, partitionOfRegion } from '../model/partition.js';
import type { SourceLocation } from '../model/source.js';
import type { ManifestDiagnostic } from './diagnostics.js';
import type { ManifestAccessEntry, ManifestAssociation, ManifestCluster } from './model.js';
import * as names from './naming.js';
import { expandVariables, unknownVariables } from './variables.js';
import { checkRoleBlock } from './role-block.js';

/** Tags every item gets besides its own: the defaults and the owner tag. */
export interface Inherited {
  defaults: Record<string, string>;
  owner?: string | undefined;
}

export type Report = (d: Omit<ManifestDiagnostic, 'severity'> & { severity?: ManifestDiagnostic['severity'] }) => void;

/** A placeholder account for checking ARNs offline when the cluster's account is not declared. */
const PLACEHOLDER_ACCOUNT = '000000000000';
const NO_CLUSTER = { name: 'cluster', region: 'us-east-1' };

/** One target cluster as the checks see it: the expander and what is known of its account. */
interface Target {
  cluster?: ManifestCluster;
  expand: (text: string) => string;
  partition: ReturnType<typeof partitionOfRegion>;
  accountId?: string;
}

function targetsFor(clusters: ManifestCluster[]): Target[] {
  if (clusters.length === 0) return [{ expand: (t) => expandFor(t, undefined), partition: 'aws' }];
  return clusters.map((c) => ({ cluster: c, expand: (t) => expandFor(t, c), partition: partitionOfRegion(c.value.region), ...(c.value.accountId ? { accountId: c.value.accountId } : {}) }));
}

export function expandFor(text: string, c: ManifestCluster | undefined): string {
  const v = c?.value ?? NO_CLUSTER;
  return expandVariables(text, { partition: partitionOfRegion(v.region), accountId: c?.value.accountId ?? PLACEHOLDER_ACCOUNT, region: v.region, cluster: v.name });
}

const located = (location: SourceLocation) => (p: LimitProblem): Omit<ManifestDiagnostic, 'severity'> => ({ ...p, location });

/** Reports unknown `${…}` names; true when the text is fine to expand. */
function checkVariables(text: string, field: string, location: SourceLocation, report: Report): boolean {
  const unknown = unknownVariables(text);
  if (unknown.length === 0) return true;
  report({ code: 'UNKNOWN_VARIABLE', message: `unknown variable \`\${${unknown[0]}}\` in \`${field}\``, fix: 'use ${partition}, ${accountId}, ${region} or ${cluster}', location });
  return false;
}

export function checkAssociation(a: ManifestAssociation, clusters: ManifestCluster[], inherited: Inherited, report: Report): void {
  const v = a.value;
  namespaceProblems(v.namespace).map(located(a.at('namespace'))).forEach(report);
  serviceAccountProblems(v.serviceAccount).map(located(a.at('serviceAccount'))).forEach(report);
  if (v.roleName !== undefined && v.roleArn !== undefined) {
    report({ code: 'ROLE_NAME_AND_ARN', message: 'both `roleName` and `roleArn` are given', fix: 'keep one of them', location: a.at('roleArn') });
  } else if (v.roleName === undefined && v.roleArn === undefined && v.role === undefined) {
    report({ code: 'ROLE_NAME_OR_ARN_REQUIRED', message: 'the association names no IAM role', fix: 'add `roleName: NAME` (a role in the cluster\'s account), `roleArn: ARN`, or a `role:` block for eks-identity to create', location: a.source });
  }
  checkRoleBlock(a, clusters, inherited, report);
  const targets = targetsFor(clusters);
  if (v.roleName !== undefined && checkVariables(v.roleName, 'roleName', a.at('roleName'), report)) {
    for (const t of targets) {
      const name = t.expand(v.roleName);
      if (!names.ROLE_NAME_RE.test(name)) {
        report({ code: 'INVALID_ROLE_NAME', message: `\`${name}\` is not a valid IAM role name${name !== v.roleName ? ` (\`${v.roleName}\` expanded)` : ''}`, fix: 'use up to 64 letters, digits and + = , . @ _ -, optionally after a path such as team/', location: a.at('roleName') });
        break;
      }
    }
  }
  if (v.roleArn !== undefined && checkArn(v.roleArn, 'roleArn', names.ROLE_ARN_RE, 'arn:${partition}:iam::${accountId}:role/NAME', clusters, a.at('roleArn'), report)) {
    for (const t of targets) {
      const p = associationRoleProblems(t.expand(v.roleArn), t.accountId)[0];
      if (p) {
        report({ code: p.code, message: `${p.message}${t.cluster ? ` (cluster \`${t.cluster.value.name}\`)` : ''}`, fix: p.fix, location: a.at('roleArn') });
        break;
      }
    }
  }
  if (v.targetRoleArn !== undefined) checkArn(v.targetRoleArn, 'targetRoleArn', names.ROLE_ARN_RE, 'arn:${partition}:iam::ACCOUNT:role/NAME', clusters, a.at('targetRoleArn'), report);
  if (v.policy !== undefined) {
    if (v.disableSessionTags !== true) {
      report({ code: 'POLICY_REQUIRES_DISABLE_SESSION_TAGS', message: 'a session `policy` needs `disableSessionTags: true` (EKS refuses it otherwise)', fix: 'add `disableSessionTags: true`', location: a.at('policy') });
    }
    sessionPolicyProblems(canonicalJson(v.policy)).map(located(a.at('policy'))).forEach(report);
  }
  checkItemTags(v.tags, inherited, targets, (key) => (key === undefined ? a.at('tags') : a.keyAt('tags', key)), report);
}

export function checkAccessEntry(e: ManifestAccessEntry, clusters: ManifestCluster[], inherited: Inherited, report: Report): void {
  const v = e.value;
  const type = v.type ?? 'STANDARD';
  const arnOk = checkArn(v.principalArn, 'principalArn', names.PRINCIPAL_ARN_RE, 'arn:${partition}:iam::${accountId}:role/NAME', clusters, e.at('principalArn'), report);
  const usernameOk = v.username === undefined || checkVariables(v.username, 'username', e.at('username'), report);
  const groupsOk = (v.kubernetesGroups ?? []).every((g, i) => checkVariables(g, 'kubernetesGroups', e.at('kubernetesGroups', i), report));
  const targets = targetsFor(clusters);
  for (const t of targets) {
    const problems = accessEntryProblems({
      type,
      principalArn: arnOk ? t.expand(v.principalArn) : '',
      clusterAccountId: t.accountId,
      ...(v.username !== undefined && usernameOk ? { username: t.expand(v.username) } : {}),
      ...(v.kubernetesGroups !== undefined && groupsOk ? { kubernetesGroups: v.kubernetesGroups.map(t.expand) } : {}),
      accessPolicyCount: v.accessPolicies?.length ?? 0,
    });
    for (const p of problems) {
      const location = p.field === 'kubernetesGroups' && p.index !== undefined ? e.at('kubernetesGroups', p.index) : e.at(p.field);
      const where = p.code === 'NODE_TYPE_OTHER_ACCOUNT' && t.cluster ? ` (cluster \`${t.cluster.value.name}\`)` : '';
      report({ code: p.code, message: `${p.message}${where}`, fix: p.fix, location });
    }
  }
  const policies = new Map<string, SourceLocation>();
  v.accessPolicies?.forEach((p, i) => {
    const at = (field: string, ...rest: number[]) => e.at('accessPolicies', i, field, ...rest);
    checkAccessPolicyName(p.policy, clusters, targets, at('policy'), report);
    if (p.scope !== undefined && p.namespaces !== undefined) {
      report({ code: 'SCOPE_AND_NAMESPACES', message: 'give either `scope: cluster` or `namespaces`, not both', fix: 'remove one of them', location: at('namespaces') });
    } else if (p.scope === undefined && p.namespaces === undefined) {
      report({ code: 'ACCESS_SCOPE_REQUIRED', message: `access policy \`${p.policy}\` has no scope`, fix: 'add `scope: cluster`, or `namespaces: [NAME, …]`', location: at('policy') });
    }
    if (p.namespaces !== undefined && p.namespaces.length === 0) {
      report({ code: 'EMPTY_NAMESPACES', message: '`namespaces: []` scopes the policy to no namespace at all', fix: 'list the namespaces, or use `scope: cluster`', location: at('namespaces') });
    }
    p.namespaces?.forEach((ns, j) => {
      if (!checkVariables(ns, 'namespaces', at('namespaces', j), report)) return;
      for (const t of targets) scopeNamespaceProblems(t.expand(ns)).map(located(at('namespaces', j))).forEach(report);
    });
    // A short name and a full ARN can name the same policy: compare the names.
    const first = policies.get(accessPolicyName(p.policy));
    if (first) report({ code: 'DUPLICATE_ACCESS_POLICY', message: `access policy \`${p.policy}\` is listed twice on this entry (first at ${first.file}:${first.line}:${first.column})`, fix: 'keep one; namespaces of both belong in one list', location: at('policy'), related: [first] });
    else policies.set(accessPolicyName(p.policy), at('policy'));
  });
  checkItemTags(v.tags, inherited, targets, (key) => (key === undefined ? e.at('tags') : e.keyAt('tags', key)), report);
}

/** Shape of the policy name or ARN, then the bundled catalog of each target's partition (a warning). */
function checkAccessPolicyName(policy: string, clusters: ManifestCluster[], targets: Target[], location: SourceLocation, report: Report): void {
  if (policy.startsWith('arn:')) {
    if (!checkArn(policy, 'policy', names.ACCESS_POLICY_ARN_RE, 'arn:${partition}:eks::aws:cluster-access-policy/NAME', clusters, location, report)) return;
  } else if (!checkVariables(policy, 'policy', location, report)) {
    return;
  } else if (!targets.every((t) => names.ACCESS_POLICY_NAME_RE.test(t.expand(policy)))) {
    report({ code: 'INVALID_ACCESS_POLICY', message: `\`${policy}\` is not an access policy name`, fix: 'use a name such as AmazonEKSViewPolicy, or the full ARN', location });
    return;
  }
  for (const t of targets) {
    const arn = accessPolicyArnFor(t.partition, t.expand(policy));
    if (isBundledAccessPolicy(t.partition, arn)) continue;
    const suggestion = suggestAccessPolicy(arn, bundledAccessPolicyNames(t.partition));
    report({
      severity: 'warning',
      code: 'UNKNOWN_ACCESS_POLICY',
      message: `access policy \`${accessPolicyName(arn)}\` is not in this release's list of ${t.partition} access policies${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}; the list may be older than AWS's, and the plan checks the name against ListAccessPolicies`,
      fix: suggestion ? `write \`${suggestion}\`` : 'check the name with `aws eks list-access-policies`',
      location,
    });
  }
}

/**
 * Checks an ARN field for every target cluster: variables, shape, and the cluster's partition.
 * Returns false when the ARN is unusable (so per-type rules are not checked on it).
 */
export function checkArn(text: string, field: string, re: RegExp, example: string, clusters: ManifestCluster[], location: SourceLocation, report: Report): boolean {
  if (!checkVariables(text, field, location, report)) return false;
  const checked = new Set<string>();
  for (const cluster of clusters.length > 0 ? clusters : [undefined]) {
    const expanded = expandFor(text, cluster);
    // The same literal ARN can still be wrong for a cluster of another partition: check per partition.
    const seen = `${cluster ? partitionOfRegion(cluster.value.region) : ''} ${expanded}`;
    if (checked.has(seen)) continue;
    checked.add(seen);
    if (!re.test(expanded)) {
      report({ code: 'INVALID_ARN', message: `\`${field}\` is not a valid ARN: \`${text}\``, fix: `write it like ${example}`, location });
      return false;
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
      return false;
    }
  }
  return true;
}

/** The owner tag is eks-identity's to set, from the manifest's `owner`. */
function checkOwnerTagKey(tags: Record<string, string> | undefined, locate: (key?: string) => SourceLocation, report: Report): void {
  if (tags && OWNER_TAG in tags) {
    report({ code: 'RESERVED_OWNER_TAG', message: `tag key \`${OWNER_TAG}\` is set by eks-identity from the manifest's \`owner\``, fix: 'remove the tag and set `owner: NAME` at the top of the manifest instead', location: locate(OWNER_TAG) });
  }
}

/**
 * Tag limits on what EKS receives: the item's tags merged over the defaults, values expanded per
 * cluster. `locate(key)` points at one tag's key, `locate()` at the whole mapping.
 */
function checkItemTags(own: Record<string, string> | undefined, inherited: Inherited, targets: Target[], locate: (key?: string) => SourceLocation, report: Report): void {
  const { defaults, owner } = inherited;
  checkOwnerTagKey(own, locate, report);
  // What EKS receives: defaults, the item's own tags, and the owner tag eks-identity adds.
  const merged = { ...defaults, ...own, ...(owner !== undefined ? { [OWNER_TAG]: owner } : {}) };
  const ownKeys = new Set(Object.keys(own ?? {}));
  for (const [key, value] of Object.entries(merged)) {
    // Keys are not templated; values are. A bad variable in a default is reported at the default.
    if (ownKeys.has(key)) checkVariables(value, `tags.${key}`, locate(key), report);
  }
  for (const t of targets) {
    const expanded = Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, t.expand(v)]));
    for (const p of tagProblems(expanded)) {
      // A problem of a default tag is reported where the default is declared (by the caller of
      // checkDefaultTags); here only the item's own tags and the merged count.
      if (p.key !== undefined && !ownKeys.has(p.key)) continue;
      if (p.key === undefined && Object.keys(defaults).length > TAG_LIMITS.count) continue;
      report({ code: p.code, message: p.message, fix: p.fix, location: locate(p.key) });
    }
    for (const p of checkPortableTagCharacters(expanded)) if (ownKeys.has(p.key!)) report({ severity: p.severity, code: p.code, message: p.message, fix: p.fix, location: locate(p.key) });
  }
}

/** The defaults' own tags: keys and values (expanded per declared cluster) within the limits. */
export function checkDefaultTags(defaults: Record<string, string>, clusters: ManifestCluster[], locate: (key?: string) => SourceLocation, report: Report): void {
  checkOwnerTagKey(defaults, locate, report);
  for (const key of Object.keys(defaults)) checkVariables(defaults[key]!, `defaults.tags.${key}`, locate(key), report);
  for (const t of targetsFor(clusters)) {
    const expanded = Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, t.expand(v)]));
    for (const p of tagProblems(expanded)) report({ code: p.code, message: p.message, fix: p.fix, location: locate(p.key) });
    for (const p of checkPortableTagCharacters(expanded)) report({ severity: p.severity, code: p.code, message: p.message, fix: p.fix, location: locate(p.key) });
  }
}
