/** STS (awsQuery): GetCallerIdentity and AssumeRole; assumed keys join the identities table. */
import { queryErrors } from './api-error.js';
import type { QueryHandler } from './context.js';
import { userIdOf } from './identity.js';
import { splitIamArn } from './world.js';
import { byAccountAndName, findByKey } from './lookup.js';

const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

export const getCallerIdentity: QueryHandler = (ctx) => ({
  UserId: userIdOf(ctx.world, ctx.caller),
  Account: ctx.caller.accountId,
  Arn: ctx.caller.arn,
});

export const assumeRole: QueryHandler = (ctx, params) => {
  const roleArn = params.get('RoleArn') ?? '';
  const sessionName = params.get('RoleSessionName') ?? '';
  if (roleArn.length < 20) throw queryErrors.validation(`1 validation error detected: Value '${roleArn}' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20`);
  if (!SESSION_NAME.test(sessionName)) {
    throw queryErrors.validation(`1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`);
  }
  const split = splitIamArn(roleArn);
  const role = split?.kind === 'role' ? findByKey(ctx.world.roles, 'accountAndName', byAccountAndName, byAccountAndName(split)) : undefined;
  if (!role) throw queryErrors.accessDenied(`User: ${ctx.caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
  const durationRaw = params.get('DurationSeconds');
  const duration = durationRaw === null ? 3600 : Number(durationRaw);
  if (!Number.isInteger(duration) || duration < 900 || duration > role.maxSessionDuration) {
    throw queryErrors.validation(`The requested DurationSeconds exceeds the MaxSessionDuration set for this role (or is below 900).`);
  }
  const accessKeyId = ctx.ids.accessKeyId();
  const secretAccessKey = ctx.ids.secret();
  const sessionToken = `emulator-session-${ctx.ids.secret()}`;
  const expirationMs = ctx.now + duration * 1000;
  const arn = `arn:${ctx.partition}:sts::${role.accountId}:assumed-role/${role.name}/${sessionName}`;
  ctx.world.identities.set(accessKeyId, { accessKeyId, arn, secretAccessKey, sessionToken, expirationMs });
  return {
    Credentials: {
      AccessKeyId: accessKeyId,
      SecretAccessKey: secretAccessKey,
      SessionToken: sessionToken,
      Expiration: new Date(expirationMs).toISOString(),
    },
    AssumedRoleUser: { AssumedRoleId: `${role.roleId}:${sessionName}`, Arn: arn },
    PackedPolicySize: params.has('Policy') ? 10 : undefined,
  };
};
