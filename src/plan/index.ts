export { computePlan, type PlanOptions } from './compute-plan.js';
export { fingerprintPlan, fingerprintMatches, withClusterFingerprints, compareClusterFingerprints, type ClusterFingerprintMismatch, fingerprintPrefixProblem, FINGERPRINT_PREFIX_MIN, EMPTY_PLAN_FINGERPRINT } from './fingerprint.js';
export { summarize, hasChanges } from './summary.js';
export { FINDINGS, ASSOCIATION_QUOTA, ACCESS_ENTRY_QUOTA, DEFAULT_MAX_DELETES, type FindingCode } from './codes.js';
export { associationId, entryId, policyId } from './ids.js';
export { trustsPodIdentity, podIdentityTrustProblem, foreignPartitionNames, type PodIdentityRequest } from './trust.js';
