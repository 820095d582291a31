/** Route 53 writers: external-dns keeps records in step with Services and Ingresses, cert-manager answers DNS-01 challenges. */
import { allow, hostedZoneIdsParameter, listOf } from './statements.js';
import type { ParameterValues, WellKnownContext, WellKnownPolicyDefinition } from './types.js';

/** The hosted zones a policy may change: the listed ones, or every zone (what upstream grants). */
function hostedZoneArns(values: ParameterValues, ctx: WellKnownContext): string[] {
  // Route 53 is global: its ARNs carry no region and no account.
  return (listOf(values, 'hostedZoneIds') ?? ['*']).map((id) => `arn:${ctx.partition}:route53:::hostedzone/${id}`);
}

export const EXTERNAL_DNS: WellKnownPolicyDefinition = {
  name: 'externalDns',
  summary: 'external-dns: list hosted zones, and read and change the record sets of the zones it manages.',
  source: 'https://github.com/kubernetes-sigs/external-dns/blob/2bf1bf8af2b70f23579f9147c1f7e9394f7f83d5/docs/tutorials/aws.md#iam-policy',
  sourceVersion: 'external-dns v0.22.0 (commit 2bf1bf8), its AWS tutorial, "IAM Policy" and "IAM Permissions with ABAC"',
  parameters: [
    hostedZoneIdsParameter('Hosted zones external-dns may change; default: every hosted zone in the account.'),
    {
      name: 'recordNames',
      required: false,
      list: true,
      description: 'Record names it may change (lower case, no trailing dot, * and ? wildcards), e.g. *.apps.example.com; default: any name.',
      pattern: /^[a-z0-9*?_.-]{1,255}$/,
      expected: 'a lower-case record name without a trailing dot, * and ? allowed, such as *.apps.example.com',
    },
  ],
  managedPolicies: [],
  statements: (values, ctx) => {
    const names = listOf(values, 'recordNames');
    // The ABAC form from the upstream docs: every name in a change batch must match.
    const condition = names ? { 'ForAllValues:StringLike': { 'route53:ChangeResourceRecordSetsNormalizedRecordNames': names } } : undefined;
    return [
      allow(['route53:ChangeResourceRecordSets', 'route53:ListResourceRecordSets', 'route53:ListTagsForResources'], hostedZoneArns(values, ctx), condition),
      allow('route53:ListHostedZones', '*'),
    ];
  },
};

export const CERT_MANAGER: WellKnownPolicyDefinition = {
  name: 'certManager',
  summary: 'cert-manager ACME DNS-01 solver: write TXT records in the hosted zones it validates, find zones by name, and wait for changes to propagate.',
  source: 'https://cert-manager.io/docs/configuration/acme/dns01/route53/',
  sourceVersion: 'cert-manager website commit 776e5db, content/docs/configuration/acme/dns01/route53.md',
  parameters: [hostedZoneIdsParameter('Hosted zones cert-manager may write TXT records in; default: every hosted zone in the account.')],
  managedPolicies: [],
  statements: (values, ctx) => [
    allow('route53:GetChange', `arn:${ctx.partition}:route53:::change/*`),
    // TXT only: a DNS-01 challenge never needs to touch another record type.
    allow(['route53:ChangeResourceRecordSets', 'route53:ListResourceRecordSets'], hostedZoneArns(values, ctx), {
      'ForAllValues:StringEquals': { 'route53:ChangeResourceRecordSetsRecordTypes': ['TXT'] },
    }),
    allow('route53:ListHostedZonesByName', '*'),
  ],
};
