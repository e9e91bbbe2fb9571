/**
 * A framework from its folder (DESIGN §9.2): `framework.csv`, `kpis.csv`, `levels.csv` and optional
 * `targets.csv` (recognised by name, any case, any folder prefix), or one JSON file among them. Each row is
 * read field by field from the field lists (src/lib/domain/framework-fields.ts); every problem names the file
 * and line.
 */
import type { Band, Framework, Kpi, UnitTarget } from '../domain/framework';
import {
  BAND_FIELDS,
  FRAMEWORK_FIELDS,
  KPI_FIELDS,
  TARGET_FIELDS,
  type FrameworkField,
  type FrameworkTable
} from '../domain/framework-fields';
import type { IssueList } from '../domain/issue-list';
import { unescapeFormulaText } from '../domain/excel-csv';
import { parseCsv } from './csv';
import {
  FRAMEWORK_CSV_COLUMNS,
  finish,
  readIssues,
  recordFromCells,
  type FrameworkFile,
  type FrameworkReadOptions,
  type FrameworkReadResult,
  type TableRow
} from './framework-codec';

type TableKind = FrameworkTable;

function baseName(name: unknown): string {
  return (typeof name === 'string' ? name : '').split(/[\\/]/).pop()!.trim();
}

/**
 * Reads a framework folder; `readJsonFile` reads the one JSON file when that is what came.
 */
export function readFolder(
  files: FrameworkFile[],
  options: FrameworkReadOptions,
  readJsonFile: (name: string, text: string, options: FrameworkReadOptions) => FrameworkReadResult
): FrameworkReadResult {
  const issues = readIssues();
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
    const result = readJsonFile(baseName(json[0].name), json[0].text, options);
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
  const list = (table: Table, fields: readonly FrameworkField[], where: string[]) =>
    table.rows.map((row) => {
      where.push(row.where);
      return recordFromCells(fields, row, issues);
    });
  const framework = {
    ...header.fields,
    kpis: list(kpiTable, KPI_FIELDS, locations.kpis) as unknown as Kpi[],
    bands: list(levelTable, BAND_FIELDS, locations.bands) as unknown as Band[],
    targets: (targetTable
      ? list(targetTable, TARGET_FIELDS, locations.targets)
      : []) as unknown as UnitTarget[]
  } as Framework;
  return finish(framework, issues, locations, options);
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

/** framework.csv's one row: the framework's own fields, and where they are (its line). */
function frameworkFromRows(
  table: Table,
  fileName: string,
  issues: IssueList
): { fields: Omit<Framework, 'kpis' | 'bands' | 'targets'>; where: string } {
  const [row, ...extra] = table.rows;
  if (!row) {
    issues.error(`${fileName}:2`, `${fileName} ไม่มีแถวข้อมูล: ต้องมีหนึ่งแถว id,name,province,fiscal_year,period`);
    const blank: TableRow = { where: `${fileName}:2`, cell: () => null };
    return { fields: headerFields(blank, issues), where: blank.where };
  }
  for (const other of extra) {
    issues.error(other.where, `${fileName} ต้องมีข้อมูลแถวเดียว: หนึ่งชุดเกณฑ์ต่อหนึ่งโฟลเดอร์`);
  }
  const fields = headerFields(row, issues);
  if (row.cell('fiscal_year') === null) issues.error(row.where, 'ไม่มีปีงบประมาณ (fiscal_year) เช่น 2567');
  return { fields, where: row.where };
}

function headerFields(row: TableRow, issues: IssueList): Omit<Framework, 'kpis' | 'bands' | 'targets'> {
  return recordFromCells(FRAMEWORK_FIELDS, row, issues) as unknown as Omit<
    Framework,
    'kpis' | 'bands' | 'targets'
  >;
}
