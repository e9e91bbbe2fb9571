/**
 * Layouts, a part of the reading rules (../reading-rules.ts): a header → the long or wide layout with the
 * column of each role, or the columns that are missing (`detectLayout`; the warnings on duplicate, unknown and
 * unused columns), the columns a layout reads (`columnsRead`), and the header the fast reader may read in SQL
 * (`plainLongLayout`).
 */
import type { Framework, Kpi } from '../../domain/framework';
import { stripInvisible } from '../../domain/thai-text';
import { listText } from '../limits';
import {
  KPI_ID_LIKE,
  NUMBER_ROLES,
  ROLE_LABEL,
  catalogOf,
  headerText,
  kpiKey,
  kpiOfWideHeader,
  namesKpiId,
  roleOfHeader,
  withoutTrailingNote,
  type KpiCatalog,
  type NumberRole,
  type Role
} from './header-names';
import { scopeOf, type UnitColumns, type UnitScope } from './units';

export interface NumberColumns {
  value: number;
  target?: number;
  baseline?: number;
  adjust?: number;
}

export interface WideColumn extends NumberColumns {
  kpi: Kpi;
}

export interface Layout {
  kind: 'long' | 'wide';
  header: string[];
  unit: UnitColumns;
  month: number;
  /** Long layout: the KPI column and the number columns. */
  kpi?: number;
  numbers?: NumberColumns;
  /** Wide layout: one entry per KPI with a value column. */
  wide?: WideColumn[];
  warnings: string[];
}

export type LayoutResult = { ok: true; layout: Layout } | { ok: false; missing: string[] };

/** The columns a layout reads: units, KPI, month and every number column. */
export function columnsRead(layout: Layout): Set<number> {
  const numberColumns = (n: NumberColumns) => [n.value, n.target, n.baseline, n.adjust];
  return new Set(
    [
      layout.unit.unit,
      layout.unit.province,
      layout.month,
      layout.kpi,
      ...(layout.numbers ? numberColumns(layout.numbers) : []),
      ...(layout.wide ?? []).flatMap(numberColumns)
    ].filter((index) => index !== undefined)
  );
}

/** How many lines below the first one may hold the header (title lines above a table exported from Excel). */
export const HEADER_SEARCH_LINES = 10;

type FigureColumns = Partial<Record<NumberRole, number>>;

/** What each cell of a header names: a role, a figure of a KPI (wide), or nothing this reader uses. */
interface HeaderCells {
  roles: Map<Role, number>;
  wideColumns: Map<string, FigureColumns>;
  wideKpis: Map<string, Kpi>;
  duplicates: string[];
  unknown: string[];
  notInFramework: string[];
}

/** What the long and the wide layout are built from, once the unit and month columns are found. */
interface HeaderFound {
  header: readonly string[];
  roles: Map<Role, number>;
  unit: UnitColumns;
  month: number;
  /** The target, baseline and adjust columns named without a KPI id. */
  generic: FigureColumns;
  /** Columns not used so far (the `ไม่ได้ใช้คอลัมน์` warning). */
  ignored: string[];
  warnings: string[];
}

function classifyHeader(header: readonly string[], catalog: KpiCatalog): HeaderCells {
  const cells: HeaderCells = {
    roles: new Map(),
    wideColumns: new Map(),
    wideKpis: new Map(),
    duplicates: [],
    unknown: [],
    notInFramework: []
  };
  const { roles, wideColumns, wideKpis, duplicates, unknown, notInFramework } = cells;
  header.forEach((raw, index) => {
    const text = stripInvisible(raw);
    if (text === '') return;
    // Exact names first, then KPI ids (`เป้าหมาย (1.1)`), then names with a note (`ผล (บาท)`).
    const exactRole = roleOfHeader(text, true);
    const wide = exactRole ? null : kpiOfWideHeader(text, catalog);
    const role = exactRole ?? (wide ? undefined : roleOfHeader(text, false));
    if (role) {
      const taken = roles.get(role);
      if (taken === undefined) roles.set(role, index);
      else if (role === 'kpi' && namesKpiId(text) && !namesKpiId(header[taken])) {
        // `ตัวชี้วัด` (often the KPI's name) and `รหัสตัวชี้วัด` side by side: the id column is the one.
        duplicates.push(stripInvisible(header[taken]));
        roles.set(role, index);
      } else duplicates.push(text);
      return;
    }
    if (wide) {
      const columns = wideColumns.get(wide.kpi.kpi) ?? {};
      if (columns[wide.role] !== undefined) duplicates.push(text);
      else columns[wide.role] = index;
      wideColumns.set(wide.kpi.kpi, columns);
      wideKpis.set(wide.kpi.kpi, wide.kpi);
      return;
    }
    if (KPI_ID_LIKE.test(kpiKey(withoutTrailingNote(text)))) notInFramework.push(text);
    else unknown.push(text);
  });
  return cells;
}

/** The target, baseline and adjust columns of `source` (its value column left out). */
function otherFigures(source: FigureColumns): Omit<NumberColumns, 'value'> {
  const picked: Omit<NumberColumns, 'value'> = {};
  if (source.target !== undefined) picked.target = source.target;
  if (source.baseline !== undefined) picked.baseline = source.baseline;
  if (source.adjust !== undefined) picked.adjust = source.adjust;
  return picked;
}

export function detectLayout(header: readonly string[], catalog: KpiCatalog, scope: UnitScope): LayoutResult {
  const cells = classifyHeader(header, catalog);
  const { roles, wideColumns, duplicates, unknown, notInFramework } = cells;
  const unitIndex =
    scope.kind === 'provinces' ? (roles.get('province') ?? roles.get('unit')) : roles.get('unit');
  const monthIndex = roles.get('month');
  const hasLong = roles.has('kpi') && roles.has('value');
  const wideWithValues = [...wideColumns].filter(([, columns]) => columns.value !== undefined);

  const missing: string[] = [];
  if (unitIndex === undefined)
    missing.push(scope.kind === 'provinces' ? ROLE_LABEL.province : ROLE_LABEL.unit);
  if (monthIndex === undefined) missing.push(ROLE_LABEL.month);
  if (!hasLong && wideWithValues.length === 0) {
    if (!roles.has('kpi')) missing.push(ROLE_LABEL.kpi);
    if (!roles.has('value')) missing.push(ROLE_LABEL.value);
  }
  if (unitIndex === undefined || monthIndex === undefined || missing.length > 0)
    return { ok: false, missing };

  const warnings: string[] = [];
  const ignored: string[] = [...unknown];
  if (duplicates.length > 0) warnings.push(`มีคอลัมน์ซ้ำ ไม่ได้ใช้: ${listText(duplicates)}`);
  if (notInFramework.length > 0) {
    warnings.push(`คอลัมน์ที่ดูเหมือนรหัสตัวชี้วัดแต่ไม่มีในกรอบ ไม่ได้อ่าน: ${listText(notInFramework)}`);
  }
  const provinceIndex = scope.kind === 'provinces' ? undefined : roles.get('province');
  if (scope.kind === 'provinces' && roles.has('province') && roles.has('unit')) {
    ignored.push(headerText(header, roles.get('unit')!));
  }
  const unit: UnitColumns = {
    unit: unitIndex,
    unitHeader: headerText(header, unitIndex),
    province: provinceIndex,
    provinceHeader: provinceIndex === undefined ? null : headerText(header, provinceIndex)
  };

  const generic: FigureColumns = {};
  for (const role of NUMBER_ROLES) if (roles.has(role)) generic[role] = roles.get(role);

  const found: HeaderFound = { header, roles, unit, month: monthIndex, generic, ignored, warnings };
  return hasLong ? longLayout(found, wideColumns) : wideLayout(found, cells, wideWithValues);
}

function longLayout(found: HeaderFound, wideColumns: HeaderCells['wideColumns']): LayoutResult {
  const { header, roles, ignored, warnings } = found;
  if (wideColumns.size > 0) {
    ignored.push(
      ...[...wideColumns.values()].flatMap((c) => Object.values(c).map((i) => headerText(header, i!)))
    );
  }
  if (ignored.length > 0) warnings.push(`ไม่ได้ใช้คอลัมน์: ${listText(ignored)}`);
  return {
    ok: true,
    layout: {
      kind: 'long',
      header: [...header],
      unit: found.unit,
      month: found.month,
      kpi: roles.get('kpi')!,
      numbers: { value: roles.get('value')!, ...otherFigures(found.generic) },
      warnings
    }
  };
}

function wideLayout(
  found: HeaderFound,
  cells: HeaderCells,
  wideWithValues: [string, FigureColumns][]
): LayoutResult {
  const { header, roles, ignored, warnings } = found;
  // Wide: a generic target/baseline/adjust column belongs to the KPI only when there is just one.
  const single = wideWithValues.length === 1;
  const wide: WideColumn[] = wideWithValues.map(([id, columns]) => ({
    kpi: cells.wideKpis.get(id)!,
    value: columns.value!,
    ...(single ? otherFigures(found.generic) : {}),
    ...otherFigures(columns)
  }));
  for (const [, columns] of cells.wideColumns) {
    if (columns.value === undefined)
      ignored.push(...Object.values(columns).map((i) => headerText(header, i!)));
  }
  if (roles.has('kpi')) ignored.push(headerText(header, roles.get('kpi')!));
  if (roles.has('value')) ignored.push(headerText(header, roles.get('value')!));
  if (!single) {
    for (const role of ['target', 'baseline', 'adjust'] as const) {
      if (roles.has(role)) ignored.push(headerText(header, roles.get(role)!));
    }
  }
  if (ignored.length > 0) warnings.push(`ไม่ได้ใช้คอลัมน์: ${listText(ignored)}`);
  return {
    ok: true,
    layout: { kind: 'wide', header: [...header], unit: found.unit, month: found.month, wide, warnings }
  };
}

/**
 * The layout of a header that DuckDB may read itself: the long layout on line 1, every cell an exact §9.1 /
 * alias name (no note in parentheses, no empty or unused column, no repeated role), for a framework of
 * districts; otherwise why not (the fast reader then hands the whole file to the page's reader).
 */
export function plainLongLayout(
  header: readonly string[],
  framework: Framework
): { ok: true; layout: Layout } | { ok: false; why: string } {
  const scope = scopeOf(framework);
  if (scope.kind === 'provinces') return { ok: false, why: 'the framework ranks provinces' };
  for (const cell of header) {
    if (roleOfHeader(stripInvisible(cell), true) === undefined) {
      return { ok: false, why: `header "${cell}" is not a plain §9.1 name` };
    }
  }
  const detected = detectLayout(header, catalogOf(framework), scope);
  if (!detected.ok) return { ok: false, why: `no ${detected.missing.join(', ')} column` };
  if (detected.layout.kind !== 'long') return { ok: false, why: 'wide layout' };
  if (detected.layout.warnings.length > 0) return { ok: false, why: 'two columns of one role' };
  return { ok: true, layout: detected.layout };
}
