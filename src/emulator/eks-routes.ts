/** The EKS restJson1 route table: method + path template → operation name and handler. */
import type { EksHandler } from './context.js';
import * as entries from './eks-access-entries.js';
import * as addons from './eks-addons.js';
import * as associations from './eks-associations.js';
import * as clusters from './eks-clusters.js';

interface Route {
  method: string;
  segments: string[];
  operation: string;
  handler: EksHandler;
}

const TABLE: Array<[string, string, string, EksHandler]> = [
  ['GET', '/clusters', 'ListClusters', clusters.listClusters],
  ['GET', '/clusters/{name}', 'DescribeCluster', clusters.describeCluster],
  ['POST', '/clusters/{name}/update-config', 'UpdateClusterConfig', clusters.updateClusterConfig],
  ['GET', '/clusters/{name}/updates/{updateId}', 'DescribeUpdate', clusters.describeUpdate],
  ['GET', '/clusters/{clusterName}/addons', 'ListAddons', addons.listAddons],
  ['GET', '/clusters/{clusterName}/addons/{addonName}', 'DescribeAddon', addons.describeAddon],
  ['POST', '/clusters/{clusterName}/addons/{addonName}/update', 'UpdateAddon', addons.updateAddon],
  ['GET', '/addons/configuration-schemas', 'DescribeAddonConfiguration', addons.describeAddonConfiguration],
  ['GET', '/access-policies', 'ListAccessPolicies', clusters.listAccessPolicies],
  ['GET', '/tags/{resourceArn}', 'ListTagsForResource', clusters.listTagsForResource],
  ['POST', '/tags/{resourceArn}', 'TagResource', clusters.tagResource],
  ['DELETE', '/tags/{resourceArn}', 'UntagResource', clusters.untagResource],
  ['POST', '/clusters/{clusterName}/pod-identity-associations', 'CreatePodIdentityAssociation', associations.createPodIdentityAssociation],
  ['GET', '/clusters/{clusterName}/pod-identity-associations', 'ListPodIdentityAssociations', associations.listPodIdentityAssociations],
  ['GET', '/clusters/{clusterName}/pod-identity-associations/{associationId}', 'DescribePodIdentityAssociation', associations.describePodIdentityAssociation],
  ['POST', '/clusters/{clusterName}/pod-identity-associations/{associationId}', 'UpdatePodIdentityAssociation', associations.updatePodIdentityAssociation],
  ['DELETE', '/clusters/{clusterName}/pod-identity-associations/{associationId}', 'DeletePodIdentityAssociation', associations.deletePodIdentityAssociation],
  ['POST', '/clusters/{clusterName}/access-entries', 'CreateAccessEntry', entries.createAccessEntry],
  ['GET', '/clusters/{clusterName}/access-entries', 'ListAccessEntries', entries.listAccessEntries],
  ['GET', '/clusters/{clusterName}/access-entries/{principalArn}', 'DescribeAccessEntry', entries.describeAccessEntry],
  ['POST', '/clusters/{clusterName}/access-entries/{principalArn}', 'UpdateAccessEntry', entries.updateAccessEntry],
  ['DELETE', '/clusters/{clusterName}/access-entries/{principalArn}', 'DeleteAccessEntry', entries.deleteAccessEntry],
  ['POST', '/clusters/{clusterName}/access-entries/{principalArn}/access-policies', 'AssociateAccessPolicy', entries.associateAccessPolicy],
  ['GET', '/clusters/{clusterName}/access-entries/{principalArn}/access-policies', 'ListAssociatedAccessPolicies', entries.listAssociatedAccessPolicies],
  [
    'DELETE',
    '/clusters/{clusterName}/access-entries/{principalArn}/access-policies/{policyArn}',
    'DisassociateAccessPolicy',
    entries.disassociateAccessPolicy,
  ],
];

/** Every EKS operation the emulator answers. */
export const EKS_OPERATIONS: readonly string[] = TABLE.map(([, , operation]) => operation);

const ROUTES: Route[] = TABLE.map(([method, path, operation, handler]) => ({ method, segments: path.split('/').slice(1), operation, handler }));

/** Matches a request; path segments are compared after percent-decoding (ARNs arrive encoded). */
export function matchEksRoute(method: string, pathname: string): { operation: string; handler: EksHandler; params: Record<string, string> } | undefined {
  const raw = pathname.split('/').slice(1);
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  let segments: string[];
  try {
    segments = raw.map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  for (const route of ROUTES) {
    if (route.method !== method || route.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = route.segments.every((template, i) => {
      const value = segments[i]!;
      if (template.startsWith('{')) {
        params[template.slice(1, -1)] = value;
        return value.length > 0;
      }
      return template === value;
    });
    if (ok) return { operation: route.operation, handler: route.handler, params };
  }
  return undefined;
}
