import type { ApplyReport } from '../../src/apply/index.js';
import { renderApplyReport } from '../../src/render/apply-report.js';

const hostile = 'evil|ns<script>`x`*_[link](http://x)\nnext';

const report: ApplyReport = {
  fingerprint: 'abcdef0123456789'.repeat(4),
  results: [
    { clusterName: 'prod', changeId: 'association/karpenter/karpenter', kind: 'podIdentityAssociation', action: 'create', outcome: 'applied', attempts: 1 },
    { clusterName: 'prod', changeId: `association/${hostile}/sa`, kind: 'podIdentityAssociation', action: 'create', outcome: 'adopted', reason: 'the association already existed', attempts: 3 },
    {
      clusterName: 'prod',
      changeId: 'entry/arn:aws:iam::111122223333:role/Admins',
      kind: 'accessEntry',
      action: 'create',
      outcome: 'failed',
      error: { name: 'AccessDeniedException', message: `not allowed ${hostile}`, status: 403, requestId: 'r-1', operation: 'CreateAccessEntry' },
      attempts: 1,
    },
    { clusterName: 'staging', changeId: 'association/old/sa', kind: 'podIdentityAssociation', action: 'delete', outcome: 'skipped', reason: 'the max-deletes limit of 0 was reached in this run', attempts: 0 },
  ],
  summary: { total: 4, applied: 1, adopted: 1, skipped: 1, failed: 1, ok: false, durationMs: 2500 },
};

describe('renderApplyReport', () => {
  it('GIVEN a mixed report WHEN rendered as text THEN each change shows its outcome and the failure its AWS facts', () => {
    const text = renderApplyReport(report, 'text');
    expect(text).toContain('cluster prod:');
    expect(text).toContain('+   applied create  association/karpenter/karpenter');
    // The mark is the action's (as in the plan), not the outcome's: a skipped delete reads as a delete.
    expect(text).toContain('-   skipped delete  association/old/sa');
    expect(text).toContain('CreateAccessEntry: AccessDeniedException (HTTP 403, request id r-1)');
    expect(text).toMatch(/Apply incomplete \(plan abcdef012345\): 1 applied, 1 adopted, 1 skipped, 1 failed of 4 in 2\.5 s\./);
    expect(text).not.toContain('\x1b[');
    expect(renderApplyReport(report, 'text', { color: true })).toContain('\x1b[31m');
  });

  it('GIVEN hostile user text WHEN rendered as markdown THEN no HTML, link, or table break gets through and failures come first', () => {
    const md = renderApplyReport(report, 'markdown', { title: 'Apply <b>' });
    // Code spans show their text literally; everywhere else markup must be escaped.
    const outsideCode = md.replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toContain('<script>');
    expect(outsideCode).not.toMatch(/(?<!\\)\]\(http/);
    expect(md).toContain('not allowed evil\\|ns&lt;script&gt;');
    expect(md.startsWith('### Apply &lt;b&gt;')).toBe(true);
    for (const row of md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| outcome'))) {
      expect(row.split(/(?<!\\)\|/).length).toBe(8);
    }
    expect(md.indexOf('❌ failed')).toBeLessThan(md.indexOf('<details'));
    expect(md).toContain('<details open><summary><b>prod</b>: 1 applied, 1 adopted, 1 failed</summary>');
  });

  it('GIVEN a report WHEN rendered as json THEN it parses back to the same report', () => {
    expect(JSON.parse(renderApplyReport(report, 'json'))).toEqual(report);
  });

  it('GIVEN an empty report THEN a short no-changes line', () => {
    const empty: ApplyReport = { fingerprint: '0'.repeat(64), results: [], summary: { total: 0, applied: 0, adopted: 0, skipped: 0, failed: 0, ok: true, durationMs: 0 } };
    expect(renderApplyReport(empty, 'text')).toBe('Apply of plan 000000000000: no changes to apply.\n');
    expect(renderApplyReport(empty, 'markdown')).toContain('No changes to apply');
  });
});

describe('renderApplyReport: the AWS error once', () => {
  it('GIVEN a failure from applyErrorOf WHEN rendered THEN operation, error name and request id each appear once', async () => {
    const { applyErrorOf } = await import('../../src/apply/index.js');
    const { describeAwsError } = await import('../../src/aws/errors.js');
    const sdkError = Object.assign(new Error('The specified principalArn is invalid: invalid principal'), { name: 'InvalidParameterException', $metadata: { httpStatusCode: 400, requestId: 'req-9' } });
    const error = applyErrorOf(describeAwsError('CreateAccessEntry', 'access entry X on cluster prod', sdkError));
    const text = renderApplyReport(
      { fingerprint: 'a'.repeat(64), results: [{ clusterName: 'prod', changeId: 'entry/X', kind: 'accessEntry', action: 'create', outcome: 'failed', error, attempts: 1 }], summary: { total: 1, applied: 0, adopted: 0, skipped: 0, failed: 1, ok: false, durationMs: 1 } },
      'text',
    );
    const line = text.split('\n').find((l) => l.includes('InvalidParameterException'))!;
    for (const fact of ['CreateAccessEntry', 'InvalidParameterException', 'req-9', 'HTTP 400']) expect(line.split(fact).length - 1).toBe(1);
    expect(line).toContain('The specified principalArn is invalid: invalid principal');
  });
});
