/**
 * The README's library example, run as written against the emulator. The code block is read from
 * README.md and executed with the package's exports; only the surroundings differ: the manifest
 * directory lives in a temporary directory and AWS is the emulator (what a user gets from the
 * working directory and the AWS_* environment).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as emulatorEntry from '../src/emulator/index.js';
import * as library from '../src/index.js';
import { CREDENTIALS, roleArn, stateOf } from './plan/emulator-world.js';

type PlanRequest = library.PlanRequest;

function readmeExample(): { names: string[]; body: string } {
  const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
  const block = /^## Library\n\n```ts\n([\s\S]*?)^```/m.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no ```ts block under "## Library"');
  const imports = /^import \{([^}]+)\} from 'eks-identity';\n/m.exec(block);
  if (!imports) throw new Error("the README example does not import from 'eks-identity'");
  return { names: imports[1]!.split(',').map((n) => n.trim()), body: block.replace(imports[0], '') };
}

/** Runs the example with `cwd` as working directory; returns what it logged and the exit code it set. */
async function runExample(cwd: string, endpoint: string): Promise<{ logged: string; exitCode: number | undefined }> {
  const { names, body } = readmeExample();
  const exports = library as unknown as Record<string, unknown>;
  const aws = { endpoints: { eks: endpoint, iam: endpoint, sts: endpoint }, credentials: CREDENTIALS };
  const bindings = names.map((name) => {
    if (!(name in exports)) throw new Error(`the README example imports ${name}, which the library does not export`);
    return name === 'withPlan'
      ? (request: PlanRequest, fn: Parameters<typeof library.withPlan>[1]) => library.withPlan({ ...request, cwd, aws }, fn)
      : exports[name];
  });
  const logged: string[] = [];
  const fakeConsole = { log: (...args: unknown[]) => logged.push(args.join(' ')) };
  const fakeProcess: { exitCode: number | undefined } = { exitCode: undefined };
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction(...names, 'console', 'process', body)(...bindings, fakeConsole, fakeProcess);
  return { logged: logged.join('\n'), exitCode: fakeProcess.exitCode };
}

describe('README library example', () => {
  let emulator: emulatorEntry.EmulatorHandle;
  let dir: string;
  const project = async (name: string, manifest: string) => {
    const cwd = join(dir, name);
    await mkdir(join(cwd, 'identity'), { recursive: true });
    await writeFile(join(cwd, 'identity', 'prod.yaml'), manifest);
    return cwd;
  };

  beforeAll(async () => {
    emulator = await emulatorEntry.startEmulator({
      state: stateOf(['KarpenterController'], [{ name: 'prod', region: 'us-east-1', addons: [{ name: 'eks-pod-identity-agent' }], podIdentityAssociations: [{ namespace: 'app', serviceAccount: 'web', roleArn: roleArn('KarpenterController') }] }]),
    });
    dir = await mkdtemp(join(tmpdir(), 'eks-identity-library-'));
  });
  afterAll(async () => {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN a manifest directory identity/ WHEN the README example runs THEN it prints the plan and leaves the exit code alone', async () => {
    const cwd = await project('ok', 'version: 1\nclusters: [{ name: prod, region: us-east-1 }, { name: staging, region: us-east-1 }]\npodIdentityAssociations:\n  - { namespace: karpenter, serviceAccount: karpenter, roleName: KarpenterController }\n');
    const { logged, exitCode } = await runExample(cwd, emulator.endpoint);
    expect(logged).toMatch(/^Plan: 1 to create, 0 to update, 0 to replace, 0 to delete\./);
    expect(logged).toContain('+ create association karpenter/karpenter');
    // clusters: ['prod'] in the example: staging is not planned.
    expect(logged).not.toContain('staging');
    expect(exitCode).toBeUndefined();
  });

  it('GIVEN a manifest with an error finding WHEN the README example runs THEN it sets exit code 1', async () => {
    const cwd = await project('broken', 'version: 1\nclusters: [{ name: prod, region: us-east-1 }]\npodIdentityAssociations:\n  - { namespace: karpenter, serviceAccount: karpenter, roleName: NoSuchRole }\n');
    const { logged, exitCode } = await runExample(cwd, emulator.endpoint);
    expect(logged).toContain('error ROLE_NOT_FOUND');
    expect(exitCode).toBe(1);
  });

  it('GIVEN the library entry WHEN imported THEN the operations and the pure pieces are functions, and the emulator is its own entry', () => {
    for (const name of ['plan', 'withPlan', 'apply', 'migrateIrsa', 'migrateAwsAuth', 'exportCluster', 'renderPlan', 'computePlan', 'loadManifest', 'expandManifest'] as const) {
      expect(typeof library[name]).toBe('function');
    }
    expect('startEmulator' in library).toBe(false);
    expect(typeof emulatorEntry.startEmulator).toBe('function');
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { exports: Record<string, { import?: string }> };
    expect(pkg.exports['./emulator']?.import).toBe('./lib/emulator/index.js');
  });
});
