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
import { ENGINE_SETUP_SQL, plainValue, rowsToCsv, type Db, type Row, type SqlValue } from '../../src/lib/db/types';
import { periodsOfFramework } from '../../src/lib/domain/periods';
import { parseCsv } from '../../src/lib/ingest/csv';
import { decodeText } from '../../src/lib/ingest/decode';
import { readFrameworkJson } from '../../src/lib/ingest/framework-files';
import { readResultsFile } from '../../src/lib/ingest/read-file';
import { plainScore } from '../../src/lib/scoring/plain-scorer';
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
        await connection.query(`INSERT INTO ${ident(table)} (${names}) SELECT * FROM ${readRegisteredCsv(name, columns)}`);
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

async function run(config: BaselineConfig) {
  const frameworkText = await (await fetch(config.frameworkUrl)).text();
  const framework = readFrameworkJson('framework.json', frameworkText, {
    resolveUnit: (name, fw) => resolveFrameworkUnit(fw, name) !== null
  }).framework!;
  const bytes = new Uint8Array(await (await fetch(config.resultsUrl)).arrayBuffer());
  const periods = periodsOfFramework(framework.fiscalYear, framework.period);
  const units = frameworkUnitIds(framework);
  const resolve = (name: string) => resolveFrameworkUnit(framework, name);
  const file = { name: 'results.csv', bytes };
  const out: Record<string, unknown> = { bytes: bytes.length };

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
  await db.registerFile('results.csv', bytes);
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
  const [putResultsMs] = await time(() => workspace.putResults(framework.id, rows));
  out.putResultsMs = putResultsMs;
  const [firstScoreMs] = await time(() => workspace.score(framework.id));
  out.sqlScoreAllFirstMs = firstScoreMs;
  // Repeat only when it is not minutes long (the page has a time limit).
  out.sqlScoreAll = firstScoreMs > 20_000 ? timing([firstScoreMs]) : (await repeat(2, () => workspace.score(framework.id))).timing;
  const perPeriod = workspace as unknown as { scorePeriods?: (id: string, periods: readonly string[]) => Promise<void> };
  if (typeof perPeriod.scorePeriods === 'function') {
    const scoreOne: Record<string, unknown> = {};
    for (const period of [periods[periods.length - 1], periods[0]]) {
      scoreOne[period.id] = (await repeat(5, () => perPeriod.scorePeriods!(framework.id, [period.id]))).timing;
    }
    out.sqlScoreOnePeriod = scoreOne;
  }
  out.leagueTable = (await repeat(5, () => workspace.leagueTable(framework.id, periods[periods.length - 1].id))).timing;
  out.fast = await fastPipelines({ db, workspace, framework, bytes, periods });
  const [{ results }] = await db.query<{ results: number }>('SELECT count(*)::INTEGER AS results FROM results');
  out.storedResults = results;
  await db.close();
  return out;
}

(window as unknown as { __benchBaselines: typeof run }).__benchBaselines = run;
