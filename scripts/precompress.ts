/**
 * Writes `<file>.br` (brotli, best quality) and `<file>.gz` (gzip -9) next to every compressible file of the
 * built site (see build-files.ts: the DuckDB WASM, JS, CSS, pages, the demo CSVs …), so a host sends the
 * compressed bytes without compressing on every request. Run after `vite build`:
 *
 *   tsx scripts/precompress.ts build
 *
 * adapter-static's own `precompress` option skips .csv (the demo data) and compresses with brotli's best
 * quality on every build: 80–90 s for each 34–39 MB DuckDB WASM on an idle core (9 minutes for both on a
 * busy 2-core machine). Here the compressed bytes of every file over 64 kB are kept in
 * ~/.cache/scoreboard-precompress/ (`SCOREBOARD_PRECOMPRESS_CACHE` to move it) under the SHA-256 of the file,
 * so the WASM, which only changes with the DuckDB-WASM version, is compressed once per machine (shared by
 * every checkout) and later builds take a few seconds.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  writeFileSync
} from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { buildFileType } from './build-files';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const CACHE_VERSION = 'v1';

export interface Compressed {
  file: string;
  rawBytes: number;
  brBytes: number;
  gzBytes: number;
  fromCache: boolean;
}

function compressibleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && buildFileType(entry.name)?.compress)
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function compressed(raw: Buffer, format: 'br' | 'gz', cacheDir: string | null) {
  const key = createHash('sha256').update(raw).digest('hex');
  const cached = cacheDir ? path.join(cacheDir, `${key}.${CACHE_VERSION}.${format}`) : null;
  if (cached && existsSync(cached)) return { bytes: readFileSync(cached), fromCache: true };
  const bytes =
    format === 'br'
      ? await brotli(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_LGWIN]: 24,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length
          }
        })
      : await gzipAsync(raw, { level: constants.Z_BEST_COMPRESSION });
  if (cached && raw.length >= 64 * 1024) {
    // Written whole or not at all (a build stopped half-way must not leave a short file in the cache).
    mkdirSync(cacheDir!, { recursive: true });
    writeFileSync(`${cached}.${process.pid}`, bytes);
    renameSync(`${cached}.${process.pid}`, cached);
  }
  return { bytes, fromCache: false };
}

/** Compresses every compressible file under `dir`; a compressed copy larger than the file is not written. */
export async function precompress(dir: string, cacheDir: string | null = null): Promise<Compressed[]> {
  const files = compressibleFiles(dir);
  // Large files first: they take longest, and zlib's thread pool runs them side by side.
  files.sort((a, b) => statSync(b).size - statSync(a).size);
  return Promise.all(
    files.map(async (file) => {
      const raw = readFileSync(file);
      const [br, gz] = await Promise.all([compressed(raw, 'br', cacheDir), compressed(raw, 'gz', cacheDir)]);
      for (const [format, result] of [
        ['br', br],
        ['gz', gz]
      ] as const) {
        if (result.bytes.length < raw.length) writeFileSync(`${file}.${format}`, result.bytes);
      }
      return {
        file: path.relative(dir, file),
        rawBytes: raw.length,
        brBytes: br.bytes.length,
        gzBytes: gz.bytes.length,
        fromCache: br.fromCache && gz.fromCache
      };
    })
  );
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const dir = path.resolve(process.argv[2] ?? 'build');
  const started = performance.now();
  const cacheDir = path.resolve(
    process.env.SCOREBOARD_PRECOMPRESS_CACHE ?? path.join(homedir(), '.cache', 'scoreboard-precompress')
  );
  const results = await precompress(dir, cacheDir);
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
  for (const result of results.filter((r) => r.rawBytes > 1e6))
    console.log(
      `  ${result.file}: ${mb(result.rawBytes)} → br ${mb(result.brBytes)}, gz ${mb(result.gzBytes)}${result.fromCache ? ' (cached)' : ''}`
    );
  console.log(
    `precompress: ${results.length} files in ${dir} (.br + .gz), ${((performance.now() - started) / 1000).toFixed(1)} s`
  );
}
