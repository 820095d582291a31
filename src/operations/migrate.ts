/** migrateIrsa, migrateAwsAuth and exportCluster: proposals over a manifest's clusters, or one named cluster. */
import { EksIdentityError } from '../errors.js';
import { ownerProblem } from '../model/ownership.js';
import { expandManifest } from '../manifest/index.js';
import { convertAwsAuthConfigMap, exportLiveCluster, migrateAwsAuthCluster, migrateIrsaCluster, type ClusterMigration } from '../migrate/index.js';
import { draftProposal, propose, Proposal, resolveTargets } from './proposal.js';
import type { ExportRequest, MigrateAwsAuthRequest, MigrateIrsaRequest } from './requests.js';

/** IRSA roles → Pod Identity associations to declare, and the trust policy updates to run first. */
export async function migrateIrsa(request: MigrateIrsaRequest): Promise<Proposal> {
  return propose('migrate-irsa', request, (session) => migrateIrsaCluster(session, { removeOidcTrust: request.removeOidcTrust ?? false }));
}

/** A live cluster → the manifest that declares it (beside a manifest: what it does not declare yet). */
export async function exportCluster(request: ExportRequest): Promise<Proposal> {
  // Checked before anything is read: the file written under it would not load.
  const problem = request.owner !== undefined ? ownerProblem(request.owner) : undefined;
  if (problem) throw new EksIdentityError('INVALID_OWNER', `export: ${problem.message}`, { fix: problem.fix });
  const resolved = await resolveTargets(request);
  const owner = exportOwner(request, resolved.loaded?.manifest.owner?.value);
  return propose('export', request, (session) => exportLiveCluster(session, { ...(request.progress ? { progress: request.progress } : {}), ...(owner !== undefined ? { owner } : {}) }), resolved);
}

/** The manifest's owner beside a manifest (the written file loads with it), else the requested one. */
function exportOwner(request: ExportRequest, manifestOwner: string | undefined): string | undefined {
  if (request.manifest === undefined) return request.owner;
  if (request.owner !== undefined && request.owner !== manifestOwner) {
    const has = manifestOwner === undefined ? 'has no owner' : `has owner ${JSON.stringify(manifestOwner)}`;
    throw new EksIdentityError('CLI_USAGE', `export: owner ${JSON.stringify(request.owner)} was given, but ${request.manifest} ${has}; the exported file loads with that manifest, so its owner applies`, {
      fix: manifestOwner === undefined ? 'set owner: in the manifest, or export without --manifest' : 'leave out --owner (the manifest\'s owner is used)',
    });
  }
  return manifestOwner;
}

/** An aws-auth ConfigMap → access entries; offline, without a plan. The ConfigMap belongs to one cluster. */
export async function migrateAwsAuth(request: MigrateAwsAuthRequest): Promise<Proposal> {
  const { cluster, ...rest } = request;
  if (request.manifest === undefined && cluster?.region === undefined && !request.offline) {
    throw new EksIdentityError('CLI_USAGE', "migrate-aws-auth: the cluster's region is needed, unless offline or the cluster comes from a manifest", {
      fix: 'add --region REGION (or --manifest PATH), or --offline to convert the file without AWS',
    });
  }
  const resolved = request.manifest !== undefined ? await resolveTargets(rest) : { targets: cluster ? [{ ...cluster, region: cluster.region ?? '' }] : [] };
  if (resolved.targets.length !== 1) {
    throw new EksIdentityError('MIGRATION_ONE_CLUSTER', `migrate-aws-auth converts the ConfigMap of one cluster; the run covers ${resolved.targets.length}`, {
      fix: 'name the cluster the ConfigMap belongs to (--cluster, or the clusters input)',
    });
  }
  if (request.offline) return proposeOffline(request, rest, resolved);
  return propose('migrate-aws-auth', { ...rest, ...(cluster ? { cluster: resolved.targets[0]! } : {}) }, (session) => migrateAwsAuthCluster(session, request.configMap), resolved);
}

async function proposeOffline(
  request: MigrateAwsAuthRequest,
  selection: Omit<MigrateAwsAuthRequest, 'cluster'>,
  resolved: Awaited<ReturnType<typeof resolveTargets>>,
): Promise<Proposal> {
  const target = resolved.targets[0]!;
  const region = target.region === '' ? undefined : target.region;
  const result = convertAwsAuthConfigMap(request.configMap.text, request.configMap.file, {
    cluster: { name: target.name, ...(region ? { region } : {}), ...(target.accountId ? { accountId: target.accountId } : {}) },
  });
  const migration: ClusterMigration = {
    cluster: target.name,
    region: target.region,
    accountId: target.accountId ?? '',
    fragment: result.fragment,
    comments: result.comments,
    origins: result.conversion.sources,
    leading: [],
    findings: result.findings,
    notConvertible: result.conversion.notConvertible,
  };
  const accountIds = resolved.loaded ? Object.fromEntries(expandManifest(resolved.loaded).clusters.flatMap((c) => (c.accountId ? [[c.name, c.accountId]] : []))) : {};
  const { files, clusters } = await draftProposal('migrate-aws-auth', selection, [migration], resolved.loaded, accountIds);
  return new Proposal('migrate-aws-auth', files, clusters, undefined, request.manifest);
}
