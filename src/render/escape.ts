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

/** Text inside a single-backtick code span: backticks cannot be escaped there, and a pipe would end a table cell. */
export function escapeCode(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/`/g, 'ˋ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

/** A code span around any text. */
export function code(text: string): string {
  return `\`${escapeCode(text)}\``;
}
