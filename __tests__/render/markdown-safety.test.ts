import { describe, expect, it } from '@jest/globals';
import type { Plan } from '../../src/model/plan.js';
import { DEFAULT_MARKDOWN_MAX_LENGTH, renderPlan } from '../../src/render/index.js';
import { cellsOf, outsideCodeSpans } from './markdown-reading.js';
import { desiredAssociation, desiredCluster, desiredEntry, liveAssociation, liveCluster, liveEntry, planAll, roleArn } from '../plan/fixtures.js';

const HOSTILE = 'x|y <script>alert(1)</script> `tick` **bold** *em* [x](https://evil.example) a\\|b\nsecond line <img src=x onerror=alert(1)>';

function hostilePlan(): Plan {
  const principal = roleArn('App');
  return planAll(
    [
      desiredCluster({
        name: 'prod_eu',
        associations: [
          desiredAssociation(HOSTILE, 'sa', { tags: { [HOSTILE]: HOSTILE } }),
          desiredAssociation('ns', HOSTILE, { roleArn: roleArn('Missing') }),
          desiredAssociation(HOSTILE, 'owned'),
        ],
        accessEntries: [desiredEntry(principal, { username: HOSTILE, kubernetesGroups: [HOSTILE] })],
      }),
    ],
    [
      liveCluster({
        name: 'prod_eu',
        // An add-on owned association: its finding's message quotes the namespace as prose.
        associations: [liveAssociation(HOSTILE, 'sa', { tags: { t: HOSTILE } }), liveAssociation(HOSTILE, 'owned', { ownerArn: 'arn:aws:eks:us-east-1:111122223333:addon/prod/x/1' })],
        accessEntries: [liveEntry(principal, { username: 'old' })],
        roles: { [roleArn('Missing')]: null },
      }),
    ],
  );
}

describe('Markdown plan: hostile user text', () => {
  const markdown = renderPlan(hostilePlan(), 'markdown', { title: HOSTILE });

  it('GIVEN namespaces, usernames and tags full of markup WHEN rendered THEN no raw HTML tag survives outside code spans', () => {
    const prose = outsideCodeSpans(markdown);
    expect(prose).not.toMatch(/<script/i);
    expect(prose).not.toMatch(/<img/i);
    // The only tags are the ones the renderer writes.
    const tags = [...prose.matchAll(/<\/?([a-zA-Z]+)/g)].map((m) => m[1]);
    expect(new Set(tags)).toEqual(new Set(['details', 'summary', 'b', 'br']));
    // Where the text does appear as written, it is inside a code span: shown, never read as HTML.
    expect(markdown).toContain('<script>alert(1)</script>');
  });

  it('GIVEN the same WHEN rendered THEN every table row keeps four columns', () => {
    const rows = markdown.split('\n').filter((line) => line.startsWith('|'));
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect({ row, cells: cellsOf(row) }).toEqual({ row, cells: 4 });
  });

  it('GIVEN the same WHEN rendered THEN no link, emphasis or stray line is made from user text', () => {
    // Inside code spans text is literal; everywhere else markup must arrive escaped.
    const outsideCode = outsideCodeSpans(markdown);
    expect(outsideCode).toContain('\\[x\\](https://evil.example)');
    expect(outsideCode).not.toMatch(/(^|[^\\])\[x\]\(/);
    expect(outsideCode).not.toMatch(/(^|[^\\])\*\*bold/);
    expect(outsideCode).not.toMatch(/(^|[^\\])`tick/);
    expect(markdown).not.toMatch(/^second line/m);
    const rows = markdown.split('\n').filter((line) => line.startsWith('| '));
    for (const row of rows) expect(row).not.toMatch(/\n/);
  });

  it('GIVEN a finding keyed by a hostile service account WHEN rendered THEN the key is shown in one code span on one line', () => {
    const row = markdown.split('\n').find((line) => line.includes('`ROLE_NOT_FOUND`'));
    expect(row).toBeDefined();
    // `<` stays as it is: a code span shows `&lt;` literally, and never reads its text as HTML.
    expect(row).toContain('`association/ns/x\\|y <script>alert(1)</script> ˋtickˋ');
  });

  it('GIVEN an underscore in a cluster name WHEN rendered in the section summary (raw HTML) THEN it is shown as written', () => {
    expect(markdown).toContain('<summary><b>prod_eu</b>');
  });

  it('GIVEN terminal escape sequences in user text WHEN rendered as text THEN no control character reaches the terminal', () => {
    const plan = planAll([desiredCluster({ associations: [desiredAssociation('ns', 'sa', { tags: { t: 'a\x1b[2J\x1b[31mred\rb\nc' } })] })], [liveCluster()]);
    const text = renderPlan(plan, 'text');
    // eslint-disable-next-line no-control-regex
    expect(text.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f]/);
  });
});

describe('Markdown plan: truncation', () => {
  function hugePlan(): Plan {
    const associations = Array.from({ length: 3000 }, (_, i) => desiredAssociation('bulk', `service-account-${String(i).padStart(4, '0')}`, { tags: { team: `team-${i % 7}`, 'managed-by': 'eks-identity' } }));
    return planAll(
      [desiredCluster({ associations }), desiredCluster({ name: 'staging', associations: associations.slice(0, 10) })],
      [liveCluster({ associations: associations.slice(0, 1500).map((a) => liveAssociation(a.namespace, a.serviceAccount, { roleArn: roleArn('Old') })) }), liveCluster({ name: 'staging', addons: [] })],
    );
  }

  it('GIVEN a 3,000-change plan WHEN rendered with maxLength 65,536 THEN it fits, closes every section and ends with the notice', () => {
    const plan = hugePlan();
    expect(plan.summary.create + plan.summary.update).toBe(3010);
    const markdown = renderPlan(plan, 'markdown', { maxLength: 65_536, fullPlanHint: 'the job summary of run 42' });
    expect(markdown.length).toBeLessThanOrEqual(65_536);
    expect(markdown.length).toBeGreaterThan(60_000);
    expect((markdown.match(/<details/g) ?? []).length).toBe((markdown.match(/<\/details>/g) ?? []).length);
    expect(markdown.trimEnd()).toMatch(/Plan truncated to fit: \d+ of 3010 changes shown\. See the job summary of run 42 for the full plan\.$/);
    const shown = Number(/truncated to fit: (\d+) of/.exec(markdown)![1]);
    expect(shown).toBe(markdown.split('\n').filter((l) => /^\| (🟢|🟡|🟠|🔴|⚪)/u.test(l)).length);
    // The head survives: summary line and findings come first.
    expect(markdown).toMatch(/^\*\*1510 to create, 1500 to update/m);
  });

  it('GIVEN maxLength larger than the plan WHEN rendered THEN nothing is cut', () => {
    const plan = hugePlan();
    const full = renderPlan(plan, 'markdown', { maxLength: Number.POSITIVE_INFINITY });
    expect(full).not.toMatch(/Plan truncated/);
    expect(renderPlan(plan, 'markdown', { maxLength: full.length })).toBe(full);
  });

  it('GIVEN no maxLength WHEN a 3,000-change plan is rendered THEN it is cut to fit a PR comment, pointing to the job summary', () => {
    const markdown = renderPlan(hugePlan(), 'markdown');
    expect(markdown.length).toBeLessThanOrEqual(DEFAULT_MARKDOWN_MAX_LENGTH);
    expect(DEFAULT_MARKDOWN_MAX_LENGTH).toBeLessThan(65_536);
    expect(markdown.trimEnd()).toMatch(/See the job summary for the full plan\.$/);
  });

  it.each([2_000, 10_000, 30_000])('GIVEN a small maxLength of %i WHEN rendered THEN it still fits with balanced tags', (max) => {
    const markdown = renderPlan(hugePlan(), 'markdown', { maxLength: max });
    expect(markdown.length).toBeLessThanOrEqual(max);
    expect((markdown.match(/<details/g) ?? []).length).toBe((markdown.match(/<\/details>/g) ?? []).length);
    expect(markdown).toMatch(/Plan truncated to fit/);
  });
});

describe('Markdown plan: entry with a hostile principal-like value', () => {
  it('GIVEN a username in an update WHEN rendered THEN the diff shows before and after literally in code spans', () => {
    const plan = planAll([desiredCluster({ accessEntries: [desiredEntry(roleArn('A'), { username: 'a_b*c' })] })], [liveCluster({ accessEntries: [liveEntry(roleArn('A'), { username: 'old' })] })]);
    expect(renderPlan(plan, 'markdown')).toContain('`username`: `old` → `a_b*c`');
  });

  it('GIVEN a field set for the first time WHEN rendered THEN the missing side reads (none), outside code', () => {
    const plan = planAll([desiredCluster({ accessEntries: [desiredEntry(roleArn('A'), { username: 'app' })] })], [liveCluster({ accessEntries: [liveEntry(roleArn('A'))] })]);
    expect(renderPlan(plan, 'markdown')).toContain('`username`: *(none)* → `app`');
  });
});
