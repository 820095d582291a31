import { readFile } from 'node:fs/promises';
import { FINDINGS } from '../../src/plan/index.js';

describe('README', () => {
  it('GIVEN the planner\'s finding codes THEN the README documents each one with its severity', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    for (const [code, { severity }] of Object.entries(FINDINGS)) {
      expect(readme).toContain(`| \`${code}\` | ${severity} |`);
    }
  });

  it('GIVEN the quick start THEN its two commands are the demo and the tests, each doing its own install', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
  });
});
