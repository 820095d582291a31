import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { applyPlan } from '../apply/index.js';
import { SdkEksWriteGateway } from '../aws/gateway.js';
import { closeClusterSessions } from '../aws/session.js';
import { planManifest, type PlanRequest } from '../engine.js';
import { renderApplyReport } from '../render/apply-report.js';
import { escapeMarkdownText, renderPlan } from '../render/index.js';
import type { ActionEngine, EngineRequest, PreparedApply } from './engine.js';
import { runMigration } from './migration-engine.js';

/** The real engine behind the action: manifest → AWS → plan → apply, as the CLI runs it. */
export function createDefaultEngine(): ActionEngine {
  return {
    plan: async (request) => {
      const result = await planManifest(planRequest(request));
      closeClusterSessions(result.sessions);
      return result.plan;
    },
    prepareApply: async (request) => prepareApply(request),
    migrate: (request) => runMigration(request, (plan, maxLength) => renderPlan(plan, 'markdown', { title: 'Plan', maxLength })),
    renderPlanMarkdown: (plan, options) => renderPlan(plan, 'markdown', options),
    escapeMarkdown: escapeMarkdownText,
    findCredentials,
  };
}

/**
 * Asks the SDK's default chain once, as the clients will. The instance metadata service gets one
 * second and no retries: on a runner without it (GitHub-hosted runners) the answer is quick.
 */
async function findCredentials(): Promise<boolean> {
  try {
    const credentials = await defaultProvider({ timeout: 1000, maxRetries: 0 })();
    return credentials.accessKeyId !== '';
  } catch {
    return false;
  }
}

function planRequest(request: EngineRequest): PlanRequest {
  return {
    manifest: request.manifest,
    cwd: request.cwd,
    clusters: request.clusters,
    ...(request.prune === undefined ? {} : { prune: request.prune }),
    ...(request.maxDeletes === undefined ? {} : { maxDeletes: request.maxDeletes }),
    allowLockout: request.allowLockout,
  };
}

async function prepareApply(request: EngineRequest): Promise<PreparedApply> {
  const { plan, sessions } = await planManifest(planRequest(request));
  return {
    plan,
    dispose: () => closeClusterSessions(sessions),
    execute: async () => {
      const gateways = Object.fromEntries(
        sessions.map((s) => [s.target.name, new SdkEksWriteGateway(s.clients, { callerPrincipalArn: s.caller.principalArn })]),
      );
      const report = await applyPlan(
        plan,
        { gateways, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), now: Date.now },
        {
          ...(request.maxDeletes === undefined ? {} : { maxDeletes: request.maxDeletes }),
          allowLockout: request.allowLockout,
        },
      );
      return {
        markdown: renderApplyReport(report, 'markdown'),
        applied: report.summary.applied + report.summary.adopted,
        failed: report.summary.failed,
        skipped: report.summary.skipped,
      };
    },
  };
}
