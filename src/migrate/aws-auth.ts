/**
 * aws-auth mappings → access entries. Pure: the role paths that aws-auth strips are resolved by
 * the caller (GetRole by name) and passed in; without them (offline) the path-less ARN is kept and
 * flagged for review.
 */
import { usernameProblems } from '../model/api-limits.js';
import type { AccessEntryType } from '../model/desired.js';
import { parseArn, type Partition } from '../model/partition.js';
import type { Finding } from '../model/plan.js';
import type { SourceLocation } from '../model/source.js';
import type { Located, ParsedAwsAuth, RawMapping } from './aws-auth-parse.js';
import type { FragmentAccessEntry, NotConvertible } from './types.js';

export interface AwsAuthConversionOptions {
  /**
   * Role ARN as aws-auth writes it (no path) → the ARN with its real path, or null when IAM has no
   * such role. Roles not listed (offline, or in another account) keep the written ARN with a warning.
   */
  resolvedRoles?: Record<string, string | null>;
  /** The cluster's partition, when known: ARNs of another partition cannot be used on it. */
  partition?: Partition;
}

export interface AwsAuthConversion {
  /** In ConfigMap order. */
  accessEntries: FragmentAccessEntry[];
  /** Where each entry came from, by principalArn. */
  sources: Record<string, SourceLocation>;
  notConvertible: NotConvertible[];
  findings: Finding[];
  /** False when something stays in aws-auth: then the cluster must keep reading it (no API-only mode). */
  complete: boolean;
}

const NODE_GROUPS = new Set(['system:bootstrappers', 'system:nodes']);
const FARGATE_GROUP = 'system:node-proxier';
const WINDOWS_GROUP = 'eks:kube-proxy-windows';
const MASTERS_GROUP = 'system:masters';
/** The only templates EKS expands in an access entry username (each after a colon). */
const ENTRY_USERNAME_TEMPLATES = new Set(['{{SessionName}}', '{{SessionNameRaw}}']);
const SSO_ROLE_PREFIX = 'AWSReservedSSO_';
const SERVICE_LINKED_PREFIX = 'AWSServiceRoleFor';

/** Role ARNs as written, in the given account, that need a GetRole (by name) to learn their real path. */
export function roleArnsToResolve(parsed: ParsedAwsAuth, accountId: string): string[] {
  const arns = new Set<string>();
  for (const m of parsed.mappings) {
    const arn = parseArn(m.arn?.value ?? '');
    if (arn?.service === 'iam' && arn.resource.startsWith('role/') && arn.accountId === accountId) arns.add(m.arn!.value);
  }
  return [...arns].sort();
}

/** Converts the parsed mappings. Everything that does not become an entry is listed with its reason. */
export function convertAwsAuth(parsed: ParsedAwsAuth, options: AwsAuthConversionOptions = {}): AwsAuthConversion {
  const notConvertible: NotConvertible[] = [...parsed.notConvertible];
  const findings: Finding[] = [];
  const byPrincipal = new Map<string, { entry: FragmentAccessEntry; source: SourceLocation }>();

  for (const account of parsed.accounts) {
    notConvertible.push({
      origin: 'mapAccounts',
      subject: account.value,
      reason: 'mapAccounts lets every IAM principal of the account in by its ARN; an access entry names exactly one principal',
      fix: 'create one access entry per principal of that account that needs the cluster',
      source: account.source,
    });
  }
  for (const mapping of parsed.mappings) {
    const outcome = convertMapping(mapping, options);
    findings.push(...outcome.findings);
    if ('reason' in outcome) {
      notConvertible.push(outcome.reason);
      continue;
    }
    const earlier = byPrincipal.get(outcome.entry.principalArn);
    if (earlier) {
      notConvertible.push({
        origin: mapping.section,
        subject: outcome.entry.principalArn,
        reason: `this principal is already mapped at line ${earlier.source.line}; EKS allows one access entry per principal`,
        fix: 'merge the groups of both mappings into the first one',
        source: mapping.source,
      });
      continue;
    }
    byPrincipal.set(outcome.entry.principalArn, { entry: outcome.entry, source: mapping.source });
  }

  // File order, not ARN order: the fragment then reads alongside the ConfigMap it came from.
  const sorted = [...byPrincipal.values()];
  const complete = notConvertible.length === 0 && ![...parsed.findings, ...findings].some((f) => f.severity === 'error');
  return {
    accessEntries: sorted.map((s) => s.entry),
    sources: Object.fromEntries(sorted.map((s) => [s.entry.principalArn, s.source])),
    notConvertible,
    findings,
    complete,
  };
}

type MappingOutcome = { entry: FragmentAccessEntry; findings: Finding[] } | { reason: NotConvertible; findings: Finding[] };

function convertMapping(mapping: RawMapping, options: AwsAuthConversionOptions): MappingOutcome {
  const findings: Finding[] = [];
  const arnText = mapping.arn!.value;
  const notConvertible = (reason: string, fix?: string, source: SourceLocation = mapping.source): MappingOutcome => ({
    reason: { origin: mapping.section, subject: arnText, reason, ...(fix ? { fix } : {}), source },
    findings,
  });
  const arn = parseArn(arnText);
  const kind = arn?.service === 'iam' ? (arn.resource.startsWith('role/') ? 'role' : arn.resource.startsWith('user/') ? 'user' : undefined) : undefined;
  if (!arn || !kind || !/^\d{12}$/.test(arn.accountId)) {
    findings.push({
      severity: 'error',
      code: 'AWS_AUTH_INVALID_ARN',
      message: `"${arnText}" is not an IAM role or user ARN (arn:PARTITION:iam::ACCOUNT:role/NAME or :user/NAME)`,
      fix: 'correct the ARN; aws-auth ignores a mapping it cannot match, so this one grants nothing today',
      source: mapping.arn!.source,
    });
    return notConvertible('malformed ARN', undefined, mapping.arn!.source);
  }
  if (options.partition && arn.partition !== options.partition) {
    return notConvertible(`the ARN is in partition ${arn.partition}, the cluster in ${options.partition}`, 'map a principal of the cluster\'s partition', mapping.arn!.source);
  }
  const name = arn.resource.split('/').pop()!;
  if (kind === 'role' && name.startsWith(SERVICE_LINKED_PREFIX)) {
    return notConvertible(
      'service-linked role: the AWS service that owns it manages its own cluster access',
      'leave it in aws-auth until the service creates its access entry (for EMR on EKS, re-run its setup with access entries); keep the cluster in API_AND_CONFIG_MAP mode meanwhile',
    );
  }
  const groups = mapping.groups.map((g) => g.value);
  const principal = kind === 'role' ? resolveRoleArn(arn.partition, arn.accountId, arn.resource, options, mapping.arn!.source, findings) : arnText;
  if (principal === null) {
    return notConvertible(`role ${name} does not exist in IAM`, 'delete the stale mapping, or create the role first', mapping.arn!.source);
  }

  if (groups.includes('system:nodes') && kind === 'role') {
    return convertNodeRole(mapping, principal, groups, findings);
  }
  const otherSystem = groups.filter((g) => g.startsWith('system:') && g !== MASTERS_GROUP);
  if (otherSystem.length > 0) {
    return notConvertible(
      `group${otherSystem.length > 1 ? 's' : ''} ${otherSystem.join(', ')} cannot be given through an access entry (no group may start with "system:")`,
      'bind the permissions those groups carry to a group of your own (RoleBinding/ClusterRoleBinding) and map that group instead',
    );
  }
  const entry: FragmentAccessEntry = { principalArn: principal, type: 'STANDARD' };
  const kubernetesGroups = [...new Set(groups.filter((g) => g !== MASTERS_GROUP))].sort();
  if (kubernetesGroups.length > 0) entry.kubernetesGroups = kubernetesGroups;
  const username = keepUsername(mapping, kind, findings);
  if (username !== undefined) entry.username = username;
  if (groups.includes(MASTERS_GROUP)) entry.accessPolicies = [{ policy: 'AmazonEKSClusterAdminPolicy', scope: 'cluster' }];
  return { entry, findings };
}

/** Node roles: the entry type carries the node permissions; EKS sets the username itself. */
function convertNodeRole(mapping: RawMapping, principalArn: string, groups: string[], findings: Finding[]): MappingOutcome {
  const username = mapping.username?.value ?? '';
  let type: AccessEntryType;
  if (groups.includes(WINDOWS_GROUP)) type = 'EC2_WINDOWS';
  else if (username === 'system:node:{{SessionName}}') type = groups.includes(FARGATE_GROUP) ? 'FARGATE_LINUX' : 'HYBRID_LINUX';
  else type = 'EC2_LINUX';
  const known = new Set([...NODE_GROUPS, FARGATE_GROUP, WINDOWS_GROUP]);
  const extra = groups.filter((g) => !known.has(g));
  if (extra.length > 0) {
    return {
      reason: {
        origin: mapping.section,
        subject: principalArn,
        reason: `node role with extra group${extra.length > 1 ? 's' : ''} ${extra.join(', ')}: ${type} access entries cannot carry Kubernetes groups`,
        fix: `drop the extra groups (give the permissions to the node identity through RBAC on user system:node:*), or keep the role in aws-auth`,
        source: mapping.source,
      },
      findings,
    };
  }
  return { entry: { principalArn, type }, findings };
}

/** Role ARN with its real path: resolved online, derived for SSO roles, else kept path-less for review. */
function resolveRoleArn(
  partition: string,
  accountId: string,
  resource: string,
  options: AwsAuthConversionOptions,
  source: SourceLocation,
  findings: Finding[],
): string | null {
  const written = `arn:${partition}:iam::${accountId}:${resource}`;
  const name = resource.split('/').pop()!;
  const resolved = options.resolvedRoles?.[written];
  if (resolved !== undefined) return resolved;
  const hasPath = resource.split('/').length > 2;
  if (name.startsWith(SSO_ROLE_PREFIX) && !hasPath) {
    findings.push({
      severity: 'warning',
      code: 'AWS_AUTH_ROLE_PATH_ASSUMED',
      key: written,
      message: `role ${name} is an IAM Identity Center role: its path was taken as aws-reserved/sso.amazonaws.com/ (path unknown offline; verify)`,
      fix: 'run without --offline to read the real ARN from IAM; roles created after 2023 may sit under aws-reserved/sso.amazonaws.com/REGION/',
      source,
    });
    return `arn:${partition}:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/${name}`;
  }
  if (!hasPath) {
    findings.push({
      severity: 'warning',
      code: 'AWS_AUTH_ROLE_PATH_UNKNOWN',
      key: written,
      message: `role ${name}: aws-auth strips role paths, so its path is unknown (offline, or the role is in another account); verify the ARN`,
      fix: 'run without --offline to read the real ARN from IAM (GetRole), or add the path by hand',
      source,
    });
  }
  return written;
}

/** Keeps the aws-auth username when an access entry can carry it; says why when it cannot. */
function keepUsername(mapping: RawMapping, kind: 'role' | 'user', findings: Finding[]): string | undefined {
  const username = mapping.username;
  if (!username) return undefined;
  const problem = usernameProblem(username, kind);
  if (problem === undefined) return username.value;
  findings.push({
    severity: 'warning',
    code: 'AWS_AUTH_USERNAME_DROPPED',
    key: mapping.arn?.value,
    message: `username "${username.value}" is not kept: ${problem}; EKS will assign its default username`,
    fix: 'update RoleBindings or ClusterRoleBindings that name this user, or bind a group instead',
    source: username.source,
  });
  return undefined;
}

export function usernameProblem(username: Located<string>, kind: 'role' | 'user'): string | undefined {
  const value = username.value;
  const templates = value.match(/\{\{[^}]*\}\}/g) ?? [];
  for (const template of templates) {
    if (!ENTRY_USERNAME_TEMPLATES.has(template)) return `access entries do not expand ${template} (only {{SessionName}} and {{SessionNameRaw}})`;
    if (kind === 'user') return `${template} only applies to roles`;
  }
  // Reserved prefixes and the colon before {{SessionName}}: the rules validate and the emulator use.
  return usernameProblems(value)[0]?.message;
}
