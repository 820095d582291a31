/**
 * What EKS accepts applies, end to end through `eks-identity apply` against the emulator (the
 * real SDK over AWS_ENDPOINT_URL_*): the EMR on EKS entry (AmazonEMRJobPolicy, namespace-scoped,
 * on the EMR service-linked role), node entries, and fields templated per cluster
 * (`KarpenterController-${cluster}` and the rest). A second apply writes nothing: the plan of the
 * applied world is empty, node entries' EKS-given groups included.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApplyReport } from '../../src/apply/index.js';
import { runApplyCommand } from '../../src/cli/commands/apply.js';
import type { CliIo } from '../../src/cli/io.js';
import { describeError } from '../../src/cli/main.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { isolateAwsEnvironment, writeCount } from '../apply/emulator-world.js';

const ACCOUNT = '111122223333';
const KEY = 'AKIATEMPLATED0000001';
const EMR_ROLE = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/emr-containers.amazonaws.com/AWSServiceRoleForAmazonEMRContainers`;
const role = (name: string) => ({ arn: `arn:aws:iam::${ACCOUNT}:role/${name}` });

let emulator: EmulatorHandle;
let dir: string;

isolateAwsEnvironment();

beforeAll(async () => {
  emulator = await startEmulator({
    seed: 21,
    state: {
      region: 'us-east-1',
      identities: { [KEY]: `arn:aws:sts::${ACCOUNT}:assumed-role/Deploy/ci` },
      iam: { roles: [role('Deploy'), role('KarpenterController-blue'), role('KarpenterController-green'), role('Nodes'), role('AutoNodes'), role('Admins'), { arn: EMR_ROLE }] },
      clusters: ['blue', 'green'].map((name) => ({
        name,
        accountId: ACCOUNT,
        authenticationMode: 'API' as const,
        addons: [{ name: 'eks-pod-identity-agent' }],
        accessEntries: [{ principalArn: `arn:aws:iam::${ACCOUNT}:role/Deploy`, accessPolicies: [{ policyArn: 'AmazonEKSClusterAdminPolicy' }] }],
      })),
    },
  });
  dir = await mkdtemp(join(tmpdir(), 'eks-identity-templated-'));
  const e = emulator.endpoint;
  Object.assign(process.env, { AWS_ENDPOINT_URL_EKS: e, AWS_ENDPOINT_URL_IAM: e, AWS_ENDPOINT_URL_STS: e, AWS_ACCESS_KEY_ID: KEY, AWS_SECRET_ACCESS_KEY: 'secret' });
});

afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

const MANIFEST = `version: 1
clusters:
  - { name: blue, region: us-east-1, accountId: "${ACCOUNT}" }
  - { name: green, region: us-east-1, accountId: "${ACCOUNT}" }
defaults:
  tags: { cluster: "\${cluster}" }
podIdentityAssociations:
  - namespace: karpenter
    serviceAccount: karpenter
    roleName: KarpenterController-\${cluster}
accessEntries:
  - principalArn: arn:aws:iam::${ACCOUNT}:role/Deploy
    accessPolicies: [{ policy: AmazonEKSClusterAdminPolicy, scope: cluster }]
  - principalArn: ${EMR_ROLE}
    accessPolicies:
      - policy: AmazonEMRJobPolicy
        namespaces: ["spark-\${cluster}"]
  - principalArn: arn:\${partition}:iam::\${accountId}:role/Nodes
    type: EC2_LINUX
  - principalArn: arn:\${partition}:iam::\${accountId}:role/AutoNodes
    type: EC2
    accessPolicies: [{ policy: AmazonEKSAutoNodePolicy, scope: cluster }]
  - principalArn: arn:\${partition}:iam::\${accountId}:role/Admins
    username: "\${cluster}-admin:{{SessionName}}"
    kubernetesGroups: ["\${cluster}-viewers"]
`;

async function apply(): Promise<{ code: number; report: ApplyReport; err: string; writes: number }> {
  await writeFile(join(dir, 'm.yaml'), MANIFEST);
  const io = { out: '', err: '', env: process.env, cwd: dir, isTTY: false, stdout: (x: string) => void (io.out += x), stderr: (x: string) => void (io.err += x) };
  emulator.resetCalls();
  const code = await runApplyCommand(['--manifest', 'm.yaml', '--format', 'json'], io as CliIo).catch((err: unknown) => {
    io.stderr(describeError(err));
    return 1;
  });
  return { code, report: JSON.parse(io.out || '{}') as ApplyReport, err: io.err, writes: writeCount(emulator.calls()) };
}

describe('GIVEN entries EKS accepts and fields templated per cluster', () => {
  it('WHEN applied THEN every change succeeds, each cluster gets its own values, and a second apply writes nothing', async () => {
    const first = await apply();
    expect(first.err).not.toMatch(/error|failed/i);
    expect(first.code).toBe(0);
    expect(first.report.summary).toMatchObject({ failed: 0, skipped: 0 });
    expect(first.writes).toBeGreaterThan(0);

    const green = emulator.snapshot().clusters!.find((c) => c.name === 'green')!;
    expect(green.podIdentityAssociations).toEqual([expect.objectContaining({ roleArn: `arn:aws:iam::${ACCOUNT}:role/KarpenterController-green`, tags: { cluster: 'green' } })]);
    const entry = (suffix: string) => green.accessEntries!.find((e) => e.principalArn.endsWith(suffix))!;
    expect(entry('AWSServiceRoleForAmazonEMRContainers').accessPolicies).toEqual([
      expect.objectContaining({ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEMRJobPolicy', accessScope: { type: 'namespace', namespaces: ['spark-green'] } }),
    ]);
    expect(entry('role/Nodes')).toMatchObject({ type: 'EC2_LINUX', username: 'system:node:{{EC2PrivateDNSName}}', kubernetesGroups: ['system:nodes'] });
    expect(entry('role/Admins')).toMatchObject({ username: 'green-admin:{{SessionName}}', kubernetesGroups: ['green-viewers'] });

    const second = await apply();
    expect(second.code).toBe(0);
    expect(second.report.results).toEqual([]);
    expect(second.writes).toBe(0);
  });
});
