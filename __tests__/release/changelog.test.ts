import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { changelogSection, checkRelease, compareVersions, lintChangelog } from '../../scripts/release.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');

const released = `# Changelog

## [Unreleased]

### Fixed

- Something after 1.1.0.

## [1.1.0] - 2027-01-15

### Added

- The clusters command.

## [1.0.0] - 2026-12-10

### Added

- First release.

[Unreleased]: https://github.com/eks-identity/eks-identity/compare/v1.1.0...HEAD
[1.1.0]: https://github.com/eks-identity/eks-identity/compare/v1.0.0...v1.1.0
[1.0.0]: https://github.com/eks-identity/eks-identity/releases/tag/v1.0.0
`;

describe('CHANGELOG.md', () => {
  it('GIVEN the committed changelog THEN it has the Keep a Changelog layout', () => {
    expect(lintChangelog(changelog)).toEqual([]);
  });

  it('GIVEN a changelog with a misnamed section, an undated version and versions out of order THEN each is reported', () => {
    const bad = released.replace('### Added\n\n- The clusters', '### New\n\n- The clusters').replace('## [1.0.0] - 2026-12-10', '## [1.2.0]');
    const problems = lintChangelog(bad);
    expect(problems).toContainEqual(expect.stringContaining('"### New" is not one of'));
    expect(problems).toContainEqual(expect.stringContaining('"## [1.2.0]" is not "## [X.Y.Z] - YYYY-MM-DD"'));
    expect(lintChangelog(released.replace('## [1.0.0] - 2026-12-10', '## [1.3.0] - 2026-12-10').replace('[1.0.0]:', '[1.3.0]:'))).toEqual([
      'CHANGELOG.md: 1.1.0 is listed above 1.3.0 but is not newer',
    ]);
  });

  it('GIVEN a version THEN its notes are its own section only', () => {
    expect(changelogSection(released, '1.1.0')).toBe('### Added\n\n- The clusters command.\n');
    expect(changelogSection(released, '1.0.0')).toBe('### Added\n\n- First release.\n');
    expect(changelogSection(released, '9.9.9')).toBeUndefined();
  });
});

describe('release checks', () => {
  const ready = { version: '1.1.0', packageVersion: '1.1.0', changelog: released, tags: ['v1.0.0', 'v1'] };

  it('GIVEN a version that is ready THEN the plan moves its major tag and publishes as latest', () => {
    expect(checkRelease(ready)).toEqual({ problems: [], plan: { major: 'v1', prerelease: false, npmTag: 'latest' } });
  });

  it('GIVEN a pre-release THEN it does not become latest', () => {
    const rc = released.replace('## [1.1.0] - 2027-01-15', '## [2.0.0-rc.1] - 2027-01-15').replace('[1.1.0]:', '[2.0.0-rc.1]:');
    expect(checkRelease({ ...ready, version: '2.0.0-rc.1', packageVersion: '2.0.0-rc.1', changelog: rc }).plan).toEqual({ major: 'v2', prerelease: true, npmTag: 'next' });
  });

  it('GIVEN a version that is not ready THEN every reason is listed and there is no plan', () => {
    const result = checkRelease({ version: '1.2.0', packageVersion: '1.1.0', changelog: released, tags: ['v1.2.0'] });
    expect(result.plan).toBeUndefined();
    expect(result.problems).toEqual([
      'package.json has version 1.1.0: run "npm version 1.2.0 --no-git-tag-version" and merge it first',
      'tag v1.2.0 already exists: this version was released',
      'CHANGELOG.md has no "## [1.2.0] - YYYY-MM-DD" section: move the Unreleased entries under it',
    ]);
    expect(checkRelease({ ...ready, version: 'v1.1', packageVersion: 'v1.1' }).problems[0]).toBe('"v1.1" is not a semantic version (X.Y.Z or X.Y.Z-pre.N)');
  });

  it('GIVEN the committed changelog THEN no version is releasable until its Unreleased entries get a dated section', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const result = checkRelease({ version: pkg.version, packageVersion: pkg.version, changelog, tags: [] });
    expect(result.problems).toContainEqual(expect.stringContaining(`no "## [${pkg.version}] - YYYY-MM-DD" section`));
  });

  it('GIVEN versions THEN they order as semver does', () => {
    expect(['1.0.0', '1.0.0-rc.1', '0.9.12', '1.10.0', '1.2.0'].sort(compareVersions)).toEqual(['0.9.12', '1.0.0-rc.1', '1.0.0', '1.2.0', '1.10.0']);
  });
});
