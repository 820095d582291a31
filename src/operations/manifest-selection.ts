/** Loading the manifest an operation works on: valid, and narrowed to the requested clusters. */
import { EksIdentityError } from '../errors.js';
import { formatDiagnostic, loadManifest, type LoadedManifest, type ManifestDiagnostic } from '../manifest/index.js';
import type { ManifestSelection } from './requests.js';

/** An invalid manifest: carries every diagnostic so callers can print or annotate them all. */
export class ManifestInvalidError extends EksIdentityError {
  readonly diagnostics: ManifestDiagnostic[];
  constructor(diagnostics: ManifestDiagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super('MANIFEST_INVALID', `the manifest has ${errors.length} error(s):\n${errors.map(formatDiagnostic).join('\n')}`, {
      fix: 'fix the errors above (eks-identity validate lists them all)',
    });
    this.diagnostics = diagnostics;
  }
}

/** Loads and validates the manifest, keeping only the requested clusters. */
export async function loadValidManifest(selection: ManifestSelection): Promise<LoadedManifest> {
  const loaded = await loadManifest(selection.manifest, selection.cwd === undefined ? {} : { cwd: selection.cwd });
  return selectClusters(loaded, selection.clusters);
}

/** Throws on an invalid manifest; narrows it to `wanted` (every cluster when empty). */
export function selectClusters(loaded: LoadedManifest, wanted: readonly string[] = []): LoadedManifest {
  if (!loaded.ok) throw new ManifestInvalidError(loaded.diagnostics);
  if (wanted.length === 0) return loaded;
  const declared = loaded.manifest.clusters.map((c) => c.value.name);
  const unknown = wanted.filter((name) => !declared.includes(name));
  if (unknown.length > 0) {
    throw new EksIdentityError('UNKNOWN_CLUSTER', `--cluster ${unknown.join(', ')}: not declared in the manifest`, {
      fix: `use one of: ${declared.join(', ')}`,
    });
  }
  const all = loaded.manifest.allClusters ?? loaded.manifest.clusters;
  return { ...loaded, manifest: { ...loaded.manifest, allClusters: all, clusters: loaded.manifest.clusters.filter((c) => wanted.includes(c.value.name)) } };
}
