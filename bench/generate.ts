/**
 * Writes the benchmark data into bench/data/ (git-ignored): per size a framework JSON and a results CSV.
 * Skips a size whose files were written by the same generator version and seed. Run alone with
 * `npx tsx bench/generate.ts`.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { frameworkToJson } from '../src/lib/ingest/framework-files';
import { SIZES, syntheticFramework, unitsOf, writeResults, type ResultsFileFacts, type SizeName } from './synthetic';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = path.join(BENCH_DIR, 'data');
/** Bump when the generated data changes, so that old files are regenerated. */
const GENERATOR_VERSION = 4;
export const SEED = 20_261_122;

export interface GeneratedSize {
  size: SizeName;
  frameworkId: string;
  frameworkFile: string;
  resultsFile: string;
  bytes: number;
  units: number;
  facts: ResultsFileFacts;
}

export async function generate(size: SizeName): Promise<GeneratedSize> {
  mkdirSync(DATA_DIR, { recursive: true });
  const spec = SIZES[size];
  const synthetic = syntheticFramework(spec);
  const frameworkFile = path.join(DATA_DIR, `${size}.framework.json`);
  const resultsFile = path.join(DATA_DIR, `${size}.csv`);
  const metaFile = path.join(DATA_DIR, `${size}.meta.json`);
  const units = unitsOf(spec).length;
  if (existsSync(metaFile) && existsSync(resultsFile) && existsSync(frameworkFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as GeneratedSize & { version: number; seed: number };
    if (meta.version === GENERATOR_VERSION && meta.seed === SEED && statSync(resultsFile).size === meta.bytes) {
      return { ...meta, frameworkFile, resultsFile };
    }
  }
  writeFileSync(frameworkFile, frameworkToJson(synthetic.framework));
  const stream = createWriteStream(resultsFile);
  let bytes = 0;
  const facts = writeResults(spec, synthetic, SEED + size.length, (chunk) => {
    bytes += Buffer.byteLength(chunk);
    stream.write(chunk);
  });
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  const generated: GeneratedSize = {
    size,
    frameworkId: synthetic.framework.id,
    frameworkFile,
    resultsFile,
    bytes,
    units,
    facts
  };
  writeFileSync(metaFile, JSON.stringify({ ...generated, version: GENERATOR_VERSION, seed: SEED }, null, 2));
  return generated;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const size of Object.keys(SIZES) as SizeName[]) {
    const started = performance.now();
    const generated = await generate(size);
    console.log(
      `${size}: ${generated.facts.lines} lines, ${(generated.bytes / 1e6).toFixed(1)} MB, ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s → ${path.relative(process.cwd(), generated.resultsFile)}`
    );
  }
}
