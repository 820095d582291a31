import type { Change } from '../../src/model/plan.js';
import { renderPlanMarkdown } from '../../src/render/markdown.js';
import { fenceFor, policyDiffLines, policyLines } from '../../src/render/policy-document.js';
import { renderPlanText } from '../../src/render/text.js';
import { mixedPlan } from './plan-fixtures.js';

const doc = (actions: string[], resource = 'arn:aws:dynamodb:us-east-1:111122223333:table/orders') =>
  JSON.stringify({ Statement: [{ Action: actions, Effect: 'Allow', Resource: resource }], Version: '2012-10-17' });

const ROLE = 'arn:aws:iam::111122223333:role/orders-api';
const roleValue = (inline: Record<string, string>) => ({
  roleArn: ROLE,
  roleName: 'orders-api',
  path: '/',
  trustPolicy: doc(['sts:AssumeRole', 'sts:TagSession']),
  managedPolicyArns: [],
  inlinePolicies: inline,
  maxSessionDuration: 3600,
  tags: {},
});

function planWith(changes: Change[]) {
  const plan = mixedPlan();
  plan.clusters[0]!.changes.push(...changes);
  return plan;
}

describe('policy documents in a plan', () => {
  it('GIVEN two documents WHEN diffed THEN the unchanged lines carry no mark and each side is recovered from its lines', () => {
    const before = doc(['dynamodb:GetItem']);
    const after = doc(['dynamodb:GetItem', 'dynamodb:Query']);
    const diff = policyDiffLines(before, after);
    expect(diff.filter((l) => !l.startsWith('+ ')).map((l) => l.slice(2))).toEqual(policyLines(before));
    expect(diff.filter((l) => !l.startsWith('- ')).map((l) => l.slice(2))).toEqual(policyLines(after));
    expect(diff).toContain('+         "dynamodb:Query"');
    expect(diff.filter((l) => l.startsWith('  ')).length).toBeGreaterThan(diff.length / 2);
  });

  it('GIVEN a document with backtick runs THEN the fence is longer than the longest run', () => {
    expect(fenceFor(['a ``` b', '`````'])).toBe('``````');
    expect(fenceFor(['no ticks'])).toBe('```');
  });

  it('GIVEN a role update and a create WHEN rendered THEN text shows indented documents and a line diff, and markdown puts them in fenced blocks below the table', () => {
    const hostile = 'x```\n</details><script>alert(1)</script>|::error::boom';
    const update: Change = {
      id: 'role/orders-api',
      kind: 'iamRole',
      action: 'update',
      before: roleValue({ 'read-orders': doc(['dynamodb:GetItem']) }),
      after: roleValue({ 'read-orders': doc(['dynamodb:GetItem', 'dynamodb:Query'], `arn:aws:s3:::${hostile}`) }),
      fields: [{ field: 'inlinePolicy/read-orders', before: doc(['dynamodb:GetItem']), after: doc(['dynamodb:GetItem', 'dynamodb:Query'], `arn:aws:s3:::${hostile}`) }],
    };
    const create: Change = { id: 'role/new-role', kind: 'iamRole', action: 'create', after: roleValue({ 'read-orders': doc(['s3:GetObject']) }) };
    const plan = planWith([update, create]);

    const text = renderPlanText(plan);
    expect(text).toContain('        inlinePolicy/read-orders:\n');
    expect(text).toContain('          +         "dynamodb:Query"');
    expect(text).toMatch(/\n {8}trustPolicy:\n {10}\{\n/);
    expect(text).not.toMatch(/^::error::/m);

    const md = renderPlanMarkdown(plan, { maxLength: Infinity });
    expect(md).toContain('`inlinePolicy/read-orders`: *changed, diff below the table*');
    const block = md.slice(md.indexOf('<code>role/orders-api</code>: <code>inlinePolicy/read-orders</code>'));
    const fence = /\n(`{3,})diff\n/.exec(block)![1]!;
    expect(fence.length).toBeGreaterThan(3);
    const body = block.slice(block.indexOf(`${fence}diff\n`) + fence.length + 5, block.indexOf(`\n${fence}\n`));
    // The hostile text stays inside the fenced block: the block ends at its own fence, after the last line of the document.
    expect(body).toContain('</details><script>');
    expect(body.split('\n').at(-1)).toBe('  }');
    expect(md).toContain('<code>role/new-role</code>: <code>trustPolicy</code></summary>\n\n```json\n{');
  });
});

describe('the safety tests read fenced blocks as GitHub does', () => {
  it('GIVEN fenced blocks THEN their lines are left out, up to the closing fence of at least the same length', async () => {
    const { withoutFencedBlocks } = await import('./markdown-reading.js');
    expect(withoutFencedBlocks(['a', '````diff', '<x>', '```', '````', 'b', '```', 'c'].join('\n'))).toBe(['a', 'b'].join('\n'));
  });
});
