/**
 * Files the CLI writes (`--out`, `--plan-out`). A path that cannot be written is a user error named
 * with its path and cause, found before any AWS call where it can be: a long plan must not be read
 * only to fail at its last step.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { EksIdentityError } from '../errors.js';

/** True when `path` is an existing directory. */
export async function isDirectory(cwd: string, path: string): Promise<boolean> {
  try {
    return (await stat(resolve(cwd, path))).isDirectory();
  } catch {
    return false;
  }
}

/** Refuses, before any work, an output path that names a directory. */
export async function checkOutputFile(cwd: string, path: string | undefined, option: string): Promise<void> {
  if (path !== undefined && (await isDirectory(cwd, path))) {
    throw new EksIdentityError('OUTPUT_UNWRITABLE', `${option} ${path} is a directory, not a file`, { fix: `give a file path, e.g. ${option} ${path.replace(/\/+$/, '')}/plan.json` });
  }
}

/** Writes `content` to `path`, creating missing parent directories. */
export async function writeOutputFile(cwd: string, path: string, content: string, option: string): Promise<void> {
  const target = resolve(cwd, path);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
    throw new EksIdentityError('OUTPUT_UNWRITABLE', `could not write ${option} ${path} (${reason})`, { fix: 'give a path in a directory you can write to', cause: err });
  }
}
