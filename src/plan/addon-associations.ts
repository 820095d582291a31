/**
 * The plan of declared add-ons' Pod Identity associations: for each add-on, the declared list
 * against the associations it owns (create, update of the role, delete: the declared list is
 * authoritative, as UpdateAddon's list replaces the add-on's), and the findings for what EKS would
 * refuse (src/model/addon.ts, shared with the emulator) or what the user should know.
 */
import { addonAssociationProblems, addonNamespace, type AddonAssociationValue, type DesiredAddon, type LiveAddonAssociation, type LiveAddonDetail } from '../model/addon.js';
import type { DesiredAssociation, DesiredCluster } from '../model/desired.js';
import type { LiveCluster } from '../model/live.js';
import type { Change, Finding } from '../model/plan.js';
import { checkDeclared } from './checks.js';
import { finding } from './finding.js';
import { closestMatch } from '../model/closest-match.js';
import { checkPrincipals } from './principals.js';

export function addonChangeId(addonName: string, serviceAccount: string): string {
  return `addon/${addonName}/${serviceAccount}`;
}

/** Changes and findings of every declared add-on of the cluster. */
export function diffAddonAssociations(desired: DesiredCluster, live: LiveCluster): { changes: Change[]; findings: Finding[] } {
  const changes: Change[] = [];
  const findings: Finding[] = [];
  for (const addon of desired.addons ?? []) {
    const detail = live.addonDetails?.[addon.name];
    if (!live.addons.some((a) => a.name === addon.name) || !detail) {
      findings.push(finding('ADDON_NOT_INSTALLED', `add-on ${addon.name} is not installed on cluster ${live.name}: its Pod Identity associations can only be set through the add-on`, {
        key: `addon/${addon.name}`,
        fix: notInstalledFix(addon.name, live),
        source: addon.source,
      }));
      continue;
    }
    const problems = addonProblems(addon, detail, live);
    findings.push(...problems, ...irsaFinding(addon, detail, live));
    for (const f of roleFindings(desired, addon, detail, live)) {
      // The agent check belongs to the top-level associations (checks.ts) when there are some; else it is said once here.
      if (f.code === 'POD_IDENTITY_AGENT_MISSING' && (desired.associations.length > 0 || findings.some((x) => x.code === f.code))) continue;
      findings.push(f.code === 'POD_IDENTITY_AGENT_MISSING' ? { ...f, key: `addon/${addon.name}` } : f);
    }
    // An add-on whose update EKS would refuse gets no changes: nothing of it can be applied.
    if (problems.length === 0) changes.push(...addonChanges(addon, detail));
  }
  findings.push(...declaredTwice(desired, live));
  return { changes, findings };
}

function addonProblems(addon: DesiredAddon, detail: LiveAddonDetail, live: LiveCluster): Finding[] {
  const key = `addon/${addon.name}`;
  const findings = addonAssociationProblems(addon.name, detail.version, detail.podIdentityConfiguration, addon.associations).map((p) => {
    const source = addon.associations.find((a) => a.serviceAccount === p.serviceAccount)?.source ?? addon.source;
    const unknownVersion = p.code === 'ADDON_VERSION_NO_POD_IDENTITY' && detail.configurationUnknown;
    return finding(p.code, unknownVersion ? `DescribeAddonConfiguration does not know ${addon.name} ${detail.version}, so its Pod Identity support cannot be checked; EKS would refuse the associations` : p.message, {
      key: p.serviceAccount ? addonChangeId(addon.name, p.serviceAccount) : key,
      fix: p.suggestion ? `did you mean ${p.suggestion}? ${p.fix}` : p.fix,
      source,
    });
  });
  for (const f of detail.foreign ?? []) {
    const source = addon.associations.find((a) => a.serviceAccount === f.serviceAccount)?.source ?? addon.source;
    findings.push(finding('ADDON_ASSOCIATION_CONFLICT', `association ${f.namespace}/${f.serviceAccount} (${f.associationId}) on cluster ${live.name} is not owned by ${addon.name}: EKS keeps one association per service account, so the add-on cannot take it`, {
      key: addonChangeId(addon.name, f.serviceAccount),
      fix: 'delete that association first (remove it from the manifest that declares it, with prune), then re-run',
      source,
    }));
  }
  return findings;
}

function irsaFinding(addon: DesiredAddon, detail: LiveAddonDetail, live: LiveCluster): Finding[] {
  if (!detail.serviceAccountRoleArn || addon.associations.length === 0) return [];
  return [finding('ADDON_USES_IRSA', `add-on ${addon.name} on cluster ${live.name} still has an IRSA role (serviceAccountRoleArn ${detail.serviceAccountRoleArn}); its service account keeps the eks.amazonaws.com/role-arn annotation`, {
    key: `addon/${addon.name}`,
    fix: 'switching means: apply the Pod Identity association, then remove the IRSA role from the add-on (the tool that installed it, or the console), and restart the add-on\'s pods; the AWS SDKs look for IRSA\'s web identity token before Pod Identity\'s container credentials, so while both are set the pods keep using IRSA',
    source: addon.source,
  })];
}

/** The declared list against the owned associations: the role is the only field an add-on association has. */
function addonChanges(addon: DesiredAddon, detail: LiveAddonDetail): Change[] {
  const namespace = addonNamespace(addon.name, detail);
  const list = { name: addon.name, associations: addon.associations.map((a) => ({ serviceAccount: a.serviceAccount, roleArn: a.roleArn })) };
  const owned = new Map(detail.associations.map((a) => [a.serviceAccount, a]));
  const changes: Change[] = [];
  const value = (serviceAccount: string, roleArn: string, live?: LiveAddonAssociation): AddonAssociationValue => ({
    addonName: addon.name,
    namespace: live?.namespace ?? namespace,
    serviceAccount,
    roleArn,
    ...(live ? { associationId: live.associationId } : {}),
  });
  for (const d of addon.associations) {
    const id = addonChangeId(addon.name, d.serviceAccount);
    const l = owned.get(d.serviceAccount);
    const source = d.source ? { source: d.source } : {};
    if (!l) changes.push({ id, kind: 'addonAssociation', action: 'create', after: value(d.serviceAccount, d.roleArn), addon: list, ...source });
    else if (l.roleArn !== d.roleArn) {
      changes.push({ id, kind: 'addonAssociation', action: 'update', before: value(l.serviceAccount, l.roleArn, l), after: value(d.serviceAccount, d.roleArn), fields: [{ field: 'roleArn', before: l.roleArn, after: d.roleArn }], addon: list, ...source });
    }
  }
  const declared = new Set(addon.associations.map((a) => a.serviceAccount));
  for (const l of detail.associations) {
    if (declared.has(l.serviceAccount)) continue;
    changes.push({ id: addonChangeId(addon.name, l.serviceAccount), kind: 'addonAssociation', action: 'delete', before: value(l.serviceAccount, l.roleArn, l), reason: `not in the declared list of add-on ${addon.name}, which replaces the add-on's associations`, addon: list });
  }
  return changes;
}

/**
 * The role checks of top-level associations (missing role, trust policy, partition, account,
 * path), run on the add-on's associations as the associations EKS will create, keyed to them.
 */
function roleFindings(desired: DesiredCluster, addon: DesiredAddon, detail: LiveAddonDetail, live: LiveCluster): Finding[] {
  const namespace = addonNamespace(addon.name, detail);
  const associations: DesiredAssociation[] = addon.associations.map((a) => ({
    namespace,
    serviceAccount: a.serviceAccount,
    roleArn: a.roleArn,
    disableSessionTags: false,
    tags: {},
    ...(a.managedRole ? { managedRole: true } : {}),
    ...(a.source ? { source: a.source } : {}),
  }));
  const asCluster: DesiredCluster = { ...desired, associations, accessEntries: [], addons: [] };
  const rekey = (f: Finding): Finding => {
    const serviceAccount = f.key?.split('/').pop();
    return serviceAccount ? { ...f, key: addonChangeId(addon.name, serviceAccount) } : f;
  };
  return [...checkDeclared(asCluster, live), ...checkPrincipals(asCluster, live)].map(rekey);
}

/** A top-level association for a service account that a declared add-on declares too (in its real namespace). */
function declaredTwice(desired: DesiredCluster, live: LiveCluster): Finding[] {
  const findings: Finding[] = [];
  for (const addon of desired.addons ?? []) {
    const detail = live.addonDetails?.[addon.name];
    if (!detail) continue;
    const namespace = addonNamespace(addon.name, detail);
    for (const a of desired.associations) {
      if (a.namespace !== namespace || !addon.associations.some((d) => d.serviceAccount === a.serviceAccount)) continue;
      findings.push(finding('ASSOCIATION_OWNED_BY_ADDON', `association ${a.namespace}/${a.serviceAccount} is also declared under add-on ${addon.name}, which owns it`, {
        key: `association/${a.namespace}/${a.serviceAccount}`,
        fix: 'remove it from podIdentityAssociations: the entry under addons: declares it',
        source: a.source,
      }));
    }
  }
  return findings;
}

/** A misspelled name (aws-ebs-csi-drivers) reads as "not installed": name the installed add-on it is closest to first. */
function notInstalledFix(name: string, live: LiveCluster): string {
  const install = `install it first (aws eks create-addon --cluster-name ${live.name} --addon-name ${name}, or the tool that manages your add-ons), or narrow the entry with clusters:`;
  const close = closestMatch(name, live.addons.map((a) => a.name));
  return close === undefined ? install : `did you mean ${close}, which is installed? Otherwise ${install}`;
}
