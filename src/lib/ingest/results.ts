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
 */
import type { Framework, Kpi } from '../domain/framework';
import type { Rejection, ResultRow } from '../domain/results';
import { parseNumber } from '../domain/numbers';
import { stripInvisible } from '../domain/thai-text';
import { normalizeUnitName } from '../domain/units';
import { parseCsv, type CsvTable } from './csv';
import { MAX_REJECTIONS, clipMessage, listText } from './limits';
import {
  HEADER_SEARCH_LINES,
  TooManyProblems,
  catalogOf,
  columnsRead,
  compositeReason,
  detectLayout,
  duplicateReason,
  hasSplitThousands,
  leavesOutEmptyCells,
  headerText,
  listLines,
  monthScopeOf,
  readFigures,
  resolveKpi,
  resolveMonth,
  resultKey,
  scopeOf,
  splitCellsReason,
  splitIntoEmptyCells,
  splitNumberProblem,
  tooManyColumnsReason,
  tooManyProblemsReason,
  usedWidth,
  valueNote,
  valueNoteWarning,
  valueRangeProblem,
  UnitResolver,
  type Figures,
  type NumberColumns,
  type Problem,
  type ValueNote
} from './reading-rules';

export interface ResultsReadOptions {
  /** The KPIs the rows must belong to; its `province` decides what the units are. */
  framework: Framework;
  /** Extra user-accepted names: `normalizeUnitName(name)` → unit id (district or province code). */
  aliases?: ReadonlyMap<string, string>;
  /** Called now and then with the share of the work done (0–1), for a progress bar. */
  onProgress?: (fraction: number) => void;
  /**
   * Reject rows whose month is outside the framework's fiscal year, round or quarter (the file readers of
   * the app and the command line do; off by default so that the text reader stays a pure format reader).
   */
  onlyFrameworkMonths?: boolean;
  /**
   * Whether the file's writer leaves out empty cells at the end of a line (`leavesOutEmptyCells` of
   * reading-rules.ts). By default decided from the table; the fast reader, which hands only some of a file's
   * lines to `readResultsTable`, passes what it found in the whole file.
   */
  leavesOutEmptyCells?: boolean;
}

/** Why a unit name could not be used: the kinds a validation report groups. */
export type UnitIssueKind = 'unknown' | 'ambiguous' | 'work_group' | 'total';

export interface UnitSuggestion {
  unitId: string;
  /** As shown to users: `ท่าตะเกียบ`, or `เฉลิมพระเกียรติ จ.น่าน` outside the framework's province. */
  label: string;
}

/** One unit name that rows were rejected for, with every line it is on and what it may have meant. */
export interface UnitIssue {
  kind: UnitIssueKind;
  /** The name as first written in the file. */
  name: string;
  /** `normalizeUnitName(name)`: the key under which an accepted suggestion is remembered as an alias. */
  key: string;
  column: string | null;
  lines: number[];
  suggestions: UnitSuggestion[];
}

export interface ResultsReadReport {
  file: string;
  layout: 'long' | 'wide';
  /** Every usable row. */
  rows: ResultRow[];
  /** Every unusable row (a line with several problems gets one rejection per problem). */
  rejected: Rejection[];
  /** File-level notes: columns not used, lines with no value, title lines skipped. */
  warnings: string[];
  /** Unit names that rows were rejected for, grouped by name (unknown, ambiguous, work groups, totals). */
  unitIssues: UnitIssue[];
}

function emptyReport(file: string): ResultsReadReport {
  return { file, layout: 'long', rows: [], rejected: [], warnings: [], unitIssues: [] };
}

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
  const framework = options.framework;
  const catalog = catalogOf(framework);
  const scope = scopeOf(framework);
  const unitIssues = new Map<string, UnitIssue>();
  const monthScope = options.onlyFrameworkMonths ? monthScopeOf(framework) : null;

  const reject = (line: number, column: string | null, reason: string, suggestions?: string[]): void => {
    if (report.rejected.length >= MAX_REJECTIONS) throw new TooManyProblems(line);
    const rejection: Rejection = {
      file,
      line,
      column: column === null ? null : clipMessage(column, 200),
      reason: clipMessage(reason)
    };
    if (suggestions && suggestions.length > 0) rejection.suggestions = suggestions;
    report.rejected.push(rejection);
  };
  const rejectProblem = (line: number, problem: Problem): void => {
    reject(line, problem.column, problem.reason, problem.suggestions);
    if (!problem.unit) return;
    // A name of a megabyte is not a district: its key is clipped too (no suggestion can be accepted for it).
    const key = clipMessage(normalizeUnitName(problem.unit.name), 200);
    const groupKey = `${problem.unit.kind}\u0000${key}`;
    const issue = unitIssues.get(groupKey);
    if (issue) {
      if (issue.lines.at(-1) !== line) issue.lines.push(line);
    } else {
      unitIssues.set(groupKey, {
        kind: problem.unit.kind,
        name: clipMessage(problem.unit.name, 200),
        key,
        column: problem.column,
        lines: [line],
        suggestions: problem.unit.suggestions
      });
    }
  };

  /** Refuses the whole file: its reason goes first, before the CSV parser's complaints (issue 7: random bytes). */
  const refuse = (reason: string): ResultsReadReport => {
    reject(1, null, reason);
    report.rejected.unshift(report.rejected.pop()!);
    return report;
  };

  const csvErrorLines = new Set<number>();
  for (const error of table.errors) {
    csvErrorLines.add(error.line);
    reject(error.line, null, error.reason);
  }

  if (table.header.length === 0) {
    if (table.errors.length === 0) reject(1, null, 'ไฟล์ว่าง ไม่มีหัวตารางและข้อมูล');
    return report;
  }
  const widest = table.rows.reduce(
    (max, row) => Math.max(max, usedWidth(row.cells)),
    usedWidth(table.header)
  );
  const tooWide = tooManyColumnsReason(widest);
  if (tooWide) return refuse(tooWide);

  // The header is the first line, or a later one when title lines sit above the table.
  let detected = detectLayout(table.header, catalog, scope);
  let dataStart = 0;
  if (!detected.ok) {
    for (let i = 0; i < Math.min(HEADER_SEARCH_LINES, table.rows.length); i++) {
      const candidate = detectLayout(table.rows[i].cells, catalog, scope);
      if (candidate.ok) {
        detected = candidate;
        dataStart = i + 1;
        const last = table.rows[i].line - 1;
        const skipped = last <= 1 ? 'บรรทัด 1' : `บรรทัด 1–${last}`;
        report.warnings.push(`ข้าม${skipped} ที่อยู่ก่อนหัวตาราง (ชื่อรายงานหรือคำอธิบาย)`);
        break;
      }
    }
  }
  if (!detected.ok) {
    const found = table.header.map((cell) => stripInvisible(cell)).filter((cell) => cell !== '');
    return refuse(
      `อ่านตารางไม่ได้: ไม่พบคอลัมน์ ${detected.missing.join(', ')} ` +
        `(ตารางแบบยาวต้องมีคอลัมน์อำเภอ ตัวชี้วัด เดือน และผลการดำเนินงาน; ตารางแบบกว้างต้องมีคอลัมน์อำเภอ เดือน ` +
        `และคอลัมน์ที่หัวเป็นรหัสตัวชี้วัดของกรอบ) — คอลัมน์ที่พบ: ${found.length > 0 ? listText(found) : '(ไม่มี)'}`
    );
  }

  const layout = detected.layout;
  report.layout = layout.kind;
  report.warnings.push(...layout.warnings);
  const units = new UnitResolver(scope, options.aliases, framework.name);
  const seen = new Map<string, number>();
  let notReported = 0;
  const extraCellLines: number[] = [];
  /** Accepted rows worth a warning (a `%` where the KPI is not a percentage, …), by note and KPI. */
  const notes = new Map<ValueNote, Map<Kpi, number[]>>();
  const width = layout.header.length;
  const readColumns = columnsRead(layout);
  const figureColumns =
    layout.kind === 'long'
      ? Object.values(layout.numbers!)
      : layout.wide!.flatMap((column) => [column.value, column.target, column.baseline, column.adjust]);
  const figureIndexes = figureColumns.filter((index): index is number => index !== undefined);

  const records = table.rows.slice(dataStart);
  const ragged = options.leavesOutEmptyCells ?? leavesOutEmptyCells(records, width);
  for (let recordIndex = 0; recordIndex < records.length; recordIndex++) {
    if (options.onProgress && recordIndex % PROGRESS_EVERY === 0)
      options.onProgress(recordIndex / records.length);
    const record = records[recordIndex];
    const { line } = record;
    if (csvErrorLines.has(line)) continue; // already rejected with the parser's reason
    // A workbook cell without a value (a formula saved without its result, a formula error) in a column
    // that is read: the line is rejected, naming each such cell (xlsx.ts).
    const cellProblems = record.problems?.filter((problem) => readColumns.has(problem.index)) ?? [];
    if (cellProblems.length > 0) {
      for (const problem of cellProblems)
        reject(line, headerText(layout.header, problem.index), problem.reason);
      continue;
    }
    const cells = record.cells.map((cell) => stripInvisible(cell));
    if (cells.every((cell) => cell === '')) continue;

    const extra = cells.slice(width).filter((cell) => cell !== '');
    if (extra.length > 0) {
      if (hasSplitThousands(cells)) {
        reject(line, null, splitCellsReason(cells.length, width));
        continue;
      }
      extraCellLines.push(line);
    } else if (splitIntoEmptyCells(cells, width, figureIndexes)) {
      // `…,732,113.47,,`: the split number filled the empty cells after it; the line only looks complete.
      reject(line, null, splitCellsReason(cells.length, width));
      continue;
    }

    const problems: Problem[] = [];
    const missingCells = (indexes: number[]): boolean => {
      const absent = indexes.filter((index) => index >= cells.length);
      if (absent.length === 0) return false;
      reject(
        line,
        null,
        `บรรทัดนี้มี ${cells.length} ช่อง น้อยกว่าหัวตาราง (${width} ช่อง) — ไม่มีช่อง ` +
          absent.map((index) => headerText(layout.header, index)).join(', ')
      );
      return true;
    };
    /** The value's own problems once the KPI is known: a split number, a value outside the KPI's range. */
    const valueProblems = (kpi: Kpi, columns: NumberColumns, figures: Figures): Problem[] => {
      const split = splitNumberProblem(cells, width, columns, kpi, layout.header, ragged);
      if (split) return [split];
      const range = valueRangeProblem(kpi, figures.value, headerText(layout.header, columns.value));
      return range ? [range] : [];
    };

    if (layout.kind === 'long') {
      const numbers = layout.numbers!;
      if (missingCells([layout.unit.unit, layout.kpi!, layout.month, numbers.value])) continue;
      const valueText = cells[numbers.value];
      const value = parseNumber(valueText);
      if (value.ok && value.value === null) {
        notReported++;
        continue;
      }
      const unit = units.resolve(cells, layout.unit);
      if (!unit.ok) problems.push(...unit.problems);
      const kpi = resolveKpi(cells[layout.kpi!], headerText(layout.header, layout.kpi!), catalog, framework);
      if (!kpi.ok) problems.push(kpi.problem);
      const month = resolveMonth(cells[layout.month], headerText(layout.header, layout.month), monthScope);
      if (!month.ok) problems.push(month.problem);
      const figures = readFigures(cells, numbers, layout.header);
      problems.push(...figures.problems);
      if (kpi.ok && figures.problems.length === 0)
        problems.push(...valueProblems(kpi.kpi, numbers, figures.values));
      if (problems.length > 0 || !unit.ok || !kpi.ok || !month.ok) {
        for (const problem of problems) rejectProblem(line, problem);
        continue;
      }
      addRow(
        { unitId: unit.unitId, kpi: kpi.kpi.kpi, month: month.month, ...figures.values, source: file, line },
        null,
        kpi.kpi,
        figures.percent
      );
      continue;
    }

    // Wide: one row per non-blank KPI cell.
    if (missingCells([layout.unit.unit, layout.month])) continue;
    const filled = layout.wide!.filter((column) => (cells[column.value] ?? '') !== '');
    const reported = filled.filter((column) => {
      const parsed = parseNumber(cells[column.value]);
      return !(parsed.ok && parsed.value === null);
    });
    if (reported.length === 0) {
      notReported++;
      continue;
    }
    const unit = units.resolve(cells, layout.unit);
    const month = resolveMonth(cells[layout.month], headerText(layout.header, layout.month), monthScope);
    if (!unit.ok || !month.ok) {
      if (!unit.ok) problems.push(...unit.problems);
      if (!month.ok) problems.push(month.problem);
      for (const problem of problems) rejectProblem(line, problem);
      continue;
    }
    for (const column of reported) {
      const columnName = headerText(layout.header, column.value);
      const composite = compositeReason(column.kpi, catalog);
      if (composite) {
        reject(line, columnName, composite);
        continue;
      }
      const figures = readFigures(cells, column, layout.header);
      const figureProblems =
        figures.problems.length > 0 ? figures.problems : valueProblems(column.kpi, column, figures.values);
      if (figureProblems.length > 0) {
        for (const problem of figureProblems) reject(line, problem.column, problem.reason);
        continue;
      }
      addRow(
        {
          unitId: unit.unitId,
          kpi: column.kpi.kpi,
          month: month.month,
          ...figures.values,
          source: file,
          line
        },
        columnName,
        column.kpi,
        figures.percent
      );
    }
  }

  report.rejected.sort((a, b) => a.line - b.line); // stable: a line's problems keep their column order
  report.unitIssues = [...unitIssues.values()];
  options.onProgress?.(1);
  if (notReported > 0) report.warnings.push(`${notReported} แถวไม่มีค่า (ถือว่าไม่ได้รายงาน)`);
  if (extraCellLines.length > 0) {
    report.warnings.push(
      `${extraCellLines.length} แถวมีช่องเกินหัวตาราง ไม่ได้ใช้ช่องที่เกิน (บรรทัด ${listLines(extraCellLines)})`
    );
  }
  for (const [note, byKpi] of notes) {
    for (const [kpi, lines] of byKpi) report.warnings.push(valueNoteWarning(note, kpi, lines));
  }
  return report;

  function addRow(row: ResultRow, column: string | null, kpi: Kpi, percent: boolean): void {
    const key = resultKey(row);
    const first = seen.get(key);
    if (first !== undefined) {
      reject(row.line, column, duplicateReason(first, units.unitWord, row.kpi));
      return;
    }
    seen.set(key, row.line);
    report.rows.push(row);
    const note = valueNote(kpi, row.value, percent);
    if (note === null) return;
    const byKpi = notes.get(note) ?? new Map<Kpi, number[]>();
    notes.set(note, byKpi);
    const lines = byKpi.get(kpi) ?? [];
    byKpi.set(kpi, lines);
    if (lines.at(-1) !== row.line) lines.push(row.line);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Rejections as a download

/** A cell that Excel would run as a formula starts with one of these (DESIGN §8). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * Rejections as a CSV file to download: `file,line,column,reason,suggestions` (suggestions joined with ` | `),
 * UTF-8 BOM so that Excel reads the Thai, CRLF line ends, every field quoted, formula starts defused.
 */
export function rejectionsToCsv(rejected: readonly Rejection[]): string {
  const lines = [['file', 'line', 'column', 'reason', 'suggestions'].map(csvField).join(',')];
  for (const rejection of rejected) {
    lines.push(
      [
        rejection.file,
        String(rejection.line),
        rejection.column ?? '',
        rejection.reason,
        (rejection.suggestions ?? []).join(' | ')
      ]
        .map(csvField)
        .join(',')
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
