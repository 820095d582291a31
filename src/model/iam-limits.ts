/**
 * IAM's limits on the roles and policies eks-identity writes, as pure checks: `validate` reports
 * them at the manifest location, the plan re-checks the values it computes, and the emulator
 * refuses the same values with the error IAM gives (`iamError`). One place per limit, each with
 * its source:
 *
 * - Names, paths, description, session duration, tags, document text: the IAM API reference's
 *   data types (roleNameType, pathType, roleDescriptionType, roleMaxSessionDurationType,
 *   policyNameType, policyDocumentType, tagKeyType, tagValueType), as in the IAM service model.
 * - Sizes and counts: the IAM User Guide, "IAM and AWS STS quotas" (character and object quotas):
 *   role trust policy length 2,048 characters (adjustable), aggregate inline policies per role
 *   10,240 characters, managed policy 6,144 characters, 10 managed policies per role (adjustable
 *   up to 20), 50 tags per resource; IAM does not count whitespace against these.
 * - Document grammar: the IAM User Guide, "IAM JSON policy elements reference" and "grammar of
 *   the IAM JSON policy language" (Version, Id, Statement; Sid, Effect, Principal/NotPrincipal,
 *   Action/NotAction, Resource/NotResource, Condition). A trust policy names a principal and no
 *   resource; an identity policy names a resource and no principal.
 * - Document validation itself is split: `policyDocumentProblems` is the grammar, the character
 *   set and the 131,072-character API limit; the quotas live in `checkRolePolicySizes` and
 *   `checkManagedPolicySize` because they depend on the other policies of the role.
 */
import { policyDocumentProblems } from './iam-policy-grammar.js';

/** The error IAM answers with, so the emulator refuses what the plan reports, in IAM's own words. */
export type IamErrorCode = 'ValidationError' | 'MalformedPolicyDocument' | 'LimitExceeded' | 'InvalidInput';

export interface IamProblem {
  /** Stable UPPER_SNAKE code, the same at validate, plan and in the emulator's tests. */
  code: string;
  message: string;
  fix: string;
  /** The IAM error code the API answers with for this problem. */
  iamError: IamErrorCode;
  /** For tags: the key concerned; for documents: where in the document (`Statement[1].Effect`). */
  at?: string;
}

/** A policy document as eks-identity builds it; IAM's own grammar is checked by `checkPolicyDocument`. */
export interface PolicyDocument {
  Version: string;
  Id?: string;
  Statement: unknown[];
}

export type PolicyKind = 'trust' | 'inline' | 'managed';

export const IAM_LIMITS = {
  roleName: { min: 1, max: 64 },
  rolePath: { min: 1, max: 512 },
  roleDescription: { max: 1000 },
  maxSessionDuration: { min: 3600, max: 43200 },
  policyName: { min: 1, max: 128 },
  /** policyDocumentType: the text sent, whitespace included. */
  policyDocumentText: { max: 131072 },
  tags: { count: 50, key: 128, value: 256 },
  /** Quotas, counted without whitespace. */
  trustPolicyLength: 2048,
  inlinePoliciesPerRoleLength: 10240,
  managedPolicyLength: 6144,
  managedPoliciesPerRole: 10,
  /** PolicyArn and PermissionsBoundary (arnType). */
  arn: { min: 20, max: 2048 },
} as const;

/** Adjustable quotas an account may have raised through Service Quotas. */
export interface IamQuotas {
  trustPolicyLength?: number;
  managedPoliciesPerRole?: number;
}

/** roleNameType, userNameType, policyNameType: `[\w+=,.@-]+`. */
export const IAM_NAME_RE = /^[\w+=,.@-]+$/;
/** pathType: `/` or `/` + printable ASCII without space + `/`. */
export const IAM_PATH_RE = /^(?:\/|\/[\x21-\x7e]+\/)$/;
/** roleDescriptionType. */
const DESCRIPTION_RE = /^[\t\n\r\x20-\x7e\xa1-\xff]*$/;
/** tagKeyType / tagValueType. */
const TAG_KEY_RE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
const TAG_VALUE_RE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function checkName(what: string, name: string, max: number): IamProblem[] {
  const code = `INVALID_${what.toUpperCase().replace(/ /g, '_')}`;
  if (name.length < 1 || name.length > max) {
    return [{ code, iamError: 'ValidationError', message: `${what} \`${shorten(name)}\` has ${name.length} characters; IAM allows 1–${max}`, fix: `use a ${what} of at most ${max} characters` }];
  }
  if (!IAM_NAME_RE.test(name)) {
    return [{ code, iamError: 'ValidationError', message: `${what} \`${shorten(name)}\` contains characters IAM does not allow`, fix: 'use letters, digits and + = , . @ _ - only' }];
  }
  return [];
}

export function checkRoleName(name: string): IamProblem[] {
  return checkName('role name', name, IAM_LIMITS.roleName.max);
}

export function checkPolicyName(name: string): IamProblem[] {
  return checkName('policy name', name, IAM_LIMITS.policyName.max);
}

export function checkRolePath(path: string): IamProblem[] {
  if (path.length <= IAM_LIMITS.rolePath.max && IAM_PATH_RE.test(path)) return [];
  return [{
    code: 'INVALID_ROLE_PATH',
    iamError: 'ValidationError',
    message: `role path \`${shorten(path)}\` is not an IAM path`,
    fix: `use \`/\` or a path that starts and ends with \`/\` (printable ASCII, no spaces, at most ${IAM_LIMITS.rolePath.max} characters), e.g. \`/workloads/\``,
  }];
}

export function checkRoleDescription(text: string): IamProblem[] {
  const out: IamProblem[] = [];
  if (text.length > IAM_LIMITS.roleDescription.max) {
    out.push({ code: 'ROLE_DESCRIPTION_TOO_LONG', iamError: 'ValidationError', message: `the role description has ${text.length} characters; IAM allows at most ${IAM_LIMITS.roleDescription.max}`, fix: 'shorten the description' });
  }
  if (!DESCRIPTION_RE.test(text)) {
    const bad = [...text].find((ch) => !DESCRIPTION_RE.test(ch))!;
    out.push({
      code: 'ROLE_DESCRIPTION_INVALID_CHARACTER',
      iamError: 'ValidationError',
      message: `the role description contains ${JSON.stringify(bad)} (U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}); IAM accepts tab, line breaks, printable ASCII and U+00A1–U+00FF`,
      fix: 'remove the character',
    });
  }
  return out;
}

export function checkMaxSessionDuration(seconds: number): IamProblem[] {
  const { min, max } = IAM_LIMITS.maxSessionDuration;
  if (Number.isInteger(seconds) && seconds >= min && seconds <= max) return [];
  return [{ code: 'INVALID_MAX_SESSION_DURATION', iamError: 'ValidationError', message: `maxSessionDuration ${seconds} is outside ${min}–${max} seconds (1 to 12 hours)`, fix: `use whole seconds from ${min} to ${max}` }];
}

/** A tag set as sent to CreateRole/TagRole; each problem names its key in `at`. */
export function checkIamTags(tags: Readonly<Record<string, string>>): IamProblem[] {
  const out: IamProblem[] = [];
  const keys = Object.keys(tags);
  const { count, key: keyMax, value: valueMax } = IAM_LIMITS.tags;
  if (keys.length > count) out.push({ code: 'TOO_MANY_TAGS', iamError: 'LimitExceeded', message: `${keys.length} tags; IAM allows at most ${count} on a role`, fix: 'remove some tags (defaults count too)' });
  for (const key of keys) {
    const value = tags[key] ?? '';
    if (key.length < 1 || key.length > keyMax) {
      out.push({ at: key, code: 'TAG_KEY_TOO_LONG', iamError: 'ValidationError', message: `tag key \`${shorten(key)}\` has ${key.length} characters; IAM allows 1–${keyMax}`, fix: key.length === 0 ? 'give the tag a key' : 'shorten the key' });
    } else if (!TAG_KEY_RE.test(key)) {
      out.push({ at: key, code: 'TAG_KEY_INVALID_CHARACTER', iamError: 'ValidationError', message: `tag key \`${shorten(key)}\` contains characters IAM does not allow`, fix: 'use letters, digits, spaces and _ . : / = + - @ only' });
    }
    if (key.toLowerCase().startsWith('aws:')) out.push({ at: key, code: 'RESERVED_TAG_PREFIX', iamError: 'InvalidInput', message: `tag key \`${shorten(key)}\` uses the prefix \`aws:\`, which AWS reserves`, fix: 'rename the key' });
    if (value.length > valueMax) {
      out.push({ at: key, code: 'TAG_VALUE_TOO_LONG', iamError: 'ValidationError', message: `the value of tag \`${shorten(key)}\` has ${value.length} characters; IAM allows at most ${valueMax}`, fix: 'shorten the value' });
    } else if (!TAG_VALUE_RE.test(value)) {
      out.push({ at: key, code: 'TAG_VALUE_INVALID_CHARACTER', iamError: 'ValidationError', message: `the value of tag \`${shorten(key)}\` contains characters IAM does not allow`, fix: 'use letters, digits, spaces and _ . : / = + - @ only' });
    }
  }
  return out;
}

/**
 * A policy document (an object, or the JSON text as sent): valid JSON, IAM's grammar for its
 * kind, IAM's character set and API length. Quotas are checked by `checkRolePolicySizes`.
 */
export function checkPolicyDocument(doc: unknown, kind: PolicyKind): IamProblem[] {
  return policyDocumentProblems(doc, kind);
}

/**
 * The length IAM counts against its quotas: the JSON text without the whitespace between tokens
 * (whitespace inside strings counts). An object is counted as its compact JSON.
 */
export function policyLength(doc: unknown): number {
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
  let length = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      length++;
      if (ch === '\\') {
        length++;
        i++;
      } else if (ch === '"') inString = false;
    } else if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') {
      length++;
      if (ch === '"') inString = true;
    }
  }
  return length;
}

/** A managed policy's own quota (CreatePolicy / CreatePolicyVersion). */
export function checkManagedPolicySize(doc: unknown): IamProblem[] {
  const length = policyLength(doc);
  if (length <= IAM_LIMITS.managedPolicyLength) return [];
  return [{
    code: 'MANAGED_POLICY_TOO_LONG',
    iamError: 'LimitExceeded',
    message: `the managed policy is ${length} characters without whitespace; IAM allows at most ${IAM_LIMITS.managedPolicyLength} (not adjustable)`,
    fix: 'split it into several managed policies, or use wildcards in actions and resources',
  }];
}

/**
 * The role-wide quotas: trust policy length, the aggregate of the inline policies, and the number
 * of attached managed policies. `quotas` gives an account's raised values of the adjustable ones.
 */
export function checkRolePolicySizes(
  role: { trust?: unknown; inline?: Readonly<Record<string, unknown>>; managedArns?: readonly string[] },
  quotas: IamQuotas = {},
): IamProblem[] {
  const out: IamProblem[] = [];
  const trustMax = quotas.trustPolicyLength ?? IAM_LIMITS.trustPolicyLength;
  if (role.trust !== undefined) {
    const length = policyLength(role.trust);
    if (length > trustMax) {
      out.push({
        code: 'TRUST_POLICY_TOO_LONG',
        iamError: 'LimitExceeded',
        message: `the trust policy is ${length} characters without whitespace; IAM allows ${trustMax} (the "Role trust policy length" quota, adjustable through Service Quotas)`,
        fix: 'merge statements (lists of clusters, namespaces or service accounts in one condition), or raise the quota and say so in the plan options',
      });
    }
  }
  const inline = Object.values(role.inline ?? {});
  const total = inline.reduce<number>((sum, doc) => sum + policyLength(doc), 0);
  if (total > IAM_LIMITS.inlinePoliciesPerRoleLength) {
    out.push({
      code: 'INLINE_POLICIES_TOO_LONG',
      iamError: 'LimitExceeded',
      message: `the role's ${inline.length} inline ${inline.length === 1 ? 'policy is' : 'policies are'} ${total} characters together without whitespace; IAM allows ${IAM_LIMITS.inlinePoliciesPerRoleLength} per role (not adjustable)`,
      fix: 'move some statements into managed policies, or use wildcards in actions and resources',
    });
  }
  const managedMax = quotas.managedPoliciesPerRole ?? IAM_LIMITS.managedPoliciesPerRole;
  const managed = new Set(role.managedArns ?? []).size;
  if (managed > managedMax) {
    out.push({
      code: 'TOO_MANY_MANAGED_POLICIES',
      iamError: 'LimitExceeded',
      message: `${managed} managed policies attached; IAM allows ${managedMax} per role (the "Managed policies per role" quota, adjustable through Service Quotas up to 20)`,
      fix: 'attach fewer managed policies (combine them into one customer managed policy), or raise the quota',
    });
  }
  return out;
}

/** PolicyArn / PermissionsBoundary: an IAM policy ARN within arnType's length. */
export function checkPolicyArn(arn: string): IamProblem[] {
  const { min, max } = IAM_LIMITS.arn;
  if (arn.length >= min && arn.length <= max && /^arn:[a-z-]+:iam::(?:aws|\d{12}):policy\/(?:[^/]+\/)*[\w+=,.@-]+$/.test(arn)) return [];
  return [{ code: 'INVALID_POLICY_ARN', iamError: 'InvalidInput', message: `\`${shorten(arn)}\` is not an IAM policy ARN`, fix: 'use arn:PARTITION:iam::aws:policy/NAME (AWS managed) or arn:PARTITION:iam::ACCOUNT:policy/[PATH/]NAME' }];
}

/** A role as eks-identity would create it; every field is optional so a partial declaration can be checked. */
export interface IamRoleDefinition {
  name?: string;
  path?: string;
  description?: string;
  maxSessionDuration?: number;
  tags?: Readonly<Record<string, string>>;
  /** Trust policy (object or JSON text). */
  trust?: unknown;
  /** Inline policy name → document (object or JSON text). */
  inline?: Readonly<Record<string, unknown>>;
  managedArns?: readonly string[];
  permissionsBoundary?: string;
}

export type IamRoleField = 'name' | 'path' | 'description' | 'maxSessionDuration' | 'tags' | 'trust' | 'inline' | 'managedArns' | 'permissionsBoundary';

/**
 * Every check above for one role, each problem saying which field it is about (`policy` names the
 * inline policy): what CreateRole, PutRolePolicy, AttachRolePolicy and the rest would refuse,
 * in one call, for `validate` and the plan. Whether policies exist needs AWS and is not checked.
 */
export function checkIamRole(role: IamRoleDefinition, quotas: IamQuotas = {}): Array<IamProblem & { field: IamRoleField; policy?: string }> {
  const out: Array<IamProblem & { field: IamRoleField; policy?: string }> = [];
  const add = (field: IamRoleField, problems: IamProblem[], policy?: string) => {
    for (const p of problems) out.push({ ...p, field, ...(policy !== undefined ? { policy } : {}) });
  };
  if (role.name !== undefined) add('name', checkRoleName(role.name));
  if (role.path !== undefined) add('path', checkRolePath(role.path));
  if (role.description !== undefined) add('description', checkRoleDescription(role.description));
  if (role.maxSessionDuration !== undefined) add('maxSessionDuration', checkMaxSessionDuration(role.maxSessionDuration));
  if (role.tags !== undefined) add('tags', checkIamTags(role.tags));
  if (role.trust !== undefined) add('trust', checkPolicyDocument(role.trust, 'trust'));
  for (const [name, doc] of Object.entries(role.inline ?? {})) add('inline', [...checkPolicyName(name), ...checkPolicyDocument(doc, 'inline')], name);
  for (const arn of role.managedArns ?? []) add('managedArns', checkPolicyArn(arn));
  if (role.permissionsBoundary !== undefined) add('permissionsBoundary', checkPolicyArn(role.permissionsBoundary));
  for (const p of checkRolePolicySizes({ trust: role.trust, inline: role.inline ?? {}, managedArns: role.managedArns ?? [] }, quotas)) {
    add(p.code === 'TRUST_POLICY_TOO_LONG' ? 'trust' : p.code === 'INLINE_POLICIES_TOO_LONG' ? 'inline' : 'managedArns', [p]);
  }
  return out;
}
