import type { DesiredAssociation, DesiredCluster } from '../model/desired.js';
import type { LiveAssociation, LiveCluster } from '../model/live.js';
import type { AssociationValue, Change, FieldDiff, Finding } from '../model/plan.js';
import { sortedRecord } from '../model/order.js';
import { isPrunable, type PruneMode } from '../model/ownership.js';
import { finding, listSome } from './finding.js';
import { addonNameOfArn } from '../model/addon.js';
import { associationId } from './ids.js';
import { foreignOwnerFinding, notCountedFinding, notOwnedFinding, tagsDiff } from './ownership.js';

/** Why prune deletes an undeclared object. */
export function pruneReason(prune: PruneMode): string {
  return prune === 'owned' ? 'not declared in the manifest, and owned by it (prune: owned)' : 'not declared in the manifest (prune is on)';
}

/** Diffs declared associations with live ones: create, update (field by field), delete with prune. */
export function diffAssociations(desired: DesiredCluster, live: LiveCluster): { changes: Change[]; findings: Finding[]; undeclared: string[] } {
  const changes: Change[] = [];
  const findings: Finding[] = [];
  const summaries = new Map(live.associationSummaries.map((s) => [`${s.namespace}/${s.serviceAccount}`, s]));
  const described = new Map(live.associations.map((a) => [`${a.namespace}/${a.serviceAccount}`, a]));
  const declared = new Set<string>();
  // The associations of add-ons declared under `addons:` are planned there (addon-associations.ts).
  for (const addon of desired.addons ?? []) for (const a of live.addonDetails?.[addon.name]?.associations ?? []) declared.add(`${a.namespace}/${a.serviceAccount}`);

  for (const d of desired.associations) {
    const key = `${d.namespace}/${d.serviceAccount}`;
    const id = associationId(d.namespace, d.serviceAccount);
    declared.add(key);
    const owner = described.get(key)?.ownerArn ?? summaries.get(key)?.ownerArn;
    if (owner) {
      findings.push(
        finding('ADDON_OWNED_ASSOCIATION', `${key} is owned by the add-on ${owner}; eks-identity leaves it alone`, {
          key: id,
          fix: `declare it under addons: (name: ${addonNameOfArn(owner) ?? 'the add-on'}) instead of podIdentityAssociations; eks-identity then sets it through the add-on`,
          source: d.source,
        }),
      );
      continue;
    }
    const l = described.get(key);
    const foreign = l && foreignOwnerFinding(desired, l.tags, { key: id, label: `association ${key} (${l.associationArn ?? l.associationId})`, source: d.source });
    if (foreign) {
      findings.push(foreign);
      continue;
    }
    if (!l) {
      changes.push({ id, kind: 'podIdentityAssociation', action: 'create', after: desiredValue(d), ...(d.source ? { source: d.source } : {}) });
      continue;
    }
    const fields = associationFieldDiffs(l, d);
    if (fields.length > 0) {
      changes.push({ id, kind: 'podIdentityAssociation', action: 'update', before: liveValue(l), after: desiredValue(d), fields, ...(d.source ? { source: d.source } : {}) });
    }
  }

  if (desired.prune) {
    let notOwned = 0;
    for (const l of live.associations) {
      const key = `${l.namespace}/${l.serviceAccount}`;
      if (declared.has(key)) continue;
      const id = associationId(l.namespace, l.serviceAccount);
      if (!isPrunable(desired.prune, desired.owner, l.tags)) {
        notOwned++;
      } else if (l.ownerArn) {
        changes.push({ id, kind: 'podIdentityAssociation', action: 'unmanaged', before: liveValue(l), reason: `owned by the add-on ${l.ownerArn}; never pruned` });
      } else {
        changes.push({ id, kind: 'podIdentityAssociation', action: 'delete', before: liveValue(l), reason: pruneReason(desired.prune) });
      }
    }
    findings.push(...notOwnedFinding(desired, notOwned, { one: 'Pod Identity association', many: 'Pod Identity associations' }));
  }
  // A targeted read (prune off, big cluster) saw only the declared ones: nothing to name or count.
  const counted = !live.uncounted?.includes('associations');
  if (!desired.prune && !counted) findings.push(...notCountedFinding(live, 'associations', 'Pod Identity associations'));
  const undeclared = desired.prune || !counted ? [] : live.associationSummaries.map((s) => `${s.namespace}/${s.serviceAccount}`).filter((key) => !declared.has(key));
  if (undeclared.length > 0) {
    findings.push(
      finding('UNMANAGED_NOT_SHOWN', `${undeclared.length} live Pod Identity association${undeclared.length === 1 ? ' is' : 's are'} not declared; left alone (prune is off): ${listSome(undeclared)}`, {
        fix: 'declare them (eks-identity export writes them as a manifest), or set prune: true to delete them',
      }),
    );
  }
  return { changes, findings, undeclared };
}

export function associationFieldDiffs(l: LiveAssociation, d: DesiredAssociation): FieldDiff[] {
  const fields: FieldDiff[] = [];
  const push = (field: string, before: unknown, after: unknown) => fields.push({ field, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) });
  if (l.roleArn !== d.roleArn) push('roleArn', l.roleArn, d.roleArn);
  if ((l.targetRoleArn ?? '') !== (d.targetRoleArn ?? '')) push('targetRoleArn', l.targetRoleArn, d.targetRoleArn);
  if (l.disableSessionTags !== d.disableSessionTags) push('disableSessionTags', l.disableSessionTags, d.disableSessionTags);
  if ((l.policy ?? '') !== (d.policy ?? '')) push('policy', l.policy, d.policy);
  const tags = tagsDiff(l.tags, d.tags);
  if (tags) fields.push(tags);
  return fields;
}

export function desiredValue(d: DesiredAssociation): AssociationValue {
  return {
    namespace: d.namespace,
    serviceAccount: d.serviceAccount,
    roleArn: d.roleArn,
    ...(d.targetRoleArn ? { targetRoleArn: d.targetRoleArn } : {}),
    disableSessionTags: d.disableSessionTags,
    ...(d.policy !== undefined ? { policy: d.policy } : {}),
    tags: sortedRecord(d.tags),
  };
}

export function liveValue(l: LiveAssociation): AssociationValue {
  return {
    namespace: l.namespace,
    serviceAccount: l.serviceAccount,
    roleArn: l.roleArn,
    ...(l.targetRoleArn ? { targetRoleArn: l.targetRoleArn } : {}),
    disableSessionTags: l.disableSessionTags,
    ...(l.policy !== undefined ? { policy: l.policy } : {}),
    tags: sortedRecord(l.tags),
    associationId: l.associationId,
    ...(l.ownerArn ? { ownerArn: l.ownerArn } : {}),
  };
}
