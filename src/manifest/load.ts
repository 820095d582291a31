import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { EksIdentityError } from '../errors.js';
import { checkFile } from './check-file.js';
import { sortDiagnostics } from './diagnostics.js';
import type { LoadedManifest } from './model.js';
import { mergeAndCheck } from './rules.js';
import { parseYamlSource } from './yaml-source.js';

export interface LoadOptions {
  /** Base for relative paths and for the file names in diagnostics (default: process.cwd()). */
  cwd?: string;
}

/**
 * Loads a manifest from a file, a directory (its *.yaml and *.yml files, sorted) or a glob
 * (`*`, `**`, `?`, `{a,b}`; see expandGlob), validates every file and merges them. Invalid manifests are returned with
 * their diagnostics (ok: false); only a path that matches nothing throws.
 */
export async function loadManifest(pathOrGlob: string, options: LoadOptions = {}): Promise<LoadedManifest> {
  const cwd = options.cwd ?? process.cwd();
  const files = await resolveManifestFiles(pathOrGlob, cwd);
  const texts = await Promise.all(files.map(async (file) => ({ file: path.relative(cwd, file) || file, text: await readFile(file, 'utf8') })));
  return parseManifestTexts(texts);
}

/** Validates manifest texts already in memory (pure: no file system). */
export function parseManifestTexts(texts: ReadonlyArray<{ file: string; text: string }>): LoadedManifest {
  const checked = texts.map(({ file, text }) => checkFile(parseYamlSource(text, file)));
  const { manifest, diagnostics } = mergeAndCheck(checked);
  const sorted = sortDiagnostics(diagnostics);
  return { files: texts.map((t) => t.file), manifest, diagnostics: sorted, ok: !sorted.some((d) => d.severity === 'error') };
}

/** Validates one manifest text. */
export function parseManifestText(text: string, file: string): LoadedManifest {
  return parseManifestTexts([{ file, text }]);
}

async function resolveManifestFiles(pattern: string, cwd: string): Promise<string[]> {
  const notFound = (detail: string) =>
    new EksIdentityError('MANIFEST_NOT_FOUND', `no manifest at ${pattern}: ${detail}`, {
      fix: 'pass --manifest with a YAML file, a directory of *.yaml files, or a glob such as "manifests/**/*.yaml"',
    });
  if (isDynamicPattern(pattern)) {
    const matches = await expandGlob(pattern, cwd);
    if (matches.length === 0) throw notFound('the pattern matches no file');
    return matches;
  }
  const absolute = path.resolve(cwd, pattern);
  const info = await stat(absolute).catch(() => undefined);
  if (!info) throw notFound('no such file or directory');
  if (info.isFile()) return [absolute];
  const named = (await readdir(absolute)).filter((name) => /\.ya?ml$/.test(name)).sort();
  // A subdirectory can be named like a manifest; stat follows symlinks to files.
  const isFile = await Promise.all(named.map((name) => stat(path.join(absolute, name)).then((s) => s.isFile(), () => false)));
  const entries = named.filter((_, i) => isFile[i]);
  if (entries.length === 0) throw notFound('the directory has no *.yaml or *.yml file');
  return entries.map((name) => path.join(absolute, name));
}

/**
 * Glob matching by tinyglobby (picomatch syntax: `*`, `**`, `?`, `[abc]`, `{a,b}`). Files and
 * directories whose name starts with a dot are matched only where the pattern spells the dot
 * (`.config/*.yaml`), as shells do; symbolic links are followed (a linked file or directory counts
 * as what it points to); node_modules and .git are never searched. Results sorted.
 */
async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const matches = await glob(pattern, {
    cwd,
    absolute: true,
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: true,
    expandDirectories: false,
    ignore: ['**/node_modules/**', '**/.git/**'],
  });
  return matches.map((m) => path.normalize(m)).sort();
}
