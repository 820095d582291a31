/**
 * Fan-out from the CLI: `clusters --format json` gives the matrix, and a job that applies one
 * cluster checks that cluster's part of the reviewed plan (`clusters[].fingerprint`), so it goes
 * ahead while other clusters' parts move and refuses when its own part moved. Against the
 * emulator through the SDK's endpoint variables, as users run it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { startEmulator, type EmulatorHandle, type EmulatorState } from '../../src/emulator/index.js';
import type { Plan } from '../../src/model/plan.js';
import { isolateAwsEnvironment } from '../apply/emulator-world.js';

const ACCOUNT = '111122223333';
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const state: EmulatorState = {
  version: 1,
  region: 'us-east-1',
  defaultAccessKeyId: 'AKIAFANOUT0000000001',
  identities: { AKIAFANOUT0000000001: role('eks-identity-apply') },
  iam: { roles: ['eks-identity-apply', 'App', 'Extra'].map((name) => ({ arn: role(name) })) },
  clusters: ['alpha', 'bravo', 'charlie'].map((name) => ({
    name,
    addons: [{ name: 'eks-pod-identity-agent' }],
    accessEntries: [{ principalArn: role('eks-identity-apply'), accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] }],
  })),
};

function manifest(extraOnBravo: boolean): string {
  return `version: 1
clusters:
  - { name: alpha, region: us-east-1, accountId: "${ACCOUNT}" }
  - { name: bravo, region: us-east-1, accountId: "${ACCOUNT}", assumeRoleArn: "${role('eks-identity-apply')}" }
  - { name: charlie, region: us-east-1 }
podIdentityAssociations:
  - { namespace: app, serviceAccount: web, roleName: App }
${extraOnBravo ? '  - { namespace: extra, serviceAccount: job, roleName: Extra, clusters: [bravo] }\n' : ''}`;
}

let emulator: EmulatorHandle;
let dir: string;

isolateAwsEnvironment();

beforeAll(async () => {
  emulator = await startEmulator({ state, seed: 11 });
  Object.assign(process.env, emulator.env);
  dir = await mkdtemp(join(tmpdir(), 'eks-identity-fan-out-'));
});
afterAll(async () => {
  await emulator.close();
});

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: process.env, cwd: dir, isTTY: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const associationsOf = (cluster: string) =>
  emulator.inspect().clusters.find((c) => c.name === cluster)!.podIdentityAssociations.map((a) => `${a.namespace}/${a.serviceAccount}`).sort();

describe('fan-out: clusters and one-cluster applies', () => {
  it('GIVEN a 3-cluster manifest WHEN listed as JSON THEN a one-line 3-element array for fromJSON', async () => {
    await writeFile(join(dir, 'eks-identity.yaml'), manifest(false));
    const { code, stdout } = await cli(['clusters', '--format', 'json']);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toEqual([
      { name: 'alpha', region: 'us-east-1', partition: 'aws', accountId: ACCOUNT },
      { name: 'bravo', region: 'us-east-1', partition: 'aws', accountId: ACCOUNT, assumeRoleArn: role('eks-identity-apply') },
      { name: 'charlie', region: 'us-east-1', partition: 'aws' },
    ]);
    const text = await cli(['clusters']);
    expect(text.stdout.split('\n')[0]).toMatch(/^NAME\s+REGION\s+ACCOUNT\s+ASSUME ROLE$/);
  });

  it('GIVEN --by account THEN one entry per account with its clusters as the clusters input takes them, and a cluster without accountId is a located error', async () => {
    const { code, stdout, stderr } = await cli(['clusters', '--format', 'json', '--by', 'account']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^eks-identity\.yaml:5:\d+: error MISSING_ACCOUNT_ID: cluster charlie has no accountId/m);

    await writeFile(join(dir, 'accounts.yaml'), manifest(false).replace('{ name: charlie, region: us-east-1 }', '{ name: charlie, region: eu-west-1, accountId: "444455556666" }'));
    const grouped = await cli(['clusters', '--manifest', 'accounts.yaml', '--format', 'json', '--by', 'account']);
    expect(grouped.code).toBe(0);
    expect(JSON.parse(grouped.stdout)).toEqual([
      { accountId: ACCOUNT, partition: 'aws', region: 'us-east-1', clusters: 'alpha,bravo' },
      { accountId: '444455556666', partition: 'aws', region: 'eu-west-1', clusters: 'charlie' },
    ]);
    expect((await cli(['clusters', '--manifest', 'accounts.yaml', '--by', 'account'])).stdout).toBe(`ACCOUNT       CLUSTERS\n${ACCOUNT}  alpha, bravo\n444455556666  charlie\n`);
  });

  it('GIVEN an invalid manifest WHEN listed THEN its located errors and exit 1', async () => {
    await writeFile(join(dir, 'broken.yaml'), 'version: 1\nclusters:\n  - { name: a, regoin: us-east-1 }\n');
    const { code, stdout, stderr } = await cli(['clusters', '--manifest', 'broken.yaml', '--format', 'json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^broken\.yaml:3:\d+: error UNKNOWN_KEY/m);
  });

  it('GIVEN the reviewed plan WHEN each cluster is applied alone THEN its own part is accepted, and a part that moved is refused', async () => {
    await writeFile(join(dir, 'eks-identity.yaml'), manifest(false));
    const reviewed = JSON.parse((await cli(['plan', '--format', 'json'])).stdout) as Plan;
    const part = Object.fromEntries(reviewed.clusters.map((c) => [c.name, c.fingerprint]));
    expect(new Set(Object.values(part)).size).toBe(3);

    // The alpha job, with the 12-character prefix plan comments print.
    const alpha = await cli(['apply', '--cluster', 'alpha', '--expect-fingerprint', part.alpha!.slice(0, 12)]);
    expect(alpha.code).toBe(0);
    expect(associationsOf('alpha')).toEqual(['app/web']);
    expect(associationsOf('bravo')).toEqual([]);

    // bravo's part moves after review (another change merged); charlie's does not.
    await writeFile(join(dir, 'eks-identity.yaml'), manifest(true));
    const charlie = await cli(['apply', '--cluster', 'charlie', '--expect-fingerprint', part.charlie!]);
    expect(charlie.code).toBe(0);
    expect(associationsOf('charlie')).toEqual(['app/web']);

    const bravo = await cli(['apply', '--cluster', 'bravo', '--expect-fingerprint', part.bravo!]);
    expect(bravo.code).toBe(1);
    expect(bravo.stderr).toContain('error PLAN_CHANGED');
    expect(associationsOf('bravo')).toEqual([]);
  });
});
