import type { DesiredRole } from '../model/desired-role.js';
import type { LiveCluster } from '../model/live.js';
import type { Finding } from '../model/plan.js';
import { formatLocation } from '../model/source.js';
import { finding } from './finding.js';
import { suggestAwsManagedPolicy } from '../model/aws-managed-policies.js';
import { checkPolicyDocument, checkRolePolicySizes } from '../model/iam-limits.js';
import { podIdentityTrustProblem } from './trust.js';
import { clusterArn } from './trust-policy-build.js';

/** The checks of one desired role that need the plan: declarations, accounts, its own trust, IAM's answers. */
export function roleFindings(role: DesiredRole, live: LiveCluster): Finding[] {
  const key = `role/${role.roleName}`;
  const findings: Finding[] = [];
  const first = role.source ? ` (first declared at ${formatLocation(role.source)})` : '';
  for (const c of role.conflicts ?? []) {
    findings.push(finding('ROLE_DECLARATION_CONFLICT', `IAM role ${role.roleName} is declared again with a different \`${c.field}\`${first}; one role has one set of policies, boundary and settings`, {
      key,
      fix: 'make the `role:` blocks that name this role identical, or give them different names (e.g. with ${cluster} in `name`)',
      ...(c.source ? { source: c.source } : {}),
    }));
  }
  if (role.unknownAccountClusters) {
    findings.push(finding('ROLE_ACCOUNT_UNKNOWN', `IAM role ${role.roleName} is declared on cluster(s) ${role.unknownAccountClusters.join(', ')}, whose account this run does not know, so its trust cannot be built`, {
      key,
      fix: 'declare `accountId` on those clusters (or plan them too): a shared role\'s trust is built from every cluster that declares it',
      ...(role.source ? { source: role.source } : {}),
    }));
    return findings;
  }
  // Every trust eks-identity writes must pass its own check, for every association it serves,
  // and IAM's grammar and length quota (it grows with the associations that share the role).
  const trust: unknown = JSON.parse(role.trustPolicy);
  for (const p of [...checkPolicyDocument(trust, 'trust'), ...checkRolePolicySizes({ trust })]) {
    findings.push(finding('ROLE_POLICY_INVALID', `the trust policy of IAM role ${role.roleName}: ${p.message}`, { key, fix: p.fix, ...(role.source ? { source: role.source } : {}) }));
  }
  for (const d of role.declaredBy) {
    const problem = podIdentityTrustProblem(trust, {
      accountId: d.accountId,
      clusterArn: clusterArn(role.partition, d),
      clusterName: d.cluster,
      namespace: d.namespace,
      serviceAccount: d.serviceAccount,
      sessionTags: d.sessionTags,
    });
    if (problem) {
      findings.push(finding('ROLE_TRUST_INCOMPLETE', `the trust policy built for IAM role ${role.roleName} does not admit ${d.namespace}/${d.serviceAccount} on cluster ${d.cluster}: ${problem}`, {
        key,
        fix: 'report this: eks-identity builds this trust itself',
        ...(d.source ? { source: d.source } : {}),
      }));
    }
  }
  // Without session tags (disableSessionTags: true) EKS sends no cluster, namespace or service
  // account tags, so the trust can name only the account (EKS User Guide, pod-id-abac.html): any
  // Pod Identity association in the account that names this role gets its credentials.
  const untagged = role.declaredBy.filter((d) => !d.sessionTags);
  if (untagged.length > 0) {
    const who = untagged.map((d) => `${d.namespace}/${d.serviceAccount} on ${d.cluster}`).join(', ');
    const shared = role.declaredBy.length > untagged.length ? ', and so do the associations that share it' : '';
    findings.push(finding('ROLE_TRUST_ACCOUNT_WIDE', `IAM role ${role.roleName} trusts every Pod Identity association in account ${untagged[0]!.accountId}: ${who} set${untagged.length === 1 ? 's' : ''} disableSessionTags, so its trust cannot be limited to a cluster, namespace or service account${shared}`, {
      key,
      fix: 'keep session tags on (drop disableSessionTags; a session policy needs it off, so use the role\'s own policies instead), or give that association a role of its own',
      ...(untagged[0]!.source ? { source: untagged[0]!.source } : {}),
    }));
  }
  const current = live.managedRoles?.[role.arn];
  if (current && current.path !== role.path) {
    findings.push(finding('ROLE_PATH_DIFFERS', `IAM role ${role.roleName} exists with path ${current.path}, but its \`role:\` block says ${role.path}; IAM cannot change a role's path`, {
      key,
      fix: `write \`path: ${current.path}\` in the block, or give the role another name`,
      ...(role.source ? { source: role.source } : {}),
    }));
  }
  for (const arn of role.managedPolicyArns) {
    if (live.managedPolicies?.[arn] === false) {
      findings.push(finding('MANAGED_POLICY_NOT_FOUND', `managed policy ${arn} of IAM role ${role.roleName} does not exist`, {
        key,
        fix: managedPolicyFix(arn),
        ...(role.source ? { source: role.source } : {}),
      }));
    }
  }
  if (role.permissionsBoundary !== undefined && live.managedPolicies?.[role.permissionsBoundary] === false) {
    findings.push(finding('PERMISSIONS_BOUNDARY_NOT_FOUND', `permissions boundary ${role.permissionsBoundary} of IAM role ${role.roleName} does not exist`, {
      key,
      fix: 'check the ARN, or create the boundary policy first',
      ...(role.source ? { source: role.source } : {}),
    }));
  }
  return findings;
}

/** An AWS managed ARN written without its path (…:policy/AmazonEBSCSIDriverPolicy) is the usual cause: name the ARN the catalog knows. */
function managedPolicyFix(arn: string): string {
  const suggestion = suggestAwsManagedPolicy(arn);
  if (suggestion !== undefined && suggestion !== arn) return `did you mean ${suggestion}? (an AWS managed policy's ARN includes its path, such as service-role/)`;
  return 'check the ARN (AWS managed policies are arn:${partition}:iam::aws:policy/[PATH/]NAME), or create the customer managed policy first';
}
