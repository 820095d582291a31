/**
 * eks-identity as a library: the same operations the CLI and the GitHub Action run.
 *
 *   import { plan, renderPlan } from 'eks-identity';
 *   await using prepared = await plan({ manifest: 'identity/' });
 *   console.log(renderPlan(prepared.plan, 'text'));
 *
 * The loopback emulator is a separate entry: `eks-identity/emulator`.
 */

// The operations: plan · apply (one refusal policy) · migrate · export.
export {
  plan,
  withPlan,
  apply,
  migrateIrsa,
  migrateAwsAuth,
  exportCluster,
  PreparedPlan,
  Proposal,
  ApplyRefusedError,
  ManifestInvalidError,
  loadValidManifest,
  type ApplyOptions,
  type ApplyOutcome,
  type AwsAccess,
  type ClusterTarget,
  type ExportRequest,
  type ManifestSelection,
  type MigrateAwsAuthRequest,
  type MigrateIrsaRequest,
  type MigrationRequest,
  type PlanGuards,
  type PlanRequest,
  type ProposalCluster,
  type ProposalKind,
  type ProposedFile,
  startTimeLimit,
  type TimeLimit,
} from './operations/index.js';

// Pure pieces, for callers that bring their own data: manifest → desired state, desired + live → plan, plan → text.
export {
  loadManifest,
  parseManifestText,
  parseManifestTexts,
  expandManifest,
  formatDiagnostic,
  manifestSchema,
  manifestJsonSchema,
  type LoadedManifest,
  type Manifest,
  type ManifestDiagnostic,
  type ExpandContext,
} from './manifest/index.js';
export { listManifestClusters, listManifestAccounts, type ClusterListing, type AccountListing } from './manifest/cluster-list.js';
export { renderClusterList, renderAccountList } from './render/cluster-list.js';
export { computePlan, fingerprintMatches, compareClusterFingerprints, type ClusterFingerprintMismatch, type PlanOptions } from './plan/index.js';
export { renderPlan } from './render/index.js';
export { renderApplyReport } from './render/apply-report.js';
export type { ApplyReport, ApplyResult, ApplyEvent } from './apply/index.js';
export { createProgressReporter, silentProgress, type ProgressReporter } from './aws/progress.js';
export { AwsCallError } from './aws/errors.js';
export { formatAwsCall, type AwsCallLog, type AwsCallRecord } from './aws/call-log.js';
export { Deadline, DEFAULT_TIMEOUT_MS, parseTimeout, type DeadlineClock } from './aws/deadline.js';
export { CallWatch, describeCalls, type CallSnapshot } from './aws/call-watch.js';
export { renderManifestFragment, type ManifestFragment, type NotConvertible } from './migrate/index.js';

// Shared model and errors.
export { EksIdentityError } from './errors.js';
export type * from './model/desired.js';
export type * from './model/live.js';
export type * from './model/plan.js';
// Workload roles (`role:` blocks): the desired role model, the default name, and the Pod Identity
// trust eks-identity builds for the associations that declare a role (checked by the same trust check as the plan).
export type * from './model/desired-role.js';
export { defaultRoleName } from './model/desired-role.js';
export { buildPodIdentityTrust } from './plan/trust-policy-build.js';
export { podIdentityTrustProblem, trustsPodIdentity, type PodIdentityRequest } from './plan/trust.js';
export type { SourceLocation } from './model/source.js';
export { partitionOfRegion, type Partition } from './model/partition.js';
export { OWNER_TAG, ownerOf, type PruneMode } from './model/ownership.js';

// The EKS rules `validate`, the plan and the emulator share: the bundled access-policy catalog
// (with did-you-mean), per-type access entry rules, and the limits of the values sent.
export { bundledAccessPolicies, bundledAccessPolicyNames, isBundledAccessPolicy, suggestAccessPolicy, type AccessPolicySummary } from './model/access-policies.js';
export { accessEntryProblems, ACCESS_ENTRY_TYPES, NODE_IDENTITIES, type AccessEntryInput, type AccessEntryProblem, type AccessEntryType } from './model/access-entry-rules.js';
export { groupProblems, sessionPolicyProblems, tagProblems, usernameProblems, SESSION_POLICY_MAX, TAG_LIMITS, type LimitProblem } from './model/api-limits.js';
// IAM's limits on the roles and policies eks-identity writes, and the AWS managed policies it knows.
export {
  checkIamRole,
  checkIamTags,
  checkManagedPolicySize,
  checkMaxSessionDuration,
  checkPolicyArn,
  checkPolicyDocument,
  checkPolicyName,
  checkRoleDescription,
  checkRoleName,
  checkRolePath,
  checkRolePolicySizes,
  policyLength,
  IAM_LIMITS,
  type IamErrorCode,
  type IamProblem,
  type IamRoleDefinition,
  type IamRoleField,
  type IamQuotas,
  type PolicyDocument,
  type PolicyKind,
} from './model/iam-limits.js';
export { AWS_MANAGED_POLICIES, awsManagedPolicyArn, findAwsManagedPolicy, isAwsManagedPolicyArn, suggestAwsManagedPolicy, type AwsManagedPolicy } from './model/aws-managed-policies.js';

// The well-known policy catalog that `role: { wellKnownPolicies }` draws from.
export {
  checkWellKnownParameters,
  describeWellKnownPolicy,
  expandWellKnownPolicy,
  wellKnownInlinePolicyName,
  WELL_KNOWN_POLICY_NAMES,
  type WellKnownContext,
  type WellKnownParameter,
  type WellKnownPolicyDescription,
  type WellKnownPolicyExpansion,
} from './model/well-known-policies/index.js';
// EKS add-ons' Pod Identity associations: the rules UpdateAddon applies (shared by the plan and the emulator).
export {
  addonAssociationProblems,
  addonNamespace,
  defaultAddonNamespace,
  type AddonProblem,
  type AddonPodIdentityConfig,
  type DesiredAddon,
  type DesiredAddonAssociation,
  type LiveAddonAssociation,
} from './model/addon.js';
