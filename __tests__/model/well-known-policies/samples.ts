/** Parameter values for the catalog tests: valid for every parameter the catalog has. */
import type { Partition } from '../../../src/model/partition.js';
import { describeWellKnownPolicy } from '../../../src/model/well-known-policies/index.js';

export const ACCOUNT = '111122223333';
export const REGION_OF: Record<Partition, string> = { aws: 'ap-southeast-2', 'aws-cn': 'cn-north-1', 'aws-us-gov': 'us-gov-east-1' };

/** Several items for lists and the longest names IAM and SQS allow: the largest realistic expansion. */
export function sampleValues(partition: Partition): Record<string, string | string[]> {
  const region = REGION_OF[partition];
  return {
    hostedZoneIds: ['Z0123456789ABCDEFGHIJ', 'Z1D633PJN98FT9', 'Z3AADJGX6KTTL2'],
    recordNames: ['*.apps.example.com', 'api.example.com'],
    kmsKeyArns: ['1234abcd-12ab-34cd-56ef-1234567890ab', 'mrk-1234abcd12ab34cd56ef1234567890ab'].map((id) => `arn:${partition}:kms:${region}:${ACCOUNT}:key/${id}`),
    autoScalingGroupNames: ['eks-general-*', 'eks-gpu-*'],
    nodeRoleName: `KarpenterNodeRole-${'n'.repeat(46)}`,
    interruptionQueue: 'q'.repeat(80),
    secretArns: [`arn:${partition}:secretsmanager:${region}:${ACCOUNT}:secret:prod/*`, `arn:${partition}:secretsmanager:*:${ACCOUNT}:secret:shared/*`],
    parameterArns: [`arn:${partition}:ssm:${region}:${ACCOUNT}:parameter/prod/*`],
    bucketNames: ['amzn-s3-demo-bucket', `team-data-${'b'.repeat(43)}`, 'ml-datasets-*'],
  };
}

/** Every parameter of an entry, from the samples. */
export function allParams(name: string, partition: Partition): Record<string, unknown> {
  const samples = sampleValues(partition);
  return Object.fromEntries(describeWellKnownPolicy(name)!.parameters.map((p) => [p.name, samples[p.name]]));
}

/** Only an entry's required parameters, with everyday values: what a minimal manifest gives. */
export function requiredParams(name: string): Record<string, unknown> {
  const everyday: Record<string, unknown> = { nodeRoleName: 'KarpenterNodeRole-prod', bucketNames: ['amzn-s3-demo-bucket'] };
  return Object.fromEntries(describeWellKnownPolicy(name)!.parameters.filter((p) => p.required).map((p) => [p.name, everyday[p.name]]));
}
