import type { ManifestProblem } from '../../src/action/report.js';
import { refuseUnreviewedPlan } from '../../src/apply/refusal.js';
import type { ApplyReport, ApplyResult } from '../../src/apply/types.js';
import { PreparedPlan, type Operations, type PlanRequest, type Proposal } from '../../src/operations/index.js';
import type { ActionIo, AnnotationProperties } from '../../src/action/io.js';
import { EksIdentityError } from '../../src/errors.js';
import type { Change, Finding, Plan } from '../../src/model/plan.js';
import { withClusterFingerprints } from '../../src/plan/fingerprint.js';

export interface RecordingIo extends ActionIo {
  lines: string[];
  annotations: Array<{ level: 'notice' | 'warning' | 'error'; message: string; properties?: AnnotationProperties }>;
  outputs: Record<string, string>;
  failed: string[];
  secrets: string[];
  summary: string[];
}

export function recordingIo(): RecordingIo {
  const io: RecordingIo = {
    lines: [],
    annotations: [],
    outputs: {},
    failed: [],
    secrets: [],
    summary: [],
    info: (message) => void io.lines.push(message),
    notice: (message, properties) => void io.annotations.push({ level: 'notice', message, ...(properties ? { properties } : {}) }),
    warning: (message, properties) => void io.annotations.push({ level: 'warning', message, ...(properties ? { properties } : {}) }),
    error: (message, properties) => void io.annotations.push({ level: 'error', message, ...(properties ? { properties } : {}) }),
    setOutput: (name, value) => void (io.outputs[name] = value),
    setFailed: (message) => void io.failed.push(message),
    setSecret: (value) => void io.secrets.push(value),
    appendSummary: async (markdown) => void io.summary.push(markdown),
    group: async (name, body) => {
      io.lines.push(`::group::${name}`);
      try {
        return await body();
      } finally {
        io.lines.push('::endgroup::');
      }
    },
  };
  return io;
}

/** A plan with `creates` association creates on cluster prod, and the given findings. */
export function planWith(options: { creates?: number; fingerprint?: string; findings?: Finding[] } = {}): Plan {
  const changes: Change[] = Array.from({ length: options.creates ?? 0 }, (_, i) => ({
    id: `association/ns-${i}/sa-${i}`,
    kind: 'podIdentityAssociation',
    action: 'create',
    after: { namespace: `ns-${i}`, serviceAccount: `sa-${i}`, roleArn: `arn:aws:iam::111122223333:role/r-${i}`, disableSessionTags: false, tags: {} },
  }));
  const findings = options.findings ?? [];
  return {
    version: 1,
    // Hex, as fingerprints are: the reviewed-plan check accepts nothing else.
    fingerprint: options.fingerprint ?? (changes.length === 0 ? 'e'.repeat(64) : `f${changes.length}`.padEnd(64, '0')),
    summary: {
      create: changes.length,
      update: 0,
      replace: 0,
      delete: 0,
      unmanaged: 0,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    },
    clusters: withClusterFingerprints([{ name: 'prod', region: 'us-east-1', changes, findings }]),
  };
}

export interface FakeOperations extends Operations {
  requests: unknown[];
  executed: number;
}

/** An apply report in which the first `failed` changes failed and the others were applied. */
export function reportFor(plan: Plan, failed = 0): ApplyReport {
  const changes = plan.clusters.flatMap((c) => c.changes.filter((ch) => ch.action !== 'unmanaged').map((ch) => ({ cluster: c.name, ch })));
  const results: ApplyResult[] = changes.map(({ cluster, ch }, i) => ({
    clusterName: cluster,
    changeId: ch.id,
    kind: ch.kind,
    action: ch.action,
    outcome: i < failed ? 'failed' : 'applied',
    attempts: 1,
    ...(i < failed ? { error: { name: 'AccessDeniedException', message: 'denied', operation: 'CreatePodIdentityAssociation' } } : {}),
  }));
  const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
  return {
    fingerprint: plan.fingerprint,
    results,
    summary: { total: results.length, applied: count('applied'), adopted: 0, skipped: 0, failed: count('failed'), ok: count('failed') === 0, durationMs: 5 },
  };
}

/**
 * Operations as plain objects: plans come from the list, apply goes through the real refusal
 * policy and returns a report without touching AWS, migrations return the given proposal.
 */
export function fakeOperations(options: {
  plans: Plan[] | (() => Plan);
  diagnostics?: ManifestProblem[];
  /** How many changes fail when applied (default none). */
  failed?: number;
  migration?: Proposal;
  /** What the default credential chain finds when no credential variable is set (default: nothing). */
  chainCredentials?: boolean;
}): FakeOperations {
  let index = 0;
  const next = (): Plan => {
    if (typeof options.plans === 'function') return options.plans();
    const plan = options.plans[Math.min(index, options.plans.length - 1)]!;
    index += 1;
    return plan;
  };
  const plan = async (request: PlanRequest): Promise<PreparedPlan> => {
    ops.requests.push(request);
    if (options.diagnostics) throw Object.assign(new EksIdentityError('MANIFEST_INVALID', 'invalid manifest'), { diagnostics: options.diagnostics });
    return new PreparedPlan(next(), [], {});
  };
  const migration = async (request: unknown): Promise<Proposal> => {
    ops.requests.push(request);
    if (!options.migration) throw new Error('no migration configured');
    return options.migration;
  };
  const ops: FakeOperations = {
    requests: [],
    executed: 0,
    plan,
    withPlan: async (request, fn) => fn(await plan(request)),
    apply: async (target, applyOptions = {}) => {
      const prepared = target as PreparedPlan;
      const { warning } = refuseUnreviewedPlan(prepared.plan, applyOptions);
      if (warning) applyOptions.onWarning?.(`${warning}; applying anyway`);
      ops.executed += 1;
      return { plan: prepared.plan, report: reportFor(prepared.plan, options.failed) };
    },
    migrateIrsa: migration,
    migrateAwsAuth: migration,
    exportCluster: migration,
    findCredentials: async () => options.chainCredentials ?? false,
  };
  return ops;
}
