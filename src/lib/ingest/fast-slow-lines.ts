/**
 * The lines the fast reader's SQL does not read (fast-results.ts): every line that is not clean goes through
 * `readResultsTable`, with its real line number, and so does a clean line whose key a slow line accepted
 * (`readSlowLines`: the first one wins there, as in the page's reader); the first lines of the file, read whole
 * by the page's reader, must come out the same (`checkPrefix`); then both kinds of rows go into the caller's
 * table (`insertRows`, and `insertInto` for the rows of a report).
 */
import type { Db } from '../db/types';
import type { ResultRow, Rejection } from '../domain/results';
import { TABLE_COLUMNS, resultRowOf, resultsValues } from '../sql/schema';
import { ident, literal } from '../sql/identifiers';
import type { CsvRecord, CsvTable } from './csv';
import { refusedForProblems } from './reading-rules';
import { readResultsTable, type ResultsReadReport } from './results';
import { Fallback } from './fast-scan';
import { TEMP, type FastFile } from './fast-tables';

/** Lines at the start of the file that both readers read, to check they agree. */
const CHECK_LINES = 300;

/**
 * Lines that are not clean go through the real reader, with their real line numbers. A line it accepts may
 * share its key with a clean line: then both go through it, so that the first one wins there. Throws Fallback
 * when the reader would refuse the file for too many unusable lines.
 */
export async function readSlowLines(db: Db, fast: FastFile): Promise<ResultsReadReport> {
  const { file, header, lineText, readOptions } = fast;
  const slowLines = new Set(
    (await db.query<{ line: number }>(`SELECT line FROM ${TEMP.lines} WHERE slow`)).map((row) => row.line)
  );
  const readSlow = (): ResultsReadReport => {
    const rows: CsvRecord[] = [...slowLines]
      .sort((a, b) => a - b)
      .map((line) => ({ line, cells: lineText(line).split(',') }));
    return readResultsTable(file, { header, rows, errors: [] }, readOptions);
  };
  let slow = readSlow();
  // More unusable lines than the reader takes: it refuses the file whole (and says so); so must this.
  if (refusedForProblems(slow)) throw new Fallback('too many unusable lines');
  await db.exec(`CREATE TEMP TABLE ${TEMP.slowKeys} (unit_id VARCHAR, kpi VARCHAR, month VARCHAR)`);
  for (let round = 0; round < 5 && slow.rows.length > 0; round++) {
    await db.exec(`DELETE FROM ${TEMP.slowKeys}`);
    await db.insertRows(
      TEMP.slowKeys,
      [
        { name: 'unit_id', type: 'VARCHAR' },
        { name: 'kpi', type: 'VARCHAR' },
        { name: 'month', type: 'VARCHAR' }
      ],
      slow.rows.map((row) => [row.unitId, row.kpi, row.month])
    );
    const clashes = await db.query<{ line: number }>(
      `SELECT l.line FROM ${TEMP.lines} l JOIN ${TEMP.slowKeys} s USING (unit_id, kpi, month) WHERE NOT l.slow`
    );
    if (clashes.length === 0) break;
    for (const { line } of clashes) slowLines.add(line);
    await db.exec(`UPDATE ${TEMP.lines} SET slow = TRUE WHERE line IN (SELECT l.line FROM ${TEMP.lines} l
      JOIN ${TEMP.slowKeys} s USING (unit_id, kpi, month))`);
    slow = readSlow();
    if (refusedForProblems(slow)) throw new Fallback('too many unusable lines');
  }
  return slow;
}

/** Inserts rows (the page's reader's) into `table`, the framework's id in each. */
export async function insertInto(
  db: Db,
  table: string,
  rows: readonly ResultRow[],
  frameworkId: string
): Promise<void> {
  await db.insertRows(
    table,
    TABLE_COLUMNS.results,
    rows.map((row) => resultsValues(frameworkId, row))
  );
}

/** Inserts the clean lines (from `TEMP.lines`) and the slow lines' rows into `table`; how many were clean. */
export async function insertRows(
  db: Db,
  table: string,
  fast: FastFile,
  slow: ResultsReadReport
): Promise<number> {
  const fw = fast.readOptions.framework;
  const file = fast.file;
  await db.exec(`INSERT INTO ${ident(table)} SELECT ${literal(fw.id)}, unit_id, kpi, month, value, target,
      baseline, adjust, ${literal(file)}, line FROM ${TEMP.lines} WHERE NOT slow`);
  const [{ fast: clean }] = await db.query<{ fast: number }>(
    `SELECT count(*)::INTEGER AS fast FROM ${TEMP.lines} WHERE NOT slow`
  );
  await insertInto(db, table, slow.rows, fw.id);
  return clean;
}

/** Compares the combined outcome for the first lines with the real reader's on those lines alone. */
export async function checkPrefix(db: Db, fast: FastFile, slow: ResultsReadReport): Promise<void> {
  const { file, header, readOptions: options, scan, lineText } = fast;
  const last = Math.min(scan.starts.length, CHECK_LINES + 1);
  const table: CsvTable = { header, rows: [], errors: [] };
  for (let line = 2; line <= last; line++) {
    const cells = lineText(line).split(',');
    if (cells.every((cell) => cell.trim() === '')) continue;
    table.rows.push({ line, cells });
  }
  const expected = readResultsTable(file, table, options);
  const fastRows = await db.query<Record<string, unknown>>(
    `SELECT line, unit_id, kpi, month, value, target, baseline, adjust FROM ${TEMP.lines} WHERE NOT slow AND line <= ${last}`
  );
  // Everything the row stores but its file (the same for both readers).
  const key = (row: ResultRow) => JSON.stringify(resultsValues('', { ...row, source: '' }));
  const fromDb = (row: Record<string, unknown>): ResultRow => ({ ...resultRowOf(row), source: file });
  const ours = [
    ...fastRows.map((row) => key(fromDb(row))),
    ...slow.rows.filter((row) => row.line <= last).map(key)
  ].sort();
  const theirs = expected.rows.map(key).sort();
  if (ours.join('\n') !== theirs.join('\n')) throw new Fallback('the first lines read differently');
  const rejection = (r: Rejection) =>
    JSON.stringify([r.line, r.column ?? null, r.reason, r.suggestions ?? []]);
  const ourRejections = slow.rejected.filter((r) => r.line <= last).map(rejection);
  const theirRejections = expected.rejected.map(rejection);
  if (ourRejections.join('\n') !== theirRejections.join('\n'))
    throw new Fallback('the first lines are rejected differently');
}
