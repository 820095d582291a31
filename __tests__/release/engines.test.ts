import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

/**
 * npm prints EBADENGINE when a locked package's engines.node does not admit the running Node.
 * package.json promises a range; every version CI runs on, and the lowest one promised, must be
 * admitted by every package `npm ci` installs.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean; optional?: boolean; os?: string[] }>;
};

/** The lowest version of each `||` branch of the engines range: 22.13.0 and 24.0.0 for `^22.13.0 || >=24`. */
const supported = pkg.engines.node.split('||').map((range) => semver.minVersion(range.trim())!.version);

function refusing(version: string, runtimeOnly: boolean): string[] {
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && !(runtimeOnly && entry.dev))
    .filter(([, entry]) => {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      return range !== undefined && !semver.satisfies(version, range);
    })
    .map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')} (${(entry.engines as { node: string }).node})`);
}

describe('supported Node versions', () => {
  it('GIVEN package.json engines THEN it supports only maintained lines (not Node 20)', () => {
    expect(supported).toEqual(['22.13.0', '24.0.0']);
    expect(semver.satisfies('20.20.2', pkg.engines.node)).toBe(false);
  });

  it.each(supported)('GIVEN Node %s THEN npm ci installs no package whose engines refuse it', (version) => {
    expect(refusing(version, false)).toEqual([]);
  });

  it('GIVEN Node 20 THEN a runtime dependency refuses it, which is why it is not supported', () => {
    expect(refusing('20.20.2', true)).toContainEqual(expect.stringMatching(/^content-type /));
  });
});
