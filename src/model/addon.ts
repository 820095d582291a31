/**
 * EKS add-ons' Pod Identity associations: the data the manifest, the plan and the emulator share,
 * and the rules EKS applies to UpdateAddon's `podIdentityAssociations`, checked in one place so
 * that the plan refuses what the emulator (and EKS) would refuse.
 *
 * Sources:
 * - EKS API reference, UpdateAddon: `podIdentityAssociations` is a list of {serviceAccount,
 *   roleArn}; "If this value is left blank, no change. If an empty array is provided, existing
 *   associations owned by the add-on are deleted." The EKS User Guide ("Use Pod Identities to
 *   assign an IAM role to an Amazon EKS add-on", update-addon-role.html) adds that the list given
 *   overwrites all previous associations of the add-on: the list is the add-on's whole set.
 * - EKS API reference, DescribeAddonConfiguration: `podIdentityConfiguration` lists, for one
 *   add-on version, the service accounts that can use Pod Identity and the managed policies
 *   recommended for each. A version without it does not support Pod Identity.
 * - The errors EKS returns for UpdateAddon/CreateAddon (InvalidParameterException, HTTP 400), as
 *   users report them: "Pod Identity feature is not supported for addon version: v1.18.2-eksbuild.2"
 *   and "Service account amazon-cloudwatch in pod identity configuration is not supported for addon
 *   amazon-cloudwatch-observability" (github.com/terraform-aws-modules/terraform-aws-eks/issues/3520,
 *   github.com/aws/containers-roadmap/issues/2712).
 */
import { closestMatch } from './closest-match.js';
import type { SourceLocation } from './source.js';

/** One association declared under an add-on: the namespace is the add-on's, never declared. */
export interface DesiredAddonAssociation {
  serviceAccount: string;
  /** Fully expanded role ARN. */
  roleArn: string;
  /** The role comes from a `role:` block: eks-identity creates and owns it (an iamRole change). */
  managedRole?: boolean;
  source?: SourceLocation;
}

export interface DesiredAddon {
  name: string;
  /** Sorted by serviceAccount; the complete list the add-on should own (authoritative). */
  associations: DesiredAddonAssociation[];
  source?: SourceLocation;
}

/** What an `addonAssociation` change writes (after) or found (before). */
export interface AddonAssociationValue {
  addonName: string;
  /** The add-on's namespace, when known (see `addonNamespace`). */
  namespace?: string;
  serviceAccount: string;
  roleArn: string;
  /** Live only. */
  associationId?: string;
}

/** One entry of DescribeAddonConfiguration's `podIdentityConfiguration`. */
export interface AddonPodIdentityConfig {
  serviceAccount: string;
  recommendedManagedPolicies: string[];
}

/** An association the add-on owns, as DescribePodIdentityAssociation gave it. */
export interface LiveAddonAssociation {
  associationId: string;
  namespace: string;
  serviceAccount: string;
  roleArn: string;
}

/** What the plan knows of a declared add-on that is installed. */
export interface LiveAddonDetail {
  version: string;
  arn?: string;
  status?: string;
  /** DescribeAddon's `namespaceConfig.namespace`, when EKS gives it. */
  namespace?: string;
  /** Set while the add-on gets its credentials through IRSA. */
  serviceAccountRoleArn?: string;
  /** DescribeAddonConfiguration for `version`: empty when the version does not support Pod Identity. */
  podIdentityConfiguration: AddonPodIdentityConfig[];
  /** The associations the add-on owns (DescribeAddon's ARNs, each described). */
  associations: LiveAddonAssociation[];
  /** True when DescribeAddonConfiguration did not know the version (then `podIdentityConfiguration` is empty). */
  configurationUnknown?: boolean;
  /**
   * Associations the add-on does not own that hold a service account it would gain, in its
   * namespace (listed for those service accounts only): EKS keeps one association per service account.
   */
  foreign?: LiveAddonAssociation[];
}

/**
 * Namespaces add-ons install into when CreateAddon is given no `namespaceConfig` (EKS User Guide,
 * each add-on's page: the CloudWatch Observability add-on uses amazon-cloudwatch, ADOT
 * opentelemetry-operator-system, the AWS add-ons kube-system). EKS creates an add-on's
 * associations in the namespace the add-on runs in; DescribeAddon's `namespaceConfig` or the
 * add-on's existing associations say it when present, this table is the fallback.
 */
const DEFAULT_NAMESPACES: Readonly<Record<string, string>> = {
  'amazon-cloudwatch-observability': 'amazon-cloudwatch',
  adot: 'opentelemetry-operator-system',
};

export function defaultAddonNamespace(addonName: string): string {
  return DEFAULT_NAMESPACES[addonName] ?? 'kube-system';
}

/** The namespace the add-on's associations live in: what EKS said, else what they use, else the default. */
export function addonNamespace(addonName: string, live: Pick<LiveAddonDetail, 'namespace' | 'associations'> | undefined): string {
  return live?.namespace ?? live?.associations[0]?.namespace ?? defaultAddonNamespace(addonName);
}

export interface AddonProblem {
  code: 'ADDON_VERSION_NO_POD_IDENTITY' | 'ADDON_UNKNOWN_SERVICE_ACCOUNT' | 'ADDON_DUPLICATE_SERVICE_ACCOUNT';
  /** The service account concerned (absent for the version problem). */
  serviceAccount?: string;
  /** Worded as EKS words its InvalidParameterException. */
  message: string;
  fix: string;
  /** The closest service account the version knows (a likely typo). */
  suggestion?: string;
}

/**
 * What EKS refuses in UpdateAddon's `podIdentityAssociations` for the add-on's version: any
 * association when the version has no Pod Identity configuration (an empty list is still
 * accepted: it only deletes), a service account the configuration does not list, and the same
 * service account twice (one association per service account and namespace).
 */
export function addonAssociationProblems(addonName: string, version: string, configuration: readonly AddonPodIdentityConfig[], requested: ReadonlyArray<{ serviceAccount: string }>): AddonProblem[] {
  if (requested.length === 0) return [];
  if (configuration.length === 0) {
    return [{
      code: 'ADDON_VERSION_NO_POD_IDENTITY',
      message: `Pod Identity feature is not supported for addon version: ${version}`,
      fix: `update ${addonName} to a version whose DescribeAddonConfiguration lists a podIdentityConfiguration (aws eks describe-addon-versions --addon-name ${addonName}), or keep it on IRSA`,
    }];
  }
  const problems: AddonProblem[] = [];
  const known = configuration.map((c) => c.serviceAccount);
  const seen = new Set<string>();
  for (const { serviceAccount } of requested) {
    if (seen.has(serviceAccount)) {
      problems.push({ code: 'ADDON_DUPLICATE_SERVICE_ACCOUNT', serviceAccount, message: `Service account ${serviceAccount} is listed more than once in pod identity associations for addon ${addonName}`, fix: 'keep one association per service account' });
      continue;
    }
    seen.add(serviceAccount);
    if (!known.includes(serviceAccount)) {
      const suggestion = closestMatch(serviceAccount, known);
      problems.push({
        code: 'ADDON_UNKNOWN_SERVICE_ACCOUNT',
        serviceAccount,
        message: `Service account ${serviceAccount} in pod identity configuration is not supported for addon ${addonName}`,
        fix: `use a service account of ${addonName} ${version}: ${known.join(', ')}`,
        ...(suggestion ? { suggestion } : {}),
      });
    }
  }
  return problems;
}

/** The association id is the last segment of its ARN (…:podidentityassociation/CLUSTER/a-xxxx). */
export function associationIdOfArn(arn: string): string | undefined {
  const id = arn.split('/').pop();
  return id && /^a-[a-z0-9]+$/.test(id) ? id : undefined;
}

/** The add-on name in an add-on ARN (…:addon/CLUSTER/NAME/UUID), as an association's ownerArn carries it. */
export function addonNameOfArn(arn: string): string | undefined {
  return /:addon\/[^/]+\/([^/]+)\//.exec(arn)?.[1];
}
