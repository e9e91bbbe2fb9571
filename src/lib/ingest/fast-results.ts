/**
 * A fast reader for large results files (issue 6): DuckDB's own CSV reader does the splitting and the
 * number parsing, and the rows stay in DuckDB (no JS object per row, no re-encoding to CSV for `insertRows`).
 * It reads by the same rules as `readResultsFile` (./read-file.ts) — the rules of ./reading-rules.ts — and
 * decides only which lines are plain enough for SQL (issue 11: one set of reading rules):
 *
 * - the file-level refusals (size, old Excel, zip size, NUL characters) are `checkResultsFile`'s, decided on
 *   the bytes before anything else: a refused file gets the page reader's report, word for word;
 * - the header must be `plainLongLayout` (the long layout, every cell an exact §9.1 name);
 * - every distinct unit, province, KPI and month text is resolved once by the rules' own functions
 *   (`UnitResolver`, `resolveKpi`, `resolveMonth`), and every distinct non-plain number by `readNumber`;
 * - a line is read in DuckDB only when it is *clean*: as many cells as the header, a value that is a
 *   `PLAIN_NUMBER_SQL` or a recognised number inside the KPI's `plainValueBounds` (and no `%` unless the KPI
 *   `takesPercentSign`), a unit, KPI and month that resolve, figures that parse, no cells that may be one
 *   number split at its thousands separator (`SPLIT_LEAD_SQL` / `SPLIT_GROUP_SQL` before a figure the KPI does
 *   not use), and a key (unit, KPI, month) no other line has. Every other line (blank values, rejections,
 *   warnings, duplicates, odd cell counts) is handed, with its real line number, to `readResultsTable`,
 *   which gives the rejections, warnings and unit issues;
 * - files it does not know how to read this way (workbooks, UTF-16, quotes, tabs or semicolons, title lines,
 *   wide layout, headers other than the plain §9.1 names, a national framework of provinces, lines wider than
 *   the column limit, more problems than the rejection cap) go whole through `readResultsFile` — the
 *   fallback, reported in `path`.
 * A prefix of every file is also read by `readResultsTable` and compared, so any drift between the two
 * readers turns into the fallback, not into different results.
 *
 * The caller creates the table the rows go into (shaped like `results`, e.g. the staged-results temp table)
 * and gives DuckDB access to the bytes (`FileRegistry`).
 *
 * Its parts: fast-scan.ts (the bytes DuckDB reads and one pass over their lines), fast-tables.ts (the SQL:
 * `read_csv`, the dictionaries, the numbers, the classification of lines), fast-slow-lines.ts (the lines that
 * go through `readResultsTable`, the prefix check, the insert); this file runs them in order.
 */
import type { Db, FileRegistry } from '../db/types';
import type { TextEncodingName } from './decode';
import { MAX_COLUMNS } from './limits';
import { checkResultsFile, type FileCheck } from './reading-rules';
import {
  readResultsFile,
  refusedFileReport,
  type ResultsFileInput,
  type ResultsFileReport
} from './read-file';
import type { ResultsReadOptions, ResultsReadReport } from './results';
import {
  Fallback,
  checkDelimiter,
  duckDbBytes,
  leavesOutEmptyCells,
  lineTextOf,
  scanLines
} from './fast-scan';
import {
  classifyLines,
  dropTemps,
  layoutOf,
  loadRawTable,
  writeDictionaries,
  writeNumbers,
  type FastFile
} from './fast-tables';
import { checkPrefix, insertInto, insertRows, readSlowLines } from './fast-slow-lines';

export interface FastReadOptions extends Omit<ResultsReadOptions, 'onlyFrameworkMonths' | 'onProgress'> {
  /** The table the usable rows are inserted into (columns of `results`); the caller creates it. */
  table: string;
  /**
   * Reads a file the fast way cannot (workbooks, quotes, …): default `readResultsFile` on this thread; the
   * page passes its worker reader (progress, cancelling). It must read exactly as `readResultsFile` does.
   */
  readFallback?: (input: ResultsFileInput) => Promise<ResultsFileReport>;
}

export interface FastReadReport extends Omit<ResultsFileReport, 'rows'> {
  /** Usable rows, inserted into `table`. */
  rowCount: number;
  /** `fast`: DuckDB read the file; `fallback`: `readResultsFile` read it whole (`fallbackReason` says why). */
  path: 'fast' | 'fallback';
  fallbackReason: string | null;
  /** Rows read by DuckDB alone (the rest of `rowCount` went through the reader). */
  fastRows: number;
  /** Milliseconds per step (for benchmarks). */
  phases: Record<string, number>;
}

/** Milliseconds per step, for benchmarks: `phase(name)` ends the step `name`. */
function phaseClock(): { phases: Record<string, number>; phase: (name: string) => void } {
  const phases: Record<string, number> = {};
  let phaseStart = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round((now - phaseStart) * 10) / 10;
    phaseStart = now;
  };
  return { phases, phase };
}

/** Reads a results file into `options.table`. Never throws for a bad file (a fallback or rejections instead). */
export async function readResultsFast(
  db: Db,
  files: FileRegistry,
  input: ResultsFileInput,
  options: FastReadOptions
): Promise<FastReadReport> {
  const { phases, phase } = phaseClock();
  const fallback = (reason: string) => readWhole(db, input, options, reason, phases);
  // File-level refusals first, on the bytes, by the rules the page's reader applies: the same report.
  const check = checkResultsFile(input.bytes);
  if (check.refusal) {
    const { rows: _none, ...refused } = refusedFileReport(input.name, check.refusal);
    return {
      ...refused,
      rowCount: 0,
      path: 'fallback',
      fallbackReason: check.refusal.code,
      fastRows: 0,
      phases
    };
  }
  if (check.format === 'xlsx' || input.sheet) return fallback('not a text file');
  let registered: string | null = null;
  try {
    const fast = prepare(input, check, options, phase);
    registered = await files.registerFile(
      `fast_${Date.now()}_${Math.floor(Math.random() * 1e9)}.csv`,
      fast.bytes.slice()
    );
    const read = await readInDuckDb(db, registered, fast, options.table, phase);
    return {
      file: fast.file,
      layout: 'long',
      rejected: read.slow.rejected,
      warnings: read.slow.warnings,
      unitIssues: read.slow.unitIssues,
      rowCount: read.clean + read.slow.rows.length,
      format: 'csv',
      encoding: check.encoding!.encoding as TextEncodingName,
      sheets: [],
      sheet: null,
      path: 'fast',
      fallbackReason: null,
      fastRows: read.clean,
      phases
    };
  } catch (error) {
    await dropTemps(db).catch(() => undefined);
    if (error instanceof Fallback) return fallback(error.message);
    return fallback(`fast reader failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (registered !== null) await files.dropFile(registered).catch(() => undefined);
  }
}

/** The fallback: `readResultsFile` (or the caller's `readFallback`) reads the file whole; its rows go into the table. */
async function readWhole(
  db: Db,
  input: ResultsFileInput,
  options: FastReadOptions,
  reason: string,
  phases: Record<string, number>
): Promise<FastReadReport> {
  const report = options.readFallback
    ? await options.readFallback(input)
    : await readResultsFile(input, { framework: options.framework, aliases: options.aliases });
  await insertInto(db, options.table, report.rows, options.framework.id);
  const { rows, ...rest } = report;
  return { ...rest, rowCount: rows.length, path: 'fallback', fallbackReason: reason, fastRows: 0, phases };
}

/**
 * Everything decided before DuckDB reads a byte: the bytes it reads, their lines, a comma-separated plain
 * §9.1 header, and whether the writer leaves out empty cells. Throws Fallback for a file it cannot read so.
 */
function prepare(
  input: ResultsFileInput,
  check: FileCheck,
  options: FastReadOptions,
  phase: (name: string) => void
): FastFile & { bytes: Uint8Array } {
  const bytes = duckDbBytes(input, check);
  phase('decode');
  const scan = scanLines(bytes, 0);
  phase('scan');
  // The reader refuses a table wider than the column limit whole (reading-rules.ts `tooManyColumnsReason`).
  if (scan.widest > MAX_COLUMNS) throw new Fallback('a line has more cells than the column limit');
  const lineText = lineTextOf(bytes, scan);
  const header = lineText(1).split(',');
  checkDelimiter(scan, lineText, header);
  const layout = layoutOf(header, options.framework);
  phase('delimiter');
  // Whether the writer leaves out empty cells at the end of lines, decided on the whole file as the page's
  // reader decides it on its records (reading-rules.ts `leavesOutEmptyCells`), and passed to every
  // `readResultsTable` below, which sees only some of the lines.
  const ragged = leavesOutEmptyCells(scan, lineText);
  const readOptions: ResultsReadOptions = {
    framework: options.framework,
    aliases: options.aliases,
    onlyFrameworkMonths: true,
    leavesOutEmptyCells: ragged
  };
  return { bytes, file: input.name, scan, lineText, header, layout, ragged, readOptions };
}

/** DuckDB reads the registered file: dictionaries, numbers, classified lines, slow lines, the check, the insert. */
async function readInDuckDb(
  db: Db,
  registered: string,
  fast: FastFile,
  table: string,
  phase: (name: string) => void
): Promise<{ clean: number; slow: ResultsReadReport }> {
  await dropTemps(db);
  const count = await loadRawTable(db, registered, fast);
  phase('read_csv');
  if (count !== fast.scan.nonBlank)
    throw new Fallback(`DuckDB read ${count} records, the file has ${fast.scan.nonBlank}`);
  await writeDictionaries(db, fast);
  phase('dictionaries');
  await writeNumbers(db, fast);
  phase('numbers');
  await classifyLines(db, fast);
  phase('classify');
  const slow = await readSlowLines(db, fast);
  phase('slow lines');
  // The first lines, read whole by the real reader, must come out the same.
  await checkPrefix(db, fast, slow);
  phase('check');
  const clean = await insertRows(db, table, fast, slow);
  await dropTemps(db);
  phase('insert');
  return { clean, slow };
}
