/**
 * A migration's or an export's proposal: the files to add and the plan of the manifest with them.
 * Beside an existing manifest only what it does not declare yet is proposed, in a new file that
 * loads with it (so its `defaults` apply); what it declares differently stays as declared and is
 * reported with both places.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { closeClusterSessions, type ClusterSession } from '../aws/session.js';
import { EksIdentityError } from '../errors.js';
import { expandManifest, parseManifestTexts, type LoadedManifest } from '../manifest/index.js';
import { isUnusableAwsAuth, renderManifestFragment, withMigrationChanges, type ClusterMigration, type NotConvertible } from '../migrate/index.js';
import type { DesiredCluster } from '../model/desired.js';
import type { Finding, Plan } from '../model/plan.js';
import { besideManifest } from './beside-manifest.js';
import { loadValidManifest, selectClusters } from './manifest-selection.js';
import { guardsOf, openSessions, planAgainstLive } from './plan.js';
import { PreparedPlan } from './prepared-plan.js';
import type { ClusterTarget, MigrationRequest } from './requests.js';

export type ProposalKind = 'migrate-irsa' | 'migrate-aws-auth' | 'export';

export interface ProposedFile {
  /** Relative to the request's cwd. */
  path: string;
  content: string;
  cluster: string;
}

export interface ProposalCluster {
  name: string;
  region: string;
  notConvertible: NotConvertible[];
  /** The migration's findings, and the objects the manifest declares differently (kept as declared). */
  findings: Finding[];
}

/** Files to add and their plan. Owns the plan's sessions: dispose it (or close()) when done. */
export class Proposal implements AsyncDisposable {
  constructor(
    readonly kind: ProposalKind,
    readonly files: ProposedFile[],
    readonly clusters: ProposalCluster[],
    /** Absent when made offline. */
    readonly prepared?: PreparedPlan,
    /** The manifest the files go beside, when there is one. */
    readonly manifest?: string,
  ) {}

  get plan(): Plan | undefined {
    return this.prepared?.plan;
  }

  close(): void {
    this.prepared?.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.close();
  }
}

/** The manifest (narrowed to the requested clusters) and the clusters to work on. */
export async function resolveTargets(request: MigrationRequest): Promise<{ loaded?: LoadedManifest; targets: ClusterTarget[] }> {
  if (request.manifest !== undefined) {
    const loaded = await loadValidManifest({ manifest: request.manifest, ...(request.cwd ? { cwd: request.cwd } : {}), ...(request.clusters ? { clusters: request.clusters } : {}) });
    return { loaded, targets: expandManifest(loaded).clusters };
  }
  if (!request.cluster) {
    throw new EksIdentityError('MIGRATION_NO_TARGET', 'name the cluster, or the manifest whose clusters to work on', { fix: 'pass --cluster NAME --region REGION, or --manifest PATH' });
  }
  return { targets: [request.cluster] };
}

/** Runs `produce` on each target cluster and plans the proposal through the manifest loader. */
export async function propose(
  kind: ProposalKind,
  request: MigrationRequest,
  produce: (session: ClusterSession) => Promise<ClusterMigration>,
  resolved?: { loaded?: LoadedManifest; targets: ClusterTarget[] },
): Promise<Proposal> {
  const { loaded, targets } = resolved ?? (await resolveTargets(request));
  const sessions = await openSessions(targets, request.aws);
  try {
    const migrations: ClusterMigration[] = [];
    // One cluster at a time: each already reads with its own concurrency.
    for (const session of sessions) migrations.push(await produce(session));
    const accountIds = Object.fromEntries(sessions.map((s) => [s.target.name, s.accountId]));
    const { files, clusters } = await draftProposal(kind, request, migrations, loaded, accountIds);

    const cwd = request.cwd ?? process.cwd();
    const existing = loaded ? await Promise.all(loaded.files.map(async (file) => ({ file, text: await readFile(path.resolve(cwd, file), 'utf8') }))) : [];
    const combined = parseManifestTexts([...existing, ...files.map((f) => ({ file: f.path, text: f.content }))]);
    if (!combined.ok) {
      // The manifest loaded alone, so the proposal is what the validator refuses: show the files
      // with each problem at its line, and no plan (nothing of it can be applied as it stands).
      closeClusterSessions(sessions);
      return new Proposal(kind, files, withProposalProblems(clusters, files, combined), undefined, request.manifest);
    }
    const selected = selectClusters(combined, targets.map((t) => t.name));
    const desired = expandManifest(selected, { accountIds });
    const byCluster = new Map(migrations.map((m) => [m.cluster, m]));
    const { live, plan } = await planAgainstLive(sessions, desired, {
      ...guardsOf(request),
      ...(request.progress ? { progress: request.progress } : {}),
      adjust: (cluster) => byCluster.get(cluster.name)?.adjust?.(cluster) ?? cluster,
    });
    let withSteps = plan;
    for (const m of migrations) {
      const findings = clusters.find((c) => c.name === m.cluster)?.findings ?? [];
      withSteps = withMigrationChanges(withSteps, m.cluster, m.leading, findings);
    }
    const prepared = new PreparedPlan(withSteps, sessions, guardsOf(request), selected, desired, live);
    return new Proposal(kind, files, clusters, prepared, request.manifest);
  } catch (err) {
    closeClusterSessions(sessions);
    throw err;
  }
}

/** The files of a proposal (whole manifests, or beside the manifest only what it lacks) and its notes. */
export async function draftProposal(
  kind: ProposalKind,
  request: MigrationRequest,
  migrations: readonly ClusterMigration[],
  loaded: LoadedManifest | undefined,
  accountIds: Record<string, string>,
): Promise<{ files: ProposedFile[]; clusters: ProposalCluster[] }> {
  const cwd = request.cwd ?? process.cwd();
  const existing = loaded ? expandManifest(loaded, { accountIds }) : undefined;
  const place = request.manifest !== undefined ? await manifestPlace(request.manifest, cwd) : undefined;
  const directory = request.directory ?? place?.directory ?? '.';
  const taken = new Set((loaded?.files ?? []).map((f) => path.normalize(f)));
  const files: ProposedFile[] = [];
  const clusters: ProposalCluster[] = [];
  for (const m of migrations) {
    let content: string | undefined = renderManifestFragment(m.fragment, m.comments);
    let differences: Finding[] = [];
    const declared: DesiredCluster | undefined = existing?.clusters.find((c) => c.name === m.cluster);
    if (declared) {
      const beside = besideManifest(m, declared, request.manifest ?? '');
      content = beside.content;
      differences = beside.differences;
    }
    const findings = [...m.findings, ...differences];
    clusters.push({ name: m.cluster, region: m.region, notConvertible: m.notConvertible, findings });
    // A file that is not an aws-auth ConfigMap converts to a bare header: propose nothing, keep the findings.
    if (content === undefined || isUnusableAwsAuth(m.findings)) continue;
    const file = freePath(path.join(directory, `${kind}-${m.cluster}.yaml`), taken);
    taken.add(path.normalize(file));
    files.push({ path: file, content, cluster: m.cluster });
    const apart = place && request.manifest !== undefined ? notLoadedWith(request.manifest, place, file) : undefined;
    if (apart) findings.push(apart);
  }
  return { files, clusters };
}

/** Where files beside the manifest go (its directory, a glob's fixed part, a file's directory), and what the path loads. */
async function manifestPlace(manifest: string, cwd: string): Promise<{ directory: string; kind: 'directory' | 'file' | 'glob' }> {
  if (isDynamicPattern(manifest)) return { directory: path.dirname(`${manifest.slice(0, manifest.search(/[*?{[(!]/))}x`) || '.', kind: 'glob' };
  const info = await stat(path.resolve(cwd, manifest)).catch(() => undefined);
  return info?.isDirectory() ? { directory: manifest, kind: 'directory' } : { directory: path.dirname(manifest), kind: 'file' };
}

/**
 * A warning when the manifest path will not load the proposed file: one file names only itself,
 * and a directory loads only its own *.yaml files. (A glob is left to the reader: it may match.)
 */
function notLoadedWith(manifest: string, place: { directory: string; kind: string }, file: string): Finding | undefined {
  const loads = place.kind === 'directory' && path.relative(place.directory, path.dirname(file)) === '';
  if (place.kind === 'glob' || loads) return undefined;
  return {
    severity: 'warning',
    code: 'PROPOSAL_OUTSIDE_MANIFEST',
    message: `${file} is not loaded by the manifest path ${manifest}${place.kind === 'file' ? ' (one file)' : ''}, so it is not applied once committed`,
    fix: place.kind === 'file' ? `point the manifest path at ${place.directory === '.' ? 'the directory' : place.directory} or a glob such as ${path.join(place.directory, '*.yaml')}, or move the entries into ${manifest}` : `put the file in ${place.directory}`,
  };
}

/** A manifest file is never overwritten: the proposal takes the next free name. */
function freePath(file: string, taken: ReadonlySet<string>): string {
  if (!taken.has(path.normalize(file))) return file;
  const { dir, name, ext } = path.parse(file);
  for (let i = 2; ; i++) {
    const candidate = path.join(dir, `${name}-${i}${ext}`);
    if (!taken.has(path.normalize(candidate))) return candidate;
  }
}

/** The validator's errors in the proposed files, as error findings of the cluster each file is for. */
function withProposalProblems(clusters: ProposalCluster[], files: readonly ProposedFile[], loaded: LoadedManifest): ProposalCluster[] {
  return clusters.map((c) => {
    const own = new Set(files.filter((f) => f.cluster === c.name).map((f) => f.path));
    const problems: Finding[] = loaded.diagnostics
      .filter((d) => d.severity === 'error' && own.has(d.location.file))
      .map((d) => ({
        severity: 'error',
        code: d.code,
        message: `the proposed manifest is not valid as it stands: ${d.message}`,
        fix: d.fix ?? 'edit the proposed file before committing it',
        source: d.location,
      }));
    return problems.length === 0 ? c : { ...c, findings: [...c.findings, ...problems] };
  });
}
