/** `addons:`: located errors at validate and the desired add-ons of each cluster. */
import { expandManifest, parseManifestText } from '../../src/manifest/index.js';
import { yaml } from './yaml-text.js';

const HEAD = yaml`
  version: 1
  clusters:
    - name: prod
      region: us-east-1
      accountId: "111122223333"
    - name: cn
      region: cn-north-1
      accountId: "111122223333"
`;

const codes = (text: string) => parseManifestText(HEAD + text, 'm.yaml').diagnostics.map((d) => [d.code, d.location.line, d.location.column]);

describe('GIVEN an addons: list', () => {
  test('WHEN an association has no role THEN the fix offers roleName or roleArn, not the role: block add-ons do not take', () => {
    const loaded = parseManifestText(HEAD + yaml`
      addons:
        - name: aws-ebs-csi-driver
          podIdentityAssociations:
            - serviceAccount: ebs-csi-controller-sa
    `, 'm.yaml');
    const missing = loaded.diagnostics.find((d) => d.code === 'ROLE_NAME_OR_ARN_REQUIRED')!;
    expect(missing.fix).toMatch(/^add `roleName: NAME` .* or `roleArn: ARN`; an add-on association names an existing role/);
    expect(missing.fix).not.toMatch(/or a `role:` block for eks-identity to create/);
  });

  test('WHEN it is well formed THEN each cluster gets its add-ons with role ARNs in its partition, sorted by service account', () => {
    const loaded = parseManifestText(HEAD + yaml`
      addons:
        - name: aws-efs-csi-driver
          podIdentityAssociations:
            - serviceAccount: efs-csi-node-sa
              roleName: efs-\${cluster}
            - serviceAccount: efs-csi-controller-sa
              roleArn: arn:\${partition}:iam::\${accountId}:role/efs
    `, 'm.yaml');
    expect(loaded.diagnostics).toEqual([]);
    const desired = expandManifest(loaded);
    expect(desired.clusters.find((c) => c.name === 'cn')?.addons).toEqual([
      {
        name: 'aws-efs-csi-driver',
        associations: [
          { serviceAccount: 'efs-csi-controller-sa', roleArn: 'arn:aws-cn:iam::111122223333:role/efs', source: expect.objectContaining({ line: 14 }) },
          { serviceAccount: 'efs-csi-node-sa', roleArn: 'arn:aws-cn:iam::111122223333:role/efs-cn', source: expect.objectContaining({ line: 12 }) },
        ],
        source: expect.objectContaining({ line: 10 }),
      },
    ]);
  });

  test('WHEN the same add-on is declared twice for a cluster THEN DUPLICATE_ADDON at the second', () => {
    expect(codes(yaml`
      addons:
        - name: vpc-cni
          clusters: [prod]
          podIdentityAssociations: []
        - name: vpc-cni
          podIdentityAssociations: []
    `)).toEqual([['DUPLICATE_ADDON', 13, 5]]);
  });

  test('WHEN a service account is listed twice, or a role is missing or bad THEN located errors', () => {
    expect(codes(yaml`
      addons:
        - name: aws-ebs-csi-driver
          podIdentityAssociations:
            - serviceAccount: ebs-csi-controller-sa
              roleName: ebs
            - serviceAccount: ebs-csi-controller-sa
              roleName: ebs2
            - serviceAccount: Bad_SA
            - serviceAccount: x
              roleArn: arn:\${partition}:iam::999999999999:role/other
    `)).toEqual(expect.arrayContaining([
      ['DUPLICATE_ADDON_ASSOCIATION', 14, 9],
      ['ROLE_NAME_OR_ARN_REQUIRED', 16, 9],
      ['INVALID_SERVICE_ACCOUNT', 16, 25],
      ['ROLE_OTHER_ACCOUNT', 18, 18],
    ]));
  });

  test('WHEN a top-level association names a service account an add-on declares THEN ASSOCIATION_OWNED_BY_ADDON points to the add-on', () => {
    const loaded = parseManifestText(HEAD + yaml`
      podIdentityAssociations:
        - namespace: kube-system
          serviceAccount: ebs-csi-controller-sa
          roleName: ebs
      addons:
        - name: aws-ebs-csi-driver
          clusters: [prod]
          podIdentityAssociations:
            - serviceAccount: ebs-csi-controller-sa
              roleName: ebs
    `, 'm.yaml');
    expect(loaded.diagnostics.map((d) => [d.code, d.location.line])).toEqual([['ASSOCIATION_OWNED_BY_ADDON', 10]]);
    expect(loaded.diagnostics[0]?.fix).toContain('addons:');
  });

  test('WHEN an add-on item has an unknown key THEN UNKNOWN_KEY suggests the right one', () => {
    const loaded = parseManifestText(HEAD + yaml`
      addons:
        - name: vpc-cni
          podIdentityAssociation: []
    `, 'm.yaml');
    expect(loaded.diagnostics.map((d) => d.code)).toContain('UNKNOWN_KEY');
    expect(loaded.diagnostics.find((d) => d.code === 'UNKNOWN_KEY')?.message).toContain('podIdentityAssociations');
  });
});
