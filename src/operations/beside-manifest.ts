/**
 * The part of a migration that a manifest does not declare yet. Objects it declares are left out:
 * identical ones silently, different ones with a note naming both places (the migration's source,
 * such as the aws-auth line, and the manifest line), because the manifest is what people reviewed.
 */
import { expandManifest, parseManifestText } from '../manifest/index.js';
import { renderManifestFragment, type ClusterMigration, type FragmentAccessEntry, type FragmentAssociation, type FragmentRoleAssociation, type ManifestFragment } from '../migrate/index.js';
import type { DesiredAccessEntry, DesiredAssociation, DesiredCluster } from '../model/desired.js';
import type { Finding } from '../model/plan.js';
import { formatLocation, type SourceLocation } from '../model/source.js';

const ASSOCIATION_FIELDS = ['roleArn', 'targetRoleArn', 'disableSessionTags', 'policy'] as const;
const ENTRY_FIELDS = ['type', 'kubernetesGroups', 'username', 'accessPolicies'] as const;

export function besideManifest(m: ClusterMigration, declared: DesiredCluster, manifest: string): { content?: string; differences: Finding[] } {
  const proposed = expandAlone(m);
  const differences: Finding[] = [];
  const selector = [m.cluster];

  const associations: Array<FragmentAssociation | FragmentRoleAssociation> = [];
  for (const a of m.fragment.podIdentityAssociations ?? []) {
    const key = `${a.namespace}/${a.serviceAccount}`;
    const existing = declared.associations.find((d) => `${d.namespace}/${d.serviceAccount}` === key);
    if (!existing) {
      associations.push({ ...a, clusters: selector });
      continue;
    }
    const mine = proposed?.associations.find((d) => `${d.namespace}/${d.serviceAccount}` === key);
    const differing = mine ? differingFields(mine, existing, ASSOCIATION_FIELDS) : [];
    if (differing.length > 0) differences.push(note(m, `association ${key}`, key, differing, m.origins[key], existing.source));
  }
  const accessEntries: FragmentAccessEntry[] = [];
  for (const e of m.fragment.accessEntries ?? []) {
    const existing = declared.accessEntries.find((d) => d.principalArn === e.principalArn);
    if (!existing) {
      accessEntries.push({ ...e, clusters: selector });
      continue;
    }
    const mine = proposed?.accessEntries.find((d) => d.principalArn === e.principalArn);
    const differing = mine ? differingFields(mine, existing, ENTRY_FIELDS) : [];
    if (differing.length > 0) differences.push(note(m, `access entry ${e.principalArn}`, e.principalArn, differing, m.origins[e.principalArn], existing.source));
  }
  // An add-on the manifest already declares keeps the manifest's list (its list is the add-on's whole set).
  const addons = (m.fragment.addons ?? []).filter((a) => !(declared.addons ?? []).some((d) => d.name === a.name)).map((a) => ({ ...a, clusters: selector }));
  if (associations.length === 0 && accessEntries.length === 0 && addons.length === 0) return { differences };
  const fragment: ManifestFragment = {
    version: 1,
    ...(associations.length > 0 ? { podIdentityAssociations: associations } : {}),
    ...(accessEntries.length > 0 ? { accessEntries } : {}),
    ...(addons.length > 0 ? { addons } : {}),
  };
  const header = [
    `Only what ${manifest} does not declare yet for cluster ${m.cluster}. This file loads with the manifest's`,
    `files (keep it where that path finds it), so their clusters and defaults apply to it.`,
    ...(m.comments.header ?? []).filter((line) => !line.startsWith('Add a clusters:')),
  ];
  return { content: renderManifestFragment(fragment, { ...m.comments, header }), differences };
}

/** The migration's own manifest through the one loader and expander, to compare like with like. */
function expandAlone(m: ClusterMigration): DesiredCluster | undefined {
  const loaded = parseManifestText(renderManifestFragment(m.fragment), `${m.cluster}.proposal.yaml`);
  if (!loaded.ok) return undefined;
  return expandManifest(loaded, { accountIds: { [m.cluster]: m.accountId } }).clusters.find((c) => c.name === m.cluster);
}

type Field = { name: string; proposed: unknown; declared: unknown };

function differingFields<T extends DesiredAssociation | DesiredAccessEntry>(mine: T, theirs: T, fields: readonly string[]): Field[] {
  const comparable = (value: unknown) => JSON.stringify(value, (k, v: unknown) => (k === 'source' ? undefined : v));
  return fields
    .map((name) => ({ name, proposed: (mine as unknown as Record<string, unknown>)[name], declared: (theirs as unknown as Record<string, unknown>)[name] }))
    .filter((f) => comparable(f.proposed) !== comparable(f.declared));
}

function note(m: ClusterMigration, subject: string, key: string, fields: Field[], origin: SourceLocation | undefined, declaredAt: SourceLocation | undefined): Finding {
  const show = (v: unknown) => (v === undefined ? '(not set)' : JSON.stringify(v, (k, x: unknown) => (k === 'source' ? undefined : x)));
  const from = origin ? formatLocation(origin) : `the live cluster ${m.cluster}`;
  const at = declaredAt ? formatLocation(declaredAt) : 'the manifest';
  const detail = fields.map((f) => `${f.name} ${show(f.proposed)} there, ${show(f.declared)} in the manifest`).join('; ');
  return {
    severity: 'info',
    code: 'MIGRATION_KEEPS_MANIFEST',
    key,
    message: `${subject}: ${from} differs from ${at} (${detail}); the manifest's declaration is kept and nothing is proposed for it`,
    fix: `if ${from} is right, change the manifest at ${at}`,
    ...(declaredAt ? { source: declaredAt } : {}),
  };
}
