/**
 * The rules of an association's `role:` block that can be known offline: it replaces
 * roleName/roleArn, it needs the manifest's `owner` (the tag that makes the role recognisably
 * eks-identity's), its well-known policies exist with valid parameters, and what it expands to on
 * every target cluster is what IAM accepts (src/model/iam-limits.ts, shared with the emulator).
 * The trust policy is checked at plan, once built from every association that declares the role.
 */
import { findAwsManagedPolicy, isAwsManagedPolicyArn, suggestAwsManagedPolicy } from '../model/aws-managed-policies.js';
import { checkIamTags, checkMaxSessionDuration, checkPolicyArn, checkPolicyDocument, checkPolicyName, checkRoleDescription, checkRoleName, checkRolePath, checkRolePolicySizes, type IamProblem } from '../model/iam-limits.js';
import { OWNER_TAG } from '../model/ownership.js';
import type { SourceLocation } from '../model/source.js';
import { checkWellKnownParameters, wellKnownInlinePolicyName } from '../model/well-known-policies/index.js';
import type { Inherited, Report } from './check-items.js';
import { expandInDocument, roleSpecFor, wellKnownItem } from './expand-roles.js';
import type { ManifestAssociation, ManifestCluster } from './model.js';
import { expandVariables, unknownVariables, VARIABLES } from './variables.js';
import { closestMatch } from '../model/closest-match.js';

/** A placeholder account for offline checks when the cluster's account is not declared. */
const PLACEHOLDER_ACCOUNT = '000000000000';

export function checkRoleBlock(a: ManifestAssociation, clusters: ManifestCluster[], inherited: Inherited, report: Report): void {
  const block = a.value.role;
  if (block === undefined) return;
  const at = (...path: Array<string | number>) => a.at('role', ...path);
  if (a.value.roleName !== undefined || a.value.roleArn !== undefined) {
    report({
      code: 'ROLE_BLOCK_AND_ROLE_NAME',
      message: `\`role:\` declares a role for eks-identity to create, and \`${a.value.roleName !== undefined ? 'roleName' : 'roleArn'}\` names one that exists`,
      fix: 'keep `role:` (eks-identity creates and owns the role) or `roleName`/`roleArn` (a role made elsewhere), not both',
      location: a.keyAt('role'),
    });
  }
  if (inherited.owner === undefined) {
    report({
      code: 'ROLE_REQUIRES_OWNER',
      message: 'a `role:` block needs the manifest\'s `owner`: the role is tagged eks-identity/owner with it, which is how eks-identity knows the role is its own to update and delete',
      fix: 'add `owner: NAME` at the top of the manifest (a name no other manifest in these accounts uses)',
      location: a.keyAt('role'),
    });
  }
  const fields: Array<[string, string | undefined]> = [
    ['name', block.name],
    ['path', block.path],
    ['permissionsBoundary', block.permissionsBoundary],
    ['description', block.description],
  ];
  let usable = true;
  for (const [field, text] of fields) if (text !== undefined) usable = checkRoleVariables(text, `role.${field}`, at(field), report) && usable;
  block.managedPolicies?.forEach((arn, i) => (usable = checkRoleVariables(arn, 'role.managedPolicies', at('managedPolicies', i), report) && usable));
  for (const [name, doc] of Object.entries(block.inlinePolicies ?? {})) checkDocumentVariables(doc, name, at('inlinePolicies', name), report);
  if (block.tags?.[OWNER_TAG] !== undefined) {
    report({ code: 'RESERVED_OWNER_TAG', message: `tag key \`${OWNER_TAG}\` is set by eks-identity from the manifest's \`owner\``, fix: 'remove the tag; set `owner: NAME` at the top of the manifest instead', location: a.keyAt('role', 'tags', OWNER_TAG) });
  }
  const wellKnownOk = checkWellKnown(a, report);
  if (!usable) return;
  for (const name of Object.keys(block.inlinePolicies ?? {})) {
    checkPolicyName(name).forEach(located(report, a.keyAt('role', 'inlinePolicies', name)));
    if (wellKnownOk.has(name)) report({ code: 'INLINE_POLICY_NAME_TAKEN', message: `inline policy \`${name}\` has the name a well-known policy's statements use`, fix: 'rename the inline policy', location: a.keyAt('role', 'inlinePolicies', name) });
  }
  // Expanded per target cluster: `${cluster}` in a name or a document makes each cluster's role its own.
  for (const c of clusters.length > 0 ? clusters : [undefined]) {
    const cluster = c?.value ?? { name: 'cluster', region: 'us-east-1' };
    const spec = roleSpecFor(block, a.value, cluster, c?.value.accountId ?? PLACEHOLDER_ACCOUNT, inherited);
    // The same problem on several clusters is reported once (the report de-duplicates).
    const r = (location: SourceLocation) => located(report, location);
    checkRoleName(spec.roleName).forEach(r(block.name !== undefined ? at('name') : a.keyAt('role')));
    checkRolePath(spec.path).forEach(r(at('path')));
    if (spec.description !== undefined) checkRoleDescription(spec.description).forEach(r(at('description')));
    checkMaxSessionDuration(spec.maxSessionDuration).forEach(r(at('maxSessionDuration')));
    (block.managedPolicies ?? []).forEach((arn, i) => checkManagedArn(expandVariables(arn, { partition: spec.partition, region: cluster.region, cluster: cluster.name, accountId: spec.accountId }), r(at('managedPolicies', i)), report, at('managedPolicies', i)));
    if (spec.permissionsBoundary !== undefined) checkPolicyArn(spec.permissionsBoundary).forEach(r(at('permissionsBoundary')));
    for (const [name, doc] of Object.entries(block.inlinePolicies ?? {})) {
      const expand = (text: string) => expandVariables(text, { partition: spec.partition, region: cluster.region, cluster: cluster.name, accountId: spec.accountId });
      checkPolicyDocument(expandInDocument(doc, expand), 'inline').forEach(r(at('inlinePolicies', name)));
    }
    // Parameters valid as written can still break once expanded (a node role name over 64 characters
    // with a long cluster name): the role would be created without the policy, so it is an error here.
    block.wellKnownPolicies?.forEach((item, i) => {
      const { name, params } = wellKnownItem(item);
      if (checkWellKnownParameters(name, params).length > 0) return;
      const expand = (text: string) => expandVariables(text, { partition: spec.partition, region: cluster.region, cluster: cluster.name, accountId: spec.accountId });
      for (const message of checkWellKnownParameters(name, expandInDocument(params, expand) as Record<string, unknown>)) {
        report({ code: 'INVALID_WELL_KNOWN_POLICY', message: `on cluster ${cluster.name}, once its variables expand: ${message}`, fix: 'shorten or change the value (see docs/well-known-policies.md for the parameters)', location: at('wellKnownPolicies', i) });
      }
    });
    const ownTags = new Set(Object.keys(block.tags ?? {}));
    for (const p of checkIamTags(spec.tags)) r(p.at !== undefined && ownTags.has(p.at) ? a.keyAt('role', 'tags', p.at) : a.keyAt('role'))(p);
    checkRolePolicySizes({ inline: Object.fromEntries(Object.entries(spec.inlinePolicies).map(([n, d]) => [n, JSON.parse(d) as unknown])), managedArns: spec.managedPolicyArns }).forEach(r(a.keyAt('role')));
  }
}

/** Each well-known policy's name and parameters (the catalog's own check); the inline names of those that pass. */
function checkWellKnown(a: ManifestAssociation, report: Report): Set<string> {
  const names = new Set<string>();
  a.value.role?.wellKnownPolicies?.forEach((item, i) => {
    const { name, params } = wellKnownItem(item);
    const problems = checkWellKnownParameters(name, params);
    for (const message of problems) report({ code: 'INVALID_WELL_KNOWN_POLICY', message, fix: 'see docs/well-known-policies.md for the names and their parameters', location: a.at('role', 'wellKnownPolicies', i) });
    if (problems.length === 0) names.add(wellKnownInlinePolicyName(name));
  });
  return names;
}

/** The ARN's shape, and, for an AWS managed policy, whether this release knows it (a warning: the plan asks IAM). */
function checkManagedArn(arn: string, onProblem: (p: IamProblem) => void, report: Report, location: SourceLocation): void {
  const problems = checkPolicyArn(arn);
  problems.forEach(onProblem);
  if (problems.length === 0 && isAwsManagedPolicyArn(arn) && !findAwsManagedPolicy(arn)) {
    const suggestion = suggestAwsManagedPolicy(arn);
    const fix = suggestion ? `did you mean \`${suggestion}\`? (the closest AWS managed policy this release knows; an AWS managed policy's ARN includes its path, such as service-role/)` : 'check the name and path (e.g. service-role/) with `aws iam get-policy --policy-arn ARN`';
    report({ severity: 'warning', code: 'UNKNOWN_AWS_MANAGED_POLICY', message: `\`${arn}\` is not in this release's list of AWS managed policies; the list may be older than AWS's, and the plan asks IAM (GetPolicy)`, fix, location });
  }
}

const located = (report: Report, location: SourceLocation) => (p: IamProblem) => report({ code: p.code, message: p.message, fix: p.fix, location });

/** Unknown `${…}` names outside policy documents (where IAM's own variables are left alone). */
function checkRoleVariables(text: string, field: string, location: SourceLocation, report: Report): boolean {
  const unknown = unknownVariables(text);
  if (unknown.length > 0) report({ code: 'UNKNOWN_VARIABLE', message: `unknown variable \`\${${unknown[0]}}\` in \`${field}\``, fix: 'use ${partition}, ${accountId}, ${region} or ${cluster}', location });
  return unknown.length === 0;
}

/**
 * Inside a policy document `${…}` names that are not ours are left for IAM, but every IAM policy
 * variable has a service prefix (`${aws:username}`, `${s3:prefix}`) or is `${*}`, `${?}`, `${$}`
 * (IAM User Guide, "IAM policy elements: Variables and tags"). A name without a colon is neither:
 * a misspelling of ours (`${clster}`), which IAM would take literally and which would never match.
 */
function checkDocumentVariables(doc: unknown, policyName: string, location: SourceLocation, report: Report): void {
  const texts: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') texts.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        texts.push(k);
        collect(x);
      }
    }
  };
  collect(doc);
  const typo = texts.flatMap(unknownVariables).find((name) => !name.includes(':') && !['*', '?', '$'].includes(name));
  if (typo === undefined) return;
  const close = closestMatch(typo, VARIABLES);
  report({
    code: 'UNKNOWN_VARIABLE',
    message: `unknown variable \`\${${typo}}\` in inline policy \`${policyName}\`: not one of eks-identity's, and IAM's own variables have a prefix such as aws:`,
    fix: `${close ? `did you mean \${${close}}? ` : ''}use \${partition}, \${accountId}, \${region} or \${cluster}, or an IAM variable such as \${aws:username}`,
    location,
  });
}
