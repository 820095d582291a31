import type { DesiredCluster, DesiredState } from '../model/desired.js';
import type { LiveCluster, LiveState } from '../model/live.js';
import { PLAN_VERSION, principalsOfChange, type Change, type ClusterPlan, type Finding, type Plan } from '../model/plan.js';
import { diffAccessEntries } from './access-entries.js';
import { diffAssociations } from './associations.js';
import { diffAddonAssociations } from './addon-associations.js';
import { authModeFinding, checkChanges, checkDeclared } from './checks.js';
import { compare, finding } from './finding.js';
import { fingerprintPlan, withClusterFingerprints } from './fingerprint.js';
import { podCredentialFindings } from './pod-credentials.js';
import { planRoles } from './roles.js';
import { withAddonRoleFacts } from './addon-roles.js';
import { checkPrincipals } from './principals.js';
import { summarize } from './summary.js';

export interface PlanOptions {
  /** Deletes plus replacements allowed per cluster before MAX_DELETES_EXCEEDED (default 10). */
  maxDeletes?: number;
  /** Do not report lockout (own entry, last cluster admin) as errors. */
  allowLockout?: boolean;
  /** Plan only these clusters (by name); empty or absent: every cluster the manifest declares. */
  clusters?: readonly string[];
}

const KIND_ORDER: Record<Change['kind'], number> = { authenticationMode: 0, iamRole: 1, trustPolicy: 2, accessEntry: 3, accessPolicy: 4, podIdentityAssociation: 5, addonAssociation: 6 };
/** A role's delete comes last, as apply runs it: after the associations that used the role are gone. */
const changeRank = (c: Change) => (c.kind === 'iamRole' && c.action === 'delete' ? Object.keys(KIND_ORDER).length : KIND_ORDER[c.kind]);
const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/**
 * The pure diff of desired against live state, with every safety check. Deterministic: the same
 * inputs give the same plan, in the same order, with the same fingerprint.
 */
export function computePlan(desired: DesiredState, live: LiveState, options: PlanOptions = {}): Plan {
  const liveByName = new Map(live.clusters.map((c) => [`${c.name}\u0000${c.region}`, c]));
  const wanted = options.clusters && options.clusters.length > 0 ? new Set(options.clusters) : undefined;
  const planned = desired.clusters.filter((d) => !wanted || wanted.has(d.name));
  const plans = planned.map((d) => planCluster(d, liveByName.get(`${d.name}\u0000${d.region}`), options));
  // IAM roles are global to an account: planned across clusters, each under one of them.
  const roles = planRoles(withAddonRoleFacts(desired, live), planned, live, new Map(plans.map((p) => [p.name, p.changes])));
  const clusters = withClusterFingerprints(
    plans.map((p) => withRoles(p, roles.changes.get(p.name), roles.findings.get(p.name))).sort((a, b) => compare(a.name, b.name) || compare(a.region, b.region)),
  );
  return { version: PLAN_VERSION, fingerprint: fingerprintPlan(clusters), summary: summarize(clusters), clusters };
}

/** A cluster's plan with the role changes and findings planned under it, in plan order. */
function withRoles(plan: Omit<ClusterPlan, 'fingerprint'>, changes: Change[] = [], findings: Finding[] = []): Omit<ClusterPlan, 'fingerprint'> {
  if (changes.length === 0 && findings.length === 0) return plan;
  return {
    ...plan,
    changes: [...plan.changes, ...changes].sort((a, b) => changeRank(a) - changeRank(b) || compare(a.id, b.id)),
    findings: [...plan.findings, ...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compare(a.code, b.code) || compare(a.key ?? '', b.key ?? '')),
  };
}

function planCluster(desired: DesiredCluster, live: LiveCluster | undefined, options: PlanOptions): Omit<ClusterPlan, 'fingerprint'> {
  const base = { name: desired.name, region: desired.region, ...(live?.accountId ?? desired.accountId ? { accountId: live?.accountId ?? desired.accountId } : {}) };
  if (!live || !live.exists) {
    return {
      ...base,
      changes: [],
      findings: [finding('CLUSTER_NOT_FOUND', `cluster ${desired.name} was not found in ${desired.region}${live ? ` (account ${live.accountId})` : ''}`, {
        fix: 'check the name, region and account in `clusters`, and that the credentials can call eks:DescribeCluster',
        source: desired.source,
      })],
    };
  }
  const findings: Finding[] = [];
  const changes: Change[] = [];
  const associations = diffAssociations(desired, live);
  changes.push(...associations.changes);
  findings.push(...associations.findings);
  const addons = diffAddonAssociations(desired, live);
  changes.push(...addons.changes);
  findings.push(...addons.findings);
  let undeclaredEntries: string[] = [];
  const authMode = authModeFinding(desired, live);
  if (authMode) {
    findings.push(authMode);
  } else {
    const entries = diffAccessEntries(desired, live);
    changes.push(...entries.changes);
    findings.push(...entries.findings);
    undeclaredEntries = entries.undeclared;
  }
  findings.push(...checkDeclared(desired, live), ...checkPrincipals(desired, live), ...checkChanges(live, changes, options), ...podCredentialFindings(changes));
  changes.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compare(a.id, b.id));
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compare(a.code, b.code) || compare(a.key ?? '', b.key ?? ''));
  const iamCreateDates = createDatesOf(live, changes);
  const undeclared = associations.undeclared.length + undeclaredEntries.length > 0 ? { undeclared: { associations: associations.undeclared, accessEntries: undeclaredEntries } } : {};
  const uncounted = desired.prune ? [] : (live.uncounted ?? []);
  return { ...base, changes, findings, ...undeclared, ...(uncounted.length > 0 ? { uncounted: [...uncounted] } : {}), ...(Object.keys(iamCreateDates).length > 0 ? { iamCreateDates } : {}) };
}

/** CreateDate of the IAM roles and users the writes of a plan name, as read (see ClusterPlan.iamCreateDates). */
function createDatesOf(live: LiveCluster, changes: readonly Change[]): Record<string, string> {
  const dates: Array<[string, string]> = [];
  for (const arn of new Set(changes.filter((c) => c.action !== 'delete' && c.action !== 'unmanaged').flatMap(principalsOfChange))) {
    const created = live.roles[arn]?.createDate ?? live.users?.[arn]?.createDate ?? live.managedRoles?.[arn]?.createDate;
    if (created !== undefined) dates.push([arn, created]);
  }
  return Object.fromEntries(dates.sort(([a], [b]) => compare(a, b)));
}
