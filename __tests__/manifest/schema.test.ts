import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { manifestJsonSchema } from '../../src/manifest/index.js';

const run = promisify(execFile);
const REPO = process.cwd();
const COMMITTED = join(REPO, 'schema', 'manifest.schema.json');
const expectedText = () => `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`;

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; required?: string[]; additionalProperties?: unknown; enum?: unknown[]; const?: unknown };

describe('GIVEN the published JSON Schema', () => {
  const schema = JSON.parse(readFileSync(COMMITTED, 'utf8')) as JsonSchema & Record<string, unknown>;

  it('WHEN compared with the zod definition THEN the committed file is exactly the generated text', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(expectedText());
  });

  it('WHEN read by an editor THEN it is draft-07 with an id and a title', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toMatch(/manifest\.schema\.json$/);
    expect(schema.title).toContain('manifest v1');
  });

  it('WHEN an object has fixed keys THEN unknown keys are refused, as the validator does', () => {
    const objects: Array<[string, JsonSchema]> = [
      ['manifest', schema],
      ['cluster', schema.properties!.clusters!.items!],
      ['defaults', schema.properties!.defaults!],
      ['association', schema.properties!.podIdentityAssociations!.items!],
      ['access entry', schema.properties!.accessEntries!.items!],
      ['access policy', schema.properties!.accessEntries!.items!.properties!.accessPolicies!.items!],
    ];
    for (const [, object] of objects) expect(object.additionalProperties).toBe(false);
    expect(objects.map(([name, o]) => [name, o.required ?? []])).toEqual([
      ['manifest', ['version']],
      ['cluster', ['name', 'region']],
      ['defaults', []],
      ['association', ['namespace', 'serviceAccount']],
      ['access entry', ['principalArn']],
      ['access policy', ['policy']],
    ]);
    expect(schema.properties!.version!.const).toBe(1);
    expect(schema.properties!.accessEntries!.items!.properties!.type!.enum).toEqual(['STANDARD', 'EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX', 'EC2', 'HYBRID_LINUX', 'HYPERPOD_LINUX']);
  });
});

describe('GIVEN scripts/generate-schema.ts', () => {
  let dir: string;
  const script = () => join(dir, 'scripts', 'generate-schema.ts');
  const target = () => join(dir, 'schema', 'manifest.schema.json');
  const tsx = (...args: string[]) =>
    run(join(REPO, 'node_modules', '.bin', 'tsx'), [script(), ...args], { cwd: dir }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  // A copy of the script next to the real sources, so it writes into a temporary schema/ folder.
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'eks-identity-schema-'));
    mkdirSync(join(dir, 'scripts'));
    mkdirSync(join(dir, 'schema'));
    copyFileSync(join(REPO, 'scripts', 'generate-schema.ts'), script());
    symlinkSync(join(REPO, 'src'), join(dir, 'src'));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('WHEN the schema file is stale THEN --check exits 1 with a message naming the fix, and leaves the file alone', async () => {
    writeFileSync(target(), '{}\n');
    const result = await tsx('--check');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('schema/manifest.schema.json is stale');
    expect(result.stderr).toContain('npm run schema');
    expect(readFileSync(target(), 'utf8')).toBe('{}\n');
  });

  it('WHEN the schema file is missing THEN --check exits 1', async () => {
    expect((await tsx('--check')).code).toBe(1);
  });

  it('WHEN run without --check THEN it writes the generated text and --check then passes', async () => {
    expect((await tsx()).code).toBe(0);
    expect(readFileSync(target(), 'utf8')).toBe(expectedText());
    const check = await tsx('--check');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('up to date');
  });
});
