import { POD_IDENTITY_PRINCIPAL, type Partition } from '../model/partition.js';

/**
 * What EKS Pod Identity puts in the request context when it assumes a role for one association:
 * the cluster's account, and (unless session tags are disabled) the session tags naming the
 * cluster, namespace and service account. Other keys (pod name, pod uid, aws:SourceArn…) are
 * unknown here, and a condition on them is given the benefit of the doubt.
 */
export interface PodIdentityRequest {
  accountId: string;
  clusterArn: string;
  clusterName: string;
  namespace: string;
  serviceAccount: string;
  sessionTags: boolean;
}

/**
 * Why the Pod Identity service may not assume the role and tag the session, or undefined when it
 * may. Read defensively (any JSON may come back): Principal.Service and Action as a string or a
 * list, IAM wildcards in actions (`sts:*`, `*`, `sts:Tag*`). Without `request`, conditions are
 * not evaluated: an Allow counts and only an unconditional Deny wins. With it, conditions on the
 * keys the request is known to carry are evaluated as IAM does; an Allow whose condition fails
 * does not count, and a Deny whose condition holds wins.
 */
export function podIdentityTrustProblem(document: unknown, request?: PodIdentityRequest): string | undefined {
  const context = request ? requestContext(request) : undefined;
  const statements = statementsOf(document);
  for (const action of ['sts:AssumeRole', 'sts:TagSession']) {
    const candidates = statements.filter((s) => s.Effect === 'Allow' && namesPodIdentity(s.Principal) && matchesAction(s.Action, action));
    if (candidates.length === 0) return `no statement allows ${POD_IDENTITY_PRINCIPAL} to call ${action}`;
    const verdicts = candidates.map((s) => (context ? evaluateCondition(s.Condition, context) : { holds: true as Truth }));
    if (verdicts.every((v) => v.holds === false)) {
      return `the statement that allows ${POD_IDENTITY_PRINCIPAL} to call ${action} has a condition this association does not meet (${verdicts[0]!.reason ?? 'condition'})`;
    }
    const deny = statements.find(
      (s) =>
        s.Effect === 'Deny' &&
        (namesPodIdentity(s.Principal) || namesEveryone(s.Principal)) &&
        matchesAction(s.Action, action) &&
        (context ? evaluateCondition(s.Condition, context).holds === true : s.Condition === undefined),
    );
    if (deny) return `a Deny statement stops ${POD_IDENTITY_PRINCIPAL} from calling ${action}${deny.Condition === undefined ? '' : ' for this association (its condition holds)'}`;
  }
  return undefined;
}

/** Whether the Pod Identity service may assume the role and tag the session (see podIdentityTrustProblem). */
export function trustsPodIdentity(document: unknown, request?: PodIdentityRequest): boolean {
  return podIdentityTrustProblem(document, request) === undefined;
}

/** true, false, or undefined when it cannot be told from what is known. */
type Truth = boolean | undefined;

/** Lower-cased condition keys → value; null: known to be absent from the request. */
function requestContext(r: PodIdentityRequest): Map<string, string | null> {
  const tag = (value: string) => (r.sessionTags ? value : null);
  return new Map([
    ['aws:sourceaccount', r.accountId],
    ['aws:requesttag/eks-cluster-arn', tag(r.clusterArn)],
    ['aws:requesttag/eks-cluster-name', tag(r.clusterName)],
    ['aws:requesttag/kubernetes-namespace', tag(r.namespace)],
    ['aws:requesttag/kubernetes-service-account', tag(r.serviceAccount)],
  ]);
}

/** A Condition block: every operator and key must hold (IAM ANDs them). */
function evaluateCondition(condition: unknown, context: Map<string, string | null>): { holds: Truth; reason?: string } {
  if (condition === undefined) return { holds: true };
  if (!condition || typeof condition !== 'object') return { holds: undefined };
  let holds: Truth = true;
  for (const [operator, block] of Object.entries(condition)) {
    if (!block || typeof block !== 'object') return { holds: undefined };
    for (const [key, expected] of Object.entries(block as Record<string, unknown>)) {
      const result = evaluateKey(operator, key.toLowerCase(), listOf(expected), context);
      if (result === false) {
        const actual = context.get(key.toLowerCase());
        return { holds: false, reason: `${operator} ${key}: ${actual === null ? 'not sent' : `"${actual}"`} against ${JSON.stringify(expected)}` };
      }
      if (result === undefined) holds = undefined;
    }
  }
  return { holds };
}

function evaluateKey(operator: string, key: string, values: string[], context: Map<string, string | null>): Truth {
  if (!context.has(key) || values.length === 0 || values.some((v) => v.includes('${'))) return undefined;
  const ifExists = operator.endsWith('IfExists');
  const name = operator.replace(/IfExists$/, '').replace(/^For(AnyValue|AllValues):/, '');
  const negated = /^(String|Arn)Not/.test(name);
  const actual = context.get(key);
  // A key the request does not carry matches no value: positive operators fail, negated ones hold.
  if (actual === null || actual === undefined) return ifExists ? true : negated;
  const positive = name.replace(/^(String|Arn)Not/, '$1');
  let match: boolean;
  switch (positive) {
    case 'StringEquals':
      match = values.includes(actual);
      break;
    case 'StringEqualsIgnoreCase':
      match = values.some((v) => v.toLowerCase() === actual.toLowerCase());
      break;
    case 'StringLike':
    case 'ArnLike':
    case 'ArnEquals':
      match = values.some((v) => matchesIamPattern(v, actual, false));
      break;
    default:
      return undefined;
  }
  return negated ? !match : match;
}

/** IAM wildcards: `*` for any run of characters, `?` for one (actions are matched ignoring case). */
export function matchesIamPattern(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value);
}

function namesPodIdentity(principal: unknown): boolean {
  return listOf(principalServices(principal)).includes(POD_IDENTITY_PRINCIPAL);
}

function namesEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  return principal !== null && typeof principal === 'object' && listOf((principal as { AWS?: unknown }).AWS).includes('*');
}

/** IAM action patterns: case-insensitive wildcards. */
function matchesAction(patterns: unknown, action: string): boolean {
  return listOf(patterns).some((pattern) => matchesIamPattern(pattern, action, true));
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
