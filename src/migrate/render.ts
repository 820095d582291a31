/**
 * Migration-specific rendering: the summary of what a migration found and could not convert (its
 * trust policy changes are plan changes, shown as line diffs by the plan renderers). Pure.
 */
import type { Finding } from '../model/plan.js';
import { formatLocation } from '../model/source.js';
import { code, escapeMarkdownText } from '../render/escape.js';
import type { NotConvertible } from './types.js';

/** Not-convertible items and the migration's own findings, for the terminal or a pull request body. */
export function renderMigrationNotes(notConvertible: readonly NotConvertible[], findings: readonly Finding[], format: 'text' | 'markdown'): string {
  const lines: string[] = [];
  const md = format === 'markdown';
  if (notConvertible.length > 0) {
    lines.push(md ? `### Not converted (${notConvertible.length})\n` : `Not converted (${notConvertible.length}):`);
    for (const n of notConvertible) {
      const where = formatLocation(n.source);
      const text = md
        ? `${code(n.subject)}${where ? ` (${code(where)})` : ''}: ${escapeMarkdownText(n.reason)}${n.fix ? ` — ${escapeMarkdownText(n.fix)}` : ''}`
        : `${n.subject}${where ? ` (${where})` : ''}: ${n.reason}${n.fix ? ` — ${n.fix}` : ''}`;
      lines.push(md ? `- ${text}` : `  - ${text}`);
    }
    lines.push('');
  }
  if (findings.length > 0) {
    lines.push(md ? `### Findings (${findings.length})\n` : `Findings (${findings.length}):`);
    for (const f of findings) {
      const where = formatLocation(f.source);
      const text = md
        ? `${where ? `${code(where)}: ` : ''}${f.severity} ${code(f.code)}: ${escapeMarkdownText(f.message)}${f.fix ? ` — fix: ${escapeMarkdownText(f.fix)}` : ''}`
        : `${where ? `${where}: ` : ''}${f.severity} ${f.code}: ${f.message}${f.fix ? `\n      fix: ${f.fix}` : ''}`;
      lines.push(md ? `- ${text}` : `  ${text}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

