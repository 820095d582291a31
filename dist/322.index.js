export const id = 322;
export const ids = [322];
export const modules = {

/***/ 6322:
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

// EXTERNAL MODULE: ./src/apply/apply-plan.ts + 7 modules
var apply_plan = __webpack_require__(5295);
// EXTERNAL MODULE: ./src/apply/order.ts
var order = __webpack_require__(4584);
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

;// CONCATENATED MODULE: ./src/model/order.ts
/** Plain code-unit order: the same on every machine and locale, so plans and manifests are stable. */
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** A copy of a tag map with its keys in `compare` order. */
function sortedRecord(record) {
    return Object.fromEntries(Object.entries(record ?? {}).sort(([a], [b]) => compare(a, b)));
}

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
    return withOptional({ associationId: s.associationId ?? '', namespace: s.namespace ?? '', serviceAccount: s.serviceAccount ?? '' }, { associationArn: s.associationArn, ownerArn: s.ownerArn });
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
        tags: sortedRecord(a.tags),
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
        tags: sortedRecord(e.tags),
        accessPolicies: policies.map(toLiveAccessPolicy).sort((a, b) => compare(a.policyArn, b.policyArn)),
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
 * Tells a pacer whether its throttles are its own doing. Throttles caused by our own rate (an
 * operation's token bucket that we overrun) fall as we slow down: at a rate `r` over a limit `L`
 * the throttled share is `1 - L/r`. Throttles caused by others that share the account's limits
 * (Terraform, controllers, the console, another pipeline) or by random faults do not: the share
 * stays where it was whatever we do. A loss-based controller that cuts on every throttle collapses
 * under the second kind, as Reno and CUBIC do on a lossy link; this judge compares the share
 * measured before and after a cut with what each explanation predicts, and says which one fits.
 *
 * Pure: outcomes in, verdicts out; no clock.
 */
/** Outcomes per measurement: enough to tell 10 % from 0 % most of the time, few enough to act fast. */
const BLOCK = 16;
const MIN_SHARE = 2 / BLOCK;
class ThrottleJudge {
    calls = 0;
    throttled = 0;
    rateSum = 0;
    previous;
    /** Whether the block before `previous` was throttled too. */
    drained = false;
    backgroundShare;
    /** Blocks in a row whose share was above what the background explains. */
    above = 0;
    /** The share of calls throttled by others, once known. */
    get background() {
        return this.backgroundShare;
    }
    /** Records the outcome of one call started at `rate`; returns a verdict when a block closes. */
    record(rate, throttled) {
        this.calls += 1;
        this.rateSum += rate;
        if (throttled)
            this.throttled += 1;
        if (this.calls < BLOCK)
            return { kind: 'none' };
        const block = { rate: this.rateSum / this.calls, share: this.throttled / this.calls };
        this.calls = 0;
        this.throttled = 0;
        this.rateSum = 0;
        const previous = this.previous;
        const drained = this.drained;
        this.drained = previous !== undefined && previous.share >= MIN_SHARE;
        this.previous = block;
        if (this.backgroundShare !== undefined)
            return this.judgeBackground(block, this.backgroundShare);
        // A bucket that had tokens saved up throttles less than its rate predicts until they are
        // spent: judge only once a throttled block has come before the two compared.
        return drained ? this.judgeCut(previous, block) : { kind: 'none' };
    }
    /** Forget the measurements (after a change of regime, the old blocks describe another world). */
    reset() {
        this.previous = undefined;
        this.drained = false;
        this.backgroundShare = undefined;
        this.above = 0;
        this.calls = 0;
        this.throttled = 0;
        this.rateSum = 0;
    }
    judgeCut(before, after) {
        // One throttle in a block is not evidence of anything.
        if (!before || before.share < MIN_SHARE || after.share < MIN_SHARE)
            return { kind: 'none' };
        const slowdown = after.rate / before.rate;
        if (slowdown > 0.95)
            return { kind: 'none' };
        // If the throttles were ours, the share at the lower rate would be this.
        const ifOwn = Math.max(0, 1 - (1 - before.share) / slowdown);
        // Judge only once the two explanations predict clearly different shares; until then, keep
        // cutting (a cut costs little while the bucket is overrun).
        const separation = before.share - ifOwn;
        if (separation < Math.max(0.05, Math.min(0.2, before.share / 2)))
            return { kind: 'none' };
        if (after.share < (ifOwn + before.share) / 2)
            return { kind: 'none' };
        this.backgroundShare = (before.share + after.share) / 2;
        return { kind: 'background', share: this.backgroundShare, restoreRate: before.rate };
    }
    judgeBackground(block, background) {
        // Two blocks in a row above the background: one alone happens by chance every few seconds.
        if (block.share > background + Math.max(0.15, background / 2)) {
            this.above += 1;
            if (this.above < 2)
                return { kind: 'none' };
            this.reset();
            return { kind: 'overload' };
        }
        this.above = 0;
        const share = background * 0.7 + block.share * 0.3;
        if (share < 0.02) {
            this.reset();
            return { kind: 'clear' };
        }
        this.backgroundShare = share;
        return { kind: 'none' };
    }
}

;// CONCATENATED MODULE: ./src/aws/pacer.ts
/**
 * Finds an operation's rate limit instead of guessing it. AWS throttles each API operation on its
 * own token bucket, and the limit differs by operation, account and region; a fixed pool either
 * leaves capacity unused or runs into throttling, which the SDK's adaptive retry answers by slowing
 * the whole client (every operation) for seconds. A pacer spaces the calls of one operation at a
 * rate it adjusts from what the answers say: it speeds up while it is the bottleneck and calls
 * succeed at once, and slows down by a fixed share when a call is throttled, at most once per
 * round of calls.
 *
 * Not every throttle is ours to fix. Other callers share an account's limits, and their
 * throttles do not stop when we slow down; cutting on each of them would take the rate to the
 * floor and a plan to tens of minutes. So every outcome also goes to a `ThrottleJudge`, which
 * compares the throttled share before and after the cuts: when slowing down did not lower it, the
 * pacer goes back to the rate it had before the cuts and stops cutting for those throttles (it
 * still retries them, after a fully jittered backoff), until more throttles arrive than that
 * background explains.
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
    decrease;
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
    judge = new ThrottleJudge();
    /** Throttles that slowing down does not lower: retried, but no reason to cut. */
    background = false;
    constructor(options = {}) {
        this.rateValue = options.initialRate ?? 100;
        this.minRate = options.minRate ?? 1;
        this.maxRate = options.maxRate ?? 10_000;
        this.decrease = options.decrease ?? 0.9;
        this.increase = options.increase ?? 0.02;
        this.clock = options.clock ?? systemClock;
        this.throttleRetries = options.throttleRetries ?? 25;
        this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
        this.random = options.random ?? Math.random;
        this.burst = Math.max(1, Math.floor(options.burst ?? this.rateValue / 2));
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
            const { startedAt, waited } = await this.acquire();
            const rate = this.rateValue;
            try {
                const answer = await fn();
                const attempts = answer?.$metadata?.attempts ?? 1;
                this.learn(startedAt, rate, attempts > 1);
                if (attempts <= 1 && waited)
                    this.onSuccess();
                return answer;
            }
            catch (err) {
                if (!(0,aws_errors/* isThrottle */.p0)(err))
                    throw err;
                this.learn(startedAt, rate, true);
                if (attempt > this.throttleRetries)
                    throw err;
                // Throttles that are not ours do not get rarer by waiting longer: a few slots at most.
                const doublings = this.background ? Math.min(attempt - 1, 2) : attempt - 1;
                const ceiling = Math.min(this.maxBackoffMs, (1000 / this.rateValue) * 2 ** doublings);
                await this.clock.sleep(ceiling * this.random());
            }
        }
    }
    /** Feeds the judge, then cuts for a throttle unless the judge found it is not ours. */
    learn(startedAt, rate, throttled) {
        const verdict = this.judge.record(rate, throttled);
        if (verdict.kind === 'background') {
            // Those throttles say nothing about the limit: look for it as if they had not happened.
            this.background = true;
            this.probing = true;
            this.rateValue = Math.min(this.maxRate, Math.max(this.rateValue, verdict.restoreRate));
        }
        else if (verdict.kind === 'overload' || verdict.kind === 'clear') {
            this.background = false;
        }
        if (throttled && !this.background)
            this.onThrottle(startedAt);
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
        if (!this.probing && this.clock.now() - this.lastCutAt > REPROBE_AFTER_MS)
            this.probing = true;
        const step = this.probing ? 1 : this.increase;
        this.rateValue = Math.min(this.maxRate, this.rateValue + step);
    }
    /** Calls started before the last cut saw the old rate: their throttles are already answered. */
    onThrottle(startedAt) {
        this.probing = false;
        if (startedAt <= this.lastCutAt)
            return;
        this.lastCutAt = this.clock.now();
        this.rateValue = Math.max(this.minRate, this.rateValue * this.decrease);
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

;// CONCATENATED MODULE: ./src/aws/gateway.ts







/** EksWriteGateway over the AWS SDK v3 clients of one cluster session. */
class SdkEksWriteGateway {
    caller;
    clients;
    /**
     * Writes are paced per operation (pacer.ts) unless `pacers: false`: a burst of creates then runs
     * at the rate EKS allows instead of into throttling and the SDK's backoff.
     */
    constructor(clients, options = {}) {
        this.clients = options.pacers === false ? clients : pacedClients(clients, options.pacers ?? new PacerRegistry());
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
    async describeUpdate(cluster, updateId) {
        const answer = await (0,aws_errors/* callAws */.IY)('DescribeUpdate', `update ${updateId} of cluster ${cluster}`, () => this.clients.eks.send(new dist_cjs/* DescribeUpdateCommand */.SrY({ name: cluster, updateId })));
        const errors = (answer.update?.errors ?? []).map((e) => [e.errorCode, e.errorMessage].filter(Boolean).join(': '));
        return { status: (answer.update?.status ?? 'InProgress'), errors };
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

// EXTERNAL MODULE: ./src/model/ownership.ts
var ownership = __webpack_require__(5012);
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
/** Finds the declared associations (see above). `declared`: keys as namespace and service account. */
async function findDeclaredAssociations(pages, declared, limit) {
    const seen = new Map();
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
        page = await pages.associations({}, page?.nextToken);
        for (const s of page.items)
            seen.set(s.associationId, s);
    }
    if (page?.nextToken === undefined)
        return { summaries: sortSummaries(seen), complete: true };
    const unfound = unfoundByNamespace();
    const perNamespace = await mapWithConcurrency([...unfound], limit, ([namespace, accounts]) => findInNamespace(pages, namespace, accounts, limit));
    for (const s of perNamespace.flat())
        seen.set(s.associationId, s);
    return { summaries: sortSummaries(seen), complete: false };
}
/** Finds the declared access entries (see above). */
async function findDeclaredAccessEntries(pages, declared) {
    const first = await pages.accessEntries();
    const listed = [...new Set(first.items)].sort(compare);
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
    return [...byId.values()].sort((a, b) => compare(a.namespace, b.namespace) || compare(a.serviceAccount, b.serviceAccount) || compare(a.associationId, b.associationId));
}

// EXTERNAL MODULE: ./src/aws/progress.ts
var aws_progress = __webpack_require__(2830);
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
    const group = (0,aws_progress/* createProgressGroup */.RK)(options.progress ?? aws_progress/* silentProgress */.RZ, `Reading ${desired.clusters.length} cluster(s)`);
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
            return readLiveCluster(session, cluster, { ...options, pacers, iam, progress: group.task() });
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
    const reader = new ClusterReader(session, desired.name, options.pacers ?? new PacerRegistry());
    const iam = options.iam ?? new IamLookups();
    const base = {
        name: desired.name,
        region: session.region,
        partition: session.partition,
        accountId: session.accountId,
        caller: session.caller,
    };
    const cluster = await reader.describeCluster();
    if (!cluster) {
        return { ...base, exists: false, authenticationMode: 'CONFIG_MAP', autoMode: false, addons: [], associationSummaries: [], associations: [], accessEntryPrincipals: [], accessEntries: [], roles: {} };
    }
    const authenticationMode = toAuthenticationMode(cluster.accessConfig?.authenticationMode);
    // Access entries do not exist in ConfigMap-only mode (the list call would be refused).
    const entriesAvailable = authenticationMode !== 'CONFIG_MAP';
    // Prune off: find the declared objects, listing only when that is the cheaper way (targeted-read.ts).
    const targeted = !desired.prune;
    const [addons, foundAssociations, foundEntries] = await Promise.all([
        reader.listAddons(),
        targeted ? findDeclaredAssociations(reader, desired.associations, limit) : reader.listAssociations().then((summaries) => ({ summaries, complete: true })),
        !entriesAvailable
            ? Promise.resolve({ listed: [], complete: true, toDescribe: [] })
            : targeted
                ? findDeclaredAccessEntries(reader, desired.accessEntries.map((e) => e.principalArn))
                : reader.listAccessEntries().then((listed) => ({ listed, complete: true, toDescribe: listed })),
    ]);
    const summaries = foundAssociations.summaries;
    const declaredAssociations = new Set(desired.associations.map((a) => reader_associationKey(a.namespace, a.serviceAccount)));
    const toDescribe = desired.prune ? summaries : summaries.filter((s) => declaredAssociations.has(reader_associationKey(s.namespace, s.serviceAccount)));
    const entriesToDescribe = foundEntries.toDescribe;
    // With prune: owned, an undeclared entry's policies matter only when it is ours (it may be deleted).
    const declaredPrincipals = new Set(desired.accessEntries.map((e) => e.principalArn));
    const policiesWanted = (entry) => desired.prune !== 'owned' || declaredPrincipals.has(entry.principalArn) || (0,ownership/* isPrunable */.Ul)(desired.prune, desired.owner, entry.tags);
    const jobs = interleave(toDescribe.map((summary) => ({ kind: 'association', summary })), entriesToDescribe.map((principalArn) => ({ kind: 'entry', principalArn })));
    // Roles the desired state names, and the users of declared entries that exist, are known now:
    // read them alongside the describes (a re-created user makes its entry stale).
    const declaredRoles = rolesToRead(session, desired, []);
    const userArns = usersToRead(session, desired);
    const readUser = (arn) => 
    // A denied GetUser only skips the checks of that user (a finding says so): the permission is
    // newer than the rest of the plan policy.
    iam.once(session, arn, () => reader.getUser(arn).catch((err) => ((0,aws_errors/* isAccessDenied */.w7)(err) ? 'denied' : Promise.reject(err))));
    // Declared access policies are checked against the partition's catalog (read once per partition).
    const wantsCatalog = entriesAvailable && desired.accessEntries.some((e) => e.accessPolicies.length > 0);
    const catalog = wantsCatalog
        ? iam.catalog(session.partition, () => reader.listAccessPolicies().catch((err) => ((0,aws_errors/* isAccessDenied */.w7)(err) ? 'denied' : Promise.reject(err))))
        : Promise.resolve(undefined);
    progress.start(`cluster ${desired.name}`, jobs.length + declaredRoles.length + userArns.length);
    const readRoles = (arns) => mapWithConcurrency(arns, limit, async (arn) => {
        const role = await iam.once(session, arn, () => reader.getRole(arn));
        progress.tick();
        return [arn, role];
    });
    const [described, declaredRoleList, userList] = await Promise.all([
        mapWithConcurrency(jobs, limit, async (job) => {
            const result = job.kind === 'association' ? await reader.describeAssociation(job.summary) : await reader.describeAccessEntry(job.principalArn, policiesWanted);
            progress.tick();
            return result;
        }),
        readRoles(declaredRoles),
        mapWithConcurrency(userArns, limit, async (arn) => {
            const user = await readUser(arn);
            progress.tick();
            return [arn, user];
        }),
    ]);
    const associations = described.filter((d) => d !== undefined && 'associationId' in d);
    const describedEntries = described.filter((d) => d !== undefined && 'accessPolicies' in d);
    // Entries read without their policies (not ours under prune: owned) stay out: the plan only sees what it may act on.
    const accessEntries = describedEntries.filter((e) => policiesWanted(e));
    const principals = foundEntries.complete ? foundEntries.listed : [...new Set([...foundEntries.listed, ...describedEntries.map((e) => e.principalArn)])].sort(compare);
    const uncounted = [...(foundAssociations.complete ? [] : ['associations']), ...(foundEntries.complete ? [] : ['accessEntries'])];
    // Then the roles of live entries the manifest does not declare (read with prune on).
    const known = new Set(declaredRoles);
    const moreRoles = rolesToRead(session, desired, accessEntries).filter((arn) => !known.has(arn));
    progress.start(`cluster ${desired.name}`, jobs.length + declaredRoles.length + userArns.length + moreRoles.length);
    const roleList = [...declaredRoleList, ...(await readRoles(moreRoles))].sort((a, b) => compare(a[0], b[0]));
    const deniedUsers = userList.filter(([, user]) => user === 'denied').map(([arn]) => arn);
    const policies = await catalog;
    progress.done();
    return {
        ...base,
        exists: true,
        authenticationMode,
        autoMode: cluster.computeConfig?.enabled === true,
        ...(cluster.identity?.oidc?.issuer ? { oidcIssuer: cluster.identity.oidc.issuer } : {}),
        addons: addons.map((name) => ({ name })),
        associationSummaries: summaries,
        associations: associations.sort(byAssociation),
        accessEntryPrincipals: principals,
        accessEntries: accessEntries.sort((a, b) => compare(a.principalArn, b.principalArn)),
        roles: Object.fromEntries(roleList),
        users: Object.fromEntries(userList.filter((entry) => entry[1] !== 'denied')),
        ...(deniedUsers.length > 0 ? { unreadableUsers: deniedUsers } : {}),
        ...(uncounted.length > 0 ? { uncounted } : {}),
        ...(policies === 'denied' ? { accessPolicyCatalogDenied: true } : policies ? { accessPolicyCatalog: policies } : {}),
    };
}
/**
 * IAM users named by declared entries, in the cluster's own account and partition (others cannot
 * be read with its credentials), deduplicated and sorted: a missing user is an error at plan (EKS
 * refuses the entry), a user re-created after its entry makes the entry stale.
 */
function usersToRead(session, desired) {
    return [...new Set(desired.accessEntries.map((e) => e.principalArn))].filter((arn) => inAccount(session, arn, 'user/')).sort(compare);
}
/** An IAM ARN of `kind` (`role/`, `user/`) in the session's own account and partition. */
function inAccount(session, arn, kind) {
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
    return { ...live, accessEntries: [...live.accessEntries, ...found].sort((a, b) => compare(a.principalArn, b.principalArn)) };
}
/** True when the cluster has the Pod Identity agent add-on (Auto Mode clusters have it built in). */
function hasPodIdentityAgent(cluster) {
    return cluster.autoMode || cluster.addons.some((a) => a.name === AGENT_ADDON);
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
function reader_associationKey(namespace, serviceAccount) {
    return `${namespace}/${serviceAccount}`;
}
function byAssociation(a, b) {
    return compare(a.namespace, b.namespace) || compare(a.serviceAccount, b.serviceAccount) || compare(a.associationId, b.associationId);
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
        arns.add(a.roleArn);
        if (a.targetRoleArn)
            arns.add(a.targetRoleArn);
    }
    for (const e of desired.accessEntries)
        arns.add(e.principalArn);
    for (const e of described)
        if (e.type === 'STANDARD')
            arns.add(e.principalArn);
    return [...arns].filter((arn) => inAccount(session, arn, 'role/')).sort(compare);
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
    async describeCluster() {
        const answer = await (0,aws_errors/* callAwsOrAbsent */.C1)('DescribeCluster', this.where, () => this.eks.send(new dist_cjs/* DescribeClusterCommand */.hV5({ name: this.clusterName })));
        return answer?.cluster;
    }
    async listAddons() {
        return (0,aws_errors/* callAws */.IY)('ListAddons', this.where, async () => {
            const names = [];
            const pages = (0,dist_cjs/* paginateListAddons */.P4v)({ client: this.eks, pageSize: PAGE_SIZE }, { clusterName: this.clusterName });
            for await (const page of pages)
                names.push(...(page.addons ?? []));
            return [...new Set(names)].sort(compare);
        });
    }
    async listAssociations() {
        return (0,aws_errors/* callAws */.IY)('ListPodIdentityAssociations', this.where, async () => {
            const out = [];
            const pages = (0,dist_cjs/* paginateListPodIdentityAssociations */.Hxv)({ client: this.eks, pageSize: PAGE_SIZE }, { clusterName: this.clusterName });
            for await (const page of pages)
                out.push(...(page.associations ?? []).map(toAssociationSummary));
            return out.sort(byAssociation);
        });
    }
    async listAccessEntries() {
        return (0,aws_errors/* callAws */.IY)('ListAccessEntries', this.where, async () => {
            const out = [];
            const pages = (0,dist_cjs/* paginateListAccessEntries */.q7l)({ client: this.eks, pageSize: PAGE_SIZE }, { clusterName: this.clusterName });
            for await (const page of pages)
                out.push(...(page.accessEntries ?? []));
            return [...new Set(out)].sort(compare);
        });
    }
    /** One page of ListPodIdentityAssociations, filtered by namespace and service account when given; paced (pages may run side by side). */
    async associations(filter, nextToken) {
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
            return [...new Set(out)].sort(compare);
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
;// CONCATENATED MODULE: ./src/model/closest-match.ts
/** "Did you mean" for every place that checks a name against a known list. */
/**
 * The closest candidate within a small edit distance (case-insensitive), or undefined when
 * nothing is close enough to be a plausible typo.
 */
function closestMatch(word, candidates) {
    let best;
    let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
    for (const candidate of candidates) {
        const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        }
        previous = current;
    }
    return previous[b.length];
}

;// CONCATENATED MODULE: ./src/model/api-limits.ts
/**
 * Limits EKS and STS put on the values eks-identity sends, as pure checks: `validate` reports
 * them with the manifest location (after variables are expanded), the plan can re-check values
 * it computes, and the emulator refuses the same values with the error EKS gives. One place per
 * limit, each with its source:
 *
 * - Tags (CreatePodIdentityAssociation, CreateAccessEntry, TagResource): the EKS service model's
 *   TagMap is 1–50 entries, TagKey 1–128 and TagValue 0–256 characters; the API reference reserves
 *   the `aws:` prefix (any case).
 * - Session policy (CreatePodIdentityAssociation/UpdatePodIdentityAssociation `policy`): the EKS
 *   model gives the field no length, but EKS Pod Identity passes it to STS AssumeRole, whose
 *   reference caps the plaintext at 2,048 characters of \u0009, \u000A, \u000D and \u0020–\u00FF.
 *   eks-identity sends the policy as compact canonical JSON, so that text is what is counted.
 * - Username and groups (CreateAccessEntry/UpdateAccessEntry): the model gives no length; the EKS
 *   User Guide ("Create access entries") reserves the username prefixes system:, eks:, aws:,
 *   amazon: and iam:, requires a colon before {{SessionName}}/{{SessionNameRaw}}, and reserves
 *   the group prefix system:.
 * - Namespace and service account: Kubernetes names (RFC 1123 label of at most 63 characters,
 *   RFC 1123 subdomain of at most 253); an access-policy namespace scope may end in `*`.
 */
const TAG_LIMITS = { count: 50, key: 128, value: 256 };
const SESSION_POLICY_MAX = 2048;
const RESERVED_GROUP_PREFIXES = ['system:'];
const RESERVED_USERNAME_PREFIXES = ['system:', 'eks:', 'aws:', 'amazon:', 'iam:'];
/** Kubernetes namespace: an RFC 1123 label. */
const NAMESPACE_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const NAMESPACE_MAX = 63;
/** Kubernetes service account: an RFC 1123 subdomain. */
const SERVICE_ACCOUNT_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SERVICE_ACCOUNT_MAX = 253;
function shorten(text) {
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
/** Problems of a tag set as sent; `key` says which tag (absent: the whole set). */
function tagProblems(tags) {
    const out = [];
    const keys = Object.keys(tags);
    if (keys.length > TAG_LIMITS.count)
        out.push({ code: 'TOO_MANY_TAGS', message: `${keys.length} tags; EKS allows at most ${TAG_LIMITS.count} on a resource`, fix: 'remove some tags (defaults count too)' });
    for (const key of keys) {
        if (key.length === 0 || key.length > TAG_LIMITS.key) {
            out.push({ key, code: 'TAG_KEY_TOO_LONG', message: `tag key \`${shorten(key)}\` has ${key.length} characters; EKS allows 1–${TAG_LIMITS.key}`, fix: key.length === 0 ? 'give the tag a key' : 'shorten the key' });
        }
        const value = tags[key] ?? '';
        if (value.length > TAG_LIMITS.value) {
            out.push({ key, code: 'TAG_VALUE_TOO_LONG', message: `the value of tag \`${shorten(key)}\` has ${value.length} characters; EKS allows at most ${TAG_LIMITS.value}`, fix: 'shorten the value' });
        }
        if (key.toLowerCase().startsWith('aws:'))
            out.push({ key, code: 'RESERVED_TAG_PREFIX', message: `tag key \`${shorten(key)}\` uses the prefix \`aws:\`, which AWS reserves`, fix: 'rename the key' });
    }
    return out;
}
/** Problems of a session policy in the exact text EKS receives. */
function sessionPolicyProblems(text) {
    const out = [];
    if (text.length > SESSION_POLICY_MAX) {
        out.push({
            code: 'SESSION_POLICY_TOO_LONG',
            message: `the session policy is ${text.length} characters as sent (compact JSON); STS, which EKS Pod Identity passes it to, allows at most ${SESSION_POLICY_MAX}`,
            fix: 'shorten the policy (fewer statements, wildcards in actions or resources), or grant through the role\'s own policies',
        });
    }
    const bad = [...text].find((ch) => !isSessionPolicyCharacter(ch.codePointAt(0)));
    if (bad !== undefined) {
        out.push({
            code: 'SESSION_POLICY_INVALID_CHARACTER',
            message: `the session policy contains ${JSON.stringify(bad)} (U+${bad.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}); STS accepts only tab, line breaks and U+0020–U+00FF`,
            fix: 'remove the character (it is usually in a Sid or a condition value)',
        });
    }
    return out;
}
function isSessionPolicyCharacter(code) {
    return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0xff);
}
/** Problems of a username an entry declares (EKS's own node usernames are not checked). */
function usernameProblems(username) {
    const out = [];
    const prefix = RESERVED_USERNAME_PREFIXES.find((p) => username.startsWith(p));
    if (prefix)
        out.push({ code: 'RESERVED_USERNAME_PREFIX', message: `username \`${shorten(username)}\` starts with the reserved prefix \`${prefix}\``, fix: 'choose another username, or omit it and let EKS pick one' });
    if (username.trim() === '')
        out.push({ code: 'INVALID_USERNAME', message: 'the username is empty', fix: 'omit `username` to let EKS pick one' });
    const session = /\{\{SessionName(Raw)?\}\}/.exec(username);
    if (session && !username.slice(0, session.index).includes(':')) {
        out.push({
            code: 'USERNAME_SESSION_NAME_COLON',
            message: `username \`${shorten(username)}\` uses ${session[0]} without a colon before it; EKS requires one`,
            fix: `put a colon before it, e.g. \`${username.slice(0, session.index)}:${username.slice(session.index)}\``,
        });
    }
    return out;
}
/** Problems of one Kubernetes group an entry declares. */
function groupProblems(group) {
    const out = [];
    const prefix = RESERVED_GROUP_PREFIXES.find((p) => group.startsWith(p));
    if (prefix) {
        out.push({
            code: 'RESERVED_GROUP_PREFIX',
            message: `group \`${shorten(group)}\` starts with the reserved prefix \`${prefix}\``,
            fix: group === 'system:masters' ? 'grant AmazonEKSClusterAdminPolicy with `scope: cluster` instead' : 'use a group name without the `system:` prefix and bind it with RBAC',
        });
    }
    if (group.trim() === '')
        out.push({ code: 'INVALID_GROUP', message: 'a Kubernetes group name is empty', fix: 'remove the empty group' });
    return out;
}
/** A namespace of an association. */
function namespaceProblems(namespace) {
    if (NAMESPACE_RE.test(namespace) && namespace.length <= NAMESPACE_MAX)
        return [];
    return [{ code: 'INVALID_NAMESPACE', message: `namespace \`${shorten(namespace)}\` is not a valid Kubernetes namespace`, fix: `use at most ${NAMESPACE_MAX} lowercase letters, digits and hyphens, starting and ending with a letter or digit` }];
}
/** A namespace of an access-policy scope: a namespace name, or a prefix ending in `*`. */
function scopeNamespaceProblems(namespace) {
    const stem = namespace.endsWith('*') ? namespace.slice(0, -1) : namespace;
    // A prefix may end in a hyphen (`team-*`); `*` alone matches every namespace.
    const valid = namespace.length <= NAMESPACE_MAX && (stem === '' ? namespace === '*' : NAMESPACE_RE.test(namespace.endsWith('*') ? stem.replace(/-+$/, '') || 'x' : stem));
    if (valid)
        return [];
    return [{ code: 'INVALID_NAMESPACE', message: `namespace \`${shorten(namespace)}\` is not a valid Kubernetes namespace`, fix: 'use lowercase letters, digits and hyphens (a trailing * matches a prefix)' }];
}
/** A service account name of an association. */
function serviceAccountProblems(name) {
    if (SERVICE_ACCOUNT_RE.test(name) && name.length <= SERVICE_ACCOUNT_MAX)
        return [];
    return [{ code: 'INVALID_SERVICE_ACCOUNT', message: `service account \`${shorten(name)}\` is not a valid Kubernetes name`, fix: `use at most ${SERVICE_ACCOUNT_MAX} lowercase letters, digits, hyphens and dots` }];
}

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
        out.push(...usernameProblems(e.username).map((p) => ({ ...p, field: 'username' })));
    e.kubernetesGroups?.forEach((group, index) => out.push(...groupProblems(group).map((p) => ({ ...p, field: 'kubernetesGroups', index }))));
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
const podIdentityAssociationSchema = schemas/* object */.Ikc({
    namespace: schemas/* string */.YjP().describe('Kubernetes namespace (RFC 1123 label).'),
    serviceAccount: schemas/* string */.YjP().describe('Kubernetes service account name (RFC 1123 subdomain). It may not exist yet.'),
    roleName: schemas/* string */.YjP()
        .optional()
        .describe('IAM role name (optionally with a path, e.g. team/app) in the cluster\'s account; ${cluster} and the other variables expand (KarpenterController-${cluster}). Give roleName or roleArn.'),
    roleArn: schemas/* string */.YjP()
        .optional()
        .describe('IAM role ARN; ${partition} ${accountId} ${region} ${cluster} expand. Give roleName or roleArn.'),
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
    owner: ownerSchema.optional(),
    prune: pruneSchema.optional(),
})
    .strict();
/** Validates the shape of one parsed file against manifest v1 and locates every problem. */
function checkFile(source) {
    const result = { file: source.file, clusters: [], podIdentityAssociations: [], accessEntries: [], rejectedClusterNames: [], diagnostics: [...source.diagnostics] };
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
                const suggestion = closestMatch(key, keysHere);
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
            const suggestion = typeof actual === 'string' ? closestMatch(actual, issue.values.map(String)) : undefined;
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
const CATALOG = { aws: ACCESS_POLICY_NAMES, 'aws-cn': ACCESS_POLICY_NAMES, 'aws-us-gov': ACCESS_POLICY_NAMES };
/** The bundled catalog of a partition, as ListAccessPolicies answers it (name and ARN, sorted by name). */
function bundledAccessPolicies(partition) {
    return CATALOG[partition].map((name) => ({ name, arn: `arn:${partition}:eks::aws:cluster-access-policy/${name}` }));
}
/** Short names of the bundled catalog of a partition. */
function bundledAccessPolicyNames(partition) {
    return CATALOG[partition];
}
/** True when a short name or ARN names a policy of the bundled catalog of `partition`. */
function isBundledAccessPolicy(partition, nameOrArn) {
    return CATALOG[partition].includes((0,model_partition/* accessPolicyName */._z)(nameOrArn));
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
    return exact ?? closestMatch(name, known);
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
 * Pure: tags in, problems out; callers locate and report them.
 */
const ALLOWED = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const IAM_TAG_LIMITS = { count: 50, key: 128, value: 256 };
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
/** Tags IAM would refuse on a role or user it is asked to create or tag: errors. */
function checkIamTags(tags) {
    const problems = [];
    const keys = Object.keys(tags);
    if (keys.length > IAM_TAG_LIMITS.count) {
        problems.push({ code: 'IAM_TOO_MANY_TAGS', severity: 'error', message: `${keys.length} tags; IAM allows at most ${IAM_TAG_LIMITS.count} per role or user`, fix: 'remove some tags' });
    }
    for (const key of keys) {
        const value = tags[key] ?? '';
        if (key.length === 0 || key.length > IAM_TAG_LIMITS.key) {
            problems.push({ key, code: 'IAM_TAG_KEY_LENGTH', severity: 'error', message: `IAM tag key ${quoted(key)} has ${key.length} characters; IAM allows 1–${IAM_TAG_LIMITS.key}`, fix: 'shorten the key' });
        }
        if (value.length > IAM_TAG_LIMITS.value) {
            problems.push({ key, code: 'IAM_TAG_VALUE_LENGTH', severity: 'error', message: `the value of IAM tag ${quoted(key)} has ${value.length} characters; IAM allows at most ${IAM_TAG_LIMITS.value}`, fix: 'shorten the value' });
        }
        if (!ALLOWED.test(key)) {
            problems.push({ key, code: 'IAM_TAG_KEY_CHARACTERS', severity: 'error', message: `IAM refuses tag key ${quoted(key)}: ${outsiders(key)} not allowed`, fix: 'use letters, digits, spaces and _ . : / = + - @ only' });
        }
        if (!ALLOWED.test(value)) {
            problems.push({ key, code: 'IAM_TAG_VALUE_CHARACTERS', severity: 'error', message: `IAM refuses the value of tag ${quoted(key)}: ${outsiders(value)} not allowed`, fix: 'use letters, digits, spaces and _ . : / = + - @ only' });
        }
        if (key.toLowerCase().startsWith('aws:')) {
            problems.push({ key, code: 'IAM_TAG_RESERVED_PREFIX', severity: 'error', message: `IAM tag key ${quoted(key)} uses the reserved prefix aws:`, fix: 'rename the key' });
        }
    }
    return problems;
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

;// CONCATENATED MODULE: ./src/manifest/check-items.ts
/**
 * The rules of one association or access entry, checked for every cluster it targets after the
 * variables are expanded for that cluster: what `KarpenterController-${cluster}` becomes is what
 * EKS and IAM will see, so that is what is checked. Limits and per-type rules come from
 * model/api-limits.ts and model/access-entry-rules.ts, which the plan and the emulator share.
 */










/** A placeholder account for checking ARNs offline when the cluster's account is not declared. */
const PLACEHOLDER_ACCOUNT = '000000000000';
const NO_CLUSTER = { name: 'cluster', region: 'us-east-1' };
function targetsFor(clusters) {
    if (clusters.length === 0)
        return [{ expand: (t) => expandFor(t, undefined), partition: 'aws' }];
    return clusters.map((c) => ({ cluster: c, expand: (t) => expandFor(t, c), partition: (0,model_partition/* partitionOfRegion */.cn)(c.value.region), ...(c.value.accountId ? { accountId: c.value.accountId } : {}) }));
}
function expandFor(text, c) {
    const v = c?.value ?? NO_CLUSTER;
    return expandVariables(text, { partition: (0,model_partition/* partitionOfRegion */.cn)(v.region), accountId: c?.value.accountId ?? PLACEHOLDER_ACCOUNT, region: v.region, cluster: v.name });
}
const located = (location) => (p) => ({ ...p, location });
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
    namespaceProblems(v.namespace).map(located(a.at('namespace'))).forEach(report);
    serviceAccountProblems(v.serviceAccount).map(located(a.at('serviceAccount'))).forEach(report);
    if (v.roleName !== undefined && v.roleArn !== undefined) {
        report({ code: 'ROLE_NAME_AND_ARN', message: 'both `roleName` and `roleArn` are given', fix: 'keep one of them', location: a.at('roleArn') });
    }
    else if (v.roleName === undefined && v.roleArn === undefined) {
        report({ code: 'ROLE_NAME_OR_ARN_REQUIRED', message: 'the association names no IAM role', fix: 'add `roleName: NAME` (a role in the cluster\'s account) or `roleArn: ARN`', location: a.source });
    }
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
        sessionPolicyProblems(canonicalJson(v.policy)).map(located(a.at('policy'))).forEach(report);
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
                scopeNamespaceProblems(t.expand(ns)).map(located(at('namespaces', j))).forEach(report);
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
    if (tags && ownership/* OWNER_TAG */.FX in tags) {
        report({ code: 'RESERVED_OWNER_TAG', message: `tag key \`${ownership/* OWNER_TAG */.FX}\` is set by eks-identity from the manifest's \`owner\``, fix: 'remove the tag and set `owner: NAME` at the top of the manifest instead', location: locate(ownership/* OWNER_TAG */.FX) });
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
    const merged = { ...defaults, ...own, ...(owner !== undefined ? { [ownership/* OWNER_TAG */.FX]: owner } : {}) };
    const ownKeys = new Set(Object.keys(own ?? {}));
    for (const [key, value] of Object.entries(merged)) {
        // Keys are not templated; values are. A bad variable in a default is reported at the default.
        if (ownKeys.has(key))
            checkVariables(value, `tags.${key}`, locate(key), report);
    }
    for (const t of targets) {
        const expanded = Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, t.expand(v)]));
        for (const p of tagProblems(expanded)) {
            // A problem of a default tag is reported where the default is declared (by the caller of
            // checkDefaultTags); here only the item's own tags and the merged count.
            if (p.key !== undefined && !ownKeys.has(p.key))
                continue;
            if (p.key === undefined && Object.keys(defaults).length > TAG_LIMITS.count)
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
        for (const p of tagProblems(expanded))
            report({ code: p.code, message: p.message, fix: p.fix, location: locate(p.key) });
        for (const p of checkPortableTagCharacters(expanded))
            report({ severity: p.severity, code: p.code, message: p.message, fix: p.fix, location: locate(p.key) });
    }
}

;// CONCATENATED MODULE: ./src/manifest/rules.ts



/** Merges the files and checks every rule that spans fields, items or files. */
function mergeAndCheck(files) {
    const diagnostics = files.flatMap((f) => f.diagnostics);
    // The same problem found for several target clusters is reported once.
    const reported = new Set();
    const report = (d) => {
        const key = `${d.code}|${d.message}|${where(d.location)}`;
        if (reported.has(key))
            return;
        reported.add(key);
        diagnostics.push({ severity: 'error', ...d });
    };
    const manifest = {
        clusters: uniqueBy(files.flatMap((f) => f.clusters), (c) => c.value.name, (item, first) => report({ code: 'DUPLICATE_CLUSTER', message: `cluster \`${item.value.name}\` is declared twice (first at ${where(first.source)})`, fix: 'keep one declaration', location: item.source, related: [first.source] })),
        defaultTags: single(files, 'defaultTags', 'defaults', report) ?? {},
        prune: single(files, 'prune', 'prune', report) ?? false,
        ...ownerSetting(files, report),
        podIdentityAssociations: files.flatMap((f) => f.podIdentityAssociations),
        accessEntries: files.flatMap((f) => f.accessEntries),
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
                report({ code: 'DUPLICATE_ASSOCIATION', message: `association ${a.value.namespace}/${a.value.serviceAccount} on cluster \`${c.value.name}\` is declared twice (first at ${where(first)})`, fix: 'keep one declaration, or narrow each with `clusters:`', location: a.source, related: [first] });
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
                report({ code: 'DUPLICATE_ACCESS_ENTRY', message: `access entry ${e.value.principalArn} on cluster \`${c.value.name}\` is declared twice (first at ${where(first)})`, fix: 'merge the two entries into one', location: e.source, related: [first] });
            else
                entryKeys.set(key, e.source);
        }
    }
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
function rules_shorten(text) {
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
function ownerSetting(files, report) {
    const declared = files.flatMap((f) => (f.owner ? [f.owner] : []));
    const first = declared[0];
    for (const extra of declared.slice(1)) {
        if (extra.value !== first?.value) {
            report({ code: 'CONFLICTING_OWNER', message: `\`owner\` is ${JSON.stringify(extra.value)} here but ${JSON.stringify(first?.value)} at ${where(first.source)}; one manifest has one owner`, fix: 'use one owner name in every file of this manifest', location: extra.source, related: [first.source] });
        }
    }
    return first ? { owner: first } : {};
}
/**
 * The owner is a tag value (EKS: 0–256 characters of letters, digits, spaces and _ . : / = + - @;
 * https://docs.aws.amazon.com/eks/latest/userguide/eks-using-tags.html); empty would tag nothing
 * recognisable. `prune: owned` needs an owner to compare with.
 */
function checkOwnership(files, manifest, report) {
    const owner = manifest.owner;
    if (owner && (owner.value.length === 0 || owner.value.length > TAG_LIMITS.value || !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u.test(owner.value))) {
        report({ code: 'INVALID_OWNER', message: `owner ${JSON.stringify(rules_shorten(owner.value))} is not a valid tag value`, fix: `use 1–${TAG_LIMITS.value} characters: letters, digits, spaces and _ . : / = + - @`, location: owner.source });
    }
    const prune = files.find((f) => f.prune)?.prune;
    if (prune?.value === 'owned' && !owner) {
        report({ code: 'PRUNE_OWNED_WITHOUT_OWNER', message: '`prune: owned` deletes only what this manifest owns, but the manifest has no `owner`', fix: 'add `owner: NAME` at the top of the manifest (a name no other manifest on these clusters uses)', location: prune.source });
    }
}
function single(files, key, label, report) {
    const declared = files.flatMap((f) => (f[key] ? [f[key]] : []));
    for (const extra of declared.slice(1)) {
        report({ code: 'DUPLICATE_SETTING', message: `\`${label}\` is set in more than one file (first at ${where(declared[0].source)})`, fix: `set \`${label}\` in one file only`, location: extra.source, related: [declared[0].source] });
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
function where(loc) {
    return `${loc.file}:${loc.line}:${loc.column}`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/manifest/yaml-source.ts

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
            fix: duplicate ? 'remove one of the two keys' : 'fix the YAML syntax at this position',
            location: at(skipIndent(text, e.pos[0])),
        };
    });
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
        const ownerTag = manifest.owner ? { [ownership/* OWNER_TAG */.FX]: manifest.owner.value } : {};
        // Tag values are templated per cluster (keys and the owner are not).
        const tags = (own) => sortedRecord({ ...Object.fromEntries(Object.entries({ ...manifest.defaultTags, ...own }).map(([k, v]) => [k, expand(v)])), ...ownerTag });
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
                .map((a) => toAssociation(a, expand, accountId ?? '${accountId}', partition, tags))
                .sort((x, y) => compare(`${x.namespace}/${x.serviceAccount}`, `${y.namespace}/${y.serviceAccount}`)),
            accessEntries: manifest.accessEntries
                .filter(applies)
                .map((e) => toAccessEntry(e, expand, partition, tags))
                .sort((x, y) => compare(x.principalArn, y.principalArn)),
            source: c.source,
        };
    });
    return { files: loaded.files, clusters: clusters.sort((a, b) => compare(a.name, b.name)) };
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
        const scope = p.namespaces !== undefined ? { type: 'namespace', namespaces: [...new Set(p.namespaces.map(expand))].sort(compare) } : { type: 'cluster' };
        return { policyArn: (0,model_partition/* accessPolicyArnFor */.xh)(partition, expand(p.policy)), scope, source: e.at('accessPolicies', i) };
    });
    return {
        principalArn: expand(v.principalArn),
        type: v.type ?? 'STANDARD',
        kubernetesGroups: [...new Set((v.kubernetesGroups ?? []).map(expand))].sort(compare),
        ...(v.username !== undefined ? { username: expand(v.username) } : {}),
        accessPolicies: policies.sort((x, y) => compare(x.policyArn, y.policyArn)),
        tags: tags(v.tags),
        source: e.source,
    };
}

;// CONCATENATED MODULE: ./src/manifest/index.ts






// EXTERNAL MODULE: ./src/model/plan.ts
var plan = __webpack_require__(7978);
;// CONCATENATED MODULE: ./src/plan/codes.ts
/** Every finding the planner makes: a stable code, its severity, and what it means. */
const FINDINGS = {
    CLUSTER_NOT_FOUND: { severity: 'error', doc: 'The cluster does not exist in the region (or the credentials cannot see it).' },
    AUTH_MODE_CONFIG_MAP: { severity: 'error', doc: 'Access entries are declared but the cluster authenticates through the aws-auth ConfigMap only.' },
    POD_IDENTITY_AGENT_MISSING: { severity: 'warning', doc: 'Associations are declared but the eks-pod-identity-agent add-on is not installed (not needed on Auto Mode).' },
    ADDON_OWNED_ASSOCIATION: { severity: 'warning', doc: 'A declared association is owned by an EKS add-on; it is changed through the add-on, never by eks-identity.' },
    ROLE_NOT_FOUND: { severity: 'error', doc: 'The IAM role of an association does not exist.' },
    PRINCIPAL_NOT_FOUND: { severity: 'error', doc: 'The IAM role or user of an access entry does not exist; EKS would refuse the entry.' },
    ROLE_OTHER_ACCOUNT: { severity: 'error', doc: 'The role of an association is in another account than the cluster\'s: EKS takes only a role of the cluster\'s account (another account\'s role goes in targetRoleArn).' },
    TARGET_ROLE_NOT_FOUND: { severity: 'error', doc: 'The target role of an association, in the cluster\'s account, does not exist.' },
    ARN_PATH_MISMATCH: { severity: 'error', doc: 'A role or user ARN (association roleArn, same-account targetRoleArn, entry principalArn) lacks the path IAM has for it, e.g. an IAM Identity Center role without aws-reserved/sso.amazonaws.com/…: EKS refuses it. The finding names the exact ARN to write.' },
    NODE_TYPE_OTHER_ACCOUNT: { severity: 'error', doc: 'An entry of a type other than STANDARD names a principal of another account than the cluster\'s (found at plan, once STS gives the account).' },
    USER_ON_NODE_TYPE: { severity: 'error', doc: 'An IAM user is the principal of a node-type entry: EKS takes only roles there.' },
    GROUPS_ON_NODE_TYPE: { severity: 'error', doc: 'Kubernetes groups on an entry whose type is not STANDARD.' },
    USERNAME_ON_NODE_TYPE: { severity: 'error', doc: 'A username on an entry whose type is not STANDARD.' },
    ACCESS_POLICIES_ON_NODE_TYPE: { severity: 'error', doc: 'Access policies on an entry type that takes none (only STANDARD and EC2 do).' },
    RESERVED_USERNAME_PREFIX: { severity: 'error', doc: 'The username starts with a prefix EKS reserves (system:, eks:, aws:, amazon:, iam:).' },
    INVALID_USERNAME: { severity: 'error', doc: 'The username is empty.' },
    USERNAME_SESSION_NAME_COLON: { severity: 'error', doc: 'The username uses {{SessionName}} without a colon before it.' },
    RESERVED_GROUP_PREFIX: { severity: 'error', doc: 'A Kubernetes group starts with the reserved prefix system:.' },
    INVALID_GROUP: { severity: 'error', doc: 'A Kubernetes group name is empty.' },
    PRINCIPAL_NOT_CHECKED: { severity: 'info', doc: 'A principal or target role of another account: its IAM cannot be read with the cluster\'s credentials, so its existence and path were not checked.' },
    ACCESS_POLICY_NOT_FOUND: { severity: 'error', doc: 'An access policy is not in the partition\'s ListAccessPolicies answer (read once per partition per run); the finding suggests the closest name.' },
    ACCESS_POLICY_CATALOG_UNREADABLE: { severity: 'warning', doc: 'eks:ListAccessPolicies was denied, so the declared access policies were not checked.' },
    PODS_KEEP_OLD_CREDENTIALS: { severity: 'info', doc: 'An association is created or its role or target role changes: running pods of the service account keep their old credentials (the Pod Identity Agent caches them for 6 hours, 59 minutes with a target role) or get none, until they are re-created.' },
    TRUST_POLICY_MISSING_POD_IDENTITY: { severity: 'error', doc: 'The role does not let pods.eks.amazonaws.com call sts:AssumeRole and sts:TagSession for this association: no such statement, a condition that excludes its cluster, namespace or service account, or a Deny.' },
    TRUST_POLICY_PARTITION_MISMATCH: { severity: 'warning', doc: 'The trust policy names ARNs or service principals of another partition.' },
    PARTITION_MISMATCH: { severity: 'error', doc: 'An ARN is in another partition than the cluster.' },
    STALE_ACCESS_ENTRY: { severity: 'warning', doc: 'The entry\'s IAM role or user was deleted and re-created after the entry: EKS still binds the old id, so it no longer works. It is replaced.' },
    IAM_USER_UNREADABLE: { severity: 'warning', doc: 'The IAM user of a declared access entry could not be read (iam:GetUser denied), so whether it was re-created after its entry is unknown.' },
    IMMUTABLE_FIELD_CHANGED: { severity: 'warning', doc: 'A field that cannot be updated changed (access entry type): the object is replaced.' },
    EKS_OWNED_ENTRY: { severity: 'info', doc: 'An undeclared entry EKS created itself (node, Fargate, Auto Mode, service-linked role, EKS Capability role with its ACK, Argo CD or kro access policy) is never pruned.' },
    QUOTA_ASSOCIATIONS: { severity: 'error', doc: 'The cluster would have more than 5,000 Pod Identity associations.' },
    QUOTA_ACCESS_ENTRIES: { severity: 'error', doc: 'The cluster would have more than 3,000 access entries.' },
    MAX_DELETES_EXCEEDED: { severity: 'error', doc: 'The plan deletes or replaces more objects than --max-deletes allows.' },
    LOCKOUT_CALLER: { severity: 'error', doc: 'The plan removes or downgrades the access entry of the identity running eks-identity.' },
    LOCKOUT_NO_ADMIN: { severity: 'error', doc: 'After the plan no access entry would keep cluster-wide AmazonEKSClusterAdminPolicy.' },
    UNMANAGED_NOT_SHOWN: { severity: 'info', doc: 'Live objects the manifest does not declare (prune is off): left alone and not read. The finding names them (namespace/service account, principal ARN) and `summary.unmanaged` counts them.' },
    OWNED_BY_ANOTHER_MANIFEST: { severity: 'error', doc: 'A declared object carries the eks-identity/owner tag of another manifest (or this manifest has no owner): two manifests must not manage one object.' },
    NOT_OWNED_LEFT_ALONE: { severity: 'info', doc: 'With prune: owned, undeclared objects without this manifest\'s owner tag are left alone (made by other tools or manifests).' },
    UNDECLARED_NOT_COUNTED: { severity: 'info', doc: 'Prune is off and the declared objects were read one by one: undeclared objects were not listed, so they were not counted.' },
};
const ASSOCIATION_QUOTA = 5000;
const ACCESS_ENTRY_QUOTA = 3000;
const DEFAULT_MAX_DELETES = 10;

;// CONCATENATED MODULE: ./src/plan/finding.ts


/** A finding with the severity its code carries. */
function finding(code, message, extra = {}) {
    return {
        severity: FINDINGS[code].severity,
        code,
        ...(extra.key !== undefined ? { key: extra.key } : {}),
        message,
        ...(extra.fix !== undefined ? { fix: extra.fix } : {}),
        ...(extra.source !== undefined ? { source: extra.source } : {}),
    };
}

function sameRecord(a, b) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
function sameList(a, b) {
    return a.length === b.length && a.every((v, i) => v === b[i]);
}
/** The first few names of a list, and how many more there are: findings stay readable on large clusters. */
function listSome(names, shown = 10) {
    const head = names.slice(0, shown).join(', ');
    return names.length > shown ? `${head} and ${names.length - shown} more` : head;
}

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

;// CONCATENATED MODULE: ./src/plan/ownership.ts



/*
 * Ownership in the plan: a declared object that another manifest owns is an error (two manifests
 * must never take turns rewriting one object), `prune: owned` passes over undeclared objects
 * without this manifest's tag, and the owner tag shows in a diff only when it changes.
 */
/**
 * The error for a declared object whose live owner tag names another owner (or any owner, when
 * this manifest has none): applying would take it from that manifest.
 */
function foreignOwnerFinding(desired, liveTags, object) {
    const holder = (0,ownership/* ownerOf */.bf)(liveTags);
    if (holder === undefined || holder === desired.owner)
        return undefined;
    const mine = desired.owner === undefined ? 'this manifest has no owner' : `this manifest's owner is ${JSON.stringify(desired.owner)}`;
    return finding('OWNED_BY_ANOTHER_MANIFEST', `${object.label} on cluster ${desired.name} carries ${ownership/* OWNER_TAG */.FX}=${JSON.stringify(holder)}, but ${mine}; eks-identity leaves it alone`, {
        key: object.key,
        fix: `declare it in the manifest whose owner is ${JSON.stringify(holder)} only, and remove it here (or, to move it, remove it there first and retag it with aws eks tag-resource)`,
        source: object.source,
    });
}
/** The tags field of a diff, or undefined when equal. An unchanged owner tag is left out of both sides. */
function tagsDiff(before, after) {
    if (sameRecord(before, after))
        return undefined;
    const drop = before[ownership/* OWNER_TAG */.FX] !== undefined && before[ownership/* OWNER_TAG */.FX] === after[ownership/* OWNER_TAG */.FX];
    const shown = (tags) => sortedRecord(drop ? Object.fromEntries(Object.entries(tags).filter(([k]) => k !== ownership/* OWNER_TAG */.FX)) : { ...tags });
    return { field: 'tags', before: shown(before), after: shown(after) };
}
/** One note for the undeclared objects `prune: owned` left alone because another owner (or none) holds them. */
function notOwnedFinding(desired, count, kind) {
    if (count === 0)
        return [];
    const what = count === 1 ? `${kind.one} is` : `${kind.many} are`;
    return [
        finding('NOT_OWNED_LEFT_ALONE', `${count} undeclared ${what} not tagged ${ownership/* OWNER_TAG */.FX}=${JSON.stringify(desired.owner ?? '')}; prune: owned leaves them alone`, {
            fix: 'nothing to do; declare them here (or in their owner manifest) to manage them',
        }),
    ];
}
/** With prune off and a targeted read, the undeclared objects of a kind were neither listed nor counted. */
function notCountedFinding(live, kind, what) {
    if (!live.uncounted?.includes(kind))
        return [];
    return [
        finding('UNDECLARED_NOT_COUNTED', `undeclared ${what} were not counted: the declared ones were read one by one, and counting the others would list the whole cluster (prune is off)`, {
            fix: 'nothing to do; eks-identity export lists them all, and prune: true or prune: owned reads them',
        }),
    ];
}

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
    for (const d of desired.associations) {
        const key = `${d.namespace}/${d.serviceAccount}`;
        const id = associationId(d.namespace, d.serviceAccount);
        declared.add(key);
        const owner = described.get(key)?.ownerArn ?? summaries.get(key)?.ownerArn;
        if (owner) {
            findings.push(finding('ADDON_OWNED_ASSOCIATION', `${key} is owned by the add-on ${owner}; eks-identity leaves it alone`, {
                key: id,
                fix: 'remove it from the manifest and configure it through the add-on (aws eks update-addon --pod-identity-associations)',
                source: d.source,
            }));
            continue;
        }
        const l = described.get(key);
        const foreign = l && foreignOwnerFinding(desired, l.tags, { key: id, label: `association ${key} (${l.associationArn ?? l.associationId})`, source: d.source });
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
            if (!(0,ownership/* isPrunable */.Ul)(desired.prune, desired.owner, l.tags)) {
                notOwned++;
            }
            else if (l.ownerArn) {
                changes.push({ id, kind: 'podIdentityAssociation', action: 'unmanaged', before: liveValue(l), reason: `owned by the add-on ${l.ownerArn}; never pruned` });
            }
            else {
                changes.push({ id, kind: 'podIdentityAssociation', action: 'delete', before: liveValue(l), reason: pruneReason(desired.prune) });
            }
        }
        findings.push(...notOwnedFinding(desired, notOwned, { one: 'Pod Identity association', many: 'Pod Identity associations' }));
    }
    // A targeted read (prune off, big cluster) saw only the declared ones: nothing to name or count.
    const counted = !live.uncounted?.includes('associations');
    if (!desired.prune && !counted)
        findings.push(...notCountedFinding(live, 'associations', 'Pod Identity associations'));
    const undeclared = desired.prune || !counted ? [] : live.associationSummaries.map((s) => `${s.namespace}/${s.serviceAccount}`).filter((key) => !declared.has(key));
    if (undeclared.length > 0) {
        findings.push(finding('UNMANAGED_NOT_SHOWN', `${undeclared.length} live Pod Identity association${undeclared.length === 1 ? ' is' : 's are'} not declared; left alone (prune is off): ${listSome(undeclared)}`, {
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
    const tags = tagsDiff(l.tags, d.tags);
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
        tags: sortedRecord(d.tags),
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
        tags: sortedRecord(l.tags),
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
    for (const d of desired.accessEntries) {
        declared.add(d.principalArn);
        const id = entryId(d.principalArn);
        const l = described.get(d.principalArn);
        const foreign = l && foreignOwnerFinding(desired, l.tags, { key: id, label: `access entry ${d.principalArn}${l.accessEntryArn ? ` (${l.accessEntryArn})` : ''}`, source: d.source });
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
            findings.push(finding('IAM_USER_UNREADABLE', `could not read the IAM user ${d.principalArn} (iam:GetUser was denied), so a re-created user behind this entry would go unnoticed`, {
                key: id,
                fix: 'grant the plan and apply roles iam:GetUser on arn:…:user/* (docs/iam-policies.md)',
                source: d.source,
            }));
        }
        const replaceReason = reasonToReplace(l, d, principalOf(live, d.principalArn));
        if (replaceReason) {
            changes.push({ id, kind: 'accessEntry', action: 'replace', before: liveEntryValue(l), after: desiredEntryValue(d), fields: entryFieldDiffs(l, d, true), reason: replaceReason.reason, ...src(d) });
            findings.push(finding(replaceReason.code, replaceReason.reason, { key: id, fix: replaceReason.fix, source: d.source }));
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
        if (!desired.prune || !(0,ownership/* isPrunable */.Ul)(desired.prune, desired.owner, l.tags))
            continue;
        ours.add(l.principalArn);
        // What EKS created is never pruned (src/model/ownership.ts): node types and service-linked roles.
        // The cluster creator's entry (bootstrapClusterCreatorAdminPermissions) carries no mark that the
        // API returns: it is an ordinary STANDARD admin entry, so prune may delete it. The lockout checks
        // guard it instead: LOCKOUT_CALLER when it is the caller's, LOCKOUT_NO_ADMIN when it is the last admin.
        const owned = (0,ownership/* eksOwnedEntryReason */.DB)(l, desired.owner);
        if (owned) {
            changes.push({ id, kind: 'accessEntry', action: 'unmanaged', before: liveEntryValue(l), reason: owned });
            findings.push(finding('EKS_OWNED_ENTRY', `${l.principalArn}: ${owned}`, { key: id, fix: 'nothing to do: prune leaves it in place' }));
            continue;
        }
        changes.push({ id, kind: 'accessEntry', action: 'delete', before: liveEntryValue(l), reason: pruneReason(desired.prune) });
    }
    // Under prune: owned the reader keeps only owned entries: the others are counted from the list.
    if (desired.prune === 'owned')
        findings.push(...notOwnedFinding(desired, live.accessEntryPrincipals.filter((p) => !declared.has(p) && !ours.has(p)).length, { one: 'access entry', many: 'access entries' }));
    // A targeted read (prune off, big cluster) saw only the declared ones: nothing to name or count.
    const counted = !live.uncounted?.includes('accessEntries');
    if (!desired.prune && !counted)
        findings.push(...notCountedFinding(live, 'accessEntries', 'access entries'));
    // ListAccessEntries returns the principal ARNs, so the undeclared entries are named at no cost.
    const undeclared = desired.prune || !counted ? [] : live.accessEntryPrincipals.filter((p) => !declared.has(p));
    if (undeclared.length > 0) {
        findings.push(finding('UNMANAGED_NOT_SHOWN', `${undeclared.length} live access entr${undeclared.length === 1 ? 'y is' : 'ies are'} not declared; left alone (prune is off): ${listSome(undeclared)}`, {
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
        if ((0,ownership/* isCapabilityPolicy */.$5)(p.policyArn)) {
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
        return sameList([...l.scope.namespaces].sort(), d.scope.namespaces);
    return true;
}
function createPolicy(d, p) {
    return { id: policyId(d.principalArn, p.policyArn), kind: 'accessPolicy', action: 'create', after: desiredPolicyValue(d.principalArn, p), ...(p.source ? { source: p.source } : {}) };
}
function entryFieldDiffs(l, d, includeType) {
    const fields = [];
    if (includeType && l.type !== d.type)
        fields.push({ field: 'type', before: l.type, after: d.type });
    // Node types take their groups and username from EKS: only STANDARD entries are compared.
    if (d.type === 'STANDARD') {
        if (!sameList([...l.kubernetesGroups].sort(), d.kubernetesGroups))
            fields.push({ field: 'kubernetesGroups', before: l.kubernetesGroups, after: d.kubernetesGroups });
        // An omitted username means "whatever EKS chose": never a diff.
        if (d.username !== undefined && l.username !== d.username)
            fields.push({ field: 'username', ...(l.username !== undefined ? { before: l.username } : {}), after: d.username });
    }
    const tags = tagsDiff(l.tags, d.tags);
    if (tags)
        fields.push(tags);
    return fields;
}
function desiredEntryValue(d) {
    return { principalArn: d.principalArn, type: d.type, kubernetesGroups: d.kubernetesGroups, ...(d.username !== undefined ? { username: d.username } : {}), tags: sortedRecord(d.tags) };
}
function liveEntryValue(l) {
    return { principalArn: l.principalArn, type: l.type, kubernetesGroups: [...l.kubernetesGroups].sort(), ...(l.username !== undefined ? { username: l.username } : {}), tags: sortedRecord(l.tags) };
}
function desiredPolicyValue(principalArn, p) {
    return { principalArn, policyArn: p.policyArn, scope: p.scope };
}
function livePolicyValue(principalArn, p) {
    const scope = p.scope.type === 'namespace' ? { type: 'namespace', namespaces: [...p.scope.namespaces].sort() } : p.scope;
    return { principalArn, policyArn: p.policyArn, scope };
}

;// CONCATENATED MODULE: ./src/plan/trust.ts

/**
 * Why the Pod Identity service may not assume the role and tag the session, or undefined when it
 * may. Read defensively (any JSON may come back): Principal.Service and Action as a string or a
 * list, IAM wildcards in actions (`sts:*`, `*`, `sts:Tag*`). Without `request`, conditions are
 * not evaluated: an Allow counts and only an unconditional Deny wins. With it, conditions on the
 * keys the request is known to carry are evaluated as IAM does; an Allow whose condition fails
 * does not count, and a Deny whose condition holds wins.
 */
function podIdentityTrustProblem(document, request) {
    const context = request ? requestContext(request) : undefined;
    const statements = statementsOf(document);
    for (const action of ['sts:AssumeRole', 'sts:TagSession']) {
        const candidates = statements.filter((s) => s.Effect === 'Allow' && namesPodIdentity(s.Principal) && matchesAction(s.Action, action));
        if (candidates.length === 0)
            return `no statement allows ${model_partition/* POD_IDENTITY_PRINCIPAL */.AU} to call ${action}`;
        const verdicts = candidates.map((s) => (context ? evaluateCondition(s.Condition, context) : { holds: true }));
        if (verdicts.every((v) => v.holds === false)) {
            return `the statement that allows ${model_partition/* POD_IDENTITY_PRINCIPAL */.AU} to call ${action} has a condition this association does not meet (${verdicts[0].reason ?? 'condition'})`;
        }
        const deny = statements.find((s) => s.Effect === 'Deny' &&
            (namesPodIdentity(s.Principal) || namesEveryone(s.Principal)) &&
            matchesAction(s.Action, action) &&
            (context ? evaluateCondition(s.Condition, context).holds === true : s.Condition === undefined));
        if (deny)
            return `a Deny statement stops ${model_partition/* POD_IDENTITY_PRINCIPAL */.AU} from calling ${action}${deny.Condition === undefined ? '' : ' for this association (its condition holds)'}`;
    }
    return undefined;
}
/** Whether the Pod Identity service may assume the role and tag the session (see podIdentityTrustProblem). */
function trustsPodIdentity(document, request) {
    return podIdentityTrustProblem(document, request) === undefined;
}
/** Lower-cased condition keys → value; null: known to be absent from the request. */
function requestContext(r) {
    const tag = (value) => (r.sessionTags ? value : null);
    return new Map([
        ['aws:sourceaccount', r.accountId],
        ['aws:requesttag/eks-cluster-arn', tag(r.clusterArn)],
        ['aws:requesttag/eks-cluster-name', tag(r.clusterName)],
        ['aws:requesttag/kubernetes-namespace', tag(r.namespace)],
        ['aws:requesttag/kubernetes-service-account', tag(r.serviceAccount)],
    ]);
}
/** A Condition block: every operator and key must hold (IAM ANDs them). */
function evaluateCondition(condition, context) {
    if (condition === undefined)
        return { holds: true };
    if (!condition || typeof condition !== 'object')
        return { holds: undefined };
    let holds = true;
    for (const [operator, block] of Object.entries(condition)) {
        if (!block || typeof block !== 'object')
            return { holds: undefined };
        for (const [key, expected] of Object.entries(block)) {
            const result = evaluateKey(operator, key.toLowerCase(), listOf(expected), context);
            if (result === false) {
                const actual = context.get(key.toLowerCase());
                return { holds: false, reason: `${operator} ${key}: ${actual === null ? 'not sent' : `"${actual}"`} against ${JSON.stringify(expected)}` };
            }
            if (result === undefined)
                holds = undefined;
        }
    }
    return { holds };
}
function evaluateKey(operator, key, values, context) {
    if (!context.has(key) || values.length === 0 || values.some((v) => v.includes('${')))
        return undefined;
    const ifExists = operator.endsWith('IfExists');
    const name = operator.replace(/IfExists$/, '').replace(/^For(AnyValue|AllValues):/, '');
    const negated = /^(String|Arn)Not/.test(name);
    const actual = context.get(key);
    // A key the request does not carry matches no value: positive operators fail, negated ones hold.
    if (actual === null || actual === undefined)
        return ifExists ? true : negated;
    const positive = name.replace(/^(String|Arn)Not/, '$1');
    let match;
    switch (positive) {
        case 'StringEquals':
            match = values.includes(actual);
            break;
        case 'StringEqualsIgnoreCase':
            match = values.some((v) => v.toLowerCase() === actual.toLowerCase());
            break;
        case 'StringLike':
        case 'ArnLike':
        case 'ArnEquals':
            match = values.some((v) => matchesIamPattern(v, actual, false));
            break;
        default:
            return undefined;
    }
    return negated ? !match : match;
}
/** IAM wildcards: `*` for any run of characters, `?` for one (actions are matched ignoring case). */
function matchesIamPattern(pattern, value, ignoreCase) {
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value);
}
function namesPodIdentity(principal) {
    return listOf(principalServices(principal)).includes(model_partition/* POD_IDENTITY_PRINCIPAL */.AU);
}
function namesEveryone(principal) {
    if (principal === '*')
        return true;
    return principal !== null && typeof principal === 'object' && listOf(principal.AWS).includes('*');
}
/** IAM action patterns: case-insensitive wildcards. */
function matchesAction(patterns, action) {
    return listOf(patterns).some((pattern) => matchesIamPattern(pattern, action, true));
}
/**
 * ARNs of another partition, and service principals with another partition's DNS suffix
 * (`ec2.amazonaws.com` in aws-cn, where `ec2.amazonaws.com.cn` is meant). pods.eks.amazonaws.com
 * is the same in every partition.
 */
function foreignPartitionNames(document, partition) {
    const found = new Set();
    const visit = (value) => {
        if (typeof value === 'string') {
            const arn = /^arn:([a-z-]+):/.exec(value);
            if (arn && arn[1] !== partition)
                found.add(value);
            if (partition === 'aws-cn' && /^[a-z0-9.-]+\.amazonaws\.com$/.test(value) && value !== model_partition/* POD_IDENTITY_PRINCIPAL */.AU)
                found.add(value);
            if (partition !== 'aws-cn' && value.endsWith('.amazonaws.com.cn'))
                found.add(value);
        }
        else if (Array.isArray(value)) {
            value.forEach(visit);
        }
        else if (value && typeof value === 'object') {
            Object.values(value).forEach(visit);
        }
    };
    for (const statement of statementsOf(document)) {
        visit(statement.Principal);
        visit(statement.Condition);
    }
    return [...found].sort();
}
function statementsOf(document) {
    if (!document || typeof document !== 'object')
        return [];
    const raw = document.Statement;
    const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
    return list.filter((s) => Boolean(s) && typeof s === 'object');
}
function principalServices(principal) {
    return principal && typeof principal === 'object' ? principal.Service : undefined;
}
function listOf(value) {
    if (typeof value === 'string')
        return [value];
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
}

;// CONCATENATED MODULE: ./src/plan/checks.ts






const checks_AGENT_ADDON = 'eks-pod-identity-agent';
/** Cluster-level checks that stop the entry diff altogether. */
function authModeFinding(desired, live) {
    if (desired.accessEntries.length === 0 || live.authenticationMode !== 'CONFIG_MAP')
        return undefined;
    return finding('AUTH_MODE_CONFIG_MAP', `cluster ${live.name} authenticates through the aws-auth ConfigMap only (CONFIG_MAP), so it has no access entries`, {
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
            findings.push(finding('PARTITION_MISMATCH', `${what} ${arn} is in partition ${partition}, but cluster ${live.name} (${live.region}) is in ${live.partition}`, {
                key, fix: 'write the ARN as arn:${partition}:… so it follows the cluster', source,
            }));
        }
    };
    for (const a of desired.associations) {
        const key = associationId(a.namespace, a.serviceAccount);
        checkPartition(a.roleArn, 'role', key, a.source);
        if (a.targetRoleArn)
            checkPartition(a.targetRoleArn, 'target role', key, a.source);
        const role = live.roles[a.roleArn];
        if (role === null) {
            findings.push(finding('ROLE_NOT_FOUND', `IAM role ${a.roleArn} does not exist`, { key, fix: 'create the role (with a trust policy for pods.eks.amazonaws.com), or fix roleName/roleArn', source: a.source }));
        }
        else if (role) {
            const problem = podIdentityTrustProblem(role.trustPolicy, {
                accountId: live.accountId,
                clusterArn: `arn:${live.partition}:eks:${live.region}:${live.accountId}:cluster/${live.name}`,
                clusterName: live.name,
                namespace: a.namespace,
                serviceAccount: a.serviceAccount,
                sessionTags: !a.disableSessionTags,
            });
            if (problem) {
                findings.push(finding('TRUST_POLICY_MISSING_POD_IDENTITY', `role ${role.roleName} cannot be used by this association: ${problem}`, {
                    key,
                    fix: problem.startsWith('no statement')
                        ? 'add a trust statement: {"Effect":"Allow","Principal":{"Service":"pods.eks.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]} (eks-identity migrate-irsa does this for IRSA roles)'
                        : "widen the trust policy's condition (or the Deny) to admit this cluster, namespace and service account, or use a role meant for them",
                    source: a.source,
                }));
            }
            const foreign = foreignPartitionNames(role.trustPolicy, live.partition);
            if (foreign.length > 0) {
                findings.push(finding('TRUST_POLICY_PARTITION_MISMATCH', `the trust policy of role ${role.roleName} names ${foreign.join(', ')}, which belong to another partition than ${live.partition}`, {
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
        findings.push(finding('POD_IDENTITY_AGENT_MISSING', `cluster ${live.name} has no eks-pod-identity-agent add-on: pods will not receive credentials from their associations`, {
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
    const associations = live.associationSummaries.length + count('podIdentityAssociation', ['create']) - count('podIdentityAssociation', ['delete']);
    if (associations > ASSOCIATION_QUOTA) {
        findings.push(finding('QUOTA_ASSOCIATIONS', `cluster ${live.name} would have ${associations} Pod Identity associations; the EKS quota is ${ASSOCIATION_QUOTA}`, { fix: 'remove associations, or split workloads across clusters' }));
    }
    const entries = live.accessEntryPrincipals.length + count('accessEntry', ['create']) - count('accessEntry', ['delete']);
    if (entries > ACCESS_ENTRY_QUOTA) {
        findings.push(finding('QUOTA_ACCESS_ENTRIES', `cluster ${live.name} would have ${entries} access entries; the EKS quota is ${ACCESS_ENTRY_QUOTA}`, { fix: 'remove entries (group principals into roles)' }));
    }
    const maxDeletes = options.maxDeletes ?? DEFAULT_MAX_DELETES;
    const deletes = count('podIdentityAssociation', ['delete', 'replace']) + count('accessEntry', ['delete', 'replace']);
    if (deletes > maxDeletes) {
        findings.push(finding('MAX_DELETES_EXCEEDED', `the plan deletes or replaces ${deletes} objects on cluster ${live.name}; the limit is ${maxDeletes}`, { fix: `review the deletes, then raise the limit with --max-deletes ${deletes} (action input max-deletes)` }));
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
        (0,ownership/* isClusterAdminPolicy */.wc)(c.before?.policyArn ?? '') &&
        c.before.scope.type === 'cluster' &&
        (c.action === 'delete' || (c.action === 'update' && c.after.scope.type !== 'cluster'));
    for (const c of changes) {
        const principal = c.kind === 'accessEntry' ? c.before?.principalArn : c.kind === 'accessPolicy' ? c.before?.principalArn : undefined;
        if (!principal || !(0,ownership/* isSamePrincipal */.xH)(principal, caller))
            continue;
        if ((c.kind === 'accessEntry' && (c.action === 'delete' || c.action === 'replace')) || removesAdmin(c)) {
            findings.push(finding('LOCKOUT_CALLER', `this plan ${c.action === 'replace' ? 'replaces' : 'removes'} ${c.kind === 'accessEntry' ? 'the access entry' : 'the cluster admin policy'} of the identity running it (${live.caller.arn}) on cluster ${live.name}`, { key: c.id, fix }));
        }
    }
    // Last admin: only when the plan takes cluster-wide admin away from someone.
    // Deleting or replacing an entry takes its policies along (a replacement keeps only those the plan
    // associates again, counted in `gains`); it matters here only for an entry that was an admin.
    const isAdmin = (e) => e.accessPolicies.some((p) => (0,ownership/* isClusterAdminPolicy */.wc)(p.policyArn) && p.scope.type === 'cluster');
    const admins = new Set(live.accessEntries.filter(isAdmin).map((e) => e.principalArn));
    const dropsEntry = (c) => c.kind === 'accessEntry' && (c.action === 'delete' || c.action === 'replace');
    const lost = new Set(changes
        .map((c) => ({ c, principal: c.before?.principalArn ?? '' }))
        .filter(({ c, principal }) => removesAdmin(c) || (dropsEntry(c) && admins.has(principal)))
        .map(({ principal }) => principal));
    if (lost.size > 0) {
        const keeps = [...admins].some((principal) => !lost.has(principal));
        const gains = changes.some((c) => c.kind === 'accessPolicy' && (c.action === 'create' || c.action === 'update') && (0,ownership/* isClusterAdminPolicy */.wc)(c.after.policyArn) && c.after.scope.type === 'cluster');
        if (!keeps && !gains) {
            findings.push(finding('LOCKOUT_NO_ADMIN', `after this plan no known access entry of cluster ${live.name} keeps cluster-wide AmazonEKSClusterAdminPolicy`, { fix }));
        }
    }
    return findings;
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
        if (c.kind !== 'podIdentityAssociation')
            continue;
        const after = c.after;
        if (!after)
            continue;
        const serviceAccount = `${after.namespace}/${after.serviceAccount}`;
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
        findings.push(finding('PODS_KEEP_OLD_CREDENTIALS', `pods already running under ${listSome(created)} get no credentials from the new association${created.length === 1 ? '' : 's'}: EKS sets Pod Identity up only when a pod is created`, { fix }));
    }
    if (changed.length > 0) {
        const longest = changed.some((c) => !c.cachedWithTarget) ? '6 hours' : '59 minutes';
        findings.push(finding('PODS_KEEP_OLD_CREDENTIALS', `running pods of ${listSome(changed.map((c) => c.serviceAccount))} keep the old role's credentials for up to ${longest}: the Pod Identity Agent caches them (6 hours, or 59 minutes with a target role)`, { fix }));
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
            findings.push(finding(p.code, p.message, { key, fix: p.fix, source: a.source }));
        pathProblem(a.roleArn, 'roleArn');
        if (!a.targetRoleArn)
            continue;
        if (otherAccount(a.targetRoleArn, live))
            findings.push(notChecked(a.targetRoleArn, 'target role', key, a.source));
        pathProblem(a.targetRoleArn, 'targetRoleArn');
        if (live.roles[a.targetRoleArn] === null) {
            findings.push(finding('TARGET_ROLE_NOT_FOUND', `target role ${a.targetRoleArn} does not exist in the cluster's account`, { key, fix: 'create the role (trusting the association role, with sts:ExternalId), or fix targetRoleArn', source: a.source }));
        }
    }
    for (const e of desired.accessEntries) {
        const key = entryId(e.principalArn);
        const kind = (0,model_partition/* parseArn */.Lw)(e.principalArn)?.resource.startsWith('user/') ? 'user' : 'role';
        if (otherAccount(e.principalArn, live))
            findings.push(notChecked(e.principalArn, `IAM ${kind}`, key, e.source));
        const read = kind === 'user' ? live.users?.[e.principalArn] : live.roles[e.principalArn];
        if (read === null) {
            findings.push(finding('PRINCIPAL_NOT_FOUND', `IAM ${kind} ${e.principalArn} does not exist; EKS refuses access entries for unknown principals`, { key, fix: `create the ${kind} first, or fix principalArn`, source: e.source }));
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
            findings.push(p.code in FINDINGS ? finding(p.code, message, { key, fix: p.fix, source: e.source }) : { severity: 'error', code: p.code, key, message, fix: p.fix, ...(e.source ? { source: e.source } : {}) });
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
    return finding('PRINCIPAL_NOT_CHECKED', `${what} ${arn} is in another account, whose IAM the cluster's credentials cannot read: whether it exists (and its exact path) was not checked`, {
        key,
        fix: 'make sure the ARN is exact; if EKS refuses it, apply fails that change within the propagation window',
        source,
    });
}
function pathFinding(declared, real, field, key, source) {
    return finding('ARN_PATH_MISMATCH', `\`${field}\` ${declared} is not the ARN IAM has: the principal's ARN is ${real} (the path is part of an IAM ARN, and EKS refuses the ARN without it)`, {
        key,
        fix: `write ${real}${real.includes('/aws-reserved/sso.amazonaws.com/') ? ' (IAM Identity Center roles live under aws-reserved/sso.amazonaws.com/)' : ''}`,
        source,
    });
}
function checkPolicies(e, live, key) {
    if (e.accessPolicies.length === 0)
        return [];
    if (live.accessPolicyCatalogDenied) {
        return [finding('ACCESS_POLICY_CATALOG_UNREADABLE', `could not list the access policies of ${live.partition} (eks:ListAccessPolicies was denied), so the policies of ${e.principalArn} were not checked`, { key, fix: 'grant the plan and apply roles eks:ListAccessPolicies (docs/iam-policies.md)', source: e.source })];
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
        return finding('ACCESS_POLICY_NOT_FOUND', `access policy ${(0,model_partition/* accessPolicyName */._z)(p.policyArn)} is not one of the ${catalog.length} access policies EKS lists in ${live.partition}${suggestion ? `; did you mean ${suggestion}?` : ''}`, {
            key,
            fix: suggestion ? `write ${suggestion}` : 'use a policy that `aws eks list-access-policies` lists (docs: "Review access policy permissions")',
            source: p.source ?? e.source,
        });
    });
}

// EXTERNAL MODULE: ./src/plan/summary.ts
var summary = __webpack_require__(967);
;// CONCATENATED MODULE: ./src/plan/compute-plan.ts









const KIND_ORDER = { authenticationMode: 0, trustPolicy: 1, accessEntry: 2, accessPolicy: 3, podIdentityAssociation: 4 };
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
/**
 * The pure diff of desired against live state, with every safety check. Deterministic: the same
 * inputs give the same plan, in the same order, with the same fingerprint.
 */
function computePlan(desired, live, options = {}) {
    const liveByName = new Map(live.clusters.map((c) => [`${c.name}\u0000${c.region}`, c]));
    const wanted = options.clusters && options.clusters.length > 0 ? new Set(options.clusters) : undefined;
    const clusters = (0,fingerprint/* withClusterFingerprints */._4)(desired.clusters
        .filter((d) => !wanted || wanted.has(d.name))
        .map((d) => planCluster(d, liveByName.get(`${d.name}\u0000${d.region}`), options))
        .sort((a, b) => compare(a.name, b.name) || compare(a.region, b.region)));
    return { version: plan/* PLAN_VERSION */.Z, fingerprint: (0,fingerprint/* fingerprintPlan */.Ef)(clusters), summary: (0,summary/* summarize */.eh)(clusters), clusters };
}
function planCluster(desired, live, options) {
    const base = { name: desired.name, region: desired.region, ...(live?.accountId ?? desired.accountId ? { accountId: live?.accountId ?? desired.accountId } : {}) };
    if (!live || !live.exists) {
        return {
            ...base,
            changes: [],
            findings: [finding('CLUSTER_NOT_FOUND', `cluster ${desired.name} was not found in ${desired.region}${live ? ` (account ${live.accountId})` : ''}`, {
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
    changes.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compare(a.id, b.id));
    findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compare(a.code, b.code) || compare(a.key ?? '', b.key ?? ''));
    const iamCreateDates = createDatesOf(live, changes);
    const undeclared = associations.undeclared.length + undeclaredEntries.length > 0 ? { undeclared: { associations: associations.undeclared, accessEntries: undeclaredEntries } } : {};
    const uncounted = desired.prune ? [] : (live.uncounted ?? []);
    return { ...base, changes, findings, ...undeclared, ...(uncounted.length > 0 ? { uncounted: [...uncounted] } : {}), ...(Object.keys(iamCreateDates).length > 0 ? { iamCreateDates } : {}) };
}
/** CreateDate of the IAM roles and users the writes of a plan name, as read (see ClusterPlan.iamCreateDates). */
function createDatesOf(live, changes) {
    const dates = [];
    for (const arn of new Set(changes.filter((c) => c.action !== 'delete' && c.action !== 'unmanaged').flatMap(plan/* principalsOfChange */.L))) {
        const created = live.roles[arn]?.createDate ?? live.users?.[arn]?.createDate;
        if (created !== undefined)
            dates.push([arn, created]);
    }
    return Object.fromEntries(dates.sort(([a], [b]) => compare(a, b)));
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
    return { ...loaded, manifest: { ...loaded.manifest, clusters: loaded.manifest.clusters.filter((c) => wanted.includes(c.value.name)) } };
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
        const accountIds = Object.fromEntries(sessions.map((s) => [s.target.name, s.accountId]));
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
        const kinds = [...(creates(cluster.name, 'podIdentityAssociation') ? ['associations'] : []), ...(creates(cluster.name, 'accessEntry') ? ['accessEntries'] : [])];
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
function trust_policy_statementsOf(document) {
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
    return asList(statement.Action).some((a) => matchesIamPattern(a, action, true));
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
function trust_policy_trustsPodIdentity(document) {
    return trust_policy_statementsOf(document).some((s) => isPodIdentityStatement(s) && model_partition/* POD_IDENTITY_ACTIONS */.dj.every((a) => allowsAction(s, a)));
}
/**
 * Adds the Pod Identity trust. Idempotent: when a statement already trusts the principal, the
 * missing actions are added to it; a second copy is never appended.
 */
function addPodIdentityTrust(document) {
    const base = clone(document);
    if (trust_policy_trustsPodIdentity(base))
        return { document: base, changed: false };
    const statements = trust_policy_statementsOf(base);
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
    for (const statement of trust_policy_statementsOf(base)) {
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
    trust_policy_statementsOf(document).forEach((statement, index) => {
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
    'version', 'clusters', 'name', 'region', 'accountId', 'assumeRoleArn', 'defaults',
    'podIdentityAssociations', 'namespace', 'serviceAccount', 'roleArn', 'roleName', 'targetRoleArn', 'disableSessionTags',
    'accessEntries', 'principalArn', 'type', 'kubernetesGroups', 'username', 'accessPolicies', 'policy', 'scope', 'namespaces',
    'tags', 'prune',
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
        out[k] = orderKeys(v, inUserData || k === 'tags' || k === 'policy');
    return out;
}
function rank(key, value) {
    // An item's cluster selector (a list of names) reads best last; the top-level list stays second.
    if (key === 'clusters' && Array.isArray(value) && value.every((v) => typeof v === 'string'))
        return KEY_ORDER.length + 1;
    const i = KEY_ORDER.indexOf(key);
    return i < 0 ? KEY_ORDER.length : i;
}

;// CONCATENATED MODULE: ./src/migrate/irsa-migration.ts



function planIrsaMigration(input) {
    const { cluster } = input;
    const findings = [];
    const notConvertible = [];
    const associations = new Map();
    const trustUpdates = [];
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
            addonFinding(cluster.name, addon, role.arn, findings, notConvertible);
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
    if (!trust_policy_trustsPodIdentity(role.trustPolicy)) {
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
function addonFinding(clusterName, addon, roleArn, findings, notConvertible) {
    const fix = `move the add-on to Pod Identity through EKS: aws eks update-addon --cluster-name ${clusterName} --addon-name ${addon.name} --pod-identity-associations serviceAccount=SERVICE_ACCOUNT,roleArn=${roleArn} (the service account is listed by aws eks describe-addon-configuration --addon-name ${addon.name} --addon-version VERSION)`;
    findings.push({ severity: 'warning', code: 'IRSA_ADDON', key: `addon/${addon.name}`, message: `add-on ${addon.name} uses IRSA with ${roleArn}; add-on associations belong to the add-on, not to the manifest`, fix });
    notConvertible.push({ origin: 'addon', subject: addon.name, reason: `uses IRSA through the add-on (serviceAccountRoleArn ${roleArn})`, fix });
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
        const { fragment, comments } = renderIrsaManifest({ associations: [], trustUpdates: [], findings: [finding], notConvertible: [] }, facts);
        return { ...base, fragment, comments, leading: [], findings: [finding], notConvertible: [] };
    }
    const cluster = { name, region: session.region, partition: session.partition, oidcIssuer: first.oidcIssuer };
    const [roles, addons] = await Promise.all([reader.listRoles(), reader.describeAddons(name, first.addons.map((a) => a.name))]);
    // A first pass names the service accounts involved, so the second read describes exactly their associations.
    const candidates = planIrsaMigration({ cluster, roles, addons, associations: [] });
    const probe = {
        ...emptyDesiredCluster(session, false),
        associations: candidates.associations.map((a) => ({ namespace: a.namespace, serviceAccount: a.serviceAccount, roleArn: a.roleArn, disableSessionTags: false, tags: {} })),
    };
    const live = await readLiveCluster(session, probe);
    const migration = planIrsaMigration({ cluster, roles, addons, associations: live.associations, removeOidcTrust: options.removeOidcTrust ?? false });
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
    return usernameProblems(value)[0]?.message;
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
function renderClusterExport(cluster) {
    const unmanaged = [];
    const associations = [];
    for (const live of cluster.associations) {
        if (live.ownerArn) {
            unmanaged.push({ origin: 'addon', subject: `${live.namespace}/${live.serviceAccount}`, reason: `owned by add-on ${live.ownerArn}; change it through the add-on`, fix: `role: ${live.roleArn}` });
            continue;
        }
        const owner = (0,ownership/* ownerOf */.bf)(live.tags);
        if (owner !== undefined) {
            unmanaged.push({ origin: 'role', subject: `${live.namespace}/${live.serviceAccount}`, reason: ownedElsewhere(owner), fix: `role: ${live.roleArn}` });
            continue;
        }
        associations.push(exportAssociation(live));
    }
    const entries = [];
    for (const live of cluster.accessEntries) {
        const owner = (0,ownership/* ownerOf */.bf)(live.tags);
        // An owner tag says who made it, so it wins over the guess that EKS made a node entry.
        const reason = owner === undefined ? unmanagedEntryReason(live) : ownedElsewhere(owner);
        if (reason) {
            unmanaged.push({ origin: 'role', subject: live.principalArn, reason, fix: `type: ${live.type}` });
            continue;
        }
        entries.push(exportAccessEntry(live, cluster.partition));
    }
    const undescribed = cluster.associationSummaries.length - cluster.associations.length;
    const fragment = {
        version: 1,
        clusters: [{ name: cluster.name, region: cluster.region, accountId: cluster.accountId }],
        ...(associations.length > 0 ? { podIdentityAssociations: associations } : {}),
        ...(entries.length > 0 ? { accessEntries: entries } : {}),
    };
    const header = [`Exported from EKS cluster ${cluster.name} (${cluster.region}, account ${cluster.accountId}).`];
    if (undescribed > 0)
        header.push(`${undescribed} association(s) vanished while reading and are not included.`);
    if (cluster.authenticationMode === 'CONFIG_MAP')
        header.push('The cluster is in CONFIG_MAP mode: it has no access entries (see migrate-aws-auth).');
    const comments = { header, trailer: unmanagedComments(unmanaged) };
    return { manifestYaml: renderManifestFragment(fragment, comments), fragment, unmanaged, comments };
}
/** An object another eks-identity manifest wrote (its owner tag) stays that manifest's to manage. */
function ownedElsewhere(owner) {
    return `managed by the eks-identity manifest with owner ${owner} (tag ${ownership/* OWNER_TAG */.FX}); declare it there`;
}
function exportAssociation(live) {
    const out = { namespace: live.namespace, serviceAccount: live.serviceAccount, roleArn: live.roleArn };
    if (live.targetRoleArn)
        out.targetRoleArn = live.targetRoleArn;
    if (live.disableSessionTags)
        out.disableSessionTags = true;
    if (live.policy !== undefined)
        out.policy = parsePolicy(live.policy);
    if (Object.keys(live.tags).length > 0)
        out.tags = sortedRecord(live.tags);
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
    const policies = [...live.accessPolicies].sort((a, b) => (a.policyArn < b.policyArn ? -1 : a.policyArn > b.policyArn ? 1 : 0));
    if (policies.length > 0)
        out.accessPolicies = policies.map((p) => ({ policy: policyReference(p.policyArn, partition), ...exportScope(p.scope) }));
    if (Object.keys(live.tags).length > 0)
        out.tags = sortedRecord(live.tags);
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



async function exportLiveCluster(session, options = {}) {
    // Prune-like read: every association and entry described, not only declared ones.
    const live = await readLiveCluster(session, emptyDesiredCluster(session, true), options.progress ? { progress: options.progress } : {});
    requireExistingCluster(live);
    const exported = renderClusterExport(live);
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
    if (associations.length === 0 && accessEntries.length === 0)
        return { differences };
    const fragment = {
        version: 1,
        ...(associations.length > 0 ? { podIdentityAssociations: associations } : {}),
        ...(accessEntries.length > 0 ? { accessEntries } : {}),
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
    return propose('export', request, (session) => exportLiveCluster(session, request.progress ? { progress: request.progress } : {}));
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

//# sourceMappingURL=322.index.js.map