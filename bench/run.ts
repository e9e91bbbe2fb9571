/**
 * `npm run bench` (issue 6): generates the seeded synthetic data (bench/data/, git-ignored), measures the
 * command line and the engines in Node, then builds the site and measures it in headless Chromium under the
 * shared build lock, and writes bench/results/<date>.json and bench/results/<date>.md (table, ratios,
 * targets). Every Node measurement runs in its own process with a time limit, so one slow query costs its
 * limit, not the run.
 *
 *   npm run bench [-- --label <name>] [--skip-node] [--skip-browser] [--no-build] [--sizes province,national]
 *   npm run bench -- first-visit [--no-build]   # only issue 15's slow-line and offline visits (bench/offline.ts)
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { BENCH_DIR, generate, type GeneratedSize } from './generate';
import { REPO_DIR, runChild, runNodeTask } from './child';
import { renderMarkdown, summarise } from './report';
import { issue15Targets } from './speed-targets';
import { renderOfflineMarkdown } from './offline';
import type { SizeName } from './synthetic';

const args = process.argv.slice(2);
// `--resummarise <results.json>`: rewrite the summary and the Markdown of an earlier run (after report changes).
if (args[0] === '--resummarise') {
  const file = path.resolve(args[1]);
  const earlier = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete earlier.summary;
  const again = { ...summarise(earlier), speedTargets: issue15Targets(earlier) };
  const offline = earlier.offline as Parameters<typeof renderOfflineMarkdown>[0] | null | undefined;
  writeFileSync(file, JSON.stringify({ ...earlier, summary: again }, null, 2) + '\n');
  writeFileSync(
    file.replace(/\.json$/, '.md'),
    renderMarkdown(earlier, again) + (offline ? '\n' + renderOfflineMarkdown(offline) : '')
  );
  console.log(`rewrote ${file} and its .md`);
  process.exit(0);
}
const flag = (name: string) => args.includes(`--${name}`);
const firstVisitOnly = args[0] === 'first-visit';
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const sizes = (option('sizes')?.split(',') ?? ['province', 'national', 'national5']) as SizeName[];
const label = option('label');
const port = Number(option('port') ?? 4305);
const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** bench/offline.ts in its own process under the build lock (it builds unless `--no-build`). */
async function offlineBench(build: boolean): Promise<Record<string, unknown>> {
  const output = path.join(BENCH_DIR, 'data', `offline-${process.pid}-out.json`);
  mkdirSync(path.dirname(output), { recursive: true });
  log('first visit / offline: waiting for the build lock (/tmp/scoreboard-build.lock)…');
  const run = await runChild(
    'flock',
    [
      '/tmp/scoreboard-build.lock',
      process.execPath,
      '--import',
      'tsx',
      path.join(BENCH_DIR, 'offline-main.ts'),
      output,
      String(port),
      build ? 'build' : 'no-build'
    ],
    { timeoutMs: 900_000 }
  );
  process.stdout.write(
    run.stderr
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .join('\n') + '\n'
  );
  let result: Record<string, unknown>;
  try {
    result = JSON.parse(readFileSync(output, 'utf8')) as Record<string, unknown>;
  } catch {
    result = {
      error: `offline part failed: exit ${run.exitCode}${run.timedOut ? ' (timeout)' : ''}: ${run.stderr.slice(-1500)}`
    };
  }
  rmSync(output, { force: true });
  return result;
}

if (firstVisitOnly) {
  const offline = await offlineBench(!flag('no-build'));
  const stem = path.join(
    BENCH_DIR,
    'results',
    `${new Date().toISOString().slice(0, 10)}-${label ?? 'first-visit'}`
  );
  mkdirSync(path.dirname(stem), { recursive: true });
  const head = `# First visit and offline ${new Date().toISOString().slice(0, 16).replace('T', ' ')}\n\nCommit ${execSync('git rev-parse --short HEAD', { cwd: REPO_DIR, encoding: 'utf8' }).trim()} · ${cpus().length} × ${cpus()[0]?.model ?? '?'} · Node ${process.version}\n\n`;
  writeFileSync(`${stem}.json`, JSON.stringify({ date: new Date().toISOString(), offline }, null, 2) + '\n');
  const markdown = head + renderOfflineMarkdown(offline as Parameters<typeof renderOfflineMarkdown>[0]);
  writeFileSync(`${stem}.md`, markdown);
  log(`wrote ${path.relative(REPO_DIR, stem)}.json and .md`);
  console.log('\n' + markdown);
  process.exit(0);
}

// --- data ----------------------------------------------------------------------------------------------------
const generated: Partial<Record<SizeName, GeneratedSize>> = {};
for (const size of sizes) {
  generated[size] = await generate(size);
  log(
    `data ${size}: ${generated[size]!.lines} lines in ${generated[size]!.parts.length} file(s), ${(generated[size]!.bytes / 1e6).toFixed(1)} MB`
  );
}

// --- Node -----------------------------------------------------------------------------------------------------
const node: Record<string, unknown> = {};
async function task(key: string, taskArgs: string[], timeoutMs: number) {
  const outcome = await runNodeTask(taskArgs, timeoutMs);
  node[key] = outcome.ok ? outcome.result : { error: outcome.error, wallMs: outcome.wallMs };
  log(`node ${key}: ${outcome.ok ? 'ok' : outcome.error} (${(outcome.wallMs / 1000).toFixed(1)} s)`);
  return outcome.ok;
}

const cli: Record<string, unknown> = {};
if (!flag('skip-node')) {
  const has = (size: SizeName) => sizes.includes(size);
  // Baseline (b) and the app's reader; baseline (a) — national only (the ratios the team tracks).
  if (has('national')) await task('ingest.national', ['ingest', 'national'], 240_000);
  if (has('national')) await task('plain.national', ['plain', 'national'], 300_000);
  // The SQL on both engines: store, score every period, one period, league tables, switches.
  for (const engine of ['native', 'wasm']) {
    for (const size of sizes.filter((s) => s !== 'national5')) {
      await task(
        `engine.${engine}.${size}`,
        ['engine', engine, size],
        size === 'province' ? 120_000 : 240_000
      );
    }
  }
  // The proposed upload path (fast reader, staged commit, the period on screen first); five years on the
  // browser's engine.
  if (has('national'))
    for (const engine of ['native', 'wasm'])
      await task(`fast.${engine}.national`, ['fast', engine, 'national'], 300_000);
  if (has('national5')) await task('fast.wasm.national5', ['fast', 'wasm', 'national5'], 300_000);
  if (generated.national) {
    for (const engine of ['native', 'wasm'])
      await task(`pipeline.${engine}.national`, ['pipeline', engine, 'national'], 240_000);
    const cliFast = await runNodeTask(['cli-fast', 'national', 'FY2569'], 120_000);
    node['cliFast.national'] = cliFast.ok
      ? { ...(cliFast.result as object), wallMs: cliFast.wallMs }
      : { error: cliFast.error, wallMs: cliFast.wallMs };
    log(`node cli-fast national: ${cliFast.ok ? 'ok' : cliFast.error} (${cliFast.wallMs} ms wall)`);
    // The command line as a user runs it, start-up included: national file, whole fiscal year.
    const part = generated.national.parts[0];
    for (const engine of ['native', 'wasm']) {
      const runs = [];
      for (let i = 0; i < (engine === 'native' ? 2 : 1); i++) {
        const run = await runChild(
          'npm',
          [
            'run',
            '--silent',
            'score',
            '--',
            '--framework',
            part.frameworkFile,
            '--results',
            part.resultsFile,
            '--period',
            'FY2569',
            '--engine',
            engine
          ],
          { timeoutMs: 180_000 }
        );
        const lines = run.stdout.trim().split('\n').length;
        runs.push({
          ok: run.ok,
          wallMs: run.wallMs,
          exitCode: run.exitCode,
          timedOut: run.timedOut,
          csvLines: lines,
          stderrTail: run.ok ? undefined : run.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 400)
        });
        log(
          `cli ${engine}: ${run.ok ? 'ok' : `failed (${run.timedOut ? 'timeout' : `exit ${run.exitCode}`})`} ${run.wallMs} ms, ${lines} lines`
        );
      }
      cli[engine] = runs;
    }
  }
}

// --- Chromium ------------------------------------------------------------------------------------------------
let browser: Record<string, unknown> | null = null;
if (!flag('skip-browser')) {
  const tmp = path.join(BENCH_DIR, 'data', `browser-${process.pid}`);
  const input = `${tmp}-in.json`;
  const output = `${tmp}-out.json`;
  writeFileSync(
    input,
    JSON.stringify({ port, build: !flag('no-build'), sizes: generated, profileDir: option('profile') })
  );
  log('browser: waiting for the build lock (/tmp/scoreboard-build.lock)…');
  const run = await runChild(
    'flock',
    [
      '/tmp/scoreboard-build.lock',
      process.execPath,
      '--import',
      'tsx',
      path.join(BENCH_DIR, 'browser-main.ts'),
      input,
      output
    ],
    { timeoutMs: 1_200_000 }
  );
  process.stdout.write(
    run.stderr
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .join('\n') + '\n'
  );
  try {
    browser = JSON.parse(readFileSync(output, 'utf8')) as Record<string, unknown>;
  } catch {
    browser = {
      error: `browser part failed: exit ${run.exitCode}${run.timedOut ? ' (timeout)' : ''}: ${run.stderr.slice(-1500)}`
    };
  }
  rmSync(input, { force: true });
  rmSync(output, { force: true });
  log(`browser: ${browser.error ? String(browser.error).slice(0, 200) : 'done'}`);
}

// --- first visit on a slow line, repeat visit offline (issue 15) ------------------------------------------------
// The browser part has just built the site; this uses that build.
const offline = flag('skip-browser') ? null : await offlineBench(false);

// --- results --------------------------------------------------------------------------------------------------
const git = (command: string) => {
  try {
    return execSync(command, { cwd: REPO_DIR, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
};
const date = new Date().toISOString().slice(0, 10);
const results = {
  date: new Date().toISOString(),
  label: label ?? null,
  commit: git('git rev-parse --short HEAD'),
  dirty: (git('git status --porcelain') ?? '').length > 0,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryGb: Math.round(totalmem() / 1e9),
    node: process.version
  },
  sizes: Object.fromEntries(
    Object.entries(generated).map(([size, g]) => [
      size,
      { units: g!.units, files: g!.parts.length, lines: g!.lines, bytes: g!.bytes }
    ])
  ),
  node,
  cli,
  browser,
  offline,
  runMs: 0
};
results.runMs = Math.round(performance.now() - started);
const summary = { ...summarise(results), speedTargets: issue15Targets(results) };
const resultsDir = path.join(BENCH_DIR, 'results');
mkdirSync(resultsDir, { recursive: true });
const stem = path.join(resultsDir, label ? `${date}-${label}` : date);
writeFileSync(`${stem}.json`, JSON.stringify({ ...results, summary }, null, 2) + '\n');
writeFileSync(
  `${stem}.md`,
  renderMarkdown(results, summary) +
    (offline ? '\n' + renderOfflineMarkdown(offline as Parameters<typeof renderOfflineMarkdown>[0]) : '')
);
log(`wrote ${path.relative(REPO_DIR, stem)}.json and .md`);
console.log('\n' + readFileSync(`${stem}.md`, 'utf8'));
