import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describeWellKnownPolicy, WELL_KNOWN_POLICY_NAMES } from '../../src/model/well-known-policies/index.js';

/**
 * The npm package as users get it: `npm pack` (which builds lib/ through `prepare`), the tarball
 * installed into an empty project, the CLI run from there. The install is offline: the empty
 * project gets a lock file made of this repository's locked runtime dependencies, so `npm ci
 * --offline` takes every tarball from the npm cache that installing this repository filled.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  license: string;
  bin: Record<string, string>;
  engines: Record<string, string>;
  dependencies: Record<string, string>;
};
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', npm_config_update_notifier: 'false' };

let temp: string;
let project: string;
let installed: string;

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'eks-identity-pack-'));
  const { stdout } = await run('npm', ['pack', '--pack-destination', temp, '--json'], { cwd: root, env, maxBuffer: 16 * 1024 * 1024 });
  const tarball = (JSON.parse(stdout) as Array<{ filename: string }>)[0]!.filename;
  project = join(temp, 'project');
  installed = join(project, 'node_modules', 'eks-identity');
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const spec = `file:../${tarball}`;
  const packages: Record<string, unknown> = {
    '': { name: 'empty-project', version: '1.0.0', dependencies: { 'eks-identity': spec } },
    'node_modules/eks-identity': {
      version: rootPackage.version,
      resolved: spec,
      license: rootPackage.license,
      dependencies: rootPackage.dependencies,
      bin: rootPackage.bin,
      engines: rootPackage.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path !== '' && !entry.dev) packages[path] = entry;
  await run('mkdir', ['-p', project]);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'empty-project', version: '1.0.0', private: true, dependencies: { 'eks-identity': spec } }));
  await writeFile(join(project, 'package-lock.json'), JSON.stringify({ name: 'empty-project', version: '1.0.0', lockfileVersion: 3, requires: true, packages }));
  await run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: project, env });
}, 180_000);
afterAll(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
});

const npx = (args: string[]) => run('npx', ['--offline', 'eks-identity', ...args], { cwd: project, env });
/** The installed bin without npx's start-up cost, for the many --help calls. */
const cli = (args: string[]) => run(process.execPath, [join(project, 'node_modules', '.bin', 'eks-identity'), ...args], { cwd: project, env });

/** Paths into the package that a text names: docs/…, examples/…, schema/…, with no trailing dot. */
// Not a path inside another path or a URL (a cited upstream file such as content/docs/…/route53.md).
const packagePaths = (text: string) => [...text.matchAll(/(?<![\w./-])((?:docs|examples|schema)\/[\w./-]*[\w/])/g)].map((m) => m[1]!);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the npm package, installed from its tarball into an empty project', () => {
  it('GIVEN npx eks-identity demo THEN it plans the bundled example against the emulator', async () => {
    const { stdout, stderr } = await npx(['demo']);
    expect(stderr).toContain(`manifest ${join(installed, 'examples', 'manifests', 'platform.yaml')}`);
    expect(stdout).toMatch(/^Plan: \d+ to create/m);
    expect(stdout).toContain('Cluster prod-cn (cn-north-1');
  }, 60_000);

  it('GIVEN every --help text THEN each path it gives exists in the installed package', async () => {
    const { stdout: help } = await cli(['--help']);
    const commands = [...help.matchAll(/^ {2}([a-z-]+) {2,}/gm)].map((m) => m[1]!);
    expect(commands).toEqual(expect.arrayContaining(['validate', 'plan', 'apply', 'demo', 'emulator', 'migrate-irsa']));
    const texts = await Promise.all(commands.map(async (command) => (await cli([command, '--help'])).stdout));
    const paths = [...new Set(texts.flatMap(packagePaths))];
    expect(paths).toEqual(expect.arrayContaining(['docs/emulator.md', 'docs/migration.md', 'examples/emulator/demo.json', 'examples/manifests/platform.yaml']));
    for (const path of paths) expect([path, existsSync(join(installed, path))]).toEqual([path, true]);
  }, 90_000);

  it('GIVEN the messages compiled into lib/ THEN every docs/ and examples/ path they name is shipped', () => {
    // The well-known policies cite their upstream sources by file (docs/install/iam_policy.json of the
    // load balancer controller…): those are other projects' paths, not this package's.
    const cited = new Set(WELL_KNOWN_POLICY_NAMES.flatMap((name) => packagePaths(describeWellKnownPolicy(name)!.sourceVersion)));
    expect(cited.size).toBeGreaterThan(0);
    const named = new Set(filesUnder(join(installed, 'lib')).filter((f) => f.endsWith('.js')).flatMap((f) => packagePaths(readFileSync(f, 'utf8'))).filter((p) => !cited.has(p)));
    expect(named.size).toBeGreaterThan(0);
    for (const path of named) expect([path, existsSync(join(installed, path))]).toEqual([path, true]);
  });

  it('GIVEN the README and docs THEN every relative link they hold resolves inside the installed package', async () => {
    const documents = ['README.md', ...readdirSync(join(installed, 'docs')).map((f) => `docs/${f}`)];
    let links = 0;
    for (const document of documents) {
      const text = await readFile(join(installed, document), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target!)) continue;
        links += 1;
        const path = resolve(dirname(join(installed, document)), target!.replace(/#.*$/, ''));
        expect([document, target, existsSync(path)]).toEqual([document, target, true]);
      }
    }
    expect(links).toBeGreaterThan(10);
  });

  it('GIVEN the installed package THEN the library entry and the schema export resolve', async () => {
    const script = "const m = await import('eks-identity'); const s = await import('eks-identity/schema/manifest.schema.json', { with: { type: 'json' } }); console.log(typeof m.computePlan, typeof m.listManifestClusters, s.default.title)";
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: project, env });
    expect(stdout.trim()).toBe('function function eks-identity manifest v1');
  });
});
