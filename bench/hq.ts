/**
 * Headquarters' scale through the command line (issue 15.5): five national fiscal years (bench/generate.ts
 * `national5`, 878 districts × 25 KPIs × 12 months each, ≈ 263 000 rows a year) as Parquet, each year scored by
 * a real `tsx cli/score.ts` process on native DuckDB with `--parquet`, as README "Headquarters" says.
 * Writes bench/results/<date>-hq.md. Run: `npx tsx bench/hq.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openNodeNativeDb } from '../src/lib/db/node-native';
import { literal } from '../src/lib/sql/identifiers';
import { BENCH_DIR, DATA_DIR, generate } from './generate';
import { REPO_DIR } from './child';

interface YearRun {
  fiscalYear: number;
  rows: number;
  parquetMb: number;
  ms: number;
  peakMb: number;
  code: number;
}

async function toParquet(csv: string): Promise<{ file: string; rows: number }> {
  // Every column as text: the generated files hold cells a district might send (ไม่มีข้อมูล in a number
  // column) for the reader to reject, as it rejects them in a CSV.
  const file = csv.replace(/\.csv$/, '.parquet');
  const db = await openNodeNativeDb();
  try {
    if (!existsSync(file) || statSync(file).mtimeMs < statSync(csv).mtimeMs) {
      await db.exec(
        `COPY (SELECT * FROM read_csv(${literal(csv)}, all_varchar = true)) TO ${literal(file)} (FORMAT parquet)`
      );
    }
    const [{ rows }] = await db.query<{ rows: number }>(
      `SELECT count(*)::INTEGER AS rows FROM read_parquet(${literal(file)})`
    );
    return { file, rows };
  } finally {
    await db.close();
  }
}

function scoreYear(
  framework: string,
  parquet: string,
  fiscalYear: number,
  out: string
): Omit<YearRun, 'rows' | 'parquetMb'> {
  const started = performance.now();
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%M',
      'npx',
      'tsx',
      'cli/score.ts',
      '--framework',
      framework,
      '--results',
      parquet,
      '--period',
      `FY${fiscalYear}`,
      '--parquet',
      out
    ],
    { cwd: REPO_DIR, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
  );
  const ms = performance.now() - started;
  const peakKb = Number(run.stderr.trim().split('\n').at(-1));
  return { fiscalYear, ms, peakMb: peakKb / 1024, code: run.status ?? -1 };
}

const generated = await generate('national5');
const outRoot = path.join(DATA_DIR, 'hq-out');
rmSync(outRoot, { recursive: true, force: true });
const runs: YearRun[] = [];
for (const part of generated.parts) {
  const { file, rows } = await toParquet(part.resultsFile);
  const out = path.join(outRoot, String(part.fiscalYear));
  const run = scoreYear(part.frameworkFile, file, part.fiscalYear, out);
  runs.push({ ...run, rows, parquetMb: statSync(file).size / 1e6 });
  if (run.code !== 0) throw new Error(`FY${part.fiscalYear}: score exited ${run.code}`);
  console.log(
    `FY${part.fiscalYear}: ${rows} rows, ${(run.ms / 1000).toFixed(1)} s, peak ${run.peakMb.toFixed(0)} MB`
  );
}
const written = readdirSync(path.join(outRoot, String(runs[0].fiscalYear)));
const total = runs.reduce((sum, run) => sum + run.ms, 0);
const lines = [
  `# Headquarters: five national years through the command line (${new Date().toISOString().slice(0, 10)})`,
  '',
  'Each year: `npm run score -- --framework <year>.framework.json --results <year>.parquet --period FY<year> --parquet <folder>`',
  '(a real `tsx cli/score.ts` process, native DuckDB, 2 threads): read the Parquet file by the upload rules, score',
  `every period of the year, print the year's league table, write ${written.join(', ')}.`,
  '',
  '| fiscal year | rows in the file | Parquet MB | wall s | peak RSS MB |',
  '|---|---|---|---|---|',
  ...runs.map(
    (run) =>
      `| ${run.fiscalYear} | ${run.rows} | ${run.parquetMb.toFixed(1)} | ${(run.ms / 1000).toFixed(1)} | ${run.peakMb.toFixed(0)} |`
  ),
  `| **five years** | ${runs.reduce((sum, run) => sum + run.rows, 0)} | | **${(total / 1000).toFixed(1)}** | ${Math.max(...runs.map((r) => r.peakMb)).toFixed(0)} |`,
  ''
];
const resultsDir = path.join(BENCH_DIR, 'results');
mkdirSync(resultsDir, { recursive: true });
const report = path.join(resultsDir, `${new Date().toISOString().slice(0, 10)}-hq.md`);
writeFileSync(report, lines.join('\n'));
console.log(`written ${path.relative(REPO_DIR, report)}`);
