import type { Plan } from '../../src/model/plan.js';
import { addPodIdentityTrust } from '../../src/migrate/trust-policy.js';
import { renderMigrationNotes } from '../../src/migrate/render.js';
import { renderPlan } from '../../src/render/index.js';
import { trustPolicyChange, withMigrationChanges } from '../../src/migrate/migration-plan.js';
import { fingerprintPlan } from '../../src/plan/index.js';
import { withClusterFingerprints } from '../../src/plan/fingerprint.js';

const before = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/X' }, Action: 'sts:AssumeRoleWithWebIdentity' }],
};
const after = addPodIdentityTrust(before).document;

const emptyPlan: Plan = {
  version: 1,
  fingerprint: 'x',
  summary: { create: 0, update: 0, replace: 0, delete: 0, unmanaged: 0, errors: 0, warnings: 0 },
  clusters: withClusterFingerprints([{ name: 'prod', region: 'us-east-1', changes: [], findings: [] }]),
};

describe('migration rendering', () => {
  it('GIVEN a plan with a trust policy gaining the Pod Identity statement WHEN rendered THEN text and Markdown show a line diff in which only added lines carry +', () => {
    const plan = withMigrationChanges(emptyPlan, 'prod', [trustPolicyChange({ roleArn: 'arn:aws:iam::111122223333:role/app', before, after, serviceAccounts: ['ns/sa'], length: 300 })], []);
    const text = renderPlan(plan, 'text');
    const diff = text.split('\n').filter((l) => /^ {10}[-+ ] /.test(l)).map((l) => l.slice(10));
    expect(diff.filter((l) => l.startsWith('- '))).toEqual([]);
    expect(diff.filter((l) => l.startsWith('+ '))).toEqual([
      '+     },',
      '+     {',
      '+       "Sid": "AllowEksPodIdentity",',
      '+       "Effect": "Allow",',
      '+       "Principal": {',
      '+         "Service": "pods.eks.amazonaws.com"',
      '+       },',
      '+       "Action": [',
      '+         "sts:AssumeRole",',
      '+         "sts:TagSession"',
      '+       ]',
    ]);
    const md = renderPlan(plan, 'markdown');
    expect(md).toContain('<code>trustPolicy/arn:aws:iam::111122223333:role/app</code>: <code>document</code></summary>');
    expect(md).toContain('```diff\n');
    expect(plan.summary.update).toBe(1);
    expect(plan.fingerprint).toBe(fingerprintPlan(plan.clusters));
    expect(plan.fingerprint).not.toBe(fingerprintPlan(emptyPlan.clusters));
  });

  it('GIVEN not-convertible items and findings WHEN rendered as text THEN each has its location, reason and fix', () => {
    const text = renderMigrationNotes(
      [{ origin: 'mapAccounts', subject: '444455556666', reason: 'an access entry names one principal', fix: 'one entry per principal', source: { file: 'cm.yaml', line: 8, column: 7 } }],
      [{ severity: 'warning', code: 'AWS_AUTH_ROLE_PATH_UNKNOWN', message: 'verify', fix: 'run online', source: { file: 'cm.yaml', line: 3, column: 16 } }],
      'text',
    );
    expect(text).toBe(
      [
        'Not converted (1):',
        '  - 444455556666 (cm.yaml:8:7): an access entry names one principal — one entry per principal',
        '',
        'Findings (1):',
        '  cm.yaml:3:16: warning AWS_AUTH_ROLE_PATH_UNKNOWN: verify',
        '      fix: run online',
        '',
      ].join('\n'),
    );
  });

  it('GIVEN hostile text from a ConfigMap WHEN rendered as Markdown THEN no markup or HTML gets through', () => {
    const md = renderMigrationNotes(
      [{ origin: 'mapUsers', subject: 'arn:aws:iam::1:user/`x`', reason: '<img src=x onerror=alert(1)> | *bold*', fix: '[click](http://evil)', source: { file: 'cm.yaml', line: 2, column: 3 } }],
      [{ severity: 'warning', code: 'X', message: '<script>alert(1)</script>', fix: '`rm -rf`' }],
      'markdown',
    );
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('[click](');
    expect(md).toContain('&lt;img');
    expect(md).toContain('\\*bold\\*');
  });
});

