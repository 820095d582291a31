import { buildMixedPlan, changeCount, mixOf, verifyApply } from '../../bench/apply-plan.js';
import { interleaveByKind, type BaselineObject } from '../../bench/baseline.js';
import { floorOf, minimumReadCalls, pagesOf, targetedListCalls } from '../../bench/floor.js';
import { packageOf, summarizeProfile } from '../../bench/profile-summary.js';
import { BEGIN_MARKER, END_MARKER, replaceBetweenMarkers } from '../../bench/report.js';
import type { EmulatorInspection, EmulatorState } from '../../src/emulator/index.js';

describe('floor', () => {
  it('GIVEN per-operation buckets WHEN the floor is computed THEN the slowest operation sets it, burst credited, plus one round trip', () => {
    const floor = floorOf({ DescribePodIdentityAssociation: 5050, DescribeAccessEntry: 3000, ListAddons: 1 }, { rps: 100, burst: 50, latencyMs: 15 });
    expect(floor.operation).toBe('DescribePodIdentityAssociation');
    expect(floor.seconds).toBeCloseTo(50.015);
  });

  it('GIVEN fewer calls than the burst THEN only the round trip remains', () => {
    expect(floorOf({ GetRole: 10 }, { rps: 100, burst: 50, latencyMs: 20 }).seconds).toBeCloseTo(0.02);
  });

  it('GIVEN a cluster shape WHEN minimum read calls are counted THEN lists are pages of 100 and each described entry costs a policy list', () => {
    const calls = minimumReadCalls([{ liveAssociations: 250, liveAccessEntries: 0, addons: 1, describedAssociations: 10, describedAccessEntries: 3 }], 4);
    expect(calls).toEqual({
      DescribeCluster: 1,
      ListAddons: 1,
      ListPodIdentityAssociations: 3,
      ListAccessEntries: 1,
      DescribePodIdentityAssociation: 10,
      DescribeAccessEntry: 3,
      ListAssociatedAccessPolicies: 3,
      GetRole: 4,
      GetCallerIdentity: 1,
    });
    expect(pagesOf(0)).toBe(1);
  });
});

describe('report markers', () => {
  it('GIVEN a document with markers WHEN replaced THEN only the generated block changes', () => {
    const doc = `# B\n\nprose\n\n${BEGIN_MARKER}\nold\n${END_MARKER}\n\nafter\n`;
    expect(replaceBetweenMarkers(doc, 'new')).toBe(`# B\n\nprose\n\n${BEGIN_MARKER}\nnew\n${END_MARKER}\n\nafter\n`);
  });

  it('GIVEN no markers THEN the block is appended', () => {
    expect(replaceBetweenMarkers('# B\n', 'x')).toBe(`# B\n\n${BEGIN_MARKER}\nx\n${END_MARKER}\n`);
  });
});

describe('baseline order', () => {
  it('GIVEN 4 associations and 2 roles WHEN interleaved THEN kinds are mixed in proportion and nothing is lost', () => {
    const objects: BaselineObject[] = [
      ...[1, 2, 3, 4].map((i): BaselineObject => ({ kind: 'association', cluster: 'c', associationId: `a-${i}` })),
      ...[1, 2].map((i): BaselineObject => ({ kind: 'role', roleName: `r${i}` })),
    ];
    const kinds = interleaveByKind(objects).map((o) => o.kind[0]);
    expect(kinds.join('')).toMatch(/^(?=(.*a){4})(?=(.*r){2})[ar]{6}$/);
    expect(kinds.slice(0, 3)).toContain('r');
  });
});

describe('apply plans and their verification', () => {
  const mix = mixOf(40);
  const inspection: EmulatorInspection = {
    roles: [],
    clusters: [{ name: 'apply', region: 'us-east-1', accountId: '111122223333', authenticationMode: 'API', accessEntries: [], podIdentityAssociations: [] }],
  };

  it('GIVEN n WHEN mixed THEN the plan has exactly n changes', () => {
    expect(changeCount(mix)).toBe(40);
    expect(buildMixedPlan({ name: 'apply', region: 'us-east-1' }, mix, inspection, false).clusters[0]!.changes).toHaveLength(40);
  });

  it('GIVEN an empty world after the apply THEN creates and updates are lost and deletes count as applied', () => {
    const plan = buildMixedPlan({ name: 'apply', region: 'us-east-1' }, mix, inspection, false);
    const after: EmulatorState = { clusters: [{ name: 'apply', podIdentityAssociations: [], accessEntries: [] }] };
    const v = verifyApply(plan, after);
    expect(v.applied).toBe(mix.deleteAssociations + mix.deleteEntries);
    expect(v.lost).toBe(40 - v.applied);
    expect(v.duplicated).toBe(0);
  });

  it('GIVEN two associations for one key THEN one duplicate', () => {
    const plan = buildMixedPlan({ name: 'apply', region: 'us-east-1' }, mix, inspection, false);
    const a = { namespace: 'team-00', serviceAccount: 'sa-x', roleArn: 'arn:aws:iam::111122223333:role/x' };
    expect(verifyApply(plan, { clusters: [{ name: 'apply', podIdentityAssociations: [a, { ...a }] }] }).duplicated).toBe(1);
  });
});

describe('targetedListCalls', () => {
  it('GIVEN declared keys by namespace WHEN counting the fewest list calls THEN each namespace takes the fewer of its keys and its pages, and the whole list caps the sum', () => {
    const spread = new Map(Array.from({ length: 50 }, (_, i) => [`ns-${i}`, { declared: 2, live: 100 }] as const));
    expect(targetedListCalls(5000, spread)).toBe(50);
    expect(targetedListCalls(5000, new Map([['big', { declared: 5, live: 250 }], ['one', { declared: 1, live: 400 }]]))).toBe(3 + 1);
    expect(targetedListCalls(150, spread)).toBe(2);
  });
});

describe('profile summary', () => {
  const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });
  // root → load (module loading) | runJob → sign (@smithy) | reader (src/aws); plus (idle).
  const profile = {
    startTime: 0,
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 3, 6] },
      { id: 2, callFrame: frame('load', 'node:internal/modules/esm/loader') },
      { id: 3, callFrame: frame('runJob', 'file:///repo/bench/child.ts'), children: [4, 5] },
      { id: 4, callFrame: frame('sign', 'file:///repo/node_modules/@smithy/signature-v4/dist-cjs/index.js') },
      { id: 5, callFrame: frame('readLiveCluster', 'file:///repo/src/aws/reader.ts') },
      { id: 6, callFrame: frame('(idle)') },
    ],
    // Each sample lasts until the next one: load 5 ms (before the job), sign 2, reader 1, idle 4, sign 1.
    samples: [2, 4, 5, 6, 4, 4],
    timeDeltas: [0, 5000, 2000, 1000, 4000, 1000],
  };

  it('GIVEN a profile with module loading before the job WHEN summarized THEN only the job window counts, idle apart, by package and function', () => {
    const s = summarizeProfile(profile);
    expect(s.busyMs).toBeCloseTo(4);
    expect(s.idleMs).toBeCloseTo(4);
    expect(s.byPackage).toEqual([
      ['@smithy/signature-v4', 3],
      ['src/aws', 1],
    ]);
    expect(s.byFunction[0]![0]).toBe('sign dist-cjs/index.js:1');
  });

  it.each([
    ['file:///r/node_modules/@aws-sdk/core/dist-cjs/index.js', '@aws-sdk/core'],
    ['file:///r/node_modules/tslib/tslib.js', 'tslib'],
    ['file:///r/src/plan/compute-plan.ts', 'src/plan'],
    ['node:_http_client', 'node'],
    ['', '(garbage collector)'],
  ])('GIVEN script %s THEN its package is %s', (url, expected) => {
    expect(packageOf(url, '(garbage collector)')).toBe(expected);
  });
});
