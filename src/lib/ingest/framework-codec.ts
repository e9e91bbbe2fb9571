/**
 * The framework fields (src/lib/domain/framework-fields.ts) as files: for each kind of field, how a CSV cell
 * and a JSON value are read (with the same Thai messages), its valibot schema, and how it is written back.
 * framework-csv.ts, framework-json.ts and framework-write.ts apply these to each field in its order; what a
 * read ends in (`finish`: validated, one message per cause) is here too.
 */
import * as v from 'valibot';
import type { Framework, FrameworkIssue } from '../domain/framework';
import {
  NOTES_SEPARATOR,
  FRAMEWORK_TABLES,
  type FrameworkField,
  type FrameworkTable
} from '../domain/framework-fields';
import {
  hasErrors,
  validateFramework,
  type FrameworkLocations,
  type ValidateOptions
} from '../domain/framework-validate';
import { IssueList } from '../domain/issue-list';
import { finiteOrNull, parseNumber } from '../domain/numbers';
import { parseMonth } from '../domain/periods';
import { escapeFormulaText } from '../domain/excel-csv';
import { clipMessage } from './limits';

export interface FrameworkFile {
  name: string;
  text: string;
}

export interface FrameworkReadResult {
  /** The framework, or null when any issue is an error. */
  framework: Framework | null;
  /** Reading problems and `validateFramework`'s findings, errors first. */
  issues: FrameworkIssue[];
}

/** Passed on to `validateFramework` (e.g. `resolveUnit` to check district names in per-unit bands). */
export type FrameworkReadOptions = Pick<ValidateOptions, 'resolveUnit'>;

/** The issue list of a read: messages that quote cells are clipped. */
export function readIssues(): IssueList {
  return new IssueList({ clip: clipMessage });
}

export function failed(where: string, message: string): FrameworkReadResult {
  return { framework: null, issues: [{ severity: 'error', where, message }] };
}

/** Validates, drops validation issues about a place that already has a reading error (one cause, one message). */
export function finish(
  framework: Framework,
  issues: IssueList,
  locations: FrameworkLocations,
  options: FrameworkReadOptions
): FrameworkReadResult {
  const readErrorsAt = new Set(
    issues
      .list()
      .filter((i) => i.severity === 'error')
      .map((i) => i.where)
  );
  for (const issue of validateFramework(framework, { ...options, locations })) {
    if (issue.severity === 'error' && readErrorsAt.has(issue.where)) continue;
    issues.add(issue);
  }
  const list = issues.list();
  return { framework: hasErrors(list) ? null : framework, issues: list };
}

/** Columns of each framework CSV: §9.2's (required) and the extensions (optional), from the field lists. */
export const FRAMEWORK_CSV_COLUMNS = Object.fromEntries(
  Object.entries(FRAMEWORK_TABLES).map(([table, fields]) => [
    table,
    {
      required: fields.filter((field) => !field.extension).map((field) => field.column),
      optional: fields.filter((field) => field.extension).map((field) => field.column)
    }
  ])
) as unknown as Record<FrameworkTable, { required: readonly string[]; optional: readonly string[] }>;

// ---------------------------------------------------------------------------------------------------------
// Values shared by CSV and JSON

function parseBoolean(value: string | null): boolean | undefined {
  if (value === null) return false;
  const lower = value.trim().toLowerCase();
  if (['true', '1', 'yes', ''].includes(lower)) return lower !== '';
  if (['false', '0', 'no'].includes(lower)) return false;
  return undefined;
}

/**
 * The allowed spelling of a choice written in another case (`a-d` → `A-D`) or spelt otherwise (`≥`); empty
 * gives the field's default, else `''`; unknown values are kept for the validator to name.
 */
function choiceOf(field: FrameworkField, value: string | null): string {
  const given = value ?? field.default ?? null;
  if (given === null) return '';
  const trimmed = given.trim();
  const spelt = field.spellings?.[trimmed];
  if (spelt !== undefined) return spelt;
  const match = (field.choices ?? []).find((candidate) => candidate.toLowerCase() === trimmed.toLowerCase());
  return match ?? trimmed;
}

function splitNotes(value: string | null): string[] {
  if (value === null) return [];
  return value
    .split(NOTES_SEPARATOR.trim())
    .map((note) => note.trim())
    .filter((note) => note !== '');
}

/** A band's points; when empty and the level is a number (1–5 scale), the level itself (DESIGN §4.3). */
function pointsOrLevel(points: number | null, level: unknown, fail: (reason: string) => void): number {
  if (points !== null) return points;
  const text = typeof level === 'string' ? level : '';
  const fromLevel = parseNumber(text);
  if (text !== '' && fromLevel.ok && fromLevel.value !== null) return fromLevel.value;
  fail(`ไม่มีคะแนน (points) ของระดับ "${text}"`);
  return Number.NaN;
}

// ---------------------------------------------------------------------------------------------------------
// CSV cells

export interface TableRow {
  where: string;
  /** The trimmed cell of a column; null when empty or when the column is absent. */
  cell(column: string): string | null;
}

function numberCell(row: TableRow, column: string, issues: IssueList): number | null {
  const cell = row.cell(column);
  if (cell === null) return null;
  const parsed = parseNumber(cell);
  if (parsed.ok) return parsed.value;
  issues.error(row.where, `คอลัมน์ ${column}: ${parsed.reason}`);
  return null;
}

function cellValue(
  field: FrameworkField,
  row: TableRow,
  record: Record<string, unknown>,
  issues: IssueList
): unknown {
  const cell = row.cell(field.column);
  switch (field.kind) {
    case 'text':
    case 'blankText':
      return cell ?? '';
    case 'optionalText':
      return cell;
    case 'number':
      return numberCell(row, field.column, issues);
    case 'year':
      return numberCell(row, field.column, issues) ?? Number.NaN;
    case 'flag': {
      const parsed = parseBoolean(cell);
      if (parsed !== undefined) return parsed;
      issues.error(
        row.where,
        `คอลัมน์ ${field.column}: ต้องเป็น true/false, 1/0, yes/no หรือเว้นว่าง: ได้ "${cell}"`
      );
      return false;
    }
    case 'choice':
      return choiceOf(field, cell);
    case 'optionalChoice':
      return cell === null ? null : choiceOf(field, cell);
    case 'points':
      return pointsOrLevel(numberCell(row, field.column, issues), record.level, (reason) =>
        issues.error(row.where, reason)
      );
    case 'month': {
      const month = cell === null ? null : parseMonth(cell);
      if (cell !== null && month === null) {
        issues.error(
          row.where,
          `คอลัมน์ ${field.column}: ไม่รู้จักเดือน "${cell}" (เช่น 2567-04, เม.ย. 67 หรือเว้นว่าง = ทุกเดือน)`
        );
      }
      return month ?? cell;
    }
    case 'notes':
      return splitNotes(cell);
  }
}

/** One CSV row read field by field, in the fields' order (so its issues come in that order). */
export function recordFromCells(
  fields: readonly FrameworkField[],
  row: TableRow,
  issues: IssueList
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of fields) record[field.key] = cellValue(field, row, record, issues);
  return record;
}

// ---------------------------------------------------------------------------------------------------------
// JSON values

/** Text, or a number written where text is meant (`"kpi": 1`, `"level": 5`). */
const label = v.pipe(
  v.union([v.string(), v.number()], 'ต้องเป็นข้อความ'),
  v.transform((value) => String(value).trim())
);
const optionalLabel = v.pipe(
  v.nullish(label),
  v.transform((value) => (value === undefined || value === null || value === '' ? null : value))
);
/** A number, or text holding one (`"1,000"`, `"๒๐"`); blank text is null. */
const numeric = v.pipe(
  v.union([v.number(), v.string()], 'ต้องเป็นตัวเลข'),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    if (typeof dataset.value === 'number') return dataset.value;
    const parsed = parseNumber(dataset.value);
    if (parsed.ok) return parsed.value;
    addIssue({ message: parsed.reason });
    return NEVER;
  })
);
const optionalNumber = v.pipe(
  v.nullish(numeric),
  v.transform((value) => value ?? null)
);
const flag = v.pipe(
  v.nullish(v.union([v.boolean(), v.number(), v.string()], 'ต้องเป็น true หรือ false')),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const value = dataset.value;
    if (value === undefined || value === null) return false;
    if (typeof value === 'boolean') return value;
    const parsed = parseBoolean(String(value));
    if (parsed !== undefined) return parsed;
    addIssue({ message: `ต้องเป็น true หรือ false: ได้ ${JSON.stringify(value)}` });
    return NEVER;
  })
);
const notes = v.pipe(
  v.nullish(v.union([v.array(v.string()), v.string()], 'ต้องเป็นรายการข้อความ'), []),
  v.transform((list) => (typeof list === 'string' ? [list] : list))
);

function fieldSchema(field: FrameworkField) {
  switch (field.kind) {
    case 'text':
      return label;
    case 'choice':
      return field.default === undefined ? label : optionalLabel;
    case 'blankText':
    case 'optionalText':
    case 'optionalChoice':
    case 'month':
      return optionalLabel;
    case 'number':
    case 'points':
      return optionalNumber;
    case 'year':
      return numeric;
    case 'flag':
      return flag;
    case 'notes':
      return notes;
  }
}

/** The valibot schema of one JSON object holding `fields`. */
export function objectSchema(fields: readonly FrameworkField[]) {
  return v.object(Object.fromEntries(fields.map((field) => [field.key, fieldSchema(field)])));
}

function jsonValue(
  field: FrameworkField,
  value: unknown,
  record: Record<string, unknown>,
  where: string,
  issues: IssueList
): unknown {
  switch (field.kind) {
    case 'text':
      return value;
    case 'blankText':
      return value ?? '';
    case 'optionalText':
    case 'number':
      return value ?? null;
    case 'year':
      return value ?? Number.NaN;
    case 'flag':
      return value ?? false;
    case 'choice':
      return choiceOf(field, (value as string | null | undefined) ?? null);
    case 'optionalChoice':
      return value === null || value === undefined ? null : choiceOf(field, value as string);
    case 'points':
      return pointsOrLevel((value as number | null | undefined) ?? null, record.level, (reason) =>
        issues.error(where, reason)
      );
    case 'month': {
      const text = (value as string | null | undefined) ?? null;
      const month = text === null ? null : parseMonth(text);
      if (text !== null && month === null) {
        issues.error(where, `${field.key}: ไม่รู้จักเดือน "${text}" (เช่น 2024-04 หรือ null = ทุกเดือน)`);
      }
      return month ?? text;
    }
    case 'notes':
      return (value as string[]).map((note) => note.trim()).filter((note) => note !== '');
  }
}

/** One object parsed by `objectSchema(fields)`, as the model holds it (issues at `where`). */
export function recordFromJson(
  fields: readonly FrameworkField[],
  parsed: Record<string, unknown>,
  where: string,
  issues: IssueList
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of fields) record[field.key] = jsonValue(field, parsed[field.key], record, where, issues);
  return record;
}

// ---------------------------------------------------------------------------------------------------------
// Writing

/** Exact (shortest round-tripping) text of a number; '' for null and non-finite. */
function numberText(value: unknown): string {
  const finite = finiteOrNull(value as number | null | undefined);
  return finite === null ? '' : String(Object.is(finite, -0) ? 0 : finite);
}

/** A record's value for JSON: numbers finite or null, absent extensions null. */
export function jsonRecord(fields: readonly FrameworkField[], record: object): Record<string, unknown> {
  const values = record as Record<string, unknown>;
  return Object.fromEntries(
    fields.map((field) => {
      const value = values[field.key];
      switch (field.kind) {
        case 'number':
        case 'points':
        case 'year':
          return [field.key, finiteOrNull(value as number | null | undefined)];
        default:
          return [field.key, value ?? null];
      }
    })
  );
}

/**
 * A record's CSV cell for a field: texts that would start a formula get a `'` in front (`escapeFormulaText`,
 * removed by the reader), numbers written plainly, flags `true`/`false`.
 */
export function csvCell(field: FrameworkField, record: object): string {
  const value = (record as Record<string, unknown>)[field.key];
  switch (field.kind) {
    case 'number':
    case 'points':
    case 'year':
      return numberText(value);
    case 'flag':
      return value ? 'true' : 'false';
    case 'notes':
      return escapeFormulaText(((value as string[] | undefined) ?? []).join(NOTES_SEPARATOR));
    default:
      return escapeFormulaText((value as string | null | undefined) ?? '');
  }
}

/** A CSV table of `records`: §9.2's columns, and each extension column that some record uses. */
export function csvTable(fields: readonly FrameworkField[], records: readonly object[]): string[][] {
  const columns = fields.filter(
    (field) => !field.extension || records.some((record) => csvCell(field, record) !== '')
  );
  return [
    columns.map((field) => field.column),
    ...records.map((record) => columns.map((field) => csvCell(field, record)))
  ];
}
