import { ownerProblem } from '../model/ownership.js';
import type { SourceLocation } from '../model/source.js';
import type { ManifestDiagnostic } from './diagnostics.js';
import { checkAddons } from './addons.js';
import type { FileManifest } from './check-file.js';
import { checkAccessEntry, checkArn, checkAssociation, checkDefaultTags, expandFor, type Report } from './check-items.js';
import type { Located, Manifest, ManifestCluster } from './model.js';
import * as names from './naming.js';

/** Merges the files and checks every rule that spans fields, items or files. */
export function mergeAndCheck(files: FileManifest[]): { manifest: Manifest; diagnostics: ManifestDiagnostic[] } {
  const diagnostics: ManifestDiagnostic[] = files.flatMap((f) => f.diagnostics);
  // The same problem found for several target clusters is reported once.
  const reported = new Set<string>();
  const report: Report = (d) => {
    const key = `${d.code}|${d.message}|${where(d.location)}`;
    if (reported.has(key)) return;
    reported.add(key);
    diagnostics.push({ severity: 'error', ...d });
  };
  const manifest: Manifest = {
    clusters: uniqueBy(files.flatMap((f) => f.clusters), (c) => c.value.name, (item, first) =>
      report({ code: 'DUPLICATE_CLUSTER', message: `cluster \`${item.value.name}\` is declared twice (first at ${where(first.source)})`, fix: 'keep one declaration', location: item.source, related: [first.source] }),
    ),
    defaultTags: single(files, 'defaultTags', 'defaults', report) ?? {},
    prune: single(files, 'prune', 'prune', report) ?? false,
    ...ownerSetting(files, report),
    podIdentityAssociations: files.flatMap((f) => f.podIdentityAssociations),
    accessEntries: files.flatMap((f) => f.accessEntries),
    addons: files.flatMap((f) => f.addons),
  };
  const firstFile = files[0];
  if (manifest.clusters.length === 0 && firstFile && !diagnostics.some((d) => d.severity === 'error')) {
    report({ code: 'NO_CLUSTERS', message: 'no cluster is declared', fix: 'add a `clusters:` list with the name and region of each cluster', location: { file: firstFile.file, line: 1, column: 1 } });
  }
  for (const c of manifest.clusters) checkCluster(c, report);
  checkOwnership(files, manifest, report);
  const defaults = files.find((f) => f.defaultTags)?.defaultTags;
  if (defaults) checkDefaultTags(defaults.value, manifest.clusters, (key) => (key === undefined ? defaults.source : defaults.keyAt(key)), report);

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

  const inherited = { defaults: manifest.defaultTags, owner: manifest.owner?.value };
  const associationKeys = new Map<string, SourceLocation>();
  for (const a of manifest.podIdentityAssociations) {
    const targets = targetsOf(a);
    checkAssociation(a, targets, inherited, report);
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
    checkAccessEntry(e, targets, inherited, report);
    for (const c of targets) {
      const key = `${c.value.name}/${expandFor(e.value.principalArn, c)}`;
      const first = entryKeys.get(key);
      if (first) report({ code: 'DUPLICATE_ACCESS_ENTRY', message: `access entry ${e.value.principalArn} on cluster \`${c.value.name}\` is declared twice (first at ${where(first)})`, fix: 'merge the two entries into one', location: e.source, related: [first] });
      else entryKeys.set(key, e.source);
    }
  }
  checkAddons(manifest.addons ?? [], manifest.podIdentityAssociations, targetsOf, inherited, report);
  return { manifest, diagnostics };
}

function checkCluster(c: ManifestCluster, report: Report): void {
  const { name, region, accountId, assumeRoleArn } = c.value;
  if (!names.CLUSTER_NAME_RE.test(name)) report({ code: 'INVALID_CLUSTER_NAME', message: `\`${name}\` is not a valid EKS cluster name`, fix: 'use 1–100 letters, digits, hyphens and underscores, starting with a letter or digit', location: c.at('name') });
  if (!names.REGION_RE.test(region)) report({ code: 'INVALID_REGION', message: `\`${region}\` is not an AWS region of the aws, aws-cn or aws-us-gov partition`, fix: 'use a region code such as us-east-1, cn-north-1 or us-gov-west-1', location: c.at('region') });
  if (accountId !== undefined && !names.ACCOUNT_ID_RE.test(accountId)) report({ code: 'INVALID_ACCOUNT_ID', message: `accountId \`${accountId}\` is not 12 digits`, fix: 'quote it as a string of 12 digits, e.g. accountId: "012345678901"', location: c.at('accountId') });
  if (assumeRoleArn !== undefined) checkArn(assumeRoleArn, 'assumeRoleArn', names.ROLE_ARN_RE, 'arn:aws:iam::123456789012:role/eks-identity', [c], c.at('assumeRoleArn'), report);
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

/** The owner is a tag value (ownerProblem). `prune: owned` needs an owner to compare with. */
function checkOwnership(files: FileManifest[], manifest: Manifest, report: Report): void {
  const owner = manifest.owner;
  const problem = owner && ownerProblem(owner.value);
  if (owner && problem) report({ code: 'INVALID_OWNER', ...problem, location: owner.source });
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
