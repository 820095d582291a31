/** The offline half of migrate-aws-auth: ConfigMap text → manifest YAML + what stays behind. */
import { partitionOfRegion } from '../model/partition.js';
import type { Finding } from '../model/plan.js';
import { formatLocation } from '../model/source.js';
import { parseAwsAuthConfigMap, type ParsedAwsAuth } from './aws-auth-parse.js';
import { convertAwsAuth, type AwsAuthConversion } from './aws-auth.js';
import { renderManifestFragment, type RenderFragmentOptions } from './manifest-yaml.js';
import type { FragmentCluster, ManifestFragment } from './types.js';

export interface AwsAuthManifestOptions {
  /** The cluster the entries are for; without a region the fragment has no `clusters:` list. */
  cluster?: { name: string; region?: string; accountId?: string };
  /** Written ARN → real ARN (see convertAwsAuth). */
  resolvedRoles?: Record<string, string | null>;
}

export interface AwsAuthManifest {
  parsed: ParsedAwsAuth;
  conversion: AwsAuthConversion;
  fragment: ManifestFragment;
  manifestYaml: string;
  /** The comments of the file, to write a part of the fragment the same way. */
  comments: RenderFragmentOptions;
  /** Parse errors and conversion findings, in file order. */
  findings: Finding[];
}

export function convertAwsAuthConfigMap(text: string, file: string, options: AwsAuthManifestOptions = {}): AwsAuthManifest {
  const parsed = parseAwsAuthConfigMap(text, file);
  const region = options.cluster?.region;
  const conversion = convertAwsAuth(parsed, {
    ...(options.resolvedRoles ? { resolvedRoles: options.resolvedRoles } : {}),
    ...(region ? { partition: partitionOfRegion(region) } : {}),
  });
  const clusters: FragmentCluster[] | undefined =
    options.cluster && region ? [{ name: options.cluster.name, region, ...(options.cluster.accountId ? { accountId: options.cluster.accountId } : {}) }] : undefined;
  const fragment: ManifestFragment = {
    version: 1,
    ...(clusters ? { clusters } : {}),
    ...(conversion.accessEntries.length > 0 ? { accessEntries: conversion.accessEntries } : {}),
  };
  const header = [`Converted from aws-auth ConfigMap ${file}${options.cluster ? ` for cluster ${options.cluster.name}` : ''}.`];
  if (!clusters) header.push('Add a clusters: list (name, region) before using this file as a manifest.');
  const entryComments = Object.fromEntries(
    Object.entries(conversion.sources).map(([arn, source]) => [arn, [`from ${formatLocation(source)}`]]),
  );
  const trailer = conversion.notConvertible.length === 0 ? [] : [
    'Not convertible (these stay in aws-auth; keep the cluster in API_AND_CONFIG_MAP mode):',
    ...conversion.notConvertible.map((n) => `- ${n.subject} (${formatLocation(n.source) || n.origin}): ${n.reason}`),
  ];
  const comments = { header, entryComments, trailer };
  const manifestYaml = renderManifestFragment(fragment, comments);
  const findings = [...parsed.findings, ...conversion.findings].sort(byLocation);
  return { parsed, conversion, fragment, manifestYaml, comments, findings };
}

function byLocation(a: Finding, b: Finding): number {
  return (a.source?.line ?? 0) - (b.source?.line ?? 0) || (a.source?.column ?? 0) - (b.source?.column ?? 0);
}
