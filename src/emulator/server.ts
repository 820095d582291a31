/**
 * The HTTP front: reads a request, tells EKS (restJson1) from IAM/STS (awsQuery), counts it,
 * injects faults, runs the handler and writes the answer in the service's wire format.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EksIdentityError } from '../errors.js';
import { partitionOfRegion } from '../model/partition.js';
import { ApiError } from './api-error.js';
import type { RequestContext } from './context.js';
import { matchEksRoute } from './eks-routes.js';
import { createFaultInjector } from './faults.js';
import { parseAuthorization, resolveCaller } from './identity.js';
import { IAM_NAMESPACE, matchQueryAction, STS_NAMESPACE } from './query-routes.js';
import { createIdFactory, createRandom } from './random.js';
import { inspectWorld, snapshotWorld } from './snapshot.js';
import { parseEmulatorState } from './state-file.js';
import type { EmulatorHandle, EmulatorOptions, FaultOptions } from './types.js';
import { buildWorld } from './world-build.js';
import type { World } from './world.js';
import { renderQueryError, renderQueryResponse } from './xml.js';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function eksAnswer(status: number, body: unknown, requestId: string): Answer {
  return { status, headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId }, body: JSON.stringify(body) };
}

function eksError(err: ApiError, requestId: string): Answer {
  const answer = eksAnswer(err.status, { ...err.fields, message: err.message }, requestId);
  answer.headers['x-amzn-errortype'] = err.code;
  return answer;
}

function queryError(err: ApiError, requestId: string): Answer {
  return { status: err.status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: renderQueryError(err.code, err.message, err.status, requestId) };
}

/** Protocol-specific forms of the injected faults: EKS 429 ThrottlingException, IAM/STS 400 Throttling. */
function faultError(protocol: 'eks' | 'query', kind: 'throttle' | 'deny' | 500 | 503): ApiError {
  if (kind === 'deny') {
    const message = 'User is not authorized to perform this operation (denied by the emulator fault denyOperations)';
    return protocol === 'eks' ? new ApiError('AccessDeniedException', 403, message) : new ApiError('AccessDenied', 403, message);
  }
  if (kind === 'throttle') return protocol === 'eks' ? new ApiError('ThrottlingException', 429, 'Rate exceeded') : new ApiError('Throttling', 400, 'Rate exceeded');
  if (kind === 500) return protocol === 'eks' ? new ApiError('ServerException', 500, 'Internal error') : new ApiError('ServiceFailure', 500, 'Internal error');
  return protocol === 'eks' ? new ApiError('ServiceUnavailableException', 503, 'Service unavailable') : new ApiError('ServiceUnavailable', 503, 'Service unavailable');
}

/** Starts the emulator on a loopback port and resolves once it listens. */
export async function startEmulator(options: EmulatorOptions): Promise<EmulatorHandle> {
  const seed = options.seed ?? 1;
  const now = options.now ?? Date.now;
  const ids = createIdFactory(createRandom(seed));
  const injector = createFaultInjector(createRandom((seed ^ 0x9e3779b9) >>> 0));
  const world = buildWorld(parseEmulatorState(options.state, 'emulator state'), ids);
  let faults: FaultOptions = { ...(options.faults ?? {}) };
  const calls = new Map<string, number>();
  const successes = new Map<string, number>();
  const bump = (m: Map<string, number>, op: string) => m.set(op, (m.get(op) ?? 0) + 1);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = req.method ?? 'GET';
    const scope = parseAuthorization(req.headers.authorization);
    const region = scope.region ?? world.region;
    const requestId = ids.requestId();
    const isQuery = method === 'POST' && url.pathname === '/' && String(req.headers['content-type'] ?? '').includes('x-www-form-urlencoded');
    const protocol: 'eks' | 'query' = isQuery ? 'query' : 'eks';
    const form = isQuery ? new URLSearchParams(body) : undefined;
    const action = form?.get('Action') ?? '';
    const query = isQuery ? matchQueryAction(action, scope.service) : undefined;
    const route = isQuery ? undefined : matchEksRoute(method, url.pathname);
    const operation = isQuery ? action || 'Unknown' : (route?.operation ?? 'Unknown');
    bump(calls, operation);

    const delay = injector.delayMs(faults);
    if (delay > 0) await sleep(delay);
    const decision = injector.decide(operation, faults, now());
    if (decision.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    // A silent endpoint: the connection stays open and nothing comes back (close() ends it).
    if (decision.kind === 'hang') return;
    const fail = (err: ApiError): Answer => (protocol === 'eks' ? eksError(err, requestId) : queryError(err, requestId));
    let answer: Answer;
    if (decision.kind === 'throttle' || decision.kind === 'deny') answer = fail(faultError(protocol, decision.kind));
    else if (decision.kind === 'error') answer = fail(faultError(protocol, decision.status));
    else answer = run();

    function run(): Answer {
      const caller = resolveCaller(world, scope, region);
      const ctx: RequestContext = { world, ids, now: now(), region, partition: partitionOfRegion(region), caller, faults };
      try {
        if (caller.expirationMs !== undefined && caller.expirationMs < ctx.now) {
          throw protocol === 'eks'
            ? new ApiError('ExpiredTokenException', 403, 'The security token included in the request is expired')
            : new ApiError('ExpiredToken', 400, 'The security token included in the request is expired');
        }
        if (query) {
          if (!query.handler) throw new ApiError('InvalidAction', 400, `Could not find operation ${action} for version ${form?.get('Version') ?? ''}`);
          const result = query.handler(ctx, form!);
          const namespace = query.service === 'sts' ? STS_NAMESPACE : IAM_NAMESPACE;
          return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: renderQueryResponse(action, namespace, result, requestId) };
        }
        if (!route) throw new ApiError('UnknownOperationException', 404, `No EKS operation at ${method} ${url.pathname}`);
        let parsed: Record<string, unknown> = {};
        if (body.trim() !== '') {
          try {
            parsed = JSON.parse(body) as Record<string, unknown>;
          } catch {
            throw new ApiError('SerializationException', 400, 'The request body is not valid JSON.');
          }
        }
        return eksAnswer(200, route.handler(ctx, { params: route.params, query: url.searchParams, body: parsed }), requestId);
      } catch (err) {
        if (err instanceof ApiError) return fail(err);
        return fail(new ApiError(protocol === 'eks' ? 'ServerException' : 'ServiceFailure', 500, `Emulator error: ${err instanceof Error ? err.message : String(err)}`));
      }
    }

    if (answer.status < 300) bump(successes, operation);
    res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
    res.end(answer.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(listenError(err, host, options.port ?? 0)));
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    endpoint,
    env: endpointEnv(endpoint, world),
    calls: () => Object.fromEntries(calls),
    successfulCalls: () => Object.fromEntries(successes),
    resetCalls: () => {
      calls.clear();
      successes.clear();
    },
    setFaults: (next) => {
      faults = { ...next };
    },
    snapshot: () => snapshotWorld(world),
    inspect: () => inspectWorld(world),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A port that cannot be had is the user's to fix: one line naming the address, not a stack trace. */
function listenError(err: Error & { code?: string }, host: string, port: number): Error {
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (err.code === 'EADDRINUSE') {
    return new EksIdentityError('EMULATOR_PORT_IN_USE', `emulator: ${where} is already in use`, { fix: 'stop what listens there, pick another --port, or leave --port out for any free port', cause: err });
  }
  if (err.code === 'EACCES') {
    return new EksIdentityError('EMULATOR_PORT_DENIED', `emulator: not allowed to listen on ${where}`, { fix: 'use a port above 1023, or leave --port out for any free port', cause: err });
  }
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') {
    return new EksIdentityError('EMULATOR_HOST_UNAVAILABLE', `emulator: ${host} is not an address of this machine`, { fix: 'use --host 127.0.0.1 (the default) or an address of this machine', cause: err });
  }
  return err;
}

/** The variables that point the unmodified SDK at the emulator, with the default key's credentials. */
function endpointEnv(endpoint: string, world: World): Record<string, string> {
  const env: Record<string, string> = {
    AWS_ENDPOINT_URL_EKS: endpoint,
    AWS_ENDPOINT_URL_IAM: endpoint,
    AWS_ENDPOINT_URL_STS: endpoint,
    AWS_REGION: world.region,
  };
  const key = world.defaultAccessKeyId ?? world.identities.keys().next().value;
  const identity = key === undefined ? undefined : world.identities.get(key);
  if (key !== undefined) {
    env.AWS_ACCESS_KEY_ID = key;
    env.AWS_SECRET_ACCESS_KEY = identity?.secretAccessKey ?? 'emulator-secret';
    if (identity?.sessionToken) env.AWS_SESSION_TOKEN = identity.sessionToken;
  }
  return env;
}
