/**
 * A middleware inside the SDK's retry loop that sees every attempt: it reports it to the run's
 * CallWatch, refuses it once the run's deadline has passed, cuts it off when the deadline passes
 * while it waits, and names the endpoint in a timeout's message (the SDK's says only how long).
 */
import type { FinalizeHandler, FinalizeHandlerArguments, HandlerExecutionContext, RelativeMiddlewareOptions } from '@smithy/types';
import type { CallWatch } from './call-watch.js';
import { deadlineError, type Deadline } from './deadline.js';
import { isTimeout } from './paced-retry.js';

interface RequestLike {
  protocol?: string;
  hostname?: string;
  port?: number;
}

/** `https://eks.us-east-1.amazonaws.com`, from the request being sent. */
function endpointOf(request: unknown): string {
  const r = (request ?? {}) as RequestLike;
  if (!r.hostname) return 'an unknown endpoint';
  return `${r.protocol ?? 'https:'}//${r.hostname}${r.port ? `:${r.port}` : ''}`;
}

export function guardCalls(options: { deadline?: Deadline; watch?: CallWatch }) {
  const { deadline, watch } = options;
  return <Input extends object, Output extends object>(next: FinalizeHandler<Input, Output>, context: HandlerExecutionContext): FinalizeHandler<Input, Output> =>
    async (args: FinalizeHandlerArguments<Input>) => {
      const operation = String(context.commandName ?? 'a call').replace(/Command$/, '');
      const endpoint = endpointOf(args.request);
      if (deadline?.cutsCalls && deadline.expired()) throw deadlineError(deadline, operation, endpoint);
      const id = watch?.begin(operation, endpoint);
      const startedAt = deadline?.now() ?? 0;
      try {
        const attempt = next(args);
        let answer;
        if (deadline?.cutsCalls) {
          // The attempt may still fail after the deadline has won; nobody waits for it then.
          attempt.catch(() => undefined);
          const cutOff = deadline.reached().then(() => {
            if (deadline.cutsCalls) throw deadlineError(deadline, operation, endpoint, deadline.now() - startedAt);
            return attempt;
          });
          answer = await Promise.race([attempt, cutOff]);
        } else {
          answer = await attempt;
        }
        if (id !== undefined) watch?.end(id);
        return answer;
      } catch (err) {
        if (id !== undefined) watch?.end(id, err);
        // The HTTP handler's wording names its package and log level ("@smithy/node-http-handler - [ERROR] …"): keep what happened.
        if (isTimeout(err) && err instanceof Error && !err.message.startsWith('no answer from')) err.message = `no answer from ${endpoint}: ${err.message.replace(/@smithy\/[\w-]+ - \[\w+\] /g, '')}`;
        throw err;
      }
    };
}

export const guardCallsOptions: RelativeMiddlewareOptions = { name: 'eksIdentityGuardCalls', relation: 'after', toMiddleware: 'retryMiddleware' };
