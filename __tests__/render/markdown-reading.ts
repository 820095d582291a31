/** How GitHub reads Markdown, as far as the safety tests need: table cells and the text outside code spans. */

/**
 * Cells of a GFM table row the way GitHub splits it: a backslash escapes the next character
 * (so `\|` is text, and `\\|` is a backslash then a cell border).
 */
export function cellsOf(row: string): number {
  let borders = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') borders++;
  }
  return borders - 1;
}

/**
 * The text outside code spans, read the CommonMark way: outside a span a backslash escapes the next
 * character (so \` is a literal backtick); inside one nothing is escaped and it ends at the next
 * backtick (the renderer never leaves a backtick inside a span).
 */
export function outsideCodeSpans(markdown: string): string {
  markdown = withoutFencedBlocks(markdown);
  let out = '';
  for (let i = 0; i < markdown.length; i++) {
    const ch = markdown[i]!;
    if (ch === '\\') {
      out += markdown.slice(i, i + 2);
      i++;
    } else if (ch === '`') {
      const end = markdown.indexOf('`', i + 1);
      if (end < 0) return out + markdown.slice(i);
      i = end;
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * The Markdown without its fenced code blocks, read the CommonMark way: a block opens at a line of
 * three or more backticks (an info string may follow) and closes at a line of at least as many
 * backticks and nothing else; an unclosed block runs to the end. Its lines are shown literally.
 */
export function withoutFencedBlocks(markdown: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    if (fence === undefined) {
      const open = /^(`{3,})[^`]*$/.exec(line);
      if (open) fence = open[1];
      else out.push(line);
    } else if (new RegExp(`^${fence}\`*\\s*$`).test(line)) {
      fence = undefined;
    }
  }
  return out.join('\n');
}
