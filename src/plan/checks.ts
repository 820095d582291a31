import type { DesiredCluster } from '../model/desired.js';
import type { LiveCluster } from '../model/live.js';
import { isClusterAdminPolicy, isSamePrincipal } from '../model/ownership.js';
import { parseArn } from '../model/partition.js';
import type { AccessPolicyValue, Change, Finding } from '../model/plan.js';
import { associationId, entryId } from './ids.js';
import { ACCESS_ENTRY_QUOTA, ASSOCIATION_QUOTA, DEFAULT_MAX_DELETES } from './codes.js';
import { finding } from './finding.js';
import { foreignPartitionNames, podIdentityTrustProblem } from './trust.js';

const AGENT_ADDON = 'eks-pod-identity-agent';

/** Cluster-level checks that stop the entry diff altogether. */
export function authModeFinding(desired: DesiredCluster, live: LiveCluster): Finding | undefined {
  if (desired.accessEntries.length === 0 || live.authenticationMode !== 'CONFIG_MAP') return undefined;
  return finding('AUTH_MODE_CONFIG_MAP', `cluster ${live.name} authenticates through the aws-auth ConfigMap only (CONFIG_MAP), so it has no access entries`, {
    fix: `switch it to API_AND_CONFIG_MAP: eks-identity migrate-aws-auth --cluster ${live.name} (converts aws-auth too), or aws eks update-cluster-config --name ${live.name} --access-config authenticationMode=API_AND_CONFIG_MAP`,
    source: desired.source,
  });
}

/** Checks of the declared objects against IAM and the cluster: roles, trust policies, partitions, the agent. */
export function checkDeclared(desired: DesiredCluster, live: LiveCluster): Finding[] {
  const findings: Finding[] = [];
  const partitionOf = (arn: string) => parseArn(arn)?.partition;
  const checkPartition = (arn: string, what: string, key: string, source: DesiredCluster['source']) => {
    const partition = partitionOf(arn);
    if (partition && partition !== live.partition) {
      findings.push(finding('PARTITION_MISMATCH', `${what} ${arn} is in partition ${partition}, but cluster ${live.name} (${live.region}) is in ${live.partition}`, {
        key, fix: 'write the ARN as arn:${partition}:… so it follows the cluster', source,
      }));
    }
  };
  for (const a of desired.associations) {
    const key = associationId(a.namespace, a.serviceAccount);
    checkPartition(a.roleArn, 'role', key, a.source);
    if (a.targetRoleArn) checkPartition(a.targetRoleArn, 'target role', key, a.source);
    // A role of a `role:` block is planned as an iamRole change (roles.ts), its trust built to fit.
    const role = a.managedRole ? undefined : live.roles[a.roleArn];
    if (role === null) {
      findings.push(finding('ROLE_NOT_FOUND', `IAM role ${a.roleArn} does not exist`, { key, fix: 'create the role (with a trust policy for pods.eks.amazonaws.com), or fix roleName/roleArn', source: a.source }));
    } else if (role) {
      const problem = podIdentityTrustProblem(role.trustPolicy, {
        accountId: live.accountId,
        clusterArn: `arn:${live.partition}:eks:${live.region}:${live.accountId}:cluster/${live.name}`,
        clusterName: live.name,
        namespace: a.namespace,
        serviceAccount: a.serviceAccount,
        sessionTags: !a.disableSessionTags,
      });
      if (problem) {
        findings.push(finding('TRUST_POLICY_MISSING_POD_IDENTITY', `role ${role.roleName} cannot be used by this association: ${problem}`, {
          key,
          fix: problem.startsWith('no statement')
            ? 'add a trust statement: {"Effect":"Allow","Principal":{"Service":"pods.eks.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]} (eks-identity migrate-irsa does this for IRSA roles)'
            : "widen the trust policy's condition (or the Deny) to admit this cluster, namespace and service account, or use a role meant for them",
          source: a.source,
        }));
      }
      const foreign = foreignPartitionNames(role.trustPolicy, live.partition);
      if (foreign.length > 0) {
        findings.push(finding('TRUST_POLICY_PARTITION_MISMATCH', `the trust policy of role ${role.roleName} names ${foreign.join(', ')}, which belong to another partition than ${live.partition}`, {
          key, fix: live.partition === 'aws-cn' ? 'use the China names (e.g. ec2.amazonaws.com.cn, arn:aws-cn:…)' : 'use this partition\'s ARNs and service principal names', source: a.source,
        }));
      }
    }
  }
  for (const e of desired.accessEntries) {
    const key = entryId(e.principalArn);
    checkPartition(e.principalArn, 'principal', key, e.source);
    for (const p of e.accessPolicies) checkPartition(p.policyArn, 'access policy', key, p.source ?? e.source);
  }
  if (desired.associations.length > 0 && !live.autoMode && !live.addons.some((a) => a.name === AGENT_ADDON)) {
    findings.push(finding('POD_IDENTITY_AGENT_MISSING', `cluster ${live.name} has no eks-pod-identity-agent add-on: pods will not receive credentials from their associations`, {
      fix: `aws eks create-addon --cluster-name ${live.name} --addon-name eks-pod-identity-agent (ignore this if the agent is installed another way)`,
      source: desired.source,
    }));
  }
  return findings;
}

/** Checks of the plan as a whole: quotas, the delete budget, lockout. */
export function checkChanges(live: LiveCluster, changes: Change[], options: { maxDeletes?: number; allowLockout?: boolean }): Finding[] {
  const findings: Finding[] = [];
  const count = (kind: Change['kind'], actions: Change['action'][]) => changes.filter((c) => c.kind === kind && actions.includes(c.action)).length;
  // An add-on's associations count towards the cluster's quota as any other.
  const associations = live.associationSummaries.length + count('podIdentityAssociation', ['create']) + count('addonAssociation', ['create']) - count('podIdentityAssociation', ['delete']) - count('addonAssociation', ['delete']);
  if (associations > ASSOCIATION_QUOTA) {
    findings.push(finding('QUOTA_ASSOCIATIONS', `cluster ${live.name} would have ${associations} Pod Identity associations; the EKS quota is ${ASSOCIATION_QUOTA}`, { fix: 'remove associations, or split workloads across clusters' }));
  }
  const entries = live.accessEntryPrincipals.length + count('accessEntry', ['create']) - count('accessEntry', ['delete']);
  if (entries > ACCESS_ENTRY_QUOTA) {
    findings.push(finding('QUOTA_ACCESS_ENTRIES', `cluster ${live.name} would have ${entries} access entries; the EKS quota is ${ACCESS_ENTRY_QUOTA}`, { fix: 'remove entries (group principals into roles)' }));
  }
  const maxDeletes = options.maxDeletes ?? DEFAULT_MAX_DELETES;
  const deletes = count('podIdentityAssociation', ['delete', 'replace']) + count('accessEntry', ['delete', 'replace']);
  if (deletes > maxDeletes) {
    findings.push(finding('MAX_DELETES_EXCEEDED', `the plan deletes or replaces ${deletes} objects on cluster ${live.name}; the limit is ${maxDeletes}`, { fix: `review the deletes, then raise the limit with --max-deletes ${deletes} (action input max-deletes)` }));
  }
  if (!options.allowLockout) findings.push(...lockoutFindings(live, changes));
  return findings;
}

function lockoutFindings(live: LiveCluster, changes: Change[]): Finding[] {
  const findings: Finding[] = [];
  const caller = live.caller.principalArn;
  const fix = 'keep your own entry and a cluster admin, or pass --allow-lockout (action input allow-lockout) if this is intended';
  const removesAdmin = (c: Change) =>
    c.kind === 'accessPolicy' &&
    isClusterAdminPolicy((c.before as AccessPolicyValue | undefined)?.policyArn ?? '') &&
    (c.before as AccessPolicyValue).scope.type === 'cluster' &&
    (c.action === 'delete' || (c.action === 'update' && (c.after as AccessPolicyValue).scope.type !== 'cluster'));
  for (const c of changes) {
    const principal = c.kind === 'accessEntry' ? (c.before as { principalArn?: string } | undefined)?.principalArn : c.kind === 'accessPolicy' ? (c.before as AccessPolicyValue | undefined)?.principalArn : undefined;
    if (!principal || !isSamePrincipal(principal, caller)) continue;
    if ((c.kind === 'accessEntry' && (c.action === 'delete' || c.action === 'replace')) || removesAdmin(c)) {
      findings.push(finding('LOCKOUT_CALLER', `this plan ${c.action === 'replace' ? 'replaces' : 'removes'} ${c.kind === 'accessEntry' ? 'the access entry' : 'the cluster admin policy'} of the identity running it (${live.caller.arn}) on cluster ${live.name}`, { key: c.id, fix }));
    }
  }
  // Last admin: only when the plan takes cluster-wide admin away from someone.
  // Deleting or replacing an entry takes its policies along (a replacement keeps only those the plan
  // associates again, counted in `gains`); it matters here only for an entry that was an admin.
  const isAdmin = (e: LiveCluster['accessEntries'][number]) => e.accessPolicies.some((p) => isClusterAdminPolicy(p.policyArn) && p.scope.type === 'cluster');
  const admins = new Set(live.accessEntries.filter(isAdmin).map((e) => e.principalArn));
  const dropsEntry = (c: Change) => c.kind === 'accessEntry' && (c.action === 'delete' || c.action === 'replace');
  const lost = new Set(
    changes
      .map((c) => ({ c, principal: (c.before as { principalArn?: string } | undefined)?.principalArn ?? '' }))
      .filter(({ c, principal }) => removesAdmin(c) || (dropsEntry(c) && admins.has(principal)))
      .map(({ principal }) => principal),
  );
  if (lost.size > 0) {
    const keeps = [...admins].some((principal) => !lost.has(principal));
    const gains = changes.some((c) => c.kind === 'accessPolicy' && (c.action === 'create' || c.action === 'update') && isClusterAdminPolicy((c.after as AccessPolicyValue).policyArn) && (c.after as AccessPolicyValue).scope.type === 'cluster');
    if (!keeps && !gains) {
      findings.push(finding('LOCKOUT_NO_ADMIN', `after this plan no known access entry of cluster ${live.name} keeps cluster-wide AmazonEKSClusterAdminPolicy`, { fix }));
    }
  }
  return findings;
}
