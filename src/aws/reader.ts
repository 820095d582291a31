import {
  DescribeAccessEntryCommand,
  DescribeClusterCommand,
  DescribePodIdentityAssociationCommand,
  ListAccessEntriesCommand,
  ListAccessPoliciesCommand,
  ListAssociatedAccessPoliciesCommand,
  ListPodIdentityAssociationsCommand,
  paginateListAddons,
  type AssociatedAccessPolicy,
  type Cluster,
  type DescribeAccessEntryCommandOutput,
  type DescribePodIdentityAssociationCommandOutput,
  type ListAccessEntriesCommandOutput,
  type ListAccessPoliciesCommandOutput,
  type ListAssociatedAccessPoliciesCommandOutput,
  type ListPodIdentityAssociationsCommandOutput,
} from '@aws-sdk/client-eks';
import type { EKSClient } from '@aws-sdk/client-eks';
import { GetRoleCommand, GetUserCommand, type GetRoleCommandOutput, type GetUserCommandOutput } from '@aws-sdk/client-iam';
import { EksIdentityError } from '../errors.js';
import type { DesiredCluster, DesiredState } from '../model/desired.js';
import type { LiveAccessEntry, LiveAssociation, LiveAssociationSummary, LiveCluster, LiveRole, LiveState, LiveUser } from '../model/live.js';
import { parseArn, roleNameOfArn } from '../model/partition.js';
import { readAddonDetails } from './addon-read.js';
import { mapWithConcurrency } from './concurrency.js';
import { callAws, callAwsOrAbsent, isAccessDenied } from './errors.js';
import { compare, toAssociationSummary, toAuthenticationMode, toLiveAccessEntry, toLiveAssociation, toLiveRole, toLiveUser } from './live-convert.js';
import { isPrunable } from '../model/ownership.js';
import { pacedClients, PacerRegistry } from './pacer.js';
import { allPages, type ListPages, type Page } from './targeted-read.js';
import { readDeclaredObjects, readEveryObject, type DescribeJob, type ObjectReads } from './object-reads.js';
import { createProgressGroup, silentProgress, type ProgressReporter } from './progress.js';
import type { ClusterSession } from './session.js';
import type { DesiredRole } from '../model/desired-role.js';
import { readManagedRoles } from './role-read.js';
import { SdkIamRoleGateway } from './role-gateway.js';

export interface ReadOptions {
  /** Describe calls in flight per cluster (default 16). Pages of one list are always sequential. */
  concurrency?: number;
  progress?: ProgressReporter;
  /**
   * Paces describes and GetRole per operation at a rate found from throttling (see pacer.ts).
   * readLiveState shares one registry over all clusters; default: a new one per call.
   */
  pacers?: PacerRegistry;
  /** IAM answers shared by the clusters of one read (IAM is global to an account); default: none shared. */
  iam?: IamLookups;
  /** The roles `role:` blocks declare (DesiredState.roles): each cluster reads those it declares. */
  roles?: readonly DesiredRole[];
}

/**
 * IAM is one service per account, not per cluster: the clusters of one read look each role and
 * user up once. Keyed by partition, account and ARN; a failed lookup fails every cluster alike.
 */
export class IamLookups {
  private readonly answers = new Map<string, Promise<unknown>>();

  once<T>(session: Pick<ClusterSession, 'accountId' | 'partition'>, arn: string, read: () => Promise<T>): Promise<T> {
    return this.remember(`${session.partition}\u0000${session.accountId}\u0000${arn}`, read);
  }

  /** An add-on version's configuration is the same for every cluster of a region: DescribeAddonConfiguration once per version per run. */
  addonConfiguration<T>(region: string, addonName: string, version: string, read: () => Promise<T>): Promise<T> {
    return this.remember(`${region}\u0000addon\u0000${addonName}\u0000${version}`, read);
  }

  /** The access-policy catalog is one per partition: ListAccessPolicies is called once per partition per run. */
  catalog<T>(partition: string, read: () => Promise<T>): Promise<T> {
    return this.remember(`${partition}\u0000catalog`, read);
  }

  private remember<T>(key: string, read: () => Promise<T>): Promise<T> {
    let answer = this.answers.get(key) as Promise<T> | undefined;
    if (!answer) {
      answer = read();
      this.answers.set(key, answer);
    }
    return answer;
  }
}

export { interleave } from './object-reads.js';

export const DEFAULT_READ_CONCURRENCY = 32;
/** The largest page EKS serves for these lists. */
const PAGE_SIZE = 100;
const AGENT_ADDON = 'eks-pod-identity-agent';

/** Reads every desired cluster in parallel, each through the session opened for it. */
export async function readLiveState(sessions: readonly ClusterSession[], desired: DesiredState, options: ReadOptions = {}): Promise<LiveState> {
  const group = createProgressGroup(options.progress ?? silentProgress, `Reading ${desired.clusters.length} cluster(s), objects described`);
  // Throttling is per account, region and operation, not per cluster: clusters share the pacers.
  const pacers = options.pacers ?? new PacerRegistry();
  const iam = options.iam ?? new IamLookups();
  try {
    const clusters = await Promise.all(
      desired.clusters.map((cluster) => {
        const session = sessions.find((s) => s.target.name === cluster.name && s.target.region === cluster.region);
        if (!session) {
          throw new EksIdentityError('NO_SESSION', `No AWS session was opened for cluster ${cluster.name} (${cluster.region})`, {
            source: 'internal',
          });
        }
        return readLiveCluster(session, cluster, { ...options, pacers, iam, progress: group.task(), ...(desired.roles ? { roles: desired.roles } : {}) });
      }),
    );
    return { clusters };
  } finally {
    group.done();
  }
}

/**
 * Reads what the plan needs about one cluster and nothing more: the lists in full, then describes
 * only for the declared associations and entries (all of them when prune is on), and the IAM roles
 * those reference. Not-found means absent: a missing cluster reads as `exists: false`, an object
 * deleted between list and describe is left out, a missing role is `null`.
 */
export async function readLiveCluster(session: ClusterSession, desired: DesiredCluster, options: ReadOptions = {}): Promise<LiveCluster> {
  const progress = options.progress ?? silentProgress;
  const limit = options.concurrency ?? DEFAULT_READ_CONCURRENCY;
  const pacers = options.pacers ?? new PacerRegistry();
  const reader = new ClusterReader(session, desired.name, pacers);
  const iam = options.iam ?? new IamLookups();
  const base = {
    name: desired.name,
    region: session.region,
    partition: session.partition,
    accountId: session.accountId,
    caller: session.caller,
  };

  // The association list and the add-ons do not depend on DescribeCluster's answer, so their first
  // pages are asked for beside it: the association describes, the longest chain of the read, start
  // a round trip sooner. An absent cluster leaves them unused. The entry list waits: in
  // ConfigMap-only mode EKS refuses it, and a refused call on every plan is noise in CloudTrail.
  const firstPages = reader.startFirstPages();
  let cluster: Cluster | undefined;
  try {
    cluster = await reader.describeCluster();
  } catch (err) {
    await firstPages.settled();
    throw err;
  }
  if (!cluster) {
    await firstPages.settled();
    return { ...base, exists: false, authenticationMode: 'CONFIG_MAP', autoMode: false, addons: [], associationSummaries: [], associations: [], accessEntryPrincipals: [], accessEntries: [], roles: {} };
  }
  const authenticationMode = toAuthenticationMode(cluster.accessConfig?.authenticationMode);
  // Access entries do not exist in ConfigMap-only mode (the list call would be refused).
  const entriesAvailable = authenticationMode !== 'CONFIG_MAP';
  const declaredAssociations = new Set(desired.associations.map((a) => associationKey(a.namespace, a.serviceAccount)));
  // With prune: owned, an undeclared entry's policies matter only when it is ours (it may be deleted).
  const declaredPrincipals = new Set(desired.accessEntries.map((e) => e.principalArn));
  const policiesWanted = (entry: { principalArn: string; tags: Record<string, string> }) =>
    desired.prune !== 'owned' || declaredPrincipals.has(entry.principalArn) || isPrunable(desired.prune, desired.owner, entry.tags);
  const label = `cluster ${desired.name}`;
  let total = 0;
  const moreWork = (units: number) => {
    total += units;
    progress.start(label, total);
  };

  // Roles the desired state names, and the users of declared entries, are known now: read them
  // alongside the lists and describes (a re-created user makes its entry stale).
  const declaredRoles = rolesToRead(session, desired, []);
  const userArns = usersToRead(session, desired);
  moreWork(declaredRoles.length + userArns.length);
  const readUser = (arn: string) =>
    // A denied GetUser only skips the checks of that user (a finding says so): the permission is
    // newer than the rest of the plan policy.
    iam.once(session, arn, () => reader.getUser(arn).catch((err: unknown) => (isAccessDenied(err) ? ('denied' as const) : Promise.reject(err))));
  // Declared access policies are checked against the partition's catalog (read once per partition).
  const wantsCatalog = entriesAvailable && desired.accessEntries.some((e) => e.accessPolicies.length > 0);
  const catalog = wantsCatalog
    ? iam.catalog(session.partition, () => reader.listAccessPolicies().catch((err: unknown) => (isAccessDenied(err) ? ('denied' as const) : Promise.reject(err))))
    : Promise.resolve(undefined);
  // Awaited at the end; until then a failure must not count as unhandled.
  catalog.catch(() => undefined);
  const readRoles = (arns: readonly string[]) =>
    mapWithConcurrency(arns, limit, async (arn) => {
      const role = await iam.once(session, arn, () => reader.getRole(arn));
      progress.tick();
      return [arn, role] as const;
    });
  const describe = async (job: DescribeJob) => {
    const result = job.kind === 'association' ? await reader.describeAssociation(job.summary) : await reader.describeAccessEntry(job.principalArn, policiesWanted);
    progress.tick();
    return result;
  };
  let found: () => void = () => undefined;
  const allFound = new Promise<void>((resolve) => (found = resolve));
  const objects: ObjectReads = { reader, limit, entriesAvailable, moreWork, describe, found: () => found() };
  const declaredAddons = desired.addons ?? [];
  // The lists lead to the describes, the longest chains of the read; the IAM reads have time to
  // spare (their answers are needed only once the describes are done). They start once every
  // object to describe is known, so that the CPU their first calls take, all at once in a burst,
  // holds back neither the lists nor the first describes (BENCHMARKS.md, (b)).
  const [{ addons, addonDetails }, read, declaredRoleList, userList] = await Promise.all([
    reader.listAddons().then(async (names) => ({
      addons: names,
      addonDetails: declaredAddons.length > 0 ? await readAddonDetails({ session, pacers, clusterName: desired.name, memo: iam, concurrency: limit }, declaredAddons, names) : undefined,
    })),
    // Prune off: find the declared objects, listing only when that is the cheaper way (targeted-read.ts).
    desired.prune ? readEveryObject(objects) : readDeclaredObjects(objects, desired, (s) => declaredAssociations.has(associationKey(s.namespace, s.serviceAccount))),
    allFound.then(() => readRoles(declaredRoles)),
    allFound.then(() =>
      mapWithConcurrency(userArns, limit, async (arn) => {
        const user = await readUser(arn);
        progress.tick();
        return [arn, user] as const;
      }),
    ),
  ]);
  const { foundAssociations, foundEntries, described } = read;
  const summaries = foundAssociations.summaries;
  const associations = described.filter((d): d is LiveAssociation => d !== undefined && 'associationId' in d);
  const describedEntries = described.filter((d): d is LiveAccessEntry => d !== undefined && 'accessPolicies' in d);
  // Entries read without their policies (not ours under prune: owned) stay out: the plan only sees what it may act on.
  const accessEntries = describedEntries.filter((e) => policiesWanted(e));
  const principals = foundEntries.complete ? foundEntries.listed : [...new Set([...foundEntries.listed, ...describedEntries.map((e) => e.principalArn)])].sort(compare);
  const uncounted = [...(foundAssociations.complete ? [] : (['associations'] as const)), ...(foundEntries.complete ? [] : (['accessEntries'] as const))];

  // Then the roles of live entries the manifest does not declare (read with prune on).
  const known = new Set(declaredRoles);
  const moreRoles = rolesToRead(session, desired, accessEntries).filter((arn) => !known.has(arn));
  moreWork(moreRoles.length);
  const [moreRoleList, owned] = await Promise.all([
    readRoles(moreRoles),
    readManagedRoles(session, new SdkIamRoleGateway(pacedClients({ iam: session.clients.iam }, options.pacers ?? new PacerRegistry()).iam), desired, options.roles ?? [], associations, (key, read) => iam.once(session, key, read), limit),
  ]);
  const roleList = [...declaredRoleList, ...moreRoleList].sort((a, b) => compare(a[0], b[0]));
  const deniedUsers = userList.filter(([, user]) => user === 'denied').map(([arn]) => arn);
  const policies = await catalog;
  await firstPages.settled();
  progress.done();

  return {
    ...base,
    exists: true,
    authenticationMode,
    autoMode: cluster.computeConfig?.enabled === true,
    ...(cluster.identity?.oidc?.issuer ? { oidcIssuer: cluster.identity.oidc.issuer } : {}),
    addons: addons.map((name) => ({ name })),
    ...(addonDetails ? { addonDetails } : {}),
    associationSummaries: summaries,
    associations: associations.sort(byAssociation),
    accessEntryPrincipals: principals,
    accessEntries: accessEntries.sort((a, b) => compare(a.principalArn, b.principalArn)),
    roles: Object.fromEntries(roleList),
    users: Object.fromEntries(userList.filter((entry): entry is readonly [string, LiveUser | null] => entry[1] !== 'denied')),
    ...(deniedUsers.length > 0 ? { unreadableUsers: deniedUsers } : {}),
    ...(uncounted.length > 0 ? { uncounted } : {}),
    ...(policies === 'denied' ? { accessPolicyCatalogDenied: true } : policies ? { accessPolicyCatalog: policies } : {}),
    ...owned,
  };
}

/**
 * IAM users named by declared entries, in the cluster's own account and partition (others cannot
 * be read with its credentials), deduplicated and sorted: a missing user is an error at plan (EKS
 * refuses the entry), a user re-created after its entry makes the entry stale.
 */
export function usersToRead(session: Pick<ClusterSession, 'accountId' | 'partition'>, desired: DesiredCluster): string[] {
  return [...new Set(desired.accessEntries.map((e) => e.principalArn))].filter((arn) => inAccount(session, arn, 'user/')).sort(compare);
}

/** An IAM ARN of `kind` (`role/`, `user/`) in the session's own account and partition. */
function inAccount(session: Pick<ClusterSession, 'accountId' | 'partition'>, arn: string, kind: 'role/' | 'user/'): boolean {
  const parsed = parseArn(arn);
  return parsed?.service === 'iam' && parsed.resource.startsWith(kind) && parsed.accountId === session.accountId && parsed.partition === session.partition;
}

/**
 * Lists in full the kinds a targeted read left uncounted (prune off), so that checks that need
 * every object (quotas when the plan creates, the last-admin check) see them. Nothing is described.
 */
export async function completeListings(session: ClusterSession, live: LiveCluster, kinds: ReadonlyArray<'associations' | 'accessEntries'>, options: ReadOptions = {}): Promise<LiveCluster> {
  const missing = (live.uncounted ?? []).filter((k) => kinds.includes(k));
  if (missing.length === 0) return live;
  const reader = new ClusterReader(session, live.name, options.pacers ?? new PacerRegistry());
  const [summaries, principals] = await Promise.all([
    missing.includes('associations') ? reader.listAssociations() : live.associationSummaries,
    missing.includes('accessEntries') ? reader.listAccessEntries() : live.accessEntryPrincipals,
  ]);
  const uncounted = live.uncounted!.filter((k) => !missing.includes(k));
  const { uncounted: _drop, ...rest } = live;
  return { ...rest, associationSummaries: summaries, accessEntryPrincipals: principals, ...(uncounted.length > 0 ? { uncounted } : {}) };
}

/**
 * Describes the listed access entries a read skipped (prune off: only declared entries are
 * described; prune owned: only owned ones keep their policies) and returns the cluster with them.
 * Used when a plan would take cluster admin away from every entry it knows: an undeclared entry
 * may still be an admin, and the lockout check should not guess.
 */
export async function describeSkippedAccessEntries(session: ClusterSession, listedOrNot: LiveCluster, options: ReadOptions = {}): Promise<LiveCluster> {
  const live = await completeListings(session, listedOrNot, ['accessEntries'], options);
  const known = new Set(live.accessEntries.map((e) => e.principalArn));
  const skipped = live.accessEntryPrincipals.filter((p) => !known.has(p));
  if (skipped.length === 0) return live;
  const reader = new ClusterReader(session, live.name, options.pacers ?? new PacerRegistry());
  const described = await mapWithConcurrency(skipped, options.concurrency ?? DEFAULT_READ_CONCURRENCY, (principalArn) => reader.describeAccessEntry(principalArn));
  const found = described.filter((e): e is LiveAccessEntry => e !== undefined);
  // Read to count admins only: under prune: owned they must not become delete candidates.
  return { ...live, accessEntries: [...live.accessEntries, ...found].sort((a, b) => compare(a.principalArn, b.principalArn)) };
}

/** True when the cluster has the Pod Identity agent add-on (Auto Mode clusters have it built in). */
export function hasPodIdentityAgent(cluster: Pick<LiveCluster, 'addons' | 'autoMode'>): boolean {
  return cluster.autoMode || cluster.addons.some((a) => a.name === AGENT_ADDON);
}

function associationKey(namespace: string, serviceAccount: string): string {
  return `${namespace}/${serviceAccount}`;
}

function byAssociation(a: LiveAssociationSummary, b: LiveAssociationSummary): number {
  return compare(a.namespace, b.namespace) || compare(a.serviceAccount, b.serviceAccount) || compare(a.associationId, b.associationId);
}

/**
 * Roles the checks need, deduplicated and sorted: those the desired associations use as role or
 * target role (missing role, real path, trust policy), every declared entry principal that is a
 * role (missing role, real path), and the STANDARD principals of described entries (re-created
 * role = stale entry). Only roles in the cluster's own account and partition can be read with its
 * credentials; others are left out of `roles` (unknown), never reported as missing.
 */
export function rolesToRead(session: Pick<ClusterSession, 'accountId' | 'partition'>, desired: DesiredCluster, described: readonly LiveAccessEntry[]): string[] {
  const arns = new Set<string>();
  for (const a of desired.associations) {
    // A role of a `role:` block is read in full by readManagedRoles.
    if (!a.managedRole) arns.add(a.roleArn);
    if (a.targetRoleArn) arns.add(a.targetRoleArn);
  }
  for (const e of desired.accessEntries) arns.add(e.principalArn);
  for (const addon of desired.addons ?? []) for (const a of addon.associations) if (!a.managedRole) arns.add(a.roleArn);
  for (const e of described) if (e.type === 'STANDARD') arns.add(e.principalArn);
  return [...arns].filter((arn) => inAccount(session, arn, 'role/')).sort(compare);
}

/** The SDK calls for one cluster, each failure wrapped with the operation and the AWS object. */
class ClusterReader implements ListPages {
  private readonly where: string;
  /**
   * The EKS client with every call paced, for the paginators and DescribeCluster: their throttles
   * then go back to a pacer too, instead of the SDK's backoff (up to seconds per throttle, and a
   * list's pages come one after another).
   */
  private readonly eks: EKSClient;

  constructor(
    private readonly session: ClusterSession,
    private readonly clusterName: string,
    private readonly pacers: PacerRegistry,
  ) {
    this.where = `cluster ${clusterName} (${session.region})`;
    this.eks = pacedClients({ eks: session.clients.eks }, pacers).eks;
  }

  /** First pages asked for before they are needed (startFirstPages); each is handed out once. */
  private early: { associations?: Promise<Page<LiveAssociationSummary>>; addons?: Promise<string[]> } = {};

  /**
   * Asks for the first page of the association list and for the add-ons now; the next unfiltered
   * first-page request (and listAddons) gets that answer. `settled` waits for both, failed or not,
   * so that no call is left running unobserved when they go unused.
   */
  startFirstPages(): { settled(): Promise<void> } {
    const quiet = <T>(answer: Promise<T>): Promise<T> => {
      answer.catch(() => undefined);
      return answer;
    };
    const early = { associations: quiet(this.associationPage({})), addons: quiet(this.readAddons()) };
    this.early = { ...early };
    return { settled: async () => void (await Promise.allSettled(Object.values(early))) };
  }

  async describeCluster(): Promise<Cluster | undefined> {
    const answer = await callAwsOrAbsent('DescribeCluster', this.where, () =>
      this.eks.send(new DescribeClusterCommand({ name: this.clusterName })),
    );
    return answer?.cluster;
  }

  async listAddons(): Promise<string[]> {
    const early = this.early.addons;
    delete this.early.addons;
    return early ?? this.readAddons();
  }

  private async readAddons(): Promise<string[]> {
    return callAws('ListAddons', this.where, async () => {
      const names: string[] = [];
      const pages = paginateListAddons({ client: this.eks, pageSize: PAGE_SIZE }, { clusterName: this.clusterName });
      for await (const page of pages) names.push(...(page.addons ?? []));
      return [...new Set(names)].sort(compare);
    });
  }

  /** The whole association list, page after page. */
  async listAssociations(): Promise<LiveAssociationSummary[]> {
    return (await allPages((nextToken) => this.associations({}, nextToken))).sort(byAssociation);
  }

  /** The whole access entry list, page after page. */
  async listAccessEntries(): Promise<string[]> {
    return [...new Set(await allPages((nextToken) => this.accessEntries(nextToken)))].sort(compare);
  }

  /** One page of ListPodIdentityAssociations, filtered by namespace and service account when given; paced (pages may run side by side). */
  async associations(filter: { namespace?: string; serviceAccount?: string }, nextToken?: string): Promise<Page<LiveAssociationSummary>> {
    const early = filter.namespace === undefined && filter.serviceAccount === undefined && nextToken === undefined ? this.early.associations : undefined;
    if (early) {
      delete this.early.associations;
      return early;
    }
    return this.associationPage(filter, nextToken);
  }

  private async associationPage(filter: { namespace?: string; serviceAccount?: string }, nextToken?: string): Promise<Page<LiveAssociationSummary>> {
    const page = await callAws('ListPodIdentityAssociations', this.where, () =>
      this.pacers.send<ListPodIdentityAssociationsCommandOutput>(
        this.session.clients.eks,
        new ListPodIdentityAssociationsCommand({ clusterName: this.clusterName, maxResults: PAGE_SIZE, ...filter, ...(nextToken ? { nextToken } : {}) }),
      ),
    );
    return { items: (page.associations ?? []).map(toAssociationSummary), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  }

  /** One page of ListAccessEntries. */
  async accessEntries(nextToken?: string): Promise<Page<string>> {
    const page = await callAws('ListAccessEntries', this.where, () =>
      this.pacers.send<ListAccessEntriesCommandOutput>(
        this.session.clients.eks,
        new ListAccessEntriesCommand({ clusterName: this.clusterName, maxResults: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) }),
      ),
    );
    return { items: page.accessEntries ?? [], ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  }

  async describeAssociation(summary: LiveAssociationSummary): Promise<LiveAssociation | undefined> {
    const key = `association ${summary.namespace}/${summary.serviceAccount} (${summary.associationId}) on ${this.where}`;
    const answer = await callAwsOrAbsent('DescribePodIdentityAssociation', key, () =>
      this.pacers.send<DescribePodIdentityAssociationCommandOutput>(
        this.session.clients.eks,
        new DescribePodIdentityAssociationCommand({ clusterName: this.clusterName, associationId: summary.associationId }),
      ),
    );
    return answer?.association ? toLiveAssociation(answer.association, summary) : undefined;
  }

  /** Describes an entry, and lists its policies when `withPolicies` says so (default: always). */
  async describeAccessEntry(principalArn: string, withPolicies: (entry: LiveAccessEntry) => boolean = () => true): Promise<LiveAccessEntry | undefined> {
    const key = `access entry ${principalArn} on ${this.where}`;
    const answer = await callAwsOrAbsent('DescribeAccessEntry', key, () =>
      this.pacers.send<DescribeAccessEntryCommandOutput>(this.session.clients.eks, new DescribeAccessEntryCommand({ clusterName: this.clusterName, principalArn })),
    );
    if (!answer?.accessEntry) return undefined;
    const bare = toLiveAccessEntry(answer.accessEntry, principalArn, []);
    if (!withPolicies(bare)) return bare;
    const policies = await callAwsOrAbsent('ListAssociatedAccessPolicies', key, async () => {
      // Page by page, each page one paced call.
      const out: AssociatedAccessPolicy[] = [];
      let nextToken: string | undefined;
      do {
        const page = await this.pacers.send<ListAssociatedAccessPoliciesCommandOutput>(
          this.session.clients.eks,
          new ListAssociatedAccessPoliciesCommand({ clusterName: this.clusterName, principalArn, maxResults: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) }),
        );
        out.push(...(page.associatedAccessPolicies ?? []));
        nextToken = page.nextToken;
      } while (nextToken);
      return out;
    });
    // The entry vanished between the two calls: absent, like any object deleted mid-read.
    if (policies === undefined) return undefined;
    return toLiveAccessEntry(answer.accessEntry, principalArn, policies);
  }

  /** Every access policy of the partition (ListAccessPolicies), page by page, each page one paced call. */
  async listAccessPolicies(): Promise<string[]> {
    return callAws('ListAccessPolicies', `the access policies of ${this.session.partition}`, async () => {
      const out: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await this.pacers.send<ListAccessPoliciesCommandOutput>(this.session.clients.eks, new ListAccessPoliciesCommand({ maxResults: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) }));
        out.push(...(page.accessPolicies ?? []).flatMap((p) => (p.arn ? [p.arn] : [])));
        nextToken = page.nextToken;
      } while (nextToken);
      return [...new Set(out)].sort(compare);
    });
  }

  async getRole(roleArn: string): Promise<LiveRole | null> {
    const roleName = roleNameOfArn(roleArn);
    if (roleName === undefined) return null;
    const answer = await callAwsOrAbsent('GetRole', `role ${roleArn}`, () =>
      this.pacers.send<GetRoleCommandOutput>(this.session.clients.iam, new GetRoleCommand({ RoleName: roleName })),
    );
    return answer?.Role ? toLiveRole(answer.Role) : null;
  }

  async getUser(userArn: string): Promise<LiveUser | null> {
    const userName = userArn.split('/').pop() ?? '';
    const answer = await callAwsOrAbsent('GetUser', `user ${userArn}`, () =>
      this.pacers.send<GetUserCommandOutput>(this.session.clients.iam, new GetUserCommand({ UserName: userName })),
    );
    return answer?.User ? toLiveUser(answer.User) : null;
  }
}
