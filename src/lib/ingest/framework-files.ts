/**
 * User files → a `Framework` (DESIGN §9.2): a framework folder (`framework.csv`, `kpis.csv`, `levels.csv`,
 * optional `targets.csv`) or one JSON file, and back. Every problem is a `FrameworkIssue` naming the file and
 * line (CSV) or the path in the JSON (`rules.json:kpis[2].weight`); nothing throws.
 *
 * A result carries a framework only when there are no errors: what comes back is always safe to score.
 * Extensions of §9.2 (optional columns, never required): kpis.csv `unit_label`, `min`, `max` (the valid range
 * of a reported value, either may be empty), `how_to_report`, `short_name` (a header-sized name);
 * framework.csv `notes` (separated by ` | `), `source`; `targets.csv` `kpi,unit,month,target,baseline`.
 */
import * as v from 'valibot';
import {
  AGGREGATES,
  BAND_OPS,
  COMBINES,
  FRAMEWORK_PERIODS,
  MEASURES,
  SCALES,
  type Band,
  type BandOp,
  type Framework,
  type FrameworkIssue,
  type FrameworkPeriod,
  type Kpi,
  type UnitTarget
} from '../domain/framework';
import {
  hasErrors,
  validateFramework,
  type FrameworkLocations,
  type ValidateOptions
} from '../domain/framework-validate';
import { finiteOrNull, parseNumber } from '../domain/numbers';
import { parseMonth } from '../domain/periods';
import { escapeFormulaText, unescapeFormulaText } from '../export/csv';
import { formatCsv, parseCsv } from './csv';
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

/** Columns of each framework CSV: §9.2's (required) and the extensions (optional). */
export const FRAMEWORK_CSV_COLUMNS = {
  framework: { required: ['id', 'name', 'province', 'fiscal_year', 'period'], optional: ['notes', 'source'] },
  kpis: {
    required: [
      'kpi',
      'name',
      'group',
      'weight',
      'scale',
      'measure',
      'aggregate',
      'interpolate',
      'target_level',
      'parent',
      'combine'
    ],
    optional: ['unit_label', 'min', 'max', 'how_to_report', 'short_name']
  },
  levels: { required: ['kpi', 'level', 'points', 'op', 'value', 'value2', 'unit', 'label'], optional: [] },
  targets: { required: ['kpi', 'unit', 'month', 'target', 'baseline'], optional: [] }
} as const;

type TableKind = keyof typeof FRAMEWORK_CSV_COLUMNS;

/** Notes in one framework.csv cell are separated by this. */
export const NOTES_SEPARATOR = ' | ';

/** At most this many reading issues are listed; the rest are counted in one last issue. */
const MAX_READ_ISSUES = 500;

/**
 * Reads a framework folder (files recognised by name, case-insensitive, any folder prefix) or a single JSON
 * file. Other files are ignored with a warning.
 */
export function readFrameworkFiles(
  files: FrameworkFile[],
  options: FrameworkReadOptions = {}
): FrameworkReadResult {
  try {
    return readFiles(Array.isArray(files) ? files : [], options);
  } catch (error) {
    return failed('framework', `อ่านไฟล์ชุดเกณฑ์ไม่สำเร็จ: ${String(error)}`);
  }
}

/** Reads a framework from JSON: the `Framework` interface's keys, or the CSV column names (`fiscal_year`, `levels`). */
export function readFrameworkJson(
  name: string,
  text: string,
  options: FrameworkReadOptions = {}
): FrameworkReadResult {
  const fileName = typeof name === 'string' && name !== '' ? name : 'framework.json';
  try {
    return readJson(fileName, typeof text === 'string' ? text : '', options);
  } catch (error) {
    return failed(fileName, `อ่านไฟล์ JSON ไม่สำเร็จ: ${String(error)}`);
  }
}

function failed(where: string, message: string): FrameworkReadResult {
  return { framework: null, issues: [{ severity: 'error', where, message }] };
}

// ---------------------------------------------------------------------------------------------------------
// Framework folder (CSV)

function baseName(name: unknown): string {
  return (typeof name === 'string' ? name : '').split(/[\\/]/).pop()!.trim();
}

function readFiles(files: FrameworkFile[], options: FrameworkReadOptions): FrameworkReadResult {
  const issues = new IssueList();
  const tables = new Map<TableKind, FrameworkFile>();
  const json: FrameworkFile[] = [];
  for (const file of files) {
    if (!file || typeof file !== 'object') continue;
    const base = baseName(file.name);
    const lower = base.toLowerCase();
    const kind = (Object.keys(FRAMEWORK_CSV_COLUMNS) as TableKind[]).find((k) => lower === `${k}.csv`);
    if (kind) {
      if (tables.has(kind)) issues.error(base, `มีไฟล์ ${kind}.csv มากกว่าหนึ่งไฟล์: ส่งชุดเกณฑ์ทีละชุด`);
      else tables.set(kind, { name: base, text: typeof file.text === 'string' ? file.text : '' });
    } else if (lower.endsWith('.json')) json.push(file);
    else
      issues.warning(
        base || '(ไม่มีชื่อ)',
        `ไม่ได้ใช้ไฟล์ ${base}: ชุดเกณฑ์ใช้ framework.csv, kpis.csv, levels.csv, targets.csv หรือไฟล์ .json หนึ่งไฟล์`
      );
  }
  if (tables.size === 0 && json.length === 1) {
    const result = readFrameworkJson(baseName(json[0].name), json[0].text, options);
    return { framework: result.framework, issues: [...issues.list(), ...result.issues] };
  }
  if (json.length > 0) {
    issues.error(
      json.map((file) => baseName(file.name)).join(', '),
      tables.size > 0
        ? 'ส่งมาทั้งไฟล์ CSV และไฟล์ JSON: เลือกอย่างใดอย่างหนึ่ง'
        : 'ส่งไฟล์ JSON มากกว่าหนึ่งไฟล์: ส่งชุดเกณฑ์ทีละชุด'
    );
    return { framework: null, issues: issues.list() };
  }
  if (files.length === 0) {
    issues.error('framework', 'ไม่มีไฟล์ชุดเกณฑ์: ใช้ framework.csv, kpis.csv และ levels.csv หรือไฟล์ .json หนึ่งไฟล์');
  }
  for (const kind of ['framework', 'kpis', 'levels'] as const) {
    if (!tables.has(kind)) issues.error(`${kind}.csv`, `ไม่มีไฟล์ ${kind}.csv ในชุดเกณฑ์`);
  }
  if (issues.hasErrors()) return { framework: null, issues: issues.list() };

  const locations = { framework: '', kpis: [] as string[], bands: [] as string[], targets: [] as string[] };
  const frameworkTable = readTable(tables.get('framework')!, 'framework', issues);
  const kpiTable = readTable(tables.get('kpis')!, 'kpis', issues);
  const levelTable = readTable(tables.get('levels')!, 'levels', issues);
  const targetFile = tables.get('targets');
  const targetTable = targetFile ? readTable(targetFile, 'targets', issues) : null;
  if (!frameworkTable || !kpiTable || !levelTable || (targetFile && !targetTable)) {
    return { framework: null, issues: issues.list() };
  }

  const header = frameworkFromRows(frameworkTable, tables.get('framework')!.name, issues);
  locations.framework = header.where;
  const kpis = kpiTable.rows.map((row) => {
    locations.kpis.push(row.where);
    return kpiFromRow(row, issues);
  });
  const bands = levelTable.rows.map((row) => {
    locations.bands.push(row.where);
    return bandFromRow(row, issues);
  });
  const targets = (targetTable?.rows ?? []).map((row) => {
    locations.targets.push(row.where);
    return targetFromRow(row, issues);
  });
  const framework: Framework = { ...header.fields, kpis, bands, targets };
  return finish(framework, issues, locations, options);
}

/** Validates, drops validation issues about a place that already has a reading error (one cause, one message). */
function finish(
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

interface TableRow {
  where: string;
  /** The trimmed cell of a column; null when empty or when the column is absent. */
  cell(column: string): string | null;
}

interface Table {
  rows: TableRow[];
}

function readTable(file: FrameworkFile, kind: TableKind, issues: IssueList): Table | null {
  const name = file.name;
  const csv = parseCsv(file.text);
  for (const error of csv.errors) issues.error(`${name}:${error.line}`, error.reason);
  const columns = new Map<string, number>();
  const unknown: string[] = [];
  const spec = FRAMEWORK_CSV_COLUMNS[kind];
  const known = new Set<string>([...spec.required, ...spec.optional]);
  for (const [index, raw] of csv.header.entries()) {
    const column = raw.trim().toLowerCase();
    if (column === '') continue;
    if (columns.has(column)) {
      issues.error(`${name}:1`, `คอลัมน์ ${column} ซ้ำกันในไฟล์ ${name}`);
      continue;
    }
    columns.set(column, index);
    if (!known.has(column)) unknown.push(raw.trim());
  }
  if (unknown.length > 0) {
    issues.warning(`${name}:1`, `ไม่รู้จักคอลัมน์ ${unknown.join(', ')} ในไฟล์ ${name}: ไม่ได้ใช้`);
  }
  const missing = spec.required.filter((column) => !columns.has(column));
  if (csv.header.length === 0) {
    issues.error(name, `ไฟล์ ${name} ว่าง: ต้องมีแถวหัวตาราง ${spec.required.join(',')}`);
    return null;
  }
  for (const column of missing) issues.error(`${name}:1`, `ไฟล์ ${name} ไม่มีคอลัมน์ ${column}`);
  if (missing.length > 0) return null;
  return {
    rows: csv.rows.map(({ line, cells }) => {
      const extra = cells.slice(csv.header.length).filter((cell) => cell.trim() !== '');
      if (extra.length === 0 && cells.length > csv.header.length) {
        issues.warning(
          `${name}:${line}`,
          `แถวนี้มี ${cells.length} ช่อง มากกว่าหัวตาราง (${csv.header.length}): ` +
            'ถ้าข้อความมีจุลภาค (,) ต้องอยู่ในเครื่องหมายคำพูด "…" มิฉะนั้นข้อมูลจะเลื่อนช่อง'
        );
      }
      if (extra.length > 0) {
        issues.error(
          `${name}:${line}`,
          `แถวนี้มีข้อมูลเกินคอลัมน์ของหัวตาราง (${extra
            .slice(0, 3)
            .map((cell) => `"${cell.trim()}"`)
            .join(', ')}): ` + 'ข้อความที่มีจุลภาค (,) ต้องอยู่ในเครื่องหมายคำพูด "…"'
        );
      }
      return tableRow(name, line, cells, columns);
    })
  };
}

function tableRow(name: string, line: number, cells: string[], columns: Map<string, number>): TableRow {
  return {
    where: `${name}:${line}`,
    cell(column) {
      const index = columns.get(column);
      const value = index === undefined ? undefined : cells[index];
      // A text written as `'=…` by frameworkToCsvFiles (so that Excel does not run it) is read as `=…`.
      const trimmed = value === undefined ? '' : unescapeFormulaText(value.trim()).trim();
      return trimmed === '' ? null : trimmed;
    }
  };
}

function frameworkFromRows(
  table: Table,
  fileName: string,
  issues: IssueList
): { fields: Omit<Framework, 'kpis' | 'bands' | 'targets'>; where: string } {
  const [row, ...extra] = table.rows;
  const fields: Omit<Framework, 'kpis' | 'bands' | 'targets'> = {
    id: '',
    name: '',
    province: null,
    fiscalYear: Number.NaN,
    period: null,
    notes: [],
    source: null
  };
  if (!row) {
    issues.error(`${fileName}:2`, `${fileName} ไม่มีแถวข้อมูล: ต้องมีหนึ่งแถว id,name,province,fiscal_year,period`);
    return { fields, where: `${fileName}:2` };
  }
  for (const other of extra) {
    issues.error(other.where, `${fileName} ต้องมีข้อมูลแถวเดียว: หนึ่งชุดเกณฑ์ต่อหนึ่งโฟลเดอร์`);
  }
  fields.id = row.cell('id') ?? '';
  fields.name = row.cell('name') ?? '';
  fields.province = row.cell('province');
  const year = numberCell(row, 'fiscal_year', issues);
  if (year === null && row.cell('fiscal_year') === null) {
    issues.error(row.where, 'ไม่มีปีงบประมาณ (fiscal_year) เช่น 2567');
  }
  fields.fiscalYear = year ?? Number.NaN;
  fields.period = normalizePeriod(row.cell('period'));
  fields.notes = splitNotes(row.cell('notes'));
  fields.source = row.cell('source');
  return { fields, where: row.where };
}

function kpiFromRow(row: TableRow, issues: IssueList): Kpi {
  return {
    kpi: row.cell('kpi') ?? '',
    name: row.cell('name') ?? '',
    group: row.cell('group'),
    weight: numberCell(row, 'weight', issues),
    scale: canonical(SCALES, row.cell('scale')),
    measure: canonical(MEASURES, row.cell('measure')),
    aggregate: canonical(AGGREGATES, row.cell('aggregate') ?? DEFAULT_AGGREGATE),
    interpolate: booleanCell(row, 'interpolate', issues),
    targetLevel: row.cell('target_level'),
    parent: row.cell('parent'),
    combine: nullableCanonical(COMBINES, row.cell('combine')),
    unitLabel: row.cell('unit_label'),
    min: numberCell(row, 'min', issues),
    max: numberCell(row, 'max', issues),
    howToReport: row.cell('how_to_report'),
    shortName: row.cell('short_name')
  };
}

function bandFromRow(row: TableRow, issues: IssueList): Band {
  const level = row.cell('level') ?? '';
  return {
    kpi: row.cell('kpi') ?? '',
    level,
    points: pointsOrLevel(numberCell(row, 'points', issues), level, (reason) =>
      issues.error(row.where, reason)
    ),
    op: normalizeOp(row.cell('op')),
    value: numberCell(row, 'value', issues),
    value2: numberCell(row, 'value2', issues),
    unit: row.cell('unit'),
    label: row.cell('label') ?? ''
  };
}

function targetFromRow(row: TableRow, issues: IssueList): UnitTarget {
  const monthText = row.cell('month');
  const month = monthText === null ? null : parseMonth(monthText);
  if (monthText !== null && month === null) {
    issues.error(
      row.where,
      `คอลัมน์ month: ไม่รู้จักเดือน "${monthText}" (เช่น 2567-04, เม.ย. 67 หรือเว้นว่าง = ทุกเดือน)`
    );
  }
  return {
    kpi: row.cell('kpi') ?? '',
    unit: row.cell('unit') ?? '',
    month: month ?? (monthText === null ? null : monthText),
    target: numberCell(row, 'target', issues),
    baseline: numberCell(row, 'baseline', issues)
  };
}

function numberCell(row: TableRow, column: string, issues: IssueList): number | null {
  const cell = row.cell(column);
  if (cell === null) return null;
  const parsed = parseNumber(cell);
  if (parsed.ok) return parsed.value;
  issues.error(row.where, `คอลัมน์ ${column}: ${parsed.reason}`);
  return null;
}

function booleanCell(row: TableRow, column: string, issues: IssueList): boolean {
  const parsed = parseBoolean(row.cell(column));
  if (parsed !== undefined) return parsed;
  issues.error(
    row.where,
    `คอลัมน์ ${column}: ต้องเป็น true/false, 1/0, yes/no หรือเว้นว่าง: ได้ "${row.cell(column)}"`
  );
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Cell values shared by CSV and JSON

/** When a non-composite's aggregate is left empty: the last month (cumulative figures). */
const DEFAULT_AGGREGATE = 'last';

function parseBoolean(value: string | null): boolean | undefined {
  if (value === null) return false;
  const lower = value.trim().toLowerCase();
  if (['true', '1', 'yes', ''].includes(lower)) return lower !== '';
  if (['false', '0', 'no'].includes(lower)) return false;
  return undefined;
}

/** The allowed spelling of a value written in another case (`a-d` → `A-D`); unknown values are kept for the validator to name. */
function canonical<T extends string>(allowed: readonly T[], value: string | null): T {
  if (value === null) return '' as T;
  const match = allowed.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase());
  return match ?? (value.trim() as T);
}

function nullableCanonical<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value === null ? null : canonical(allowed, value);
}

const OP_SPELLINGS: Record<string, BandOp> = { '≥': '>=', '=>': '>=', '≤': '<=', '=<': '<=' };

function normalizeOp(value: string | null): BandOp {
  if (value === null) return '' as BandOp;
  const trimmed = value.trim();
  return OP_SPELLINGS[trimmed] ?? canonical(BAND_OPS, trimmed);
}

function normalizePeriod(value: string | null): FrameworkPeriod | null {
  return value === null ? null : canonical(FRAMEWORK_PERIODS, value);
}

function splitNotes(value: string | null): string[] {
  if (value === null) return [];
  return value
    .split(NOTES_SEPARATOR.trim())
    .map((note) => note.trim())
    .filter((note) => note !== '');
}

/** A band's points; when empty and the level is a number (1–5 scale), the level itself (DESIGN §4.3). */
function pointsOrLevel(points: number | null, level: string, fail: (reason: string) => void): number {
  if (points !== null) return points;
  const fromLevel = parseNumber(level);
  if (level !== '' && fromLevel.ok && fromLevel.value !== null) return fromLevel.value;
  fail(`ไม่มีคะแนน (points) ของระดับ "${level}"`);
  return Number.NaN;
}

// ---------------------------------------------------------------------------------------------------------
// JSON

/** Keys as written in the CSV columns (and `levels` for the bands) → the `Framework` interface's keys. */
const KEY_ALIASES: Record<string, string> = {
  fiscal_year: 'fiscalYear',
  target_level: 'targetLevel',
  unit_label: 'unitLabel',
  how_to_report: 'howToReport',
  short_name: 'shortName',
  levels: 'bands'
};

const FRAMEWORK_KEYS = [
  'id',
  'name',
  'province',
  'fiscalYear',
  'period',
  'kpis',
  'bands',
  'targets',
  'notes',
  'source'
];
const ITEM_KEYS: Record<string, string[]> = {
  kpis: [
    'kpi',
    'name',
    'group',
    'weight',
    'scale',
    'measure',
    'aggregate',
    'interpolate',
    'targetLevel',
    'parent',
    'combine',
    'unitLabel',
    'min',
    'max',
    'howToReport',
    'shortName'
  ],
  bands: ['kpi', 'level', 'points', 'op', 'value', 'value2', 'unit', 'label'],
  targets: ['kpi', 'unit', 'month', 'target', 'baseline']
};

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

const kpiSchema = v.object({
  kpi: label,
  name: label,
  group: optionalLabel,
  weight: optionalNumber,
  scale: label,
  measure: label,
  aggregate: optionalLabel,
  interpolate: flag,
  targetLevel: optionalLabel,
  parent: optionalLabel,
  combine: optionalLabel,
  unitLabel: optionalLabel,
  min: optionalNumber,
  max: optionalNumber,
  howToReport: optionalLabel,
  shortName: optionalLabel
});

const bandSchema = v.object({
  kpi: label,
  level: label,
  points: optionalNumber,
  op: label,
  value: optionalNumber,
  value2: optionalNumber,
  unit: optionalLabel,
  label: optionalLabel
});

const targetSchema = v.object({
  kpi: label,
  unit: label,
  month: optionalLabel,
  target: optionalNumber,
  baseline: optionalNumber
});

const frameworkSchema = v.object({
  id: label,
  name: label,
  province: optionalLabel,
  fiscalYear: numeric,
  period: optionalLabel,
  kpis: v.array(kpiSchema),
  bands: v.array(bandSchema),
  targets: v.optional(v.array(targetSchema), []),
  notes: v.pipe(
    v.nullish(v.union([v.array(v.string()), v.string()], 'ต้องเป็นรายการข้อความ'), []),
    v.transform((notes) => (typeof notes === 'string' ? [notes] : notes))
  ),
  source: optionalLabel
});

function readJson(name: string, text: string, options: FrameworkReadOptions): FrameworkReadResult {
  const issues = new IssueList();
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    return { framework: null, issues: [jsonSyntaxIssue(name, source, error)] };
  }
  if (!isPlainObject(data)) {
    return failed(name, `ไฟล์ JSON ต้องเป็นออบเจ็กต์ { … } ของชุดเกณฑ์: ได้ ${kindOf(data)}`);
  }
  const normalized = normalizeKeys(data, name, issues);
  const parsed = v.safeParse(frameworkSchema, normalized.value);
  if (!parsed.success || issues.hasErrors()) {
    for (const issue of parsed.issues ?? []) {
      const path = jsonPath(issue.path, normalized.spelling);
      if (normalized.notObjects.some((bad) => path === bad || path.startsWith(`${bad}.`))) continue;
      issues.error(path ? `${name}:${path}` : name, describeJsonIssue(issue, path));
    }
    return { framework: null, issues: issues.list() };
  }
  const out = parsed.output;
  const bandsKey = normalized.spelling.get('bands') ?? 'bands';
  const locations = {
    framework: name,
    kpis: out.kpis.map((_, i) => `${name}:kpis[${i}]`),
    bands: out.bands.map((_, i) => `${name}:${bandsKey}[${i}]`),
    targets: out.targets.map((_, i) => `${name}:targets[${i}]`)
  };
  const framework: Framework = {
    id: out.id,
    name: out.name,
    province: out.province ?? null,
    fiscalYear: out.fiscalYear ?? Number.NaN,
    period: normalizePeriod(out.period ?? null),
    kpis: out.kpis.map((kpi) => ({
      kpi: kpi.kpi,
      name: kpi.name,
      group: kpi.group ?? null,
      weight: kpi.weight ?? null,
      scale: canonical(SCALES, kpi.scale),
      measure: canonical(MEASURES, kpi.measure),
      aggregate: canonical(AGGREGATES, kpi.aggregate ?? DEFAULT_AGGREGATE),
      interpolate: kpi.interpolate ?? false,
      targetLevel: kpi.targetLevel ?? null,
      parent: kpi.parent ?? null,
      combine: nullableCanonical(COMBINES, kpi.combine ?? null),
      unitLabel: kpi.unitLabel ?? null,
      min: kpi.min ?? null,
      max: kpi.max ?? null,
      howToReport: kpi.howToReport ?? null,
      shortName: kpi.shortName ?? null
    })),
    bands: out.bands.map((band, i) => ({
      kpi: band.kpi,
      level: band.level,
      points: pointsOrLevel(band.points ?? null, band.level, (reason) =>
        issues.error(locations.bands[i], reason)
      ),
      op: normalizeOp(band.op),
      value: band.value ?? null,
      value2: band.value2 ?? null,
      unit: band.unit ?? null,
      label: band.label ?? ''
    })),
    targets: out.targets.map((target, i) => {
      const monthText = target.month ?? null;
      const month = monthText === null ? null : parseMonth(monthText);
      if (monthText !== null && month === null) {
        issues.error(locations.targets[i], `month: ไม่รู้จักเดือน "${monthText}" (เช่น 2024-04 หรือ null = ทุกเดือน)`);
      }
      return {
        kpi: target.kpi,
        unit: target.unit,
        month: month ?? monthText,
        target: target.target ?? null,
        baseline: target.baseline ?? null
      };
    }),
    notes: out.notes.map((note) => note.trim()).filter((note) => note !== ''),
    source: out.source ?? null
  };
  if (out.fiscalYear === null) issues.error(`${name}:fiscalYear`, 'ไม่มีปีงบประมาณ (fiscalYear) เช่น 2567');
  return finish(framework, issues, locations, options);
}

interface NormalizedJson {
  value: unknown;
  /** Paths of list items that are not objects (already reported), such as `kpis[2]`. */
  notObjects: string[];
  /** Interface key → the key as the file spells it, where they differ (`fiscalYear` → `fiscal_year`). */
  spelling: Map<string, string>;
}

/** Renames CSV-style keys to the interface's, warns about unknown keys (once per key and list). */
function normalizeKeys(data: Record<string, unknown>, name: string, issues: IssueList): NormalizedJson {
  const spelling = new Map<string, string>();
  const notObjects: string[] = [];
  const top = renameKeys(data, FRAMEWORK_KEYS, spelling, (keys) =>
    issues.warning(name, `ไม่รู้จักช่อง ${keys.join(', ')}: ไม่ได้ใช้`)
  );
  for (const list of Object.keys(ITEM_KEYS)) {
    const items = top[list];
    if (!Array.isArray(items)) continue;
    const unknown = new Set<string>();
    const listName = spelling.get(list) ?? list;
    top[list] = items.map((item, i) => {
      if (isPlainObject(item)) {
        return renameKeys(item, ITEM_KEYS[list], spelling, (keys) => keys.forEach((key) => unknown.add(key)));
      }
      const path = `${listName}[${i}]`;
      notObjects.push(path);
      issues.error(`${name}:${path}`, `ช่อง ${path} ต้องเป็นออบเจ็กต์ { … }: ได้ ${kindOf(item)}`);
      return item;
    });
    if (unknown.size > 0) {
      issues.warning(`${name}:${listName}`, `ไม่รู้จักช่อง ${[...unknown].join(', ')} ใน ${listName}: ไม่ได้ใช้`);
    }
  }
  return { value: top, spelling, notObjects };
}

/** A value's kind as valibot words it in `received`: `Array`, `null`, `"text"`, `5`. */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'Array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'Object';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 40)}…` : json;
}

function renameKeys(
  object: Record<string, unknown>,
  allowed: readonly string[],
  spelling: Map<string, string>,
  onUnknown: (keys: string[]) => void
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    const target = KEY_ALIASES[key] ?? key;
    if (!allowed.includes(target)) {
      unknown.push(key);
      continue;
    }
    if (target !== key) {
      if (Object.hasOwn(object, target)) continue; // both spellings: the interface's wins
      spelling.set(target, key);
    }
    out[target] = value;
  }
  if (unknown.length > 0) onUnknown(unknown);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `kpis[2].weight`, in the file's own spelling of the keys. */
function jsonPath(path: v.BaseIssue<unknown>['path'], spelling: Map<string, string>): string {
  let out = '';
  for (const item of path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const shown = spelling.get(String(key)) ?? String(key);
      out += out === '' ? shown : `.${shown}`;
    }
  }
  return out;
}

function describeJsonIssue(issue: v.BaseIssue<unknown>, path: string): string {
  const field = path === '' ? 'ไฟล์ JSON' : `ช่อง ${path}`;
  const received = issue.received === 'undefined' ? 'ไม่มีค่า' : issue.received;
  switch (issue.type) {
    case 'object':
      if (issue.received === 'undefined' && path !== '') return `ไม่มี${field}`;
      return `${field} ต้องเป็นออบเจ็กต์ { … }: ได้ ${received}`;
    case 'array':
      return `${field} ต้องเป็นรายการ [ … ]: ได้ ${received}`;
    case 'string':
      return `${field} ต้องเป็นข้อความ: ได้ ${received}`;
    case 'number':
      return `${field} ต้องเป็นตัวเลข: ได้ ${received}`;
    case 'union':
      return `${field} ${issue.message}: ได้ ${received}`;
    default:
      return `${field}: ${issue.message}`;
  }
}

function jsonSyntaxIssue(name: string, text: string, error: unknown): FrameworkIssue {
  const found = findJsonSyntaxError(text);
  if (!found) {
    return { severity: 'error', where: name, message: `อ่านไฟล์ ${name} เป็น JSON ไม่ได้: ${String(error)}` };
  }
  const before = text.slice(0, found.offset);
  const line = before.split(/\r\n|\r|\n/).length;
  const column = found.offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return {
    severity: 'error',
    where: `${name}:${line}`,
    message: `ไฟล์ ${name} ไม่ใช่ JSON ที่ถูกต้อง: ${found.reason} ที่บรรทัด ${line} ตัวอักษรที่ ${column} (ตำแหน่ง ${found.offset})`
  };
}

/**
 * Where JSON text first goes wrong, and why (engines word and place JSON.parse errors differently, some without
 * a position). Null when the text is valid JSON.
 */
export function findJsonSyntaxError(text: string): { offset: number; reason: string } | null {
  const scanner = new JsonScanner(text);
  try {
    scanner.document();
    return null;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { offset: error.offset, reason: error.reason };
    return { offset: scanner.position, reason: String(error) };
  }
}

class JsonSyntaxError {
  constructor(
    readonly offset: number,
    readonly reason: string
  ) {}
}

const MAX_JSON_DEPTH = 2_000;

class JsonScanner {
  position = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.space();
    if (this.position >= this.text.length) this.fail('ไฟล์ว่าง');
    this.value(0);
    this.space();
    if (this.position < this.text.length) this.fail(`มีข้อความเกินหลังจบ JSON (${this.found()})`);
  }

  private fail(reason: string): never {
    throw new JsonSyntaxError(this.position, reason);
  }

  private found(): string {
    if (this.position >= this.text.length) return 'จบไฟล์';
    return `พบ ${JSON.stringify(this.text[this.position])}`;
  }

  private expected(what: string): never {
    this.fail(this.position >= this.text.length ? `ไฟล์จบก่อนที่จะพบ ${what}` : `ต้องมี ${what} แต่${this.found()}`);
  }

  private space(): void {
    while (this.position < this.text.length && ' \t\n\r'.includes(this.text[this.position])) this.position++;
  }

  private value(depth: number): void {
    if (depth > MAX_JSON_DEPTH) this.fail('ซ้อนกันลึกเกินไป');
    const char = this.text[this.position];
    if (char === '{') this.object(depth);
    else if (char === '[') this.array(depth);
    else if (char === '"') this.string();
    else if (char === '-' || (char >= '0' && char <= '9')) this.number();
    else if (char === 't') this.word('true');
    else if (char === 'f') this.word('false');
    else if (char === 'n') this.word('null');
    else this.expected('ค่า (ข้อความในเครื่องหมายคำพูด ตัวเลข {, [, true, false หรือ null)');
  }

  private object(depth: number): void {
    this.position++;
    this.space();
    if (this.text[this.position] === '}') {
      this.position++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.position] !== '"') this.expected('ชื่อช่องในเครื่องหมายคำพูด (")');
      this.string();
      this.space();
      if (this.text[this.position] !== ':') this.expected('":"');
      this.position++;
      this.space();
      this.value(depth + 1);
      this.space();
      const char = this.text[this.position];
      if (char === ',') this.position++;
      else if (char === '}') {
        this.position++;
        return;
      } else this.expected('"," หรือ "}"');
    }
  }

  private array(depth: number): void {
    this.position++;
    this.space();
    if (this.text[this.position] === ']') {
      this.position++;
      return;
    }
    for (;;) {
      this.space();
      this.value(depth + 1);
      this.space();
      const char = this.text[this.position];
      if (char === ',') this.position++;
      else if (char === ']') {
        this.position++;
        return;
      } else this.expected('"," หรือ "]"');
    }
  }

  private string(): void {
    const start = this.position;
    this.position++;
    while (this.position < this.text.length) {
      const char = this.text[this.position];
      if (char === '"') {
        this.position++;
        return;
      }
      if (char === '\\') {
        const next = this.text[this.position + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.position + 2, this.position + 6))) {
            this.fail('รหัส \\u ในข้อความไม่ถูกต้อง');
          }
          this.position += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) this.position += 2;
        else this.fail('เครื่องหมาย \\ ในข้อความไม่ถูกต้อง');
      } else if (char < ' ') {
        this.fail('ข้อความมีการขึ้นบรรทัดใหม่หรืออักขระควบคุม (ต้องเขียนเป็น \\n)');
      } else this.position++;
    }
    this.position = start;
    this.fail('ข้อความในเครื่องหมายคำพูดไม่ได้ปิด');
  }

  private number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(
      this.text.slice(this.position, this.position + 400)
    );
    if (!match) this.fail(`ตัวเลขไม่ถูกต้อง (${this.found()})`);
    this.position += match[0].length;
  }

  private word(word: string): void {
    if (this.text.startsWith(word, this.position)) this.position += word.length;
    else this.expected('ค่า (ข้อความในเครื่องหมายคำพูด ตัวเลข {, [, true, false หรือ null)');
  }
}

// ---------------------------------------------------------------------------------------------------------
// Writing

/** Pretty, stable JSON: fixed key order, one line per KPI, band and target. `readFrameworkJson` reads it back. */
export function frameworkToJson(fw: Framework): string {
  const line = (row: Record<string, unknown>) =>
    `{ ${Object.entries(row)
      .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
      .join(', ')} }`;
  const list = (rows: Record<string, unknown>[]) =>
    rows.length === 0 ? '[]' : `[\n${rows.map((row) => `    ${line(row)}`).join(',\n')}\n  ]`;
  const entries: [string, string][] = [
    ['id', JSON.stringify(fw.id)],
    ['name', JSON.stringify(fw.name)],
    ['province', JSON.stringify(fw.province)],
    ['fiscalYear', JSON.stringify(finiteOrNull(fw.fiscalYear))],
    ['period', JSON.stringify(fw.period)],
    ['source', JSON.stringify(fw.source ?? null)],
    ['notes', JSON.stringify(fw.notes)],
    ['kpis', list(fw.kpis.map(kpiRecord))],
    ['bands', list(fw.bands.map(bandRecord))],
    ['targets', list(fw.targets.map(targetRecord))]
  ];
  return `{\n${entries.map(([key, value]) => `  ${JSON.stringify(key)}: ${value}`).join(',\n')}\n}\n`;
}

function kpiRecord(kpi: Kpi): Record<string, unknown> {
  return {
    kpi: kpi.kpi,
    name: kpi.name,
    group: kpi.group,
    weight: finiteOrNull(kpi.weight),
    scale: kpi.scale,
    measure: kpi.measure,
    aggregate: kpi.aggregate,
    interpolate: kpi.interpolate,
    targetLevel: kpi.targetLevel,
    parent: kpi.parent,
    combine: kpi.combine,
    unitLabel: kpi.unitLabel ?? null,
    min: finiteOrNull(kpi.min),
    max: finiteOrNull(kpi.max),
    howToReport: kpi.howToReport ?? null,
    shortName: kpi.shortName ?? null
  };
}

function bandRecord(band: Band): Record<string, unknown> {
  return {
    kpi: band.kpi,
    level: band.level,
    points: finiteOrNull(band.points),
    op: band.op,
    value: finiteOrNull(band.value),
    value2: finiteOrNull(band.value2),
    unit: band.unit,
    label: band.label
  };
}

function targetRecord(target: UnitTarget): Record<string, unknown> {
  return {
    kpi: target.kpi,
    unit: target.unit,
    month: target.month,
    target: finiteOrNull(target.target),
    baseline: finiteOrNull(target.baseline)
  };
}

/**
 * The §9.2 files (`framework.csv`, `kpis.csv`, `levels.csv`, and `targets.csv` when there are targets), UTF-8
 * with a BOM for Excel. Extension columns are written only when used. `readFrameworkFiles` reads them back.
 * The files are meant to be edited in a spreadsheet, so a text that would start a formula (`=`, `+`, `-`, `@`)
 * is written with a `'` in front (`escapeFormulaText`), which the reader removes: a round trip gives back
 * exactly the same framework. Numbers are written plainly (`-5` stays a number).
 */
export function frameworkToCsvFiles(fw: Framework): FrameworkFile[] {
  const text = (value: string | null | undefined): string => escapeFormulaText(value ?? '');
  const frameworkColumns: string[] = [...FRAMEWORK_CSV_COLUMNS.framework.required];
  const frameworkRow = [
    text(fw.id),
    text(fw.name),
    text(fw.province),
    numberText(fw.fiscalYear),
    fw.period ?? ''
  ];
  if (fw.notes.length > 0 || fw.source) {
    frameworkColumns.push('notes', 'source');
    frameworkRow.push(text(fw.notes.join(NOTES_SEPARATOR)), text(fw.source));
  }
  const kpiExtra: Record<(typeof FRAMEWORK_CSV_COLUMNS.kpis.optional)[number], (kpi: Kpi) => string> = {
    unit_label: (kpi) => text(kpi.unitLabel),
    min: (kpi) => numberText(kpi.min),
    max: (kpi) => numberText(kpi.max),
    how_to_report: (kpi) => text(kpi.howToReport),
    short_name: (kpi) => text(kpi.shortName)
  };
  const extras = FRAMEWORK_CSV_COLUMNS.kpis.optional.filter((column) =>
    fw.kpis.some((kpi) => kpiExtra[column](kpi) !== '')
  );
  const kpiRows = fw.kpis.map((kpi) => [
    text(kpi.kpi),
    text(kpi.name),
    text(kpi.group),
    numberText(kpi.weight),
    text(kpi.scale),
    text(kpi.measure),
    text(kpi.aggregate),
    kpi.interpolate ? 'true' : 'false',
    text(kpi.targetLevel),
    text(kpi.parent),
    text(kpi.combine),
    ...extras.map((column) => kpiExtra[column](kpi))
  ]);
  const bandRows = fw.bands.map((band) => [
    text(band.kpi),
    text(band.level),
    numberText(band.points),
    text(band.op),
    numberText(band.value),
    numberText(band.value2),
    text(band.unit),
    text(band.label)
  ]);
  const files: FrameworkFile[] = [
    { name: 'framework.csv', text: formatCsv([frameworkColumns, frameworkRow]) },
    { name: 'kpis.csv', text: formatCsv([[...FRAMEWORK_CSV_COLUMNS.kpis.required, ...extras], ...kpiRows]) },
    { name: 'levels.csv', text: formatCsv([[...FRAMEWORK_CSV_COLUMNS.levels.required], ...bandRows]) }
  ];
  if (fw.targets.length > 0) {
    const targetRows = fw.targets.map((t) => [
      text(t.kpi),
      text(t.unit),
      text(t.month),
      numberText(t.target),
      numberText(t.baseline)
    ]);
    files.push({
      name: 'targets.csv',
      text: formatCsv([[...FRAMEWORK_CSV_COLUMNS.targets.required], ...targetRows])
    });
  }
  return files;
}

/** Exact (shortest round-tripping) text of a number; '' for null and non-finite. */
function numberText(value: number | null | undefined): string {
  const finite = finiteOrNull(value);
  return finite === null ? '' : String(Object.is(finite, -0) ? 0 : finite);
}

// ---------------------------------------------------------------------------------------------------------

class IssueList {
  private readonly issues: FrameworkIssue[] = [];
  private dropped = 0;
  private droppedErrors = false;

  add(issue: FrameworkIssue): void {
    // A message quotes cells: a cell of a megabyte is named, not copied (issue 7).
    const clipped = { ...issue, where: clipMessage(issue.where, 200), message: clipMessage(issue.message) };
    if (this.issues.length < MAX_READ_ISSUES) this.issues.push(clipped);
    else {
      this.dropped++;
      if (issue.severity === 'error') this.droppedErrors = true;
    }
  }

  error(where: string, message: string): void {
    this.add({ severity: 'error', where, message });
  }

  warning(where: string, message: string): void {
    this.add({ severity: 'warning', where, message });
  }

  hasErrors(): boolean {
    return this.droppedErrors || hasErrors(this.issues);
  }

  /** Errors first; a last error counts the issues left off. */
  list(): FrameworkIssue[] {
    const sorted = [
      ...this.issues.filter((issue) => issue.severity === 'error'),
      ...this.issues.filter((issue) => issue.severity === 'warning')
    ];
    if (this.dropped > 0) {
      const severity = this.droppedErrors ? 'error' : 'warning';
      sorted.push({ severity, where: 'framework', message: `และปัญหาอื่นอีก ${this.dropped} รายการที่ไม่ได้แสดง` });
    }
    return sorted;
  }
}
