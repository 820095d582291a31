import type { Change, ClusterPlan, Finding, Plan } from '../model/plan.js';
import { formatLocation } from '../model/source.js';
import { changeDetails, countsLine, findingsLine, KIND_LABEL, NONE, noChangesLine, type Detail } from './describe.js';
import { code, escapeHtml, escapeMarkdownText } from './escape.js';
import { fenceFor } from './policy-document.js';

/** GitHub refuses comment bodies over 65,536 characters; the margin leaves room for a marker and a footer. */
export const DEFAULT_MARKDOWN_MAX_LENGTH = 65_536 - 1_536;

export interface MarkdownOptions {
  title?: string;
  /**
   * Longest output allowed (default DEFAULT_MARKDOWN_MAX_LENGTH, so the result fits a PR comment);
   * longer plans are cut cleanly with a pointer to the full plan. `Infinity` never cuts.
   */
  maxLength?: number;
  /** Where the full plan can be read when this one is cut. */
  fullPlanHint?: string;
}

const ACTION_MARK: Record<Change['action'], string> = { create: '🟢 create', update: '🟡 update', replace: '🟠 replace', delete: '🔴 delete', unmanaged: '⚪ unmanaged' };
const SEVERITY_MARK: Record<Finding['severity'], string> = { error: '❌ **error**', warning: '⚠️ warning', info: 'ℹ️ info' };

/**
 * The plan as GitHub Markdown: title, one-line summary, findings first, then one collapsible
 * section per cluster with a table of changes. All user and AWS text is escaped.
 */
export function renderPlanMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const head = [`### ${escapeMarkdownText(options.title ?? 'eks-identity plan')}`, '', summaryLine(plan), ''];
  const findingRows = plan.clusters.flatMap((c) => c.findings.filter((f) => f.severity !== 'info').map((f) => findingRow(c, f)));
  const findingsBlock = findingRows.length > 0 ? ['#### Findings', '', ...findingRows, ''] : [];
  const sections = plan.clusters.map(clusterSection);
  const total = plan.clusters.reduce((n, c) => n + c.changes.length, 0);
  const full = [...head, ...findingsBlock, ...sections.flatMap((s) => [...s.open, ...s.rows, ...s.close])].join('\n');
  const max = options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH;
  if (full.length <= max) return full;

  // Too long: keep the head, then whole lines while they fit, and always close what is open.
  const hint = options.fullPlanHint ?? 'the job summary';
  const notice = (shown: number) => `\n> [!WARNING]\n> Plan truncated to fit: ${shown} of ${total} changes shown. See ${hint} for the full plan.\n`;
  const budget = max - notice(total).length - 16;
  const out: string[] = [];
  let length = 0;
  const fits = (lines: string[]) => length + lines.reduce((n, l) => n + l.length + 1, 0) <= budget;
  const add = (lines: string[]) => {
    out.push(...lines);
    length += lines.reduce((n, l) => n + l.length + 1, 0);
  };
  add(head.map((l) => l.slice(0, Math.max(0, budget - 200))));
  for (const line of findingsBlock) if (fits([line])) add([line]);
  let shown = 0;
  for (const s of sections) {
    if (!fits([...s.open, ...s.close])) break;
    add(s.open);
    for (const row of s.rows) {
      if (!fits([row, ...s.close])) break;
      add([row]);
      if (row.startsWith('| ')) shown += 1;
    }
    add(s.close);
  }
  return `${out.join('\n')}${notice(shown)}`;
}

function summaryLine(plan: Plan): string {
  const changes = plan.summary.create + plan.summary.update + plan.summary.replace + plan.summary.delete;
  const counts = changes > 0 ? `**${countsLine(plan.summary)}**` : plan.summary.errors === 0 ? '**No changes.** Live state matches the manifest.' : `**${noChangesLine(plan)}**`;
  return `${counts} · ${findingsLine(plan.summary, ' · ')} · ${plan.clusters.length} cluster${plan.clusters.length === 1 ? '' : 's'} · fingerprint ${code(plan.fingerprint.slice(0, 12))}`;
}

function findingRow(c: ClusterPlan, f: Finding): string {
  const key = f.key ? ` ${code(f.key)}` : '';
  const where = f.source ? ` (${code(formatLocation(f.source))})` : '';
  const fix = f.fix ? `<br>Fix: ${escapeMarkdownText(f.fix)}` : '';
  return `- ${SEVERITY_MARK[f.severity]} ${code(f.code)} on **${escapeMarkdownText(c.name)}**${key}${where}: ${escapeMarkdownText(f.message)}${fix}`;
}

function clusterSection(c: ClusterPlan): { open: string[]; rows: string[]; close: string[] } {
  const counts = { create: 0, update: 0, replace: 0, delete: 0 };
  for (const ch of c.changes) if (ch.action !== 'unmanaged') counts[ch.action] += 1;
  const errors = c.findings.filter((f) => f.severity === 'error').length;
  const warnings = c.findings.filter((f) => f.severity === 'warning').length;
  const open = errors > 0 || c.changes.some((ch) => ch.action !== 'unmanaged') ? ' open' : '';
  const account = c.accountId ? `, ${escapeHtml(c.accountId)}` : '';
  const header = [
    `<details${open}><summary><b>${escapeHtml(c.name)}</b> (${escapeHtml(c.region)}${account}): ${countsLine(counts)} · ${findingsLine({ errors, warnings }, ' · ')}</summary>`,
    '',
  ];
  const infos = c.findings.filter((f) => f.severity === 'info').map((f) => `> ${escapeMarkdownText(f.message)}`);
  if (c.changes.length === 0) {
    return { open: header, rows: ['No changes on this cluster.', '', ...(infos.length > 0 ? [...infos, ''] : [])], close: ['</details>', ''] };
  }
  return {
    open: [...header, '| action | kind | key | details |', '|---|---|---|---|'],
    rows: [...c.changes.map(changeRow), ...c.changes.flatMap(documentBlocks)],
    close: ['', ...(infos.length > 0 ? [...infos, ''] : []), '</details>', ''],
  };
}

function changeRow(ch: Change): string {
  const details = changeDetails(ch).map(detailCell);
  return `| ${ACTION_MARK[ch.action]} | ${KIND_LABEL[ch.kind]} | ${code(ch.id)} | ${details.join('<br>')} |`;
}

/** Values in code spans, so user text is shown literally; reasons are prose. */
function detailCell(d: Detail): string {
  const label = code(d.label);
  const side = (v: string | undefined) => (v === undefined ? `*${NONE}*` : v === '' ? '*(empty)*' : code(v));
  if ('document' in d) return `${label}: *${d.diff ? 'changed, diff' : 'document'} below the table*`;
  if ('note' in d) return `${label}: ${escapeMarkdownText(d.note)}`;
  if ('value' in d) return `${label}: ${side(d.value)}`;
  return `${label}: ${side(d.before)} → ${side(d.after)}`;
}

/**
 * Policy documents of a change, one collapsed block each below the cluster's table: indented JSON,
 * or a diff for an update. A fenced block shows its text literally; the fence is longer than any
 * backtick run in the document, so user text cannot end it.
 */
function documentBlocks(ch: Change): string[] {
  return changeDetails(ch).flatMap((d) => {
    if (!('document' in d)) return [];
    const fence = fenceFor(d.document);
    const summary = `${ACTION_MARK[ch.action]} ${escapeHtml(KIND_LABEL[ch.kind])} <code>${escapeHtml(ch.id)}</code>: <code>${escapeHtml(d.label)}</code>`;
    return [['', `<details><summary>${summary}</summary>`, '', `${fence}${d.diff ? 'diff' : 'json'}`, ...d.document, fence, '', '</details>'].join('\n')];
  });
}
