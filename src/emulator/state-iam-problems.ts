/**
 * The IAM part of a state that the schema cannot see: a state may hold only what IAM would have
 * accepted, by the same checks the emulator's IAM operations make (src/model/iam-limits.ts):
 * unique role names (case-insensitive) and policy ARNs, policies that exist where they are
 * attached or set as a boundary, valid documents, and the size and count quotas.
 */
import { findAwsManagedPolicy, isAwsManagedPolicyArn, suggestAwsManagedPolicy } from '../model/aws-managed-policies.js';
import { closestMatch } from '../model/closest-match.js';
import {
  checkIamTags,
  checkManagedPolicySize,
  checkPolicyDocument,
  checkPolicyName,
  checkRoleDescription,
  checkRolePolicySizes,
  type IamProblem,
} from '../model/iam-limits.js';
import type { StateProblem } from './state-problems.js';
import type { EmulatorState } from './types.js';
import { splitIamArn } from './world.js';

const problemText = (p: IamProblem) => `${p.message}${p.at ? ` (at ${p.at})` : ''}; ${p.fix}`;

export function findIamStateProblems(state: EmulatorState): StateProblem[] {
  const problems: StateProblem[] = [];
  const policies = state.iam?.policies ?? [];
  const policyArns = new Set<string>();
  policies.forEach((p, i) => {
    const at = ['iam', 'policies', i];
    if (policyArns.has(p.arn)) problems.push({ path: [...at, 'arn'], message: `policy ${p.arn} appears twice` });
    policyArns.add(p.arn);
    if (p.document !== undefined) {
      for (const q of [...checkPolicyDocument(p.document, 'managed'), ...checkManagedPolicySize(p.document)]) problems.push({ path: [...at, 'document'], message: problemText(q) });
    }
  });

  const roleNames = new Set<string>();
  (state.iam?.roles ?? []).forEach((r, i) => {
    const at = ['iam', 'roles', i];
    const split = splitIamArn(r.arn);
    if (!split) return;
    // IAM role names are unique per account regardless of case (IAM User Guide, "IAM name requirements").
    const key = `${split.partition}/${split.accountId}/${split.name.toLowerCase()}`;
    if (roleNames.has(key)) problems.push({ path: [...at, 'arn'], message: `role ${split.name} appears twice in account ${split.accountId} (IAM role names are unique regardless of case)` });
    roleNames.add(key);
    if (r.description !== undefined) for (const q of checkRoleDescription(r.description)) problems.push({ path: [...at, 'description'], message: problemText(q) });
    for (const q of checkIamTags(r.tags ?? {})) problems.push({ path: [...at, 'tags'], message: problemText(q) });

    // Policies a role may use: the built-in AWS catalog in the role's partition, and its own account's.
    const own = policies.filter((p) => splitPolicyAccount(p.arn) === split.accountId).map((p) => p.arn);
    const unknown = (arn: string) => {
      if (policyArns.has(arn)) return splitPolicyAccount(arn) === split.accountId ? undefined : `${arn} belongs to another account than the role's`;
      if (findAwsManagedPolicy(arn) && arn.startsWith(`arn:${split.partition}:`)) return undefined;
      const suggestion = isAwsManagedPolicyArn(arn) ? suggestAwsManagedPolicy(arn.replace(/^arn:[a-z-]+:/, `arn:${split.partition}:`)) : closestMatch(arn, own);
      return `${arn} is neither an AWS managed policy the emulator knows nor one of iam.policies${suggestion ? ` (did you mean ${suggestion}?)` : ''}`;
    };
    const attached = r.attachedPolicies ?? [];
    attached.forEach((arn, k) => {
      const why = unknown(arn);
      if (why) problems.push({ path: [...at, 'attachedPolicies', k], message: why });
      if (attached.indexOf(arn) !== k) problems.push({ path: [...at, 'attachedPolicies', k], message: `${arn} is attached twice` });
    });
    if (r.permissionsBoundary !== undefined) {
      const why = unknown(r.permissionsBoundary);
      if (why) problems.push({ path: [...at, 'permissionsBoundary'], message: why });
    }
    for (const [name, doc] of Object.entries(r.inlinePolicies ?? {})) {
      for (const q of [...checkPolicyName(name), ...checkPolicyDocument(doc, 'inline')]) problems.push({ path: [...at, 'inlinePolicies'], key: name, message: `inline policy ${name}: ${problemText(q)}` });
    }
    const sizes = checkRolePolicySizes({ inline: r.inlinePolicies ?? {}, managedArns: attached });
    for (const q of sizes) problems.push({ path: [...at, q.code === 'TOO_MANY_MANAGED_POLICIES' ? 'attachedPolicies' : 'inlinePolicies'], message: problemText(q) });
  });
  return problems;
}

function splitPolicyAccount(arn: string): string | undefined {
  return /^arn:[a-z-]+:iam::(\d{12}):policy\//.exec(arn)?.[1];
}
