import { EksIdentityError } from '../errors.js';
import type { GitHubClient } from '../github/client.js';
import type { Operations } from '../operations/index.js';
import { startTimeLimit } from '../operations/time-limit.js';
import { runApplyFlow } from './apply-flow.js';
import { lazyGitHub, type FlowContext } from './context.js';
import { FORK_MESSAGE, hasAwsCredentials, NO_CREDENTIALS_MESSAGE } from './credentials.js';
import { isForkPullRequest, parseActionEvent } from './event.js';
import { readSettings, type InputReader } from './inputs.js';
import type { ActionIo } from './io.js';
import { resolveMode } from './mode.js';
import { runDriftFlow } from './drift-flow.js';
import { runMigrateFlow } from './migrate-flow.js';
import { runPlanFlow, type FlowResult } from './plan-flow.js';

/** Everything run() touches, passed in so tests drive it with plain objects. */
export interface ActionDeps {
  getInput: InputReader;
  env: Record<string, string | undefined>;
  io: ActionIo;
  /** Loaded only when a mode needs it, so a skipped run never loads the AWS SDK. */
  loadOperations: () => Promise<Operations>;
  createGitHub: (token: string) => GitHubClient;
  readEventPayload: (path: string) => Promise<unknown>;
  writeFile: (path: string, text: string) => Promise<void>;
  cwd: string;
}

export type ActionStatus = 'success' | 'failure' | 'neutral';

export interface ActionResult {
  status: ActionStatus;
  mode: string;
  message?: string;
}

/** The action: inputs → event → mode → flow. Never throws; failures end as a failed step. */
export async function runAction(deps: ActionDeps): Promise<ActionResult> {
  const { io } = deps;
  let mode = 'unknown';
  try {
    const settings = readSettings(deps.getInput);
    if (settings.githubToken !== '') io.setSecret(settings.githubToken);

    const eventPath = deps.env.GITHUB_EVENT_PATH;
    const payload = eventPath ? await deps.readEventPayload(eventPath) : {};
    const event = parseActionEvent(deps.env, payload);
    const decision = resolveMode(settings.mode, event);
    mode = decision.mode;
    io.info(`eks-identity: mode ${decision.mode} (${decision.reason})`);
    if (decision.mode === 'skip') {
      io.notice(`eks-identity: nothing to do: ${decision.reason}`);
      return { status: 'neutral', mode, message: decision.reason };
    }
    // The mode may come from the workflow_dispatch event rather than the mode input, so what it
    // needs is checked again here.
    if (decision.mode === 'migrate-aws-auth' && settings.configmap === undefined) {
      throw new EksIdentityError('ACTION_INPUT_INVALID', 'input "configmap" is required with mode migrate-aws-auth', {
        fix: 'set the configmap input to the aws-auth ConfigMap file (kubectl get configmap aws-auth -n kube-system -o yaml)',
      });
    }
    if (isForkPullRequest(event)) {
      io.notice(FORK_MESSAGE);
      return { status: 'neutral', mode, message: FORK_MESSAGE };
    }
    const ops = await deps.loadOperations();
    if (!hasAwsCredentials(deps.env)) {
      if (!(await ops.findCredentials())) {
        io.notice(NO_CREDENTIALS_MESSAGE);
        return { status: 'neutral', mode, message: NO_CREDENTIALS_MESSAGE };
      }
      io.info('eks-identity: no credential variables are set; using the credentials the AWS SDK found (instance or container role, or shared config)');
    }

    const ctx: FlowContext = {
      settings,
      mode: decision.mode,
      event,
      io,
      ops,
      workspace: deps.env.GITHUB_WORKSPACE ?? deps.cwd,
      tempDir: deps.env.RUNNER_TEMP ?? deps.cwd,
      writeFile: deps.writeFile,
      timeLimit: startTimeLimit(settings.timeoutMs),
      ...lazyGitHub(() => {
        if (settings.githubToken === '') throw new Error('the github-token input is empty; it is needed to comment and open issues');
        return deps.createGitHub(settings.githubToken);
      }),
    };

    let result: FlowResult;
    switch (decision.mode) {
      case 'plan':
        result = await runPlanFlow(ctx);
        break;
      case 'apply':
        result = await runApplyFlow(ctx, decision.review);
        break;
      case 'drift':
        result = await runDriftFlow(ctx);
        break;
      default:
        result = await runMigrateFlow(ctx, decision.mode);
    }
    if (result.failed) {
      io.setFailed(`eks-identity: ${result.failed}`);
      return { status: 'failure', mode, message: result.failed };
    }
    return { status: 'success', mode };
  } catch (error) {
    const message = describeError(error);
    io.setFailed(`eks-identity: ${message}`);
    return { status: 'failure', mode, message };
  }
}

/** One readable line for the log: the message, the fix when the error carries one. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const fix = (error as { fix?: unknown }).fix;
    return typeof fix === 'string' ? `${error.message} (fix: ${fix})` : error.message;
  }
  return String(error);
}
