import { compare } from '../model/order.js';
import { POD_IDENTITY_ACTIONS, POD_IDENTITY_PRINCIPAL, type Partition } from '../model/partition.js';
import type { RoleDeclarer } from '../model/desired-role.js';

/*
 * The trust policy of a role eks-identity owns, made for EKS Pod Identity and limited to the
 * associations that declare the role. The EKS User Guide ("Create IAM role with trust policy
 * required by EKS Pod Identity", https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html)
 * gives the principal pods.eks.amazonaws.com, the actions sts:AssumeRole and sts:TagSession, and
 * conditions on the session tags Pod Identity sends (StringEquals on
 * aws:RequestTag/kubernetes-namespace and aws:RequestTag/kubernetes-service-account; the list of
 * tags, eks-cluster-arn among them, is in "Enable or disable session tags",
 * https://docs.aws.amazon.com/eks/latest/userguide/pod-id-abac.html). aws:SourceAccount is the
 * global condition key a service principal's request carries (IAM User Guide, "AWS global
 * condition context keys"). An association with disableSessionTags sends none of the tags, so for
 * it only the account condition can hold.
 */

export const TRUST_POLICY_VERSION = '2012-10-17';

interface Statement {
  Effect: 'Allow';
  Principal: { Service: string };
  Action: string[];
  Condition: Record<string, Record<string, string | string[]>>;
}

/** The trust policy document for the declarers of one role (pure, deterministic). */
export function buildPodIdentityTrust(partition: Partition, declarers: readonly RoleDeclarer[]): { Version: string; Statement: Statement[] } {
  const accounts = unique(declarers.map((d) => d.accountId));
  const statement = (condition: Record<string, string | string[]>): Statement => ({
    Effect: 'Allow',
    Principal: { Service: POD_IDENTITY_PRINCIPAL },
    Action: [...POD_IDENTITY_ACTIONS],
    Condition: { StringEquals: { 'aws:SourceAccount': one(accounts), ...condition } },
  });
  // Tagged declarers: the clusters of each (namespace, service account), then the service accounts
  // of one namespace that share the same clusters in one statement. Never a list of namespaces
  // next to a list of service accounts: that would admit every pair of the two lists.
  const clustersOf = new Map<string, Set<string>>();
  for (const d of declarers.filter((x) => x.sessionTags)) {
    const key = `${d.namespace}\u0000${d.serviceAccount}`;
    const set = clustersOf.get(key) ?? new Set<string>();
    set.add(clusterArn(partition, d));
    clustersOf.set(key, set);
  }
  const groups = new Map<string, { namespace: string; clusters: string[]; serviceAccounts: string[] }>();
  for (const [key, set] of clustersOf) {
    const [namespace, serviceAccount] = key.split('\u0000') as [string, string];
    const clusters = [...set].sort(compare);
    const groupKey = `${namespace}\u0000${clusters.join(',')}`;
    const group = groups.get(groupKey) ?? { namespace, clusters, serviceAccounts: [] };
    group.serviceAccounts.push(serviceAccount);
    groups.set(groupKey, group);
  }
  const tagged = [...groups.values()]
    .map((g) => ({ ...g, serviceAccounts: unique(g.serviceAccounts) }))
    .sort((a, b) => compare(a.namespace, b.namespace) || compare(a.serviceAccounts.join(','), b.serviceAccounts.join(',')) || compare(a.clusters.join(','), b.clusters.join(',')))
    .map((g) =>
      statement({
        'aws:RequestTag/eks-cluster-arn': one(g.clusters),
        'aws:RequestTag/kubernetes-namespace': g.namespace,
        'aws:RequestTag/kubernetes-service-account': one(g.serviceAccounts),
      }),
    );
  const untagged = declarers.some((d) => !d.sessionTags) ? [statement({})] : [];
  return { Version: TRUST_POLICY_VERSION, Statement: [...tagged, ...untagged] };
}

export function clusterArn(partition: Partition, d: Pick<RoleDeclarer, 'region' | 'accountId' | 'cluster'>): string {
  return `arn:${partition}:eks:${d.region}:${d.accountId}:cluster/${d.cluster}`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compare);
}

/** IAM takes a single value or a list; a single value reads better in a plan. */
function one(values: readonly string[]): string | string[] {
  return values.length === 1 ? values[0]! : [...values];
}
