/**
 * Writes static/demo/<framework id>.csv for every built-in framework (seeded: same files every run).
 * Run by `npm run gen` (part of `npm run build`); the files are committed so the command line's `--demo`
 * works on a fresh clone, and scripts/demo-data.test.ts checks they match this generator.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_FRAMEWORKS, demoFileName } from '../src/lib/frameworks/builtin';
import { demoResultsCsv } from './demo-data';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folder = path.join(root, 'static', 'demo');
await mkdir(folder, { recursive: true });
for (const framework of BUILTIN_FRAMEWORKS) {
  const file = path.join(folder, demoFileName(framework.id));
  const text = demoResultsCsv(framework);
  const before = await readFile(file, 'utf8').catch(() => null);
  if (before !== text) await writeFile(file, text);
  console.log(
    `${path.relative(root, file)}: ${text.split('\n').length - 2} rows${before === text ? ' (unchanged)' : ''}`
  );
}
