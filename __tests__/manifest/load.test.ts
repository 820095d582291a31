import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EksIdentityError } from '../../src/errors.js';
import { loadManifest } from '../../src/manifest/index.js';
import { yaml } from './yaml-text.js';

const CLUSTERS = yaml`
  version: 1
  clusters:
    - { name: prod, region: us-east-1 }
`;
const ASSOCIATION = (sa: string) => yaml`
  version: 1
  podIdentityAssociations:
    - { namespace: app, serviceAccount: ${sa}, roleName: App }
`;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'eks-identity-load-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(relative: string, text: string): void {
  const full = join(root, relative);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
}

async function notFound(pattern: string): Promise<EksIdentityError> {
  const error: unknown = await loadManifest(pattern, { cwd: root }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!EksIdentityError.is(error)) throw new Error(`expected an EksIdentityError, got ${String(error)}`);
  return error;
}

describe('GIVEN a single manifest file', () => {
  it('WHEN loaded by a path relative to cwd THEN files and diagnostics name it relative to cwd', async () => {
    write('eks-identity.yaml', `${CLUSTERS}prune: maybe\n`);
    const loaded = await loadManifest('eks-identity.yaml', { cwd: root });
    expect(loaded.files).toEqual(['eks-identity.yaml']);
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics.map((d) => [d.code, d.location])).toEqual([['INVALID_VALUE', { file: 'eks-identity.yaml', line: 4, column: 8 }]]);
  });

  it('WHEN loaded by an absolute path THEN it is the same manifest', async () => {
    write('conf/m.yml', CLUSTERS);
    const loaded = await loadManifest(join(root, 'conf/m.yml'), { cwd: root });
    expect(loaded.files).toEqual(['conf/m.yml']);
    expect(loaded.ok).toBe(true);
    expect(loaded.manifest.clusters.map((c) => c.value.name)).toEqual(['prod']);
  });
});

describe('GIVEN a directory of manifests', () => {
  it('WHEN loaded THEN its *.yaml and *.yml files are read in name order, other files and subdirectories ignored', async () => {
    write('m/b.yml', ASSOCIATION('b'));
    write('m/a.yaml', CLUSTERS);
    write('m/c.yaml', ASSOCIATION('c'));
    write('m/README.md', '# not a manifest');
    write('m/old.yaml.bak', 'not: yaml: at: all');
    write('m/nested/d.yaml', ASSOCIATION('d'));
    mkdirSync(join(root, 'm/looks-like.yaml'));
    const loaded = await loadManifest('m', { cwd: root });
    expect(loaded.files).toEqual(['m/a.yaml', 'm/b.yml', 'm/c.yaml']);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.manifest.podIdentityAssociations.map((a) => a.value.serviceAccount)).toEqual(['b', 'c']);
  });

  it('WHEN two files declare the same cluster THEN the error names both files by their relative path', async () => {
    write('m/a.yaml', CLUSTERS);
    write('m/b.yaml', CLUSTERS);
    const loaded = await loadManifest('m', { cwd: root });
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics).toHaveLength(1);
    expect(loaded.diagnostics[0]).toMatchObject({
      code: 'DUPLICATE_CLUSTER',
      location: { file: 'm/b.yaml', line: 3, column: 5 },
      related: [{ file: 'm/a.yaml', line: 3, column: 5 }],
    });
  });

  it('WHEN one file is broken THEN the others are still checked and every file is listed', async () => {
    write('m/a.yaml', CLUSTERS);
    write('m/b.yaml', 'version: 1\npodIdentityAssociations: [\n');
    write('m/c.yaml', ASSOCIATION('Bad_Name'));
    const loaded = await loadManifest('m', { cwd: root });
    expect(loaded.files).toEqual(['m/a.yaml', 'm/b.yaml', 'm/c.yaml']);
    expect(loaded.diagnostics.map((d) => [d.location.file, d.code])).toEqual([
      ['m/b.yaml', 'YAML_SYNTAX'],
      ['m/c.yaml', 'INVALID_SERVICE_ACCOUNT'],
    ]);
  });
});

describe('GIVEN a glob', () => {
  beforeEach(() => {
    write('teams/clusters.yaml', CLUSTERS);
    write('teams/a/app.yaml', ASSOCIATION('a'));
    write('teams/b/deep/app.yaml', ASSOCIATION('b'));
    write('teams/b/notes.txt', 'x');
    write('node_modules/pkg/app.yaml', ASSOCIATION('vendored'));
  });

  it('WHEN it uses ** THEN files at any depth match, sorted, and node_modules is skipped', async () => {
    const loaded = await loadManifest('**/*.yaml', { cwd: root });
    expect(loaded.files).toEqual(['teams/a/app.yaml', 'teams/b/deep/app.yaml', 'teams/clusters.yaml']);
    expect(loaded.ok).toBe(true);
  });

  it('WHEN it uses * and ? THEN they match within one directory level only', async () => {
    expect((await loadManifest('teams/*.yaml', { cwd: root })).files).toEqual(['teams/clusters.yaml']);
    expect((await loadManifest('teams/?/app.yaml', { cwd: root })).files).toEqual(['teams/a/app.yaml']);
  });

  it('WHEN it uses {a,b} THEN each alternative matches', async () => {
    expect((await loadManifest('teams/{a,b}/**/app.yaml', { cwd: root })).files).toEqual(['teams/a/app.yaml', 'teams/b/deep/app.yaml']);
  });

  it('WHEN files or directories start with a dot THEN only a pattern that spells the dot matches them', async () => {
    write('teams/.hidden.yaml', ASSOCIATION('hidden'));
    write('.config/app.yaml', ASSOCIATION('dotdir'));
    expect((await loadManifest('**/*.yaml', { cwd: root })).files).toEqual(['teams/a/app.yaml', 'teams/b/deep/app.yaml', 'teams/clusters.yaml']);
    expect((await loadManifest('.config/*.yaml', { cwd: root })).files).toEqual(['.config/app.yaml']);
  });

  it('WHEN a directory is a symbolic link THEN the files behind it match under the link path', async () => {
    symlinkSync(join(root, 'teams', 'a'), join(root, 'teams', 'linked'), 'dir');
    expect((await loadManifest('teams/*/app.yaml', { cwd: root })).files).toEqual(['teams/a/app.yaml', 'teams/linked/app.yaml']);
  });

  it('WHEN the pattern is absolute THEN it matches the same files, named relative to cwd', async () => {
    expect((await loadManifest(join(root, 'teams/*/app.yaml'), { cwd: root })).files).toEqual(['teams/a/app.yaml']);
  });

  it('WHEN it starts with ./ THEN it matches the same files', async () => {
    expect((await loadManifest('./teams/**/app.yaml', { cwd: root })).files).toEqual(['teams/a/app.yaml', 'teams/b/deep/app.yaml']);
  });
});

describe('GIVEN a path that holds no manifest', () => {
  it('WHEN the file does not exist THEN MANIFEST_NOT_FOUND is thrown with a fix', async () => {
    const error = await notFound('missing.yaml');
    expect(error.code).toBe('MANIFEST_NOT_FOUND');
    expect(error.source).toBe('user');
    expect(error.message).toContain('missing.yaml');
    expect(error.fix).toContain('--manifest');
  });

  it('WHEN the directory has no YAML file THEN MANIFEST_NOT_FOUND says so', async () => {
    write('empty/readme.md', 'x');
    const error = await notFound('empty');
    expect(error.code).toBe('MANIFEST_NOT_FOUND');
    expect(error.message).toContain('no *.yaml or *.yml file');
  });

  it('WHEN the glob matches nothing THEN MANIFEST_NOT_FOUND says so', async () => {
    const error = await notFound('nowhere/**/*.yaml');
    expect(error.code).toBe('MANIFEST_NOT_FOUND');
    expect(error.message).toContain('matches no file');
  });
});
