/**
 * Results files (DESIGN §6, §9.1) → `ResultRow`s, with a row-level report: every data line of the file ends
 * up in `rows` (one or more rows), in `rejected` (with file, line, column and a Thai reason), or is counted
 * as not reported (a blank value). Nothing is dropped silently, and no text makes it throw.
 *
 * Layouts: long (a KPI column and a value column, one row per unit, KPI and month) and wide (one column per
 * KPI id of the framework, one line per unit and month). Units are resolved against the master list in the
 * way the framework's `province` says: that province's districts, the provinces (`null`), or every district
 * (`*`, where a `province` column settles names that repeat).
 *
 * What each cell and line means is decided by the rules of ./reading-rules.ts, which DuckDB's fast reader
 * (./fast-results.ts) applies too; this file is the line-by-line loop that applies them.
 *
 * The line loop's parts: results-lines.ts (each data line → rows or rejections, the warnings), results-report.ts
 * (the options and the report, re-exported here), rejections-csv.ts (`rejectionsToCsv`, re-exported here).
 */
import { stripInvisible } from '../domain/thai-text';
import { parseCsv, type CsvTable } from './csv';
import { listText } from './limits';
import {
  HEADER_SEARCH_LINES,
  TooManyProblems,
  detectLayout,
  leavesOutEmptyCells,
  tooManyColumnsReason,
  tooManyProblemsReason,
  usedWidth,
  type KpiCatalog,
  type LayoutResult,
  type UnitScope
} from './reading-rules';
import { LineReader, TableReading } from './results-lines';
import { emptyReport, type ResultsReadOptions, type ResultsReadReport } from './results-report';

export type {
  ResultsReadOptions,
  ResultsReadReport,
  UnitIssue,
  UnitIssueKind,
  UnitSuggestion
} from './results-report';
export { rejectionsToCsv } from './rejections-csv';

/**
 * Reads one results file. `file` names it in rows (`source`) and rejections; `text` is its decoded content.
 * Never throws.
 */
export function readResultsText(file: string, text: string, options: ResultsReadOptions): ResultsReadReport {
  const progress = options.onProgress;
  let table: CsvTable;
  try {
    table = parseCsv(
      typeof text === 'string' ? text : '',
      progress ? { onProgress: (f) => progress(f / 2) } : {}
    );
  } catch (error) {
    return unreadable(file, error);
  }
  return readResultsTable(
    file,
    table,
    progress ? { ...options, onProgress: (f) => progress(0.5 + f / 2) } : options
  );
}

/**
 * Reads results from an already split table: a CSV file's (`parseCsv`) or a spreadsheet's sheet, whose
 * records carry the line (row number) they are on. Never throws.
 */
export function readResultsTable(
  file: string,
  table: CsvTable,
  options: ResultsReadOptions
): ResultsReadReport {
  try {
    return read(file, table, options);
  } catch (error) {
    return unreadable(file, error);
  }
}

function unreadable(file: string, error: unknown): ResultsReadReport {
  const report = emptyReport(file);
  report.rejected.push({ file, line: 1, column: null, reason: `อ่านไฟล์ไม่ได้: ${String(error)}` });
  return report;
}

/** How often (in records) the row loop reports progress. */
const PROGRESS_EVERY = 2000;

function read(file: string, table: CsvTable, options: ResultsReadOptions): ResultsReadReport {
  const report = emptyReport(file);
  try {
    return readInto(report, file, table, options);
  } catch (error) {
    if (!(error instanceof TooManyProblems)) throw error;
    // Refused whole: a file this wrong is another file or meant for another framework; keep the first problems
    // (they say what is wrong) and nothing else.
    report.rows = [];
    report.unitIssues = [];
    report.warnings = [];
    report.rejected.sort((a, b) => a.line - b.line);
    // First (a file-level reason, line 1), so that a report that shows the first rows shows it.
    report.rejected.unshift({
      file,
      line: 1,
      column: null,
      reason: tooManyProblemsReason(error.line, options.framework)
    });
    return report;
  }
}
function readInto(
  report: ResultsReadReport,
  file: string,
  table: CsvTable,
  options: ResultsReadOptions
): ResultsReadReport {
  const reading = new TableReading(report, file, options);
  const csvErrorLines = new Set<number>();
  for (const error of table.errors) {
    csvErrorLines.add(error.line);
    reading.reject(error.line, null, error.reason);
  }

  if (table.header.length === 0) {
    if (table.errors.length === 0) reading.reject(1, null, 'ไฟล์ว่าง ไม่มีหัวตารางและข้อมูล');
    return report;
  }
  const widest = table.rows.reduce(
    (max, row) => Math.max(max, usedWidth(row.cells)),
    usedWidth(table.header)
  );
  const tooWide = tooManyColumnsReason(widest);
  if (tooWide) return reading.refuse(tooWide);

  const { detected, dataStart } = findHeader(table, reading.catalog, reading.scope, report.warnings);
  if (!detected.ok) return reading.refuse(missingColumnsReason(table.header, detected.missing));

  const layout = detected.layout;
  report.layout = layout.kind;
  report.warnings.push(...layout.warnings);
  const records = table.rows.slice(dataStart);
  const ragged = options.leavesOutEmptyCells ?? leavesOutEmptyCells(records, layout.header.length);
  const lines = new LineReader(reading, layout, ragged);
  for (let recordIndex = 0; recordIndex < records.length; recordIndex++) {
    if (options.onProgress && recordIndex % PROGRESS_EVERY === 0)
      options.onProgress(recordIndex / records.length);
    const record = records[recordIndex];
    if (csvErrorLines.has(record.line)) continue; // already rejected with the parser's reason
    lines.read(record);
  }

  report.rejected.sort((a, b) => a.line - b.line); // stable: a line's problems keep their column order
  report.unitIssues = [...reading.unitIssues.values()];
  options.onProgress?.(1);
  report.warnings.push(...lines.warnings());
  return report;
}

/**
 * The header is the first line, or a later one when title lines sit above the table (a warning says which
 * lines were skipped); `dataStart`: the index of the first record under it.
 */
function findHeader(
  table: CsvTable,
  catalog: KpiCatalog,
  scope: UnitScope,
  warnings: string[]
): { detected: LayoutResult; dataStart: number } {
  const detected = detectLayout(table.header, catalog, scope);
  if (detected.ok) return { detected, dataStart: 0 };
  for (let i = 0; i < Math.min(HEADER_SEARCH_LINES, table.rows.length); i++) {
    const candidate = detectLayout(table.rows[i].cells, catalog, scope);
    if (candidate.ok) {
      const last = table.rows[i].line - 1;
      const skipped = last <= 1 ? 'บรรทัด 1' : `บรรทัด 1–${last}`;
      warnings.push(`ข้าม${skipped} ที่อยู่ก่อนหัวตาราง (ชื่อรายงานหรือคำอธิบาย)`);
      return { detected: candidate, dataStart: i + 1 };
    }
  }
  return { detected, dataStart: 0 };
}

/** Why a table with no header of a known layout is refused: the columns missing, and those found. */
function missingColumnsReason(header: readonly string[], missing: readonly string[]): string {
  const found = header.map((cell) => stripInvisible(cell)).filter((cell) => cell !== '');
  return (
    `อ่านตารางไม่ได้: ไม่พบคอลัมน์ ${missing.join(', ')} ` +
    `(ตารางแบบยาวต้องมีคอลัมน์อำเภอ ตัวชี้วัด เดือน และผลการดำเนินงาน; ตารางแบบกว้างต้องมีคอลัมน์อำเภอ เดือน ` +
    `และคอลัมน์ที่หัวเป็นรหัสตัวชี้วัดของกรอบ) — คอลัมน์ที่พบ: ${found.length > 0 ? listText(found) : '(ไม่มี)'}`
  );
}
