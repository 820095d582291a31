/**
 * The physical floor of a workload: the emulator throttles each operation on its own token bucket
 * (`rps` sustained, `burst` to start with), so the calls of one operation cannot finish sooner than
 * (calls − burst) / rps after the first, and operations run side by side. The floor is the slowest
 * operation's time plus one round trip (the last answer still has to travel).
 */

export interface RateLimit {
  rps: number;
  burst: number;
  /** Smallest latency of one call. */
  latencyMs: number;
}

export type CallCounts = Record<string, number>;

export interface Floor {
  seconds: number;
  /** The operation that sets the floor. */
  operation: string;
}

export function floorOf(minimumCalls: CallCounts, limit: RateLimit): Floor {
  let worst: Floor = { seconds: 0, operation: '-' };
  for (const [operation, calls] of Object.entries(minimumCalls)) {
    const seconds = Math.max(0, calls - limit.burst) / limit.rps;
    if (seconds > worst.seconds) worst = { seconds, operation };
  }
  return { seconds: worst.seconds + limit.latencyMs / 1000, operation: worst.operation };
}

/** Calls over the minimum (retries and extra reads); never negative. */
export function extraCalls(calls: CallCounts, minimum: CallCounts): number {
  return Math.max(0, sum(calls) - sum(minimum));
}

export function sum(calls: CallCounts): number {
  return Object.values(calls).reduce((n, c) => n + c, 0);
}

export function addCalls(...all: CallCounts[]): CallCounts {
  const out: CallCounts = {};
  for (const calls of all) for (const [op, n] of Object.entries(calls)) if (n > 0) out[op] = (out[op] ?? 0) + n;
  return out;
}

/** List pages of up to 100 items; one page even for an empty list. */
export function pagesOf(items: number): number {
  return Math.max(1, Math.ceil(items / 100));
}

export interface ClusterReadShape {
  /** Live objects (lists are read in full). */
  liveAssociations: number;
  liveAccessEntries: number;
  addons: number;
  /** Objects described (all live ones with prune, the declared ones otherwise). */
  describedAssociations: number;
  describedAccessEntries: number;
  /** Entries whose policies are listed (default: every described one; prune: owned lists only its own). */
  entriesWithPolicies?: number;
  /** List calls when fewer than the full lists find what is needed (prune off: see targetedListCalls). */
  associationLists?: number;
  accessEntryLists?: number;
}

/**
 * The fewest ListPodIdentityAssociations calls that find `declared` associations (grouped by
 * namespace) with prune off: the whole list, or per declared namespace the fewer of one call per
 * service account (filtered by namespace and service account) and the namespace's own pages
 * (filtered by namespace). Entries need no list at all: DescribeAccessEntry takes the principal.
 */
export function targetedListCalls(liveTotal: number, declaredByNamespace: ReadonlyMap<string, { declared: number; live: number }>): number {
  let perNamespace = 0;
  for (const { declared, live } of declaredByNamespace.values()) perNamespace += Math.min(declared, pagesOf(live));
  return Math.min(pagesOf(liveTotal), perNamespace);
}

/**
 * The fewest calls a read can make: the lists (or, prune off, the fewest that find the declared
 * objects), one describe per object the plan needs, one policy list per entry the plan needs, one GetRole per distinct role and one GetUser per distinct IAM user of
 * a declared entry (`roles`, `users`: over all clusters of the account), and one
 * GetCallerIdentity per account and region.
 */
export function minimumReadCalls(clusters: readonly ClusterReadShape[], roles: number, users = 0, sessions = 1): CallCounts {
  const each = clusters.map(
    (c): CallCounts => ({
      DescribeCluster: 1,
      ListAddons: pagesOf(c.addons),
      ListPodIdentityAssociations: c.associationLists ?? pagesOf(c.liveAssociations),
      ListAccessEntries: c.accessEntryLists ?? pagesOf(c.liveAccessEntries),
      DescribePodIdentityAssociation: c.describedAssociations,
      DescribeAccessEntry: c.describedAccessEntries,
      ListAssociatedAccessPolicies: c.entriesWithPolicies ?? c.describedAccessEntries,
    }),
  );
  return addCalls(...each, { GetRole: roles, GetUser: users, GetCallerIdentity: sessions });
}
