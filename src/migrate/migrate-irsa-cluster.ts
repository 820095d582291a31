/** migrate-irsa on one cluster: read EKS and IAM, find the IRSA roles, propose associations and trust edits. */
import { readLiveCluster } from '../aws/reader.js';
import type { ClusterSession } from '../aws/session.js';
import type { Finding } from '../model/plan.js';
import { createSdkMigrationReader, type MigrationReader } from './aws-reader.js';
import { emptyDesiredCluster, requireExistingCluster, type ClusterMigration } from './cluster-migration.js';
import { planIrsaMigration, renderIrsaManifest } from './irsa-migration.js';
import { liveAfterMigrationSteps, trustPolicyChange } from './migration-plan.js';

export interface IrsaClusterOptions {
  /** The later step: remove the cluster's OIDC statements once every association exists. */
  removeOidcTrust?: boolean;
  /** Default: the SDK reader of the cluster's session. */
  reader?: MigrationReader;
}

export async function migrateIrsaCluster(session: ClusterSession, options: IrsaClusterOptions = {}): Promise<ClusterMigration> {
  const reader = options.reader ?? createSdkMigrationReader(session);
  const name = session.target.name;
  const first = await readLiveCluster(session, emptyDesiredCluster(session, false));
  requireExistingCluster(first);
  const facts = { name, region: session.region, accountId: session.accountId };
  const base = { cluster: name, region: session.region, accountId: session.accountId, origins: {} };
  if (!first.oidcIssuer) {
    const finding: Finding = { severity: 'warning', code: 'IRSA_NO_OIDC_ISSUER', message: `cluster ${name} has no OIDC issuer, so no role can use IRSA with it`, fix: 'nothing to migrate' };
    const { fragment, comments } = renderIrsaManifest({ associations: [], trustUpdates: [], addons: [], findings: [finding], notConvertible: [] }, facts);
    return { ...base, fragment, comments, leading: [], findings: [finding], notConvertible: [] };
  }
  const cluster = { name, region: session.region, partition: session.partition, oidcIssuer: first.oidcIssuer };
  const [roles, addons] = await Promise.all([reader.listRoles(), reader.describeAddons(name, first.addons.map((a) => a.name))]);
  // The add-ons on IRSA are proposed under addons:, with the service accounts their version lists.
  const onIrsa = addons.filter((a) => a.serviceAccountRoleArn && a.version);
  const addonConfigurations = Object.fromEntries(await Promise.all(onIrsa.map(async (a) => [a.name, await reader.addonConfiguration(a.name, a.version!)] as const)));

  // A first pass names the service accounts involved, so the second read describes exactly their associations.
  const candidates = planIrsaMigration({ cluster, roles, addons, associations: [] });
  const probe = {
    ...emptyDesiredCluster(session, false),
    associations: candidates.associations.map((a) => ({ namespace: a.namespace, serviceAccount: a.serviceAccount, roleArn: a.roleArn, disableSessionTags: false, tags: {} })),
  };
  const live = await readLiveCluster(session, probe);
  const migration = planIrsaMigration({ cluster, roles, addons, addonConfigurations, associations: live.associations, removeOidcTrust: options.removeOidcTrust ?? false });
  const { fragment, comments } = renderIrsaManifest(migration, facts);
  return {
    ...base,
    fragment,
    comments,
    leading: migration.trustUpdates.map(trustPolicyChange),
    findings: migration.findings,
    notConvertible: migration.notConvertible,
    adjust: (after) => liveAfterMigrationSteps({ ...after, addons }, migration.trustUpdates),
  };
}
