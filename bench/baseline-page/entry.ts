/**
 * The benchmark's own page (served at /__bench/ next to the built site, bundled by bench/baseline-page/build.ts):
 * the baselines of issue 6 run in the same Chromium as the app, on the same file —
 *   (a) the plain-TypeScript scorer over rows parsed by the app's reader vs the SQL on DuckDB-WASM;
 *   (b) PapaParse vs DuckDB's own CSV reader;
 * plus the SQL scoring query alone and a period's league table, which the UI cannot time on their own.
 * DuckDB-WASM is started here the way src/lib/db/browser.ts starts it, from the built site's WASM and worker,
 * with file registration added (the app's `Db` has none).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import {
  ENGINE_SETUP_SQL,
  plainValue,
  rowsToCsv,
  type Db,
  type Row,
  type SqlValue
} from '../../src/lib/db/types';
import { periodsOfFramework } from '../../src/lib/domain/periods';
import { BUILTIN_FRAMEWORKS, demoFileName } from '../../src/lib/frameworks/builtin';
import { readResultsText } from '../../src/lib/ingest/results';
import { parseCsv } from '../../src/lib/ingest/csv';
import { decodeText } from '../../src/lib/ingest/decode';
import { readFrameworkJson } from '../../src/lib/ingest/framework-files';
import { readResultsFile } from '../../src/lib/ingest/read-file';
import { plainScore } from '../plain-scorer';
import { Workspace, frameworkUnitIds, resolveFrameworkUnit } from '../../src/lib/scoring/workspace';
import { ident, readRegisteredCsv } from '../../src/lib/sql/identifiers';
import { timing } from '../stats';
import { fastPipelines } from './fast';

export interface BaselineConfig {
  frameworkUrl: string;
  resultsUrl: string;
  wasmUrl: string;
  workerUrl: string;
}

type ArrowTable = { toArray(): { toJSON(): Record<string, unknown> }[] };

function toRows<T extends Row>(table: ArrowTable): T[] {
  return table.toArray().map((row) => {
    const object = row.toJSON();
    for (const key of Object.keys(object)) object[key] = plainValue(object[key]);
    return object as T;
  });
}

export interface BenchDb extends Db {
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
}

async function openDb(config: BaselineConfig): Promise<BenchDb> {
  const worker = new Worker(config.workerUrl);
  const database = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await database.instantiate(config.wasmUrl);
  await database.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const connection = await database.connect();
  for (const statement of ENGINE_SETUP_SQL) await connection.query(statement);
  let counter = 0;
  return {
    engine: 'duckdb-wasm',
    async exec(sql: string) {
      await connection.query(sql);
    },
    async query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]) {
      if (!params || params.length === 0) return toRows<T>(await connection.query(sql));
      const statement = await connection.prepare(sql);
      try {
        return toRows<T>(await statement.query(...params));
      } finally {
        await statement.close();
      }
    },
    async insertRows(table, columns, rows) {
      if (rows.length === 0) return;
      const name = `insert_${++counter}.csv`;
      await database.registerFileText(name, rowsToCsv(columns, rows));
      try {
        const names = columns.map((column) => ident(column.name)).join(', ');
        await connection.query(
          `INSERT INTO ${ident(table)} (${names}) SELECT * FROM ${readRegisteredCsv(name, columns)}`
        );
      } finally {
        await database.dropFile(name);
      }
    },
    async registerFile(name, bytes) {
      await database.registerFileBuffer(name, bytes);
    },
    async dropFile(name) {
      await database.dropFile(name);
    },
    async close() {
      await connection.close();
      await database.terminate();
    }
  };
}

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const started = performance.now();
  const value = await fn();
  return [Math.round((performance.now() - started) * 10) / 10, value];
}

async function repeat<T>(n: number, fn: () => Promise<T> | T) {
  const samples: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < n; i++) {
    const [ms, value] = await time(fn);
    samples.push(ms);
    last = value;
  }
  return { timing: timing(samples), last: last as T };
}

/** Scores periods again, as after a change of results: all pending, then those asked for. */
async function rescore(workspace: Workspace, frameworkId: string, periods: string[] | 'all') {
  await workspace.invalidateScores(frameworkId);
  await workspace.ensure(frameworkId, periods);
}

/** What the app does on a cold start once DuckDB is up (session.build): the five built-in frameworks with their demo data. */
async function startup(config: BaselineConfig, lazy: boolean) {
  const [openMs, db] = await time(() => openDb(config));
  const [workspaceMs, workspace] = await time(() => Workspace.open(db));
  const steps = { putFrameworkMs: 0, fetchMs: 0, readMs: 0, putResultsMs: 0, scoreMs: 0 };
  for (const framework of BUILTIN_FRAMEWORKS) {
    steps.putFrameworkMs += (await time(() => workspace.putFramework(framework)))[0];
    const [fetchMs, text] = await time(async () =>
      (await fetch(`/demo/${demoFileName(framework.id)}`)).text()
    );
    steps.fetchMs += fetchMs;
    const [readMs, report] = await time(() =>
      readResultsText(demoFileName(framework.id), text, { framework })
    );
    steps.readMs += readMs;
    steps.putResultsMs += (await time(() => workspace.commit(framework.id, report.rows)))[0];
  }
  const first = BUILTIN_FRAMEWORKS[0];
  const shown = periodsOfFramework(first.fiscalYear, first.period).at(-1)!;
  if (lazy) {
    // The proposed start: only the table on screen is scored before it is shown; the rest follows.
    steps.scoreMs += (await time(() => workspace.ensure(first.id, [shown.id])))[0];
  } else {
    for (const framework of BUILTIN_FRAMEWORKS)
      steps.scoreMs += (await time(() => workspace.ensure(framework.id, 'all')))[0];
  }
  const [leagueMs] = await time(() => workspace.leagueTable(first.id, shown.id));
  await db.close();
  const round = (n: number) => Math.round(n);
  const total = openMs + workspaceMs + Object.values(steps).reduce((a, b) => a + b, 0) + leagueMs;
  return {
    openMs: round(openMs),
    workspaceMs: round(workspaceMs),
    ...Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, round(v)])),
    leagueMs: round(leagueMs),
    totalMs: round(total)
  };
}

async function run(config: BaselineConfig) {
  const startupSteps = await startup(config, false);
  const startupLazy = await startup(config, true);
  const frameworkText = await (await fetch(config.frameworkUrl)).text();
  const framework = readFrameworkJson('framework.json', frameworkText, {
    resolveUnit: (name, fw) => resolveFrameworkUnit(fw, name) !== null
  }).framework!;
  const bytes = new Uint8Array(await (await fetch(config.resultsUrl)).arrayBuffer());
  const periods = periodsOfFramework(framework.fiscalYear, framework.period);
  const units = frameworkUnitIds(framework);
  const resolve = (name: string) => resolveFrameworkUnit(framework, name);
  const file = { name: 'results.csv', bytes };
  const out: Record<string, unknown> = { bytes: bytes.length, startup: startupSteps, startupLazy };

  // (b) parsing: PapaParse (the app's CSV wrapper) and the app's reader (PapaParse + validation → rows).
  const decoded = await repeat(3, () => decodeText(bytes));
  out.decode = decoded.timing;
  out.papaparse = (await repeat(3, () => parseCsv(decoded.last.text))).timing;
  const reader = await repeat(2, () => readResultsFile(file, { framework }));
  out.appReader = { ...reader.timing, rows: reader.last.rows.length, rejected: reader.last.rejected.length };
  const rows = reader.last.rows;

  // (a) the plain-TypeScript scorer over the parsed rows, every period; and file → scores with it.
  out.plainScoreAll = (await repeat(2, () => plainScore(framework, rows, periods, units, resolve))).timing;
  const [plainFileToTable] = await time(async () => {
    const read = await readResultsFile(file, { framework });
    const scores = plainScore(framework, read.rows, periods, units, resolve);
    return scores.get(periods[periods.length - 1].id)!.get('*')!.length;
  });
  out.plainFileToScores = plainFileToTable;

  // DuckDB-WASM: start, its CSV reader on the registered file, then the SQL scoring.
  const [startMs, db] = await time(() => openDb(config));
  out.duckdbStartMs = startMs;
  await db.registerFile('results.csv', bytes.slice()); // DuckDB-WASM takes the buffer over
  const readCsv = (typed: boolean) =>
    db.exec(
      `CREATE OR REPLACE TABLE csv_read AS SELECT * FROM read_csv('results.csv', header = true${typed ? '' : ', all_varchar = true'})`
    );
  const [readCsvColdMs] = await time(() => readCsv(false));
  const warm = (await repeat(3, () => readCsv(false))).timing;
  let typed: unknown;
  try {
    typed = (await repeat(2, () => readCsv(true))).timing;
  } catch (error) {
    typed = { error: String(error).split('\n')[0].slice(0, 200) };
  }
  out.duckdbReadCsv = { coldMs: readCsvColdMs, warm, typed };
  await db.exec('DROP TABLE csv_read');
  await db.dropFile('results.csv');

  const workspace = await Workspace.open(db);
  await workspace.putFramework(framework);
  const [putResultsMs] = await time(() => workspace.commit(framework.id, rows));
  out.putResultsMs = putResultsMs;
  const [firstScoreMs] = await time(() => workspace.ensure(framework.id, 'all'));
  out.sqlScoreAllFirstMs = firstScoreMs;
  // Repeat only when it is not minutes long (the page has a time limit).
  out.sqlScoreAll =
    firstScoreMs > 20_000
      ? timing([firstScoreMs])
      : (await repeat(2, () => rescore(workspace, framework.id, 'all'))).timing;
  const scoreOne: Record<string, unknown> = {};
  for (const period of [periods[periods.length - 1], periods[0]]) {
    scoreOne[period.id] = (await repeat(5, () => rescore(workspace, framework.id, [period.id]))).timing;
  }
  out.sqlScoreOnePeriod = scoreOne;
  await workspace.ensure(framework.id, 'all');
  out.leagueTable = (
    await repeat(5, () => workspace.leagueTable(framework.id, periods[periods.length - 1].id))
  ).timing;
  out.fast = await fastPipelines({ db, workspace, framework, bytes, periods });
  const [{ results }] = await db.query<{ results: number }>(
    'SELECT count(*)::INTEGER AS results FROM results'
  );
  out.storedResults = results;
  await db.close();
  return out;
}

(window as unknown as { __benchBaselines: typeof run }).__benchBaselines = run;

export interface FiveYearsConfig {
  parts: { frameworkUrl: string; resultsUrl: string }[];
  wasmUrl: string;
  workerUrl: string;
}

/**
 * Five years of national results (≈ 1.3M) through the proposed upload path, one framework and file per year:
 * each year's table appears after its file is read, committed and its year scored (the other periods after).
 * Fetching the files is not timed (in the app they come from the user's disk).
 */
async function fiveYears(config: FiveYearsConfig) {
  const db = await openDb({ ...config, frameworkUrl: '', resultsUrl: '' });
  const workspace = await Workspace.open(db);
  const { readResultsFast } = await import('../../src/lib/ingest/fast-results');
  const { STAGED_RESULTS, createStagedResultsSql } = await import('../../src/lib/sql/results-import');
  const files = {
    async registerFile(name: string, data: Uint8Array) {
      await db.registerFile(name, data);
      return name;
    },
    async dropFile(name: string) {
      await db.dropFile(name);
    }
  };
  const years: Record<string, number>[] = [];
  let loadAndRankMs = 0;
  for (const part of config.parts) {
    const framework = readFrameworkJson(
      'framework.json',
      await (await fetch(part.frameworkUrl)).text()
    ).framework!;
    const bytes = new Uint8Array(await (await fetch(part.resultsUrl)).arrayBuffer());
    const started = performance.now();
    await workspace.putFramework(framework);
    await db.exec(createStagedResultsSql());
    const report = await readResultsFast(
      db,
      files,
      { name: 'results.csv', bytes },
      { framework, table: STAGED_RESULTS }
    );
    const readAt = performance.now();
    await workspace.commit(framework.id, { table: STAGED_RESULTS });
    const shown = periodsOfFramework(framework.fiscalYear, framework.period).at(-1)!;
    await workspace.ensure(framework.id, [shown.id]);
    const table = await workspace.leagueTable(framework.id, shown.id);
    const tableAt = performance.now();
    if (table.rows.length !== 878) throw new Error('five years: a league table is not complete');
    loadAndRankMs += tableAt - started;
    years.push({
      readMs: Math.round(readAt - started),
      afterReadMs: Math.round(tableAt - readAt),
      fileToTableMs: Math.round(tableAt - started),
      rows: report.rowCount,
      ...Object.fromEntries(Object.entries(report.phases).map(([k, v]) => [`read.${k}`, v]))
    });
  }
  let scoreRemainingMs = 0;
  for (const fw of workspace.frameworks) {
    if (!fw.id.startsWith('bench-')) continue;
    const [ms] = await time(() => workspace.scoreRemaining(fw.id));
    scoreRemainingMs += ms;
  }
  const [{ results }] = await db.query<{ results: number }>(
    'SELECT count(*)::INTEGER AS results FROM results'
  );
  const memory = await db
    .query<Record<string, unknown>>('SELECT sum(memory_usage_bytes)::DOUBLE AS bytes FROM duckdb_memory()')
    .catch(() => [{ bytes: null }]);
  await db.close();
  return {
    loadAndRankMs: Math.round(loadAndRankMs),
    years,
    scoreRemainingMs: Math.round(scoreRemainingMs),
    storedResults: results,
    duckdbMemoryBytes: memory[0]?.bytes ?? null
  };
}

(window as unknown as { __benchFiveYears: typeof fiveYears }).__benchFiveYears = fiveYears;
