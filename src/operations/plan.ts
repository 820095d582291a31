/** plan: manifest → sessions → desired state → live state → plan, as one prepared plan. */
import { completeListings, describeSkippedAccessEntries, readLiveState } from '../aws/reader.js';
import { closeClusterSessions, openClusterSessions, type ClusterSession, type SessionOptions } from '../aws/session.js';
import { expandManifest, type LoadedManifest } from '../manifest/index.js';
import { parseArn } from '../model/partition.js';
import type { DesiredState } from '../model/desired.js';
import type { LiveCluster, LiveState } from '../model/live.js';
import type { PruneMode } from '../model/ownership.js';
import type { Change, Plan } from '../model/plan.js';
import { computePlan } from '../plan/index.js';
import { loadValidManifest } from './manifest-selection.js';
import { PreparedPlan } from './prepared-plan.js';
import type { AwsAccess, PlanGuards, PlanRequest } from './requests.js';

/** Plans a manifest against AWS (or whatever the SDK endpoints point at). Close the result when done. */
export async function plan(request: PlanRequest): Promise<PreparedPlan> {
  const loaded = await loadValidManifest(request);
  // Regions, roles to assume and declared accounts are known before any AWS call.
  const sessions = await openSessions(expandManifest(loaded).clusters, request.aws);
  try {
    const accountIds = { ...accountsOfUnopened(loaded, sessions), ...Object.fromEntries(sessions.map((s) => [s.target.name, s.accountId])) };
    const desired = withPrune(expandManifest(loaded, { accountIds }), request.prune);
    const { live, plan: computed } = await planAgainstLive(sessions, desired, request);
    return new PreparedPlan(computed, sessions, guardsOf(request), loaded, desired, live);
  } catch (err) {
    closeClusterSessions(sessions);
    throw err;
  }
}

/** Plans, runs `fn` with the prepared plan, and releases its sessions whatever happens. */
export async function withPlan<T>(request: PlanRequest, fn: (prepared: PreparedPlan) => Promise<T>): Promise<T> {
  const prepared = await plan(request);
  try {
    return await fn(prepared);
  } finally {
    prepared.close();
  }
}

export function openSessions(targets: Parameters<typeof openClusterSessions>[0], aws: AwsAccess | undefined): Promise<ClusterSession[]> {
  const options: SessionOptions = {
    ...(aws?.credentials ? { credentials: aws.credentials } : {}),
    ...(aws?.endpoints ? { endpoints: aws.endpoints } : {}),
    ...(aws?.maxAttempts ? { maxAttempts: aws.maxAttempts } : {}),
    ...(aws?.timeouts ? { timeouts: aws.timeouts } : {}),
    ...(aws?.deadline ? { deadline: aws.deadline } : {}),
    ...(aws?.watch ? { watch: aws.watch } : {}),
  };
  return openClusterSessions(targets, options);
}

export function guardsOf(request: Pick<PlanGuards, 'maxDeletes' | 'allowLockout'>): Pick<PlanGuards, 'maxDeletes' | 'allowLockout'> {
  return {
    ...(request.maxDeletes !== undefined ? { maxDeletes: request.maxDeletes } : {}),
    ...(request.allowLockout !== undefined ? { allowLockout: request.allowLockout } : {}),
  };
}

/**
 * Accounts of the clusters a `--cluster` filter left out, as far as the run can tell without
 * opening them: a cluster that assumes a role is in that role's account; one that uses the default
 * credentials, like an opened cluster that does too, is in that cluster's account. IAM roles are
 * global to an account, and a shared role's trust is built from every cluster that declares it.
 * A cluster whose account stays unknown makes its roles an error finding (ROLE_ACCOUNT_UNKNOWN).
 */
function accountsOfUnopened(loaded: LoadedManifest, sessions: readonly ClusterSession[]): Record<string, string> {
  const opened = new Set(sessions.map((s) => s.target.name));
  const defaultAccount = sessions.find((s) => s.target.assumeRoleArn === undefined)?.accountId;
  const out: Record<string, string> = {};
  for (const c of loaded.manifest.allClusters ?? []) {
    if (opened.has(c.value.name) || c.value.accountId !== undefined) continue;
    const assumed = c.value.assumeRoleArn === undefined ? undefined : parseArn(c.value.assumeRoleArn)?.accountId;
    const account = c.value.assumeRoleArn === undefined ? defaultAccount : assumed && /^\d{12}$/.test(assumed) ? assumed : undefined;
    if (account !== undefined) out[c.value.name] = account;
  }
  return out;
}

function withPrune(desired: DesiredState, prune: PruneMode | undefined): DesiredState {
  return prune === undefined ? desired : { ...desired, clusters: desired.clusters.map((c) => ({ ...c, prune })) };
}

export interface LiveOptions extends Pick<PlanRequest, 'concurrency' | 'progress' | 'maxDeletes' | 'allowLockout'> {
  /** The live state as it will be once steps outside the plan ran (a migration's trust edits). */
  adjust?: (live: LiveCluster) => LiveCluster;
}

/** Reads what the desired state needs and plans it; the one place live state meets a plan. */
export async function planAgainstLive(sessions: readonly ClusterSession[], desired: DesiredState, options: LiveOptions): Promise<{ live: LiveState; plan: Plan }> {
  const readOptions = {
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
  };
  const planOptions = guardsOf(options);
  const adjust = (state: LiveState): LiveState => (options.adjust ? { clusters: state.clusters.map(options.adjust) } : state);
  let live = await readLiveState(sessions, desired, readOptions);
  let computed = computePlan(desired, adjust(live), planOptions);
  // A second look where the first read was not enough. With prune off (or owned) only declared
  // (or owned) entries were described, so "no admin left" may be a guess: describe the others.
  // A targeted read did not count undeclared objects, so a plan that creates some cannot check
  // the quota: list that kind in full. Then plan again (nothing else changes).
  const unsure = new Set(computed.clusters.filter((c) => c.findings.some((f) => f.code === 'LOCKOUT_NO_ADMIN')).map((c) => c.name));
  const creates = (name: string, kind: Change['kind']) =>
    computed.clusters.some((c) => c.name === name && c.changes.some((ch) => ch.kind === kind && (ch.action === 'create' || ch.action === 'replace')));
  const reread = await Promise.all(
    live.clusters.map(async (cluster) => {
      const session = sessions.find((s) => s.target.name === cluster.name && s.target.region === cluster.region);
      const wanted = desired.clusters.find((d) => d.name === cluster.name && d.region === cluster.region);
      if (!session || !wanted) return cluster;
      const addsAssociations = creates(cluster.name, 'podIdentityAssociation') || creates(cluster.name, 'addonAssociation');
      const kinds = [...(addsAssociations ? (['associations'] as const) : []), ...(creates(cluster.name, 'accessEntry') ? (['accessEntries'] as const) : [])];
      const listed = await completeListings(session, cluster, kinds, readOptions);
      return wanted.prune !== true && unsure.has(cluster.name) ? describeSkippedAccessEntries(session, listed, readOptions) : listed;
    }),
  );
  if (reread.some((cluster, i) => cluster !== live.clusters[i])) {
    live = { clusters: reread };
    computed = computePlan(desired, adjust(live), planOptions);
  }
  return { live: adjust(live), plan: computed };
}
