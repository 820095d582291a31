/**
 * docs/well-known-policies.md against the catalog: a section per entry that cites the entry's
 * source and names its parameters, manifest snippets the catalog accepts, the size table as
 * measured, and a link from the README.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { policyLength } from '../../../src/model/iam-limits.js';
import { requiredParams } from './samples.js';
import { checkWellKnownParameters, describeWellKnownPolicy, expandWellKnownPolicy, WELL_KNOWN_POLICY_NAMES } from '../../../src/model/well-known-policies/index.js';

const DOC = readFileSync(join(process.cwd(), 'docs', 'well-known-policies.md'), 'utf8');

/** The text under `## \`name\`` up to the next level-2 heading; undefined when there is no such section. */
function sectionOf(name: string): string | undefined {
  const start = DOC.indexOf(`\n## \`${name}\`\n`);
  if (start < 0) return undefined;
  const next = DOC.indexOf('\n## ', start + 1);
  return DOC.slice(start, next < 0 ? undefined : next);
}

/** Every `wellKnownPolicies` item in the page's YAML blocks, as written or with the manifest's variables expanded as for a cluster. */
function snippetItems(expandVariables: boolean): unknown[] {
  const vars: Record<string, string> = { partition: 'aws', accountId: '111122223333', region: 'us-east-1', cluster: 'prod' };
  const items: unknown[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'wellKnownPolicies' && Array.isArray(value)) items.push(...value);
        else visit(value);
      }
    }
  };
  // As the manifest loader does: YAML first, then our variables in the strings (IAM's, `${aws:...}`, stay).
  const expand = (node: unknown): unknown => {
    if (typeof node === 'string') return node.replace(/\$\{(\w+)\}/g, (all, v: string) => vars[v] ?? all);
    if (Array.isArray(node)) return node.map(expand);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, expand(v)]));
    return node;
  };
  for (const m of DOC.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    const parsed: unknown = parse(m[1]!, { prettyErrors: true });
    visit(expandVariables ? expand(parsed) : parsed);
  }
  return items;
}

describe('GIVEN docs/well-known-policies.md', () => {
  it.each(WELL_KNOWN_POLICY_NAMES)('WHEN %s is looked up THEN its section cites its source, names each parameter and shows it in a manifest snippet', (name) => {
    const section = sectionOf(name);
    expect([name, section !== undefined]).toEqual([name, true]);
    const description = describeWellKnownPolicy(name)!;
    expect(section).toContain(`](${description.source})`);
    expect(section).toContain('Source:');
    // The upstream commit the statements follow is the one the page names.
    for (const commit of description.sourceVersion.match(/\b[0-9a-f]{7}\b/g) ?? []) expect([name, section!.includes(`\`${commit}\``)]).toEqual([name, true]);
    for (const p of description.parameters) expect([name, section!.includes(`| \`${p.name}\` |`)]).toEqual([name, true]);
    if (description.parameters.length === 0) expect(section).toContain('Parameters: none.');
    expect(section).toMatch(new RegExp('```yaml[\\s\\S]*\\b' + name + '\\b[\\s\\S]*```'));
  });

  it.each([false, true])('WHEN its manifest snippets are read (variables expanded: %s) THEN every well-known policy item has no problem in the catalog, and every entry appears', (expandVariables) => {
    const items = snippetItems(expandVariables);
    const names = new Set<string>();
    for (const item of items) {
      const [name, params] = typeof item === 'string' ? [item, {}] : [(item as { name: string }).name, item as Record<string, unknown>];
      names.add(name);
      expect([name, checkWellKnownParameters(name, params)]).toEqual([name, []]);
    }
    expect([...names].sort()).toEqual([...WELL_KNOWN_POLICY_NAMES].sort());
  });

  it('WHEN the size table is read THEN each row gives the measured inline length and managed count (aws-us-gov, cluster prod, required parameters only)', () => {
    for (const name of WELL_KNOWN_POLICY_NAMES) {
      const row = DOC.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
      expect([name, row !== undefined]).toEqual([name, true]);
      const ctx = { partition: 'aws-us-gov', accountId: '111122223333', region: 'us-gov-west-1', cluster: 'prod' };
      const { inlinePolicies, managedPolicyArns } = expandWellKnownPolicy(name, requiredParams(name), ctx);
      const length = Object.values(inlinePolicies).reduce((sum, doc) => sum + policyLength(doc), 0);
      const cells = row!.split('|').map((c) => c.trim());
      expect([name, cells[2]!.startsWith(length.toLocaleString('en-US'))]).toEqual([name, true]);
      expect([name, cells[3]]).toEqual([name, String(managedPolicyArns.length)]);
    }
    const longest = expandWellKnownPolicy('karpenterController', requiredParams('karpenterController'), { partition: 'aws-us-gov', accountId: '111122223333', region: 'us-gov-west-1', cluster: 'k'.repeat(100) });
    expect(DOC).toContain(`${policyLength(longest.inlinePolicies['eks-identity-karpenterController']).toLocaleString('en-US')} for a 100-character one`);
  });

  it('WHEN the README\'s manifest section is read THEN it links the page', () => {
    const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
    const manifest = readme.slice(readme.indexOf('## The manifest'), readme.indexOf('\n## ', readme.indexOf('## The manifest') + 1));
    expect(manifest).toContain('(docs/well-known-policies.md)');
  });
});
