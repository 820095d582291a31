import { describe, expect, it } from '@jest/globals';
import { renderPlan, type PlanFormat } from '../../src/render/index.js';
import { golden, mixedPlan, noChangePlan } from './plan-fixtures.js';

describe('renderPlan golden files (UPDATE_GOLDEN=1 rewrites them)', () => {
  const plan = mixedPlan();

  it('GIVEN the fixture plan THEN it has every action and severity, so the goldens cover them all', () => {
    expect(plan.summary).toMatchObject({ create: expect.any(Number), update: expect.any(Number), replace: 1, delete: 2 });
    for (const action of ['create', 'update', 'unmanaged'] as const) expect(plan.summary[action]).toBeGreaterThan(0);
    expect(plan.summary.errors).toBeGreaterThan(0);
    expect(plan.summary.warnings).toBeGreaterThan(0);
    expect(plan.clusters.map((c) => c.name)).toEqual(['prod', 'prod-cn', 'staging']);
  });

  const formats: [string, PlanFormat][] = [
    ['plan.md', 'markdown'],
    ['plan.txt', 'text'],
    ['plan.json', 'json'],
  ];
  it.each(formats)('GIVEN the fixture plan WHEN rendered THEN %s matches', (file, format) => {
    const { expected, actual } = golden(file, renderPlan(plan, format));
    expect(actual).toBe(expected);
  });

  it('GIVEN the fixture plan WHEN rendered as coloured text THEN plan.color.txt matches and the colour codes are only added', () => {
    const coloured = renderPlan(plan, 'text', { color: true });
    const { expected, actual } = golden('plan.color.txt', coloured);
    expect(actual).toBe(expected);
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(renderPlan(plan, 'text'));
  });

  it('GIVEN the fixture plan WHEN rendered as JSON THEN it parses back to the Plan object', () => {
    expect(JSON.parse(renderPlan(plan, 'json'))).toEqual(JSON.parse(JSON.stringify(plan)));
  });

  const quiet: [string, PlanFormat][] = [
    ['no-changes.md', 'markdown'],
    ['no-changes.txt', 'text'],
  ];
  it.each(quiet)('GIVEN a plan with nothing to do WHEN rendered THEN %s is a short "No changes" message', (file, format) => {
    const text = renderPlan(noChangePlan(), format);
    const { expected, actual } = golden(file, text);
    expect(actual).toBe(expected);
    expect(text).toMatch(/No changes/);
    expect(text.split('\n').length).toBeLessThanOrEqual(12);
    expect(text).not.toMatch(/\| action \|/);
  });
});
