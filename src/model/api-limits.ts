/**
 * Limits EKS and STS put on the values eks-identity sends, as pure checks: `validate` reports
 * them with the manifest location (after variables are expanded), the plan can re-check values
 * it computes, and the emulator refuses the same values with the error EKS gives. One place per
 * limit, each with its source:
 *
 * - Tags (CreatePodIdentityAssociation, CreateAccessEntry, TagResource): the EKS service model's
 *   TagMap is 1–50 entries, TagKey 1–128 and TagValue 0–256 characters; the API reference reserves
 *   the `aws:` prefix (any case).
 * - Session policy (CreatePodIdentityAssociation/UpdatePodIdentityAssociation `policy`): the EKS
 *   model gives the field no length, but EKS Pod Identity passes it to STS AssumeRole, whose
 *   reference caps the plaintext at 2,048 characters of \u0009, \u000A, \u000D and \u0020–\u00FF.
 *   eks-identity sends the policy as compact canonical JSON, so that text is what is counted.
 * - Username and groups (CreateAccessEntry/UpdateAccessEntry): the model gives no length; the EKS
 *   User Guide ("Create access entries") reserves the username prefixes system:, eks:, aws:,
 *   amazon: and iam:, requires a colon before {{SessionName}}/{{SessionNameRaw}}, and reserves
 *   the group prefix system:.
 * - Namespace and service account: Kubernetes names (RFC 1123 label of at most 63 characters,
 *   RFC 1123 subdomain of at most 253); an access-policy namespace scope may end in `*`.
 */

export interface LimitProblem {
  /** Stable UPPER_SNAKE code, the same at validate, plan and in the emulator's tests. */
  code: string;
  message: string;
  fix: string;
}

export const TAG_LIMITS = { count: 50, key: 128, value: 256 } as const;
export const SESSION_POLICY_MAX = 2048;
export const RESERVED_GROUP_PREFIXES = ['system:'] as const;
export const RESERVED_USERNAME_PREFIXES = ['system:', 'eks:', 'aws:', 'amazon:', 'iam:'] as const;

/** Kubernetes namespace: an RFC 1123 label. */
export const NAMESPACE_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const NAMESPACE_MAX = 63;
/** Kubernetes service account: an RFC 1123 subdomain. */
export const SERVICE_ACCOUNT_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const SERVICE_ACCOUNT_MAX = 253;

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Problems of a tag set as sent; `key` says which tag (absent: the whole set). */
export function tagProblems(tags: Readonly<Record<string, string>>): Array<LimitProblem & { key?: string }> {
  const out: Array<LimitProblem & { key?: string }> = [];
  const keys = Object.keys(tags);
  if (keys.length > TAG_LIMITS.count) out.push({ code: 'TOO_MANY_TAGS', message: `${keys.length} tags; EKS allows at most ${TAG_LIMITS.count} on a resource`, fix: 'remove some tags (defaults count too)' });
  for (const key of keys) {
    if (key.length === 0 || key.length > TAG_LIMITS.key) {
      out.push({ key, code: 'TAG_KEY_TOO_LONG', message: `tag key \`${shorten(key)}\` has ${key.length} characters; EKS allows 1–${TAG_LIMITS.key}`, fix: key.length === 0 ? 'give the tag a key' : 'shorten the key' });
    }
    const value = tags[key] ?? '';
    if (value.length > TAG_LIMITS.value) {
      out.push({ key, code: 'TAG_VALUE_TOO_LONG', message: `the value of tag \`${shorten(key)}\` has ${value.length} characters; EKS allows at most ${TAG_LIMITS.value}`, fix: 'shorten the value' });
    }
    if (key.toLowerCase().startsWith('aws:')) out.push({ key, code: 'RESERVED_TAG_PREFIX', message: `tag key \`${shorten(key)}\` uses the prefix \`aws:\`, which AWS reserves`, fix: 'rename the key' });
  }
  return out;
}

/** Problems of a session policy in the exact text EKS receives. */
export function sessionPolicyProblems(text: string): LimitProblem[] {
  const out: LimitProblem[] = [];
  if (text.length > SESSION_POLICY_MAX) {
    out.push({
      code: 'SESSION_POLICY_TOO_LONG',
      message: `the session policy is ${text.length} characters as sent (compact JSON); STS, which EKS Pod Identity passes it to, allows at most ${SESSION_POLICY_MAX}`,
      fix: 'shorten the policy (fewer statements, wildcards in actions or resources), or grant through the role\'s own policies',
    });
  }
  const bad = [...text].find((ch) => !isSessionPolicyCharacter(ch.codePointAt(0)!));
  if (bad !== undefined) {
    out.push({
      code: 'SESSION_POLICY_INVALID_CHARACTER',
      message: `the session policy contains ${JSON.stringify(bad)} (U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}); STS accepts only tab, line breaks and U+0020–U+00FF`,
      fix: 'remove the character (it is usually in a Sid or a condition value)',
    });
  }
  return out;
}

function isSessionPolicyCharacter(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0xff);
}

/** Problems of a username an entry declares (EKS's own node usernames are not checked). */
export function usernameProblems(username: string): LimitProblem[] {
  const out: LimitProblem[] = [];
  const prefix = RESERVED_USERNAME_PREFIXES.find((p) => username.startsWith(p));
  if (prefix) out.push({ code: 'RESERVED_USERNAME_PREFIX', message: `username \`${shorten(username)}\` starts with the reserved prefix \`${prefix}\``, fix: 'choose another username, or omit it and let EKS pick one' });
  if (username.trim() === '') out.push({ code: 'INVALID_USERNAME', message: 'the username is empty', fix: 'omit `username` to let EKS pick one' });
  const session = /\{\{SessionName(Raw)?\}\}/.exec(username);
  if (session && !username.slice(0, session.index).includes(':')) {
    out.push({
      code: 'USERNAME_SESSION_NAME_COLON',
      message: `username \`${shorten(username)}\` uses ${session[0]} without a colon before it; EKS requires one`,
      fix: `put a colon before it, e.g. \`${username.slice(0, session.index)}:${username.slice(session.index)}\``,
    });
  }
  return out;
}

/** Problems of one Kubernetes group an entry declares. */
export function groupProblems(group: string): LimitProblem[] {
  const out: LimitProblem[] = [];
  const prefix = RESERVED_GROUP_PREFIXES.find((p) => group.startsWith(p));
  if (prefix) {
    out.push({
      code: 'RESERVED_GROUP_PREFIX',
      message: `group \`${shorten(group)}\` starts with the reserved prefix \`${prefix}\``,
      fix: group === 'system:masters' ? 'grant AmazonEKSClusterAdminPolicy with `scope: cluster` instead' : 'use a group name without the `system:` prefix and bind it with RBAC',
    });
  }
  if (group.trim() === '') out.push({ code: 'INVALID_GROUP', message: 'a Kubernetes group name is empty', fix: 'remove the empty group' });
  return out;
}

/** A namespace of an association. */
export function namespaceProblems(namespace: string): LimitProblem[] {
  if (NAMESPACE_RE.test(namespace) && namespace.length <= NAMESPACE_MAX) return [];
  return [{ code: 'INVALID_NAMESPACE', message: `namespace \`${shorten(namespace)}\` is not a valid Kubernetes namespace`, fix: `use at most ${NAMESPACE_MAX} lowercase letters, digits and hyphens, starting and ending with a letter or digit` }];
}

/** A namespace of an access-policy scope: a namespace name, or a prefix ending in `*`. */
export function scopeNamespaceProblems(namespace: string): LimitProblem[] {
  const stem = namespace.endsWith('*') ? namespace.slice(0, -1) : namespace;
  // A prefix may end in a hyphen (`team-*`); `*` alone matches every namespace.
  const valid = namespace.length <= NAMESPACE_MAX && (stem === '' ? namespace === '*' : NAMESPACE_RE.test(namespace.endsWith('*') ? stem.replace(/-+$/, '') || 'x' : stem));
  if (valid) return [];
  return [{ code: 'INVALID_NAMESPACE', message: `namespace \`${shorten(namespace)}\` is not a valid Kubernetes namespace`, fix: 'use lowercase letters, digits and hyphens (a trailing * matches a prefix)' }];
}

/** A service account name of an association. */
export function serviceAccountProblems(name: string): LimitProblem[] {
  if (SERVICE_ACCOUNT_RE.test(name) && name.length <= SERVICE_ACCOUNT_MAX) return [];
  return [{ code: 'INVALID_SERVICE_ACCOUNT', message: `service account \`${shorten(name)}\` is not a valid Kubernetes name`, fix: `use at most ${SERVICE_ACCOUNT_MAX} lowercase letters, digits, hyphens and dots` }];
}
