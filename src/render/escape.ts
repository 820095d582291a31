/**
 * GitHub turns `@name` in rendered text (anywhere but code) into a mention that notifies a user or
 * a team; a zero-width space after the `@` keeps the text as it reads and notifies nobody.
 */
function defuseMentions(text: string): string {
  return text.replace(/@/g, '@&#8203;');
}

/**
 * User and AWS text in Markdown (outside code spans): characters that would start markup, HTML or
 * break a table cell are escaped, mentions defused, line breaks and other control characters
 * become spaces.
 */
export function escapeMarkdownText(text: string): string {
  return defuseMentions(
    oneLine(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([\\`*_[\]|~#!])/g, '\\$1'),
  );
}

/**
 * One line: line breaks, tabs and other control characters (ANSI escapes included) become spaces,
 * so manifest and AWS text never adds lines or moves the cursor in a terminal or a log.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

/**
 * Text inside a single-backtick code span: backticks cannot be escaped there, and a pipe would end
 * a table cell. GitHub splits table cells before it reads code spans and takes `\\` as one escaped
 * character, so a backslash right before a pipe would free it: such backslashes become the
 * look-alike ⧵ (code spans cannot escape them). `<` and `&` stay as they are: a code span shows
 * them literally (and would show `&lt;` as written), and its text is never read as HTML.
 */
export function escapeCode(text: string): string {
  return oneLine(text)
    .replace(/`/g, 'ˋ')
    .replace(/\\+(?=\|)/g, (run) => '⧵'.repeat(run.length))
    .replace(/\|/g, '\\|');
}

/** Text inside raw HTML (a `<summary>`): Markdown is not read there, so only HTML is escaped. */
export function escapeHtml(text: string): string {
  return defuseMentions(oneLine(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
}

/**
 * Text bound for a GitHub Actions log (the action's log lines, the CLI's output in a workflow):
 * the runner reads a line that starts with `::` (or the older `##[`) as a workflow command, which
 * could set outputs, mask nothing or stop command processing. Such lines get a zero-width space
 * in front, so they are shown, not run. The tool's own lines never start that way.
 */
export function neutralizeWorkflowCommands(text: string): string {
  return text.replace(/^([^\S\n]*)(::|##\[)/gm, '$1\u200b$2');
}

/** A code span around any text. */
export function code(text: string): string {
  return `\`${escapeCode(text)}\``;
}
