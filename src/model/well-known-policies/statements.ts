/** Small builders the catalog entries share, so each entry reads as its upstream policy does. */
import { servicePrincipalSuffix, type Partition } from '../partition.js';
import type { ParameterSpec, ParameterValues, Statement, WellKnownContext } from './types.js';

export function allow(action: string | string[], resource: string | string[], condition?: Statement['Condition']): Statement {
  return condition ? { Effect: 'Allow', Action: action, Resource: resource, Condition: condition } : { Effect: 'Allow', Action: action, Resource: resource };
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>` in the context's partition. */
export function arnIn(ctx: WellKnownContext, service: string, region: string, account: string, resource: string): string {
  return `arn:${ctx.partition}:${service}:${region}:${account}:${resource}`;
}

/** The regional endpoint name a service shows in `kms:ViaService` (China uses amazonaws.com.cn). */
export function viaService(ctx: WellKnownContext, service: string): string {
  return `${service}.${ctx.region}.${servicePrincipalSuffix(ctx.partition as Partition)}`;
}

/** A single-string parameter's value, or the fallback when it was not given. */
export function valueOf(values: ParameterValues, name: string, fallback: string): string {
  const value = values[name];
  return typeof value === 'string' ? value : fallback;
}

/** A list parameter's values, or undefined when it was not given. */
export function listOf(values: ParameterValues, name: string): string[] | undefined {
  const value = values[name];
  return Array.isArray(value) ? [...(value as readonly string[])] : undefined;
}

// Value shapes. `${...}` is allowed inside ARNs so IAM's own policy variables
// (e.g. ${aws:PrincipalTag/eks-cluster-name}) can scope a resource per session.

/** A KMS key ARN (`key/<id>`; an alias ARN does not authorize use of the key). */
export function kmsKeyArnsParameter(description: string): ParameterSpec {
  return {
    name: 'kmsKeyArns',
    required: false,
    list: true,
    description,
    pattern: /^arn:[a-z-]+:kms:[^:]*:[^:]*:key\/\S+$/,
    expected: 'a KMS key ARN such as arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab (an alias ARN does not authorize use of the key)',
  };
}

/** Route 53 hosted zone IDs: upper-case letters and digits, at most 32 (Route 53 API Reference, HostedZone.Id). */
export function hostedZoneIdsParameter(description: string): ParameterSpec {
  return {
    name: 'hostedZoneIds',
    required: false,
    list: true,
    description,
    pattern: /^[A-Z0-9]{1,32}$/,
    expected: 'a Route 53 hosted zone ID such as Z0123456789ABCDEFGHIJ (without the /hostedzone/ prefix)',
  };
}
