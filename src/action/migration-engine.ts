import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadValidManifest } from '../engine.js';
import { EksIdentityError } from '../errors.js';
import { expandManifest } from '../manifest/index.js';
import { exportCluster, migrateAwsAuth, migrateIrsa, renderMigrationNotes, renderTrustPolicyChanges, type MigrationResult } from '../migrate/index.js';
import type { Plan } from '../model/plan.js';
import { computePlan } from '../plan/index.js';
import type { MigrationOutcome, MigrationRequest } from './engine.js';

/** Room for each cluster's plan in the pull request body. */
const PLAN_SECTION_LIMIT = 20_000;

/**
 * Runs a migration or export for each cluster of the manifest (the `clusters` input narrows it)
 * and gathers one manifest file per cluster, a pull-request description and the combined plan.
 */
export async function runMigration(request: MigrationRequest, renderPlanMarkdown: (plan: Plan, maxLength: number) => string): Promise<MigrationOutcome> {
  const loaded = await loadValidManifest({ manifest: request.manifest, cwd: request.cwd, clusters: request.clusters });
  const targets = expandManifest(loaded).clusters.map((c) => ({
    name: c.name,
    region: c.region,
    ...(c.accountId && !c.accountId.includes('$') ? { accountId: c.accountId } : {}),
    ...(c.assumeRoleArn ? { assumeRoleArn: c.assumeRoleArn } : {}),
  }));
  if (request.mode === 'migrate-aws-auth' && targets.length !== 1) {
    throw new EksIdentityError('MIGRATION_ONE_CLUSTER', `migrate-aws-auth converts the ConfigMap of one cluster; the run covers ${targets.length}`, {
      fix: 'name the cluster the ConfigMap belongs to in the clusters input',
    });
  }
  if (request.mode === 'migrate-aws-auth' && !request.configmap) {
    throw new EksIdentityError('MIGRATION_NO_CONFIGMAP', 'migrate-aws-auth needs the aws-auth ConfigMap file', { fix: 'set the configmap input to the file' });
  }
  const configMap = request.configmap ? { text: await readFile(resolve(request.cwd, request.configmap), 'utf8'), file: request.configmap } : undefined;

  const files: MigrationOutcome['files'] = [];
  const sections: string[] = [];
  const plans: Plan[] = [];
  for (const target of targets) {
    let result: MigrationResult;
    if (request.mode === 'export') result = await exportCluster({ cluster: target, computePlan });
    else if (request.mode === 'migrate-irsa') result = await migrateIrsa({ cluster: target, computePlan });
    else result = await migrateAwsAuth({ configMap: configMap!, cluster: target, computePlan });

    files.push({ path: `${request.directory}/${request.mode}-${target.name}.yaml`, content: result.manifestYaml });
    const parts = [`## Cluster ${target.name} (${target.region})`, renderMigrationNotes(result.notConvertible, result.findings, 'markdown')];
    if (result.plan) {
      plans.push(result.plan);
      parts.push(renderTrustPolicyChanges(result.plan, 'markdown'), renderPlanMarkdown(result.plan, PLAN_SECTION_LIMIT));
    }
    sections.push(parts.filter((p) => p.trim() !== '').join('\n\n'));
  }
  const plan = combinePlans(plans);
  return {
    files,
    descriptionMarkdown: [
      `Proposed by \`eks-identity ${request.mode}\`. Review the manifest and the plan below; once the file is part of the manifest the apply workflow reads, merging applies it like any other change.`,
      ...sections,
    ].join('\n\n'),
    ...(plan ? { plan } : {}),
  };
}

/** One plan over several clusters (each migration plans one). */
export function combinePlans(plans: Plan[]): Plan | undefined {
  if (plans.length <= 1) return plans[0];
  const summary = { create: 0, update: 0, replace: 0, delete: 0, unmanaged: 0, errors: 0, warnings: 0 };
  for (const p of plans) for (const key of Object.keys(summary) as Array<keyof typeof summary>) summary[key] += p.summary[key];
  const fingerprint = createHash('sha256').update(plans.map((p) => p.fingerprint).join('\n')).digest('hex');
  return { version: 1, fingerprint, summary, clusters: plans.flatMap((p) => p.clusters) };
}
