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
 * Pure: tags in, problems out; callers locate and report them.
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
export const IAM_TAG_LIMITS = { count: 50, key: 128, value: 256 } as const;

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

/** Tags IAM would refuse on a role or user it is asked to create or tag: errors. */
export function checkIamTags(tags: Record<string, string>): TagProblem[] {
  const problems: TagProblem[] = [];
  const keys = Object.keys(tags);
  if (keys.length > IAM_TAG_LIMITS.count) {
    problems.push({ code: 'IAM_TOO_MANY_TAGS', severity: 'error', message: `${keys.length} tags; IAM allows at most ${IAM_TAG_LIMITS.count} per role or user`, fix: 'remove some tags' });
  }
  for (const key of keys) {
    const value = tags[key] ?? '';
    if (key.length === 0 || key.length > IAM_TAG_LIMITS.key) {
      problems.push({ key, code: 'IAM_TAG_KEY_LENGTH', severity: 'error', message: `IAM tag key ${quoted(key)} has ${key.length} characters; IAM allows 1–${IAM_TAG_LIMITS.key}`, fix: 'shorten the key' });
    }
    if (value.length > IAM_TAG_LIMITS.value) {
      problems.push({ key, code: 'IAM_TAG_VALUE_LENGTH', severity: 'error', message: `the value of IAM tag ${quoted(key)} has ${value.length} characters; IAM allows at most ${IAM_TAG_LIMITS.value}`, fix: 'shorten the value' });
    }
    if (!ALLOWED.test(key)) {
      problems.push({ key, code: 'IAM_TAG_KEY_CHARACTERS', severity: 'error', message: `IAM refuses tag key ${quoted(key)}: ${outsiders(key)} not allowed`, fix: 'use letters, digits, spaces and _ . : / = + - @ only' });
    }
    if (!ALLOWED.test(value)) {
      problems.push({ key, code: 'IAM_TAG_VALUE_CHARACTERS', severity: 'error', message: `IAM refuses the value of tag ${quoted(key)}: ${outsiders(value)} not allowed`, fix: 'use letters, digits, spaces and _ . : / = + - @ only' });
    }
    if (key.toLowerCase().startsWith('aws:')) {
      problems.push({ key, code: 'IAM_TAG_RESERVED_PREFIX', severity: 'error', message: `IAM tag key ${quoted(key)} uses the reserved prefix aws:`, fix: 'rename the key' });
    }
  }
  return problems;
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
