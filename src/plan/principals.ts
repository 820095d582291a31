/*
 * What EKS refuses about the IAM principals and access policies a cluster's manifest names, known
 * only once the account (STS) and IAM have been read:
 * - a role or user that does not exist: CreateAccessEntry answers "The specified principalArn is
 *   invalid" and CreatePodIdentityAssociation "Role provided in the request does not exist"
 *   (API reference, InvalidParameterException);
 * - an ARN whose path is not the role's (or user's) own: IAM ARNs include the path, so EKS looks up
 *   `role/Name` and finds nothing when the role is `role/aws-reserved/sso.amazonaws.com/…/Name`.
 *   GetRole and GetUser look the name up without the path and return the real ARN;
 * - the per-type rules of CreateAccessEntry (src/model/access-entry-rules.ts), which need the
 *   cluster's account;
 * - an access policy that is not in the partition's ListAccessPolicies answer (AssociateAccessPolicy
 *   answers InvalidParameterException).
 */
import { accessEntryProblems } from '../model/access-entry-rules.js';
import { associationRoleProblems } from '../model/association-rules.js';
import { suggestAccessPolicy } from '../model/access-policies.js';
import type { DesiredCluster } from '../model/desired.js';
import type { LiveCluster } from '../model/live.js';
import { accessPolicyName, otherAccountOf, parseArn } from '../model/partition.js';
import type { Finding } from '../model/plan.js';
import { FINDINGS, type FindingCode } from './codes.js';
import { finding } from './finding.js';
import { associationId, entryId } from './ids.js';

/** Not-found and path checks of every declared role and user, the per-type rules, and the access-policy catalog. */
export function checkPrincipals(desired: DesiredCluster, live: LiveCluster): Finding[] {
  const findings: Finding[] = [];
  for (const a of desired.associations) {
    const key = associationId(a.namespace, a.serviceAccount);
    const pathProblem = (arn: string, field: string) => {
      const real = live.roles[arn]?.arn;
      if (real && real !== arn) findings.push(pathFinding(arn, real, field, key, a.source));
    };
    for (const p of associationRoleProblems(a.roleArn, live.accountId)) findings.push(finding(p.code, p.message, { key, fix: p.fix, source: a.source }));
    if (!a.managedRole) pathProblem(a.roleArn, 'roleArn');
    if (!a.targetRoleArn) continue;
    if (otherAccount(a.targetRoleArn, live)) findings.push(notChecked(a.targetRoleArn, 'target role', key, a.source));
    pathProblem(a.targetRoleArn, 'targetRoleArn');
    if (live.roles[a.targetRoleArn] === null) {
      findings.push(finding('TARGET_ROLE_NOT_FOUND', `target role ${a.targetRoleArn} does not exist in the cluster's account`, { key, fix: 'create the role (trusting the association role, with sts:ExternalId), or fix targetRoleArn', source: a.source }));
    }
  }
  for (const e of desired.accessEntries) {
    const key = entryId(e.principalArn);
    const kind = parseArn(e.principalArn)?.resource.startsWith('user/') ? 'user' : 'role';
    if (otherAccount(e.principalArn, live)) findings.push(notChecked(e.principalArn, `IAM ${kind}`, key, e.source));
    const read = kind === 'user' ? live.users?.[e.principalArn] : live.roles[e.principalArn];
    if (read === null) {
      findings.push(finding('PRINCIPAL_NOT_FOUND', `IAM ${kind} ${e.principalArn} does not exist; EKS refuses access entries for unknown principals`, { key, fix: `create the ${kind} first, or fix principalArn`, source: e.source }));
    } else if (read && read.arn !== e.principalArn) {
      findings.push(pathFinding(e.principalArn, read.arn, 'principalArn', key, e.source));
    }
    const problems = accessEntryProblems({
      type: e.type,
      principalArn: e.principalArn,
      clusterAccountId: live.accountId,
      ...(e.username !== undefined ? { username: e.username } : {}),
      kubernetesGroups: e.kubernetesGroups,
      accessPolicyCount: e.accessPolicies.length,
    });
    for (const p of problems) {
      const message = `${e.principalArn}: ${p.message}`;
      // Every rule EKS enforces is an error; a code the planner has no entry for still blocks apply.
      findings.push(p.code in FINDINGS ? finding(p.code as FindingCode, message, { key, fix: p.fix, source: e.source }) : { severity: 'error', code: p.code, key, message, fix: p.fix, ...(e.source ? { source: e.source } : {}) });
    }
    findings.push(...checkPolicies(e, live, key));
  }
  return findings;
}

/** An IAM ARN of another account than the cluster's: its IAM cannot be read with the cluster's credentials. */
function otherAccount(arn: string, live: LiveCluster): boolean {
  return otherAccountOf(arn, live.accountId) !== undefined;
}

function notChecked(arn: string, what: string, key: string, source: DesiredCluster['source']): Finding {
  return finding('PRINCIPAL_NOT_CHECKED', `${what} ${arn} is in another account, whose IAM the cluster's credentials cannot read: whether it exists (and its exact path) was not checked`, {
    key,
    fix: 'make sure the ARN is exact; if EKS refuses it, apply fails that change within the propagation window',
    source,
  });
}

function pathFinding(declared: string, real: string, field: string, key: string, source: DesiredCluster['source']): Finding {
  return finding('ARN_PATH_MISMATCH', `\`${field}\` ${declared} is not the ARN IAM has: the principal's ARN is ${real} (the path is part of an IAM ARN, and EKS refuses the ARN without it)`, {
    key,
    fix: `write ${real}${real.includes('/aws-reserved/sso.amazonaws.com/') ? ' (IAM Identity Center roles live under aws-reserved/sso.amazonaws.com/)' : ''}`,
    source,
  });
}

function checkPolicies(e: DesiredCluster['accessEntries'][number], live: LiveCluster, key: string): Finding[] {
  if (e.accessPolicies.length === 0) return [];
  if (live.accessPolicyCatalogDenied) {
    return [finding('ACCESS_POLICY_CATALOG_UNREADABLE', `could not list the access policies of ${live.partition} (eks:ListAccessPolicies was denied), so the policies of ${e.principalArn} were not checked`, { key, fix: 'grant the plan and apply roles eks:ListAccessPolicies (docs/iam-policies.md)', source: e.source })];
  }
  const catalog = live.accessPolicyCatalog;
  if (!catalog) return [];
  const known = new Set(catalog);
  const names = catalog.map(accessPolicyName);
  return e.accessPolicies
    .filter((p) => !known.has(p.policyArn))
    .map((p) => {
      const suggestion = suggestAccessPolicy(p.policyArn, names);
      return finding('ACCESS_POLICY_NOT_FOUND', `access policy ${accessPolicyName(p.policyArn)} is not one of the ${catalog.length} access policies EKS lists in ${live.partition}${suggestion ? `; did you mean ${suggestion}?` : ''}`, {
        key,
        fix: suggestion ? `write ${suggestion}` : 'use a policy that `aws eks list-access-policies` lists (docs: "Review access policy permissions")',
        source: p.source ?? e.source,
      });
    });
}
