/**
 * Migration-specific rendering: trust policy changes as a JSON line diff, and the summary of what
 * a migration found and could not convert. Pure text in, text out.
 */
import type { Change, Finding, Plan, TrustPolicyValue } from '../model/plan.js';
import { formatLocation } from '../model/source.js';
import { code, escapeMarkdownText } from '../render/escape.js';
import type { NotConvertible } from './types.js';

/** Pretty JSON of both documents, compared line by line: `-` removed, `+` added, ` ` kept. */
export function diffJsonLines(before: unknown, after: unknown): string[] {
  const a = before === undefined ? [] : JSON.stringify(before, null, 2).split('\n');
  const b = after === undefined ? [] : JSON.stringify(after, null, 2).split('\n');
  // Longest common subsequence: trust policies are a few dozen lines, so O(n·m) is nothing.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      out.push(`+ ${b[j]}`);
      j++;
    } else {
      out.push(`- ${a[i]}`);
      i++;
    }
  }
  return out;
}

/** The trust policy document of a change value (canonical JSON text) as an object. */
function documentOf(value: Change['before']): unknown {
  if (!value || !('document' in value)) return undefined;
  try {
    return JSON.parse((value as TrustPolicyValue).document) as unknown;
  } catch {
    return (value as TrustPolicyValue).document;
  }
}

/** Every trustPolicy change of the plan, as text (terminal) or Markdown (```diff blocks). */
export function renderTrustPolicyChanges(plan: Plan, format: 'text' | 'markdown'): string {
  const parts: string[] = [];
  for (const cluster of plan.clusters) {
    for (const change of cluster.changes.filter((c) => c.kind === 'trustPolicy')) {
      const roleArn = (change.after as TrustPolicyValue | undefined)?.roleArn ?? (change.before as TrustPolicyValue | undefined)?.roleArn ?? change.id;
      const lines = diffJsonLines(documentOf(change.before), documentOf(change.after));
      if (format === 'markdown') {
        const fence = fenceFor(lines);
        const reason = change.reason ? `\n\n${escapeMarkdownText(change.reason)}` : '';
        parts.push(`#### ~ trust policy of ${code(roleArn)} (cluster ${escapeMarkdownText(cluster.name)})${reason}\n\n${fence}diff\n${lines.join('\n')}\n${fence}\n`);
      } else {
        parts.push(`  ~ trust policy ${roleArn}${change.reason ? ` (${change.reason})` : ''}\n${lines.map((l) => `      ${l}`).join('\n')}\n`);
      }
    }
  }
  return parts.join('\n');
}

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

/** A code fence longer than any run of backticks inside, so policy text cannot close it early. */
function fenceFor(lines: readonly string[]): string {
  const longest = Math.max(0, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((run) => run.length))));
  return '`'.repeat(Math.max(3, longest + 1));
}
