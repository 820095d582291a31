/** Emulator start-up errors are as good as manifest errors: located, one line each, with the fix. */
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { startEmulator } from '../../src/emulator/index.js';
import { findJsonSyntaxError } from '../../src/emulator/json-syntax.js';
import { captureIo, loadStateError, writeTemp } from './harness.js';

const examples = fileURLToPath(new URL('../../examples/emulator/', import.meta.url));


const loadError = loadStateError;

describe('GIVEN a state file with JSON syntax errors', () => {
  test.each([
    ['a trailing comma', '{\n  "region": "us-east-1",\n}\n', 3, 1, 'a comma before `}` is not allowed in JSON'],
    ['a missing comma', '{\n  "region": "us-east-1"\n  "clusters": []\n}\n', 3, 3, 'expected `,` or `}` after a property value, found `"`'],
    ['a single-quoted string', "{ 'region': 'us-east-1' }", 1, 3, 'expected a property name in double quotes'],
    ['an unclosed list', '{ "clusters": [ }', 1, 17, 'expected a value'],
    ['a string never closed', '{ "region": "us-east-1 }', 1, 13, 'this string is never closed'],
    ['a duplicate key', '{\n  "region": "us-east-1",\n  "region": "eu-west-1"\n}', 3, 3, 'duplicate key "region"'],
    ['an empty file', '', 1, 1, 'the file is empty'],
  ])('WHEN it has %s THEN the error is in JSON terms at its line and column', async (_name, text, line, column, message) => {
    const { file, error } = await loadError('state.json', text);
    expect(error.code).toBe('EMULATOR_STATE_INVALID');
    expect(error.message).toContain('not valid JSON: ');
    expect(error.message).toContain(message);
    expect(error.location).toEqual({ file, line, column });
  });

  test('WHEN a well-formed JSON value is scanned THEN no syntax error is found', () => {
    expect(findJsonSyntaxError('\uFEFF{"a": [1, -2.5e3, true, null, "x\\n\\u00e9"], "b": {}}\n')).toBeUndefined();
  });
});

describe('GIVEN a state file whose content is wrong', () => {
  test('WHEN it has several problems THEN every one is listed with its own location, unknown keys with did-you-mean', async () => {
    const text = ['{', '  "regoin": "us-east-1",', '  "clusters": [', '    { "name": "prod", "authenticationMode": "APi" },', '    { "name": "b", "acessEntries": [] }', '  ]', '}', ''].join('\n');
    const { file, error } = await loadError('state.json', text);
    expect(error.location).toEqual({ file, line: 2, column: 3 });
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('invalid emulator state: unknown key `regoin` (did you mean `region`?)');
    expect(lines.slice(1)).toEqual([
      `  ${file}:4:45: \`clusters[0].authenticationMode\` must be one of CONFIG_MAP, API_AND_CONFIG_MAP, API, not "APi" (did you mean API?)`,
      `  ${file}:5:20: clusters[1]: unknown key \`acessEntries\` (did you mean \`accessEntries\`?)`,
    ]);
    expect(error.fix).toContain('all 3 problems');
  });

  test('WHEN it holds an entry EKS would never have accepted THEN it is refused at that entry', async () => {
    const text = JSON.stringify(
      {
        clusters: [
          {
            name: 'prod',
            accountId: '111122223333',
            accessEntries: [
              { principalArn: 'arn:aws:iam::111122223333:user/alice', type: 'EC2_LINUX' },
              { principalArn: 'arn:aws:iam::111122223333:role/Admins', accessPolicies: [{ policyArn: 'AmazonEKSClusterAdmin' }] },
            ],
          },
        ],
      },
      null,
      2,
    );
    const { file, error } = await loadError('state.json', text);
    expect(error.message).toContain('clusters[0].accessEntries[0].principalArn: an IAM user cannot be the principal of an EC2_LINUX entry');
    expect(error.location).toEqual({ file, line: 8, column: 27 });
    expect(error.message).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:15:28: clusters\\[0\\]\\.accessEntries\\[1\\]\\.accessPolicies\\[0\\]\\.policyArn: AmazonEKSClusterAdmin is not an access policy EKS offers in aws \\(did you mean AmazonEKSClusterAdminPolicy\\?\\)`));
  });

  test('WHEN it holds an association whose namespace EKS would refuse THEN it is refused at that namespace', async () => {
    const text = JSON.stringify({ clusters: [{ name: 'prod', podIdentityAssociations: [{ namespace: 'Apps', serviceAccount: 'web', roleArn: 'arn:aws:iam::111122223333:role/App' }] }] }, null, 2);
    const { error } = await loadError('state.json', text);
    expect(error.message).toContain('clusters[0].podIdentityAssociations[0].namespace:');
    expect(error.location).toMatchObject({ line: 7 });
  });

  test('WHEN a YAML state has a syntax error THEN it is said in YAML terms with its position', async () => {
    const { file, error } = await loadError('state.yaml', 'clusters:\n  - name: prod\n   region: x\n');
    expect(error.message).toMatch(/^not valid YAML: /);
    expect(error.location?.file).toBe(file);
  });
});

describe('GIVEN the emulator command', () => {
  test('WHEN the port is already in use THEN it prints one line naming the address and the fix, and exits 1', async () => {
    const taken = await startEmulator({ state: {} });
    try {
      const port = new URL(taken.endpoint).port;
      const io = captureIo(examples);
      const code = await main(['emulator', '--state', 'basic.json', '--port', port], io);
      expect(code).toBe(1);
      expect(io.out.join('')).toBe('');
      expect(io.err.join('')).toBe(`error EMULATOR_PORT_IN_USE: emulator: 127.0.0.1:${port} is already in use\n  fix: stop what listens there, pick another --port, or leave --port out for any free port\n`);
    } finally {
      await taken.close();
    }
  });

  test('WHEN the state file is broken THEN the CLI prints the located error, not a stack trace', async () => {
    const file = await writeTemp('state.json', '{ "clusters": [ }');
    const io = captureIo(examples);
    expect(await main(['emulator', '--state', file], io)).toBe(1);
    expect(io.err.join('')).toBe(`${file}:1:17: error EMULATOR_STATE_INVALID: not valid JSON: expected a value (a string, number, object, list, true, false or null), found \`}\`\n  fix: correct the JSON at that position (a state file is one JSON object; docs/emulator.md)\n`);
  });
});
