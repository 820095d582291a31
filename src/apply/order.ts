import type { AccessPolicyValue, Change, Plan } from '../model/plan.js';
import { linkRoleDependencies } from './order-roles.js';

/** One change of one cluster, with its position in the plan (the report keeps plan order). */
export interface Step {
  index: number;
  clusterName: string;
  change: Change;
}

/**
 * Steps that run one after another. In a `chain` a step that does not succeed skips the steps
 * after it (a policy association needs its access entry); otherwise each step runs regardless.
 */
export interface Unit {
  /** Position in `ExecutionOrder.units`. */
  id: number;
  clusterName: string;
  steps: Step[];
  chain: boolean;
  /**
   * The kind of work the unit starts with (`podIdentityAssociation:create`, …). Each EKS operation
   * has its own rate limit, so the scheduler shares the in-flight slots across lanes rather than
   * filling them all with one operation while the others' limits go unused.
   */
  lane: string;
  /** Units that must end (whatever their outcome) before this one starts. */
  after: number[];
}

/**
 * What must happen before what, and nothing more: everything else runs side by side, since each
 * operation has its own rate limit and waiting on unrelated work only leaves limits unused.
 *  - A cluster's authentication-mode change comes before every access-entry change of that
 *    cluster (entries need the API mode; when the change fails they are skipped).
 *  - A cluster's trust-policy changes come before its association creates and updates (the
 *    associations need the trust to work).
 *  - A principal's entry comes before its policy associations, as one chain; on the way out its
 *    policy associations go before the entry.
 *  - Access removals of a cluster wait for all access grants of that cluster, so nobody loses
 *    access before the access that replaces it exists, and the lockout guard knows whether a new
 *    cluster-admin grant went through.
 *  - An add-on's association changes are one unit (one UpdateAddon with the add-on's whole list),
 *    after the cluster's trust-policy changes.
 *  - Association creates, updates and deletes are independent of each other: no association can
 *    stand in for another (one per service account), and a replacement is one step (delete, then
 *    create) of its own.
 *  - An IAM role eks-identity owns is created or updated (with its policies) before the
 *    associations that will use it, and deleted after the associations that used it are deleted or
 *    moved, whichever cluster they are on (order-roles.ts).
 */
export interface ExecutionOrder {
  units: Unit[];
  /** Every executable step in plan order (unmanaged notes are not steps). */
  steps: Step[];
}

export function orderPlan(plan: Plan): ExecutionOrder {
  const steps: Step[] = [];
  for (const cluster of plan.clusters) {
    for (const change of cluster.changes) {
      if (change.action !== 'unmanaged') steps.push({ index: steps.length, clusterName: cluster.name, change });
    }
  }
  const units: Unit[] = [];
  const newUnit = (clusterName: string, chain: boolean): Unit => {
    const unit: Unit = { id: units.length, clusterName, steps: [], chain, lane: '', after: [] };
    units.push(unit);
    return unit;
  };
  const principals = new Map<string, Unit>();
  const addons = new Map<string, Unit>();
  const unitOfPrincipal = (clusterName: string, principalArn: string, isDelete: boolean): Unit => {
    const key = `${clusterName}\u0000${principalArn}\u0000${isDelete ? 'out' : 'in'}`;
    let unit = principals.get(key);
    if (!unit) {
      unit = newUnit(clusterName, !isDelete);
      principals.set(key, unit);
    }
    return unit;
  };

  for (const step of steps) {
    const { change, clusterName } = step;
    if (change.kind === 'accessEntry' || change.kind === 'accessPolicy') {
      unitOfPrincipal(clusterName, principalOf(change), change.action === 'delete').steps.push(step);
    } else if (change.kind === 'addonAssociation') {
      // One UpdateAddon carries all of an add-on's changes: they form one unit.
      const key = `${clusterName}\u0000addon\u0000${change.addon?.name ?? change.id}`;
      let unit = addons.get(key);
      if (!unit) {
        unit = newUnit(clusterName, false);
        addons.set(key, unit);
      }
      unit.steps.push(step);
    } else {
      newUnit(clusterName, false).steps.push(step);
    }
  }

  // Within a principal: the entry before its policies on the way in, after them on the way out.
  for (const unit of units) {
    if (unit.steps.length > 1) {
      const out = unit.steps[0]!.change.action === 'delete';
      unit.steps.sort((a, b) => (out ? rank(b.change) - rank(a.change) : rank(a.change) - rank(b.change)) || a.index - b.index);
    }
    const first = unit.steps[0]!.change;
    unit.lane = `${first.kind}:${first.action}`;
  }
  linkDependencies(units);
  linkRoleDependencies(units);
  return { units, steps };
}

type Role = 'authMode' | 'trust' | 'associationWrite' | 'associationDelete' | 'accessWrite' | 'accessDelete' | 'iamRole' | 'addonWrite';

function roleOf(unit: Unit): Role {
  const change = unit.steps[0]!.change;
  const isDelete = change.action === 'delete';
  switch (change.kind) {
    case 'authenticationMode':
      return 'authMode';
    case 'trustPolicy':
      return 'trust';
    case 'podIdentityAssociation':
      return isDelete ? 'associationDelete' : 'associationWrite';
    case 'accessEntry':
    case 'accessPolicy':
      return isDelete ? 'accessDelete' : 'accessWrite';
    case 'iamRole':
      return 'iamRole';
    case 'addonAssociation':
      return 'addonWrite';
  }
}

/** The edges listed on ExecutionOrder, per cluster. */
const PREREQUISITES: Record<Role, Role[]> = {
  authMode: [],
  trust: [],
  associationWrite: ['trust'],
  associationDelete: [],
  accessWrite: ['authMode'],
  accessDelete: ['authMode', 'accessWrite'],
  iamRole: [],
  // The roles the add-on's associations name must trust Pod Identity before EKS takes them.
  addonWrite: ['trust'],
};

function linkDependencies(units: Unit[]): void {
  const byClusterAndRole = new Map<string, number[]>();
  const keyOf = (clusterName: string, role: Role) => `${clusterName}\u0000${role}`;
  for (const unit of units) {
    const key = keyOf(unit.clusterName, roleOf(unit));
    byClusterAndRole.set(key, [...(byClusterAndRole.get(key) ?? []), unit.id]);
  }
  for (const unit of units) {
    unit.after = PREREQUISITES[roleOf(unit)].flatMap((role) => byClusterAndRole.get(keyOf(unit.clusterName, role)) ?? []);
  }
}

function rank(change: Change): number {
  return change.kind === 'accessEntry' ? 0 : 1;
}

/** The principal an access entry or policy change is about, from its values or its id. */
export function principalOf(change: Change): string {
  const value = (change.after ?? change.before) as Partial<AccessPolicyValue> | undefined;
  if (value?.principalArn) return value.principalArn;
  const id = change.id.replace(/^(entry|policy)\//, '');
  return change.kind === 'accessPolicy' ? id.replace(/\/arn:[^/]*:eks::aws:cluster-access-policy\/.*$/, '') : id;
}
