/**
 * The pure core of migrate-irsa: IAM roles + the cluster's issuer and associations → the
 * associations to declare and one trust policy update per role (never one per service account).
 */
import type { LiveAddon, LiveAssociation } from '../model/live.js';
import type { Partition } from '../model/partition.js';
import type { Finding } from '../model/plan.js';
import { analyzeIrsaTrust } from './irsa.js';
import { addPodIdentityTrust, removeOidcTrust, trustPolicyLength, trustsPodIdentity, TRUST_POLICY_MAX_LENGTH, type PolicyDocument } from './trust-policy.js';
import { renderManifestFragment, type RenderFragmentOptions } from './manifest-yaml.js';
import type { FragmentAddon, FragmentAssociation, ManifestFragment, NotConvertible } from './types.js';
import { proposeAddonEntry } from './irsa-addons.js';
import type { AddonPodIdentityConfig } from '../model/addon.js';

export interface IrsaRole {
  arn: string;
  /** Decoded trust policy document. */
  trustPolicy: unknown;
}

export interface IrsaMigrationInput {
  cluster: { name: string; region: string; partition: Partition; oidcIssuer: string };
  roles: readonly IrsaRole[];
  /** Add-ons with their IRSA role (serviceAccountRoleArn), if any. */
  addons: readonly LiveAddon[];
  /** DescribeAddonConfiguration of the IRSA add-ons' versions, by add-on name (undefined: not readable). */
  addonConfigurations?: Readonly<Record<string, readonly AddonPodIdentityConfig[] | undefined>>;
  /** Live associations (described), to adopt what exists and spot conflicts. */
  associations: readonly LiveAssociation[];
  /** The later step: drop the OIDC statements instead of adding the Pod Identity one. */
  removeOidcTrust?: boolean;
}

export interface TrustPolicyUpdate {
  roleArn: string;
  before: PolicyDocument;
  after: PolicyDocument;
  /** `namespace/serviceAccount` of every service account the role serves. */
  serviceAccounts: string[];
  /** Characters as IAM counts them. */
  length: number;
}

export interface IrsaMigration {
  /** Sorted by (namespace, serviceAccount). */
  associations: FragmentAssociation[];
  /** Sorted by role ARN; only roles whose document actually changes. */
  trustUpdates: TrustPolicyUpdate[];
  /** `addons:` entries for add-ons on IRSA, sorted by name. */
  addons: FragmentAddon[];
  findings: Finding[];
  notConvertible: NotConvertible[];
}

export function planIrsaMigration(input: IrsaMigrationInput): IrsaMigration {
  const { cluster } = input;
  const findings: Finding[] = [];
  const notConvertible: NotConvertible[] = [];
  const associations = new Map<string, FragmentAssociation>();
  const trustUpdates: TrustPolicyUpdate[] = [];
  const addons: FragmentAddon[] = [];
  const addonByRole = new Map(input.addons.filter((a) => a.serviceAccountRoleArn).map((a) => [a.serviceAccountRoleArn!, a]));
  const live = new Map(input.associations.map((a) => [`${a.namespace}/${a.serviceAccount}`, a]));
  const pushUpdate = (update: TrustPolicyUpdate) => {
    if (update.length > TRUST_POLICY_MAX_LENGTH) {
      findings.push({
        severity: 'error',
        code: 'TRUST_POLICY_TOO_LONG',
        key: `trustPolicy/${update.roleArn}`,
        message: `the updated trust policy of ${update.roleArn} would be ${update.length} characters; IAM allows ${TRUST_POLICY_MAX_LENGTH} by default`,
        fix: 'remove statements no longer used, or raise the "Role trust policy length" quota (up to 4,096) in Service Quotas',
      });
    }
    trustUpdates.push(update);
  };

  for (const role of [...input.roles].sort((a, b) => cmp(a.arn, b.arn))) {
    const trust = analyzeIrsaTrust(role.trustPolicy, cluster.oidcIssuer, { roleArn: role.arn, partition: cluster.partition });
    if (trust.statements.length === 0) continue;
    findings.push(...trust.findings);
    const addon = addonByRole.get(role.arn);
    if (addon) {
      const trusted = trust.serviceAccounts.map((sa) => `${sa.namespace}/${sa.serviceAccount}`);
      const proposal = proposeAddonEntry(cluster.name, addon, role.arn, trusted, input.addonConfigurations?.[addon.name]);
      if (proposal.addon) addons.push(proposal.addon);
      findings.push(...proposal.findings);
      notConvertible.push(...proposal.notConvertible);
      // The add-on's own association needs the same trust, so the role is still prepared for it.
      const update = input.removeOidcTrust ? undefined : additionUpdate(role, trust.serviceAccounts.map((sa) => `${sa.namespace}/${sa.serviceAccount}`));
      if (update) pushUpdate(update);
      continue;
    }
    const served: string[] = [];
    for (const sa of trust.serviceAccounts) {
      const id = `${sa.namespace}/${sa.serviceAccount}`;
      const existing = live.get(id);
      const taken = associations.get(id);
      if (taken) {
        notConvertible.push({ origin: 'role', subject: role.arn, reason: `${id} is also federated by ${taken.roleArn}; a service account has one Pod Identity association`, fix: `check the eks.amazonaws.com/role-arn annotation of ${id} and keep the role it names` });
        continue;
      }
      if (existing && existing.roleArn !== role.arn) {
        notConvertible.push({ origin: 'role', subject: role.arn, reason: `${id} already has an association with ${existing.roleArn}${existing.ownerArn ? ` (owned by ${existing.ownerArn})` : ''}`, fix: 'decide which role the service account should use; the existing association is left as it is' });
        continue;
      }
      associations.set(id, { namespace: sa.namespace, serviceAccount: sa.serviceAccount, roleArn: role.arn });
      served.push(id);
    }
    if (served.length === 0) continue;
    const update = input.removeOidcTrust
      ? removalUpdate(role, cluster, served, live, findings)
      : additionUpdate(role, served);
    if (!update) continue;
    pushUpdate(update);
  }
  return {
    associations: [...associations.values()].sort((a, b) => cmp(a.namespace, b.namespace) || cmp(a.serviceAccount, b.serviceAccount)),
    trustUpdates,
    addons: addons.sort((a, b) => cmp(a.name, b.name)),
    findings,
    notConvertible,
  };
}

function additionUpdate(role: IrsaRole, served: string[]): TrustPolicyUpdate | undefined {
  const { document, changed } = addPodIdentityTrust(role.trustPolicy);
  if (!changed) return undefined;
  return { roleArn: role.arn, before: role.trustPolicy as PolicyDocument, after: document, serviceAccounts: served, length: trustPolicyLength(document) };
}

/** Removal is only safe once Pod Identity is trusted and every service account has its association. */
function removalUpdate(
  role: IrsaRole,
  cluster: IrsaMigrationInput['cluster'],
  served: string[],
  live: Map<string, LiveAssociation>,
  findings: Finding[],
): TrustPolicyUpdate | undefined {
  const missing = served.filter((id) => live.get(id)?.roleArn !== role.arn);
  const key = `trustPolicy/${role.arn}`;
  if (!trustsPodIdentity(role.trustPolicy)) {
    findings.push({ severity: 'error', code: 'IRSA_POD_IDENTITY_NOT_TRUSTED', key, message: `${role.arn} does not trust pods.eks.amazonaws.com yet; removing its OIDC trust would lock its pods out`, fix: `run migrate-irsa --apply for cluster ${cluster.name} first` });
    return undefined;
  }
  if (missing.length > 0) {
    findings.push({ severity: 'error', code: 'IRSA_ASSOCIATION_MISSING', key, message: `${missing.join(', ')} ha${missing.length > 1 ? 've' : 's'} no Pod Identity association with ${role.arn} yet; removing the OIDC trust would lock them out`, fix: `run migrate-irsa --apply for cluster ${cluster.name} first, then restart the pods so they use Pod Identity` });
    return undefined;
  }
  const { document, removed } = removeOidcTrust(role.trustPolicy, cluster.oidcIssuer, cluster.partition);
  if (removed === 0) return undefined;
  return { roleArn: role.arn, before: role.trustPolicy as PolicyDocument, after: document, serviceAccounts: served, length: trustPolicyLength(document) };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The manifest for the discovered associations, with what stays behind as comments. */
export function renderIrsaManifest(
  migration: IrsaMigration,
  cluster: { name: string; region: string; accountId?: string },
): { fragment: ManifestFragment; manifestYaml: string; comments: RenderFragmentOptions } {
  const fragment: ManifestFragment = {
    version: 1,
    clusters: [{ name: cluster.name, region: cluster.region, ...(cluster.accountId ? { accountId: cluster.accountId } : {}) }],
    ...(migration.associations.length > 0 ? { podIdentityAssociations: migration.associations } : {}),
    ...(migration.addons.length > 0 ? { addons: migration.addons } : {}),
  };
  const header = [`Pod Identity associations for the IRSA roles of cluster ${cluster.name} (${cluster.region}).`];
  const trailer: string[] = [];
  const guidance = migration.findings.filter((f) => f.code.startsWith('IRSA_') && f.code !== 'IRSA_ADDON');
  if (migration.notConvertible.length > 0 || guidance.length > 0) {
    trailer.push('Not converted (declare these by hand once decided):');
    for (const n of migration.notConvertible) trailer.push(`- ${n.subject}: ${n.reason}`);
    for (const f of guidance) trailer.push(`- ${f.key ?? ''}: ${f.message}`);
  }
  const comments = { header, trailer };
  return { fragment, manifestYaml: renderManifestFragment(fragment, comments), comments };
}
