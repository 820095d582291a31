/** The well-known policy catalog: names, descriptions, parameter problems and expansion, as pure data. */
import { PARTITIONS, type Partition } from '../../../src/model/partition.js';
import {
  checkWellKnownParameters,
  describeWellKnownPolicy,
  expandWellKnownPolicy,
  WELL_KNOWN_POLICY_NAMES,
  type WellKnownContext,
} from '../../../src/model/well-known-policies/index.js';
import { requiredParams } from './samples.js';

const REGION_OF: Record<Partition, string> = { aws: 'eu-west-1', 'aws-cn': 'cn-northwest-1', 'aws-us-gov': 'us-gov-west-1' };
const contextFor = (partition: Partition): WellKnownContext => ({ partition, accountId: '111122223333', region: REGION_OF[partition], cluster: 'prod' });
const allArns = (value: unknown): string[] => (JSON.stringify(value).match(/arn:[^"]*/g) ?? []);

describe('GIVEN the catalog', () => {
  it('WHEN its names are listed THEN they include every entry the manifest contract names, once each, in camelCase', () => {
    const required = ['autoScaler', 'awsLoadBalancerController', 'externalDns', 'certManager', 'ebsCsiController', 'efsCsiController', 'imageBuilder', 'karpenterController', 'externalSecrets', 'cloudWatchObservability'];
    expect(WELL_KNOWN_POLICY_NAMES).toEqual(expect.arrayContaining(required));
    expect(new Set(WELL_KNOWN_POLICY_NAMES).size).toBe(WELL_KNOWN_POLICY_NAMES.length);
    for (const name of WELL_KNOWN_POLICY_NAMES) expect(name).toMatch(/^[a-z][A-Za-z0-9]+$/);
  });

  it.each(WELL_KNOWN_POLICY_NAMES)('WHEN %s is described THEN it has a summary, an https source with its version and documented parameters', (name) => {
    const d = describeWellKnownPolicy(name)!;
    expect(d.summary.length).toBeGreaterThan(20);
    expect(new URL(d.source).protocol).toBe('https:');
    expect(d.sourceVersion.length).toBeGreaterThan(10);
    for (const p of d.parameters) {
      expect(p.name).toMatch(/^[a-z][A-Za-z]+$/);
      expect(p.description.length).toBeGreaterThan(10);
    }
  });

  it('WHEN an unknown name is described THEN there is no description', () => {
    expect(describeWellKnownPolicy('notAPolicy')).toBeUndefined();
  });
});

describe('GIVEN every entry in every partition', () => {
  const cases = WELL_KNOWN_POLICY_NAMES.flatMap((name) => PARTITIONS.map((partition) => [name, partition] as const));

  it.each(cases)('WHEN %s is expanded in %s with only its required parameters THEN every ARN is in that partition and the inline policy is named after it', (name, partition) => {
    const expansion = expandWellKnownPolicy(name, requiredParams(name), contextFor(partition));
    expect(expansion.managedPolicyArns.length + Object.keys(expansion.inlinePolicies).length).toBeGreaterThan(0);
    for (const arn of allArns(expansion)) expect(arn.startsWith(`arn:${partition}:`)).toBe(true);
    expect(Object.keys(expansion.inlinePolicies).every((k) => k === `eks-identity-${name}`)).toBe(true);
    for (const doc of Object.values(expansion.inlinePolicies)) expect(doc.Version).toBe('2012-10-17');
  });
});

describe('GIVEN parameters', () => {
  it('WHEN the name is misspelled or shortened THEN the problem suggests the catalog name', () => {
    expect(checkWellKnownParameters('karpenter', {})).toEqual([expect.stringContaining("did you mean 'karpenterController'?")]);
    expect(checkWellKnownParameters('externalDNS', {})).toEqual([expect.stringContaining("did you mean 'externalDns'?")]);
    expect(checkWellKnownParameters('karpenterz', {})).toEqual([expect.stringContaining("did you mean 'karpenterController'?")]);
    expect(checkWellKnownParameters('zzz', {})[0]).toContain('the catalog has autoScaler');
    // `external` begins two entries: no guess.
    expect(checkWellKnownParameters('externa', {})[0]).toContain('the catalog has');
  });

  it('WHEN a parameter is unknown THEN the problem names it and the closest known one, or says the entry takes none', () => {
    expect(checkWellKnownParameters('karpenterController', { nodeRole: 'KarpenterNode' })).toEqual([
      "karpenterController has no parameter 'nodeRole'; did you mean 'nodeRoleName'?",
      expect.stringMatching(/^karpenterController needs parameter 'nodeRoleName'/),
    ]);
    expect(checkWellKnownParameters('efsCsiController', { fileSystemId: 'fs-1' })).toEqual(["efsCsiController has no parameter 'fileSystemId'; it takes no parameters."]);
  });

  it('WHEN the manifest passes the name key along THEN it is not a parameter problem', () => {
    expect(checkWellKnownParameters('certManager', { name: 'certManager', hostedZoneIds: ['Z0123456789ABC'] })).toEqual([]);
  });

  it('WHEN values have the wrong type THEN each problem names the parameter and what is expected', () => {
    const problems = checkWellKnownParameters('karpenterController', { nodeRoleName: ['a'], interruptionQueue: 3, kmsKeyArns: 'arn:aws:kms:eu-west-1:111122223333:key/k' });
    expect(problems).toEqual([
      expect.stringMatching(/^karpenterController parameter 'nodeRoleName' must be a string, not a list: expected an IAM role name/),
      expect.stringMatching(/^karpenterController parameter 'interruptionQueue' must be a string, not a number: expected an SQS queue name/),
      expect.stringMatching(/^karpenterController parameter 'kmsKeyArns' must be a list of strings, not a string: expected each to be a KMS key ARN/),
    ]);
  });

  it('WHEN list items are malformed, repeated, not strings, or the list is empty THEN each is a problem with its index', () => {
    const key = 'arn:aws:kms:eu-west-1:111122223333:key/1234';
    expect(checkWellKnownParameters('ebsCsiController', { kmsKeyArns: [key, 'arn:aws:kms:eu-west-1:111122223333:alias/ebs', 7, key] })).toEqual([
      expect.stringContaining("'kmsKeyArns'[1] is 'arn:aws:kms:eu-west-1:111122223333:alias/ebs': expected a KMS key ARN"),
      expect.stringContaining("'kmsKeyArns'[2] must be a string, not a number"),
      expect.stringContaining("'kmsKeyArns'[3] repeats"),
    ]);
    expect(checkWellKnownParameters('externalDns', { hostedZoneIds: [] })).toEqual([expect.stringContaining("'hostedZoneIds' is an empty list")]);
    expect(checkWellKnownParameters('externalDns', { hostedZoneIds: ['/hostedzone/Z123'] })).toEqual([expect.stringContaining('without the /hostedzone/ prefix')]);
  });

  it('WHEN values hold the manifest variables unexpanded (as validate sees them) THEN their shape is checked with the variables standing in', () => {
    const asWritten = { nodeRoleName: 'KarpenterNodeRole-${cluster}', interruptionQueue: 'Karpenter-${cluster}', kmsKeyArns: ['arn:${partition}:kms:${region}:${accountId}:key/1234abcd'] };
    expect(checkWellKnownParameters('karpenterController', asWritten)).toEqual([]);
    expect(checkWellKnownParameters('karpenterController', { nodeRoleName: 'Nodes/${cluster}' })).toEqual([expect.stringContaining("'nodeRoleName' is 'Nodes/${cluster}'")]);
    expect(checkWellKnownParameters('karpenterController', { nodeRoleName: 'Nodes-${nope}' })).toEqual([expect.stringContaining("'nodeRoleName' is 'Nodes-${nope}'")]);
  });

  it('WHEN expanding with parameters that have problems THEN it refuses instead of writing a partial policy', () => {
    expect(() => expandWellKnownPolicy('externalDns', { hostedZoneIds: 'Z1' }, contextFor('aws'))).toThrow(/hostedZoneIds/);
    expect(() => expandWellKnownPolicy('nope', {}, contextFor('aws'))).toThrow(/not a well-known policy/);
  });
});
