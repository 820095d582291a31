/**
 * The hidden HTML comment that identifies the comments and issues this tool writes:
 * `<!-- eks-identity:KEY fingerprint=F clusters=NAME:F1,NAME:F2 -->`. KEY tells apart several
 * manifests (and plan from apply reports); F is the fingerprint of the plan the body shows, and
 * `clusters` each cluster's part of it (clusters[].fingerprint), which a job that applies only
 * some clusters compares.
 */
export interface Marker {
  key: string;
  fingerprint?: string;
  /** Cluster name → its part of the plan (a 12+ hex prefix is enough: fingerprintMatches). */
  clusters?: Record<string, string>;
}

const PREFIX = '<!-- eks-identity:';
const PATTERN = /<!-- eks-identity:(\S+)(?: fingerprint=([0-9A-Za-z_-]+))?(?: clusters=(\S+))? -->/;
/** Hex characters of each cluster's part kept in the marker: enough to name it (see FINGERPRINT_PREFIX_MIN). */
export const MARKER_CLUSTER_PREFIX = 12;

/**
 * Keys come from file paths and globs; anything that could end the HTML comment or break the
 * single-token form is percent-encoded so a key round-trips exactly.
 */
export function encodeMarkerKey(key: string): string {
  return key.replace(/[^A-Za-z0-9._/:@*?+=,-]/g, (c) => encodeURIComponent(c)).replace(/-(?=-)/g, '%2D');
}

export function formatMarker(marker: Marker): string {
  const fingerprint = marker.fingerprint ? ` fingerprint=${marker.fingerprint}` : '';
  const parts = Object.entries(marker.clusters ?? {}).map(([name, part]) => `${encodeClusterName(name)}:${part.slice(0, MARKER_CLUSTER_PREFIX)}`);
  const clusters = parts.length > 0 ? ` clusters=${parts.join(',')}` : '';
  return `${PREFIX}${encodeMarkerKey(marker.key)}${fingerprint}${clusters} -->`;
}

/** Names are percent-encoded so `:` and `,` stay separators and `--` cannot end the comment. */
function encodeClusterName(name: string): string {
  return encodeURIComponent(name).replace(/-(?=-)/g, '%2D');
}

function parseClusters(text: string): Record<string, string> | undefined {
  const entries: Array<[string, string]> = [];
  for (const item of text.split(',')) {
    const match = /^([^:]+):([0-9a-fA-F]+)$/.exec(item);
    if (!match) return undefined;
    try {
      entries.push([decodeURIComponent(match[1]!), match[2]!]);
    } catch {
      return undefined;
    }
  }
  // fromEntries defines own properties, so a name like __proto__ is data, not a prototype.
  return Object.fromEntries(entries);
}

/** The first marker in a body, or undefined. */
export function parseMarker(body: string | null | undefined): Marker | undefined {
  const match = PATTERN.exec(body ?? '');
  if (!match?.[1]) return undefined;
  let key: string;
  try {
    key = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  const clusters = match[3] === undefined ? undefined : parseClusters(match[3]);
  return { key, ...(match[2] ? { fingerprint: match[2] } : {}), ...(clusters ? { clusters } : {}) };
}

/** A body with its marker as the first line, the way GitHub still hides it in the rendering. */
export function withMarker(marker: Marker, body: string): string {
  return `${formatMarker(marker)}\n${body}`;
}
