import { CreateAccessEntryCommand, CreatePodIdentityAssociationCommand, DescribeAccessEntryCommand, ListPodIdentityAssociationsCommand } from '@aws-sdk/client-eks';
import { CreateRoleCommand, DeleteRoleCommand } from '@aws-sdk/client-iam';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runEmulatorCommand } from '../../src/cli/commands/emulator.js';
import { EksIdentityError } from '../../src/errors.js';
import { loadEmulatorState, parseEmulatorState, startEmulator } from '../../src/emulator/index.js';
import { captureIo, roleArn, startHarness, writeTemp } from './harness.js';

const examples = fileURLToPath(new URL('../../examples/emulator/', import.meta.url));


describe('GIVEN state files', () => {
  test('WHEN loading the examples THEN they validate', async () => {
    for (const name of ['basic.json', 'china.json']) {
      const state = await loadEmulatorState(join(examples, name));
      expect(state.clusters!.length).toBeGreaterThan(0);
    }
    // basic.json shows a role with an attached, an inline and a boundary policy.
    const basic = await loadEmulatorState(join(examples, 'basic.json'));
    expect(basic.iam!.roles!.find((r) => r.arn.endsWith(':role/EbsCsiDriver'))).toMatchObject({
      attachedPolicies: ['arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy'],
      permissionsBoundary: basic.iam!.policies![0]!.arn,
    });
  });

  test('WHEN a field has the wrong type THEN the error names the file, line, column and path', async () => {
    const file = await writeTemp('bad.json', '{\n  "clusters": [\n    { "name": "prod", "authenticationMode": "OPEN" }\n  ]\n}\n');
    const err = await loadEmulatorState(file).catch((e: unknown) => e);
    expect(EksIdentityError.is(err)).toBe(true);
    const e = err as EksIdentityError;
    expect(e.code).toBe('EMULATOR_STATE_INVALID');
    expect(e.message).toContain('clusters[0].authenticationMode');
    expect(e.location).toEqual({ file, line: 3, column: 45 });
  });

  test('WHEN a key is unknown or JSON is broken THEN it is an error, not ignored', async () => {
    expect(() => parseEmulatorState({ clusterz: [] }, 'inline')).toThrow(/clusterz/);
    const broken = await writeTemp('broken.json', '{ "clusters": [ }');
    await expect(loadEmulatorState(broken)).rejects.toMatchObject({ code: 'EMULATOR_STATE_INVALID' });
    expect(() => parseEmulatorState({ clusters: [{ name: 'a' }, { name: 'a' }] }, 'inline')).toThrow(/appears twice/);
  });

  test('WHEN the world changed THEN snapshot() loads back into an emulator that answers the same', async () => {
    const h = await startHarness({ now: () => Date.parse('2025-06-01T00:00:00Z') });
    await h.iam.send(new CreateRoleCommand({ RoleName: 'R', AssumeRolePolicyDocument: '{"Statement":[]}' }));
    await h.eks.send(new CreatePodIdentityAssociationCommand({ clusterName: 'prod', namespace: 'a', serviceAccount: 'b', roleArn: roleArn('R'), tags: { t: 'v' } }));
    await h.eks.send(new CreateAccessEntryCommand({ clusterName: 'prod', principalArn: roleArn('R') }));
    await h.iam.send(new DeleteRoleCommand({ RoleName: 'R' }));
    await h.iam.send(new CreateRoleCommand({ RoleName: 'R', AssumeRolePolicyDocument: '{"Statement":[]}' }));
    const snapshot = h.emulator.snapshot();
    const before = {
      list: (await h.eks.send(new ListPodIdentityAssociationsCommand({ clusterName: 'prod' }))).associations,
      entry: (await h.eks.send(new DescribeAccessEntryCommand({ clusterName: 'prod', principalArn: roleArn('R') }))).accessEntry,
      inspect: h.emulator.inspect(),
    };
    await h.emulator.close();

    const file = await writeTemp('snap.json', JSON.stringify(snapshot, null, 2));
    const again = await startHarness({ state: await loadEmulatorState(file), seed: 99 });
    try {
      expect((await again.eks.send(new ListPodIdentityAssociationsCommand({ clusterName: 'prod' }))).associations).toEqual(before.list);
      expect((await again.eks.send(new DescribeAccessEntryCommand({ clusterName: 'prod', principalArn: roleArn('R') }))).accessEntry).toEqual(before.entry);
      expect(again.emulator.inspect()).toEqual(before.inspect);
      expect(again.emulator.snapshot()).toEqual(snapshot);
    } finally {
      await again.emulator.close();
    }
  });

  test('WHEN an in-memory state is invalid THEN startEmulator refuses it', async () => {
    await expect(startEmulator({ state: { iam: { roles: [{ arn: 'not-an-arn' }] } } })).rejects.toMatchObject({ code: 'EMULATOR_STATE_INVALID' });
  });
});

describe('GIVEN the emulator command', () => {
  test('WHEN started with faults THEN it prints the export lines, serves, and stops when told', async () => {
    const io = captureIo(examples);
    let endpoint = '';
    const code = await runEmulatorCommand(['--state', 'basic.json', '--latency-ms', '1', '--throttle-rate', '0', '--seed', '3'], io, async () => {
      const text = io.out.join('');
      endpoint = /AWS_ENDPOINT_URL_EKS=(\S+)/.exec(text)![1]!;
      expect(text).toContain(`export AWS_ENDPOINT_URL_IAM=${endpoint}`);
      expect(text).toContain(`export AWS_ENDPOINT_URL_STS=${endpoint}`);
      expect(text).toContain('export AWS_REGION=us-east-1');
      expect(text).toContain('export AWS_ACCESS_KEY_ID=AKIAEMULATORADMIN');
      const res = await fetch(`${endpoint}/clusters`, { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIAEMULATORADMIN/20250101/us-east-1/eks/aws4_request' } });
      expect(await res.json()).toEqual({ clusters: ['prod', 'staging', 'auto'] });
    });
    expect(code).toBe(0);
    expect(io.err.join('')).toContain('stopped after 1 requests');
    await expect(fetch(`${endpoint}/clusters`)).rejects.toThrow();
  });

  test('WHEN --state is missing or a rate is out of range THEN a usage error', async () => {
    await expect(runEmulatorCommand([], captureIo(examples), async () => {})).rejects.toMatchObject({ code: 'CLI_USAGE' });
    await expect(runEmulatorCommand(['--state', 'basic.json', '--error-rate', '2'], captureIo(examples), async () => {})).rejects.toMatchObject({ code: 'CLI_USAGE' });
  });

  test('WHEN --hang or --deny names an operation the emulator does not answer THEN a usage error with the closest name, not a fault that is silently off', async () => {
    await expect(runEmulatorCommand(['--state', 'basic.json', '--hang', 'DescribeClustr'], captureIo(examples), async () => {})).rejects.toMatchObject({ code: 'CLI_USAGE', message: expect.stringContaining('did you mean DescribeCluster?') });
    await expect(runEmulatorCommand(['--state', 'basic.json', '--deny', 'GetUser,Nonsense'], captureIo(examples), async () => {})).rejects.toMatchObject({ code: 'CLI_USAGE', message: expect.stringContaining('--deny Nonsense') });
    await expect(runEmulatorCommand(['--state', 'basic.json', '--deny', 'AttachRolePolicys'], captureIo(examples), async () => {})).rejects.toMatchObject({ code: 'CLI_USAGE', message: expect.stringContaining('did you mean AttachRolePolicy?') });
  });
});
