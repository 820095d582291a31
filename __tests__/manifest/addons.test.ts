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
  test('WHEN an association has no role THEN the fix offers roleName, roleArn or a role: block (add-on associations take all three)', () => {
    const loaded = parseManifestText(HEAD + yaml`
      addons:
        - name: aws-ebs-csi-driver
          podIdentityAssociations:
            - serviceAccount: ebs-csi-controller-sa
    `, 'm.yaml');
    const missing = loaded.diagnostics.find((d) => d.code === 'ROLE_NAME_OR_ARN_REQUIRED')!;
    expect(missing.fix).toMatch(/roleName: NAME.*roleArn: ARN.*`role:` block/);
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

  test('WHEN recommendedPolicies comes without a role: block, or a role: block without owner THEN located errors', () => {
    expect(codes(yaml`
      addons:
        - name: aws-ebs-csi-driver
          podIdentityAssociations:
            - serviceAccount: ebs-csi-controller-sa
              roleName: ebs
              recommendedPolicies: true
            - serviceAccount: other
              role:
                name: ebs-csi
    `)).toEqual(expect.arrayContaining([['RECOMMENDED_POLICIES_WITHOUT_ROLE', 14, 30], ['ROLE_REQUIRES_OWNER', 17, 11]]));
  });

  test('WHEN an add-on association declares a role: block THEN its role is a desired role trusted for the add-on\'s namespace and service account', () => {
    const loaded = parseManifestText(HEAD.replace('version: 1', 'version: 1\nowner: platform') + yaml`
      addons:
        - name: aws-ebs-csi-driver
          clusters: [prod]
          podIdentityAssociations:
            - serviceAccount: ebs-csi-controller-sa
              recommendedPolicies: true
              role:
                name: ebs-csi
    `, 'm.yaml');
    expect(loaded.diagnostics).toEqual([]);
    const desired = expandManifest(loaded);
    expect(desired.clusters.find((c) => c.name === 'prod')?.addons?.[0]?.associations[0]).toMatchObject({ roleArn: 'arn:aws:iam::111122223333:role/ebs-csi', managedRole: true });
    expect(desired.roles?.[0]?.declaredBy).toEqual([expect.objectContaining({ namespace: 'kube-system', serviceAccount: 'ebs-csi-controller-sa', addon: { name: 'aws-ebs-csi-driver', recommendedPolicies: true } })]);
  });
});
