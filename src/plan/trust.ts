import { POD_IDENTITY_PRINCIPAL, type Partition } from '../model/partition.js';

/** What a trust policy says about Pod Identity, read defensively (any JSON may come back). */
export function trustsPodIdentity(document: unknown): boolean {
  const actions = new Set<string>();
  for (const statement of statementsOf(document)) {
    if (statement.Effect !== 'Allow') continue;
    if (!listOf(principalServices(statement.Principal)).includes(POD_IDENTITY_PRINCIPAL)) continue;
    for (const action of listOf(statement.Action)) actions.add(action.toLowerCase());
  }
  const allows = (action: string) => actions.has(action) || actions.has('sts:*') || actions.has('*');
  return allows('sts:assumerole') && allows('sts:tagsession');
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
