/** The plan of declared add-ons: the declared list against the add-on's own associations, and what EKS would refuse. */
import { actionsOf, changeOf, codesOf, desiredCluster, findingOf, liveRole, planOne, roleArn } from './fixtures.js';
import { addonDetail, clusterWithAddon, desiredAddon, EBS, EBS_SA } from './addon-fixtures.js';

const owned = (serviceAccount: string, role: string, id = 'a-owned') => ({ associationId: id, namespace: 'kube-system', serviceAccount, roleArn: roleArn(role) });

describe('GIVEN a declared add-on that is installed', () => {
  it('WHEN it owns no association THEN one create in its namespace carrying the whole list', () => {
    const plan = planOne(desiredCluster({ addons: [desiredAddon(EBS, [[EBS_SA, 'Ebs']])] }), clusterWithAddon(EBS, addonDetail()));
    expect(actionsOf(plan)).toEqual([`create addon/${EBS}/${EBS_SA}`]);
    const change = changeOf(plan, `addon/${EBS}/${EBS_SA}`);
    expect(change).toMatchObject({ kind: 'addonAssociation', after: { addonName: EBS, namespace: 'kube-system', serviceAccount: EBS_SA, roleArn: roleArn('Ebs') }, addon: { name: EBS, associations: [{ serviceAccount: EBS_SA, roleArn: roleArn('Ebs') }] } });
    expect(plan.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('WHEN its association has the declared role THEN no change', () => {
    const plan = planOne(desiredCluster({ addons: [desiredAddon(EBS, [[EBS_SA, 'Ebs']])] }), clusterWithAddon(EBS, addonDetail({ associations: [owned(EBS_SA, 'Ebs')] })));
    expect(plan.changes).toEqual([]);
  });

  it('WHEN the role differs THEN an update with the roleArn field diff', () => {
    const plan = planOne(desiredCluster({ addons: [desiredAddon(EBS, [[EBS_SA, 'EbsV2']])] }), clusterWithAddon(EBS, addonDetail({ associations: [owned(EBS_SA, 'Ebs')] })));
    expect(changeOf(plan, `addon/${EBS}/${EBS_SA}`)).toMatchObject({ action: 'update', fields: [{ field: 'roleArn', before: roleArn('Ebs'), after: roleArn('EbsV2') }] });
  });

  it('WHEN the add-on owns an association the list leaves out THEN it is deleted (the declared list is authoritative)', () => {
    const efs = addonDetail({
      podIdentityConfiguration: [{ serviceAccount: 'efs-csi-controller-sa', recommendedManagedPolicies: [] }, { serviceAccount: 'efs-csi-node-sa', recommendedManagedPolicies: [] }],
      associations: [owned('efs-csi-controller-sa', 'Efs', 'a-1'), owned('efs-csi-node-sa', 'Efs', 'a-2')],
    });
    const plan = planOne(desiredCluster({ addons: [desiredAddon('aws-efs-csi-driver', [['efs-csi-controller-sa', 'Efs']])] }), clusterWithAddon('aws-efs-csi-driver', efs));
    expect(actionsOf(plan)).toEqual(['delete addon/aws-efs-csi-driver/efs-csi-node-sa']);
    expect(changeOf(plan, 'addon/aws-efs-csi-driver/efs-csi-node-sa').addon?.associations).toEqual([{ serviceAccount: 'efs-csi-controller-sa', roleArn: roleArn('Efs') }]);
  });

  it('WHEN the installed version has no Pod Identity THEN an error with the version, and no change', () => {
    const plan = planOne(desiredCluster({ addons: [desiredAddon(EBS, [[EBS_SA, 'Ebs']])] }), clusterWithAddon(EBS, addonDetail({ version: 'v1.25.0-eksbuild.1', podIdentityConfiguration: [] })));
    expect(plan.changes).toEqual([]);
    expect(findingOf(plan, 'ADDON_VERSION_NO_POD_IDENTITY')).toMatchObject({ severity: 'error', message: 'Pod Identity feature is not supported for addon version: v1.25.0-eksbuild.1' });
  });

  it('WHEN a service account is misspelled THEN the error suggests the add-on\'s own and points at the declaration', () => {
    const plan = planOne(desiredCluster({ addons: [desiredAddon(EBS, [['ebs-csi-controler-sa', 'Ebs']])] }), clusterWithAddon(EBS, addonDetail()));
    const f = findingOf(plan, 'ADDON_UNKNOWN_SERVICE_ACCOUNT');
    expect(f.fix).toContain(`did you mean ${EBS_SA}?`);
    expect(f.source).toMatchObject({ file: 'm.yaml' });
    expect(plan.changes).toEqual([]);
  });

  it('WHEN the role is missing or does not trust Pod Identity THEN the association checks apply, keyed to the add-on association', () => {
    const missing = planOne(desiredCluster({ addons: [desiredAddon(EBS, [[EBS_SA, 'Ebs']])] }), clusterWithAddon(EBS, addonDetail(), { roles: { [roleArn('Ebs')]: null } }));
    expect(findingOf(missing, 'ROLE_NOT_FOUND').key).toBe(`addon/${EBS}/${EBS_SA}`);
    const untrusted = planOne(
      desiredCluster({ addons: [desiredAddon(EBS, [[EBS_SA, 'Ebs']])] }),
      clusterWithAddon(EBS, addonDetail(), { roles: { [roleArn('Ebs')]: liveRole(roleArn('Ebs'), { trustPolicy: { Statement: [] } }) } }),
    );
    expect(codesOf(untrusted)).toContain('TRUST_POLICY_MISSING_POD_IDENTITY');
  });

  it('WHEN the cluster has no agent and only add-on associations THEN POD_IDENTITY_AGENT_MISSING once', () => {
    const plan = planOne(desiredCluster({ addons: [desiredAddon(EBS, [[EBS_SA, 'Ebs']])] }), clusterWithAddon(EBS, addonDetail(), { addons: [{ name: EBS }] }));
    expect(codesOf(plan).filter((c) => c === 'POD_IDENTITY_AGENT_MISSING')).toHaveLength(1);
  });

  it('WHEN the add-on still uses IRSA THEN a warning that says what switching means', () => {
    const plan = planOne(desiredCluster({ addons: [desiredAddon(EBS, [[EBS_SA, 'Ebs']])] }), clusterWithAddon(EBS, addonDetail({ serviceAccountRoleArn: roleArn('EbsIrsa') })));
    const f = findingOf(plan, 'ADDON_USES_IRSA');
    expect(f.severity).toBe('warning');
    expect(f.fix).toMatch(/restart/);
    expect(actionsOf(plan)).toEqual([`create addon/${EBS}/${EBS_SA}`]);
  });
});

describe('GIVEN the live associations of a declared add-on', () => {
  it('WHEN planning with or without prune THEN they are planned under the add-on only, never listed as undeclared', () => {
    const association = { associationId: 'a-owned', namespace: 'kube-system', serviceAccount: EBS_SA, roleArn: roleArn('Ebs'), disableSessionTags: false, tags: {}, ownerArn: 'arn:aws:eks:us-east-1:111122223333:addon/prod/aws-ebs-csi-driver/1' };
    for (const prune of [false, true] as const) {
      const plan = planOne(
        desiredCluster({ prune, addons: [desiredAddon(EBS, [[EBS_SA, 'Ebs']])] }),
        clusterWithAddon(EBS, addonDetail({ associations: [owned(EBS_SA, 'Ebs')] }), { associations: [association], associationSummaries: [association] }),
      );
      expect(plan.changes).toEqual([]);
      expect(plan.undeclared).toBeUndefined();
    }
  });
});

describe('GIVEN a declared add-on that is not installed', () => {
  it('WHEN planning THEN ADDON_NOT_INSTALLED with the create-addon command, and no change', () => {
    const plan = planOne(desiredCluster({ addons: [desiredAddon(EBS, [[EBS_SA, 'Ebs']])] }), clusterWithAddon('vpc-cni', addonDetail()));
    expect(findingOf(plan, 'ADDON_NOT_INSTALLED').fix).toContain(`aws eks create-addon --cluster-name prod --addon-name ${EBS}`);
    expect(plan.changes).toEqual([]);
  });

  it('WHEN its name is a typo of an installed add-on THEN the fix names the installed one', () => {
    const plan = planOne(desiredCluster({ addons: [desiredAddon(`${EBS}s`, [[EBS_SA, 'Ebs']])] }), clusterWithAddon(EBS, addonDetail()));
    expect(findingOf(plan, 'ADDON_NOT_INSTALLED').fix).toMatch(new RegExp(`^did you mean ${EBS}, which is installed\\? Otherwise install it first`));
  });
});

describe('GIVEN an add-on association that is created or changes its role', () => {
  it('WHEN planning THEN PODS_KEEP_OLD_CREDENTIALS names the add-on\'s service account, as for any association', () => {
    const created = planOne(desiredCluster({ addons: [desiredAddon(EBS, [[EBS_SA, 'Ebs']])] }), clusterWithAddon(EBS, addonDetail()));
    expect(findingOf(created, 'PODS_KEEP_OLD_CREDENTIALS').message).toContain(`pods already running under kube-system/${EBS_SA} get no credentials`);
    const changed = planOne(desiredCluster({ addons: [desiredAddon(EBS, [[EBS_SA, 'EbsNew']])] }), clusterWithAddon(EBS, addonDetail({ associations: [owned(EBS_SA, 'Ebs')] })));
    expect(findingOf(changed, 'PODS_KEEP_OLD_CREDENTIALS').message).toContain(`running pods of kube-system/${EBS_SA} keep the old role's credentials for up to 6 hours`);
  });
});
