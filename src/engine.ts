/**
 * The pipeline in one place: manifest → sessions → desired state → live state → plan. The CLI,
 * the action and library users all plan through `planManifest`, so they cannot drift apart.
 */
import type { AwsCredentials, AwsClientOptions } from './aws/clients.js';
import type { ProgressReporter } from './aws/progress.js';
import { completeListings, describeSkippedAccessEntries, readLiveState } from './aws/reader.js';
import { closeClusterSessions, openClusterSessions, type ClusterSession } from './aws/session.js';
import { EksIdentityError } from './errors.js';
import { expandManifest, formatDiagnostic, loadManifest, type LoadedManifest, type ManifestDiagnostic } from './manifest/index.js';
import type { DesiredState } from './model/desired.js';
import type { PruneMode } from './model/ownership.js';
import type { LiveState } from './model/live.js';
import type { Change, Plan } from './model/plan.js';
import { computePlan } from './plan/index.js';

export interface PlanRequest {
  /** Manifest file, directory or glob. */
  manifest: string;
  cwd?: string;
  /** Only these clusters (default: all the manifest declares). */
  clusters?: string[];
  /** Overrides the manifest's `prune` (`'owned'` needs the manifest's `owner`). */
  prune?: PruneMode;
  maxDeletes?: number;
  allowLockout?: boolean;
  /** Describe calls in flight per cluster. */
  concurrency?: number;
  progress?: ProgressReporter;
  aws?: { endpoints?: AwsClientOptions['endpoints']; credentials?: AwsCredentials; maxAttempts?: number };
}

export interface PlanResult {
  loaded: LoadedManifest;
  desired: DesiredState;
  live: LiveState;
  plan: Plan;
  /** Open sessions (the apply step writes through them); release with `closeClusterSessions`. */
  sessions: ClusterSession[];
}

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
export async function loadValidManifest(request: Pick<PlanRequest, 'manifest' | 'cwd' | 'clusters'>): Promise<LoadedManifest> {
  const loaded = await loadManifest(request.manifest, request.cwd === undefined ? {} : { cwd: request.cwd });
  if (!loaded.ok) throw new ManifestInvalidError(loaded.diagnostics);
  const wanted = request.clusters ?? [];
  if (wanted.length === 0) return loaded;
  const declared = loaded.manifest.clusters.map((c) => c.value.name);
  const unknown = wanted.filter((name) => !declared.includes(name));
  if (unknown.length > 0) {
    throw new EksIdentityError('UNKNOWN_CLUSTER', `--cluster ${unknown.join(', ')}: not declared in the manifest`, {
      fix: `use one of: ${declared.join(', ')}`,
    });
  }
  return { ...loaded, manifest: { ...loaded.manifest, clusters: loaded.manifest.clusters.filter((c) => wanted.includes(c.value.name)) } };
}

/** Plans a manifest against AWS (or whatever the SDK endpoints point at). */
export async function planManifest(request: PlanRequest): Promise<PlanResult> {
  const loaded = await loadValidManifest(request);
  // Regions, roles to assume and declared accounts are known before any AWS call.
  const targets = expandManifest(loaded).clusters;
  const sessions = await openClusterSessions(targets, {
    ...(request.aws?.credentials ? { credentials: request.aws.credentials } : {}),
    ...(request.aws?.endpoints ? { endpoints: request.aws.endpoints } : {}),
    ...(request.aws?.maxAttempts ? { maxAttempts: request.aws.maxAttempts } : {}),
  });
  try {
    const accountIds = Object.fromEntries(sessions.map((s) => [s.target.name, s.accountId]));
    const expanded = expandManifest(loaded, { accountIds });
    const desired: DesiredState =
      request.prune === undefined ? expanded : { ...expanded, clusters: expanded.clusters.map((c) => ({ ...c, prune: request.prune! })) };
    const readOptions = {
      ...(request.concurrency ? { concurrency: request.concurrency } : {}),
      ...(request.progress ? { progress: request.progress } : {}),
    };
    const planOptions = {
      ...(request.maxDeletes !== undefined ? { maxDeletes: request.maxDeletes } : {}),
      ...(request.allowLockout !== undefined ? { allowLockout: request.allowLockout } : {}),
    };
    let live = await readLiveState(sessions, desired, readOptions);
    let plan = computePlan(desired, live, planOptions);
    // A second look where the first read was not enough. With prune off (or owned) only declared
    // (or owned) entries were described, so "no admin left" may be a guess: describe the others.
    // A targeted read did not count undeclared objects, so a plan that creates some cannot check
    // the quota: list that kind in full. Then plan again (nothing else changes).
    const unsure = new Set(plan.clusters.filter((c) => c.findings.some((f) => f.code === 'LOCKOUT_NO_ADMIN')).map((c) => c.name));
    const creates = (name: string, kind: Change['kind']) => plan.clusters.some((c) => c.name === name && c.changes.some((ch) => ch.kind === kind && (ch.action === 'create' || ch.action === 'replace')));
    const again = live.clusters.map(async (cluster) => {
      const session = sessions.find((s) => s.target.name === cluster.name && s.target.region === cluster.region);
      const wanted = desired.clusters.find((d) => d.name === cluster.name && d.region === cluster.region);
      if (!session || !wanted) return cluster;
      const kinds = [...(creates(cluster.name, 'podIdentityAssociation') ? (['associations'] as const) : []), ...(creates(cluster.name, 'accessEntry') ? (['accessEntries'] as const) : [])];
      const listed = await completeListings(session, cluster, kinds, readOptions);
      return wanted.prune !== true && unsure.has(cluster.name) ? describeSkippedAccessEntries(session, listed, readOptions) : listed;
    });
    const reread = await Promise.all(again);
    if (reread.some((cluster, i) => cluster !== live.clusters[i])) {
      live = { clusters: reread };
      plan = computePlan(desired, live, planOptions);
    }
    return { loaded, desired, live, plan, sessions };
  } catch (err) {
    closeClusterSessions(sessions);
    throw err;
  }
}
