import type { DesiredCluster } from '../model/desired.js';
import type { LiveCluster } from '../model/live.js';
import { OWNER_TAG, ownerOf } from '../model/ownership.js';
import { sortedRecord } from '../model/order.js';
import type { FieldDiff, Finding } from '../model/plan.js';
import type { SourceLocation } from '../model/source.js';
import { finding, sameRecord } from './finding.js';

/*
 * Ownership in the plan: a declared object that another manifest owns is an error (two manifests
 * must never take turns rewriting one object), `prune: owned` passes over undeclared objects
 * without this manifest's tag, and the owner tag shows in a diff only when it changes.
 */

/**
 * The error for a declared object whose live owner tag names another owner (or any owner, when
 * this manifest has none): applying would take it from that manifest.
 */
export function foreignOwnerFinding(
  desired: Pick<DesiredCluster, 'owner' | 'name'>,
  liveTags: Readonly<Record<string, string>>,
  object: { key: string; label: string; source: SourceLocation | undefined },
): Finding | undefined {
  const holder = ownerOf(liveTags);
  if (holder === undefined || holder === desired.owner) return undefined;
  const mine = desired.owner === undefined ? 'this manifest has no owner' : `this manifest's owner is ${JSON.stringify(desired.owner)}`;
  return finding('OWNED_BY_ANOTHER_MANIFEST', `${object.label} on cluster ${desired.name} carries ${OWNER_TAG}=${JSON.stringify(holder)}, but ${mine}; eks-identity leaves it alone`, {
    key: object.key,
    fix: `declare it in the manifest whose owner is ${JSON.stringify(holder)} only, and remove it here (or, to move it here, first ${desired.owner === undefined ? `untag ${OWNER_TAG} with aws eks untag-resource` : `retag it ${OWNER_TAG}=${desired.owner} with aws eks tag-resource`}, then remove it from that manifest: removed there while it still carries that manifest's tag, its prune: owned would delete it)`,
    source: object.source,
  });
}

/** The tags field of a diff, or undefined when equal. An unchanged owner tag is left out of both sides. */
export function tagsDiff(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): FieldDiff | undefined {
  if (sameRecord(before, after)) return undefined;
  const drop = before[OWNER_TAG] !== undefined && before[OWNER_TAG] === after[OWNER_TAG];
  const shown = (tags: Readonly<Record<string, string>>) => sortedRecord(drop ? Object.fromEntries(Object.entries(tags).filter(([k]) => k !== OWNER_TAG)) : { ...tags });
  return { field: 'tags', before: shown(before), after: shown(after) };
}

/** One note for the undeclared objects `prune: owned` left alone because another owner (or none) holds them. */
export function notOwnedFinding(desired: Pick<DesiredCluster, 'owner'>, count: number, kind: { one: string; many: string }): Finding[] {
  if (count === 0) return [];
  const what = count === 1 ? `${kind.one} is` : `${kind.many} are`;
  return [
    finding('NOT_OWNED_LEFT_ALONE', `${count} undeclared ${what} not tagged ${OWNER_TAG}=${JSON.stringify(desired.owner ?? '')}; prune: owned leaves them alone`, {
      fix: 'nothing to do; declare them here (or in their owner manifest) to manage them',
    }),
  ];
}

/** With prune off and a targeted read, the undeclared objects of a kind were neither listed nor counted. */
export function notCountedFinding(live: Pick<LiveCluster, 'uncounted'>, kind: 'associations' | 'accessEntries', what: string): Finding[] {
  if (!live.uncounted?.includes(kind)) return [];
  return [
    finding('UNDECLARED_NOT_COUNTED', `undeclared ${what} were not counted: the declared ones were found with targeted reads (the first list pages, filtered lists, describes by principal), and counting the others would list the whole cluster (prune is off)`, {
      fix: 'nothing to do; eks-identity export lists them all, and prune: true or prune: owned reads them',
    }),
  ];
}
