/**
 * Writes the benchmark data into bench/data/ (git-ignored): per size and fiscal year a framework JSON and a
 * results CSV. Skips files written by the same generator version and seed. Run alone with
 * `npx tsx bench/generate.ts`.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { frameworkToJson } from '../src/lib/ingest/framework-files';
import {
  SIZES,
  syntheticFramework,
  unitsOf,
  writeResults,
  type ResultsFileFacts,
  type SizeName
} from './synthetic';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = path.join(BENCH_DIR, 'data');
/** Bump when the generated data changes, so that old files are regenerated. */
const GENERATOR_VERSION = 5;
export const SEED = 20_261_122;

export interface GeneratedPart {
  fiscalYear: number;
  frameworkId: string;
  frameworkFile: string;
  resultsFile: string;
  bytes: number;
  facts: ResultsFileFacts;
}

export interface GeneratedSize {
  size: SizeName;
  units: number;
  /** One per fiscal year. */
  parts: GeneratedPart[];
  /** Data lines over all parts. */
  lines: number;
  bytes: number;
}

async function generatePart(size: SizeName, fiscalYear: number): Promise<GeneratedPart> {
  const spec = SIZES[size];
  const synthetic = syntheticFramework(spec, fiscalYear);
  const stem = spec.fiscalYears.length === 1 ? size : `${size}-${fiscalYear}`;
  const frameworkFile = path.join(DATA_DIR, `${stem}.framework.json`);
  const resultsFile = path.join(DATA_DIR, `${stem}.csv`);
  const metaFile = path.join(DATA_DIR, `${stem}.meta.json`);
  if (existsSync(metaFile) && existsSync(resultsFile) && existsSync(frameworkFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as GeneratedPart & {
      version: number;
      seed: number;
    };
    if (
      meta.version === GENERATOR_VERSION &&
      meta.seed === SEED &&
      statSync(resultsFile).size === meta.bytes
    ) {
      return { ...meta, frameworkFile, resultsFile };
    }
  }
  writeFileSync(frameworkFile, frameworkToJson(synthetic.framework));
  const stream = createWriteStream(resultsFile);
  let bytes = 0;
  const facts = writeResults(spec, synthetic, fiscalYear, SEED + size.length, (chunk) => {
    bytes += Buffer.byteLength(chunk);
    stream.write(chunk);
  });
  await new Promise<void>((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve()))
  );
  const part: GeneratedPart = {
    fiscalYear,
    frameworkId: synthetic.framework.id,
    frameworkFile,
    resultsFile,
    bytes,
    facts
  };
  writeFileSync(metaFile, JSON.stringify({ ...part, version: GENERATOR_VERSION, seed: SEED }, null, 2));
  return part;
}

export async function generate(size: SizeName): Promise<GeneratedSize> {
  mkdirSync(DATA_DIR, { recursive: true });
  const spec = SIZES[size];
  const parts: GeneratedPart[] = [];
  for (const fiscalYear of spec.fiscalYears) parts.push(await generatePart(size, fiscalYear));
  return {
    size,
    units: unitsOf(spec).length,
    parts,
    lines: parts.reduce((sum, part) => sum + part.facts.lines, 0),
    bytes: parts.reduce((sum, part) => sum + part.bytes, 0)
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const size of Object.keys(SIZES) as SizeName[]) {
    const started = performance.now();
    const generated = await generate(size);
    console.log(
      `${size}: ${generated.parts.length} file(s), ${generated.lines} lines, ${(generated.bytes / 1e6).toFixed(1)} MB, ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`
    );
  }
}
