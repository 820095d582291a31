/** Change ids: stable, unique within a cluster, readable in a plan. */
export function associationId(namespace: string, serviceAccount: string): string {
  return `association/${namespace}/${serviceAccount}`;
}

export function entryId(principalArn: string): string {
  return `entry/${principalArn}`;
}

export function policyId(principalArn: string, policyArn: string): string {
  return `policy/${principalArn}/${policyArn}`;
}
