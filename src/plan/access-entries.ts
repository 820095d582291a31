import type { DesiredAccessEntry, DesiredAccessPolicy, DesiredCluster } from '../model/desired.js';
import type { LiveAccessEntry, LiveAccessPolicy, LiveCluster } from '../model/live.js';
import { eksOwnedEntryReason, isCapabilityPolicy, isEksNodeType, isPrunable, OWNER_TAG, ownerOf } from '../model/ownership.js';
import type { AccessEntryValue, AccessPolicyValue, Change, FieldDiff, Finding } from '../model/plan.js';
import { sortedRecord } from '../model/order.js';
import { pruneReason } from './associations.js';
import { finding, listSome, sameList } from './finding.js';
import { entryId, policyId } from './ids.js';
import { foreignOwnerFinding, notCountedFinding, notOwnedFinding, tagsDiff } from './ownership.js';

/**
 * Diffs declared access entries and their policy associations with live ones. An entry whose type
 * changed, or whose IAM role or user was re-created after it (EKS binds the principal's unique
 * id), is replaced, and its policies are associated again after the replacement.
 */
export function diffAccessEntries(desired: DesiredCluster, live: LiveCluster): { changes: Change[]; findings: Finding[]; undeclared: string[] } {
  const changes: Change[] = [];
  const findings: Finding[] = [];
  const described = new Map(live.accessEntries.map((e) => [e.principalArn, e]));
  const declared = new Set<string>();
  const src = (d: { source?: DesiredAccessEntry['source'] }) => (d.source ? { source: d.source } : {});

  for (const declaredEntry of desired.accessEntries) {
    declared.add(declaredEntry.principalArn);
    const id = entryId(declaredEntry.principalArn);
    const l = described.get(declaredEntry.principalArn);
    const d = l ? withoutAdoptedNodeOwner(declaredEntry, l) : declaredEntry;
    const foreign = l && foreignOwnerFinding(desired, l.tags, { key: id, label: `access entry ${d.principalArn}${l.accessEntryArn ? ` (${l.accessEntryArn})` : ''}`, source: d.source });
    if (foreign) {
      findings.push(foreign);
      continue;
    }
    if (!l) {
      changes.push({ id, kind: 'accessEntry', action: 'create', after: desiredEntryValue(d), ...src(d) });
      for (const p of d.accessPolicies) changes.push(createPolicy(d, p));
      continue;
    }
    if (live.unreadableUsers?.includes(d.principalArn)) {
      findings.push(
        finding('IAM_USER_UNREADABLE', `could not read the IAM user ${d.principalArn} (iam:GetUser was denied), so a re-created user behind this entry would go unnoticed`, {
          key: id,
          fix: 'grant the plan and apply roles iam:GetUser on arn:…:user/* (docs/iam-policies.md)',
          source: d.source,
        }),
      );
    }
    const replaceReason = reasonToReplace(l, d, principalOf(live, d.principalArn));
    if (replaceReason) {
      changes.push({ id, kind: 'accessEntry', action: 'replace', before: liveEntryValue(l), after: desiredEntryValue(d), fields: entryFieldDiffs(l, d, true), reason: replaceReason.reason, ...src(d) });
      findings.push(finding(replaceReason.code, replaceReason.reason, { key: id, fix: replaceReason.fix, source: d.source }));
      // A deleted entry takes its policy associations with it: associate the declared ones again,
      // and show the undeclared ones, which the replacement loses even with prune off.
      for (const p of d.accessPolicies) changes.push(createPolicy(d, p));
      const declaredPolicies = new Set(d.accessPolicies.map((p) => p.policyArn));
      for (const p of l.accessPolicies) {
        if (declaredPolicies.has(p.policyArn)) continue;
        changes.push({ id: policyId(l.principalArn, p.policyArn), kind: 'accessPolicy', action: 'unmanaged', before: livePolicyValue(l.principalArn, p), reason: 'not declared: lost when the entry is replaced (declare it to keep it)' });
      }
      continue;
    }
    const fields = entryFieldDiffs(l, d, false);
    if (fields.length > 0) changes.push({ id, kind: 'accessEntry', action: 'update', before: liveEntryValue(l), after: desiredEntryValue(d), fields, ...src(d) });
    // A declared entry is this manifest's: its undeclared policies go with prune, owned or not.
    changes.push(...diffPolicies(d, l, desired.prune !== false));
  }

  const ours = new Set<string>();
  for (const l of live.accessEntries) {
    if (declared.has(l.principalArn)) continue;
    const id = entryId(l.principalArn);
    if (!desired.prune || !isPrunable(desired.prune, desired.owner, l.tags)) continue;
    ours.add(l.principalArn);
    // What EKS created is never pruned (src/model/ownership.ts): node types and service-linked roles.
    // The cluster creator's entry (bootstrapClusterCreatorAdminPermissions) carries no mark that the
    // API returns: it is an ordinary STANDARD admin entry, so prune may delete it. The lockout checks
    // guard it instead: LOCKOUT_CALLER when it is the caller's, LOCKOUT_NO_ADMIN when it is the last admin.
    const owned = eksOwnedEntryReason(l, desired.owner);
    if (owned) {
      changes.push({ id, kind: 'accessEntry', action: 'unmanaged', before: liveEntryValue(l), reason: owned });
      findings.push(finding('EKS_OWNED_ENTRY', `${l.principalArn}: ${owned}`, { key: id, fix: 'nothing to do: prune leaves it in place' }));
      continue;
    }
    changes.push({ id, kind: 'accessEntry', action: 'delete', before: liveEntryValue(l), reason: pruneReason(desired.prune) });
  }
  // Under prune: owned the reader keeps only owned entries: the others are counted from the list.
  if (desired.prune === 'owned') findings.push(...notOwnedFinding(desired, live.accessEntryPrincipals.filter((p) => !declared.has(p) && !ours.has(p)).length, { one: 'access entry', many: 'access entries' }));
  // A targeted read (prune off, big cluster) saw only the declared ones: nothing to name or count.
  const counted = !live.uncounted?.includes('accessEntries');
  if (!desired.prune && !counted) findings.push(...notCountedFinding(live, 'accessEntries', 'access entries'));
  // ListAccessEntries returns the principal ARNs, so the undeclared entries are named at no cost.
  const undeclared = desired.prune || !counted ? [] : live.accessEntryPrincipals.filter((p) => !declared.has(p));
  if (undeclared.length > 0) {
    findings.push(
      finding('UNMANAGED_NOT_SHOWN', `${undeclared.length} live access entr${undeclared.length === 1 ? 'y is' : 'ies are'} not declared; left alone (prune is off): ${listSome(undeclared)}`, {
        fix: 'declare them (eks-identity export writes them as a manifest), or set prune: true to delete them',
      }),
    );
  }
  return { changes, findings, undeclared };
}

/** The IAM role or user an entry names, as read (undefined: not read or not found). */
function principalOf(live: LiveCluster, principalArn: string): { kind: 'role' | 'user'; name: string; createDate: string } | undefined {
  const role = live.roles[principalArn];
  if (role) return { kind: 'role', name: role.roleName, createDate: role.createDate };
  const user = live.users?.[principalArn];
  if (user) return { kind: 'user', name: user.userName, createDate: user.createDate };
  return undefined;
}

function reasonToReplace(l: LiveAccessEntry, d: DesiredAccessEntry, principal: ReturnType<typeof principalOf>) {
  if (l.type !== d.type) {
    return {
      code: 'IMMUTABLE_FIELD_CHANGED' as const,
      reason: `type changes from ${l.type} to ${d.type}; EKS cannot update an entry's type, so it is deleted and created again`,
      fix: 'nothing to do if the new type is intended; access through this principal is interrupted briefly during apply',
    };
  }
  if (principal && l.createdAt && Date.parse(principal.createDate) > Date.parse(l.createdAt)) {
    return {
      code: 'STALE_ACCESS_ENTRY' as const,
      reason: `the IAM ${principal.kind} ${principal.name} was re-created on ${principal.createDate}, after this entry (${l.createdAt}); EKS still binds the old ${principal.kind} id, so the entry no longer grants access`,
      fix: 'apply replaces the entry so that it binds the current role',
    };
  }
  return undefined;
}

function diffPolicies(d: DesiredAccessEntry, l: LiveAccessEntry, prune: boolean): Change[] {
  const changes: Change[] = [];
  const live = new Map(l.accessPolicies.map((p) => [p.policyArn, p]));
  for (const p of d.accessPolicies) {
    const current = live.get(p.policyArn);
    if (!current) {
      changes.push(createPolicy(d, p));
    } else if (!sameScope(current, p)) {
      changes.push({
        id: policyId(d.principalArn, p.policyArn),
        kind: 'accessPolicy',
        action: 'update',
        before: livePolicyValue(l.principalArn, current),
        after: desiredPolicyValue(d.principalArn, p),
        fields: [{ field: 'scope', before: current.scope, after: p.scope }],
        ...(p.source ? { source: p.source } : {}),
      });
    }
  }
  const declared = new Set(d.accessPolicies.map((p) => p.policyArn));
  for (const p of l.accessPolicies) {
    if (declared.has(p.policyArn)) continue;
    const id = policyId(l.principalArn, p.policyArn);
    if (isCapabilityPolicy(p.policyArn)) {
      changes.push({ id, kind: 'accessPolicy', action: 'unmanaged', before: livePolicyValue(l.principalArn, p), reason: 'associated by EKS for an EKS Capability; never removed' });
      continue;
    }
    changes.push(
      prune
        ? { id, kind: 'accessPolicy', action: 'delete', before: livePolicyValue(l.principalArn, p), reason: 'not declared on this entry (prune is on)' }
        : { id, kind: 'accessPolicy', action: 'unmanaged', before: livePolicyValue(l.principalArn, p), reason: 'associated with a declared entry but not declared; left alone (prune is off)' },
    );
  }
  return changes;
}

function sameScope(l: LiveAccessPolicy, d: DesiredAccessPolicy): boolean {
  if (l.scope.type !== d.scope.type) return false;
  if (l.scope.type === 'namespace' && d.scope.type === 'namespace') return sameList([...l.scope.namespaces].sort(), d.scope.namespaces);
  return true;
}

function createPolicy(d: DesiredAccessEntry, p: DesiredAccessPolicy): Change {
  return { id: policyId(d.principalArn, p.policyArn), kind: 'accessPolicy', action: 'create', after: desiredPolicyValue(d.principalArn, p), ...(p.source ? { source: p.source } : {}) };
}

/**
 * A node entry that exists without an owner tag was most likely made by EKS for a node group, a
 * Fargate profile or Auto Mode (the API does not say). Declaring it does not make it this
 * manifest's: it gets no owner tag, so it is never pruned when it is no longer declared (removing
 * it would take those nodes out of the cluster). A node entry this manifest creates is tagged, and
 * pruned like any other.
 */
function withoutAdoptedNodeOwner(d: DesiredAccessEntry, l: LiveAccessEntry): DesiredAccessEntry {
  if (!isEksNodeType(l.type) || !isEksNodeType(d.type) || ownerOf(l.tags) !== undefined || d.tags[OWNER_TAG] === undefined) return d;
  const { [OWNER_TAG]: _owner, ...tags } = d.tags;
  return { ...d, tags };
}

function entryFieldDiffs(l: LiveAccessEntry, d: DesiredAccessEntry, includeType: boolean): FieldDiff[] {
  const fields: FieldDiff[] = [];
  if (includeType && l.type !== d.type) fields.push({ field: 'type', before: l.type, after: d.type });
  // Node types take their groups and username from EKS: only STANDARD entries are compared.
  if (d.type === 'STANDARD') {
    if (!sameList([...l.kubernetesGroups].sort(), d.kubernetesGroups)) fields.push({ field: 'kubernetesGroups', before: l.kubernetesGroups, after: d.kubernetesGroups });
    // An omitted username means "whatever EKS chose": never a diff.
    if (d.username !== undefined && l.username !== d.username) fields.push({ field: 'username', ...(l.username !== undefined ? { before: l.username } : {}), after: d.username });
  }
  const tags = tagsDiff(l.tags, d.tags);
  if (tags) fields.push(tags);
  return fields;
}

export function desiredEntryValue(d: DesiredAccessEntry): AccessEntryValue {
  return { principalArn: d.principalArn, type: d.type, kubernetesGroups: d.kubernetesGroups, ...(d.username !== undefined ? { username: d.username } : {}), tags: sortedRecord(d.tags) };
}

export function liveEntryValue(l: LiveAccessEntry): AccessEntryValue {
  return { principalArn: l.principalArn, type: l.type, kubernetesGroups: [...l.kubernetesGroups].sort(), ...(l.username !== undefined ? { username: l.username } : {}), tags: sortedRecord(l.tags) };
}

function desiredPolicyValue(principalArn: string, p: DesiredAccessPolicy): AccessPolicyValue {
  return { principalArn, policyArn: p.policyArn, scope: p.scope };
}

function livePolicyValue(principalArn: string, p: LiveAccessPolicy): AccessPolicyValue {
  const scope = p.scope.type === 'namespace' ? { type: 'namespace' as const, namespaces: [...p.scope.namespaces].sort() } : p.scope;
  return { principalArn, policyArn: p.policyArn, scope };
}
