import type { AddonAssociationValue } from '../model/addon.js';
import type { AssociationValue, Change, Finding } from '../model/plan.js';
import { finding, listSome } from './finding.js';

/** What a top-level or an add-on association's change carries that matters here. */
type CredentialValue = Partial<AssociationValue> & Partial<AddonAssociationValue> & { serviceAccount: string; roleArn: string };

/*
 * EKS User Guide, "Caching considerations" (Pod Identity associations): the Pod Identity Agent
 * caches a pod's credentials for 6 hours when the association has no target role, and for 59
 * minutes when it has one; changing the association's role does not reach running pods until the
 * cache expires or the pods are re-created. EKS also sets a pod up for Pod Identity only when the
 * pod is created, so pods started before a new association get nothing from it.
 */

/**
 * Info findings for associations whose running pods will not see the change until re-created: one
 * for new associations and one for changed roles, each naming the service accounts (a plan of
 * thousands of creates stays readable).
 */
export function podCredentialFindings(changes: readonly Change[]): Finding[] {
  const created: string[] = [];
  const changed: Array<{ serviceAccount: string; cachedWithTarget: boolean }> = [];
  for (const c of changes) {
    // An add-on's association reaches its pods the same way: the add-on's pods need re-creating too.
    if (c.kind !== 'podIdentityAssociation' && c.kind !== 'addonAssociation') continue;
    const after = c.after as CredentialValue | undefined;
    if (!after) continue;
    const serviceAccount = `${after.namespace ?? after.addonName}/${after.serviceAccount}`;
    if (c.action === 'create') created.push(serviceAccount);
    if (c.action !== 'update' && c.action !== 'replace') continue;
    const before = c.before as CredentialValue | undefined;
    if ((before?.roleArn ?? '') !== after.roleArn || (before?.targetRoleArn ?? '') !== (after.targetRoleArn ?? '')) {
      changed.push({ serviceAccount, cachedWithTarget: Boolean(before?.targetRoleArn) });
    }
  }
  const fix = 're-create the pods after apply (kubectl rollout restart of their deployments)';
  const findings: Finding[] = [];
  if (created.length > 0) {
    findings.push(finding('PODS_KEEP_OLD_CREDENTIALS', `pods already running under ${listSome(created)} get no credentials from the new association${created.length === 1 ? '' : 's'}: EKS sets Pod Identity up only when a pod is created`, { fix }));
  }
  if (changed.length > 0) {
    const longest = changed.some((c) => !c.cachedWithTarget) ? '6 hours' : '59 minutes';
    findings.push(
      finding('PODS_KEEP_OLD_CREDENTIALS', `running pods of ${listSome(changed.map((c) => c.serviceAccount))} keep the old role's credentials for up to ${longest}: the Pod Identity Agent caches them (6 hours, or 59 minutes with a target role)`, { fix }),
    );
  }
  return findings;
}
