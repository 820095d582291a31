import type { ActionEngine, ApplyOutcome, EngineRequest, ManifestProblem, MigrationOutcome, MigrationRequest } from '../../src/action/engine.js';
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
    fingerprint: options.fingerprint ?? (changes.length === 0 ? 'empty0000000' : `fp${changes.length}`.padEnd(64, '0')),
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

/** A plain Markdown renderer that honours maxLength, standing in for src/render in unit tests. */
export function simpleRender(plan: Plan, options: { title: string; maxLength?: number }): string {
  const lines = [`## ${options.title}`, `**${plan.summary.create} to create**`];
  for (const c of plan.clusters) for (const ch of c.changes) lines.push(`- ${ch.action} ${ch.id}`);
  const text = lines.join('\n');
  const max = options.maxLength ?? Infinity;
  return text.length <= max ? text : `${text.slice(0, max - 80)}\n\nPlan truncated: see the job summary for the full plan`;
}

export interface FakeEngine extends ActionEngine {
  requests: EngineRequest[];
  executed: number;
}

export function fakeEngine(options: {
  plans: Plan[] | (() => Plan);
  diagnostics?: ManifestProblem[];
  apply?: ApplyOutcome;
  migration?: MigrationOutcome;
  /** What the default credential chain finds when no credential variable is set (default: nothing). */
  chainCredentials?: boolean;
}): FakeEngine {
  let index = 0;
  const next = (): Plan => {
    if (typeof options.plans === 'function') return options.plans();
    const plan = options.plans[Math.min(index, options.plans.length - 1)]!;
    index += 1;
    return plan;
  };
  const engine: FakeEngine = {
    requests: [],
    executed: 0,
    plan: async (request) => {
      engine.requests.push(request);
      if (options.diagnostics) throw Object.assign(new EksIdentityError('MANIFEST_INVALID', 'invalid manifest'), { diagnostics: options.diagnostics });
      return next();
    },
    prepareApply: async (request) => {
      engine.requests.push(request);
      const plan = next();
      return {
        plan,
        dispose: () => undefined,
        execute: async () => {
          engine.executed += 1;
          return options.apply ?? { markdown: `applied ${plan.summary.create}`, applied: plan.summary.create, failed: 0, skipped: 0 };
        },
      };
    },
    migrate: async (request: MigrationRequest) => {
      engine.requests.push(request);
      if (!options.migration) throw new Error('no migration configured');
      return options.migration;
    },
    renderPlanMarkdown: simpleRender,
    escapeMarkdown: (text) => text.replace(/[\\`*_[\]<>|&]/g, (c) => `\\${c}`),
    findCredentials: async () => options.chainCredentials ?? false,
  };
  return engine;
}
