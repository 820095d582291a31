import type { EmulatorState, RoleState } from '../../src/emulator/index.js';

export const ACCOUNT = '111122223333';
export const KEY = 'AKIAMIGRATEDEPLOY001';
export const ISSUER_ID = 'EXAMPLED539D4633E53DE1B71EXAMPLE';
export const ISSUER = `https://oidc.eks.us-east-1.amazonaws.com/id/${ISSUER_ID}`;
export const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/${ISSUER_ID}`;
export const roleArn = (nameWithPath: string) => `arn:aws:iam::${ACCOUNT}:role/${nameWithPath}`;

/** A trust policy that federates the cluster's issuer for these `namespace:serviceAccount` subjects. */
export function irsaTrust(subjects: string[], operator: 'StringEquals' | 'StringLike' = 'StringEquals'): unknown {
  const sub = subjects.map((s) => `system:serviceaccount:${s}`);
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: PROVIDER },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { [operator]: { [`oidc.eks.us-east-1.amazonaws.com/id/${ISSUER_ID}:sub`]: sub.length === 1 ? sub[0] : sub, [`oidc.eks.us-east-1.amazonaws.com/id/${ISSUER_ID}:aud`]: 'sts.amazonaws.com' } },
      },
    ],
  };
}

export function state(roles: RoleState[], cluster: Partial<NonNullable<EmulatorState['clusters']>[number]> = {}): EmulatorState {
  return {
    region: 'us-east-1',
    identities: { [KEY]: `arn:aws:sts::${ACCOUNT}:assumed-role/Deploy/ci` },
    iam: {
      roles: [
        { arn: roleArn('Deploy'), assumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] } },
        ...roles,
      ],
    },
    clusters: [{ name: 'prod', accountId: ACCOUNT, oidcIssuer: ISSUER, addons: [{ name: 'eks-pod-identity-agent' }], ...cluster }],
  };
}

export function awsOptions(endpoint: string) {
  return { credentials: { accessKeyId: KEY, secretAccessKey: 'secret' }, endpoints: { eks: endpoint, iam: endpoint, sts: endpoint }, maxAttempts: 3 };
}
