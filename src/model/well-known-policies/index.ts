/**
 * The well-known policy catalog: named permission sets for common cluster controllers, which a
 * manifest's `wellKnownPolicies:` puts on a role eks-identity owns. Pure data and functions.
 *
 * Each entry prefers the AWS managed policy where AWS publishes one (it stays current as the
 * controller changes); otherwise it is written from the controller's own published policy,
 * cited in `source`, with the resources it touches parameterised where upstream grants `*`.
 * Every ARN is built in the context's partition.
 */
import { awsManagedPolicyArn } from '../aws-managed-policies.js';
import { AUTO_SCALER } from './cluster-autoscaler.js';
import { CERT_MANAGER, EXTERNAL_DNS } from './dns.js';
import { EXTERNAL_SECRETS } from './external-secrets.js';
import { KARPENTER_CONTROLLER } from './karpenter.js';
import { AWS_LOAD_BALANCER_CONTROLLER } from './load-balancer-controller.js';
import { CLOUDWATCH_OBSERVABILITY, EBS_CSI_CONTROLLER, EFS_CSI_CONTROLLER, IMAGE_BUILDER, VPC_CNI } from './managed.js';
import { S3_CSI_DRIVER } from './mountpoint-s3.js';
import { checkParameters, readParameters } from './parameters.js';
import { suggestName } from './suggest.js';
import type { PolicyDocument, WellKnownContext, WellKnownPolicyDefinition, WellKnownPolicyDescription, WellKnownPolicyExpansion } from './types.js';

export type { PolicyDocument, WellKnownContext, WellKnownParameter, WellKnownPolicyDescription, WellKnownPolicyExpansion } from './types.js';

const CATALOG: readonly WellKnownPolicyDefinition[] = [
  AUTO_SCALER,
  AWS_LOAD_BALANCER_CONTROLLER,
  EXTERNAL_DNS,
  CERT_MANAGER,
  EBS_CSI_CONTROLLER,
  EFS_CSI_CONTROLLER,
  IMAGE_BUILDER,
  KARPENTER_CONTROLLER,
  EXTERNAL_SECRETS,
  CLOUDWATCH_OBSERVABILITY,
  VPC_CNI,
  S3_CSI_DRIVER,
];

export const WELL_KNOWN_POLICY_NAMES: readonly string[] = CATALOG.map((d) => d.name);

/** The IAM policy language version every catalog document uses. */
const POLICY_VERSION = '2012-10-17';

function findDefinition(name: string): WellKnownPolicyDefinition | undefined {
  return CATALOG.find((d) => d.name === name);
}

/** The inline policy name a well-known policy's statements are stored under. */
export function wellKnownInlinePolicyName(name: string): string {
  return `eks-identity-${name}`;
}

/** What a well-known policy grants, where it comes from, and the parameters it takes. */
export function describeWellKnownPolicy(name: string): WellKnownPolicyDescription | undefined {
  const d = findDefinition(name);
  if (!d) return undefined;
  return {
    summary: d.summary,
    source: d.source,
    sourceVersion: d.sourceVersion,
    parameters: d.parameters.map(({ name: p, required, description, list }) => ({ name: p, required, description, list })),
  };
}

/**
 * Problems with a well-known policy name and its parameters, each a sentence naming the parameter
 * and what is expected: an unknown name (with the closest known one), unknown, missing or
 * wrong-typed parameters, malformed values. A `name` key (the manifest's object form) is ignored.
 * Values may hold the manifest's variables (`${cluster}`…) unexpanded, as at `validate`, or expanded.
 */
export function checkWellKnownParameters(name: string, params: Readonly<Record<string, unknown>>): string[] {
  const d = findDefinition(name);
  if (!d) {
    const suggestion = suggestName(name, WELL_KNOWN_POLICY_NAMES);
    const hint = suggestion ? `did you mean '${suggestion}'?` : `the catalog has ${WELL_KNOWN_POLICY_NAMES.join(', ')}.`;
    return [`'${name}' is not a well-known policy; ${hint}`];
  }
  return checkParameters(d, params);
}

/**
 * The managed policy ARNs and inline documents a well-known policy puts on a role in `ctx`.
 * Parameters arrive with the manifest's variables expanded; IAM's own policy variables
 * (`${aws:...}`) are copied through untouched. Call checkWellKnownParameters first: parameters
 * with problems are a caller error and throw.
 */
export function expandWellKnownPolicy(name: string, params: Readonly<Record<string, unknown>>, ctx: WellKnownContext): WellKnownPolicyExpansion {
  const d = findDefinition(name);
  const problems = checkWellKnownParameters(name, params);
  if (!d || problems.length > 0) throw new Error(`Cannot expand well-known policy '${name}': ${problems.join(' ')}`);
  const managedPolicyArns = d.managedPolicies.map((m) => awsManagedPolicyArn(ctx.partition, m));
  const statements = d.statements?.(readParameters(d, params), ctx) ?? [];
  const inlinePolicies: Record<string, PolicyDocument> = {};
  if (statements.length > 0) inlinePolicies[wellKnownInlinePolicyName(name)] = { Version: POLICY_VERSION, Statement: statements };
  return { managedPolicyArns, inlinePolicies };
}
