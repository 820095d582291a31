import { InvalidParameterException, ResourceInUseException, ResourceNotFoundException } from '@aws-sdk/client-eks';
import { NoSuchEntityException } from '@aws-sdk/client-iam';
import { EksIdentityError } from '../../src/errors.js';
import { AwsCallError, describeAwsError, isConflict, isIamPropagation, isNotFound, isThrottle } from '../../src/aws/errors.js';

const meta = (httpStatusCode: number) => ({ httpStatusCode, requestId: 'req-123', attempts: 1, totalRetryDelay: 0 });

describe('describeAwsError', () => {
  it('GIVEN an EKS not-found WHEN wrapped THEN the message names operation, object, error name, status and request id', () => {
    const err = new ResourceNotFoundException({ message: 'No cluster found for name: prod.', $metadata: meta(404) });
    const wrapped = describeAwsError('DescribeCluster', 'cluster prod (us-east-1)', err);
    expect(wrapped).toBeInstanceOf(AwsCallError);
    expect(EksIdentityError.is(wrapped)).toBe(true);
    expect(AwsCallError.isAwsCallError(wrapped)).toBe(true);
    expect(wrapped.code).toBe('AWS_CALL_FAILED');
    expect(wrapped.operation).toBe('DescribeCluster');
    expect(wrapped.key).toBe('cluster prod (us-east-1)');
    expect(wrapped.errorName).toBe('ResourceNotFoundException');
    expect(wrapped.httpStatus).toBe(404);
    expect(wrapped.requestId).toBe('req-123');
    expect(wrapped.cause).toBe(err);
    expect(wrapped.message).toBe(
      'DescribeCluster failed for cluster prod (us-east-1): ResourceNotFoundException, HTTP 404, request id req-123: No cluster found for name: prod.',
    );
  });

  it('GIVEN an access-denied answer WHEN wrapped THEN the code is AWS_ACCESS_DENIED with a fix naming the IAM action', () => {
    const err = Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException', $metadata: meta(403) });
    const wrapped = describeAwsError('ListAccessEntries', 'cluster prod', err);
    expect(wrapped.code).toBe('AWS_ACCESS_DENIED');
    expect(wrapped.fix).toContain('eks:ListAccessEntries');
  });

  it('GIVEN an endpoint that cannot be reached (DNS, refused) WHEN wrapped THEN AWS_UNREACHABLE with a fix naming the network and the emulator variables', () => {
    for (const code of ['ENOTFOUND', 'ECONNREFUSED']) {
      const err = Object.assign(new Error(`getaddrinfo ${code} sts.us-east-1.amazonaws.com`), { code });
      const wrapped = describeAwsError('GetCallerIdentity', 'credentials for cluster prod (us-east-1)', err);
      expect(wrapped.code).toBe('AWS_UNREACHABLE');
      expect(wrapped.fix).toContain('HTTPS_PROXY');
      expect(wrapped.fix).toContain('AWS_ENDPOINT_URL_*');
    }
  });

  it('GIVEN a network failure WHEN wrapped THEN its Node error code is the error name', () => {
    const err = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const wrapped = describeAwsError('GetRole', 'role arn:aws:iam::111122223333:role/App', err);
    expect(wrapped.errorName).toBe('ECONNRESET');
    expect(wrapped.httpStatus).toBeUndefined();
    expect(wrapped.message).toBe('GetRole failed for role arn:aws:iam::111122223333:role/App: ECONNRESET: socket hang up');
  });

  it('GIVEN an already wrapped error WHEN wrapped again THEN it is returned unchanged', () => {
    const first = describeAwsError('GetRole', 'role A', new NoSuchEntityException({ message: 'x', $metadata: meta(404) }));
    expect(describeAwsError('Outer', 'other', first)).toBe(first);
  });
});

describe('error classification', () => {
  it('GIVEN EKS and IAM not-found errors THEN isNotFound, raw or wrapped', () => {
    const eks = new ResourceNotFoundException({ message: 'gone', $metadata: meta(404) });
    const iam = new NoSuchEntityException({ message: 'The role with name App cannot be found.', $metadata: meta(404) });
    expect(isNotFound(eks)).toBe(true);
    expect(isNotFound(iam)).toBe(true);
    expect(isNotFound(describeAwsError('GetRole', 'App', iam))).toBe(true);
    expect(isNotFound(new Error('boom'))).toBe(false);
    expect(isNotFound(undefined)).toBe(false);
  });

  it('GIVEN a 409 on create THEN isConflict', () => {
    const err = new ResourceInUseException({ message: 'Association already exists', $metadata: meta(409) });
    expect(isConflict(err)).toBe(true);
    expect(isConflict(new ResourceNotFoundException({ message: 'x', $metadata: meta(404) }))).toBe(false);
  });

  it('GIVEN throttling by name or by status 429 THEN isThrottle', () => {
    expect(isThrottle(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: meta(400) }))).toBe(true);
    expect(isThrottle(Object.assign(new Error('x'), { name: 'Throttling', $metadata: meta(400) }))).toBe(true);
    expect(isThrottle(Object.assign(new Error('x'), { name: 'Whatever', $metadata: meta(429) }))).toBe(true);
    expect(isThrottle(new ResourceInUseException({ message: 'x', $metadata: meta(409) }))).toBe(false);
  });

  it.each([
    'Role provided in the request does not exist',
    'The specified principalArn is invalid: invalid principal.',
    'The specified principalArn could not be found.',
  ])('GIVEN InvalidParameterException "%s" THEN isIamPropagation', (message) => {
    const err = new InvalidParameterException({ message, $metadata: meta(400) });
    expect(isIamPropagation(err)).toBe(true);
    expect(isIamPropagation(describeAwsError('CreateAccessEntry', 'x', err))).toBe(true);
  });

  it('GIVEN other invalid parameters or other error names THEN not isIamPropagation', () => {
    expect(isIamPropagation(new InvalidParameterException({ message: 'Trust policy of the role provided is invalid', $metadata: meta(400) }))).toBe(false);
    expect(isIamPropagation(new ResourceNotFoundException({ message: 'The specified principalArn could not be found.', $metadata: meta(404) }))).toBe(false);
  });
});
