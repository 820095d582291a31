import type { ApplyReport, ApplyResult } from '../apply/types.js';
import { ACTION_SYMBOL } from './text.js';
import { escapeCode, escapeHtml, escapeMarkdownText, neutralizeWorkflowCommands, oneLine } from './escape.js';

export type ApplyReportFormat = 'text' | 'markdown' | 'json';

export interface ApplyReportRenderOptions {
  /** Markdown only: a heading line before the summary. */
  title?: string;
  /** Text only: ANSI colours. */
  color?: boolean;
}

/** The apply report for a terminal (text), a PR comment or job summary (markdown), or machines (json). */
export function renderApplyReport(report: ApplyReport, format: ApplyReportFormat, options: ApplyReportRenderOptions = {}): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'markdown':
      return renderMarkdown(report, options);
    case 'text':
      return renderText(report, options);
  }
}

/** `5 applied, 1 adopted, 0 skipped, 1 failed` — the counts of the four outcomes. */
export function summarizeApplyReport(report: ApplyReport): string {
  const s = report.summary;
  return `${s.applied} applied, ${s.adopted} adopted, ${s.skipped} skipped, ${s.failed} failed`;
}

// The mark is the action's, as in the plan (a delete is `-` whatever its outcome); the colour and the word give the outcome.
const ANSI: Record<ApplyResult['outcome'], string> = { applied: '\x1b[32m', adopted: '\x1b[36m', skipped: '\x1b[33m', failed: '\x1b[31m' };

function renderText(report: ApplyReport, options: ApplyReportRenderOptions): string {
  const paint = (outcome: ApplyResult['outcome'], text: string) => (options.color ? `${ANSI[outcome]}${text}\x1b[0m` : text);
  const lines: string[] = [];
  if (report.results.length === 0) {
    lines.push(`Apply of plan ${shortFingerprint(report)}: no changes to apply.`);
    return `${lines.join('\n')}\n`;
  }
  for (const [cluster, results] of byCluster(report.results)) {
    lines.push(`cluster ${oneLine(cluster)}:`);
    for (const r of results) {
      lines.push(`  ${paint(r.outcome, `${ACTION_SYMBOL[r.action].padEnd(3)} ${r.outcome.padEnd(7)}`)} ${r.action.padEnd(7)} ${oneLine(r.changeId)}${attemptsNote(r)}`);
      const detail = detailOf(r);
      if (detail !== undefined) lines.push(`      ${oneLine(detail).replace(/\s{2,}/g, ' ')}`);
    }
    lines.push('');
  }
  const verdict = report.summary.ok ? 'Apply complete' : 'Apply incomplete';
  lines.push(`${verdict} (plan ${shortFingerprint(report)}): ${summarizeApplyReport(report)} of ${report.summary.total} in ${seconds(report.summary.durationMs)}.`);
  const stopped = timedOutNote(report);
  if (stopped !== undefined) lines.push(stopped);
  return neutralizeWorkflowCommands(`${lines.join('\n')}\n`);
}

const MD_MARK: Record<ApplyResult['outcome'], string> = { applied: '✅ applied', adopted: '🔁 adopted', skipped: '⏭️ skipped', failed: '❌ failed' };

function renderMarkdown(report: ApplyReport, options: ApplyReportRenderOptions): string {
  const parts: string[] = [];
  if (options.title !== undefined) parts.push(`### ${escapeMarkdownText(options.title)}`);
  const s = report.summary;
  parts.push(
    report.results.length === 0
      ? `No changes to apply (plan \`${shortFingerprint(report)}\`).`
      : `**${summarizeApplyReport(report)}** of ${s.total} · plan \`${shortFingerprint(report)}\` · ${seconds(s.durationMs)}`,
  );
  const stopped = timedOutNote(report);
  if (stopped !== undefined) parts.push(`> [!WARNING]\n> ${stopped}`);
  // What needs attention comes before the full list.
  const attention = report.results.filter((r) => r.outcome === 'failed' || r.outcome === 'skipped');
  if (attention.length > 0) {
    parts.push(
      attention
        .map((r) => `- ${MD_MARK[r.outcome]} \`${escapeCode(r.changeId)}\` on **${escapeMarkdownText(r.clusterName)}**: ${escapeMarkdownText(detailOf(r) ?? '')}`)
        .join('\n'),
    );
  }
  for (const [cluster, results] of byCluster(report.results)) {
    const counts = countOutcomes(results);
    const open = results.some((r) => r.outcome === 'failed' || r.outcome === 'skipped') ? ' open' : '';
    const rows = results.map(
      (r) =>
        `| ${MD_MARK[r.outcome]} | ${r.action} | ${r.kind} | \`${escapeCode(r.changeId)}\` | ${r.attempts} | ${escapeMarkdownText(detailOf(r) ?? '')} |`,
    );
    parts.push(
      [
        `<details${open}><summary><b>${escapeHtml(cluster)}</b>: ${counts}</summary>`,
        '',
        '| outcome | action | kind | key | calls | details |',
        '| --- | --- | --- | --- | --- | --- |',
        ...rows,
        '',
        '</details>',
      ].join('\n'),
    );
  }
  return `${parts.join('\n\n')}\n`;
}

/** What a run stopped by its time limit did and did not do, and what to do next. */
function timedOutNote(report: ApplyReport): string | undefined {
  const t = report.summary.timedOut;
  if (!t) return undefined;
  const done = report.summary.applied + report.summary.adopted;
  return `Stopped by the time limit (${seconds(t.limitMs)}): ${done} change(s) done, ${t.notStarted} not started; the changes in flight finished. Run plan to see what is left, and apply again to finish.`;
}

function detailOf(r: ApplyResult): string | undefined {
  if (r.error) {
    const facts = [r.error.status === undefined ? undefined : `HTTP ${r.error.status}`, r.error.requestId && `request id ${r.error.requestId}`].filter(Boolean).join(', ');
    return `${r.error.operation}: ${r.error.name}${facts ? ` (${facts})` : ''}: ${r.error.message}`;
  }
  return r.reason;
}

function attemptsNote(r: ApplyResult): string {
  return r.attempts > 1 ? ` (${r.attempts} calls)` : '';
}

function byCluster(results: readonly ApplyResult[]): Map<string, ApplyResult[]> {
  const map = new Map<string, ApplyResult[]>();
  for (const r of results) map.set(r.clusterName, [...(map.get(r.clusterName) ?? []), r]);
  return map;
}

function countOutcomes(results: readonly ApplyResult[]): string {
  const order: ApplyResult['outcome'][] = ['applied', 'adopted', 'skipped', 'failed'];
  return order
    .map((o) => [o, results.filter((r) => r.outcome === o).length] as const)
    .filter(([, n]) => n > 0)
    .map(([o, n]) => `${n} ${o}`)
    .join(', ');
}

function shortFingerprint(report: ApplyReport): string {
  return report.fingerprint.slice(0, 12);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
