/**
 * Trust policy documents as plain JSON: reading their loose shapes (a statement or a list, a
 * string or a list of strings), adding the Pod Identity statement once, removing OIDC federation.
 * Pure; documents are never mutated in place.
 */
import { POD_IDENTITY_ACTIONS, POD_IDENTITY_PRINCIPAL } from '../model/partition.js';
import { matchesIamPattern } from '../plan/trust.js';

export type Statement = Record<string, unknown>;
export type PolicyDocument = Record<string, unknown> & { Statement?: unknown };

/** IAM's default limit on a role trust policy (raisable to 4,096 through Service Quotas). */
export const TRUST_POLICY_MAX_LENGTH = 2048;
/** Sid of the statement this tool adds (IAM Sids are alphanumeric). */
export const POD_IDENTITY_SID = 'AllowEksPodIdentity';

/** Statements as a list, whatever form the document uses. */
export function statementsOf(document: unknown): Statement[] {
  if (typeof document !== 'object' || document === null) return [];
  const raw = (document as PolicyDocument).Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((s): s is Statement => typeof s === 'object' && s !== null && !Array.isArray(s));
}

export function asList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** True when the statement's Action (a string or a list, wildcards included) covers `action`. */
export function allowsAction(statement: Statement, action: string): boolean {
  return asList(statement.Action).some((a) => matchesIamPattern(a, action, true));
}

export function principalsOf(statement: Statement, kind: 'Service' | 'Federated' | 'AWS'): string[] {
  const principal = statement.Principal;
  if (typeof principal !== 'object' || principal === null) return [];
  return asList((principal as Record<string, unknown>)[kind]);
}

function isPodIdentityStatement(statement: Statement): boolean {
  return statement.Effect === 'Allow' && principalsOf(statement, 'Service').includes(POD_IDENTITY_PRINCIPAL);
}

/** True when some Allow statement lets pods.eks.amazonaws.com AssumeRole and TagSession. */
export function trustsPodIdentity(document: unknown): boolean {
  return statementsOf(document).some((s) => isPodIdentityStatement(s) && POD_IDENTITY_ACTIONS.every((a) => allowsAction(s, a)));
}

/**
 * Adds the Pod Identity trust. Idempotent: when a statement already trusts the principal, the
 * missing actions are added to it; a second copy is never appended.
 */
export function addPodIdentityTrust(document: unknown): { document: PolicyDocument; changed: boolean } {
  const base = clone(document) as PolicyDocument;
  if (trustsPodIdentity(base)) return { document: base, changed: false };
  const statements = statementsOf(base);
  const existing = statements.find(isPodIdentityStatement);
  if (existing) {
    const actions = asList(existing.Action);
    for (const action of POD_IDENTITY_ACTIONS) if (!allowsAction(existing, action)) actions.push(action);
    existing.Action = actions;
  } else {
    const sidTaken = statements.some((s) => s.Sid === POD_IDENTITY_SID);
    statements.push({
      ...(sidTaken ? {} : { Sid: POD_IDENTITY_SID }),
      Effect: 'Allow',
      Principal: { Service: POD_IDENTITY_PRINCIPAL },
      Action: [...POD_IDENTITY_ACTIONS],
    });
  }
  return { document: { Version: '2012-10-17', ...base, Statement: statements }, changed: true };
}

/** The OIDC provider ARN path for an issuer URL: `oidc.eks.REGION.amazonaws.com/id/ID`. */
export function issuerHostPath(issuer: string): string {
  return issuer.replace(/^https:\/\//i, '').replace(/\/+$/, '');
}

/** True when a Federated principal names the OIDC provider of this issuer (any account, this partition). */
export function federatesIssuer(federated: string, issuer: string, partition?: string): boolean {
  const m = /^arn:([a-z-]+):iam::\d{12}:oidc-provider\/(.+)$/.exec(federated);
  if (!m) return false;
  if (partition !== undefined && m[1] !== partition) return false;
  return m[2]!.toLowerCase() === issuerHostPath(issuer).toLowerCase();
}

/**
 * Removes the issuer's OIDC federation: its provider from every Federated list and the condition
 * keys on it; a statement left with no principal goes away. Other issuers and statements stay.
 */
export function removeOidcTrust(document: unknown, issuer: string, partition?: string): { document: PolicyDocument; removed: number } {
  const base = clone(document) as PolicyDocument;
  const prefix = `${issuerHostPath(issuer).toLowerCase()}:`;
  let removed = 0;
  const kept: Statement[] = [];
  for (const statement of statementsOf(base)) {
    const federated = principalsOf(statement, 'Federated');
    const matching = federated.filter((f) => federatesIssuer(f, issuer, partition));
    if (matching.length === 0) {
      kept.push(statement);
      continue;
    }
    removed++;
    const rest = federated.filter((f) => !matching.includes(f));
    const principal = { ...(statement.Principal as Record<string, unknown>) };
    if (rest.length > 0) principal.Federated = rest.length === 1 ? rest[0] : rest;
    else delete principal.Federated;
    if (Object.keys(principal).length === 0) continue;
    kept.push({ ...statement, Principal: principal, ...withoutIssuerConditions(statement.Condition, prefix) });
  }
  return { document: { ...base, Statement: kept }, removed };
}

function withoutIssuerConditions(condition: unknown, prefix: string): { Condition?: unknown } {
  if (typeof condition !== 'object' || condition === null) return condition === undefined ? {} : { Condition: condition };
  const out: Record<string, Record<string, unknown>> = {};
  for (const [operator, keys] of Object.entries(condition as Record<string, unknown>)) {
    if (typeof keys !== 'object' || keys === null) continue;
    const rest = Object.entries(keys as Record<string, unknown>).filter(([k]) => !k.toLowerCase().startsWith(prefix));
    if (rest.length > 0) out[operator] = Object.fromEntries(rest);
  }
  return Object.keys(out).length > 0 ? { Condition: out } : {};
}

/** Length as IAM counts it against the quota: the document without whitespace. */
export function trustPolicyLength(document: unknown): number {
  return JSON.stringify(document).length;
}

function clone(value: unknown): unknown {
  return value === undefined ? {} : (JSON.parse(JSON.stringify(value)) as unknown);
}
