import type { AccessScope, AuthenticationMode, DesiredAccessEntry, DesiredAssociation } from './desired.js';
import type { AddonAssociationValue } from './addon.js';
import type { DesiredRole } from './desired-role.js';
import type { SourceLocation } from './source.js';

export type { AddonAssociationValue };

export const PLAN_VERSION = 1;

export type ChangeAction = 'create' | 'update' | 'replace' | 'delete' | 'unmanaged';

export type ResourceKind =
  | 'podIdentityAssociation'
  | 'accessEntry'
  | 'accessPolicy'
  | 'trustPolicy'
  | 'authenticationMode'
  | 'iamRole'
  | 'addonAssociation';

/** The fields a change writes, per kind. Values are the desired (after) or live (before) object. */
export interface AssociationValue extends Omit<DesiredAssociation, 'source'> {
  /** Live only. */
  associationId?: string;
  ownerArn?: string;
}

export type AccessEntryValue = Omit<DesiredAccessEntry, 'accessPolicies' | 'source'>;

export interface AccessPolicyValue {
  principalArn: string;
  policyArn: string;
  scope: AccessScope;
}

export interface TrustPolicyValue {
  roleArn: string;
  /** Canonical JSON text of the trust policy document. */
  document: string;
}

export interface AuthenticationModeValue {
  authenticationMode: AuthenticationMode;
}

/**
 * An IAM role eks-identity owns (`role:` blocks): everything its create, update or delete writes,
 * the fields of a desired role (see DesiredRole) with its ARN.
 */
export type IamRoleValue = Pick<DesiredRole, 'roleName' | 'path' | 'trustPolicy' | 'managedPolicyArns' | 'inlinePolicies' | 'permissionsBoundary' | 'maxSessionDuration' | 'description' | 'tags'> & {
  roleArn: string;
};

export type ChangeValue =
  | AssociationValue
  | AddonAssociationValue
  | AccessEntryValue
  | AccessPolicyValue
  | TrustPolicyValue
  | AuthenticationModeValue
  | IamRoleValue;

export interface FieldDiff {
  field: string;
  before?: unknown;
  after?: unknown;
}

export interface Change {
  /** Stable, unique within a cluster: e.g. `association/karpenter/karpenter`, `entry/ARN`, `policy/ARN/POLICYARN`. */
  id: string;
  kind: ResourceKind;
  action: ChangeAction;
  /** Live object (update, replace, delete, unmanaged). */
  before?: ChangeValue;
  /** Desired object (create, update, replace). */
  after?: ChangeValue;
  /** Field-level differences for update and replace. */
  fields?: FieldDiff[];
  /** Why a replace or an unmanaged note. */
  reason?: string;
  /** Where the desired object was declared. */
  source?: SourceLocation;
  /**
   * addonAssociation only: the add-on and its complete desired list, which apply sends as one
   * UpdateAddon (the list replaces the add-on's associations; see model/addon.ts).
   */
  addon?: { name: string; associations: Array<{ serviceAccount: string; roleArn: string }> };
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  severity: Severity;
  /** Stable code, e.g. ROLE_NOT_FOUND. */
  code: string;
  /** The change id or object the finding is about. */
  key?: string;
  message: string;
  /** What to do about it. */
  fix?: string;
  source?: SourceLocation;
}

export interface ClusterPlan {
  name: string;
  region: string;
  accountId?: string;
  /**
   * This cluster's part of the plan: the plan fingerprint of this cluster alone, so a plan limited
   * to one cluster has it as its whole fingerprint. A one-cluster apply compares it with the same
   * cluster's part of the reviewed plan. Not an input of the whole plan's fingerprint.
   */
  fingerprint: string;
  changes: Change[];
  findings: Finding[];
  /**
   * Live objects the manifest does not declare and the plan leaves alone without reading them
   * (prune off), from the list calls: association keys `namespace/serviceAccount` and access entry
   * principal ARNs. Counted in `summary.unmanaged`; absent when there are none.
   */
  undeclared?: { associations: string[]; accessEntries: string[] };
  /**
   * Kinds whose undeclared objects were not listed (prune off on a cluster bigger than one list
   * page: the declared objects were read one by one). `undeclared` and `summary.unmanaged` leave
   * them out; absent when everything was counted.
   */
  uncounted?: Array<'associations' | 'accessEntries'>;
  /**
   * CreateDate (ISO-8601) of the IAM roles and users that the plan's writes name, as the plan read
   * them. Apply retries an "invalid principal" refusal as IAM propagation only for a principal
   * created within the propagation window, or one missing here (not readable, e.g. another account).
   */
  iamCreateDates?: Record<string, string>;
}

export interface PlanSummary {
  create: number;
  update: number;
  replace: number;
  delete: number;
  unmanaged: number;
  /** Clusters whose undeclared objects were not (all) counted (see ClusterPlan.uncounted): `unmanaged` is then a lower bound. Absent when 0. */
  uncountedClusters?: number;
  errors: number;
  warnings: number;
}

export interface Plan {
  version: typeof PLAN_VERSION;
  /** sha256 over the changes (not timestamps, not findings' wording). */
  fingerprint: string;
  summary: PlanSummary;
  clusters: ClusterPlan[];
}

/** The IAM principals a change hands to EKS: an association's role and target role, an entry's or policy's principal. */
export function principalsOfChange(change: Change): string[] {
  const value = (change.after ?? change.before) as { roleArn?: string; targetRoleArn?: string; principalArn?: string } | undefined;
  if (!value) return [];
  if (change.kind === 'podIdentityAssociation' || change.kind === 'addonAssociation') return [value.roleArn, value.targetRoleArn].filter((arn): arn is string => typeof arn === 'string' && arn !== '');
  return typeof value.principalArn === 'string' ? [value.principalArn] : [];
}
