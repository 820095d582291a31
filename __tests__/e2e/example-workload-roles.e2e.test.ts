/**
 * examples/manifests/workload-roles.yaml does what its header says: against the emulator started
 * with examples/emulator/basic.json (as the CLI's `emulator --state` would), it plans with no error,
 * applies, and re-plans to nothing. The unmodified SDK reaches the emulator through AWS_ENDPOINT_URL_*.
 */
import { readFile } from 'node:fs/promises';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { loadEmulatorState, startEmulator } from '../../src/emulator/index.js';
import type { Plan } from '../../src/model/plan.js';
import { isolateAwsEnvironment } from '../apply/emulator-world.js';

isolateAwsEnvironment();

const EXAMPLE = 'examples/manifests/workload-roles.yaml';

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const io = { out: '', err: '', env: process.env, cwd: process.cwd(), isTTY: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  const code = await main(argv, io as CliIo);
  return { code, out: io.out };
}

describe('GIVEN the workload-roles example and the basic emulator state', () => {
  it('WHEN it is planned, applied and planned again THEN it creates the roles (the add-on one with its recommended policy), nothing fails and the re-plan is empty', async () => {
    expect(await readFile(EXAMPLE, 'utf8')).toContain('examples/emulator/basic.json');
    const emulator = await startEmulator({ state: await loadEmulatorState('examples/emulator/basic.json') });
    try {
      const e = emulator.endpoint;
      Object.assign(process.env, { AWS_ENDPOINT_URL_EKS: e, AWS_ENDPOINT_URL_IAM: e, AWS_ENDPOINT_URL_STS: e, AWS_ACCESS_KEY_ID: 'AKIAEMULATORADMIN', AWS_SECRET_ACCESS_KEY: 'x' });
      const first = await cli('plan', '--manifest', EXAMPLE, '--format', 'json');
      const plan = JSON.parse(first.out) as Plan;
      expect(plan.summary.errors).toBe(0);
      const prod = plan.clusters.find((c) => c.name === 'prod')!;
      expect(prod.changes.filter((c) => c.kind === 'iamRole').map((c) => `${c.action} ${c.id}`)).toEqual(['create role/ebs-csi-prod', 'create role/external-dns', 'create role/karpenter-prod', 'create role/orders-api-prod']);
      expect(prod.changes.filter((c) => c.kind === 'addonAssociation').map((c) => `${c.action} ${c.id}`)).toEqual(['update addon/aws-ebs-csi-driver/ebs-csi-controller-sa']);
      const ebsRole = prod.changes.find((c) => c.id === 'role/ebs-csi-prod')!.after as { managedPolicyArns?: string[] };
      expect(ebsRole.managedPolicyArns).toContain('arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy');
      const applied = await cli('apply', '--manifest', EXAMPLE, '--expect-fingerprint', plan.fingerprint);
      expect(applied.code).toBe(0);
      expect(applied.out).toMatch(/Apply complete .* 0 failed/);
      const again = await cli('plan', '--manifest', EXAMPLE, '--detailed-exitcode');
      expect(again.out).toContain('No changes.');
      expect(again.code).toBe(0);
    } finally {
      await emulator.close();
    }
  });
});
