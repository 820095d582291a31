import { createHash } from 'node:crypto';

/*
 * Client request tokens make a create idempotent: EKS answers a repeated create that carries the
 * same token and parameters with the object it already made, instead of a 409.
 *
 * The token is derived from the plan fingerprint, the cluster, the change id and the run id, so
 * every retry of a change inside one run (SDK retries, IAM-propagation retries, a connection reset
 * after EKS committed the create) reuses it.
 *
 * It is deliberately NOT the same across runs. A re-run after a crash re-reads live state: if the
 * first create did succeed, the object is there and the new plan has no create for it (and if a
 * lagging list still hides it, the 409 is adopted). The only way a re-run would send the same
 * fingerprint and change id again is a world that looks exactly as before, e.g. after the object
 * was created and then deleted out of band; EKS could then replay the old answer for a token it
 * remembers and report an object that no longer exists. A per-run component rules that out.
 */
export function clientRequestTokenFor(fingerprint: string, runId: string, clusterName: string, changeId: string): string {
  const hex = createHash('sha256').update([fingerprint, runId, clusterName, changeId].join('\u0000')).digest('hex');
  // UUID layout: within every EKS token length limit and readable in CloudTrail.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
