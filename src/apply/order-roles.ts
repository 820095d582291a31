import { parseArn, roleNameOfArn } from '../model/partition.js';
import type { AddonAssociationValue, AssociationValue, Change, IamRoleValue } from '../model/plan.js';
import type { Unit } from './order.js';

/** IAM names a role once per account, whatever its path: the key roles and associations meet on. */
function roleKey(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  const name = roleNameOfArn(arn);
  return name === undefined ? undefined : `${parseArn(arn)?.partition}/${parseArn(arn)?.accountId}/${name}`;
}

/**
 * Edges between owned roles and associations, across clusters (a role is global to its account):
 * an association that will name a role waits for the role's create or update (the role and its
 * policies must exist first), and a role's delete waits for every association change that stops
 * using it (EKS would otherwise hand out credentials of a role that is gone).
 */
export function linkRoleDependencies(units: Unit[]): void {
  const writes = new Map<string, number[]>();
  const deletes = new Map<string, number>();
  for (const unit of units) {
    const change = unit.steps[0]!.change;
    if (change.kind !== 'iamRole') continue;
    const key = roleKey(((change.after ?? change.before) as IamRoleValue | undefined)?.roleArn);
    if (key === undefined) continue;
    if (change.action === 'delete') deletes.set(key, unit.id);
    else writes.set(key, [...(writes.get(key) ?? []), unit.id]);
  }
  if (writes.size === 0 && deletes.size === 0) return;
  for (const unit of units) {
    const change: Change = unit.steps[0]!.change;
    if (change.kind === 'addonAssociation') {
      linkAddonUnit(unit, units, writes, deletes);
      continue;
    }
    if (change.kind !== 'podIdentityAssociation') continue;
    const after = roleKey((change.after as AssociationValue | undefined)?.roleArn);
    const before = roleKey((change.before as AssociationValue | undefined)?.roleArn);
    if (change.action !== 'delete' && after !== undefined) unit.after.push(...(writes.get(after) ?? []));
    // The role's delete waits for this association to stop using it.
    const deleting = before !== undefined && before !== after ? deletes.get(before) : undefined;
    if (deleting !== undefined) units[deleting]!.after.push(unit.id);
  }
}

/**
 * An add-on's unit is one UpdateAddon naming every role of the add-on's list: it waits for the
 * writes of all of them, and a role the list stops naming is deleted only after it.
 */
function linkAddonUnit(unit: Unit, units: Unit[], writes: Map<string, number[]>, deletes: Map<string, number>): void {
  const list = unit.steps[0]!.change.addon?.associations ?? [];
  const named = new Set(list.map((a) => roleKey(a.roleArn)));
  for (const key of named) if (key !== undefined) unit.after.push(...(writes.get(key) ?? []));
  for (const step of unit.steps) {
    const before = roleKey((step.change.before as AddonAssociationValue | undefined)?.roleArn);
    const deleting = before !== undefined && !named.has(before) ? deletes.get(before) : undefined;
    if (deleting !== undefined) units[deleting]!.after.push(unit.id);
  }
}
