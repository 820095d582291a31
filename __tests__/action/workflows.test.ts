import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import semver from 'semver';
import { parse } from 'yaml';
import { Inputs, Outputs } from '../../src/action/constants.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const actionYml = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
};
const workflowDir = join(root, 'examples', 'workflows');
const workflows = readdirSync(workflowDir).filter((f) => f.endsWith('.yml'));

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: unknown;
  jobs: Record<string, { steps: Step[] }>;
}
const load = (file: string) => parse(readFileSync(join(workflowDir, file), 'utf8')) as Workflow;

describe('action.yml', () => {
  it('GIVEN action.yml THEN its inputs and outputs are exactly the names the code reads and writes', () => {
    expect(Object.keys(actionYml.inputs).sort()).toEqual(Object.values(Inputs).sort());
    expect(Object.keys(actionYml.outputs).sort()).toEqual(Object.values(Outputs).sort());
    expect(actionYml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(actionYml.inputs['github-token']!.default).toBe('${{ github.token }}');
  });
});

describe('example workflows', () => {
  it('GIVEN the examples THEN they exist', () => {
    expect(workflows.sort()).toEqual(['apply-on-merge.yml', 'drift.yml', 'fan-out.yml', 'migrate.yml', 'plan-on-pr.yml']);
  });

  it.each(workflows)('GIVEN %s THEN every input it passes to eks-identity is declared in action.yml, after the credentials step of its job', (file) => {
    const jobs = Object.values(load(file).jobs).filter((job) => job.steps.some((s) => s.uses?.startsWith('eks-identity/eks-identity@')));
    expect(jobs.length).toBeGreaterThanOrEqual(1);
    for (const { steps } of jobs) {
      const ours = steps.filter((s) => s.uses?.startsWith('eks-identity/eks-identity@'));
      expect(ours).toHaveLength(1);
      for (const key of Object.keys(ours[0]!.with ?? {})) expect(Object.keys(actionYml.inputs)).toContain(key);
      const credentials = steps.findIndex((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
      expect(credentials).toBeGreaterThanOrEqual(0);
      expect(credentials).toBeLessThan(steps.indexOf(ours[0]!));
    }
  });

  it('GIVEN fan-out.yml THEN plan and apply run one job per account of the clusters command, the apply in its account\'s environment', () => {
    const fanOut = load('fan-out.yml') as Workflow & { jobs: Record<string, { steps: Step[]; needs?: string; environment?: string; strategy?: { matrix: Record<string, unknown> }; permissions?: Record<string, string> }> };
    expect(fanOut.permissions).toEqual({ contents: 'read' });
    expect(fanOut.jobs.clusters!.steps.at(-1)!.run).toContain('clusters --manifest eks-identity.yaml --by account --format json');
    for (const name of ['plan', 'apply']) {
      const job = fanOut.jobs[name]!;
      expect(job.needs).toBe('clusters');
      expect(job.strategy!.matrix.account).toBe('${{ fromJSON(needs.clusters.outputs.accounts) }}');
      expect(job.steps.find((s) => s.uses?.startsWith('eks-identity/'))!.with!.clusters).toBe('${{ matrix.account.clusters }}');
      expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write', 'pull-requests': 'write' });
    }
    expect(fanOut.jobs.apply!.environment).toBe('account-${{ matrix.account.accountId }}');
  });

  it('GIVEN each workflow THEN it asks for the least permissions its mode needs', () => {
    expect(load('plan-on-pr.yml').permissions).toEqual({ contents: 'read', 'id-token': 'write', 'pull-requests': 'write' });
    expect(load('apply-on-merge.yml').permissions).toEqual({ contents: 'read', 'id-token': 'write', 'pull-requests': 'write' });
    expect(load('drift.yml').permissions).toEqual({ contents: 'read', 'id-token': 'write', issues: 'write' });
    expect(load('migrate.yml').permissions).toEqual({ contents: 'write', 'id-token': 'write', 'pull-requests': 'write' });
    expect(load('apply-on-merge.yml').concurrency).toEqual({ group: 'eks-identity-apply', 'cancel-in-progress': false });
  });

});

const ownDir = join(root, '.github', 'workflows');
const own = readdirSync(ownDir).filter((f) => f.endsWith('.yml'));
const loadOwn = (file: string) => parse(readFileSync(join(ownDir, file), 'utf8')) as Workflow & {
  jobs: Record<string, { steps: Step[]; strategy?: { matrix: Record<string, unknown> }; permissions?: Record<string, string> }>;
};

describe("the repository's own workflows", () => {
  it('GIVEN .github/workflows THEN CI, the self-test, code scanning and the release are there', () => {
    expect(own.sort()).toEqual(['ci.yml', 'codeql.yml', 'release.yml', 'self-test.yml']);
  });

  it('GIVEN ci.yml THEN it runs .ci/run on push and pull_request on every Node major that package.json supports', () => {
    const ci = loadOwn('ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    const job = ci.jobs.check!;
    expect(job.steps.map((s) => s.run).filter(Boolean)).toEqual(['.ci/run']);
    const engines = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    // One job per range of the engines field, on its major (`^22.13.0 || >=24` → 22, 24).
    const majors = engines.split('||').map((range) => String(semver.minVersion(range.trim())!.major));
    expect(job.strategy!.matrix.node).toEqual(majors);
  });

  it('GIVEN the workflows that run this action with uses: ./ THEN every input they pass is declared in action.yml', () => {
    const local = own.flatMap((file) => Object.values(loadOwn(file).jobs).flatMap((job) => job.steps)).filter((s) => s.uses === './');
    expect(local.length).toBeGreaterThanOrEqual(2);
    for (const step of local) for (const key of Object.keys(step.with ?? {})) expect(Object.keys(actionYml.inputs)).toContain(key);
  });

  it('GIVEN release.yml THEN only its job may push tags and mint an OIDC token for npm provenance', () => {
    const release = loadOwn('release.yml');
    expect(release.permissions).toEqual({ contents: 'read' });
    expect(release.jobs.release!.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
    const runs = release.jobs.release!.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm publish --provenance');
    expect(runs).toContain('git push --force origin "refs/tags/$MAJOR"');
    expect(runs).toContain('gh release create');
  });
});

describe('actionlint', () => {
  it('GIVEN the examples and the repository workflows WHEN linted THEN there are no findings', async () => {
    const cli = join(root, 'node_modules', '@tktco', 'node-actionlint', 'bin', 'node-actionlint.js');
    // The CLI takes one glob and expands it itself; .ci/run passes the same one.
    const { stdout } = await promisify(execFile)(process.execPath, [cli, '{examples,.github}/workflows/*.yml'], { cwd: root });
    expect(stdout).toContain(`Checking ${workflows.length + own.length} workflow file(s)`);
    expect(stdout).toContain('passed lint checks');
  });

  it('GIVEN a workflow with an undefined step output WHEN linted THEN actionlint reports it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eks-identity-actionlint-'));
    await mkdir(join(dir, '.github', 'workflows'), { recursive: true });
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ steps.nope.outputs.x }}\n';
    await writeFile(join(dir, '.github', 'workflows', 'broken.yml'), broken);
    const cli = join(root, 'node_modules', '@tktco', 'node-actionlint', 'bin', 'node-actionlint.js');
    const failure = await promisify(execFile)(process.execPath, [cli, '.github/workflows/*.yml'], { cwd: dir }).catch((err: { code: number; stdout: string }) => err);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stdout: string }).stdout).toContain('property "nope" is not defined');
  });
});
