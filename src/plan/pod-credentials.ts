import type { AssociationValue, Change, Finding } from '../model/plan.js';
import { finding } from './finding.js';

/*
 * EKS User Guide, "Caching considerations" (Pod Identity associations): the Pod Identity Agent
 * caches a pod's credentials for 6 hours when the association has no target role, and for 59
 * minutes when it has one; changing the association's role does not reach running pods until the
 * cache expires or the pods are re-created. EKS also injects the Pod Identity environment into a
 * pod only when the pod is created, so pods started before a new association get nothing from it.
 */
const CACHE_HOURS_WITHOUT_TARGET = '6 hours';
const CACHE_WITH_TARGET = '59 minutes';

/** Info findings for associations whose running pods will not see the change until they are re-created. */
export function podCredentialFindings(changes: readonly Change[]): Finding[] {
  const findings: Finding[] = [];
  for (const c of changes) {
    if (c.kind !== 'podIdentityAssociation' || (c.action !== 'create' && c.action !== 'update' && c.action !== 'replace')) continue;
    const after = c.after as AssociationValue;
    const who = `pods of service account ${after.namespace}/${after.serviceAccount}`;
    const fix = `re-create them after apply (kubectl rollout restart on their deployments in ${after.namespace})`;
    if (c.action === 'create') {
      findings.push(finding('PODS_KEEP_OLD_CREDENTIALS', `running ${who} get no credentials from this new association: EKS sets Pod Identity up only when a pod is created`, { key: c.id, fix, source: c.source }));
      continue;
    }
    const before = c.before as AssociationValue | undefined;
    const roleChanged = (before?.roleArn ?? '') !== after.roleArn || (before?.targetRoleArn ?? '') !== (after.targetRoleArn ?? '');
    if (!roleChanged) continue;
    const cached = before?.targetRoleArn ? CACHE_WITH_TARGET : CACHE_HOURS_WITHOUT_TARGET;
    findings.push(
      finding('PODS_KEEP_OLD_CREDENTIALS', `running ${who} keep the credentials of the old role for up to ${cached}: the Pod Identity Agent caches them (6 hours, or 59 minutes with a target role)`, {
        key: c.id,
        fix,
        source: c.source,
      }),
    );
  }
  return findings;
}
