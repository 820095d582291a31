/**
 * The well-known policies end to end: the manifest snippets of docs/well-known-policies.md, one
 * association per catalog entry, planned and applied through the CLI against the emulator (whose
 * IAM refuses what IAM refuses: policy grammar, sizes, unknown AWS managed policies). Each created
 * role then holds exactly what the catalog expands to, and a re-plan is empty.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expandWellKnownPolicy, WELL_KNOWN_POLICY_NAMES } from '../../src/model/well-known-policies/index.js';
import { ACCOUNT, DEPLOY_KEY, isolateAwsEnvironment, startApplyWorld, stateWith, type World } from '../apply/emulator-world.js';
import { pointAwsAt, runCli } from '../helpers/cli.js';

isolateAwsEnvironment();

/** The page's per-entry snippets (each a list of associations), in page order; the opening example is left out. */
function documentedAssociations(): string {
  const doc = readFileSync(join(process.cwd(), 'docs', 'well-known-policies.md'), 'utf8');
  const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.filter((b) => b.startsWith('  - namespace:')).join('');
}

const MANIFEST = `version: 1
owner: platform
clusters:
  - name: prod
    region: us-east-1
    accountId: "${ACCOUNT}"
podIdentityAssociations:
${documentedAssociations()}`;

let world: World | undefined;
let dir: string;
afterAll(async () => {
  await world?.close();
  await rm(dir, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCli(dir, ...argv);

interface DocumentedAssociation {
  namespace: string;
  serviceAccount: string;
  role: { wellKnownPolicies: Array<string | { name: string }> };
}

/** The association a snippet declares for an entry, and the parameters it gives (variables expanded for the cluster). */
function snippetFor(name: string): { namespace: string; serviceAccount: string; params: Record<string, unknown> } {
  const vars: Record<string, string> = { partition: 'aws', accountId: ACCOUNT, region: 'us-east-1', cluster: 'prod' };
  const expand = (v: unknown): unknown => (typeof v === 'string' ? v.replace(/\$\{(\w+)\}/g, (all, k: string) => vars[k] ?? all) : Array.isArray(v) ? v.map(expand) : v);
  const associations = (parse(MANIFEST) as { podIdentityAssociations: DocumentedAssociation[] }).podIdentityAssociations;
  for (const a of associations) {
    for (const item of a.role.wellKnownPolicies) {
      if (item === name) return { namespace: a.namespace, serviceAccount: a.serviceAccount, params: {} };
      if (typeof item === 'object' && item.name === name) {
        const params = Object.fromEntries(Object.entries(item).filter(([k]) => k !== 'name').map(([k, v]) => [k, expand(v)]));
        return { namespace: a.namespace, serviceAccount: a.serviceAccount, params };
      }
    }
  }
  throw new Error(`no documented snippet for ${name}`);
}

describe('GIVEN the documented snippet of every well-known policy in one manifest', () => {
  it('WHEN validated, planned, applied and re-planned THEN each role holds what its entry expands to and the re-plan is empty', async () => {
    dir = await mkdtemp(join(tmpdir(), 'eks-identity-well-known-'));
    await writeFile(join(dir, 'eks-identity.yaml'), MANIFEST);
    world = await startApplyWorld(stateWith([], [{ name: 'prod', addons: [{ name: 'eks-pod-identity-agent' }] }]));
    pointAwsAt(world.emulator.endpoint, DEPLOY_KEY);

    const validated = await cli('validate');
    expect(validated).toEqual({ code: 0, out: expect.any(String), err: expect.any(String) });
    const planned = await cli('plan', '--detailed-exitcode');
    expect({ ...planned, err: undefined }).toEqual({ code: 2, out: expect.any(String), err: undefined });
    const applied = await cli('apply');
    expect({ ...applied, err: undefined }).toEqual({ code: 0, out: expect.any(String), err: undefined });
    const again = await cli('plan', '--detailed-exitcode');
    expect({ ...again, err: undefined }).toEqual({ code: 0, out: expect.any(String), err: undefined });

    const state = world.emulator.snapshot();
    const associations = state.clusters![0]!.podIdentityAssociations ?? [];
    expect(associations).toHaveLength(WELL_KNOWN_POLICY_NAMES.length);
    for (const name of WELL_KNOWN_POLICY_NAMES) {
      const { namespace, serviceAccount, params } = snippetFor(name);
      const expected = expandWellKnownPolicy(name, params, { partition: 'aws', accountId: ACCOUNT, region: 'us-east-1', cluster: 'prod' });
      const association = associations.find((a) => a.namespace === namespace && a.serviceAccount === serviceAccount);
      const role = (state.iam!.roles ?? []).find((r) => r.arn === association?.roleArn);
      expect([name, role !== undefined]).toEqual([name, true]);
      expect([name, [...(role!.attachedPolicies ?? [])].sort()]).toEqual([name, [...expected.managedPolicyArns].sort()]);
      expect([name, role!.inlinePolicies ?? {}]).toEqual([name, expected.inlinePolicies]);
    }
  });
});
