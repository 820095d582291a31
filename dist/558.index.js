export const id = 558;
export const ids = [558];
export const modules = {

/***/ 2558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ApplyRefusedError: () => (/* reexport */ refusal/* ApplyRefusedError */.v$),
  ManifestInvalidError: () => (/* reexport */ ManifestInvalidError),
  PreparedPlan: () => (/* reexport */ PreparedPlan),
  Proposal: () => (/* reexport */ Proposal),
  apply: () => (/* reexport */ apply),
  exportCluster: () => (/* reexport */ exportCluster),
  findCredentials: () => (/* reexport */ findCredentials),
  loadValidManifest: () => (/* reexport */ loadValidManifest),
  migrateAwsAuth: () => (/* reexport */ migrateAwsAuth),
  migrateIrsa: () => (/* reexport */ migrateIrsa),
  operations: () => (/* binding */ operations),
  plan: () => (/* reexport */ plan_plan),
  startTimeLimit: () => (/* reexport */ time_limit/* startTimeLimit */.r),
  withPlan: () => (/* reexport */ withPlan)
});

// EXTERNAL MODULE: ./src/apply/apply-plan.ts + 9 modules
var apply_plan = __webpack_require__(9521);
// EXTERNAL MODULE: ./src/apply/order.ts + 1 modules
var order = __webpack_require__(3989);
// EXTERNAL MODULE: ./src/apply/token.ts
var token = __webpack_require__(7317);
// EXTERNAL MODULE: ./src/apply/guards.ts
var guards = __webpack_require__(4132);
// EXTERNAL MODULE: ./src/apply/refusal.ts
var refusal = __webpack_require__(5616);
;// CONCATENATED MODULE: ./src/apply/index.ts






// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-eks/dist-cjs/index.js
var dist_cjs = __webpack_require__(4524);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var client_iam_dist_cjs = __webpack_require__(6764);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/aws/canonical-json.ts
/**
 * Canonical JSON text: object keys sorted recursively, no whitespace. Two policies that mean the
 * same document compare equal as strings, which keeps plans free of perpetual diffs.
 */
function canonicalJson(value) {
    return JSON.stringify(sortKeys(value));
}
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (typeof value === 'object' && value !== null) {
        const sorted = {};
        for (const key of Object.keys(value).sort())
            sorted[key] = sortKeys(value[key]);
        return sorted;
    }
    return value;
}
/** Canonical form of JSON text; text that is not JSON is returned unchanged so nothing is lost. */
function canonicalJsonText(text) {
    try {
        return canonicalJson(JSON.parse(text));
    }
    catch {
        return text;
    }
}

// EXTERNAL MODULE: ./src/model/order.ts
var model_order = __webpack_require__(6553);
;// CONCATENATED MODULE: ./src/aws/live-convert.ts


/*
 * SDK shapes → LiveState shapes. Dates become ISO strings, collections are sorted, and absent
 * optional members stay absent, so the same world always reads as the same LiveState.
 */
function isoOf(date) {
    return date === undefined ? undefined : date.toISOString();
}
function withOptional(base, optional) {
    const out = { ...base };
    for (const [key, value] of Object.entries(optional))
        if (value !== undefined)
            out[key] = value;
    return out;
}
function toAssociationSummary(s) {
    // Built field by field, not through withOptional: a targeted read converts thousands per run.
    const out = { associationId: s.associationId ?? '', namespace: s.namespace ?? '', serviceAccount: s.serviceAccount ?? '' };
    if (s.associationArn !== undefined)
        out.associationArn = s.associationArn;
    if (s.ownerArn !== undefined)
        out.ownerArn = s.ownerArn;
    return out;
}
function toLiveAssociation(a, summary) {
    // targetRoleArn and policy come back as "" on some paths when unset: treat empty as absent.
    const target = a.targetRoleArn === '' ? undefined : a.targetRoleArn;
    const policy = a.policy === undefined || a.policy === '' ? undefined : canonicalJsonText(a.policy);
    return withOptional({
        associationId: a.associationId ?? summary.associationId,
        namespace: a.namespace ?? summary.namespace,
        serviceAccount: a.serviceAccount ?? summary.serviceAccount,
        roleArn: a.roleArn ?? '',
        disableSessionTags: a.disableSessionTags ?? false,
        tags: (0,model_order/* sortedRecord */.v)(a.tags),
    }, {
        associationArn: a.associationArn ?? summary.associationArn,
        ownerArn: a.ownerArn ?? summary.ownerArn,
        targetRoleArn: target,
        policy,
        createdAt: isoOf(a.createdAt),
        modifiedAt: isoOf(a.modifiedAt),
    });
}
function toLiveAccessEntry(e, principalArn, policies) {
    return withOptional({
        principalArn: e.principalArn ?? principalArn,
        type: (e.type ?? 'STANDARD'),
        kubernetesGroups: [...new Set(e.kubernetesGroups ?? [])].sort(),
        tags: (0,model_order/* sortedRecord */.v)(e.tags),
        accessPolicies: policies.map(toLiveAccessPolicy).sort((a, b) => (0,model_order/* compare */.U)(a.policyArn, b.policyArn)),
    }, { accessEntryArn: e.accessEntryArn, username: e.username, createdAt: isoOf(e.createdAt), modifiedAt: isoOf(e.modifiedAt) });
}
function toLiveAccessPolicy(p) {
    return withOptional({ policyArn: p.policyArn ?? '', scope: toScope(p.accessScope) }, { associatedAt: isoOf(p.associatedAt) });
}
/** Namespaces sorted and de-duplicated, as in DesiredAccessPolicy. */
function toScope(scope) {
    if (scope?.type === 'namespace')
        return { type: 'namespace', namespaces: [...new Set(scope.namespaces ?? [])].sort() };
    return { type: 'cluster' };
}
function toLiveUser(user) {
    return { arn: user.Arn ?? '', userName: user.UserName ?? '', userId: user.UserId ?? '', createDate: isoOf(user.CreateDate) ?? '' };
}
function toLiveRole(role) {
    return {
        arn: role.Arn ?? '',
        roleName: role.RoleName ?? '',
        roleId: role.RoleId ?? '',
        createDate: isoOf(role.CreateDate) ?? '',
        trustPolicy: decodeTrustPolicy(role.AssumeRolePolicyDocument),
    };
}
/** IAM returns the trust policy URL-encoded JSON; anything undecodable is kept as text for the finding to show. */
function decodeTrustPolicy(document) {
    if (document === undefined || document === '')
        return undefined;
    let text = document;
    try {
        text = decodeURIComponent(document);
    }
    catch {
        // Not URL-encoded after all: parse it as it is.
    }
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
function toAuthenticationMode(mode) {
    // Clusters created before access entries existed report no access config: they are ConfigMap-only.
    if (mode === 'API' || mode === 'API_AND_CONFIG_MAP' || mode === 'CONFIG_MAP')
        return mode;
    return 'CONFIG_MAP';
}


// EXTERNAL MODULE: ./node_modules/@aws-sdk/credential-providers/dist-cjs/index.js
var credential_providers_dist_cjs = __webpack_require__(9719);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/index.js
var core_dist_cjs = __webpack_require__(402);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/model/partition.ts
var model_partition = __webpack_require__(655);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/retry/index.js
var submodules_retry = __webpack_require__(3609);
// EXTERNAL MODULE: ./src/aws/deadline.ts
var aws_deadline = __webpack_require__(7969);
// EXTERNAL MODULE: ./src/aws/paced-retry.ts
var paced_retry = __webpack_require__(1395);
;// CONCATENATED MODULE: ./src/aws/call-guard.ts


/** `https://eks.us-east-1.amazonaws.com`, from the request being sent. */
function endpointOf(request) {
    const r = (request ?? {});
    if (!r.hostname)
        return 'an unknown endpoint';
    return `${r.protocol ?? 'https:'}//${r.hostname}${r.port ? `:${r.port}` : ''}`;
}
function guardCalls(options) {
    const { deadline, watch } = options;
    return (next, context) => async (args) => {
        const operation = String(context.commandName ?? 'a call').replace(/Command$/, '');
        const endpoint = endpointOf(args.request);
        if (deadline?.cutsCalls && deadline.expired())
            throw (0,aws_deadline/* deadlineError */.$f)(deadline, operation, endpoint);
        const id = watch?.begin(operation, endpoint);
        const startedAt = deadline?.now() ?? 0;
        try {
            const attempt = next(args);
            let answer;
            if (deadline?.cutsCalls) {
                // The attempt may still fail after the deadline has won; nobody waits for it then.
                attempt.catch(() => undefined);
                const cutOff = deadline.reached().then(() => {
                    if (deadline.cutsCalls)
                        throw (0,aws_deadline/* deadlineError */.$f)(deadline, operation, endpoint, deadline.now() - startedAt);
                    return attempt;
                });
                answer = await Promise.race([attempt, cutOff]);
            }
            else {
                answer = await attempt;
            }
            if (id !== undefined)
                watch?.end(id);
            return answer;
        }
        catch (err) {
            if (id !== undefined)
                watch?.end(id, err);
            // The HTTP handler's wording names its package and log level ("@smithy/node-http-handler - [ERROR] …"): keep what happened.
            if ((0,paced_retry/* isTimeout */.kL)(err) && err instanceof Error && !err.message.startsWith('no answer from'))
                err.message = `no answer from ${endpoint}: ${err.message.replace(/@smithy\/[\w-]+ - \[\w+\] /g, '')}`;
            throw err;
        }
    };
}
const guardCallsOptions = { name: 'eksIdentityGuardCalls', relation: 'after', toMiddleware: 'retryMiddleware' };

;// CONCATENATED MODULE: ./src/aws/call-log.ts
/** `eks ListPodIdentityAssociations attempt 2/8: 429 ThrottlingException in 12 ms (request 1a2b…)`. */
function formatAwsCall(r) {
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
function awsCallLogFromEnv(env = process.env) {
    if (env.GITHUB_ACTIONS === 'true' && env.RUNNER_DEBUG === '1') {
        return (r) => process.stdout.write(`::debug::${escapeCommandData(formatAwsCall(r))}\n`);
    }
    if (env.EKS_IDENTITY_DEBUG === '1')
        return (r) => process.stderr.write(`[debug] ${formatAwsCall(r)}\n`);
    return undefined;
}
/** The workflow-command escaping of `::debug::` data (%, CR, LF), as @actions/core does it. */
function escapeCommandData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** The middleware, for `middlewareStack.addRelativeTo(logAwsCalls(log), logAwsCallsOptions)`. */
function logAwsCalls(log, now = () => performance.now()) {
    return (next, context) => async (args) => {
        const started = now();
        const base = { client: context.clientName ?? 'AWS', operation: (context.commandName ?? 'unknown').replace(/Command$/, ''), ...attemptOf(args.request) };
        try {
            const result = await next(args);
            const response = result.response;
            log({ ...base, ...statusOf(response), latencyMs: now() - started });
            return result;
        }
        catch (err) {
            const e = err;
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
const logAwsCallsOptions = { name: 'eksIdentityLogAwsCalls', relation: 'after', toMiddleware: 'retryMiddleware' };
function attemptOf(request) {
    const header = request?.headers?.['amz-sdk-request'] ?? '';
    const attempt = /attempt=(\d+)/.exec(header);
    const max = /max=(\d+)/.exec(header);
    return { attempt: attempt ? Number(attempt[1]) : 0, ...(max ? { maxAttempts: Number(max[1]) } : {}) };
}
function statusOf(response) {
    if (!response)
        return {};
    const requestId = response.headers?.['x-amzn-requestid'] ?? response.headers?.['x-amz-request-id'];
    return { ...(response.statusCode === undefined ? {} : { status: response.statusCode }), ...(requestId === undefined ? {} : { requestId }) };
}

;// CONCATENATED MODULE: ./src/aws/clients.ts








const DEFAULT_MAX_ATTEMPTS = 8;
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const DEFAULT_RESPONSE_TIMEOUT_MS = 15_000;
/** IAM is global: its one endpoint per partition is signed for this region. */
const IAM_SIGNING_REGION = {
    aws: 'us-east-1',
    'aws-cn': 'cn-north-1',
    'aws-us-gov': 'us-gov-west-1',
};
/** The region IAM calls are made in for a cluster region (IAM is one global service per partition). */
function iamRegionFor(region) {
    return IAM_SIGNING_REGION[(0,model_partition/* partitionOfRegion */.cn)(region)];
}
/**
 * Builds the EKS, IAM and STS clients for one region, with the SDK's retries for throttling, 5xx
 * and dropped connections (`standard` mode by default, see `retryMode`). In standard mode a
 * throttle of a paced call goes back to its pacer instead (PacedRetryStrategy).
 */
function createAwsClients(options) {
    const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const retry = () => options.retryMode === 'adaptive' ? { retryMode: 'adaptive', maxAttempts } : { maxAttempts, retryStrategy: new paced_retry/* PacedRetryStrategy */.Hj(new submodules_retry.StandardRetryStrategy(maxAttempts)) };
    const requestHandler = {
        connectionTimeout: options.timeouts?.connectMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
        requestTimeout: options.timeouts?.responseMs ?? DEFAULT_RESPONSE_TIMEOUT_MS,
        // Without it the handler only logs a warning when requestTimeout passes, and waits on.
        throwOnRequestTimeout: true,
    };
    const common = () => ({
        ...retry(),
        requestHandler,
        // The SDK otherwise rebuilds and sorts the whole middleware stack on every send, about a tenth
        // of a read's CPU (BENCHMARKS.md, (b)). Cached per command class, which is safe here: every
        // middleware is added below, before the first send, and no command carries its own.
        cacheMiddleware: true,
        ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    });
    const endpoint = (url) => (url === undefined ? {} : { endpoint: url });
    const clients = {
        eks: new dist_cjs/* EKSClient */.JQJ({ ...common(), region: options.region, ...endpoint(options.endpoints?.eks) }),
        iam: new client_iam_dist_cjs/* IAMClient */.h8v({ ...common(), region: iamRegionFor(options.region), ...endpoint(options.endpoints?.iam) }),
        sts: new client_sts_dist_cjs/* STSClient */.iM({ ...common(), region: options.region, ...endpoint(options.endpoints?.sts) }),
    };
    const guard = guardCalls({ ...(options.deadline ? { deadline: options.deadline } : {}), ...(options.watch ? { watch: options.watch } : {}) });
    for (const client of [clients.eks, clients.iam, clients.sts])
        client.middlewareStack.addRelativeTo(guard, guardCallsOptions);
    const callLog = options.callLog ?? awsCallLogFromEnv();
    if (callLog)
        for (const client of [clients.eks, clients.iam, clients.sts])
            client.middlewareStack.addRelativeTo(logAwsCalls(callLog), logAwsCallsOptions);
    if (options.retryMode !== 'adaptive') {
        clients.eks.middlewareStack.addRelativeTo(paced_retry/* markPacedThrottles */.e5, paced_retry/* markPacedThrottlesOptions */.sf);
        clients.iam.middlewareStack.addRelativeTo(paced_retry/* markPacedThrottles */.e5, paced_retry/* markPacedThrottlesOptions */.sf);
    }
    return clients;
}
/** Releases the clients' sockets (keep-alive agents would otherwise hold the process open). */
function destroyAwsClients(clients) {
    clients.eks.destroy();
    clients.iam.destroy();
    clients.sts.destroy();
}

;// CONCATENATED MODULE: ./src/aws/session.ts







/**
 * Opens one session per cluster: clients for its region, the cluster's role assumed when it names
 * one, and the caller identity from STS. Sessions are shared per (region, assumeRoleArn), so a
 * fleet of clusters in one account costs one AssumeRole + GetCallerIdentity pair. A cluster whose
 * credentials belong to another account than its `accountId` is refused (ACCOUNT_MISMATCH).
 * Every target is tried; the failures are reported together.
 */
async function openClusterSessions(targets, options = {}) {
    const baseClients = new Map();
    const shared = new Map();
    const baseFor = (region) => {
        let clients = baseClients.get(region);
        if (!clients) {
            clients = createAwsClients(clientOptions(region, options.credentials, options));
            baseClients.set(region, clients);
        }
        return clients;
    };
    const sharedFor = (target) => {
        const key = `${target.region}\u0000${target.assumeRoleArn ?? ''}`;
        let session = shared.get(key);
        if (!session) {
            session = openSharedSession(target, baseFor, options);
            shared.set(key, session);
        }
        return session;
    };
    const settled = await Promise.allSettled(targets.map(async (target) => {
        const { clients, caller } = await sharedFor(target);
        if (target.accountId !== undefined && target.accountId !== caller.accountId)
            throw accountMismatch(target, caller);
        return { target, region: target.region, partition: (0,model_partition/* partitionOfRegion */.cn)(target.region), accountId: caller.accountId, caller, clients };
    }));
    const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
    if (failures.length > 0) {
        closeAll([...baseClients.values(), ...(await settledClients(shared))]);
        throw combineFailures(failures);
    }
    return settled.map((s) => s.value);
}
/** Releases the sockets of every distinct client set the sessions use. */
function closeClusterSessions(sessions) {
    closeAll(sessions.map((s) => s.clients));
}
function closeAll(clientSets) {
    for (const clients of new Set(clientSets))
        destroyAwsClients(clients);
}
async function settledClients(shared) {
    const all = await Promise.allSettled(shared.values());
    return all.flatMap((s) => (s.status === 'fulfilled' ? [s.value.clients] : []));
}
async function openSharedSession(target, baseFor, options) {
    const base = baseFor(target.region);
    let clients = base;
    if (target.assumeRoleArn !== undefined) {
        const provider = assumeRoleCredentials(base, { ...target, assumeRoleArn: target.assumeRoleArn }, options);
        // Assume once up front so a refused role fails here, naming the role, rather than inside a later call.
        await provider();
        clients = createAwsClients(clientOptions(target.region, provider, options));
    }
    const caller = await getCallerIdentity(clients.sts, target);
    return { clients, caller };
}
function clientOptions(region, credentials, options) {
    return {
        region,
        ...(credentials === undefined ? {} : { credentials }),
        ...(options.endpoints === undefined ? {} : { endpoints: options.endpoints }),
        ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
        ...(options.retryMode === undefined ? {} : { retryMode: options.retryMode }),
        ...(options.timeouts === undefined ? {} : { timeouts: options.timeouts }),
        ...(options.deadline === undefined ? {} : { deadline: options.deadline }),
        ...(options.watch === undefined ? {} : { watch: options.watch }),
    };
}
/** `eks-identity-<cluster>`, cut to the 64 characters and character set STS accepts. */
function sessionNameFor(clusterName) {
    return `eks-identity-${clusterName}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}
/**
 * The role's credentials from the SDK's own provider (STS AssumeRole through the same endpoint,
 * connection and timeouts as the base clients), memoized by the SDK's identity memoizer: one
 * AssumeRole serves the session's three clients, renewed five minutes before it expires, and a
 * failed attempt is not kept. Errors name the role.
 */
function assumeRoleCredentials(base, target, options) {
    const provider = (0,credential_providers_dist_cjs/* fromTemporaryCredentials */.ss)({
        params: { RoleArn: target.assumeRoleArn, RoleSessionName: sessionNameFor(target.name), DurationSeconds: options.durationSeconds ?? 3600 },
        ...(options.credentials === undefined ? {} : { masterCredentials: options.credentials }),
        clientConfig: {
            region: target.region,
            requestHandler: base.sts.config.requestHandler,
            maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
            ...(options.endpoints?.sts === undefined ? {} : { endpoint: options.endpoints.sts }),
        },
    });
    const described = async (properties) => {
        try {
            return await provider(properties);
        }
        catch (err) {
            throw (0,aws_errors/* describeAwsError */.Pp)('AssumeRole', `role ${target.assumeRoleArn}`, err);
        }
    };
    return (0,core_dist_cjs.memoizeIdentityProvider)(described, core_dist_cjs.isIdentityExpired, core_dist_cjs.doesIdentityRequireRefresh);
}
async function getCallerIdentity(sts, target) {
    let answer;
    try {
        answer = await sts.send(new client_sts_dist_cjs/* GetCallerIdentityCommand */.zI({}));
    }
    catch (err) {
        throw (0,aws_errors/* describeAwsError */.Pp)('GetCallerIdentity', `credentials for cluster ${target.name} (${target.region})`, err);
    }
    if (!answer.Arn || !answer.Account) {
        throw new errors/* EksIdentityError */.C('AWS_CALLER_IDENTITY', `GetCallerIdentity returned no ARN for cluster ${target.name}`, { source: 'internal' });
    }
    return callerIdentityOf(answer.Arn, answer.Account);
}
/**
 * The principal an access entry names for a caller: an assumed-role session maps to its role
 * (`arn:P:sts::A:assumed-role/NAME/SESSION` → `arn:P:iam::A:role/NAME`; STS does not return the
 * role's path). Users and roles map to themselves.
 */
function callerIdentityOf(arn, accountId) {
    const parsed = (0,model_partition/* parseArn */.Lw)(arn);
    if (parsed?.service === 'sts' && parsed.resource.startsWith('assumed-role/')) {
        const roleName = parsed.resource.split('/')[1] ?? '';
        return { arn, accountId, principalArn: `arn:${parsed.partition}:iam::${parsed.accountId}:role/${roleName}` };
    }
    return { arn, accountId, principalArn: arn };
}
function accountMismatch(target, caller) {
    const via = target.assumeRoleArn === undefined ? 'the credentials' : `the credentials from ${target.assumeRoleArn}`;
    return new errors/* EksIdentityError */.C('ACCOUNT_MISMATCH', `Cluster ${target.name} (${target.region}) is declared in account ${target.accountId ?? '?'}, but ${via} belong to account ${caller.accountId} (${caller.arn}); refusing to read or change it`, {
        fix: `Use credentials for account ${target.accountId ?? '?'} (for example assumeRoleArn on the cluster), or correct the cluster's accountId.`,
        ...(target.source === undefined ? {} : { location: target.source }),
    });
}
function combineFailures(failures) {
    if (failures.length === 1)
        return failures[0];
    const first = failures[0];
    const messages = failures.map((f) => (f instanceof Error ? f.message : String(f)));
    if (!errors/* EksIdentityError */.C.is(first))
        return first;
    return new errors/* EksIdentityError */.C(first.code, messages.join('\n'), {
        source: first.source,
        ...(first.fix === undefined ? {} : { fix: first.fix }),
        ...(first.location === undefined ? {} : { location: first.location }),
        cause: new AggregateError(failures),
    });
}

;// CONCATENATED MODULE: ./src/aws/throttle-judge.ts
/**
 * Tells a pacer whether its throttles are its own doing, and how far to slow down when they are.
 * Throttles caused by our own rate (an operation's token bucket that we overrun) fall as we slow
 * down: at a rate `r` over a limit `L` the throttled share is `1 - L/r`. Throttles caused by others
 * that share the account's limits (Terraform, controllers, the console, another pipeline) or by
 * random faults do not: the share stays where it was whatever we do. A loss-based controller that
 * cuts on every throttle collapses under the second kind, as Reno and CUBIC do on a lossy link.
 *
 * So the judge works on windows of outcomes, not on single throttles. A window whose throttled
 * share is clearly above the background share (none until one is found) is overload: the judge
 * asks for one cut, sized from the share (the rate the limit would let through, as a rate-model
 * controller such as BBR sizes its rate from what gets delivered), at most one per window. When
 * slowing down by a good margin did not lower the share, the throttles are background: the judge
 * remembers their share, judges later windows against it (cutting gently, and only for a clear
 * excess), and gives back the rate from before the cuts. The background share is the one seen at
 * the rates the cuts reached, and it is re-learned only at rates below the latest overload, where
 * our own overload cannot raise it: otherwise it would climb with the rate, unchecked.
 *
 * Pure: outcomes in, verdicts out; no clock.
 */
/** Outcomes per window: enough to tell 50 % from 25 % most of the time, few enough to act fast. */
const WINDOW = 16;
/** With no background known, this many throttles in a window are overload. */
const MIN_THROTTLES = 2;
/** Standard deviations above the background share before a window counts as overload. */
const Z = 2;
/** The deepest cut one window may ask for (share of the rate kept). */
const DEEPEST_CUT = 0.6;
/** With a background known, a window is noisier evidence: cuts are gentler. */
const DEEPEST_CUT_OVER_BACKGROUND = 0.75;
/**
 * Growth per calm window over a known background, below and above the rate of the latest
 * overload. Slow growth per answer is for a limit found by its throttles; under background
 * throttles a cut may have come from chance, and the rate should not take seconds to come back.
 */
const FAST_GROWTH = 1.05;
const SLOW_GROWTH = 1.01;
/** Windows pooled to judge a small excess over a known background. */
const POOLED_WINDOWS = 3;
/** Windows over which the floor remembers what the limit let through. */
const FLOOR_WINDOWS = 24;
/** Overload windows kept for the judgment (the oldest are dropped). */
const MAX_OVERLOADS = 12;
/** The largest background share the judge accepts. */
const MAX_BACKGROUND = 0.6;
/** Below this share the background is taken to have stopped. */
const CLEAR_SHARE = 0.03;
/** At most this share of a window throttled (2 of 16, the fewest that count) is a few throttles, not a measure of overload. */
const FEW_THROTTLES = 2 / 16;
class ThrottleJudge {
    calls = 0;
    throttled = 0;
    rateSum = 0;
    /**
     * Throttled windows in a row (one calm window does not end the run, it only keeps the next
     * window from being a reference). A bucket that had tokens saved up throttles less than the
     * rate predicts until they are spent: a window after one throttled window is compared with
     * earlier ones, and only one after two serves as the reference that later ones are compared with.
     */
    throttledWindows = 0;
    backgroundShare;
    /** The overload windows of the current run of cuts that came after a throttled one. */
    overloads = [];
    /** The rate of the first overload window of the current run of cuts, drained or not. */
    rateBeforeCuts;
    calmWindows = 0;
    /** The rate of the latest overload over a known background (none yet: no bound). */
    overloadRate = Number.POSITIVE_INFINITY;
    /** The highest rate at which a rise of the share cannot be our own doing. */
    safeRate = 0;
    /** The latest windows since the last cut, for judging a small excess over the background. */
    recent = [];
    /** Calls let through a second by the latest drained windows. */
    passed = [];
    mildestCut;
    constructor(options = {}) {
        this.mildestCut = options.mildestCut ?? 0.9;
    }
    /** The share of calls throttled by others, once known. */
    get background() {
        return this.backgroundShare;
    }
    /** Records the outcome of one call started at `rate`; returns a verdict when a window closes. */
    record(rate, throttled) {
        this.calls += 1;
        this.rateSum += rate;
        if (throttled)
            this.throttled += 1;
        if (this.calls < WINDOW)
            return { kind: 'none' };
        const window = { rate: this.rateSum / this.calls, share: this.throttled / this.calls, calls: this.calls };
        const drained = this.throttledWindows;
        this.throttledWindows = this.throttled >= MIN_THROTTLES ? this.throttledWindows + 1 : Math.min(this.throttledWindows, 1);
        this.calls = 0;
        this.throttled = 0;
        this.rateSum = 0;
        return this.judge(window, drained);
    }
    /** `drained`: throttled windows right before this one. */
    judge(latest, drained) {
        const background = this.backgroundShare ?? 0;
        this.recent.push(latest);
        if (this.recent.length > POOLED_WINDOWS)
            this.recent.shift();
        const window = this.overloadIn(background);
        if (!window)
            return this.judgeCalm(latest);
        this.recent = [];
        this.calmWindows = 0;
        if (this.backgroundShare !== undefined) {
            this.overloadRate = window.rate;
            this.safeRate = 0.8 * window.rate;
        }
        this.rateBeforeCuts ??= window.rate;
        const references = this.overloads.filter((w) => w.reference);
        const reference = references[references.length - 1];
        if (drained >= 1) {
            for (const before of [references[0], reference]) {
                if (before && slowingDidNotHelp(before, window, this.backgroundShare)) {
                    const restoreRate = this.rateBeforeCuts;
                    // The share seen at the rates the cuts showed to be no better: this window and the
                    // others well below the reference, pooled.
                    // At most MAX_BACKGROUND: a larger share is as likely our own overload misjudged (a
                    // bucket we overran, measured noisily), and judging against it would let us hammer it.
                    this.backgroundShare = Math.min(MAX_BACKGROUND, poolOf([...this.overloads.filter((w) => w.rate <= before.rate * 0.8), window]).share);
                    this.overloadRate = Number.POSITIVE_INFINITY;
                    this.safeRate = 0.8 * before.rate;
                    this.overloads = [];
                    this.rateBeforeCuts = undefined;
                    return { kind: 'background', share: this.backgroundShare, restoreRate };
                }
            }
            this.overloads.push({ ...window, reference: drained >= 2 });
            if (this.overloads.length > MAX_OVERLOADS)
                this.overloads.splice(1, 1);
        }
        // Already at or below what the latest reference says the limit lets through: a further cut
        // would answer throttles that own overload does not predict there. Hold, and let the next
        // windows tell whether they are background.
        if (this.backgroundShare === undefined && reference && window.rate <= reference.rate * (1 - reference.share))
            return { kind: 'none' };
        // The rate the limit lets through at this share, less a margin for the noise of one window.
        // A few throttles in a window (a burst that met the bucket's edge) say little about how far
        // over the limit we are: the mildest cut, as one throttle per round used to get. Short runs
        // (an apply's writes, a few dozen calls per operation) would otherwise lose a third of their rate.
        if (this.backgroundShare === undefined && window.share <= FEW_THROTTLES)
            return { kind: 'cut', rate: Math.max(window.rate * this.mildestCut, this.floor(window, drained)) };
        const model = (window.rate * (1 - window.share)) / (1 - background);
        const deepest = this.backgroundShare === undefined ? DEEPEST_CUT : DEEPEST_CUT_OVER_BACKGROUND;
        const rate = Math.min(window.rate * this.mildestCut, Math.max(window.rate * deepest, model * this.mildestCut));
        // Until a window fit to compare with has been seen, one deepest cut in all: deeper could not
        // be judged any sooner, and windows at a low rate take long to fill.
        const unjudged = this.backgroundShare === undefined && !this.overloads.some((w) => w.reference) ? this.rateBeforeCuts * DEEPEST_CUT : 0;
        return { kind: 'cut', rate: Math.max(rate, unjudged, this.floor(window, drained)) };
    }
    /**
     * Half the most calls let through a second in the last windows (counted only once the bucket
     * was drained): our own overload never needs a rate below what the limit let through, so
     * cutting further only happens when throttles do not fall as we slow down, which the judgment
     * needs a few windows to see. At low rates those windows take seconds; the floor keeps them short.
     */
    floor(window, drained) {
        if (drained >= 2) {
            this.passed.push(window.rate * (1 - window.share));
            if (this.passed.length > FLOOR_WINDOWS)
                this.passed.shift();
        }
        return this.passed.length === 0 ? 0 : 0.5 * Math.max(...this.passed);
    }
    /**
     * The latest window, or the latest few pooled, when clearly above the background: more
     * throttles than chance explains. Over a known background one window is weak evidence (at half
     * the calls throttled, 16 outcomes vary by ±12 %), so a small excess is judged on a few windows.
     */
    overloadIn(background) {
        const latest = this.recent[this.recent.length - 1];
        if (this.backgroundShare === undefined)
            return latest.share * latest.calls >= MIN_THROTTLES ? latest : undefined;
        for (const [count, z] of [[1, 2.5], [POOLED_WINDOWS, 2]]) {
            if (this.recent.length < count)
                continue;
            const pooled = poolOf(this.recent.slice(-count));
            const noise = Math.sqrt((background * (1 - background)) / pooled.calls);
            if (pooled.share > background + Math.max(1 / pooled.calls, z * noise))
                return pooled;
        }
        return undefined;
    }
    /**
     * No overload. Two such windows in a row end a run of cuts (one alone comes by chance under
     * heavy background throttling, and the run's memory of the rate before the cuts is worth
     * keeping); a known background share follows what the windows now see.
     */
    judgeCalm(window) {
        this.calmWindows += 1;
        if (this.calmWindows >= 2) {
            this.overloads = [];
            this.rateBeforeCuts = undefined;
        }
        if (this.backgroundShare === undefined)
            return { kind: 'none' };
        // Followed both ways only at rates known to be safe (well below the latest overload, or as low
        // as those the background share was judged at), where our own overload cannot be the cause.
        // Above them a share that rises may be our own doing (following it up would let the rate climb
        // past the limit unchecked), and one that falls by chance must not pull the share down (a
        // share followed only down ends below the truth): only a clearly lower share is followed.
        const b = this.backgroundShare;
        const clearlyLower = window.share < b - Z * Math.sqrt((b * (1 - b)) / window.calls);
        if (window.rate <= this.safeRate || clearlyLower)
            this.backgroundShare = Math.min(MAX_BACKGROUND, b * 0.8 + window.share * 0.2);
        if (this.backgroundShare < CLEAR_SHARE) {
            this.backgroundShare = undefined;
            return { kind: 'clear' };
        }
        // Quick growth back to where the last overload was, then slow: over a large background a
        // small overload of our own takes several windows to show.
        return { kind: 'calm', growth: window.rate < 0.9 * this.overloadRate ? FAST_GROWTH : SLOW_GROWTH };
    }
}
/** Several windows as one. */
function poolOf(windows) {
    const calls = windows.reduce((n, w) => n + w.calls, 0);
    const rate = windows.reduce((n, w) => n + w.rate * w.calls, 0) / calls;
    const share = windows.reduce((n, w) => n + w.share * w.calls, 0) / calls;
    return { rate, share, calls };
}
/**
 * After slowing from `before` to `after`, own overload predicts a share of
 * `1 - (1 - s) / slowdown` (never below the background), the background the same share as
 * before. Judge only after a deep enough slowdown, when the two predictions are far apart, and side
 * with the nearer one; or when a small share did not fall at all (a large one may be our own
 * overload measured low by chance).
 */
function slowingDidNotHelp(before, after, background) {
    const slowdown = after.rate / before.rate;
    if (slowdown > 0.8)
        return false;
    if (background !== undefined) {
        // A background known already: a larger one must show as a share that did not fall at all
        // (otherwise the noise of a few windows would let it ratchet up, and the rate with it).
        if (after.share < before.share - 0.05)
            return false;
    }
    background ??= 0;
    if (after.share >= Math.max(before.share, background + 0.15) && before.share < 0.5)
        return true;
    const ifOwn = Math.max(background, 1 - (1 - before.share) / slowdown);
    const separation = before.share - ifOwn;
    if (separation < 0.2)
        return false;
    return after.share > (ifOwn + before.share) / 2;
}

;// CONCATENATED MODULE: ./src/aws/pacer.ts
/**
 * Finds an operation's rate limit instead of guessing it. AWS throttles each API operation on its
 * own token bucket, and the limit differs by operation, account and region; a fixed pool either
 * leaves capacity unused or runs into throttling, which the SDK's adaptive retry answers by slowing
 * the whole client (every operation) for seconds. A pacer spaces the calls of one operation at a
 * rate it adjusts from what the answers say: it speeds up while it is the bottleneck and calls
 * succeed at once, and slows down when a window of answers holds more throttles than chance
 * explains, at most once per window, to the rate the limit let through.
 *
 * Not every throttle is ours to fix. Other callers share an account's limits, and their
 * throttles do not stop when we slow down; cutting on each of them would take the rate to the
 * floor and a plan to tens of minutes. So the outcomes go to a `ThrottleJudge`, which decides the
 * cuts and compares the throttled share before and after them: when slowing down did not lower
 * it, the pacer goes back to the rate it had before the cuts and cuts again only for throttles
 * above that background share (it still retries every throttled call, after a fully jittered
 * backoff).
 *
 * A throttled call inside a pacer comes straight back to it (see `PacedRetryStrategy`): the pacer
 * gives the call a new slot.
 */



const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
const REPROBE_AFTER_MS = 3_000;
class OperationPacer {
    rateValue;
    minRate;
    maxRate;
    increase;
    clock;
    throttleRetries;
    maxBackoffMs;
    random;
    burst;
    /**
     * The bucket as one timestamp (the generic cell rate algorithm): when the next call would start
     * if calls came exactly at the rate. A call may start once it is within the burst of now.
     */
    nextAt = Number.NEGATIVE_INFINITY;
    /** Calls waiting for a slot, first come first served. */
    waiting = [];
    releasing = false;
    lastCutAt = Number.NEGATIVE_INFINITY;
    /** Until the first throttle the rate doubles each second (as TCP's slow start), then grows slowly. */
    probing = true;
    judge;
    /** Throttles that slowing down does not lower: retried, but no reason to cut. */
    background = false;
    constructor(options = {}) {
        this.rateValue = options.initialRate ?? 100;
        this.minRate = options.minRate ?? 1;
        this.maxRate = options.maxRate ?? 10_000;
        this.increase = options.increase ?? 0.02;
        this.clock = options.clock ?? systemClock;
        this.throttleRetries = options.throttleRetries ?? 50;
        this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
        this.random = options.random ?? Math.random;
        this.burst = Math.max(1, Math.floor(options.burst ?? this.rateValue / 2));
        this.judge = new ThrottleJudge({ mildestCut: options.decrease ?? 0.9 });
    }
    /** Calls per second currently allowed. */
    get rate() {
        return this.rateValue;
    }
    /** True while the pacer holds its rate against throttles that slowing down did not lower. */
    get ignoresBackground() {
        return this.background;
    }
    /**
     * Runs `fn` in its slot and learns from its answer. A throttled call (handed back at once by
     * `PacedRetryStrategy` when sent with `PacerRegistry.send`, or still throttled after the SDK's
     * retries otherwise) takes a new slot, after a backoff drawn at random between zero and one
     * slot doubled per further throttle ("full jitter", so throttled callers do not come back
     * together), up to `throttleRetries` times; other errors pass through. An answer that needed the
     * SDK's retries (a 5xx, a dropped connection, or a throttle the SDK retried) counts as throttled.
     */
    async run(fn) {
        for (let attempt = 1;; attempt++) {
            const { waited } = await this.acquire();
            const rate = this.rateValue;
            try {
                const answer = await fn();
                const attempts = answer?.$metadata?.attempts ?? 1;
                this.learn(rate, attempts > 1);
                if (attempts <= 1 && waited)
                    this.onSuccess();
                return answer;
            }
            catch (err) {
                if (!(0,aws_errors/* isThrottle */.p0)(err))
                    throw err;
                this.learn(rate, true);
                if (attempt > this.throttleRetries)
                    throw err;
                // Throttles that are not ours do not get rarer by waiting longer: a few slots at most.
                const doublings = this.background ? Math.min(attempt - 1, 2) : attempt - 1;
                const ceiling = Math.min(this.maxBackoffMs, (1000 / this.rateValue) * 2 ** doublings);
                await this.clock.sleep(ceiling * this.random());
            }
        }
    }
    /** Feeds the judge and follows its verdict. */
    learn(rate, throttled) {
        if (throttled)
            this.probing = false;
        const verdict = this.judge.record(rate, throttled);
        if (verdict.kind === 'cut')
            this.cut(verdict.rate);
        else if (verdict.kind === 'background') {
            // Those throttles say nothing about the limit: back to the rate before the cuts; from there
            // the rate grows per calm window (see ThrottleJudge), not per answer.
            this.background = true;
            this.setRate(Math.min(this.maxRate, Math.max(this.rateValue, verdict.restoreRate)));
            this.lastCutAt = this.clock.now();
        }
        else if (verdict.kind === 'calm')
            this.setRate(Math.min(this.maxRate, this.rateValue * verdict.growth));
        else if (verdict.kind === 'clear')
            this.background = false;
    }
    /**
     * A slot for one call: at once while the bucket allows, otherwise in the queue. Waiting calls are
     * released one by one at the rate in force when each is due, so a cut applies to every call
     * still waiting, not only to those that arrive after it.
     */
    acquire() {
        const now = this.clock.now();
        if (this.waiting.length === 0 && this.dueAt() <= now) {
            this.take(now);
            return Promise.resolve({ startedAt: now, waited: false });
        }
        return new Promise((resolve) => {
            this.waiting.push((startedAt) => resolve({ startedAt, waited: true }));
            void this.release();
        });
    }
    /** When the next call may start. */
    dueAt() {
        return this.nextAt - (this.burst - 1) * (1000 / this.rateValue);
    }
    take(now) {
        this.nextAt = Math.max(this.nextAt, now) + 1000 / this.rateValue;
    }
    async release() {
        if (this.releasing)
            return;
        this.releasing = true;
        try {
            while (this.waiting.length > 0) {
                const now = this.clock.now();
                const due = this.dueAt();
                if (due > now) {
                    await this.clock.sleep(due - now);
                    continue;
                }
                this.take(now);
                this.waiting.shift()(now);
            }
        }
        finally {
            this.releasing = false;
        }
    }
    /**
     * Only calls that had to wait for their slot grow the rate: an idle pacer learns nothing. After
     * a while without a throttle it probes again, as at the start, so that a limit that went up
     * (or a neighbour that stopped) is found in seconds rather than minutes of slow growth.
     */
    onSuccess() {
        // Over a background share, growth comes per calm window (see ThrottleJudge), not per answer.
        if (this.background)
            return;
        if (!this.probing && this.clock.now() - this.lastCutAt > REPROBE_AFTER_MS)
            this.probing = true;
        const step = this.probing ? 1 : this.increase;
        this.setRate(Math.min(this.maxRate, this.rateValue + step));
    }
    /**
     * The queue's debt (how far `nextAt` is ahead of now) is a number of slots: it keeps that
     * number at the new spacing, so a rate that goes back up is not held back by slots measured
     * at a lower one.
     */
    setRate(rate) {
        const now = this.clock.now();
        if (this.nextAt > now)
            this.nextAt = now + ((this.nextAt - now) * this.rateValue) / rate;
        this.rateValue = rate;
    }
    cut(rate) {
        this.probing = false;
        this.lastCutAt = this.clock.now();
        this.setRate(Math.max(this.minRate, Math.min(this.rateValue, rate)));
        // The bucket is empty: no burst until it has had time to refill.
        this.nextAt = Math.max(this.nextAt, this.lastCutAt + this.burst * (1000 / this.rateValue));
    }
}
/**
 * Pacers per (client, operation): throttling is per operation, and clients are shared by every
 * cluster of an account and region, so one read of a fleet shares one pacer per operation.
 */
class PacerRegistry {
    options;
    byClient = new WeakMap();
    constructor(options = {}) {
        this.options = options;
    }
    pacerFor(client, operation) {
        let pacers = this.byClient.get(client);
        if (!pacers) {
            pacers = new Map();
            this.byClient.set(client, pacers);
        }
        let pacer = pacers.get(operation);
        if (!pacer) {
            pacer = new OperationPacer(this.options);
            pacers.set(operation, pacer);
        }
        return pacer;
    }
    /** Sends `command` through the pacer of its operation on `client`; its throttles come back here. */
    send(client, command) {
        (0,paced_retry/* markPaced */.Ln)(command.input);
        const operation = command.constructor.name.replace(/Command$/, '');
        return this.pacerFor(client, operation).run(() => client.send(command));
    }
}
/**
 * The same clients with every `send` paced per operation (the command's name), so any code that
 * writes through them, such as the apply gateway, finds each operation's rate limit.
 */
function pacedClients(clients, pacers) {
    const paced = {};
    for (const [name, client] of Object.entries(clients)) {
        paced[name] = new Proxy(client, {
            get(target, property, receiver) {
                if (property !== 'send')
                    return Reflect.get(target, property, receiver);
                return (command) => pacers.send(target, command);
            },
        });
    }
    return paced;
}

;// CONCATENATED MODULE: ./src/aws/role-gateway.ts





/** IAM pages: Marker/IsTruncated, up to 1,000 items a page. */
const MAX_ITEMS = 1000;
class SdkIamRoleGateway {
    iam;
    constructor(iam) {
        this.iam = iam;
    }
    async readRole(roleName, full) {
        const key = `role ${roleName}`;
        const answer = await (0,aws_errors/* callAwsOrAbsent */.C1)('GetRole', key, () => this.iam.send(new client_iam_dist_cjs/* GetRoleCommand */.kbp({ RoleName: roleName })));
        if (!answer?.Role)
            return undefined;
        const base = toRoleDetail(answer.Role);
        if (!full)
            return base;
        const [managed, inline] = await Promise.all([this.listAttached(roleName), this.readInline(roleName)]);
        // The role vanished between the calls: absent, like any object deleted mid-read.
        if (managed === undefined || inline === undefined)
            return undefined;
        return { ...base, managedPolicyArns: managed, inlinePolicies: inline };
    }
    async policyExists(policyArn) {
        const answer = await (0,aws_errors/* callAwsOrAbsent */.C1)('GetPolicy', `policy ${policyArn}`, () => this.iam.send(new client_iam_dist_cjs/* GetPolicyCommand */.s4W({ PolicyArn: policyArn })));
        return answer !== undefined;
    }
    listAttached(roleName) {
        return (0,aws_errors/* callAwsOrAbsent */.C1)('ListAttachedRolePolicies', `role ${roleName}`, async () => {
            const arns = [];
            let marker;
            do {
                const page = await this.iam.send(new client_iam_dist_cjs/* ListAttachedRolePoliciesCommand */.wfM({ RoleName: roleName, MaxItems: MAX_ITEMS, ...(marker ? { Marker: marker } : {}) }));
                arns.push(...(page.AttachedPolicies ?? []).flatMap((p) => (p.PolicyArn ? [p.PolicyArn] : [])));
                marker = page.IsTruncated ? page.Marker : undefined;
            } while (marker);
            return [...new Set(arns)].sort(model_order/* compare */.U);
        });
    }
    readInline(roleName) {
        return (0,aws_errors/* callAwsOrAbsent */.C1)('ListRolePolicies', `role ${roleName}`, async () => {
            const names = [];
            let marker;
            do {
                const page = await this.iam.send(new client_iam_dist_cjs/* ListRolePoliciesCommand */.Y7N({ RoleName: roleName, MaxItems: MAX_ITEMS, ...(marker ? { Marker: marker } : {}) }));
                names.push(...(page.PolicyNames ?? []));
                marker = page.IsTruncated ? page.Marker : undefined;
            } while (marker);
            const docs = [];
            for (const name of [...new Set(names)].sort(model_order/* compare */.U)) {
                const doc = await this.iam.send(new client_iam_dist_cjs/* GetRolePolicyCommand */.WHQ({ RoleName: roleName, PolicyName: name }));
                // IAM returns policy documents URL-encoded (RFC 3986).
                docs.push([name, canonicalJsonText(decodeURIComponent(doc.PolicyDocument ?? ''))]);
            }
            return Object.fromEntries(docs);
        });
    }
    async createRole(value) {
        const tags = Object.entries(value.tags).map(([Key, Value]) => ({ Key, Value }));
        await (0,aws_errors/* callAws */.IY)('CreateRole', `role ${value.roleName}`, () => this.iam.send(new client_iam_dist_cjs/* CreateRoleCommand */.IS({
            RoleName: value.roleName,
            Path: value.path,
            AssumeRolePolicyDocument: value.trustPolicy,
            MaxSessionDuration: value.maxSessionDuration,
            ...(value.description !== undefined ? { Description: value.description } : {}),
            ...(value.permissionsBoundary !== undefined ? { PermissionsBoundary: value.permissionsBoundary } : {}),
            ...(tags.length > 0 ? { Tags: tags } : {}),
        })));
    }
    async updateTrust(roleName, document) {
        await (0,aws_errors/* callAws */.IY)('UpdateAssumeRolePolicy', `role ${roleName}`, () => this.iam.send(new client_iam_dist_cjs/* UpdateAssumeRolePolicyCommand */.tuH({ RoleName: roleName, PolicyDocument: document })));
    }
    async updateRole(roleName, fields) {
        await (0,aws_errors/* callAws */.IY)('UpdateRole', `role ${roleName}`, () => this.iam.send(new client_iam_dist_cjs/* UpdateRoleCommand */.TR7({ RoleName: roleName, Description: fields.description, MaxSessionDuration: fields.maxSessionDuration })));
    }
    async putBoundary(roleName, policyArn) {
        await (0,aws_errors/* callAws */.IY)('PutRolePermissionsBoundary', `role ${roleName}`, () => this.iam.send(new client_iam_dist_cjs/* PutRolePermissionsBoundaryCommand */.fly({ RoleName: roleName, PermissionsBoundary: policyArn })));
    }
    async deleteBoundary(roleName) {
        return outcome(await (0,aws_errors/* callAwsOrAbsent */.C1)('DeleteRolePermissionsBoundary', `role ${roleName}`, () => this.iam.send(new client_iam_dist_cjs/* DeleteRolePermissionsBoundaryCommand */.laB({ RoleName: roleName }))));
    }
    async attachPolicy(roleName, policyArn) {
        await (0,aws_errors/* callAws */.IY)('AttachRolePolicy', `${policyArn} on role ${roleName}`, () => this.iam.send(new client_iam_dist_cjs/* AttachRolePolicyCommand */.XgU({ RoleName: roleName, PolicyArn: policyArn })));
    }
    async detachPolicy(roleName, policyArn) {
        return outcome(await (0,aws_errors/* callAwsOrAbsent */.C1)('DetachRolePolicy', `${policyArn} on role ${roleName}`, () => this.iam.send(new client_iam_dist_cjs/* DetachRolePolicyCommand */.BA7({ RoleName: roleName, PolicyArn: policyArn }))));
    }
    async putInlinePolicy(roleName, policyName, document) {
        await (0,aws_errors/* callAws */.IY)('PutRolePolicy', `inline policy ${policyName} of role ${roleName}`, () => this.iam.send(new client_iam_dist_cjs/* PutRolePolicyCommand */.pMt({ RoleName: roleName, PolicyName: policyName, PolicyDocument: document })));
    }
    async deleteInlinePolicy(roleName, policyName) {
        return outcome(await (0,aws_errors/* callAwsOrAbsent */.C1)('DeleteRolePolicy', `inline policy ${policyName} of role ${roleName}`, () => this.iam.send(new client_iam_dist_cjs/* DeleteRolePolicyCommand */.Tt({ RoleName: roleName, PolicyName: policyName }))));
    }
    async tagRole(roleName, tags) {
        await (0,aws_errors/* callAws */.IY)('TagRole', `role ${roleName}`, () => this.iam.send(new client_iam_dist_cjs/* TagRoleCommand */.Wcv({ RoleName: roleName, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) })));
    }
    async untagRole(roleName, keys) {
        await (0,aws_errors/* callAws */.IY)('UntagRole', `role ${roleName}`, () => this.iam.send(new client_iam_dist_cjs/* UntagRoleCommand */.Hmm({ RoleName: roleName, TagKeys: keys })));
    }
    async deleteRole(roleName) {
        return outcome(await (0,aws_errors/* callAwsOrAbsent */.C1)('DeleteRole', `role ${roleName}`, () => this.iam.send(new client_iam_dist_cjs/* DeleteRoleCommand */.$kI({ RoleName: roleName }))));
    }
}
function outcome(answer) {
    return answer === undefined ? 'absent' : 'deleted';
}
/** GetRole's answer as the role diff sees it: trust decoded and canonical, tags sorted. */
function toRoleDetail(role) {
    return {
        arn: role.Arn ?? '',
        roleName: role.RoleName ?? '',
        path: role.Path ?? '/',
        roleId: role.RoleId ?? '',
        createDate: role.CreateDate instanceof Date ? role.CreateDate.toISOString() : String(role.CreateDate ?? ''),
        trustPolicy: canonicalJson(decodeTrustPolicy(role.AssumeRolePolicyDocument) ?? null),
        ...(role.Description ? { description: role.Description } : {}),
        maxSessionDuration: role.MaxSessionDuration ?? 3600,
        ...(role.PermissionsBoundary?.PermissionsBoundaryArn ? { permissionsBoundary: role.PermissionsBoundary.PermissionsBoundaryArn } : {}),
        tags: (0,model_order/* sortedRecord */.v)(Object.fromEntries((role.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']))),
    };
}

;// CONCATENATED MODULE: ./src/aws/gateway.ts








/** EksWriteGateway over the AWS SDK v3 clients of one cluster session. */
class SdkEksWriteGateway {
    caller;
    clients;
    roles;
    /**
     * Writes are paced per operation (pacer.ts) unless `pacers: false`: a burst of creates then runs
     * at the rate EKS allows instead of into throttling and the SDK's backoff.
     */
    constructor(clients, options = {}) {
        this.clients = options.pacers === false ? clients : pacedClients(clients, options.pacers ?? new PacerRegistry());
        this.roles = new SdkIamRoleGateway(this.clients.iam);
        if (options.callerPrincipalArn !== undefined)
            this.caller = Promise.resolve(options.callerPrincipalArn);
    }
    async createAssociation(cluster, value, clientRequestToken) {
        const answer = await (0,aws_errors/* callAws */.IY)('CreatePodIdentityAssociation', associationKey(cluster, value.namespace, value.serviceAccount), () => this.clients.eks.send(new dist_cjs/* CreatePodIdentityAssociationCommand */.FHt({
            clusterName: cluster,
            namespace: value.namespace,
            serviceAccount: value.serviceAccount,
            roleArn: value.roleArn,
            disableSessionTags: value.disableSessionTags,
            clientRequestToken,
            ...(value.targetRoleArn ? { targetRoleArn: value.targetRoleArn } : {}),
            ...(value.policy ? { policy: value.policy } : {}),
            ...(Object.keys(value.tags).length > 0 ? { tags: value.tags } : {}),
        })));
        return toLiveAssociation(answer.association ?? {}, { associationId: '', namespace: value.namespace, serviceAccount: value.serviceAccount });
    }
    async findAssociation(cluster, namespace, serviceAccount) {
        const key = associationKey(cluster, namespace, serviceAccount);
        // The list filter narrows to at most one association per (namespace, service account).
        const answer = await (0,aws_errors/* callAws */.IY)('ListPodIdentityAssociations', key, () => this.clients.eks.send(new dist_cjs/* ListPodIdentityAssociationsCommand */.pp8({ clusterName: cluster, namespace, serviceAccount })));
        const summary = (answer.associations ?? []).map(toAssociationSummary).find((s) => s.namespace === namespace && s.serviceAccount === serviceAccount);
        return summary === undefined ? undefined : this.describeAssociation(cluster, summary.associationId);
    }
    async describeAssociation(cluster, associationId) {
        const answer = await (0,aws_errors/* callAwsOrAbsent */.C1)('DescribePodIdentityAssociation', `association ${associationId} on cluster ${cluster}`, () => this.clients.eks.send(new dist_cjs/* DescribePodIdentityAssociationCommand */.$tu({ clusterName: cluster, associationId })));
        const a = answer?.association;
        return a === undefined ? undefined : toLiveAssociation(a, { associationId, namespace: a.namespace ?? '', serviceAccount: a.serviceAccount ?? '' });
    }
    async updateAssociation(cluster, associationId, fields) {
        const answer = await (0,aws_errors/* callAws */.IY)('UpdatePodIdentityAssociation', `association ${associationId} on cluster ${cluster}`, () => this.clients.eks.send(new dist_cjs/* UpdatePodIdentityAssociationCommand */.Tr6({ clusterName: cluster, associationId, ...fields })));
        const a = answer.association ?? {};
        return toLiveAssociation(a, { associationId, namespace: a.namespace ?? '', serviceAccount: a.serviceAccount ?? '' });
    }
    async deleteAssociation(cluster, associationId) {
        const answer = await (0,aws_errors/* callAwsOrAbsent */.C1)('DeletePodIdentityAssociation', `association ${associationId} on cluster ${cluster}`, () => this.clients.eks.send(new dist_cjs/* DeletePodIdentityAssociationCommand */.FT2({ clusterName: cluster, associationId })));
        return answer === undefined ? 'absent' : 'deleted';
    }
    async tagResource(resourceArn, tags) {
        await (0,aws_errors/* callAws */.IY)('TagResource', `resource ${resourceArn}`, () => this.clients.eks.send(new dist_cjs/* TagResourceCommand */.eqU({ resourceArn, tags })));
    }
    async untagResource(resourceArn, tagKeys) {
        await (0,aws_errors/* callAws */.IY)('UntagResource', `resource ${resourceArn}`, () => this.clients.eks.send(new dist_cjs/* UntagResourceCommand */.RP$({ resourceArn, tagKeys })));
    }
    async createAccessEntry(cluster, value, clientRequestToken) {
        const answer = await (0,aws_errors/* callAws */.IY)('CreateAccessEntry', entryKey(cluster, value.principalArn), () => this.clients.eks.send(new dist_cjs/* CreateAccessEntryCommand */.c6K({
            clusterName: cluster,
            principalArn: value.principalArn,
            type: value.type,
            clientRequestToken,
            ...(value.kubernetesGroups.length > 0 ? { kubernetesGroups: value.kubernetesGroups } : {}),
            ...(value.username !== undefined ? { username: value.username } : {}),
            ...(Object.keys(value.tags).length > 0 ? { tags: value.tags } : {}),
        })));
        return entryRecord(toLiveAccessEntry(answer.accessEntry ?? {}, value.principalArn, []));
    }
    async describeAccessEntry(cluster, principalArn) {
        const answer = await (0,aws_errors/* callAwsOrAbsent */.C1)('DescribeAccessEntry', entryKey(cluster, principalArn), () => this.clients.eks.send(new dist_cjs/* DescribeAccessEntryCommand */.VV3({ clusterName: cluster, principalArn })));
        return answer?.accessEntry === undefined ? undefined : entryRecord(toLiveAccessEntry(answer.accessEntry, principalArn, []));
    }
    async updateAccessEntry(cluster, principalArn, fields) {
        const answer = await (0,aws_errors/* callAws */.IY)('UpdateAccessEntry', entryKey(cluster, principalArn), () => this.clients.eks.send(new dist_cjs/* UpdateAccessEntryCommand */.N9Z({ clusterName: cluster, principalArn, ...fields })));
        return entryRecord(toLiveAccessEntry(answer.accessEntry ?? {}, principalArn, []));
    }
    async deleteAccessEntry(cluster, principalArn) {
        const answer = await (0,aws_errors/* callAwsOrAbsent */.C1)('DeleteAccessEntry', entryKey(cluster, principalArn), () => this.clients.eks.send(new dist_cjs/* DeleteAccessEntryCommand */.dew({ clusterName: cluster, principalArn })));
        return answer === undefined ? 'absent' : 'deleted';
    }
    async listAccessPolicyArns(cluster, principalArn) {
        const arns = [];
        const answer = await (0,aws_errors/* callAwsOrAbsent */.C1)('ListAssociatedAccessPolicies', entryKey(cluster, principalArn), async () => {
            for await (const page of (0,dist_cjs/* paginateListAssociatedAccessPolicies */.SdS)({ client: this.clients.eks, pageSize: 100 }, { clusterName: cluster, principalArn })) {
                arns.push(...(page.associatedAccessPolicies ?? []).map((p) => p.policyArn ?? ''));
            }
            return arns;
        });
        return answer ?? [];
    }
    async associateAccessPolicy(cluster, principalArn, policyArn, scope) {
        const accessScope = scope.type === 'cluster' ? { type: 'cluster' } : { type: 'namespace', namespaces: scope.namespaces };
        await (0,aws_errors/* callAws */.IY)('AssociateAccessPolicy', `${policyArn} for ${entryKey(cluster, principalArn)}`, () => this.clients.eks.send(new dist_cjs/* AssociateAccessPolicyCommand */._33({ clusterName: cluster, principalArn, policyArn, accessScope })));
    }
    async disassociateAccessPolicy(cluster, principalArn, policyArn) {
        const answer = await (0,aws_errors/* callAwsOrAbsent */.C1)('DisassociateAccessPolicy', `${policyArn} for ${entryKey(cluster, principalArn)}`, () => this.clients.eks.send(new dist_cjs/* DisassociateAccessPolicyCommand */.moA({ clusterName: cluster, principalArn, policyArn })));
        return answer === undefined ? 'absent' : 'deleted';
    }
    async updateAuthenticationMode(cluster, mode, clientRequestToken) {
        const answer = await (0,aws_errors/* callAws */.IY)('UpdateClusterConfig', `cluster ${cluster}`, () => this.clients.eks.send(new dist_cjs/* UpdateClusterConfigCommand */.RSy({ name: cluster, accessConfig: { authenticationMode: mode }, clientRequestToken })));
        return { updateId: answer.update?.id ?? '' };
    }
    async describeUpdate(cluster, updateId, addonName) {
        const answer = await (0,aws_errors/* callAws */.IY)('DescribeUpdate', `update ${updateId} of ${addonName !== undefined ? `add-on ${addonName} on ` : ''}cluster ${cluster}`, () => this.clients.eks.send(new dist_cjs/* DescribeUpdateCommand */.SrY({ name: cluster, updateId, ...(addonName !== undefined ? { addonName } : {}) })));
        const errors = (answer.update?.errors ?? []).map((e) => [e.errorCode, e.errorMessage].filter(Boolean).join(': '));
        return { status: (answer.update?.status ?? 'InProgress'), errors };
    }
    async updateAddonAssociations(cluster, addonName, associations, clientRequestToken) {
        const answer = await (0,aws_errors/* callAws */.IY)('UpdateAddon', `add-on ${addonName} of cluster ${cluster}`, () => this.clients.eks.send(new dist_cjs/* UpdateAddonCommand */.dvf({ clusterName: cluster, addonName, podIdentityAssociations: associations.map((a) => ({ serviceAccount: a.serviceAccount, roleArn: a.roleArn })), clientRequestToken })));
        return { updateId: answer.update?.id ?? '' };
    }
    async updateAssumeRolePolicy(roleName, document) {
        await (0,aws_errors/* callAws */.IY)('UpdateAssumeRolePolicy', `role ${roleName}`, () => this.clients.iam.send(new client_iam_dist_cjs/* UpdateAssumeRolePolicyCommand */.tuH({ RoleName: roleName, PolicyDocument: document })));
    }
    callerPrincipalArn() {
        if (this.caller === undefined) {
            this.caller = (0,aws_errors/* callAws */.IY)('GetCallerIdentity', 'the current credentials', () => this.clients.sts.send(new client_sts_dist_cjs/* GetCallerIdentityCommand */.zI({}))).then((answer) => callerIdentityOf(answer.Arn ?? '', answer.Account ?? '').principalArn);
            // A failed look-up is not cached: the next delete guard asks again.
            this.caller.catch(() => (this.caller = undefined));
        }
        return this.caller;
    }
}
function associationKey(cluster, namespace, serviceAccount) {
    return `association ${namespace}/${serviceAccount} on cluster ${cluster}`;
}
function entryKey(cluster, principalArn) {
    return `access entry ${principalArn} on cluster ${cluster}`;
}
function entryRecord(entry) {
    const { accessPolicies: _policies, ...record } = entry;
    return record;
}

// EXTERNAL MODULE: ./src/model/closest-match.ts
var closest_match = __webpack_require__(8930);
;// CONCATENATED MODULE: ./src/model/addon.ts
/**
 * EKS add-ons' Pod Identity associations: the data the manifest, the plan and the emulator share,
 * and the rules EKS applies to UpdateAddon's `podIdentityAssociations`, checked in one place so
 * that the plan refuses what the emulator (and EKS) would refuse.
 *
 * Sources:
 * - EKS API reference, UpdateAddon: `podIdentityAssociations` is a list of {serviceAccount,
 *   roleArn}; "If this value is left blank, no change. If an empty array is provided, existing
 *   associations owned by the add-on are deleted." The EKS User Guide ("Use Pod Identities to
 *   assign an IAM role to an Amazon EKS add-on", update-addon-role.html) adds that the list given
 *   overwrites all previous associations of the add-on: the list is the add-on's whole set.
 * - EKS API reference, DescribeAddonConfiguration: `podIdentityConfiguration` lists, for one
 *   add-on version, the service accounts that can use Pod Identity and the managed policies
 *   recommended for each. A version without it does not support Pod Identity.
 * - The errors EKS returns for UpdateAddon/CreateAddon (InvalidParameterException, HTTP 400), as
 *   users report them: "Pod Identity feature is not supported for addon version: v1.18.2-eksbuild.2"
 *   and "Service account amazon-cloudwatch in pod identity configuration is not supported for addon
 *   amazon-cloudwatch-observability" (github.com/terraform-aws-modules/terraform-aws-eks/issues/3520,
 *   github.com/aws/containers-roadmap/issues/2712).
 */

/**
 * Namespaces add-ons install into when CreateAddon is given no `namespaceConfig` (EKS User Guide,
 * each add-on's page: the CloudWatch Observability add-on uses amazon-cloudwatch, ADOT
 * opentelemetry-operator-system, the AWS add-ons kube-system). EKS creates an add-on's
 * associations in the namespace the add-on runs in; DescribeAddon's `namespaceConfig` or the
 * add-on's existing associations say it when present, this table is the fallback.
 */
const DEFAULT_NAMESPACES = {
    'amazon-cloudwatch-observability': 'amazon-cloudwatch',
    adot: 'opentelemetry-operator-system',
};
function defaultAddonNamespace(addonName) {
    return DEFAULT_NAMESPACES[addonName] ?? 'kube-system';
}
/** The namespace the add-on's associations live in: what EKS said, else what they use, else the default. */
function addonNamespace(addonName, live) {
    return live?.namespace ?? live?.associations[0]?.namespace ?? defaultAddonNamespace(addonName);
}
/**
 * What EKS refuses in UpdateAddon's `podIdentityAssociations` for the add-on's version: any
 * association when the version has no Pod Identity configuration (an empty list is still
 * accepted: it only deletes), a service account the configuration does not list, and the same
 * service account twice (one association per service account and namespace).
 */
function addonAssociationProblems(addonName, version, configuration, requested) {
    if (requested.length === 0)
        return [];
    if (configuration.length === 0) {
        return [{
                code: 'ADDON_VERSION_NO_POD_IDENTITY',
                message: `Pod Identity feature is not supported for addon version: ${version}`,
                fix: `update ${addonName} to a version whose DescribeAddonConfiguration lists a podIdentityConfiguration (aws eks describe-addon-versions --addon-name ${addonName}), or keep it on IRSA`,
            }];
    }
    const problems = [];
    const known = configuration.map((c) => c.serviceAccount);
    const seen = new Set();
    for (const { serviceAccount } of requested) {
        if (seen.has(serviceAccount)) {
            problems.push({ code: 'ADDON_DUPLICATE_SERVICE_ACCOUNT', serviceAccount, message: `Service account ${serviceAccount} is listed more than once in pod identity associations for addon ${addonName}`, fix: 'keep one association per service account' });
            continue;
        }
        seen.add(serviceAccount);
        if (!known.includes(serviceAccount)) {
            const suggestion = (0,closest_match/* closestMatch */.h)(serviceAccount, known);
            problems.push({
                code: 'ADDON_UNKNOWN_SERVICE_ACCOUNT',
                serviceAccount,
                message: `Service account ${serviceAccount} in pod identity configuration is not supported for addon ${addonName}`,
                fix: `use a service account of ${addonName} ${version}: ${known.join(', ')}`,
                ...(suggestion ? { suggestion } : {}),
            });
        }
    }
    return problems;
}
/** The association id is the last segment of its ARN (…:podidentityassociation/CLUSTER/a-xxxx). */
function associationIdOfArn(arn) {
    const id = arn.split('/').pop();
    return id && /^a-[a-z0-9]+$/.test(id) ? id : undefined;
}
/** The add-on name in an add-on ARN (…:addon/CLUSTER/NAME/UUID), as an association's ownerArn carries it. */
function addonNameOfArn(arn) {
    return /:addon\/[^/]+\/([^/]+)\//.exec(arn)?.[1];
}

;// CONCATENATED MODULE: ./src/aws/concurrency.ts
/**
 * Maps `items` through `fn` with at most `limit` calls in flight; results keep the input order,
 * so callers get the same answer whatever the limit. The first rejection rejects the whole map
 * (after in-flight calls settle, so no work is left running unobserved).
 */
async function mapWithConcurrency(items, limit, fn) {
    const results = new Array(items.length);
    const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
    let next = 0;
    let failed = false;
    let failure;
    const work = async () => {
        while (!failed && next < items.length) {
            const index = next++;
            try {
                results[index] = await fn(items[index], index);
            }
            catch (err) {
                if (!failed)
                    failure = err;
                failed = true;
            }
        }
    };
    await Promise.all(Array.from({ length: workers }, work));
    if (failed)
        throw failure;
    return results;
}
/**
 * mapWithConcurrency for items that become known while the work runs (pages that arrive one by
 * one): work on the first ones starts at once instead of after the last one is known.
 */
function startWorkPool(limit, fn) {
    const bound = Math.max(1, Math.floor(limit) || 1);
    const queue = [];
    const results = [];
    let added = 0;
    let running = 0;
    let closed = false;
    let failed = false;
    let failure;
    let settle = () => undefined;
    const settled = new Promise((resolve) => (settle = resolve));
    const finishIfDone = () => {
        if (closed && running === 0 && (failed || queue.length === 0))
            settle();
    };
    const pump = () => {
        while (!failed && running < bound && queue.length > 0) {
            const { item, index } = queue.shift();
            running++;
            Promise.resolve()
                .then(() => fn(item))
                .then((result) => {
                results[index] = result;
            }, (err) => {
                if (!failed)
                    failure = err;
                failed = true;
            })
                .finally(() => {
                running--;
                pump();
                finishIfDone();
            });
        }
    };
    return {
        add(item) {
            if (closed)
                throw new Error('startWorkPool: add after close');
            queue.push({ item, index: added++ });
            pump();
        },
        async close() {
            closed = true;
            finishIfDone();
            await settled;
            if (failed)
                throw failure;
            return results;
        },
    };
}

;// CONCATENATED MODULE: ./src/aws/addon-read.ts
/**
 * Reads what the plan needs about the declared add-ons of one cluster, and nothing for the others:
 * DescribeAddon (version, IRSA role, namespace, owned association ARNs), DescribeAddonConfiguration
 * for the installed version (once per add-on version per run: it is the same for every cluster),
 * DescribePodIdentityAssociation for each owned association (the role is only there), and, for a
 * service account the add-on would gain, ListPodIdentityAssociations filtered to it (another
 * association holding it makes EKS refuse the update). Every call is paced like the other reads and
 * goes through the session's clients, so the run's deadline bounds it.
 */




/** The declared add-ons that are installed, each read in detail; the others are left out (the plan reports them). */
async function readAddonDetails(ctx, declared, installed) {
    const wanted = declared.filter((a) => installed.includes(a.name));
    const read = await mapWithConcurrency(wanted, ctx.concurrency, async (addon) => [addon.name, await readAddonDetail(ctx, addon)]);
    return Object.fromEntries(read.filter((entry) => entry[1] !== undefined));
}
async function readAddonDetail(ctx, addon) {
    const where = `add-on ${addon.name} of cluster ${ctx.clusterName} (${ctx.session.region})`;
    const eks = ctx.session.clients.eks;
    const answer = await (0,aws_errors/* callAwsOrAbsent */.C1)('DescribeAddon', where, () => ctx.pacers.send(eks, new dist_cjs/* DescribeAddonCommand */.BFv({ clusterName: ctx.clusterName, addonName: addon.name })));
    // Uninstalled between the list and the describe: absent, like any object deleted mid-read.
    if (!answer?.addon)
        return undefined;
    const a = answer.addon;
    const version = a.addonVersion ?? '';
    const [configuration, associations] = await Promise.all([
        readConfiguration(ctx, addon.name, version),
        mapWithConcurrency(a.podIdentityAssociations ?? [], ctx.concurrency, (arn) => describeOwned(ctx, arn, where)),
    ]);
    const owned = associations.filter((x) => x !== undefined).sort((x, y) => (x.serviceAccount < y.serviceAccount ? -1 : 1));
    const namespace = addonNamespace(addon.name, { ...(a.namespaceConfig?.namespace ? { namespace: a.namespaceConfig.namespace } : {}), associations: owned });
    const gained = addon.associations.filter((d) => !owned.some((o) => o.serviceAccount === d.serviceAccount));
    const foreign = (await mapWithConcurrency(gained, ctx.concurrency, (d) => findForeign(ctx, namespace, d.serviceAccount, where))).flat();
    return {
        version,
        ...(a.addonArn ? { arn: a.addonArn } : {}),
        ...(a.status ? { status: a.status } : {}),
        ...(a.namespaceConfig?.namespace ? { namespace: a.namespaceConfig.namespace } : {}),
        ...(a.serviceAccountRoleArn ? { serviceAccountRoleArn: a.serviceAccountRoleArn } : {}),
        podIdentityConfiguration: configuration ?? [],
        ...(configuration === undefined ? { configurationUnknown: true } : {}),
        associations: owned,
        ...(foreign.length > 0 ? { foreign } : {}),
    };
}
/** The version's podIdentityConfiguration; undefined when EKS does not know the version. */
function readConfiguration(ctx, addonName, version) {
    return ctx.memo.addonConfiguration(ctx.session.region, addonName, version, async () => {
        const answer = await (0,aws_errors/* callAwsOrAbsent */.C1)('DescribeAddonConfiguration', `add-on ${addonName} ${version}`, () => ctx.pacers.send(ctx.session.clients.eks, new dist_cjs/* DescribeAddonConfigurationCommand */.B22({ addonName, addonVersion: version })));
        if (!answer)
            return undefined;
        return (answer.podIdentityConfiguration ?? []).flatMap((c) => (c.serviceAccount ? [{ serviceAccount: c.serviceAccount, recommendedManagedPolicies: [...(c.recommendedManagedPolicies ?? [])] }] : []));
    });
}
async function describeOwned(ctx, arn, where) {
    const associationId = associationIdOfArn(arn);
    if (associationId === undefined)
        return undefined;
    const answer = await (0,aws_errors/* callAwsOrAbsent */.C1)('DescribePodIdentityAssociation', `association ${associationId} of ${where}`, () => ctx.pacers.send(ctx.session.clients.eks, new dist_cjs/* DescribePodIdentityAssociationCommand */.$tu({ clusterName: ctx.clusterName, associationId })));
    const a = answer?.association;
    return a ? { associationId, namespace: a.namespace ?? '', serviceAccount: a.serviceAccount ?? '', roleArn: a.roleArn ?? '' } : undefined;
}
/** Associations of (namespace, service account), which the add-on does not own (it owns none for it): at most one exists. */
async function findForeign(ctx, namespace, serviceAccount, where) {
    const page = await (0,aws_errors/* callAws */.IY)('ListPodIdentityAssociations', `service account ${namespace}/${serviceAccount} for ${where}`, () => ctx.pacers.send(ctx.session.clients.eks, new dist_cjs/* ListPodIdentityAssociationsCommand */.pp8({ clusterName: ctx.clusterName, namespace, serviceAccount })));
    return (page.associations ?? []).map((s) => ({ associationId: s.associationId ?? '', namespace, serviceAccount, roleArn: '' }));
}

// EXTERNAL MODULE: ./src/model/ownership.ts
var model_ownership = __webpack_require__(5012);
;// CONCATENATED MODULE: ./src/aws/targeted-read.ts


/*
 * With prune off the plan needs the declared objects only, and a cluster may hold thousands of
 * others. How to find the declared ones without listing them all, call for call and second for
 * second, when the cluster's size is unknown until it is listed:
 *
 * - A listing costs one call per 100 objects, and its pages come one after another; a targeted
 *   read costs one call per declared key, and they run side by side at the operation's rate.
 * - The first page of each list is always read (a listing needs it anyway). When it is the whole
 *   list, the listing is complete for one call: nothing absent is asked for, and undeclared
 *   objects are counted. Most clusters end here.
 * - Otherwise the cluster holds more than a page, and the rest of the listing would cost between
 *   1 and quota/100 − 1 more calls, one round trip each, in sequence. A second page of the whole
 *   list is read when it costs fewer calls than what it may save (one call per namespace with keys
 *   still unfound): when it ends the list (up to 200 objects), it took the round trip that the
 *   filtered lists would have taken; when it does not, it cost one round trip more. Beyond two
 *   pages a listing only gets slower. Then:
 *   · Access entries are described by principal (404 = absent). Every declared entry that exists
 *     has to be described anyway, so a targeted describe is wasted only when the entry is absent,
 *     and each absent entry is a create the apply will make: the waste is at most one call per
 *     create. The rest of the listing is never needed.
 *   · Associations: the describe needs the association id, which only the list call gives.
 *     ListPodIdentityAssociations filters by namespace (and service account), so each declared
 *     namespace is found on its own, all namespaces side by side. A namespace with one unfound key
 *     is asked for that service account (one call, the least possible). A namespace with k ≥ 2 is
 *     listed page by page while the pages read stay below the keys still unfound there, then the
 *     rest are asked for one by one: at most twice the calls of the better of the two (the
 *     rent-or-buy bound), and never more pages in a row than keys.
 * - The undeclared objects were then not counted: the plan says so (UNDECLARED_NOT_COUNTED).
 */
/** Pages of the whole association list read one after another before targeted reads take over. */
const SEQUENTIAL_PAGES = 2;
/** Every item of a list, asking for page after page until there is no next token. */
async function allPages(page) {
    const out = [];
    let nextToken;
    do {
        const answer = await page(nextToken);
        out.push(...answer.items);
        nextToken = answer.nextToken;
    } while (nextToken);
    return out;
}
/**
 * Finds the declared associations (see above). `declared`: keys as namespace and service account.
 * `onPage` sees each page's associations as it arrives, so their describes need not wait for the
 * slowest namespace (the same association may come twice: on a page of the whole list and of its namespace).
 */
async function findDeclaredAssociations(pages, declared, limit, onPage = () => undefined) {
    const seen = new Map();
    const paged = async (filter, nextToken) => {
        const page = await pages.associations(filter, nextToken);
        onPage(page.items);
        return page;
    };
    const reporting = { associations: paged, accessEntries: (nextToken) => pages.accessEntries(nextToken) };
    const unfoundByNamespace = () => {
        const found = new Set([...seen.values()].map(keyOf));
        const unfound = new Map();
        for (const d of declared)
            if (!found.has(keyOf(d)))
                unfound.set(d.namespace, [...(unfound.get(d.namespace) ?? []), d.serviceAccount]);
        return unfound;
    };
    let page;
    for (let read = 0; read < SEQUENTIAL_PAGES && (read === 0 || (page?.nextToken !== undefined && read < unfoundByNamespace().size)); read++) {
        page = await paged({}, page?.nextToken);
        for (const s of page.items)
            seen.set(s.associationId, s);
    }
    if (page?.nextToken === undefined)
        return { summaries: sortSummaries(seen), complete: true };
    const unfound = unfoundByNamespace();
    const perNamespace = await mapWithConcurrency([...unfound], limit, ([namespace, accounts]) => findInNamespace(reporting, namespace, accounts, limit));
    for (const s of perNamespace.flat())
        seen.set(s.associationId, s);
    return { summaries: sortSummaries(seen), complete: false };
}
/** Finds the declared access entries (see above). */
async function findDeclaredAccessEntries(pages, declared) {
    const first = await pages.accessEntries();
    const listed = [...new Set(first.items)].sort(model_order/* compare */.U);
    const onPage = new Set(listed);
    const complete = first.nextToken === undefined;
    return { listed, complete, toDescribe: complete ? declared.filter((p) => onPage.has(p)) : [...declared] };
}
async function findInNamespace(pages, namespace, accounts, limit) {
    const out = [];
    const unfound = new Set(accounts);
    let pagesRead = 0;
    let nextToken;
    // Rent (a page of the namespace) while it costs less than buying (one call per unfound key).
    while (unfound.size >= 2 && pagesRead < unfound.size) {
        const page = await pages.associations({ namespace }, nextToken);
        pagesRead++;
        out.push(...page.items);
        for (const s of page.items)
            unfound.delete(s.serviceAccount);
        nextToken = page.nextToken;
        if (nextToken === undefined)
            return out;
    }
    const single = await mapWithConcurrency([...unfound], limit, async (serviceAccount) => (await pages.associations({ namespace, serviceAccount })).items);
    return [...out, ...single.flat()];
}
function keyOf(s) {
    return `${s.namespace}\u0000${s.serviceAccount}`;
}
function sortSummaries(byId) {
    return [...byId.values()].sort((a, b) => (0,model_order/* compare */.U)(a.namespace, b.namespace) || (0,model_order/* compare */.U)(a.serviceAccount, b.serviceAccount) || (0,model_order/* compare */.U)(a.associationId, b.associationId));
}

;// CONCATENATED MODULE: ./src/aws/object-reads.ts


/**
 * Prune on: both lists in full, then every object described. The two kinds share one bound (the
 * limit is per cluster, not per kind) and are interleaved, so that each operation (throttled on
 * its own) is busy for the whole read, not one after the other.
 */
async function readEveryObject({ reader, limit, entriesAvailable, moreWork, describe, found }) {
    const [summaries, listed] = await Promise.all([reader.listAssociations(), entriesAvailable ? reader.listAccessEntries() : Promise.resolve([])]);
    found?.();
    const jobs = interleave(summaries.map((summary) => ({ kind: 'association', summary })), listed.map((principalArn) => ({ kind: 'entry', principalArn })));
    moreWork(jobs.length);
    return {
        foundAssociations: { summaries, complete: true },
        foundEntries: { listed, complete: true, toDescribe: listed },
        described: await mapWithConcurrency(jobs, limit, describe),
    };
}
/**
 * Prune off: the declared objects only (targeted-read.ts). Each is described as soon as it is
 * found: an entry once the first page of the entry list is read, an association as the page that
 * holds it arrives, so the describes start while the namespaces are still being searched. Each
 * kind has its own bound here; in one shared queue the entries, all known early, would hold every
 * slot while they wait for their operation's rate, and the associations would queue behind them.
 */
async function readDeclaredObjects({ reader, limit, entriesAvailable, moreWork, describe, found: allFound }, desired, isDeclared) {
    const pool = startWorkPool(limit, describe);
    const scheduled = new Set();
    const onPage = (items) => {
        const fresh = items.filter((s) => isDeclared(s) && !scheduled.has(s.associationId));
        for (const summary of fresh) {
            scheduled.add(summary.associationId);
            pool.add({ kind: 'association', summary });
        }
        if (fresh.length > 0)
            moreWork(fresh.length);
    };
    let kindsFound = 0;
    const kindFound = () => {
        if (++kindsFound === 2)
            allFound?.();
    };
    const associations = (async () => {
        let found;
        try {
            found = await findDeclaredAssociations(reader, desired.associations, limit, onPage);
            kindFound();
        }
        catch (err) {
            // Let the describes already started settle: no work is left running unobserved.
            await pool.close().catch(() => undefined);
            throw err;
        }
        return { found, described: await pool.close() };
    })();
    const entries = (async () => {
        const found = entriesAvailable
            ? await findDeclaredAccessEntries(reader, desired.accessEntries.map((e) => e.principalArn))
            : { listed: [], complete: true, toDescribe: [] };
        kindFound();
        moreWork(found.toDescribe.length);
        const jobs = found.toDescribe.map((principalArn) => ({ kind: 'entry', principalArn }));
        return { found, described: await mapWithConcurrency(jobs, limit, describe) };
    })();
    const [a, e] = await Promise.all([associations, entries]);
    return { foundAssociations: a.found, foundEntries: e.found, described: [...a.described, ...e.described] };
}
/** Merges two lists so that each advances at its share of the total (both end together); order within each is kept. */
function interleave(a, b) {
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        // Take from `a` while it is behind its share of what has been merged so far.
        if (j >= b.length || (i < a.length && (i + 1) * b.length <= (j + 1) * a.length))
            out.push(a[i++]);
        else
            out.push(b[j++]);
    }
    return out;
}

// EXTERNAL MODULE: ./src/aws/progress.ts
var aws_progress = __webpack_require__(2830);
;// CONCATENATED MODULE: ./src/aws/role-read.ts





/**
 * What the role plan needs of IAM for one cluster: the roles its `role:` blocks declare, read in
 * full (GetRole, ListAttachedRolePolicies, ListRolePolicies + GetRolePolicy); the managed policies
 * and boundaries they name (GetPolicy: exists or not; a denied GetPolicy leaves it unknown); and,
 * with prune, the roles of its live associations that this manifest owns and no longer declares
 * (GetRole first, the policies only for an owned one). No account-wide ListRoles.
 */
async function readManagedRoles(session, gateway, desired, roles, associations, once, limit) {
    const declared = roles.filter((r) => r.accountId === session.accountId && r.declaredBy.some((d) => d.cluster === desired.name));
    const declaredNames = new Set(declared.map((r) => r.roleName));
    // A live association declared with the same role keeps it: that role is no prune candidate.
    const keyOf = (a) => `${a.namespace}/${a.serviceAccount}\u0000${a.roleArn}`;
    const kept = new Set(desired.associations.map(keyOf));
    // Only a role tagged with this manifest's owner may be pruned: without an owner there is nothing to look up.
    const candidates = desired.prune && desired.owner !== undefined
        ? [...new Set(associations.filter((a) => !kept.has(keyOf(a))).map((a) => a.roleArn))].filter((arn) => inAccount(session, arn) && !declaredNames.has((0,model_partition/* roleNameOfArn */.cq)(arn) ?? '')).sort(model_order/* compare */.U)
        : [];
    if (declared.length === 0 && candidates.length === 0)
        return {};
    const full = (name) => once(`role-detail\u0000${name}`, () => gateway.readRole(name, true));
    const policyArns = [...new Set(declared.flatMap((r) => [...r.managedPolicyArns, ...(r.permissionsBoundary !== undefined ? [r.permissionsBoundary] : [])]))].sort(model_order/* compare */.U);
    const [declaredRoles, candidateRoles, policies] = await Promise.all([
        mapWithConcurrency(declared, limit, async (r) => [r.arn, (await full(r.roleName)) ?? null]),
        mapWithConcurrency(candidates, limit, async (arn) => {
            const name = (0,model_partition/* roleNameOfArn */.cq)(arn);
            const bare = await once(`role-bare\u0000${name}`, () => gateway.readRole(name, false));
            // Only a role this manifest owns may be deleted: read its policies only then.
            const owned = bare !== undefined && desired.owner !== undefined && (0,model_ownership/* ownerOf */.bf)(bare.tags) === desired.owner;
            return [arn, owned ? ((await full(name)) ?? null) : null];
        }),
        mapWithConcurrency(policyArns, limit, async (arn) => {
            const exists = await once(`policy\u0000${arn}`, () => gateway.policyExists(arn).catch((err) => ((0,aws_errors/* isAccessDenied */.w7)(err) ? undefined : Promise.reject(err))));
            return [arn, exists];
        }),
    ]);
    const known = policies.filter((p) => p[1] !== undefined);
    return {
        managedRoles: Object.fromEntries([...declaredRoles, ...candidateRoles.filter(([, r]) => r !== null)]),
        ...(known.length > 0 ? { managedPolicies: Object.fromEntries(known) } : {}),
    };
}
function inAccount(session, arn) {
    const parsed = (0,model_partition/* parseArn */.Lw)(arn);
    return parsed?.service === 'iam' && parsed.resource.startsWith('role/') && parsed.accountId === session.accountId && parsed.partition === session.partition;
}

;// CONCATENATED MODULE: ./src/aws/reader.ts















/**
 * IAM is one service per account, not per cluster: the clusters of one read look each role and
 * user up once. Keyed by partition, account and ARN; a failed lookup fails every cluster alike.
 */
class IamLookups {
    answers = new Map();
    once(session, arn, read) {
        return this.remember(`${session.partition}\u0000${session.accountId}\u0000${arn}`, read);
    }
    /** An add-on version's configuration is the same for every cluster of a region: DescribeAddonConfiguration once per version per run. */
    addonConfiguration(region, addonName, version, read) {
        return this.remember(`${region}\u0000addon\u0000${addonName}\u0000${version}`, read);
    }
    /** The access-policy catalog is one per partition: ListAccessPolicies is called once per partition per run. */
    catalog(partition, read) {
        return this.remember(`${partition}\u0000catalog`, read);
    }
    remember(key, read) {
        let answer = this.answers.get(key);
        if (!answer) {
            answer = read();
            this.answers.set(key, answer);
        }
        return answer;
    }
}

const DEFAULT_READ_CONCURRENCY = 32;
/** The largest page EKS serves for these lists. */
const PAGE_SIZE = 100;
const AGENT_ADDON = 'eks-pod-identity-agent';
/** Reads every desired cluster in parallel, each through the session opened for it. */
async function readLiveState(sessions, desired, options = {}) {
    const group = (0,aws_progress/* createProgressGroup */.RK)(options.progress ?? aws_progress/* silentProgress */.RZ, `Reading ${desired.clusters.length} cluster(s), objects described`);
    // Throttling is per account, region and operation, not per cluster: clusters share the pacers.
    const pacers = options.pacers ?? new PacerRegistry();
    const iam = options.iam ?? new IamLookups();
    try {
        const clusters = await Promise.all(desired.clusters.map((cluster) => {
            const session = sessions.find((s) => s.target.name === cluster.name && s.target.region === cluster.region);
            if (!session) {
                throw new errors/* EksIdentityError */.C('NO_SESSION', `No AWS session was opened for cluster ${cluster.name} (${cluster.region})`, {
                    source: 'internal',
                });
            }
            return readLiveCluster(session, cluster, { ...options, pacers, iam, progress: group.task(), ...(desired.roles ? { roles: desired.roles } : {}) });
        }));
        return { clusters };
    }
    finally {
        group.done();
    }
}
/**
 * Reads what the plan needs about one cluster and nothing more: the lists in full, then describes
 * only for the declared associations and entries (all of them when prune is on), and the IAM roles
 * those reference. Not-found means absent: a missing cluster reads as `exists: false`, an object
 * deleted between list and describe is left out, a missing role is `null`.
 */
async function readLiveCluster(session, desired, options = {}) {
    const progress = options.progress ?? aws_progress/* silentProgress */.RZ;
    const limit = options.concurrency ?? DEFAULT_READ_CONCURRENCY;
    const pacers = options.pacers ?? new PacerRegistry();
    const reader = new ClusterReader(session, desired.name, pacers);
    const iam = options.iam ?? new IamLookups();
    const base = {
        name: desired.name,
        region: session.region,
        partition: session.partition,
        accountId: session.accountId,
        caller: session.caller,
    };
    // The association list and the add-ons do not depend on DescribeCluster's answer, so their first
    // pages are asked for beside it: the association describes, the longest chain of the read, start
    // a round trip sooner. An absent cluster leaves them unused. The entry list waits: in
    // ConfigMap-only mode EKS refuses it, and a refused call on every plan is noise in CloudTrail.
    const firstPages = reader.startFirstPages();
    let cluster;
    try {
        cluster = await reader.describeCluster();
    }
    catch (err) {
        await firstPages.settled();
        throw err;
    }
    if (!cluster) {
        await firstPages.settled();
        return { ...base, exists: false, authenticationMode: 'CONFIG_MAP', autoMode: false, addons: [], associationSummaries: [], associations: [], accessEntryPrincipals: [], accessEntries: [], roles: {} };
    }
    const authenticationMode = toAuthenticationMode(cluster.accessConfig?.authenticationMode);
    // Access entries do not exist in ConfigMap-only mode (the list call would be refused).
    const entriesAvailable = authenticationMode !== 'CONFIG_MAP';
    const declaredAssociations = new Set(desired.associations.map((a) => reader_associationKey(a.namespace, a.serviceAccount)));
    // With prune: owned, an undeclared entry's policies matter only when it is ours (it may be deleted).
    const declaredPrincipals = new Set(desired.accessEntries.map((e) => e.principalArn));
    const policiesWanted = (entry) => desired.prune !== 'owned' || declaredPrincipals.has(entry.principalArn) || (0,model_ownership/* isPrunable */.Ul)(desired.prune, desired.owner, entry.tags);
    const label = `cluster ${desired.name}`;
    let total = 0;
    const moreWork = (units) => {
        total += units;
        progress.start(label, total);
    };
    // Roles the desired state names, and the users of declared entries, are known now: read them
    // alongside the lists and describes (a re-created user makes its entry stale).
    const declaredRoles = rolesToRead(session, desired, []);
    const userArns = usersToRead(session, desired);
    moreWork(declaredRoles.length + userArns.length);
    const readUser = (arn) => 
    // A denied GetUser only skips the checks of that user (a finding says so): the permission is
    // newer than the rest of the plan policy.
    iam.once(session, arn, () => reader.getUser(arn).catch((err) => ((0,aws_errors/* isAccessDenied */.w7)(err) ? 'denied' : Promise.reject(err))));
    // Declared access policies are checked against the partition's catalog (read once per partition).
    const wantsCatalog = entriesAvailable && desired.accessEntries.some((e) => e.accessPolicies.length > 0);
    const catalog = wantsCatalog
        ? iam.catalog(session.partition, () => reader.listAccessPolicies().catch((err) => ((0,aws_errors/* isAccessDenied */.w7)(err) ? 'denied' : Promise.reject(err))))
        : Promise.resolve(undefined);
    // Awaited at the end; until then a failure must not count as unhandled.
    catalog.catch(() => undefined);
    const readRoles = (arns) => mapWithConcurrency(arns, limit, async (arn) => {
        const role = await iam.once(session, arn, () => reader.getRole(arn));
        progress.tick();
        return [arn, role];
    });
    const describe = async (job) => {
        const result = job.kind === 'association' ? await reader.describeAssociation(job.summary) : await reader.describeAccessEntry(job.principalArn, policiesWanted);
        progress.tick();
        return result;
    };
    let found = () => undefined;
    const allFound = new Promise((resolve) => (found = resolve));
    const objects = { reader, limit, entriesAvailable, moreWork, describe, found: () => found() };
    const declaredAddons = desired.addons ?? [];
    // The lists lead to the describes, the longest chains of the read; the IAM reads have time to
    // spare (their answers are needed only once the describes are done). They start once every
    // object to describe is known, so that the CPU their first calls take, all at once in a burst,
    // holds back neither the lists nor the first describes (BENCHMARKS.md, (b)).
    const [{ addons, addonDetails }, read, declaredRoleList, userList] = await Promise.all([
        reader.listAddons().then(async (names) => ({
            addons: names,
            addonDetails: declaredAddons.length > 0 ? await readAddonDetails({ session, pacers, clusterName: desired.name, memo: iam, concurrency: limit }, declaredAddons, names) : undefined,
        })),
        // Prune off: find the declared objects, listing only when that is the cheaper way (targeted-read.ts).
        desired.prune ? readEveryObject(objects) : readDeclaredObjects(objects, desired, (s) => declaredAssociations.has(reader_associationKey(s.namespace, s.serviceAccount))),
        allFound.then(() => readRoles(declaredRoles)),
        allFound.then(() => mapWithConcurrency(userArns, limit, async (arn) => {
            const user = await readUser(arn);
            progress.tick();
            return [arn, user];
        })),
    ]);
    const { foundAssociations, foundEntries, described } = read;
    const summaries = foundAssociations.summaries;
    const associations = described.filter((d) => d !== undefined && 'associationId' in d);
    const describedEntries = described.filter((d) => d !== undefined && 'accessPolicies' in d);
    // Entries read without their policies (not ours under prune: owned) stay out: the plan only sees what it may act on.
    const accessEntries = describedEntries.filter((e) => policiesWanted(e));
    const principals = foundEntries.complete ? foundEntries.listed : [...new Set([...foundEntries.listed, ...describedEntries.map((e) => e.principalArn)])].sort(model_order/* compare */.U);
    const uncounted = [...(foundAssociations.complete ? [] : ['associations']), ...(foundEntries.complete ? [] : ['accessEntries'])];
    // Then the roles of live entries the manifest does not declare (read with prune on).
    const known = new Set(declaredRoles);
    const moreRoles = rolesToRead(session, desired, accessEntries).filter((arn) => !known.has(arn));
    moreWork(moreRoles.length);
    const [moreRoleList, owned] = await Promise.all([
        readRoles(moreRoles),
        readManagedRoles(session, new SdkIamRoleGateway(pacedClients({ iam: session.clients.iam }, options.pacers ?? new PacerRegistry()).iam), desired, options.roles ?? [], associations, (key, read) => iam.once(session, key, read), limit),
    ]);
    const roleList = [...declaredRoleList, ...moreRoleList].sort((a, b) => (0,model_order/* compare */.U)(a[0], b[0]));
    const deniedUsers = userList.filter(([, user]) => user === 'denied').map(([arn]) => arn);
    const policies = await catalog;
    await firstPages.settled();
    progress.done();
    return {
        ...base,
        exists: true,
        authenticationMode,
        autoMode: cluster.computeConfig?.enabled === true,
        ...(cluster.identity?.oidc?.issuer ? { oidcIssuer: cluster.identity.oidc.issuer } : {}),
        addons: addons.map((name) => ({ name })),
        ...(addonDetails ? { addonDetails } : {}),
        associationSummaries: summaries,
        associations: associations.sort(byAssociation),
        accessEntryPrincipals: principals,
        accessEntries: accessEntries.sort((a, b) => (0,model_order/* compare */.U)(a.principalArn, b.principalArn)),
        roles: Object.fromEntries(roleList),
        users: Object.fromEntries(userList.filter((entry) => entry[1] !== 'denied')),
        ...(deniedUsers.length > 0 ? { unreadableUsers: deniedUsers } : {}),
        ...(uncounted.length > 0 ? { uncounted } : {}),
        ...(policies === 'denied' ? { accessPolicyCatalogDenied: true } : policies ? { accessPolicyCatalog: policies } : {}),
        ...owned,
    };
}
/**
 * IAM users named by declared entries, in the cluster's own account and partition (others cannot
 * be read with its credentials), deduplicated and sorted: a missing user is an error at plan (EKS
 * refuses the entry), a user re-created after its entry makes the entry stale.
 */
function usersToRead(session, desired) {
    return [...new Set(desired.accessEntries.map((e) => e.principalArn))].filter((arn) => reader_inAccount(session, arn, 'user/')).sort(model_order/* compare */.U);
}
/** An IAM ARN of `kind` (`role/`, `user/`) in the session's own account and partition. */
function reader_inAccount(session, arn, kind) {
    const parsed = (0,model_partition/* parseArn */.Lw)(arn);
    return parsed?.service === 'iam' && parsed.resource.startsWith(kind) && parsed.accountId === session.accountId && parsed.partition === session.partition;
}
/**
 * Lists in full the kinds a targeted read left uncounted (prune off), so that checks that need
 * every object (quotas when the plan creates, the last-admin check) see them. Nothing is described.
 */
async function completeListings(session, live, kinds, options = {}) {
    const missing = (live.uncounted ?? []).filter((k) => kinds.includes(k));
    if (missing.length === 0)
        return live;
    const reader = new ClusterReader(session, live.name, options.pacers ?? new PacerRegistry());
    const [summaries, principals] = await Promise.all([
        missing.includes('associations') ? reader.listAssociations() : live.associationSummaries,
        missing.includes('accessEntries') ? reader.listAccessEntries() : live.accessEntryPrincipals,
    ]);
    const uncounted = live.uncounted.filter((k) => !missing.includes(k));
    const { uncounted: _drop, ...rest } = live;
    return { ...rest, associationSummaries: summaries, accessEntryPrincipals: principals, ...(uncounted.length > 0 ? { uncounted } : {}) };
}
/**
 * Describes the listed access entries a read skipped (prune off: only declared entries are
 * described; prune owned: only owned ones keep their policies) and returns the cluster with them.
 * Used when a plan would take cluster admin away from every entry it knows: an undeclared entry
 * may still be an admin, and the lockout check should not guess.
 */
async function describeSkippedAccessEntries(session, listedOrNot, options = {}) {
    const live = await completeListings(session, listedOrNot, ['accessEntries'], options);
    const known = new Set(live.accessEntries.map((e) => e.principalArn));
    const skipped = live.accessEntryPrincipals.filter((p) => !known.has(p));
    if (skipped.length === 0)
        return live;
    const reader = new ClusterReader(session, live.name, options.pacers ?? new PacerRegistry());
    const described = await mapWithConcurrency(skipped, options.concurrency ?? DEFAULT_READ_CONCURRENCY, (principalArn) => reader.describeAccessEntry(principalArn));
    const found = described.filter((e) => e !== undefined);
    // Read to count admins only: under prune: owned they must not become delete candidates.
    return { ...live, accessEntries: [...live.accessEntries, ...found].sort((a, b) => (0,model_order/* compare */.U)(a.principalArn, b.principalArn)) };
}
/** True when the cluster has the Pod Identity agent add-on (Auto Mode clusters have it built in). */
function hasPodIdentityAgent(cluster) {
    return cluster.autoMode || cluster.addons.some((a) => a.name === AGENT_ADDON);
}
function reader_associationKey(namespace, serviceAccount) {
    return `${namespace}/${serviceAccount}`;
}
function byAssociation(a, b) {
    return (0,model_order/* compare */.U)(a.namespace, b.namespace) || (0,model_order/* compare */.U)(a.serviceAccount, b.serviceAccount) || (0,model_order/* compare */.U)(a.associationId, b.associationId);
}
/**
 * Roles the checks need, deduplicated and sorted: those the desired associations use as role or
 * target role (missing role, real path, trust policy), every declared entry principal that is a
 * role (missing role, real path), and the STANDARD principals of described entries (re-created
 * role = stale entry). Only roles in the cluster's own account and partition can be read with its
 * credentials; others are left out of `roles` (unknown), never reported as missing.
 */
function rolesToRead(session, desired, described) {
    const arns = new Set();
    for (const a of desired.associations) {
        // A role of a `role:` block is read in full by readManagedRoles.
        if (!a.managedRole)
            arns.add(a.roleArn);
        if (a.targetRoleArn)
            arns.add(a.targetRoleArn);
    }
    for (const e of desired.accessEntries)
        arns.add(e.principalArn);
    for (const addon of desired.addons ?? [])
        for (const a of addon.associations)
            if (!a.managedRole)
                arns.add(a.roleArn);
    for (const e of described)
        if (e.type === 'STANDARD')
            arns.add(e.principalArn);
    return [...arns].filter((arn) => reader_inAccount(session, arn, 'role/')).sort(model_order/* compare */.U);
}
/** The SDK calls for one cluster, each failure wrapped with the operation and the AWS object. */
class ClusterReader {
    session;
    clusterName;
    pacers;
    where;
    /**
     * The EKS client with every call paced, for the paginators and DescribeCluster: their throttles
     * then go back to a pacer too, instead of the SDK's backoff (up to seconds per throttle, and a
     * list's pages come one after another).
     */
    eks;
    constructor(session, clusterName, pacers) {
        this.session = session;
        this.clusterName = clusterName;
        this.pacers = pacers;
        this.where = `cluster ${clusterName} (${session.region})`;
        this.eks = pacedClients({ eks: session.clients.eks }, pacers).eks;
    }
    /** First pages asked for before they are needed (startFirstPages); each is handed out once. */
    early = {};
    /**
     * Asks for the first page of the association list and for the add-ons now; the next unfiltered
     * first-page request (and listAddons) gets that answer. `settled` waits for both, failed or not,
     * so that no call is left running unobserved when they go unused.
     */
    startFirstPages() {
        const quiet = (answer) => {
            answer.catch(() => undefined);
            return answer;
        };
        const early = { associations: quiet(this.associationPage({})), addons: quiet(this.readAddons()) };
        this.early = { ...early };
        return { settled: async () => void (await Promise.allSettled(Object.values(early))) };
    }
    async describeCluster() {
        const answer = await (0,aws_errors/* callAwsOrAbsent */.C1)('DescribeCluster', this.where, () => this.eks.send(new dist_cjs/* DescribeClusterCommand */.hV5({ name: this.clusterName })));
        return answer?.cluster;
    }
    async listAddons() {
        const early = this.early.addons;
        delete this.early.addons;
        return early ?? this.readAddons();
    }
    async readAddons() {
        return (0,aws_errors/* callAws */.IY)('ListAddons', this.where, async () => {
            const names = [];
            const pages = (0,dist_cjs/* paginateListAddons */.P4v)({ client: this.eks, pageSize: PAGE_SIZE }, { clusterName: this.clusterName });
            for await (const page of pages)
                names.push(...(page.addons ?? []));
            return [...new Set(names)].sort(model_order/* compare */.U);
        });
    }
    /** The whole association list, page after page. */
    async listAssociations() {
        return (await allPages((nextToken) => this.associations({}, nextToken))).sort(byAssociation);
    }
    /** The whole access entry list, page after page. */
    async listAccessEntries() {
        return [...new Set(await allPages((nextToken) => this.accessEntries(nextToken)))].sort(model_order/* compare */.U);
    }
    /** One page of ListPodIdentityAssociations, filtered by namespace and service account when given; paced (pages may run side by side). */
    async associations(filter, nextToken) {
        const early = filter.namespace === undefined && filter.serviceAccount === undefined && nextToken === undefined ? this.early.associations : undefined;
        if (early) {
            delete this.early.associations;
            return early;
        }
        return this.associationPage(filter, nextToken);
    }
    async associationPage(filter, nextToken) {
        const page = await (0,aws_errors/* callAws */.IY)('ListPodIdentityAssociations', this.where, () => this.pacers.send(this.session.clients.eks, new dist_cjs/* ListPodIdentityAssociationsCommand */.pp8({ clusterName: this.clusterName, maxResults: PAGE_SIZE, ...filter, ...(nextToken ? { nextToken } : {}) })));
        return { items: (page.associations ?? []).map(toAssociationSummary), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
    }
    /** One page of ListAccessEntries. */
    async accessEntries(nextToken) {
        const page = await (0,aws_errors/* callAws */.IY)('ListAccessEntries', this.where, () => this.pacers.send(this.session.clients.eks, new dist_cjs/* ListAccessEntriesCommand */.yTN({ clusterName: this.clusterName, maxResults: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) })));
        return { items: page.accessEntries ?? [], ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
    }
    async describeAssociation(summary) {
        const key = `association ${summary.namespace}/${summary.serviceAccount} (${summary.associationId}) on ${this.where}`;
        const answer = await (0,aws_errors/* callAwsOrAbsent */.C1)('DescribePodIdentityAssociation', key, () => this.pacers.send(this.session.clients.eks, new dist_cjs/* DescribePodIdentityAssociationCommand */.$tu({ clusterName: this.clusterName, associationId: summary.associationId })));
        return answer?.association ? toLiveAssociation(answer.association, summary) : undefined;
    }
    /** Describes an entry, and lists its policies when `withPolicies` says so (default: always). */
    async describeAccessEntry(principalArn, withPolicies = () => true) {
        const key = `access entry ${principalArn} on ${this.where}`;
        const answer = await (0,aws_errors/* callAwsOrAbsent */.C1)('DescribeAccessEntry', key, () => this.pacers.send(this.session.clients.eks, new dist_cjs/* DescribeAccessEntryCommand */.VV3({ clusterName: this.clusterName, principalArn })));
        if (!answer?.accessEntry)
            return undefined;
        const bare = toLiveAccessEntry(answer.accessEntry, principalArn, []);
        if (!withPolicies(bare))
            return bare;
        const policies = await (0,aws_errors/* callAwsOrAbsent */.C1)('ListAssociatedAccessPolicies', key, async () => {
            // Page by page, each page one paced call.
            const out = [];
            let nextToken;
            do {
                const page = await this.pacers.send(this.session.clients.eks, new dist_cjs/* ListAssociatedAccessPoliciesCommand */.kFG({ clusterName: this.clusterName, principalArn, maxResults: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) }));
                out.push(...(page.associatedAccessPolicies ?? []));
                nextToken = page.nextToken;
            } while (nextToken);
            return out;
        });
        // The entry vanished between the two calls: absent, like any object deleted mid-read.
        if (policies === undefined)
            return undefined;
        return toLiveAccessEntry(answer.accessEntry, principalArn, policies);
    }
    /** Every access policy of the partition (ListAccessPolicies), page by page, each page one paced call. */
    async listAccessPolicies() {
        return (0,aws_errors/* callAws */.IY)('ListAccessPolicies', `the access policies of ${this.session.partition}`, async () => {
            const out = [];
            let nextToken;
            do {
                const page = await this.pacers.send(this.session.clients.eks, new dist_cjs/* ListAccessPoliciesCommand */._VY({ maxResults: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) }));
                out.push(...(page.accessPolicies ?? []).flatMap((p) => (p.arn ? [p.arn] : [])));
                nextToken = page.nextToken;
            } while (nextToken);
            return [...new Set(out)].sort(model_order/* compare */.U);
        });
    }
    async getRole(roleArn) {
        const roleName = (0,model_partition/* roleNameOfArn */.cq)(roleArn);
        if (roleName === undefined)
            return null;
        const answer = await (0,aws_errors/* callAwsOrAbsent */.C1)('GetRole', `role ${roleArn}`, () => this.pacers.send(this.session.clients.iam, new client_iam_dist_cjs/* GetRoleCommand */.kbp({ RoleName: roleName })));
        return answer?.Role ? toLiveRole(answer.Role) : null;
    }
    async getUser(userArn) {
        const userName = userArn.split('/').pop() ?? '';
        const answer = await (0,aws_errors/* callAwsOrAbsent */.C1)('GetUser', `user ${userArn}`, () => this.pacers.send(this.session.clients.iam, new client_iam_dist_cjs/* GetUserCommand */.T3b({ UserName: userName })));
        return answer?.User ? toLiveUser(answer.User) : null;
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(6448);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./src/model/api-limits.ts
var api_limits = __webpack_require__(666);
;// CONCATENATED MODULE: ./src/model/access-entry-rules.ts
/**
 * What EKS accepts on an access entry, by type, as pure functions: `validate` checks them when the
 * cluster's account is known offline, the plan checks them with the account from STS, and the
 * emulator refuses the same requests. Sources, by rule:
 *
 * - CreateAccessEntry `principalArn` (API reference): for the node types EC2, EC2_LINUX,
 *   EC2_WINDOWS, FARGATE_LINUX and HYBRID_LINUX the only valid principal is an IAM role;
 *   HYPERPOD_LINUX is a node type too and is treated the same way.
 * - EKS User Guide, "Create access entries": a type other than STANDARD needs a principal in the
 *   cluster's own account; only STANDARD entries take a username and Kubernetes groups.
 * - CreateAccessEntry `type` and AssociateAccessPolicy: EC2_LINUX and EC2_WINDOWS entries take no
 *   access policy; EC2 (EKS Auto Mode custom node classes) takes AmazonEKSAutoNodePolicy, per the
 *   guide's "Create a node class access entry". The other node types get their rights from EKS.
 * - The usernames and groups EKS gives node types (describe-access-entry of a node role, the
 *   guide's username table and its aws-auth node mappings): see NODE_IDENTITIES.
 */


const ACCESS_ENTRY_TYPES = ['STANDARD', 'EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX', 'EC2', 'HYBRID_LINUX', 'HYPERPOD_LINUX'];
/** The username and groups EKS sets on an entry it does not let the user name. */
const NODE_IDENTITIES = {
    EC2_LINUX: { username: 'system:node:{{EC2PrivateDNSName}}', groups: ['system:nodes'] },
    // Windows nodes also need eks:kube-proxy-windows for DNS (EKS User Guide, Windows support).
    EC2_WINDOWS: { username: 'system:node:{{EC2PrivateDNSName}}', groups: ['eks:kube-proxy-windows', 'system:nodes'] },
    FARGATE_LINUX: { username: 'system:node:{{SessionName}}', groups: ['system:node-proxier', 'system:nodes'] },
    HYBRID_LINUX: { username: 'system:node:{{SessionName}}', groups: ['system:nodes'] },
    // Auto Mode nodes get their rights from AmazonEKSAutoNodePolicy, not from groups.
    EC2: { username: 'system:node:{{EC2PrivateDNSName}}', groups: [] },
    HYPERPOD_LINUX: { username: 'sagemaker:hyperpod:{{SessionName}}', groups: [] },
};
function isAccessEntryType(type) {
    return ACCESS_ENTRY_TYPES.includes(type);
}
/** Only STANDARD entries take a username and Kubernetes groups; EKS sets those of node types. */
function takesIdentityFields(type) {
    return type === 'STANDARD';
}
/** STANDARD entries, and EC2 (Auto Mode node roles get AmazonEKSAutoNodePolicy). */
function takesAccessPolicies(type) {
    return type === 'STANDARD' || type === 'EC2';
}
/** Node types accept only IAM roles, and only in the cluster's account. */
function isNodeType(type) {
    return type !== 'STANDARD';
}
/** "an EC2_LINUX", "a FARGATE_LINUX": the article follows how the type is read aloud. */
function withArticle(type) {
    return `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type}`;
}
const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);
/** Every per-type rule an entry breaks; empty when EKS would take it. */
function accessEntryProblems(e) {
    const out = [];
    const arn = (0,model_partition/* parseArn */.Lw)(e.principalArn);
    const kind = arn?.resource.split('/')[0];
    if (isNodeType(e.type) && kind === 'user') {
        out.push({ field: 'principalArn', code: 'USER_ON_NODE_TYPE', message: `an IAM user cannot be the principal of ${withArticle(e.type)} entry: EKS takes only IAM roles for node types`, fix: 'use the node IAM role\'s ARN, or type STANDARD for a person' });
    }
    const otherAccount = (0,model_partition/* otherAccountOf */.xi)(e.principalArn, e.clusterAccountId);
    if (isNodeType(e.type) && otherAccount !== undefined) {
        out.push({
            field: 'principalArn',
            code: 'NODE_TYPE_OTHER_ACCOUNT',
            message: `${capitalised(withArticle(e.type))} entry needs a principal in the cluster's account ${e.clusterAccountId}; this one is in ${otherAccount}`,
            fix: 'use a role of the cluster\'s account, or type STANDARD (which takes principals of any account)',
        });
    }
    if (!takesIdentityFields(e.type)) {
        if (e.kubernetesGroups !== undefined && e.kubernetesGroups.length > 0) {
            out.push({ field: 'kubernetesGroups', code: 'GROUPS_ON_NODE_TYPE', message: `\`kubernetesGroups\` cannot be set on an entry of type ${e.type}: EKS sets the groups of node types itself`, fix: 'remove `kubernetesGroups`, or use type STANDARD' });
        }
        if (e.username !== undefined) {
            out.push({ field: 'username', code: 'USERNAME_ON_NODE_TYPE', message: `\`username\` cannot be set on ${withArticle(e.type)} entry: EKS sets it itself`, fix: 'remove `username`, or use type STANDARD' });
        }
    }
    if (e.username !== undefined)
        out.push(...(0,api_limits/* usernameProblems */.T5)(e.username).map((p) => ({ ...p, field: 'username' })));
    e.kubernetesGroups?.forEach((group, index) => out.push(...(0,api_limits/* groupProblems */.Uh)(group).map((p) => ({ ...p, field: 'kubernetesGroups', index }))));
    if (!takesAccessPolicies(e.type) && (e.accessPolicyCount ?? 0) > 0) {
        out.push({ field: 'accessPolicies', code: 'ACCESS_POLICIES_ON_NODE_TYPE', message: `access policies cannot be associated with an entry of type ${e.type}`, fix: e.type === 'EC2' ? 'remove `accessPolicies`' : 'remove `accessPolicies`, or use type STANDARD (or EC2 for an Auto Mode node class role)' });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/manifest/schema.ts


/**
 * Manifest v1: the one definition that gives the TypeScript types, the validator and the JSON
 * Schema published for editors (schema/manifest.schema.json, generated by scripts/generate-schema.ts).
 * Rules that need more than one field or more than one file live in rules.ts.
 */

const tags = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP())
    .describe('Tags, key → value. At most 50 on a resource (with defaults and the owner tag); keys ≤ 128 and values ≤ 256 characters; keys may not start with "aws:". Values expand ${partition} ${accountId} ${region} ${cluster}.');
const clusterSelector = schemas/* array */.YOg(schemas/* string */.YjP())
    .describe('Names of the clusters (from `clusters`) this applies to. Default: every cluster.');
const ownerSchema = schemas/* string */.YjP()
    .describe('Name of this manifest as an owner. Every association and access entry it creates, adopts or updates carries the tag eks-identity/owner with this value, and `prune: owned` deletes only undeclared objects with it. One manifest, one owner. 1–256 characters: letters, digits, spaces and _ . : / = + - @.');
const pruneSchema = schemas/* union */.KCZ([schemas/* boolean */.zMY(), schemas/* literal */.euz('owned')], { error: 'expected true, false or owned' })
    .describe('Delete live associations and entries the manifest does not declare: true (all of them), owned (only those tagged with this manifest\'s owner; needs `owner`) or false (default).');
const clusterSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP().describe('EKS cluster name.'),
    region: schemas/* string */.YjP().describe('AWS region, e.g. us-east-1 or cn-north-1; it sets the partition.'),
    accountId: schemas/* string */.YjP()
        .optional()
        .describe('12-digit AWS account id. A guard: the tool refuses to touch the cluster with credentials of another account.'),
    assumeRoleArn: schemas/* string */.YjP().optional().describe('IAM role to assume for this cluster (multi-account fleets).'),
})
    .strict();
/** A role eks-identity creates and owns for the association (role-block.ts checks it). */
const roleBlockSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP().optional().describe('IAM role name (1–64 of letters, digits and + = , . @ _ -); variables expand. Default: CLUSTER-NAMESPACE-SERVICEACCOUNT, cut to 64 characters with a hash suffix. Associations that name the same role in one account share it: its trust covers all of them.'),
    path: schemas/* string */.YjP().optional().describe('IAM path, `/` (default) or `/a/b/`; variables expand.'),
    managedPolicies: schemas/* array */.YOg(schemas/* string */.YjP()).optional().describe('Managed policy ARNs to attach (AWS or customer managed); variables expand.'),
    inlinePolicies: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()))
        .optional()
        .describe('Inline policies, name → IAM policy document. ${partition} ${accountId} ${region} ${cluster} expand inside; IAM\'s own variables (${aws:username}…) are left as written.'),
    wellKnownPolicies: schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* object */.Ikc({ name: schemas/* string */.YjP() }).catchall(schemas/* unknown */.L5J())]))
        .optional()
        .describe('Named permission sets from the well-known catalog (docs/well-known-policies.md): a name (ebsCsiController), or `{ name: karpenterController, PARAMETER: value, … }`; parameter values expand variables.'),
    permissionsBoundary: schemas/* string */.YjP().optional().describe('ARN of the managed policy that bounds the role; variables expand.'),
    maxSessionDuration: schemas/* number */.aig().int().optional().describe('Seconds, 3600–43200 (default 3600).'),
    description: schemas/* string */.YjP().optional().describe('Role description (up to 1,000 characters); variables expand.'),
    tags: tags.optional(),
    adopt: schemas/* boolean */.zMY()
        .optional()
        .describe('Take over an existing role of this name that has no eks-identity/owner tag: it is tagged with this manifest\'s owner and then managed in full (trust, policies, boundary, tags). Without it, naming an existing role it does not own is an error.'),
})
    .strict()
    .describe('Create and own the IAM role of this association (instead of roleName/roleArn). Needs `owner:` in the manifest.');
const podIdentityAssociationSchema = schemas/* object */.Ikc({
    namespace: schemas/* string */.YjP().describe('Kubernetes namespace (RFC 1123 label).'),
    serviceAccount: schemas/* string */.YjP().describe('Kubernetes service account name (RFC 1123 subdomain). It may not exist yet.'),
    roleName: schemas/* string */.YjP()
        .optional()
        .describe('IAM role name (optionally with a path, e.g. team/app) in the cluster\'s account; ${cluster} and the other variables expand (KarpenterController-${cluster}). Give roleName, roleArn or role.'),
    roleArn: schemas/* string */.YjP()
        .optional()
        .describe('IAM role ARN; ${partition} ${accountId} ${region} ${cluster} expand. Give roleName, roleArn or role.'),
    role: roleBlockSchema.optional(),
    targetRoleArn: schemas/* string */.YjP().optional().describe('Role to chain into (cross-account access); variables expand.'),
    disableSessionTags: schemas/* boolean */.zMY().optional().describe('Turn off the session tags EKS adds. Required (true) with `policy`.'),
    policy: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J())
        .optional()
        .describe('Session policy (an IAM policy document) that narrows the role. Needs disableSessionTags: true. At most 2,048 characters as compact JSON (the STS limit).'),
    tags: tags.optional(),
    clusters: clusterSelector.optional(),
})
    .strict();
const accessPolicySchema = schemas/* object */.Ikc({
    policy: schemas/* string */.YjP().describe('Access policy short name (AmazonEKSClusterAdminPolicy) or full ARN; variables expand.'),
    scope: schemas/* literal */.euz('cluster').optional().describe('Cluster-wide scope. Give `scope: cluster` or `namespaces`.'),
    namespaces: schemas/* array */.YOg(schemas/* string */.YjP()).optional().describe('Namespace scope: the namespaces the policy applies in (a trailing * matches a prefix); variables expand.'),
})
    .strict();
const accessEntrySchema = schemas/* object */.Ikc({
    principalArn: schemas/* string */.YjP().describe('IAM role or user ARN; ${partition} ${accountId} ${region} ${cluster} expand.'),
    type: schemas/* enum */.k5n(ACCESS_ENTRY_TYPES).optional().describe('Access entry type (default STANDARD). Immutable: a change replaces the entry.'),
    kubernetesGroups: schemas/* array */.YOg(schemas/* string */.YjP())
        .optional()
        .describe('Kubernetes groups (STANDARD only); may not start with "system:"; variables expand.'),
    username: schemas/* string */.YjP()
        .optional()
        .describe('Kubernetes username (STANDARD only). Default: chosen by EKS. May not start with system: eks: aws: amazon: iam:; needs a colon before {{SessionName}}; variables expand.'),
    accessPolicies: schemas/* array */.YOg(accessPolicySchema).optional(),
    tags: tags.optional(),
    clusters: clusterSelector.optional(),
})
    .strict();
const addonAssociationSchema = schemas/* object */.Ikc({
    serviceAccount: schemas/* string */.YjP().describe('A service account of the add-on, as DescribeAddonConfiguration lists it for the installed version (e.g. ebs-csi-controller-sa). The namespace is the add-on\'s.'),
    roleName: schemas/* string */.YjP().optional().describe('IAM role name in the cluster\'s account; variables expand. Give roleName or roleArn.'),
    roleArn: schemas/* string */.YjP().optional().describe('IAM role ARN; ${partition} ${accountId} ${region} ${cluster} expand. Give roleName, roleArn or role.'),
    role: roleBlockSchema.optional(),
    recommendedPolicies: schemas/* boolean */.zMY()
        .optional()
        .describe('With `role:`: also attach the managed policies that DescribeAddonConfiguration recommends for this service account of the installed version.'),
})
    .strict();
const addonSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP().describe('Name of an installed EKS add-on (aws-ebs-csi-driver, vpc-cni, …). eks-identity does not install add-ons or choose their versions.'),
    clusters: clusterSelector.optional(),
    podIdentityAssociations: schemas/* array */.YOg(addonAssociationSchema)
        .describe('Every Pod Identity association the add-on should own, applied with UpdateAddon: the list replaces the add-on\'s associations (an empty list removes them).'),
})
    .strict();
const manifestSchema = schemas/* object */.Ikc({
    version: schemas/* literal */.euz(1).describe('Manifest format version. Only 1 exists.'),
    owner: ownerSchema.optional(),
    clusters: schemas/* array */.YOg(clusterSchema).optional().describe('Clusters this manifest manages.'),
    defaults: schemas/* object */.Ikc({ tags: tags.optional() })
        .strict()
        .optional()
        .describe('Defaults merged into every association and entry.'),
    podIdentityAssociations: schemas/* array */.YOg(podIdentityAssociationSchema).optional(),
    accessEntries: schemas/* array */.YOg(accessEntrySchema).optional(),
    addons: schemas/* array */.YOg(addonSchema).optional().describe('EKS add-ons whose Pod Identity associations this manifest manages (through the add-on API).'),
    prune: pruneSchema.optional(),
})
    .strict()
    .describe('eks-identity manifest: EKS Pod Identity associations and access entries.');
/**
 * Where editors fetch the schema: the file on the major release tag, which the release workflow
 * moves to every v1.x.y. A URL works from any directory and without node_modules (repositories
 * that only use the action have none), unlike a relative path, which is wrong from any other
 * directory than the one it was written for.
 */
const MANIFEST_SCHEMA_URL = 'https://raw.githubusercontent.com/eks-identity/eks-identity/v1/schema/manifest.schema.json';
/** The JSON Schema for editors (yaml-language-server, VS Code). */
function manifestJsonSchema() {
    const schema = z.toJSONSchema(manifestSchema, { target: 'draft-7' });
    return { $id: MANIFEST_SCHEMA_URL, title: 'eks-identity manifest v1', ...schema };
}

;// CONCATENATED MODULE: ./src/manifest/check-file.ts



/** The top level with the lists left open, so that one bad item does not hide the others. */
const topLevelSchema = schemas/* object */.Ikc({
    // Optional here: a missing or wrong version gets its own diagnostic below.
    version: schemas/* unknown */.L5J().optional(),
    clusters: schemas/* array */.YOg(schemas/* unknown */.L5J()).optional(),
    defaults: manifestSchema.shape.defaults,
    podIdentityAssociations: schemas/* array */.YOg(schemas/* unknown */.L5J()).optional(),
    accessEntries: schemas/* array */.YOg(schemas/* unknown */.L5J()).optional(),
    addons: schemas/* array */.YOg(schemas/* unknown */.L5J()).optional(),
    owner: ownerSchema.optional(),
    prune: pruneSchema.optional(),
})
    .strict();
/** Validates the shape of one parsed file against manifest v1 and locates every problem. */
function checkFile(source) {
    const result = { file: source.file, clusters: [], podIdentityAssociations: [], accessEntries: [], addons: [], rejectedClusterNames: [], diagnostics: [...source.diagnostics] };
    if (source.diagnostics.some((d) => d.severity === 'error'))
        return result;
    const report = (d) => result.diagnostics.push({ severity: 'error', ...d });
    const data = source.data;
    if (data === undefined || data === null) {
        report({ code: 'EMPTY_FILE', message: 'the manifest file is empty', fix: 'add `version: 1` and the clusters, associations or entries it manages', location: source.locate([]) });
        return result;
    }
    const top = topLevelSchema.safeParse(data);
    if (!top.success) {
        result.diagnostics.push(...zodDiagnostics(top.error.issues, [], source, topLevelKeys, manifestSchema));
        if (typeof data !== 'object' || Array.isArray(data))
            return result;
    }
    const record = data;
    if (!('version' in record)) {
        report({ code: 'MISSING_FIELD', message: 'missing required field `version`', fix: 'add `version: 1` at the top of the file', location: source.locate([]) });
    }
    else if (record.version !== 1) {
        report({
            code: 'UNSUPPORTED_VERSION',
            message: `unsupported manifest version ${JSON.stringify(record.version)}; this release reads version 1`,
            fix: 'set `version: 1`, or upgrade eks-identity if the manifest was written for a newer release',
            location: source.locate(['version']),
        });
    }
    if (top.success) {
        if (top.data.defaults?.tags) {
            result.defaultTags = { value: top.data.defaults.tags, source: source.locateKey([], 'defaults'), keyAt: (key) => source.locateKey(['defaults', 'tags'], key) };
        }
        if (top.data.prune !== undefined)
            result.prune = { value: top.data.prune, source: source.locateKey([], 'prune') };
        if (top.data.owner !== undefined)
            result.owner = { value: top.data.owner, source: source.locate(['owner']) };
    }
    result.clusters = checkList(record.clusters, 'clusters', clusterSchema, source, result.diagnostics);
    result.rejectedClusterNames = rejectedNames(record.clusters, result.clusters);
    result.podIdentityAssociations = checkList(record.podIdentityAssociations, 'podIdentityAssociations', podIdentityAssociationSchema, source, result.diagnostics);
    result.accessEntries = checkList(record.accessEntries, 'accessEntries', accessEntrySchema, source, result.diagnostics);
    result.addons = checkList(record.addons, 'addons', addonSchema, source, result.diagnostics);
    return result;
}
function rejectedNames(list, accepted) {
    if (!Array.isArray(list))
        return [];
    const names = list.flatMap((item) => (item !== null && typeof item === 'object' && typeof item.name === 'string' ? [item.name] : []));
    return names.filter((name) => !accepted.some((c) => c.value.name === name));
}
const topLevelKeys = Object.keys(manifestSchema.shape);
function checkList(value, key, schema, source, diagnostics) {
    if (!Array.isArray(value))
        return [];
    const keys = Object.keys(schema.shape);
    const items = [];
    value.forEach((item, index) => {
        const path = [key, index];
        let parsed = schema.safeParse(item);
        if (!parsed.success) {
            diagnostics.push(...zodDiagnostics(parsed.error.issues, path, source, keys, schema));
            // An item whose only fault is an unknown key is still checked by the rules, so that one
            // run lists its other errors too; its unknown keys are already reported.
            if (!parsed.error.issues.every((issue) => issue.code === 'unrecognized_keys'))
                return;
            parsed = stripUnknownKeys(schema).safeParse(item);
            if (!parsed.success)
                return;
        }
        items.push({
            value: parsed.data,
            source: source.locate(path),
            at: (field, ...rest) => (rest.length === 0 ? source.locateKeyOrValue(path, field) : source.locate([...path, field, ...rest])),
            keyAt: (field, ...rest) => {
                const segments = [field, ...rest];
                const last = segments.pop();
                return source.locateKey([...path, ...segments], String(last));
            },
        });
    });
    return items;
}
/** The same object schema, nested objects included, with unknown keys dropped instead of refused. */
function stripUnknownKeys(schema) {
    if (schema instanceof schemas/* ZodOptional */.IiU)
        return stripUnknownKeys(schema.unwrap()).optional();
    if (schema instanceof schemas/* ZodArray */.naA)
        return schemas/* array */.YOg(stripUnknownKeys(schema.element));
    if (schema instanceof schemas/* ZodObject */.bvH) {
        const shape = Object.fromEntries(Object.entries(schema.shape).map(([k, v]) => [k, stripUnknownKeys(v)]));
        return schemas/* object */.Ikc(shape).strip();
    }
    return schema;
}
/** Turns zod issues into located diagnostics with codes: unknown key, missing field, wrong type, bad value. */
function zodDiagnostics(issues, base, source, knownKeys, schema) {
    const out = [];
    for (const issue of issues) {
        const path = [...base, ...issue.path];
        const field = fieldLabel(path);
        if (issue.code === 'unrecognized_keys') {
            const keysHere = issue.path.length === 0 ? knownKeys : nestedKeys(schema, issue.path) ?? knownKeys;
            for (const key of issue.keys) {
                const suggestion = (0,closest_match/* closestMatch */.h)(key, keysHere);
                out.push({
                    severity: 'error',
                    code: 'UNKNOWN_KEY',
                    message: `unknown key \`${key}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`,
                    fix: suggestion ? `rename it to \`${suggestion}\`` : `remove it; allowed keys here: ${keysHere.join(', ')}`,
                    location: source.locateKey(path, key),
                });
            }
            continue;
        }
        const actual = valueAt(source.data, path);
        if (actual === undefined && issue.code === 'invalid_type') {
            out.push({
                severity: 'error',
                code: 'MISSING_FIELD',
                message: `missing required field \`${field}\``,
                fix: `add \`${field}\``,
                location: source.locate(path),
            });
            continue;
        }
        if (issue.code === 'invalid_type') {
            out.push({
                severity: 'error',
                code: 'INVALID_TYPE',
                message: `\`${field}\` must be ${describeExpected(issue.expected)}, not ${describeValue(actual)}`,
                fix: `write \`${field}\` as ${describeExpected(issue.expected)}`,
                location: source.locate(path),
            });
            continue;
        }
        if (issue.code === 'invalid_value') {
            const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
            const suggestion = typeof actual === 'string' ? (0,closest_match/* closestMatch */.h)(actual, issue.values.map(String)) : undefined;
            out.push({
                severity: 'error',
                code: 'INVALID_VALUE',
                message: `\`${field}\` must be one of ${allowed}, not ${describeValue(actual)}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
                fix: `use one of ${allowed}`,
                location: source.locate(path),
            });
            continue;
        }
        // Schemas that say what they expect (`expected true, false or owned`) get the value and a fix.
        const expected = /^expected (.+)$/.exec(issue.message)?.[1];
        out.push({
            severity: 'error',
            code: 'INVALID_VALUE',
            message: expected ? `\`${field}\` must be ${expected}, not ${describeValue(actual)}` : `\`${field}\`: ${issue.message}`,
            ...(expected ? { fix: `write \`${field}\` as ${expected}` } : {}),
            location: source.locate(path),
        });
    }
    return out;
}
/** The field a path ends in, with the index of a list item: `clusters[0]`, `namespaces[2]`. */
function fieldLabel(path) {
    const lastKey = path.findLastIndex((p) => typeof p === 'string');
    if (lastKey < 0)
        return 'manifest';
    return `${String(path[lastKey])}${path.slice(lastKey + 1).map((i) => `[${i}]`).join('')}`;
}
function nestedKeys(schema, path) {
    let current = schema;
    for (const segment of path) {
        if (typeof segment === 'number') {
            current = current instanceof schemas/* ZodOptional */.IiU ? current.unwrap() : current;
            current = current instanceof schemas/* ZodArray */.naA ? current.element : undefined;
            continue;
        }
        current = current instanceof schemas/* ZodOptional */.IiU ? current.unwrap() : current;
        current = current instanceof schemas/* ZodObject */.bvH ? current.shape[segment] : undefined;
    }
    current = current instanceof schemas/* ZodOptional */.IiU ? current.unwrap() : current;
    return current instanceof schemas/* ZodObject */.bvH ? Object.keys(current.shape) : undefined;
}
function valueAt(data, path) {
    let current = data;
    for (const segment of path) {
        if (current === null || typeof current !== 'object')
            return undefined;
        current = current[segment];
    }
    return current;
}
function describeExpected(expected) {
    const names = { string: 'a string', boolean: 'true or false', number: 'a number', array: 'a list', object: 'a mapping', record: 'a mapping' };
    return names[expected] ?? expected;
}
function describeValue(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string')
        return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    return `${typeof value} ${String(value)}`;
}

;// CONCATENATED MODULE: ./src/manifest/diagnostics.ts
/** Compiler style: `file:line:col: error CODE: message`, then an indented fix line. */
function formatDiagnostic(d) {
    const head = `${d.location.file}:${d.location.line}:${d.location.column}: ${d.severity} ${d.code}: ${d.message}`;
    return d.fix ? `${head}\n  fix: ${d.fix}` : head;
}
/** Orders diagnostics by file, line, column, then code, so output is stable. */
function sortDiagnostics(list) {
    return [...list].sort((a, b) => a.location.file.localeCompare(b.location.file) ||
        a.location.line - b.location.line ||
        a.location.column - b.location.column ||
        a.code.localeCompare(b.code));
}


// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/model/desired-role.ts

/** IAM's maximum role name length (IAM API Reference, CreateRole: RoleName 1–64). */
const ROLE_NAME_MAX = 64;
/** IAM's default and minimum MaxSessionDuration (CreateRole: 3600–43200 seconds). */
const DEFAULT_MAX_SESSION_DURATION = 3600;
/**
 * The default role name of an association: `CLUSTER-NAMESPACE-SERVICEACCOUNT`, readable and
 * deterministic. Longer than IAM's 64 characters, it is cut and ends with 8 hex characters of the
 * full name's sha256, so two long names that share a prefix stay distinct. Every character of a
 * cluster name, namespace and service account is allowed in a role name.
 */
function defaultRoleName(cluster, namespace, serviceAccount) {
    const full = `${cluster}-${namespace}-${serviceAccount}`;
    if (full.length <= ROLE_NAME_MAX)
        return full;
    const hash = (0,external_node_crypto_.createHash)('sha256').update(full).digest('hex').slice(0, 8);
    return `${full.slice(0, ROLE_NAME_MAX - hash.length - 1).replace(/[-.]+$/, '')}-${hash}`;
}
/** The role's ARN from its path and name. */
function roleArnWithPath(partition, accountId, path, roleName) {
    return `arn:${partition}:iam::${accountId}:role${path}${roleName}`;
}

// EXTERNAL MODULE: ./src/plan/trust-policy-build.ts
var trust_policy_build = __webpack_require__(3709);
;// CONCATENATED MODULE: ./src/manifest/variables.ts
/** `${name}` variables that expand in ARNs. */
const VARIABLES = ['partition', 'accountId', 'region', 'cluster'];
const VARIABLE_RE = /\$\{([^}]*)\}/g;
/** Names used in `text` that are not known variables. */
function unknownVariables(text) {
    return [...text.matchAll(VARIABLE_RE)].map((m) => m[1]).filter((name) => !VARIABLES.includes(name));
}
/** Replaces known variables whose value is given; others stay as written. */
function expandVariables(text, values) {
    return text.replace(VARIABLE_RE, (whole, name) => values[name] ?? whole);
}

// EXTERNAL MODULE: ./src/model/aws-managed-policies.ts
var aws_managed_policies = __webpack_require__(2615);
;// CONCATENATED MODULE: ./src/model/well-known-policies/statements.ts
/** Small builders the catalog entries share, so each entry reads as its upstream policy does. */

function allow(action, resource, condition) {
    return condition ? { Effect: 'Allow', Action: action, Resource: resource, Condition: condition } : { Effect: 'Allow', Action: action, Resource: resource };
}
/** `arn:<partition>:<service>:<region>:<account>:<resource>` in the context's partition. */
function arnIn(ctx, service, region, account, resource) {
    return `arn:${ctx.partition}:${service}:${region}:${account}:${resource}`;
}
/** The regional endpoint name a service shows in `kms:ViaService` (China uses amazonaws.com.cn). */
function viaService(ctx, service) {
    return `${service}.${ctx.region}.${(0,model_partition/* servicePrincipalSuffix */.ju)(ctx.partition)}`;
}
/** A single-string parameter's value, or the fallback when it was not given. */
function statements_valueOf(values, name, fallback) {
    const value = values[name];
    return typeof value === 'string' ? value : fallback;
}
/** A list parameter's values, or undefined when it was not given. */
function listOf(values, name) {
    const value = values[name];
    return Array.isArray(value) ? [...value] : undefined;
}
// Value shapes. `${...}` is allowed inside ARNs so IAM's own policy variables
// (e.g. ${aws:PrincipalTag/eks-cluster-name}) can scope a resource per session.
/** A KMS key ARN (`key/<id>`; an alias ARN does not authorize use of the key). */
function kmsKeyArnsParameter(description) {
    return {
        name: 'kmsKeyArns',
        required: false,
        list: true,
        description,
        pattern: /^arn:[a-z-]+:kms:[^:]*:[^:]*:key\/\S+$/,
        expected: 'a KMS key ARN such as arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab (an alias ARN does not authorize use of the key)',
    };
}
/** Route 53 hosted zone IDs: upper-case letters and digits, at most 32 (Route 53 API Reference, HostedZone.Id). */
function hostedZoneIdsParameter(description) {
    return {
        name: 'hostedZoneIds',
        required: false,
        list: true,
        description,
        pattern: /^[A-Z0-9]{1,32}$/,
        expected: 'a Route 53 hosted zone ID such as Z0123456789ABCDEFGHIJ (without the /hostedzone/ prefix)',
    };
}

;// CONCATENATED MODULE: ./src/model/well-known-policies/cluster-autoscaler.ts
/** Kubernetes Cluster Autoscaler on EC2 Auto Scaling groups. */

const AUTO_SCALER = {
    name: 'autoScaler',
    summary: 'Cluster Autoscaler: discover Auto Scaling groups, node groups and instance types, and change group sizes and terminate instances in them.',
    source: 'https://github.com/kubernetes/autoscaler/blob/55c37cd5eb550756c5ccc5a89e9068d77797e575/cluster-autoscaler/cloudprovider/aws/README.md#iam-policy',
    sourceVersion: 'kubernetes/autoscaler commit 55c37cd, cluster-autoscaler/cloudprovider/aws/README.md "Full Cluster Autoscaler Features Policy"',
    parameters: [
        {
            name: 'autoScalingGroupNames',
            required: false,
            list: true,
            description: 'Auto Scaling groups it may resize and terminate instances in (the README\'s minimal policy); default: every group in the account.',
            // EC2 Auto Scaling API Reference, AutoScalingGroupName: 1-255 characters, no colon in a name.
            pattern: /^[^:]{1,255}$/,
            expected: 'an Auto Scaling group name (1-255 characters, no colon) or a pattern with *',
        },
    ],
    managedPolicies: [],
    statements: (values, ctx) => {
        const groups = listOf(values, 'autoScalingGroupNames');
        // The group's ARN carries a generated id before the name, hence the `*` in its place.
        const resources = groups ? groups.map((name) => arnIn(ctx, 'autoscaling', ctx.region, ctx.accountId, `autoScalingGroup:*:autoScalingGroupName/${name}`)) : '*';
        return [
            allow([
                'autoscaling:DescribeAutoScalingGroups',
                'autoscaling:DescribeAutoScalingInstances',
                'autoscaling:DescribeLaunchConfigurations',
                'autoscaling:DescribeScalingActivities',
                'ec2:DescribeImages',
                'ec2:DescribeInstanceTypes',
                'ec2:DescribeLaunchTemplateVersions',
                'ec2:GetInstanceTypesFromInstanceRequirements',
                'eks:DescribeNodegroup',
            ], '*'),
            allow(['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'], resources),
        ];
    },
};

;// CONCATENATED MODULE: ./src/model/well-known-policies/dns.ts
/** Route 53 writers: external-dns keeps records in step with Services and Ingresses, cert-manager answers DNS-01 challenges. */

/** The hosted zones a policy may change: the listed ones, or every zone (what upstream grants). */
function hostedZoneArns(values, ctx) {
    // Route 53 is global: its ARNs carry no region and no account.
    return (listOf(values, 'hostedZoneIds') ?? ['*']).map((id) => `arn:${ctx.partition}:route53:::hostedzone/${id}`);
}
const EXTERNAL_DNS = {
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
const CERT_MANAGER = {
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

;// CONCATENATED MODULE: ./src/model/well-known-policies/external-secrets.ts
/** External Secrets Operator reading AWS Secrets Manager and SSM Parameter Store. */

const EXTERNAL_SECRETS = {
    name: 'externalSecrets',
    summary: 'External Secrets Operator: read secrets from AWS Secrets Manager and parameters from SSM Parameter Store (read only; PushSecret needs more), and decrypt them with the given KMS keys.',
    source: 'https://github.com/external-secrets/external-secrets/blob/cc5bfbc2234ace9cb0caff4ea89c435cf517b27b/docs/provider/aws-secrets-manager.md',
    sourceVersion: 'external-secrets helm-chart-2.9.0 (commit cc5bfbc), docs/provider/aws-secrets-manager.md and docs/provider/aws-parameter-store.md',
    parameters: [
        {
            name: 'secretArns',
            required: false,
            list: true,
            description: 'Secrets it may read, as ARNs or ARN patterns; default: every secret of the account (any region). IAM variables such as ${aws:PrincipalTag/eks-cluster-name} scope a shared role by the Pod Identity session tags.',
            pattern: /^arn:[a-z-]+:secretsmanager:[^:]*:[^:]*:secret:\S+$/,
            expected: 'a Secrets Manager secret ARN or pattern such as arn:aws:secretsmanager:*:111122223333:secret:prod/*',
        },
        {
            name: 'parameterArns',
            required: false,
            list: true,
            description: 'SSM parameters it may read, as ARNs or ARN patterns; default: every parameter of the account (any region).',
            pattern: /^arn:[a-z-]+:ssm:[^:]*:[^:]*:parameter\/\S+$/,
            expected: 'an SSM parameter ARN or pattern such as arn:aws:ssm:*:111122223333:parameter/prod/*',
        },
        kmsKeyArnsParameter('Customer managed KMS keys that encrypt the secrets or SecureString parameters; not needed for AWS managed keys.'),
    ],
    managedPolicies: [],
    statements: (values, ctx) => {
        // Any region by default: one role is often shared by clusters in several regions.
        const secrets = listOf(values, 'secretArns') ?? [arnIn(ctx, 'secretsmanager', '*', ctx.accountId, 'secret:*')];
        const parameters = listOf(values, 'parameterArns') ?? [arnIn(ctx, 'ssm', '*', ctx.accountId, 'parameter/*')];
        const keys = listOf(values, 'kmsKeyArns');
        const statements = [
            // ListSecrets and BatchGetSecretValue take no resource; BatchGetSecretValue still needs GetSecretValue on each secret.
            allow(['secretsmanager:ListSecrets', 'secretsmanager:BatchGetSecretValue'], '*'),
            allow(['secretsmanager:GetResourcePolicy', 'secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret', 'secretsmanager:ListSecretVersionIds'], secrets),
            allow('ssm:GetParameter*', parameters),
        ];
        if (keys)
            statements.push(allow('kms:Decrypt', keys));
        return statements;
    },
};

;// CONCATENATED MODULE: ./src/model/well-known-policies/karpenter.ts
/** Karpenter's controller (v1): launches and terminates the nodes of one cluster. */

function nodeLifecycle(ctx) {
    const c = ctx.cluster;
    const ec2 = (resource) => arnIn(ctx, 'ec2', ctx.region, '*', resource);
    const ownedByCluster = { [`aws:ResourceTag/kubernetes.io/cluster/${c}`]: 'owned' };
    const inNodePool = { 'aws:ResourceTag/karpenter.sh/nodepool': '*' };
    const requestTags = { [`aws:RequestTag/kubernetes.io/cluster/${c}`]: 'owned', 'aws:RequestTag/eks:eks-cluster-name': c };
    const launched = ['fleet/*', 'instance/*', 'volume/*', 'network-interface/*', 'launch-template/*', 'spot-instances-request/*'].map(ec2);
    return [
        allow(['ec2:RunInstances', 'ec2:CreateFleet'], [arnIn(ctx, 'ec2', ctx.region, '', 'image/*'), arnIn(ctx, 'ec2', ctx.region, '', 'snapshot/*'), ...['security-group/*', 'subnet/*', 'capacity-reservation/*', 'placement-group/*'].map(ec2)]),
        allow(['ec2:RunInstances', 'ec2:CreateFleet'], ec2('launch-template/*'), { StringEquals: ownedByCluster, StringLike: inNodePool }),
        allow(['ec2:RunInstances', 'ec2:CreateFleet', 'ec2:CreateLaunchTemplate'], launched, {
            StringEquals: requestTags,
            StringLike: { 'aws:RequestTag/karpenter.sh/nodepool': '*' },
        }),
        allow('ec2:CreateTags', launched, {
            StringEquals: { ...requestTags, 'ec2:CreateAction': ['RunInstances', 'CreateFleet', 'CreateLaunchTemplate'] },
            StringLike: { 'aws:RequestTag/karpenter.sh/nodepool': '*' },
        }),
        // Later tagging of its instances is limited to the keys Karpenter writes.
        allow('ec2:CreateTags', ec2('instance/*'), {
            StringEquals: ownedByCluster,
            StringLike: inNodePool,
            StringEqualsIfExists: { 'aws:RequestTag/eks:eks-cluster-name': c },
            'ForAllValues:StringEquals': { 'aws:TagKeys': ['eks:eks-cluster-name', 'karpenter.sh/nodeclaim', 'Name'] },
        }),
        allow(['ec2:TerminateInstances', 'ec2:DeleteLaunchTemplate'], [ec2('instance/*'), ec2('launch-template/*')], { StringEquals: ownedByCluster, StringLike: inNodePool }),
    ];
}
function iamIntegration(values, ctx) {
    const c = ctx.cluster;
    const nodeRole = statements_valueOf(values, 'nodeRoleName', ''); // required: checked before expansion
    const profiles = arnIn(ctx, 'iam', '', ctx.accountId, 'instance-profile/*');
    const ownedProfile = { [`aws:ResourceTag/kubernetes.io/cluster/${c}`]: 'owned', 'aws:ResourceTag/topology.kubernetes.io/region': ctx.region };
    const newProfile = { [`aws:RequestTag/kubernetes.io/cluster/${c}`]: 'owned', 'aws:RequestTag/eks:eks-cluster-name': c, 'aws:RequestTag/topology.kubernetes.io/region': ctx.region };
    return [
        // Upstream names both EC2 principals so one document serves every partition.
        allow('iam:PassRole', arnIn(ctx, 'iam', '', ctx.accountId, `role/${nodeRole}`), { StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com', 'ec2.amazonaws.com.cn'] } }),
        allow('iam:CreateInstanceProfile', profiles, { StringEquals: newProfile, StringLike: { 'aws:RequestTag/karpenter.k8s.aws/ec2nodeclass': '*' } }),
        allow('iam:TagInstanceProfile', profiles, {
            StringEquals: { ...ownedProfile, ...newProfile },
            StringLike: { 'aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass': '*', 'aws:RequestTag/karpenter.k8s.aws/ec2nodeclass': '*' },
        }),
        allow(['iam:AddRoleToInstanceProfile', 'iam:RemoveRoleFromInstanceProfile', 'iam:DeleteInstanceProfile'], profiles, {
            StringEquals: ownedProfile,
            StringLike: { 'aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass': '*' },
        }),
    ];
}
function discoveryAndEvents(values, ctx) {
    const clusterArn = arnIn(ctx, 'eks', ctx.region, ctx.accountId, `cluster/${ctx.cluster}`);
    const queue = statements_valueOf(values, 'interruptionQueue', ctx.cluster);
    const regionalReads = ['DescribeCapacityReservations', 'DescribeImages', 'DescribeInstances', 'DescribeInstanceStatus', 'DescribeInstanceTypeOfferings', 'DescribeInstanceTypes', 'DescribeLaunchTemplates', 'DescribePlacementGroups', 'DescribeSecurityGroups', 'DescribeSpotPriceHistory', 'DescribeSubnets'];
    return [
        allow('eks:DescribeCluster', clusterArn),
        allow(['sqs:DeleteMessage', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'], arnIn(ctx, 'sqs', ctx.region, ctx.accountId, queue)),
        allow('arc-zonal-shift:GetManagedResource', '*', { StringEquals: { 'arc-zonal-shift:ResourceIdentifier': clusterArn } }),
        allow(regionalReads.map((a) => `ec2:${a}`), '*', { StringEquals: { 'aws:RequestedRegion': ctx.region } }),
        allow('ssm:GetParameter', arnIn(ctx, 'ssm', ctx.region, '', 'parameter/aws/service/*')),
        allow('pricing:GetProducts', '*'),
        allow('iam:ListInstanceProfiles', '*'),
        allow('iam:GetInstanceProfile', arnIn(ctx, 'iam', '', ctx.accountId, 'instance-profile/*')),
    ];
}
/**
 * EC2 uses the key on the launching principal's behalf when a node's volumes are encrypted with a
 * customer managed key (explicitly, or by the account's default EBS encryption); without these the
 * instance starts and terminates at once.
 */
function volumeKeys(values, ctx) {
    const keys = listOf(values, 'kmsKeyArns');
    if (!keys)
        return [];
    return [allow(['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'], keys, { StringEquals: { 'kms:ViaService': viaService(ctx, 'ec2') } })];
}
const KARPENTER_CONTROLLER = {
    name: 'karpenterController',
    summary: 'Karpenter controller (v1) for the cluster: launch, tag and terminate its nodes, manage their instance profiles, pass the node role, read the interruption queue, and use the KMS keys of the nodes\' volumes.',
    source: 'https://github.com/aws/karpenter-provider-aws/blob/1d927085dd81a9df9301e613f371dac5b4d16bfe/website/content/en/v1.14/getting-started/getting-started-with-karpenter/cloudformation.yaml',
    sourceVersion: 'Karpenter v1.14 (karpenter-provider-aws commit 1d92708), getting-started cloudformation.yaml (its six controller policies); KMS actions from the v1.14 troubleshooting page, "Node terminates before ready on failed encrypted EBS volume"',
    parameters: [
        {
            name: 'nodeRoleName',
            // No default: guides and modules name the node role differently, and a PassRole for the
            // wrong role only shows when Karpenter fails to launch a node.
            required: true,
            list: false,
            description: 'The IAM role of the nodes (the EC2NodeClass role), the only role Karpenter may pass to EC2.',
            // IAM API Reference, Role.RoleName: 1-64 characters of [\w+=,.@-].
            pattern: /^[\w+=,.@-]{1,64}$/,
            expected: 'an IAM role name (1-64 characters of letters, digits and +=,.@_-), without a path',
        },
        {
            name: 'interruptionQueue',
            required: false,
            list: false,
            description: 'The SQS queue of interruption events (settings.interruptionQueue); default: the cluster name, as in the getting-started guide.',
            // Amazon SQS Developer Guide, queue name: 1-80 characters of alphanumerics, - and _, `.fifo` suffix allowed.
            pattern: /^[\w-]{1,75}(\.fifo|[\w-]{0,5})$/,
            expected: 'an SQS queue name (1-80 characters of letters, digits, - and _, optionally ending in .fifo)',
        },
        kmsKeyArnsParameter('Customer managed KMS keys that encrypt the nodes\' EBS volumes (in the EC2NodeClass or by default EBS encryption).'),
    ],
    managedPolicies: [],
    statements: (values, ctx) => [...nodeLifecycle(ctx), ...iamIntegration(values, ctx), ...discoveryAndEvents(values, ctx), ...volumeKeys(values, ctx)],
};

;// CONCATENATED MODULE: ./src/model/well-known-policies/load-balancer-controller.ts
/** AWS Load Balancer Controller: ALBs for Ingresses, NLBs for Services. */

/** The tag the controller puts on everything it creates; the conditions below read it. */
const CLUSTER_TAG = 'elbv2.k8s.aws/cluster';
const REQUEST_TAGGED = { Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'false' } };
const RESOURCE_TAGGED = { Null: { [`aws:ResourceTag/${CLUSTER_TAG}`]: 'false' } };
/** Retagging something the controller created, without changing the cluster tag itself. */
const OWNED_NOT_RETAGGED = { Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'true', [`aws:ResourceTag/${CLUSTER_TAG}`]: 'false' } };
function describeActions() {
    const ec2 = ['DescribeAccountAttributes', 'DescribeAddresses', 'DescribeAvailabilityZones', 'DescribeInternetGateways', 'DescribeVpcs', 'DescribeVpcPeeringConnections', 'DescribeSubnets', 'DescribeSecurityGroups', 'DescribeInstances', 'DescribeNetworkInterfaces', 'DescribeTags', 'GetCoipPoolUsage', 'DescribeCoipPools', 'GetSecurityGroupsForVpc', 'DescribeIpamPools', 'DescribeRouteTables'];
    const elb = ['DescribeLoadBalancers', 'DescribeLoadBalancerAttributes', 'DescribeListeners', 'DescribeListenerCertificates', 'DescribeSSLPolicies', 'DescribeRules', 'DescribeTargetGroups', 'DescribeTargetGroupAttributes', 'DescribeTargetHealth', 'DescribeTags', 'DescribeTrustStores', 'DescribeListenerAttributes', 'DescribeCapacityReservation'];
    return [...ec2.map((a) => `ec2:${a}`), ...elb.map((a) => `elasticloadbalancing:${a}`)];
}
function statements(ctx) {
    const elb = (resource) => `arn:${ctx.partition}:elasticloadbalancing:*:*:${resource}`;
    const securityGroups = `arn:${ctx.partition}:ec2:*:*:security-group/*`;
    const balancersAndGroups = [elb('targetgroup/*/*'), elb('loadbalancer/net/*/*'), elb('loadbalancer/app/*/*')];
    return [
        allow('iam:CreateServiceLinkedRole', '*', { StringEquals: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' } }),
        allow(describeActions(), '*'),
        allow([
            'cognito-idp:DescribeUserPoolClient', 'acm:ListCertificates', 'acm:DescribeCertificate', 'iam:ListServerCertificates', 'iam:GetServerCertificate',
            'waf-regional:GetWebACL', 'waf-regional:GetWebACLForResource', 'waf-regional:AssociateWebACL', 'waf-regional:DisassociateWebACL',
            'wafv2:GetWebACL', 'wafv2:GetWebACLForResource', 'wafv2:AssociateWebACL', 'wafv2:DisassociateWebACL',
            'shield:GetSubscriptionState', 'shield:DescribeProtection', 'shield:CreateProtection', 'shield:DeleteProtection',
        ], '*'),
        allow(['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress', 'ec2:CreateSecurityGroup'], '*'),
        allow('ec2:CreateTags', securityGroups, { StringEquals: { 'ec2:CreateAction': 'CreateSecurityGroup' }, ...REQUEST_TAGGED }),
        allow(['ec2:CreateTags', 'ec2:DeleteTags'], securityGroups, OWNED_NOT_RETAGGED),
        allow(['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress', 'ec2:DeleteSecurityGroup'], '*', RESOURCE_TAGGED),
        allow(['elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:CreateTargetGroup'], '*', REQUEST_TAGGED),
        allow(['elasticloadbalancing:CreateListener', 'elasticloadbalancing:DeleteListener', 'elasticloadbalancing:CreateRule', 'elasticloadbalancing:DeleteRule'], '*'),
        allow(['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'], balancersAndGroups, OWNED_NOT_RETAGGED),
        allow(['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'], [elb('listener/net/*/*/*'), elb('listener/app/*/*/*'), elb('listener-rule/net/*/*/*'), elb('listener-rule/app/*/*/*')]),
        allow([
            'elasticloadbalancing:ModifyLoadBalancerAttributes', 'elasticloadbalancing:SetIpAddressType', 'elasticloadbalancing:SetSecurityGroups', 'elasticloadbalancing:SetSubnets',
            'elasticloadbalancing:DeleteLoadBalancer', 'elasticloadbalancing:ModifyTargetGroup', 'elasticloadbalancing:ModifyTargetGroupAttributes', 'elasticloadbalancing:DeleteTargetGroup',
            'elasticloadbalancing:ModifyListenerAttributes', 'elasticloadbalancing:ModifyCapacityReservation', 'elasticloadbalancing:ModifyIpPools',
        ], '*', RESOURCE_TAGGED),
        allow('elasticloadbalancing:AddTags', balancersAndGroups, { StringEquals: { 'elasticloadbalancing:CreateAction': ['CreateTargetGroup', 'CreateLoadBalancer'] }, ...REQUEST_TAGGED }),
        allow(['elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DeregisterTargets'], elb('targetgroup/*/*')),
        allow(['elasticloadbalancing:SetWebAcl', 'elasticloadbalancing:ModifyListener', 'elasticloadbalancing:AddListenerCertificates', 'elasticloadbalancing:RemoveListenerCertificates', 'elasticloadbalancing:ModifyRule', 'elasticloadbalancing:SetRulePriorities'], '*'),
    ];
}
const AWS_LOAD_BALANCER_CONTROLLER = {
    name: 'awsLoadBalancerController',
    summary: 'AWS Load Balancer Controller: create and manage ALBs, NLBs, target groups, listeners and their security groups, all tagged elbv2.k8s.aws/cluster, and read certificates, WAF and Shield settings.',
    source: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/225f44568848eb25f13e304a5f1cc68c0cd9415d/docs/install/iam_policy.json',
    sourceVersion: 'aws-load-balancer-controller v3.5.0 (commit 225f445), docs/install/iam_policy.json (iam_policy_cn.json and iam_policy_us-gov.json differ only in the partition)',
    parameters: [],
    managedPolicies: [],
    statements: (_values, ctx) => statements(ctx),
};

;// CONCATENATED MODULE: ./src/model/well-known-policies/managed.ts
/**
 * Entries AWS covers with its own managed policies: attaching the AWS policy keeps the role
 * current as the controller gains API calls, which a copied document would not.
 */

const MANAGED_POLICY_REFERENCE = 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference';
const EBS_CSI_CONTROLLER = {
    name: 'ebsCsiController',
    summary: 'Amazon EBS CSI driver controller: create, attach, snapshot and delete EBS volumes (AWS managed AmazonEBSCSIDriverPolicy), and use the customer managed KMS keys that encrypt them.',
    source: 'https://docs.aws.amazon.com/eks/latest/userguide/csi-iam-role.html',
    sourceVersion: 'AmazonEBSCSIDriverPolicy (AWS managed, current default version); KMS statements from the EKS User Guide, "Create an Amazon EBS CSI driver IAM role"',
    parameters: [kmsKeyArnsParameter('Customer managed KMS keys that encrypt the volumes; without it only AWS managed keys work.')],
    managedPolicies: ['AmazonEBSCSIDriverPolicy'],
    statements: (values) => {
        const keys = listOf(values, 'kmsKeyArns');
        if (!keys)
            return [];
        // Grants only for AWS resources: EBS attaches a volume through a grant it creates for EC2.
        return [
            allow(['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'], keys, { Bool: { 'kms:GrantIsForAWSResource': 'true' } }),
            allow(['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'], keys),
        ];
    },
};
/** An entry that is AWS managed policies only, at their current default versions. */
function managedOnly(name, summary, policies, source = `${MANAGED_POLICY_REFERENCE}/${policies[0]}.html`) {
    return { name, summary, source, sourceVersion: `${policies.join(' and ')} (AWS managed, current default version)`, parameters: [], managedPolicies: policies };
}
const EFS_CSI_CONTROLLER = managedOnly('efsCsiController', 'Amazon EFS CSI driver controller: create and delete EFS access points for dynamic provisioning (AWS managed AmazonEFSCSIDriverPolicy).', ['AmazonEFSCSIDriverPolicy']);
const IMAGE_BUILDER = managedOnly('imageBuilder', 'Image builds in the cluster: pull and push images in Amazon ECR (AWS managed AmazonEC2ContainerRegistryPowerUser, as eksctl attaches for imageBuilder).', ['AmazonEC2ContainerRegistryPowerUser']);
/** The add-on documentation attaches both: metrics and logs, and Application Signals traces. */
const CLOUDWATCH_OBSERVABILITY = managedOnly('cloudWatchObservability', 'Amazon CloudWatch Observability agent (amazon-cloudwatch-observability add-on): send metrics and logs (CloudWatchAgentServerPolicy) and Application Signals traces (AWSXrayWriteOnlyAccess).', ['CloudWatchAgentServerPolicy', 'AWSXrayWriteOnlyAccess'], 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/install-CloudWatch-Observability-EKS-addon.html');
const VPC_CNI = managedOnly('vpcCni', 'Amazon VPC CNI plugin (aws-node) on IPv4 clusters: assign and release ENIs and IP addresses (AWS managed AmazonEKS_CNI_Policy).', ['AmazonEKS_CNI_Policy']);

;// CONCATENATED MODULE: ./src/model/well-known-policies/mountpoint-s3.ts
/** Mountpoint for Amazon S3 CSI driver: S3 buckets mounted as volumes, with driver-level credentials. */

const S3_CSI_DRIVER = {
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
        if (keys)
            statements.push(allow(['kms:Decrypt', 'kms:GenerateDataKey'], keys));
        return statements;
    },
};

;// CONCATENATED MODULE: ./src/model/well-known-policies/suggest.ts
/** "Did you mean" for catalog and parameter names, which are often typed shortened. */

/** Below this, a shared beginning says little about what was meant. */
const MIN_PREFIX = 5;
/**
 * A close spelling, else the one name that begins as what was typed begins (`karpenter`,
 * `karpenterz` → `karpenterController`): the longest beginning of at least five characters that
 * only one candidate shares.
 */
function suggestName(word, candidates) {
    const close = (0,closest_match/* closestMatch */.h)(word, candidates);
    if (close)
        return close;
    const lower = word.toLowerCase();
    for (let length = lower.length; length >= MIN_PREFIX; length--) {
        const sharing = candidates.filter((c) => c.toLowerCase().startsWith(lower.slice(0, length)));
        if (sharing.length === 1)
            return sharing[0];
        if (sharing.length > 1)
            return undefined;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/model/well-known-policies/parameters.ts
/** Checks the parameters a manifest gives a well-known policy: names, types and value shapes. */

/**
 * The key that names the policy in the manifest's object form (`- name: karpenterController`);
 * callers may pass it along with the parameters, so it is not a parameter problem.
 */
const NAME_KEY = 'name';
/**
 * A valid stand-in for each of the manifest's variables, so a value can be checked before it is
 * expanded for a cluster (`validate` works offline, on the text as written): the shape is checked
 * now, and again on the expanded value when the role is built for each cluster.
 */
const VARIABLE_STAND_INS = { partition: 'aws', accountId: '111122223333', region: 'us-east-1', cluster: 'cluster' };
function withStandIns(value) {
    return value.replace(/\$\{(\w+)\}/g, (all, name) => VARIABLE_STAND_INS[name] ?? all);
}
/** Problems with `params` for `definition`, each a sentence naming the parameter and what is expected. */
function checkParameters(definition, params) {
    const problems = [];
    const known = definition.parameters.map((p) => p.name);
    for (const key of Object.keys(params)) {
        if (key === NAME_KEY || known.includes(key))
            continue;
        problems.push(`${definition.name} has no parameter '${key}'; ${unknownHint(key, known)}`);
    }
    for (const spec of definition.parameters) {
        const value = params[spec.name];
        if (value === undefined || value === null) {
            if (spec.required)
                problems.push(`${definition.name} needs parameter '${spec.name}': ${parameters_describeExpected(spec)}.`);
            continue;
        }
        problems.push(...checkValue(definition.name, spec, value));
    }
    return problems;
}
/** The values to build statements from: only the declared parameters, as checked. */
function readParameters(definition, params) {
    const values = {};
    for (const spec of definition.parameters) {
        const value = params[spec.name];
        if (typeof value === 'string' || Array.isArray(value))
            values[spec.name] = value;
    }
    return values;
}
function checkValue(policy, spec, value) {
    const where = `${policy} parameter '${spec.name}'`;
    if (!spec.list) {
        if (typeof value !== 'string')
            return [`${where} must be a string, not ${typeName(value)}: expected ${spec.expected}.`];
        return value.length === 0 || !spec.pattern.test(withStandIns(value)) ? [`${where} is '${value}': expected ${spec.expected}.`] : [];
    }
    if (!Array.isArray(value))
        return [`${where} must be a list of strings, not ${typeName(value)}: expected each to be ${spec.expected}.`];
    if (value.length === 0)
        return [`${where} is an empty list: give at least one value, or leave the parameter out for its default.`];
    const problems = [];
    value.forEach((item, i) => {
        if (typeof item !== 'string')
            problems.push(`${where}[${i}] must be a string, not ${typeName(item)}: expected ${spec.expected}.`);
        else if (!spec.pattern.test(withStandIns(item)))
            problems.push(`${where}[${i}] is '${item}': expected ${spec.expected}.`);
        else if (value.indexOf(item) !== i)
            problems.push(`${where}[${i}] repeats '${item}': list each value once.`);
    });
    return problems;
}
function parameters_describeExpected(spec) {
    return spec.list ? `a list of values, each ${spec.expected}` : spec.expected;
}
function unknownHint(key, known) {
    const suggestion = suggestName(key, known);
    if (suggestion)
        return `did you mean '${suggestion}'?`;
    return known.length === 0 ? 'it takes no parameters.' : `it takes ${known.map((k) => `'${k}'`).join(', ')}.`;
}
function typeName(value) {
    if (Array.isArray(value))
        return 'a list';
    if (value === null)
        return 'null';
    return typeof value === 'object' ? 'a map' : `a ${typeof value}`;
}

;// CONCATENATED MODULE: ./src/model/well-known-policies/index.ts
/**
 * The well-known policy catalog: named permission sets for common cluster controllers, which a
 * manifest's `wellKnownPolicies:` puts on a role eks-identity owns. Pure data and functions.
 *
 * Each entry prefers the AWS managed policy where AWS publishes one (it stays current as the
 * controller changes); otherwise it is written from the controller's own published policy,
 * cited in `source`, with the resources it touches parameterised where upstream grants `*`.
 * Every ARN is built in the context's partition.
 */










const CATALOG = [
    AUTO_SCALER,
    AWS_LOAD_BALANCER_CONTROLLER,
    EXTERNAL_DNS,
    CERT_MANAGER,
    EBS_CSI_CONTROLLER,
    EFS_CSI_CONTROLLER,
    IMAGE_BUILDER,
    KARPENTER_CONTROLLER,
    EXTERNAL_SECRETS,
    CLOUDWATCH_OBSERVABILITY,
    VPC_CNI,
    S3_CSI_DRIVER,
];
const WELL_KNOWN_POLICY_NAMES = CATALOG.map((d) => d.name);
/** The IAM policy language version every catalog document uses. */
const POLICY_VERSION = '2012-10-17';
function findDefinition(name) {
    return CATALOG.find((d) => d.name === name);
}
/** The inline policy name a well-known policy's statements are stored under. */
function wellKnownInlinePolicyName(name) {
    return `eks-identity-${name}`;
}
/** What a well-known policy grants, where it comes from, and the parameters it takes. */
function describeWellKnownPolicy(name) {
    const d = findDefinition(name);
    if (!d)
        return undefined;
    return {
        summary: d.summary,
        source: d.source,
        sourceVersion: d.sourceVersion,
        parameters: d.parameters.map(({ name: p, required, description, list }) => ({ name: p, required, description, list })),
    };
}
/**
 * Problems with a well-known policy name and its parameters, each a sentence naming the parameter
 * and what is expected: an unknown name (with the closest known one), unknown, missing or
 * wrong-typed parameters, malformed values. A `name` key (the manifest's object form) is ignored.
 * Values may hold the manifest's variables (`${cluster}`…) unexpanded, as at `validate`, or expanded.
 */
function checkWellKnownParameters(name, params) {
    const d = findDefinition(name);
    if (!d) {
        const suggestion = suggestName(name, WELL_KNOWN_POLICY_NAMES);
        const hint = suggestion ? `did you mean '${suggestion}'?` : `the catalog has ${WELL_KNOWN_POLICY_NAMES.join(', ')}.`;
        return [`'${name}' is not a well-known policy; ${hint}`];
    }
    return checkParameters(d, params);
}
/**
 * The managed policy ARNs and inline documents a well-known policy puts on a role in `ctx`.
 * Parameters arrive with the manifest's variables expanded; IAM's own policy variables
 * (`${aws:...}`) are copied through untouched. Call checkWellKnownParameters first: parameters
 * with problems are a caller error and throw.
 */
function expandWellKnownPolicy(name, params, ctx) {
    const d = findDefinition(name);
    const problems = checkWellKnownParameters(name, params);
    if (!d || problems.length > 0)
        throw new Error(`Cannot expand well-known policy '${name}': ${problems.join(' ')}`);
    const managedPolicyArns = d.managedPolicies.map((m) => (0,aws_managed_policies/* awsManagedPolicyArn */.cR)(ctx.partition, m));
    const statements = d.statements?.(readParameters(d, params), ctx) ?? [];
    const inlinePolicies = {};
    if (statements.length > 0)
        inlinePolicies[wellKnownInlinePolicyName(name)] = { Version: POLICY_VERSION, Statement: statements };
    return { managedPolicyArns, inlinePolicies };
}

;// CONCATENATED MODULE: ./src/manifest/expand-roles.ts









/** Literal text of an account that is not known (offline, or a cluster the run did not open). */
const UNKNOWN_ACCOUNT = '${accountId}';
/** The role spec of an association on a cluster (variables expanded for that cluster). */
function roleSpecFor(block, association, cluster, accountId, inherited) {
    const partition = (0,model_partition/* partitionOfRegion */.cn)(cluster.region);
    const account = accountId ?? UNKNOWN_ACCOUNT;
    const vars = { partition, region: cluster.region, cluster: cluster.name, ...(accountId ? { accountId } : {}) };
    const expand = (text) => expandVariables(text, vars);
    const roleName = block.name !== undefined ? expand(block.name) : defaultRoleName(cluster.name, association.namespace, association.serviceAccount);
    const path = expand(block.path ?? '/');
    const owner = inherited.owner !== undefined ? { [model_ownership/* OWNER_TAG */.FX]: inherited.owner } : {};
    const tags = Object.fromEntries(Object.entries({ ...inherited.defaults, ...block.tags }).map(([k, v]) => [k, expand(v)]));
    const wellKnown = expandWellKnown(block.wellKnownPolicies ?? [], expand, { partition, accountId: account, region: cluster.region, cluster: cluster.name });
    return {
        accountId: account,
        partition,
        roleName,
        path,
        arn: roleArnWithPath(partition, account, path, roleName),
        managedPolicyArns: [...new Set([...(block.managedPolicies ?? []).map(expand), ...wellKnown.managedPolicyArns])].sort(model_order/* compare */.U),
        inlinePolicies: Object.fromEntries([...Object.entries(block.inlinePolicies ?? {}).map(([name, doc]) => [name, expandInDocument(doc, expand)]), ...Object.entries(wellKnown.inlinePolicies)]
            .sort(([a], [b]) => (0,model_order/* compare */.U)(a, b))
            .map(([name, doc]) => [name, canonicalJson(doc)])),
        ...(block.permissionsBoundary !== undefined ? { permissionsBoundary: expand(block.permissionsBoundary) } : {}),
        maxSessionDuration: block.maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
        ...(block.description !== undefined ? { description: expand(block.description) } : {}),
        tags: (0,model_order/* sortedRecord */.v)({ ...tags, ...owner }),
        adopt: block.adopt ?? false,
    };
}
/** A `wellKnownPolicies` item as written: a name, or a name with its parameters. */
function wellKnownItem(item) {
    if (typeof item === 'string')
        return { name: item, params: {} };
    const { name, ...params } = item;
    return { name, params };
}
/**
 * The managed policies and inline documents of the well-known policies, parameters expanded. An
 * item whose name or parameters have problems adds nothing: validate reports it (role-block.ts).
 */
function expandWellKnown(items, expand, ctx) {
    const out = { managedPolicyArns: [], inlinePolicies: {} };
    for (const item of items) {
        const { name, params } = wellKnownItem(item);
        const expanded = expandInDocument(params, expand);
        if (checkWellKnownParameters(name, expanded).length > 0)
            continue;
        const policy = expandWellKnownPolicy(name, expanded, ctx);
        out.managedPolicyArns.push(...policy.managedPolicyArns);
        Object.assign(out.inlinePolicies, policy.inlinePolicies);
    }
    return out;
}
/**
 * Our variables in every string of a policy document (keys and values); IAM's own variables
 * (`${aws:username}`, `${s3:prefix}`…) are not ours and stay as written.
 */
function expandInDocument(value, expand) {
    if (typeof value === 'string')
        return expand(value);
    if (Array.isArray(value))
        return value.map((v) => expandInDocument(v, expand));
    if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [expand(k), expandInDocument(v, expand)]));
    return value;
}
/** The fields two declarations of one role must agree on, by name. */
const SPEC_FIELDS = ['path', 'managedPolicyArns', 'inlinePolicies', 'permissionsBoundary', 'maxSessionDuration', 'description', 'tags', 'adopt'];
/** The first field in which two declarations of one role differ, or undefined when they agree. */
function differingField(a, b) {
    return SPEC_FIELDS.find((f) => canonicalJson(a[f] ?? null) !== canonicalJson(b[f] ?? null));
}
/**
 * Every declared role of the manifest, from all its clusters (`allClusters`), merged by account and
 * name. `accountIds` gives the accounts the run knows beyond those the manifest declares.
 */
function desiredRoles(manifest, accountIds = {}) {
    const clusters = manifest.allClusters ?? manifest.clusters;
    const inherited = { defaults: manifest.defaultTags, owner: manifest.owner?.value };
    const roles = new Map();
    const declare = (c, block, who, source) => {
        const accountId = c.value.accountId ?? accountIds[c.value.name];
        const spec = roleSpecFor(block, who, c.value, accountId, inherited);
        const declarer = {
            cluster: c.value.name,
            region: c.value.region,
            accountId: spec.accountId,
            namespace: who.namespace,
            serviceAccount: who.serviceAccount,
            sessionTags: who.sessionTags,
            ...(who.addon ? { addon: who.addon } : {}),
            source,
        };
        const key = `${spec.partition}\u0000${spec.accountId}\u0000${spec.roleName}`;
        const known = roles.get(key);
        if (!known) {
            roles.set(key, { ...toRole(spec, [declarer]), spec });
            return;
        }
        known.declaredBy.push(declarer);
        const field = differingField(known.spec, spec);
        if (field)
            known.conflicts = [...(known.conflicts ?? []), { field, source }];
    };
    for (const c of clusters) {
        for (const a of manifest.podIdentityAssociations) {
            const block = a.value.role;
            if (!block || !appliesTo(a, c))
                continue;
            declare(c, block, { namespace: a.value.namespace, serviceAccount: a.value.serviceAccount, sessionTags: a.value.disableSessionTags !== true }, a.keyAt('role'));
        }
        // Add-on associations declare roles too, in the add-on's namespace (session tags on, as EKS creates them).
        for (const addon of manifest.addons ?? []) {
            if (!appliesTo(addon, c))
                continue;
            addon.value.podIdentityAssociations.forEach((p, i) => {
                if (!p.role)
                    return;
                const who = { namespace: defaultAddonNamespace(addon.value.name), serviceAccount: p.serviceAccount, sessionTags: true, addon: { name: addon.value.name, recommendedPolicies: p.recommendedPolicies === true } };
                declare(c, p.role, who, addon.keyAt('podIdentityAssociations', i, 'role'));
            });
        }
    }
    // A cluster whose account is unknown may share any known account's role of the same name: its
    // trust cannot be complete, so those roles carry the clusters for the plan to report.
    const unknown = [...roles.values()].filter((r) => r.accountId === UNKNOWN_ACCOUNT);
    const unknownClustersOf = (r) => [
        ...new Set(unknown.filter((u) => u.partition === r.partition && u.roleName === r.roleName).flatMap((u) => u.declaredBy.map((d) => d.cluster))),
    ];
    return [...roles.values()]
        .map(({ spec, ...role }) => {
        const unknownClusters = unknownClustersOf(role);
        return {
            ...role,
            trustPolicy: canonicalJson((0,trust_policy_build/* buildPodIdentityTrust */.mh)(spec.partition, role.declaredBy)),
            ...(unknownClusters.length > 0 ? { unknownAccountClusters: unknownClusters } : {}),
        };
    })
        .sort((x, y) => (0,model_order/* compare */.U)(x.arn, y.arn));
}
function toRole(spec, declaredBy) {
    const { adopt, ...rest } = spec;
    return { ...rest, adopt, trustPolicy: '', declaredBy, ...(declaredBy[0]?.source ? { source: declaredBy[0].source } : {}) };
}
function appliesTo(a, c) {
    return !a.value.clusters || a.value.clusters.includes(c.value.name);
}

;// CONCATENATED MODULE: ./src/model/association-rules.ts
/*
 * What CreatePodIdentityAssociation and UpdatePodIdentityAssociation refuse about an association's
 * role that is knowable from its ARN. The EKS API reference describes a target role as "first
 * assuming the role in the association that is in this account, then using those credentials to
 * assume the target IAM role": the association's own role is looked up in the cluster's account,
 * and a role of another account is answered "Role provided in the request does not exist". Access
 * to another account goes through `targetRoleArn`.
 */

/** Problems of an association's (expanded) roleArn for a cluster whose account is known. */
function associationRoleProblems(roleArn, clusterAccountId) {
    const accountId = (0,model_partition/* otherAccountOf */.xi)(roleArn, clusterAccountId);
    if (accountId === undefined)
        return [];
    return [
        {
            code: 'ROLE_OTHER_ACCOUNT',
            message: `the association's role ${roleArn} is in account ${accountId}, but EKS takes only a role of the cluster's account ${clusterAccountId}`,
            fix: `use a role of account ${clusterAccountId} and put the role of ${accountId} in \`targetRoleArn\` (EKS assumes it with the first role's credentials)`,
        },
    ];
}

;// CONCATENATED MODULE: ./src/model/access-policies.ts
/**
 * The EKS access policies this release knows, per partition: the offline stand-in for
 * ListAccessPolicies. `validate` warns (never errors) on a name missing here, because AWS adds
 * policies faster than releases ship; the plan checks against the partition's live list.
 *
 * Source: the EKS User Guide, "Review access policy permissions" (access-policy-permissions),
 * which lists the policies and says `aws eks list-access-policies` returns them all, checked
 * against a ListAccessPolicies answer of 2026. The guide gives no partition differences, so the
 * same names are bundled for aws, aws-cn and aws-us-gov; only the ARN's partition changes.
 */


const ACCESS_POLICY_NAMES = [
    'AIDevOpsAgentAccessPolicy',
    'AmazonAIOpsAssistantPolicy',
    'AmazonARCRegionSwitchScalingPolicy',
    // EKS Capabilities (ACK, Argo CD, kro).
    'AmazonEKSACKPolicy',
    'AmazonEKSAdminPolicy',
    'AmazonEKSAdminViewPolicy',
    'AmazonEKSArgoCDClusterPolicy',
    'AmazonEKSArgoCDPolicy',
    // EKS Auto Mode (node and cluster roles).
    'AmazonEKSAutoNodePolicy',
    'AmazonEKSBlockStorageClusterPolicy',
    'AmazonEKSBlockStoragePolicy',
    'AmazonEKSClusterAdminPolicy',
    'AmazonEKSClusterInsightsPolicy',
    'AmazonEKSComputeClusterPolicy',
    'AmazonEKSComputePolicy',
    'AmazonEKSEditPolicy',
    'AmazonEKSEventPolicy',
    // EKS Hybrid Nodes.
    'AmazonEKSHybridPolicy',
    'AmazonEKSKROPolicy',
    'AmazonEKSLoadBalancingClusterPolicy',
    'AmazonEKSLoadBalancingPolicy',
    'AmazonEKSNetworkingClusterPolicy',
    'AmazonEKSNetworkingPolicy',
    'AmazonEKSPodIdentityPolicy',
    'AmazonEKSSecretAdminPolicy',
    'AmazonEKSSecretReaderPolicy',
    'AmazonEKSViewPolicy',
    // EMR on EKS (namespace-scoped, on the EMR service-linked role).
    'AmazonEMRJobPolicy',
    // SageMaker HyperPod.
    'AmazonSagemakerHyperpodClusterPolicy',
    'AmazonSagemakerHyperpodControllerPolicy',
    'AmazonSagemakerHyperpodSpacePolicy',
    'AmazonSagemakerHyperpodSpaceTemplatePolicy',
    'AmazonSagemakerHyperpodSystemNamespacePolicy',
    'AmazonSagemakerHyperpodUserClusterPolicy',
];
// One list today; kept per partition so a policy that is missing in one partition can be left out there.
const access_policies_CATALOG = { aws: ACCESS_POLICY_NAMES, 'aws-cn': ACCESS_POLICY_NAMES, 'aws-us-gov': ACCESS_POLICY_NAMES };
/** The bundled catalog of a partition, as ListAccessPolicies answers it (name and ARN, sorted by name). */
function bundledAccessPolicies(partition) {
    return access_policies_CATALOG[partition].map((name) => ({ name, arn: `arn:${partition}:eks::aws:cluster-access-policy/${name}` }));
}
/** Short names of the bundled catalog of a partition. */
function bundledAccessPolicyNames(partition) {
    return access_policies_CATALOG[partition];
}
/** True when a short name or ARN names a policy of the bundled catalog of `partition`. */
function isBundledAccessPolicy(partition, nameOrArn) {
    return access_policies_CATALOG[partition].includes((0,model_partition/* accessPolicyName */._z)(nameOrArn));
}
/**
 * The known policy a mistyped name most likely meant (`AmazonEKSClusterAdmin` →
 * `AmazonEKSClusterAdminPolicy`), against any list of names: the bundled catalog offline, the
 * partition's ListAccessPolicies answer at plan.
 */
function suggestAccessPolicy(nameOrArn, known) {
    const name = (0,model_partition/* accessPolicyName */._z)(nameOrArn);
    // Users often drop the `Policy` suffix or the `Amazon`/`AmazonEKS` prefix: try those first.
    const exact = known.find((k) => [`${name}Policy`, `Amazon${name}`, `AmazonEKS${name}`, `AmazonEKS${name}Policy`].some((c) => c.toLowerCase() === k.toLowerCase()));
    return exact ?? (0,closest_match/* closestMatch */.h)(name, known);
}

;// CONCATENATED MODULE: ./src/manifest/tag-rules.ts
/**
 * Which characters a tag may carry, by where it goes. EKS's API reference limits its tags only in
 * length and the `aws:` prefix, so a tag on an association or access entry may hold newlines,
 * backticks, `<`, `|` or `::` and EKS stores it. IAM refuses such tags: its Tag type allows keys of
 * 1–128 and values of 0–256 characters matching `[\p{L}\p{Z}\p{N}_.:/=+\-@]`
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Tag.html), at most 50 per role
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html). AWS documents
 * letters, digits, spaces and `+ - = . _ : / @` as the characters allowed across its services
 * (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html), so a tag outside that set
 * on an EKS object works but may be refused by other services that read or copy it.
 *
 * The IAM rules themselves are checkIamTags in src/model/iam-limits.ts (shared with the emulator);
 * this module keeps the portability warning for EKS tags. Pure: tags in, problems out.
 */
const ALLOWED = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
/** A short, one-line, visible form of a tag key or value for messages. */
function quoted(text) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    return JSON.stringify(shown);
}
/** The characters outside the allowed set, each once, as a JSON-escaped list for messages. */
function outsiders(text) {
    const chars = [...new Set([...text].filter((c) => !ALLOWED.test(c)))];
    return chars.map((c) => JSON.stringify(c)).join(' ');
}
/** Tags on EKS objects with characters other services may refuse: warnings (EKS itself accepts them). */
function checkPortableTagCharacters(tags) {
    const problems = [];
    for (const [key, value] of Object.entries(tags)) {
        const bad = `${ALLOWED.test(key) ? '' : key}${ALLOWED.test(value) ? '' : value}`;
        if (bad === '')
            continue;
        problems.push({
            key,
            code: 'TAG_CHARACTERS',
            severity: 'warning',
            message: `tag ${quoted(key)} carries ${outsiders(bad)}: EKS stores it, but other AWS services that read or copy tags may refuse it`,
            fix: 'use letters, digits, spaces and + - = . _ : / @ only',
        });
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/manifest/naming.ts
/** Name rules shared by the validator and the planner (Kubernetes names and EKS limits are in model/api-limits.ts). */
/** EKS cluster names. */
const CLUSTER_NAME_RE = /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/;
/** Regions of the partitions this tool knows (aws, aws-cn, aws-us-gov); ISO regions would get wrong ARNs. */
const REGION_RE = /^[a-z]{2}(-gov)?-[a-z]+-\d{1,2}$/;
const ACCOUNT_ID_RE = /^\d{12}$/;
/** IAM role name with an optional path: `Name` or `path/to/Name`. */
const ROLE_NAME_RE = /^([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const ROLE_ARN_RE = /^arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:role\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const PRINCIPAL_ARN_RE = /^arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:(role|user)\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const ACCESS_POLICY_ARN_RE = /^arn:(aws|aws-cn|aws-us-gov):eks::aws:cluster-access-policy\/[A-Za-z0-9]+$/;
const ACCESS_POLICY_NAME_RE = /^[A-Za-z0-9]+$/;

// EXTERNAL MODULE: ./src/model/iam-limits.ts + 1 modules
var iam_limits = __webpack_require__(2416);
;// CONCATENATED MODULE: ./src/manifest/role-block.ts
/**
 * The rules of an association's `role:` block that can be known offline: it replaces
 * roleName/roleArn, it needs the manifest's `owner` (the tag that makes the role recognisably
 * eks-identity's), its well-known policies exist with valid parameters, and what it expands to on
 * every target cluster is what IAM accepts (src/model/iam-limits.ts, shared with the emulator).
 * The trust policy is checked at plan, once built from every association that declares the role.
 */







/** A placeholder account for offline checks when the cluster's account is not declared. */
const PLACEHOLDER_ACCOUNT = '000000000000';
function checkRoleBlock(a, clusters, inherited, report) {
    const block = a.value.role;
    if (block === undefined)
        return;
    const at = (...path) => a.at('role', ...path);
    if (a.value.roleName !== undefined || a.value.roleArn !== undefined) {
        report({
            code: 'ROLE_BLOCK_AND_ROLE_NAME',
            message: `\`role:\` declares a role for eks-identity to create, and \`${a.value.roleName !== undefined ? 'roleName' : 'roleArn'}\` names one that exists`,
            fix: 'keep `role:` (eks-identity creates and owns the role) or `roleName`/`roleArn` (a role made elsewhere), not both',
            location: a.keyAt('role'),
        });
    }
    if (inherited.owner === undefined) {
        report({
            code: 'ROLE_REQUIRES_OWNER',
            message: 'a `role:` block needs the manifest\'s `owner`: the role is tagged eks-identity/owner with it, which is how eks-identity knows the role is its own to update and delete',
            fix: 'add `owner: NAME` at the top of the manifest (a name no other manifest in these accounts uses)',
            location: a.keyAt('role'),
        });
    }
    const fields = [
        ['name', block.name],
        ['path', block.path],
        ['permissionsBoundary', block.permissionsBoundary],
        ['description', block.description],
    ];
    let usable = true;
    for (const [field, text] of fields)
        if (text !== undefined)
            usable = checkRoleVariables(text, `role.${field}`, at(field), report) && usable;
    block.managedPolicies?.forEach((arn, i) => (usable = checkRoleVariables(arn, 'role.managedPolicies', at('managedPolicies', i), report) && usable));
    for (const [name, doc] of Object.entries(block.inlinePolicies ?? {}))
        checkDocumentVariables(doc, name, at('inlinePolicies', name), report);
    if (block.tags?.[model_ownership/* OWNER_TAG */.FX] !== undefined) {
        report({ code: 'RESERVED_OWNER_TAG', message: `tag key \`${model_ownership/* OWNER_TAG */.FX}\` is set by eks-identity from the manifest's \`owner\``, fix: 'remove the tag; set `owner: NAME` at the top of the manifest instead', location: a.keyAt('role', 'tags', model_ownership/* OWNER_TAG */.FX) });
    }
    const wellKnownOk = checkWellKnown(a, report);
    if (!usable)
        return;
    for (const name of Object.keys(block.inlinePolicies ?? {})) {
        (0,iam_limits/* checkPolicyName */.Qk)(name).forEach(located(report, a.keyAt('role', 'inlinePolicies', name)));
        if (wellKnownOk.has(name))
            report({ code: 'INLINE_POLICY_NAME_TAKEN', message: `inline policy \`${name}\` has the name a well-known policy's statements use`, fix: 'rename the inline policy', location: a.keyAt('role', 'inlinePolicies', name) });
    }
    // Expanded per target cluster: `${cluster}` in a name or a document makes each cluster's role its own.
    for (const c of clusters.length > 0 ? clusters : [undefined]) {
        const cluster = c?.value ?? { name: 'cluster', region: 'us-east-1' };
        const spec = roleSpecFor(block, a.value, cluster, c?.value.accountId ?? PLACEHOLDER_ACCOUNT, inherited);
        // The same problem on several clusters is reported once (the report de-duplicates).
        const r = (location) => located(report, location);
        (0,iam_limits/* checkRoleName */.Ko)(spec.roleName).forEach(r(block.name !== undefined ? at('name') : a.keyAt('role')));
        (0,iam_limits/* checkRolePath */.qQ)(spec.path).forEach(r(at('path')));
        if (spec.description !== undefined)
            (0,iam_limits/* checkRoleDescription */.l$)(spec.description).forEach(r(at('description')));
        (0,iam_limits/* checkMaxSessionDuration */.jJ)(spec.maxSessionDuration).forEach(r(at('maxSessionDuration')));
        (block.managedPolicies ?? []).forEach((arn, i) => checkManagedArn(expandVariables(arn, { partition: spec.partition, region: cluster.region, cluster: cluster.name, accountId: spec.accountId }), r(at('managedPolicies', i)), report, at('managedPolicies', i)));
        if (spec.permissionsBoundary !== undefined)
            (0,iam_limits/* checkPolicyArn */.sD)(spec.permissionsBoundary).forEach(r(at('permissionsBoundary')));
        for (const [name, doc] of Object.entries(block.inlinePolicies ?? {})) {
            const expand = (text) => expandVariables(text, { partition: spec.partition, region: cluster.region, cluster: cluster.name, accountId: spec.accountId });
            (0,iam_limits/* checkPolicyDocument */.a4)(expandInDocument(doc, expand), 'inline').forEach(r(at('inlinePolicies', name)));
        }
        // Parameters valid as written can still break once expanded (a node role name over 64 characters
        // with a long cluster name): the role would be created without the policy, so it is an error here.
        block.wellKnownPolicies?.forEach((item, i) => {
            const { name, params } = wellKnownItem(item);
            if (checkWellKnownParameters(name, params).length > 0)
                return;
            const expand = (text) => expandVariables(text, { partition: spec.partition, region: cluster.region, cluster: cluster.name, accountId: spec.accountId });
            for (const message of checkWellKnownParameters(name, expandInDocument(params, expand))) {
                report({ code: 'INVALID_WELL_KNOWN_POLICY', message: `on cluster ${cluster.name}, once its variables expand: ${message}`, fix: 'shorten or change the value (see docs/well-known-policies.md for the parameters)', location: at('wellKnownPolicies', i) });
            }
        });
        const ownTags = new Set(Object.keys(block.tags ?? {}));
        for (const p of (0,iam_limits/* checkIamTags */.B6)(spec.tags))
            r(p.at !== undefined && ownTags.has(p.at) ? a.keyAt('role', 'tags', p.at) : a.keyAt('role'))(p);
        (0,iam_limits/* checkRolePolicySizes */.RA)({ inline: Object.fromEntries(Object.entries(spec.inlinePolicies).map(([n, d]) => [n, JSON.parse(d)])), managedArns: spec.managedPolicyArns }).forEach(r(a.keyAt('role')));
    }
}
/** Each well-known policy's name and parameters (the catalog's own check); the inline names of those that pass. */
function checkWellKnown(a, report) {
    const names = new Set();
    a.value.role?.wellKnownPolicies?.forEach((item, i) => {
        const { name, params } = wellKnownItem(item);
        const problems = checkWellKnownParameters(name, params);
        for (const message of problems)
            report({ code: 'INVALID_WELL_KNOWN_POLICY', message, fix: 'see docs/well-known-policies.md for the names and their parameters', location: a.at('role', 'wellKnownPolicies', i) });
        if (problems.length === 0)
            names.add(wellKnownInlinePolicyName(name));
    });
    return names;
}
/** The ARN's shape, and, for an AWS managed policy, whether this release knows it (a warning: the plan asks IAM). */
function checkManagedArn(arn, onProblem, report, location) {
    const problems = (0,iam_limits/* checkPolicyArn */.sD)(arn);
    problems.forEach(onProblem);
    if (problems.length === 0 && (0,aws_managed_policies/* isAwsManagedPolicyArn */.i6)(arn) && !(0,aws_managed_policies/* findAwsManagedPolicy */.y5)(arn)) {
        const suggestion = (0,aws_managed_policies/* suggestAwsManagedPolicy */.LN)(arn);
        const fix = suggestion ? `did you mean \`${suggestion}\`? (the closest AWS managed policy this release knows; an AWS managed policy's ARN includes its path, such as service-role/)` : 'check the name and path (e.g. service-role/) with `aws iam get-policy --policy-arn ARN`';
        report({ severity: 'warning', code: 'UNKNOWN_AWS_MANAGED_POLICY', message: `\`${arn}\` is not in this release's list of AWS managed policies; the list may be older than AWS's, and the plan asks IAM (GetPolicy)`, fix, location });
    }
}
const located = (report, location) => (p) => report({ code: p.code, message: p.message, fix: p.fix, location });
/** Unknown `${…}` names outside policy documents (where IAM's own variables are left alone). */
function checkRoleVariables(text, field, location, report) {
    const unknown = unknownVariables(text);
    if (unknown.length > 0)
        report({ code: 'UNKNOWN_VARIABLE', message: `unknown variable \`\${${unknown[0]}}\` in \`${field}\``, fix: 'use ${partition}, ${accountId}, ${region} or ${cluster}', location });
    return unknown.length === 0;
}
/**
 * Inside a policy document `${…}` names that are not ours are left for IAM, but every IAM policy
 * variable has a service prefix (`${aws:username}`, `${s3:prefix}`) or is `${*}`, `${?}`, `${$}`
 * (IAM User Guide, "IAM policy elements: Variables and tags"). A name without a colon is neither:
 * a misspelling of ours (`${clster}`), which IAM would take literally and which would never match.
 */
function checkDocumentVariables(doc, policyName, location, report) {
    const texts = [];
    const collect = (v) => {
        if (typeof v === 'string')
            texts.push(v);
        else if (Array.isArray(v))
            v.forEach(collect);
        else if (v && typeof v === 'object') {
            for (const [k, x] of Object.entries(v)) {
                texts.push(k);
                collect(x);
            }
        }
    };
    collect(doc);
    const typo = texts.flatMap(unknownVariables).find((name) => !name.includes(':') && !['*', '?', '$'].includes(name));
    if (typo === undefined)
        return;
    const close = (0,closest_match/* closestMatch */.h)(typo, VARIABLES);
    report({
        code: 'UNKNOWN_VARIABLE',
        message: `unknown variable \`\${${typo}}\` in inline policy \`${policyName}\`: not one of eks-identity's, and IAM's own variables have a prefix such as aws:`,
        fix: `${close ? `did you mean \${${close}}? ` : ''}use \${partition}, \${accountId}, \${region} or \${cluster}, or an IAM variable such as \${aws:username}`,
        location,
    });
}

;// CONCATENATED MODULE: ./src/manifest/check-items.ts
/**
 * The rules of one association or access entry, checked for every cluster it targets after the
 * variables are expanded for that cluster: what `KarpenterController-${cluster}` becomes is what
 * EKS and IAM will see, so that is what is checked. Limits and per-type rules come from
 * model/api-limits.ts and model/access-entry-rules.ts, which the plan and the emulator share.
 */











/** A placeholder account for checking ARNs offline when the cluster's account is not declared. */
const check_items_PLACEHOLDER_ACCOUNT = '000000000000';
const NO_CLUSTER = { name: 'cluster', region: 'us-east-1' };
function targetsFor(clusters) {
    if (clusters.length === 0)
        return [{ expand: (t) => expandFor(t, undefined), partition: 'aws' }];
    return clusters.map((c) => ({ cluster: c, expand: (t) => expandFor(t, c), partition: (0,model_partition/* partitionOfRegion */.cn)(c.value.region), ...(c.value.accountId ? { accountId: c.value.accountId } : {}) }));
}
function expandFor(text, c) {
    const v = c?.value ?? NO_CLUSTER;
    return expandVariables(text, { partition: (0,model_partition/* partitionOfRegion */.cn)(v.region), accountId: c?.value.accountId ?? check_items_PLACEHOLDER_ACCOUNT, region: v.region, cluster: v.name });
}
const check_items_located = (location) => (p) => ({ ...p, location });
/** Reports unknown `${…}` names; true when the text is fine to expand. */
function checkVariables(text, field, location, report) {
    const unknown = unknownVariables(text);
    if (unknown.length === 0)
        return true;
    report({ code: 'UNKNOWN_VARIABLE', message: `unknown variable \`\${${unknown[0]}}\` in \`${field}\``, fix: 'use ${partition}, ${accountId}, ${region} or ${cluster}', location });
    return false;
}
function checkAssociation(a, clusters, inherited, report) {
    const v = a.value;
    (0,api_limits/* namespaceProblems */.C0)(v.namespace).map(check_items_located(a.at('namespace'))).forEach(report);
    (0,api_limits/* serviceAccountProblems */.fI)(v.serviceAccount).map(check_items_located(a.at('serviceAccount'))).forEach(report);
    if (v.roleName !== undefined && v.roleArn !== undefined) {
        report({ code: 'ROLE_NAME_AND_ARN', message: 'both `roleName` and `roleArn` are given', fix: 'keep one of them', location: a.at('roleArn') });
    }
    else if (v.roleName === undefined && v.roleArn === undefined && v.role === undefined) {
        report({ code: 'ROLE_NAME_OR_ARN_REQUIRED', message: 'the association names no IAM role', fix: 'add `roleName: NAME` (a role in the cluster\'s account), `roleArn: ARN`, or a `role:` block for eks-identity to create', location: a.source });
    }
    checkRoleBlock(a, clusters, inherited, report);
    const targets = targetsFor(clusters);
    if (v.roleName !== undefined && checkVariables(v.roleName, 'roleName', a.at('roleName'), report)) {
        for (const t of targets) {
            const name = t.expand(v.roleName);
            if (!ROLE_NAME_RE.test(name)) {
                report({ code: 'INVALID_ROLE_NAME', message: `\`${name}\` is not a valid IAM role name${name !== v.roleName ? ` (\`${v.roleName}\` expanded)` : ''}`, fix: 'use up to 64 letters, digits and + = , . @ _ -, optionally after a path such as team/', location: a.at('roleName') });
                break;
            }
        }
    }
    if (v.roleArn !== undefined && checkArn(v.roleArn, 'roleArn', ROLE_ARN_RE, 'arn:${partition}:iam::${accountId}:role/NAME', clusters, a.at('roleArn'), report)) {
        for (const t of targets) {
            const p = associationRoleProblems(t.expand(v.roleArn), t.accountId)[0];
            if (p) {
                report({ code: p.code, message: `${p.message}${t.cluster ? ` (cluster \`${t.cluster.value.name}\`)` : ''}`, fix: p.fix, location: a.at('roleArn') });
                break;
            }
        }
    }
    if (v.targetRoleArn !== undefined)
        checkArn(v.targetRoleArn, 'targetRoleArn', ROLE_ARN_RE, 'arn:${partition}:iam::ACCOUNT:role/NAME', clusters, a.at('targetRoleArn'), report);
    if (v.policy !== undefined) {
        if (v.disableSessionTags !== true) {
            report({ code: 'POLICY_REQUIRES_DISABLE_SESSION_TAGS', message: 'a session `policy` needs `disableSessionTags: true` (EKS refuses it otherwise)', fix: 'add `disableSessionTags: true`', location: a.at('policy') });
        }
        (0,api_limits/* sessionPolicyProblems */.zF)(canonicalJson(v.policy)).map(check_items_located(a.at('policy'))).forEach(report);
    }
    checkItemTags(v.tags, inherited, targets, (key) => (key === undefined ? a.at('tags') : a.keyAt('tags', key)), report);
}
function checkAccessEntry(e, clusters, inherited, report) {
    const v = e.value;
    const type = v.type ?? 'STANDARD';
    const arnOk = checkArn(v.principalArn, 'principalArn', PRINCIPAL_ARN_RE, 'arn:${partition}:iam::${accountId}:role/NAME', clusters, e.at('principalArn'), report);
    const usernameOk = v.username === undefined || checkVariables(v.username, 'username', e.at('username'), report);
    const groupsOk = (v.kubernetesGroups ?? []).every((g, i) => checkVariables(g, 'kubernetesGroups', e.at('kubernetesGroups', i), report));
    const targets = targetsFor(clusters);
    for (const t of targets) {
        const problems = accessEntryProblems({
            type,
            principalArn: arnOk ? t.expand(v.principalArn) : '',
            clusterAccountId: t.accountId,
            ...(v.username !== undefined && usernameOk ? { username: t.expand(v.username) } : {}),
            ...(v.kubernetesGroups !== undefined && groupsOk ? { kubernetesGroups: v.kubernetesGroups.map(t.expand) } : {}),
            accessPolicyCount: v.accessPolicies?.length ?? 0,
        });
        for (const p of problems) {
            const location = p.field === 'kubernetesGroups' && p.index !== undefined ? e.at('kubernetesGroups', p.index) : e.at(p.field);
            const where = p.code === 'NODE_TYPE_OTHER_ACCOUNT' && t.cluster ? ` (cluster \`${t.cluster.value.name}\`)` : '';
            report({ code: p.code, message: `${p.message}${where}`, fix: p.fix, location });
        }
    }
    const policies = new Map();
    v.accessPolicies?.forEach((p, i) => {
        const at = (field, ...rest) => e.at('accessPolicies', i, field, ...rest);
        checkAccessPolicyName(p.policy, clusters, targets, at('policy'), report);
        if (p.scope !== undefined && p.namespaces !== undefined) {
            report({ code: 'SCOPE_AND_NAMESPACES', message: 'give either `scope: cluster` or `namespaces`, not both', fix: 'remove one of them', location: at('namespaces') });
        }
        else if (p.scope === undefined && p.namespaces === undefined) {
            report({ code: 'ACCESS_SCOPE_REQUIRED', message: `access policy \`${p.policy}\` has no scope`, fix: 'add `scope: cluster`, or `namespaces: [NAME, …]`', location: at('policy') });
        }
        if (p.namespaces !== undefined && p.namespaces.length === 0) {
            report({ code: 'EMPTY_NAMESPACES', message: '`namespaces: []` scopes the policy to no namespace at all', fix: 'list the namespaces, or use `scope: cluster`', location: at('namespaces') });
        }
        p.namespaces?.forEach((ns, j) => {
            if (!checkVariables(ns, 'namespaces', at('namespaces', j), report))
                return;
            for (const t of targets)
                (0,api_limits/* scopeNamespaceProblems */.GT)(t.expand(ns)).map(check_items_located(at('namespaces', j))).forEach(report);
        });
        // A short name and a full ARN can name the same policy: compare the names.
        const first = policies.get((0,model_partition/* accessPolicyName */._z)(p.policy));
        if (first)
            report({ code: 'DUPLICATE_ACCESS_POLICY', message: `access policy \`${p.policy}\` is listed twice on this entry (first at ${first.file}:${first.line}:${first.column})`, fix: 'keep one; namespaces of both belong in one list', location: at('policy'), related: [first] });
        else
            policies.set((0,model_partition/* accessPolicyName */._z)(p.policy), at('policy'));
    });
    checkItemTags(v.tags, inherited, targets, (key) => (key === undefined ? e.at('tags') : e.keyAt('tags', key)), report);
}
/** Shape of the policy name or ARN, then the bundled catalog of each target's partition (a warning). */
function checkAccessPolicyName(policy, clusters, targets, location, report) {
    if (policy.startsWith('arn:')) {
        if (!checkArn(policy, 'policy', ACCESS_POLICY_ARN_RE, 'arn:${partition}:eks::aws:cluster-access-policy/NAME', clusters, location, report))
            return;
    }
    else if (!checkVariables(policy, 'policy', location, report)) {
        return;
    }
    else if (!targets.every((t) => ACCESS_POLICY_NAME_RE.test(t.expand(policy)))) {
        report({ code: 'INVALID_ACCESS_POLICY', message: `\`${policy}\` is not an access policy name`, fix: 'use a name such as AmazonEKSViewPolicy, or the full ARN', location });
        return;
    }
    for (const t of targets) {
        const arn = (0,model_partition/* accessPolicyArnFor */.xh)(t.partition, t.expand(policy));
        if (isBundledAccessPolicy(t.partition, arn))
            continue;
        const suggestion = suggestAccessPolicy(arn, bundledAccessPolicyNames(t.partition));
        report({
            severity: 'warning',
            code: 'UNKNOWN_ACCESS_POLICY',
            message: `access policy \`${(0,model_partition/* accessPolicyName */._z)(arn)}\` is not in this release's list of ${t.partition} access policies${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}; the list may be older than AWS's, and the plan checks the name against ListAccessPolicies`,
            fix: suggestion ? `write \`${suggestion}\`` : 'check the name with `aws eks list-access-policies`',
            location,
        });
    }
}
/**
 * Checks an ARN field for every target cluster: variables, shape, and the cluster's partition.
 * Returns false when the ARN is unusable (so per-type rules are not checked on it).
 */
function checkArn(text, field, re, example, clusters, location, report) {
    if (!checkVariables(text, field, location, report))
        return false;
    const checked = new Set();
    for (const cluster of clusters.length > 0 ? clusters : [undefined]) {
        const expanded = expandFor(text, cluster);
        // The same literal ARN can still be wrong for a cluster of another partition: check per partition.
        const seen = `${cluster ? (0,model_partition/* partitionOfRegion */.cn)(cluster.value.region) : ''} ${expanded}`;
        if (checked.has(seen))
            continue;
        checked.add(seen);
        if (!re.test(expanded)) {
            report({ code: 'INVALID_ARN', message: `\`${field}\` is not a valid ARN: \`${text}\``, fix: `write it like ${example}`, location });
            return false;
        }
        const partition = (0,model_partition/* parseArn */.Lw)(expanded)?.partition;
        if (cluster && partition !== (0,model_partition/* partitionOfRegion */.cn)(cluster.value.region)) {
            const expected = (0,model_partition/* partitionOfRegion */.cn)(cluster.value.region);
            report({
                code: 'PARTITION_MISMATCH',
                message: `\`${field}\` is in partition \`${partition}\` but cluster \`${cluster.value.name}\` (${cluster.value.region}) is in \`${expected}\``,
                fix: 'write `arn:${partition}:…` so the ARN follows each cluster, or narrow the item with `clusters:`',
                location,
            });
            return false;
        }
    }
    return true;
}
/** The owner tag is eks-identity's to set, from the manifest's `owner`. */
function checkOwnerTagKey(tags, locate, report) {
    if (tags && model_ownership/* OWNER_TAG */.FX in tags) {
        report({ code: 'RESERVED_OWNER_TAG', message: `tag key \`${model_ownership/* OWNER_TAG */.FX}\` is set by eks-identity from the manifest's \`owner\``, fix: 'remove the tag and set `owner: NAME` at the top of the manifest instead', location: locate(model_ownership/* OWNER_TAG */.FX) });
    }
}
/**
 * Tag limits on what EKS receives: the item's tags merged over the defaults, values expanded per
 * cluster. `locate(key)` points at one tag's key, `locate()` at the whole mapping.
 */
function checkItemTags(own, inherited, targets, locate, report) {
    const { defaults, owner } = inherited;
    checkOwnerTagKey(own, locate, report);
    // What EKS receives: defaults, the item's own tags, and the owner tag eks-identity adds.
    const merged = { ...defaults, ...own, ...(owner !== undefined ? { [model_ownership/* OWNER_TAG */.FX]: owner } : {}) };
    const ownKeys = new Set(Object.keys(own ?? {}));
    for (const [key, value] of Object.entries(merged)) {
        // Keys are not templated; values are. A bad variable in a default is reported at the default.
        if (ownKeys.has(key))
            checkVariables(value, `tags.${key}`, locate(key), report);
    }
    for (const t of targets) {
        const expanded = Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, t.expand(v)]));
        for (const p of (0,api_limits/* tagProblems */.nI)(expanded)) {
            // A problem of a default tag is reported where the default is declared (by the caller of
            // checkDefaultTags); here only the item's own tags and the merged count.
            if (p.key !== undefined && !ownKeys.has(p.key))
                continue;
            if (p.key === undefined && Object.keys(defaults).length > api_limits/* TAG_LIMITS */.U5.count)
                continue;
            report({ code: p.code, message: p.message, fix: p.fix, location: locate(p.key) });
        }
        for (const p of checkPortableTagCharacters(expanded))
            if (ownKeys.has(p.key))
                report({ severity: p.severity, code: p.code, message: p.message, fix: p.fix, location: locate(p.key) });
    }
}
/** The defaults' own tags: keys and values (expanded per declared cluster) within the limits. */
function checkDefaultTags(defaults, clusters, locate, report) {
    checkOwnerTagKey(defaults, locate, report);
    for (const key of Object.keys(defaults))
        checkVariables(defaults[key], `defaults.tags.${key}`, locate(key), report);
    for (const t of targetsFor(clusters)) {
        const expanded = Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, t.expand(v)]));
        for (const p of (0,api_limits/* tagProblems */.nI)(expanded))
            report({ code: p.code, message: p.message, fix: p.fix, location: locate(p.key) });
        for (const p of checkPortableTagCharacters(expanded))
            report({ severity: p.severity, code: p.code, message: p.message, fix: p.fix, location: locate(p.key) });
    }
}

;// CONCATENATED MODULE: ./src/manifest/addons.ts
/**
 * `addons:`: the rules of declared add-on associations and their expansion into the desired state.
 * The role of each association is checked as a top-level association's is (same codes); what only
 * AWS knows — is the add-on installed, which service accounts its version takes — is the plan's.
 */





const where = (loc) => `${loc.file}:${loc.line}:${loc.column}`;
/**
 * One add-on per cluster, one association per service account of an add-on, each association's
 * role as for top-level associations, and no top-level association for a service account an
 * add-on declares (the add-on owns it: EKS refuses the second association).
 */
function checkAddons(addons, associations, targetsOf, inherited, report) {
    const seen = new Map();
    const owned = new Map();
    for (const addon of addons) {
        const { name } = addon.value;
        if (name.trim() === '')
            report({ code: 'INVALID_ADDON_NAME', message: 'the add-on name is empty', fix: 'use the name ListAddons gives (aws eks list-addons --cluster-name CLUSTER)', location: addon.at('name') });
        const targets = targetsOf(addon);
        for (const c of targets) {
            const key = `${c.value.name}/${name}`;
            const first = seen.get(key);
            if (first)
                report({ code: 'DUPLICATE_ADDON', message: `add-on \`${name}\` on cluster \`${c.value.name}\` is declared twice (first at ${where(first)})`, fix: 'merge the two into one entry: its list is the add-on\'s whole set of associations', location: addon.source, related: [first] });
            else
                seen.set(key, addon.source);
        }
        const accounts = new Map();
        addon.value.podIdentityAssociations.forEach((a, i) => {
            const at = (field, ...rest) => addon.at('podIdentityAssociations', i, field, ...rest);
            const location = addon.at('podIdentityAssociations', i);
            const first = accounts.get(a.serviceAccount);
            if (first)
                report({ code: 'DUPLICATE_ADDON_ASSOCIATION', message: `service account \`${a.serviceAccount}\` of add-on \`${name}\` is listed twice (first at ${where(first)})`, fix: 'keep one: an add-on has one association per service account', location, related: [first] });
            else
                accounts.set(a.serviceAccount, location);
            for (const c of targets)
                owned.set(`${c.value.name}/${defaultAddonNamespace(name)}/${a.serviceAccount}`, location);
            // The role and service-account rules are those of any association, in the add-on's namespace.
            const asAssociation = {
                value: { namespace: defaultAddonNamespace(name), serviceAccount: a.serviceAccount, ...(a.roleName !== undefined ? { roleName: a.roleName } : {}), ...(a.roleArn !== undefined ? { roleArn: a.roleArn } : {}), ...(a.role !== undefined ? { role: a.role } : {}) },
                source: location,
                at: (field, ...rest) => at(field, ...rest),
                keyAt: (field) => at(field),
            };
            checkAssociation(asAssociation, targets, inherited, report);
            if (a.recommendedPolicies === true && a.role === undefined) {
                report({ code: 'RECOMMENDED_POLICIES_WITHOUT_ROLE', message: '`recommendedPolicies` attaches policies to a role eks-identity creates, but this association names an existing role', fix: 'use a `role:` block, or attach the policies to the existing role yourself', location: at('recommendedPolicies') });
            }
        });
    }
    for (const a of associations) {
        const clusters = [...new Set([...owned.keys()].map((k) => k.split('/')[0]))];
        for (const cluster of clusters) {
            if (a.value.clusters && !a.value.clusters.includes(cluster))
                continue;
            const holder = owned.get(`${cluster}/${a.value.namespace}/${a.value.serviceAccount}`);
            if (holder) {
                report({
                    code: 'ASSOCIATION_OWNED_BY_ADDON',
                    message: `association ${a.value.namespace}/${a.value.serviceAccount} on cluster \`${cluster}\` belongs to an add-on declared at ${where(holder)}`,
                    fix: 'remove it from `podIdentityAssociations`: the add-on entry under `addons:` declares it',
                    location: a.source,
                    related: [holder],
                });
                break;
            }
        }
    }
}
/** The declared add-ons of one cluster, with role names made ARNs (a `role:` block's role for those that declare one) and variables expanded. */
function expandAddons(addons, cluster, expand, accountId, inherited) {
    const clusterName = cluster.value.name;
    const partition = (0,model_partition/* partitionOfRegion */.cn)(cluster.value.region);
    return addons
        .filter((a) => !a.value.clusters || a.value.clusters.includes(clusterName))
        .map((a) => ({
        name: a.value.name,
        associations: a.value.podIdentityAssociations
            .map((p, i) => {
            const source = a.at('podIdentityAssociations', i);
            if (p.role) {
                const spec = roleSpecFor(p.role, { namespace: defaultAddonNamespace(a.value.name), serviceAccount: p.serviceAccount }, cluster.value, accountId, inherited);
                return { serviceAccount: p.serviceAccount, roleArn: spec.arn, managedRole: true, source };
            }
            return { serviceAccount: p.serviceAccount, roleArn: p.roleArn !== undefined ? expand(p.roleArn) : (0,model_partition/* roleArnFor */.v0)(partition, accountId ?? '${accountId}', expand(p.roleName ?? '')), source };
        })
            .sort((x, y) => (0,model_order/* compare */.U)(x.serviceAccount, y.serviceAccount)),
        source: a.source,
    }))
        .sort((x, y) => (0,model_order/* compare */.U)(x.name, y.name));
}

;// CONCATENATED MODULE: ./src/manifest/rules.ts




/** Merges the files and checks every rule that spans fields, items or files. */
function mergeAndCheck(files) {
    const diagnostics = files.flatMap((f) => f.diagnostics);
    // The same problem found for several target clusters is reported once.
    const reported = new Set();
    const report = (d) => {
        const key = `${d.code}|${d.message}|${rules_where(d.location)}`;
        if (reported.has(key))
            return;
        reported.add(key);
        diagnostics.push({ severity: 'error', ...d });
    };
    const manifest = {
        clusters: uniqueBy(files.flatMap((f) => f.clusters), (c) => c.value.name, (item, first) => report({ code: 'DUPLICATE_CLUSTER', message: `cluster \`${item.value.name}\` is declared twice (first at ${rules_where(first.source)})`, fix: 'keep one declaration', location: item.source, related: [first.source] })),
        defaultTags: single(files, 'defaultTags', 'defaults', report) ?? {},
        prune: single(files, 'prune', 'prune', report) ?? false,
        ...ownerSetting(files, report),
        podIdentityAssociations: files.flatMap((f) => f.podIdentityAssociations),
        accessEntries: files.flatMap((f) => f.accessEntries),
        addons: files.flatMap((f) => f.addons),
    };
    const firstFile = files[0];
    if (manifest.clusters.length === 0 && firstFile && !diagnostics.some((d) => d.severity === 'error')) {
        report({ code: 'NO_CLUSTERS', message: 'no cluster is declared', fix: 'add a `clusters:` list with the name and region of each cluster', location: { file: firstFile.file, line: 1, column: 1 } });
    }
    for (const c of manifest.clusters)
        checkCluster(c, report);
    checkOwnership(files, manifest, report);
    const defaults = files.find((f) => f.defaultTags)?.defaultTags;
    if (defaults)
        checkDefaultTags(defaults.value, manifest.clusters, (key) => (key === undefined ? defaults.source : defaults.keyAt(key)), report);
    const declared = new Set(manifest.clusters.map((c) => c.value.name));
    // A cluster whose declaration has errors is reported there; its name in a selector is not a second error.
    const rejected = new Set(files.flatMap((f) => f.rejectedClusterNames));
    const targetsOf = (item) => {
        const selector = item.value.clusters;
        selector?.forEach((name, i) => {
            if (!declared.has(name) && !rejected.has(name)) {
                report({ code: 'UNKNOWN_CLUSTER', message: `cluster \`${name}\` is not declared in \`clusters\``, fix: `declare it, or use one of: ${[...declared].join(', ') || '(none)'}`, location: item.at('clusters', i) });
            }
        });
        return selector ? manifest.clusters.filter((c) => selector.includes(c.value.name)) : manifest.clusters;
    };
    const inherited = { defaults: manifest.defaultTags, owner: manifest.owner?.value };
    const associationKeys = new Map();
    for (const a of manifest.podIdentityAssociations) {
        const targets = targetsOf(a);
        checkAssociation(a, targets, inherited, report);
        for (const c of targets) {
            const key = `${c.value.name}/${a.value.namespace}/${a.value.serviceAccount}`;
            const first = associationKeys.get(key);
            if (first)
                report({ code: 'DUPLICATE_ASSOCIATION', message: `association ${a.value.namespace}/${a.value.serviceAccount} on cluster \`${c.value.name}\` is declared twice (first at ${rules_where(first)})`, fix: 'keep one declaration, or narrow each with `clusters:`', location: a.source, related: [first] });
            else
                associationKeys.set(key, a.source);
        }
    }
    const entryKeys = new Map();
    for (const e of manifest.accessEntries) {
        const targets = targetsOf(e);
        checkAccessEntry(e, targets, inherited, report);
        for (const c of targets) {
            const key = `${c.value.name}/${expandFor(e.value.principalArn, c)}`;
            const first = entryKeys.get(key);
            if (first)
                report({ code: 'DUPLICATE_ACCESS_ENTRY', message: `access entry ${e.value.principalArn} on cluster \`${c.value.name}\` is declared twice (first at ${rules_where(first)})`, fix: 'merge the two entries into one', location: e.source, related: [first] });
            else
                entryKeys.set(key, e.source);
        }
    }
    checkAddons(manifest.addons ?? [], manifest.podIdentityAssociations, targetsOf, inherited, report);
    return { manifest, diagnostics };
}
function checkCluster(c, report) {
    const { name, region, accountId, assumeRoleArn } = c.value;
    if (!CLUSTER_NAME_RE.test(name))
        report({ code: 'INVALID_CLUSTER_NAME', message: `\`${name}\` is not a valid EKS cluster name`, fix: 'use 1–100 letters, digits, hyphens and underscores, starting with a letter or digit', location: c.at('name') });
    if (!REGION_RE.test(region))
        report({ code: 'INVALID_REGION', message: `\`${region}\` is not an AWS region of the aws, aws-cn or aws-us-gov partition`, fix: 'use a region code such as us-east-1, cn-north-1 or us-gov-west-1', location: c.at('region') });
    if (accountId !== undefined && !ACCOUNT_ID_RE.test(accountId))
        report({ code: 'INVALID_ACCOUNT_ID', message: `accountId \`${accountId}\` is not 12 digits`, fix: 'quote it as a string of 12 digits, e.g. accountId: "012345678901"', location: c.at('accountId') });
    if (assumeRoleArn !== undefined)
        checkArn(assumeRoleArn, 'assumeRoleArn', ROLE_ARN_RE, 'arn:aws:iam::123456789012:role/eks-identity', [c], c.at('assumeRoleArn'), report);
}
function ownerSetting(files, report) {
    const declared = files.flatMap((f) => (f.owner ? [f.owner] : []));
    const first = declared[0];
    for (const extra of declared.slice(1)) {
        if (extra.value !== first?.value) {
            report({ code: 'CONFLICTING_OWNER', message: `\`owner\` is ${JSON.stringify(extra.value)} here but ${JSON.stringify(first?.value)} at ${rules_where(first.source)}; one manifest has one owner`, fix: 'use one owner name in every file of this manifest', location: extra.source, related: [first.source] });
        }
    }
    return first ? { owner: first } : {};
}
/** The owner is a tag value (ownerProblem). `prune: owned` needs an owner to compare with. */
function checkOwnership(files, manifest, report) {
    const owner = manifest.owner;
    const problem = owner && (0,model_ownership/* ownerProblem */.ZP)(owner.value);
    if (owner && problem)
        report({ code: 'INVALID_OWNER', ...problem, location: owner.source });
    const prune = files.find((f) => f.prune)?.prune;
    if (prune?.value === 'owned' && !owner) {
        report({ code: 'PRUNE_OWNED_WITHOUT_OWNER', message: '`prune: owned` deletes only what this manifest owns, but the manifest has no `owner`', fix: 'add `owner: NAME` at the top of the manifest (a name no other manifest on these clusters uses)', location: prune.source });
    }
}
function single(files, key, label, report) {
    const declared = files.flatMap((f) => (f[key] ? [f[key]] : []));
    for (const extra of declared.slice(1)) {
        report({ code: 'DUPLICATE_SETTING', message: `\`${label}\` is set in more than one file (first at ${rules_where(declared[0].source)})`, fix: `set \`${label}\` in one file only`, location: extra.source, related: [declared[0].source] });
    }
    return declared[0]?.value;
}
function uniqueBy(items, key, onDuplicate) {
    const seen = new Map();
    for (const item of items) {
        const first = seen.get(key(item));
        if (first)
            onDuplicate(item, first);
        else
            seen.set(key(item), item);
    }
    return [...seen.values()];
}
function rules_where(loc) {
    return `${loc.file}:${loc.line}:${loc.column}`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/manifest/yaml-source.ts

/**
 * The fix for a syntax error. The common one in manifests: an unquoted `${...}` inside a flow
 * list or map (`[arn:${partition}:...]`), where YAML reads `{` as the start of a mapping.
 */
function syntaxFix(line) {
    if (/[[{][^\]}]*\$\{/.test(line))
        return 'quote values that contain ${...} inside [ ] or { }, e.g. ["arn:${partition}:iam::aws:policy/NAME"] (YAML reads an unquoted { as the start of a mapping)';
    return 'fix the YAML syntax at this position';
}
/**
 * After the first syntax error the parser recovers badly: one unquoted `{` yields dozens of
 * "Unexpected …" errors down to the end of the file. Only the first is kept, saying how many
 * follow; duplicate keys and warnings do not depend on it and stay.
 */
function collapseSyntaxErrors(diagnostics) {
    const isSyntaxError = (d) => d.code === 'YAML_SYNTAX' && d.severity === 'error';
    const first = diagnostics.find(isSyntaxError);
    const more = diagnostics.filter(isSyntaxError).length - 1;
    if (!first || more === 0)
        return;
    first.message += ` (and ${more} more syntax error${more === 1 ? '' : 's'} after it, not shown: they usually follow from this one)`;
    for (let i = diagnostics.length - 1; i >= 0; i--)
        if (diagnostics[i] !== first && isSyntaxError(diagnostics[i]))
            diagnostics.splice(i, 1);
}
function lineAt(text, offset) {
    const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    const end = text.indexOf('\n', offset);
    return text.slice(start, end === -1 ? undefined : end);
}
/** Parses YAML text keeping positions; never throws. */
function parseYamlSource(text, file) {
    const doc = (0,yaml_dist/* parseDocument */.Tp)(text, { prettyErrors: false, uniqueKeys: true, strict: true });
    const linePos = lineIndex(text);
    const at = (offset) => ({ file, ...linePos(offset ?? 0) });
    const diagnostics = [...doc.errors, ...doc.warnings].map((e) => {
        const duplicate = e.code === 'DUPLICATE_KEY';
        return {
            severity: duplicate || doc.errors.includes(e) ? 'error' : 'warning',
            code: duplicate ? 'DUPLICATE_YAML_KEY' : 'YAML_SYNTAX',
            message: firstLine(e.message),
            fix: duplicate ? 'remove one of the two keys' : syntaxFix(lineAt(text, e.pos[0])),
            location: at(skipIndent(text, e.pos[0])),
        };
    });
    collapseSyntaxErrors(diagnostics);
    let data;
    if (doc.errors.length === 0) {
        try {
            data = doc.toJS({ maxAliasCount: 100 });
        }
        catch (err) {
            diagnostics.push({
                severity: 'error',
                code: 'YAML_SYNTAX',
                message: err instanceof Error ? firstLine(err.message) : String(err),
                fix: 'simplify the YAML (aliases, tags) at this position',
                location: at(0),
            });
        }
    }
    const nodeAt = (path) => {
        let node = doc.contents;
        let lastFound = node;
        for (const segment of path) {
            node = childOf(node, segment);
            if (!node)
                break;
            lastFound = node;
        }
        return lastFound;
    };
    return {
        file,
        data,
        diagnostics,
        locate: (path) => at(nodeAt(path)?.range?.[0]),
        locateKey: (path, key) => {
            const parent = nodeAt(path);
            if ((0,yaml_dist/* isMap */.jh)(parent)) {
                const pair = parent.items.find((p) => (0,yaml_dist/* isPair */.tO)(p) && keyText(p.key) === key);
                if (pair && (0,yaml_dist/* isScalar */.jn)(pair.key))
                    return at(pair.key.range?.[0]);
            }
            return at(parent?.range?.[0]);
        },
        locateKeyOrValue: (path, key) => at(nodeAt([...path, key])?.range?.[0]),
    };
}
/**
 * Offset → 1-based line and column, from the text itself. yaml's LineCounter is fed by the parser
 * and misses the line breaks inside a broken flow collection, which puts errors lines too early.
 */
function lineIndex(text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        starts.push(i + 1);
    return (offset) => {
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (starts[mid] <= offset)
                low = mid;
            else
                high = mid - 1;
        }
        return { line: low + 1, column: offset - starts[low] + 1 };
    };
}
/** Parser errors can start at a line's indentation; the problem is the token after it. */
function skipIndent(text, offset) {
    let i = offset;
    while (text[i] === ' ')
        i++;
    return text[i] === undefined || text[i] === '\n' || text[i] === '\r' ? offset : i;
}
function childOf(node, segment) {
    if ((0,yaml_dist/* isMap */.jh)(node)) {
        const pair = node.items.find((p) => keyText(p.key) === String(segment));
        return pair?.value ?? undefined;
    }
    if ((0,yaml_dist/* isSeq */.oP)(node) && typeof segment === 'number')
        return node.items[segment];
    return undefined;
}
function keyText(key) {
    if ((0,yaml_dist/* isScalar */.jn)(key))
        return String(key.value);
    return undefined;
}
function firstLine(message) {
    return message.split('\n')[0].trim();
}

;// CONCATENATED MODULE: ./src/manifest/load.ts








/**
 * Loads a manifest from a file, a directory (its *.yaml and *.yml files, sorted) or a glob
 * (`*`, `**`, `?`, `{a,b}`; see expandGlob), validates every file and merges them. Invalid manifests are returned with
 * their diagnostics (ok: false); only a path that matches nothing throws.
 */
async function loadManifest(pathOrGlob, options = {}) {
    const cwd = options.cwd ?? process.cwd();
    const files = await resolveManifestFiles(pathOrGlob, cwd);
    const texts = await Promise.all(files.map(async (file) => ({ file: external_node_path_default().relative(cwd, file) || file, text: await (0,promises_.readFile)(file, 'utf8') })));
    return parseManifestTexts(texts);
}
/** Validates manifest texts already in memory (pure: no file system). */
function parseManifestTexts(texts) {
    const checked = texts.map(({ file, text }) => checkFile(parseYamlSource(text, file)));
    const { manifest, diagnostics } = mergeAndCheck(checked);
    const sorted = sortDiagnostics(diagnostics);
    return { files: texts.map((t) => t.file), manifest, diagnostics: sorted, ok: !sorted.some((d) => d.severity === 'error') };
}
/** Validates one manifest text. */
function parseManifestText(text, file) {
    return parseManifestTexts([{ file, text }]);
}
async function resolveManifestFiles(pattern, cwd) {
    const notFound = (detail) => new errors/* EksIdentityError */.C('MANIFEST_NOT_FOUND', `no manifest at ${pattern}: ${detail}`, {
        fix: 'pass --manifest with a YAML file, a directory of *.yaml files, or a glob such as "manifests/**/*.yaml"',
    });
    if ((0,dist/* isDynamicPattern */.ey)(pattern)) {
        const matches = await expandGlob(pattern, cwd);
        if (matches.length === 0)
            throw notFound('the pattern matches no file');
        return matches;
    }
    const absolute = external_node_path_default().resolve(cwd, pattern);
    const info = await (0,promises_.stat)(absolute).catch(() => undefined);
    if (!info)
        throw notFound('no such file or directory');
    if (info.isFile())
        return [absolute];
    const named = (await (0,promises_.readdir)(absolute)).filter((name) => /\.ya?ml$/.test(name)).sort();
    // A subdirectory can be named like a manifest; stat follows symlinks to files.
    const isFile = await Promise.all(named.map((name) => (0,promises_.stat)(external_node_path_default().join(absolute, name)).then((s) => s.isFile(), () => false)));
    const entries = named.filter((_, i) => isFile[i]);
    if (entries.length === 0)
        throw notFound('the directory has no *.yaml or *.yml file');
    return entries.map((name) => external_node_path_default().join(absolute, name));
}
/**
 * Glob matching by tinyglobby (picomatch syntax: `*`, `**`, `?`, `[abc]`, `{a,b}`). Files and
 * directories whose name starts with a dot are matched only where the pattern spells the dot
 * (`.config/*.yaml`), as shells do; symbolic links are followed (a linked file or directory counts
 * as what it points to); node_modules and .git are never searched. Results sorted.
 */
async function expandGlob(pattern, cwd) {
    const matches = await (0,dist/* glob */.TI)(pattern, {
        cwd,
        absolute: true,
        onlyFiles: true,
        dot: false,
        followSymbolicLinks: true,
        expandDirectories: false,
        ignore: ['**/node_modules/**', '**/.git/**'],
    });
    return matches.map((m) => external_node_path_default().normalize(m)).sort();
}

;// CONCATENATED MODULE: ./src/manifest/expand.ts







/**
 * Turns a validated manifest into the desired state of each cluster: variables expanded (role
 * names and ARNs, target roles, principals, usernames, groups, policy names, scope namespaces,
 * tag values), role names made ARNs, short policy names made ARNs, defaults merged, lists sorted.
 * Pure. An account that is not known (offline) stays as the literal `${accountId}`.
 */
function expandManifest(loaded, context = {}) {
    const { manifest } = loaded;
    const clusters = manifest.clusters.map((c) => {
        const partition = (0,model_partition/* partitionOfRegion */.cn)(c.value.region);
        const accountId = c.value.accountId ?? context.accountIds?.[c.value.name];
        const vars = { partition, region: c.value.region, cluster: c.value.name, ...(accountId ? { accountId } : {}) };
        const expand = (text) => expandVariables(text, vars);
        const applies = (item) => !item.value.clusters || item.value.clusters.includes(c.value.name);
        // The owner tag goes on everything the manifest writes: creates carry it, updates and adoptions add it.
        const ownerTag = manifest.owner ? { [model_ownership/* OWNER_TAG */.FX]: manifest.owner.value } : {};
        // Tag values are templated per cluster (keys and the owner are not).
        const tags = (own) => (0,model_order/* sortedRecord */.v)({ ...Object.fromEntries(Object.entries({ ...manifest.defaultTags, ...own }).map(([k, v]) => [k, expand(v)])), ...ownerTag });
        return {
            name: c.value.name,
            region: c.value.region,
            partition,
            ...(accountId ? { accountId } : {}),
            ...(c.value.assumeRoleArn ? { assumeRoleArn: expand(c.value.assumeRoleArn) } : {}),
            prune: manifest.prune,
            ...(manifest.owner ? { owner: manifest.owner.value } : {}),
            associations: manifest.podIdentityAssociations
                .filter(applies)
                .map((a) => {
                const association = toAssociation(a, expand, accountId ?? '${accountId}', partition, tags);
                if (!a.value.role)
                    return association;
                // The role block's role: its ARN, and a flag that the plan creates and owns it.
                const spec = roleSpecFor(a.value.role, a.value, c.value, accountId, { defaults: manifest.defaultTags, owner: manifest.owner?.value });
                return { ...association, roleArn: spec.arn, managedRole: true };
            })
                .sort((x, y) => (0,model_order/* compare */.U)(`${x.namespace}/${x.serviceAccount}`, `${y.namespace}/${y.serviceAccount}`)),
            accessEntries: manifest.accessEntries
                .filter(applies)
                .map((e) => toAccessEntry(e, expand, partition, tags))
                .sort((x, y) => (0,model_order/* compare */.U)(x.principalArn, y.principalArn)),
            ...(manifest.addons?.length ? { addons: expandAddons(manifest.addons, c, expand, accountId, { defaults: manifest.defaultTags, owner: manifest.owner?.value }) } : {}),
            source: c.source,
        };
    });
    const roles = desiredRoles(manifest, context.accountIds);
    return { files: loaded.files, clusters: clusters.sort((a, b) => (0,model_order/* compare */.U)(a.name, b.name)), ...(roles.length > 0 ? { roles } : {}) };
}
function toAssociation(a, expand, accountId, partition, tags) {
    const v = a.value;
    return {
        namespace: v.namespace,
        serviceAccount: v.serviceAccount,
        roleArn: v.roleArn !== undefined ? expand(v.roleArn) : (0,model_partition/* roleArnFor */.v0)(partition, accountId, expand(v.roleName ?? '')),
        ...(v.targetRoleArn ? { targetRoleArn: expand(v.targetRoleArn) } : {}),
        disableSessionTags: v.disableSessionTags ?? false,
        ...(v.policy !== undefined ? { policy: canonicalJson(v.policy) } : {}),
        tags: tags(v.tags),
        source: a.source,
    };
}
function toAccessEntry(e, expand, partition, tags) {
    const v = e.value;
    const policies = (v.accessPolicies ?? []).map((p, i) => {
        const scope = p.namespaces !== undefined ? { type: 'namespace', namespaces: [...new Set(p.namespaces.map(expand))].sort(model_order/* compare */.U) } : { type: 'cluster' };
        return { policyArn: (0,model_partition/* accessPolicyArnFor */.xh)(partition, expand(p.policy)), scope, source: e.at('accessPolicies', i) };
    });
    return {
        principalArn: expand(v.principalArn),
        type: v.type ?? 'STANDARD',
        kubernetesGroups: [...new Set((v.kubernetesGroups ?? []).map(expand))].sort(model_order/* compare */.U),
        ...(v.username !== undefined ? { username: expand(v.username) } : {}),
        accessPolicies: policies.sort((x, y) => (0,model_order/* compare */.U)(x.policyArn, y.policyArn)),
        tags: tags(v.tags),
        source: e.source,
    };
}

;// CONCATENATED MODULE: ./src/manifest/index.ts






// EXTERNAL MODULE: ./src/model/plan.ts
var plan = __webpack_require__(7978);
// EXTERNAL MODULE: ./src/plan/finding.ts
var finding = __webpack_require__(8866);
;// CONCATENATED MODULE: ./src/plan/ids.ts
/** Change ids: stable, unique within a cluster, readable in a plan. */
function associationId(namespace, serviceAccount) {
    return `association/${namespace}/${serviceAccount}`;
}
function entryId(principalArn) {
    return `entry/${principalArn}`;
}
function policyId(principalArn, policyArn) {
    return `policy/${principalArn}/${policyArn}`;
}

// EXTERNAL MODULE: ./src/plan/ownership.ts
var ownership = __webpack_require__(9742);
;// CONCATENATED MODULE: ./src/plan/associations.ts






/** Why prune deletes an undeclared object. */
function pruneReason(prune) {
    return prune === 'owned' ? 'not declared in the manifest, and owned by it (prune: owned)' : 'not declared in the manifest (prune is on)';
}
/** Diffs declared associations with live ones: create, update (field by field), delete with prune. */
function diffAssociations(desired, live) {
    const changes = [];
    const findings = [];
    const summaries = new Map(live.associationSummaries.map((s) => [`${s.namespace}/${s.serviceAccount}`, s]));
    const described = new Map(live.associations.map((a) => [`${a.namespace}/${a.serviceAccount}`, a]));
    const declared = new Set();
    // The associations of add-ons declared under `addons:` are planned there (addon-associations.ts).
    for (const addon of desired.addons ?? [])
        for (const a of live.addonDetails?.[addon.name]?.associations ?? [])
            declared.add(`${a.namespace}/${a.serviceAccount}`);
    for (const d of desired.associations) {
        const key = `${d.namespace}/${d.serviceAccount}`;
        const id = associationId(d.namespace, d.serviceAccount);
        declared.add(key);
        const owner = described.get(key)?.ownerArn ?? summaries.get(key)?.ownerArn;
        if (owner) {
            findings.push((0,finding/* finding */.gk)('ADDON_OWNED_ASSOCIATION', `${key} is owned by the add-on ${owner}; eks-identity leaves it alone`, {
                key: id,
                fix: `declare it under addons: (name: ${addonNameOfArn(owner) ?? 'the add-on'}) instead of podIdentityAssociations; eks-identity then sets it through the add-on`,
                source: d.source,
            }));
            continue;
        }
        const l = described.get(key);
        const foreign = l && (0,ownership/* foreignOwnerFinding */.PU)(desired, l.tags, { key: id, label: `association ${key} (${l.associationArn ?? l.associationId})`, source: d.source });
        if (foreign) {
            findings.push(foreign);
            continue;
        }
        if (!l) {
            changes.push({ id, kind: 'podIdentityAssociation', action: 'create', after: desiredValue(d), ...(d.source ? { source: d.source } : {}) });
            continue;
        }
        const fields = associationFieldDiffs(l, d);
        if (fields.length > 0) {
            changes.push({ id, kind: 'podIdentityAssociation', action: 'update', before: liveValue(l), after: desiredValue(d), fields, ...(d.source ? { source: d.source } : {}) });
        }
    }
    if (desired.prune) {
        let notOwned = 0;
        for (const l of live.associations) {
            const key = `${l.namespace}/${l.serviceAccount}`;
            if (declared.has(key))
                continue;
            const id = associationId(l.namespace, l.serviceAccount);
            if (!(0,model_ownership/* isPrunable */.Ul)(desired.prune, desired.owner, l.tags)) {
                notOwned++;
            }
            else if (l.ownerArn) {
                changes.push({ id, kind: 'podIdentityAssociation', action: 'unmanaged', before: liveValue(l), reason: `owned by the add-on ${l.ownerArn}; never pruned` });
            }
            else {
                changes.push({ id, kind: 'podIdentityAssociation', action: 'delete', before: liveValue(l), reason: pruneReason(desired.prune) });
            }
        }
        findings.push(...(0,ownership/* notOwnedFinding */.Yj)(desired, notOwned, { one: 'Pod Identity association', many: 'Pod Identity associations' }));
    }
    // A targeted read (prune off, big cluster) saw only the declared ones: nothing to name or count.
    const counted = !live.uncounted?.includes('associations');
    if (!desired.prune && !counted)
        findings.push(...(0,ownership/* notCountedFinding */.Dl)(live, 'associations', 'Pod Identity associations'));
    const undeclared = desired.prune || !counted ? [] : live.associationSummaries.map((s) => `${s.namespace}/${s.serviceAccount}`).filter((key) => !declared.has(key));
    if (undeclared.length > 0) {
        findings.push((0,finding/* finding */.gk)('UNMANAGED_NOT_SHOWN', `${undeclared.length} live Pod Identity association${undeclared.length === 1 ? ' is' : 's are'} not declared; left alone (prune is off): ${(0,finding/* listSome */.XT)(undeclared)}`, {
            fix: 'declare them (eks-identity export writes them as a manifest), or set prune: true to delete them',
        }));
    }
    return { changes, findings, undeclared };
}
function associationFieldDiffs(l, d) {
    const fields = [];
    const push = (field, before, after) => fields.push({ field, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) });
    if (l.roleArn !== d.roleArn)
        push('roleArn', l.roleArn, d.roleArn);
    if ((l.targetRoleArn ?? '') !== (d.targetRoleArn ?? ''))
        push('targetRoleArn', l.targetRoleArn, d.targetRoleArn);
    if (l.disableSessionTags !== d.disableSessionTags)
        push('disableSessionTags', l.disableSessionTags, d.disableSessionTags);
    if ((l.policy ?? '') !== (d.policy ?? ''))
        push('policy', l.policy, d.policy);
    const tags = (0,ownership/* tagsDiff */.jc)(l.tags, d.tags);
    if (tags)
        fields.push(tags);
    return fields;
}
function desiredValue(d) {
    return {
        namespace: d.namespace,
        serviceAccount: d.serviceAccount,
        roleArn: d.roleArn,
        ...(d.targetRoleArn ? { targetRoleArn: d.targetRoleArn } : {}),
        disableSessionTags: d.disableSessionTags,
        ...(d.policy !== undefined ? { policy: d.policy } : {}),
        tags: (0,model_order/* sortedRecord */.v)(d.tags),
    };
}
function liveValue(l) {
    return {
        namespace: l.namespace,
        serviceAccount: l.serviceAccount,
        roleArn: l.roleArn,
        ...(l.targetRoleArn ? { targetRoleArn: l.targetRoleArn } : {}),
        disableSessionTags: l.disableSessionTags,
        ...(l.policy !== undefined ? { policy: l.policy } : {}),
        tags: (0,model_order/* sortedRecord */.v)(l.tags),
        associationId: l.associationId,
        ...(l.ownerArn ? { ownerArn: l.ownerArn } : {}),
    };
}

;// CONCATENATED MODULE: ./src/plan/access-entries.ts






/**
 * Diffs declared access entries and their policy associations with live ones. An entry whose type
 * changed, or whose IAM role or user was re-created after it (EKS binds the principal's unique
 * id), is replaced, and its policies are associated again after the replacement.
 */
function diffAccessEntries(desired, live) {
    const changes = [];
    const findings = [];
    const described = new Map(live.accessEntries.map((e) => [e.principalArn, e]));
    const declared = new Set();
    const src = (d) => (d.source ? { source: d.source } : {});
    for (const declaredEntry of desired.accessEntries) {
        declared.add(declaredEntry.principalArn);
        const id = entryId(declaredEntry.principalArn);
        const l = described.get(declaredEntry.principalArn);
        const d = l ? withoutAdoptedNodeOwner(declaredEntry, l) : declaredEntry;
        const foreign = l && (0,ownership/* foreignOwnerFinding */.PU)(desired, l.tags, { key: id, label: `access entry ${d.principalArn}${l.accessEntryArn ? ` (${l.accessEntryArn})` : ''}`, source: d.source });
        if (foreign) {
            findings.push(foreign);
            continue;
        }
        if (!l) {
            changes.push({ id, kind: 'accessEntry', action: 'create', after: desiredEntryValue(d), ...src(d) });
            for (const p of d.accessPolicies)
                changes.push(createPolicy(d, p));
            continue;
        }
        if (live.unreadableUsers?.includes(d.principalArn)) {
            findings.push((0,finding/* finding */.gk)('IAM_USER_UNREADABLE', `could not read the IAM user ${d.principalArn} (iam:GetUser was denied), so a re-created user behind this entry would go unnoticed`, {
                key: id,
                fix: 'grant the plan and apply roles iam:GetUser on arn:…:user/* (docs/iam-policies.md)',
                source: d.source,
            }));
        }
        const replaceReason = reasonToReplace(l, d, principalOf(live, d.principalArn));
        if (replaceReason) {
            changes.push({ id, kind: 'accessEntry', action: 'replace', before: liveEntryValue(l), after: desiredEntryValue(d), fields: entryFieldDiffs(l, d, true), reason: replaceReason.reason, ...src(d) });
            findings.push((0,finding/* finding */.gk)(replaceReason.code, replaceReason.reason, { key: id, fix: replaceReason.fix, source: d.source }));
            // A deleted entry takes its policy associations with it: associate the declared ones again,
            // and show the undeclared ones, which the replacement loses even with prune off.
            for (const p of d.accessPolicies)
                changes.push(createPolicy(d, p));
            const declaredPolicies = new Set(d.accessPolicies.map((p) => p.policyArn));
            for (const p of l.accessPolicies) {
                if (declaredPolicies.has(p.policyArn))
                    continue;
                changes.push({ id: policyId(l.principalArn, p.policyArn), kind: 'accessPolicy', action: 'unmanaged', before: livePolicyValue(l.principalArn, p), reason: 'not declared: lost when the entry is replaced (declare it to keep it)' });
            }
            continue;
        }
        const fields = entryFieldDiffs(l, d, false);
        if (fields.length > 0)
            changes.push({ id, kind: 'accessEntry', action: 'update', before: liveEntryValue(l), after: desiredEntryValue(d), fields, ...src(d) });
        // A declared entry is this manifest's: its undeclared policies go with prune, owned or not.
        changes.push(...diffPolicies(d, l, desired.prune !== false));
    }
    const ours = new Set();
    for (const l of live.accessEntries) {
        if (declared.has(l.principalArn))
            continue;
        const id = entryId(l.principalArn);
        if (!desired.prune || !(0,model_ownership/* isPrunable */.Ul)(desired.prune, desired.owner, l.tags))
            continue;
        ours.add(l.principalArn);
        // What EKS created is never pruned (src/model/ownership.ts): node types and service-linked roles.
        // The cluster creator's entry (bootstrapClusterCreatorAdminPermissions) carries no mark that the
        // API returns: it is an ordinary STANDARD admin entry, so prune may delete it. The lockout checks
        // guard it instead: LOCKOUT_CALLER when it is the caller's, LOCKOUT_NO_ADMIN when it is the last admin.
        const owned = (0,model_ownership/* eksOwnedEntryReason */.DB)(l, desired.owner);
        if (owned) {
            changes.push({ id, kind: 'accessEntry', action: 'unmanaged', before: liveEntryValue(l), reason: owned });
            findings.push((0,finding/* finding */.gk)('EKS_OWNED_ENTRY', `${l.principalArn}: ${owned}`, { key: id, fix: 'nothing to do: prune leaves it in place' }));
            continue;
        }
        changes.push({ id, kind: 'accessEntry', action: 'delete', before: liveEntryValue(l), reason: pruneReason(desired.prune) });
    }
    // Under prune: owned the reader keeps only owned entries: the others are counted from the list.
    if (desired.prune === 'owned')
        findings.push(...(0,ownership/* notOwnedFinding */.Yj)(desired, live.accessEntryPrincipals.filter((p) => !declared.has(p) && !ours.has(p)).length, { one: 'access entry', many: 'access entries' }));
    // A targeted read (prune off, big cluster) saw only the declared ones: nothing to name or count.
    const counted = !live.uncounted?.includes('accessEntries');
    if (!desired.prune && !counted)
        findings.push(...(0,ownership/* notCountedFinding */.Dl)(live, 'accessEntries', 'access entries'));
    // ListAccessEntries returns the principal ARNs, so the undeclared entries are named at no cost.
    const undeclared = desired.prune || !counted ? [] : live.accessEntryPrincipals.filter((p) => !declared.has(p));
    if (undeclared.length > 0) {
        findings.push((0,finding/* finding */.gk)('UNMANAGED_NOT_SHOWN', `${undeclared.length} live access entr${undeclared.length === 1 ? 'y is' : 'ies are'} not declared; left alone (prune is off): ${(0,finding/* listSome */.XT)(undeclared)}`, {
            fix: 'declare them (eks-identity export writes them as a manifest), or set prune: true to delete them',
        }));
    }
    return { changes, findings, undeclared };
}
/** The IAM role or user an entry names, as read (undefined: not read or not found). */
function principalOf(live, principalArn) {
    const role = live.roles[principalArn];
    if (role)
        return { kind: 'role', name: role.roleName, createDate: role.createDate };
    const user = live.users?.[principalArn];
    if (user)
        return { kind: 'user', name: user.userName, createDate: user.createDate };
    return undefined;
}
function reasonToReplace(l, d, principal) {
    if (l.type !== d.type) {
        return {
            code: 'IMMUTABLE_FIELD_CHANGED',
            reason: `type changes from ${l.type} to ${d.type}; EKS cannot update an entry's type, so it is deleted and created again`,
            fix: 'nothing to do if the new type is intended; access through this principal is interrupted briefly during apply',
        };
    }
    if (principal && l.createdAt && Date.parse(principal.createDate) > Date.parse(l.createdAt)) {
        return {
            code: 'STALE_ACCESS_ENTRY',
            reason: `the IAM ${principal.kind} ${principal.name} was re-created on ${principal.createDate}, after this entry (${l.createdAt}); EKS still binds the old ${principal.kind} id, so the entry no longer grants access`,
            fix: 'apply replaces the entry so that it binds the current role',
        };
    }
    return undefined;
}
function diffPolicies(d, l, prune) {
    const changes = [];
    const live = new Map(l.accessPolicies.map((p) => [p.policyArn, p]));
    for (const p of d.accessPolicies) {
        const current = live.get(p.policyArn);
        if (!current) {
            changes.push(createPolicy(d, p));
        }
        else if (!sameScope(current, p)) {
            changes.push({
                id: policyId(d.principalArn, p.policyArn),
                kind: 'accessPolicy',
                action: 'update',
                before: livePolicyValue(l.principalArn, current),
                after: desiredPolicyValue(d.principalArn, p),
                fields: [{ field: 'scope', before: current.scope, after: p.scope }],
                ...(p.source ? { source: p.source } : {}),
            });
        }
    }
    const declared = new Set(d.accessPolicies.map((p) => p.policyArn));
    for (const p of l.accessPolicies) {
        if (declared.has(p.policyArn))
            continue;
        const id = policyId(l.principalArn, p.policyArn);
        if ((0,model_ownership/* isCapabilityPolicy */.$5)(p.policyArn)) {
            changes.push({ id, kind: 'accessPolicy', action: 'unmanaged', before: livePolicyValue(l.principalArn, p), reason: 'associated by EKS for an EKS Capability; never removed' });
            continue;
        }
        changes.push(prune
            ? { id, kind: 'accessPolicy', action: 'delete', before: livePolicyValue(l.principalArn, p), reason: 'not declared on this entry (prune is on)' }
            : { id, kind: 'accessPolicy', action: 'unmanaged', before: livePolicyValue(l.principalArn, p), reason: 'associated with a declared entry but not declared; left alone (prune is off)' });
    }
    return changes;
}
function sameScope(l, d) {
    if (l.scope.type !== d.scope.type)
        return false;
    if (l.scope.type === 'namespace' && d.scope.type === 'namespace')
        return (0,finding/* sameList */.nk)([...l.scope.namespaces].sort(), d.scope.namespaces);
    return true;
}
function createPolicy(d, p) {
    return { id: policyId(d.principalArn, p.policyArn), kind: 'accessPolicy', action: 'create', after: desiredPolicyValue(d.principalArn, p), ...(p.source ? { source: p.source } : {}) };
}
/**
 * A node entry that exists without an owner tag was most likely made by EKS for a node group, a
 * Fargate profile or Auto Mode (the API does not say). Declaring it does not make it this
 * manifest's: it gets no owner tag, so it is never pruned when it is no longer declared (removing
 * it would take those nodes out of the cluster). A node entry this manifest creates is tagged, and
 * pruned like any other.
 */
function withoutAdoptedNodeOwner(d, l) {
    if (!(0,model_ownership/* isEksNodeType */.AI)(l.type) || !(0,model_ownership/* isEksNodeType */.AI)(d.type) || (0,model_ownership/* ownerOf */.bf)(l.tags) !== undefined || d.tags[model_ownership/* OWNER_TAG */.FX] === undefined)
        return d;
    const { [model_ownership/* OWNER_TAG */.FX]: _owner, ...tags } = d.tags;
    return { ...d, tags };
}
function entryFieldDiffs(l, d, includeType) {
    const fields = [];
    if (includeType && l.type !== d.type)
        fields.push({ field: 'type', before: l.type, after: d.type });
    // Node types take their groups and username from EKS: only STANDARD entries are compared.
    if (d.type === 'STANDARD') {
        if (!(0,finding/* sameList */.nk)([...l.kubernetesGroups].sort(), d.kubernetesGroups))
            fields.push({ field: 'kubernetesGroups', before: l.kubernetesGroups, after: d.kubernetesGroups });
        // An omitted username means "whatever EKS chose": never a diff.
        if (d.username !== undefined && l.username !== d.username)
            fields.push({ field: 'username', ...(l.username !== undefined ? { before: l.username } : {}), after: d.username });
    }
    const tags = (0,ownership/* tagsDiff */.jc)(l.tags, d.tags);
    if (tags)
        fields.push(tags);
    return fields;
}
function desiredEntryValue(d) {
    return { principalArn: d.principalArn, type: d.type, kubernetesGroups: d.kubernetesGroups, ...(d.username !== undefined ? { username: d.username } : {}), tags: (0,model_order/* sortedRecord */.v)(d.tags) };
}
function liveEntryValue(l) {
    return { principalArn: l.principalArn, type: l.type, kubernetesGroups: [...l.kubernetesGroups].sort(), ...(l.username !== undefined ? { username: l.username } : {}), tags: (0,model_order/* sortedRecord */.v)(l.tags) };
}
function desiredPolicyValue(principalArn, p) {
    return { principalArn, policyArn: p.policyArn, scope: p.scope };
}
function livePolicyValue(principalArn, p) {
    const scope = p.scope.type === 'namespace' ? { type: 'namespace', namespaces: [...p.scope.namespaces].sort() } : p.scope;
    return { principalArn, policyArn: p.policyArn, scope };
}

// EXTERNAL MODULE: ./src/plan/codes.ts
var codes = __webpack_require__(8901);
// EXTERNAL MODULE: ./src/plan/trust.ts
var trust = __webpack_require__(3329);
;// CONCATENATED MODULE: ./src/plan/checks.ts






const checks_AGENT_ADDON = 'eks-pod-identity-agent';
/** Cluster-level checks that stop the entry diff altogether. */
function authModeFinding(desired, live) {
    if (desired.accessEntries.length === 0 || live.authenticationMode !== 'CONFIG_MAP')
        return undefined;
    return (0,finding/* finding */.gk)('AUTH_MODE_CONFIG_MAP', `cluster ${live.name} authenticates through the aws-auth ConfigMap only (CONFIG_MAP), so it has no access entries`, {
        fix: `switch it to API_AND_CONFIG_MAP: eks-identity migrate-aws-auth --cluster ${live.name} (converts aws-auth too), or aws eks update-cluster-config --name ${live.name} --access-config authenticationMode=API_AND_CONFIG_MAP`,
        source: desired.source,
    });
}
/** Checks of the declared objects against IAM and the cluster: roles, trust policies, partitions, the agent. */
function checkDeclared(desired, live) {
    const findings = [];
    const partitionOf = (arn) => (0,model_partition/* parseArn */.Lw)(arn)?.partition;
    const checkPartition = (arn, what, key, source) => {
        const partition = partitionOf(arn);
        if (partition && partition !== live.partition) {
            findings.push((0,finding/* finding */.gk)('PARTITION_MISMATCH', `${what} ${arn} is in partition ${partition}, but cluster ${live.name} (${live.region}) is in ${live.partition}`, {
                key, fix: 'write the ARN as arn:${partition}:… so it follows the cluster', source,
            }));
        }
    };
    for (const a of desired.associations) {
        const key = associationId(a.namespace, a.serviceAccount);
        checkPartition(a.roleArn, 'role', key, a.source);
        if (a.targetRoleArn)
            checkPartition(a.targetRoleArn, 'target role', key, a.source);
        // A role of a `role:` block is planned as an iamRole change (roles.ts), its trust built to fit.
        const role = a.managedRole ? undefined : live.roles[a.roleArn];
        if (role === null) {
            findings.push((0,finding/* finding */.gk)('ROLE_NOT_FOUND', `IAM role ${a.roleArn} does not exist`, { key, fix: 'create the role (with a trust policy for pods.eks.amazonaws.com), or fix roleName/roleArn', source: a.source }));
        }
        else if (role) {
            const problem = (0,trust/* podIdentityTrustProblem */.Zr)(role.trustPolicy, {
                accountId: live.accountId,
                clusterArn: `arn:${live.partition}:eks:${live.region}:${live.accountId}:cluster/${live.name}`,
                clusterName: live.name,
                namespace: a.namespace,
                serviceAccount: a.serviceAccount,
                sessionTags: !a.disableSessionTags,
            });
            if (problem) {
                findings.push((0,finding/* finding */.gk)('TRUST_POLICY_MISSING_POD_IDENTITY', `role ${role.roleName} cannot be used by this association: ${problem}`, {
                    key,
                    fix: problem.startsWith('no statement')
                        ? 'add a trust statement: {"Effect":"Allow","Principal":{"Service":"pods.eks.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]} (eks-identity migrate-irsa does this for IRSA roles)'
                        : "widen the trust policy's condition (or the Deny) to admit this cluster, namespace and service account, or use a role meant for them",
                    source: a.source,
                }));
            }
            const foreign = (0,trust/* foreignPartitionNames */.VG)(role.trustPolicy, live.partition);
            if (foreign.length > 0) {
                findings.push((0,finding/* finding */.gk)('TRUST_POLICY_PARTITION_MISMATCH', `the trust policy of role ${role.roleName} names ${foreign.join(', ')}, which belong to another partition than ${live.partition}`, {
                    key, fix: live.partition === 'aws-cn' ? 'use the China names (e.g. ec2.amazonaws.com.cn, arn:aws-cn:…)' : 'use this partition\'s ARNs and service principal names', source: a.source,
                }));
            }
        }
    }
    for (const e of desired.accessEntries) {
        const key = entryId(e.principalArn);
        checkPartition(e.principalArn, 'principal', key, e.source);
        for (const p of e.accessPolicies)
            checkPartition(p.policyArn, 'access policy', key, p.source ?? e.source);
    }
    if (desired.associations.length > 0 && !live.autoMode && !live.addons.some((a) => a.name === checks_AGENT_ADDON)) {
        findings.push((0,finding/* finding */.gk)('POD_IDENTITY_AGENT_MISSING', `cluster ${live.name} has no eks-pod-identity-agent add-on: pods will not receive credentials from their associations`, {
            fix: `aws eks create-addon --cluster-name ${live.name} --addon-name eks-pod-identity-agent (ignore this if the agent is installed another way)`,
            source: desired.source,
        }));
    }
    return findings;
}
/** Checks of the plan as a whole: quotas, the delete budget, lockout. */
function checkChanges(live, changes, options) {
    const findings = [];
    const count = (kind, actions) => changes.filter((c) => c.kind === kind && actions.includes(c.action)).length;
    // An add-on's associations count towards the cluster's quota as any other.
    const associations = live.associationSummaries.length + count('podIdentityAssociation', ['create']) + count('addonAssociation', ['create']) - count('podIdentityAssociation', ['delete']) - count('addonAssociation', ['delete']);
    if (associations > codes/* ASSOCIATION_QUOTA */.$e) {
        findings.push((0,finding/* finding */.gk)('QUOTA_ASSOCIATIONS', `cluster ${live.name} would have ${associations} Pod Identity associations; the EKS quota is ${codes/* ASSOCIATION_QUOTA */.$e}`, { fix: 'remove associations, or split workloads across clusters' }));
    }
    const entries = live.accessEntryPrincipals.length + count('accessEntry', ['create']) - count('accessEntry', ['delete']);
    if (entries > codes/* ACCESS_ENTRY_QUOTA */.xR) {
        findings.push((0,finding/* finding */.gk)('QUOTA_ACCESS_ENTRIES', `cluster ${live.name} would have ${entries} access entries; the EKS quota is ${codes/* ACCESS_ENTRY_QUOTA */.xR}`, { fix: 'remove entries (group principals into roles)' }));
    }
    const maxDeletes = options.maxDeletes ?? codes/* DEFAULT_MAX_DELETES */.MD;
    const deletes = count('podIdentityAssociation', ['delete', 'replace']) + count('accessEntry', ['delete', 'replace']);
    if (deletes > maxDeletes) {
        findings.push((0,finding/* finding */.gk)('MAX_DELETES_EXCEEDED', `the plan deletes or replaces ${deletes} objects on cluster ${live.name}; the limit is ${maxDeletes}`, { fix: `review the deletes, then raise the limit with --max-deletes ${deletes} (action input max-deletes)` }));
    }
    if (!options.allowLockout)
        findings.push(...lockoutFindings(live, changes));
    return findings;
}
function lockoutFindings(live, changes) {
    const findings = [];
    const caller = live.caller.principalArn;
    const fix = 'keep your own entry and a cluster admin, or pass --allow-lockout (action input allow-lockout) if this is intended';
    const removesAdmin = (c) => c.kind === 'accessPolicy' &&
        (0,model_ownership/* isClusterAdminPolicy */.wc)(c.before?.policyArn ?? '') &&
        c.before.scope.type === 'cluster' &&
        (c.action === 'delete' || (c.action === 'update' && c.after.scope.type !== 'cluster'));
    for (const c of changes) {
        const principal = c.kind === 'accessEntry' ? c.before?.principalArn : c.kind === 'accessPolicy' ? c.before?.principalArn : undefined;
        if (!principal || !(0,model_ownership/* isSamePrincipal */.xH)(principal, caller))
            continue;
        if ((c.kind === 'accessEntry' && (c.action === 'delete' || c.action === 'replace')) || removesAdmin(c)) {
            findings.push((0,finding/* finding */.gk)('LOCKOUT_CALLER', `this plan ${c.action === 'replace' ? 'replaces' : 'removes'} ${c.kind === 'accessEntry' ? 'the access entry' : 'the cluster admin policy'} of the identity running it (${live.caller.arn}) on cluster ${live.name}`, { key: c.id, fix }));
        }
    }
    // Last admin: only when the plan takes cluster-wide admin away from someone.
    // Deleting or replacing an entry takes its policies along (a replacement keeps only those the plan
    // associates again, counted in `gains`); it matters here only for an entry that was an admin.
    const isAdmin = (e) => e.accessPolicies.some((p) => (0,model_ownership/* isClusterAdminPolicy */.wc)(p.policyArn) && p.scope.type === 'cluster');
    const admins = new Set(live.accessEntries.filter(isAdmin).map((e) => e.principalArn));
    const dropsEntry = (c) => c.kind === 'accessEntry' && (c.action === 'delete' || c.action === 'replace');
    const lost = new Set(changes
        .map((c) => ({ c, principal: c.before?.principalArn ?? '' }))
        .filter(({ c, principal }) => removesAdmin(c) || (dropsEntry(c) && admins.has(principal)))
        .map(({ principal }) => principal));
    if (lost.size > 0) {
        const keeps = [...admins].some((principal) => !lost.has(principal));
        const gains = changes.some((c) => c.kind === 'accessPolicy' && (c.action === 'create' || c.action === 'update') && (0,model_ownership/* isClusterAdminPolicy */.wc)(c.after.policyArn) && c.after.scope.type === 'cluster');
        if (!keeps && !gains) {
            findings.push((0,finding/* finding */.gk)('LOCKOUT_NO_ADMIN', `after this plan no known access entry of cluster ${live.name} keeps cluster-wide AmazonEKSClusterAdminPolicy`, { fix }));
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/plan/principals.ts
/*
 * What EKS refuses about the IAM principals and access policies a cluster's manifest names, known
 * only once the account (STS) and IAM have been read:
 * - a role or user that does not exist: CreateAccessEntry answers "The specified principalArn is
 *   invalid" and CreatePodIdentityAssociation "Role provided in the request does not exist"
 *   (API reference, InvalidParameterException);
 * - an ARN whose path is not the role's (or user's) own: IAM ARNs include the path, so EKS looks up
 *   `role/Name` and finds nothing when the role is `role/aws-reserved/sso.amazonaws.com/…/Name`.
 *   GetRole and GetUser look the name up without the path and return the real ARN;
 * - the per-type rules of CreateAccessEntry (src/model/access-entry-rules.ts), which need the
 *   cluster's account;
 * - an access policy that is not in the partition's ListAccessPolicies answer (AssociateAccessPolicy
 *   answers InvalidParameterException).
 */







/** Not-found and path checks of every declared role and user, the per-type rules, and the access-policy catalog. */
function checkPrincipals(desired, live) {
    const findings = [];
    for (const a of desired.associations) {
        const key = associationId(a.namespace, a.serviceAccount);
        const pathProblem = (arn, field) => {
            const real = live.roles[arn]?.arn;
            if (real && real !== arn)
                findings.push(pathFinding(arn, real, field, key, a.source));
        };
        for (const p of associationRoleProblems(a.roleArn, live.accountId))
            findings.push((0,finding/* finding */.gk)(p.code, p.message, { key, fix: p.fix, source: a.source }));
        if (!a.managedRole)
            pathProblem(a.roleArn, 'roleArn');
        if (!a.targetRoleArn)
            continue;
        if (otherAccount(a.targetRoleArn, live))
            findings.push(notChecked(a.targetRoleArn, 'target role', key, a.source));
        pathProblem(a.targetRoleArn, 'targetRoleArn');
        if (live.roles[a.targetRoleArn] === null) {
            findings.push((0,finding/* finding */.gk)('TARGET_ROLE_NOT_FOUND', `target role ${a.targetRoleArn} does not exist in the cluster's account`, { key, fix: 'create the role (trusting the association role, with sts:ExternalId), or fix targetRoleArn', source: a.source }));
        }
    }
    for (const e of desired.accessEntries) {
        const key = entryId(e.principalArn);
        const kind = (0,model_partition/* parseArn */.Lw)(e.principalArn)?.resource.startsWith('user/') ? 'user' : 'role';
        if (otherAccount(e.principalArn, live))
            findings.push(notChecked(e.principalArn, `IAM ${kind}`, key, e.source));
        const read = kind === 'user' ? live.users?.[e.principalArn] : live.roles[e.principalArn];
        if (read === null) {
            findings.push((0,finding/* finding */.gk)('PRINCIPAL_NOT_FOUND', `IAM ${kind} ${e.principalArn} does not exist; EKS refuses access entries for unknown principals`, { key, fix: `create the ${kind} first, or fix principalArn`, source: e.source }));
        }
        else if (read && read.arn !== e.principalArn) {
            findings.push(pathFinding(e.principalArn, read.arn, 'principalArn', key, e.source));
        }
        const problems = accessEntryProblems({
            type: e.type,
            principalArn: e.principalArn,
            clusterAccountId: live.accountId,
            ...(e.username !== undefined ? { username: e.username } : {}),
            kubernetesGroups: e.kubernetesGroups,
            accessPolicyCount: e.accessPolicies.length,
        });
        for (const p of problems) {
            const message = `${e.principalArn}: ${p.message}`;
            // Every rule EKS enforces is an error; a code the planner has no entry for still blocks apply.
            findings.push(p.code in codes/* FINDINGS */.TG ? (0,finding/* finding */.gk)(p.code, message, { key, fix: p.fix, source: e.source }) : { severity: 'error', code: p.code, key, message, fix: p.fix, ...(e.source ? { source: e.source } : {}) });
        }
        findings.push(...checkPolicies(e, live, key));
    }
    return findings;
}
/** An IAM ARN of another account than the cluster's: its IAM cannot be read with the cluster's credentials. */
function otherAccount(arn, live) {
    return (0,model_partition/* otherAccountOf */.xi)(arn, live.accountId) !== undefined;
}
function notChecked(arn, what, key, source) {
    return (0,finding/* finding */.gk)('PRINCIPAL_NOT_CHECKED', `${what} ${arn} is in another account, whose IAM the cluster's credentials cannot read: whether it exists (and its exact path) was not checked`, {
        key,
        fix: 'make sure the ARN is exact; if EKS refuses it, apply fails that change within the propagation window',
        source,
    });
}
function pathFinding(declared, real, field, key, source) {
    return (0,finding/* finding */.gk)('ARN_PATH_MISMATCH', `\`${field}\` ${declared} is not the ARN IAM has: the principal's ARN is ${real} (the path is part of an IAM ARN, and EKS refuses the ARN without it)`, {
        key,
        fix: `write ${real}${real.includes('/aws-reserved/sso.amazonaws.com/') ? ' (IAM Identity Center roles live under aws-reserved/sso.amazonaws.com/)' : ''}`,
        source,
    });
}
function checkPolicies(e, live, key) {
    if (e.accessPolicies.length === 0)
        return [];
    if (live.accessPolicyCatalogDenied) {
        return [(0,finding/* finding */.gk)('ACCESS_POLICY_CATALOG_UNREADABLE', `could not list the access policies of ${live.partition} (eks:ListAccessPolicies was denied), so the policies of ${e.principalArn} were not checked`, { key, fix: 'grant the plan and apply roles eks:ListAccessPolicies (docs/iam-policies.md)', source: e.source })];
    }
    const catalog = live.accessPolicyCatalog;
    if (!catalog)
        return [];
    const known = new Set(catalog);
    const names = catalog.map(model_partition/* accessPolicyName */._z);
    return e.accessPolicies
        .filter((p) => !known.has(p.policyArn))
        .map((p) => {
        const suggestion = suggestAccessPolicy(p.policyArn, names);
        return (0,finding/* finding */.gk)('ACCESS_POLICY_NOT_FOUND', `access policy ${(0,model_partition/* accessPolicyName */._z)(p.policyArn)} is not one of the ${catalog.length} access policies EKS lists in ${live.partition}${suggestion ? `; did you mean ${suggestion}?` : ''}`, {
            key,
            fix: suggestion ? `write ${suggestion}` : 'use a policy that `aws eks list-access-policies` lists (docs: "Review access policy permissions")',
            source: p.source ?? e.source,
        });
    });
}

;// CONCATENATED MODULE: ./src/plan/addon-associations.ts
/**
 * The plan of declared add-ons' Pod Identity associations: for each add-on, the declared list
 * against the associations it owns (create, update of the role, delete: the declared list is
 * authoritative, as UpdateAddon's list replaces the add-on's), and the findings for what EKS would
 * refuse (src/model/addon.ts, shared with the emulator) or what the user should know.
 */





function addonChangeId(addonName, serviceAccount) {
    return `addon/${addonName}/${serviceAccount}`;
}
/** Changes and findings of every declared add-on of the cluster. */
function diffAddonAssociations(desired, live) {
    const changes = [];
    const findings = [];
    for (const addon of desired.addons ?? []) {
        const detail = live.addonDetails?.[addon.name];
        if (!live.addons.some((a) => a.name === addon.name) || !detail) {
            findings.push((0,finding/* finding */.gk)('ADDON_NOT_INSTALLED', `add-on ${addon.name} is not installed on cluster ${live.name}: its Pod Identity associations can only be set through the add-on`, {
                key: `addon/${addon.name}`,
                fix: notInstalledFix(addon.name, live),
                source: addon.source,
            }));
            continue;
        }
        const problems = addonProblems(addon, detail, live);
        findings.push(...problems, ...irsaFinding(addon, detail, live));
        for (const f of roleFindings(desired, addon, detail, live)) {
            // The agent check belongs to the top-level associations (checks.ts) when there are some; else it is said once here.
            if (f.code === 'POD_IDENTITY_AGENT_MISSING' && (desired.associations.length > 0 || findings.some((x) => x.code === f.code)))
                continue;
            findings.push(f.code === 'POD_IDENTITY_AGENT_MISSING' ? { ...f, key: `addon/${addon.name}` } : f);
        }
        // An add-on whose update EKS would refuse gets no changes: nothing of it can be applied.
        if (problems.length === 0)
            changes.push(...addonChanges(addon, detail));
    }
    findings.push(...declaredTwice(desired, live));
    return { changes, findings };
}
function addonProblems(addon, detail, live) {
    const key = `addon/${addon.name}`;
    const findings = addonAssociationProblems(addon.name, detail.version, detail.podIdentityConfiguration, addon.associations).map((p) => {
        const source = addon.associations.find((a) => a.serviceAccount === p.serviceAccount)?.source ?? addon.source;
        const unknownVersion = p.code === 'ADDON_VERSION_NO_POD_IDENTITY' && detail.configurationUnknown;
        return (0,finding/* finding */.gk)(p.code, unknownVersion ? `DescribeAddonConfiguration does not know ${addon.name} ${detail.version}, so its Pod Identity support cannot be checked; EKS would refuse the associations` : p.message, {
            key: p.serviceAccount ? addonChangeId(addon.name, p.serviceAccount) : key,
            fix: p.suggestion ? `did you mean ${p.suggestion}? ${p.fix}` : p.fix,
            source,
        });
    });
    for (const f of detail.foreign ?? []) {
        const source = addon.associations.find((a) => a.serviceAccount === f.serviceAccount)?.source ?? addon.source;
        findings.push((0,finding/* finding */.gk)('ADDON_ASSOCIATION_CONFLICT', `association ${f.namespace}/${f.serviceAccount} (${f.associationId}) on cluster ${live.name} is not owned by ${addon.name}: EKS keeps one association per service account, so the add-on cannot take it`, {
            key: addonChangeId(addon.name, f.serviceAccount),
            fix: 'delete that association first (remove it from the manifest that declares it, with prune), then re-run',
            source,
        }));
    }
    return findings;
}
function irsaFinding(addon, detail, live) {
    if (!detail.serviceAccountRoleArn || addon.associations.length === 0)
        return [];
    return [(0,finding/* finding */.gk)('ADDON_USES_IRSA', `add-on ${addon.name} on cluster ${live.name} still has an IRSA role (serviceAccountRoleArn ${detail.serviceAccountRoleArn}); its service account keeps the eks.amazonaws.com/role-arn annotation`, {
            key: `addon/${addon.name}`,
            fix: 'switching means: apply the Pod Identity association, then remove the IRSA role from the add-on (the tool that installed it, or the console), and restart the add-on\'s pods; the AWS SDKs look for IRSA\'s web identity token before Pod Identity\'s container credentials, so while both are set the pods keep using IRSA',
            source: addon.source,
        })];
}
/** The declared list against the owned associations: the role is the only field an add-on association has. */
function addonChanges(addon, detail) {
    const namespace = addonNamespace(addon.name, detail);
    const list = { name: addon.name, associations: addon.associations.map((a) => ({ serviceAccount: a.serviceAccount, roleArn: a.roleArn })) };
    const owned = new Map(detail.associations.map((a) => [a.serviceAccount, a]));
    const changes = [];
    const value = (serviceAccount, roleArn, live) => ({
        addonName: addon.name,
        namespace: live?.namespace ?? namespace,
        serviceAccount,
        roleArn,
        ...(live ? { associationId: live.associationId } : {}),
    });
    for (const d of addon.associations) {
        const id = addonChangeId(addon.name, d.serviceAccount);
        const l = owned.get(d.serviceAccount);
        const source = d.source ? { source: d.source } : {};
        if (!l)
            changes.push({ id, kind: 'addonAssociation', action: 'create', after: value(d.serviceAccount, d.roleArn), addon: list, ...source });
        else if (l.roleArn !== d.roleArn) {
            changes.push({ id, kind: 'addonAssociation', action: 'update', before: value(l.serviceAccount, l.roleArn, l), after: value(d.serviceAccount, d.roleArn), fields: [{ field: 'roleArn', before: l.roleArn, after: d.roleArn }], addon: list, ...source });
        }
    }
    const declared = new Set(addon.associations.map((a) => a.serviceAccount));
    for (const l of detail.associations) {
        if (declared.has(l.serviceAccount))
            continue;
        changes.push({ id: addonChangeId(addon.name, l.serviceAccount), kind: 'addonAssociation', action: 'delete', before: value(l.serviceAccount, l.roleArn, l), reason: `not in the declared list of add-on ${addon.name}, which replaces the add-on's associations`, addon: list });
    }
    return changes;
}
/**
 * The role checks of top-level associations (missing role, trust policy, partition, account,
 * path), run on the add-on's associations as the associations EKS will create, keyed to them.
 */
function roleFindings(desired, addon, detail, live) {
    const namespace = addonNamespace(addon.name, detail);
    const associations = addon.associations.map((a) => ({
        namespace,
        serviceAccount: a.serviceAccount,
        roleArn: a.roleArn,
        disableSessionTags: false,
        tags: {},
        ...(a.managedRole ? { managedRole: true } : {}),
        ...(a.source ? { source: a.source } : {}),
    }));
    const asCluster = { ...desired, associations, accessEntries: [], addons: [] };
    const rekey = (f) => {
        const serviceAccount = f.key?.split('/').pop();
        return serviceAccount ? { ...f, key: addonChangeId(addon.name, serviceAccount) } : f;
    };
    return [...checkDeclared(asCluster, live), ...checkPrincipals(asCluster, live)].map(rekey);
}
/** A top-level association for a service account that a declared add-on declares too (in its real namespace). */
function declaredTwice(desired, live) {
    const findings = [];
    for (const addon of desired.addons ?? []) {
        const detail = live.addonDetails?.[addon.name];
        if (!detail)
            continue;
        const namespace = addonNamespace(addon.name, detail);
        for (const a of desired.associations) {
            if (a.namespace !== namespace || !addon.associations.some((d) => d.serviceAccount === a.serviceAccount))
                continue;
            findings.push((0,finding/* finding */.gk)('ASSOCIATION_OWNED_BY_ADDON', `association ${a.namespace}/${a.serviceAccount} is also declared under add-on ${addon.name}, which owns it`, {
                key: `association/${a.namespace}/${a.serviceAccount}`,
                fix: 'remove it from podIdentityAssociations: the entry under addons: declares it',
                source: a.source,
            }));
        }
    }
    return findings;
}
/** A misspelled name (aws-ebs-csi-drivers) reads as "not installed": name the installed add-on it is closest to first. */
function notInstalledFix(name, live) {
    const install = `install it first (aws eks create-addon --cluster-name ${live.name} --addon-name ${name}, or the tool that manages your add-ons), or narrow the entry with clusters:`;
    const close = (0,closest_match/* closestMatch */.h)(name, live.addons.map((a) => a.name));
    return close === undefined ? install : `did you mean ${close}, which is installed? Otherwise ${install}`;
}

// EXTERNAL MODULE: ./src/plan/fingerprint.ts
var fingerprint = __webpack_require__(1731);
;// CONCATENATED MODULE: ./src/plan/pod-credentials.ts

/*
 * EKS User Guide, "Caching considerations" (Pod Identity associations): the Pod Identity Agent
 * caches a pod's credentials for 6 hours when the association has no target role, and for 59
 * minutes when it has one; changing the association's role does not reach running pods until the
 * cache expires or the pods are re-created. EKS also sets a pod up for Pod Identity only when the
 * pod is created, so pods started before a new association get nothing from it.
 */
/**
 * Info findings for associations whose running pods will not see the change until re-created: one
 * for new associations and one for changed roles, each naming the service accounts (a plan of
 * thousands of creates stays readable).
 */
function podCredentialFindings(changes) {
    const created = [];
    const changed = [];
    for (const c of changes) {
        // An add-on's association reaches its pods the same way: the add-on's pods need re-creating too.
        if (c.kind !== 'podIdentityAssociation' && c.kind !== 'addonAssociation')
            continue;
        const after = c.after;
        if (!after)
            continue;
        const serviceAccount = `${after.namespace ?? after.addonName}/${after.serviceAccount}`;
        if (c.action === 'create')
            created.push(serviceAccount);
        if (c.action !== 'update' && c.action !== 'replace')
            continue;
        const before = c.before;
        if ((before?.roleArn ?? '') !== after.roleArn || (before?.targetRoleArn ?? '') !== (after.targetRoleArn ?? '')) {
            changed.push({ serviceAccount, cachedWithTarget: Boolean(before?.targetRoleArn) });
        }
    }
    const fix = 're-create the pods after apply (kubectl rollout restart of their deployments)';
    const findings = [];
    if (created.length > 0) {
        findings.push((0,finding/* finding */.gk)('PODS_KEEP_OLD_CREDENTIALS', `pods already running under ${(0,finding/* listSome */.XT)(created)} get no credentials from the new association${created.length === 1 ? '' : 's'}: EKS sets Pod Identity up only when a pod is created`, { fix }));
    }
    if (changed.length > 0) {
        const longest = changed.some((c) => !c.cachedWithTarget) ? '6 hours' : '59 minutes';
        findings.push((0,finding/* finding */.gk)('PODS_KEEP_OLD_CREDENTIALS', `running pods of ${(0,finding/* listSome */.XT)(changed.map((c) => c.serviceAccount))} keep the old role's credentials for up to ${longest}: the Pod Identity Agent caches them (6 hours, or 59 minutes with a target role)`, { fix }));
    }
    return findings;
}

// EXTERNAL MODULE: ./src/plan/roles.ts + 2 modules
var plan_roles = __webpack_require__(9970);
;// CONCATENATED MODULE: ./src/plan/addon-roles.ts
/**
 * What an add-on association's `role:` block can know only once the add-on has been read:
 * - `recommendedPolicies: true`: the role also gets the managed policies DescribeAddonConfiguration
 *   recommends for that service account of the installed version (EKS User Guide, "Retrieve IAM
 *   information about an Amazon EKS add-on");
 * - the namespace: the manifest assumes the add-on's default one, but an add-on installed with its
 *   own namespace (DescribeAddon `namespaceConfig`) runs its service accounts there, and a trust
 *   limited to the default namespace would refuse its pods. The trust is rebuilt for the real one.
 * Both join the desired role here, before roles are planned.
 */




function withAddonRoleFacts(desired, live) {
    if (!desired.roles?.some((r) => r.declaredBy.some((d) => d.addon !== undefined)))
        return desired;
    const detailOf = (d) => (d.addon === undefined ? undefined : live.clusters.find((c) => c.name === d.cluster && c.region === d.region)?.addonDetails?.[d.addon.name]);
    const roles = desired.roles.map((role) => {
        const recommended = role.declaredBy.flatMap((d) => {
            if (!d.addon?.recommendedPolicies)
                return [];
            return detailOf(d)?.podIdentityConfiguration.find((p) => p.serviceAccount === d.serviceAccount)?.recommendedManagedPolicies ?? [];
        });
        const declaredBy = role.declaredBy.map((d) => {
            const detail = detailOf(d);
            if (d.addon === undefined || detail === undefined)
                return d;
            const namespace = addonNamespace(d.addon.name, detail);
            return namespace === d.namespace ? d : { ...d, namespace };
        });
        const moved = declaredBy.some((d, i) => d !== role.declaredBy[i]);
        if (recommended.length === 0 && !moved)
            return role;
        return {
            ...role,
            managedPolicyArns: [...new Set([...role.managedPolicyArns, ...recommended])].sort(model_order/* compare */.U),
            ...(moved ? { declaredBy, trustPolicy: canonicalJson((0,trust_policy_build/* buildPodIdentityTrust */.mh)(role.partition, declaredBy)) } : {}),
        };
    });
    return { ...desired, roles };
}

// EXTERNAL MODULE: ./src/plan/summary.ts
var summary = __webpack_require__(967);
;// CONCATENATED MODULE: ./src/plan/compute-plan.ts












const KIND_ORDER = { authenticationMode: 0, iamRole: 1, trustPolicy: 2, accessEntry: 3, accessPolicy: 4, podIdentityAssociation: 5, addonAssociation: 6 };
/** A role's delete comes last, as apply runs it: after the associations that used the role are gone. */
const changeRank = (c) => (c.kind === 'iamRole' && c.action === 'delete' ? Object.keys(KIND_ORDER).length : KIND_ORDER[c.kind]);
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
/**
 * The pure diff of desired against live state, with every safety check. Deterministic: the same
 * inputs give the same plan, in the same order, with the same fingerprint.
 */
function computePlan(desired, live, options = {}) {
    const liveByName = new Map(live.clusters.map((c) => [`${c.name}\u0000${c.region}`, c]));
    const wanted = options.clusters && options.clusters.length > 0 ? new Set(options.clusters) : undefined;
    const planned = desired.clusters.filter((d) => !wanted || wanted.has(d.name));
    const plans = planned.map((d) => planCluster(d, liveByName.get(`${d.name}\u0000${d.region}`), options));
    // IAM roles are global to an account: planned across clusters, each under one of them.
    const roles = (0,plan_roles/* planRoles */.b0)(withAddonRoleFacts(desired, live), planned, live, new Map(plans.map((p) => [p.name, p.changes])));
    const clusters = (0,fingerprint/* withClusterFingerprints */._4)(plans.map((p) => withRoles(p, roles.changes.get(p.name), roles.findings.get(p.name))).sort((a, b) => (0,finding/* compare */.UD)(a.name, b.name) || (0,finding/* compare */.UD)(a.region, b.region)));
    return { version: plan/* PLAN_VERSION */.Z, fingerprint: (0,fingerprint/* fingerprintPlan */.Ef)(clusters), summary: (0,summary/* summarize */.eh)(clusters), clusters };
}
/** A cluster's plan with the role changes and findings planned under it, in plan order. */
function withRoles(plan, changes = [], findings = []) {
    if (changes.length === 0 && findings.length === 0)
        return plan;
    return {
        ...plan,
        changes: [...plan.changes, ...changes].sort((a, b) => changeRank(a) - changeRank(b) || (0,finding/* compare */.UD)(a.id, b.id)),
        findings: [...plan.findings, ...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (0,finding/* compare */.UD)(a.code, b.code) || (0,finding/* compare */.UD)(a.key ?? '', b.key ?? '')),
    };
}
function planCluster(desired, live, options) {
    const base = { name: desired.name, region: desired.region, ...(live?.accountId ?? desired.accountId ? { accountId: live?.accountId ?? desired.accountId } : {}) };
    if (!live || !live.exists) {
        return {
            ...base,
            changes: [],
            findings: [(0,finding/* finding */.gk)('CLUSTER_NOT_FOUND', `cluster ${desired.name} was not found in ${desired.region}${live ? ` (account ${live.accountId})` : ''}`, {
                    fix: 'check the name, region and account in `clusters`, and that the credentials can call eks:DescribeCluster',
                    source: desired.source,
                })],
        };
    }
    const findings = [];
    const changes = [];
    const associations = diffAssociations(desired, live);
    changes.push(...associations.changes);
    findings.push(...associations.findings);
    const addons = diffAddonAssociations(desired, live);
    changes.push(...addons.changes);
    findings.push(...addons.findings);
    let undeclaredEntries = [];
    const authMode = authModeFinding(desired, live);
    if (authMode) {
        findings.push(authMode);
    }
    else {
        const entries = diffAccessEntries(desired, live);
        changes.push(...entries.changes);
        findings.push(...entries.findings);
        undeclaredEntries = entries.undeclared;
    }
    findings.push(...checkDeclared(desired, live), ...checkPrincipals(desired, live), ...checkChanges(live, changes, options), ...podCredentialFindings(changes));
    changes.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (0,finding/* compare */.UD)(a.id, b.id));
    findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (0,finding/* compare */.UD)(a.code, b.code) || (0,finding/* compare */.UD)(a.key ?? '', b.key ?? ''));
    const iamCreateDates = createDatesOf(live, changes);
    const undeclared = associations.undeclared.length + undeclaredEntries.length > 0 ? { undeclared: { associations: associations.undeclared, accessEntries: undeclaredEntries } } : {};
    const uncounted = desired.prune ? [] : (live.uncounted ?? []);
    return { ...base, changes, findings, ...undeclared, ...(uncounted.length > 0 ? { uncounted: [...uncounted] } : {}), ...(Object.keys(iamCreateDates).length > 0 ? { iamCreateDates } : {}) };
}
/** CreateDate of the IAM roles and users the writes of a plan name, as read (see ClusterPlan.iamCreateDates). */
function createDatesOf(live, changes) {
    const dates = [];
    for (const arn of new Set(changes.filter((c) => c.action !== 'delete' && c.action !== 'unmanaged').flatMap(plan/* principalsOfChange */.L))) {
        const created = live.roles[arn]?.createDate ?? live.users?.[arn]?.createDate ?? live.managedRoles?.[arn]?.createDate;
        if (created !== undefined)
            dates.push([arn, created]);
    }
    return Object.fromEntries(dates.sort(([a], [b]) => (0,finding/* compare */.UD)(a, b)));
}

;// CONCATENATED MODULE: ./src/plan/index.ts







;// CONCATENATED MODULE: ./src/operations/manifest-selection.ts
/** Loading the manifest an operation works on: valid, and narrowed to the requested clusters. */


/** An invalid manifest: carries every diagnostic so callers can print or annotate them all. */
class ManifestInvalidError extends errors/* EksIdentityError */.C {
    diagnostics;
    constructor(diagnostics) {
        const errors = diagnostics.filter((d) => d.severity === 'error');
        super('MANIFEST_INVALID', `the manifest has ${errors.length} error(s):\n${errors.map(formatDiagnostic).join('\n')}`, {
            fix: 'fix the errors above (eks-identity validate lists them all)',
        });
        this.diagnostics = diagnostics;
    }
}
/** Loads and validates the manifest, keeping only the requested clusters. */
async function loadValidManifest(selection) {
    const loaded = await loadManifest(selection.manifest, selection.cwd === undefined ? {} : { cwd: selection.cwd });
    return selectClusters(loaded, selection.clusters);
}
/** Throws on an invalid manifest; narrows it to `wanted` (every cluster when empty). */
function selectClusters(loaded, wanted = []) {
    if (!loaded.ok)
        throw new ManifestInvalidError(loaded.diagnostics);
    if (wanted.length === 0)
        return loaded;
    const declared = loaded.manifest.clusters.map((c) => c.value.name);
    const unknown = wanted.filter((name) => !declared.includes(name));
    if (unknown.length > 0) {
        throw new errors/* EksIdentityError */.C('UNKNOWN_CLUSTER', `--cluster ${unknown.join(', ')}: not declared in the manifest`, {
            fix: `use one of: ${declared.join(', ')}`,
        });
    }
    const all = loaded.manifest.allClusters ?? loaded.manifest.clusters;
    return { ...loaded, manifest: { ...loaded.manifest, allClusters: all, clusters: loaded.manifest.clusters.filter((c) => wanted.includes(c.value.name)) } };
}

;// CONCATENATED MODULE: ./src/operations/prepared-plan.ts

// Node defines Symbol.asyncDispose as the registered symbol below from 20.4 on; earlier Node 20
// releases and sandboxed contexts (vm, test runners) lack it, and `await using` looks it up.
Symbol.asyncDispose ??= Symbol.for('nodejs.asyncDispose');
/**
 * A computed plan with the AWS sessions it was read through, ready for `apply`. It owns the
 * sessions: `await using prepared = await plan(…)` (or `withPlan`, or `close()`) releases them.
 */
class PreparedPlan {
    plan;
    sessions;
    guards;
    loaded;
    desired;
    live;
    closed = false;
    constructor(plan, 
    /** The sessions apply writes through; released by close(). */
    sessions, 
    /** The guards the plan was computed with; apply enforces the same unless told otherwise. */
    guards, loaded, desired, live) {
        this.plan = plan;
        this.sessions = sessions;
        this.guards = guards;
        this.loaded = loaded;
        this.desired = desired;
        this.live = live;
    }
    /** Releases the sessions' sockets; safe to call more than once. */
    close() {
        if (this.closed)
            return;
        this.closed = true;
        closeClusterSessions(this.sessions);
    }
    get isClosed() {
        return this.closed;
    }
    async [Symbol.asyncDispose]() {
        this.close();
    }
}

;// CONCATENATED MODULE: ./src/operations/plan.ts
/** plan: manifest → sessions → desired state → live state → plan, as one prepared plan. */







/** Plans a manifest against AWS (or whatever the SDK endpoints point at). Close the result when done. */
async function plan_plan(request) {
    const loaded = await loadValidManifest(request);
    // Regions, roles to assume and declared accounts are known before any AWS call.
    const sessions = await openSessions(expandManifest(loaded).clusters, request.aws);
    try {
        const accountIds = { ...accountsOfUnopened(loaded, sessions), ...Object.fromEntries(sessions.map((s) => [s.target.name, s.accountId])) };
        const desired = withPrune(expandManifest(loaded, { accountIds }), request.prune);
        const { live, plan: computed } = await planAgainstLive(sessions, desired, request);
        return new PreparedPlan(computed, sessions, guardsOf(request), loaded, desired, live);
    }
    catch (err) {
        closeClusterSessions(sessions);
        throw err;
    }
}
/** Plans, runs `fn` with the prepared plan, and releases its sessions whatever happens. */
async function withPlan(request, fn) {
    const prepared = await plan_plan(request);
    try {
        return await fn(prepared);
    }
    finally {
        prepared.close();
    }
}
function openSessions(targets, aws) {
    const options = {
        ...(aws?.credentials ? { credentials: aws.credentials } : {}),
        ...(aws?.endpoints ? { endpoints: aws.endpoints } : {}),
        ...(aws?.maxAttempts ? { maxAttempts: aws.maxAttempts } : {}),
        ...(aws?.timeouts ? { timeouts: aws.timeouts } : {}),
        ...(aws?.deadline ? { deadline: aws.deadline } : {}),
        ...(aws?.watch ? { watch: aws.watch } : {}),
    };
    return openClusterSessions(targets, options);
}
function guardsOf(request) {
    return {
        ...(request.maxDeletes !== undefined ? { maxDeletes: request.maxDeletes } : {}),
        ...(request.allowLockout !== undefined ? { allowLockout: request.allowLockout } : {}),
    };
}
/**
 * Accounts of the clusters a `--cluster` filter left out, as far as the run can tell without
 * opening them: a cluster that assumes a role is in that role's account; one that uses the default
 * credentials, like an opened cluster that does too, is in that cluster's account. IAM roles are
 * global to an account, and a shared role's trust is built from every cluster that declares it.
 * A cluster whose account stays unknown makes its roles an error finding (ROLE_ACCOUNT_UNKNOWN).
 */
function accountsOfUnopened(loaded, sessions) {
    const opened = new Set(sessions.map((s) => s.target.name));
    const defaultAccount = sessions.find((s) => s.target.assumeRoleArn === undefined)?.accountId;
    const out = {};
    for (const c of loaded.manifest.allClusters ?? []) {
        if (opened.has(c.value.name) || c.value.accountId !== undefined)
            continue;
        const assumed = c.value.assumeRoleArn === undefined ? undefined : (0,model_partition/* parseArn */.Lw)(c.value.assumeRoleArn)?.accountId;
        const account = c.value.assumeRoleArn === undefined ? defaultAccount : assumed && /^\d{12}$/.test(assumed) ? assumed : undefined;
        if (account !== undefined)
            out[c.value.name] = account;
    }
    return out;
}
function withPrune(desired, prune) {
    return prune === undefined ? desired : { ...desired, clusters: desired.clusters.map((c) => ({ ...c, prune })) };
}
/** Reads what the desired state needs and plans it; the one place live state meets a plan. */
async function planAgainstLive(sessions, desired, options) {
    const readOptions = {
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        ...(options.progress ? { progress: options.progress } : {}),
    };
    const planOptions = guardsOf(options);
    const adjust = (state) => (options.adjust ? { clusters: state.clusters.map(options.adjust) } : state);
    let live = await readLiveState(sessions, desired, readOptions);
    let computed = computePlan(desired, adjust(live), planOptions);
    // A second look where the first read was not enough. With prune off (or owned) only declared
    // (or owned) entries were described, so "no admin left" may be a guess: describe the others.
    // A targeted read did not count undeclared objects, so a plan that creates some cannot check
    // the quota: list that kind in full. Then plan again (nothing else changes).
    const unsure = new Set(computed.clusters.filter((c) => c.findings.some((f) => f.code === 'LOCKOUT_NO_ADMIN')).map((c) => c.name));
    const creates = (name, kind) => computed.clusters.some((c) => c.name === name && c.changes.some((ch) => ch.kind === kind && (ch.action === 'create' || ch.action === 'replace')));
    const reread = await Promise.all(live.clusters.map(async (cluster) => {
        const session = sessions.find((s) => s.target.name === cluster.name && s.target.region === cluster.region);
        const wanted = desired.clusters.find((d) => d.name === cluster.name && d.region === cluster.region);
        if (!session || !wanted)
            return cluster;
        const addsAssociations = creates(cluster.name, 'podIdentityAssociation') || creates(cluster.name, 'addonAssociation');
        const kinds = [...(addsAssociations ? ['associations'] : []), ...(creates(cluster.name, 'accessEntry') ? ['accessEntries'] : [])];
        const listed = await completeListings(session, cluster, kinds, readOptions);
        return wanted.prune !== true && unsure.has(cluster.name) ? describeSkippedAccessEntries(session, listed, readOptions) : listed;
    }));
    if (reread.some((cluster, i) => cluster !== live.clusters[i])) {
        live = { clusters: reread };
        computed = computePlan(desired, adjust(live), planOptions);
    }
    return { live: adjust(live), plan: computed };
}

;// CONCATENATED MODULE: ./src/operations/apply.ts
/** apply: the one path from a plan to AWS, behind the one refusal policy. */





/**
 * Applies a prepared plan, a migration's proposal, or a manifest (planned first). Refuses, before
 * any write, a plan with error findings and a plan that is not the reviewed one
 * (`expectFingerprint`); a refusal is an ApplyRefusedError that carries the plan.
 */
async function apply(target, options = {}) {
    if (target instanceof PreparedPlan)
        return applyPrepared(target, options);
    if (isProposal(target)) {
        if (!target.prepared) {
            throw new errors/* EksIdentityError */.C('PROPOSAL_NOT_PLANNED', 'this proposal has no plan (it was made offline), so there is nothing to apply', {
                fix: 'run the migration with AWS access (without --offline)',
            });
        }
        return applyPrepared(target.prepared, options);
    }
    const prepared = await plan_plan({
        ...target,
        ...(options.prune !== undefined ? { prune: options.prune } : {}),
        ...(options.maxDeletes !== undefined ? { maxDeletes: options.maxDeletes } : {}),
        ...(options.allowLockout !== undefined ? { allowLockout: options.allowLockout } : {}),
    });
    try {
        const deadline = options.deadline ?? target.aws?.deadline;
        return await applyPrepared(prepared, deadline ? { ...options, deadline } : options);
    }
    finally {
        prepared.close();
    }
}
async function applyPrepared(prepared, options) {
    if (prepared.isClosed)
        throw new errors/* EksIdentityError */.C('PLAN_CLOSED', 'the prepared plan was closed before apply', { source: 'internal' });
    const { plan } = prepared;
    const { warning } = (0,refusal/* refuseUnreviewedPlan */.q_)(plan, options);
    if (warning)
        options.onWarning?.(`${warning}; applying anyway`);
    const gateways = Object.fromEntries(prepared.sessions.map((s) => [s.target.name, new SdkEksWriteGateway(s.clients, { callerPrincipalArn: s.caller.principalArn })]));
    const maxDeletes = options.maxDeletes ?? prepared.guards.maxDeletes;
    const allowLockout = options.allowLockout ?? prepared.guards.allowLockout;
    const report = await (0,apply_plan/* applyPlan */.gj)(plan, {
        gateways,
        sleep: options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms))),
        now: options.now ?? Date.now,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    }, {
        ...(maxDeletes !== undefined ? { maxDeletes } : {}),
        ...(allowLockout !== undefined ? { allowLockout } : {}),
        ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
        ...(options.deadline ? { deadline: options.deadline } : {}),
    });
    return { plan, report };
}
function isProposal(value) {
    return 'files' in value && 'clusters' in value && Array.isArray(value.files);
}


// EXTERNAL MODULE: ./node_modules/@aws-sdk/credential-provider-node/dist-cjs/index.js
var credential_provider_node_dist_cjs = __webpack_require__(5861);
;// CONCATENATED MODULE: ./src/operations/credentials.ts

/**
 * Whether the AWS SDK's default chain yields credentials (instance or container role, shared
 * config files…), asked once as the clients will. The instance metadata service gets one second
 * and no retries: on a runner without it (GitHub-hosted runners) the answer is quick. Never throws.
 */
async function findCredentials() {
    try {
        const credentials = await (0,credential_provider_node_dist_cjs.defaultProvider)({ timeout: 1000, maxRetries: 0 })();
        return credentials.accessKeyId !== '';
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/migrate/aws-reader.ts
/**
 * The AWS reads migrations need beyond the plan's reader: every IAM role with its trust policy,
 * a role's real ARN by name, and the add-ons' IRSA roles. Behind an interface so the pure parts
 * never see the SDK.
 */





const ROLE_PAGE_SIZE = 1000;
const DESCRIBE_CONCURRENCY = 8;
function createSdkMigrationReader(session) {
    const { iam, eks } = session.clients;
    return {
        async listRoles() {
            try {
                const roles = [];
                for await (const page of (0,client_iam_dist_cjs/* paginateListRoles */.lwj)({ client: iam, pageSize: ROLE_PAGE_SIZE }, {})) {
                    for (const r of page.Roles ?? [])
                        if (r.Arn)
                            roles.push({ arn: r.Arn, trustPolicy: decodeTrustPolicy(r.AssumeRolePolicyDocument) });
                }
                return roles;
            }
            catch (err) {
                throw (0,aws_errors/* describeAwsError */.Pp)('ListRoles', 'IAM roles of the account', err);
            }
        },
        async roleArnByName(roleName) {
            try {
                const answer = await iam.send(new client_iam_dist_cjs/* GetRoleCommand */.kbp({ RoleName: roleName }));
                return answer.Role?.Arn ?? null;
            }
            catch (err) {
                if ((0,aws_errors/* isNotFound */.c4)(err))
                    return null;
                throw (0,aws_errors/* describeAwsError */.Pp)('GetRole', `role ${roleName}`, err);
            }
        },
        async describeAddons(clusterName, names) {
            return mapWithConcurrency([...names], DESCRIBE_CONCURRENCY, async (name) => {
                try {
                    const answer = await eks.send(new dist_cjs/* DescribeAddonCommand */.BFv({ clusterName, addonName: name }));
                    const addon = answer.addon;
                    return {
                        name,
                        ...(addon?.addonVersion ? { version: addon.addonVersion } : {}),
                        ...(addon?.status ? { status: addon.status } : {}),
                        ...(addon?.serviceAccountRoleArn ? { serviceAccountRoleArn: addon.serviceAccountRoleArn } : {}),
                    };
                }
                catch (err) {
                    if ((0,aws_errors/* isNotFound */.c4)(err))
                        return { name };
                    throw (0,aws_errors/* describeAwsError */.Pp)('DescribeAddon', `add-on ${name} of cluster ${clusterName}`, err);
                }
            });
        },
        async addonConfiguration(addonName, version) {
            try {
                const answer = await eks.send(new dist_cjs/* DescribeAddonConfigurationCommand */.B22({ addonName, addonVersion: version }));
                return (answer.podIdentityConfiguration ?? []).flatMap((c) => (c.serviceAccount ? [{ serviceAccount: c.serviceAccount, recommendedManagedPolicies: [...(c.recommendedManagedPolicies ?? [])] }] : []));
            }
            catch (err) {
                if ((0,aws_errors/* isNotFound */.c4)(err))
                    return undefined;
                throw (0,aws_errors/* describeAwsError */.Pp)('DescribeAddonConfiguration', `add-on ${addonName} ${version}`, err);
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/migrate/cluster-migration.ts


/** The session's cluster as the reader's scope: nothing declared; with prune on, everything is described. */
function emptyDesiredCluster(session, prune) {
    const { target } = session;
    return {
        name: target.name,
        region: session.region,
        partition: (0,model_partition/* partitionOfRegion */.cn)(session.region),
        ...(target.accountId ? { accountId: target.accountId } : {}),
        ...(target.assumeRoleArn ? { assumeRoleArn: target.assumeRoleArn } : {}),
        prune,
        associations: [],
        accessEntries: [],
    };
}
function requireExistingCluster(live) {
    if (!live.exists) {
        throw new errors/* EksIdentityError */.C('CLUSTER_NOT_FOUND', `EKS cluster ${live.name} was not found in ${live.region} (account ${live.accountId})`, {
            fix: "check the cluster's name and region, and that the credentials belong to the cluster's account",
        });
    }
}

;// CONCATENATED MODULE: ./src/migrate/trust-policy.ts
/**
 * Trust policy documents as plain JSON: reading their loose shapes (a statement or a list, a
 * string or a list of strings), adding the Pod Identity statement once, removing OIDC federation.
 * Pure; documents are never mutated in place.
 */


/** IAM's default limit on a role trust policy (raisable to 4,096 through Service Quotas). */
const TRUST_POLICY_MAX_LENGTH = 2048;
/** Sid of the statement this tool adds (IAM Sids are alphanumeric). */
const POD_IDENTITY_SID = 'AllowEksPodIdentity';
/** Statements as a list, whatever form the document uses. */
function statementsOf(document) {
    if (typeof document !== 'object' || document === null)
        return [];
    const raw = document.Statement;
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    return list.filter((s) => typeof s === 'object' && s !== null && !Array.isArray(s));
}
function asList(value) {
    if (typeof value === 'string')
        return [value];
    if (Array.isArray(value))
        return value.filter((v) => typeof v === 'string');
    return [];
}
/** True when the statement's Action (a string or a list, wildcards included) covers `action`. */
function allowsAction(statement, action) {
    return asList(statement.Action).some((a) => (0,trust/* matchesIamPattern */.R5)(a, action, true));
}
function principalsOf(statement, kind) {
    const principal = statement.Principal;
    if (typeof principal !== 'object' || principal === null)
        return [];
    return asList(principal[kind]);
}
function isPodIdentityStatement(statement) {
    return statement.Effect === 'Allow' && principalsOf(statement, 'Service').includes(model_partition/* POD_IDENTITY_PRINCIPAL */.AU);
}
/** True when some Allow statement lets pods.eks.amazonaws.com AssumeRole and TagSession. */
function trustsPodIdentity(document) {
    return statementsOf(document).some((s) => isPodIdentityStatement(s) && model_partition/* POD_IDENTITY_ACTIONS */.dj.every((a) => allowsAction(s, a)));
}
/**
 * Adds the Pod Identity trust. Idempotent: when a statement already trusts the principal, the
 * missing actions are added to it; a second copy is never appended.
 */
function addPodIdentityTrust(document) {
    const base = clone(document);
    if (trustsPodIdentity(base))
        return { document: base, changed: false };
    const statements = statementsOf(base);
    const existing = statements.find(isPodIdentityStatement);
    if (existing) {
        const actions = asList(existing.Action);
        for (const action of model_partition/* POD_IDENTITY_ACTIONS */.dj)
            if (!allowsAction(existing, action))
                actions.push(action);
        existing.Action = actions;
    }
    else {
        const sidTaken = statements.some((s) => s.Sid === POD_IDENTITY_SID);
        statements.push({
            ...(sidTaken ? {} : { Sid: POD_IDENTITY_SID }),
            Effect: 'Allow',
            Principal: { Service: model_partition/* POD_IDENTITY_PRINCIPAL */.AU },
            Action: [...model_partition/* POD_IDENTITY_ACTIONS */.dj],
        });
    }
    return { document: { Version: '2012-10-17', ...base, Statement: statements }, changed: true };
}
/** The OIDC provider ARN path for an issuer URL: `oidc.eks.REGION.amazonaws.com/id/ID`. */
function issuerHostPath(issuer) {
    return issuer.replace(/^https:\/\//i, '').replace(/\/+$/, '');
}
/** True when a Federated principal names the OIDC provider of this issuer (any account, this partition). */
function federatesIssuer(federated, issuer, partition) {
    const m = /^arn:([a-z-]+):iam::\d{12}:oidc-provider\/(.+)$/.exec(federated);
    if (!m)
        return false;
    if (partition !== undefined && m[1] !== partition)
        return false;
    return m[2].toLowerCase() === issuerHostPath(issuer).toLowerCase();
}
/**
 * Removes the issuer's OIDC federation: its provider from every Federated list and the condition
 * keys on it; a statement left with no principal goes away. Other issuers and statements stay.
 */
function removeOidcTrust(document, issuer, partition) {
    const base = clone(document);
    const prefix = `${issuerHostPath(issuer).toLowerCase()}:`;
    let removed = 0;
    const kept = [];
    for (const statement of statementsOf(base)) {
        const federated = principalsOf(statement, 'Federated');
        const matching = federated.filter((f) => federatesIssuer(f, issuer, partition));
        if (matching.length === 0) {
            kept.push(statement);
            continue;
        }
        removed++;
        const rest = federated.filter((f) => !matching.includes(f));
        const principal = { ...statement.Principal };
        if (rest.length > 0)
            principal.Federated = rest.length === 1 ? rest[0] : rest;
        else
            delete principal.Federated;
        if (Object.keys(principal).length === 0)
            continue;
        kept.push({ ...statement, Principal: principal, ...withoutIssuerConditions(statement.Condition, prefix) });
    }
    return { document: { ...base, Statement: kept }, removed };
}
function withoutIssuerConditions(condition, prefix) {
    if (typeof condition !== 'object' || condition === null)
        return condition === undefined ? {} : { Condition: condition };
    const out = {};
    for (const [operator, keys] of Object.entries(condition)) {
        if (typeof keys !== 'object' || keys === null)
            continue;
        const rest = Object.entries(keys).filter(([k]) => !k.toLowerCase().startsWith(prefix));
        if (rest.length > 0)
            out[operator] = Object.fromEntries(rest);
    }
    return Object.keys(out).length > 0 ? { Condition: out } : {};
}
/** Length as IAM counts it against the quota: the document without whitespace. */
function trustPolicyLength(document) {
    return JSON.stringify(document).length;
}
function clone(value) {
    return value === undefined ? {} : JSON.parse(JSON.stringify(value));
}

;// CONCATENATED MODULE: ./src/migrate/irsa.ts

const SUBJECT_RE = /^system:serviceaccount:([^:]+):([^:]+)$/;
const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';
const OPERATORS = ['StringEquals', 'StringLike'];
/**
 * Reads the service accounts a trust policy federates from the cluster's issuer. `roleArn` only
 * names the role in findings. Statements on other issuers (other clusters) are ignored.
 */
function analyzeIrsaTrust(document, issuer, options = {}) {
    const key = options.roleArn;
    const findings = [];
    const found = new Map();
    const statements = [];
    const audiences = new Set();
    const subKey = `${issuerHostPath(issuer)}:sub`.toLowerCase();
    const audKey = `${issuerHostPath(issuer)}:aud`.toLowerCase();
    const finding = (severity, code, message, fix) => findings.push({ severity, code, message, fix, ...(key ? { key } : {}) });
    statementsOf(document).forEach((statement, index) => {
        if (!principalsOf(statement, 'Federated').some((f) => federatesIssuer(f, issuer, options.partition)))
            return;
        if (!allowsAction(statement, WEB_IDENTITY))
            return;
        if (statement.Effect !== 'Allow') {
            finding('warning', 'IRSA_DENY_STATEMENT', `statement ${index} denies web identity federation from the cluster; it has no Pod Identity equivalent`, 'express the restriction in the role\'s permissions or remove it');
            return;
        }
        statements.push(index);
        const conditions = readConditions(statement.Condition);
        for (const c of conditions)
            if (c.key === audKey)
                c.values.forEach((v) => audiences.add(v));
        const subjects = conditions.filter((c) => c.key === subKey);
        if (subjects.length === 0) {
            finding('warning', 'IRSA_NO_SUBJECT', `statement ${index} lets every service account of the cluster assume the role (no ":sub" condition); it cannot be mapped to associations one to one`, 'find the service accounts that use the role (annotation eks.amazonaws.com/role-arn) and declare one association each');
            return;
        }
        for (const condition of subjects) {
            if (!OPERATORS.includes(condition.operator)) {
                finding('warning', 'IRSA_UNSUPPORTED_CONDITION', `statement ${index} tests ":sub" with ${condition.operator}; only StringEquals and StringLike are mapped`, 'declare the service accounts it is meant to allow as associations by hand');
                continue;
            }
            for (const subject of condition.values) {
                const wildcard = condition.operator === 'StringLike' && /[*?]/.test(subject);
                if (wildcard) {
                    finding('warning', 'IRSA_WILDCARD_SUBJECT', `statement ${index} allows "${subject}": a wildcard cannot be mapped to associations, which name one namespace and service account each`, 'list the service accounts that match it (kubectl get serviceaccounts -A) and declare one association per account in the manifest');
                    continue;
                }
                const m = SUBJECT_RE.exec(subject);
                if (!m) {
                    finding('warning', 'IRSA_INVALID_SUBJECT', `statement ${index} allows "${subject}", which is not system:serviceaccount:NAMESPACE:NAME`, 'correct or remove the subject');
                    continue;
                }
                const sa = { namespace: m[1], serviceAccount: m[2], statement: index, operator: condition.operator };
                const id = `${sa.namespace}/${sa.serviceAccount}`;
                if (!found.has(id))
                    found.set(id, sa);
            }
        }
    });
    const serviceAccounts = [...found.values()].sort((a, b) => cmp(a.namespace, b.namespace) || cmp(a.serviceAccount, b.serviceAccount));
    return { serviceAccounts, statements, audiences: [...audiences].sort(), findings };
}
function readConditions(condition) {
    if (typeof condition !== 'object' || condition === null)
        return [];
    const out = [];
    for (const [operator, keys] of Object.entries(condition)) {
        if (typeof keys !== 'object' || keys === null)
            continue;
        for (const [k, v] of Object.entries(keys))
            out.push({ operator, key: k.toLowerCase(), values: asList(v) });
    }
    return out;
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/migrate/manifest-yaml.ts
/** Writes a manifest fragment as YAML text that reads like a hand-written manifest. */


/**
 * Editors that run yaml-language-server validate the file against the published schema. The
 * proposed files land in any directory (migration-path, --out), so the schema is named by URL.
 */
const SCHEMA_HEADER = `yaml-language-server: $schema=${MANIFEST_SCHEMA_URL}`;
/** Fixed key order, so output is stable and diffs stay small. */
const KEY_ORDER = [
    'version', 'owner', 'clusters', 'name', 'region', 'accountId', 'assumeRoleArn', 'defaults',
    'podIdentityAssociations', 'namespace', 'serviceAccount', 'roleArn', 'roleName', 'role', 'path', 'managedPolicies', 'inlinePolicies',
    'permissionsBoundary', 'maxSessionDuration', 'description', 'targetRoleArn', 'disableSessionTags',
    'accessEntries', 'principalArn', 'type', 'kubernetesGroups', 'username', 'accessPolicies', 'policy', 'scope', 'namespaces',
    'addons', 'tags', 'prune',
];
function renderManifestFragment(fragment, options = {}) {
    // The YAML 1.1 schema quotes strings that other YAML readers would take for dates or booleans ("2012-10-17", "yes").
    const doc = new yaml_dist/* Document */.yo(orderKeys(fragment), { schema: 'yaml-1.1' });
    doc.commentBefore = [SCHEMA_HEADER, ...(options.header ?? [])].map(commentLine).join('\n');
    const root = doc.contents;
    attachComments(root, 'accessEntries', (item) => options.entryComments?.[String(item.get('principalArn'))]);
    attachComments(root, 'podIdentityAssociations', (item) => options.associationComments?.[`${String(item.get('namespace'))}/${String(item.get('serviceAccount'))}`]);
    if (options.trailer && options.trailer.length > 0)
        doc.comment = options.trailer.map(commentLine).join('\n');
    return doc.toString({ lineWidth: 0, indentSeq: true });
}
function commentLine(text) {
    return text === '' ? '' : ` ${text}`;
}
function attachComments(root, key, commentsFor) {
    const list = root.get(key, true);
    if (!(0,yaml_dist/* isSeq */.oP)(list))
        return;
    for (const item of list.items) {
        if (!(0,yaml_dist/* isMap */.jh)(item))
            continue;
        const lines = commentsFor(item);
        if (lines && lines.length > 0)
            item.commentBefore = lines.map(commentLine).join('\n');
    }
}
/** Deep copy with known keys first in KEY_ORDER, other keys (tags, policy documents) as they are. */
function orderKeys(value, inUserData = false) {
    if (Array.isArray(value))
        return value.map((v) => orderKeys(v, inUserData));
    if (typeof value !== 'object' || value === null)
        return value;
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (!inUserData) {
        entries.sort(([a, va], [b, vb]) => rank(a, va) - rank(b, vb));
    }
    const out = {};
    for (const [k, v] of entries)
        out[k] = orderKeys(v, inUserData || k === 'tags' || k === 'policy' || k === 'inlinePolicies');
    return out;
}
function rank(key, value) {
    // An item's cluster selector (a list of names) reads best last; the top-level list stays second.
    if (key === 'clusters' && Array.isArray(value) && value.every((v) => typeof v === 'string'))
        return KEY_ORDER.length + 1;
    const i = KEY_ORDER.indexOf(key);
    return i < 0 ? KEY_ORDER.length : i;
}

;// CONCATENATED MODULE: ./src/migrate/irsa-addons.ts
/**
 * `trusted`: the service accounts (`namespace/name`) the role's IRSA statements federate;
 * `configuration`: undefined when the version's configuration could not be read.
 */
function proposeAddonEntry(clusterName, addon, roleArn, trusted, configuration) {
    const key = `addon/${addon.name}`;
    const version = addon.version ?? 'its installed version';
    if (configuration !== undefined && configuration.length === 0) {
        const fix = `update ${addon.name} to a version with Pod Identity support (aws eks describe-addon-versions --addon-name ${addon.name}), then run migrate-irsa again`;
        return {
            findings: [{ severity: 'warning', code: 'IRSA_ADDON', key, message: `add-on ${addon.name} uses IRSA with ${roleArn}, and ${version} does not support Pod Identity`, fix }],
            notConvertible: [{ origin: 'addon', subject: addon.name, reason: `uses IRSA (serviceAccountRoleArn ${roleArn}) and ${version} has no Pod Identity configuration`, fix }],
        };
    }
    const names = trusted.map((id) => id.split('/').pop());
    const known = configuration?.map((c) => c.serviceAccount);
    // The role's trust says which of the add-on's service accounts it serves; a wildcard trust names none exactly.
    const matching = known ? known.filter((sa) => names.includes(sa)) : names;
    const serviceAccounts = matching.length > 0 ? matching : (known ?? []);
    if (serviceAccounts.length === 0) {
        const fix = `list its service accounts (aws eks describe-addon-configuration --addon-name ${addon.name} --addon-version VERSION) and declare them under addons:`;
        return {
            findings: [{ severity: 'warning', code: 'IRSA_ADDON', key, message: `add-on ${addon.name} uses IRSA with ${roleArn}, but its service accounts could not be found`, fix }],
            notConvertible: [{ origin: 'addon', subject: addon.name, reason: `uses IRSA (serviceAccountRoleArn ${roleArn}); no service account known`, fix }],
        };
    }
    return {
        addon: { name: addon.name, podIdentityAssociations: [...new Set(serviceAccounts)].sort().map((serviceAccount) => ({ serviceAccount, roleArn })) },
        findings: [{
                severity: 'info',
                code: 'IRSA_ADDON',
                key,
                message: `add-on ${addon.name} uses IRSA with ${roleArn}: proposed under addons: with the same role for ${serviceAccounts.join(', ')}${known ? '' : ' (from the role\'s trust; the add-on\'s configuration could not be read)'}`,
                fix: `once applied (through UpdateAddon), remove the IRSA role from the add-on on cluster ${clusterName} (serviceAccountRoleArn) and restart its pods: the AWS SDKs prefer IRSA's web identity while it is set`,
            }],
        notConvertible: [],
    };
}

;// CONCATENATED MODULE: ./src/migrate/irsa-migration.ts




function planIrsaMigration(input) {
    const { cluster } = input;
    const findings = [];
    const notConvertible = [];
    const associations = new Map();
    const trustUpdates = [];
    const addons = [];
    const addonByRole = new Map(input.addons.filter((a) => a.serviceAccountRoleArn).map((a) => [a.serviceAccountRoleArn, a]));
    const live = new Map(input.associations.map((a) => [`${a.namespace}/${a.serviceAccount}`, a]));
    const pushUpdate = (update) => {
        if (update.length > TRUST_POLICY_MAX_LENGTH) {
            findings.push({
                severity: 'error',
                code: 'TRUST_POLICY_TOO_LONG',
                key: `trustPolicy/${update.roleArn}`,
                message: `the updated trust policy of ${update.roleArn} would be ${update.length} characters; IAM allows ${TRUST_POLICY_MAX_LENGTH} by default`,
                fix: 'remove statements no longer used, or raise the "Role trust policy length" quota (up to 4,096) in Service Quotas',
            });
        }
        trustUpdates.push(update);
    };
    for (const role of [...input.roles].sort((a, b) => irsa_migration_cmp(a.arn, b.arn))) {
        const trust = analyzeIrsaTrust(role.trustPolicy, cluster.oidcIssuer, { roleArn: role.arn, partition: cluster.partition });
        if (trust.statements.length === 0)
            continue;
        findings.push(...trust.findings);
        const addon = addonByRole.get(role.arn);
        if (addon) {
            const trusted = trust.serviceAccounts.map((sa) => `${sa.namespace}/${sa.serviceAccount}`);
            const proposal = proposeAddonEntry(cluster.name, addon, role.arn, trusted, input.addonConfigurations?.[addon.name]);
            if (proposal.addon)
                addons.push(proposal.addon);
            findings.push(...proposal.findings);
            notConvertible.push(...proposal.notConvertible);
            // The add-on's own association needs the same trust, so the role is still prepared for it.
            const update = input.removeOidcTrust ? undefined : additionUpdate(role, trust.serviceAccounts.map((sa) => `${sa.namespace}/${sa.serviceAccount}`));
            if (update)
                pushUpdate(update);
            continue;
        }
        const served = [];
        for (const sa of trust.serviceAccounts) {
            const id = `${sa.namespace}/${sa.serviceAccount}`;
            const existing = live.get(id);
            const taken = associations.get(id);
            if (taken) {
                notConvertible.push({ origin: 'role', subject: role.arn, reason: `${id} is also federated by ${taken.roleArn}; a service account has one Pod Identity association`, fix: `check the eks.amazonaws.com/role-arn annotation of ${id} and keep the role it names` });
                continue;
            }
            if (existing && existing.roleArn !== role.arn) {
                notConvertible.push({ origin: 'role', subject: role.arn, reason: `${id} already has an association with ${existing.roleArn}${existing.ownerArn ? ` (owned by ${existing.ownerArn})` : ''}`, fix: 'decide which role the service account should use; the existing association is left as it is' });
                continue;
            }
            associations.set(id, { namespace: sa.namespace, serviceAccount: sa.serviceAccount, roleArn: role.arn });
            served.push(id);
        }
        if (served.length === 0)
            continue;
        const update = input.removeOidcTrust
            ? removalUpdate(role, cluster, served, live, findings)
            : additionUpdate(role, served);
        if (!update)
            continue;
        pushUpdate(update);
    }
    return {
        associations: [...associations.values()].sort((a, b) => irsa_migration_cmp(a.namespace, b.namespace) || irsa_migration_cmp(a.serviceAccount, b.serviceAccount)),
        trustUpdates,
        addons: addons.sort((a, b) => irsa_migration_cmp(a.name, b.name)),
        findings,
        notConvertible,
    };
}
function additionUpdate(role, served) {
    const { document, changed } = addPodIdentityTrust(role.trustPolicy);
    if (!changed)
        return undefined;
    return { roleArn: role.arn, before: role.trustPolicy, after: document, serviceAccounts: served, length: trustPolicyLength(document) };
}
/** Removal is only safe once Pod Identity is trusted and every service account has its association. */
function removalUpdate(role, cluster, served, live, findings) {
    const missing = served.filter((id) => live.get(id)?.roleArn !== role.arn);
    const key = `trustPolicy/${role.arn}`;
    if (!trustsPodIdentity(role.trustPolicy)) {
        findings.push({ severity: 'error', code: 'IRSA_POD_IDENTITY_NOT_TRUSTED', key, message: `${role.arn} does not trust pods.eks.amazonaws.com yet; removing its OIDC trust would lock its pods out`, fix: `run migrate-irsa --apply for cluster ${cluster.name} first` });
        return undefined;
    }
    if (missing.length > 0) {
        findings.push({ severity: 'error', code: 'IRSA_ASSOCIATION_MISSING', key, message: `${missing.join(', ')} ha${missing.length > 1 ? 've' : 's'} no Pod Identity association with ${role.arn} yet; removing the OIDC trust would lock them out`, fix: `run migrate-irsa --apply for cluster ${cluster.name} first, then restart the pods so they use Pod Identity` });
        return undefined;
    }
    const { document, removed } = removeOidcTrust(role.trustPolicy, cluster.oidcIssuer, cluster.partition);
    if (removed === 0)
        return undefined;
    return { roleArn: role.arn, before: role.trustPolicy, after: document, serviceAccounts: served, length: trustPolicyLength(document) };
}
function irsa_migration_cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** The manifest for the discovered associations, with what stays behind as comments. */
function renderIrsaManifest(migration, cluster) {
    const fragment = {
        version: 1,
        clusters: [{ name: cluster.name, region: cluster.region, ...(cluster.accountId ? { accountId: cluster.accountId } : {}) }],
        ...(migration.associations.length > 0 ? { podIdentityAssociations: migration.associations } : {}),
        ...(migration.addons.length > 0 ? { addons: migration.addons } : {}),
    };
    const header = [`Pod Identity associations for the IRSA roles of cluster ${cluster.name} (${cluster.region}).`];
    const trailer = [];
    const guidance = migration.findings.filter((f) => f.code.startsWith('IRSA_') && f.code !== 'IRSA_ADDON');
    if (migration.notConvertible.length > 0 || guidance.length > 0) {
        trailer.push('Not converted (declare these by hand once decided):');
        for (const n of migration.notConvertible)
            trailer.push(`- ${n.subject}: ${n.reason}`);
        for (const f of guidance)
            trailer.push(`- ${f.key ?? ''}: ${f.message}`);
    }
    const comments = { header, trailer };
    return { fragment, manifestYaml: renderManifestFragment(fragment, comments), comments };
}

;// CONCATENATED MODULE: ./src/migrate/migration-plan.ts
/**
 * Pure helpers that turn a migration into a Plan the apply engine executes: the live state as it
 * will be once the migration's own steps ran, and the migration's extra changes (trust policies,
 * authentication mode) put in front of the plan. The proposed manifest itself is planned through
 * the manifest loader and expander, like any other.
 */


/** The live cluster as it will be after the trust updates and the mode switch: what the rest of the plan is checked against. */
function liveAfterMigrationSteps(live, trustUpdates, mode) {
    const roles = { ...live.roles };
    for (const u of trustUpdates) {
        const role = roles[u.roleArn];
        if (role)
            roles[u.roleArn] = { ...role, trustPolicy: u.after };
    }
    return { ...live, roles, ...(mode ? { authenticationMode: mode } : {}) };
}
function trustPolicyChange(update) {
    const before = canonicalJson(update.before);
    const after = canonicalJson(update.after);
    return {
        id: `trustPolicy/${update.roleArn}`,
        kind: 'trustPolicy',
        action: 'update',
        before: { roleArn: update.roleArn, document: before },
        after: { roleArn: update.roleArn, document: after },
        fields: [{ field: 'document', before: update.before, after: update.after }],
        reason: `serves ${update.serviceAccounts.join(', ')} (${update.length} of 2,048 characters)`,
    };
}
function authenticationModeChange(from, to) {
    return {
        id: 'authenticationMode',
        kind: 'authenticationMode',
        action: 'update',
        before: { authenticationMode: from },
        after: { authenticationMode: to },
        fields: [{ field: 'authenticationMode', before: from, after: to }],
        reason: 'access entries need the API; aws-auth keeps working in API_AND_CONFIG_MAP',
    };
}
/** Puts the migration's changes first in the cluster's plan, adds its findings, and re-derives summary and fingerprint. */
function withMigrationChanges(plan, clusterName, leading, findings) {
    const clusters = (0,fingerprint/* withClusterFingerprints */._4)(plan.clusters.map((c) => (c.name === clusterName ? { ...c, changes: [...leading, ...c.changes], findings: [...findings, ...c.findings] } : c)));
    return { ...plan, clusters, summary: (0,fingerprint/* summarize */.eh)(clusters), fingerprint: (0,fingerprint/* fingerprintPlan */.Ef)(clusters) };
}

;// CONCATENATED MODULE: ./src/migrate/migrate-irsa-cluster.ts
/** migrate-irsa on one cluster: read EKS and IAM, find the IRSA roles, propose associations and trust edits. */





async function migrateIrsaCluster(session, options = {}) {
    const reader = options.reader ?? createSdkMigrationReader(session);
    const name = session.target.name;
    const first = await readLiveCluster(session, emptyDesiredCluster(session, false));
    requireExistingCluster(first);
    const facts = { name, region: session.region, accountId: session.accountId };
    const base = { cluster: name, region: session.region, accountId: session.accountId, origins: {} };
    if (!first.oidcIssuer) {
        const finding = { severity: 'warning', code: 'IRSA_NO_OIDC_ISSUER', message: `cluster ${name} has no OIDC issuer, so no role can use IRSA with it`, fix: 'nothing to migrate' };
        const { fragment, comments } = renderIrsaManifest({ associations: [], trustUpdates: [], addons: [], findings: [finding], notConvertible: [] }, facts);
        return { ...base, fragment, comments, leading: [], findings: [finding], notConvertible: [] };
    }
    const cluster = { name, region: session.region, partition: session.partition, oidcIssuer: first.oidcIssuer };
    const [roles, addons] = await Promise.all([reader.listRoles(), reader.describeAddons(name, first.addons.map((a) => a.name))]);
    // The add-ons on IRSA are proposed under addons:, with the service accounts their version lists.
    const onIrsa = addons.filter((a) => a.serviceAccountRoleArn && a.version);
    const addonConfigurations = Object.fromEntries(await Promise.all(onIrsa.map(async (a) => [a.name, await reader.addonConfiguration(a.name, a.version)])));
    // A first pass names the service accounts involved, so the second read describes exactly their associations.
    const candidates = planIrsaMigration({ cluster, roles, addons, associations: [] });
    const probe = {
        ...emptyDesiredCluster(session, false),
        associations: candidates.associations.map((a) => ({ namespace: a.namespace, serviceAccount: a.serviceAccount, roleArn: a.roleArn, disableSessionTags: false, tags: {} })),
    };
    const live = await readLiveCluster(session, probe);
    const migration = planIrsaMigration({ cluster, roles, addons, addonConfigurations, associations: live.associations, removeOidcTrust: options.removeOidcTrust ?? false });
    const { fragment, comments } = renderIrsaManifest(migration, facts);
    return {
        ...base,
        fragment,
        comments,
        leading: migration.trustUpdates.map(trustPolicyChange),
        findings: migration.findings,
        notConvertible: migration.notConvertible,
        adjust: (after) => liveAfterMigrationSteps({ ...after, addons }, migration.trustUpdates),
    };
}

;// CONCATENATED MODULE: ./src/migrate/embedded-yaml.ts
/**
 * Returns a function from inner offset to outer offset. Exact for literal block scalars (`|`, the
 * way kubectl prints multi-line strings) and single-line quoted scalars; for folded scalars and
 * quoted scalars that span lines it stays within the right scalar and close to the right line.
 */
function mapEmbeddedOffsets(outer, node) {
    const range = node.range ?? [0, 0, 0];
    const start = range[0];
    const end = range[1];
    let map;
    switch (node.type) {
        case 'BLOCK_LITERAL':
        case 'BLOCK_FOLDED':
            map = blockOffsets(outer, start, end);
            break;
        case 'QUOTE_DOUBLE':
            map = doubleQuotedOffsets(outer, start + 1, end - 1);
            break;
        case 'QUOTE_SINGLE':
            map = singleQuotedOffsets(outer, start + 1, end - 1);
            break;
        default:
            map = plainOffsets(start, end);
    }
    return (innerOffset) => {
        if (map.length === 0)
            return start;
        const i = Math.max(0, Math.min(innerOffset, map.length - 1));
        return map[i];
    };
}
/** Content lines follow the header line (`|`, `|-`, `|2`…), each with the block's indentation removed. */
function blockOffsets(outer, start, end) {
    const map = [];
    const headerEnd = outer.indexOf('\n', start);
    if (headerEnd < 0 || headerEnd >= end)
        return [start];
    const lines = [];
    let at = headerEnd + 1;
    while (at < end) {
        const nl = outer.indexOf('\n', at);
        const lineEnd = nl < 0 || nl > end ? end : nl;
        lines.push({ at, text: outer.slice(at, lineEnd) });
        at = lineEnd + 1;
    }
    const first = lines.find((l) => l.text.trim() !== '');
    const indent = first ? first.text.length - first.text.trimStart().length : 0;
    for (const line of lines) {
        const skip = Math.min(indent, line.text.length);
        for (let c = skip; c < line.text.length; c++)
            map.push(line.at + c);
        map.push(line.at + line.text.length); // the newline
    }
    return map;
}
function doubleQuotedOffsets(outer, from, to) {
    const map = [];
    let i = from;
    while (i < to) {
        const ch = outer[i];
        if (ch === '\\') {
            const next = outer[i + 1];
            const width = next === 'x' ? 4 : next === 'u' ? 6 : next === 'U' ? 10 : next === '\n' ? 2 : 2;
            if (next !== '\n')
                map.push(i);
            i += width;
        }
        else if (ch === '\n') {
            // A line break inside a quoted scalar folds into one space (or a newline for an empty line).
            map.push(i);
            i++;
            while (i < to && (outer[i] === ' ' || outer[i] === '\t'))
                i++;
        }
        else {
            map.push(i);
            i++;
        }
    }
    map.push(to);
    return map;
}
function singleQuotedOffsets(outer, from, to) {
    const map = [];
    let i = from;
    while (i < to) {
        map.push(i);
        i += outer[i] === "'" && outer[i + 1] === "'" ? 2 : 1;
    }
    map.push(to);
    return map;
}
function plainOffsets(start, end) {
    const map = [];
    for (let i = start; i <= end; i++)
        map.push(i);
    return map;
}

;// CONCATENATED MODULE: ./src/migrate/aws-auth-parse.ts
/**
 * Reads an aws-auth ConfigMap as `kubectl get configmap aws-auth -n kube-system -o yaml` (or
 * `-o json`) prints it. mapRoles, mapUsers and mapAccounts are YAML documents inside strings; every
 * problem, in the outer file or inside those strings, is reported at its file:line:col.
 */


/** Findings that mean the file is not an aws-auth ConfigMap at all: nothing of it can be proposed. */
const UNUSABLE_INPUT = new Set(['AWS_AUTH_YAML_SYNTAX', 'AWS_AUTH_NOT_CONFIGMAP', 'AWS_AUTH_NO_DATA']);
function isUnusableAwsAuth(findings) {
    return findings.some((f) => f.severity === 'error' && UNUSABLE_INPUT.has(f.code));
}
const ARN_KEYS = { mapRoles: 'rolearn', mapUsers: 'userarn' };
/** Parses the ConfigMap text. Never throws: problems come back as located findings. */
function parseAwsAuthConfigMap(text, file) {
    const result = { file, mappings: [], accounts: [], notConvertible: [], findings: [] };
    const lines = new yaml_dist/* LineCounter */.HN();
    const doc = (0,yaml_dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false });
    const at = (offset) => {
        const pos = lines.linePos(offset);
        return { file, line: pos.line, column: pos.col };
    };
    const nodeAt = (node, fallback = 0) => at(node?.range?.[0] ?? fallback);
    const error = (code, message, source, fix) => result.findings.push({ severity: 'error', code, message, source, ...(fix ? { fix } : {}) });
    if (doc.errors.length > 0) {
        for (const e of doc.errors)
            error('AWS_AUTH_YAML_SYNTAX', aws_auth_parse_firstLine(e.message), at(e.pos[0]), 'fix the YAML syntax (the file must be the output of `kubectl get configmap aws-auth -n kube-system -o yaml`)');
        return result;
    }
    const configMap = findConfigMap(doc.contents);
    if (!configMap) {
        error('AWS_AUTH_NOT_CONFIGMAP', 'the file is not a ConfigMap (expected a mapping with kind: ConfigMap)', nodeAt(doc.contents), 'export it with `kubectl get configmap aws-auth -n kube-system -o yaml > aws-auth.yaml`');
        return result;
    }
    const name = configMap.getIn(['metadata', 'name']);
    if (typeof name === 'string' && name !== 'aws-auth') {
        result.findings.push({ severity: 'warning', code: 'AWS_AUTH_UNEXPECTED_NAME', message: `the ConfigMap is named "${name}", not "aws-auth"`, source: nodeAt(configMap.getIn(['metadata', 'name'], true)) });
    }
    const data = configMap.get('data', true);
    if (data === undefined || ((0,yaml_dist/* isScalar */.jn)(data) && data.value === null)) {
        error('AWS_AUTH_NO_DATA', 'the ConfigMap has no data: nothing to convert', nodeAt(configMap));
        return result;
    }
    if (!(0,yaml_dist/* isMap */.jh)(data)) {
        error('AWS_AUTH_INVALID', '`data` must be a mapping of mapRoles, mapUsers and mapAccounts', nodeAt(data));
        return result;
    }
    for (const pair of data.items) {
        const key = (0,yaml_dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
        const keyAt = nodeAt(pair.key);
        if (key !== 'mapRoles' && key !== 'mapUsers' && key !== 'mapAccounts') {
            result.notConvertible.push({ origin: 'configMap', subject: `data.${key}`, reason: `aws-auth key "${key}" has no access entry equivalent`, source: keyAt });
            continue;
        }
        const value = pair.value;
        if (!(0,yaml_dist/* isScalar */.jn)(value) || (typeof value.value !== 'string' && value.value !== null)) {
            error('AWS_AUTH_INVALID', `data.${key} must be a string holding a YAML list`, nodeAt(value, keyAt ? 0 : 0), 'kubectl prints it as a block string (`|`); keep it that way');
            continue;
        }
        if (value.value === null || value.value === '')
            continue;
        parseSection(text, file, key, value, lines, result);
    }
    return result;
}
/** The ConfigMap itself, or the single ConfigMap item of a `kind: List` (kubectl get without a name). */
function findConfigMap(contents) {
    if (!(0,yaml_dist/* isMap */.jh)(contents))
        return undefined;
    const kind = contents.get('kind');
    if (kind === 'ConfigMap')
        return contents;
    if (kind === 'List') {
        const items = contents.get('items', true);
        if ((0,yaml_dist/* isSeq */.oP)(items)) {
            const maps = items.items.filter((i) => (0,yaml_dist/* isMap */.jh)(i) && i.get('kind') === 'ConfigMap');
            return maps.find((m) => m.getIn(['metadata', 'name']) === 'aws-auth') ?? maps[0];
        }
        return undefined;
    }
    // `kind` missing: accept a bare mapping that has `data`, as users sometimes trim the output.
    return kind === undefined && contents.has('data') ? contents : undefined;
}
function parseSection(outer, file, section, node, outerLines, result) {
    const toOuter = mapEmbeddedOffsets(outer, node);
    const at = (innerOffset) => {
        const pos = outerLines.linePos(toOuter(innerOffset));
        return { file, line: pos.line, column: pos.col };
    };
    const innerAt = (n) => at(n?.range?.[0] ?? 0);
    const error = (code, message, source, fix) => result.findings.push({ severity: 'error', code, message, source, ...(fix ? { fix } : {}) });
    const doc = (0,yaml_dist/* parseDocument */.Tp)(node.value, { prettyErrors: false });
    if (doc.errors.length > 0) {
        for (const e of doc.errors)
            error('AWS_AUTH_YAML_SYNTAX', `in data.${section}: ${aws_auth_parse_firstLine(e.message)}`, at(e.pos[0]), `fix the YAML inside data.${section}`);
        return;
    }
    const list = doc.contents;
    if (list === null || ((0,yaml_dist/* isScalar */.jn)(list) && list.value === null))
        return;
    if (!(0,yaml_dist/* isSeq */.oP)(list)) {
        error('AWS_AUTH_INVALID', `data.${section} must hold a YAML list`, innerAt(list));
        return;
    }
    list.items.forEach((item, index) => {
        if (section === 'mapAccounts') {
            if ((0,yaml_dist/* isScalar */.jn)(item) && (typeof item.value === 'string' || typeof item.value === 'number')) {
                result.accounts.push({ value: String(item.value), source: innerAt(item) });
            }
            else {
                error('AWS_AUTH_INVALID', `data.mapAccounts[${index}] must be an account id`, innerAt(item));
            }
            return;
        }
        if (!(0,yaml_dist/* isMap */.jh)(item)) {
            error('AWS_AUTH_INVALID', `data.${section}[${index}] must be a mapping with ${ARN_KEYS[section]}, username and groups`, innerAt(item));
            return;
        }
        const mapping = { section, index, groups: [], source: innerAt(item) };
        for (const pair of item.items) {
            // The authenticator decodes these through JSON struct tags, which match keys case-insensitively.
            const key = (0,yaml_dist/* isScalar */.jn)(pair.key) ? String(pair.key.value).toLowerCase() : '';
            const value = pair.value;
            const where = `data.${section}[${index}].${key}`;
            if (key === ARN_KEYS[section] || (key === 'rolearn' || key === 'userarn')) {
                if ((0,yaml_dist/* isScalar */.jn)(value) && typeof value.value === 'string')
                    mapping.arn = { value: value.value.trim(), source: innerAt(value) };
                else
                    error('AWS_AUTH_INVALID', `${where} must be a string ARN`, innerAt(value ?? pair.key));
            }
            else if (key === 'username') {
                if ((0,yaml_dist/* isScalar */.jn)(value) && typeof value.value === 'string')
                    mapping.username = { value: value.value, source: innerAt(value) };
                else if (!((0,yaml_dist/* isScalar */.jn)(value) && value.value === null))
                    error('AWS_AUTH_INVALID', `${where} must be a string`, innerAt(value ?? pair.key));
            }
            else if (key === 'groups') {
                if ((0,yaml_dist/* isSeq */.oP)(value)) {
                    for (const g of value.items) {
                        if ((0,yaml_dist/* isScalar */.jn)(g) && typeof g.value === 'string')
                            mapping.groups.push({ value: g.value, source: innerAt(g) });
                        else
                            error('AWS_AUTH_INVALID', `${where} must list group names (strings)`, innerAt(g));
                    }
                }
                else if (!((0,yaml_dist/* isScalar */.jn)(value) && value.value === null)) {
                    error('AWS_AUTH_INVALID', `${where} must be a list of group names`, innerAt(value ?? pair.key));
                }
            }
            else {
                result.findings.push({
                    severity: 'warning',
                    code: 'AWS_AUTH_IGNORED_KEY',
                    message: `${where} is not an aws-auth field the migration understands; it is ignored`,
                    source: innerAt(pair.key),
                });
            }
        }
        if (!mapping.arn) {
            error('AWS_AUTH_MISSING_ARN', `data.${section}[${index}] has no ${ARN_KEYS[section]}`, mapping.source, `add ${ARN_KEYS[section]}: arn:aws:iam::ACCOUNT:${section === 'mapRoles' ? 'role' : 'user'}/NAME`);
            return;
        }
        result.mappings.push(mapping);
    });
}
function aws_auth_parse_firstLine(message) {
    return message.split('\n')[0].trim();
}

// EXTERNAL MODULE: ./src/model/source.ts
var model_source = __webpack_require__(5180);
;// CONCATENATED MODULE: ./src/migrate/aws-auth.ts
/**
 * aws-auth mappings → access entries. Pure: the role paths that aws-auth strips are resolved by
 * the caller (GetRole by name) and passed in; without them (offline) the path-less ARN is kept and
 * flagged for review.
 */


const NODE_GROUPS = new Set(['system:bootstrappers', 'system:nodes']);
const FARGATE_GROUP = 'system:node-proxier';
const WINDOWS_GROUP = 'eks:kube-proxy-windows';
const MASTERS_GROUP = 'system:masters';
/** The only templates EKS expands in an access entry username (each after a colon). */
const ENTRY_USERNAME_TEMPLATES = new Set(['{{SessionName}}', '{{SessionNameRaw}}']);
const SSO_ROLE_PREFIX = 'AWSReservedSSO_';
const SERVICE_LINKED_PREFIX = 'AWSServiceRoleFor';
/** Role ARNs as written, in the given account, that need a GetRole (by name) to learn their real path. */
function roleArnsToResolve(parsed, accountId) {
    const arns = new Set();
    for (const m of parsed.mappings) {
        const arn = (0,model_partition/* parseArn */.Lw)(m.arn?.value ?? '');
        if (arn?.service === 'iam' && arn.resource.startsWith('role/') && arn.accountId === accountId)
            arns.add(m.arn.value);
    }
    return [...arns].sort();
}
/** Converts the parsed mappings. Everything that does not become an entry is listed with its reason. */
function convertAwsAuth(parsed, options = {}) {
    const notConvertible = [...parsed.notConvertible];
    const findings = [];
    const byPrincipal = new Map();
    for (const account of parsed.accounts) {
        notConvertible.push({
            origin: 'mapAccounts',
            subject: account.value,
            reason: 'mapAccounts lets every IAM principal of the account in by its ARN; an access entry names exactly one principal',
            fix: 'create one access entry per principal of that account that needs the cluster',
            source: account.source,
        });
    }
    for (const mapping of parsed.mappings) {
        const outcome = convertMapping(mapping, options);
        findings.push(...outcome.findings);
        if ('reason' in outcome) {
            notConvertible.push(outcome.reason);
            continue;
        }
        const earlier = byPrincipal.get(outcome.entry.principalArn);
        if (earlier) {
            notConvertible.push({
                origin: mapping.section,
                subject: outcome.entry.principalArn,
                reason: `this principal is already mapped at line ${earlier.source.line}; EKS allows one access entry per principal`,
                fix: 'merge the groups of both mappings into the first one',
                source: mapping.source,
            });
            continue;
        }
        byPrincipal.set(outcome.entry.principalArn, { entry: outcome.entry, source: mapping.source });
    }
    // File order, not ARN order: the fragment then reads alongside the ConfigMap it came from.
    const sorted = [...byPrincipal.values()];
    const complete = notConvertible.length === 0 && ![...parsed.findings, ...findings].some((f) => f.severity === 'error');
    return {
        accessEntries: sorted.map((s) => s.entry),
        sources: Object.fromEntries(sorted.map((s) => [s.entry.principalArn, s.source])),
        notConvertible,
        findings,
        complete,
    };
}
function convertMapping(mapping, options) {
    const findings = [];
    const arnText = mapping.arn.value;
    const notConvertible = (reason, fix, source = mapping.source) => ({
        reason: { origin: mapping.section, subject: arnText, reason, ...(fix ? { fix } : {}), source },
        findings,
    });
    const arn = (0,model_partition/* parseArn */.Lw)(arnText);
    const kind = arn?.service === 'iam' ? (arn.resource.startsWith('role/') ? 'role' : arn.resource.startsWith('user/') ? 'user' : undefined) : undefined;
    if (!arn || !kind || !/^\d{12}$/.test(arn.accountId)) {
        findings.push({
            severity: 'error',
            code: 'AWS_AUTH_INVALID_ARN',
            message: `"${arnText}" is not an IAM role or user ARN (arn:PARTITION:iam::ACCOUNT:role/NAME or :user/NAME)`,
            fix: 'correct the ARN; aws-auth ignores a mapping it cannot match, so this one grants nothing today',
            source: mapping.arn.source,
        });
        return notConvertible('malformed ARN', undefined, mapping.arn.source);
    }
    if (options.partition && arn.partition !== options.partition) {
        return notConvertible(`the ARN is in partition ${arn.partition}, the cluster in ${options.partition}`, 'map a principal of the cluster\'s partition', mapping.arn.source);
    }
    const name = arn.resource.split('/').pop();
    if (kind === 'role' && name.startsWith(SERVICE_LINKED_PREFIX)) {
        return notConvertible('service-linked role: the AWS service that owns it manages its own cluster access', 'leave it in aws-auth until the service creates its access entry (for EMR on EKS, re-run its setup with access entries); keep the cluster in API_AND_CONFIG_MAP mode meanwhile');
    }
    const groups = mapping.groups.map((g) => g.value);
    const principal = kind === 'role' ? resolveRoleArn(arn.partition, arn.accountId, arn.resource, options, mapping.arn.source, findings) : arnText;
    if (principal === null) {
        return notConvertible(`role ${name} does not exist in IAM`, 'delete the stale mapping, or create the role first', mapping.arn.source);
    }
    if (groups.includes('system:nodes') && kind === 'role') {
        return convertNodeRole(mapping, principal, groups, findings);
    }
    const otherSystem = groups.filter((g) => g.startsWith('system:') && g !== MASTERS_GROUP);
    if (otherSystem.length > 0) {
        return notConvertible(`group${otherSystem.length > 1 ? 's' : ''} ${otherSystem.join(', ')} cannot be given through an access entry (no group may start with "system:")`, 'bind the permissions those groups carry to a group of your own (RoleBinding/ClusterRoleBinding) and map that group instead');
    }
    const entry = { principalArn: principal, type: 'STANDARD' };
    const kubernetesGroups = [...new Set(groups.filter((g) => g !== MASTERS_GROUP))].sort();
    if (kubernetesGroups.length > 0)
        entry.kubernetesGroups = kubernetesGroups;
    const username = keepUsername(mapping, kind, findings);
    if (username !== undefined)
        entry.username = username;
    if (groups.includes(MASTERS_GROUP))
        entry.accessPolicies = [{ policy: 'AmazonEKSClusterAdminPolicy', scope: 'cluster' }];
    return { entry, findings };
}
/** Node roles: the entry type carries the node permissions; EKS sets the username itself. */
function convertNodeRole(mapping, principalArn, groups, findings) {
    const username = mapping.username?.value ?? '';
    let type;
    if (groups.includes(WINDOWS_GROUP))
        type = 'EC2_WINDOWS';
    else if (username === 'system:node:{{SessionName}}')
        type = groups.includes(FARGATE_GROUP) ? 'FARGATE_LINUX' : 'HYBRID_LINUX';
    else
        type = 'EC2_LINUX';
    const known = new Set([...NODE_GROUPS, FARGATE_GROUP, WINDOWS_GROUP]);
    const extra = groups.filter((g) => !known.has(g));
    if (extra.length > 0) {
        return {
            reason: {
                origin: mapping.section,
                subject: principalArn,
                reason: `node role with extra group${extra.length > 1 ? 's' : ''} ${extra.join(', ')}: ${type} access entries cannot carry Kubernetes groups`,
                fix: `drop the extra groups (give the permissions to the node identity through RBAC on user system:node:*), or keep the role in aws-auth`,
                source: mapping.source,
            },
            findings,
        };
    }
    return { entry: { principalArn, type }, findings };
}
/** Role ARN with its real path: resolved online, derived for SSO roles, else kept path-less for review. */
function resolveRoleArn(partition, accountId, resource, options, source, findings) {
    const written = `arn:${partition}:iam::${accountId}:${resource}`;
    const name = resource.split('/').pop();
    const resolved = options.resolvedRoles?.[written];
    if (resolved !== undefined)
        return resolved;
    const hasPath = resource.split('/').length > 2;
    if (name.startsWith(SSO_ROLE_PREFIX) && !hasPath) {
        findings.push({
            severity: 'warning',
            code: 'AWS_AUTH_ROLE_PATH_ASSUMED',
            key: written,
            message: `role ${name} is an IAM Identity Center role: its path was taken as aws-reserved/sso.amazonaws.com/ (path unknown offline; verify)`,
            fix: 'run without --offline to read the real ARN from IAM; roles created after 2023 may sit under aws-reserved/sso.amazonaws.com/REGION/',
            source,
        });
        return `arn:${partition}:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/${name}`;
    }
    if (!hasPath) {
        findings.push({
            severity: 'warning',
            code: 'AWS_AUTH_ROLE_PATH_UNKNOWN',
            key: written,
            message: `role ${name}: aws-auth strips role paths, so its path is unknown (offline, or the role is in another account); verify the ARN`,
            fix: 'run without --offline to read the real ARN from IAM (GetRole), or add the path by hand',
            source,
        });
    }
    return written;
}
/** Keeps the aws-auth username when an access entry can carry it; says why when it cannot. */
function keepUsername(mapping, kind, findings) {
    const username = mapping.username;
    if (!username)
        return undefined;
    const problem = usernameProblem(username, kind);
    if (problem === undefined)
        return username.value;
    findings.push({
        severity: 'warning',
        code: 'AWS_AUTH_USERNAME_DROPPED',
        key: mapping.arn?.value,
        message: `username "${username.value}" is not kept: ${problem}; EKS will assign its default username`,
        fix: 'update RoleBindings or ClusterRoleBindings that name this user, or bind a group instead',
        source: username.source,
    });
    return undefined;
}
function usernameProblem(username, kind) {
    const value = username.value;
    const templates = value.match(/\{\{[^}]*\}\}/g) ?? [];
    for (const template of templates) {
        if (!ENTRY_USERNAME_TEMPLATES.has(template))
            return `access entries do not expand ${template} (only {{SessionName}} and {{SessionNameRaw}})`;
        if (kind === 'user')
            return `${template} only applies to roles`;
    }
    // Reserved prefixes and the colon before {{SessionName}}: the rules validate and the emulator use.
    return (0,api_limits/* usernameProblems */.T5)(value)[0]?.message;
}

;// CONCATENATED MODULE: ./src/migrate/aws-auth-manifest.ts
/** The offline half of migrate-aws-auth: ConfigMap text → manifest YAML + what stays behind. */





function convertAwsAuthConfigMap(text, file, options = {}) {
    const parsed = parseAwsAuthConfigMap(text, file);
    const region = options.cluster?.region;
    const conversion = convertAwsAuth(parsed, {
        ...(options.resolvedRoles ? { resolvedRoles: options.resolvedRoles } : {}),
        ...(region ? { partition: (0,model_partition/* partitionOfRegion */.cn)(region) } : {}),
    });
    const clusters = options.cluster && region ? [{ name: options.cluster.name, region, ...(options.cluster.accountId ? { accountId: options.cluster.accountId } : {}) }] : undefined;
    const fragment = {
        version: 1,
        ...(clusters ? { clusters } : {}),
        ...(conversion.accessEntries.length > 0 ? { accessEntries: conversion.accessEntries } : {}),
    };
    const header = [`Converted from aws-auth ConfigMap ${file}${options.cluster ? ` for cluster ${options.cluster.name}` : ''}.`];
    if (!clusters)
        header.push('Add a clusters: list (name, region) before using this file as a manifest.');
    const entryComments = Object.fromEntries(Object.entries(conversion.sources).map(([arn, source]) => [arn, [`from ${(0,model_source/* formatLocation */.j)(source)}`]]));
    const trailer = conversion.notConvertible.length === 0 ? [] : [
        'Not convertible (these stay in aws-auth; keep the cluster in API_AND_CONFIG_MAP mode):',
        ...conversion.notConvertible.map((n) => `- ${n.subject} (${(0,model_source/* formatLocation */.j)(n.source) || n.origin}): ${n.reason}`),
    ];
    const comments = { header, entryComments, trailer };
    const manifestYaml = renderManifestFragment(fragment, comments);
    const findings = [...parsed.findings, ...conversion.findings].sort(byLocation);
    return { parsed, conversion, fragment, manifestYaml, comments, findings };
}
function byLocation(a, b) {
    return (a.source?.line ?? 0) - (b.source?.line ?? 0) || (a.source?.column ?? 0) - (b.source?.column ?? 0);
}

;// CONCATENATED MODULE: ./src/migrate/migrate-aws-auth-cluster.ts
/** migrate-aws-auth on one cluster: the ConfigMap file → access entries, with role paths read from IAM. */








const GET_ROLE_CONCURRENCY = 8;
async function migrateAwsAuthCluster(session, configMap, options = {}) {
    const reader = options.reader ?? createSdkMigrationReader(session);
    const name = session.target.name;
    // aws-auth strips role paths: look each role of the cluster's account up by name for its real ARN.
    const toResolve = roleArnsToResolve(parseAwsAuthConfigMap(configMap.text, configMap.file), session.accountId);
    const resolved = await mapWithConcurrency(toResolve, GET_ROLE_CONCURRENCY, async (arn) => [arn, await reader.roleArnByName(arn.split('/').pop())]);
    const result = convertAwsAuthConfigMap(configMap.text, configMap.file, {
        cluster: { name, region: session.region, accountId: session.accountId },
        resolvedRoles: Object.fromEntries(resolved),
    });
    const live = await readLiveCluster(session, emptyDesiredCluster(session, false));
    requireExistingCluster(live);
    const switchMode = live.authenticationMode === 'CONFIG_MAP';
    return {
        cluster: name,
        region: session.region,
        accountId: session.accountId,
        fragment: result.fragment,
        comments: result.comments,
        origins: result.conversion.sources,
        leading: switchMode ? [authenticationModeChange('CONFIG_MAP', 'API_AND_CONFIG_MAP')] : [],
        findings: [...result.findings, modeAdvice(name, result.conversion.complete, live.authenticationMode)],
        notConvertible: result.conversion.notConvertible,
        ...(switchMode ? { adjust: (after) => liveAfterMigrationSteps(after, [], 'API_AND_CONFIG_MAP') } : {}),
    };
}
/** API mode ignores aws-auth: only suggested once nothing is left in it. */
function modeAdvice(clusterName, complete, mode) {
    if (!complete) {
        return {
            severity: 'warning',
            code: 'AWS_AUTH_KEEP_CONFIG_MAP',
            message: 'some aws-auth mappings were not converted: the cluster must keep reading aws-auth (API_AND_CONFIG_MAP)',
            fix: 'resolve the not-convertible items first; do not switch the cluster to API mode until then',
        };
    }
    return {
        severity: 'info',
        code: 'AWS_AUTH_API_MODE_READY',
        message: `every aws-auth mapping converted${mode === 'API' ? '' : '; once the access entries are verified, aws-auth can be retired'}`,
        fix: `aws eks update-cluster-config --name ${clusterName} --access-config authenticationMode=API (one way: it cannot be undone)`,
    };
}

;// CONCATENATED MODULE: ./src/migrate/export-roles.ts
/**
 * Workload roles in an export: an association whose IAM role carries the export's owner tag is
 * written with a `role:` block, so the recovered manifest manages the role again. The trust is not
 * written: eks-identity builds it from the declarations. When the trust it would build differs from
 * the live one (a role that also admits a cluster this file does not declare), the file says so.
 */









/** Roles read at once; each read is paced and bound by the session's deadline like every other call. */
const ROLE_READ_CONCURRENCY = 8;
/**
 * The roles of the associations tagged with `owner` that carry the same owner tag, read in full
 * (GetRole, attached and inline policies), by role ARN. GetRole comes first: the policies of a role
 * another owner (or nobody) holds are not read, since that role stays a roleArn reference.
 */
async function readOwnedRoles(session, associations, owner, pacers = new PacerRegistry()) {
    const arns = [...new Set(associations.filter((a) => !a.ownerArn && (0,model_ownership/* ownerOf */.bf)(a.tags) === owner).map((a) => a.roleArn))]
        .filter((arn) => {
        const parsed = (0,model_partition/* parseArn */.Lw)(arn);
        // A workload role lives in the cluster's account (that is where a `role:` block creates it).
        return parsed?.service === 'iam' && parsed.resource.startsWith('role/') && parsed.accountId === session.accountId && parsed.partition === session.partition;
    })
        .sort(model_order/* compare */.U);
    if (arns.length === 0)
        return {};
    const gateway = new SdkIamRoleGateway(pacedClients({ iam: session.clients.iam }, pacers).iam);
    const read = await mapWithConcurrency(arns, ROLE_READ_CONCURRENCY, async (arn) => {
        const name = (0,model_partition/* roleNameOfArn */.cq)(arn);
        const bare = await gateway.readRole(name, false);
        // The path is part of the ARN: a role found under another path is not the association's role.
        if (bare === undefined || bare.arn !== arn || (0,model_ownership/* ownerOf */.bf)(bare.tags) !== owner)
            return undefined;
        const full = await gateway.readRole(name, true);
        return full === undefined ? undefined : [arn, full];
    });
    return Object.fromEntries(read.filter((r) => r !== undefined));
}
/** The `role:` block that declares a live role as it is (defaults left out, the owner tag too). */
function exportRoleBlock(role) {
    const block = { name: role.roleName };
    if (role.path !== '/')
        block.path = role.path;
    const managed = role.managedPolicyArns ?? [];
    if (managed.length > 0)
        block.managedPolicies = [...managed].sort(model_order/* compare */.U);
    const inline = Object.entries(role.inlinePolicies ?? {}).sort(([a], [b]) => (0,model_order/* compare */.U)(a, b));
    if (inline.length > 0)
        block.inlinePolicies = Object.fromEntries(inline.map(([name, doc]) => [name, JSON.parse(doc)]));
    if (role.permissionsBoundary !== undefined)
        block.permissionsBoundary = role.permissionsBoundary;
    if (role.maxSessionDuration !== DEFAULT_MAX_SESSION_DURATION)
        block.maxSessionDuration = role.maxSessionDuration;
    if (role.description !== undefined)
        block.description = role.description;
    const tags = withoutOwnerTag(role.tags);
    if (Object.keys(tags).length > 0)
        block.tags = tags;
    return block;
}
/** The owner tag comes from the manifest's `owner:`; written as a tag, the manifest would not validate. */
function withoutOwnerTag(tags) {
    return (0,model_order/* sortedRecord */.v)(Object.fromEntries(Object.entries(tags).filter(([key]) => key !== model_ownership/* OWNER_TAG */.FX)));
}
/**
 * Whether the trust eks-identity builds for the associations of this cluster that use the role
 * differs from the role's live trust. When it does, planning the export updates the trust.
 */
function trustDiffers(cluster, role, users) {
    const declarers = users.map((a) => ({
        cluster: cluster.name,
        region: cluster.region,
        accountId: cluster.accountId,
        namespace: a.namespace,
        serviceAccount: a.serviceAccount,
        sessionTags: !a.disableSessionTags,
    }));
    return canonicalJson((0,trust_policy_build/* buildPodIdentityTrust */.mh)(cluster.partition, declarers)) !== role.trustPolicy;
}
/** The comment above an association whose role's built trust would differ from the live one. */
function trustNote(role, cluster) {
    return [
        `The live trust of role ${role.roleName} differs from the one eks-identity builds for the associations of`,
        `cluster ${cluster} that declare it here (it may also admit another cluster or service account): a plan of`,
        `this file replaces it. Declare the role's other users in the same manifest to keep them.`,
    ];
}

;// CONCATENATED MODULE: ./src/migrate/export.ts






/** Node entry types EKS creates for managed node groups, Fargate profiles and Auto Mode (apply never deletes them either). */
const NODE_TYPES = new Set(['EC2', 'EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX']);
/**
 * Why an access entry is left unmanaged, or undefined when the manifest should own it. Node
 * entries are usually made by EKS itself (node groups, Fargate profiles, Auto Mode) and go away
 * with them; service-linked roles belong to the AWS service that uses them.
 */
function unmanagedEntryReason(entry) {
    const resource = (0,model_partition/* parseArn */.Lw)(entry.principalArn)?.resource ?? '';
    if (resource.startsWith('role/aws-service-role/') || /(^|\/)AWSServiceRoleFor/.test(resource)) {
        return 'service-linked role: the AWS service that owns it manages this entry';
    }
    if (NODE_TYPES.has(entry.type)) {
        return `${entry.type} node entry: EKS creates these for managed node groups, Fargate profiles and Auto Mode (declare it to manage it here)`;
    }
    return undefined;
}
/** The username EKS assigns when none is given; exporting it would only restate the default. */
function defaultEntryUsername(entry) {
    const arn = (0,model_partition/* parseArn */.Lw)(entry.principalArn);
    if (entry.type !== 'STANDARD')
        return undefined;
    if (arn?.service === 'iam' && arn.resource.startsWith('role/')) {
        const name = arn.resource.split('/').pop();
        return `arn:${arn.partition}:sts::${arn.accountId}:assumed-role/${name}/{{SessionName}}`;
    }
    return entry.principalArn;
}
/** Builds the manifest for one live cluster, read with every association and entry described. */
function renderClusterExport(cluster, ownership = {}) {
    const { owner } = ownership;
    const unmanaged = [];
    const associations = [];
    const roleUsers = new Map();
    const addonAssociations = new Map();
    for (const live of cluster.associations) {
        if (live.ownerArn) {
            const addonName = addonNameOfArn(live.ownerArn);
            // UpdateAddon sets an add-on's associations without tags, so none carries an owner tag: an
            // export for one owner cannot tell whose they are, and leaves them out.
            const reason = addonName === undefined
                ? `owned by ${live.ownerArn}, which is not an add-on ARN; change it through its owner`
                : owner !== undefined
                    ? `owned by add-on ${addonName}, whose associations carry no owner tag (export without an owner to write them under addons:)`
                    : undefined;
            if (reason)
                unmanaged.push({ origin: 'addon', subject: `${live.namespace}/${live.serviceAccount}`, reason, fix: `role: ${live.roleArn}` });
            else
                addonAssociations.set(addonName, [...(addonAssociations.get(addonName) ?? []), { serviceAccount: live.serviceAccount, roleArn: live.roleArn }]);
            continue;
        }
        const reason = notExportedReason((0,model_ownership/* ownerOf */.bf)(live.tags), owner);
        if (reason) {
            unmanaged.push({ origin: 'role', subject: `${live.namespace}/${live.serviceAccount}`, reason, fix: `role: ${live.roleArn}` });
            continue;
        }
        const role = ownership.roles?.[live.roleArn];
        if (role)
            roleUsers.set(live.roleArn, [...(roleUsers.get(live.roleArn) ?? []), live]);
        associations.push(exportAssociation(live, role));
    }
    const entries = [];
    for (const live of cluster.accessEntries) {
        const tagged = (0,model_ownership/* ownerOf */.bf)(live.tags);
        // An owner tag says who made it, so it wins over the guess that EKS made a node entry.
        const reason = tagged === undefined && owner === undefined ? unmanagedEntryReason(live) : notExportedReason(tagged, owner);
        if (reason) {
            unmanaged.push({ origin: 'role', subject: live.principalArn, reason, fix: `type: ${live.type}` });
            continue;
        }
        entries.push(exportAccessEntry(live, cluster.partition));
    }
    const associationComments = {};
    for (const [arn, users] of roleUsers) {
        const role = ownership.roles[arn];
        if (!trustDiffers(cluster, role, users))
            continue;
        for (const a of users)
            associationComments[`${a.namespace}/${a.serviceAccount}`] = trustNote(role, cluster.name);
    }
    // An add-on's declared list is all of its associations (UpdateAddon replaces them): each add-on with every one of its own.
    const addons = [...addonAssociations]
        .sort(([a], [b]) => (0,model_order/* compare */.U)(a, b))
        .map(([name, list]) => ({ name, podIdentityAssociations: [...list].sort((a, b) => (0,model_order/* compare */.U)(a.serviceAccount, b.serviceAccount)) }));
    const undescribed = cluster.associationSummaries.length - cluster.associations.length;
    const fragment = {
        version: 1,
        ...(owner !== undefined ? { owner } : {}),
        clusters: [{ name: cluster.name, region: cluster.region, accountId: cluster.accountId }],
        ...(associations.length > 0 ? { podIdentityAssociations: associations } : {}),
        ...(entries.length > 0 ? { accessEntries: entries } : {}),
        ...(addons.length > 0 ? { addons } : {}),
    };
    const header = [`Exported from EKS cluster ${cluster.name} (${cluster.region}, account ${cluster.accountId}).`];
    if (owner !== undefined)
        header.push(`Only the objects tagged ${model_ownership/* OWNER_TAG */.FX}=${owner}; roles with that tag are declared as role: blocks.`);
    if (undescribed > 0)
        header.push(`${undescribed} association(s) vanished while reading and are not included.`);
    if (cluster.authenticationMode === 'CONFIG_MAP')
        header.push('The cluster is in CONFIG_MAP mode: it has no access entries (see migrate-aws-auth).');
    const comments = { header, trailer: unmanagedComments(unmanaged), ...(Object.keys(associationComments).length > 0 ? { associationComments } : {}) };
    return { manifestYaml: renderManifestFragment(fragment, comments), fragment, unmanaged, comments };
}
/** Why an object tagged `tagged` (or untagged) is not written by an export for `owner`, or undefined. */
function notExportedReason(tagged, owner) {
    if (tagged !== undefined)
        return tagged === owner ? undefined : ownedElsewhere(tagged);
    if (owner === undefined)
        return undefined;
    return `not tagged ${model_ownership/* OWNER_TAG */.FX}=${owner}: declared under this owner it would be tagged (export without an owner to write it)`;
}
/** An object another eks-identity manifest wrote (its owner tag) stays that manifest's to manage. */
function ownedElsewhere(owner) {
    return `managed by the eks-identity manifest with owner ${owner} (tag ${model_ownership/* OWNER_TAG */.FX}); declare it there`;
}
function exportAssociation(live, role) {
    const base = { namespace: live.namespace, serviceAccount: live.serviceAccount };
    const out = role ? { ...base, role: exportRoleBlock(role) } : { ...base, roleArn: live.roleArn };
    if (live.targetRoleArn)
        out.targetRoleArn = live.targetRoleArn;
    if (live.disableSessionTags)
        out.disableSessionTags = true;
    if (live.policy !== undefined)
        out.policy = parsePolicy(live.policy);
    const tags = withoutOwnerTag(live.tags);
    if (Object.keys(tags).length > 0)
        out.tags = tags;
    return out;
}
function exportAccessEntry(live, partition) {
    const out = { principalArn: live.principalArn, type: live.type };
    // Only STANDARD entries carry groups and a username; for node types EKS sets them itself.
    if (live.type === 'STANDARD') {
        if (live.kubernetesGroups.length > 0)
            out.kubernetesGroups = [...new Set(live.kubernetesGroups)].sort();
        if (live.username !== undefined && live.username !== defaultEntryUsername(live))
            out.username = live.username;
    }
    const policies = [...live.accessPolicies].sort((a, b) => (0,model_order/* compare */.U)(a.policyArn, b.policyArn));
    if (policies.length > 0)
        out.accessPolicies = policies.map((p) => ({ policy: policyReference(p.policyArn, partition), ...exportScope(p.scope) }));
    const tags = withoutOwnerTag(live.tags);
    if (Object.keys(tags).length > 0)
        out.tags = tags;
    return out;
}
/** Short name for the cluster partition's EKS policies, which the manifest expands back to the same ARN. */
function policyReference(policyArn, partition) {
    const name = (0,model_partition/* accessPolicyName */._z)(policyArn);
    return policyArn === `arn:${partition}:eks::aws:cluster-access-policy/${name}` ? name : policyArn;
}
function exportScope(scope) {
    return scope.type === 'cluster' ? { scope: 'cluster' } : { namespaces: [...new Set(scope.namespaces)].sort() };
}
function parsePolicy(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
function unmanagedComments(unmanaged) {
    if (unmanaged.length === 0)
        return [];
    const lines = ['Not managed by this manifest (listed for reference):'];
    for (const u of unmanaged)
        lines.push(`- ${u.subject}${u.fix ? ` (${u.fix})` : ''}: ${u.reason}`);
    return lines;
}

;// CONCATENATED MODULE: ./src/migrate/export-live-cluster.ts




/** `owner`: write the objects tagged with it, and its roles as `role:` blocks (see ExportOwnership). */
async function exportLiveCluster(session, options = {}) {
    // Prune-like read: every association and entry described, not only declared ones.
    const live = await readLiveCluster(session, emptyDesiredCluster(session, true), options.progress ? { progress: options.progress } : {});
    requireExistingCluster(live);
    const { owner } = options;
    const roles = owner !== undefined ? await readOwnedRoles(session, live.associations, owner) : {};
    const exported = renderClusterExport(live, { ...(owner !== undefined ? { owner } : {}), roles });
    return {
        cluster: live.name,
        region: live.region,
        accountId: live.accountId,
        fragment: exported.fragment,
        comments: exported.comments,
        origins: {},
        leading: [],
        findings: [],
        notConvertible: exported.unmanaged,
    };
}

;// CONCATENATED MODULE: ./src/migrate/index.ts
/**
 * Migrations and export, one cluster at a time: what each finds and proposes. The operations layer
 * (src/operations) runs them over a manifest's clusters and plans the proposal.
 */






// Pure parts, for callers that bring their own data.










;// CONCATENATED MODULE: ./src/operations/beside-manifest.ts
/**
 * The part of a migration that a manifest does not declare yet. Objects it declares are left out:
 * identical ones silently, different ones with a note naming both places (the migration's source,
 * such as the aws-auth line, and the manifest line), because the manifest is what people reviewed.
 */



const ASSOCIATION_FIELDS = ['roleArn', 'targetRoleArn', 'disableSessionTags', 'policy'];
const ENTRY_FIELDS = ['type', 'kubernetesGroups', 'username', 'accessPolicies'];
function besideManifest(m, declared, manifest) {
    const proposed = expandAlone(m);
    const differences = [];
    const selector = [m.cluster];
    const associations = [];
    for (const a of m.fragment.podIdentityAssociations ?? []) {
        const key = `${a.namespace}/${a.serviceAccount}`;
        const existing = declared.associations.find((d) => `${d.namespace}/${d.serviceAccount}` === key);
        if (!existing) {
            associations.push({ ...a, clusters: selector });
            continue;
        }
        const mine = proposed?.associations.find((d) => `${d.namespace}/${d.serviceAccount}` === key);
        const differing = mine ? differingFields(mine, existing, ASSOCIATION_FIELDS) : [];
        if (differing.length > 0)
            differences.push(note(m, `association ${key}`, key, differing, m.origins[key], existing.source));
    }
    const accessEntries = [];
    for (const e of m.fragment.accessEntries ?? []) {
        const existing = declared.accessEntries.find((d) => d.principalArn === e.principalArn);
        if (!existing) {
            accessEntries.push({ ...e, clusters: selector });
            continue;
        }
        const mine = proposed?.accessEntries.find((d) => d.principalArn === e.principalArn);
        const differing = mine ? differingFields(mine, existing, ENTRY_FIELDS) : [];
        if (differing.length > 0)
            differences.push(note(m, `access entry ${e.principalArn}`, e.principalArn, differing, m.origins[e.principalArn], existing.source));
    }
    // An add-on the manifest already declares keeps the manifest's list (its list is the add-on's whole set).
    const addons = (m.fragment.addons ?? []).filter((a) => !(declared.addons ?? []).some((d) => d.name === a.name)).map((a) => ({ ...a, clusters: selector }));
    if (associations.length === 0 && accessEntries.length === 0 && addons.length === 0)
        return { differences };
    const fragment = {
        version: 1,
        ...(associations.length > 0 ? { podIdentityAssociations: associations } : {}),
        ...(accessEntries.length > 0 ? { accessEntries } : {}),
        ...(addons.length > 0 ? { addons } : {}),
    };
    const header = [
        `Only what ${manifest} does not declare yet for cluster ${m.cluster}. This file loads with the manifest's`,
        `files (keep it where that path finds it), so their clusters and defaults apply to it.`,
        ...(m.comments.header ?? []).filter((line) => !line.startsWith('Add a clusters:')),
    ];
    return { content: renderManifestFragment(fragment, { ...m.comments, header }), differences };
}
/** The migration's own manifest through the one loader and expander, to compare like with like. */
function expandAlone(m) {
    const loaded = parseManifestText(renderManifestFragment(m.fragment), `${m.cluster}.proposal.yaml`);
    if (!loaded.ok)
        return undefined;
    return expandManifest(loaded, { accountIds: { [m.cluster]: m.accountId } }).clusters.find((c) => c.name === m.cluster);
}
function differingFields(mine, theirs, fields) {
    const comparable = (value) => JSON.stringify(value, (k, v) => (k === 'source' ? undefined : v));
    return fields
        .map((name) => ({ name, proposed: mine[name], declared: theirs[name] }))
        .filter((f) => comparable(f.proposed) !== comparable(f.declared));
}
function note(m, subject, key, fields, origin, declaredAt) {
    const show = (v) => (v === undefined ? '(not set)' : JSON.stringify(v, (k, x) => (k === 'source' ? undefined : x)));
    const from = origin ? (0,model_source/* formatLocation */.j)(origin) : `the live cluster ${m.cluster}`;
    const at = declaredAt ? (0,model_source/* formatLocation */.j)(declaredAt) : 'the manifest';
    const detail = fields.map((f) => `${f.name} ${show(f.proposed)} there, ${show(f.declared)} in the manifest`).join('; ');
    return {
        severity: 'info',
        code: 'MIGRATION_KEEPS_MANIFEST',
        key,
        message: `${subject}: ${from} differs from ${at} (${detail}); the manifest's declaration is kept and nothing is proposed for it`,
        fix: `if ${from} is right, change the manifest at ${at}`,
        ...(declaredAt ? { source: declaredAt } : {}),
    };
}

;// CONCATENATED MODULE: ./src/operations/proposal.ts
/**
 * A migration's or an export's proposal: the files to add and the plan of the manifest with them.
 * Beside an existing manifest only what it does not declare yet is proposed, in a new file that
 * loads with it (so its `defaults` apply); what it declares differently stays as declared and is
 * reported with both places.
 */











/** Files to add and their plan. Owns the plan's sessions: dispose it (or close()) when done. */
class Proposal {
    kind;
    files;
    clusters;
    prepared;
    manifest;
    constructor(kind, files, clusters, 
    /** Absent when made offline. */
    prepared, 
    /** The manifest the files go beside, when there is one. */
    manifest) {
        this.kind = kind;
        this.files = files;
        this.clusters = clusters;
        this.prepared = prepared;
        this.manifest = manifest;
    }
    get plan() {
        return this.prepared?.plan;
    }
    close() {
        this.prepared?.close();
    }
    async [Symbol.asyncDispose]() {
        this.close();
    }
}
/** The manifest (narrowed to the requested clusters) and the clusters to work on. */
async function resolveTargets(request) {
    if (request.manifest !== undefined) {
        const loaded = await loadValidManifest({ manifest: request.manifest, ...(request.cwd ? { cwd: request.cwd } : {}), ...(request.clusters ? { clusters: request.clusters } : {}) });
        return { loaded, targets: expandManifest(loaded).clusters };
    }
    if (!request.cluster) {
        throw new errors/* EksIdentityError */.C('MIGRATION_NO_TARGET', 'name the cluster, or the manifest whose clusters to work on', { fix: 'pass --cluster NAME --region REGION, or --manifest PATH' });
    }
    return { targets: [request.cluster] };
}
/** Runs `produce` on each target cluster and plans the proposal through the manifest loader. */
async function propose(kind, request, produce, resolved) {
    const { loaded, targets } = resolved ?? (await resolveTargets(request));
    const sessions = await openSessions(targets, request.aws);
    try {
        const migrations = [];
        // One cluster at a time: each already reads with its own concurrency.
        for (const session of sessions)
            migrations.push(await produce(session));
        const accountIds = Object.fromEntries(sessions.map((s) => [s.target.name, s.accountId]));
        const { files, clusters } = await draftProposal(kind, request, migrations, loaded, accountIds);
        const cwd = request.cwd ?? process.cwd();
        const existing = loaded ? await Promise.all(loaded.files.map(async (file) => ({ file, text: await (0,promises_.readFile)(external_node_path_default().resolve(cwd, file), 'utf8') }))) : [];
        const combined = parseManifestTexts([...existing, ...files.map((f) => ({ file: f.path, text: f.content }))]);
        if (!combined.ok) {
            // The manifest loaded alone, so the proposal is what the validator refuses: show the files
            // with each problem at its line, and no plan (nothing of it can be applied as it stands).
            closeClusterSessions(sessions);
            return new Proposal(kind, files, withProposalProblems(clusters, files, combined), undefined, request.manifest);
        }
        const selected = selectClusters(combined, targets.map((t) => t.name));
        const desired = expandManifest(selected, { accountIds });
        const byCluster = new Map(migrations.map((m) => [m.cluster, m]));
        const { live, plan } = await planAgainstLive(sessions, desired, {
            ...guardsOf(request),
            ...(request.progress ? { progress: request.progress } : {}),
            adjust: (cluster) => byCluster.get(cluster.name)?.adjust?.(cluster) ?? cluster,
        });
        let withSteps = plan;
        for (const m of migrations) {
            const findings = clusters.find((c) => c.name === m.cluster)?.findings ?? [];
            withSteps = withMigrationChanges(withSteps, m.cluster, m.leading, findings);
        }
        const prepared = new PreparedPlan(withSteps, sessions, guardsOf(request), selected, desired, live);
        return new Proposal(kind, files, clusters, prepared, request.manifest);
    }
    catch (err) {
        closeClusterSessions(sessions);
        throw err;
    }
}
/** The files of a proposal (whole manifests, or beside the manifest only what it lacks) and its notes. */
async function draftProposal(kind, request, migrations, loaded, accountIds) {
    const cwd = request.cwd ?? process.cwd();
    const existing = loaded ? expandManifest(loaded, { accountIds }) : undefined;
    const place = request.manifest !== undefined ? await manifestPlace(request.manifest, cwd) : undefined;
    const directory = request.directory ?? place?.directory ?? '.';
    const taken = new Set((loaded?.files ?? []).map((f) => external_node_path_default().normalize(f)));
    const files = [];
    const clusters = [];
    for (const m of migrations) {
        let content = renderManifestFragment(m.fragment, m.comments);
        let differences = [];
        const declared = existing?.clusters.find((c) => c.name === m.cluster);
        if (declared) {
            const beside = besideManifest(m, declared, request.manifest ?? '');
            content = beside.content;
            differences = beside.differences;
        }
        const findings = [...m.findings, ...differences];
        clusters.push({ name: m.cluster, region: m.region, notConvertible: m.notConvertible, findings });
        // A file that is not an aws-auth ConfigMap converts to a bare header: propose nothing, keep the findings.
        if (content === undefined || isUnusableAwsAuth(m.findings))
            continue;
        const file = freePath(external_node_path_default().join(directory, `${kind}-${m.cluster}.yaml`), taken);
        taken.add(external_node_path_default().normalize(file));
        files.push({ path: file, content, cluster: m.cluster });
        const apart = place && request.manifest !== undefined ? notLoadedWith(request.manifest, place, file) : undefined;
        if (apart)
            findings.push(apart);
    }
    return { files, clusters };
}
/** Where files beside the manifest go (its directory, a glob's fixed part, a file's directory), and what the path loads. */
async function manifestPlace(manifest, cwd) {
    if ((0,dist/* isDynamicPattern */.ey)(manifest))
        return { directory: external_node_path_default().dirname(`${manifest.slice(0, manifest.search(/[*?{[(!]/))}x`) || '.', kind: 'glob' };
    const info = await (0,promises_.stat)(external_node_path_default().resolve(cwd, manifest)).catch(() => undefined);
    return info?.isDirectory() ? { directory: manifest, kind: 'directory' } : { directory: external_node_path_default().dirname(manifest), kind: 'file' };
}
/**
 * A warning when the manifest path will not load the proposed file: one file names only itself,
 * and a directory loads only its own *.yaml files. (A glob is left to the reader: it may match.)
 */
function notLoadedWith(manifest, place, file) {
    const loads = place.kind === 'directory' && external_node_path_default().relative(place.directory, external_node_path_default().dirname(file)) === '';
    if (place.kind === 'glob' || loads)
        return undefined;
    return {
        severity: 'warning',
        code: 'PROPOSAL_OUTSIDE_MANIFEST',
        message: `${file} is not loaded by the manifest path ${manifest}${place.kind === 'file' ? ' (one file)' : ''}, so it is not applied once committed`,
        fix: place.kind === 'file' ? `point the manifest path at ${place.directory === '.' ? 'the directory' : place.directory} or a glob such as ${external_node_path_default().join(place.directory, '*.yaml')}, or move the entries into ${manifest}` : `put the file in ${place.directory}`,
    };
}
/** A manifest file is never overwritten: the proposal takes the next free name. */
function freePath(file, taken) {
    if (!taken.has(external_node_path_default().normalize(file)))
        return file;
    const { dir, name, ext } = external_node_path_default().parse(file);
    for (let i = 2;; i++) {
        const candidate = external_node_path_default().join(dir, `${name}-${i}${ext}`);
        if (!taken.has(external_node_path_default().normalize(candidate)))
            return candidate;
    }
}
/** The validator's errors in the proposed files, as error findings of the cluster each file is for. */
function withProposalProblems(clusters, files, loaded) {
    return clusters.map((c) => {
        const own = new Set(files.filter((f) => f.cluster === c.name).map((f) => f.path));
        const problems = loaded.diagnostics
            .filter((d) => d.severity === 'error' && own.has(d.location.file))
            .map((d) => ({
            severity: 'error',
            code: d.code,
            message: `the proposed manifest is not valid as it stands: ${d.message}`,
            fix: d.fix ?? 'edit the proposed file before committing it',
            source: d.location,
        }));
        return problems.length === 0 ? c : { ...c, findings: [...c.findings, ...problems] };
    });
}

;// CONCATENATED MODULE: ./src/operations/migrate.ts
/** migrateIrsa, migrateAwsAuth and exportCluster: proposals over a manifest's clusters, or one named cluster. */





/** IRSA roles → Pod Identity associations to declare, and the trust policy updates to run first. */
async function migrateIrsa(request) {
    return propose('migrate-irsa', request, (session) => migrateIrsaCluster(session, { removeOidcTrust: request.removeOidcTrust ?? false }));
}
/** A live cluster → the manifest that declares it (beside a manifest: what it does not declare yet). */
async function exportCluster(request) {
    // Checked before anything is read: the file written under it would not load.
    const problem = request.owner !== undefined ? (0,model_ownership/* ownerProblem */.ZP)(request.owner) : undefined;
    if (problem)
        throw new errors/* EksIdentityError */.C('INVALID_OWNER', `export: ${problem.message}`, { fix: problem.fix });
    const resolved = await resolveTargets(request);
    const owner = exportOwner(request, resolved.loaded?.manifest.owner?.value);
    return propose('export', request, (session) => exportLiveCluster(session, { ...(request.progress ? { progress: request.progress } : {}), ...(owner !== undefined ? { owner } : {}) }), resolved);
}
/** The manifest's owner beside a manifest (the written file loads with it), else the requested one. */
function exportOwner(request, manifestOwner) {
    if (request.manifest === undefined)
        return request.owner;
    if (request.owner !== undefined && request.owner !== manifestOwner) {
        const has = manifestOwner === undefined ? 'has no owner' : `has owner ${JSON.stringify(manifestOwner)}`;
        throw new errors/* EksIdentityError */.C('CLI_USAGE', `export: owner ${JSON.stringify(request.owner)} was given, but ${request.manifest} ${has}; the exported file loads with that manifest, so its owner applies`, {
            fix: manifestOwner === undefined ? 'set owner: in the manifest, or export without --manifest' : 'leave out --owner (the manifest\'s owner is used)',
        });
    }
    return manifestOwner;
}
/** An aws-auth ConfigMap → access entries; offline, without a plan. The ConfigMap belongs to one cluster. */
async function migrateAwsAuth(request) {
    const { cluster, ...rest } = request;
    if (request.manifest === undefined && cluster?.region === undefined && !request.offline) {
        throw new errors/* EksIdentityError */.C('CLI_USAGE', "migrate-aws-auth: the cluster's region is needed, unless offline or the cluster comes from a manifest", {
            fix: 'add --region REGION (or --manifest PATH), or --offline to convert the file without AWS',
        });
    }
    const resolved = request.manifest !== undefined ? await resolveTargets(rest) : { targets: cluster ? [{ ...cluster, region: cluster.region ?? '' }] : [] };
    if (resolved.targets.length !== 1) {
        throw new errors/* EksIdentityError */.C('MIGRATION_ONE_CLUSTER', `migrate-aws-auth converts the ConfigMap of one cluster; the run covers ${resolved.targets.length}`, {
            fix: 'name the cluster the ConfigMap belongs to (--cluster, or the clusters input)',
        });
    }
    if (request.offline)
        return proposeOffline(request, rest, resolved);
    return propose('migrate-aws-auth', { ...rest, ...(cluster ? { cluster: resolved.targets[0] } : {}) }, (session) => migrateAwsAuthCluster(session, request.configMap), resolved);
}
async function proposeOffline(request, selection, resolved) {
    const target = resolved.targets[0];
    const region = target.region === '' ? undefined : target.region;
    const result = convertAwsAuthConfigMap(request.configMap.text, request.configMap.file, {
        cluster: { name: target.name, ...(region ? { region } : {}), ...(target.accountId ? { accountId: target.accountId } : {}) },
    });
    const migration = {
        cluster: target.name,
        region: target.region,
        accountId: target.accountId ?? '',
        fragment: result.fragment,
        comments: result.comments,
        origins: result.conversion.sources,
        leading: [],
        findings: result.findings,
        notConvertible: result.conversion.notConvertible,
    };
    const accountIds = resolved.loaded ? Object.fromEntries(expandManifest(resolved.loaded).clusters.flatMap((c) => (c.accountId ? [[c.name, c.accountId]] : []))) : {};
    const { files, clusters } = await draftProposal('migrate-aws-auth', selection, [migration], resolved.loaded, accountIds);
    return new Proposal('migrate-aws-auth', files, clusters, undefined, request.manifest);
}

// EXTERNAL MODULE: ./src/operations/time-limit.ts + 1 modules
var time_limit = __webpack_require__(1816);
;// CONCATENATED MODULE: ./src/operations/index.ts
/**
 * The one API over the pipeline: plan · apply (the one refusal policy) · migrate · export. The
 * CLI, the GitHub Action and the library call these and nothing below them.
 */












const operations = { plan: plan_plan, withPlan: withPlan, apply: apply, migrateIrsa: migrateIrsa, migrateAwsAuth: migrateAwsAuth, exportCluster: exportCluster, findCredentials: findCredentials };


/***/ })

};

//# sourceMappingURL=558.index.js.map