/** Shapes shared by the well-known policy catalog and its callers. */
import type { PolicyDocument } from '../iam-limits.js';

export type { PolicyDocument };

/** Where a role is being built: every ARN and condition in the catalog is derived from these. */
export interface WellKnownContext {
  partition: string;
  accountId: string;
  region: string;
  cluster: string;
}

/** A parameter as the manifest sees it. */
export interface WellKnownParameter {
  name: string;
  required: boolean;
  description: string;
  /** true: a list of strings; false: one string. */
  list: boolean;
}

export interface WellKnownPolicyDescription {
  summary: string;
  /** URL of the published policy the statements were written from. */
  source: string;
  /** The upstream release or commit the statements follow. */
  sourceVersion: string;
  parameters: WellKnownParameter[];
}

/** What a well-known policy puts on a role. */
export interface WellKnownPolicyExpansion {
  managedPolicyArns: string[];
  /** Keyed by inline policy name, `eks-identity-<name>`. */
  inlinePolicies: Record<string, PolicyDocument>;
}

/** A parameter with the shape each of its values must have. */
export interface ParameterSpec extends WellKnownParameter {
  /** Each value (each item of a list) must match. */
  pattern: RegExp;
  /** What a valid value looks like, worded for the problem message. */
  expected: string;
}

/** Parameter values once checked: a string, or a non-empty list of strings. */
export type ParameterValues = Readonly<Record<string, string | readonly string[] | undefined>>;

/** One IAM statement as the catalog writes it (every catalog statement allows). */
export interface Statement {
  Effect: 'Allow';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface WellKnownPolicyDefinition {
  name: string;
  summary: string;
  source: string;
  /** The upstream release or commit the statements follow, for the docs and reviews. */
  sourceVersion: string;
  parameters: readonly ParameterSpec[];
  /** AWS managed policy names; their paths come from the AWS managed policy list. */
  managedPolicies: readonly string[];
  /** Inline statements; none when the AWS managed policies cover everything. */
  statements?: (values: ParameterValues, ctx: WellKnownContext) => Statement[];
}
