/**
 * IAM's policy grammar as a pure check (IAM User Guide, "IAM JSON policy elements reference" and
 * "Grammar of the IAM JSON policy language"; API reference, policyDocumentType). Each problem is
 * one IAM would answer MalformedPolicyDocument to, except the text length (ValidationError).
 * Only what IAM itself refuses is a problem: a policy without Version is accepted (IAM reads it as
 * 2008-10-17) and so is an action of a service IAM does not know.
 */
import type { IamProblem, PolicyKind } from './iam-limits.js';

const TEXT_MAX = 131072;
const VERSIONS = ['2012-10-17', '2008-10-17'];
const TOP_KEYS = ['Version', 'Id', 'Statement'];
const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const PRINCIPAL_KEYS = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
/** "Actions/Conditions must be prefaced by a vendor": `*` or `service:Action` (wildcards allowed). */
const ACTION_RE = /^(?:\*|[A-Za-z0-9-]+:[A-Za-z0-9*?_-]*)$/;
/** IAM accepts only alphanumeric statement ids. */
const SID_RE = /^[A-Za-z0-9]*$/;

type Problem = Omit<IamProblem, 'iamError'>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPolicyCharacter(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0xff);
}

function malformed(at: string, code: string, message: string, fix: string): Problem {
  return { at, code, message: `${at === '' ? 'the policy' : `\`${at}\``}: ${message}`, fix };
}

/** Strings or a non-empty list of strings (Action, Resource, principal values). */
function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

function checkActions(at: string, value: unknown, out: Problem[]): void {
  const list = stringList(value);
  if (!list) {
    out.push(malformed(at, 'POLICY_INVALID_ACTION', 'must be an action or a non-empty list of actions', 'write actions as "service:Action" strings'));
    return;
  }
  for (const action of list) {
    if (!ACTION_RE.test(action)) out.push(malformed(at, 'POLICY_INVALID_ACTION', `\`${action}\` is not an action; IAM expects "*" or "service:Action"`, 'prefix the action with its service, e.g. "s3:GetObject"'));
  }
}

function checkResources(at: string, value: unknown, out: Problem[]): void {
  const list = stringList(value);
  if (!list) {
    out.push(malformed(at, 'POLICY_INVALID_RESOURCE', 'must be an ARN or a non-empty list of ARNs', 'write resources as ARN strings or "*"'));
    return;
  }
  for (const resource of list) {
    if (resource !== '*' && !resource.startsWith('arn:')) out.push(malformed(at, 'POLICY_INVALID_RESOURCE', `\`${resource}\` must be in ARN format or "*"`, 'use the resource\'s full ARN'));
  }
}

function checkPrincipal(at: string, value: unknown, out: Problem[]): void {
  if (value === '*') return;
  const entries = isObject(value) ? Object.entries(value) : [];
  const bad = entries.length === 0 || entries.some(([k, v]) => !PRINCIPAL_KEYS.includes(k) || !stringList(v));
  if (bad) out.push(malformed(at, 'POLICY_INVALID_PRINCIPAL', `must be "*" or an object of ${PRINCIPAL_KEYS.join(', ')} with a name or a list of names`, 'e.g. { "Service": "pods.eks.amazonaws.com" }'));
}

function checkCondition(at: string, value: unknown, out: Problem[]): void {
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  const valid =
    isObject(value) &&
    Object.values(value).every((keys) => isObject(keys) && Object.values(keys).every((v) => scalar(v) || (Array.isArray(v) && v.every(scalar))));
  if (!valid) out.push(malformed(at, 'POLICY_INVALID_CONDITION', 'must be an object of operators, each an object of condition keys to a value or a list of values', 'e.g. { "StringEquals": { "aws:RequestedRegion": "us-east-1" } }'));
}

function checkStatement(s: unknown, at: string, kind: PolicyKind, out: Problem[]): void {
  if (!isObject(s)) {
    out.push(malformed(at, 'POLICY_INVALID_STATEMENT', 'a statement must be an object', 'write each statement as { "Effect": …, "Action": …, … }'));
    return;
  }
  for (const key of Object.keys(s)) {
    if (!STATEMENT_KEYS.includes(key)) out.push(malformed(`${at}.${key}`, 'POLICY_UNKNOWN_ELEMENT', `IAM knows no statement element \`${key}\``, `use only ${STATEMENT_KEYS.join(', ')}`));
  }
  if (s.Sid !== undefined && (typeof s.Sid !== 'string' || !SID_RE.test(s.Sid))) {
    out.push(malformed(`${at}.Sid`, 'POLICY_INVALID_SID', 'statement ids must be alphanumeric', 'use letters and digits only'));
  }
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny') out.push(malformed(`${at}.Effect`, 'POLICY_INVALID_EFFECT', `must be "Allow" or "Deny", not ${JSON.stringify(s.Effect) ?? 'missing'}`, 'set Effect to Allow or Deny'));
  const pair = (a: string, b: string, required: boolean, code: string, what: string) => {
    if (s[a] !== undefined && s[b] !== undefined) out.push(malformed(at, code, `a statement has either ${a} or ${b}, not both`, `keep one of ${a} and ${b}`));
    else if (required && s[a] === undefined && s[b] === undefined) out.push(malformed(at, code, `a statement must have ${a} or ${b}`, `add ${what}`));
  };
  pair('Action', 'NotAction', true, 'POLICY_MISSING_ACTION', 'the actions it allows or denies');
  if (s.Action !== undefined) checkActions(`${at}.Action`, s.Action, out);
  if (s.NotAction !== undefined) checkActions(`${at}.NotAction`, s.NotAction, out);
  if (kind === 'trust') {
    for (const key of ['Resource', 'NotResource']) {
      if (s[key] !== undefined) out.push(malformed(`${at}.${key}`, 'POLICY_PROHIBITED_ELEMENT', `a trust policy has no ${key} (the role itself is the resource)`, `remove ${key}`));
    }
    pair('Principal', 'NotPrincipal', true, 'POLICY_MISSING_PRINCIPAL', 'the principal that may assume the role');
  } else {
    for (const key of ['Principal', 'NotPrincipal']) {
      if (s[key] !== undefined) out.push(malformed(`${at}.${key}`, 'POLICY_PROHIBITED_ELEMENT', 'a permissions policy must not specify a principal (the role is the principal)', `remove ${key}`));
    }
    pair('Resource', 'NotResource', true, 'POLICY_MISSING_RESOURCE', 'the resources it applies to ("*" for all)');
  }
  if (s.Resource !== undefined && kind !== 'trust') checkResources(`${at}.Resource`, s.Resource, out);
  if (s.NotResource !== undefined && kind !== 'trust') checkResources(`${at}.NotResource`, s.NotResource, out);
  if (kind === 'trust' && s.Principal !== undefined) checkPrincipal(`${at}.Principal`, s.Principal, out);
  if (kind === 'trust' && s.NotPrincipal !== undefined) checkPrincipal(`${at}.NotPrincipal`, s.NotPrincipal, out);
  if (s.Condition !== undefined) checkCondition(`${at}.Condition`, s.Condition, out);
}

/** Text checks first (length, characters, JSON), then the grammar of the parsed document. */
export function policyDocumentProblems(doc: unknown, kind: PolicyKind): IamProblem[] {
  const out: Problem[] = [];
  let text: string;
  let parsed: unknown = doc;
  if (typeof doc === 'string') {
    text = doc;
    try {
      parsed = JSON.parse(doc);
    } catch {
      return [{ code: 'POLICY_INVALID_JSON', iamError: 'MalformedPolicyDocument', at: '', message: 'the policy is not valid JSON', fix: 'correct the JSON syntax' }];
    }
  } else {
    text = JSON.stringify(doc) ?? '';
  }
  if (text.length === 0 || text.length > TEXT_MAX) {
    return [{ code: 'POLICY_TEXT_TOO_LONG', iamError: 'ValidationError', at: '', message: `the policy text has ${text.length} characters; IAM accepts 1–${TEXT_MAX}`, fix: 'shorten the policy' }];
  }
  const bad = [...text].find((ch) => !isPolicyCharacter(ch.codePointAt(0)!));
  if (bad !== undefined) {
    out.push(malformed('', 'POLICY_INVALID_CHARACTER', `contains ${JSON.stringify(bad)} (U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}); IAM accepts only tab, line breaks and U+0020–U+00FF`, 'remove the character (it is usually in a Sid, a description-like condition value or a quote pasted from a document)'));
  }
  if (!isObject(parsed)) {
    out.push(malformed('', 'POLICY_NOT_OBJECT', 'a policy must be a JSON object', 'write { "Version": "2012-10-17", "Statement": [ … ] }'));
    return out.map((p) => ({ ...p, iamError: 'MalformedPolicyDocument' }));
  }
  for (const key of Object.keys(parsed)) {
    if (!TOP_KEYS.includes(key)) out.push(malformed(key, 'POLICY_UNKNOWN_ELEMENT', `IAM knows no policy element \`${key}\``, `use only ${TOP_KEYS.join(', ')}`));
  }
  if (parsed.Version !== undefined && !VERSIONS.includes(parsed.Version as string)) {
    out.push(malformed('Version', 'POLICY_INVALID_VERSION', `must be "2012-10-17" (or the older "2008-10-17"), not ${JSON.stringify(parsed.Version)}`, 'use "2012-10-17"'));
  }
  const statements = Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement === undefined ? [] : [parsed.Statement];
  // A permissions policy without statements is refused; a trust policy without any (a role no one
  // can assume yet) is kept as IAM stores it.
  if (parsed.Statement === undefined || (statements.length === 0 && kind !== 'trust')) {
    out.push(malformed('Statement', 'POLICY_MISSING_STATEMENT', 'a policy needs at least one statement', 'add a Statement list'));
  }
  statements.forEach((s, i) => checkStatement(s, Array.isArray(parsed.Statement) ? `Statement[${i}]` : 'Statement', kind, out));
  const sids = statements.flatMap((s) => (isObject(s) && typeof s.Sid === 'string' && s.Sid !== '' ? [s.Sid] : []));
  const dup = sids.find((sid, i) => sids.indexOf(sid) !== i);
  if (dup !== undefined) out.push(malformed('Statement', 'POLICY_DUPLICATE_SID', `statement id \`${dup}\` appears twice; IAM requires unique ids within a policy`, 'rename one of them'));
  return out.map((p) => ({ ...p, iamError: 'MalformedPolicyDocument' }));
}
