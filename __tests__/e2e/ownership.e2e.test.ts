/**
 * Two manifests with different owners on one cluster, through the CLI and the real SDK against the
 * emulator: each prunes only what it owns (prune: owned), objects made by other tools survive, a
 * node entry a manifest created is pruned once it is no longer declared, and declaring the other
 * manifest's object is a located error.
 */
import { DescribeAccessEntryCommand, DescribePodIdentityAssociationCommand, ListPodIdentityAssociationsCommand } from '@aws-sdk/client-eks';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { Plan } from '../../src/model/plan.js';
import { CALLER_ROLE, DEPLOY_KEY, roleArn, isolateAwsEnvironment, startApplyWorld, stateWith, type World } from '../apply/emulator-world.js';

isolateAwsEnvironment();

const HEAD = (owner: string) => `version: 1
owner: ${owner}
prune: owned
clusters: [{ name: prod, region: us-east-1 }]
`;

/** Team A: an association it adopts (made before owners), one it creates, and a node entry. */
const TEAM_A = `${HEAD('team-a')}podIdentityAssociations:
  - { namespace: a, serviceAccount: legacy, roleName: TeamA }
  - { namespace: a, serviceAccount: web, roleName: TeamA }
accessEntries:
  - { principalArn: "arn:\${partition}:iam::\${accountId}:role/NodesA", type: EC2_LINUX }
`;

/** Team A after removing its web association and its node entry. */
const TEAM_A_SMALLER = `${HEAD('team-a')}podIdentityAssociations:
  - { namespace: a, serviceAccount: legacy, roleName: TeamA }
`;

const TEAM_B = `${HEAD('team-b')}podIdentityAssociations:
  - { namespace: b, serviceAccount: api, roleName: TeamB }
accessEntries:
  - principalArn: "arn:\${partition}:iam::\${accountId}:role/TeamB"
    accessPolicies: [{ policy: AmazonEKSViewPolicy, scope: cluster }]
`;

/** Team A also declaring team B's association (line 6 is the b/api item). */
const TEAM_A_GREEDY = `${HEAD('team-a')}podIdentityAssociations:
  - { namespace: b, serviceAccount: api, roleName: TeamA }
`;

let world: World | undefined;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eks-identity-owners-'));
  world = await startApplyWorld(
    stateWith(['TeamA', 'TeamB', 'NodesA', 'Terraform', 'EksNodes'], [
      {
        name: 'prod',
        addons: [{ name: 'eks-pod-identity-agent' }],
        // Made before anyone had an owner, or by other tools (terraform-aws-eks, eksctl).
        podIdentityAssociations: [
          { namespace: 'a', serviceAccount: 'legacy', roleArn: roleArn('TeamA') },
          { namespace: 'tf', serviceAccount: 'tool', roleArn: roleArn('Terraform'), tags: { 'managed-by': 'terraform' } },
        ],
        accessEntries: [
          { principalArn: CALLER_ROLE, accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] },
          { principalArn: roleArn('Terraform'), tags: { 'managed-by': 'terraform' } },
          // Made by EKS for a managed node group.
          { principalArn: roleArn('EksNodes'), type: 'EC2_LINUX' },
        ],
      },
    ]),
    undefined,
    11,
    'standard',
  );
  const e = world.emulator.endpoint;
  Object.assign(process.env, { AWS_ENDPOINT_URL_EKS: e, AWS_ENDPOINT_URL_IAM: e, AWS_ENDPOINT_URL_STS: e, AWS_ACCESS_KEY_ID: DEPLOY_KEY, AWS_SECRET_ACCESS_KEY: 'secret' });
});
afterEach(async () => {
  await world?.close();
  world = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function cli(file: string, text: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  await writeFile(join(dir, file), text);
  const io = { out: '', err: '', env: process.env, cwd: dir, isTTY: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  const code = await main([...argv, '--manifest', file], io as CliIo);
  return { code, out: io.out, err: io.err };
}

async function planOf(file: string, text: string): Promise<Plan> {
  const result = await cli(file, text, 'plan', '--format', 'json');
  return JSON.parse(result.out) as Plan;
}

async function associationTags(namespace: string, serviceAccount: string): Promise<Record<string, string> | undefined> {
  const eks = world!.clients.eks;
  const listed = await eks.send(new ListPodIdentityAssociationsCommand({ clusterName: 'prod', namespace, serviceAccount }));
  const id = listed.associations?.[0]?.associationId;
  if (!id) return undefined;
  return (await eks.send(new DescribePodIdentityAssociationCommand({ clusterName: 'prod', associationId: id }))).association?.tags ?? {};
}

async function entryTags(principalArn: string): Promise<Record<string, string> | undefined> {
  try {
    return (await world!.clients.eks.send(new DescribeAccessEntryCommand({ clusterName: 'prod', principalArn }))).accessEntry?.tags ?? {};
  } catch (err) {
    if ((err as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw err;
  }
}

const owner = (tags: Record<string, string> | undefined) => tags?.['eks-identity/owner'];
const changed = (plan: Plan) => plan.clusters.flatMap((c) => c.changes.filter((ch) => ch.action !== 'unmanaged').map((ch) => `${ch.action} ${ch.id}`));

describe('two manifests with different owners on one cluster (prune: owned)', () => {
  it('GIVEN team A and team B WHEN each applies THEN each tags and prunes only its own, and objects of other tools survive', async () => {
    // The first apply with an owner tags what it declares, including what existed before.
    const firstA = await cli('a.yaml', TEAM_A, 'apply');
    expect(firstA.code).toBe(0);
    expect(owner(await associationTags('a', 'legacy'))).toBe('team-a');
    expect(owner(await associationTags('a', 'web'))).toBe('team-a');
    expect(owner(await entryTags(roleArn('NodesA')))).toBe('team-a');

    const firstB = await cli('b.yaml', TEAM_B, 'apply');
    expect(firstB.code).toBe(0);
    expect(owner(await associationTags('b', 'api'))).toBe('team-b');

    // Neither plans anything against the other's objects or the untagged ones.
    expect(changed(await planOf('a.yaml', TEAM_A))).toEqual([]);
    const planB = await planOf('b.yaml', TEAM_B);
    expect(changed(planB)).toEqual([]);
    expect(planB.clusters[0]!.findings.filter((f) => f.code === 'NOT_OWNED_LEFT_ALONE').map((f) => f.message)).toEqual([
      expect.stringMatching(/^3 undeclared Pod Identity association/),
      expect.stringMatching(/^4 undeclared access entr/),
    ]);

    // Team A drops its web association and its node entry: only those go.
    const shrink = await cli('a.yaml', TEAM_A_SMALLER, 'apply', '--format', 'json');
    expect(shrink.code).toBe(0);
    const report = JSON.parse(shrink.out) as { results: Array<{ action: string; changeId: string; outcome: string }> };
    expect(report.results.filter((r) => r.outcome === 'applied').map((r) => `${r.action} ${r.changeId}`).sort()).toEqual([
      'delete association/a/web',
      `delete entry/${roleArn('NodesA')}`,
    ]);
    expect(await associationTags('a', 'web')).toBeUndefined();
    expect(await entryTags(roleArn('NodesA'))).toBeUndefined();
    expect(owner(await associationTags('a', 'legacy'))).toBe('team-a');
    expect(owner(await associationTags('b', 'api'))).toBe('team-b');
    expect(await entryTags(roleArn('TeamB'))).toBeDefined();
    expect(await associationTags('tf', 'tool')).toEqual({ 'managed-by': 'terraform' });
    expect(await entryTags(roleArn('Terraform'))).toEqual({ 'managed-by': 'terraform' });
    expect(await entryTags(CALLER_ROLE)).toBeDefined();
  }, 60_000);

  it('GIVEN team B owns b/api WHEN team A declares it THEN plan and apply stop with an error at the manifest line naming the AWS object', async () => {
    expect((await cli('b.yaml', TEAM_B, 'apply')).code).toBe(0);
    const plan = await planOf('a.yaml', TEAM_A_GREEDY);
    const error = plan.clusters[0]!.findings.find((f) => f.code === 'OWNED_BY_ANOTHER_MANIFEST');
    expect(error).toMatchObject({ severity: 'error', key: 'association/b/api', source: { file: 'a.yaml', line: 6, column: 5 } });
    expect(error!.message).toMatch(/association b\/api \(arn:aws:eks:us-east-1:111122223333:podidentityassociation\/prod\/a-[0-9a-z]+\)/);
    expect(error!.message).toContain('"team-b"');

    const applied = await cli('a.yaml', TEAM_A_GREEDY, 'apply');
    expect(applied.code).toBe(1);
    expect(applied.out + applied.err).toContain('OWNED_BY_ANOTHER_MANIFEST');
    expect(owner(await associationTags('b', 'api'))).toBe('team-b');
  }, 60_000);

  it('GIVEN a node entry EKS made WHEN team A declares it, applies, then drops it THEN it is neither tagged, changed nor pruned, and keeps its groups', async () => {
    const withNodes = `${TEAM_A}  - { principalArn: "arn:\${partition}:iam::\${accountId}:role/EksNodes", type: EC2_LINUX, tags: { pool: general } }\n`;
    const plan = await planOf('a.yaml', withNodes);
    const nodes = plan.clusters[0]!.changes.find((c) => c.id === `entry/${roleArn('EksNodes')}`);
    // Only the declared tag: the owner tag would make it prunable.
    expect(nodes?.fields).toEqual([{ field: 'tags', before: {}, after: { pool: 'general' } }]);
    world!.emulator.resetCalls();
    expect((await cli('a.yaml', withNodes, 'apply')).code).toBe(0);
    expect(world!.emulator.calls().UpdateAccessEntry).toBeUndefined();
    expect(await entryTags(roleArn('EksNodes'))).toEqual({ pool: 'general' });
    expect(changed(await planOf('a.yaml', withNodes))).toEqual([]);

    expect((await cli('a.yaml', TEAM_A_SMALLER, 'apply')).code).toBe(0);
    const entry = (await world!.clients.eks.send(new DescribeAccessEntryCommand({ clusterName: 'prod', principalArn: roleArn('EksNodes') }))).accessEntry;
    expect(entry?.kubernetesGroups).toEqual(['system:nodes']);
  }, 60_000);

  it('GIVEN prune: true in team B WHEN planned with --prune owned THEN the CLI option narrows the prune to what B owns', async () => {
    expect((await cli('a.yaml', TEAM_A, 'apply')).code).toBe(0);
    const pruneAll = TEAM_B.replace('prune: owned', 'prune: true');
    expect(changed(await planOf('b.yaml', pruneAll))).toEqual(expect.arrayContaining(['delete association/a/legacy', `delete entry/${roleArn('Terraform')}`]));
    const narrowed = await cli('b.yaml', pruneAll, 'plan', '--format', 'json', '--prune', 'owned');
    expect(changed(JSON.parse(narrowed.out) as Plan).filter((c) => c.startsWith('delete'))).toEqual([]);
  }, 60_000);
});
