/**
 * Golden files: the expected text is committed and reviewed. A missing file fails the test (it is
 * never written silently); UPDATE_FIXTURES=1 rewrites the files on purpose, to be reviewed in the diff.
 */
import { expect } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function expectGolden(actual: string, file: string): void {
  if (process.env.UPDATE_FIXTURES === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  if (!existsSync(file)) throw new Error(`golden file ${file} is missing: run the test with UPDATE_FIXTURES=1 to write it, then review it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
