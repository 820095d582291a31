/**
 * The YAML a reader copies from the README and docs/: every block parses (an unquoted `${...}` in a
 * flow list, the commonest manifest mistake, must not be in an example), and every block that is a
 * whole manifest validates with no error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifestText } from '../../src/manifest/index.js';
import { parseYamlSource } from '../../src/manifest/yaml-source.js';

const root = process.cwd();
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

const blocks = pages.flatMap((page) =>
  [...readFileSync(join(root, page), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m, i) => ({ name: `${page} block ${i + 1}`, text: m[1]! })),
);
const manifests = blocks.filter((b) => /^version: 1$/m.test(b.text) && /^clusters:/m.test(b.text));

describe('GIVEN the YAML examples of the README and docs/', () => {
  it('THEN there are examples, and some are whole manifests', () => {
    expect(blocks.length).toBeGreaterThan(20);
    expect(manifests.length).toBeGreaterThan(3);
  });

  it.each(blocks.map((b) => [b.name, b.text] as const))('WHEN %s is parsed THEN it is YAML without syntax errors', (name, text) => {
    const errors = parseYamlSource(text, name).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.location.line}:${d.location.column} ${d.message}`)).toEqual([]);
  });

  it.each(manifests.map((b) => [b.name, b.text] as const))('WHEN %s, a whole manifest, is validated THEN it has no error', (name, text) => {
    const errors = parseManifestText(text, name).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.location.line}:${d.location.column} ${d.code} ${d.message}`)).toEqual([]);
  });
});
