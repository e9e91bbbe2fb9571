/**
 * Test support (issue 11): one file read by both results readers — the page's (`readResultsFile`) and DuckDB's
 * fast reader (`readResultsFast`, on native DuckDB or DuckDB-WASM) — and the two outcomes compared: the same
 * rows (unit, KPI, month, figures, source, line), rejections, warnings and unit issues. The hostile-file, fuzz
 * and property suites read every file through `readBoth`, so the two readers cannot drift apart unseen.
 */
import { expect } from 'vitest';
import type { Db, FileRegistry } from '../db/types';
import type { ResultRow } from '../domain/results';
import { createSchemaSql } from '../sql/schema';
import { readResultsFast, type FastReadReport } from './fast-results';
import { readResultsFile, type ResultsFileInput, type ResultsFileReport } from './read-file';
import type { ResultsReadOptions } from './results';

export type EngineName = 'native' | 'wasm';

export interface FastReader {
  engine: EngineName;
  db: Db;
  files: FileRegistry;
  close(): Promise<void>;
}

/** A DuckDB with the schema, and a way to hand it bytes, for `readResultsFast`. */
export async function openFastReader(engine: EngineName): Promise<FastReader> {
  if (engine === 'wasm') {
    const { openNodeWasmDb } = await import('../db/node-wasm');
    const db = await openNodeWasmDb();
    await db.exec(createSchemaSql());
    return { engine, db, files: db.files!, close: () => db.close() };
  }
  const { openNodeNativeDb } = await import('../db/node-native');
  const { openTempFileRegistry } = await import('../db/node-files');
  const db = await openNodeNativeDb();
  const files = await openTempFileRegistry();
  await db.exec(createSchemaSql());
  return {
    engine,
    db,
    files,
    async close() {
      await db.close();
      await files.close();
    }
  };
}

export interface BothReadings {
  page: ResultsFileReport;
  fast: FastReadReport;
  /** The rows the fast reader put in its table, as `ResultRow`s in line order. */
  fastRows: ResultRow[];
}

const TABLE = 'both_readers_rows';

/** Reads `input` with both readers (the fast one on `reader`'s DuckDB). */
export async function readBoth(
  reader: FastReader,
  input: ResultsFileInput,
  options: Pick<ResultsReadOptions, 'framework' | 'aliases'>
): Promise<BothReadings> {
  const page = await readResultsFile(input, options);
  await reader.db.exec(`CREATE OR REPLACE TEMP TABLE ${TABLE} AS SELECT * FROM results LIMIT 0`);
  const fast = await readResultsFast(reader.db, reader.files, input, { ...options, table: TABLE });
  const stored = await reader.db.query<Record<string, unknown>>(
    `SELECT unit_id, kpi, month, value, target, baseline, adjust, source, line FROM ${TABLE}`
  );
  await reader.db.exec(`DROP TABLE ${TABLE}`);
  const fastRows = stored.map((row): ResultRow => ({
    unitId: String(row.unit_id),
    kpi: String(row.kpi),
    month: String(row.month),
    value: row.value as number | null,
    target: row.target as number | null,
    baseline: row.baseline as number | null,
    adjust: row.adjust as number | null,
    source: String(row.source),
    line: Number(row.line)
  }));
  return { page, fast, fastRows: inLineOrder(fastRows) };
}

function inLineOrder(rows: readonly ResultRow[]): ResultRow[] {
  return [...rows].sort((a, b) => a.line - b.line || a.kpi.localeCompare(b.kpi));
}

/**
 * The two readers agree on everything a report holds (`what` names the file in a failure) — and not because
 * the fast reader's check of the first lines caught a difference and handed the file over: such a difference
 * is a rule the fast reader's SQL does not apply as the rules say.
 */
export function expectSameReading({ page, fast, fastRows }: BothReadings, what: string): void {
  expect(fast.fallbackReason ?? '', `${what}: the fast reader's SQL drifted from the rules`).not.toMatch(
    /^the first lines/
  );
  const rows = (list: readonly ResultRow[]) =>
    inLineOrder(list).map((row) => ({ ...row, value: row.value === 0 ? 0 : row.value }));
  expect(
    fastRows.map((row) => ({ ...row, value: row.value === 0 ? 0 : row.value })),
    `${what}: rows`
  ).toEqual(rows(page.rows));
  expect(fast.rowCount, `${what}: row count`).toBe(page.rows.length);
  expect(fast.rejected, `${what}: rejections`).toEqual(page.rejected);
  expect(fast.warnings, `${what}: warnings`).toEqual(page.warnings);
  expect(fast.unitIssues, `${what}: unit issues`).toEqual(page.unitIssues);
  expect([fast.layout, fast.format, fast.encoding, fast.sheets, fast.sheet], `${what}: format`).toEqual([
    page.layout,
    page.format,
    page.encoding,
    page.sheets,
    page.sheet
  ]);
}

/** `readBoth` and `expectSameReading`; returns the page's report (and which way the fast reader went). */
export async function readAlike(
  reader: FastReader,
  input: ResultsFileInput,
  options: Pick<ResultsReadOptions, 'framework' | 'aliases'>
): Promise<BothReadings> {
  const both = await readBoth(reader, input, options);
  expectSameReading(both, `${input.name} (${reader.engine})`);
  return both;
}
