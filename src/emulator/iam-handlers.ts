/** IAM (awsQuery): the role and user operations the tool needs, with IAM's names, limits and errors. */
import { queryErrors } from './api-error.js';
import type { QueryHandler, RequestContext } from './context.js';
import type { XmlNode } from './xml.js';
import type { Role, User } from './world.js';

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ROLE_PATH = /^\/(?:[\x21-\x7e]+\/)?$/;

function required(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (value === null || value === '') {
    throw queryErrors.validation(`1 validation error detected: Value null at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

function checkRoleName(name: string): void {
  if (!ROLE_NAME.test(name)) {
    throw queryErrors.validation(`1 validation error detected: Value '${name}' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`);
  }
}

export function findRole(ctx: RequestContext, name: string): Role {
  checkRoleName(name);
  const role = ctx.world.roles.find((r) => r.accountId === ctx.caller.accountId && r.name === name);
  if (!role) throw queryErrors.noSuchEntity(`The role with name ${name} cannot be found.`);
  return role;
}

/** A trust policy must be a JSON object with a Statement; IAM answers MalformedPolicyDocument otherwise. */
function parsePolicy(text: string): unknown {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw queryErrors.malformedPolicy('This policy contains invalid Json');
  }
  if (typeof doc !== 'object' || doc === null || !('Statement' in doc)) throw queryErrors.malformedPolicy('Syntax errors in policy.');
  return doc;
}

/** `Tags.member.N.Key` / `.Value` form fields → a map, with IAM's tag rules. */
function readTags(params: URLSearchParams): Record<string, string> {
  const tags: Record<string, string> = {};
  for (let i = 1; params.has(`Tags.member.${i}.Key`); i++) {
    const key = params.get(`Tags.member.${i}.Key`)!;
    if (key.length < 1 || key.length > 128) throw queryErrors.validation(`Tag key ${key} must be 1 to 128 characters.`);
    if (key.toLowerCase().startsWith('aws:')) throw queryErrors.invalidInput(`Tag keys starting with 'aws:' are reserved for AWS use: ${key}`);
    tags[key] = params.get(`Tags.member.${i}.Value`) ?? '';
  }
  if (Object.keys(tags).length > 50) throw queryErrors.validation('A role can have at most 50 tags.');
  return tags;
}

function tagList(tags: Record<string, string>): XmlNode[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

export function roleXml(role: Role, withTags = true): XmlNode {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: iso(role.createDateMs),
    // IAM returns the trust policy URL-encoded.
    AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(role.trustPolicy)),
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
    Tags: withTags && Object.keys(role.tags).length > 0 ? tagList(role.tags) : undefined,
  };
}

/** Marker/MaxItems paging (MaxItems 1..1000, default 100). */
function page<T>(params: URLSearchParams, items: T[]): { items: T[]; IsTruncated: boolean; Marker?: string } {
  const raw = params.get('MaxItems');
  const max = raw === null ? 100 : Number(raw);
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    throw queryErrors.validation(`1 validation error detected: Value '${raw}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`);
  }
  const marker = params.get('Marker');
  const offset = marker === null ? 0 : Number(Buffer.from(marker, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw queryErrors.invalidInput('Invalid Marker.');
  const slice = items.slice(offset, offset + max);
  const truncated = offset + max < items.length;
  return truncated ? { items: slice, IsTruncated: true, Marker: Buffer.from(String(offset + max)).toString('base64url') } : { items: slice, IsTruncated: false };
}

export const getRole: QueryHandler = (ctx, params) => ({ Role: roleXml(findRole(ctx, required(params, 'RoleName'))) });

/** GetUser by name, in the caller's account (without a name IAM answers the calling user; not needed here). */
export const getUser: QueryHandler = (ctx, params) => {
  const name = required(params, 'UserName');
  if (!ROLE_NAME.test(name)) {
    throw queryErrors.validation(`1 validation error detected: Value '${name}' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`);
  }
  const user = ctx.world.users.find((u) => u.accountId === ctx.caller.accountId && u.name === name);
  if (!user) throw queryErrors.noSuchEntity(`The user with name ${name} cannot be found.`);
  return { User: userXml(user) };
};

function userXml(user: User): XmlNode {
  return {
    Path: user.path,
    UserName: user.name,
    UserId: user.userId,
    Arn: user.arn,
    CreateDate: iso(user.createDateMs),
    Tags: Object.keys(user.tags).length > 0 ? tagList(user.tags) : undefined,
  };
}

export const createRole: QueryHandler = (ctx, params) => {
  const name = required(params, 'RoleName');
  checkRoleName(name);
  const path = params.get('Path') ?? '/';
  if (!ROLE_PATH.test(path) || path.length > 512) throw queryErrors.validation(`The specified value for path is invalid: ${path}`);
  const trustPolicy = parsePolicy(required(params, 'AssumeRolePolicyDocument'));
  const tags = readTags(params);
  const maxRaw = params.get('MaxSessionDuration');
  const maxSessionDuration = maxRaw === null ? 3600 : Number(maxRaw);
  if (!Number.isInteger(maxSessionDuration) || maxSessionDuration < 3600 || maxSessionDuration > 43200) {
    throw queryErrors.validation(`MaxSessionDuration must be between 3600 and 43200 (got ${maxRaw}).`);
  }
  if (ctx.world.roles.some((r) => r.accountId === ctx.caller.accountId && r.name.toLowerCase() === name.toLowerCase())) {
    throw queryErrors.alreadyExists(`Role with name ${name} already exists.`);
  }
  const description = params.get('Description');
  const role: Role = {
    arn: `arn:${ctx.partition}:iam::${ctx.caller.accountId}:role${path}${name}`,
    partition: ctx.partition,
    accountId: ctx.caller.accountId,
    name,
    path,
    roleId: ctx.ids.iamId('AROA'),
    createDateMs: ctx.now,
    trustPolicy,
    ...(description !== null ? { description } : {}),
    maxSessionDuration,
    tags,
    // EKS sees a new role only after IAM has propagated it.
    visibleToEksAtMs: ctx.now + (ctx.faults.iamPropagationMs ?? 0),
  };
  ctx.world.roles.push(role);
  return { Role: roleXml(role) };
};

export const deleteRole: QueryHandler = (ctx, params) => {
  const role = findRole(ctx, required(params, 'RoleName'));
  ctx.world.roles = ctx.world.roles.filter((r) => r !== role);
  return {};
};

export const updateAssumeRolePolicy: QueryHandler = (ctx, params) => {
  const role = findRole(ctx, required(params, 'RoleName'));
  role.trustPolicy = parsePolicy(required(params, 'PolicyDocument'));
  return {};
};

export const listRoles: QueryHandler = (ctx, params) => {
  const prefix = params.get('PathPrefix') ?? '/';
  const roles = ctx.world.roles.filter((r) => r.accountId === ctx.caller.accountId && r.path.startsWith(prefix));
  const result = page(params, roles);
  return { Roles: result.items.map((r) => roleXml(r, false)), IsTruncated: result.IsTruncated, Marker: result.Marker };
};

export const listRoleTags: QueryHandler = (ctx, params) => {
  const role = findRole(ctx, required(params, 'RoleName'));
  const result = page(params, tagList(role.tags));
  return { Tags: result.items, IsTruncated: result.IsTruncated, Marker: result.Marker };
};
