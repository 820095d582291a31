/**
 * Plan = apply, as a property: random manifests against random emulator states. Whenever the plan
 * (validate included) has no error finding, apply completes with nothing failed and a new plan is
 * empty; so whenever apply would fail, the plan had an error.
 *
 * The states vary what the plan must find out from IAM and EKS: roles and users present or
 * absent, with a path or without, in the cluster's account or another; the manifests write them
 * right or wrong (a path left out), use every entry type, valid and misspelled access policies,
 * usernames and groups EKS refuses, and tags and session policies at and over the limits. Some
 * associations declare their role in a `role:` block (a name taken by an unowned role, adopted or
 * not; managed policies IAM does not have; one role shared by two associations); the EBS CSI
 * add-on is installed or not, at a version with Pod Identity or without, in its own namespace or
 * not, and declared under `addons:` (misspelled, with a service account the version does not
 * know, a role by ARN or a `role:` block with its recommended policies); and `prune: owned` meets
 * an association tagged with the manifest's owner.
 * Principals of another account that do not exist are left out: the cluster's credentials cannot
 * read another account's IAM, so neither can the plan (PRINCIPAL_NOT_CHECKED says so, and apply
 * fails such a change fast: __tests__/e2e/plan-truth.e2e.test.ts).
 *
 * CI runs AGREEMENT_RUNS (default 100, about 10 s) samples from a fixed seed. A larger run, as done before a
 * release: AGREEMENT_RUNS=1000 AGREEMENT_SEED=$RANDOM npm test -- __tests__/agreement
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPlan } from '../../src/apply/index.js';
import { SdkEksWriteGateway } from '../../src/aws/gateway.js';
import { silentProgress } from '../../src/aws/progress.js';
import { ManifestInvalidError, plan, type PreparedPlan } from '../../src/operations/index.js';
import { startEmulator, type EmulatorState } from '../../src/emulator/index.js';

const RUNS = Number(process.env.AGREEMENT_RUNS ?? 100);
const SEED = Number(process.env.AGREEMENT_SEED ?? 20261202);
const ACCOUNT = '111122223333';
const OTHER = '444455556666';
const KEY = 'AKIAAGREEMENT0000001';
const SSO = 'AWSReservedSSO_Admins_0a1b2c3d4e5f6a7b';
const APP = `arn:aws:iam::${ACCOUNT}:role/App`;

/** Who exists in IAM: each principal as the manifest may write it, and its real ARN when it exists. */
const ROLE_SPECS = [
  { written: `arn:aws:iam::${ACCOUNT}:role/App`, real: `arn:aws:iam::${ACCOUNT}:role/App` },
  { written: `arn:aws:iam::${ACCOUNT}:role/Team`, real: `arn:aws:iam::${ACCOUNT}:role/team/Team` },
  { written: `arn:aws:iam::${ACCOUNT}:role/team/Team`, real: `arn:aws:iam::${ACCOUNT}:role/team/Team` },
  { written: `arn:aws:iam::${ACCOUNT}:role/${SSO}`, real: `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/${SSO}` },
  { written: `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/${SSO}`, real: `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/${SSO}` },
  { written: `arn:aws:iam::${ACCOUNT}:role/Gone`, real: undefined },
  { written: `arn:aws:iam::${OTHER}:role/Ext`, real: `arn:aws:iam::${OTHER}:role/Ext` },
];
const USER_SPECS = [
  { written: `arn:aws:iam::${ACCOUNT}:user/alice`, real: `arn:aws:iam::${ACCOUNT}:user/alice` },
  { written: `arn:aws:iam::${ACCOUNT}:user/carol`, real: `arn:aws:iam::${ACCOUNT}:user/ops/carol` },
  { written: `arn:aws:iam::${ACCOUNT}:user/bob`, real: undefined },
];
const TYPES = ['STANDARD', 'STANDARD', 'STANDARD', 'STANDARD', 'STANDARD', 'STANDARD', 'EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX', 'EC2', 'HYBRID_LINUX', 'HYPERPOD_LINUX'];
const POLICIES = ['AmazonEKSClusterAdminPolicy', 'AmazonEKSViewPolicy', 'AmazonEMRJobPolicy', 'AmazonEKSAutoNodePolicy', 'AmazonEKSClusterAdmin', 'AmazonEKSViewPolicyy'];

const q = (text: string) => JSON.stringify(text);

/** Mostly `safe`, sometimes one of `risky`: most samples must get through to apply. */
const mostly = <T>(safe: T, ...risky: T[]): fc.Arbitrary<T> => fc.oneof({ weight: 14, arbitrary: fc.constant(safe) }, { weight: 1, arbitrary: fc.constantFrom(...risky) });

/** Tags at and over EKS's limits: 50 tags, keys of 128, values of 256 characters. */
const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
const tagsArb = mostly<Record<string, string>>({}, { team: 'a' }, many(50), many(51), { ['k'.repeat(128)]: 'v' }, { ['k'.repeat(129)]: 'v' }, { big: 'v'.repeat(256) }, { big: 'v'.repeat(257) });

const entryArb = fc.record({
  principal: fc.constantFrom(...ROLE_SPECS.map((r) => r.written), ...USER_SPECS.map((u) => u.written)),
  type: fc.constantFrom(...TYPES),
  username: mostly<string | undefined>(undefined, 'ops', 'eks:ops', 'ops:{{SessionName}}', 'ops-{{SessionName}}'),
  groups: mostly<string[] | undefined>(undefined, ['viewers'], ['system:masters']),
  policies: fc.oneof(
    { weight: 2, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.uniqueArray(fc.record({ policy: mostly('AmazonEKSViewPolicy', ...POLICIES), namespaced: fc.boolean() }), { minLength: 1, maxLength: 2, selector: (p) => p.policy }) },
  ),
  tags: tagsArb,
});

/** Session policies around the 2,048 characters STS takes (EKS passes it on), as compact JSON. */
const sessionPolicy = (n: number) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: Array.from({ length: n }, (_, i) => `arn:aws:s3:::bucket-${String(i).padStart(2, '0')}/*`) }] });
const sessionPolicyArb = mostly<ReturnType<typeof sessionPolicy> | undefined>(undefined, sessionPolicy(1), sessionPolicy(30), sessionPolicy(60));

/**
 * A `role:` block (workload roles): eks-identity creates and owns the role. Sometimes it names a
 * role that exists unowned (App: refused unless adopted), a managed policy IAM does not have, or one
 * written without its path; two associations may declare one role (one trust for both).
 */
const MANAGED = {
  s3: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
  missing: 'arn:aws:iam::aws:policy/NoSuchPolicy',
  pathless: 'arn:aws:iam::aws:policy/AmazonEBSCSIDriverPolicy',
  ebs: 'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy',
};
const roleBlockArb = fc.record({
  name: fc.oneof({ weight: 6, arbitrary: fc.constantFrom<string | undefined>(undefined, 'Shared') }, { weight: 1, arbitrary: fc.constant('App') }),
  adopt: mostly(false, true),
  managedPolicies: mostly<string[]>([MANAGED.s3], [], [MANAGED.missing], [MANAGED.pathless], [MANAGED.s3, MANAGED.ebs]),
  inline: fc.boolean(),
});
type RoleBlock = typeof roleBlockArb extends fc.Arbitrary<infer T> ? T : never;

const associationArb = fc.record({
  namespace: fc.constantFrom('app', 'jobs'),
  serviceAccount: fc.constantFrom('web', 'worker'),
  role: fc.constantFrom(...ROLE_SPECS.filter((r) => r.written.includes(ACCOUNT)).map((r) => r.written)),
  /** Declared in a `role:` block instead of `roleArn` (about one in three). */
  block: fc.oneof({ weight: 2, arbitrary: fc.constant<RoleBlock | undefined>(undefined) }, { weight: 1, arbitrary: roleBlockArb }),
  target: mostly<string | undefined>(undefined, `arn:aws:iam::${OTHER}:role/Ext`, `arn:aws:iam::${ACCOUNT}:role/App`, `arn:aws:iam::${ACCOUNT}:role/Gone`),
  policy: sessionPolicyArb,
  tags: tagsArb,
});

/**
 * The EBS CSI add-on as the cluster has it (installed or not, a version with Pod Identity or
 * without, its usual namespace or its own, an association it owns already) and as the manifest
 * declares it under `addons:` (sometimes misspelled, or with a service account the version does
 * not know), with a role by ARN or a `role:` block (with its recommended policies or not).
 */
const ADDON = 'aws-ebs-csi-driver';
const addonArb = fc.record({
  installed: mostly(true, false),
  version: mostly('v1.37.0-eksbuild.1', 'v1.25.0-eksbuild.1'),
  namespace: fc.constantFrom<string | undefined>(undefined, undefined, 'storage'),
  owned: fc.boolean(),
  declared: fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 2,
      arbitrary: fc.record({
        name: mostly(ADDON, 'aws-ebs-csi-drivers'),
        serviceAccount: mostly('ebs-csi-controller-sa', 'ebs-csi-node-sa'),
        role: fc.oneof(
          { weight: 2, arbitrary: mostly(APP, `arn:aws:iam::${ACCOUNT}:role/Team`, `arn:aws:iam::${ACCOUNT}:role/Gone`) },
          { weight: 1, arbitrary: fc.record({ name: fc.constantFrom('ebs-csi', 'Shared'), recommendedPolicies: fc.boolean() }) },
        ),
      }),
    },
  ),
});

const worldArb = fc.record({
  present: fc.record({ roles: fc.array(mostly(true, false), { minLength: ROLE_SPECS.length, maxLength: ROLE_SPECS.length }), users: fc.array(mostly(true, false), { minLength: USER_SPECS.length, maxLength: USER_SPECS.length }) }),
  entries: fc.uniqueArray(entryArb, { maxLength: 3, selector: (e) => e.principal }),
  associations: fc.uniqueArray(associationArb, { maxLength: 2, selector: (a) => `${a.namespace}/${a.serviceAccount}` }),
  // Live objects the manifest may update: an entry of App with other groups and tags, an association app/web.
  // and an association jobs/old that carries the owner tag of `platform` (prune: owned deletes it when the manifest is platform's).
  existing: fc.record({ appEntry: fc.boolean(), webAssociation: fc.boolean(), ownedOld: fc.boolean() }),
  prune: fc.constantFrom<false | 'owned'>(false, false, 'owned'),
  addon: addonArb,
  /** `owner:` when neither a `role:` block nor `prune: owned` needs one (they always get it). */
  owner: mostly<string | undefined>(undefined, 'platform'),
});
type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

function stateOf(world: World): EmulatorState {
  const roles = new Set<string>();
  ROLE_SPECS.forEach((r, i) => {
    if (r.real && (world.present.roles[i] || r.real.includes(OTHER))) roles.add(r.real);
  });
  const users = new Set<string>();
  USER_SPECS.forEach((u, i) => {
    if (u.real && world.present.users[i]) users.add(u.real);
  });
  return {
    region: 'us-east-1',
    identities: { [KEY]: `arn:aws:sts::${ACCOUNT}:assumed-role/Deploy/ci` },
    iam: { roles: [`arn:aws:iam::${ACCOUNT}:role/Deploy`, ...roles].map((arn) => ({ arn })), users: [...users].map((arn) => ({ arn })) },
    clusters: [
      {
        name: 'prod',
        authenticationMode: 'API',
        addons: [
          { name: 'eks-pod-identity-agent' },
          ...(world.addon.installed
            ? [
                {
                  name: ADDON,
                  version: world.addon.version,
                  ...(world.addon.namespace ? { namespace: world.addon.namespace } : {}),
                  ...(world.addon.owned && roles.has(APP) && world.addon.version === 'v1.37.0-eksbuild.1'
                    ? { podIdentityAssociations: [{ namespace: world.addon.namespace ?? 'kube-system', serviceAccount: 'ebs-csi-controller-sa', roleArn: APP }] }
                    : {}),
                },
              ]
            : []),
        ],
        accessEntries: [
          { principalArn: `arn:aws:iam::${ACCOUNT}:role/Deploy`, accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] },
          ...(world.existing.appEntry && roles.has(APP) ? [{ principalArn: APP, kubernetesGroups: ['old'], tags: { was: 'here' }, accessPolicies: [{ policyArn: 'AmazonEKSEditPolicy' }] }] : []),
        ],
        podIdentityAssociations: [
          ...(world.existing.webAssociation && roles.has(APP) ? [{ namespace: 'app', serviceAccount: 'web', roleArn: APP, tags: { was: 'here' } }] : []),
          ...(world.existing.ownedOld && roles.has(APP) ? [{ namespace: 'jobs', serviceAccount: 'old', roleArn: APP, tags: { 'eks-identity/owner': 'platform' } }] : []),
        ],
      },
    ],
  };
}

/** The lines of a `role:` block at `indent`. */
function roleBlockLines(indent: string, block: { name?: string | undefined; adopt?: boolean; managedPolicies?: string[]; inline?: boolean }): string[] {
  const lines = [`${indent}role:`];
  if (block.name !== undefined) lines.push(`${indent}  name: ${block.name}`);
  if (block.adopt) lines.push(`${indent}  adopt: true`);
  if (block.managedPolicies && block.managedPolicies.length > 0) lines.push(`${indent}  managedPolicies: ${JSON.stringify(block.managedPolicies)}`);
  if (block.inline) lines.push(`${indent}  inlinePolicies: { read: ${JSON.stringify(sessionPolicy(2))} }`);
  return lines;
}

function manifestOf(world: World): string {
  const lines = ['version: 1', 'clusters: [{ name: prod, region: us-east-1 }]'];
  const declared = world.addon.declared;
  const needsOwner = world.associations.some((a) => a.block) || (declared !== undefined && typeof declared.role !== 'string');
  // `role:` blocks and `prune: owned` need an owner; otherwise it is the sample's.
  const owner = needsOwner || world.prune === 'owned' ? 'platform' : world.owner;
  if (owner) lines.push(`owner: ${owner}`);
  if (world.prune) lines.push(`prune: ${world.prune}`);
  if (world.associations.length > 0) lines.push('podIdentityAssociations:');
  for (const a of world.associations) {
    lines.push(`  - namespace: ${a.namespace}`, `    serviceAccount: ${a.serviceAccount}`, ...(a.block ? roleBlockLines('    ', a.block) : [`    roleArn: ${q(a.role)}`]));
    if (a.target) lines.push(`    targetRoleArn: ${q(a.target)}`);
    if (a.policy) lines.push('    disableSessionTags: true', `    policy: ${JSON.stringify(a.policy)}`);
    if (Object.keys(a.tags).length > 0) lines.push(`    tags: ${JSON.stringify(a.tags)}`);
  }
  if (world.entries.length > 0) lines.push('accessEntries:');
  for (const e of world.entries) {
    lines.push(`  - principalArn: ${q(e.principal)}`, `    type: ${e.type}`);
    if (e.username !== undefined) lines.push(`    username: ${q(e.username)}`);
    if (e.groups !== undefined) lines.push(`    kubernetesGroups: ${JSON.stringify(e.groups)}`);
    if (e.policies.length > 0) {
      lines.push('    accessPolicies:');
      for (const p of e.policies) lines.push(`      - { policy: ${p.policy}, ${p.namespaced ? 'namespaces: [spark]' : 'scope: cluster'} }`);
    }
    if (Object.keys(e.tags).length > 0) lines.push(`    tags: ${JSON.stringify(e.tags)}`);
  }
  if (declared) {
    lines.push('addons:', `  - name: ${declared.name}`, '    podIdentityAssociations:', `      - serviceAccount: ${declared.serviceAccount}`);
    if (typeof declared.role === 'string') lines.push(`        roleArn: ${q(declared.role)}`);
    else {
      if (declared.role.recommendedPolicies) lines.push('        recommendedPolicies: true');
      lines.push(...roleBlockLines('        ', { name: declared.role.name }));
    }
  }
  return `${lines.join('\n')}\n`;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eks-identity-agreement-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Plans the manifest; a manifest validate refuses counts as a plan with errors (undefined). */
async function planOf(file: string, endpoint: string): Promise<PreparedPlan | undefined> {
  try {
    return await plan({ manifest: file, cwd: dir, progress: silentProgress, aws: { endpoints: { eks: endpoint, iam: endpoint, sts: endpoint }, credentials: { accessKeyId: KEY, secretAccessKey: 's' } } });
  } catch (err) {
    if (err instanceof ManifestInvalidError) {
      for (const d of err.diagnostics) if (d.severity === 'error') codesSeen.set(`validate:${d.code}`, (codesSeen.get(`validate:${d.code}`) ?? 0) + 1);
      return undefined;
    }
    throw err;
  }
}

let sample = 0;
/** How the samples ended: validate refused, the plan had errors, or plan and apply ran. */
const outcomes = { invalid: 0, planErrors: 0, applied: 0 };
/** Applied samples whose plan changed a role of a `role:` block or an add-on's associations, or pruned an owned object. */
const appliedWith = { iamRole: 0, addonAssociation: 0, delete: 0 };
const codesSeen = new Map<string, number>();

async function agreementHolds(world: World): Promise<void> {
  const emulator = await startEmulator({ state: stateOf(world), seed: 3 });
  const file = join(dir, `sample-${sample++}.yaml`);
  await writeFile(file, manifestOf(world));
  try {
    const planned = await planOf(file, emulator.endpoint);
    if (!planned) {
      outcomes.invalid++;
      return;
    }
    let report;
    try {
      for (const f of planned.plan.clusters.flatMap((c) => c.findings)) if (f.severity === 'error') codesSeen.set(f.code, (codesSeen.get(f.code) ?? 0) + 1);
      if (planned.plan.summary.errors > 0) {
        outcomes.planErrors++;
        return;
      }
      outcomes.applied++;
      const kinds = new Set(planned.plan.clusters.flatMap((c) => c.changes.filter((ch) => ch.action !== 'unmanaged').map((ch) => ch.kind)));
      for (const kind of ['iamRole', 'addonAssociation'] as const) if (kinds.has(kind)) appliedWith[kind]++;
      if (planned.plan.clusters.some((c) => c.changes.some((ch) => ch.action === 'delete'))) appliedWith.delete++;
      // A virtual clock: a propagation retry would cost no real time (none is expected here).
      let t = 0;
      const gateways = Object.fromEntries(planned.sessions.map((s) => [s.target.name, new SdkEksWriteGateway(s.clients, { callerPrincipalArn: s.caller.principalArn })]));
      report = await applyPlan(planned.plan, { gateways, sleep: async (ms) => void (t += ms), now: () => t, random: () => 0.5 });
    } finally {
      planned.close();
    }
    const failures = report.results.filter((r) => r.outcome === 'failed').map((r) => `${r.changeId}: ${r.error?.operation} ${r.error?.name}: ${r.error?.message}`);
    expect({ manifest: manifestOf(world), failures }).toEqual({ manifest: manifestOf(world), failures: [] });
    const again = await planOf(file, emulator.endpoint);
    again?.close();
    const left = again!.plan.clusters.flatMap((c) => c.changes.filter((ch) => ch.action !== 'unmanaged').map((ch) => `${ch.action} ${ch.id}`));
    expect({ manifest: manifestOf(world), left }).toEqual({ manifest: manifestOf(world), left: [] });
  } finally {
    await emulator.close();
  }
}

describe('plan = apply (agreement property)', () => {
  it(`GIVEN ${RUNS} random manifests and states (seed ${SEED}) WHEN the plan has no error THEN apply fails nothing and the re-plan is empty`, async () => {
    await fc.assert(fc.asyncProperty(worldArb, agreementHolds), { numRuns: RUNS, seed: SEED, endOnFailure: true });
    // The property says something only if enough samples get through to apply, and enough are refused.
    console.info(`agreement: ${JSON.stringify(outcomes)}; applied with ${JSON.stringify(appliedWith)}; plan errors seen: ${JSON.stringify(Object.fromEntries([...codesSeen].sort()))}`);
    expect(outcomes.applied).toBeGreaterThanOrEqual(RUNS / 10);
    expect(outcomes.planErrors).toBeGreaterThanOrEqual(RUNS / 10);
    // Roles and add-on associations reach apply too, not only their refusals.
    expect(appliedWith.iamRole).toBeGreaterThanOrEqual(RUNS / 50);
    expect(appliedWith.addonAssociation).toBeGreaterThanOrEqual(RUNS / 50);
    expect(appliedWith.delete).toBeGreaterThanOrEqual(RUNS / 100);
  }, 120_000);
});
