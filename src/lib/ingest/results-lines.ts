/**
 * The lines of a results table under its header → rows or rejections (results.ts reads the header and hands
 * every data line here): `TableReading` keeps the report's rejections and unit issues (and stops at the
 * rejection cap), `LineReader` reads one line of the long or the wide layout by the rules of
 * ./reading-rules.ts — extra and missing cells, split numbers, unit, KPI, month and figures, value ranges,
 * duplicates — and gives the file-level warnings (lines with no value, extra cells, `%` notes) at the end.
 */
import type { Framework, Kpi } from '../domain/framework';
import type { Rejection, ResultRow } from '../domain/results';
import { parseNumber } from '../domain/numbers';
import { stripInvisible } from '../domain/thai-text';
import { normalizeUnitName } from '../domain/units';
import type { CsvRecord } from './csv';
import { MAX_REJECTIONS, clipMessage } from './limits';
import {
  TooManyProblems,
  catalogOf,
  columnsRead,
  compositeReason,
  duplicateReason,
  hasSplitThousands,
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
  valueNote,
  valueNoteWarning,
  valueRangeProblem,
  UnitResolver,
  type Figures,
  type KpiCatalog,
  type Layout,
  type MonthScope,
  type NumberColumns,
  type Problem,
  type UnitScope,
  type ValueNote
} from './reading-rules';
import type { ResultsReadOptions, ResultsReadReport, UnitIssue } from './results-report';

/** One table being read: the report its rejections go into, and the framework's KPIs, units and months. */
export class TableReading {
  readonly framework: Framework;
  readonly catalog: KpiCatalog;
  readonly scope: UnitScope;
  readonly monthScope: MonthScope | null;
  readonly unitIssues = new Map<string, UnitIssue>();

  constructor(
    readonly report: ResultsReadReport,
    readonly file: string,
    readonly options: ResultsReadOptions
  ) {
    this.framework = options.framework;
    this.catalog = catalogOf(this.framework);
    this.scope = scopeOf(this.framework);
    this.monthScope = options.onlyFrameworkMonths ? monthScopeOf(this.framework) : null;
  }

  reject(line: number, column: string | null, reason: string, suggestions?: string[]): void {
    if (this.report.rejected.length >= MAX_REJECTIONS) throw new TooManyProblems(line);
    const rejection: Rejection = {
      file: this.file,
      line,
      column: column === null ? null : clipMessage(column, 200),
      reason: clipMessage(reason)
    };
    if (suggestions && suggestions.length > 0) rejection.suggestions = suggestions;
    this.report.rejected.push(rejection);
  }

  rejectProblem(line: number, problem: Problem): void {
    this.reject(line, problem.column, problem.reason, problem.suggestions);
    if (!problem.unit) return;
    // A name of a megabyte is not a district: its key is clipped too (no suggestion can be accepted for it).
    const key = clipMessage(normalizeUnitName(problem.unit.name), 200);
    const groupKey = `${problem.unit.kind}\u0000${key}`;
    const issue = this.unitIssues.get(groupKey);
    if (issue) {
      if (issue.lines.at(-1) !== line) issue.lines.push(line);
    } else {
      this.unitIssues.set(groupKey, {
        kind: problem.unit.kind,
        name: clipMessage(problem.unit.name, 200),
        key,
        column: problem.column,
        lines: [line],
        suggestions: problem.unit.suggestions
      });
    }
  }

  /** Refuses the whole file: its reason goes first, before the CSV parser's complaints (issue 7: random bytes). */
  refuse(reason: string): ResultsReadReport {
    this.reject(1, null, reason);
    this.report.rejected.unshift(this.report.rejected.pop()!);
    return this.report;
  }
}

/** Reads the data lines of one layout: each line → rows, rejections, or a line with no value. */
export class LineReader {
  private readonly units: UnitResolver;
  private readonly seen = new Map<string, number>();
  private notReported = 0;
  private readonly extraCellLines: number[] = [];
  /** Accepted rows worth a warning (a `%` where the KPI is not a percentage, …), by note and KPI. */
  private readonly notes = new Map<ValueNote, Map<Kpi, number[]>>();
  private readonly width: number;
  private readonly readColumns: Set<number>;
  private readonly figureIndexes: number[];

  constructor(
    private readonly reading: TableReading,
    private readonly layout: Layout,
    /** Whether the file's writer leaves out empty cells at the end of a line (`leavesOutEmptyCells`). */
    private readonly ragged: boolean
  ) {
    this.units = new UnitResolver(reading.scope, reading.options.aliases, reading.framework.name);
    this.width = layout.header.length;
    this.readColumns = columnsRead(layout);
    const figureColumns =
      layout.kind === 'long'
        ? Object.values(layout.numbers!)
        : layout.wide!.flatMap((column) => [column.value, column.target, column.baseline, column.adjust]);
    this.figureIndexes = figureColumns.filter((index): index is number => index !== undefined);
  }

  read(record: CsvRecord): void {
    const { line } = record;
    const layout = this.layout;
    // A workbook cell without a value (a formula saved without its result, a formula error) in a column
    // that is read: the line is rejected, naming each such cell (xlsx.ts).
    const cellProblems = record.problems?.filter((problem) => this.readColumns.has(problem.index)) ?? [];
    if (cellProblems.length > 0) {
      for (const problem of cellProblems)
        this.reading.reject(line, headerText(layout.header, problem.index), problem.reason);
      return;
    }
    const cells = record.cells.map((cell) => stripInvisible(cell));
    if (cells.every((cell) => cell === '')) return;
    if (this.shiftedBySplitNumber(line, cells)) return;
    if (layout.kind === 'long') this.readLong(line, cells);
    else this.readWide(line, cells);
  }

  /** Extra cells: a number split at its separators shifts the cells (rejected), else the extra cells are unused. */
  private shiftedBySplitNumber(line: number, cells: string[]): boolean {
    const width = this.width;
    const extra = cells.slice(width).filter((cell) => cell !== '');
    if (extra.length > 0) {
      if (hasSplitThousands(cells)) {
        this.reading.reject(line, null, splitCellsReason(cells.length, width));
        return true;
      }
      this.extraCellLines.push(line);
    } else if (splitIntoEmptyCells(cells, width, this.figureIndexes)) {
      // `…,732,113.47,,`: the split number filled the empty cells after it; the line only looks complete.
      this.reading.reject(line, null, splitCellsReason(cells.length, width));
      return true;
    }
    return false;
  }

  private missingCells(line: number, cells: string[], indexes: number[]): boolean {
    const absent = indexes.filter((index) => index >= cells.length);
    if (absent.length === 0) return false;
    this.reading.reject(
      line,
      null,
      `บรรทัดนี้มี ${cells.length} ช่อง น้อยกว่าหัวตาราง (${this.width} ช่อง) — ไม่มีช่อง ` +
        absent.map((index) => headerText(this.layout.header, index)).join(', ')
    );
    return true;
  }

  /** The value's own problems once the KPI is known: a split number, a value outside the KPI's range. */
  private valueProblems(cells: string[], kpi: Kpi, columns: NumberColumns, figures: Figures): Problem[] {
    const header = this.layout.header;
    const split = splitNumberProblem(cells, this.width, columns, kpi, header, this.ragged);
    if (split) return [split];
    const range = valueRangeProblem(kpi, figures.value, headerText(header, columns.value));
    return range ? [range] : [];
  }

  private readLong(line: number, cells: string[]): void {
    const { layout, reading } = this;
    const numbers = layout.numbers!;
    if (this.missingCells(line, cells, [layout.unit.unit, layout.kpi!, layout.month, numbers.value])) return;
    const valueText = cells[numbers.value];
    const value = parseNumber(valueText);
    if (value.ok && value.value === null) {
      this.notReported++;
      return;
    }
    const problems: Problem[] = [];
    const unit = this.units.resolve(cells, layout.unit);
    if (!unit.ok) problems.push(...unit.problems);
    const kpiColumn = headerText(layout.header, layout.kpi!);
    const kpi = resolveKpi(cells[layout.kpi!], kpiColumn, reading.catalog, reading.framework);
    if (!kpi.ok) problems.push(kpi.problem);
    const monthColumn = headerText(layout.header, layout.month);
    const month = resolveMonth(cells[layout.month], monthColumn, reading.monthScope);
    if (!month.ok) problems.push(month.problem);
    const figures = readFigures(cells, numbers, layout.header);
    problems.push(...figures.problems);
    if (kpi.ok && figures.problems.length === 0)
      problems.push(...this.valueProblems(cells, kpi.kpi, numbers, figures.values));
    if (problems.length > 0 || !unit.ok || !kpi.ok || !month.ok) {
      for (const problem of problems) reading.rejectProblem(line, problem);
      return;
    }
    const { file } = reading;
    this.addRow(
      { unitId: unit.unitId, kpi: kpi.kpi.kpi, month: month.month, ...figures.values, source: file, line },
      null,
      kpi.kpi,
      figures.percent
    );
  }

  /** Wide: one row per non-blank KPI cell. */
  private readWide(line: number, cells: string[]): void {
    const { layout, reading } = this;
    if (this.missingCells(line, cells, [layout.unit.unit, layout.month])) return;
    const filled = layout.wide!.filter((column) => (cells[column.value] ?? '') !== '');
    const reported = filled.filter((column) => {
      const parsed = parseNumber(cells[column.value]);
      return !(parsed.ok && parsed.value === null);
    });
    if (reported.length === 0) {
      this.notReported++;
      return;
    }
    const problems: Problem[] = [];
    const unit = this.units.resolve(cells, layout.unit);
    const monthColumn = headerText(layout.header, layout.month);
    const month = resolveMonth(cells[layout.month], monthColumn, reading.monthScope);
    if (!unit.ok || !month.ok) {
      if (!unit.ok) problems.push(...unit.problems);
      if (!month.ok) problems.push(month.problem);
      for (const problem of problems) reading.rejectProblem(line, problem);
      return;
    }
    for (const column of reported) {
      const columnName = headerText(layout.header, column.value);
      const composite = compositeReason(column.kpi, reading.catalog);
      if (composite) {
        reading.reject(line, columnName, composite);
        continue;
      }
      const figures = readFigures(cells, column, layout.header);
      const figureProblems =
        figures.problems.length > 0
          ? figures.problems
          : this.valueProblems(cells, column.kpi, column, figures.values);
      if (figureProblems.length > 0) {
        for (const problem of figureProblems) reading.reject(line, problem.column, problem.reason);
        continue;
      }
      const row: ResultRow = {
        unitId: unit.unitId,
        kpi: column.kpi.kpi,
        month: month.month,
        ...figures.values,
        source: reading.file,
        line
      };
      this.addRow(row, columnName, column.kpi, figures.percent);
    }
  }

  private addRow(row: ResultRow, column: string | null, kpi: Kpi, percent: boolean): void {
    const key = resultKey(row);
    const first = this.seen.get(key);
    if (first !== undefined) {
      this.reading.reject(row.line, column, duplicateReason(first, this.units.unitWord, row.kpi));
      return;
    }
    this.seen.set(key, row.line);
    this.reading.report.rows.push(row);
    const note = valueNote(kpi, row.value, percent);
    if (note === null) return;
    const byKpi = this.notes.get(note) ?? new Map<Kpi, number[]>();
    this.notes.set(note, byKpi);
    const lines = byKpi.get(kpi) ?? [];
    byKpi.set(kpi, lines);
    if (lines.at(-1) !== row.line) lines.push(row.line);
  }

  /** The file-level warnings, once every line is read: lines with no value, extra cells, `%` notes. */
  warnings(): string[] {
    const warnings: string[] = [];
    if (this.notReported > 0) warnings.push(`${this.notReported} แถวไม่มีค่า (ถือว่าไม่ได้รายงาน)`);
    if (this.extraCellLines.length > 0) {
      warnings.push(
        `${this.extraCellLines.length} แถวมีช่องเกินหัวตาราง ไม่ได้ใช้ช่องที่เกิน (บรรทัด ${listLines(this.extraCellLines)})`
      );
    }
    for (const [note, byKpi] of this.notes) {
      for (const [kpi, lines] of byKpi) warnings.push(valueNoteWarning(note, kpi, lines));
    }
    return warnings;
  }
}
