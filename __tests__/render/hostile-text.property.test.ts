/**
 * Every string a manifest or a live object carries, made hostile (Markdown, HTML, backticks, pipes,
 * line breaks, workflow commands, mentions, very long text), rendered into every output: the PR
 * comment and job summary (Markdown), the terminal and log text, JSON, the apply report,
 * annotations as @actions/core writes them, and log lines as the action and the CLI write them.
 */
import * as core from '@actions/core';
import fc from 'fast-check';
import type { ApplyReport, ApplyResult } from '../../src/apply/types.js';
import type { Plan } from '../../src/model/plan.js';
import { neutralizeWorkflowCommands } from '../../src/render/escape.js';
import { renderApplyReport } from '../../src/render/apply-report.js';
import { renderPlan } from '../../src/render/index.js';
import { annotateFindings } from '../../src/action/report.js';
import type { ActionIo } from '../../src/action/io.js';
import { desiredAssociation, desiredCluster, desiredEntry, liveAssociation, liveCluster, liveEntry, planAll, roleArn } from '../plan/fixtures.js';
import { cellsOf, outsideCodeSpans } from './markdown-reading.js';

const PIECES = [
  '**bold** _em_ ~~x~~ # head',
  '[link](https://evil.example) ![img](x)',
  '<script>alert(1)</script><img src=x onerror=alert(1)></details></summary><!-- c -->',
  '`tick` ```fence``` \\`',
  'a|b \\| c \\\\| d',
  'line\nbreak\r\nand\rmore\u2028sep',
  '\n::error file=x::pwned\n::set-output name=a::b\n##[error]old\n  ::warning::indented',
  '@octocat @org/team cc@example.com',
  '\x1b[2J\x1b[31mred\x07\t',
  'ÿ unicode ✓ 日本',
];

const hostile = fc
  .tuple(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }), fc.string({ maxLength: 20 }), fc.constantFrom(0, 0, 0, 3_000, 70_000))
  .map(([pieces, noise, long]) => `${pieces.join(noise)}${'L'.repeat(long)}`);

function sessionPolicy(text: string): string {
  return JSON.stringify({ Statement: [{ Action: 's3:GetObject', Effect: 'Allow', Resource: `arn:aws:s3:::${text}` }], Version: '2012-10-17' });
}

function hostilePlan(s: string[]): Plan {
  const [a, b, c, d, e, f] = s as [string, string, string, string, string, string];
  return planAll(
    [
      desiredCluster({
        associations: [
          desiredAssociation(a, b, { tags: { [c]: d } }),
          desiredAssociation('ns', e, { roleArn: roleArn(f) }),
          desiredAssociation(a, 'kept', { tags: { t: f } }),
          // Session policies carry user text into policy documents: a create shows one, an update a diff of two.
          desiredAssociation(b, 'new-policy', { disableSessionTags: true, policy: sessionPolicy(c) }),
          desiredAssociation(b, 'policy', { disableSessionTags: true, policy: sessionPolicy(d) }),
        ],
        accessEntries: [desiredEntry(roleArn('App'), { username: c, kubernetesGroups: [d, e] })],
        addons: [{ name: c, associations: [{ serviceAccount: e, roleArn: roleArn(f) }] }],
      }),
    ],
    [
      liveCluster({
        associations: [liveAssociation(a, 'kept', { tags: { t: a } }), liveAssociation(b, 'policy', { disableSessionTags: true, policy: sessionPolicy(e) }), liveAssociation(b, 'owned', { ownerArn: `arn:aws:eks:us-east-1:111122223333:addon/prod/${c}/1` })],
        accessEntries: [liveEntry(roleArn('App'), { username: f })],
        roles: { [roleArn(f)]: null },
        // An add-on with a hostile name, version and namespace: add-on association changes and findings carry them.
        addons: [{ name: 'eks-pod-identity-agent' }, { name: c }],
        addonDetails: { [c]: { version: d, serviceAccountRoleArn: roleArn(a), podIdentityConfiguration: [{ serviceAccount: e, recommendedManagedPolicies: [] }], associations: [{ associationId: 'a-x', namespace: a, serviceAccount: 'gone', roleArn: roleArn(b) }] } },
      }),
    ],
  );
}

function reportOf(plan: Plan, message: string): ApplyReport {
  const results: ApplyResult[] = plan.clusters.flatMap((c) =>
    c.changes
      .filter((ch) => ch.action !== 'unmanaged')
      .map((ch, i) => ({
        clusterName: c.name,
        changeId: ch.id,
        kind: ch.kind,
        action: ch.action,
        outcome: i % 2 === 0 ? ('failed' as const) : ('skipped' as const),
        reason: message,
        attempts: 1,
        ...(i % 2 === 0 ? { error: { name: 'InvalidParameterException', message, operation: 'CreatePodIdentityAssociation', status: 400 } } : {}),
      })),
  );
  return { fingerprint: plan.fingerprint, results, summary: { total: results.length, applied: 0, adopted: 0, skipped: results.length, failed: 0, ok: false, durationMs: 1, timedOut: { limitMs: 60_000, notStarted: 1 } } };
}

/** The Markdown rules: no HTML but the renderer's, no mention, tables intact, nothing read as a command. */
function expectSafeMarkdown(markdown: string): void {
  const prose = outsideCodeSpans(markdown);
  const tags = new Set([...prose.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]));
  for (const tag of tags) expect(['details', 'summary', 'b', 'br', 'code']).toContain(tag);
  expect(prose).not.toMatch(/<!--/);
  // Every @ outside code is followed by a zero-width space: no mention, no notification.
  expect(prose.replace(/@&#8203;/g, '')).not.toContain('@');
  const lines = markdown.split('\n');
  let columns: number | undefined;
  for (const line of lines) {
    if (!line.startsWith('|')) {
      columns = undefined;
      continue;
    }
    columns ??= cellsOf(line);
    expect({ line: line.slice(0, 80), cells: cellsOf(line) }).toEqual({ line: line.slice(0, 80), cells: columns });
  }
  expect(lines.filter((l) => /^\s*(::|##\[)/.test(l))).toEqual([]);
}

/** The log rules: one visible line per line written, no control characters, no workflow command. */
function expectSafeLog(text: string): void {
  // eslint-disable-next-line no-control-regex
  expect(text.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  expect(text.split('\n').filter((l) => /^\s*(::|##\[)/.test(l))).toEqual([]);
}

/** What @actions/core writes to the log for annotations. */
function captureStdout(fn: () => void): string {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
  try {
    fn();
  } finally {
    process.stdout.write = write;
  }
  return out;
}

describe('hostile text in every output (property)', () => {
  it('GIVEN manifests and live objects whose every string is hostile WHEN rendered anywhere THEN each output keeps its rules', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 7, maxLength: 7 }), (s) => {
        const plan = hostilePlan(s);
        const comment = renderPlan(plan, 'markdown', { title: s[6] });
        expect(comment.length).toBeLessThanOrEqual(65_536);
        expectSafeMarkdown(comment);
        expectSafeMarkdown(renderPlan(plan, 'markdown', { maxLength: Number.POSITIVE_INFINITY }));
        expectSafeLog(renderPlan(plan, 'text'));
        expect(JSON.parse(renderPlan(plan, 'json'))).toEqual(JSON.parse(JSON.stringify(plan)));

        const report = reportOf(plan, s[5]!);
        expectSafeMarkdown(renderApplyReport(report, 'markdown', { title: s[4]! }));
        expectSafeLog(renderApplyReport(report, 'text'));

        // Log lines as the action (core.info) and the CLI (stdout) write them.
        expect(neutralizeWorkflowCommands(s.join('\n')).split('\n').filter((l) => /^\s*(::|##\[)/.test(l))).toEqual([]);

        // Annotations: core escapes each into exactly one `::error`/`::warning` line.
        const annotations: string[] = [];
        const io = {
          error: (message: string, props: core.AnnotationProperties) => annotations.push(captureStdout(() => core.error(message, props))),
          warning: (message: string, props: core.AnnotationProperties) => annotations.push(captureStdout(() => core.warning(message, props))),
        } as unknown as ActionIo;
        annotateFindings(io, plan, '/work');
        expect(annotations.length).toBeGreaterThan(0);
        for (const line of annotations) expect(line).toMatch(/^::(error|warning)[^\n]*\n$/);
      }),
      { numRuns: 25 },
    );
  });
});
