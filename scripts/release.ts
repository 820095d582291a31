/**
 * Release checks for .github/workflows/release.yml (docs/releasing.md):
 *   tsx scripts/release.ts check X.Y.Z   prints major=, prerelease=, npm-tag= (GITHUB_OUTPUT lines)
 *                                        or lists every reason the version is not ready; exit 1
 *   tsx scripts/release.ts notes X.Y.Z   prints that version's CHANGELOG.md section (release notes)
 *   tsx scripts/release.ts lint          checks CHANGELOG.md against the Keep a Changelog layout
 * The rules are pure functions so the tests exercise them on text, without git or the network.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// semver 2.0.0 core with an optional pre-release (no build metadata: npm ignores it).
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?$/;
const VERSION_HEADING = /^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?\s*$/;
/** The section kinds Keep a Changelog 1.1.0 defines. */
const KINDS = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'];

export interface ReleaseFacts {
  version: string;
  packageVersion: string;
  changelog: string;
  /** Tags that already exist (`git tag --list`). */
  tags: readonly string[];
}

export interface ReleasePlan {
  /** The major tag the release moves (`v1`), which `uses: …@v1` follows. */
  major: string;
  prerelease: boolean;
  /** npm dist-tag: pre-releases must not become `latest`. */
  npmTag: 'latest' | 'next';
}

/** Every reason `version` cannot be released, or the plan for releasing it. */
export function checkRelease(facts: ReleaseFacts): { problems: string[]; plan?: ReleasePlan } {
  const problems: string[] = [];
  const match = SEMVER.exec(facts.version);
  if (!match) problems.push(`"${facts.version}" is not a semantic version (X.Y.Z or X.Y.Z-pre.N)`);
  if (facts.packageVersion !== facts.version) {
    problems.push(`package.json has version ${facts.packageVersion}: run "npm version ${facts.version} --no-git-tag-version" and merge it first`);
  }
  if (facts.tags.includes(`v${facts.version}`)) problems.push(`tag v${facts.version} already exists: this version was released`);
  const heading = findVersionHeading(facts.changelog, facts.version);
  if (!heading) {
    problems.push(`CHANGELOG.md has no "## [${facts.version}] - YYYY-MM-DD" section: move the Unreleased entries under it`);
  } else if (!heading.date) {
    problems.push(`CHANGELOG.md section [${facts.version}] has no release date ("## [${facts.version}] - YYYY-MM-DD")`);
  } else if ((changelogSection(facts.changelog, facts.version) ?? '').trim() === '') {
    problems.push(`CHANGELOG.md section [${facts.version}] is empty`);
  }
  problems.push(...lintChangelog(facts.changelog));
  if (problems.length > 0 || !match) return { problems };
  const prerelease = match[4] !== undefined;
  return { problems, plan: { major: `v${match[1]}`, prerelease, npmTag: prerelease ? 'next' : 'latest' } };
}

function findVersionHeading(changelog: string, version: string): { date?: string } | undefined {
  for (const line of changelog.split('\n')) {
    const m = VERSION_HEADING.exec(line);
    if (m && m[1] === version) return m[2] ? { date: m[2] } : {};
  }
  return undefined;
}

/** The body of one version's section (without its heading), or undefined when absent. */
export function changelogSection(changelog: string, version: string): string | undefined {
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => VERSION_HEADING.exec(line)?.[1] === version);
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  // The section ends at the next version heading or at the link references at the bottom.
  const end = rest.findIndex((line) => line.startsWith('## ') || /^\[[^\]]+\]: /.test(line));
  return `${(end < 0 ? rest : rest.slice(0, end)).join('\n').trim()}\n`;
}

/** Keep a Changelog layout: title, Unreleased first, dated versions newest first, known kinds, links. */
export function lintChangelog(changelog: string): string[] {
  const problems: string[] = [];
  const lines = changelog.split('\n');
  if (lines[0] !== '# Changelog') problems.push('CHANGELOG.md must start with "# Changelog"');
  const headings = lines.filter((line) => line.startsWith('## '));
  if (headings[0] !== '## [Unreleased]') problems.push('CHANGELOG.md: the first section must be "## [Unreleased]"');
  const versions: string[] = [];
  for (const heading of headings.slice(1)) {
    const m = VERSION_HEADING.exec(heading);
    if (!m || !SEMVER.test(m[1]!) || !m[2]) problems.push(`CHANGELOG.md: "${heading}" is not "## [X.Y.Z] - YYYY-MM-DD"`);
    else versions.push(m[1]!);
  }
  for (let i = 1; i < versions.length; i += 1) {
    if (compareVersions(versions[i - 1]!, versions[i]!) <= 0) problems.push(`CHANGELOG.md: ${versions[i - 1]} is listed above ${versions[i]} but is not newer`);
  }
  for (const line of lines.filter((l) => l.startsWith('### '))) {
    if (!KINDS.includes(line.slice(4).trim())) problems.push(`CHANGELOG.md: "${line}" is not one of ${KINDS.map((k) => `### ${k}`).join(', ')}`);
  }
  for (const name of ['Unreleased', ...versions]) {
    if (!lines.some((line) => line.startsWith(`[${name}]: https://`))) problems.push(`CHANGELOG.md: no link reference "[${name}]: https://…"`);
  }
  return problems;
}

/** Orders X.Y.Z[-pre] versions; a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core, pre] = v.split(/-(.*)/s);
    return { nums: core!.split('.').map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i += 1) if (x.nums[i] !== y.nums[i]) return x.nums[i]! - y.nums[i]!;
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

function main(argv: string[]): number {
  const [command, version] = argv;
  const root = fileURLToPath(new URL('../', import.meta.url));
  const changelog = readFileSync(`${root}CHANGELOG.md`, 'utf8');
  if (command === 'lint') {
    const problems = lintChangelog(changelog);
    for (const p of problems) console.error(p);
    return problems.length === 0 ? 0 : 1;
  }
  if ((command !== 'check' && command !== 'notes') || !version) {
    console.error('usage: tsx scripts/release.ts check|notes X.Y.Z  |  tsx scripts/release.ts lint');
    return 2;
  }
  if (command === 'notes') {
    const section = changelogSection(changelog, version);
    if (section === undefined) {
      console.error(`CHANGELOG.md has no section for ${version}`);
      return 1;
    }
    process.stdout.write(section);
    return 0;
  }
  const packageVersion = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version;
  const tags = execFileSync('git', ['tag', '--list'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  const { problems, plan } = checkRelease({ version, packageVersion, changelog, tags });
  if (!plan) {
    for (const p of problems) console.error(`not ready: ${p}`);
    return 1;
  }
  process.stdout.write(`major=${plan.major}\nprerelease=${plan.prerelease}\nnpm-tag=${plan.npmTag}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
