/** What the IAM handlers share: parameters, paging, role lookup, and refusing with IAM's error for a problem. */
import { checkPolicyDocument, checkRoleName, IAM_LIMITS, type IamErrorCode, type IamProblem, type PolicyKind } from '../model/iam-limits.js';
import { ApiError, queryErrors } from './api-error.js';
import type { RequestContext } from './context.js';
import type { XmlNode } from './xml.js';
import type { Role } from './world.js';
import { byAccountAndName, findByKey } from './lookup.js';

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** HTTP status of each IAM error code (IAM service model: LimitExceeded is a 409 conflict). */
const STATUS: Record<IamErrorCode, number> = { ValidationError: 400, MalformedPolicyDocument: 400, InvalidInput: 400, LimitExceeded: 409 };

export function required(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (value === null || value === '') {
    throw queryErrors.validation(`1 validation error detected: Value null at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

/**
 * IAM's own wording of the limits it refuses (as its LimitExceeded and MalformedPolicyDocument
 * answers read), put before the explanation; `role` is the role the request is about.
 */
const IAM_WORDING: Record<string, (role: string) => string> = {
  POLICY_INVALID_JSON: () => 'This policy contains invalid Json',
  TRUST_POLICY_TOO_LONG: () => `Cannot exceed quota for ACLSizePerRole: ${IAM_LIMITS.trustPolicyLength}`,
  INLINE_POLICIES_TOO_LONG: (role) => `Maximum policy size of ${IAM_LIMITS.inlinePoliciesPerRoleLength} bytes exceeded for role ${role}`,
  TOO_MANY_MANAGED_POLICIES: () => `Cannot exceed quota for PoliciesPerRole: ${IAM_LIMITS.managedPoliciesPerRole}`,
};

/** Throws the first problem as IAM answers it: its error code and status, IAM's wording where known, then what to do. */
export function refuseProblems(problems: readonly IamProblem[], role = ''): void {
  const first = problems[0];
  if (!first) return;
  const where = first.at ? ` (${first.at})` : '';
  const wording = IAM_WORDING[first.code]?.(role);
  throw new ApiError(first.iamError, STATUS[first.iamError], `${wording ? `${wording}: ` : ''}${first.message}${where}. ${first.fix}.`);
}

/** `Prefix.member.N` form fields → a list. */
export function readMembers(params: URLSearchParams, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 1; params.has(`${prefix}.member.${i}`); i++) out.push(params.get(`${prefix}.member.${i}`)!);
  return out;
}

export function findRole(ctx: RequestContext, name: string): Role {
  refuseProblems(checkRoleName(name));
  const role = findByKey(ctx.world.roles, 'accountAndName', byAccountAndName, byAccountAndName({ accountId: ctx.caller.accountId, name }));
  if (!role) throw queryErrors.noSuchEntity(`The role with name ${name} cannot be found.`);
  return role;
}

/** IAM answers documents URL-encoded (GetRole's trust policy, GetRolePolicy). */
export function encodeDocument(doc: unknown): string {
  return encodeURIComponent(JSON.stringify(doc));
}

export function tagList(tags: Record<string, string>): XmlNode[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/** Marker/MaxItems paging (MaxItems 1..1000, default 100). */
export function page<T>(params: URLSearchParams, items: T[]): { items: T[]; IsTruncated: boolean; Marker?: string } {
  const raw = params.get('MaxItems');
  const max = raw === null ? 100 : Number(raw);
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    throw queryErrors.validation(`1 validation error detected: Value '${raw}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`);
  }
  const marker = params.get('Marker');
  const offset = marker === null ? 0 : Number(Buffer.from(marker, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw queryErrors.invalidInput('Invalid Marker.');
  const slice = items.slice(offset, offset + max);
  const truncated = offset + max < items.length;
  return truncated ? { items: slice, IsTruncated: true, Marker: Buffer.from(String(offset + max)).toString('base64url') } : { items: slice, IsTruncated: false };
}

/** A policy document as sent (JSON text) → the parsed document, refused as IAM refuses it. */
export function parsePolicy(text: string, kind: PolicyKind): unknown {
  refuseProblems(checkPolicyDocument(text, kind));
  return JSON.parse(text) as unknown;
}
