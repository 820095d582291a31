import { POD_IDENTITY_PRINCIPAL, type Partition } from '../model/partition.js';

/**
 * Whether the Pod Identity service may assume the role and tag the session. Read defensively (any
 * JSON may come back): Principal.Service and Action as a string or a list, IAM wildcards in actions
 * (`sts:*`, `*`, `sts:Tag*`), and an unconditional Deny of the same service or of everyone wins.
 */
export function trustsPodIdentity(document: unknown): boolean {
  const allowed = (action: string) => statementsOf(document).some((s) => s.Effect === 'Allow' && namesPodIdentity(s.Principal) && matchesAction(s.Action, action));
  const denied = (action: string) =>
    statementsOf(document).some((s) => s.Effect === 'Deny' && s.Condition === undefined && (namesPodIdentity(s.Principal) || namesEveryone(s.Principal)) && matchesAction(s.Action, action));
  return ['sts:AssumeRole', 'sts:TagSession'].every((action) => allowed(action) && !denied(action));
}

function namesPodIdentity(principal: unknown): boolean {
  return listOf(principalServices(principal)).includes(POD_IDENTITY_PRINCIPAL);
}

function namesEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  return principal !== null && typeof principal === 'object' && listOf((principal as { AWS?: unknown }).AWS).includes('*');
}

/** IAM action patterns: case-insensitive, `*` for any run of characters, `?` for one. */
function matchesAction(patterns: unknown, action: string): boolean {
  return listOf(patterns).some((pattern) => {
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp(`^${source}$`, 'i').test(action);
  });
}

/**
 * ARNs of another partition, and service principals with another partition's DNS suffix
 * (`ec2.amazonaws.com` in aws-cn, where `ec2.amazonaws.com.cn` is meant). pods.eks.amazonaws.com
 * is the same in every partition.
 */
export function foreignPartitionNames(document: unknown, partition: Partition): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const arn = /^arn:([a-z-]+):/.exec(value);
      if (arn && arn[1] !== partition) found.add(value);
      if (partition === 'aws-cn' && /^[a-z0-9.-]+\.amazonaws\.com$/.test(value) && value !== POD_IDENTITY_PRINCIPAL) found.add(value);
      if (partition !== 'aws-cn' && value.endsWith('.amazonaws.com.cn')) found.add(value);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  for (const statement of statementsOf(document)) {
    visit(statement.Principal);
    visit(statement.Condition);
  }
  return [...found].sort();
}

interface Statement {
  Effect?: unknown;
  Principal?: unknown;
  Action?: unknown;
  Condition?: unknown;
}

function statementsOf(document: unknown): Statement[] {
  if (!document || typeof document !== 'object') return [];
  const raw = (document as { Statement?: unknown }).Statement;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.filter((s): s is Statement => Boolean(s) && typeof s === 'object');
}

function principalServices(principal: unknown): unknown {
  return principal && typeof principal === 'object' ? (principal as { Service?: unknown }).Service : undefined;
}

function listOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
