/**
 * Plans for the apply workloads, built directly (no manifest): a mix of creates, updates and
 * deletes of associations, entries and policy associations on one cluster. And the check after
 * the apply: is every desired object there, exactly once, and every deleted one gone?
 */
import type { EmulatorInspection, EmulatorState } from '../src/emulator/index.js';
import type { AccessEntryValue, AccessPolicyValue, AssociationValue, Change, Plan } from '../src/model/plan.js';
import { associationAt, policiesAt, principalAt, roleArn } from './world.js';
import { withClusterFingerprints } from '../src/plan/fingerprint.js';

export interface ApplyMix {
  createAssociations: number;
  updateAssociations: number;
  deleteAssociations: number;
  /** Each new entry comes with one policy association (two changes). */
  createEntries: number;
  updateEntries: number;
  deleteEntries: number;
}

export const changeCount = (m: ApplyMix) =>
  m.createAssociations + m.updateAssociations + m.deleteAssociations + 2 * m.createEntries + m.updateEntries + m.deleteEntries;

/** A mix of about `n` changes in the proportions of a busy release: mostly creates and updates. */
export function mixOf(n: number): ApplyMix {
  const unit = n / 20;
  const mix = {
    createAssociations: Math.round(6 * unit),
    updateAssociations: Math.round(4 * unit),
    deleteAssociations: Math.round(2 * unit),
    createEntries: Math.round(3 * unit),
    updateEntries: Math.round(unit),
    deleteEntries: Math.round(unit),
  };
  mix.createAssociations += n - changeCount(mix);
  return mix;
}

/** The live shape the mix works on: enough existing objects to update and delete. */
export function liveShapeFor(m: ApplyMix): { associations: number; accessEntries: number } {
  return { associations: m.updateAssociations + m.deleteAssociations, accessEntries: m.updateEntries + m.deleteEntries };
}

const TAGS = { 'managed-by': 'eks-identity' };
/** New objects use roles created just before the apply when `freshRoles` is set (IAM propagation). */
export const freshRoleName = (i: number) => `fresh-${String(i).padStart(5, '0')}`;

function associationValue(i: number, role?: string): AssociationValue {
  const a = associationAt(i);
  return { namespace: a.namespace, serviceAccount: a.serviceAccount, roleArn: role ?? a.roleArn, disableSessionTags: false, tags: TAGS };
}

function entryValue(principalArn: string, groups: string[]): AccessEntryValue {
  return { principalArn, type: 'STANDARD', kubernetesGroups: groups, tags: TAGS };
}

/**
 * The plan for the mix on `cluster`. Existing objects are indices 0.. of the live shape; new ones
 * follow them. `inspection` gives the live association ids, as a real plan would carry them.
 */
export function buildMixedPlan(cluster: { name: string; region: string }, m: ApplyMix, inspection: EmulatorInspection, freshRoles: boolean): Plan {
  const live = liveShapeFor(m);
  const ids = new Map((inspection.clusters.find((c) => c.name === cluster.name)?.podIdentityAssociations ?? []).map((a) => [`${a.namespace}/${a.serviceAccount}`, a.associationId]));
  const withId = (v: AssociationValue): AssociationValue => ({ ...v, associationId: ids.get(`${v.namespace}/${v.serviceAccount}`)! });
  const changes: Change[] = [];
  const assocId = (v: AssociationValue) => `association/${v.namespace}/${v.serviceAccount}`;
  for (let i = 0; i < m.updateAssociations; i++) {
    const before = withId(associationValue(i));
    // Move to the next shared role: a role change is the common update.
    const after = { ...associationValue(i, roleArn(`app-${String(Math.floor(i / 10) + 1).padStart(5, '0')}`)), associationId: before.associationId! };
    changes.push({ id: assocId(after), kind: 'podIdentityAssociation', action: 'update', before, after, fields: [{ field: 'roleArn', before: before.roleArn, after: after.roleArn }] });
  }
  for (let i = m.updateAssociations; i < live.associations; i++) {
    const before = withId(associationValue(i));
    changes.push({ id: assocId(before), kind: 'podIdentityAssociation', action: 'delete', before });
  }
  for (let k = 0; k < m.createAssociations; k++) {
    const i = live.associations + k;
    const after = associationValue(i, freshRoles ? roleArn(freshRoleName(k)) : undefined);
    changes.push({ id: assocId(after), kind: 'podIdentityAssociation', action: 'create', after });
  }
  for (let j = 0; j < m.updateEntries; j++) {
    const before = entryValue(principalAt(j), [`eng-${j % 20}`]);
    const after = entryValue(principalAt(j), [`eng-${j % 20}`, 'reviewers']);
    changes.push({ id: `entry/${after.principalArn}`, kind: 'accessEntry', action: 'update', before, after, fields: [{ field: 'kubernetesGroups', before: before.kubernetesGroups, after: after.kubernetesGroups }] });
  }
  for (let j = m.updateEntries; j < live.accessEntries; j++) {
    const before = entryValue(principalAt(j), [`eng-${j % 20}`]);
    changes.push({ id: `entry/${before.principalArn}`, kind: 'accessEntry', action: 'delete', before });
  }
  for (let k = 0; k < m.createEntries; k++) {
    const j = live.accessEntries + k;
    // Fresh principals are roles created just before the apply; otherwise the shape's principals.
    const principal = freshRoles ? roleArn(freshRoleName(m.createAssociations + k)) : principalAt(j);
    changes.push({ id: `entry/${principal}`, kind: 'accessEntry', action: 'create', after: entryValue(principal, [`eng-${j % 20}`]) });
    const policy: AccessPolicyValue = { principalArn: principal, policyArn: policiesAt(j)[0]!.policyArn, scope: { type: 'cluster' } };
    changes.push({ id: `policy/${principal}/${policy.policyArn}`, kind: 'accessPolicy', action: 'create', after: policy });
  }
  return {
    version: 1,
    fingerprint: 'b'.repeat(64),
    summary: { create: 0, update: 0, replace: 0, delete: 0, unmanaged: 0, errors: 0, warnings: 0, ...countActions(changes) },
    clusters: withClusterFingerprints([{ name: cluster.name, region: cluster.region, changes, findings: [] }]),
  };
}

function countActions(changes: Change[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of changes) out[c.action] = (out[c.action] ?? 0) + 1;
  return out;
}

/** How many fresh roles the mix needs (associations then entries). */
export const freshRoleCount = (m: ApplyMix) => m.createAssociations + m.createEntries;

export interface Verification {
  /** Changes whose result is in place. */
  applied: number;
  /** Desired objects (creates, updates) absent or not as desired after the apply. */
  lost: number;
  /** Keys held by more than one object. */
  duplicated: number;
  /** Deletes whose object is still there. */
  leftOver: number;
}

const policyName = (arn: string) => arn.split('/').pop() ?? arn;

/** Compares the world after the apply with the plan. */
export function verifyApply(plan: Plan, after: EmulatorState): Verification {
  const result: Verification = { applied: 0, lost: 0, duplicated: 0, leftOver: 0 };
  for (const clusterPlan of plan.clusters) {
    const cluster = after.clusters?.find((c) => c.name === clusterPlan.name);
    const associations = new Map<string, AssociationValue[]>();
    for (const a of cluster?.podIdentityAssociations ?? []) {
      const key = `${a.namespace}/${a.serviceAccount}`;
      associations.set(key, [...(associations.get(key) ?? []), { ...a, disableSessionTags: a.disableSessionTags ?? false, tags: a.tags ?? {} } as AssociationValue]);
    }
    const entries = new Map<string, NonNullable<typeof cluster>['accessEntries']>();
    for (const e of cluster?.accessEntries ?? []) entries.set(e.principalArn, [...(entries.get(e.principalArn) ?? []), e]);
    result.duplicated += [...associations.values(), ...entries.values()].filter((list) => (list?.length ?? 0) > 1).length;

    for (const change of clusterPlan.changes) {
      let present: boolean;
      let asDesired = false;
      if (change.kind === 'podIdentityAssociation') {
        const v = (change.after ?? change.before) as AssociationValue;
        const found = associations.get(`${v.namespace}/${v.serviceAccount}`) ?? [];
        present = found.length > 0;
        asDesired = found.some((a) => a.roleArn === v.roleArn);
      } else if (change.kind === 'accessEntry') {
        const v = (change.after ?? change.before) as AccessEntryValue;
        const found = entries.get(v.principalArn) ?? [];
        present = found.length > 0;
        asDesired = found.some((e) => [...(e.kubernetesGroups ?? [])].sort().join(',') === [...v.kubernetesGroups].sort().join(','));
      } else {
        const v = (change.after ?? change.before) as AccessPolicyValue;
        const policies = (entries.get(v.principalArn) ?? []).flatMap((e) => e.accessPolicies ?? []);
        present = policies.some((p) => policyName(p.policyArn) === policyName(v.policyArn));
        asDesired = present;
      }
      if (change.action === 'delete') {
        if (present) result.leftOver += 1;
        else result.applied += 1;
      } else if (asDesired) result.applied += 1;
      else result.lost += 1;
    }
  }
  return result;
}
