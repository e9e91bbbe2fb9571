/**
 * Issue 15.5: `--results` takes Parquet files and glob patterns, and `--parquet <folder>` writes the scores,
 * totals and league table as Parquet. The Parquet files read here are written by DuckDB itself, typed as it
 * types them (DOUBLE, BIGINT) and as all text; the reading rules are the CSV reader's own.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeNativeDb } from '../src/lib/db/node-native';
import type { Db } from '../src/lib/db/types';
import { literal } from '../src/lib/sql/identifiers';
import { score } from './score.testing';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_CSV = path.join(repository, 'static/demo/chachoengsao-2565-r2.csv');
const FRAMEWORK = 'chachoengsao-2565-r2';
const PERIOD = 'FY2565-R2';
let dir: string;
let db: Db;

/** Writes `select`'s rows as a Parquet file with DuckDB and returns its path. */
async function parquet(name: string, select: string): Promise<string> {
  const file = path.join(dir, name);
  await db.exec(`COPY (${select}) TO ${literal(file)} (FORMAT parquet)`);
  return file;
}

/** `score` on the demo file (or `results`) for the framework and period of these tests. */
const scoreOn = (results: string, ...more: string[]) =>
  score('--framework', FRAMEWORK, '--results', results, '--period', PERIOD, ...more);

const demoCsv = (options = '') => `SELECT * FROM read_csv(${literal(DEMO_CSV)}${options})`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scoreboard-parquet-test-'));
  db = await openNodeNativeDb(1);
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Parquet results files', () => {
  it('typed or all text, a Parquet copy of a file scores exactly as the file', async () => {
    const fromCsv = await scoreOn(DEMO_CSV);
    expect(fromCsv.code).toBe(0);
    for (const [name, select] of [
      ['typed.parquet', demoCsv()],
      ['text.parquet', demoCsv(', all_varchar = true')]
    ]) {
      const file = await parquet(name, select);
      const fromParquet = await scoreOn(file);
      expect(fromParquet.code, name).toBe(0);
      expect(fromParquet.stdout, name).toBe(fromCsv.stdout);
      expect(fromParquet.stderr, name).toBe(fromCsv.stderr);
    }
    const typed = await db.query<{ column_type: string }>(
      `DESCRIBE SELECT * FROM read_parquet(${literal(path.join(dir, 'typed.parquet'))})`
    );
    expect(typed.map((column) => column.column_type)).toContain('DOUBLE');
  });

  it('a bad row is rejected by the reader with the file and its line (row + 1, after the header)', async () => {
    const file = await parquet(
      'bad-month.parquet',
      `SELECT * REPLACE (CASE WHEN row_number() OVER () = 3 THEN 'เดือนที่สิบสาม' ELSE "เดือน" END AS "เดือน")
       FROM (${demoCsv(', all_varchar = true')})`
    );
    const outcome = await scoreOn(file);
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toMatch(
      new RegExp(`rejected: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: `)
    );
  });

  it('a cell holding a line break: rows still read by the same rules, and the file says its lines are CSV lines', async () => {
    const file = await parquet(
      'line-breaks.parquet',
      `SELECT * REPLACE ('"' || "อำเภอ" || chr(10) AS "อำเภอ") FROM (${demoCsv(', all_varchar = true')}) LIMIT 3`
    );
    const outcome = await scoreOn(file);
    expect(outcome.code).toBe(1); // "เมืองฉะเชิงเทรา is no district: every row is rejected
    expect(outcome.stderr).toContain(
      `warning: ${file}: 3 row(s) hold a line break inside a cell; lines named for this file are lines of its ` +
        'rows written as CSV (row + 1, plus the line breaks in the rows before)'
    );
    // Row 2 starts on line 4: row 1 took lines 2 and 3.
    expect(outcome.stderr).toContain(`rejected: ${file}:4: `);
  });

  it('a file that is not Parquet is refused, naming it', async () => {
    const file = path.join(dir, 'not.parquet');
    writeFileSync(file, 'อำเภอ,ตัวชี้วัด\n');
    const outcome = await scoreOn(file);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`score: cannot read Parquet file ${file}: `);
  });
});

describe('glob patterns', () => {
  it('reads every file a pattern matches in path order (the later file wins); a pattern of nothing fails', async () => {
    const sub = mkdtempSync(path.join(dir, 'glob-'));
    await parquet(path.relative(dir, path.join(sub, 'a-first.parquet')), demoCsv());
    // The second file's T1 for April replaces the first's.
    writeFileSync(
      path.join(sub, 'b-second.csv'),
      'อำเภอ,ตัวชี้วัด,เดือน,ผลการดำเนินงาน\nเมืองฉะเชิงเทรา,T1,2565-04,1\n'
    );
    const outcome = await scoreOn(path.join(sub, '*'));
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toContain(
      `warning: ${path.join(sub, 'b-second.csv')}:2: replaces ${path.join(sub, 'a-first.parquet')}:2 `
    );

    const none = await scoreOn(path.join(sub, '*.xlsx'));
    expect(none).toEqual({
      code: 1,
      stdout: '',
      stderr: expect.stringContaining(`no results file matches ${path.join(sub, '*.xlsx')}`)
    });
  });
});

describe('--parquet <folder>', () => {
  it('writes every score, every total and the league table printed', async () => {
    const out = path.join(dir, 'out');
    const outcome = await scoreOn(DEMO_CSV, '--parquet', out);
    expect(outcome.code).toBe(0);
    const read = (name: string, select = '*', rest = '') =>
      db.query(`SELECT ${select} FROM read_parquet(${literal(path.join(out, name))}) ${rest}`);

    // The league table: the CSV printed, row for row and column for column.
    const [header, ...lines] = outcome.stdout.trim().split('\n');
    const league = await read('league.parquet');
    expect(Object.keys(league[0])).toEqual(header.split(','));
    expect(league).toHaveLength(lines.length);
    // Numbers as numbers (the CSV writes scores to 4 decimals), text as text, empty cells as NULL.
    const cell = (text: string) => (text === '' ? null : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);
    const printed = lines.map((line) =>
      line.split(',').map((text, i) => (header.split(',')[i].endsWith('_level') ? text || null : cell(text)))
    );
    expect(league.map((row) => Object.values(row))).toEqual(printed);

    // Scores of every period of the round (its months, Q3, Q4 and R2), every unit × KPI of each.
    const periods = await read('scores.parquet', 'DISTINCT period_id', 'ORDER BY period_id');
    expect(periods.map((row) => row.period_id)).toEqual(
      expect.arrayContaining(['2565-04', '2565-09', 'FY2565-Q3', 'FY2565-Q4', 'FY2565-R2'])
    );
    const [{ cells }] = await read('scores.parquet', `count(*)::INTEGER AS cells`);
    const [{ expected }] = await db.query<{ expected: number }>(
      `SELECT (count(DISTINCT period_id) * 11 * count(DISTINCT kpi))::INTEGER AS expected
       FROM read_parquet(${literal(path.join(out, 'scores.parquet'))})`
    );
    expect(cells).toBe(expected);

    // Totals: the league's ranks for the period asked, group '*'.
    const ranks = await read(
      'totals.parquet',
      'unit, rank',
      `WHERE period_id = '${PERIOD}' AND "group" = '*'`
    );
    expect(ranks.map((row) => [row.unit, row.rank])).toEqual(league.map((row) => [row.unit, row.rank]));
  });

  it('is refused with the WASM engine (exit 2)', async () => {
    const outcome = await scoreOn(DEMO_CSV, '--engine', 'wasm', '--parquet', path.join(dir, 'wasm'));
    expect(outcome.code).toBe(2);
    expect(outcome.stderr.split('\n')[0]).toBe('--parquet needs --engine native (the default)');
  });
});
