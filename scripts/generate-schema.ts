/**
 * Writes schema/manifest.schema.json from the zod definition of manifest v1.
 * `--check` compares instead of writing and exits 1 when the committed file is stale (CI).
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { manifestJsonSchema } from '../src/manifest/schema.js';

const target = fileURLToPath(new URL('../schema/manifest.schema.json', import.meta.url));
const text = `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`;

if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => '');
  if (committed !== text) {
    console.error('schema/manifest.schema.json is stale: run "npm run schema" and commit the result');
    process.exit(1);
  }
  console.log('schema/manifest.schema.json is up to date');
} else {
  await mkdir(fileURLToPath(new URL('../schema/', import.meta.url)), { recursive: true });
  await writeFile(target, text);
  console.log(`wrote ${target}`);
}
