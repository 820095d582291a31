import fc from 'fast-check';
import { readLiveCluster, readLiveState } from '../../src/aws/reader.js';
import { closeClusterSessions, openClusterSessions } from '../../src/aws/session.js';
import { startEmulator, type AccessEntryState, type AssociationState } from '../../src/emulator/index.js';
import { exportCluster } from '../../src/operations/index.js';
import { unmanagedEntryReason } from '../../src/migrate/export.js';
import { expandManifest, parseManifestText } from '../../src/manifest/index.js';
import { computePlan } from '../../src/plan/index.js';
import { ACCOUNT, awsOptions, roleArn, state } from './world.js';

/** Desired objects without their manifest locations, to compare with live ones. */
const withoutSource = <T>(value: T): T => JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'source' ? undefined : v))) as T;

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/);
const tags = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/), fc.stringMatching(/^[A-Za-z0-9 ._-]{0,8}$/), { maxKeys: 3 });
const policyNames = fc.constantFrom('AmazonEKSClusterAdminPolicy', 'AmazonEKSViewPolicy', 'AmazonEKSEditPolicy', 'AmazonEKSAdminPolicy');

const association: fc.Arbitrary<AssociationState> = fc.record({
  namespace: name,
  serviceAccount: name,
  // IAM role names are unique in an account whatever their path: team-app, not a second app.
  role: fc.constantFrom('app', 'team/team-app', 'batch'),
  target: fc.option(fc.constantFrom('arn:aws:iam::444455556666:role/data'), { nil: undefined }),
  restricted: fc.boolean(),
  tags,
}).map(({ namespace, serviceAccount, role, target, restricted, tags }) => ({
  namespace,
  serviceAccount,
  roleArn: roleArn(role),
  ...(target ? { targetRoleArn: target } : {}),
  // A session policy requires session tags off.
  ...(restricted ? { disableSessionTags: true, policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } } : {}),
  tags,
}));

const entry: fc.Arbitrary<AccessEntryState> = fc.record({
  principal: fc.constantFrom('role/Admins', 'role/teams/Viewers', 'user/alice', 'role/NodeRole', 'role/Ops'),
  type: fc.constantFrom('STANDARD', 'STANDARD', 'EC2_LINUX', 'HYBRID_LINUX'),
  username: fc.option(fc.constantFrom('ops-user', 'viewer:{{SessionName}}'), { nil: undefined }),
  groups: fc.uniqueArray(fc.constantFrom('viewers', 'deployers', 'auditors'), { maxLength: 2 }),
  policies: fc.uniqueArray(
    fc.record({ policy: policyNames, namespaces: fc.option(fc.uniqueArray(name, { minLength: 1, maxLength: 2 }), { nil: undefined }) }),
    { maxLength: 2, selector: (p) => p.policy },
  ),
  tags,
}).map(({ principal, type: drawn, username, groups, policies, tags }) => {
  // EKS takes only IAM roles on node types, so no live state holds a user there.
  const type = principal.startsWith('user/') ? 'STANDARD' : drawn;
  const standard = type === 'STANDARD';
  return {
    principalArn: `arn:aws:iam::${ACCOUNT}:${principal}`,
    type,
    ...(standard && username ? { username } : {}),
    ...(standard ? { kubernetesGroups: groups } : {}),
    accessPolicies: standard
      ? policies.map((p) => ({ policyArn: p.policy, ...(p.namespaces ? { accessScope: { type: 'namespace' as const, namespaces: p.namespaces } } : {}) }))
      : [],
    tags,
  };
});

const world = fc.record({
  associations: fc.uniqueArray(association, { maxLength: 6, selector: (a) => `${a.namespace}/${a.serviceAccount}` }),
  entries: fc.uniqueArray(entry, { maxLength: 5, selector: (e) => e.principalArn }),
});

describe('export round trip (property)', () => {
  it('GIVEN random emulator states WHEN exported THEN the manifest reads back to the live objects and plans to zero changes', async () => {
    await fc.assert(
      fc.asyncProperty(world, async ({ associations, entries }) => {
        const roles = ['app', 'team/team-app', 'batch', 'Admins', 'teams/Viewers', 'NodeRole', 'Ops'].map((r) => ({ arn: roleArn(r) }));
        const emulator = await startEmulator({
          seed: 1,
          state: { ...state(roles, { podIdentityAssociations: associations, accessEntries: entries }), iam: { roles: [...roles, { arn: roleArn('Deploy') }], users: [{ arn: `arn:aws:iam::${ACCOUNT}:user/alice` }] } },
        });
        try {
          const aws = awsOptions(emulator.endpoint);
          const target = { name: 'prod', region: 'us-east-1' };
          await using result = await exportCluster({ cluster: target, aws });
          expect(result.plan!.clusters[0]!.changes).toEqual([]);
          const manifestYaml = result.files[0]!.content;

          // The exported text validates as a manifest, and planning it with prune on changes nothing.
          const loaded = parseManifestText(manifestYaml, 'export.yaml');
          expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          const fromText = expandManifest(loaded, { accountIds: { prod: ACCOUNT } });
          const pruning = { ...fromText, clusters: fromText.clusters.map((c) => ({ ...c, prune: true })) };
          const textSessions = await openClusterSessions(pruning.clusters, aws);
          const textLive = await readLiveState(textSessions, pruning);
          closeClusterSessions(textSessions);
          const replanned = computePlan(pruning, textLive);
          expect(replanned.clusters[0]!.changes.filter((c) => c.action !== 'unmanaged')).toEqual([]);
          expect(replanned.clusters.flatMap((c) => c.findings.filter((f) => f.severity === "error").map((f) => `${f.code}: ${f.message}`))).toEqual([]);

          // The YAML text itself must carry every managed value.
          const desired = withoutSource(fromText.clusters[0]!);
          const sessions = await openClusterSessions([target], aws);
          const live = await readLiveCluster(sessions[0]!, { ...desired, prune: true });
          closeClusterSessions(sessions);
          const managedLive = live.associations.map(({ namespace, serviceAccount, roleArn, targetRoleArn, disableSessionTags, policy, tags }) => ({
            namespace, serviceAccount, roleArn, ...(targetRoleArn ? { targetRoleArn } : {}), disableSessionTags, ...(policy ? { policy } : {}), tags,
          }));
          expect(desired.associations).toEqual(managedLive);
          const managedEntries = live.accessEntries.filter((e) => !unmanagedEntryReason(e));
          expect(desired.accessEntries.map((e) => e.principalArn)).toEqual(managedEntries.map((e) => e.principalArn));
          for (const d of desired.accessEntries) {
            const l = managedEntries.find((e) => e.principalArn === d.principalArn)!;
            expect(d.type).toBe(l.type);
            expect(d.tags).toEqual(l.tags);
            if (l.type === 'STANDARD') expect(d.kubernetesGroups).toEqual([...l.kubernetesGroups].sort());
            if (d.username !== undefined) expect(d.username).toBe(l.username);
            expect(d.accessPolicies).toEqual(
              l.accessPolicies
                .map((p) => ({ policyArn: p.policyArn, scope: p.scope.type === 'cluster' ? p.scope : { type: 'namespace', namespaces: [...p.scope.namespaces].sort() } }))
                .sort((a, b) => (a.policyArn < b.policyArn ? -1 : 1)),
            );
          }
        } finally {
          await emulator.close();
        }
      }),
      { numRuns: 30, seed: 20240611 },
    );
  });
});
