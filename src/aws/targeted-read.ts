import type { LiveAssociationSummary } from '../model/live.js';
import { compare } from './live-convert.js';
import { mapWithConcurrency } from './concurrency.js';

/*
 * With prune off the plan needs the declared objects only, and a cluster may hold thousands of
 * others. How to find the declared ones without listing them all, call for call and second for
 * second, when the cluster's size is unknown until it is listed:
 *
 * - A listing costs one call per 100 objects, and its pages come one after another; a targeted
 *   read costs one call per declared key, and they run side by side at the operation's rate.
 * - The first page of each list is always read (a listing needs it anyway). When it is the whole
 *   list, the listing is complete for one call: nothing absent is asked for, and undeclared
 *   objects are counted. Most clusters end here.
 * - Otherwise the cluster holds more than a page, and the rest of the listing would cost between
 *   1 and quota/100 − 1 more calls, one round trip each, in sequence. A second page of the whole
 *   list is read when it costs fewer calls than what it may save (one call per namespace with keys
 *   still unfound): when it ends the list (up to 200 objects), it took the round trip that the
 *   filtered lists would have taken; when it does not, it cost one round trip more. Beyond two
 *   pages a listing only gets slower. Then:
 *   · Access entries are described by principal (404 = absent). Every declared entry that exists
 *     has to be described anyway, so a targeted describe is wasted only when the entry is absent,
 *     and each absent entry is a create the apply will make: the waste is at most one call per
 *     create. The rest of the listing is never needed.
 *   · Associations: the describe needs the association id, which only the list call gives.
 *     ListPodIdentityAssociations filters by namespace (and service account), so each declared
 *     namespace is found on its own, all namespaces side by side. A namespace with one unfound key
 *     is asked for that service account (one call, the least possible). A namespace with k ≥ 2 is
 *     listed page by page while the pages read stay below the keys still unfound there, then the
 *     rest are asked for one by one: at most twice the calls of the better of the two (the
 *     rent-or-buy bound), and never more pages in a row than keys.
 * - The undeclared objects were then not counted: the plan says so (UNDECLARED_NOT_COUNTED).
 */

/** Pages of the whole association list read one after another before targeted reads take over. */
const SEQUENTIAL_PAGES = 2;

/** One page of a list, as EKS answers it. */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** Every item of a list, asking for page after page until there is no next token. */
export async function allPages<T>(page: (nextToken?: string) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let nextToken: string | undefined;
  do {
    const answer = await page(nextToken);
    out.push(...answer.items);
    nextToken = answer.nextToken;
  } while (nextToken);
  return out;
}

/** The list calls the strategy needs (the reader implements them with the SDK). */
export interface ListPages {
  associations(filter: { namespace?: string; serviceAccount?: string }, nextToken?: string): Promise<Page<LiveAssociationSummary>>;
  accessEntries(nextToken?: string): Promise<Page<string>>;
}

export interface FoundAssociations {
  /** Every association seen (complete: all of the cluster's), sorted. */
  summaries: LiveAssociationSummary[];
  complete: boolean;
}

export interface FoundAccessEntries {
  /** Principals seen on the list (complete: all of the cluster's). */
  listed: string[];
  complete: boolean;
  /** Declared principals to describe: those listed, or every declared one the page did not show. */
  toDescribe: string[];
}

/**
 * Finds the declared associations (see above). `declared`: keys as namespace and service account.
 * `onPage` sees each page's associations as it arrives, so their describes need not wait for the
 * slowest namespace (the same association may come twice: on a page of the whole list and of its namespace).
 */
export async function findDeclaredAssociations(
  pages: ListPages,
  declared: ReadonlyArray<{ namespace: string; serviceAccount: string }>,
  limit: number,
  onPage: (items: readonly LiveAssociationSummary[]) => void = () => undefined,
): Promise<FoundAssociations> {
  const seen = new Map<string, LiveAssociationSummary>();
  const paged = async (filter: { namespace?: string; serviceAccount?: string }, nextToken?: string) => {
    const page = await pages.associations(filter, nextToken);
    onPage(page.items);
    return page;
  };
  const reporting: ListPages = { associations: paged, accessEntries: (nextToken) => pages.accessEntries(nextToken) };
  const unfoundByNamespace = () => {
    const found = new Set([...seen.values()].map(keyOf));
    const unfound = new Map<string, string[]>();
    for (const d of declared) if (!found.has(keyOf(d))) unfound.set(d.namespace, [...(unfound.get(d.namespace) ?? []), d.serviceAccount]);
    return unfound;
  };
  let page: Page<LiveAssociationSummary> | undefined;
  for (let read = 0; read < SEQUENTIAL_PAGES && (read === 0 || (page?.nextToken !== undefined && read < unfoundByNamespace().size)); read++) {
    page = await paged({}, page?.nextToken);
    for (const s of page.items) seen.set(s.associationId, s);
  }
  if (page?.nextToken === undefined) return { summaries: sortSummaries(seen), complete: true };
  const unfound = unfoundByNamespace();
  const perNamespace = await mapWithConcurrency([...unfound], limit, ([namespace, accounts]) => findInNamespace(reporting, namespace, accounts, limit));
  for (const s of perNamespace.flat()) seen.set(s.associationId, s);
  return { summaries: sortSummaries(seen), complete: false };
}

/** Finds the declared access entries (see above). */
export async function findDeclaredAccessEntries(pages: ListPages, declared: readonly string[]): Promise<FoundAccessEntries> {
  const first = await pages.accessEntries();
  const listed = [...new Set(first.items)].sort(compare);
  const onPage = new Set(listed);
  const complete = first.nextToken === undefined;
  return { listed, complete, toDescribe: complete ? declared.filter((p) => onPage.has(p)) : [...declared] };
}

async function findInNamespace(pages: ListPages, namespace: string, accounts: readonly string[], limit: number): Promise<LiveAssociationSummary[]> {
  const out: LiveAssociationSummary[] = [];
  const unfound = new Set(accounts);
  let pagesRead = 0;
  let nextToken: string | undefined;
  // Rent (a page of the namespace) while it costs less than buying (one call per unfound key).
  while (unfound.size >= 2 && pagesRead < unfound.size) {
    const page: Page<LiveAssociationSummary> = await pages.associations({ namespace }, nextToken);
    pagesRead++;
    out.push(...page.items);
    for (const s of page.items) unfound.delete(s.serviceAccount);
    nextToken = page.nextToken;
    if (nextToken === undefined) return out;
  }
  const single = await mapWithConcurrency([...unfound], limit, async (serviceAccount) => (await pages.associations({ namespace, serviceAccount })).items);
  return [...out, ...single.flat()];
}

function keyOf(s: { namespace: string; serviceAccount: string }): string {
  return `${s.namespace}\u0000${s.serviceAccount}`;
}

function sortSummaries(byId: Map<string, LiveAssociationSummary>): LiveAssociationSummary[] {
  return [...byId.values()].sort((a, b) => compare(a.namespace, b.namespace) || compare(a.serviceAccount, b.serviceAccount) || compare(a.associationId, b.associationId));
}
