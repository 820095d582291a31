export const id = 50;
export const ids = [50];
export const modules = {

/***/ 3050:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createDefaultEngine: () => (/* binding */ createDefaultEngine)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/credential-provider-node/dist-cjs/index.js
var dist_cjs = __webpack_require__(5861);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/aws/errors.ts

const AWS_BRAND = Symbol.for('eks-identity.aws-call-error');
/**
 * A failed AWS call, with enough context to act on it: which operation, on which AWS object,
 * the service's error name, HTTP status and request id (for AWS support).
 */
class AwsCallError extends src_errors/* EksIdentityError */.C {
    /** SDK operation name, e.g. `DescribePodIdentityAssociation`. */
    operation;
    /** The AWS object the call was about, e.g. `cluster prod, association karpenter/karpenter`. */
    key;
    errorName;
    httpStatus;
    requestId;
    awsMessage;
    [AWS_BRAND] = true;
    constructor(operation, key, facts, options) {
        super(options.code, formatMessage(operation, key, facts), {
            source: 'user',
            ...(options.fix === undefined ? {} : { fix: options.fix }),
            cause: options.cause,
        });
        this.name = 'AwsCallError';
        this.operation = operation;
        this.key = key;
        this.errorName = facts.errorName;
        if (facts.httpStatus !== undefined)
            this.httpStatus = facts.httpStatus;
        if (facts.requestId !== undefined)
            this.requestId = facts.requestId;
        this.awsMessage = facts.awsMessage;
    }
    /** Brand check that survives bundling and duplicate module copies. */
    static isAwsCallError(value) {
        return typeof value === 'object' && value !== null && value[AWS_BRAND] === true;
    }
}
function formatMessage(operation, key, facts) {
    const details = [facts.httpStatus === undefined ? undefined : `HTTP ${facts.httpStatus}`, facts.requestId && `request id ${facts.requestId}`]
        .filter((d) => typeof d === 'string' && d !== '')
        .join(', ');
    const where = details === '' ? facts.errorName : `${facts.errorName}, ${details}`;
    return `${operation} failed for ${key}: ${where}: ${facts.awsMessage}`;
}
/** Reads the SDK's error shape (ServiceException, CredentialsProviderError, Node network errors) without importing it. */
function awsErrorFacts(err) {
    if (typeof err !== 'object' || err === null)
        return { errorName: 'Error', awsMessage: String(err) };
    const e = err;
    // Network failures surface as plain Errors whose `code` (ECONNRESET…) is the useful part.
    const name = typeof e.code === 'string' && (e.name === 'Error' || e.name === undefined)
        ? e.code
        : typeof e.name === 'string' && e.name !== ''
            ? e.name
            : typeof e.Code === 'string'
                ? e.Code
                : 'Error';
    const facts = { errorName: name, awsMessage: typeof e.message === 'string' && e.message !== '' ? e.message : name };
    const status = e.$metadata?.httpStatusCode;
    if (typeof status === 'number')
        facts.httpStatus = status;
    const requestId = e.$metadata?.requestId;
    if (typeof requestId === 'string' && requestId !== '')
        facts.requestId = requestId;
    return facts;
}
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnrecognizedClientException']);
const BAD_CREDENTIALS = new Set([
    'CredentialsProviderError',
    'ExpiredToken',
    'ExpiredTokenException',
    'InvalidClientTokenId',
    'SignatureDoesNotMatch',
]);
/**
 * Wraps an SDK failure as an AwsCallError naming the operation and the AWS object.
 * An AwsCallError passes through unchanged so nested wrappers do not stack messages.
 */
function describeAwsError(operation, key, err) {
    if (AwsCallError.isAwsCallError(err))
        return err;
    const facts = awsErrorFacts(err);
    if (isAccessDenied(err)) {
        return new AwsCallError(operation, key, facts, {
            code: 'AWS_ACCESS_DENIED',
            fix: `Grant the credentials permission for ${serviceActionOf(operation)} on ${key}, or use a role that has it (assumeRoleArn per cluster).`,
            cause: err,
        });
    }
    if (BAD_CREDENTIALS.has(facts.errorName)) {
        return new AwsCallError(operation, key, facts, {
            code: 'AWS_CREDENTIALS',
            fix: 'Provide valid AWS credentials (environment, profile, or aws-actions/configure-aws-credentials in a workflow).',
            cause: err,
        });
    }
    return new AwsCallError(operation, key, facts, { code: 'AWS_CALL_FAILED', cause: err });
}
/** `DescribeCluster` → `eks:DescribeCluster` (IAM and STS operations are recognised by name). */
function serviceActionOf(operation) {
    if (/^(GetRole|ListRoles|ListRoleTags|GetUser)$/.test(operation))
        return `iam:${operation}`;
    if (/^(AssumeRole|GetCallerIdentity)$/.test(operation))
        return `sts:${operation}`;
    return `eks:${operation}`;
}
function nameOf(err) {
    if (AwsCallError.isAwsCallError(err))
        return err.errorName;
    return typeof err === 'object' && err !== null ? awsErrorFacts(err).errorName : undefined;
}
function statusOf(err) {
    if (AwsCallError.isAwsCallError(err))
        return err.httpStatus;
    return typeof err === 'object' && err !== null ? awsErrorFacts(err).httpStatus : undefined;
}
function messageOf(err) {
    if (AwsCallError.isAwsCallError(err))
        return err.awsMessage;
    return typeof err === 'object' && err !== null ? awsErrorFacts(err).awsMessage : String(err);
}
const NOT_FOUND = new Set(['ResourceNotFoundException', 'NotFoundException', 'NoSuchEntity', 'NoSuchEntityException']);
/** The credentials lack the permission: an AccessDenied-like error name or a 403, wrapped or not. */
function isAccessDenied(err) {
    const name = nameOf(err);
    return (name !== undefined && ACCESS_DENIED.has(name)) || statusOf(err) === 403;
}
/** The object is absent: on read that means "absent", on delete "already done". */
function isNotFound(err) {
    const name = nameOf(err);
    return name !== undefined && NOT_FOUND.has(name);
}
const CONFLICT = new Set(['ResourceInUseException', 'EntityAlreadyExists', 'EntityAlreadyExistsException', 'ConflictException']);
/** The object already exists (409 on create) or is busy: adopt or re-read, do not fail. */
function isConflict(err) {
    const name = nameOf(err);
    return (name !== undefined && CONFLICT.has(name)) || statusOf(err) === 409;
}
const THROTTLE = new Set([
    'ThrottlingException',
    'Throttling',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'RequestThrottled',
    'RequestThrottledException',
    'ThrottledException',
    'SlowDown',
]);
/** The service asked us to slow down (left after the SDK's own adaptive retries). */
function isThrottle(err) {
    const name = nameOf(err);
    return (name !== undefined && THROTTLE.has(name)) || statusOf(err) === 429;
}
/*
 * EKS validates role and principal ARNs against IAM, which is eventually consistent: right after
 * a role is created EKS answers InvalidParameterException with messages such as
 * "Role provided in the request does not exist" (pod identity associations) or
 * "The specified principalArn is invalid: invalid principal." (access entries).
 */
const IAM_PROPAGATION_MESSAGES = [
    /role\b.*\bdoes not exist/i,
    /principal\s*arn\b.*\b(is invalid|could not be found|not found|does not exist)/i,
    /invalid principal/i,
];
/** EKS rejected an IAM ARN that may just not have propagated yet: worth retrying for a while. */
function isIamPropagation(err) {
    if (nameOf(err) !== 'InvalidParameterException')
        return false;
    const message = messageOf(err);
    return IAM_PROPAGATION_MESSAGES.some((re) => re.test(message));
}
/** Runs one SDK call; a failure is rethrown with the operation and the AWS object it was about. */
async function callAws(operation, key, fn) {
    try {
        return await fn();
    }
    catch (err) {
        throw describeAwsError(operation, key, err);
    }
}
/** As callAws, but not-found means "absent" (undefined), not an error. */
async function callAwsOrAbsent(operation, key, fn) {
    try {
        return await fn();
    }
    catch (err) {
        if (isNotFound(err))
            return undefined;
        throw describeAwsError(operation, key, err);
    }
}

;// CONCATENATED MODULE: ./src/apply/retry.ts

const DEFAULT_RETRY_POLICY = {
    propagationWindowMs: 180_000,
    transientAttempts: 4,
    baseDelayMs: 1_000,
    maxDelayMs: 20_000,
};
/** A failure after the retries, with how many calls were made. */
class RetriesExhausted extends Error {
    lastError;
    attempts;
    constructor(lastError, attempts) {
        super(lastError instanceof Error ? lastError.message : String(lastError));
        this.lastError = lastError;
        this.attempts = attempts;
        this.name = 'RetriesExhausted';
    }
}
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'TimeoutError', 'RequestTimeout']);
/** Worth another try after the SDK gave up: throttling, server errors, dropped connections. */
function isTransient(err) {
    if (isThrottle(err))
        return true;
    const status = AwsCallError.isAwsCallError(err) ? err.httpStatus : err?.$metadata?.httpStatusCode;
    if (status !== undefined && status >= 500)
        return true;
    const name = AwsCallError.isAwsCallError(err) ? err.errorName : err?.code;
    return name !== undefined && NETWORK_CODES.has(name);
}
/**
 * Runs `fn`, retrying IAM propagation errors with exponential backoff and jitter until the window
 * is used up, and transient errors a few times. Returns the value and the number of calls; throws
 * RetriesExhausted carrying the last error and the number of calls.
 */
async function callWithRetry(fn, clock, policy, onRetry = () => undefined) {
    const started = clock.now();
    let transientFailures = 0;
    for (let attempt = 1;; attempt++) {
        try {
            return { value: await fn(), attempts: attempt };
        }
        catch (err) {
            const propagation = isIamPropagation(err);
            const transient = !propagation && isTransient(err);
            if (transient)
                transientFailures++;
            if (!propagation && !(transient && transientFailures < policy.transientAttempts))
                throw new RetriesExhausted(err, attempt);
            const delayMs = backoffDelay(attempt, policy, clock.random);
            if (propagation && clock.now() + delayMs - started > policy.propagationWindowMs)
                throw new RetriesExhausted(err, attempt);
            onRetry({ attempt, delayMs, reason: propagation ? 'IAM change not yet visible to EKS' : 'transient error' });
            await clock.sleep(delayMs);
        }
    }
}
/** Exponential backoff with "equal jitter": at least half the step, so retries never bunch at zero. */
function backoffDelay(attempt, policy, random) {
    const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(step / 2 + random() * (step / 2));
}

;// CONCATENATED MODULE: ./src/apply/step-context.ts

/** A call that failed after its retries: the operation and the last error. */
class StepFailure extends Error {
    operation;
    lastError;
    constructor(operation, lastError) {
        super(lastError instanceof Error ? lastError.message : String(lastError));
        this.operation = operation;
        this.lastError = lastError;
        this.name = 'StepFailure';
    }
}
/** What one step may use: its cluster's gateway, the change, and a retried call that counts attempts. */
class StepContext {
    gateway;
    clusterName;
    change;
    run;
    onRetry;
    /** API calls made for this change, retries included. */
    attempts = 0;
    constructor(gateway, clusterName, change, run, onRetry) {
        this.gateway = gateway;
        this.clusterName = clusterName;
        this.change = change;
        this.run = run;
        this.onRetry = onRetry;
    }
    /** Runs one API call with the retry policy; a final failure becomes a StepFailure naming the operation. */
    async call(operation, fn) {
        try {
            const { value, attempts } = await callWithRetry(fn, this.run.clock, this.run.policy, (notice) => this.onRetry(operation, notice));
            this.attempts += attempts;
            return value;
        }
        catch (err) {
            if (err instanceof RetriesExhausted) {
                this.attempts += err.attempts;
                throw new StepFailure(operation, err.lastError);
            }
            throw new StepFailure(operation, err);
        }
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/apply/token.ts

/*
 * Client request tokens make a create idempotent: EKS answers a repeated create that carries the
 * same token and parameters with the object it already made, instead of a 409.
 *
 * The token is derived from the plan fingerprint, the cluster, the change id and the run id, so
 * every retry of a change inside one run (SDK retries, IAM-propagation retries, a connection reset
 * after EKS committed the create) reuses it.
 *
 * It is deliberately NOT the same across runs. A re-run after a crash re-reads live state: if the
 * first create did succeed, the object is there and the new plan has no create for it (and if a
 * lagging list still hides it, the 409 is adopted). The only way a re-run would send the same
 * fingerprint and change id again is a world that looks exactly as before, e.g. after the object
 * was created and then deleted out of band; EKS could then replay the old answer for a token it
 * remembers and report an object that no longer exists. A per-run component rules that out.
 */
function clientRequestTokenFor(fingerprint, runId, clusterName, changeId) {
    const hex = (0,external_node_crypto_.createHash)('sha256').update([fingerprint, runId, clusterName, changeId].join('\u0000')).digest('hex');
    // UUID layout: within every EKS token length limit and readable in CloudTrail.
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

;// CONCATENATED MODULE: ./src/apply/values.ts
/*
 * Pure comparisons between a current object and the desired one: which fields an update call
 * must send. Sending only differing fields keeps a converged object free of write calls.
 */
/** Fields UpdatePodIdentityAssociation must send; `''` clears targetRoleArn or policy. */
function associationUpdateOf(current, desired) {
    const update = {};
    if (current.roleArn !== desired.roleArn)
        update.roleArn = desired.roleArn;
    if ((current.targetRoleArn ?? '') !== (desired.targetRoleArn ?? ''))
        update.targetRoleArn = desired.targetRoleArn ?? '';
    if (current.disableSessionTags !== desired.disableSessionTags)
        update.disableSessionTags = desired.disableSessionTags;
    if ((current.policy ?? '') !== (desired.policy ?? ''))
        update.policy = desired.policy ?? '';
    // EKS checks policy and disableSessionTags together: send both when either changes.
    if (update.policy !== undefined || update.disableSessionTags !== undefined) {
        update.disableSessionTags = desired.disableSessionTags;
        if (desired.policy !== undefined)
            update.policy = desired.policy;
    }
    return update;
}
/** Fields UpdateAccessEntry must send. An absent desired username leaves EKS's default alone. */
function accessEntryUpdateOf(current, desired) {
    const update = {};
    if (!sameSet(current.kubernetesGroups, desired.kubernetesGroups))
        update.kubernetesGroups = [...desired.kubernetesGroups];
    if (desired.username !== undefined && current.username !== desired.username)
        update.username = desired.username;
    return update;
}
/**
 * Tags to set and to remove to turn `current` into `desired`. Keys with the reserved `aws:` prefix
 * belong to AWS and are never removed.
 */
function tagChangesOf(current, desired) {
    const set = {};
    for (const [key, value] of Object.entries(desired))
        if (current[key] !== value)
            set[key] = value;
    const remove = Object.keys(current)
        .filter((key) => !(key in desired) && !key.toLowerCase().startsWith('aws:'))
        .sort();
    return { set, remove };
}
function isEmpty(record) {
    return Object.keys(record).length === 0;
}
function sameSet(a, b) {
    const sa = new Set(a);
    const sb = new Set(b);
    return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}
/** A live-only property (an ARN) the plan may carry on a value without the model declaring it. */
function liveProperty(value, name) {
    const found = typeof value === 'object' && value !== null ? value[name] : undefined;
    return typeof found === 'string' && found !== '' ? found : undefined;
}

;// CONCATENATED MODULE: ./src/apply/execute-association.ts





/** Conflicts in a row (the object appearing and vanishing under us) before giving up. */
const MAX_CONFLICT_ROUNDS = 3;
async function applyAssociationChange(ctx) {
    const { change } = ctx;
    const before = change.before;
    const after = change.after;
    switch (change.action) {
        case 'create':
            return createAssociation(ctx, required(after, change.id));
        case 'update':
            return updateAssociation(ctx, required(before, change.id), required(after, change.id));
        case 'replace': {
            const refused = await deleteAssociation(ctx, required(before, change.id));
            if (refused)
                return refused;
            return createAssociation(ctx, required(after, change.id));
        }
        case 'delete':
            return (await deleteAssociation(ctx, required(before, change.id))) ?? { outcome: 'applied' };
        default:
            return { outcome: 'skipped', reason: `nothing to do for a ${change.action} change` };
    }
}
/** Creates with the run's token; a 409 adopts the existing association and updates it to the desired state. */
async function createAssociation(ctx, desired) {
    const token = clientRequestTokenFor(ctx.run.fingerprint, ctx.run.runId, ctx.clusterName, ctx.change.id);
    for (let round = 0; round < MAX_CONFLICT_ROUNDS; round++) {
        try {
            await ctx.call('CreatePodIdentityAssociation', () => ctx.gateway.createAssociation(ctx.clusterName, desired, token));
            return { outcome: 'applied' };
        }
        catch (err) {
            if (!(err instanceof StepFailure && isConflict(err.lastError)))
                throw err;
        }
        const existing = await ctx.call('ListPodIdentityAssociations', () => ctx.gateway.findAssociation(ctx.clusterName, desired.namespace, desired.serviceAccount));
        // Deleted again between the 409 and the look-up: try the create once more.
        if (!existing)
            continue;
        if (existing.ownerArn) {
            return { outcome: 'skipped', reason: `the association ${desired.namespace}/${desired.serviceAccount} already exists and is owned by ${existing.ownerArn}; change it through the add-on` };
        }
        await convergeAssociation(ctx, existing, desired);
        return { outcome: 'adopted', reason: `the association already existed (${existing.associationId}); it was updated to the desired state` };
    }
    throw new StepFailure('CreatePodIdentityAssociation', new src_errors/* EksIdentityError */.C('APPLY_CONFLICT', `The association ${desired.namespace}/${desired.serviceAccount} kept conflicting and vanishing; re-run apply`, { source: 'user' }));
}
/** Updates from the planned live value; when the association is gone, creates it; on a conflict, re-reads and retries once. */
async function updateAssociation(ctx, before, desired) {
    let current = before;
    if (before.associationId === undefined)
        current = await findCurrent(ctx, desired);
    for (let round = 0; current !== undefined && round < 2; round++) {
        try {
            await convergeAssociation(ctx, current, desired);
            return { outcome: 'applied' };
        }
        catch (err) {
            if (!(err instanceof StepFailure && (isConflict(err.lastError) || isNotFound(err.lastError))))
                throw err;
            current = await findCurrent(ctx, desired);
        }
    }
    if (current === undefined) {
        const created = await createAssociation(ctx, desired);
        return { ...created, reason: 'the association was gone; it was created again' };
    }
    throw new StepFailure('UpdatePodIdentityAssociation', new src_errors/* EksIdentityError */.C('APPLY_CONFLICT', `The association ${desired.namespace}/${desired.serviceAccount} kept changing during the update; re-run apply`));
}
function findCurrent(ctx, desired) {
    return ctx.call('ListPodIdentityAssociations', () => ctx.gateway.findAssociation(ctx.clusterName, desired.namespace, desired.serviceAccount));
}
/** Writes only what differs: the update call for the fields, Tag/UntagResource for tags. */
async function convergeAssociation(ctx, current, desired) {
    const id = current.associationId;
    if (id === undefined)
        throw new src_errors/* EksIdentityError */.C('APPLY_INTERNAL', `No association id for ${desired.namespace}/${desired.serviceAccount}`, { source: 'internal' });
    const fields = associationUpdateOf(current, desired);
    let arn = liveProperty(current, 'associationArn');
    if (!isEmpty(fields)) {
        const updated = await ctx.call('UpdatePodIdentityAssociation', () => ctx.gateway.updateAssociation(ctx.clusterName, id, fields));
        arn ??= updated.associationArn;
    }
    const tags = tagChangesOf(current.tags, desired.tags);
    if (isEmpty(tags.set) && tags.remove.length === 0)
        return;
    if (arn === undefined) {
        const described = await ctx.call('DescribePodIdentityAssociation', () => ctx.gateway.describeAssociation(ctx.clusterName, id));
        arn = described?.associationArn;
    }
    const resourceArn = arn;
    if (resourceArn === undefined)
        throw new src_errors/* EksIdentityError */.C('APPLY_INTERNAL', `No ARN for association ${id}`, { source: 'internal' });
    if (!isEmpty(tags.set))
        await ctx.call('TagResource', () => ctx.gateway.tagResource(resourceArn, tags.set));
    if (tags.remove.length > 0)
        await ctx.call('UntagResource', () => ctx.gateway.untagResource(resourceArn, tags.remove));
}
/**
 * Deletes after re-checking the association as EKS has it now: already gone is done, add-on
 * owned is refused, and the max-deletes budget applies. Returns an outcome only when refused.
 */
async function deleteAssociation(ctx, before) {
    const current = before.associationId === undefined
        ? await findCurrent(ctx, before)
        : await ctx.call('DescribePodIdentityAssociation', () => ctx.gateway.describeAssociation(ctx.clusterName, before.associationId));
    if (current === undefined)
        return undefined;
    if (current.ownerArn) {
        return { outcome: 'skipped', reason: `the association ${current.namespace}/${current.serviceAccount} is owned by ${current.ownerArn}; it is never deleted` };
    }
    if (!ctx.run.budget.reserve())
        return { outcome: 'skipped', reason: ctx.run.budget.describe() };
    await ctx.call('DeletePodIdentityAssociation', () => ctx.gateway.deleteAssociation(ctx.clusterName, current.associationId));
    return undefined;
}
function required(value, changeId) {
    if (value === undefined)
        throw new src_errors/* EksIdentityError */.C('APPLY_INTERNAL', `The change ${changeId} lacks a value it needs`, { source: 'internal' });
    return value;
}

;// CONCATENATED MODULE: ./src/model/partition.ts
const PARTITIONS = (/* unused pure expression or super */ null && (['aws', 'aws-cn', 'aws-us-gov']));
/** The partition a region belongs to: `cn-*` → aws-cn, `us-gov-*` → aws-us-gov, else aws. */
function partitionOfRegion(region) {
    if (region.startsWith('cn-'))
        return 'aws-cn';
    if (region.startsWith('us-gov-'))
        return 'aws-us-gov';
    return 'aws';
}
/** DNS suffix used by service principals whose name differs per partition (EC2 in China). */
function servicePrincipalSuffix(partition) {
    return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
}
/** The EKS Pod Identity service principal: the same in every partition. */
const POD_IDENTITY_PRINCIPAL = 'pods.eks.amazonaws.com';
const POD_IDENTITY_ACTIONS = ['sts:AssumeRole', 'sts:TagSession'];
const ARN_RE = /^arn:([a-z-]+):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|):(.+)$/;
/** Parses an ARN; returns undefined when it is not one. */
function parseArn(arn) {
    const m = ARN_RE.exec(arn);
    if (!m)
        return undefined;
    return { partition: m[1], service: m[2], region: m[3], accountId: m[4], resource: m[5] };
}
/** IAM role ARN for a role name (which may carry a path, e.g. `team/app`). */
function roleArnFor(partition, accountId, roleNameWithPath) {
    return `arn:${partition}:iam::${accountId}:role/${roleNameWithPath.replace(/^\/+/, '')}`;
}
/** The role's name: the last path segment of `role/path/.../Name`. */
function roleNameOfArn(arn) {
    const parsed = parseArn(arn);
    if (!parsed || parsed.service !== 'iam' || !parsed.resource.startsWith('role/'))
        return undefined;
    const segments = parsed.resource.split('/');
    return segments[segments.length - 1];
}
/** EKS access policy ARN for a short name such as `AmazonEKSClusterAdminPolicy`. */
function accessPolicyArnFor(partition, nameOrArn) {
    if (nameOrArn.startsWith('arn:'))
        return nameOrArn;
    return `arn:${partition}:eks::aws:cluster-access-policy/${nameOrArn}`;
}
/** Short name of an access policy ARN (the part after `cluster-access-policy/`). */
function accessPolicyName(policyArn) {
    const i = policyArn.indexOf('cluster-access-policy/');
    return i < 0 ? policyArn : policyArn.slice(i + 'cluster-access-policy/'.length);
}

;// CONCATENATED MODULE: ./src/model/ownership.ts

/*
 * Who owns an access entry, and who a principal is. Shared by the planner (findings) and the apply
 * engine (the delete guards it checks again right before each delete).
 */
/**
 * Node entries EKS makes itself for managed node groups, Fargate profiles and Auto Mode, and
 * entries of service-linked roles. The API does not say who created an entry, so every entry of
 * these kinds is protected: removing a node role's entry takes its nodes out of the cluster.
 */
const EKS_NODE_TYPES = new Set(['EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX', 'EC2']);
/** Why EKS owns this entry, or undefined when it is ours to delete. */
function eksOwnedEntryReason(entry) {
    if (EKS_NODE_TYPES.has(entry.type))
        return `access entry of type ${entry.type} is a node entry EKS manages; it is never deleted`;
    const name = roleNameOfArn(entry.principalArn);
    if (name?.startsWith('AWSServiceRoleFor'))
        return `access entry for the service-linked role ${name} belongs to EKS; it is never deleted`;
    return undefined;
}
/**
 * The same IAM principal, comparing roles by partition, account and name: STS reports an assumed
 * role without its path, so `role/teams/Deploy` and `role/Deploy` are the same caller.
 */
function isSamePrincipal(a, b) {
    if (a === b)
        return true;
    const pa = parseArn(a);
    const pb = parseArn(b);
    if (!pa || !pb || pa.service !== 'iam' || pb.service !== 'iam')
        return false;
    if (!pa.resource.startsWith('role/') || !pb.resource.startsWith('role/'))
        return false;
    return pa.partition === pb.partition && pa.accountId === pb.accountId && roleNameOfArn(a) === roleNameOfArn(b);
}
const CLUSTER_ADMIN_POLICY = 'AmazonEKSClusterAdminPolicy';
function isClusterAdminPolicy(policyArn) {
    return accessPolicyName(policyArn) === CLUSTER_ADMIN_POLICY;
}

;// CONCATENATED MODULE: ./src/apply/guards.ts
/*
 * Delete guards, checked again right before each delete against what EKS answers at that moment
 * (the plan may be minutes old). They are the last line of defence; the plan reports the same
 * situations as findings, with the same ownership rules (src/model/ownership.ts).
 */

/**
 * Hands out the max-deletes budget. Reservations happen synchronously before each delete starts,
 * so concurrent deletes can never overrun it.
 */
class DeleteBudget {
    limit;
    used = 0;
    constructor(limit) {
        this.limit = limit;
    }
    /** True when one more delete may run. */
    reserve() {
        if (this.limit !== undefined && this.used >= this.limit)
            return false;
        this.used++;
        return true;
    }
    describe() {
        return `the max-deletes limit of ${this.limit ?? 'unlimited'} was reached in this run`;
    }
}

;// CONCATENATED MODULE: ./src/apply/execute-access.ts







const execute_access_MAX_CONFLICT_ROUNDS = 3;
async function applyAccessEntryChange(ctx) {
    const { change } = ctx;
    const before = change.before;
    const after = change.after;
    switch (change.action) {
        case 'create':
            return createEntry(ctx, required(after, change.id));
        case 'update':
            return updateEntry(ctx, required(before, change.id), required(after, change.id));
        case 'replace': {
            const refused = await deleteEntry(ctx, required(before, change.id));
            if (refused)
                return refused;
            return createEntry(ctx, required(after, change.id));
        }
        case 'delete':
            return (await deleteEntry(ctx, required(before, change.id))) ?? { outcome: 'applied' };
        default:
            return { outcome: 'skipped', reason: `nothing to do for a ${change.action} change` };
    }
}
async function applyAccessPolicyChange(ctx) {
    const { change } = ctx;
    if (change.action === 'delete') {
        const before = required(change.before, change.id);
        const refused = await refuseLockout(ctx, before.principalArn, isClusterAdminPolicy(before.policyArn));
        if (refused)
            return refused;
        await ctx.call('DisassociateAccessPolicy', () => ctx.gateway.disassociateAccessPolicy(ctx.clusterName, before.principalArn, before.policyArn));
        return { outcome: 'applied' };
    }
    if (change.action === 'unmanaged')
        return { outcome: 'skipped', reason: 'nothing to do for an unmanaged note' };
    // Create, update and replace are all one call: associating again replaces the scope.
    const after = required(change.after, change.id);
    await ctx.call('AssociateAccessPolicy', () => ctx.gateway.associateAccessPolicy(ctx.clusterName, after.principalArn, after.policyArn, after.scope));
    return { outcome: 'applied' };
}
async function createEntry(ctx, desired) {
    const token = clientRequestTokenFor(ctx.run.fingerprint, ctx.run.runId, ctx.clusterName, ctx.change.id);
    for (let round = 0; round < execute_access_MAX_CONFLICT_ROUNDS; round++) {
        try {
            await ctx.call('CreateAccessEntry', () => ctx.gateway.createAccessEntry(ctx.clusterName, desired, token));
            return { outcome: 'applied' };
        }
        catch (err) {
            if (!(err instanceof StepFailure && isConflict(err.lastError)))
                throw err;
        }
        const existing = await describe(ctx, desired.principalArn);
        if (!existing)
            continue;
        if (existing.type !== desired.type) {
            // The type is immutable: adopting would need a replace, which only a reviewed plan may do.
            throw new StepFailure('CreateAccessEntry', new src_errors/* EksIdentityError */.C('APPLY_TYPE_CONFLICT', `An access entry for ${desired.principalArn} already exists with type ${existing.type}, not ${desired.type}`, {
                fix: 'Run plan again: it shows the entry as a replacement to review.',
            }));
        }
        await convergeEntry(ctx, existing, desired);
        return { outcome: 'adopted', reason: 'the access entry already existed; it was updated to the desired state' };
    }
    throw new StepFailure('CreateAccessEntry', new src_errors/* EksIdentityError */.C('APPLY_CONFLICT', `The access entry ${desired.principalArn} kept conflicting and vanishing; re-run apply`));
}
async function updateEntry(ctx, before, desired) {
    let current = before;
    for (let round = 0; current !== undefined && round < 2; round++) {
        try {
            await convergeEntry(ctx, current, desired);
            return { outcome: 'applied' };
        }
        catch (err) {
            if (!(err instanceof StepFailure && (isConflict(err.lastError) || isNotFound(err.lastError))))
                throw err;
            current = await describe(ctx, desired.principalArn);
        }
    }
    if (current === undefined) {
        const created = await createEntry(ctx, desired);
        return { ...created, reason: 'the access entry was gone; it was created again' };
    }
    throw new StepFailure('UpdateAccessEntry', new src_errors/* EksIdentityError */.C('APPLY_CONFLICT', `The access entry ${desired.principalArn} kept changing during the update; re-run apply`));
}
function describe(ctx, principalArn) {
    return ctx.call('DescribeAccessEntry', () => ctx.gateway.describeAccessEntry(ctx.clusterName, principalArn));
}
async function convergeEntry(ctx, current, desired) {
    const fields = accessEntryUpdateOf(current, desired);
    let arn = liveProperty(current, 'accessEntryArn');
    if (!isEmpty(fields)) {
        const updated = await ctx.call('UpdateAccessEntry', () => ctx.gateway.updateAccessEntry(ctx.clusterName, desired.principalArn, fields));
        arn ??= updated.accessEntryArn;
    }
    const tags = tagChangesOf(current.tags, desired.tags);
    if (isEmpty(tags.set) && tags.remove.length === 0)
        return;
    arn ??= (await describe(ctx, desired.principalArn))?.accessEntryArn;
    const resourceArn = arn;
    if (resourceArn === undefined)
        throw new StepFailure('DescribeAccessEntry', new src_errors/* EksIdentityError */.C('APPLY_INTERNAL', `No ARN for access entry ${desired.principalArn}`, { source: 'internal' }));
    if (!isEmpty(tags.set))
        await ctx.call('TagResource', () => ctx.gateway.tagResource(resourceArn, tags.set));
    if (tags.remove.length > 0)
        await ctx.call('UntagResource', () => ctx.gateway.untagResource(resourceArn, tags.remove));
}
/**
 * Deletes after the guards: the caller's own entry (unless lockout is allowed), entries EKS owns,
 * the lockout check and the max-deletes budget. Already gone is done. Returns an outcome only when refused.
 */
async function deleteEntry(ctx, before) {
    const refused = await refuseLockout(ctx, before.principalArn, true);
    if (refused)
        return refused;
    const current = await describe(ctx, before.principalArn);
    if (current === undefined)
        return undefined;
    const owned = eksOwnedEntryReason(current);
    if (owned)
        return { outcome: 'skipped', reason: owned };
    if (!ctx.run.budget.reserve())
        return { outcome: 'skipped', reason: ctx.run.budget.describe() };
    await ctx.call('DeleteAccessEntry', () => ctx.gateway.deleteAccessEntry(ctx.clusterName, before.principalArn));
    return undefined;
}
/**
 * The lockout checks, repeated right before a delete that removes access: never the caller's own
 * entry or admin policy, and nothing that removes access while a cluster-admin grant of this run
 * did not go through (the admin the plan counted on may not exist). `allowLockout` lifts both.
 */
async function refuseLockout(ctx, principalArn, removesAdminOrEntry) {
    if (ctx.run.allowLockout || !removesAdminOrEntry)
        return undefined;
    const caller = await ctx.call('GetCallerIdentity', () => ctx.gateway.callerPrincipalArn());
    if (isSamePrincipal(caller, principalArn)) {
        return { outcome: 'skipped', reason: `${principalArn} is the caller's own principal; removing its access could lock this tool out (use --allow-lockout to override)` };
    }
    if (ctx.run.adminGrantFailed.has(ctx.clusterName)) {
        return { outcome: 'skipped', reason: `a cluster-admin grant on ${ctx.clusterName} did not go through in this run; access is not removed until it does` };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/apply/execute-cluster.ts





/** EKS moves the authentication mode one way, one step per update. */
const MODE_LADDER = ['CONFIG_MAP', 'API_AND_CONFIG_MAP', 'API'];
const POLL_INTERVAL_MS = 5_000;
async function applyAuthenticationModeChange(ctx) {
    const after = required(ctx.change.after, ctx.change.id);
    const before = ctx.change.before;
    const from = MODE_LADDER.indexOf(before?.authenticationMode ?? 'CONFIG_MAP');
    const to = MODE_LADDER.indexOf(after.authenticationMode);
    if (to < from) {
        throw new StepFailure('UpdateClusterConfig', new src_errors/* EksIdentityError */.C('AUTH_MODE_ONE_WAY', `The authentication mode of ${ctx.clusterName} cannot move from ${MODE_LADDER[from]} back to ${after.authenticationMode}`));
    }
    for (let i = from + 1; i <= to; i++) {
        const mode = MODE_LADDER[i];
        const token = clientRequestTokenFor(ctx.run.fingerprint, ctx.run.runId, ctx.clusterName, `${ctx.change.id}/${mode}`);
        const { updateId } = await ctx.call('UpdateClusterConfig', () => ctx.gateway.updateAuthenticationMode(ctx.clusterName, mode, token));
        await waitForUpdate(ctx, updateId, mode);
    }
    return { outcome: 'applied' };
}
/** Polls DescribeUpdate until the asynchronous update ends or the run's timeout passes. */
async function waitForUpdate(ctx, updateId, mode) {
    const deadline = ctx.run.clock.now() + ctx.run.updateTimeoutMs;
    for (;;) {
        const { status, errors } = await ctx.call('DescribeUpdate', () => ctx.gateway.describeUpdate(ctx.clusterName, updateId));
        if (status === 'Successful')
            return;
        if (status === 'Failed' || status === 'Cancelled') {
            throw new StepFailure('DescribeUpdate', new src_errors/* EksIdentityError */.C('AUTH_MODE_UPDATE_FAILED', `The update ${updateId} of ${ctx.clusterName} to ${mode} ended ${status}${errors.length > 0 ? `: ${errors.join('; ')}` : ''}`));
        }
        if (ctx.run.clock.now() >= deadline) {
            throw new StepFailure('DescribeUpdate', new src_errors/* EksIdentityError */.C('AUTH_MODE_UPDATE_TIMEOUT', `The update ${updateId} of ${ctx.clusterName} to ${mode} was still in progress after ${ctx.run.updateTimeoutMs} ms`, {
                fix: 'Check the update in the EKS console or with "aws eks describe-update", then re-run apply.',
            }));
        }
        await ctx.run.clock.sleep(POLL_INTERVAL_MS);
    }
}
async function applyTrustPolicyChange(ctx) {
    const after = required(ctx.change.after, ctx.change.id);
    const roleName = roleNameOfArn(after.roleArn);
    if (roleName === undefined) {
        throw new StepFailure('UpdateAssumeRolePolicy', new src_errors/* EksIdentityError */.C('APPLY_INTERNAL', `Not an IAM role ARN: ${after.roleArn}`, { source: 'internal' }));
    }
    await ctx.call('UpdateAssumeRolePolicy', () => ctx.gateway.updateAssumeRolePolicy(roleName, after.document));
    return { outcome: 'applied' };
}

;// CONCATENATED MODULE: ./src/apply/order.ts
function orderPlan(plan) {
    const steps = [];
    for (const cluster of plan.clusters) {
        for (const change of cluster.changes) {
            if (change.action !== 'unmanaged')
                steps.push({ index: steps.length, clusterName: cluster.name, change });
        }
    }
    const units = [];
    const newUnit = (clusterName, chain) => {
        const unit = { id: units.length, clusterName, steps: [], chain, lane: '', after: [] };
        units.push(unit);
        return unit;
    };
    const principals = new Map();
    const unitOfPrincipal = (clusterName, principalArn, isDelete) => {
        const key = `${clusterName}\u0000${principalArn}\u0000${isDelete ? 'out' : 'in'}`;
        let unit = principals.get(key);
        if (!unit) {
            unit = newUnit(clusterName, !isDelete);
            principals.set(key, unit);
        }
        return unit;
    };
    for (const step of steps) {
        const { change, clusterName } = step;
        if (change.kind === 'accessEntry' || change.kind === 'accessPolicy') {
            unitOfPrincipal(clusterName, principalOf(change), change.action === 'delete').steps.push(step);
        }
        else {
            newUnit(clusterName, false).steps.push(step);
        }
    }
    // Within a principal: the entry before its policies on the way in, after them on the way out.
    for (const unit of units) {
        if (unit.steps.length > 1) {
            const out = unit.steps[0].change.action === 'delete';
            unit.steps.sort((a, b) => (out ? rank(b.change) - rank(a.change) : rank(a.change) - rank(b.change)) || a.index - b.index);
        }
        const first = unit.steps[0].change;
        unit.lane = `${first.kind}:${first.action}`;
    }
    linkDependencies(units);
    return { units, steps };
}
function roleOf(unit) {
    const change = unit.steps[0].change;
    const isDelete = change.action === 'delete';
    switch (change.kind) {
        case 'authenticationMode':
            return 'authMode';
        case 'trustPolicy':
            return 'trust';
        case 'podIdentityAssociation':
            return isDelete ? 'associationDelete' : 'associationWrite';
        case 'accessEntry':
        case 'accessPolicy':
            return isDelete ? 'accessDelete' : 'accessWrite';
    }
}
/** The edges listed on ExecutionOrder, per cluster. */
const PREREQUISITES = {
    authMode: [],
    trust: [],
    associationWrite: ['trust'],
    associationDelete: [],
    accessWrite: ['authMode'],
    accessDelete: ['authMode', 'accessWrite'],
};
function linkDependencies(units) {
    const byClusterAndRole = new Map();
    const keyOf = (clusterName, role) => `${clusterName}\u0000${role}`;
    for (const unit of units) {
        const key = keyOf(unit.clusterName, roleOf(unit));
        byClusterAndRole.set(key, [...(byClusterAndRole.get(key) ?? []), unit.id]);
    }
    for (const unit of units) {
        unit.after = PREREQUISITES[roleOf(unit)].flatMap((role) => byClusterAndRole.get(keyOf(unit.clusterName, role)) ?? []);
    }
}
function rank(change) {
    return change.kind === 'accessEntry' ? 0 : 1;
}
/** The principal an access entry or policy change is about, from its values or its id. */
function principalOf(change) {
    const value = (change.after ?? change.before);
    if (value?.principalArn)
        return value.principalArn;
    const id = change.id.replace(/^(entry|policy)\//, '');
    return change.kind === 'accessPolicy' ? id.replace(/\/arn:[^/]*:eks::aws:cluster-access-policy\/.*$/, '') : id;
}

;// CONCATENATED MODULE: ./src/apply/scheduler.ts
/** Ready work per unit in flight: the lane that is furthest behind gets the next slot. */
const share = (lane) => lane.ready.length / (lane.inFlight + 1);
/**
 * Runs units as soon as the units they wait for have ended, with at most `limit` in flight.
 * Each operation has its own rate limit, paced by the gateway's pacers; the scheduler keeps every
 * lane (kind of work) supplied, and gives a free slot to the lane with the most ready units per
 * unit in flight (ties: the lane seen first). So no single operation's queue takes all the slots
 * while the others' limits go unused, and the longest queue, which decides when the run ends, gets
 * the most. `run` must not reject: an outcome, failed or not, is the unit's business.
 */
function runUnits(units, limit, run) {
    const ceiling = Math.max(1, Math.floor(limit) || 1);
    const waitingOn = units.map((u) => u.after.length);
    const dependents = units.map(() => []);
    for (const unit of units)
        for (const before of unit.after)
            dependents[before].push(unit.id);
    const lanes = new Map();
    for (const unit of units)
        if (!lanes.has(unit.lane))
            lanes.set(unit.lane, { ready: [], inFlight: 0 });
    let inFlight = 0;
    let ended = 0;
    return new Promise((resolve, reject) => {
        const pickLane = () => {
            let best;
            for (const lane of lanes.values()) {
                if (lane.ready.length > 0 && (!best || share(lane) > share(best)))
                    best = lane;
            }
            return best;
        };
        const dispatch = () => {
            for (let lane = pickLane(); lane && inFlight < ceiling; lane = pickLane()) {
                const unit = lane.ready.shift();
                lane.inFlight++;
                inFlight++;
                run(unit).then(() => finish(unit, lane), reject);
            }
            if (ended === units.length)
                resolve();
        };
        const finish = (unit, lane) => {
            lane.inFlight--;
            inFlight--;
            ended++;
            for (const next of dependents[unit.id])
                if (--waitingOn[next] === 0)
                    lanes.get(units[next].lane).ready.push(units[next]);
            dispatch();
        };
        for (const unit of units)
            if (waitingOn[unit.id] === 0)
                lanes.get(unit.lane).ready.push(unit);
        dispatch();
    });
}

;// CONCATENATED MODULE: ./src/apply/apply-plan.ts










/**
 * Changes in flight at most. A ceiling, not the rate: each operation runs at the rate its pacer
 * finds (src/aws/pacer.ts), and the slots go to the operations with the most work waiting.
 */
const DEFAULT_APPLY_CONCURRENCY = 32;
const DEFAULT_PROPAGATION_WINDOW_MS = 180_000;
const DEFAULT_UPDATE_TIMEOUT_MS = 600_000;
/**
 * Executes a reviewed plan. Each change waits only for the changes it depends on (order.ts: the
 * authentication mode before access entries, an entry before its policies, access grants before
 * access removals); everything else runs side by side, at most `concurrency` changes in flight,
 * each operation at the rate its pacer finds. Every change ends with an outcome; one failure
 * never stops independent changes, only those that depend on it. Refuses a plan with error
 * findings.
 */
async function apply_plan_applyPlan(plan, deps, options = {}) {
    refusePlanWithErrors(plan);
    const order = orderPlan(plan);
    for (const step of order.steps) {
        if (!deps.gateways[step.clusterName]) {
            throw new src_errors/* EksIdentityError */.C('APPLY_NO_GATEWAY', `No AWS gateway was given for cluster ${step.clusterName}`, { source: 'internal' });
        }
    }
    const random = deps.random ?? Math.random;
    const started = deps.now();
    const run = {
        fingerprint: plan.fingerprint,
        runId: deps.runId ?? `${started.toString(36)}-${Math.floor(random() * 2 ** 32).toString(36)}`,
        allowLockout: options.allowLockout ?? false,
        updateTimeoutMs: options.updateTimeoutMs ?? DEFAULT_UPDATE_TIMEOUT_MS,
        budget: new DeleteBudget(options.maxDeletes),
        adminGrantFailed: new Set(),
        clock: { sleep: deps.sleep, now: deps.now, random },
        policy: { ...DEFAULT_RETRY_POLICY, propagationWindowMs: options.propagationWindowMs ?? DEFAULT_PROPAGATION_WINDOW_MS },
    };
    const emit = deps.onProgress ?? (() => undefined);
    emit({ type: 'start', total: order.steps.length });
    const results = new Array(order.steps.length);
    /** Clusters whose access-entry changes cannot run (the authentication-mode change did not go through). */
    const entriesBlocked = new Map();
    const runStep = async (step) => {
        const { change, clusterName } = step;
        emit({ type: 'change-start', clusterName, changeId: change.id, kind: change.kind, action: change.action });
        const ctx = new StepContext(deps.gateways[clusterName], clusterName, change, run, (operation, notice) => emit({ type: 'retry', clusterName, changeId: change.id, operation, ...notice }));
        let result;
        try {
            const outcome = await executeChange(ctx);
            result = resultOf(step, outcome, ctx.attempts);
        }
        catch (err) {
            result = { ...resultOf(step, { outcome: 'skipped' }, ctx.attempts), outcome: 'failed', error: applyErrorOf(err) };
        }
        return result;
    };
    const record = (step, result) => {
        results[step.index] = result;
        const succeeded = result.outcome === 'applied' || result.outcome === 'adopted';
        if (!succeeded && step.change.kind === 'authenticationMode') {
            entriesBlocked.set(step.clusterName, `the authentication-mode change ${step.change.id} did not go through`);
        }
        if (!succeeded && grantsClusterAdmin(step.change))
            run.adminGrantFailed.add(step.clusterName);
        emit({ type: 'change-end', result });
    };
    const runUnit = async (unit) => {
        let blocker;
        for (const step of unit.steps) {
            const blockedReason = needsAccessEntries(step.change) ? entriesBlocked.get(step.clusterName) : undefined;
            if (blockedReason !== undefined) {
                record(step, resultOf(step, { outcome: 'skipped', reason: blockedReason }, 0));
            }
            else if (unit.chain && blocker) {
                record(step, resultOf(step, { outcome: 'skipped', reason: `depends on ${blocker.changeId}, which ${blocker.outcome === 'failed' ? 'failed' : 'was skipped'}` }, 0));
            }
            else {
                record(step, await runStep(step));
            }
            const last = results[step.index];
            if (unit.chain && !blocker && last.outcome !== 'applied' && last.outcome !== 'adopted')
                blocker = last;
        }
    };
    await runUnits(order.units, options.concurrency ?? DEFAULT_APPLY_CONCURRENCY, runUnit);
    const summary = summarize(results, deps.now() - started);
    emit({ type: 'done', summary });
    return { fingerprint: plan.fingerprint, results, summary };
}
function executeChange(ctx) {
    switch (ctx.change.kind) {
        case 'podIdentityAssociation':
            return applyAssociationChange(ctx);
        case 'accessEntry':
            return applyAccessEntryChange(ctx);
        case 'accessPolicy':
            return applyAccessPolicyChange(ctx);
        case 'trustPolicy':
            return applyTrustPolicyChange(ctx);
        case 'authenticationMode':
            return applyAuthenticationModeChange(ctx);
    }
}
function refusePlanWithErrors(plan) {
    const errors = plan.clusters.flatMap((c) => c.findings.filter((f) => f.severity === 'error').map((f) => ({ cluster: c.name, ...f })));
    if (errors.length === 0)
        return;
    const listed = errors
        .slice(0, 5)
        .map((f) => `${f.cluster}: ${f.code}${f.key ? ` (${f.key})` : ''}`)
        .join('; ');
    throw new src_errors/* EksIdentityError */.C('PLAN_HAS_ERRORS', `The plan has ${errors.length} error finding(s), so nothing was applied: ${listed}${errors.length > 5 ? '; …' : ''}`, { fix: 'Run plan, fix each error finding (or pass the override it names, such as --allow-lockout or --max-deletes), then apply again.' });
}
function needsAccessEntries(change) {
    return change.kind === 'accessEntry' || change.kind === 'accessPolicy';
}
function grantsClusterAdmin(change) {
    if (change.kind !== 'accessPolicy' || change.action === 'delete' || change.action === 'unmanaged')
        return false;
    const after = change.after;
    return after !== undefined && isClusterAdminPolicy(after.policyArn) && after.scope.type === 'cluster';
}
function resultOf(step, outcome, attempts) {
    return {
        clusterName: step.clusterName,
        changeId: step.change.id,
        kind: step.change.kind,
        action: step.change.action,
        outcome: outcome.outcome,
        ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
        attempts,
    };
}
/** The facts of a failure worth reporting: AWS error name, status, request id and the operation. */
function applyErrorOf(err) {
    const operation = err instanceof StepFailure ? err.operation : 'Apply';
    const cause = err instanceof StepFailure ? err.lastError : err;
    if (AwsCallError.isAwsCallError(cause)) {
        return {
            name: cause.errorName,
            message: cause.message,
            ...(cause.httpStatus === undefined ? {} : { status: cause.httpStatus }),
            ...(cause.requestId === undefined ? {} : { requestId: cause.requestId }),
            operation: cause.operation,
        };
    }
    if (src_errors/* EksIdentityError */.C.is(cause))
        return { name: cause.code, message: cause.message, operation };
    if (cause instanceof Error)
        return { name: cause.name, message: cause.message, operation };
    return { name: 'Error', message: String(cause), operation };
}
function summarize(results, durationMs) {
    const count = (outcome) => results.filter((r) => r.outcome === outcome).length;
    const summary = { total: results.length, applied: count('applied'), adopted: count('adopted'), skipped: count('skipped'), failed: count('failed') };
    return { ...summary, ok: summary.skipped === 0 && summary.failed === 0, durationMs };
}

;// CONCATENATED MODULE: ./src/apply/index.ts





// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-eks/dist-cjs/index.js
var client_eks_dist_cjs = __webpack_require__(4524);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var client_iam_dist_cjs = __webpack_require__(6764);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(1695);
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


// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/retry/index.js
var submodules_retry = __webpack_require__(3609);
;// CONCATENATED MODULE: ./src/aws/pacer.ts

/** Inputs of commands sent through a pacer: their throttles are the pacer's to retry. */
const pacedInputs = new WeakSet();
const HANDED_BACK = Symbol('eks-identity.handedBackToPacer');
/**
 * A middleware that runs inside the SDK's retry loop and marks the throttles of paced commands,
 * so that `PacedRetryStrategy` hands them back instead of retrying them. Added to every client
 * (clients.ts); it does nothing for calls that are not paced.
 */
function markPacedThrottles(next) {
    return async (args) => {
        try {
            return await next(args);
        }
        catch (err) {
            if (pacedInputs.has(args.input) && isThrottle(err) && typeof err === 'object' && err !== null)
                Object.defineProperty(err, HANDED_BACK, { value: true });
            throw err;
        }
    };
}
const markPacedThrottlesOptions = { name: 'eksIdentityMarkPacedThrottles', relation: 'after', toMiddleware: 'retryMiddleware' };
/**
 * The SDK's retry strategy with one change: a throttle of a paced call (marked by
 * `markPacedThrottles`) is not retried by the SDK but handed back to its pacer at once.
 * Everything else (5xx, dropped connections, throttles of unpaced calls such as list pages) is
 * retried by `inner` as before.
 */
class PacedRetryStrategy {
    inner;
    constructor(inner) {
        this.inner = inner;
    }
    acquireInitialRetryToken(retryTokenScope) {
        return this.inner.acquireInitialRetryToken(retryTokenScope);
    }
    refreshRetryTokenForRetry(token, errorInfo) {
        const error = errorInfo.error;
        if (errorInfo.errorType === 'THROTTLING' && error?.[HANDED_BACK])
            return Promise.reject(error);
        return this.inner.refreshRetryTokenForRetry(token, errorInfo);
    }
    recordSuccess(token) {
        this.inner.recordSuccess(token);
    }
}
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
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
    constructor(options = {}) {
        this.rateValue = options.initialRate ?? 100;
        this.minRate = options.minRate ?? 0.5;
        this.maxRate = options.maxRate ?? 10_000;
        this.decrease = options.decrease ?? 0.9;
        this.increase = options.increase ?? 0.02;
        this.clock = options.clock ?? systemClock;
        this.throttleRetries = options.throttleRetries ?? 10;
        this.maxBackoffMs = options.maxBackoffMs ?? 20_000;
        this.random = options.random ?? Math.random;
        this.burst = Math.max(1, Math.floor(options.burst ?? this.rateValue / 2));
    }
    /** Calls per second currently allowed. */
    get rate() {
        return this.rateValue;
    }
    /**
     * Runs `fn` in its slot and learns from its answer. A throttled call (handed back at once by
     * `PacedRetryStrategy` when sent with `PacerRegistry.send`, or still throttled after the SDK's
     * retries otherwise) takes a new slot at the lowered rate, after a backoff that starts at one
     * slot and doubles with each further throttle, up to `throttleRetries` times; other errors pass
     * through. An answer that needed the SDK's retries (a 5xx, a dropped connection, or a throttle
     * the SDK retried) also lowers the rate.
     */
    async run(fn) {
        for (let attempt = 1;; attempt++) {
            const { startedAt, waited } = await this.acquire();
            try {
                const answer = await fn();
                const attempts = answer?.$metadata?.attempts ?? 1;
                if (attempts > 1)
                    this.onThrottle(startedAt);
                else if (waited)
                    this.onSuccess();
                return answer;
            }
            catch (err) {
                if (!isThrottle(err))
                    throw err;
                this.onThrottle(startedAt);
                if (attempt > this.throttleRetries)
                    throw err;
                // Exponential backoff with jitter, so throttled callers do not come back together.
                const backoff = (1000 / this.rateValue) * 2 ** (attempt - 1);
                await this.clock.sleep(Math.min(this.maxBackoffMs, backoff) * (0.5 + this.random() / 2));
            }
        }
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
    /** Only calls that had to wait for their slot grow the rate: an idle pacer learns nothing. */
    onSuccess() {
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
        pacedInputs.add(command.input);
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

;// CONCATENATED MODULE: ./src/aws/clients.ts






const DEFAULT_MAX_ATTEMPTS = 8;
/** IAM is global: its one endpoint per partition is signed for this region. */
const IAM_SIGNING_REGION = {
    aws: 'us-east-1',
    'aws-cn': 'cn-north-1',
    'aws-us-gov': 'us-gov-west-1',
};
/** The region IAM calls are made in for a cluster region (IAM is one global service per partition). */
function iamRegionFor(region) {
    return IAM_SIGNING_REGION[partitionOfRegion(region)];
}
/**
 * Builds the EKS, IAM and STS clients for one region, with the SDK's retries for throttling, 5xx
 * and dropped connections (`standard` mode by default, see `retryMode`). In standard mode a
 * throttle of a paced call goes back to its pacer instead (PacedRetryStrategy).
 */
function createAwsClients(options) {
    const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const retry = () => options.retryMode === 'adaptive' ? { retryMode: 'adaptive', maxAttempts } : { maxAttempts, retryStrategy: new PacedRetryStrategy(new submodules_retry.StandardRetryStrategy(maxAttempts)) };
    const common = () => ({
        ...retry(),
        ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    });
    const endpoint = (url) => (url === undefined ? {} : { endpoint: url });
    const clients = {
        eks: new client_eks_dist_cjs/* EKSClient */.JQJ({ ...common(), region: options.region, ...endpoint(options.endpoints?.eks) }),
        iam: new client_iam_dist_cjs/* IAMClient */.h8v({ ...common(), region: iamRegionFor(options.region), ...endpoint(options.endpoints?.iam) }),
        sts: new client_sts_dist_cjs/* STSClient */.iM({ ...common(), region: options.region, ...endpoint(options.endpoints?.sts) }),
    };
    if (options.retryMode !== 'adaptive') {
        clients.eks.middlewareStack.addRelativeTo(markPacedThrottles, markPacedThrottlesOptions);
        clients.iam.middlewareStack.addRelativeTo(markPacedThrottles, markPacedThrottlesOptions);
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





/** Assumed-role credentials are refreshed this long before they expire. */
const REFRESH_MARGIN_MS = 5 * 60_000;
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
        return { target, region: target.region, partition: partitionOfRegion(target.region), accountId: caller.accountId, caller, clients };
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
        const provider = assumeRoleCredentials(base.sts, target.assumeRoleArn, sessionNameFor(target.name), options);
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
    };
}
/** `eks-identity-<cluster>`, cut to the 64 characters and character set STS accepts. */
function sessionNameFor(clusterName) {
    return `eks-identity-${clusterName}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}
/** A credential provider that assumes the role and re-assumes it shortly before expiry. */
function assumeRoleCredentials(sts, roleArn, sessionName, options) {
    const now = options.now ?? Date.now;
    let current;
    let expiresAt = 0;
    const assume = async () => {
        let answer;
        try {
            answer = await sts.send(new client_sts_dist_cjs/* AssumeRoleCommand */.QL({ RoleArn: roleArn, RoleSessionName: sessionName, DurationSeconds: options.durationSeconds ?? 3600 }));
        }
        catch (err) {
            throw describeAwsError('AssumeRole', `role ${roleArn}`, err);
        }
        const c = answer.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey) {
            throw new src_errors/* EksIdentityError */.C('AWS_ASSUME_ROLE', `AssumeRole for ${roleArn} returned no credentials`, { source: 'internal' });
        }
        expiresAt = c.Expiration ? c.Expiration.getTime() : Number.POSITIVE_INFINITY;
        return {
            accessKeyId: c.AccessKeyId,
            secretAccessKey: c.SecretAccessKey,
            ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
            ...(c.Expiration ? { expiration: c.Expiration } : {}),
        };
    };
    return () => {
        if (!current || now() >= expiresAt - REFRESH_MARGIN_MS) {
            current = assume();
            // A failed attempt must not be cached: the next call tries again.
            current.catch(() => (current = undefined));
        }
        return current;
    };
}
async function getCallerIdentity(sts, target) {
    let answer;
    try {
        answer = await sts.send(new client_sts_dist_cjs/* GetCallerIdentityCommand */.zI({}));
    }
    catch (err) {
        throw describeAwsError('GetCallerIdentity', `credentials for cluster ${target.name} (${target.region})`, err);
    }
    if (!answer.Arn || !answer.Account) {
        throw new src_errors/* EksIdentityError */.C('AWS_CALLER_IDENTITY', `GetCallerIdentity returned no ARN for cluster ${target.name}`, { source: 'internal' });
    }
    return callerIdentityOf(answer.Arn, answer.Account);
}
/**
 * The principal an access entry names for a caller: an assumed-role session maps to its role
 * (`arn:P:sts::A:assumed-role/NAME/SESSION` → `arn:P:iam::A:role/NAME`; STS does not return the
 * role's path). Users and roles map to themselves.
 */
function callerIdentityOf(arn, accountId) {
    const parsed = parseArn(arn);
    if (parsed?.service === 'sts' && parsed.resource.startsWith('assumed-role/')) {
        const roleName = parsed.resource.split('/')[1] ?? '';
        return { arn, accountId, principalArn: `arn:${parsed.partition}:iam::${parsed.accountId}:role/${roleName}` };
    }
    return { arn, accountId, principalArn: arn };
}
function accountMismatch(target, caller) {
    const via = target.assumeRoleArn === undefined ? 'the credentials' : `the credentials from ${target.assumeRoleArn}`;
    return new src_errors/* EksIdentityError */.C('ACCOUNT_MISMATCH', `Cluster ${target.name} (${target.region}) is declared in account ${target.accountId ?? '?'}, but ${via} belong to account ${caller.accountId} (${caller.arn}); refusing to read or change it`, {
        fix: `Use credentials for account ${target.accountId ?? '?'} (for example assumeRoleArn on the cluster), or correct the cluster's accountId.`,
        ...(target.source === undefined ? {} : { location: target.source }),
    });
}
function combineFailures(failures) {
    if (failures.length === 1)
        return failures[0];
    const first = failures[0];
    const messages = failures.map((f) => (f instanceof Error ? f.message : String(f)));
    if (!src_errors/* EksIdentityError */.C.is(first))
        return first;
    return new src_errors/* EksIdentityError */.C(first.code, messages.join('\n'), {
        source: first.source,
        ...(first.fix === undefined ? {} : { fix: first.fix }),
        ...(first.location === undefined ? {} : { location: first.location }),
        cause: new AggregateError(failures),
    });
}

;// CONCATENATED MODULE: ./src/aws/gateway.ts







/** EksWriteGateway over the AWS SDK v3 clients of one cluster session. */
class gateway_SdkEksWriteGateway {
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
        const answer = await callAws('CreatePodIdentityAssociation', associationKey(cluster, value.namespace, value.serviceAccount), () => this.clients.eks.send(new client_eks_dist_cjs/* CreatePodIdentityAssociationCommand */.FHt({
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
        const answer = await callAws('ListPodIdentityAssociations', key, () => this.clients.eks.send(new client_eks_dist_cjs/* ListPodIdentityAssociationsCommand */.pp8({ clusterName: cluster, namespace, serviceAccount })));
        const summary = (answer.associations ?? []).map(toAssociationSummary).find((s) => s.namespace === namespace && s.serviceAccount === serviceAccount);
        return summary === undefined ? undefined : this.describeAssociation(cluster, summary.associationId);
    }
    async describeAssociation(cluster, associationId) {
        const answer = await callAwsOrAbsent('DescribePodIdentityAssociation', `association ${associationId} on cluster ${cluster}`, () => this.clients.eks.send(new client_eks_dist_cjs/* DescribePodIdentityAssociationCommand */.$tu({ clusterName: cluster, associationId })));
        const a = answer?.association;
        return a === undefined ? undefined : toLiveAssociation(a, { associationId, namespace: a.namespace ?? '', serviceAccount: a.serviceAccount ?? '' });
    }
    async updateAssociation(cluster, associationId, fields) {
        const answer = await callAws('UpdatePodIdentityAssociation', `association ${associationId} on cluster ${cluster}`, () => this.clients.eks.send(new client_eks_dist_cjs/* UpdatePodIdentityAssociationCommand */.Tr6({ clusterName: cluster, associationId, ...fields })));
        const a = answer.association ?? {};
        return toLiveAssociation(a, { associationId, namespace: a.namespace ?? '', serviceAccount: a.serviceAccount ?? '' });
    }
    async deleteAssociation(cluster, associationId) {
        const answer = await callAwsOrAbsent('DeletePodIdentityAssociation', `association ${associationId} on cluster ${cluster}`, () => this.clients.eks.send(new client_eks_dist_cjs/* DeletePodIdentityAssociationCommand */.FT2({ clusterName: cluster, associationId })));
        return answer === undefined ? 'absent' : 'deleted';
    }
    async tagResource(resourceArn, tags) {
        await callAws('TagResource', `resource ${resourceArn}`, () => this.clients.eks.send(new client_eks_dist_cjs/* TagResourceCommand */.eqU({ resourceArn, tags })));
    }
    async untagResource(resourceArn, tagKeys) {
        await callAws('UntagResource', `resource ${resourceArn}`, () => this.clients.eks.send(new client_eks_dist_cjs/* UntagResourceCommand */.RP$({ resourceArn, tagKeys })));
    }
    async createAccessEntry(cluster, value, clientRequestToken) {
        const answer = await callAws('CreateAccessEntry', entryKey(cluster, value.principalArn), () => this.clients.eks.send(new client_eks_dist_cjs/* CreateAccessEntryCommand */.c6K({
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
        const answer = await callAwsOrAbsent('DescribeAccessEntry', entryKey(cluster, principalArn), () => this.clients.eks.send(new client_eks_dist_cjs/* DescribeAccessEntryCommand */.VV3({ clusterName: cluster, principalArn })));
        return answer?.accessEntry === undefined ? undefined : entryRecord(toLiveAccessEntry(answer.accessEntry, principalArn, []));
    }
    async updateAccessEntry(cluster, principalArn, fields) {
        const answer = await callAws('UpdateAccessEntry', entryKey(cluster, principalArn), () => this.clients.eks.send(new client_eks_dist_cjs/* UpdateAccessEntryCommand */.N9Z({ clusterName: cluster, principalArn, ...fields })));
        return entryRecord(toLiveAccessEntry(answer.accessEntry ?? {}, principalArn, []));
    }
    async deleteAccessEntry(cluster, principalArn) {
        const answer = await callAwsOrAbsent('DeleteAccessEntry', entryKey(cluster, principalArn), () => this.clients.eks.send(new client_eks_dist_cjs/* DeleteAccessEntryCommand */.dew({ clusterName: cluster, principalArn })));
        return answer === undefined ? 'absent' : 'deleted';
    }
    async associateAccessPolicy(cluster, principalArn, policyArn, scope) {
        const accessScope = scope.type === 'cluster' ? { type: 'cluster' } : { type: 'namespace', namespaces: scope.namespaces };
        await callAws('AssociateAccessPolicy', `${policyArn} for ${entryKey(cluster, principalArn)}`, () => this.clients.eks.send(new client_eks_dist_cjs/* AssociateAccessPolicyCommand */._33({ clusterName: cluster, principalArn, policyArn, accessScope })));
    }
    async disassociateAccessPolicy(cluster, principalArn, policyArn) {
        const answer = await callAwsOrAbsent('DisassociateAccessPolicy', `${policyArn} for ${entryKey(cluster, principalArn)}`, () => this.clients.eks.send(new client_eks_dist_cjs/* DisassociateAccessPolicyCommand */.moA({ clusterName: cluster, principalArn, policyArn })));
        return answer === undefined ? 'absent' : 'deleted';
    }
    async updateAuthenticationMode(cluster, mode, clientRequestToken) {
        const answer = await callAws('UpdateClusterConfig', `cluster ${cluster}`, () => this.clients.eks.send(new client_eks_dist_cjs/* UpdateClusterConfigCommand */.RSy({ name: cluster, accessConfig: { authenticationMode: mode }, clientRequestToken })));
        return { updateId: answer.update?.id ?? '' };
    }
    async describeUpdate(cluster, updateId) {
        const answer = await callAws('DescribeUpdate', `update ${updateId} of cluster ${cluster}`, () => this.clients.eks.send(new client_eks_dist_cjs/* DescribeUpdateCommand */.SrY({ name: cluster, updateId })));
        const errors = (answer.update?.errors ?? []).map((e) => [e.errorCode, e.errorMessage].filter(Boolean).join(': '));
        return { status: (answer.update?.status ?? 'InProgress'), errors };
    }
    async updateAssumeRolePolicy(roleName, document) {
        await callAws('UpdateAssumeRolePolicy', `role ${roleName}`, () => this.clients.iam.send(new client_iam_dist_cjs/* UpdateAssumeRolePolicyCommand */.tuH({ RoleName: roleName, PolicyDocument: document })));
    }
    callerPrincipalArn() {
        if (this.caller === undefined) {
            this.caller = callAws('GetCallerIdentity', 'the current credentials', () => this.clients.sts.send(new client_sts_dist_cjs/* GetCallerIdentityCommand */.zI({}))).then((answer) => callerIdentityOf(answer.Arn ?? '', answer.Account ?? '').principalArn);
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

;// CONCATENATED MODULE: ./src/aws/progress.ts
const silentProgress = {
    start: () => undefined,
    tick: () => undefined,
    done: () => undefined,
};
function percentOf(c) {
    return c.total <= 0 ? 100 : Math.min(100, Math.floor((c.count * 100) / c.total));
}
/**
 * A bar on one terminal line, rewritten in place. Redraws are limited to one per `redrawMs` of the
 * injected clock, so thousands of ticks do not flood the terminal.
 */
function createTtyProgress(stream, options = {}) {
    const now = options.now ?? Date.now;
    const redrawMs = options.redrawMs ?? 100;
    const c = { label: '', total: 0, count: 0, started: false };
    let lastDraw = Number.NEGATIVE_INFINITY;
    const draw = (force) => {
        const t = now();
        if (!force && t - lastDraw < redrawMs)
            return;
        lastDraw = t;
        const width = options.width ?? Math.max(10, Math.min(30, (stream.columns ?? 80) - c.label.length - 24));
        const filled = c.total <= 0 ? width : Math.min(width, Math.floor((c.count * width) / c.total));
        const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
        stream.write(`\r\x1b[2K${c.label} [${bar}] ${c.count}/${c.total} ${percentOf(c)}%`);
    };
    return {
        start(label, total) {
            c.label = label;
            c.total = total;
            c.started = true;
            draw(true);
        },
        tick(n = 1) {
            c.count += n;
            draw(c.count >= c.total);
        },
        done() {
            if (!c.started)
                return;
            draw(true);
            stream.write('\n');
            c.started = false;
        },
    };
}
/**
 * Plain lines for logs (CI): one every `intervalMs` of the injected clock or each time another
 * 10% is reached, whichever comes first, but none during the first `quietMs`: work that ends
 * quickly prints only its closing line.
 */
function createLineProgress(stream, options = {}) {
    const now = options.now ?? Date.now;
    const intervalMs = options.intervalMs ?? 10_000;
    const quietMs = options.quietMs ?? 2_000;
    const c = { label: '', total: 0, count: 0, started: false };
    let startedAt = 0;
    let lastLine = 0;
    let lastDecile = 0;
    const line = () => {
        lastLine = now();
        lastDecile = Math.floor(percentOf(c) / 10);
        stream.write(`${c.label}: ${c.count}/${c.total} (${percentOf(c)}%)\n`);
    };
    return {
        start(label, total) {
            const first = !c.started;
            c.label = label;
            c.total = total;
            c.started = true;
            if (first) {
                startedAt = now();
                lastLine = startedAt;
                lastDecile = Math.floor(percentOf(c) / 10);
            }
        },
        tick(n = 1) {
            c.count += n;
            if (now() - startedAt < quietMs)
                return;
            if (now() - lastLine >= intervalMs || Math.floor(percentOf(c) / 10) > lastDecile)
                line();
        },
        done() {
            if (!c.started)
                return;
            c.started = false;
            stream.write(`${c.label}: done, ${c.count}/${c.total}\n`);
        },
    };
}
/** A bar on a terminal, lines otherwise. */
function createProgressReporter(stream, options = {}) {
    return stream.isTTY === true ? createTtyProgress(stream, options) : createLineProgress(stream, options);
}
/**
 * Several parallel tasks (one per cluster) reporting into one reporter: each task's `start` adds
 * its total, and the parent shows the sum. The parent is done when `done` is called on the group.
 */
function createProgressGroup(parent, label) {
    let total = 0;
    let started = false;
    return {
        task() {
            let mine = 0;
            return {
                start(_label, taskTotal) {
                    total += taskTotal - mine;
                    mine = taskTotal;
                    started = true;
                    parent.start(label, total);
                },
                tick(n = 1) {
                    parent.tick(n);
                },
                done: () => undefined,
            };
        },
        done() {
            if (started)
                parent.done();
        },
    };
}

;// CONCATENATED MODULE: ./src/aws/reader.ts









/**
 * IAM is one service per account, not per cluster: the clusters of one read look each role and
 * user up once. Keyed by partition, account and ARN; a failed lookup fails every cluster alike.
 */
class IamLookups {
    answers = new Map();
    once(session, arn, read) {
        const key = `${session.partition}\u0000${session.accountId}\u0000${arn}`;
        let answer = this.answers.get(key);
        if (!answer) {
            answer = read();
            this.answers.set(key, answer);
        }
        return answer;
    }
}
const DEFAULT_READ_CONCURRENCY = 16;
/** The largest page EKS serves for these lists. */
const PAGE_SIZE = 100;
const AGENT_ADDON = 'eks-pod-identity-agent';
/** Reads every desired cluster in parallel, each through the session opened for it. */
async function readLiveState(sessions, desired, options = {}) {
    const group = createProgressGroup(options.progress ?? silentProgress, `Reading ${desired.clusters.length} cluster(s)`);
    // Throttling is per account, region and operation, not per cluster: clusters share the pacers.
    const pacers = options.pacers ?? new PacerRegistry();
    const iam = options.iam ?? new IamLookups();
    try {
        const clusters = await Promise.all(desired.clusters.map((cluster) => {
            const session = sessions.find((s) => s.target.name === cluster.name && s.target.region === cluster.region);
            if (!session) {
                throw new src_errors/* EksIdentityError */.C('NO_SESSION', `No AWS session was opened for cluster ${cluster.name} (${cluster.region})`, {
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
    const progress = options.progress ?? silentProgress;
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
    const [addons, summaries, principals] = await Promise.all([
        reader.listAddons(),
        reader.listAssociations(),
        entriesAvailable ? reader.listAccessEntries() : Promise.resolve([]),
    ]);
    const declaredAssociations = new Set(desired.associations.map((a) => reader_associationKey(a.namespace, a.serviceAccount)));
    const toDescribe = desired.prune ? summaries : summaries.filter((s) => declaredAssociations.has(reader_associationKey(s.namespace, s.serviceAccount)));
    const declaredPrincipals = new Set(desired.accessEntries.map((e) => e.principalArn));
    const entriesToDescribe = desired.prune ? principals : principals.filter((p) => declaredPrincipals.has(p));
    const jobs = interleave(toDescribe.map((summary) => ({ kind: 'association', summary })), entriesToDescribe.map((principalArn) => ({ kind: 'entry', principalArn })));
    // Roles the desired state names, and the users of declared entries that exist, are known now:
    // read them alongside the describes (a re-created user makes its entry stale).
    const declaredRoles = rolesToRead(session, desired, []);
    const userArns = usersToRead(session, desired, principals);
    progress.start(`cluster ${desired.name}`, jobs.length + declaredRoles.length + userArns.length);
    const readRoles = (arns) => mapWithConcurrency(arns, limit, async (arn) => {
        const role = await iam.once(session, arn, () => reader.getRole(arn));
        progress.tick();
        return [arn, role];
    });
    const [described, declaredRoleList, userList] = await Promise.all([
        mapWithConcurrency(jobs, limit, async (job) => {
            const result = job.kind === 'association' ? await reader.describeAssociation(job.summary) : await reader.describeAccessEntry(job.principalArn);
            progress.tick();
            return result;
        }),
        readRoles(declaredRoles),
        mapWithConcurrency(userArns, limit, async (arn) => {
            // A denied GetUser only skips the stale-entry check for that user (a finding says so): the
            // permission is newer than the rest of the plan policy, and the plan does not need it otherwise.
            const user = await iam.once(session, arn, () => reader.getUser(arn).catch((err) => (isAccessDenied(err) ? 'denied' : Promise.reject(err))));
            progress.tick();
            return [arn, user];
        }),
    ]);
    const associations = described.filter((d) => d !== undefined && 'associationId' in d);
    const accessEntries = described.filter((d) => d !== undefined && 'accessPolicies' in d);
    // Then the roles of live entries the manifest does not declare (read with prune on).
    const known = new Set(declaredRoles);
    const moreRoles = rolesToRead(session, desired, accessEntries).filter((arn) => !known.has(arn));
    progress.start(`cluster ${desired.name}`, jobs.length + declaredRoles.length + userArns.length + moreRoles.length);
    const roleList = [...declaredRoleList, ...(await readRoles(moreRoles))].sort((a, b) => compare(a[0], b[0]));
    const deniedUsers = userList.filter(([, user]) => user === 'denied').map(([arn]) => arn);
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
    };
}
/**
 * IAM users named by declared STANDARD entries that exist on the cluster (`listed`: the principals
 * ListAccessEntries returned), in the cluster's own account and partition (others cannot be read
 * with its credentials), deduplicated and sorted.
 */
function usersToRead(session, desired, listed) {
    const live = new Set(listed);
    return [...new Set(desired.accessEntries.filter((e) => e.type === 'STANDARD' && live.has(e.principalArn)).map((e) => e.principalArn))]
        .filter((arn) => {
        const parsed = parseArn(arn);
        return parsed?.service === 'iam' && parsed.resource.startsWith('user/') && parsed.accountId === session.accountId && parsed.partition === session.partition;
    })
        .sort(compare);
}
/**
 * Describes the listed access entries a read skipped (prune off: only declared entries are
 * described) and returns the cluster with them. Used when a plan would take cluster admin away
 * from every entry it knows: an undeclared entry may still be an admin, and the lockout check
 * should not guess.
 */
async function describeSkippedAccessEntries(session, live, options = {}) {
    const known = new Set(live.accessEntries.map((e) => e.principalArn));
    const skipped = live.accessEntryPrincipals.filter((p) => !known.has(p));
    if (skipped.length === 0)
        return live;
    const reader = new ClusterReader(session, live.name, options.pacers ?? new PacerRegistry());
    const described = await mapWithConcurrency(skipped, options.concurrency ?? DEFAULT_READ_CONCURRENCY, (principalArn) => reader.describeAccessEntry(principalArn));
    const found = described.filter((e) => e !== undefined);
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
 * Roles the checks need, deduplicated and sorted: those the desired associations use (missing
 * role, trust policy) and the STANDARD entry principals that are roles (re-created role = stale
 * entry). Only roles in the cluster's own account and partition can be read with its credentials;
 * others are left out of `roles` (unknown), never reported as missing.
 */
function rolesToRead(session, desired, described) {
    const arns = new Set();
    for (const a of desired.associations)
        arns.add(a.roleArn);
    for (const e of desired.accessEntries)
        if (e.type === 'STANDARD')
            arns.add(e.principalArn);
    for (const e of described)
        if (e.type === 'STANDARD')
            arns.add(e.principalArn);
    return [...arns]
        .filter((arn) => {
        const parsed = parseArn(arn);
        return parsed?.service === 'iam' && parsed.resource.startsWith('role/') && parsed.accountId === session.accountId && parsed.partition === session.partition;
    })
        .sort(compare);
}
/** The SDK calls for one cluster, each failure wrapped with the operation and the AWS object. */
class ClusterReader {
    session;
    clusterName;
    pacers;
    where;
    constructor(session, clusterName, pacers) {
        this.session = session;
        this.clusterName = clusterName;
        this.pacers = pacers;
        this.where = `cluster ${clusterName} (${session.region})`;
    }
    async describeCluster() {
        const answer = await callAwsOrAbsent('DescribeCluster', this.where, () => this.session.clients.eks.send(new client_eks_dist_cjs/* DescribeClusterCommand */.hV5({ name: this.clusterName })));
        return answer?.cluster;
    }
    async listAddons() {
        return callAws('ListAddons', this.where, async () => {
            const names = [];
            const pages = (0,client_eks_dist_cjs/* paginateListAddons */.P4v)({ client: this.session.clients.eks, pageSize: PAGE_SIZE }, { clusterName: this.clusterName });
            for await (const page of pages)
                names.push(...(page.addons ?? []));
            return [...new Set(names)].sort(compare);
        });
    }
    async listAssociations() {
        return callAws('ListPodIdentityAssociations', this.where, async () => {
            const out = [];
            const pages = (0,client_eks_dist_cjs/* paginateListPodIdentityAssociations */.Hxv)({ client: this.session.clients.eks, pageSize: PAGE_SIZE }, { clusterName: this.clusterName });
            for await (const page of pages)
                out.push(...(page.associations ?? []).map(toAssociationSummary));
            return out.sort(byAssociation);
        });
    }
    async listAccessEntries() {
        return callAws('ListAccessEntries', this.where, async () => {
            const out = [];
            const pages = (0,client_eks_dist_cjs/* paginateListAccessEntries */.q7l)({ client: this.session.clients.eks, pageSize: PAGE_SIZE }, { clusterName: this.clusterName });
            for await (const page of pages)
                out.push(...(page.accessEntries ?? []));
            return [...new Set(out)].sort(compare);
        });
    }
    async describeAssociation(summary) {
        const key = `association ${summary.namespace}/${summary.serviceAccount} (${summary.associationId}) on ${this.where}`;
        const answer = await callAwsOrAbsent('DescribePodIdentityAssociation', key, () => this.pacers.send(this.session.clients.eks, new client_eks_dist_cjs/* DescribePodIdentityAssociationCommand */.$tu({ clusterName: this.clusterName, associationId: summary.associationId })));
        return answer?.association ? toLiveAssociation(answer.association, summary) : undefined;
    }
    async describeAccessEntry(principalArn) {
        const key = `access entry ${principalArn} on ${this.where}`;
        const answer = await callAwsOrAbsent('DescribeAccessEntry', key, () => this.pacers.send(this.session.clients.eks, new client_eks_dist_cjs/* DescribeAccessEntryCommand */.VV3({ clusterName: this.clusterName, principalArn })));
        if (!answer?.accessEntry)
            return undefined;
        const policies = await callAwsOrAbsent('ListAssociatedAccessPolicies', key, async () => {
            // Page by page, each page one paced call.
            const out = [];
            let nextToken;
            do {
                const page = await this.pacers.send(this.session.clients.eks, new client_eks_dist_cjs/* ListAssociatedAccessPoliciesCommand */.kFG({ clusterName: this.clusterName, principalArn, maxResults: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) }));
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
    async getRole(roleArn) {
        const roleName = roleNameOfArn(roleArn);
        if (roleName === undefined)
            return null;
        const answer = await callAwsOrAbsent('GetRole', `role ${roleArn}`, () => this.pacers.send(this.session.clients.iam, new client_iam_dist_cjs/* GetRoleCommand */.kbp({ RoleName: roleName })));
        return answer?.Role ? toLiveRole(answer.Role) : null;
    }
    async getUser(userArn) {
        const userName = userArn.split('/').pop() ?? '';
        const answer = await callAwsOrAbsent('GetUser', `user ${userArn}`, () => this.pacers.send(this.session.clients.iam, new client_iam_dist_cjs/* GetUserCommand */.T3b({ UserName: userName })));
        return answer?.User ? toLiveUser(answer.User) : null;
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
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
/** The closest candidate within a small edit distance, for "did you mean" hints. */
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

;// CONCATENATED MODULE: ./src/manifest/schema.ts

/**
 * Manifest v1: the one definition that gives the TypeScript types, the validator and the JSON
 * Schema published for editors (schema/manifest.schema.json, generated by scripts/generate-schema.ts).
 * Rules that need more than one field or more than one file live in rules.ts.
 */
const ACCESS_ENTRY_TYPES = ['STANDARD', 'EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX', 'EC2', 'HYBRID_LINUX', 'HYPERPOD_LINUX'];
const tags = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP())
    .describe('Tags, key → value. At most 50; keys ≤ 128 and values ≤ 256 characters; keys may not start with "aws:".');
const clusterSelector = schemas/* array */.YOg(schemas/* string */.YjP())
    .describe('Names of the clusters (from `clusters`) this applies to. Default: every cluster.');
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
        .describe('IAM role name (optionally with a path, e.g. team/app) in the cluster\'s account. Give roleName or roleArn.'),
    roleArn: schemas/* string */.YjP()
        .optional()
        .describe('IAM role ARN; ${partition} ${accountId} ${region} ${cluster} expand. Give roleName or roleArn.'),
    targetRoleArn: schemas/* string */.YjP().optional().describe('Role to chain into (cross-account access).'),
    disableSessionTags: schemas/* boolean */.zMY().optional().describe('Turn off the session tags EKS adds. Required (true) with `policy`.'),
    policy: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J())
        .optional()
        .describe('Session policy (an IAM policy document) that narrows the role. Needs disableSessionTags: true.'),
    tags: tags.optional(),
    clusters: clusterSelector.optional(),
})
    .strict();
const accessPolicySchema = schemas/* object */.Ikc({
    policy: schemas/* string */.YjP().describe('Access policy short name (AmazonEKSClusterAdminPolicy) or full ARN.'),
    scope: schemas/* literal */.euz('cluster').optional().describe('Cluster-wide scope. Give `scope: cluster` or `namespaces`.'),
    namespaces: schemas/* array */.YOg(schemas/* string */.YjP()).optional().describe('Namespace scope: the namespaces the policy applies in.'),
})
    .strict();
const accessEntrySchema = schemas/* object */.Ikc({
    principalArn: schemas/* string */.YjP().describe('IAM role or user ARN; ${partition} ${accountId} ${region} ${cluster} expand.'),
    type: schemas/* enum */.k5n(ACCESS_ENTRY_TYPES).optional().describe('Access entry type (default STANDARD). Immutable: a change replaces the entry.'),
    kubernetesGroups: schemas/* array */.YOg(schemas/* string */.YjP())
        .optional()
        .describe('Kubernetes groups (STANDARD only); may not start with "system:".'),
    username: schemas/* string */.YjP()
        .optional()
        .describe('Kubernetes username (STANDARD only). Default: chosen by EKS. May not start with system: eks: aws: amazon: iam:.'),
    accessPolicies: schemas/* array */.YOg(accessPolicySchema).optional(),
    tags: tags.optional(),
    clusters: clusterSelector.optional(),
})
    .strict();
const manifestSchema = schemas/* object */.Ikc({
    version: schemas/* literal */.euz(1).describe('Manifest format version. Only 1 exists.'),
    clusters: schemas/* array */.YOg(clusterSchema).optional().describe('Clusters this manifest manages.'),
    defaults: schemas/* object */.Ikc({ tags: tags.optional() })
        .strict()
        .optional()
        .describe('Defaults merged into every association and entry.'),
    podIdentityAssociations: schemas/* array */.YOg(podIdentityAssociationSchema).optional(),
    accessEntries: schemas/* array */.YOg(accessEntrySchema).optional(),
    prune: schemas/* boolean */.zMY()
        .optional()
        .describe('Delete live associations and entries the manifest does not declare (default false).'),
})
    .strict()
    .describe('eks-identity manifest: EKS Pod Identity associations and access entries.');
/** The JSON Schema for editors (yaml-language-server, VS Code). */
function manifestJsonSchema() {
    const schema = z.toJSONSchema(manifestSchema, { target: 'draft-7' });
    return { $id: 'https://github.com/eks-identity/eks-identity/schema/manifest.schema.json', title: 'eks-identity manifest v1', ...schema };
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
    prune: schemas/* boolean */.zMY().optional(),
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
        out.push({ severity: 'error', code: 'INVALID_VALUE', message: `\`${field}\`: ${issue.message}`, location: source.locate(path) });
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

;// CONCATENATED MODULE: ./src/manifest/naming.ts
/** Name rules shared by the validator and the planner. */
/** Kubernetes namespace: an RFC 1123 label. */
const NAMESPACE_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const NAMESPACE_MAX = 63;
/** Kubernetes service account: an RFC 1123 subdomain. */
const SERVICE_ACCOUNT_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SERVICE_ACCOUNT_MAX = 253;
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
const RESERVED_GROUP_PREFIXES = ['system:'];
const RESERVED_USERNAME_PREFIXES = ['system:', 'eks:', 'aws:', 'amazon:', 'iam:'];
const TAG_LIMITS = { count: 50, key: 128, value: 256 };
/** Types whose username and groups EKS sets itself. */
function takesIdentityFields(type) {
    return type === 'STANDARD';
}
/**
 * Types that take access policies: STANDARD, and EC2 (EKS Auto Mode node roles get
 * AmazonEKSAutoNodePolicy). The other node types get their permissions from EKS, which refuses
 * AssociateAccessPolicy on them; the emulator enforces the same rule.
 */
function takesAccessPolicies(type) {
    return type === 'STANDARD' || type === 'EC2';
}

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

;// CONCATENATED MODULE: ./src/manifest/rules.ts



/** A placeholder account for checking ARNs offline when the cluster's account is not declared. */
const PLACEHOLDER_ACCOUNT = '000000000000';
/** Merges the files and checks every rule that spans fields, items or files. */
function mergeAndCheck(files) {
    const diagnostics = files.flatMap((f) => f.diagnostics);
    const report = (d) => diagnostics.push({ severity: 'error', ...d });
    const manifest = {
        clusters: uniqueBy(files.flatMap((f) => f.clusters), (c) => c.value.name, (item, first) => report({ code: 'DUPLICATE_CLUSTER', message: `cluster \`${item.value.name}\` is declared twice (first at ${where(first.source)})`, fix: 'keep one declaration', location: item.source, related: [first.source] })),
        defaultTags: single(files, 'defaultTags', 'defaults', report) ?? {},
        prune: single(files, 'prune', 'prune', report) ?? false,
        podIdentityAssociations: files.flatMap((f) => f.podIdentityAssociations),
        accessEntries: files.flatMap((f) => f.accessEntries),
    };
    const firstFile = files[0];
    if (manifest.clusters.length === 0 && firstFile && !diagnostics.some((d) => d.severity === 'error')) {
        report({ code: 'NO_CLUSTERS', message: 'no cluster is declared', fix: 'add a `clusters:` list with the name and region of each cluster', location: { file: firstFile.file, line: 1, column: 1 } });
    }
    for (const c of manifest.clusters)
        checkCluster(c, report);
    const defaults = files.find((f) => f.defaultTags)?.defaultTags;
    if (defaults)
        checkTags(defaults.value, (key) => (key === undefined ? defaults.source : defaults.keyAt(key)), report);
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
    const associationKeys = new Map();
    for (const a of manifest.podIdentityAssociations) {
        const targets = targetsOf(a);
        checkAssociation(a, targets, report);
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
        checkAccessEntry(e, targets, report);
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
function checkAssociation(a, targets, report) {
    const v = a.value;
    if (!NAMESPACE_RE.test(v.namespace) || v.namespace.length > NAMESPACE_MAX) {
        report({ code: 'INVALID_NAMESPACE', message: `namespace \`${v.namespace}\` is not a valid Kubernetes namespace`, fix: 'use at most 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit', location: a.at('namespace') });
    }
    if (!SERVICE_ACCOUNT_RE.test(v.serviceAccount) || v.serviceAccount.length > SERVICE_ACCOUNT_MAX) {
        report({ code: 'INVALID_SERVICE_ACCOUNT', message: `service account \`${v.serviceAccount}\` is not a valid Kubernetes name`, fix: 'use at most 253 lowercase letters, digits, hyphens and dots', location: a.at('serviceAccount') });
    }
    if (v.roleName !== undefined && v.roleArn !== undefined) {
        report({ code: 'ROLE_NAME_AND_ARN', message: 'both `roleName` and `roleArn` are given', fix: 'keep one of them', location: a.at('roleArn') });
    }
    else if (v.roleName === undefined && v.roleArn === undefined) {
        report({ code: 'ROLE_NAME_OR_ARN_REQUIRED', message: 'the association names no IAM role', fix: 'add `roleName: NAME` (a role in the cluster\'s account) or `roleArn: ARN`', location: a.source });
    }
    if (v.roleName !== undefined && !ROLE_NAME_RE.test(v.roleName)) {
        report({ code: 'INVALID_ROLE_NAME', message: `\`${v.roleName}\` is not a valid IAM role name`, fix: 'use up to 64 letters, digits and + = , . @ _ -, optionally after a path such as team/', location: a.at('roleName') });
    }
    if (v.roleArn !== undefined)
        checkArn(v.roleArn, 'roleArn', ROLE_ARN_RE, 'arn:${partition}:iam::${accountId}:role/NAME', targets, a.at('roleArn'), report);
    if (v.targetRoleArn !== undefined)
        checkArn(v.targetRoleArn, 'targetRoleArn', ROLE_ARN_RE, 'arn:${partition}:iam::ACCOUNT:role/NAME', targets, a.at('targetRoleArn'), report);
    if (v.policy !== undefined && v.disableSessionTags !== true) {
        report({ code: 'POLICY_REQUIRES_DISABLE_SESSION_TAGS', message: 'a session `policy` needs `disableSessionTags: true` (EKS refuses it otherwise)', fix: 'add `disableSessionTags: true`', location: a.at('policy') });
    }
    checkTags(v.tags, (key) => (key === undefined ? a.at('tags') : a.keyAt('tags', key)), report);
}
function checkAccessEntry(e, targets, report) {
    const v = e.value;
    const type = v.type ?? 'STANDARD';
    checkArn(v.principalArn, 'principalArn', PRINCIPAL_ARN_RE, 'arn:${partition}:iam::${accountId}:role/NAME', targets, e.at('principalArn'), report);
    if (!takesIdentityFields(type)) {
        if (v.kubernetesGroups !== undefined)
            report({ code: 'GROUPS_ON_NODE_TYPE', message: `\`kubernetesGroups\` cannot be set on an entry of type ${type}: EKS sets the groups of node types itself`, fix: 'remove `kubernetesGroups`, or use type STANDARD', location: e.at('kubernetesGroups') });
        if (v.username !== undefined)
            report({ code: 'USERNAME_ON_NODE_TYPE', message: `\`username\` cannot be set on a ${type} entry: EKS sets it itself`, fix: 'remove `username`, or use type STANDARD', location: e.at('username') });
    }
    if (!takesAccessPolicies(type) && v.accessPolicies !== undefined && v.accessPolicies.length > 0) {
        report({ code: 'ACCESS_POLICIES_ON_NODE_TYPE', message: `access policies cannot be associated with an entry of type ${type}`, fix: 'remove `accessPolicies`, or use type STANDARD', location: e.at('accessPolicies') });
    }
    v.kubernetesGroups?.forEach((group, i) => {
        const prefix = RESERVED_GROUP_PREFIXES.find((p) => group.startsWith(p));
        if (prefix)
            report({ code: 'RESERVED_GROUP_PREFIX', message: `group \`${group}\` starts with the reserved prefix \`${prefix}\``, fix: group === 'system:masters' ? 'grant AmazonEKSClusterAdminPolicy with `scope: cluster` instead' : 'use a group name without the `system:` prefix and bind it with RBAC', location: e.at('kubernetesGroups', i) });
        if (group.trim() === '')
            report({ code: 'INVALID_GROUP', message: 'a Kubernetes group name is empty', fix: 'remove the empty group', location: e.at('kubernetesGroups', i) });
    });
    if (v.username !== undefined) {
        const prefix = RESERVED_USERNAME_PREFIXES.find((p) => v.username.startsWith(p));
        if (prefix)
            report({ code: 'RESERVED_USERNAME_PREFIX', message: `username \`${v.username}\` starts with the reserved prefix \`${prefix}\``, fix: 'choose another username, or omit it and let EKS pick one', location: e.at('username') });
    }
    const policies = new Map();
    v.accessPolicies?.forEach((p, i) => {
        const at = (field) => e.at('accessPolicies', i, field);
        const short = !p.policy.startsWith('arn:');
        if (short ? !ACCESS_POLICY_NAME_RE.test(p.policy) : false) {
            report({ code: 'INVALID_ACCESS_POLICY', message: `\`${p.policy}\` is not an access policy name`, fix: 'use a name such as AmazonEKSViewPolicy, or the full ARN', location: at('policy') });
        }
        else if (!short) {
            checkArn(p.policy, 'policy', ACCESS_POLICY_ARN_RE, 'arn:${partition}:eks::aws:cluster-access-policy/NAME', targets, at('policy'), report);
        }
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
            // EKS allows a trailing `*` in namespace scopes.
            const name = ns.endsWith('*') ? ns.slice(0, -1) || 'x' : ns;
            if (!NAMESPACE_RE.test(name.replace(/-$/, 'x')) || ns.length > NAMESPACE_MAX) {
                report({ code: 'INVALID_NAMESPACE', message: `namespace \`${ns}\` is not a valid Kubernetes namespace`, fix: 'use lowercase letters, digits and hyphens (a trailing * matches a prefix)', location: e.at('accessPolicies', i, 'namespaces', j) });
            }
        });
        // A short name and a full ARN can name the same policy: compare the names.
        const first = policies.get(accessPolicyName(p.policy));
        if (first)
            report({ code: 'DUPLICATE_ACCESS_POLICY', message: `access policy \`${p.policy}\` is listed twice on this entry (first at ${where(first)})`, fix: 'keep one; namespaces of both belong in one list', location: at('policy'), related: [first] });
        else
            policies.set(accessPolicyName(p.policy), at('policy'));
    });
    checkTags(v.tags, (key) => (key === undefined ? e.at('tags') : e.keyAt('tags', key)), report);
}
/** Checks an ARN field for every target cluster: variables, shape, and the cluster's partition. */
function checkArn(text, field, re, example, targets, location, report) {
    const unknown = unknownVariables(text);
    if (unknown.length > 0) {
        report({ code: 'UNKNOWN_VARIABLE', message: `unknown variable \`\${${unknown[0]}}\` in \`${field}\``, fix: 'use ${partition}, ${accountId}, ${region} or ${cluster}', location });
        return;
    }
    const checked = new Set();
    for (const cluster of targets.length > 0 ? targets : [undefined]) {
        const expanded = cluster ? expandFor(text, cluster) : expandVariables(text, { partition: 'aws', accountId: PLACEHOLDER_ACCOUNT, region: 'us-east-1', cluster: 'cluster' });
        // The same literal ARN can still be wrong for a cluster of another partition: check per partition.
        const seen = `${cluster ? partitionOfRegion(cluster.value.region) : ''} ${expanded}`;
        if (checked.has(seen))
            continue;
        checked.add(seen);
        if (!re.test(expanded)) {
            report({ code: 'INVALID_ARN', message: `\`${field}\` is not a valid ARN: \`${text}\``, fix: `write it like ${example}`, location });
            return;
        }
        const partition = parseArn(expanded)?.partition;
        if (cluster && partition !== partitionOfRegion(cluster.value.region)) {
            const expected = partitionOfRegion(cluster.value.region);
            report({
                code: 'PARTITION_MISMATCH',
                message: `\`${field}\` is in partition \`${partition}\` but cluster \`${cluster.value.name}\` (${cluster.value.region}) is in \`${expected}\``,
                fix: 'write `arn:${partition}:…` so the ARN follows each cluster, or narrow the item with `clusters:`',
                location,
            });
            return;
        }
    }
}
function expandFor(text, c) {
    return expandVariables(text, { partition: partitionOfRegion(c.value.region), accountId: c.value.accountId ?? PLACEHOLDER_ACCOUNT, region: c.value.region, cluster: c.value.name });
}
/** Tag limits of EKS; `locate(key)` points at one tag's key, `locate()` at the whole mapping. */
function checkTags(tags, locate, report) {
    if (!tags)
        return;
    const keys = Object.keys(tags);
    if (keys.length > TAG_LIMITS.count)
        report({ code: 'TOO_MANY_TAGS', message: `${keys.length} tags; EKS allows at most ${TAG_LIMITS.count}`, fix: 'remove some tags', location: locate() });
    for (const key of keys) {
        const location = locate(key);
        if (key.length === 0 || key.length > TAG_LIMITS.key)
            report({ code: 'TAG_KEY_TOO_LONG', message: `tag key \`${shorten(key)}\` has ${key.length} characters; the limit is 1–${TAG_LIMITS.key}`, fix: key.length === 0 ? 'give the tag a key' : 'shorten the key', location });
        if ((tags[key] ?? '').length > TAG_LIMITS.value)
            report({ code: 'TAG_VALUE_TOO_LONG', message: `the value of tag \`${shorten(key)}\` has ${tags[key].length} characters; the limit is ${TAG_LIMITS.value}`, fix: 'shorten the value', location });
        if (key.toLowerCase().startsWith('aws:'))
            report({ code: 'RESERVED_TAG_PREFIX', message: `tag key \`${shorten(key)}\` uses the reserved prefix \`aws:\``, fix: 'rename the key', location });
    }
}
function shorten(text) {
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
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
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/manifest/yaml-source.ts

/** Parses YAML text keeping positions; never throws. */
function parseYamlSource(text, file) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false, uniqueKeys: true, strict: true });
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
            if ((0,dist/* isMap */.jh)(parent)) {
                const pair = parent.items.find((p) => (0,dist/* isPair */.tO)(p) && keyText(p.key) === key);
                if (pair && (0,dist/* isScalar */.jn)(pair.key))
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
    if ((0,dist/* isMap */.jh)(node)) {
        const pair = node.items.find((p) => keyText(p.key) === String(segment));
        return pair?.value ?? undefined;
    }
    if ((0,dist/* isSeq */.oP)(node) && typeof segment === 'number')
        return node.items[segment];
    return undefined;
}
function keyText(key) {
    if ((0,dist/* isScalar */.jn)(key))
        return String(key.value);
    return undefined;
}
function firstLine(message) {
    return message.split('\n')[0].trim();
}

;// CONCATENATED MODULE: ./src/manifest/load.ts







/**
 * Loads a manifest from a file, a directory (its *.yaml and *.yml files, sorted) or a glob
 * (`*`, `**`, `?`), validates every file and merges them. Invalid manifests are returned with
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
    const notFound = (detail) => new src_errors/* EksIdentityError */.C('MANIFEST_NOT_FOUND', `no manifest at ${pattern}: ${detail}`, {
        fix: 'pass --manifest with a YAML file, a directory of *.yaml files, or a glob such as "manifests/**/*.yaml"',
    });
    if (/[*?]/.test(pattern)) {
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
/** A small glob: `**` any depth of directories, `*` and `?` within one name. Results sorted. */
async function expandGlob(pattern, cwd) {
    const absolute = external_node_path_default().resolve(cwd, pattern).split((external_node_path_default()).sep).join('/');
    const firstWild = absolute.search(/[*?]/);
    const root = absolute.slice(0, absolute.lastIndexOf('/', firstWild) + 1) || '/';
    const re = globToRegExp(absolute);
    const found = [];
    const walk = async (dir) => {
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true }).catch(() => []);
        for (const entry of entries) {
            const full = `${dir.replace(/\/$/, '')}/${entry.name}`;
            if (entry.isDirectory()) {
                if (entry.name !== 'node_modules' && entry.name !== '.git')
                    await walk(full);
            }
            else if (re.test(full)) {
                found.push(full);
            }
        }
    };
    await walk(root);
    return found.sort();
}
function globToRegExp(glob) {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
        const ch = glob[i];
        if (ch === '*' && glob[i + 1] === '*') {
            re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
            i += glob[i + 2] === '/' ? 2 : 1;
        }
        else if (ch === '*')
            re += '[^/]*';
        else if (ch === '?')
            re += '[^/]';
        else
            re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
}

;// CONCATENATED MODULE: ./src/manifest/expand.ts




/**
 * Turns a validated manifest into the desired state of each cluster: variables expanded, role
 * names made ARNs, short policy names made ARNs, defaults merged, lists sorted. Pure. An account
 * that is not known (offline) stays as the literal `${accountId}`.
 */
function expandManifest(loaded, context = {}) {
    const { manifest } = loaded;
    const clusters = manifest.clusters.map((c) => {
        const partition = partitionOfRegion(c.value.region);
        const accountId = c.value.accountId ?? context.accountIds?.[c.value.name];
        const vars = { partition, region: c.value.region, cluster: c.value.name, ...(accountId ? { accountId } : {}) };
        const expand = (text) => expandVariables(text, vars);
        const applies = (item) => !item.value.clusters || item.value.clusters.includes(c.value.name);
        const tags = (own) => sortedRecord({ ...manifest.defaultTags, ...own });
        return {
            name: c.value.name,
            region: c.value.region,
            partition,
            ...(accountId ? { accountId } : {}),
            ...(c.value.assumeRoleArn ? { assumeRoleArn: expand(c.value.assumeRoleArn) } : {}),
            prune: manifest.prune,
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
        roleArn: v.roleArn !== undefined ? expand(v.roleArn) : roleArnFor(partition, accountId, v.roleName ?? ''),
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
        const scope = p.namespaces !== undefined ? { type: 'namespace', namespaces: [...new Set(p.namespaces)].sort(compare) } : { type: 'cluster' };
        return { policyArn: accessPolicyArnFor(partition, expand(p.policy)), scope, source: e.at('accessPolicies', i) };
    });
    return {
        principalArn: expand(v.principalArn),
        type: v.type ?? 'STANDARD',
        kubernetesGroups: [...new Set(v.kubernetesGroups ?? [])].sort(compare),
        ...(v.username !== undefined ? { username: v.username } : {}),
        accessPolicies: policies.sort((x, y) => compare(x.policyArn, y.policyArn)),
        tags: tags(v.tags),
        source: e.source,
    };
}

;// CONCATENATED MODULE: ./src/manifest/index.ts





;// CONCATENATED MODULE: ./src/model/plan.ts
const PLAN_VERSION = 1;

;// CONCATENATED MODULE: ./src/plan/codes.ts
/** Every finding the planner makes: a stable code, its severity, and what it means. */
const FINDINGS = {
    CLUSTER_NOT_FOUND: { severity: 'error', doc: 'The cluster does not exist in the region (or the credentials cannot see it).' },
    AUTH_MODE_CONFIG_MAP: { severity: 'error', doc: 'Access entries are declared but the cluster authenticates through the aws-auth ConfigMap only.' },
    POD_IDENTITY_AGENT_MISSING: { severity: 'warning', doc: 'Associations are declared but the eks-pod-identity-agent add-on is not installed (not needed on Auto Mode).' },
    ADDON_OWNED_ASSOCIATION: { severity: 'warning', doc: 'A declared association is owned by an EKS add-on; it is changed through the add-on, never by eks-identity.' },
    ROLE_NOT_FOUND: { severity: 'error', doc: 'The IAM role of an association does not exist.' },
    PRINCIPAL_NOT_FOUND: { severity: 'error', doc: 'The IAM role of an access entry does not exist; EKS would refuse the entry.' },
    TRUST_POLICY_MISSING_POD_IDENTITY: { severity: 'error', doc: 'The role does not let pods.eks.amazonaws.com call sts:AssumeRole and sts:TagSession for this association: no such statement, a condition that excludes its cluster, namespace or service account, or a Deny.' },
    TRUST_POLICY_PARTITION_MISMATCH: { severity: 'warning', doc: 'The trust policy names ARNs or service principals of another partition.' },
    PARTITION_MISMATCH: { severity: 'error', doc: 'An ARN is in another partition than the cluster.' },
    STALE_ACCESS_ENTRY: { severity: 'warning', doc: 'The entry\'s IAM role or user was deleted and re-created after the entry: EKS still binds the old id, so it no longer works. It is replaced.' },
    IAM_USER_UNREADABLE: { severity: 'warning', doc: 'The IAM user of a declared access entry could not be read (iam:GetUser denied), so whether it was re-created after its entry is unknown.' },
    IMMUTABLE_FIELD_CHANGED: { severity: 'warning', doc: 'A field that cannot be updated changed (access entry type): the object is replaced.' },
    EKS_OWNED_ENTRY: { severity: 'info', doc: 'An undeclared entry EKS created itself (node, Fargate, Auto Mode, service-linked role) is never pruned.' },
    QUOTA_ASSOCIATIONS: { severity: 'error', doc: 'The cluster would have more than 5,000 Pod Identity associations.' },
    QUOTA_ACCESS_ENTRIES: { severity: 'error', doc: 'The cluster would have more than 3,000 access entries.' },
    MAX_DELETES_EXCEEDED: { severity: 'error', doc: 'The plan deletes or replaces more objects than --max-deletes allows.' },
    LOCKOUT_CALLER: { severity: 'error', doc: 'The plan removes or downgrades the access entry of the identity running eks-identity.' },
    LOCKOUT_NO_ADMIN: { severity: 'error', doc: 'After the plan no access entry would keep cluster-wide AmazonEKSClusterAdminPolicy.' },
    UNMANAGED_NOT_SHOWN: { severity: 'info', doc: 'Live objects the manifest does not declare (prune is off): left alone and not read.' },
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
/** Tags with sorted keys, so that plans and their renderings do not depend on the order AWS answered in. */

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
        const replaceReason = reasonToReplace(l, d, access_entries_principalOf(live, d.principalArn));
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
        changes.push(...diffPolicies(d, l, desired.prune));
    }
    for (const l of live.accessEntries) {
        if (declared.has(l.principalArn))
            continue;
        const id = entryId(l.principalArn);
        if (!desired.prune)
            continue;
        // What EKS created is never pruned (src/model/ownership.ts): node types and service-linked roles.
        // The cluster creator's entry (bootstrapClusterCreatorAdminPermissions) carries no mark that the
        // API returns: it is an ordinary STANDARD admin entry, so prune may delete it. The lockout checks
        // guard it instead: LOCKOUT_CALLER when it is the caller's, LOCKOUT_NO_ADMIN when it is the last admin.
        const owned = eksOwnedEntryReason(l);
        if (owned) {
            changes.push({ id, kind: 'accessEntry', action: 'unmanaged', before: liveEntryValue(l), reason: owned });
            findings.push(finding('EKS_OWNED_ENTRY', `${l.principalArn}: ${owned}`, { key: id, fix: 'nothing to do: prune leaves it in place' }));
            continue;
        }
        changes.push({ id, kind: 'accessEntry', action: 'delete', before: liveEntryValue(l), reason: 'not declared in the manifest (prune is on)' });
    }
    if (!desired.prune) {
        const unmanaged = live.accessEntryPrincipals.filter((p) => !declared.has(p)).length;
        if (unmanaged > 0) {
            findings.push(finding('UNMANAGED_NOT_SHOWN', `${unmanaged} live access entr${unmanaged === 1 ? 'y is' : 'ies are'} not declared; left alone (prune is off)`, {
                fix: 'declare them (eks-identity export writes them as a manifest), or set prune: true to delete them',
            }));
        }
    }
    return { changes, findings };
}
/** The IAM role or user an entry names, as read (undefined: not read or not found). */
function access_entries_principalOf(live, principalArn) {
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
    if (!sameRecord(l.tags, d.tags))
        fields.push({ field: 'tags', before: sortedRecord(l.tags), after: sortedRecord(d.tags) });
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

;// CONCATENATED MODULE: ./src/plan/associations.ts



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
        for (const l of live.associations) {
            const key = `${l.namespace}/${l.serviceAccount}`;
            if (declared.has(key))
                continue;
            const id = associationId(l.namespace, l.serviceAccount);
            if (l.ownerArn) {
                changes.push({ id, kind: 'podIdentityAssociation', action: 'unmanaged', before: liveValue(l), reason: `owned by the add-on ${l.ownerArn}; never pruned` });
            }
            else {
                changes.push({ id, kind: 'podIdentityAssociation', action: 'delete', before: liveValue(l), reason: 'not declared in the manifest (prune is on)' });
            }
        }
    }
    else {
        const unmanaged = live.associationSummaries.filter((s) => !declared.has(`${s.namespace}/${s.serviceAccount}`)).length;
        if (unmanaged > 0) {
            findings.push(finding('UNMANAGED_NOT_SHOWN', `${unmanaged} live Pod Identity association(s) are not declared; they are left alone (prune is off)`, {
                fix: 'declare them (eks-identity export writes them as a manifest), or set prune: true to delete them',
            }));
        }
    }
    return { changes, findings };
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
    if (!sameRecord(l.tags, d.tags))
        push('tags', sortedRecord(l.tags), sortedRecord(d.tags));
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
            return `no statement allows ${POD_IDENTITY_PRINCIPAL} to call ${action}`;
        const verdicts = candidates.map((s) => (context ? evaluateCondition(s.Condition, context) : { holds: true }));
        if (verdicts.every((v) => v.holds === false)) {
            return `the statement that allows ${POD_IDENTITY_PRINCIPAL} to call ${action} has a condition this association does not meet (${verdicts[0].reason ?? 'condition'})`;
        }
        const deny = statements.find((s) => s.Effect === 'Deny' &&
            (namesPodIdentity(s.Principal) || namesEveryone(s.Principal)) &&
            matchesAction(s.Action, action) &&
            (context ? evaluateCondition(s.Condition, context).holds === true : s.Condition === undefined));
        if (deny)
            return `a Deny statement stops ${POD_IDENTITY_PRINCIPAL} from calling ${action}${deny.Condition === undefined ? '' : ' for this association (its condition holds)'}`;
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
    return listOf(principalServices(principal)).includes(POD_IDENTITY_PRINCIPAL);
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
            if (partition === 'aws-cn' && /^[a-z0-9.-]+\.amazonaws\.com$/.test(value) && value !== POD_IDENTITY_PRINCIPAL)
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
    const partitionOf = (arn) => parseArn(arn)?.partition;
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
        if (live.roles[e.principalArn] === null) {
            findings.push(finding('PRINCIPAL_NOT_FOUND', `IAM role ${e.principalArn} does not exist; EKS refuses access entries for unknown principals`, { key, fix: 'create the role first, or fix principalArn', source: e.source }));
        }
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
        isClusterAdminPolicy(c.before?.policyArn ?? '') &&
        c.before.scope.type === 'cluster' &&
        (c.action === 'delete' || (c.action === 'update' && c.after.scope.type !== 'cluster'));
    for (const c of changes) {
        const principal = c.kind === 'accessEntry' ? c.before?.principalArn : c.kind === 'accessPolicy' ? c.before?.principalArn : undefined;
        if (!principal || !isSamePrincipal(principal, caller))
            continue;
        if ((c.kind === 'accessEntry' && (c.action === 'delete' || c.action === 'replace')) || removesAdmin(c)) {
            findings.push(finding('LOCKOUT_CALLER', `this plan ${c.action === 'replace' ? 'replaces' : 'removes'} ${c.kind === 'accessEntry' ? 'the access entry' : 'the cluster admin policy'} of the identity running it (${live.caller.arn}) on cluster ${live.name}`, { key: c.id, fix }));
        }
    }
    // Last admin: only when the plan takes cluster-wide admin away from someone.
    // Deleting or replacing an entry takes its policies along (a replacement keeps only those the plan
    // associates again, counted in `gains`); it matters here only for an entry that was an admin.
    const isAdmin = (e) => e.accessPolicies.some((p) => isClusterAdminPolicy(p.policyArn) && p.scope.type === 'cluster');
    const admins = new Set(live.accessEntries.filter(isAdmin).map((e) => e.principalArn));
    const dropsEntry = (c) => c.kind === 'accessEntry' && (c.action === 'delete' || c.action === 'replace');
    const lost = new Set(changes
        .map((c) => ({ c, principal: c.before?.principalArn ?? '' }))
        .filter(({ c, principal }) => removesAdmin(c) || (dropsEntry(c) && admins.has(principal)))
        .map(({ principal }) => principal));
    if (lost.size > 0) {
        const keeps = [...admins].some((principal) => !lost.has(principal));
        const gains = changes.some((c) => c.kind === 'accessPolicy' && (c.action === 'create' || c.action === 'update') && isClusterAdminPolicy(c.after.policyArn) && c.after.scope.type === 'cluster');
        if (!keeps && !gains) {
            findings.push(finding('LOCKOUT_NO_ADMIN', `after this plan no known access entry of cluster ${live.name} keeps cluster-wide AmazonEKSClusterAdminPolicy`, { fix }));
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/plan/summary.ts
/** Counts of changes by action and of blocking and non-blocking findings, over every cluster. */
function summary_summarize(clusters) {
    const summary = { create: 0, update: 0, replace: 0, delete: 0, unmanaged: 0, errors: 0, warnings: 0 };
    for (const c of clusters) {
        for (const ch of c.changes)
            summary[ch.action] += 1;
        for (const f of c.findings) {
            if (f.severity === 'error')
                summary.errors += 1;
            if (f.severity === 'warning')
                summary.warnings += 1;
        }
    }
    return summary;
}
/** True when the changes would write anything (`unmanaged` notes write nothing). */
function hasChanges(changes) {
    return changes.some((c) => c.action !== 'unmanaged');
}

;// CONCATENATED MODULE: ./src/plan/fingerprint.ts



/** Live-only identifiers: they do not change what a plan does, so they stay out of the fingerprint. */
const VOLATILE = new Set(['associationId', 'ownerArn', 'source', 'createdAt', 'modifiedAt', 'associatedAt']);
/**
 * sha256 over the executable changes of every cluster in canonical form (sorted keys, no
 * timestamps, no live ids, no wording of findings or reasons). The same desired and live state
 * always give the same fingerprint; any change of what apply would do gives another; a plan with
 * nothing to do has the fixed EMPTY_PLAN_FINGERPRINT.
 */
function fingerprintPlan(clusters) {
    // Clusters with nothing to do are left out, so every plan without changes has one fingerprint.
    const material = clusters.filter((c) => hasChanges(c.changes)).map((c) => ({
        cluster: c.name,
        region: c.region,
        changes: c.changes.filter((ch) => ch.action !== 'unmanaged').map((ch) => ({ id: ch.id, kind: ch.kind, action: ch.action, before: ch.before, after: ch.after })),
    }));
    return (0,external_node_crypto_.createHash)('sha256').update(canonical(material)).digest('hex');
}
function canonical(value) {
    return JSON.stringify(strip(value));
}
function strip(value) {
    if (Array.isArray(value))
        return value.map(strip);
    if (value && typeof value === 'object') {
        const out = {};
        for (const key of Object.keys(value).sort()) {
            const v = value[key];
            if (!VOLATILE.has(key) && v !== undefined)
                out[key] = strip(v);
        }
        return out;
    }
    return value;
}
/** The fingerprint of every plan that changes nothing (sha256 of `[]`). */
const EMPTY_PLAN_FINGERPRINT = fingerprintPlan([]);

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
    const clusters = desired.clusters
        .filter((d) => !wanted || wanted.has(d.name))
        .map((d) => planCluster(d, liveByName.get(`${d.name}\u0000${d.region}`), options))
        .sort((a, b) => compare(a.name, b.name) || compare(a.region, b.region));
    return { version: PLAN_VERSION, fingerprint: fingerprintPlan(clusters), summary: summary_summarize(clusters), clusters };
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
    const authMode = authModeFinding(desired, live);
    if (authMode) {
        findings.push(authMode);
    }
    else {
        const entries = diffAccessEntries(desired, live);
        changes.push(...entries.changes);
        findings.push(...entries.findings);
    }
    findings.push(...checkDeclared(desired, live), ...checkChanges(live, changes, options));
    changes.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compare(a.id, b.id));
    findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compare(a.code, b.code) || compare(a.key ?? '', b.key ?? ''));
    return { ...base, changes, findings };
}

;// CONCATENATED MODULE: ./src/plan/index.ts







;// CONCATENATED MODULE: ./src/engine.ts





/** An invalid manifest: carries every diagnostic so callers can print or annotate them all. */
class ManifestInvalidError extends src_errors/* EksIdentityError */.C {
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
async function loadValidManifest(request) {
    const loaded = await loadManifest(request.manifest, request.cwd === undefined ? {} : { cwd: request.cwd });
    if (!loaded.ok)
        throw new ManifestInvalidError(loaded.diagnostics);
    const wanted = request.clusters ?? [];
    if (wanted.length === 0)
        return loaded;
    const declared = loaded.manifest.clusters.map((c) => c.value.name);
    const unknown = wanted.filter((name) => !declared.includes(name));
    if (unknown.length > 0) {
        throw new src_errors/* EksIdentityError */.C('UNKNOWN_CLUSTER', `--cluster ${unknown.join(', ')}: not declared in the manifest`, {
            fix: `use one of: ${declared.join(', ')}`,
        });
    }
    return { ...loaded, manifest: { ...loaded.manifest, clusters: loaded.manifest.clusters.filter((c) => wanted.includes(c.value.name)) } };
}
/** Plans a manifest against AWS (or whatever the SDK endpoints point at). */
async function planManifest(request) {
    const loaded = await loadValidManifest(request);
    // Regions, roles to assume and declared accounts are known before any AWS call.
    const targets = expandManifest(loaded).clusters;
    const sessions = await openClusterSessions(targets, {
        ...(request.aws?.credentials ? { credentials: request.aws.credentials } : {}),
        ...(request.aws?.endpoints ? { endpoints: request.aws.endpoints } : {}),
        ...(request.aws?.maxAttempts ? { maxAttempts: request.aws.maxAttempts } : {}),
    });
    try {
        const accountIds = Object.fromEntries(sessions.map((s) => [s.target.name, s.accountId]));
        const expanded = expandManifest(loaded, { accountIds });
        const desired = request.prune === undefined ? expanded : { ...expanded, clusters: expanded.clusters.map((c) => ({ ...c, prune: request.prune })) };
        const readOptions = {
            ...(request.concurrency ? { concurrency: request.concurrency } : {}),
            ...(request.progress ? { progress: request.progress } : {}),
        };
        const planOptions = {
            ...(request.maxDeletes !== undefined ? { maxDeletes: request.maxDeletes } : {}),
            ...(request.allowLockout !== undefined ? { allowLockout: request.allowLockout } : {}),
        };
        let live = await readLiveState(sessions, desired, readOptions);
        let plan = computePlan(desired, live, planOptions);
        // With prune off only declared entries were described, so "no admin left" may be a guess:
        // describe the others of those clusters and plan again (nothing else changes with prune off).
        const unsure = plan.clusters.filter((c) => c.findings.some((f) => f.code === 'LOCKOUT_NO_ADMIN')).map((c) => c.name);
        if (unsure.length > 0) {
            const clusters = await Promise.all(live.clusters.map((cluster) => {
                const session = sessions.find((s) => s.target.name === cluster.name && s.target.region === cluster.region);
                const wanted = desired.clusters.find((d) => d.name === cluster.name && d.region === cluster.region);
                return session && wanted && !wanted.prune && unsure.includes(cluster.name) ? describeSkippedAccessEntries(session, cluster, readOptions) : cluster;
            }));
            live = { clusters };
            plan = computePlan(desired, live, planOptions);
        }
        return { loaded, desired, live, plan, sessions };
    }
    catch (err) {
        closeClusterSessions(sessions);
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/render/escape.ts
/**
 * User and AWS text in Markdown (outside code spans): characters that would start markup, HTML or
 * break a table cell are escaped, newlines become spaces.
 */
function escapeMarkdownText(text) {
    return text
        .replace(/\r?\n/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_[\]|~#!])/g, '\\$1');
}
/**
 * Text inside a single-backtick code span: backticks cannot be escaped there, and a pipe would end
 * a table cell. GitHub splits table cells before it reads code spans and takes `\\` as one escaped
 * character, so a backslash right before a pipe would free it: such backslashes become the
 * look-alike ⧵ (code spans cannot escape them). `<` and `&` stay as they are: a code span shows
 * them literally (and would show `&lt;` as written), and its text is never read as HTML.
 */
function escapeCode(text) {
    return text
        .replace(/\r?\n/g, ' ')
        .replace(/`/g, 'ˋ')
        .replace(/\\+(?=\|)/g, (run) => '⧵'.repeat(run.length))
        .replace(/\|/g, '\\|');
}
/** Text inside raw HTML (a `<summary>`): Markdown is not read there, so only HTML is escaped. */
function escapeHtml(text) {
    return text.replace(/\r?\n/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
/** A code span around any text. */
function code(text) {
    return `\`${escapeCode(text)}\``;
}

;// CONCATENATED MODULE: ./src/render/apply-report.ts

/** The apply report for a terminal (text), a PR comment or job summary (markdown), or machines (json). */
function renderApplyReport(report, format, options = {}) {
    switch (format) {
        case 'json':
            return `${JSON.stringify(report, null, 2)}\n`;
        case 'markdown':
            return renderMarkdown(report, options);
        case 'text':
            return renderText(report, options);
    }
}
/** `5 applied, 1 adopted, 0 skipped, 1 failed` — the counts of the four outcomes. */
function summarizeApplyReport(report) {
    const s = report.summary;
    return `${s.applied} applied, ${s.adopted} adopted, ${s.skipped} skipped, ${s.failed} failed`;
}
const TEXT_MARK = { applied: '+', adopted: '~', skipped: '-', failed: '!' };
const ANSI = { applied: '\x1b[32m', adopted: '\x1b[36m', skipped: '\x1b[33m', failed: '\x1b[31m' };
function renderText(report, options) {
    const paint = (outcome, text) => (options.color ? `${ANSI[outcome]}${text}\x1b[0m` : text);
    const lines = [];
    if (report.results.length === 0) {
        lines.push(`Apply of plan ${shortFingerprint(report)}: no changes to apply.`);
        return `${lines.join('\n')}\n`;
    }
    for (const [cluster, results] of byCluster(report.results)) {
        lines.push(`cluster ${cluster}:`);
        for (const r of results) {
            lines.push(`  ${paint(r.outcome, `${TEXT_MARK[r.outcome]} ${r.outcome.padEnd(7)}`)} ${r.action.padEnd(7)} ${r.changeId}${attemptsNote(r)}`);
            const detail = detailOf(r);
            if (detail !== undefined)
                lines.push(`      ${detail.replace(/\s*\n\s*/g, ' ')}`);
        }
        lines.push('');
    }
    const verdict = report.summary.ok ? 'Apply complete' : 'Apply incomplete';
    lines.push(`${verdict} (plan ${shortFingerprint(report)}): ${summarizeApplyReport(report)} of ${report.summary.total} in ${seconds(report.summary.durationMs)}.`);
    return `${lines.join('\n')}\n`;
}
const MD_MARK = { applied: '✅ applied', adopted: '🔁 adopted', skipped: '⏭️ skipped', failed: '❌ failed' };
function renderMarkdown(report, options) {
    const parts = [];
    if (options.title !== undefined)
        parts.push(`### ${escapeMarkdownText(options.title)}`);
    const s = report.summary;
    parts.push(report.results.length === 0
        ? `No changes to apply (plan \`${shortFingerprint(report)}\`).`
        : `**${summarizeApplyReport(report)}** of ${s.total} · plan \`${shortFingerprint(report)}\` · ${seconds(s.durationMs)}`);
    // What needs attention comes before the full list.
    const attention = report.results.filter((r) => r.outcome === 'failed' || r.outcome === 'skipped');
    if (attention.length > 0) {
        parts.push(attention
            .map((r) => `- ${MD_MARK[r.outcome]} \`${escapeCode(r.changeId)}\` on **${escapeMarkdownText(r.clusterName)}**: ${escapeMarkdownText(detailOf(r) ?? '')}`)
            .join('\n'));
    }
    for (const [cluster, results] of byCluster(report.results)) {
        const counts = countOutcomes(results);
        const open = results.some((r) => r.outcome === 'failed' || r.outcome === 'skipped') ? ' open' : '';
        const rows = results.map((r) => `| ${MD_MARK[r.outcome]} | ${r.action} | ${r.kind} | \`${escapeCode(r.changeId)}\` | ${r.attempts} | ${escapeMarkdownText(detailOf(r) ?? '')} |`);
        parts.push([
            `<details${open}><summary><b>${escapeHtml(cluster)}</b>: ${counts}</summary>`,
            '',
            '| outcome | action | kind | key | calls | details |',
            '| --- | --- | --- | --- | --- | --- |',
            ...rows,
            '',
            '</details>',
        ].join('\n'));
    }
    return `${parts.join('\n\n')}\n`;
}
function detailOf(r) {
    if (r.error) {
        const facts = [r.error.status === undefined ? undefined : `HTTP ${r.error.status}`, r.error.requestId && `request id ${r.error.requestId}`].filter(Boolean).join(', ');
        return `${r.error.operation}: ${r.error.name}${facts ? ` (${facts})` : ''}: ${r.error.message}`;
    }
    return r.reason;
}
function attemptsNote(r) {
    return r.attempts > 1 ? ` (${r.attempts} calls)` : '';
}
function byCluster(results) {
    const map = new Map();
    for (const r of results)
        map.set(r.clusterName, [...(map.get(r.clusterName) ?? []), r]);
    return map;
}
function countOutcomes(results) {
    const order = ['applied', 'adopted', 'skipped', 'failed'];
    return order
        .map((o) => [o, results.filter((r) => r.outcome === o).length])
        .filter(([, n]) => n > 0)
        .map(([o, n]) => `${n} ${o}`)
        .join(', ');
}
function shortFingerprint(report) {
    return report.fingerprint.slice(0, 12);
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}

;// CONCATENATED MODULE: ./src/model/source.ts
function formatLocation(loc) {
    return loc ? `${loc.file}:${loc.line}:${loc.column}` : '';
}

;// CONCATENATED MODULE: ./src/render/describe.ts

/** Words shared by the renderers, so text and Markdown say the same thing. */
const KIND_LABEL = {
    podIdentityAssociation: 'association',
    accessEntry: 'access entry',
    accessPolicy: 'access policy',
    trustPolicy: 'trust policy',
    authenticationMode: 'authentication mode',
};
const ACTION_ORDER = ['create', 'update', 'replace', 'delete'];
/** "2 to create, 1 to update, 0 to replace, 0 to delete". */
function countsLine(summary) {
    return ACTION_ORDER.map((a) => `${summary[a]} to ${a}`).join(', ');
}
/** "1 error, 2 warnings" (or with another separator, e.g. " · "). */
function findingsLine(summary, separator = ', ') {
    return `${summary.errors} error${summary.errors === 1 ? '' : 's'}${separator}${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}`;
}
/** The object a change is about, for people: `ns/sa`, a principal, `principal → Policy`. */
function objectName(change) {
    const value = (change.after ?? change.before);
    switch (change.kind) {
        case 'podIdentityAssociation':
            return `${value?.namespace}/${value?.serviceAccount}`;
        case 'accessEntry':
            return value?.principalArn ?? change.id;
        case 'accessPolicy':
            return `${value?.principalArn} → ${accessPolicyName(value?.policyArn ?? '')}`;
        case 'trustPolicy':
            return value?.roleArn ?? change.id;
        default:
            return change.id;
    }
}
function changeDetails(change) {
    const details = [];
    if (change.reason)
        details.push({ label: 'reason', note: change.reason });
    if (change.fields && change.fields.length > 0) {
        for (const f of change.fields)
            details.push({ label: f.field, before: showValue(f.before), after: showValue(f.after) });
        return details;
    }
    if (change.action === 'create' || change.action === 'delete' || change.action === 'unmanaged') {
        const value = (change.after ?? change.before);
        for (const [key, v] of Object.entries(value ?? {})) {
            if (['namespace', 'serviceAccount', 'principalArn', 'associationId', 'ownerArn'].includes(key))
                continue;
            if (v === undefined || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v && !Array.isArray(v) && Object.keys(v).length === 0))
                continue;
            details.push({ label: key, value: show(v) });
        }
    }
    return details;
}
/** The details as plain lines: `label: before → after`. */
function detailLines(change) {
    return changeDetails(change).map((d) => {
        if ('note' in d)
            return `${d.label}: ${d.note}`;
        if ('value' in d)
            return `${d.label}: ${d.value}`;
        return `${d.label}: ${d.before ?? NONE} → ${d.after ?? NONE}`;
    });
}
const NONE = '(none)';
function showValue(value) {
    return value === undefined ? undefined : show(value);
}
function show(value) {
    if (value === undefined)
        return NONE;
    if (typeof value === 'string')
        return value;
    if (value && typeof value === 'object' && 'type' in value && value.type === 'cluster')
        return 'cluster';
    if (value && typeof value === 'object' && 'namespaces' in value)
        return `namespaces ${(value.namespaces).join(', ')}`;
    return JSON.stringify(value);
}

;// CONCATENATED MODULE: ./src/render/markdown.ts



/** GitHub refuses comment bodies over 65,536 characters; the margin leaves room for a marker and a footer. */
const DEFAULT_MARKDOWN_MAX_LENGTH = 65_536 - 1_536;
const ACTION_MARK = { create: '🟢 create', update: '🟡 update', replace: '🟠 replace', delete: '🔴 delete', unmanaged: '⚪ unmanaged' };
const SEVERITY_MARK = { error: '❌ **error**', warning: '⚠️ warning', info: 'ℹ️ info' };
/**
 * The plan as GitHub Markdown: title, one-line summary, findings first, then one collapsible
 * section per cluster with a table of changes. All user and AWS text is escaped.
 */
function renderPlanMarkdown(plan, options = {}) {
    const head = [`### ${escapeMarkdownText(options.title ?? 'eks-identity plan')}`, '', summaryLine(plan), ''];
    const findingRows = plan.clusters.flatMap((c) => c.findings.filter((f) => f.severity !== 'info').map((f) => findingRow(c, f)));
    const findingsBlock = findingRows.length > 0 ? ['#### Findings', '', ...findingRows, ''] : [];
    const sections = plan.clusters.map(clusterSection);
    const total = plan.clusters.reduce((n, c) => n + c.changes.length, 0);
    const full = [...head, ...findingsBlock, ...sections.flatMap((s) => [...s.open, ...s.rows, ...s.close])].join('\n');
    const max = options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH;
    if (full.length <= max)
        return full;
    // Too long: keep the head, then whole lines while they fit, and always close what is open.
    const hint = options.fullPlanHint ?? 'the job summary';
    const notice = (shown) => `\n> [!WARNING]\n> Plan truncated to fit: ${shown} of ${total} changes shown. See ${hint} for the full plan.\n`;
    const budget = max - notice(total).length - 16;
    const out = [];
    let length = 0;
    const fits = (lines) => length + lines.reduce((n, l) => n + l.length + 1, 0) <= budget;
    const add = (lines) => {
        out.push(...lines);
        length += lines.reduce((n, l) => n + l.length + 1, 0);
    };
    add(head.map((l) => l.slice(0, Math.max(0, budget - 200))));
    for (const line of findingsBlock)
        if (fits([line]))
            add([line]);
    let shown = 0;
    for (const s of sections) {
        if (!fits([...s.open, ...s.close]))
            break;
        add(s.open);
        for (const row of s.rows) {
            if (!fits([row, ...s.close]))
                break;
            add([row]);
            if (row.startsWith('| '))
                shown += 1;
        }
        add(s.close);
    }
    return `${out.join('\n')}${notice(shown)}`;
}
function summaryLine(plan) {
    const changes = plan.summary.create + plan.summary.update + plan.summary.replace + plan.summary.delete;
    const counts = changes === 0 ? '**No changes.** Live state matches the manifest.' : `**${countsLine(plan.summary)}**`;
    return `${counts} · ${findingsLine(plan.summary, ' · ')} · ${plan.clusters.length} cluster${plan.clusters.length === 1 ? '' : 's'} · fingerprint ${code(plan.fingerprint.slice(0, 12))}`;
}
function findingRow(c, f) {
    const key = f.key ? ` ${code(f.key)}` : '';
    const where = f.source ? ` (${code(formatLocation(f.source))})` : '';
    const fix = f.fix ? `<br>Fix: ${escapeMarkdownText(f.fix)}` : '';
    return `- ${SEVERITY_MARK[f.severity]} ${code(f.code)} on **${escapeMarkdownText(c.name)}**${key}${where}: ${escapeMarkdownText(f.message)}${fix}`;
}
function clusterSection(c) {
    const counts = { create: 0, update: 0, replace: 0, delete: 0 };
    for (const ch of c.changes)
        if (ch.action !== 'unmanaged')
            counts[ch.action] += 1;
    const errors = c.findings.filter((f) => f.severity === 'error').length;
    const warnings = c.findings.filter((f) => f.severity === 'warning').length;
    const open = errors > 0 || c.changes.some((ch) => ch.action !== 'unmanaged') ? ' open' : '';
    const account = c.accountId ? `, ${escapeHtml(c.accountId)}` : '';
    const header = [
        `<details${open}><summary><b>${escapeHtml(c.name)}</b> (${escapeHtml(c.region)}${account}): ${countsLine(counts)} · ${findingsLine({ errors, warnings }, ' · ')}</summary>`,
        '',
    ];
    const infos = c.findings.filter((f) => f.severity === 'info').map((f) => `> ${escapeMarkdownText(f.message)}`);
    if (c.changes.length === 0) {
        return { open: header, rows: ['No changes on this cluster.', '', ...(infos.length > 0 ? [...infos, ''] : [])], close: ['</details>', ''] };
    }
    return {
        open: [...header, '| action | kind | key | details |', '|---|---|---|---|'],
        rows: c.changes.map(changeRow),
        close: ['', ...(infos.length > 0 ? [...infos, ''] : []), '</details>', ''],
    };
}
function changeRow(ch) {
    const details = changeDetails(ch).map(detailCell);
    return `| ${ACTION_MARK[ch.action]} | ${KIND_LABEL[ch.kind]} | ${code(ch.id)} | ${details.join('<br>')} |`;
}
/** Values in code spans, so user text is shown literally; reasons are prose. */
function detailCell(d) {
    const label = code(d.label);
    const side = (v) => (v === undefined ? `*${NONE}*` : v === '' ? '*(empty)*' : code(v));
    if ('note' in d)
        return `${label}: ${escapeMarkdownText(d.note)}`;
    if ('value' in d)
        return `${label}: ${side(d.value)}`;
    return `${label}: ${side(d.before)} → ${side(d.after)}`;
}

;// CONCATENATED MODULE: ./src/render/text.ts


const SYMBOL = { create: '+', update: '~', replace: '-/+', delete: '-', unmanaged: '·' };
const COLOR = { create: 32, update: 33, replace: 35, delete: 31, unmanaged: 90, error: 31, warning: 33, info: 90 };
/** The plan for a terminal, in the spirit of `terraform plan`. */
function renderPlanText(plan, options = {}) {
    const paint = (color, text) => (options.color ? `\x1b[${color}m${text}\x1b[0m` : text);
    const bold = (text) => (options.color ? `\x1b[1m${text}\x1b[0m` : text);
    const changes = plan.summary.create + plan.summary.update + plan.summary.replace + plan.summary.delete;
    const lines = [];
    lines.push(changes === 0 ? bold('No changes. Live state matches the manifest.') : bold(`Plan: ${countsLine(plan.summary)}.`));
    lines.push(`${findingsLine(plan.summary)} · fingerprint ${plan.fingerprint}`);
    for (const c of plan.clusters) {
        lines.push('', bold(`Cluster ${c.name} (${c.region}${c.accountId ? `, account ${c.accountId}` : ''})`));
        for (const f of c.findings) {
            const where = f.source ? ` [${formatLocation(f.source)}]` : '';
            const key = f.key ? ` ${oneLine(f.key)}` : '';
            lines.push(`  ${paint(COLOR[f.severity], `${f.severity} ${f.code}`)}${key}: ${oneLine(f.message)}${where}`);
            if (f.fix)
                lines.push(`      fix: ${oneLine(f.fix)}`);
        }
        if (c.changes.length === 0)
            lines.push('  no changes');
        for (const ch of c.changes) {
            lines.push(`  ${paint(COLOR[ch.action], `${SYMBOL[ch.action].padStart(3)} ${ch.action}`)} ${KIND_LABEL[ch.kind]} ${oneLine(objectName(ch))}`);
            for (const detail of detailLines(ch))
                lines.push(`        ${oneLine(detail)}`);
        }
    }
    return `${lines.join('\n')}\n`;
}
/** Manifest text never moves the cursor or adds lines in a terminal. */
function oneLine(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

;// CONCATENATED MODULE: ./src/render/index.ts


/** Renders a plan for people (text, Markdown) or machines (JSON: the documented Plan object). */
function renderPlan(plan, format, options = {}) {
    if (format === 'json')
        return JSON.stringify(plan, null, 2);
    if (format === 'markdown')
        return renderPlanMarkdown(plan, options);
    return renderPlanText(plan, options.color === undefined ? {} : { color: options.color });
}



;// CONCATENATED MODULE: ./src/migrate/aws-session.ts
/** Opening one cluster's AWS session for a migration, and applying a migration plan through it. */





async function withClusterSession(target, aws, fn) {
    const sessions = await openClusterSessions([target], {
        ...(aws?.credentials ? { credentials: aws.credentials } : {}),
        ...(aws?.endpoints ? { endpoints: aws.endpoints } : {}),
        ...(aws?.maxAttempts ? { maxAttempts: aws.maxAttempts } : {}),
    });
    try {
        return await fn(sessions[0]);
    }
    finally {
        closeClusterSessions(sessions);
    }
}
/** A desired cluster that declares nothing: with prune on, the reader describes everything. */
function emptyDesiredCluster(target, prune) {
    return {
        name: target.name,
        region: target.region,
        partition: partitionOfRegion(target.region),
        ...(target.accountId ? { accountId: target.accountId } : {}),
        ...(target.assumeRoleArn ? { assumeRoleArn: target.assumeRoleArn } : {}),
        prune,
        associations: [],
        accessEntries: [],
    };
}
function requireExistingCluster(live) {
    if (!live.exists) {
        throw new src_errors/* EksIdentityError */.C('CLUSTER_NOT_FOUND', `EKS cluster ${live.name} was not found in ${live.region} (account ${live.accountId})`, {
            fix: 'check --cluster and --region, and that the credentials belong to the cluster\'s account',
        });
    }
}
/** Executes a migration plan (trust policies and the authentication mode first) through the apply engine. */
async function applyMigrationPlan(plan, options) {
    return withClusterSession(options.cluster, options.aws, async (session) => {
        const gateway = new SdkEksWriteGateway(session.clients, { callerPrincipalArn: session.caller.principalArn });
        return applyPlan(plan, {
            gateways: { [options.cluster.name]: gateway },
            sleep: options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms))),
            now: options.now ?? Date.now,
            ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        }, options.apply ?? {});
    });
}

;// CONCATENATED MODULE: ./src/migrate/manifest-yaml.ts
/** Writes a manifest fragment as YAML text that reads like a hand-written manifest. */

/** Editors that run yaml-language-server validate the file against the published schema. */
const SCHEMA_HEADER = 'yaml-language-server: $schema=./node_modules/eks-identity/schema/manifest.schema.json';
/** Fixed key order, so output is stable and diffs stay small. */
const KEY_ORDER = [
    'version', 'clusters', 'name', 'region', 'accountId', 'assumeRoleArn', 'defaults',
    'podIdentityAssociations', 'namespace', 'serviceAccount', 'roleArn', 'roleName', 'targetRoleArn', 'disableSessionTags',
    'accessEntries', 'principalArn', 'type', 'kubernetesGroups', 'username', 'accessPolicies', 'policy', 'scope', 'namespaces',
    'tags', 'prune',
];
function renderManifestFragment(fragment, options = {}) {
    // The YAML 1.1 schema quotes strings that other YAML readers would take for dates or booleans ("2012-10-17", "yes").
    const doc = new dist/* Document */.yo(orderKeys(fragment), { schema: 'yaml-1.1' });
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
    if (!(0,dist/* isSeq */.oP)(list))
        return;
    for (const item of list.items) {
        if (!(0,dist/* isMap */.jh)(item))
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
        entries.sort(([a], [b]) => manifest_yaml_rank(a) - manifest_yaml_rank(b));
    }
    const out = {};
    for (const [k, v] of entries)
        out[k] = orderKeys(v, inUserData || k === 'tags' || k === 'policy');
    return out;
}
function manifest_yaml_rank(key) {
    const i = KEY_ORDER.indexOf(key);
    return i < 0 ? KEY_ORDER.length : i;
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
    const resource = parseArn(entry.principalArn)?.resource ?? '';
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
    const arn = parseArn(entry.principalArn);
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
        associations.push(exportAssociation(live));
    }
    const entries = [];
    for (const live of cluster.accessEntries) {
        const reason = unmanagedEntryReason(live);
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
    const manifestYaml = renderManifestFragment(fragment, { header, trailer: unmanagedComments(unmanaged) });
    return { manifestYaml, fragment, unmanaged };
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
    const name = accessPolicyName(policyArn);
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

;// CONCATENATED MODULE: ./src/migrate/migration-plan.ts
/**
 * Pure helpers that turn a migration into a Plan the apply engine executes: the manifest fragment
 * as desired state, the live state as it will be once the migration's own steps ran, and the
 * migration's extra changes (trust policies, authentication mode) put in front of the plan.
 */



const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** The fragment as the manifest loader would expand it for this cluster (no defaults, no prune). */
function desiredClusterFromFragment(fragment, target) {
    const partition = partitionOfRegion(target.region);
    const associations = (fragment.podIdentityAssociations ?? []).map((a) => ({
        namespace: a.namespace,
        serviceAccount: a.serviceAccount,
        roleArn: a.roleArn,
        ...(a.targetRoleArn ? { targetRoleArn: a.targetRoleArn } : {}),
        disableSessionTags: a.disableSessionTags ?? false,
        ...(a.policy !== undefined ? { policy: canonicalJson(a.policy) } : {}),
        tags: a.tags ?? {},
    }));
    const accessEntries = (fragment.accessEntries ?? []).map((e) => ({
        principalArn: e.principalArn,
        type: e.type,
        kubernetesGroups: [...new Set(e.kubernetesGroups ?? [])].sort(),
        ...(e.username !== undefined ? { username: e.username } : {}),
        accessPolicies: (e.accessPolicies ?? [])
            .map((p) => ({
            policyArn: accessPolicyArnFor(partition, p.policy),
            scope: p.namespaces ? { type: 'namespace', namespaces: [...new Set(p.namespaces)].sort() } : { type: 'cluster' },
        }))
            .sort((a, b) => cmp(a.policyArn, b.policyArn)),
        tags: e.tags ?? {},
    }));
    return {
        name: target.name,
        region: target.region,
        partition,
        ...(target.accountId ? { accountId: target.accountId } : {}),
        ...(target.assumeRoleArn ? { assumeRoleArn: target.assumeRoleArn } : {}),
        prune: false,
        associations: associations.sort((a, b) => cmp(a.namespace, b.namespace) || cmp(a.serviceAccount, b.serviceAccount)),
        accessEntries: accessEntries.sort((a, b) => cmp(a.principalArn, b.principalArn)),
    };
}
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
    const clusters = plan.clusters.map((c) => c.name === clusterName ? { ...c, changes: [...leading, ...c.changes], findings: [...findings, ...c.findings] } : c);
    return { ...plan, clusters, summary: summary_summarize(clusters), fingerprint: fingerprintPlan(clusters) };
}

;// CONCATENATED MODULE: ./src/migrate/export-flow.ts
/** export end to end: read everything of one cluster and write the manifest that plans to zero changes. */




async function exportCluster(options) {
    const target = options.cluster;
    return withClusterSession(target, options.aws, async (session) => {
        // Prune-like read: every association and entry described, not only declared ones.
        const live = await readLiveCluster(session, emptyDesiredCluster(target, true), options.aws?.progress ? { progress: options.aws.progress } : {});
        requireExistingCluster(live);
        const exported = renderClusterExport(live);
        const result = { manifestYaml: exported.manifestYaml, fragment: exported.fragment, notConvertible: exported.unmanaged, findings: [] };
        if (options.computePlan) {
            const desired = desiredClusterFromFragment(exported.fragment, { ...target, accountId: live.accountId });
            result.plan = options.computePlan({ files: [], clusters: [desired] }, { clusters: [live] });
        }
        return result;
    });
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
                throw describeAwsError('ListRoles', 'IAM roles of the account', err);
            }
        },
        async roleArnByName(roleName) {
            try {
                const answer = await iam.send(new client_iam_dist_cjs/* GetRoleCommand */.kbp({ RoleName: roleName }));
                return answer.Role?.Arn ?? null;
            }
            catch (err) {
                if (isNotFound(err))
                    return null;
                throw describeAwsError('GetRole', `role ${roleName}`, err);
            }
        },
        async describeAddons(clusterName, names) {
            return mapWithConcurrency([...names], DESCRIBE_CONCURRENCY, async (name) => {
                try {
                    const answer = await eks.send(new client_eks_dist_cjs/* DescribeAddonCommand */.BFv({ clusterName, addonName: name }));
                    const addon = answer.addon;
                    return {
                        name,
                        ...(addon?.status ? { status: addon.status } : {}),
                        ...(addon?.serviceAccountRoleArn ? { serviceAccountRoleArn: addon.serviceAccountRoleArn } : {}),
                    };
                }
                catch (err) {
                    if (isNotFound(err))
                        return { name };
                    throw describeAwsError('DescribeAddon', `add-on ${name} of cluster ${clusterName}`, err);
                }
            });
        },
    };
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
    return statement.Effect === 'Allow' && principalsOf(statement, 'Service').includes(POD_IDENTITY_PRINCIPAL);
}
/** True when some Allow statement lets pods.eks.amazonaws.com AssumeRole and TagSession. */
function trust_policy_trustsPodIdentity(document) {
    return trust_policy_statementsOf(document).some((s) => isPodIdentityStatement(s) && POD_IDENTITY_ACTIONS.every((a) => allowsAction(s, a)));
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
        for (const action of POD_IDENTITY_ACTIONS)
            if (!allowsAction(existing, action))
                actions.push(action);
        existing.Action = actions;
    }
    else {
        const sidTaken = statements.some((s) => s.Sid === POD_IDENTITY_SID);
        statements.push({
            ...(sidTaken ? {} : { Sid: POD_IDENTITY_SID }),
            Effect: 'Allow',
            Principal: { Service: POD_IDENTITY_PRINCIPAL },
            Action: [...POD_IDENTITY_ACTIONS],
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
    const serviceAccounts = [...found.values()].sort((a, b) => irsa_cmp(a.namespace, b.namespace) || irsa_cmp(a.serviceAccount, b.serviceAccount));
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
function irsa_cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
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
    return { fragment, manifestYaml: renderManifestFragment(fragment, { header, trailer }) };
}

;// CONCATENATED MODULE: ./src/migrate/irsa-flow.ts
/** migrate-irsa end to end: read EKS and IAM, find the IRSA roles, build the manifest and the plan. */





async function migrateIrsa(options) {
    const target = options.cluster;
    return withClusterSession(target, options.aws, async (session) => {
        const reader = options.reader ?? createSdkMigrationReader(session);
        const first = await readLiveCluster(session, emptyDesiredCluster(target, false));
        requireExistingCluster(first);
        const clusterFacts = { name: target.name, region: session.region, accountId: session.accountId };
        if (!first.oidcIssuer) {
            const finding = { severity: 'warning', code: 'IRSA_NO_OIDC_ISSUER', message: `cluster ${target.name} has no OIDC issuer, so no role can use IRSA with it`, fix: 'nothing to migrate' };
            const { fragment, manifestYaml } = renderIrsaManifest({ associations: [], trustUpdates: [], findings: [finding], notConvertible: [] }, clusterFacts);
            return { manifestYaml, fragment, notConvertible: [], findings: [finding] };
        }
        const cluster = { name: target.name, region: session.region, partition: session.partition, oidcIssuer: first.oidcIssuer };
        const [roles, addons] = await Promise.all([reader.listRoles(), reader.describeAddons(target.name, first.addons.map((a) => a.name))]);
        // A first pass names the service accounts involved, so the second read describes exactly their associations.
        const candidates = planIrsaMigration({ cluster, roles, addons, associations: [] });
        const probe = desiredClusterFromFragment({ version: 1, podIdentityAssociations: candidates.associations }, target);
        const live = await readLiveCluster(session, probe);
        const migration = planIrsaMigration({ cluster, roles, addons, associations: live.associations, removeOidcTrust: options.removeOidcTrust ?? false });
        const { fragment, manifestYaml } = renderIrsaManifest(migration, clusterFacts);
        const desired = desiredClusterFromFragment(fragment, { ...target, accountId: session.accountId });
        const after = liveAfterMigrationSteps({ ...live, addons }, migration.trustUpdates);
        const base = options.computePlan({ files: [], clusters: [desired] }, { clusters: [after] });
        const plan = withMigrationChanges(base, target.name, migration.trustUpdates.map(trustPolicyChange), migration.findings);
        return { manifestYaml, fragment, plan, notConvertible: migration.notConvertible, findings: migration.findings };
    });
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


const ARN_KEYS = { mapRoles: 'rolearn', mapUsers: 'userarn' };
/** Parses the ConfigMap text. Never throws: problems come back as located findings. */
function parseAwsAuthConfigMap(text, file) {
    const result = { file, mappings: [], accounts: [], notConvertible: [], findings: [] };
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false });
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
    if (data === undefined || ((0,dist/* isScalar */.jn)(data) && data.value === null)) {
        error('AWS_AUTH_NO_DATA', 'the ConfigMap has no data: nothing to convert', nodeAt(configMap));
        return result;
    }
    if (!(0,dist/* isMap */.jh)(data)) {
        error('AWS_AUTH_INVALID', '`data` must be a mapping of mapRoles, mapUsers and mapAccounts', nodeAt(data));
        return result;
    }
    for (const pair of data.items) {
        const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
        const keyAt = nodeAt(pair.key);
        if (key !== 'mapRoles' && key !== 'mapUsers' && key !== 'mapAccounts') {
            result.notConvertible.push({ origin: 'configMap', subject: `data.${key}`, reason: `aws-auth key "${key}" has no access entry equivalent`, source: keyAt });
            continue;
        }
        const value = pair.value;
        if (!(0,dist/* isScalar */.jn)(value) || (typeof value.value !== 'string' && value.value !== null)) {
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
    if (!(0,dist/* isMap */.jh)(contents))
        return undefined;
    const kind = contents.get('kind');
    if (kind === 'ConfigMap')
        return contents;
    if (kind === 'List') {
        const items = contents.get('items', true);
        if ((0,dist/* isSeq */.oP)(items)) {
            const maps = items.items.filter((i) => (0,dist/* isMap */.jh)(i) && i.get('kind') === 'ConfigMap');
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
    const doc = (0,dist/* parseDocument */.Tp)(node.value, { prettyErrors: false });
    if (doc.errors.length > 0) {
        for (const e of doc.errors)
            error('AWS_AUTH_YAML_SYNTAX', `in data.${section}: ${aws_auth_parse_firstLine(e.message)}`, at(e.pos[0]), `fix the YAML inside data.${section}`);
        return;
    }
    const list = doc.contents;
    if (list === null || ((0,dist/* isScalar */.jn)(list) && list.value === null))
        return;
    if (!(0,dist/* isSeq */.oP)(list)) {
        error('AWS_AUTH_INVALID', `data.${section} must hold a YAML list`, innerAt(list));
        return;
    }
    list.items.forEach((item, index) => {
        if (section === 'mapAccounts') {
            if ((0,dist/* isScalar */.jn)(item) && (typeof item.value === 'string' || typeof item.value === 'number')) {
                result.accounts.push({ value: String(item.value), source: innerAt(item) });
            }
            else {
                error('AWS_AUTH_INVALID', `data.mapAccounts[${index}] must be an account id`, innerAt(item));
            }
            return;
        }
        if (!(0,dist/* isMap */.jh)(item)) {
            error('AWS_AUTH_INVALID', `data.${section}[${index}] must be a mapping with ${ARN_KEYS[section]}, username and groups`, innerAt(item));
            return;
        }
        const mapping = { section, index, groups: [], source: innerAt(item) };
        for (const pair of item.items) {
            // The authenticator decodes these through JSON struct tags, which match keys case-insensitively.
            const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value).toLowerCase() : '';
            const value = pair.value;
            const where = `data.${section}[${index}].${key}`;
            if (key === ARN_KEYS[section] || (key === 'rolearn' || key === 'userarn')) {
                if ((0,dist/* isScalar */.jn)(value) && typeof value.value === 'string')
                    mapping.arn = { value: value.value.trim(), source: innerAt(value) };
                else
                    error('AWS_AUTH_INVALID', `${where} must be a string ARN`, innerAt(value ?? pair.key));
            }
            else if (key === 'username') {
                if ((0,dist/* isScalar */.jn)(value) && typeof value.value === 'string')
                    mapping.username = { value: value.value, source: innerAt(value) };
                else if (!((0,dist/* isScalar */.jn)(value) && value.value === null))
                    error('AWS_AUTH_INVALID', `${where} must be a string`, innerAt(value ?? pair.key));
            }
            else if (key === 'groups') {
                if ((0,dist/* isSeq */.oP)(value)) {
                    for (const g of value.items) {
                        if ((0,dist/* isScalar */.jn)(g) && typeof g.value === 'string')
                            mapping.groups.push({ value: g.value, source: innerAt(g) });
                        else
                            error('AWS_AUTH_INVALID', `${where} must list group names (strings)`, innerAt(g));
                    }
                }
                else if (!((0,dist/* isScalar */.jn)(value) && value.value === null)) {
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

;// CONCATENATED MODULE: ./src/migrate/aws-auth.ts

const NODE_GROUPS = new Set(['system:bootstrappers', 'system:nodes']);
const FARGATE_GROUP = 'system:node-proxier';
const WINDOWS_GROUP = 'eks:kube-proxy-windows';
const MASTERS_GROUP = 'system:masters';
const aws_auth_RESERVED_USERNAME_PREFIXES = ['system:', 'eks:', 'aws:', 'amazon:', 'iam:'];
/** The only templates EKS expands in an access entry username (each after a colon). */
const ENTRY_USERNAME_TEMPLATES = new Set(['{{SessionName}}', '{{SessionNameRaw}}']);
const SSO_ROLE_PREFIX = 'AWSReservedSSO_';
const SERVICE_LINKED_PREFIX = 'AWSServiceRoleFor';
/** Role ARNs as written, in the given account, that need a GetRole (by name) to learn their real path. */
function roleArnsToResolve(parsed, accountId) {
    const arns = new Set();
    for (const m of parsed.mappings) {
        const arn = parseArn(m.arn?.value ?? '');
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
    const arn = parseArn(arnText);
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
    const prefix = aws_auth_RESERVED_USERNAME_PREFIXES.find((p) => value.startsWith(p));
    if (prefix)
        return `access entry usernames cannot start with "${prefix}"`;
    const templates = value.match(/\{\{[^}]*\}\}/g) ?? [];
    for (const template of templates) {
        if (!ENTRY_USERNAME_TEMPLATES.has(template))
            return `access entries do not expand ${template} (only {{SessionName}} and {{SessionNameRaw}})`;
        if (kind === 'user')
            return `${template} only applies to roles`;
        const at = value.indexOf(template);
        if (at === 0 || value[at - 1] !== ':')
            return `EKS requires a colon before ${template}`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/migrate/aws-auth-manifest.ts
/** The offline half of migrate-aws-auth: ConfigMap text → manifest YAML + what stays behind. */





function convertAwsAuthConfigMap(text, file, options = {}) {
    const parsed = parseAwsAuthConfigMap(text, file);
    const region = options.cluster?.region;
    const conversion = convertAwsAuth(parsed, {
        ...(options.resolvedRoles ? { resolvedRoles: options.resolvedRoles } : {}),
        ...(region ? { partition: partitionOfRegion(region) } : {}),
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
    const entryComments = Object.fromEntries(Object.entries(conversion.sources).map(([arn, source]) => [arn, [`from ${formatLocation(source)}`]]));
    const trailer = conversion.notConvertible.length === 0 ? [] : [
        'Not convertible (these stay in aws-auth; keep the cluster in API_AND_CONFIG_MAP mode):',
        ...conversion.notConvertible.map((n) => `- ${n.subject} (${formatLocation(n.source) || n.origin}): ${n.reason}`),
    ];
    const manifestYaml = renderManifestFragment(fragment, { header, entryComments, trailer });
    const findings = [...parsed.findings, ...conversion.findings].sort(byLocation);
    return { parsed, conversion, fragment, manifestYaml, findings };
}
function byLocation(a, b) {
    return (a.source?.line ?? 0) - (b.source?.line ?? 0) || (a.source?.column ?? 0) - (b.source?.column ?? 0);
}

;// CONCATENATED MODULE: ./src/migrate/aws-auth-flow.ts
/** migrate-aws-auth end to end: the ConfigMap file → manifest, and (online) the plan against the cluster. */









const GET_ROLE_CONCURRENCY = 8;
async function migrateAwsAuth(options) {
    const { configMap, cluster } = options;
    if (options.offline) {
        const result = convertAwsAuthConfigMap(configMap.text, configMap.file, { cluster });
        return { manifestYaml: result.manifestYaml, fragment: result.fragment, notConvertible: result.conversion.notConvertible, findings: result.findings };
    }
    const region = cluster.region;
    if (!region) {
        throw new src_errors/* EksIdentityError */.C('CLI_USAGE', 'migrate-aws-auth: --region is required unless --offline is given', { fix: 'add --region REGION, or --offline to convert the file without AWS' });
    }
    if (!options.computePlan)
        throw new src_errors/* EksIdentityError */.C('MIGRATION_NO_PLANNER', 'migrateAwsAuth needs computePlan unless offline', { source: 'internal' });
    const computePlan = options.computePlan;
    const target = { ...cluster, region };
    return withClusterSession(target, options.aws, async (session) => {
        const reader = options.reader ?? createSdkMigrationReader(session);
        // aws-auth strips role paths: look each role of the cluster's account up by name for its real ARN.
        const toResolve = roleArnsToResolve(parseAwsAuthConfigMap(configMap.text, configMap.file), session.accountId);
        const resolved = await mapWithConcurrency(toResolve, GET_ROLE_CONCURRENCY, async (arn) => [arn, await reader.roleArnByName(arn.split('/').pop())]);
        const result = convertAwsAuthConfigMap(configMap.text, configMap.file, {
            cluster: { name: cluster.name, region, accountId: session.accountId },
            resolvedRoles: Object.fromEntries(resolved),
        });
        const desired = desiredClusterFromFragment(result.fragment, { ...target, accountId: session.accountId });
        const live = await readLiveCluster(session, desired);
        requireExistingCluster(live);
        const switchMode = live.authenticationMode === 'CONFIG_MAP';
        const after = liveAfterMigrationSteps(live, [], switchMode ? 'API_AND_CONFIG_MAP' : undefined);
        const base = computePlan({ files: [configMap.file], clusters: [desired] }, { clusters: [after] });
        const findings = [...result.findings, modeAdvice(cluster.name, result.conversion.complete, live.authenticationMode)];
        const leading = switchMode ? [authenticationModeChange('CONFIG_MAP', 'API_AND_CONFIG_MAP')] : [];
        const plan = withMigrationChanges(base, cluster.name, leading, findings);
        return { manifestYaml: result.manifestYaml, fragment: result.fragment, plan, notConvertible: result.conversion.notConvertible, findings };
    });
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

;// CONCATENATED MODULE: ./src/migrate/render.ts


/** Pretty JSON of both documents, compared line by line: `-` removed, `+` added, ` ` kept. */
function diffJsonLines(before, after) {
    const a = before === undefined ? [] : JSON.stringify(before, null, 2).split('\n');
    const b = after === undefined ? [] : JSON.stringify(after, null, 2).split('\n');
    // Longest common subsequence: trust policies are a few dozen lines, so O(n·m) is nothing.
    const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--) {
            lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i] === b[j]) {
            out.push(`  ${a[i]}`);
            i++;
            j++;
        }
        else if (j < b.length && (i >= a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
            out.push(`+ ${b[j]}`);
            j++;
        }
        else {
            out.push(`- ${a[i]}`);
            i++;
        }
    }
    return out;
}
/** The trust policy document of a change value (canonical JSON text) as an object. */
function documentOf(value) {
    if (!value || !('document' in value))
        return undefined;
    try {
        return JSON.parse(value.document);
    }
    catch {
        return value.document;
    }
}
/** Every trustPolicy change of the plan, as text (terminal) or Markdown (```diff blocks). */
function renderTrustPolicyChanges(plan, format) {
    const parts = [];
    for (const cluster of plan.clusters) {
        for (const change of cluster.changes.filter((c) => c.kind === 'trustPolicy')) {
            const roleArn = change.after?.roleArn ?? change.before?.roleArn ?? change.id;
            const lines = diffJsonLines(documentOf(change.before), documentOf(change.after));
            if (format === 'markdown') {
                const fence = fenceFor(lines);
                const reason = change.reason ? `\n\n${escapeMarkdownText(change.reason)}` : '';
                parts.push(`#### ~ trust policy of ${code(roleArn)} (cluster ${escapeMarkdownText(cluster.name)})${reason}\n\n${fence}diff\n${lines.join('\n')}\n${fence}\n`);
            }
            else {
                parts.push(`  ~ trust policy ${roleArn}${change.reason ? ` (${change.reason})` : ''}\n${lines.map((l) => `      ${l}`).join('\n')}\n`);
            }
        }
    }
    return parts.join('\n');
}
/** Not-convertible items and the migration's own findings, for the terminal or a pull request body. */
function renderMigrationNotes(notConvertible, findings, format) {
    const lines = [];
    const md = format === 'markdown';
    if (notConvertible.length > 0) {
        lines.push(md ? `### Not converted (${notConvertible.length})\n` : `Not converted (${notConvertible.length}):`);
        for (const n of notConvertible) {
            const where = formatLocation(n.source);
            const text = md
                ? `${code(n.subject)}${where ? ` (${code(where)})` : ''}: ${escapeMarkdownText(n.reason)}${n.fix ? ` — ${escapeMarkdownText(n.fix)}` : ''}`
                : `${n.subject}${where ? ` (${where})` : ''}: ${n.reason}${n.fix ? ` — ${n.fix}` : ''}`;
            lines.push(md ? `- ${text}` : `  - ${text}`);
        }
        lines.push('');
    }
    if (findings.length > 0) {
        lines.push(md ? `### Findings (${findings.length})\n` : `Findings (${findings.length}):`);
        for (const f of findings) {
            const where = formatLocation(f.source);
            const text = md
                ? `${where ? `${code(where)}: ` : ''}${f.severity} ${code(f.code)}: ${escapeMarkdownText(f.message)}${f.fix ? ` — fix: ${escapeMarkdownText(f.fix)}` : ''}`
                : `${where ? `${where}: ` : ''}${f.severity} ${f.code}: ${f.message}${f.fix ? `\n      fix: ${f.fix}` : ''}`;
            lines.push(md ? `- ${text}` : `  ${text}`);
        }
        lines.push('');
    }
    return lines.join('\n');
}
/** A code fence longer than any run of backticks inside, so policy text cannot close it early. */
function fenceFor(lines) {
    const longest = Math.max(0, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((run) => run.length))));
    return '`'.repeat(Math.max(3, longest + 1));
}

;// CONCATENATED MODULE: ./src/migrate/index.ts
/** Migrations and export: the library API (the CLI commands and the GitHub Action use these). */




// Pure parts, for callers that bring their own data.










;// CONCATENATED MODULE: ./src/action/migration-engine.ts








/** Room for each cluster's plan in the pull request body. */
const PLAN_SECTION_LIMIT = 20_000;
/**
 * Runs a migration or export for each cluster of the manifest (the `clusters` input narrows it)
 * and gathers one manifest file per cluster, a pull-request description and the combined plan.
 */
async function runMigration(request, renderPlanMarkdown) {
    const loaded = await loadValidManifest({ manifest: request.manifest, cwd: request.cwd, clusters: request.clusters });
    const targets = expandManifest(loaded).clusters.map((c) => ({
        name: c.name,
        region: c.region,
        ...(c.accountId && !c.accountId.includes('$') ? { accountId: c.accountId } : {}),
        ...(c.assumeRoleArn ? { assumeRoleArn: c.assumeRoleArn } : {}),
    }));
    if (request.mode === 'migrate-aws-auth' && targets.length !== 1) {
        throw new src_errors/* EksIdentityError */.C('MIGRATION_ONE_CLUSTER', `migrate-aws-auth converts the ConfigMap of one cluster; the run covers ${targets.length}`, {
            fix: 'name the cluster the ConfigMap belongs to in the clusters input',
        });
    }
    if (request.mode === 'migrate-aws-auth' && !request.configmap) {
        throw new src_errors/* EksIdentityError */.C('MIGRATION_NO_CONFIGMAP', 'migrate-aws-auth needs the aws-auth ConfigMap file', { fix: 'set the configmap input to the file' });
    }
    const configMap = request.configmap ? { text: await (0,promises_.readFile)((0,external_node_path_.resolve)(request.cwd, request.configmap), 'utf8'), file: request.configmap } : undefined;
    const files = [];
    const sections = [];
    const plans = [];
    for (const target of targets) {
        let result;
        if (request.mode === 'export')
            result = await exportCluster({ cluster: target, computePlan: computePlan });
        else if (request.mode === 'migrate-irsa')
            result = await migrateIrsa({ cluster: target, computePlan: computePlan });
        else
            result = await migrateAwsAuth({ configMap: configMap, cluster: target, computePlan: computePlan });
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
function combinePlans(plans) {
    if (plans.length <= 1)
        return plans[0];
    const summary = { create: 0, update: 0, replace: 0, delete: 0, unmanaged: 0, errors: 0, warnings: 0 };
    for (const p of plans)
        for (const key of Object.keys(summary))
            summary[key] += p.summary[key];
    const fingerprint = (0,external_node_crypto_.createHash)('sha256').update(plans.map((p) => p.fingerprint).join('\n')).digest('hex');
    return { version: 1, fingerprint, summary, clusters: plans.flatMap((p) => p.clusters) };
}

;// CONCATENATED MODULE: ./src/action/default-engine.ts








/** The real engine behind the action: manifest → AWS → plan → apply, as the CLI runs it. */
function createDefaultEngine() {
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
async function findCredentials() {
    try {
        const credentials = await (0,dist_cjs.defaultProvider)({ timeout: 1000, maxRetries: 0 })();
        return credentials.accessKeyId !== '';
    }
    catch {
        return false;
    }
}
function planRequest(request) {
    return {
        manifest: request.manifest,
        cwd: request.cwd,
        clusters: request.clusters,
        ...(request.prune === undefined ? {} : { prune: request.prune }),
        ...(request.maxDeletes === undefined ? {} : { maxDeletes: request.maxDeletes }),
        allowLockout: request.allowLockout,
    };
}
async function prepareApply(request) {
    const { plan, sessions } = await planManifest(planRequest(request));
    return {
        plan,
        dispose: () => closeClusterSessions(sessions),
        execute: async () => {
            const gateways = Object.fromEntries(sessions.map((s) => [s.target.name, new gateway_SdkEksWriteGateway(s.clients, { callerPrincipalArn: s.caller.principalArn })]));
            const report = await apply_plan_applyPlan(plan, { gateways, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), now: Date.now }, {
                ...(request.maxDeletes === undefined ? {} : { maxDeletes: request.maxDeletes }),
                allowLockout: request.allowLockout,
            });
            return {
                markdown: renderApplyReport(report, 'markdown'),
                applied: report.summary.applied + report.summary.adopted,
                failed: report.summary.failed,
                skipped: report.summary.skipped,
            };
        },
    };
}


/***/ })

};

//# sourceMappingURL=50.index.js.map