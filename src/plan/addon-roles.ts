/**
 * `recommendedPolicies: true` on an add-on association with a `role:` block: the role also gets the
 * managed policies DescribeAddonConfiguration recommends for that service account of the installed
 * version (EKS User Guide, "Retrieve IAM information about an Amazon EKS add-on"). They are known
 * only once the add-on has been read, so they join the desired role here, before roles are planned.
 */
import type { DesiredState } from '../model/desired.js';
import type { LiveState } from '../model/live.js';
import { compare } from '../model/order.js';

export function withRecommendedPolicies(desired: DesiredState, live: LiveState): DesiredState {
  if (!desired.roles?.some((r) => r.declaredBy.some((d) => d.addon?.recommendedPolicies))) return desired;
  const roles = desired.roles.map((role) => {
    const recommended = role.declaredBy.flatMap((d) => {
      if (!d.addon?.recommendedPolicies) return [];
      const detail = live.clusters.find((c) => c.name === d.cluster && c.region === d.region)?.addonDetails?.[d.addon.name];
      return detail?.podIdentityConfiguration.find((p) => p.serviceAccount === d.serviceAccount)?.recommendedManagedPolicies ?? [];
    });
    return recommended.length === 0 ? role : { ...role, managedPolicyArns: [...new Set([...role.managedPolicyArns, ...recommended])].sort(compare) };
  });
  return { ...desired, roles };
}
