/**
 * What an add-on association's `role:` block can know only once the add-on has been read:
 * - `recommendedPolicies: true`: the role also gets the managed policies DescribeAddonConfiguration
 *   recommends for that service account of the installed version (EKS User Guide, "Retrieve IAM
 *   information about an Amazon EKS add-on");
 * - the namespace: the manifest assumes the add-on's default one, but an add-on installed with its
 *   own namespace (DescribeAddon `namespaceConfig`) runs its service accounts there, and a trust
 *   limited to the default namespace would refuse its pods. The trust is rebuilt for the real one.
 * Both join the desired role here, before roles are planned.
 */
import { canonicalJson } from '../aws/canonical-json.js';
import { addonNamespace } from '../model/addon.js';
import type { RoleDeclarer } from '../model/desired-role.js';
import type { DesiredState } from '../model/desired.js';
import type { LiveState } from '../model/live.js';
import { compare } from '../model/order.js';
import { buildPodIdentityTrust } from './trust-policy-build.js';

export function withAddonRoleFacts(desired: DesiredState, live: LiveState): DesiredState {
  if (!desired.roles?.some((r) => r.declaredBy.some((d) => d.addon !== undefined))) return desired;
  const detailOf = (d: RoleDeclarer) => (d.addon === undefined ? undefined : live.clusters.find((c) => c.name === d.cluster && c.region === d.region)?.addonDetails?.[d.addon.name]);
  const roles = desired.roles.map((role) => {
    const recommended = role.declaredBy.flatMap((d) => {
      if (!d.addon?.recommendedPolicies) return [];
      return detailOf(d)?.podIdentityConfiguration.find((p) => p.serviceAccount === d.serviceAccount)?.recommendedManagedPolicies ?? [];
    });
    const declaredBy = role.declaredBy.map((d) => {
      const detail = detailOf(d);
      if (d.addon === undefined || detail === undefined) return d;
      const namespace = addonNamespace(d.addon.name, detail);
      return namespace === d.namespace ? d : { ...d, namespace };
    });
    const moved = declaredBy.some((d, i) => d !== role.declaredBy[i]);
    if (recommended.length === 0 && !moved) return role;
    return {
      ...role,
      managedPolicyArns: [...new Set([...role.managedPolicyArns, ...recommended])].sort(compare),
      ...(moved ? { declaredBy, trustPolicy: canonicalJson(buildPodIdentityTrust(role.partition, declaredBy)) } : {}),
    };
  });
  return { ...desired, roles };
}
