/**
 * The AWS reads migrations need beyond the plan's reader: every IAM role with its trust policy,
 * a role's real ARN by name, and the add-ons' IRSA roles. Behind an interface so the pure parts
 * never see the SDK.
 */
import { DescribeAddonCommand, DescribeAddonConfigurationCommand } from '@aws-sdk/client-eks';
import { GetRoleCommand, paginateListRoles } from '@aws-sdk/client-iam';
import { mapWithConcurrency } from '../aws/concurrency.js';
import type { ClusterSession } from '../aws/session.js';
import { describeAwsError, isNotFound } from '../aws/errors.js';
import { decodeTrustPolicy } from '../aws/live-convert.js';
import type { AddonPodIdentityConfig } from '../model/addon.js';
import type { LiveAddon } from '../model/live.js';
import type { IrsaRole } from './irsa-migration.js';

export interface MigrationReader {
  /** Every role of the account (all pages), with its decoded trust policy. */
  listRoles(): Promise<IrsaRole[]>;
  /** The role's ARN with its path, or null when no role has that name. */
  roleArnByName(roleName: string): Promise<string | null>;
  /** The add-ons with the IRSA role each is configured with. */
  describeAddons(clusterName: string, names: readonly string[]): Promise<LiveAddon[]>;
  /** DescribeAddonConfiguration's podIdentityConfiguration of a version; undefined when EKS does not know the version. */
  addonConfiguration(addonName: string, version: string): Promise<AddonPodIdentityConfig[] | undefined>;
}

const ROLE_PAGE_SIZE = 1000;
const DESCRIBE_CONCURRENCY = 8;

export function createSdkMigrationReader(session: Pick<ClusterSession, 'clients'>): MigrationReader {
  const { iam, eks } = session.clients;
  return {
    async listRoles() {
      try {
        const roles: IrsaRole[] = [];
        for await (const page of paginateListRoles({ client: iam, pageSize: ROLE_PAGE_SIZE }, {})) {
          for (const r of page.Roles ?? []) if (r.Arn) roles.push({ arn: r.Arn, trustPolicy: decodeTrustPolicy(r.AssumeRolePolicyDocument) });
        }
        return roles;
      } catch (err) {
        throw describeAwsError('ListRoles', 'IAM roles of the account', err);
      }
    },
    async roleArnByName(roleName) {
      try {
        const answer = await iam.send(new GetRoleCommand({ RoleName: roleName }));
        return answer.Role?.Arn ?? null;
      } catch (err) {
        if (isNotFound(err)) return null;
        throw describeAwsError('GetRole', `role ${roleName}`, err);
      }
    },
    async describeAddons(clusterName, names) {
      return mapWithConcurrency([...names], DESCRIBE_CONCURRENCY, async (name): Promise<LiveAddon> => {
        try {
          const answer = await eks.send(new DescribeAddonCommand({ clusterName, addonName: name }));
          const addon = answer.addon;
          return {
            name,
            ...(addon?.addonVersion ? { version: addon.addonVersion } : {}),
            ...(addon?.status ? { status: addon.status } : {}),
            ...(addon?.serviceAccountRoleArn ? { serviceAccountRoleArn: addon.serviceAccountRoleArn } : {}),
          };
        } catch (err) {
          if (isNotFound(err)) return { name };
          throw describeAwsError('DescribeAddon', `add-on ${name} of cluster ${clusterName}`, err);
        }
      });
    },
    async addonConfiguration(addonName, version) {
      try {
        const answer = await eks.send(new DescribeAddonConfigurationCommand({ addonName, addonVersion: version }));
        return (answer.podIdentityConfiguration ?? []).flatMap((c) => (c.serviceAccount ? [{ serviceAccount: c.serviceAccount, recommendedManagedPolicies: [...(c.recommendedManagedPolicies ?? [])] }] : []));
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw describeAwsError('DescribeAddonConfiguration', `add-on ${addonName} ${version}`, err);
      }
    },
  };
}
