import { applyPlan } from '../../src/apply/index.js';
import type { ApplyDeps, ApplyEvent, ApplyOptions } from '../../src/apply/index.js';
import { EksIdentityError } from '../../src/errors.js';
import type { Plan } from '../../src/model/plan.js';
import { awsError, FakeEks, fakeClock } from './fake-gateway.js';
import {
  ADMIN,
  association,
  createAssociation,
  createEntry,
  createPolicy,
  deleteAssociation,
  deleteEntry,
  deletePolicy,
  entry,
  planOf,
  policy,
  replaceEntry,
  roleArn,
  updateAssociation,
  VIEW,
} from './plan-fixtures.js';

function setup(names: string[] = ['prod']) {
  const clock = fakeClock();
  const fakes = Object.fromEntries(names.map((n) => [n, new FakeEks(n, clock.now)]));
  const events: ApplyEvent[] = [];
  const deps: ApplyDeps = { gateways: fakes, sleep: clock.sleep, now: clock.now, random: () => 0.5, runId: 'run-1', onProgress: (e) => events.push(e) };
  const apply = (plan: Plan, options: ApplyOptions = {}) => applyPlan(plan, deps, options);
  return { clock, fakes: fakes as Record<string, FakeEks>, events, deps, apply, prod: fakes[names[0]!] as FakeEks };
}

const outcomeOf = (report: Awaited<ReturnType<typeof applyPlan>>, id: string) => report.results.find((r) => r.changeId.endsWith(id));

describe('applyPlan ordering', () => {
  it('GIVEN entries, policies and deletes WHEN applied THEN each entry precedes its policies and access removals come after every access grant', async () => {
    const { apply, prod } = setup();
    const gone = prod.addAssociation(association('old', 'sa'));
    prod.addEntry(entry('Leaving'), { [VIEW]: { type: 'cluster' } });
    const plan = planOf({
      prod: [
        deleteAssociation(gone),
        createPolicy(policy(roleArn('Admins'), ADMIN)),
        createEntry(entry('Admins')),
        createAssociation(association('app', 'api')),
        deletePolicy(policy(roleArn('Leaving'), VIEW)),
        deleteEntry(entry('Leaving')),
      ],
    });
    const report = await apply(plan);

    expect(report.summary).toMatchObject({ total: 6, applied: 6, ok: true });
    const ops = prod.writeCalls().map((c) => `${c.op} ${c.key}`);
    const at = (prefix: string) => ops.findIndex((o) => o.startsWith(prefix));
    expect(at('CreateAccessEntry')).toBeLessThan(at('AssociateAccessPolicy'));
    const lastGrant = Math.max(at('CreateAccessEntry'), at('AssociateAccessPolicy'));
    for (const op of ['DisassociateAccessPolicy', 'DeleteAccessEntry']) expect(at(op)).toBeGreaterThan(lastGrant);
    expect(at('DeletePodIdentityAssociation')).toBeGreaterThanOrEqual(0);
    expect(at('DisassociateAccessPolicy')).toBeLessThan(at('DeleteAccessEntry'));
    // The report keeps plan order whatever the execution order.
    expect(report.results.map((r) => r.action)).toEqual(['delete', 'create', 'create', 'create', 'delete', 'delete']);
  });

  it('GIVEN 40 independent creates and concurrency 4 WHEN applied THEN at most 4 calls are in flight and they do overlap', async () => {
    const { apply, prod } = setup();
    const plan = planOf({ prod: Array.from({ length: 40 }, (_, i) => createAssociation(association('ns', `sa-${i}`))) });
    const report = await apply(plan, { concurrency: 4 });
    expect(report.summary.applied).toBe(40);
    expect(prod.maxInFlight).toBe(4);
  });

  it('GIVEN a change of authentication mode from CONFIG_MAP to API WHEN applied THEN it runs first, one step per update, waiting for each', async () => {
    const { apply, prod } = setup();
    prod.updateStatuses = ['InProgress', 'Successful', 'Successful'];
    const plan = planOf({
      prod: [
        createEntry(entry('Admins')),
        { id: 'cluster/authenticationMode', kind: 'authenticationMode', action: 'update', before: { authenticationMode: 'CONFIG_MAP' }, after: { authenticationMode: 'API' } },
      ],
    });
    const report = await apply(plan);
    expect(report.summary.ok).toBe(true);
    expect(prod.writeCalls().map((c) => `${c.op} ${c.key}`)).toEqual(['UpdateClusterConfig API_AND_CONFIG_MAP', 'UpdateClusterConfig API', `CreateAccessEntry ${roleArn('Admins')}`]);
  });

  it('GIVEN an authentication-mode update that fails WHEN applied THEN the access-entry changes of that cluster are skipped, associations still run', async () => {
    const { apply, prod } = setup();
    prod.updateStatuses = ['Failed'];
    const plan = planOf({
      prod: [
        { id: 'cluster/authenticationMode', kind: 'authenticationMode', action: 'update', before: { authenticationMode: 'CONFIG_MAP' }, after: { authenticationMode: 'API_AND_CONFIG_MAP' } },
        createEntry(entry('Admins')),
        createAssociation(association('app', 'api')),
      ],
    });
    const report = await apply(plan);
    expect(report.results.map((r) => r.outcome)).toEqual(['failed', 'skipped', 'applied']);
    expect(report.results[1]?.reason).toMatch(/authentication-mode change/);
  });
});

describe('applyPlan idempotency and adoption', () => {
  it('GIVEN the association already exists with another role WHEN its create is applied THEN it is adopted and updated to the desired state', async () => {
    const { apply, prod } = setup();
    const existing = prod.addAssociation(association('app', 'api', { roleArn: roleArn('Old'), tags: { stale: 'yes' } }));
    const desired = association('app', 'api', { tags: { team: 'a' } });
    const report = await apply(planOf({ prod: [createAssociation(desired)] }));

    expect(outcomeOf(report, 'app/api')).toMatchObject({ outcome: 'adopted' });
    expect(prod.associations.get(existing.associationId)).toMatchObject({ roleArn: desired.roleArn, tags: { team: 'a' } });
    expect(prod.associations.size).toBe(1);
  });

  it('GIVEN an access entry exists WHEN its create is applied THEN it is adopted; a different type fails with a clear error', async () => {
    const { apply, prod } = setup();
    prod.addEntry(entry('Admins', { kubernetesGroups: ['old'] }));
    prod.addEntry(entry('Nodes', { type: 'EC2_LINUX' }));
    const report = await apply(planOf({ prod: [createEntry(entry('Admins', { kubernetesGroups: ['viewers'] })), createEntry(entry('Nodes'))] }));
    expect(report.results[0]).toMatchObject({ outcome: 'adopted' });
    expect(prod.entries.get(roleArn('Admins'))?.kubernetesGroups).toEqual(['viewers']);
    expect(report.results[1]).toMatchObject({ outcome: 'failed', error: { name: 'APPLY_TYPE_CONFLICT', operation: 'CreateAccessEntry' } });
  });

  it('GIVEN a create whose answer is lost after EKS made it WHEN retried THEN the same token returns the same object, no duplicate and no 409', async () => {
    const { apply, prod } = setup();
    let lost = false;
    // The first create succeeds on the server but the client sees a reset.
    const original = prod.createAssociation.bind(prod);
    prod.createAssociation = async (...args) => {
      const created = await original(...args);
      if (!lost) {
        lost = true;
        throw awsError('CreatePodIdentityAssociation', 'ECONNRESET', 0);
      }
      return created;
    };
    const report = await apply(planOf({ prod: [createAssociation(association('app', 'api'))] }));
    expect(report.results[0]).toMatchObject({ outcome: 'applied', attempts: 2 });
    expect(prod.associations.size).toBe(1);
    const tokens = prod.calls.filter((c) => c.op === 'CreatePodIdentityAssociation').map((c) => c.token);
    expect(new Set(tokens).size).toBe(1);
  });

  it('GIVEN a delete of something already gone WHEN applied THEN it counts as applied', async () => {
    const { apply } = setup();
    const report = await apply(
      planOf({
        prod: [deleteAssociation({ ...association('old', 'sa'), associationId: 'a-404' }), deleteEntry(entry('Gone')), deletePolicy(policy(roleArn('Gone'), VIEW))],
      }),
    );
    expect(report.results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied']);
  });

  it('GIVEN a stale entry WHEN replaced THEN it is deleted then created, reported as one change, and its policies are re-associated', async () => {
    const { apply, prod } = setup();
    prod.addEntry(entry('Team'), { [VIEW]: { type: 'cluster' } });
    const report = await apply(planOf({ prod: [replaceEntry(entry('Team'), entry('Team')), createPolicy(policy(roleArn('Team'), VIEW))] }));
    expect(report.results).toHaveLength(2);
    expect(report.results[0]).toMatchObject({ action: 'replace', outcome: 'applied' });
    expect(prod.writeCalls().map((c) => c.op)).toEqual(['DeleteAccessEntry', 'CreateAccessEntry', 'AssociateAccessPolicy']);
    expect(prod.entries.get(roleArn('Team'))?.policies.get(VIEW)).toEqual({ type: 'cluster' });
  });

  it('GIVEN an update of role and tags WHEN applied THEN only the differing fields are written', async () => {
    const { apply, prod } = setup();
    const live = prod.addAssociation(association('app', 'api', { tags: { a: '1', b: '2' } }));
    const desired = association('app', 'api', { roleArn: roleArn('New'), tags: { a: '1', c: '3' } });
    const report = await apply(planOf({ prod: [updateAssociation(live, desired)] }));
    expect(report.summary.ok).toBe(true);
    expect(prod.writeCalls().map((c) => c.op)).toEqual(['UpdatePodIdentityAssociation', 'TagResource', 'UntagResource']);
    expect(prod.associations.get(live.associationId)).toMatchObject({ roleArn: roleArn('New'), tags: { a: '1', c: '3' } });
  });
});

describe('applyPlan retries', () => {
  it('GIVEN a role EKS does not see for 40 s WHEN its association is created THEN it is retried with growing backoff until it works', async () => {
    const { apply, prod, clock, events } = setup();
    const desired = association('app', 'api');
    prod.invisibleUntil.set(desired.roleArn, clock.now() + 40_000);
    const report = await apply(planOf({ prod: [createAssociation(desired)] }));
    expect(report.results[0]).toMatchObject({ outcome: 'applied' });
    expect(report.results[0]!.attempts).toBeGreaterThan(3);
    expect(clock.sleeps.slice(0, 4)).toEqual([750, 1500, 3000, 6000]);
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(report.results[0]!.attempts - 1);
  });

  it('GIVEN a role that never appears WHEN the window passes THEN the change fails with the AWS error and the time spent stays within the window', async () => {
    const { apply, prod, clock } = setup();
    const desired = association('app', 'api');
    prod.invisibleUntil.set(desired.roleArn, Number.POSITIVE_INFINITY);
    const started = clock.now();
    const report = await apply(planOf({ prod: [createAssociation(desired)] }), { propagationWindowMs: 30_000 });
    expect(report.results[0]).toMatchObject({
      outcome: 'failed',
      error: { name: 'InvalidParameterException', status: 400, requestId: 'req-1', operation: 'CreatePodIdentityAssociation' },
    });
    expect(clock.now() - started).toBeLessThanOrEqual(30_000);
  });

  it('GIVEN throttling left over after the SDK retries WHEN applied THEN a few more tries are made', async () => {
    const { apply, prod } = setup();
    prod.fault = (call, n) => (call.op === 'CreateAccessEntry' && n <= 2 ? awsError(call.op, 'ThrottlingException', 429) : undefined);
    const report = await apply(planOf({ prod: [createEntry(entry('Admins'))] }));
    expect(report.results[0]).toMatchObject({ outcome: 'applied', attempts: 3 });
  });
});

describe('applyPlan guards', () => {
  it('GIVEN an add-on owned association in a delete WHEN applied THEN it is skipped with the owner named', async () => {
    const { apply, prod } = setup();
    const owned = prod.addAssociation({ ...association('kube-system', 'ebs'), ownerArn: 'arn:aws:eks:us-east-1:111122223333:addon/prod/aws-ebs-csi-driver/x' });
    const report = await apply(planOf({ prod: [deleteAssociation(owned)] }));
    expect(report.results[0]).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/aws-ebs-csi-driver/) });
    expect(prod.associations.size).toBe(1);
    expect(report.summary.ok).toBe(false);
  });

  it('GIVEN EKS-managed node and service-linked entries WHEN deleted THEN they are skipped', async () => {
    const { apply, prod } = setup();
    prod.addEntry(entry('NodeRole', { type: 'EC2_LINUX' }));
    prod.addEntry(entry('AWSServiceRoleForAmazonEKS'));
    const report = await apply(planOf({ prod: [deleteEntry(entry('NodeRole', { type: 'EC2_LINUX' })), deleteEntry(entry('AWSServiceRoleForAmazonEKS'))] }));
    expect(report.results.map((r) => r.outcome)).toEqual(['skipped', 'skipped']);
    expect(prod.entries.size).toBe(2);
  });

  it("GIVEN the caller's own entry (role path ignored) WHEN deleted THEN it is skipped unless lockout is allowed", async () => {
    const { apply, prod } = setup();
    prod.caller = roleArn('Deploy');
    const own = entry('ci/Deploy', { principalArn: `arn:aws:iam::111122223333:role/ci/Deploy` });
    prod.addEntry(own, { [ADMIN]: { type: 'cluster' } });
    const refused = await apply(planOf({ prod: [deletePolicy(policy(own.principalArn, ADMIN)), deleteEntry(own)] }));
    expect(refused.results.map((r) => r.outcome)).toEqual(['skipped', 'skipped']);
    expect(refused.results[1]?.reason).toMatch(/caller's own principal/);
    expect(prod.entries.has(own.principalArn)).toBe(true);

    const allowed = await apply(planOf({ prod: [deleteEntry(own)] }), { allowLockout: true });
    expect(allowed.results[0]?.outcome).toBe('applied');
    expect(prod.entries.has(own.principalArn)).toBe(false);
  });

  it('GIVEN max-deletes 2 and 4 deletes WHEN applied THEN exactly 2 are deleted and 2 skipped', async () => {
    const { apply, prod } = setup();
    const live = [1, 2, 3, 4].map((i) => prod.addAssociation(association('old', `sa-${i}`)));
    const report = await apply(planOf({ prod: live.map(deleteAssociation) }), { maxDeletes: 2 });
    expect(report.summary).toMatchObject({ applied: 2, skipped: 2 });
    expect(prod.associations.size).toBe(2);
    expect(report.results.find((r) => r.outcome === 'skipped')?.reason).toMatch(/max-deletes/);
  });

  it('GIVEN a cluster-admin grant that fails WHEN the plan also removes access THEN the removals are skipped', async () => {
    const { apply, prod } = setup();
    prod.addEntry(entry('OldAdmins'), { [ADMIN]: { type: 'cluster' } });
    prod.fault = (call) => (call.op === 'CreateAccessEntry' ? awsError(call.op, 'AccessDeniedException', 403) : undefined);
    const report = await apply(
      planOf({
        prod: [createEntry(entry('NewAdmins')), createPolicy(policy(roleArn('NewAdmins'), ADMIN)), deletePolicy(policy(roleArn('OldAdmins'), ADMIN)), deleteEntry(entry('OldAdmins'))],
      }),
    );
    expect(report.results.map((r) => r.outcome)).toEqual(['failed', 'skipped', 'skipped', 'skipped']);
    expect(report.results[0]?.error).toMatchObject({ name: 'AccessDeniedException', status: 403, operation: 'CreateAccessEntry' });
    expect(prod.entries.get(roleArn('OldAdmins'))?.policies.has(ADMIN)).toBe(true);
  });

  it('GIVEN a plan with an error finding WHEN applied THEN it is refused before any call', async () => {
    const { apply, prod } = setup();
    const plan = planOf({ prod: [createAssociation(association('app', 'api'))] }, { prod: [{ severity: 'error', code: 'ROLE_NOT_FOUND', key: 'association/app/api', message: 'no role' }] });
    await expect(apply(plan)).rejects.toThrow(expect.objectContaining({ code: 'PLAN_HAS_ERRORS' }) as EksIdentityError);
    expect(prod.calls).toHaveLength(0);
  });
});

describe('applyPlan failure isolation', () => {
  it('GIVEN one entry create fails WHEN applied THEN only its policies are skipped; other clusters and keys still apply', async () => {
    const { apply, fakes } = setup(['prod', 'staging']);
    fakes.prod!.fault = (call) => (call.op === 'CreateAccessEntry' && call.key === roleArn('Broken') ? awsError(call.op, 'InvalidParameterException', 400, 'bad username') : undefined);
    const report = await apply(
      planOf({
        prod: [createEntry(entry('Broken')), createPolicy(policy(roleArn('Broken'), VIEW)), createEntry(entry('Fine')), createPolicy(policy(roleArn('Fine'), VIEW))],
        staging: [createAssociation(association('app', 'api'))],
      }),
    );
    expect(report.results.map((r) => `${r.clusterName}:${r.outcome}`)).toEqual(['prod:failed', 'prod:skipped', 'prod:applied', 'prod:applied', 'staging:applied']);
    expect(report.results[1]?.reason).toBe(`depends on entry/${roleArn('Broken')}, which failed`);
    expect(report.summary).toMatchObject({ failed: 1, skipped: 1, applied: 3, ok: false });
  });
});

describe('applyPlan: permanent refusals fail fast', () => {
  /** Where fakeClock starts (epoch milliseconds). */
  const clockStart = 1_000_000;
  const refused = (when: (dates: Record<string, string>) => void, propagationWindowMs?: number) => {
    const { apply, prod, clock } = setup();
    const desired = association('app', 'api');
    prod.invisibleUntil.set(desired.roleArn, Number.POSITIVE_INFINITY);
    const dates: Record<string, string> = {};
    when(dates);
    const plan = planOf({ prod: [createAssociation(desired)] });
    plan.clusters[0]!.iamCreateDates = Object.fromEntries(Object.entries(dates).map(([name, iso]) => [roleArn(name), iso]));
    const started = clock.now();
    return apply(plan, propagationWindowMs === undefined ? {} : { propagationWindowMs }).then((report) => ({ report, elapsed: clock.now() - started }));
  };

  it('GIVEN a role the plan saw created a year ago WHEN EKS says it does not exist THEN the change fails on the first call', async () => {
    const { report, elapsed } = await refused((dates) => (dates['app-api'] = new Date(clockStart - 3_600_000).toISOString()));
    expect(report.results[0]).toMatchObject({ outcome: 'failed', attempts: 1, error: { name: 'InvalidParameterException', operation: 'CreatePodIdentityAssociation' } });
    expect(elapsed).toBe(0);
  });

  it('GIVEN a role the plan saw created seconds ago WHEN EKS never sees it THEN it is retried as propagation for at most the default 60 s', async () => {
    const { report, elapsed } = await refused((dates) => (dates['app-api'] = new Date(clockStart - 5_000).toISOString()));
    expect(report.results[0]).toMatchObject({ outcome: 'failed', error: { name: 'InvalidParameterException' } });
    expect(report.results[0]!.attempts).toBeGreaterThan(2);
    expect(elapsed).toBeLessThanOrEqual(60_000);
  });

  it('GIVEN a principal the plan could not read WHEN EKS refuses it THEN it is retried within the window, never longer', async () => {
    const { report, elapsed } = await refused(() => undefined);
    expect(report.results[0]!.attempts).toBeGreaterThan(2);
    expect(elapsed).toBeLessThanOrEqual(60_000);
  });

  it('GIVEN a 4xx that is not propagation WHEN a change fails THEN it is not retried and the AWS facts are stated once', async () => {
    const { apply, prod } = setup();
    prod.fault = (call) => (call.op === 'CreateAccessEntry' ? awsError(call.op, 'InvalidParameterException', 400, 'username is invalid') : undefined);
    const report = await apply(planOf({ prod: [createEntry(entry('Admins'))] }));
    const result = report.results[0]!;
    expect(result).toMatchObject({ outcome: 'failed', attempts: 1, error: { name: 'InvalidParameterException', operation: 'CreateAccessEntry', message: 'username is invalid' } });
  });
});

describe('applyPlan guards: EKS Capabilities', () => {
  it('GIVEN an entry EKS made for a capability WHEN a plan deletes it or its capability policy THEN both are skipped', async () => {
    const { apply, prod } = setup();
    const argo = entry('ArgoCDCapabilityRole');
    const clusterPolicy = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSArgoCDClusterPolicy';
    prod.addEntry(argo, { [clusterPolicy]: { type: 'cluster' } });
    const report = await apply(planOf({ prod: [deletePolicy(policy(argo.principalArn, clusterPolicy)), deleteEntry(argo)] }));
    expect(report.results.map((r) => r.outcome)).toEqual(['skipped', 'skipped']);
    expect(report.results[1]!.reason).toMatch(/EKS Capability/);
    expect(prod.entries.get(argo.principalArn)?.policies.has(clusterPolicy)).toBe(true);
  });
});
