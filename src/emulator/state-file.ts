/** Reads and validates emulator state files; every problem names the file, line and column. */
import { readFile } from 'node:fs/promises';
import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { EksIdentityError } from '../errors.js';
import type { SourceLocation } from '../model/source.js';
import { findJsonSyntaxError } from './json-syntax.js';
import { findStateProblems, formatPath, issueProblems } from './state-problems.js';
import type { EmulatorState } from './types.js';

const tags = z.record(z.string(), z.string());
const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO-8601 date');
const roleArn = z.string().regex(/^arn:[a-z-]+:iam::\d{12}:role\/(?:[^/]+\/)*[\w+=,.@-]{1,64}$/, 'expected arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME');
const userArn = z.string().regex(/^arn:[a-z-]+:iam::\d{12}:user\/(?:[^/]+\/)*[\w+=,.@-]{1,64}$/, 'expected arn:PARTITION:iam::ACCOUNT:user/[PATH/]NAME');
const policyArn = z.string().regex(/^arn:[a-z-]+:iam::(?:aws|\d{12}):policy\/(?:[^/]+\/)*[\w+=,.@-]{1,128}$/, 'expected arn:PARTITION:iam::aws:policy/[PATH/]NAME or arn:PARTITION:iam::ACCOUNT:policy/[PATH/]NAME');
const customerPolicyArn = z.string().regex(/^arn:[a-z-]+:iam::\d{12}:policy\/(?:[^/]+\/)*[\w+=,.@-]{1,128}$/, 'expected arn:PARTITION:iam::ACCOUNT:policy/[PATH/]NAME (AWS managed policies are built in)');
const document = z.record(z.string(), z.unknown());
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
            attachedPolicies: z.array(policyArn).optional(),
            inlinePolicies: z.record(z.string(), document).optional(),
            permissionsBoundary: policyArn.optional(),
          }),
        )
        .optional(),
      users: z.array(z.strictObject({ arn: userArn, userId: z.string().optional(), createDate: iso.optional(), tags: tags.optional() })).optional(),
      policies: z
        .array(
          z.strictObject({
            arn: customerPolicyArn,
            policyId: z.string().min(1).optional(),
            description: z.string().max(1000).optional(),
            document: document.optional(),
            createDate: iso.optional(),
            tags: tags.optional(),
          }),
        )
        .optional(),
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
              namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'expected a Kubernetes namespace').optional(),
              createdAt: iso.optional(),
              tags: tags.optional(),
              updateFailure: z.strictObject({ errorCode: z.string().min(1), errorMessage: z.string() }).optional(),
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
              addonName: z.string().optional(),
              errors: z.array(z.strictObject({ errorCode: z.string(), errorMessage: z.string(), resourceIds: z.array(z.string()) })).optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
});

type Locate = (path: ReadonlyArray<PropertyKey>, key?: string) => SourceLocation | undefined;

function validate(json: unknown, source: string, locate: Locate): EmulatorState {
  const result = stateSchema.safeParse(json);
  const problems = result.success ? findStateProblems(result.data as EmulatorState) : issueProblems(result.error.issues, stateSchema, json);
  if (problems.length === 0) return (result as { data: EmulatorState }).data;
  // Every problem keeps its own location; the first one is the error's.
  const lines = problems
    .map((p) => {
      const at = locate(p.path, p.key);
      const text = p.message.includes(formatPath(p.path)) || p.path.length === 0 ? p.message : `${formatPath(p.path)}: ${p.message}`;
      return { at, text };
    })
    // In file order, as the manifest validator lists its diagnostics.
    .sort((a, b) => (a.at && b.at ? a.at.line - b.at.line || a.at.column - b.at.column : 0));
  const [first, ...rest] = lines;
  const where = (at: SourceLocation | undefined) => (at ? `${at.file}:${at.line}:${at.column}: ` : '');
  const more = rest.map((l) => `\n  ${where(l.at)}${l.text}`).join('');
  throw new EksIdentityError('EMULATOR_STATE_INVALID', `${first!.at ? '' : `${source}: `}invalid emulator state: ${first!.text}${more}`, {
    ...(first!.at ? { location: first!.at } : {}),
    fix: problems.length > 1 ? `fix all ${problems.length} problems; docs/emulator.md describes the state file` : 'docs/emulator.md describes the state file',
  });
}

/** Validates an in-memory state (e.g. built by a test); `source` names it in errors. */
export function parseEmulatorState(json: unknown, source: string): EmulatorState {
  return validate(json, source, () => undefined);
}

/**
 * Reads a state file, JSON (or YAML for hand-written files named .yaml/.yml), and validates it:
 * syntax errors are said in the file's own terms, and every problem names its line and column.
 */
export async function loadEmulatorState(file: string): Promise<EmulatorState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new EksIdentityError('EMULATOR_STATE_UNREADABLE', `cannot read emulator state ${file}: ${(err as Error).message}`, { cause: err });
  }
  const lineCounter = new LineCounter();
  const isYaml = /\.ya?ml$/i.test(file);
  if (!isYaml) {
    const syntax = findJsonSyntaxError(text);
    if (syntax) {
      const pos = positionOf(text, syntax.offset);
      throw new EksIdentityError('EMULATOR_STATE_INVALID', `not valid JSON: ${syntax.message}`, {
        location: { file, line: pos.line, column: pos.col },
        fix: 'correct the JSON at that position (a state file is one JSON object; docs/emulator.md)',
      });
    }
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = lineCounter.linePos(syntax.pos[0]);
    throw new EksIdentityError('EMULATOR_STATE_INVALID', `not valid YAML: ${syntax.message.split('\n')[0]}`, {
      location: { file, line: pos.line, column: pos.col },
    });
  }
  const at = (node: unknown) => {
    if (!isNode(node) || !node.range) return undefined;
    const pos = lineCounter.linePos(node.range[0]);
    return { file, line: pos.line, column: pos.col };
  };
  const locate: Locate = (path, key) => {
    if (key !== undefined) {
      const map = doc.getIn(path as unknown[], true);
      const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
      const found = pair ? at(pair.key) : undefined;
      if (found) return found;
    }
    for (let n = path.length; n >= 0; n--) {
      const found = at(doc.getIn(path.slice(0, n) as unknown[], true));
      if (found) return found;
    }
    return undefined;
  };
  return validate(doc.toJS(), file, locate);
}

/** 1-based line and column of an offset. */
function positionOf(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}
