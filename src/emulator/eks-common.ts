/** Checks and helpers shared by the EKS handlers: cluster lookup, paging, tags, field types. */
import { tagProblems, type LimitProblem } from '../model/api-limits.js';
import { eksErrors } from './api-error.js';
import type { EksRequest, RequestContext } from './context.js';
import type { Cluster, Role, User } from './world.js';
import { findByKey } from './lookup.js';

export const seconds = (ms: number) => ms / 1000;

/** Finds the caller's cluster by (account, region, name), else 404 as EKS answers. */
export function findCluster(ctx: RequestContext, name: string): Cluster {
  const cluster = ctx.world.clusters.find((c) => c.name === name && c.region === ctx.region && c.accountId === ctx.caller.accountId);
  if (!cluster) throw eksErrors.notFound(`No cluster found for name: ${name}.`, { clusterName: name });
  return cluster;
}

/** Clusters visible to the caller in the request region. */
export function visibleClusters(ctx: RequestContext): Cluster[] {
  return ctx.world.clusters.filter((c) => c.region === ctx.region && c.accountId === ctx.caller.accountId);
}

/** A role as EKS sees it: absent while IAM propagation is still under way. */
export function findRoleVisibleToEks(ctx: RequestContext, arn: string): Role | undefined {
  const role = findByKey(ctx.world.roles, 'arn', (r) => r.arn, arn);
  return role && role.visibleToEksAtMs <= ctx.now ? role : undefined;
}

export function findUser(ctx: RequestContext, arn: string): User | undefined {
  return findByKey(ctx.world.users, 'arn', (u) => u.arn, arn);
}

interface PageToken {
  o: number;
}

/** Pages a list with EKS `maxResults` (1..limit) and an opaque `nextToken`. */
export function paginate<T>(req: EksRequest, items: T[], limit = 100): { page: T[]; nextToken?: string } {
  const raw = req.query.get('maxResults');
  let max = limit;
  if (raw !== null) {
    max = Number(raw);
    if (!Number.isInteger(max) || max < 1 || max > limit) {
      throw eksErrors.invalidParameter(`maxResults must be between 1 and ${limit} (got ${raw}).`);
    }
  }
  let offset = 0;
  const token = req.query.get('nextToken');
  if (token !== null) {
    try {
      offset = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as PageToken).o;
    } catch {
      offset = Number.NaN;
    }
    if (!Number.isInteger(offset) || offset < 0) throw eksErrors.invalidParameter('The nextToken provided is invalid.');
  }
  const page = items.slice(offset, offset + max);
  const next = offset + max < items.length ? Buffer.from(JSON.stringify({ o: offset + max })).toString('base64url') : undefined;
  return next === undefined ? { page } : { page, nextToken: next };
}

export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw eksErrors.invalidParameter(`${field} must be a string.`);
  return value;
}

export function requiredString(body: Record<string, unknown>, field: string): string {
  const value = optionalString(body, field);
  if (value === undefined || value === '') throw eksErrors.invalidParameter(`${field} is required.`);
  return value;
}

export function optionalBoolean(body: Record<string, unknown>, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw eksErrors.invalidParameter(`${field} must be a boolean.`);
  return value;
}

export function optionalStringList(body: Record<string, unknown>, field: string): string[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw eksErrors.invalidParameter(`${field} must be a list of strings.`);
  return value as string[];
}

/**
 * EKS tag rules (model/api-limits.ts): when sent, at least one tag; at most 50; keys of 1–128
 * characters without the `aws:` prefix; values of at most 256.
 */
export function validateTags(value: unknown, required: boolean): Record<string, string> | undefined {
  if (value === undefined || value === null) {
    if (required) throw eksErrors.invalidParameter('tags must contain at least one tag.');
    return undefined;
  }
  if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw eksErrors.invalidParameter('tags must be a map of strings.');
  }
  const tags = value as Record<string, string>;
  if (Object.keys(tags).length === 0) throw eksErrors.invalidParameter('tags must contain at least one tag when specified.');
  const problem = tagProblems(tags)[0];
  if (problem) throw eksErrors.invalidParameter(`${problem.message}.`);
  return tags;
}

/** Refuses the first problem of a value with InvalidParameterException. */
export function refuseProblems(problems: LimitProblem[]): void {
  const problem = problems[0];
  if (problem) throw eksErrors.invalidParameter(`${problem.message}.`);
}

/** Creates honour clientRequestToken: same token and same parameters return the first result. */
export function sameRequest(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
