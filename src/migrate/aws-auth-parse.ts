/**
 * Reads an aws-auth ConfigMap as `kubectl get configmap aws-auth -n kube-system -o yaml` (or
 * `-o json`) prints it. mapRoles, mapUsers and mapAccounts are YAML documents inside strings; every
 * problem, in the outer file or inside those strings, is reported at its file:line:col.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { Finding } from '../model/plan.js';
import type { SourceLocation } from '../model/source.js';
import { mapEmbeddedOffsets } from './embedded-yaml.js';
import type { NotConvertible } from './types.js';

/** Findings that mean the file is not an aws-auth ConfigMap at all: nothing of it can be proposed. */
const UNUSABLE_INPUT = new Set(['AWS_AUTH_YAML_SYNTAX', 'AWS_AUTH_NOT_CONFIGMAP', 'AWS_AUTH_NO_DATA']);

export function isUnusableAwsAuth(findings: ReadonlyArray<{ code: string; severity: string }>): boolean {
  return findings.some((f) => f.severity === 'error' && UNUSABLE_INPUT.has(f.code));
}

export type MappingSection = 'mapRoles' | 'mapUsers';

export interface Located<T> {
  value: T;
  source: SourceLocation;
}

/** One item of mapRoles or mapUsers, as written. */
export interface RawMapping {
  section: MappingSection;
  index: number;
  /** rolearn (mapRoles) or userarn (mapUsers). */
  arn?: Located<string>;
  username?: Located<string>;
  groups: Located<string>[];
  source: SourceLocation;
}

export interface ParsedAwsAuth {
  file: string;
  mappings: RawMapping[];
  accounts: Located<string>[];
  /** Keys of `data` this tool does not know. */
  notConvertible: NotConvertible[];
  /** Errors (the file or a section does not parse or has the wrong shape) and warnings (ignored keys). */
  findings: Finding[];
}

const ARN_KEYS: Record<MappingSection, string> = { mapRoles: 'rolearn', mapUsers: 'userarn' };

/** Parses the ConfigMap text. Never throws: problems come back as located findings. */
export function parseAwsAuthConfigMap(text: string, file: string): ParsedAwsAuth {
  const result: ParsedAwsAuth = { file, mappings: [], accounts: [], notConvertible: [], findings: [] };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number): SourceLocation => {
    const pos = lines.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  const nodeAt = (node: Node | null | undefined, fallback = 0) => at(node?.range?.[0] ?? fallback);
  const error = (code: string, message: string, source: SourceLocation, fix?: string) =>
    result.findings.push({ severity: 'error', code, message, source, ...(fix ? { fix } : {}) });

  if (doc.errors.length > 0) {
    for (const e of doc.errors) error('AWS_AUTH_YAML_SYNTAX', firstLine(e.message), at(e.pos[0]), 'fix the YAML syntax (the file must be the output of `kubectl get configmap aws-auth -n kube-system -o yaml`)');
    return result;
  }
  const configMap = findConfigMap(doc.contents);
  if (!configMap) {
    error('AWS_AUTH_NOT_CONFIGMAP', 'the file is not a ConfigMap (expected a mapping with kind: ConfigMap)', nodeAt(doc.contents), 'export it with `kubectl get configmap aws-auth -n kube-system -o yaml > aws-auth.yaml`');
    return result;
  }
  const name = configMap.getIn(['metadata', 'name']);
  if (typeof name === 'string' && name !== 'aws-auth') {
    result.findings.push({ severity: 'warning', code: 'AWS_AUTH_UNEXPECTED_NAME', message: `the ConfigMap is named "${name}", not "aws-auth"`, source: nodeAt(configMap.getIn(['metadata', 'name'], true) as Node) });
  }
  const data = configMap.get('data', true);
  if (data === undefined || (isScalar(data) && data.value === null)) {
    error('AWS_AUTH_NO_DATA', 'the ConfigMap has no data: nothing to convert', nodeAt(configMap));
    return result;
  }
  if (!isMap(data)) {
    error('AWS_AUTH_INVALID', '`data` must be a mapping of mapRoles, mapUsers and mapAccounts', nodeAt(data as Node));
    return result;
  }
  for (const pair of data.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyAt = nodeAt(pair.key as Node);
    if (key !== 'mapRoles' && key !== 'mapUsers' && key !== 'mapAccounts') {
      result.notConvertible.push({ origin: 'configMap', subject: `data.${key}`, reason: `aws-auth key "${key}" has no access entry equivalent`, source: keyAt });
      continue;
    }
    const value = pair.value;
    if (!isScalar(value) || (typeof value.value !== 'string' && value.value !== null)) {
      error('AWS_AUTH_INVALID', `data.${key} must be a string holding a YAML list`, nodeAt(value as Node, keyAt ? 0 : 0), 'kubectl prints it as a block string (`|`); keep it that way');
      continue;
    }
    if (value.value === null || value.value === '') continue;
    parseSection(text, file, key, value as Scalar<string>, lines, result);
  }
  return result;
}

/** The ConfigMap itself, or the single ConfigMap item of a `kind: List` (kubectl get without a name). */
function findConfigMap(contents: unknown): YAMLMap | undefined {
  if (!isMap(contents)) return undefined;
  const kind = contents.get('kind');
  if (kind === 'ConfigMap') return contents;
  if (kind === 'List') {
    const items = contents.get('items', true);
    if (isSeq(items)) {
      const maps = items.items.filter((i): i is YAMLMap => isMap(i) && i.get('kind') === 'ConfigMap');
      return maps.find((m) => m.getIn(['metadata', 'name']) === 'aws-auth') ?? maps[0];
    }
    return undefined;
  }
  // `kind` missing: accept a bare mapping that has `data`, as users sometimes trim the output.
  return kind === undefined && contents.has('data') ? contents : undefined;
}

function parseSection(outer: string, file: string, section: 'mapRoles' | 'mapUsers' | 'mapAccounts', node: Scalar<string>, outerLines: LineCounter, result: ParsedAwsAuth): void {
  const toOuter = mapEmbeddedOffsets(outer, node);
  const at = (innerOffset: number): SourceLocation => {
    const pos = outerLines.linePos(toOuter(innerOffset));
    return { file, line: pos.line, column: pos.col };
  };
  const innerAt = (n: Node | null | undefined) => at(n?.range?.[0] ?? 0);
  const error = (code: string, message: string, source: SourceLocation, fix?: string) =>
    result.findings.push({ severity: 'error', code, message, source, ...(fix ? { fix } : {}) });

  const doc = parseDocument(node.value, { prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) error('AWS_AUTH_YAML_SYNTAX', `in data.${section}: ${firstLine(e.message)}`, at(e.pos[0]), `fix the YAML inside data.${section}`);
    return;
  }
  const list = doc.contents;
  if (list === null || (isScalar(list) && list.value === null)) return;
  if (!isSeq(list)) {
    error('AWS_AUTH_INVALID', `data.${section} must hold a YAML list`, innerAt(list as Node));
    return;
  }
  list.items.forEach((item, index) => {
    if (section === 'mapAccounts') {
      if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) {
        result.accounts.push({ value: String(item.value), source: innerAt(item) });
      } else {
        error('AWS_AUTH_INVALID', `data.mapAccounts[${index}] must be an account id`, innerAt(item as Node));
      }
      return;
    }
    if (!isMap(item)) {
      error('AWS_AUTH_INVALID', `data.${section}[${index}] must be a mapping with ${ARN_KEYS[section]}, username and groups`, innerAt(item as Node));
      return;
    }
    const mapping: RawMapping = { section, index, groups: [], source: innerAt(item) };
    for (const pair of item.items) {
      // The authenticator decodes these through JSON struct tags, which match keys case-insensitively.
      const key = isScalar(pair.key) ? String(pair.key.value).toLowerCase() : '';
      const value = pair.value as Node | null;
      const where = `data.${section}[${index}].${key}`;
      if (key === ARN_KEYS[section] || (key === 'rolearn' || key === 'userarn')) {
        if (isScalar(value) && typeof value.value === 'string') mapping.arn = { value: value.value.trim(), source: innerAt(value) };
        else error('AWS_AUTH_INVALID', `${where} must be a string ARN`, innerAt(value ?? (pair.key as Node)));
      } else if (key === 'username') {
        if (isScalar(value) && typeof value.value === 'string') mapping.username = { value: value.value, source: innerAt(value) };
        else if (!(isScalar(value) && value.value === null)) error('AWS_AUTH_INVALID', `${where} must be a string`, innerAt(value ?? (pair.key as Node)));
      } else if (key === 'groups') {
        if (isSeq(value)) {
          for (const g of value.items) {
            if (isScalar(g) && typeof g.value === 'string') mapping.groups.push({ value: g.value, source: innerAt(g) });
            else error('AWS_AUTH_INVALID', `${where} must list group names (strings)`, innerAt(g as Node));
          }
        } else if (!(isScalar(value) && value.value === null)) {
          error('AWS_AUTH_INVALID', `${where} must be a list of group names`, innerAt(value ?? (pair.key as Node)));
        }
      } else {
        result.findings.push({
          severity: 'warning',
          code: 'AWS_AUTH_IGNORED_KEY',
          message: `${where} is not an aws-auth field the migration understands; it is ignored`,
          source: innerAt(pair.key as Node),
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

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
