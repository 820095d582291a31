/** Who is calling: the access key id from the SigV4 Authorization header, looked up in the state. */
import { partitionOfRegion, type Partition } from '../model/partition.js';
import type { Caller } from './context.js';
import { DEFAULT_ACCOUNT, defaultIdentityArn, hashUuid, splitIamArn, type World } from './world.js';
import { byAccountAndName, findByKey } from './lookup.js';

export interface SigningScope {
  accessKeyId?: string;
  region?: string;
  service?: string;
}

/** `AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request, …` → its parts (no signature check). */
export function parseAuthorization(header: string | undefined): SigningScope {
  const m = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/.exec(header ?? '');
  if (!m) return {};
  return { accessKeyId: m[1]!, region: m[2]!, service: m[3]! };
}

function withPartition(arn: string, partition: Partition): string {
  return arn.replace(/^arn:[a-z-]+:/, `arn:${partition}:`);
}

/**
 * Resolves the caller. Unknown keys act as the state's default identity. A key mapped straight to
 * a role ARN acts as a session of it (`assumed-role/NAME/emulator`), since STS never answers with a
 * role ARN. ARNs are shown in the partition of the request's region.
 */
export function resolveCaller(world: World, scope: SigningScope, region: string): Caller & { expirationMs?: number } {
  const partition = partitionOfRegion(region);
  const key = scope.accessKeyId ?? 'unknown';
  const identity = world.identities.get(key);
  let arn = identity?.arn ?? defaultIdentityArn(world, region);
  const role = splitIamArn(arn);
  if (role?.kind === 'role') arn = `arn:${role.partition}:sts::${role.accountId}:assumed-role/${role.name}/emulator`;
  const accountId = /^arn:[a-z-]+:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1] ?? DEFAULT_ACCOUNT;
  return {
    accessKeyId: key,
    arn: withPartition(arn, partition),
    accountId,
    ...(identity?.expirationMs !== undefined ? { expirationMs: identity.expirationMs } : {}),
  };
}

/** GetCallerIdentity's UserId: user id, `ROLEID:session` for sessions, the account for root. */
export function userIdOf(world: World, caller: Caller): string {
  const session = /^arn:[a-z-]+:sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/.exec(caller.arn);
  if (session) {
    const role = findByKey(world.roles, 'accountAndName', byAccountAndName, byAccountAndName({ accountId: session[1]!, name: session[2]! }));
    const roleId = role?.roleId ?? `AROA${hashUuid(session[1]!, session[2]!).replace(/-/g, '').slice(0, 17).toUpperCase()}`;
    return `${roleId}:${session[3]}`;
  }
  const user = world.users.find((u) => u.accountId === caller.accountId && caller.arn.endsWith(`:user${u.path}${u.name}`));
  if (user) return user.userId;
  if (caller.arn.endsWith(':root')) return caller.accountId;
  return `AIDA${hashUuid(caller.arn).replace(/-/g, '').slice(0, 17).toUpperCase()}`;
}
