import type { AccountListing, ClusterListing } from '../manifest/cluster-list.js';

/**
 * JSON is one line, so a workflow step can write it to GITHUB_OUTPUT as `clusters=<json>` and a
 * later job can use `fromJSON` on it as a matrix. Text is an aligned table for people.
 */
export function renderClusterList(clusters: readonly ClusterListing[], format: 'text' | 'json'): string {
  if (format === 'json') return JSON.stringify(clusters);
  const rows = [['NAME', 'REGION', 'ACCOUNT', 'ASSUME ROLE'], ...clusters.map((c) => [c.name, c.region, c.accountId ?? '-', c.assumeRoleArn ?? '-'])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}

/** The account grouping: JSON as above; text one line per account with its clusters. */
export function renderAccountList(accounts: readonly AccountListing[], format: 'text' | 'json'): string {
  if (format === 'json') return JSON.stringify(accounts.map(({ names: _names, ...rest }) => rest));
  const width = Math.max(7, ...accounts.map((a) => a.accountId.length));
  return [`${'ACCOUNT'.padEnd(width)}  CLUSTERS`, ...accounts.map((a) => `${a.accountId.padEnd(width)}  ${a.names.join(', ')}`)].join('\n');
}
