import { expandManifest, parseManifestText } from '../../src/manifest/index.js';
import type { LiveRoleDetail } from '../../src/model/desired-role.js';
import type { DesiredState } from '../../src/model/desired.js';
import type { LiveCluster } from '../../src/model/live.js';
import type { Plan } from '../../src/model/plan.js';
import { computePlan, type PlanOptions } from '../../src/plan/index.js';
import { selectClusters } from '../../src/operations/manifest-selection.js';
import { ACCOUNT, liveCluster, withRoles } from './fixtures.js';

/** A manifest with an owner and two clusters in one account; `body` holds the associations. */
export function manifestWith(body: string, head = 'owner: team-a\n'): string {
  return `version: 1\n${head}clusters:\n  - { name: prod, region: us-east-1 }\n  - { name: stage, region: us-east-1 }\n${body}`;
}

/** The desired state of a manifest text, every cluster in ACCOUNT; `only`: the clusters a --cluster filter keeps. */
export function desiredOf(text: string, only: string[] = [], accountIds: Record<string, string> = { prod: ACCOUNT, stage: ACCOUNT }): DesiredState {
  const loaded = parseManifestText(text, 'm.yaml');
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return expandManifest(selectClusters(loaded, only), { accountIds });
}

/** Plans a manifest text against live clusters (by name; absent ones are empty and exist). */
export function planText(text: string, live: Record<string, Partial<LiveCluster>> = {}, options: PlanOptions & { only?: string[]; accountIds?: Record<string, string>; patch?: (d: DesiredState) => DesiredState } = {}): Plan {
  const desired = (options.patch ?? ((d: DesiredState) => d))(desiredOf(text, options.only, options.accountIds));
  const clusters = desired.clusters.map((d) => withRoles({ ...d, associations: d.associations.filter((a) => !a.managedRole) }, liveCluster({ name: d.name, ...live[d.name] })));
  return computePlan(desired, { clusters }, options);
}

/** A live role as the reader returns it. */
export function liveRoleDetail(name: string, overrides: Partial<LiveRoleDetail> = {}): LiveRoleDetail {
  return {
    arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
    roleName: name,
    path: '/',
    roleId: `AROA${name.toUpperCase()}`,
    createDate: '2024-01-01T00:00:00.000Z',
    trustPolicy: '{}',
    maxSessionDuration: 3600,
    tags: {},
    managedPolicyArns: [],
    inlinePolicies: {},
    ...overrides,
  };
}

/** One association with a `role:` block named `app-${cluster}` on every cluster. */
export const APP_ROLE = `podIdentityAssociations:
  - namespace: app
    serviceAccount: web
    role: { name: 'app-\${cluster}', managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], permissionsBoundary: 'arn:aws:iam::${ACCOUNT}:policy/boundary' }
`;
export const APP_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/app-prod`;
