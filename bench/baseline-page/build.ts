/**
 * Bundles the baseline page (entry.ts) with esbuild into one script, and finds the built site's DuckDB-WASM
 * files for it. Returns the files to serve under /__bench/.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface BaselinePageFiles {
  files: Record<string, { body: string | Buffer; type: string }>;
  wasmUrl: string;
  workerUrl: string;
}

export async function buildBaselinePage(
  buildDir: string,
  frameworkFile: string,
  resultsFile: string,
  fiveYears: { frameworkFile: string; resultsFile: string }[] = []
): Promise<BaselinePageFiles & { fiveYears: { frameworkUrl: string; resultsUrl: string }[] }> {
  const bundle = await build({
    entryPoints: [path.join(here, 'entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'error'
  });
  const assets = path.join(buildDir, '_app', 'immutable', 'assets');
  const names = readdirSync(assets);
  const wasm = names.find((name) => /^duckdb-eh\..*\.wasm$/.test(name));
  const worker = names.find((name) => /^duckdb-browser-eh\.worker\..*\.js$/.test(name));
  if (!wasm || !worker) throw new Error('DuckDB-WASM files not found in the build');
  const extra: Record<string, { body: string | Buffer; type: string }> = {};
  const parts = fiveYears.map((part, i) => {
    extra[`/__bench/year${i}.json`] = { body: readFileSync(part.frameworkFile), type: 'application/json' };
    extra[`/__bench/year${i}.csv`] = { body: readFileSync(part.resultsFile), type: 'text/csv' };
    return { frameworkUrl: `/__bench/year${i}.json`, resultsUrl: `/__bench/year${i}.csv` };
  });
  return {
    fiveYears: parts,
    wasmUrl: `/_app/immutable/assets/${wasm}`,
    workerUrl: `/_app/immutable/assets/${worker}`,
    files: {
      '/__bench/index.html': {
        body: '<!doctype html><meta charset="utf-8"><title>bench</title><script src="/__bench/baseline.js"></script>',
        type: 'text/html; charset=utf-8'
      },
      '/__bench/baseline.js': {
        body: bundle.outputFiles[0].contents.length ? Buffer.from(bundle.outputFiles[0].contents) : '',
        type: 'text/javascript; charset=utf-8'
      },
      '/__bench/framework.json': { body: readFileSync(frameworkFile), type: 'application/json' },
      '/__bench/results.csv': { body: readFileSync(resultsFile), type: 'text/csv' },
      ...extra
    }
  };
}
