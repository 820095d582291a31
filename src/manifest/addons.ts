/**
 * `addons:`: the rules of declared add-on associations and their expansion into the desired state.
 * The role of each association is checked as a top-level association's is (same codes); what only
 * AWS knows — is the add-on installed, which service accounts its version takes — is the plan's.
 */
import { defaultAddonNamespace, type DesiredAddon } from '../model/addon.js';
import { compare } from '../model/order.js';
import { partitionOfRegion, roleArnFor, type Partition } from '../model/partition.js';
import { roleSpecFor } from './expand-roles.js';
import type { SourceLocation } from '../model/source.js';
import { checkAssociation, type Inherited, type Report } from './check-items.js';
import type { ManifestAddon, ManifestAssociation, ManifestCluster } from './model.js';

const where = (loc: SourceLocation) => `${loc.file}:${loc.line}:${loc.column}`;

/**
 * One add-on per cluster, one association per service account of an add-on, each association's
 * role as for top-level associations, and no top-level association for a service account an
 * add-on declares (the add-on owns it: EKS refuses the second association).
 */
export function checkAddons(addons: readonly ManifestAddon[], associations: readonly ManifestAssociation[], targetsOf: (item: ManifestAddon) => ManifestCluster[], inherited: Inherited, report: Report): void {
  const seen = new Map<string, SourceLocation>();
  const owned = new Map<string, SourceLocation>();
  for (const addon of addons) {
    const { name } = addon.value;
    if (name.trim() === '') report({ code: 'INVALID_ADDON_NAME', message: 'the add-on name is empty', fix: 'use the name ListAddons gives (aws eks list-addons --cluster-name CLUSTER)', location: addon.at('name') });
    const targets = targetsOf(addon);
    for (const c of targets) {
      const key = `${c.value.name}/${name}`;
      const first = seen.get(key);
      if (first) report({ code: 'DUPLICATE_ADDON', message: `add-on \`${name}\` on cluster \`${c.value.name}\` is declared twice (first at ${where(first)})`, fix: 'merge the two into one entry: its list is the add-on\'s whole set of associations', location: addon.source, related: [first] });
      else seen.set(key, addon.source);
    }
    const accounts = new Map<string, SourceLocation>();
    addon.value.podIdentityAssociations.forEach((a, i) => {
      const at = (field: string, ...rest: Array<string | number>) => addon.at('podIdentityAssociations', i, field, ...rest);
      const location = addon.at('podIdentityAssociations', i);
      const first = accounts.get(a.serviceAccount);
      if (first) report({ code: 'DUPLICATE_ADDON_ASSOCIATION', message: `service account \`${a.serviceAccount}\` of add-on \`${name}\` is listed twice (first at ${where(first)})`, fix: 'keep one: an add-on has one association per service account', location, related: [first] });
      else accounts.set(a.serviceAccount, location);
      for (const c of targets) owned.set(`${c.value.name}/${defaultAddonNamespace(name)}/${a.serviceAccount}`, location);
      // The role and service-account rules are those of any association, in the add-on's namespace.
      const asAssociation: ManifestAssociation = {
        value: { namespace: defaultAddonNamespace(name), serviceAccount: a.serviceAccount, ...(a.roleName !== undefined ? { roleName: a.roleName } : {}), ...(a.roleArn !== undefined ? { roleArn: a.roleArn } : {}), ...(a.role !== undefined ? { role: a.role } : {}) },
        source: location,
        at: (field, ...rest) => at(field, ...rest),
        keyAt: (field) => at(field),
      };
      checkAssociation(asAssociation, targets, inherited, report);
      if (a.recommendedPolicies === true && a.role === undefined) {
        report({ code: 'RECOMMENDED_POLICIES_WITHOUT_ROLE', message: '`recommendedPolicies` attaches policies to a role eks-identity creates, but this association names an existing role', fix: 'use a `role:` block, or attach the policies to the existing role yourself', location: at('recommendedPolicies') });
      }
    });
  }
  for (const a of associations) {
    const clusters = [...new Set([...owned.keys()].map((k) => k.split('/')[0]!))];
    for (const cluster of clusters) {
      if (a.value.clusters && !a.value.clusters.includes(cluster)) continue;
      const holder = owned.get(`${cluster}/${a.value.namespace}/${a.value.serviceAccount}`);
      if (holder) {
        report({
          code: 'ASSOCIATION_OWNED_BY_ADDON',
          message: `association ${a.value.namespace}/${a.value.serviceAccount} on cluster \`${cluster}\` belongs to an add-on declared at ${where(holder)}`,
          fix: 'remove it from `podIdentityAssociations`: the add-on entry under `addons:` declares it',
          location: a.source,
          related: [holder],
        });
        break;
      }
    }
  }
}

type Expand = (text: string) => string;

/** The declared add-ons of one cluster, with role names made ARNs (a `role:` block's role for those that declare one) and variables expanded. */
export function expandAddons(addons: readonly ManifestAddon[], cluster: ManifestCluster, expand: Expand, accountId: string | undefined, inherited: Inherited): DesiredAddon[] {
  const clusterName = cluster.value.name;
  const partition: Partition = partitionOfRegion(cluster.value.region);
  return addons
    .filter((a) => !a.value.clusters || a.value.clusters.includes(clusterName))
    .map((a): DesiredAddon => ({
      name: a.value.name,
      associations: a.value.podIdentityAssociations
        .map((p, i) => {
          const source = a.at('podIdentityAssociations', i);
          if (p.role) {
            const spec = roleSpecFor(p.role, { namespace: defaultAddonNamespace(a.value.name), serviceAccount: p.serviceAccount }, cluster.value, accountId, inherited);
            return { serviceAccount: p.serviceAccount, roleArn: spec.arn, managedRole: true, source };
          }
          return { serviceAccount: p.serviceAccount, roleArn: p.roleArn !== undefined ? expand(p.roleArn) : roleArnFor(partition, accountId ?? '${accountId}', expand(p.roleName ?? '')), source };
        })
        .sort((x, y) => compare(x.serviceAccount, y.serviceAccount)),
      source: a.source,
    }))
    .sort((x, y) => compare(x.name, y.name));
}
