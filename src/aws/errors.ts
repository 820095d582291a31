import { EksIdentityError } from '../errors.js';

const AWS_BRAND = Symbol.for('eks-identity.aws-call-error');

/** The facts worth keeping from a failed SDK call. */
export interface AwsErrorFacts {
  /** Error name as the service sent it (`ResourceNotFoundException`, `NoSuchEntity`…), or the Node error code. */
  errorName: string;
  httpStatus?: number;
  requestId?: string;
  /** The service's own message. */
  awsMessage: string;
}

/**
 * A failed AWS call, with enough context to act on it: which operation, on which AWS object,
 * the service's error name, HTTP status and request id (for AWS support).
 */
export class AwsCallError extends EksIdentityError implements AwsErrorFacts {
  /** SDK operation name, e.g. `DescribePodIdentityAssociation`. */
  readonly operation: string;
  /** The AWS object the call was about, e.g. `cluster prod, association karpenter/karpenter`. */
  readonly key: string;
  readonly errorName: string;
  readonly httpStatus?: number;
  readonly requestId?: string;
  readonly awsMessage: string;
  readonly [AWS_BRAND] = true;

  constructor(operation: string, key: string, facts: AwsErrorFacts, options: { code: string; fix?: string; cause?: unknown }) {
    super(options.code, formatMessage(operation, key, facts), {
      source: 'user',
      ...(options.fix === undefined ? {} : { fix: options.fix }),
      cause: options.cause,
    });
    this.name = 'AwsCallError';
    this.operation = operation;
    this.key = key;
    this.errorName = facts.errorName;
    if (facts.httpStatus !== undefined) this.httpStatus = facts.httpStatus;
    if (facts.requestId !== undefined) this.requestId = facts.requestId;
    this.awsMessage = facts.awsMessage;
  }

  /** Brand check that survives bundling and duplicate module copies. */
  static isAwsCallError(value: unknown): value is AwsCallError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[AWS_BRAND] === true;
  }
}

function formatMessage(operation: string, key: string, facts: AwsErrorFacts): string {
  const details = [facts.httpStatus === undefined ? undefined : `HTTP ${facts.httpStatus}`, facts.requestId && `request id ${facts.requestId}`]
    .filter((d): d is string => typeof d === 'string' && d !== '')
    .join(', ');
  const where = details === '' ? facts.errorName : `${facts.errorName}, ${details}`;
  return `${operation} failed for ${key}: ${where}: ${facts.awsMessage}`;
}

/** Reads the SDK's error shape (ServiceException, CredentialsProviderError, Node network errors) without importing it. */
export function awsErrorFacts(err: unknown): AwsErrorFacts {
  if (typeof err !== 'object' || err === null) return { errorName: 'Error', awsMessage: String(err) };
  const e = err as {
    name?: unknown;
    code?: unknown;
    Code?: unknown;
    message?: unknown;
    $metadata?: { httpStatusCode?: unknown; requestId?: unknown };
  };
  // Network failures surface as plain Errors whose `code` (ECONNRESET…) is the useful part.
  const name =
    typeof e.code === 'string' && (e.name === 'Error' || e.name === undefined)
      ? e.code
      : typeof e.name === 'string' && e.name !== ''
        ? e.name
        : typeof e.Code === 'string'
          ? e.Code
          : 'Error';
  const facts: AwsErrorFacts = { errorName: name, awsMessage: typeof e.message === 'string' && e.message !== '' ? e.message : name };
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === 'number') facts.httpStatus = status;
  const requestId = e.$metadata?.requestId;
  if (typeof requestId === 'string' && requestId !== '') facts.requestId = requestId;
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
export function describeAwsError(operation: string, key: string, err: unknown): AwsCallError {
  if (AwsCallError.isAwsCallError(err)) return err;
  if (EksIdentityError.is(err) && err.code === 'TIMEOUT') {
    return new AwsCallError(operation, key, { errorName: 'Timeout', awsMessage: err.message }, { code: 'TIMEOUT', ...(err.fix ? { fix: err.fix } : {}), cause: err });
  }
  const facts = awsErrorFacts(err);
  if (facts.errorName === 'TimeoutError') {
    return new AwsCallError(operation, key, facts, {
      code: 'AWS_TIMEOUT',
      fix: 'The endpoint took connections but did not answer. Check the network path to it (proxy, VPC endpoint, firewall, AWS_ENDPOINT_URL_* settings) and run again.',
      cause: err,
    });
  }
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
  if (UNREACHABLE.has(facts.errorName)) {
    return new AwsCallError(operation, key, facts, {
      code: 'AWS_UNREACHABLE',
      fix: 'The endpoint could not be reached. Check the network path to it (DNS, proxy: HTTPS_PROXY, VPC endpoint, firewall) and the region; for the emulator, export the AWS_ENDPOINT_URL_* variables it prints in this shell.',
      cause: err,
    });
  }
  return new AwsCallError(operation, key, facts, { code: 'AWS_CALL_FAILED', cause: err });
}

/** Node's errors for an endpoint that cannot be reached at all (name not found, connection refused, no route). */
const UNREACHABLE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);

/** `DescribeCluster` → `eks:DescribeCluster` (IAM and STS operations are recognised by name). */
function serviceActionOf(operation: string): string {
  if (/^(GetRole|ListRoles|ListRoleTags|GetUser)$/.test(operation)) return `iam:${operation}`;
  if (/^(AssumeRole|GetCallerIdentity)$/.test(operation)) return `sts:${operation}`;
  return `eks:${operation}`;
}

function nameOf(err: unknown): string | undefined {
  if (AwsCallError.isAwsCallError(err)) return err.errorName;
  return typeof err === 'object' && err !== null ? awsErrorFacts(err).errorName : undefined;
}

function statusOf(err: unknown): number | undefined {
  if (AwsCallError.isAwsCallError(err)) return err.httpStatus;
  return typeof err === 'object' && err !== null ? awsErrorFacts(err).httpStatus : undefined;
}

function messageOf(err: unknown): string {
  if (AwsCallError.isAwsCallError(err)) return err.awsMessage;
  return typeof err === 'object' && err !== null ? awsErrorFacts(err).awsMessage : String(err);
}

const NOT_FOUND = new Set(['ResourceNotFoundException', 'NotFoundException', 'NoSuchEntity', 'NoSuchEntityException']);

/** The credentials lack the permission: an AccessDenied-like error name or a 403, wrapped or not. */
export function isAccessDenied(err: unknown): boolean {
  const name = nameOf(err);
  return (name !== undefined && ACCESS_DENIED.has(name)) || statusOf(err) === 403;
}

/** The object is absent: on read that means "absent", on delete "already done". */
export function isNotFound(err: unknown): boolean {
  const name = nameOf(err);
  return name !== undefined && NOT_FOUND.has(name);
}

const CONFLICT = new Set(['ResourceInUseException', 'EntityAlreadyExists', 'EntityAlreadyExistsException', 'ConflictException']);

/** The object already exists (409 on create) or is busy: adopt or re-read, do not fail. */
export function isConflict(err: unknown): boolean {
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
export function isThrottle(err: unknown): boolean {
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
export function isIamPropagation(err: unknown): boolean {
  if (nameOf(err) !== 'InvalidParameterException') return false;
  const message = messageOf(err);
  return IAM_PROPAGATION_MESSAGES.some((re) => re.test(message));
}

/** Runs one SDK call; a failure is rethrown with the operation and the AWS object it was about. */
export async function callAws<T>(operation: string, key: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw describeAwsError(operation, key, err);
  }
}

/** As callAws, but not-found means "absent" (undefined), not an error. */
export async function callAwsOrAbsent<T>(operation: string, key: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw describeAwsError(operation, key, err);
  }
}
