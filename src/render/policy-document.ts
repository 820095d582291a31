/*
 * Policy documents in a plan (trust policies, inline role policies, session policies) are
 * canonical one-line JSON in the plan object. A reviewer reads them as indented JSON, and an
 * update as a line diff of the two documents, as `git diff` would show them.
 */

/** Fields whose values are IAM policy documents (canonical JSON text). */
export function isPolicyDocumentField(field: string): boolean {
  return field === 'trustPolicy' || field === 'policy' || field === 'document' || field.startsWith('inlinePolicy/');
}

/** The document as indented JSON lines (the text itself when it is not JSON). */
export function policyLines(text: string): string[] {
  try {
    return JSON.stringify(JSON.parse(text), null, 2).split('\n');
  } catch {
    return text.split('\n');
  }
}

/**
 * A line diff of two documents: every line of both, prefixed `- ` (only before), `+ ` (only
 * after) or two spaces (both), in order. Policies are small (IAM caps them at a few thousand
 * characters), so a longest-common-subsequence table is cheap; past a size no policy reaches it
 * shows the whole before, then the whole after.
 */
export function policyDiffLines(before: string | undefined, after: string | undefined): string[] {
  const a = before === undefined ? [] : policyLines(before);
  const b = after === undefined ? [] : policyLines(after);
  if (a.length * b.length > 4_000_000) return [...a.map((l) => `- ${l}`), ...b.map((l) => `+ ${l}`)];
  // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const common = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i += 1;
      j += 1;
    } else if (i < a.length && (j === b.length || common[i + 1]![j]! >= common[i]![j + 1]!)) {
      out.push(`- ${a[i]}`);
      i += 1;
    } else {
      out.push(`+ ${b[j]}`);
      j += 1;
    }
  }
  return out;
}

/** A Markdown code fence longer than any run of backticks in the text, so the text cannot close it. */
export function fenceFor(lines: readonly string[]): string {
  const longest = Math.max(0, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((run) => run.length))));
  return '`'.repeat(Math.max(3, longest + 1));
}
