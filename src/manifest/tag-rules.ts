/**
 * Which characters a tag may carry, by where it goes. EKS's API reference limits its tags only in
 * length and the `aws:` prefix, so a tag on an association or access entry may hold newlines,
 * backticks, `<`, `|` or `::` and EKS stores it. IAM refuses such tags: its Tag type allows keys of
 * 1–128 and values of 0–256 characters matching `[\p{L}\p{Z}\p{N}_.:/=+\-@]`
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Tag.html), at most 50 per role
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html). AWS documents
 * letters, digits, spaces and `+ - = . _ : / @` as the characters allowed across its services
 * (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html), so a tag outside that set
 * on an EKS object works but may be refused by other services that read or copy it.
 *
 * The IAM rules themselves are checkIamTags in src/model/iam-limits.ts (shared with the emulator);
 * this module keeps the portability warning for EKS tags. Pure: tags in, problems out.
 */

export interface TagProblem {
  /** The tag's key, or undefined for a problem of the whole set. */
  key?: string;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  fix: string;
}

const ALLOWED = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** A short, one-line, visible form of a tag key or value for messages. */
function quoted(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(shown);
}

/** The characters outside the allowed set, each once, as a JSON-escaped list for messages. */
function outsiders(text: string): string {
  const chars = [...new Set([...text].filter((c) => !ALLOWED.test(c)))];
  return chars.map((c) => JSON.stringify(c)).join(' ');
}

/** Tags on EKS objects with characters other services may refuse: warnings (EKS itself accepts them). */
export function checkPortableTagCharacters(tags: Record<string, string>): TagProblem[] {
  const problems: TagProblem[] = [];
  for (const [key, value] of Object.entries(tags)) {
    const bad = `${ALLOWED.test(key) ? '' : key}${ALLOWED.test(value) ? '' : value}`;
    if (bad === '') continue;
    problems.push({
      key,
      code: 'TAG_CHARACTERS',
      severity: 'warning',
      message: `tag ${quoted(key)} carries ${outsiders(bad)}: EKS stores it, but other AWS services that read or copy tags may refuse it`,
      fix: 'use letters, digits, spaces and + - = . _ : / @ only',
    });
  }
  return problems;
}
