/** Writes a manifest fragment as YAML text that reads like a hand-written manifest. */
import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import { MANIFEST_SCHEMA_URL } from '../manifest/schema.js';
import type { ManifestFragment } from './types.js';

/**
 * Editors that run yaml-language-server validate the file against the published schema. The
 * proposed files land in any directory (migration-path, --out), so the schema is named by URL.
 */
export const SCHEMA_HEADER = `yaml-language-server: $schema=${MANIFEST_SCHEMA_URL}`;

export interface RenderFragmentOptions {
  /** Comment lines written under the schema header (without `#`). */
  header?: string[];
  /** Comment lines written at the end of the file (without `#`), e.g. objects left unmanaged. */
  trailer?: string[];
  /** Comment lines above an access entry, by principal ARN. */
  entryComments?: Record<string, string[]>;
  /** Comment lines above an association, by `namespace/serviceAccount`. */
  associationComments?: Record<string, string[]>;
}

/** Fixed key order, so output is stable and diffs stay small. */
const KEY_ORDER = [
  'version', 'owner', 'clusters', 'name', 'region', 'accountId', 'assumeRoleArn', 'defaults',
  'podIdentityAssociations', 'namespace', 'serviceAccount', 'roleArn', 'roleName', 'role', 'path', 'managedPolicies', 'inlinePolicies',
  'permissionsBoundary', 'maxSessionDuration', 'description', 'targetRoleArn', 'disableSessionTags',
  'accessEntries', 'principalArn', 'type', 'kubernetesGroups', 'username', 'accessPolicies', 'policy', 'scope', 'namespaces',
  'addons', 'tags', 'prune',
];

export function renderManifestFragment(fragment: ManifestFragment, options: RenderFragmentOptions = {}): string {
  // The YAML 1.1 schema quotes strings that other YAML readers would take for dates or booleans ("2012-10-17", "yes").
  const doc = new Document(orderKeys(fragment) as object, { schema: 'yaml-1.1' });
  doc.commentBefore = [SCHEMA_HEADER, ...(options.header ?? [])].map(commentLine).join('\n');
  const root = doc.contents as YAMLMap;
  attachComments(root, 'accessEntries', (item) => options.entryComments?.[String(item.get('principalArn'))]);
  attachComments(root, 'podIdentityAssociations', (item) => options.associationComments?.[`${String(item.get('namespace'))}/${String(item.get('serviceAccount'))}`]);
  if (options.trailer && options.trailer.length > 0) doc.comment = options.trailer.map(commentLine).join('\n');
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

function commentLine(text: string): string {
  return text === '' ? '' : ` ${text}`;
}

function attachComments(root: YAMLMap, key: string, commentsFor: (item: YAMLMap) => string[] | undefined): void {
  const list = root.get(key, true);
  if (!isSeq(list)) return;
  for (const item of list.items) {
    if (!isMap(item)) continue;
    const lines = commentsFor(item);
    if (lines && lines.length > 0) item.commentBefore = lines.map(commentLine).join('\n');
  }
}

/** Deep copy with known keys first in KEY_ORDER, other keys (tags, policy documents) as they are. */
function orderKeys(value: unknown, inUserData = false): unknown {
  if (Array.isArray(value)) return value.map((v) => orderKeys(v, inUserData));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (!inUserData) {
    entries.sort(([a, va], [b, vb]) => rank(a, va) - rank(b, vb));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) out[k] = orderKeys(v, inUserData || k === 'tags' || k === 'policy' || k === 'inlinePolicies');
  return out;
}

function rank(key: string, value: unknown): number {
  // An item's cluster selector (a list of names) reads best last; the top-level list stays second.
  if (key === 'clusters' && Array.isArray(value) && value.every((v) => typeof v === 'string')) return KEY_ORDER.length + 1;
  const i = KEY_ORDER.indexOf(key);
  return i < 0 ? KEY_ORDER.length : i;
}
