/**
 * IRSA trust analysis: which service accounts a role's trust policy lets in through the cluster's
 * OIDC provider. Pure; works from IAM data alone, no Kubernetes access needed.
 */
import type { Finding } from '../model/plan.js';
import { allowsAction, asList, federatesIssuer, issuerHostPath, principalsOf, statementsOf } from './trust-policy.js';

export interface IrsaServiceAccount {
  namespace: string;
  serviceAccount: string;
  /** Index of the statement in the document's Statement list. */
  statement: number;
  operator: 'StringEquals' | 'StringLike';
}

export interface IrsaTrust {
  /** Distinct service accounts, sorted by (namespace, serviceAccount). */
  serviceAccounts: IrsaServiceAccount[];
  /** Statements that federate on the cluster's issuer with AssumeRoleWithWebIdentity. */
  statements: number[];
  /** `:aud` values the statements require (normally sts.amazonaws.com). */
  audiences: string[];
  /** Wildcard or missing subjects, malformed subjects, Deny statements… each with guidance. */
  findings: Finding[];
}

const SUBJECT_RE = /^system:serviceaccount:([^:]+):([^:]+)$/;
const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';
const OPERATORS = ['StringEquals', 'StringLike'] as const;

/**
 * Reads the service accounts a trust policy federates from the cluster's issuer. `roleArn` only
 * names the role in findings. Statements on other issuers (other clusters) are ignored.
 */
export function analyzeIrsaTrust(document: unknown, issuer: string, options: { roleArn?: string; partition?: string } = {}): IrsaTrust {
  const key = options.roleArn;
  const findings: Finding[] = [];
  const found = new Map<string, IrsaServiceAccount>();
  const statements: number[] = [];
  const audiences = new Set<string>();
  const subKey = `${issuerHostPath(issuer)}:sub`.toLowerCase();
  const audKey = `${issuerHostPath(issuer)}:aud`.toLowerCase();
  const finding = (severity: Finding['severity'], code: string, message: string, fix: string) =>
    findings.push({ severity, code, message, fix, ...(key ? { key } : {}) });

  statementsOf(document).forEach((statement, index) => {
    if (!principalsOf(statement, 'Federated').some((f) => federatesIssuer(f, issuer, options.partition))) return;
    if (!allowsAction(statement, WEB_IDENTITY)) return;
    if (statement.Effect !== 'Allow') {
      finding('warning', 'IRSA_DENY_STATEMENT', `statement ${index} denies web identity federation from the cluster; it has no Pod Identity equivalent`, 'express the restriction in the role\'s permissions or remove it');
      return;
    }
    statements.push(index);
    const conditions = readConditions(statement.Condition);
    for (const c of conditions) if (c.key === audKey) c.values.forEach((v) => audiences.add(v));
    const subjects = conditions.filter((c) => c.key === subKey);
    if (subjects.length === 0) {
      finding(
        'warning',
        'IRSA_NO_SUBJECT',
        `statement ${index} lets every service account of the cluster assume the role (no ":sub" condition); it cannot be mapped to associations one to one`,
        'find the service accounts that use the role (annotation eks.amazonaws.com/role-arn) and declare one association each',
      );
      return;
    }
    for (const condition of subjects) {
      if (!(OPERATORS as readonly string[]).includes(condition.operator)) {
        finding('warning', 'IRSA_UNSUPPORTED_CONDITION', `statement ${index} tests ":sub" with ${condition.operator}; only StringEquals and StringLike are mapped`, 'declare the service accounts it is meant to allow as associations by hand');
        continue;
      }
      for (const subject of condition.values) {
        const wildcard = condition.operator === 'StringLike' && /[*?]/.test(subject);
        if (wildcard) {
          finding(
            'warning',
            'IRSA_WILDCARD_SUBJECT',
            `statement ${index} allows "${subject}": a wildcard cannot be mapped to associations, which name one namespace and service account each`,
            'list the service accounts that match it (kubectl get serviceaccounts -A) and declare one association per account in the manifest',
          );
          continue;
        }
        const m = SUBJECT_RE.exec(subject);
        if (!m) {
          finding('warning', 'IRSA_INVALID_SUBJECT', `statement ${index} allows "${subject}", which is not system:serviceaccount:NAMESPACE:NAME`, 'correct or remove the subject');
          continue;
        }
        const sa: IrsaServiceAccount = { namespace: m[1]!, serviceAccount: m[2]!, statement: index, operator: condition.operator as IrsaServiceAccount['operator'] };
        const id = `${sa.namespace}/${sa.serviceAccount}`;
        if (!found.has(id)) found.set(id, sa);
      }
    }
  });
  const serviceAccounts = [...found.values()].sort((a, b) => cmp(a.namespace, b.namespace) || cmp(a.serviceAccount, b.serviceAccount));
  return { serviceAccounts, statements, audiences: [...audiences].sort(), findings };
}

interface ConditionTest {
  operator: string;
  /** Lower-cased: IAM condition keys are case-insensitive. */
  key: string;
  values: string[];
}

function readConditions(condition: unknown): ConditionTest[] {
  if (typeof condition !== 'object' || condition === null) return [];
  const out: ConditionTest[] = [];
  for (const [operator, keys] of Object.entries(condition as Record<string, unknown>)) {
    if (typeof keys !== 'object' || keys === null) continue;
    for (const [k, v] of Object.entries(keys as Record<string, unknown>)) out.push({ operator, key: k.toLowerCase(), values: asList(v) });
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
