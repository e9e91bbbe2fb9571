/**
 * The browser half of the benchmark, run by bench/run.ts under the shared build lock
 * (`flock /tmp/scoreboard-build.lock …`): builds the site (unless `--no-build`), measures the built bundle,
 * then runs bench/browser.ts. Reads its input from and writes its result to the JSON files it is given.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { buildBaselinePage } from './baseline-page/build';
import { runBrowserBench } from './browser';
import { REPO_DIR } from './child';
import type { GeneratedSize } from './generate';
import type { StaticServer } from './server';

interface Input {
  port: number;
  build: boolean;
  sizes: Partial<Record<'province' | 'national' | 'national5', GeneratedSize>>;
  profileDir?: string;
}

const [inputFile, outputFile] = process.argv.slice(2);
const input = JSON.parse(readFileSync(inputFile, 'utf8')) as Input;
const log = (line: string) => process.stderr.write(line + '\n');
const buildDir = path.join(REPO_DIR, 'build');

let buildMs: number | null = null;
if (input.build) {
  const started = performance.now();
  const built = spawnSync('npm', ['run', 'build'], { cwd: REPO_DIR, encoding: 'utf8', maxBuffer: 64e6 });
  buildMs = Math.round(performance.now() - started);
  if (built.status !== 0) {
    writeFileSync(
      outputFile,
      JSON.stringify({ error: `npm run build failed: ${built.stderr.slice(-2000)}` })
    );
    process.exit(0);
  }
  log(`  build: ${buildMs} ms`);
}

/** gzip size of every JS file of the build, by where it is used. */
function bundleSizes() {
  const files = readdirSync(path.join(buildDir, '_app'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(js|css|wasm|woff2)$/.test(entry.name))
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      const raw = readFileSync(full);
      return {
        file: path.relative(buildDir, full),
        rawBytes: raw.length,
        gzipBytes: gzipSync(raw, { level: 9 }).length
      };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const sum = (filter: (file: string) => boolean) =>
    files
      .filter((f) => filter(f.file))
      .reduce((acc, f) => ({ raw: acc.raw + f.rawBytes, gzip: acc.gzip + f.gzipBytes }), { raw: 0, gzip: 0 });
  return {
    allJs: sum((f) => f.endsWith('.js')),
    duckdbWorkers: sum((f) => /duckdb-browser-.*\.worker/.test(f)),
    appJs: sum((f) => f.endsWith('.js') && !/duckdb-browser-.*\.worker/.test(f)),
    largest: files.slice(0, 12)
  };
}

const national = input.sizes.national;
let baselinePage: ((page: Page, server: StaticServer) => Promise<unknown>) | undefined;
let fiveYearsPage: ((page: Page, server: StaticServer) => Promise<unknown>) | undefined;
let extra: Record<string, { body: string | Buffer; type: string }> = {};
if (national) {
  const page = await buildBaselinePage(
    buildDir,
    national.parts[0].frameworkFile,
    national.parts[0].resultsFile,
    input.sizes.national5?.parts ?? []
  );
  if (page.fiveYears.length > 0) {
    fiveYearsPage = async (browserPage, server) => {
      await browserPage.goto(server.url + '/__bench/index.html');
      await browserPage.waitForFunction(
        () => typeof (window as unknown as Record<string, unknown>).__benchFiveYears === 'function'
      );
      return browserPage.evaluate(
        (config) =>
          (window as unknown as { __benchFiveYears: (c: unknown) => Promise<unknown> }).__benchFiveYears(
            config
          ),
        { parts: page.fiveYears, wasmUrl: page.wasmUrl, workerUrl: page.workerUrl }
      );
    };
  }
  extra = page.files;
  baselinePage = async (browserPage, server) => {
    await browserPage.goto(server.url + '/__bench/index.html');
    await browserPage.waitForFunction(
      () => typeof (window as unknown as Record<string, unknown>).__benchBaselines === 'function'
    );
    return browserPage.evaluate(
      (config) =>
        (window as unknown as { __benchBaselines: (c: unknown) => Promise<unknown> }).__benchBaselines(
          config
        ),
      {
        frameworkUrl: '/__bench/framework.json',
        resultsUrl: '/__bench/results.csv',
        wasmUrl: page.wasmUrl,
        workerUrl: page.workerUrl
      }
    );
  };
}

const results = await runBrowserBench({
  port: input.port,
  sizes: input.sizes,
  log,
  extra,
  baselinePage,
  fiveYearsPage,
  profileDir: input.profileDir
});
writeFileSync(outputFile, JSON.stringify({ buildMs, bundle: bundleSizes(), ...results }));
