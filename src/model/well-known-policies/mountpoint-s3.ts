/** Mountpoint for Amazon S3 CSI driver: S3 buckets mounted as volumes, with driver-level credentials. */
import { allow, kmsKeyArnsParameter, listOf } from './statements.js';
import type { WellKnownPolicyDefinition } from './types.js';

export const S3_CSI_DRIVER: WellKnownPolicyDefinition = {
  name: 's3CsiDriver',
  summary: 'Mountpoint for Amazon S3 CSI driver (driver-level credentials): list the mounted buckets, and read, write and delete their objects, decrypting with the given KMS keys.',
  source: 'https://github.com/awslabs/mountpoint-s3/blob/58817cab2fc3020a422d8aa14049a86b296f4498/doc/CONFIGURATION.md#iam-permissions',
  sourceVersion: 'mountpoint-s3 1.23.0 (commit 58817ca), doc/CONFIGURATION.md "IAM permissions", which the CSI driver\'s docs/CONFIGURATION.md recommends',
  parameters: [
    {
      name: 'bucketNames',
      // Upstream's least-privilege policy names the bucket; there is no safe "every bucket" default.
      required: true,
      list: true,
      description: 'The general purpose buckets the driver mounts (names, or patterns with *).',
      // Amazon S3 User Guide, bucket naming rules: 3-63 characters of lower-case letters, digits, dots and hyphens.
      pattern: /^[a-z0-9*][a-z0-9.*-]{1,61}[a-z0-9*]$/,
      expected: 'an S3 bucket name (3-63 lower-case letters, digits, dots and hyphens; * allowed), not an ARN',
    },
    kmsKeyArnsParameter('Customer managed KMS keys of SSE-KMS buckets: kms:Decrypt to read, kms:GenerateDataKey to write.'),
  ],
  managedPolicies: [],
  statements: (values, ctx) => {
    // S3 bucket ARNs carry neither region nor account.
    const buckets = (listOf(values, 'bucketNames') ?? []).map((b) => `arn:${ctx.partition}:s3:::${b}`);
    const keys = listOf(values, 'kmsKeyArns');
    const statements = [
      allow('s3:ListBucket', buckets),
      allow(['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:DeleteObject'], buckets.map((b) => `${b}/*`)),
    ];
    if (keys) statements.push(allow(['kms:Decrypt', 'kms:GenerateDataKey'], keys));
    return statements;
  },
};
