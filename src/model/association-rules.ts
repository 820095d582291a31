/*
 * What CreatePodIdentityAssociation and UpdatePodIdentityAssociation refuse about an association's
 * role that is knowable from its ARN. The EKS API reference describes a target role as "first
 * assuming the role in the association that is in this account, then using those credentials to
 * assume the target IAM role": the association's own role is looked up in the cluster's account,
 * and a role of another account is answered "Role provided in the request does not exist". Access
 * to another account goes through `targetRoleArn`.
 */
import { otherAccountOf } from './partition.js';

export interface AssociationRoleProblem {
  code: 'ROLE_OTHER_ACCOUNT';
  message: string;
  fix: string;
}

/** Problems of an association's (expanded) roleArn for a cluster whose account is known. */
export function associationRoleProblems(roleArn: string, clusterAccountId: string | undefined): AssociationRoleProblem[] {
  const accountId = otherAccountOf(roleArn, clusterAccountId);
  if (accountId === undefined) return [];
  return [
    {
      code: 'ROLE_OTHER_ACCOUNT',
      message: `the association's role ${roleArn} is in account ${accountId}, but EKS takes only a role of the cluster's account ${clusterAccountId}`,
      fix: `use a role of account ${clusterAccountId} and put the role of ${accountId} in \`targetRoleArn\` (EKS assumes it with the first role's credentials)`,
    },
  ];
}
