import type { AccessPolicyValue, Change, Plan } from '../model/plan.js';

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
  clusterName: string;
  steps: Step[];
  chain: boolean;
}

/**
 * The execution order, as phases that run one after the other; the units of a phase are
 * independent and run concurrently.
 *  1. cluster settings: authentication-mode changes (access entries need the API mode) and trust
 *     policies (associations need them to work);
 *  2. creates, updates and replacements: an access entry and then its policy associations as one
 *     chain; every association on its own;
 *  3. deletes, last, so nothing is removed before its replacement exists: an entry's policy
 *     associations before the entry.
 */
export interface ExecutionOrder {
  phases: Unit[][];
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
  const settings: Unit[] = [];
  const writes: Unit[] = [];
  const deletes: Unit[] = [];
  const entryWrites = new Map<string, Unit>();
  const entryDeletes = new Map<string, Unit>();
  const unitFor = (map: Map<string, Unit>, list: Unit[], clusterName: string, principalArn: string, chain: boolean): Unit => {
    const key = `${clusterName}\u0000${principalArn}`;
    let unit = map.get(key);
    if (!unit) {
      unit = { clusterName, steps: [], chain };
      map.set(key, unit);
      list.push(unit);
    }
    return unit;
  };

  for (const step of steps) {
    const { change, clusterName } = step;
    const isDelete = change.action === 'delete';
    switch (change.kind) {
      case 'authenticationMode':
      case 'trustPolicy':
        settings.push({ clusterName, steps: [step], chain: false });
        break;
      case 'podIdentityAssociation':
        (isDelete ? deletes : writes).push({ clusterName, steps: [step], chain: false });
        break;
      case 'accessEntry':
      case 'accessPolicy': {
        const principal = principalOf(change);
        const unit = isDelete
          ? unitFor(entryDeletes, deletes, clusterName, principal, false)
          : unitFor(entryWrites, writes, clusterName, principal, true);
        unit.steps.push(step);
        break;
      }
    }
  }
  // Within a principal: the entry before its policies on the way up, after them on the way down.
  for (const unit of entryWrites.values()) unit.steps.sort((a, b) => rank(a.change) - rank(b.change) || a.index - b.index);
  for (const unit of entryDeletes.values()) unit.steps.sort((a, b) => rank(b.change) - rank(a.change) || a.index - b.index);
  return { phases: [settings, writes, deletes].filter((p) => p.length > 0), steps };
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
