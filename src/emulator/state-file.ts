/** Reads and validates emulator state files; every problem names the file, line and column. */
import { readFile } from 'node:fs/promises';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { EksIdentityError } from '../errors.js';
import type { SourceLocation } from '../model/source.js';
import type { EmulatorState } from './types.js';

const tags = z.record(z.string(), z.string());
const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO-8601 date');
const roleArn = z.string().regex(/^arn:[a-z-]+:iam::\d{12}:role\/(?:[^/]+\/)*[\w+=,.@-]{1,64}$/, 'expected arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME');
const userArn = z.string().regex(/^arn:[a-z-]+:iam::\d{12}:user\/(?:[^/]+\/)*[\w+=,.@-]{1,64}$/, 'expected arn:PARTITION:iam::ACCOUNT:user/[PATH/]NAME');
const principal = z.string().regex(/^arn:[a-z-]+:(?:iam|sts)::\d{12}:(?:root|user\/.+|role\/.+|assumed-role\/[^/]+\/.+)$/, 'expected an IAM user, role, root or assumed-role ARN');
const authMode = z.enum(['CONFIG_MAP', 'API_AND_CONFIG_MAP', 'API']);

const association = z.strictObject({
  namespace: z.string().min(1),
  serviceAccount: z.string().min(1),
  roleArn: roleArn,
  associationId: z.string().regex(/^a-[a-z0-9]+$/, 'expected a- followed by lowercase letters and digits').optional(),
  targetRoleArn: roleArn.optional(),
  disableSessionTags: z.boolean().optional(),
  policy: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  externalId: z.string().optional(),
  tags: tags.optional(),
  createdAt: iso.optional(),
  modifiedAt: iso.optional(),
  clientRequestToken: z.string().optional(),
});

const stateSchema = z.strictObject({
  version: z.literal(1).optional(),
  region: z.string().min(1).optional(),
  defaultAccessKeyId: z.string().min(1).optional(),
  identities: z
    .record(
      z.string(),
      z.union([
        principal,
        z.strictObject({ arn: principal, secretAccessKey: z.string().optional(), sessionToken: z.string().optional(), expiration: iso.optional() }),
      ]),
    )
    .optional(),
  iam: z
    .strictObject({
      roles: z
        .array(
          z.strictObject({
            arn: roleArn,
            roleId: z.string().min(1).optional(),
            createDate: iso.optional(),
            assumeRolePolicyDocument: z.unknown().optional(),
            description: z.string().optional(),
            maxSessionDuration: z.number().int().min(3600).max(43200).optional(),
            tags: tags.optional(),
          }),
        )
        .optional(),
      users: z.array(z.strictObject({ arn: userArn, userId: z.string().optional(), createDate: iso.optional(), tags: tags.optional() })).optional(),
    })
    .optional(),
  clusters: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/, 'expected an EKS cluster name'),
        region: z.string().min(1).optional(),
        accountId: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id').optional(),
        authenticationMode: authMode.optional(),
        autoMode: z.boolean().optional(),
        oidcIssuer: z.string().url().optional(),
        version: z.string().optional(),
        status: z.string().optional(),
        createdAt: iso.optional(),
        tags: tags.optional(),
        addons: z
          .array(
            z.strictObject({
              name: z.string().min(1),
              version: z.string().optional(),
              status: z.string().optional(),
              serviceAccountRoleArn: roleArn.optional(),
              createdAt: iso.optional(),
              tags: tags.optional(),
              podIdentityAssociations: z.array(association).optional(),
            }),
          )
          .optional(),
        podIdentityAssociations: z.array(association).optional(),
        accessEntries: z
          .array(
            z.strictObject({
              principalArn: z.string().min(1),
              type: z.enum(['STANDARD', 'FARGATE_LINUX', 'EC2_LINUX', 'EC2_WINDOWS', 'EC2', 'HYBRID_LINUX', 'HYPERPOD_LINUX']).optional(),
              username: z.string().optional(),
              kubernetesGroups: z.array(z.string()).optional(),
              accessPolicies: z
                .array(
                  z.strictObject({
                    policyArn: z.string().min(1),
                    accessScope: z.strictObject({ type: z.enum(['cluster', 'namespace']), namespaces: z.array(z.string()).optional() }).optional(),
                    associatedAt: iso.optional(),
                    modifiedAt: iso.optional(),
                  }),
                )
                .optional(),
              tags: tags.optional(),
              createdAt: iso.optional(),
              modifiedAt: iso.optional(),
              boundRoleId: z.string().optional(),
              clientRequestToken: z.string().optional(),
            }),
          )
          .optional(),
        updates: z
          .array(
            z.strictObject({
              id: z.string(),
              type: z.string(),
              status: z.enum(['InProgress', 'Successful', 'Failed', 'Cancelled']),
              params: z.array(z.strictObject({ type: z.string(), value: z.string() })),
              createdAt: iso.optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
});

type Locate = (path: ReadonlyArray<PropertyKey>) => SourceLocation | undefined;

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || '(root)';
}

/** Duplicates the schema cannot see: clusters, associations and entries must be unique keys. */
function findDuplicates(state: EmulatorState): Array<{ path: PropertyKey[]; message: string }> {
  const problems: Array<{ path: PropertyKey[]; message: string }> = [];
  const clusterKeys = new Set<string>();
  (state.clusters ?? []).forEach((c, i) => {
    const key = `${c.accountId ?? ''}/${c.region ?? state.region ?? ''}/${c.name}`;
    if (clusterKeys.has(key)) problems.push({ path: ['clusters', i, 'name'], message: `cluster ${c.name} appears twice in the same account and region` });
    clusterKeys.add(key);
    const saKeys = new Set<string>();
    const all = [...(c.addons ?? []).flatMap((a) => a.podIdentityAssociations ?? []), ...(c.podIdentityAssociations ?? [])];
    all.forEach((a) => {
      const k = `${a.namespace}/${a.serviceAccount}`;
      if (saKeys.has(k)) problems.push({ path: ['clusters', i, 'podIdentityAssociations'], message: `two associations for ${k}` });
      saKeys.add(k);
    });
    const principals = new Set<string>();
    (c.accessEntries ?? []).forEach((e, j) => {
      if (principals.has(e.principalArn)) problems.push({ path: ['clusters', i, 'accessEntries', j, 'principalArn'], message: `two access entries for ${e.principalArn}` });
      principals.add(e.principalArn);
    });
  });
  if (state.defaultAccessKeyId !== undefined && !(state.identities ?? {})[state.defaultAccessKeyId]) {
    problems.push({ path: ['defaultAccessKeyId'], message: `defaultAccessKeyId ${state.defaultAccessKeyId} is not a key of identities` });
  }
  return problems;
}

function validate(json: unknown, source: string, locate: Locate): EmulatorState {
  const result = stateSchema.safeParse(json);
  const problems = result.success
    ? findDuplicates(result.data as EmulatorState)
    : result.error.issues.map((issue) => ({ path: issue.path as PropertyKey[], message: issue.message }));
  if (problems.length === 0) return (result as { data: EmulatorState }).data;
  const first = problems[0]!;
  const location = locate(first.path);
  const lines = problems.map((p) => `${formatPath(p.path)}: ${p.message}`);
  throw new EksIdentityError('EMULATOR_STATE_INVALID', `${source}: invalid emulator state: ${lines.join('; ')}`, {
    ...(location ? { location } : {}),
    fix: 'see docs/emulator.md for the state file format',
  });
}

/** Validates an in-memory state (e.g. built by a test); `source` names it in errors. */
export function parseEmulatorState(json: unknown, source: string): EmulatorState {
  return validate(json, source, () => undefined);
}

/** Reads a JSON (or YAML) state file and validates it, with file:line:col on the first problem. */
export async function loadEmulatorState(file: string): Promise<EmulatorState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new EksIdentityError('EMULATOR_STATE_UNREADABLE', `cannot read emulator state ${file}: ${(err as Error).message}`, { cause: err });
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = lineCounter.linePos(syntax.pos[0]);
    throw new EksIdentityError('EMULATOR_STATE_INVALID', `${file}: not valid JSON: ${syntax.message.split('\n')[0]}`, {
      location: { file, line: pos.line, column: pos.col },
    });
  }
  const locate: Locate = (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { file, line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
  return validate(doc.toJS(), file, locate);
}
