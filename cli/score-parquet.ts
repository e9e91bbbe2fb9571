/**
 * The `score` command at headquarters' scale (issue 15.5, DESIGN §9.3): `--results` takes glob patterns and
 * Parquet files, and `--parquet <folder>` writes every score, every total and the league table as Parquet.
 *
 * A Parquet results file is never read by rules of its own: native DuckDB writes its rows out as CSV (a header
 * line of the file's column names, then one line per row, so a rejection's line N is the file's row N − 1) and
 * the same reader as for every other file reads that text, with the same header names, month forms, numbers
 * and rejections. A cell holding a line break adds lines to that text; the file then gets a warning saying so.
 */
import { mkdtempSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import type { Db } from '../src/lib/db/types';
import {
  csvToParquetSql,
  parquetLineBreakRowsSql,
  parquetTextColumnsSql,
  parquetToCsvSql,
  scoresParquetSql,
  totalsParquetSql
} from '../src/lib/sql/parquet';
import { ScoreError } from './score-framework';

const GLOB_CHARACTERS = /[*?[\]{}]/;

/**
 * The results files of the `--results` values, in order: a value naming a file is that file; a glob pattern
 * (`data/2567/*.csv`) is every file it matches, in code-point order of the path (so that a later file's rows
 * win the same way on every machine). A pattern that matches nothing is an error naming it.
 */
export function expandResults(values: readonly string[]): string[] {
  return values.flatMap((value) => {
    if (existsSync(value) || !GLOB_CHARACTERS.test(value)) return [value];
    const matched = globSync(value, {
      onlyFiles: true,
      expandDirectories: false,
      absolute: path.isAbsolute(value)
    }).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (matched.length === 0) throw new ScoreError(`no results file matches ${value}`);
    return matched;
  });
}

/** Runs `work` with a fresh temporary folder, removed afterwards. */
async function inTempDir<T>(prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function isParquet(file: string): boolean {
  return /\.parquet$/i.test(file);
}

/**
 * A Parquet file's rows as CSV bytes (read by native DuckDB, whichever engine scores), and a warning when a text
 * cell holds a line break: the lines named for that file are then lines of the CSV text, not row + 1.
 */
export async function parquetAsCsv(file: string): Promise<{ bytes: Uint8Array; warning: string | null }> {
  const { openNodeNativeDb } = await import('../src/lib/db/node-native');
  const db = await openNodeNativeDb(1);
  const source = path.resolve(file);
  try {
    return await inTempDir('scoreboard-parquet-', async (dir) => {
      const csv = path.join(dir, 'rows.csv');
      let broken: number;
      try {
        await db.exec(parquetToCsvSql(source, csv));
        const text = await db.query<{ column_name: string }>(parquetTextColumnsSql(source));
        const columns = text.map((row) => row.column_name);
        broken = (await db.query<{ rows: number }>(parquetLineBreakRowsSql(source, columns)))[0].rows;
      } catch (error) {
        throw new ScoreError(`cannot read Parquet file ${file}: ${firstLine(error)}`);
      }
      const warning =
        broken === 0
          ? null
          : `warning: ${file}: ${broken} row(s) hold a line break inside a cell; lines named for this file are ` +
            `lines of its rows written as CSV (row + 1, plus the line breaks in the rows before)`;
      return { bytes: new Uint8Array(await readFile(csv)), warning };
    });
  } finally {
    await db.close();
  }
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}

/**
 * The type of each column of the league table CSV, so that every run writes the same schema: unit, province
 * and levels as text (a level `4` stays the label `4`), rank and missing as integers, every other number a
 * double.
 */
function leagueColumnTypes(csv: string): Record<string, 'VARCHAR' | 'INTEGER' | 'DOUBLE'> {
  const header = csv.split('\n', 1)[0].trim().split(',');
  return Object.fromEntries(
    header.map((name) => [
      name,
      name === 'unit' || name === 'province' || name.endsWith('_level')
        ? 'VARCHAR'
        : name === 'rank' || name === 'missing'
          ? 'INTEGER'
          : 'DOUBLE'
    ])
  );
}

/**
 * Writes `scores.parquet` (every KPI score of every scored period), `totals.parquet` (every total and rank, per
 * period and group) and `league.parquet` (the league table printed, its columns as in `--format csv`) into
 * `folder` (made if missing). Native DuckDB only: the database is the workspace's own.
 */
export async function writeParquet(
  db: Db,
  frameworkId: string,
  leagueCsv: string,
  folder: string
): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const target = (name: string) => path.resolve(folder, name);
  await db.exec(scoresParquetSql(frameworkId, target('scores.parquet')));
  await db.exec(totalsParquetSql(frameworkId, target('totals.parquet')));
  await inTempDir('scoreboard-league-', async (dir) => {
    const csv = path.join(dir, 'league.csv');
    writeFileSync(csv, leagueCsv);
    await db.exec(csvToParquetSql(csv, leagueColumnTypes(leagueCsv), target('league.parquet')));
  });
}
