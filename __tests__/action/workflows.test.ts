import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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
  it('GIVEN the four examples THEN they exist', () => {
    expect(workflows.sort()).toEqual(['apply-on-merge.yml', 'drift.yml', 'migrate.yml', 'plan-on-pr.yml']);
  });

  it.each(workflows)('GIVEN %s THEN every input it passes to eks-identity is declared in action.yml', (file) => {
    const steps = Object.values(load(file).jobs).flatMap((job) => job.steps);
    const ours = steps.filter((s) => s.uses?.startsWith('eks-identity/eks-identity@'));
    expect(ours).toHaveLength(1);
    for (const key of Object.keys(ours[0]!.with ?? {})) expect(Object.keys(actionYml.inputs)).toContain(key);
    const credentials = steps.findIndex((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(credentials).toBeGreaterThanOrEqual(0);
    expect(credentials).toBeLessThan(steps.indexOf(ours[0]!));
  });

  it('GIVEN each workflow THEN it asks for the least permissions its mode needs', () => {
    expect(load('plan-on-pr.yml').permissions).toEqual({ contents: 'read', 'id-token': 'write', 'pull-requests': 'write' });
    expect(load('apply-on-merge.yml').permissions).toEqual({ contents: 'read', 'id-token': 'write', 'pull-requests': 'write' });
    expect(load('drift.yml').permissions).toEqual({ contents: 'read', 'id-token': 'write', issues: 'write' });
    expect(load('migrate.yml').permissions).toEqual({ contents: 'write', 'id-token': 'write', 'pull-requests': 'write' });
    expect(load('apply-on-merge.yml').concurrency).toEqual({ group: 'eks-identity-apply', 'cancel-in-progress': false });
  });

  it('GIVEN all examples WHEN linted with actionlint THEN there are no findings', async () => {
    const cli = join(root, 'node_modules', '@tktco', 'node-actionlint', 'bin', 'node-actionlint.js');
    // The CLI takes one glob and expands it itself.
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'examples/workflows/*.yml'], { cwd: root });
    expect(stdout).toContain(`Checking ${workflows.length} workflow file(s)`);
    expect(stdout).toContain('passed lint checks');
  });
});
