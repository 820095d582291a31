/**
 * The hidden HTML comment that identifies the comments and issues this tool writes:
 * `<!-- eks-identity:KEY fingerprint=F -->`. KEY tells apart several manifests (and plan from
 * apply reports); F is the fingerprint of the plan the body shows.
 */
export interface Marker {
  key: string;
  fingerprint?: string;
}

const PREFIX = '<!-- eks-identity:';
const PATTERN = /<!-- eks-identity:(\S+)(?: fingerprint=([0-9A-Za-z_-]+))? -->/;

/**
 * Keys come from file paths and globs; anything that could end the HTML comment or break the
 * single-token form is percent-encoded so a key round-trips exactly.
 */
export function encodeMarkerKey(key: string): string {
  return key.replace(/[^A-Za-z0-9._/:@*?+=,-]/g, (c) => encodeURIComponent(c)).replace(/-(?=-)/g, '%2D');
}

export function formatMarker(marker: Marker): string {
  const fingerprint = marker.fingerprint ? ` fingerprint=${marker.fingerprint}` : '';
  return `${PREFIX}${encodeMarkerKey(marker.key)}${fingerprint} -->`;
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
  return match[2] ? { key, fingerprint: match[2] } : { key };
}

/** A body with its marker as the first line, the way GitHub still hides it in the rendering. */
export function withMarker(marker: Marker, body: string): string {
  return `${formatMarker(marker)}\n${body}`;
}
