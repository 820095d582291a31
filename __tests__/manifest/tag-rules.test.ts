import { parseManifestText } from '../../src/manifest/index.js';
import { checkPortableTagCharacters } from '../../src/manifest/tag-rules.js';
import { checkIamTags } from '../../src/model/iam-limits.js';
import { yaml } from './yaml-text.js';

describe('tags bound for IAM', () => {
  it('GIVEN tags IAM accepts (letters of any script, digits, spaces, _ . : / = + - @) THEN no problem', () => {
    expect(checkIamTags({ team: 'platform', 'cost center': 'Ä 42', 'a/b:c=d+e-f@g_h.i': '', 日本: 'ok' })).toEqual([]);
  });

  it.each([
    ['a newline in a value', { team: 'a\nb' }, 'TAG_VALUE_INVALID_CHARACTER'],
    ['a backtick in a key', { 'te`am': 'x' }, 'TAG_KEY_INVALID_CHARACTER'],
    ['a pipe and angle brackets', { t: '<b>|' }, 'TAG_VALUE_INVALID_CHARACTER'],
    ['an empty key', { '': 'x' }, 'TAG_KEY_TOO_LONG'],
    ['a 129-character key', { ['k'.repeat(129)]: 'x' }, 'TAG_KEY_TOO_LONG'],
    ['a 257-character value', { k: 'v'.repeat(257) }, 'TAG_VALUE_TOO_LONG'],
    ['the aws: prefix', { 'aws:x': 'y' }, 'RESERVED_TAG_PREFIX'],
  ])('GIVEN %s THEN an error IAM would give', (_name, tags, code) => {
    const problems = checkIamTags(tags);
    expect(problems.map((p) => p.code)).toContain(code);
    // Messages stay one line and show the offending characters escaped.
    for (const p of problems) expect(p.message).not.toMatch(/\n/);
  });

  it('GIVEN 51 tags THEN too many for IAM', () => {
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(checkIamTags(tags).map((p) => p.code)).toEqual(['TOO_MANY_TAGS']);
  });
});

describe('tags on EKS objects', () => {
  it('GIVEN characters outside the set AWS allows across services THEN a warning naming them, not an error', () => {
    const [problem, ...rest] = checkPortableTagCharacters({ note: 'ship it `now` | ::x\n' });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ key: 'note', code: 'TAG_CHARACTERS', severity: 'warning' });
    expect(problem!.message).toContain('"`" "|" "\\n"');
  });

  it('GIVEN a manifest with such a tag WHEN validated THEN a located warning, and the manifest stays valid', () => {
    const loaded = parseManifestText(
      yaml`
        version: 1
        clusters: [{ name: prod, region: us-east-1 }]
        podIdentityAssociations:
          - namespace: app
            serviceAccount: app
            roleName: App
            tags: { "note": "a <b>|c" }
      `,
      'm.yaml',
    );
    expect(loaded.ok).toBe(true);
    const warning = loaded.diagnostics.find((d) => d.code === 'TAG_CHARACTERS');
    expect(warning).toMatchObject({ severity: 'warning', location: { file: 'm.yaml', line: 7 } });
  });
});
