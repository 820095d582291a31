import { readdir, readFile } from 'node:fs/promises';
import { FINDINGS } from '../../src/plan/index.js';

describe('README', () => {
  it('GIVEN the planner\'s finding codes THEN the README documents each one with its severity', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    for (const [code, { severity }] of Object.entries(FINDINGS)) {
      expect(readme).toContain(`| \`${code}\` | ${severity} |`);
    }
  });

  it('GIVEN the codes validate reports (manifest rules and the shared EKS rules) THEN the README lists each one', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const dir = new URL('../../src/manifest/', import.meta.url);
    const sources = [
      ...(await readdir(dir)).map((name) => new URL(name, dir)),
      new URL('../../src/model/api-limits.ts', import.meta.url),
      new URL('../../src/model/access-entry-rules.ts', import.meta.url),
    ];
    const codes = new Set<string>();
    // IAM_* codes are checkIamTags', for tags on IAM roles, which validate does not report.
    for (const file of sources) for (const m of (await readFile(file, 'utf8')).matchAll(/code: '((?!IAM_)[A-Z_]+)'/g)) codes.add(m[1]!);
    expect(codes.size).toBeGreaterThan(40);
    for (const code of codes) expect(readme).toContain(`\`${code}\``);
  });

  it('GIVEN the change kinds of the plan (ResourceKind) THEN the README\'s plan section names each one', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const model = await readFile(new URL('../../src/model/plan.ts', import.meta.url), 'utf8');
    const union = /export type ResourceKind =([^;]*);/.exec(model)![1]!;
    const kinds = [...union.matchAll(/'(\w+)'/g)].map((m) => m[1]!);
    expect(kinds.length).toBeGreaterThan(5);
    const sentence = /Each change has a kind \(([\s\S]*?)\), an action/.exec(readme)![1]!;
    for (const kind of kinds) expect([kind, sentence.includes(`\`${kind}\``)]).toEqual([kind, true]);
  });

  it('GIVEN the quick start THEN its two commands are the demo and the tests, each doing its own install', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
  });
});
