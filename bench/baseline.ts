/**
 * The comparison point: a per-resource tool refreshing its state. It knows each object's id from
 * its own state, so it lists nothing, and reads every object with its own call (associations,
 * entries, each policy association, each role) with a fixed number in flight.
 */
import { DescribeAccessEntryCommand, DescribePodIdentityAssociationCommand, paginateListAssociatedAccessPolicies } from '@aws-sdk/client-eks';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import type { AwsClients } from '../src/aws/clients.js';
import { mapWithConcurrency } from '../src/aws/concurrency.js';

export type BaselineObject =
  | { kind: 'association'; cluster: string; associationId: string }
  | { kind: 'entry'; cluster: string; principalArn: string }
  | { kind: 'policy'; cluster: string; principalArn: string; policyArn: string }
  | { kind: 'role'; roleName: string };

export interface BaselineResult {
  read: number;
  failed: number;
  firstError?: string;
}

/**
 * Round-robin over the kinds, as a dependency-graph walk would mix them; this is the baseline's
 * best case, since each kind is throttled on its own.
 */
export function interleaveByKind(objects: readonly BaselineObject[]): BaselineObject[] {
  const groups = new Map<string, BaselineObject[]>();
  for (const o of objects) groups.set(o.kind, [...(groups.get(o.kind) ?? []), o]);
  const queues = [...groups.values()];
  const total = objects.length;
  const out: BaselineObject[] = [];
  // Proportional merge: each queue advances at its share of the total, so all end together.
  const taken = queues.map(() => 0);
  while (out.length < total) {
    let best = -1;
    let bestLag = Number.NEGATIVE_INFINITY;
    queues.forEach((q, k) => {
      if (taken[k]! >= q.length) return;
      const lag = (out.length + 1) * (q.length / total) - taken[k]!;
      if (lag > bestLag) {
        bestLag = lag;
        best = k;
      }
    });
    out.push(queues[best]![taken[best]!]!);
    taken[best]! += 1;
  }
  return out;
}

async function readOne(clients: AwsClients, o: BaselineObject): Promise<void> {
  switch (o.kind) {
    case 'association':
      await clients.eks.send(new DescribePodIdentityAssociationCommand({ clusterName: o.cluster, associationId: o.associationId }));
      return;
    case 'entry':
      await clients.eks.send(new DescribeAccessEntryCommand({ clusterName: o.cluster, principalArn: o.principalArn }));
      return;
    case 'policy': {
      // EKS has no "describe one policy association": the resource reads its entry's list and looks for itself.
      const pages = paginateListAssociatedAccessPolicies({ client: clients.eks, pageSize: 100 }, { clusterName: o.cluster, principalArn: o.principalArn });
      for await (const page of pages) if (page.associatedAccessPolicies?.some((p) => p.policyArn === o.policyArn)) return;
      return;
    }
    case 'role':
      await clients.iam.send(new GetRoleCommand({ RoleName: o.roleName }));
      return;
  }
}

/** Reads every object one call at a time with `parallelism` in flight; failures are counted, not thrown. */
export async function runBaselineRefresh(clients: AwsClients, objects: readonly BaselineObject[], parallelism: number): Promise<BaselineResult> {
  let failed = 0;
  let firstError: string | undefined;
  await mapWithConcurrency(interleaveByKind(objects), parallelism, async (o) => {
    try {
      await readOne(clients, o);
    } catch (err) {
      failed += 1;
      firstError ??= err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
  });
  return { read: objects.length - failed, failed, ...(firstError === undefined ? {} : { firstError }) };
}
