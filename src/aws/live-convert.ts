import type { AccessScope as SdkAccessScope, AssociatedAccessPolicy, AccessEntry, PodIdentityAssociation, PodIdentityAssociationSummary } from '@aws-sdk/client-eks';
import type { Role, User } from '@aws-sdk/client-iam';
import type { AccessEntryType, AccessScope, AuthenticationMode } from '../model/desired.js';
import type { LiveAccessEntry, LiveAccessPolicy, LiveAssociation, LiveAssociationSummary, LiveRole, LiveUser } from '../model/live.js';
import { canonicalJsonText } from './canonical-json.js';
import { compare, sortedRecord } from '../model/order.js';

/*
 * SDK shapes → LiveState shapes. Dates become ISO strings, collections are sorted, and absent
 * optional members stay absent, so the same world always reads as the same LiveState.
 */

export function isoOf(date: Date | undefined): string | undefined {
  return date === undefined ? undefined : date.toISOString();
}

function withOptional<T extends object>(base: T, optional: Record<string, string | undefined>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) out[key] = value;
  return out as T;
}

export function toAssociationSummary(s: PodIdentityAssociationSummary): LiveAssociationSummary {
  // Built field by field, not through withOptional: a targeted read converts thousands per run.
  const out: LiveAssociationSummary = { associationId: s.associationId ?? '', namespace: s.namespace ?? '', serviceAccount: s.serviceAccount ?? '' };
  if (s.associationArn !== undefined) out.associationArn = s.associationArn;
  if (s.ownerArn !== undefined) out.ownerArn = s.ownerArn;
  return out;
}

export function toLiveAssociation(a: PodIdentityAssociation, summary: LiveAssociationSummary): LiveAssociation {
  // targetRoleArn and policy come back as "" on some paths when unset: treat empty as absent.
  const target = a.targetRoleArn === '' ? undefined : a.targetRoleArn;
  const policy = a.policy === undefined || a.policy === '' ? undefined : canonicalJsonText(a.policy);
  return withOptional(
    {
      associationId: a.associationId ?? summary.associationId,
      namespace: a.namespace ?? summary.namespace,
      serviceAccount: a.serviceAccount ?? summary.serviceAccount,
      roleArn: a.roleArn ?? '',
      disableSessionTags: a.disableSessionTags ?? false,
      tags: sortedRecord(a.tags),
    },
    {
      associationArn: a.associationArn ?? summary.associationArn,
      ownerArn: a.ownerArn ?? summary.ownerArn,
      targetRoleArn: target,
      policy,
      createdAt: isoOf(a.createdAt),
      modifiedAt: isoOf(a.modifiedAt),
    },
  );
}

export function toLiveAccessEntry(e: AccessEntry, principalArn: string, policies: AssociatedAccessPolicy[]): LiveAccessEntry {
  return withOptional(
    {
      principalArn: e.principalArn ?? principalArn,
      type: (e.type ?? 'STANDARD') as AccessEntryType,
      kubernetesGroups: [...new Set(e.kubernetesGroups ?? [])].sort(),
      tags: sortedRecord(e.tags),
      accessPolicies: policies.map(toLiveAccessPolicy).sort((a, b) => compare(a.policyArn, b.policyArn)),
    },
    { accessEntryArn: e.accessEntryArn, username: e.username, createdAt: isoOf(e.createdAt), modifiedAt: isoOf(e.modifiedAt) },
  );
}

export function toLiveAccessPolicy(p: AssociatedAccessPolicy): LiveAccessPolicy {
  return withOptional({ policyArn: p.policyArn ?? '', scope: toScope(p.accessScope) }, { associatedAt: isoOf(p.associatedAt) });
}

/** Namespaces sorted and de-duplicated, as in DesiredAccessPolicy. */
export function toScope(scope: SdkAccessScope | undefined): AccessScope {
  if (scope?.type === 'namespace') return { type: 'namespace', namespaces: [...new Set(scope.namespaces ?? [])].sort() };
  return { type: 'cluster' };
}

export function toLiveUser(user: User): LiveUser {
  return { arn: user.Arn ?? '', userName: user.UserName ?? '', userId: user.UserId ?? '', createDate: isoOf(user.CreateDate) ?? '' };
}

export function toLiveRole(role: Role): LiveRole {
  return {
    arn: role.Arn ?? '',
    roleName: role.RoleName ?? '',
    roleId: role.RoleId ?? '',
    createDate: isoOf(role.CreateDate) ?? '',
    trustPolicy: decodeTrustPolicy(role.AssumeRolePolicyDocument),
  };
}

/** IAM returns the trust policy URL-encoded JSON; anything undecodable is kept as text for the finding to show. */
export function decodeTrustPolicy(document: string | undefined): unknown {
  if (document === undefined || document === '') return undefined;
  let text = document;
  try {
    text = decodeURIComponent(document);
  } catch {
    // Not URL-encoded after all: parse it as it is.
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function toAuthenticationMode(mode: string | undefined): AuthenticationMode {
  // Clusters created before access entries existed report no access config: they are ConfigMap-only.
  if (mode === 'API' || mode === 'API_AND_CONFIG_MAP' || mode === 'CONFIG_MAP') return mode;
  return 'CONFIG_MAP';
}

export { compare, sortedRecord };
