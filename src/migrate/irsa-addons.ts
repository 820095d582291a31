/**
 * migrate-irsa for add-ons on IRSA (DescribeAddon's serviceAccountRoleArn): their associations
 * belong to the add-on, so the proposal is an `addons:` entry naming the add-on's service accounts
 * with the same role, which eks-identity then applies through UpdateAddon. The service accounts come
 * from the installed version's podIdentityConfiguration (DescribeAddonConfiguration), narrowed to
 * those the role's IRSA trust names; a version without Pod Identity gets no proposal.
 */
import type { AddonPodIdentityConfig } from '../model/addon.js';
import type { LiveAddon } from '../model/live.js';
import type { Finding } from '../model/plan.js';
import type { FragmentAddon, NotConvertible } from './types.js';

export interface AddonProposal {
  addon?: FragmentAddon;
  findings: Finding[];
  notConvertible: NotConvertible[];
}

/**
 * `trusted`: the service accounts (`namespace/name`) the role's IRSA statements federate;
 * `configuration`: undefined when the version's configuration could not be read.
 */
export function proposeAddonEntry(clusterName: string, addon: LiveAddon, roleArn: string, trusted: readonly string[], configuration: readonly AddonPodIdentityConfig[] | undefined): AddonProposal {
  const key = `addon/${addon.name}`;
  const version = addon.version ?? 'its installed version';
  if (configuration !== undefined && configuration.length === 0) {
    const fix = `update ${addon.name} to a version with Pod Identity support (aws eks describe-addon-versions --addon-name ${addon.name}), then run migrate-irsa again`;
    return {
      findings: [{ severity: 'warning', code: 'IRSA_ADDON', key, message: `add-on ${addon.name} uses IRSA with ${roleArn}, and ${version} does not support Pod Identity`, fix }],
      notConvertible: [{ origin: 'addon', subject: addon.name, reason: `uses IRSA (serviceAccountRoleArn ${roleArn}) and ${version} has no Pod Identity configuration`, fix }],
    };
  }
  const names = trusted.map((id) => id.split('/').pop()!);
  const known = configuration?.map((c) => c.serviceAccount);
  // The role's trust says which of the add-on's service accounts it serves; a wildcard trust names none exactly.
  const matching = known ? known.filter((sa) => names.includes(sa)) : names;
  const serviceAccounts = matching.length > 0 ? matching : (known ?? []);
  if (serviceAccounts.length === 0) {
    const fix = `list its service accounts (aws eks describe-addon-configuration --addon-name ${addon.name} --addon-version VERSION) and declare them under addons:`;
    return {
      findings: [{ severity: 'warning', code: 'IRSA_ADDON', key, message: `add-on ${addon.name} uses IRSA with ${roleArn}, but its service accounts could not be found`, fix }],
      notConvertible: [{ origin: 'addon', subject: addon.name, reason: `uses IRSA (serviceAccountRoleArn ${roleArn}); no service account known`, fix }],
    };
  }
  return {
    addon: { name: addon.name, podIdentityAssociations: [...new Set(serviceAccounts)].sort().map((serviceAccount) => ({ serviceAccount, roleArn })) },
    findings: [{
      severity: 'info',
      code: 'IRSA_ADDON',
      key,
      message: `add-on ${addon.name} uses IRSA with ${roleArn}: proposed under addons: with the same role for ${serviceAccounts.join(', ')}${known ? '' : ' (from the role\'s trust; the add-on\'s configuration could not be read)'}`,
      fix: `once applied (through UpdateAddon), remove the IRSA role from the add-on on cluster ${clusterName} (serviceAccountRoleArn) and restart its pods: the AWS SDKs prefer IRSA's web identity while it is set`,
    }],
    notConvertible: [],
  };
}
