import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentProgress } from '../../src/aws/progress.js';
import { closeClusterSessions } from '../../src/aws/session.js';
import { plan as planManifest } from '../../src/operations/index.js';
import { applyPlan } from '../../src/apply/index.js';
import type { AssociationValue, Change } from '../../src/model/plan.js';
import { association, createAssociation, createEntry, createPolicy, deleteAssociation, entry, planOf, policy, updateAssociation, VIEW, ADMIN } from './plan-fixtures.js';
import { DEPLOY_KEY, realClock, roleArn, startApplyWorld, stateWith, TRUST, type World } from './emulator-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const pad = (i: number) => String(i).padStart(3, '0');

/**
 * 500 changes: 230 association creates (20 with roles created seconds before, still propagating),
 * 50 updates, 50 deletes, 50 access entries with 2 policy associations each, 20 entry
 * creates without policies.
 */
function buildWorkload() {
  const existing = Array.from({ length: 100 }, (_, i) => ({ namespace: 'live', serviceAccount: `sa-${pad(i)}`, roleArn: roleArn('Shared'), associationId: `a-live${pad(i)}` }));
  const changes: Change[] = [];
  const desiredAssociations: AssociationValue[] = [];
  for (let i = 0; i < 230; i++) {
    const role = i < 20 ? roleArn(`Fresh${pad(i)}`) : roleArn('Shared');
    const a = association('new', `sa-${pad(i)}`, { roleArn: role, tags: { n: String(i) } });
    changes.push(createAssociation(a));
    desiredAssociations.push(a);
  }
  existing.forEach((e, i) => {
    const live = { ...association(e.namespace, e.serviceAccount, { roleArn: e.roleArn, tags: {} }), associationId: e.associationId };
    if (i < 50) {
      const desired = { ...live, roleArn: roleArn('Other'), tags: { updated: 'yes' } };
      changes.push(updateAssociation(live, desired));
      desiredAssociations.push(desired);
    } else {
      changes.push(deleteAssociation(live));
    }
  });
  const entryRoles = Array.from({ length: 70 }, (_, i) => `Team${pad(i)}`);
  entryRoles.forEach((name, i) => {
    changes.push(createEntry(entry(name, { kubernetesGroups: [`g-${i}`], tags: { team: name } })));
    if (i < 50) {
      changes.push(createPolicy(policy(roleArn(name), VIEW, { type: 'namespace', namespaces: [`ns-${i}`] })));
      changes.push(createPolicy(policy(roleArn(name), ADMIN)));
    }
  });
  return { existing, changes, desiredAssociations, entryRoles };
}

describe('GIVEN throttling, 5xx, connection resets and IAM propagation delay', () => {
  it.each([
    [3, 'standard'],
    [17, 'standard'],
  ] as const)('WHEN a 500-change apply runs (seed %i, %s retry mode) THEN it converges with nothing lost or duplicated', async (seed, retryMode) => {
    const { existing, changes, desiredAssociations, entryRoles } = buildWorkload();
    expect(changes).toHaveLength(500);
    world = await startApplyWorld(
      stateWith(['Shared', 'Other', ...entryRoles], [{ name: 'prod', podIdentityAssociations: existing.map((e) => ({ ...e })) }]),
      undefined,
      seed,
      retryMode,
    );
    // Roles created just now: EKS will not see them for a while.
    world.emulator.setFaults({ iamPropagationMs: 4_000 });
    for (let i = 0; i < 20; i++) {
      await world.clients.iam.send(new CreateRoleCommand({ RoleName: `Fresh${pad(i)}`, AssumeRolePolicyDocument: JSON.stringify(TRUST) }));
    }
    world.emulator.setFaults({ throttleRate: 0.1, errorRate: 0.02, resetRate: 0.01, iamPropagationMs: 4_000 });

    const started = Date.now();
    const retryEvents: Array<{ changeId: string; reason: string }> = [];
    const report = await applyPlan(
      planOf({ prod: changes }),
      { gateways: { prod: world.gateway }, ...realClock, onProgress: (e) => e.type === 'retry' && retryEvents.push(e) },
      { concurrency: 16 },
    );
    const elapsed = Date.now() - started;

    expect(report.results.filter((r) => r.outcome !== 'applied')).toEqual([]);
    expect(report.summary).toMatchObject({ total: 500, applied: 500, ok: true });
    // The fresh roles were refused by EKS at first and retried until visible.
    const refusedFresh = new Set(retryEvents.filter((e) => e.reason.startsWith('IAM')).map((e) => e.changeId));
    expect([...refusedFresh].every((id) => id.startsWith('association/new/'))).toBe(true);
    expect(refusedFresh.size).toBeGreaterThanOrEqual(10);
    const calls = world.emulator.calls();
    const successes = world.emulator.successfulCalls();
    const faulted = Object.keys(calls).reduce((n, op) => n + (calls[op] ?? 0) - (successes[op] ?? 0), 0);
    expect(faulted).toBeGreaterThan(50);

    world.emulator.setFaults({});
    const cluster = world.emulator.snapshot().clusters![0]!;
    const live = cluster.podIdentityAssociations!.map((a) => ({ key: `${a.namespace}/${a.serviceAccount}`, roleArn: a.roleArn, tags: a.tags ?? {} }));
    const keys = live.map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(live.sort((a, b) => a.key.localeCompare(b.key))).toEqual(
      desiredAssociations.map((a) => ({ key: `${a.namespace}/${a.serviceAccount}`, roleArn: a.roleArn, tags: a.tags })).sort((a, b) => a.key.localeCompare(b.key)),
    );
    const entries = cluster.accessEntries!;
    expect(entries.map((e) => e.principalArn).sort()).toEqual(entryRoles.map(roleArn).sort());
    entries.forEach((e) => {
      const i = Number(e.principalArn.slice(-3));
      expect(e.kubernetesGroups).toEqual([`g-${i}`]);
      expect((e.accessPolicies ?? []).map((p) => p.policyArn).sort()).toEqual(i < 50 ? [ADMIN, VIEW].sort() : []);
    });
    // Wall time, for the record (shown with --verbose): retries under faults, not sleeps, dominate.
    console.info(`seed ${seed}: 500 changes in ${elapsed} ms, ${faulted} faulted requests, ${retryEvents.length} apply-level retries`);
  }, 120_000);
});

describe('GIVEN a manifest planned by the engine and applied under faults', () => {
  it('WHEN 500 changes are applied with throttling, 5xx, resets and IAM propagation delay THEN a fresh plan has zero changes', async () => {
    const fresh = Array.from({ length: 20 }, (_, i) => `Fresh${pad(i)}`);
    const teams = Array.from({ length: 50 }, (_, i) => `Team${pad(i)}`);
    const lines = ['version: 1', 'clusters: [{ name: prod, region: us-east-1 }]', 'prune: true', 'podIdentityAssociations:'];
    for (let i = 0; i < 300; i++) lines.push(`  - { namespace: new, serviceAccount: sa-${pad(i)}, roleName: ${i < 20 ? fresh[i] : 'Shared'} }`);
    for (let i = 0; i < 60; i++) lines.push(`  - { namespace: live, serviceAccount: sa-${pad(i)}, roleName: Other, tags: { updated: "yes" } }`);
    lines.push('accessEntries:', '  - principalArn: arn:${partition}:iam::${accountId}:role/Deploy', '    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, scope: cluster }]');
    teams.forEach((t, i) => lines.push(`  - principalArn: arn:\${partition}:iam::\${accountId}:role/${t}`, `    kubernetesGroups: [g-${i}]`, `    accessPolicies: [{ policy: AmazonEKSViewPolicy, namespaces: [ns-${i}] }]`));
    const dir = await mkdtemp(join(tmpdir(), 'eks-identity-faults-'));
    await writeFile(join(dir, 'eks-identity.yaml'), `${lines.join('\n')}\n`);
    try {
      world = await startApplyWorld(
        stateWith(['Shared', 'Other', ...teams], [
          {
            name: 'prod',
            addons: [{ name: 'eks-pod-identity-agent' }],
            podIdentityAssociations: Array.from({ length: 100 }, (_, i) => ({ namespace: 'live', serviceAccount: `sa-${pad(i)}`, roleArn: roleArn('Shared') })),
            accessEntries: [{ principalArn: roleArn('Deploy'), accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] }],
          },
        ]),
        undefined,
        23,
        'standard',
      );
      world.emulator.setFaults({ iamPropagationMs: 4_000 });
      for (const name of fresh) await world.clients.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(TRUST) }));
      const e = world.emulator.endpoint;
      const plan = async () => {
        const result = await planManifest({
          manifest: 'eks-identity.yaml',
          cwd: dir,
          maxDeletes: 100,
          progress: silentProgress,
          aws: { endpoints: { eks: e, iam: e, sts: e }, credentials: { accessKeyId: DEPLOY_KEY, secretAccessKey: 'secret' } },
        });
        closeClusterSessions(result.sessions);
        return result.plan;
      };
      const reviewed = await plan();
      expect(reviewed.summary).toMatchObject({ create: 300 + 50 + 50, update: 60, delete: 40, errors: 0 });

      world.emulator.setFaults({ throttleRate: 0.1, errorRate: 0.02, resetRate: 0.01, iamPropagationMs: 4_000 });
      const report = await applyPlan(reviewed, { gateways: { prod: world.gateway }, ...realClock }, { maxDeletes: 100, concurrency: 16 });
      expect(report.results.filter((r) => r.outcome !== 'applied')).toEqual([]);
      expect(report.summary.total).toBe(500);

      world.emulator.setFaults({});
      const after = await plan();
      expect(after.clusters[0]!.changes.filter((c) => c.action !== 'unmanaged')).toEqual([]);
      const keys = world.emulator.snapshot().clusters![0]!.podIdentityAssociations!.map((a) => `${a.namespace}/${a.serviceAccount}`);
      expect(keys).toHaveLength(360);
      expect(new Set(keys).size).toBe(360);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
