/**
 * Debug lines for AWS calls: client, operation, attempt, outcome and latency of every attempt.
 * Only those: never headers, inputs, outputs or credentials (the attempt number is read from the
 * SDK's own `amz-sdk-request` header, nothing else is).
 *
 * It runs inside the SDK's retry loop (after retryMiddleware), so a throttled call that the SDK
 * retries shows one line per attempt.
 */
import type { FinalizeHandler, FinalizeHandlerArguments, HandlerExecutionContext, RelativeMiddlewareOptions } from '@smithy/types';

export interface AwsCallRecord {
  /** `EKSClient`, `IAMClient`, `STSClient`. */
  client: string;
  /** `ListPodIdentityAssociationsCommand` without `Command`. */
  operation: string;
  /** 1 for the first attempt; 0 when the SDK did not number it. */
  attempt: number;
  maxAttempts?: number;
  /** HTTP status, when an answer came. */
  status?: number;
  /** Error name (`ThrottlingException`, `TimeoutError`…), when the attempt failed. */
  error?: string;
  latencyMs: number;
  requestId?: string;
}

export type AwsCallLog = (record: AwsCallRecord) => void;

/** `eks ListPodIdentityAssociations attempt 2/8: 429 ThrottlingException in 12 ms (request 1a2b…)`. */
export function formatAwsCall(r: AwsCallRecord): string {
  const service = r.client.replace(/Client$/, '').toLowerCase();
  const attempt = r.attempt > 0 ? ` attempt ${r.attempt}${r.maxAttempts ? `/${r.maxAttempts}` : ''}` : '';
  const outcome = [r.status === undefined ? undefined : String(r.status), r.error].filter(Boolean).join(' ') || 'no answer';
  const request = r.requestId ? ` (request ${r.requestId})` : '';
  return `aws ${service} ${r.operation}${attempt}: ${outcome} in ${Math.round(r.latencyMs)} ms${request}`;
}

/**
 * Where debug lines go when the caller names no log: in a GitHub Actions step with debug logging
 * on (RUNNER_DEBUG=1, set by "Enable debug logging" or ACTIONS_STEP_DEBUG) as `::debug::` lines,
 * which is what `core.debug` writes; with EKS_IDENTITY_DEBUG=1 (CLI, library) to stderr; else none.
 */
export function awsCallLogFromEnv(env: NodeJS.ProcessEnv = process.env): AwsCallLog | undefined {
  if (env.GITHUB_ACTIONS === 'true' && env.RUNNER_DEBUG === '1') {
    return (r) => process.stdout.write(`::debug::${escapeCommandData(formatAwsCall(r))}\n`);
  }
  if (env.EKS_IDENTITY_DEBUG === '1') return (r) => process.stderr.write(`[debug] ${formatAwsCall(r)}\n`);
  return undefined;
}

/** The workflow-command escaping of `::debug::` data (%, CR, LF), as @actions/core does it. */
function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The middleware, for `middlewareStack.addRelativeTo(logAwsCalls(log), logAwsCallsOptions)`. */
export function logAwsCalls(log: AwsCallLog, now: () => number = () => performance.now()) {
  return <Input extends object, Output extends object>(next: FinalizeHandler<Input, Output>, context: HandlerExecutionContext): FinalizeHandler<Input, Output> =>
    async (args: FinalizeHandlerArguments<Input>) => {
      const started = now();
      const base = { client: context.clientName ?? 'AWS', operation: (context.commandName ?? 'unknown').replace(/Command$/, ''), ...attemptOf(args.request) };
      try {
        const result = await next(args);
        const response = result.response as { statusCode?: number; headers?: Record<string, string> } | undefined;
        log({ ...base, ...statusOf(response), latencyMs: now() - started });
        return result;
      } catch (err) {
        const e = err as { name?: string; $metadata?: { httpStatusCode?: number; requestId?: string } };
        log({
          ...base,
          ...(e.$metadata?.httpStatusCode === undefined ? {} : { status: e.$metadata.httpStatusCode }),
          ...(typeof e.name === 'string' ? { error: e.name } : {}),
          ...(e.$metadata?.requestId === undefined ? {} : { requestId: e.$metadata.requestId }),
          latencyMs: now() - started,
        });
        throw err;
      }
    };
}

export const logAwsCallsOptions: RelativeMiddlewareOptions = { name: 'eksIdentityLogAwsCalls', relation: 'after', toMiddleware: 'retryMiddleware' };

function attemptOf(request: unknown): { attempt: number; maxAttempts?: number } {
  const header = (request as { headers?: Record<string, string> } | undefined)?.headers?.['amz-sdk-request'] ?? '';
  const attempt = /attempt=(\d+)/.exec(header);
  const max = /max=(\d+)/.exec(header);
  return { attempt: attempt ? Number(attempt[1]) : 0, ...(max ? { maxAttempts: Number(max[1]) } : {}) };
}

function statusOf(response: { statusCode?: number; headers?: Record<string, string> } | undefined): { status?: number; requestId?: string } {
  if (!response) return {};
  const requestId = response.headers?.['x-amzn-requestid'] ?? response.headers?.['x-amz-request-id'];
  return { ...(response.statusCode === undefined ? {} : { status: response.statusCode }), ...(requestId === undefined ? {} : { requestId }) };
}
