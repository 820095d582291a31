import { describe, expect, it } from '@jest/globals';
import { readSettings, splitList } from '../../src/action/inputs.js';
import { EksIdentityError } from '../../src/errors.js';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('readSettings', () => {
  it('GIVEN no inputs THEN the documented defaults', () => {
    expect(readSettings(reader({}))).toEqual({
      manifest: 'eks-identity.yaml',
      mode: 'auto',
      clusters: [],
      githubToken: '',
      onPlanChange: 'fail',
      comment: true,
      labels: false,
      allowLockout: false,
    });
  });

  it('GIVEN every input THEN each is parsed', () => {
    const settings = readSettings(
      reader({
        manifest: ' manifests/ ',
        mode: 'migrate-aws-auth',
        clusters: 'prod, prod-cn\nstaging,prod',
        'github-token': 'ghs_x',
        prune: 'true',
        'max-deletes': '3',
        'on-plan-change': 'warn',
        comment: 'false',
        labels: 'true',
        'allow-lockout': 'True',
        configmap: 'aws-auth.yaml',
        'migration-path': 'eks/migrated.yaml',
        timeout: '10m',
      }),
    );
    expect(settings).toEqual({
      manifest: 'manifests/',
      mode: 'migrate-aws-auth',
      clusters: ['prod', 'prod-cn', 'staging'],
      githubToken: 'ghs_x',
      prune: true,
      maxDeletes: 3,
      onPlanChange: 'warn',
      comment: false,
      labels: true,
      allowLockout: true,
      configmap: 'aws-auth.yaml',
      migrationPath: 'eks/migrated.yaml',
      timeoutMs: 600_000,
    });
  });

  it('GIVEN several invalid inputs THEN one error names every input and the fix', () => {
    let caught: unknown;
    try {
      readSettings(reader({ mode: 'destroy', prune: 'yes', 'max-deletes': '-1', 'on-plan-change': 'ignore', timeout: 'forever' }));
    } catch (error) {
      caught = error;
    }
    expect(EksIdentityError.is(caught)).toBe(true);
    const error = caught as EksIdentityError;
    expect(error.code).toBe('ACTION_INPUT_INVALID');
    expect(error.message).toContain('input "mode" must be one of auto, plan, apply, drift, migrate-irsa, migrate-aws-auth, export (got "destroy")');
    expect(error.message).toContain('input "prune" must be true or false or owned (got "yes")');
    expect(error.message).toContain('input "max-deletes" must be a non-negative integer (got "-1")');
    expect(error.message).toContain('input "on-plan-change" must be one of fail, warn');
    expect(error.message).toContain('input "timeout" must be a positive number of seconds, or a number with s, m or h (got "forever")');
    expect(error.fix).toContain('with:');
  });

  it('GIVEN prune: owned THEN the setting is the owned prune mode', () => {
    expect(readSettings(reader({ prune: 'owned' })).prune).toBe('owned');
    expect(readSettings(reader({})).prune).toBeUndefined();
  });

  it('GIVEN migrate-aws-auth without a configmap THEN the error names the configmap input', () => {
    expect(() => readSettings(reader({ mode: 'migrate-aws-auth' }))).toThrow('input "configmap" is required with mode migrate-aws-auth');
  });

  it('GIVEN list separators and blanks WHEN split THEN trimmed unique names', () => {
    expect(splitList(' a ,\n\nb,a,, ')).toEqual(['a', 'b']);
  });
});
