import type { AccessScope } from '../../src/model/desired.js';
import type { AccessEntryValue, AccessPolicyValue, AssociationValue, Change, Finding, Plan } from '../../src/model/plan.js';
import { withClusterFingerprints } from '../../src/plan/fingerprint.js';

export const ACCOUNT = '111122223333';
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
export const policyArn = (name: string) => `arn:aws:eks::aws:cluster-access-policy/${name}`;
export const ADMIN = policyArn('AmazonEKSClusterAdminPolicy');
export const VIEW = policyArn('AmazonEKSViewPolicy');

export function association(namespace: string, serviceAccount: string, extra: Partial<AssociationValue> = {}): AssociationValue {
  return { namespace, serviceAccount, roleArn: roleArn(`${namespace}-${serviceAccount}`), disableSessionTags: false, tags: { 'managed-by': 'eks-identity' }, ...extra };
}

export function entry(name: string, extra: Partial<AccessEntryValue> = {}): AccessEntryValue {
  return { principalArn: roleArn(name), type: 'STANDARD', kubernetesGroups: [], tags: {}, ...extra };
}

export function policy(principal: string, policy: string, scope: AccessScope = { type: 'cluster' }): AccessPolicyValue {
  return { principalArn: principal, policyArn: policy, scope };
}

export const createAssociation = (a: AssociationValue): Change => ({ id: `association/${a.namespace}/${a.serviceAccount}`, kind: 'podIdentityAssociation', action: 'create', after: a });
export const updateAssociation = (before: AssociationValue, after: AssociationValue): Change => ({
  id: `association/${after.namespace}/${after.serviceAccount}`,
  kind: 'podIdentityAssociation',
  action: 'update',
  before,
  after,
});
export const deleteAssociation = (a: AssociationValue): Change => ({ id: `association/${a.namespace}/${a.serviceAccount}`, kind: 'podIdentityAssociation', action: 'delete', before: a });
export const createEntry = (e: AccessEntryValue): Change => ({ id: `entry/${e.principalArn}`, kind: 'accessEntry', action: 'create', after: e });
export const replaceEntry = (before: AccessEntryValue, after: AccessEntryValue): Change => ({ id: `entry/${after.principalArn}`, kind: 'accessEntry', action: 'replace', before, after, reason: 'stale' });
export const deleteEntry = (e: AccessEntryValue): Change => ({ id: `entry/${e.principalArn}`, kind: 'accessEntry', action: 'delete', before: e });
export const createPolicy = (p: AccessPolicyValue): Change => ({ id: `policy/${p.principalArn}/${p.policyArn}`, kind: 'accessPolicy', action: 'create', after: p });
export const deletePolicy = (p: AccessPolicyValue): Change => ({ id: `policy/${p.principalArn}/${p.policyArn}`, kind: 'accessPolicy', action: 'delete', before: p });

export function planOf(clusters: Record<string, Change[]>, findings: Record<string, Finding[]> = {}): Plan {
  return {
    version: 1,
    fingerprint: 'f'.repeat(64),
    summary: { create: 0, update: 0, replace: 0, delete: 0, unmanaged: 0, errors: 0, warnings: 0 },
    clusters: withClusterFingerprints(Object.entries(clusters).map(([name, changes]) => ({ name, region: 'us-east-1', changes, findings: findings[name] ?? [] }))),
  };
}
