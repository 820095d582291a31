import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateCommand } from '../../src/cli/commands/validate.js';
import type { CliIo } from '../../src/cli/io.js';
import { EksIdentityError } from '../../src/errors.js';

type FakeIo = CliIo & { out: string; err: string };

function fakeIo(cwd: string): FakeIo {
  const io: FakeIo = { out: '', err: '', env: {}, cwd, isTTY: false, stdout: (t) => void (io.out += t), stderr: (t) => void (io.err += t) };
  return io;
}

const REPO = process.cwd();
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'eks-identity-validate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ONE_OF_EACH = [
  'version: 1',
  'clusters:',
  '  - { name: prod, region: us-east-1 }',
  'podIdentityAssociations:',
  '  - { namespace: app, serviceAccount: app, roleName: App }',
  'accessEntries:',
  '  - principalArn: arn:aws:iam::111122223333:role/Admins',
  '',
].join('\n');

const INVALID = [
  'version: 1',
  'clusters:',
  '  - { name: prod, region: us-east-1 }',
  'prune: maybe',
  'accessEntries:',
  '  - principalArn: arn:aws:iam::111122223333:role/Admins',
  '    username: system:admin',
  '',
].join('\n');

async function failure(run: Promise<number>): Promise<EksIdentityError> {
  const error: unknown = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!EksIdentityError.is(error)) throw new Error(`expected an EksIdentityError, got ${String(error)}`);
  return error;
}

describe('GIVEN the validate command', () => {
  it('WHEN the example manifest is validated THEN it exits 0 with one summary line', async () => {
    const io = fakeIo(REPO);
    const code = await validateCommand.run(['--manifest', 'examples/manifests/platform.yaml'], io);
    expect(code).toBe(0);
    expect(io.out).toBe('ok: 1 file, 2 clusters, 3 associations, 3 access entries\n');
    expect(io.err).toBe('');
  });

  it('WHEN no --manifest is given THEN eks-identity.yaml in the working directory is read, and singular counts read well', async () => {
    writeFileSync(join(dir, 'eks-identity.yaml'), ONE_OF_EACH);
    const io = fakeIo(dir);
    expect(await validateCommand.run([], io)).toBe(0);
    expect(io.out).toBe('ok: 1 file, 1 cluster, 1 association, 1 access entry\n');
    expect(validateCommand.usage).toContain('default: eks-identity.yaml');
  });

  it('WHEN the manifest is a directory THEN every file is counted', async () => {
    mkdirSync(join(dir, 'manifests'));
    writeFileSync(join(dir, 'manifests/a.yaml'), ONE_OF_EACH);
    writeFileSync(join(dir, 'manifests/b.yaml'), 'version: 1\npodIdentityAssociations:\n  - { namespace: web, serviceAccount: web, roleName: Web }\n');
    const io = fakeIo(dir);
    expect(await validateCommand.run(['--manifest', 'manifests'], io)).toBe(0);
    expect(io.out).toBe('ok: 2 files, 1 cluster, 2 associations, 1 access entry\n');
  });

  it('WHEN associations declare roles and add-ons declare associations THEN the summary counts them', async () => {
    const text = [
      'version: 1',
      'owner: shop',
      'clusters:',
      '  - { name: prod, region: us-east-1 }',
      'podIdentityAssociations:',
      '  - { namespace: app, serviceAccount: app, role: { name: App } }',
      '  - { namespace: web, serviceAccount: web, roleName: Web }',
      'addons:',
      '  - name: aws-ebs-csi-driver',
      '    podIdentityAssociations:',
      '      - { serviceAccount: ebs-csi-controller-sa, roleName: EbsCsi }',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'm.yaml'), text);
    const io = fakeIo(dir);
    expect(await validateCommand.run(['--manifest', 'm.yaml'], io)).toBe(0);
    expect(io.out).toBe('ok: 1 file, 1 cluster, 2 associations (1 with a role: block), 0 access entries, 1 add-on (1 association)\n');
  });

  it('WHEN an unquoted ${...} sits in a [ ] list THEN the fix says to quote it', async () => {
    writeFileSync(join(dir, 'm.yaml'), 'version: 1\npodIdentityAssociations:\n  - namespace: a\n    serviceAccount: a\n    role: { managedPolicies: [arn:${partition}:iam::aws:policy/ReadOnlyAccess] }\n');
    const io = fakeIo(dir);
    expect(await validateCommand.run(['--manifest', 'm.yaml'], io)).toBe(1);
    expect(io.out).toMatch(/^m\.yaml:5:\d+: error YAML_SYNTAX: .*\n {2}fix: quote values that contain \$\{\.\.\.\} inside \[ \] or \{ \}/);
  });

  it('WHEN an unquoted ${...} opens a { } map THEN one syntax error is shown, with the count of the ones that follow from it', async () => {
    const text = 'version: 1\nowner: platform\npodIdentityAssociations:\n  - namespace: a\n    serviceAccount: a\n    role: { name: a-${cluster}, wellKnownPolicies: [ebsCsiController] }\n  - namespace: b\n    serviceAccount: b\n    roleName: b\n';
    writeFileSync(join(dir, 'm.yaml'), text);
    const io = fakeIo(dir);
    expect(await validateCommand.run(['--manifest', 'm.yaml'], io)).toBe(1);
    const errors = io.out.split('\n').filter((line) => / error [A-Z_]+:/.test(line));
    expect(errors).toEqual([expect.stringMatching(/^m\.yaml:6:\d+: error YAML_SYNTAX: .* \(and \d+ more syntax errors after it, not shown: they usually follow from this one\)$/)]);
    expect(io.out).toContain('fix: quote values that contain ${...} inside [ ] or { }');
  });

  it('WHEN a valid manifest has a warning THEN it is listed before the summary and the exit code stays 0', async () => {
    writeFileSync(join(dir, 'm.yaml'), 'version: 1\nclusters:\n  - name: prod\n    region: !custom us-east-1\n');
    const io = fakeIo(dir);
    expect(await validateCommand.run(['--manifest', 'm.yaml'], io)).toBe(0);
    expect(io.out.split('\n')).toEqual([
      expect.stringMatching(/^m\.yaml:4:13: warning YAML_SYNTAX: .*!custom/),
      expect.stringMatching(/^ {2}fix: /),
      'ok: 1 file, 1 cluster, 0 associations, 0 access entries',
      '',
    ]);
  });

  it('WHEN an access policy is not in the bundled list THEN a warning with did-you-mean is printed and the exit code stays 0', async () => {
    writeFileSync(
      join(dir, 'm.yaml'),
      ['version: 1', 'clusters:', '  - { name: prod, region: cn-north-1 }', 'accessEntries:', '  - principalArn: arn:aws-cn:iam::111122223333:role/Admins', '    accessPolicies:', '      - { policy: AmazonEKSViewPolcy, scope: cluster }', ''].join('\n'),
    );
    const io = fakeIo(dir);
    expect(await validateCommand.run(['--manifest', 'm.yaml'], io)).toBe(0);
    expect(io.err).toBe('');
    expect(io.out.split('\n')).toEqual([
      expect.stringMatching(/^m\.yaml:7:19: warning UNKNOWN_ACCESS_POLICY: access policy `AmazonEKSViewPolcy` is not in this release's list of aws-cn access policies \(did you mean `AmazonEKSViewPolicy`\?\); the list may be older than AWS's/),
      '  fix: write `AmazonEKSViewPolicy`',
      'ok: 1 file, 1 cluster, 0 associations, 1 access entry',
      '',
    ]);
  });

  it('WHEN a node entry names a role of another account than the cluster THEN the error names both accounts and the exit code is 1', async () => {
    writeFileSync(
      join(dir, 'm.yaml'),
      ['version: 1', 'clusters:', '  - { name: prod, region: us-east-1, accountId: "111122223333" }', 'accessEntries:', '  - principalArn: arn:aws:iam::999988887777:role/Nodes', '    type: EC2_LINUX', ''].join('\n'),
    );
    const io = fakeIo(dir);
    expect(await validateCommand.run(['--manifest', 'm.yaml', '--format', 'json'], io)).toBe(1);
    const out = JSON.parse(io.out) as { ok: boolean; diagnostics: Array<{ code: string; location: { line: number; column: number }; message: string }> };
    expect(out.ok).toBe(false);
    expect(out.diagnostics).toEqual([expect.objectContaining({ code: 'NODE_TYPE_OTHER_ACCOUNT', location: { file: 'm.yaml', line: 5, column: 19 }, message: expect.stringContaining('999988887777') })]);
  });

  it('WHEN the manifest is invalid THEN it exits 1 and prints every error in compiler style with its fix and a count', async () => {
    writeFileSync(join(dir, 'm.yaml'), INVALID);
    const io = fakeIo(dir);
    expect(await validateCommand.run(['--manifest', 'm.yaml'], io)).toBe(1);
    expect(io.err).toBe('');
    const lines = io.out.trimEnd().split('\n');
    expect(lines).toEqual([
      'm.yaml:4:8: error INVALID_VALUE: `prune` must be true, false or owned, not the string "maybe"',
      '  fix: write `prune` as true, false or owned',
      'm.yaml:7:15: error RESERVED_USERNAME_PREFIX: username `system:admin` starts with the reserved prefix `system:`',
      '  fix: choose another username, or omit it and let EKS pick one',
      '2 errors in 1 file',
    ]);
  });

  it('WHEN --format json is given THEN stdout is { ok, files, diagnostics } and the exit code follows ok', async () => {
    writeFileSync(join(dir, 'm.yaml'), INVALID);
    writeFileSync(join(dir, 'good.yaml'), ONE_OF_EACH);
    const bad = fakeIo(dir);
    expect(await validateCommand.run(['--manifest', 'm.yaml', '--format', 'json'], bad)).toBe(1);
    const report = JSON.parse(bad.out) as { ok: boolean; files: string[]; diagnostics: Array<{ severity: string; code: string; location: unknown; fix?: string }> };
    expect(Object.keys(report)).toEqual(['ok', 'files', 'diagnostics']);
    expect(report.ok).toBe(false);
    expect(report.files).toEqual(['m.yaml']);
    expect(report.diagnostics.map((d) => [d.severity, d.code, d.location])).toEqual([
      ['error', 'INVALID_VALUE', { file: 'm.yaml', line: 4, column: 8 }],
      ['error', 'RESERVED_USERNAME_PREFIX', { file: 'm.yaml', line: 7, column: 15 }],
    ]);
    expect(report.diagnostics.every((d) => typeof d.fix === 'string')).toBe(true);
    expect(bad.err).toBe('');

    const good = fakeIo(dir);
    expect(await validateCommand.run(['--manifest', 'good.yaml', '--format', 'json'], good)).toBe(0);
    expect(JSON.parse(good.out)).toEqual({ ok: true, files: ['good.yaml'], diagnostics: [] });
  });

  it('WHEN the manifest does not exist THEN it throws MANIFEST_NOT_FOUND for the CLI to print', async () => {
    const error = await failure(validateCommand.run(['--manifest', 'nope.yaml'], fakeIo(dir)));
    expect(error.code).toBe('MANIFEST_NOT_FOUND');
    expect(error.message).toContain('nope.yaml');
    expect(error.fix).toBeDefined();
  });

  it('WHEN there is no eks-identity.yaml and no --manifest THEN it throws MANIFEST_NOT_FOUND naming the default', async () => {
    const error = await failure(validateCommand.run([], fakeIo(dir)));
    expect(error.code).toBe('MANIFEST_NOT_FOUND');
    expect(error.message).toContain('eks-identity.yaml');
  });

  it('WHEN the format or an option is unknown THEN it throws CLI_USAGE', async () => {
    writeFileSync(join(dir, 'eks-identity.yaml'), ONE_OF_EACH);
    expect((await failure(validateCommand.run(['--format', 'markdown'], fakeIo(dir)))).code).toBe('CLI_USAGE');
    expect((await failure(validateCommand.run(['--cluster', 'prod'], fakeIo(dir)))).code).toBe('CLI_USAGE');
  });
});
