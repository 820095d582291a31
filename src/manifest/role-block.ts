/**
 * The rules of an association's `role:` block that can be known offline: it replaces
 * roleName/roleArn, it needs the manifest's `owner` (the tag that makes the role recognisably
 * eks-identity's), and its names and values expand to what IAM accepts on every target cluster.
 */
import type { ManifestAssociation, ManifestCluster } from './model.js';
import type { Inherited, Report } from './check-items.js';
import { unknownVariables } from './variables.js';

export function checkRoleBlock(a: ManifestAssociation, _clusters: ManifestCluster[], inherited: Inherited, report: Report): void {
  const block = a.value.role;
  if (block === undefined) return;
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
  for (const [field, text] of fields) if (text !== undefined) checkRoleVariables(text, `role.${field}`, a.at('role', field), report);
  block.managedPolicies?.forEach((arn, i) => checkRoleVariables(arn, 'role.managedPolicies', a.at('role', 'managedPolicies', i), report));
  for (const [key, value] of Object.entries(block.tags ?? {})) checkRoleVariables(value, `role.tags.${key}`, a.keyAt('role', 'tags', key), report);
}

/** Unknown `${…}` names outside policy documents (where IAM's own variables are left alone). */
function checkRoleVariables(text: string, field: string, location: Parameters<Report>[0]['location'], report: Report): void {
  const unknown = unknownVariables(text);
  if (unknown.length > 0) report({ code: 'UNKNOWN_VARIABLE', message: `unknown variable \`\${${unknown[0]}}\` in \`${field}\``, fix: 'use ${partition}, ${accountId}, ${region} or ${cluster}', location });
}
