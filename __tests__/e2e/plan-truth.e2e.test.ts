/**
 * Each class of refusal EKS or IAM would give is found before apply: `eks-identity apply` in
 * process against the emulator (the real SDK through AWS_ENDPOINT_URL_*) stops at the plan with the
 * finding, and makes no write. A principal the plan cannot check (another account) and EKS refuses
 * for good fails within the 60 s propagation window, measured on a virtual clock.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApplyReport } from '../../src/apply/index.js';
import { runApplyCommand, type ApplyCommandDeps } from '../../src/cli/commands/apply.js';
import type { CliIo } from '../../src/cli/io.js';
import { describeError } from '../../src/cli/main.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { isolateAwsEnvironment, writeCount } from '../apply/emulator-world.js';

const ACCOUNT = '111122223333';
const OTHER = '999999999999';
const KEY = 'AKIAPLANTRUTH0000001';
const SSO_NAME = 'AWSReservedSSO_PlatformAdmins_0123456789abcdef';
const SSO_ARN = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/eu-west-1/${SSO_NAME}`;

let emulator: EmulatorHandle;
let dir: string;

isolateAwsEnvironment();

beforeAll(async () => {
  emulator = await startEmulator({
    seed: 13,
    state: {
      region: 'us-east-1',
      identities: { [KEY]: `arn:aws:sts::${ACCOUNT}:assumed-role/Deploy/ci` },
      iam: {
        roles: [{ arn: `arn:aws:iam::${ACCOUNT}:role/Deploy` }, { arn: SSO_ARN }, { arn: `arn:aws:iam::${ACCOUNT}:role/App` }, { arn: `arn:aws:iam::${OTHER}:role/Nodes` }],
        users: [{ arn: `arn:aws:iam::${ACCOUNT}:user/alice` }],
      },
      clusters: [
        {
          name: 'prod',
          authenticationMode: 'API',
          addons: [{ name: 'eks-pod-identity-agent' }],
          accessEntries: [{ principalArn: `arn:aws:iam::${ACCOUNT}:role/Deploy`, accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] }],
        },
      ],
    },
  });
  dir = await mkdtemp(join(tmpdir(), 'eks-identity-truth-'));
  const e = emulator.endpoint;
  Object.assign(process.env, { AWS_ENDPOINT_URL_EKS: e, AWS_ENDPOINT_URL_IAM: e, AWS_ENDPOINT_URL_STS: e, AWS_ACCESS_KEY_ID: KEY, AWS_SECRET_ACCESS_KEY: 'secret' });
});

afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

const HEAD = 'version: 1\nclusters: [{ name: prod, region: us-east-1 }]\n';
let counter = 0;

/** The CLI's apply on a manifest, with a virtual clock: sleeps advance it at once. */
async function apply(manifest: string, ...argv: string[]): Promise<{ code: number; out: string; err: string; virtualMs: number; writes: number }> {
  const file = `m-${counter++}.yaml`;
  await writeFile(join(dir, file), manifest);
  let t = Date.parse('2026-01-01T00:00:00Z');
  const started = t;
  const deps: ApplyCommandDeps = {
    sleep: async (ms) => {
      t += ms;
    },
    now: () => t,
  };
  const io = { out: '', err: '', env: process.env, cwd: dir, isTTY: false, stdout: (x: string) => void (io.out += x), stderr: (x: string) => void (io.err += x) };
  emulator.resetCalls();
  // As `main` does: a refusal is an error line on stderr and exit code 1.
  const code = await runApplyCommand(['--manifest', file, ...argv], io as CliIo, deps).catch((err: unknown) => {
    io.stderr(describeError(err));
    return 1;
  });
  return { code, out: io.out, err: io.err, virtualMs: t - started, writes: writeCount(emulator.calls()) };
}

describe('GIVEN a refusal EKS or IAM would give WHEN apply runs THEN the plan (or validate) reports it and nothing is written', () => {
  it.each([
    [
      'a misspelled access policy',
      `accessEntries:\n  - principalArn: arn:aws:iam::${ACCOUNT}:role/App\n    accessPolicies: [{ policy: AmazonEKSClusterAdmin, scope: cluster }]\n`,
      /ACCESS_POLICY_NOT_FOUND|did you mean AmazonEKSClusterAdminPolicy/,
    ],
    ['an IAM user that does not exist', `accessEntries:\n  - principalArn: arn:aws:iam::${ACCOUNT}:user/bob\n`, /PRINCIPAL_NOT_FOUND.*user\/bob does not exist/],
    ['an Identity Center role without its path', `accessEntries:\n  - principalArn: arn:aws:iam::\${accountId}:role/${SSO_NAME}\n`, new RegExp(`ARN_PATH_MISMATCH[\\s\\S]*write ${SSO_ARN.replace(/[.]/g, '\\.')}`)],
    ['a node-type entry for a role of another account', `accessEntries:\n  - principalArn: arn:aws:iam::${OTHER}:role/Nodes\n    type: EC2_LINUX\n`, /NODE_TYPE_OTHER_ACCOUNT/],
    ['an IAM user on a node type', `accessEntries:\n  - principalArn: arn:aws:iam::${ACCOUNT}:user/alice\n    type: EC2_LINUX\n`, /USER_ON_NODE_TYPE/],
    [
      'a session policy longer than EKS takes',
      `podIdentityAssociations:\n  - namespace: app\n    serviceAccount: web\n    roleName: App\n    disableSessionTags: true\n    policy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: ["s3:GetObject"], Resource: [${Array.from({ length: 60 }, (_, i) => `"arn:aws:s3:::bucket-number-${i}/*"`).join(', ')}] }] }\n`,
      /SESSION_POLICY_TOO_LONG/,
    ],
  ])('%s', async (_name, body, expected) => {
    const result = await apply(HEAD + body);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(expected);
    expect(result.writes).toBe(0);
  });

  it('GIVEN the same entries written right WHEN applied THEN they apply cleanly (the refusals were about the mistakes only)', async () => {
    const result = await apply(
      `${HEAD}accessEntries:\n  - principalArn: ${SSO_ARN}\n    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, scope: cluster }]\n  - principalArn: arn:aws:iam::${ACCOUNT}:user/alice\n    kubernetesGroups: [viewers]\n`,
      '--format',
      'json',
    );
    expect(result.err).not.toMatch(/error/);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.out) as ApplyReport).summary).toMatchObject({ failed: 0, skipped: 0 });
  });
});

describe('GIVEN a principal the plan cannot check and EKS refuses for good', () => {
  it('WHEN applied THEN the change fails within the 60 s propagation window (virtual clock) with the AWS error stated once', async () => {
    const started = Date.now();
    const result = await apply(`${HEAD}accessEntries:\n  - principalArn: arn:aws:iam::${OTHER}:role/Gone\n`, '--format', 'json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out) as ApplyReport;
    const failed = report.results.find((r) => r.outcome === 'failed')!;
    expect(failed.error).toMatchObject({ name: 'InvalidParameterException', operation: 'CreateAccessEntry' });
    expect(failed.error!.message).not.toContain('CreateAccessEntry');
    expect(failed.attempts).toBeGreaterThan(1);
    expect(result.virtualMs).toBeLessThanOrEqual(60_000);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
