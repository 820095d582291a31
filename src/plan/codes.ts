import type { Severity } from '../model/plan.js';

/** Every finding the planner makes: a stable code, its severity, and what it means. */
export const FINDINGS = {
  CLUSTER_NOT_FOUND: { severity: 'error', doc: 'The cluster does not exist in the region (or the credentials cannot see it).' },
  AUTH_MODE_CONFIG_MAP: { severity: 'error', doc: 'Access entries are declared but the cluster authenticates through the aws-auth ConfigMap only.' },
  POD_IDENTITY_AGENT_MISSING: { severity: 'warning', doc: 'Associations are declared but the eks-pod-identity-agent add-on is not installed (not needed on Auto Mode).' },
  ADDON_OWNED_ASSOCIATION: { severity: 'warning', doc: 'A declared association is owned by an EKS add-on; it is changed through the add-on, never by eks-identity.' },
  ROLE_NOT_FOUND: { severity: 'error', doc: 'The IAM role of an association does not exist.' },
  PRINCIPAL_NOT_FOUND: { severity: 'error', doc: 'The IAM role or user of an access entry does not exist; EKS would refuse the entry.' },
  ROLE_OTHER_ACCOUNT: { severity: 'error', doc: 'The role of an association is in another account than the cluster\'s: EKS takes only a role of the cluster\'s account (another account\'s role goes in targetRoleArn).' },
  TARGET_ROLE_NOT_FOUND: { severity: 'error', doc: 'The target role of an association, in the cluster\'s account, does not exist.' },
  ARN_PATH_MISMATCH: { severity: 'error', doc: 'A role or user ARN (association roleArn, same-account targetRoleArn, entry principalArn) lacks the path IAM has for it, e.g. an IAM Identity Center role without aws-reserved/sso.amazonaws.com/…: EKS refuses it. The finding names the exact ARN to write.' },
  NODE_TYPE_OTHER_ACCOUNT: { severity: 'error', doc: 'An entry of a type other than STANDARD names a principal of another account than the cluster\'s (found at plan, once STS gives the account).' },
  USER_ON_NODE_TYPE: { severity: 'error', doc: 'An IAM user is the principal of a node-type entry: EKS takes only roles there.' },
  GROUPS_ON_NODE_TYPE: { severity: 'error', doc: 'Kubernetes groups on an entry whose type is not STANDARD.' },
  USERNAME_ON_NODE_TYPE: { severity: 'error', doc: 'A username on an entry whose type is not STANDARD.' },
  ACCESS_POLICIES_ON_NODE_TYPE: { severity: 'error', doc: 'Access policies on an entry type that takes none (only STANDARD and EC2 do).' },
  RESERVED_USERNAME_PREFIX: { severity: 'error', doc: 'The username starts with a prefix EKS reserves (system:, eks:, aws:, amazon:, iam:).' },
  INVALID_USERNAME: { severity: 'error', doc: 'The username is empty.' },
  USERNAME_SESSION_NAME_COLON: { severity: 'error', doc: 'The username uses {{SessionName}} without a colon before it.' },
  RESERVED_GROUP_PREFIX: { severity: 'error', doc: 'A Kubernetes group starts with the reserved prefix system:.' },
  INVALID_GROUP: { severity: 'error', doc: 'A Kubernetes group name is empty.' },
  PRINCIPAL_NOT_CHECKED: { severity: 'info', doc: 'A principal or target role of another account: its IAM cannot be read with the cluster\'s credentials, so its existence and path were not checked.' },
  ACCESS_POLICY_NOT_FOUND: { severity: 'error', doc: 'An access policy is not in the partition\'s ListAccessPolicies answer (read once per partition per run); the finding suggests the closest name.' },
  ACCESS_POLICY_CATALOG_UNREADABLE: { severity: 'warning', doc: 'eks:ListAccessPolicies was denied, so the declared access policies were not checked.' },
  PODS_KEEP_OLD_CREDENTIALS: { severity: 'info', doc: 'An association is created or its role or target role changes: running pods of the service account keep their old credentials (the Pod Identity Agent caches them for 6 hours, 59 minutes with a target role) or get none, until they are re-created.' },
  TRUST_POLICY_MISSING_POD_IDENTITY: { severity: 'error', doc: 'The role does not let pods.eks.amazonaws.com call sts:AssumeRole and sts:TagSession for this association: no such statement, a condition that excludes its cluster, namespace or service account, or a Deny.' },
  TRUST_POLICY_PARTITION_MISMATCH: { severity: 'warning', doc: 'The trust policy names ARNs or service principals of another partition.' },
  PARTITION_MISMATCH: { severity: 'error', doc: 'An ARN is in another partition than the cluster.' },
  STALE_ACCESS_ENTRY: { severity: 'warning', doc: 'The entry\'s IAM role or user was deleted and re-created after the entry: EKS still binds the old id, so it no longer works. It is replaced.' },
  IAM_USER_UNREADABLE: { severity: 'warning', doc: 'The IAM user of a declared access entry could not be read (iam:GetUser denied), so whether it was re-created after its entry is unknown.' },
  IMMUTABLE_FIELD_CHANGED: { severity: 'warning', doc: 'A field that cannot be updated changed (access entry type): the object is replaced.' },
  EKS_OWNED_ENTRY: { severity: 'info', doc: 'An undeclared entry EKS created itself (node, Fargate, Auto Mode, service-linked role, EKS Capability role with its ACK, Argo CD or kro access policy) is never pruned.' },
  QUOTA_ASSOCIATIONS: { severity: 'error', doc: 'The cluster would have more than 5,000 Pod Identity associations.' },
  QUOTA_ACCESS_ENTRIES: { severity: 'error', doc: 'The cluster would have more than 3,000 access entries.' },
  MAX_DELETES_EXCEEDED: { severity: 'error', doc: 'The plan deletes or replaces more objects than --max-deletes allows.' },
  LOCKOUT_CALLER: { severity: 'error', doc: 'The plan removes or downgrades the access entry of the identity running eks-identity.' },
  LOCKOUT_NO_ADMIN: { severity: 'error', doc: 'After the plan no access entry would keep cluster-wide AmazonEKSClusterAdminPolicy.' },
  UNMANAGED_NOT_SHOWN: { severity: 'info', doc: 'Live objects the manifest does not declare (prune is off): left alone and not read. The finding names them (namespace/service account, principal ARN) and `summary.unmanaged` counts them.' },
  OWNED_BY_ANOTHER_MANIFEST: { severity: 'error', doc: 'A declared object carries the eks-identity/owner tag of another manifest (or this manifest has no owner): two manifests must not manage one object.' },
  NOT_OWNED_LEFT_ALONE: { severity: 'info', doc: 'With prune: owned, undeclared objects without this manifest\'s owner tag are left alone (made by other tools or manifests).' },
  ROLE_NOT_OWNED: { severity: 'error', doc: 'A `role:` block names an existing IAM role without the eks-identity/owner tag: eks-identity never changes a role it did not create. Reference it with roleName/roleArn, or take it over with `adopt: true`.' },
  ROLE_OWNED_BY_ANOTHER_MANIFEST: { severity: 'error', doc: 'A `role:` block names an IAM role whose eks-identity/owner tag names another manifest.' },
  ROLE_DECLARATION_CONFLICT: { severity: 'error', doc: 'Two `role:` blocks name one IAM role (same account and name) with different policies, boundary, path, duration, description, tags or adopt.' },
  ROLE_ACCOUNT_UNKNOWN: { severity: 'error', doc: 'A cluster that declares a `role:` block was not opened in this run and declares no accountId, so the role\'s trust cannot be built for it.' },
  ROLE_TRUST_INCOMPLETE: { severity: 'error', doc: 'The trust policy built for a role does not admit one of its associations (eks-identity checks every trust it writes with its own trust check).' },
  ROLE_PATH_DIFFERS: { severity: 'error', doc: 'The IAM role exists with another path than its `role:` block says; IAM cannot change a role\'s path.' },
  MANAGED_POLICY_NOT_FOUND: { severity: 'error', doc: 'A managed policy a `role:` block attaches does not exist (GetPolicy answered not found).' },
  PERMISSIONS_BOUNDARY_NOT_FOUND: { severity: 'error', doc: 'The permissions boundary of a `role:` block does not exist (GetPolicy answered not found).' },
  ROLE_STILL_USED: { severity: 'info', doc: 'An undeclared role this manifest owns is still used by an association that stays, so prune keeps it.' },
  UNDECLARED_NOT_COUNTED: { severity: 'info', doc: 'Prune is off and the declared objects were read one by one: undeclared objects were not listed, so they were not counted.' },
} as const satisfies Record<string, { severity: Severity; doc: string }>;

export type FindingCode = keyof typeof FINDINGS;

export const ASSOCIATION_QUOTA = 5000;
export const ACCESS_ENTRY_QUOTA = 3000;
export const DEFAULT_MAX_DELETES = 10;
