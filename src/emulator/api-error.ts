/**
 * An error answer in protocol-neutral form: the EKS serializer turns it into
 * `x-amzn-ErrorType` + JSON, the IAM/STS one into an XML ErrorResponse.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** Extra members of the EKS error body (clusterName, addonName…). */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = code;
  }
}

/** EKS error constructors, named as the SDK surfaces them. */
export const eksErrors = {
  notFound: (message: string, fields: Record<string, string> = {}) => new ApiError('ResourceNotFoundException', 404, message, fields),
  inUse: (message: string, fields: Record<string, string> = {}) => new ApiError('ResourceInUseException', 409, message, fields),
  invalidParameter: (message: string, fields: Record<string, string> = {}) =>
    new ApiError('InvalidParameterException', 400, message, fields),
  invalidRequest: (message: string, fields: Record<string, string> = {}) => new ApiError('InvalidRequestException', 400, message, fields),
  limitExceeded: (message: string, fields: Record<string, string> = {}) =>
    new ApiError('ResourceLimitExceededException', 400, message, fields),
  tagNotFound: (message: string) => new ApiError('NotFoundException', 404, message),
  badRequest: (message: string) => new ApiError('BadRequestException', 400, message),
};

/** IAM and STS error constructors (awsQuery codes). */
export const queryErrors = {
  noSuchEntity: (message: string) => new ApiError('NoSuchEntity', 404, message),
  alreadyExists: (message: string) => new ApiError('EntityAlreadyExists', 409, message),
  deleteConflict: (message: string) => new ApiError('DeleteConflict', 409, message),
  validation: (message: string) => new ApiError('ValidationError', 400, message),
  malformedPolicy: (message: string) => new ApiError('MalformedPolicyDocument', 400, message),
  invalidInput: (message: string) => new ApiError('InvalidInput', 400, message),
  accessDenied: (message: string) => new ApiError('AccessDenied', 403, message),
  expiredToken: (message: string) => new ApiError('ExpiredToken', 400, message),
};
