import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CliIo } from '../../src/cli/io.js';
import { runExportCommand } from '../../src/cli/commands/export.js';
import { runMigrateAwsAuthCommand } from '../../src/cli/commands/migrate-aws-auth.js';
import { runMigrateIrsaCommand } from '../../src/cli/commands/migrate-irsa.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import type { MigrationCommandDeps } from '../../src/cli/migration-output.js';
import { awsOptions, irsaTrust, roleArn, state } from './world.js';

function fakeIo(cwd: string): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', env: {}, cwd, isTTY: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const FIXTURE = join(process.cwd(), '__tests__', 'migrate', 'fixtures', 'aws-auth', 'map-accounts.yaml');

describe('migration CLI commands', () => {
  let emulator: EmulatorHandle;
  let deps: MigrationCommandDeps;
  let dir: string;
  beforeAll(async () => {
    emulator = await startEmulator({
      seed: 9,
      state: state(
        [{ arn: roleArn('external-dns'), assumeRolePolicyDocument: irsaTrust(['external-dns:external-dns']) }],
        { podIdentityAssociations: [{ namespace: 'karpenter', serviceAccount: 'karpenter', roleArn: roleArn('external-dns'), tags: { team: 'platform' } }] },
      ),
    });
    deps = { renderPlanText: (plan) => `PLAN ${plan.clusters.map((c) => c.changes.map((ch) => `${ch.action} ${ch.id}`).join(', ')).join('; ')}`, aws: awsOptions(emulator.endpoint) };
    dir = mkdtempSync(join(tmpdir(), 'eks-identity-migrate-'));
  });
  afterAll(async () => emulator.close());

  it('GIVEN --offline WHEN migrate-aws-auth runs THEN the manifest goes to stdout and the not-convertible list to stderr', async () => {
    const io = fakeIo(dir);
    const code = await runMigrateAwsAuthCommand(['--configmap', FIXTURE, '--cluster', 'prod', '--offline'], io, deps);
    expect(code).toBe(0);
    expect(parse(io.out)).toEqual({ version: 1, accessEntries: [{ principalArn: 'arn:aws:iam::111122223333:role/NodeInstanceRole', type: 'EC2_LINUX' }] });
    expect(io.err).toContain('Not converted (2):');
    expect(io.err).toContain('444455556666');
    expect(io.err).toContain('AWS_AUTH_ROLE_PATH_UNKNOWN');
  });

  it('GIVEN a ConfigMap with a syntax error WHEN migrate-aws-auth runs THEN it exits 1 naming file:line:col', async () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'kind: ConfigMap\ndata:\n  mapRoles: |\n    - rolearn: [x\n');
    const io = fakeIo(dir);
    expect(await runMigrateAwsAuthCommand(['--configmap', 'broken.yaml', '--cluster', 'prod', '--offline'], io, deps)).toBe(1);
    expect(io.err).toMatch(/broken\.yaml:4:\d+: error AWS_AUTH_YAML_SYNTAX/);
  });

  it('GIVEN a file that is not a ConfigMap WHEN migrate-aws-auth runs THEN it exits 1 with the finding and prints or writes no stub manifest', async () => {
    writeFileSync(join(dir, 'service.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: { name: x }\n');
    const io = fakeIo(dir);
    expect(await runMigrateAwsAuthCommand(['--configmap', 'service.yaml', '--cluster', 'prod', '--offline'], io, deps)).toBe(1);
    expect(io.out).toBe('');
    expect(io.err).toContain('AWS_AUTH_NOT_CONFIGMAP');
    const written = fakeIo(dir);
    expect(await runMigrateAwsAuthCommand(['--configmap', 'service.yaml', '--cluster', 'prod', '--offline', '--out', 'stub.yaml'], written, deps)).toBe(1);
    expect(existsSync(join(dir, 'stub.yaml'))).toBe(false);
  });

  it('GIVEN --out naming a directory that does not exist yet (trailing slash) WHEN migrate-aws-auth runs THEN the file goes into it', async () => {
    const io = fakeIo(dir);
    expect(await runMigrateAwsAuthCommand(['--configmap', FIXTURE, '--cluster', 'prod', '--offline', '--out', 'proposals/'], io, deps)).toBe(0);
    expect(io.out).toMatch(/^Written: proposals\/[\w-]+\.yaml$/m);
    const written = /^Written: (\S+)$/m.exec(io.out)![1]!;
    expect(parse(readFileSync(join(dir, written), 'utf8'))).toMatchObject({ version: 1 });
  });

  it('GIVEN no --region and no --offline WHEN migrate-aws-auth runs THEN a usage error says what to add', async () => {
    await expect(runMigrateAwsAuthCommand(['--configmap', FIXTURE, '--cluster', 'prod'], fakeIo(dir), deps)).rejects.toMatchObject({ code: 'CLI_USAGE' });
  });

  it('GIVEN --out WHEN migrate-irsa runs THEN the manifest is written and the plan with its trust diff is printed', async () => {
    const io = fakeIo(dir);
    const code = await runMigrateIrsaCommand(['--cluster', 'prod', '--region', 'us-east-1', '--out', 'irsa.yaml'], io, deps);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'irsa.yaml'), 'utf8')).toContain('serviceAccount: external-dns');
    expect(io.out).toContain('PLAN update trustPolicy/arn:aws:iam::111122223333:role/external-dns, create association/external-dns/external-dns');
  });

  it('GIVEN a live cluster WHEN export runs with --format json THEN the manifest and unmanaged list come back as JSON', async () => {
    const io = fakeIo(dir);
    expect(await runExportCommand(['--cluster', 'prod', '--region', 'us-east-1', '--format', 'json'], io, deps)).toBe(0);
    const body = JSON.parse(io.out) as { manifestYaml: string };
    expect(parse(body.manifestYaml)).toEqual({
      version: 1,
      clusters: [{ name: 'prod', region: 'us-east-1', accountId: '111122223333' }],
      podIdentityAssociations: [{ namespace: 'karpenter', serviceAccount: 'karpenter', roleArn: roleArn('external-dns'), tags: { team: 'platform' } }],
    });
  });

  it('GIVEN AWS_REGION and no --region WHEN export runs THEN it uses that region, as the AWS CLI would', async () => {
    const io = { ...fakeIo(dir), env: { AWS_REGION: 'us-east-1' } };
    const out: string[] = [];
    io.stdout = (t: string) => void out.push(t);
    expect(await runExportCommand(['--cluster', 'prod', '--format', 'json'], io, deps)).toBe(0);
    expect(parse((JSON.parse(out.join('')) as { manifestYaml: string }).manifestYaml)).toMatchObject({ clusters: [{ name: 'prod', region: 'us-east-1' }] });
    await expect(runExportCommand(['--cluster', 'prod'], fakeIo(dir), deps)).rejects.toMatchObject({ code: 'CLI_USAGE' });
  });
});
