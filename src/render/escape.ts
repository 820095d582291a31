/**
 * User and AWS text in Markdown (outside code spans): characters that would start markup, HTML or
 * break a table cell are escaped, newlines become spaces.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~#!])/g, '\\$1');
}

/**
 * Text inside a single-backtick code span: backticks cannot be escaped there, and a pipe would end
 * a table cell. GitHub splits table cells before it reads code spans and takes `\\` as one escaped
 * character, so a backslash right before a pipe would free it: such backslashes become the
 * look-alike ⧵ (code spans cannot escape them). `<` and `&` stay as they are: a code span shows
 * them literally (and would show `&lt;` as written), and its text is never read as HTML.
 */
export function escapeCode(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/`/g, 'ˋ')
    .replace(/\\+(?=\|)/g, (run) => '⧵'.repeat(run.length))
    .replace(/\|/g, '\\|');
}

/** Text inside raw HTML (a `<summary>`): Markdown is not read there, so only HTML is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A code span around any text. */
export function code(text: string): string {
  return `\`${escapeCode(text)}\``;
}
