/*
 * How readLiveCluster finds and describes a cluster's associations and access entries: every
 * object with prune on, only the declared ones with prune off (targeted-read.ts finds them).
 */
import type { DesiredCluster } from '../model/desired.js';
import type { LiveAccessEntry, LiveAssociation, LiveAssociationSummary } from '../model/live.js';
import { mapWithConcurrency, startWorkPool } from './concurrency.js';
import { findDeclaredAccessEntries, findDeclaredAssociations, type FoundAccessEntries, type FoundAssociations, type ListPages } from './targeted-read.js';

/** The list calls of one cluster: page by page (ListPages) and in full. */
export interface ObjectLister extends ListPages {
  listAssociations(): Promise<LiveAssociationSummary[]>;
  listAccessEntries(): Promise<string[]>;
}

export type DescribeJob = { kind: 'association'; summary: LiveAssociationSummary } | { kind: 'entry'; principalArn: string };

/** What readEveryObject and readDeclaredObjects need from readLiveCluster. */
export interface ObjectReads {
  reader: ObjectLister;
  limit: number;
  /** False in ConfigMap-only mode, where the access entry calls are refused. */
  entriesAvailable: boolean;
  /** Raises the progress total by this many units of work. */
  moreWork(units: number): void;
  describe(job: DescribeJob): Promise<LiveAssociation | LiveAccessEntry | undefined>;
  /** Called once every object to describe is known (the list calls are done; describes may still run). */
  found?(): void;
}

interface ObjectsRead {
  foundAssociations: FoundAssociations;
  foundEntries: FoundAccessEntries;
  described: Array<LiveAssociation | LiveAccessEntry | undefined>;
}

/**
 * Prune on: both lists in full, then every object described. The two kinds share one bound (the
 * limit is per cluster, not per kind) and are interleaved, so that each operation (throttled on
 * its own) is busy for the whole read, not one after the other.
 */
export async function readEveryObject({ reader, limit, entriesAvailable, moreWork, describe, found }: ObjectReads): Promise<ObjectsRead> {
  const [summaries, listed] = await Promise.all([reader.listAssociations(), entriesAvailable ? reader.listAccessEntries() : Promise.resolve([])]);
  found?.();
  const jobs = interleave(
    summaries.map((summary): DescribeJob => ({ kind: 'association', summary })),
    listed.map((principalArn): DescribeJob => ({ kind: 'entry', principalArn })),
  );
  moreWork(jobs.length);
  return {
    foundAssociations: { summaries, complete: true },
    foundEntries: { listed, complete: true, toDescribe: listed },
    described: await mapWithConcurrency(jobs, limit, describe),
  };
}

/**
 * Prune off: the declared objects only (targeted-read.ts). Each is described as soon as it is
 * found: an entry once the first page of the entry list is read, an association as the page that
 * holds it arrives, so the describes start while the namespaces are still being searched. Each
 * kind has its own bound here; in one shared queue the entries, all known early, would hold every
 * slot while they wait for their operation's rate, and the associations would queue behind them.
 */
export async function readDeclaredObjects(
  { reader, limit, entriesAvailable, moreWork, describe, found: allFound }: ObjectReads,
  desired: DesiredCluster,
  isDeclared: (summary: LiveAssociationSummary) => boolean,
): Promise<ObjectsRead> {
  const pool = startWorkPool(limit, describe);
  const scheduled = new Set<string>();
  const onPage = (items: readonly LiveAssociationSummary[]) => {
    const fresh = items.filter((s) => isDeclared(s) && !scheduled.has(s.associationId));
    for (const summary of fresh) {
      scheduled.add(summary.associationId);
      pool.add({ kind: 'association', summary });
    }
    if (fresh.length > 0) moreWork(fresh.length);
  };
  let kindsFound = 0;
  const kindFound = () => {
    if (++kindsFound === 2) allFound?.();
  };
  const associations = (async () => {
    let found: FoundAssociations;
    try {
      found = await findDeclaredAssociations(reader, desired.associations, limit, onPage);
      kindFound();
    } catch (err) {
      // Let the describes already started settle: no work is left running unobserved.
      await pool.close().catch(() => undefined);
      throw err;
    }
    return { found, described: await pool.close() };
  })();
  const entries = (async () => {
    const found: FoundAccessEntries = entriesAvailable
      ? await findDeclaredAccessEntries(reader, desired.accessEntries.map((e) => e.principalArn))
      : { listed: [], complete: true, toDescribe: [] };
    kindFound();
    moreWork(found.toDescribe.length);
    const jobs = found.toDescribe.map((principalArn): DescribeJob => ({ kind: 'entry', principalArn }));
    return { found, described: await mapWithConcurrency(jobs, limit, describe) };
  })();
  const [a, e] = await Promise.all([associations, entries]);
  return { foundAssociations: a.found, foundEntries: e.found, described: [...a.described, ...e.described] };
}

/** Merges two lists so that each advances at its share of the total (both end together); order within each is kept. */
export function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    // Take from `a` while it is behind its share of what has been merged so far.
    if (j >= b.length || (i < a.length && (i + 1) * b.length <= (j + 1) * a.length)) out.push(a[i++] as T);
    else out.push(b[j++] as T);
  }
  return out;
}
