import type { Change, Finding, Plan } from '../model/plan.js';
import { formatLocation } from '../model/source.js';
import { countsLine, detailLines, findingsLine, KIND_LABEL, noChangesLine, objectName } from './describe.js';
import { neutralizeWorkflowCommands, oneLine } from './escape.js';

export interface TextOptions {
  /** ANSI colours (only for a terminal). */
  color?: boolean;
}

/** The plan's mark for each action (the apply report shows the same marks). */
export const ACTION_SYMBOL: Record<Change['action'], string> = { create: '+', update: '~', replace: '-/+', delete: '-', unmanaged: '·' };
const COLOR: Record<Change['action'] | Finding['severity'], number> = { create: 32, update: 33, replace: 35, delete: 31, unmanaged: 90, error: 31, warning: 33, info: 90 };

/** The plan for a terminal, in the spirit of `terraform plan`. */
export function renderPlanText(plan: Plan, options: TextOptions = {}): string {
  const paint = (color: number, text: string) => (options.color ? `\x1b[${color}m${text}\x1b[0m` : text);
  const bold = (text: string) => (options.color ? `\x1b[1m${text}\x1b[0m` : text);
  const changes = plan.summary.create + plan.summary.update + plan.summary.replace + plan.summary.delete;
  const lines: string[] = [];
  lines.push(bold(changes > 0 ? `Plan: ${countsLine(plan.summary)}.` : noChangesLine(plan)));
  lines.push(`${findingsLine(plan.summary)} · fingerprint ${oneLine(plan.fingerprint)}`);
  for (const c of plan.clusters) {
    lines.push('', bold(oneLine(`Cluster ${c.name} (${c.region}${c.accountId ? `, account ${c.accountId}` : ''})`)));
    for (const f of c.findings) {
      const where = f.source ? ` [${formatLocation(f.source)}]` : '';
      const key = f.key ? ` ${oneLine(f.key)}` : '';
      lines.push(`  ${paint(COLOR[f.severity], `${f.severity} ${f.code}`)}${key}: ${oneLine(f.message)}${where}`);
      if (f.fix) lines.push(`      fix: ${oneLine(f.fix)}`);
    }
    if (c.changes.length === 0) lines.push('  no changes');
    for (const ch of c.changes) {
      lines.push(`  ${paint(COLOR[ch.action], `${ACTION_SYMBOL[ch.action].padStart(3)} ${ch.action}`)} ${KIND_LABEL[ch.kind]} ${oneLine(objectName(ch))}`);
      for (const detail of detailLines(ch)) lines.push(`        ${oneLine(detail)}`);
    }
  }
  // A line whose text starts with `::` would be a workflow command in a CI log.
  return neutralizeWorkflowCommands(`${lines.join('\n')}\n`);
}
