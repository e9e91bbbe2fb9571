/**
 * The reading rules of results files (issue 11: one set of rules) — every decision about what a file, a header,
 * a cell or a line means lives here, and both readers apply it:
 *
 * - the page's reader (`readResultsFile` in read-file.ts → `readResultsTable` in results.ts), line by line, in
 *   the browser's worker and in `npm run score --engine wasm`;
 * - DuckDB's fast reader (fast-results.ts), in the browser and in `npm run score` (native), which decides only
 *   which lines are plain enough for SQL (`PLAIN_NUMBER_SQL`, `plainLongLayout`, `plainValueBounds`, the
 *   split-number and unused-figure flags) and hands every other line, with its real line number, to
 *   `readResultsTable`. Units, KPIs and months are resolved by the same functions (`UnitResolver`,
 *   `resolveKpi`, `resolveMonth`), once per distinct text.
 *
 * Rules: file-level refusals (size, old Excel, zip size, not text: `checkResultsFile`; too many columns), header
 * names and roles (`detectLayout`), KPIs that take results (leaves, not composites: `resolveKpi`), the
 * framework's month window (`monthScopeOf`), number syntax (`readNumber` in domain/numbers.ts), the valid range
 * of a value and the `%` notes (`valueRangeProblem`, `valueNote`), numbers split at their thousands separators
 * (`splitNumberProblem`), the duplicate key (`resultKey`, `duplicateReason`) and the rejection cap
 * (`TooManyProblems`). Pure: no DOM, no DuckDB.
 */
import type { Framework, Kpi } from '../domain/framework';
import { finiteOrNull, readNumber } from '../domain/numbers';
import {
  ambiguousMonthReason,
  monthLabel,
  parseMonth,
  periodLabel,
  periodsOfFramework
} from '../domain/periods';
import type { ResultRow } from '../domain/results';
import { normalizeThai, stripInvisible, thaiDigitsToAscii } from '../domain/thai-text';
import {
  DISTRICTS,
  findProvince,
  matchDistrict,
  matchProvince,
  normalizeUnitName,
  provinceById,
  type District,
  type Province
} from '../domain/units';
import { decodeText, textEncodingOf, type TextEncodingName } from './decode';
import {
  MAX_COLUMNS,
  MAX_REJECTIONS,
  MAX_RESULTS_FILE_BYTES,
  MAX_WORKBOOK_UNZIPPED_BYTES,
  clipMessage,
  countText,
  fileSizeProblem,
  listText,
  sizeText,
  zipUnzippedSize
} from './limits';
import type { UnitIssueKind, UnitSuggestion } from './results';

// ---------------------------------------------------------------------------------------------------------
// Header names

export type Role = 'province' | 'unit' | 'kpi' | 'month' | 'value' | 'target' | 'baseline' | 'adjust';
export type NumberRole = 'value' | 'target' | 'baseline' | 'adjust';

export const NUMBER_ROLES: readonly NumberRole[] = ['value', 'target', 'baseline', 'adjust'];

/** Header names per column role (DESIGN §9.1 plus common variants), compared by `roleKey`. */
export const ROLE_ALIASES: Readonly<Record<Role, readonly string[]>> = {
  province: ['province', 'province name', 'จังหวัด', 'จ.', 'ชื่อจังหวัด'],
  unit: [
    'district',
    'unit',
    'district name',
    'unit name',
    'amphoe',
    'อำเภอ',
    'อ.',
    'ชื่ออำเภอ',
    'หน่วยงาน',
    'ชื่อหน่วยงาน',
    'สพอ.',
    'สำนักงานพัฒนาชุมชนอำเภอ'
  ],
  kpi: [
    'kpi',
    'kpi id',
    'kpi_id',
    'kpi code',
    'ตัวชี้วัด',
    'ตัวชี้วัดที่',
    'รหัสตัวชี้วัด',
    'รหัส kpi',
    'เลขตัวชี้วัด',
    'ลำดับตัวชี้วัด'
  ],
  month: ['month', 'period', 'เดือน', 'งวด', 'เดือน/ปี', 'เดือนปี', 'เดือน ปี', 'งวดเดือน', 'ประจำเดือน'],
  value: ['value', 'result', 'ผลการดำเนินงาน', 'ผล', 'ผลงาน', 'ผลการดำเนินการ', 'ผลการปฏิบัติงาน', 'ค่าที่ได้'],
  target: ['target', 'ค่าเป้าหมาย', 'เป้าหมาย', 'เป้า'],
  baseline: ['baseline', 'base', 'ฐาน', 'ค่าฐาน', 'ปีฐาน', 'ข้อมูลฐาน'],
  adjust: ['adjust', 'adjustment', 'ปรับคะแนน', 'ค่าปรับคะแนน', 'การปรับคะแนน']
};

/** How a column is named in messages: the Thai name of §9.1 and its English one. */
export const ROLE_LABEL: Readonly<Record<Role, string>> = {
  province: 'จังหวัด (province)',
  unit: 'อำเภอ (district)',
  kpi: 'ตัวชี้วัด (kpi)',
  month: 'เดือน (month)',
  value: 'ผลการดำเนินงาน (value)',
  target: 'ค่าเป้าหมาย (target)',
  baseline: 'ฐาน (baseline)',
  adjust: 'ปรับคะแนน (adjust)'
};

/** Words before or after a KPI id in a wide header (`ผล 1.1`, `เป้าหมาย 1.1`, `1.1_target`). */
const WIDE_AFFIXES: Readonly<Record<NumberRole, readonly string[]>> = {
  value: [...ROLE_ALIASES.value, 'kpi', 'ตัวชี้วัด', 'ตัวชี้วัดที่'],
  target: ROLE_ALIASES.target,
  baseline: ROLE_ALIASES.baseline,
  adjust: ROLE_ALIASES.adjust
};

/** Separators and case carry no meaning in a header name: `KPI_ID`, `kpi id`, `เดือน/ปี`, `จ.`. */
export function roleKey(text: string): string {
  return thaiDigitsToAscii(normalizeThai(text))
    .toLowerCase()
    .replace(/[\s_\-./:]/g, '');
}

/** `ผลการดำเนินงาน (บาท)` → `ผลการดำเนินงาน`: a unit in parentheses after a header name. */
export function withoutTrailingNote(text: string): string {
  return text.replace(/\s*[([][^()[\]]*[)\]]\s*$/, '');
}

const roleByKey = new Map<string, Role>();
for (const [role, aliases] of Object.entries(ROLE_ALIASES) as [Role, readonly string[]][]) {
  for (const alias of aliases) roleByKey.set(roleKey(alias), role);
}

const affixRoleByKey = new Map<string, NumberRole>();
for (const role of NUMBER_ROLES)
  for (const alias of WIDE_AFFIXES[role]) affixRoleByKey.set(roleKey(alias), role);

export function roleOfHeader(header: string, withNote: boolean): Role | undefined {
  return roleByKey.get(roleKey(withNote ? header : withoutTrailingNote(header)));
}

/** A KPI column header that says it holds ids (`รหัสตัวชี้วัด`, `kpi_id`), not names. */
function namesKpiId(header: string): boolean {
  return /รหัส|id|code/.test(roleKey(header));
}

/** KPI ids compare after trimming, Thai digits → ASCII, case-insensitively. */
export function kpiKey(text: string): string {
  return thaiDigitsToAscii(stripInvisible(text)).toLowerCase();
}

/** A header that looks like a KPI id (`9.9`, `M6a`) but is not one of the framework's. */
const KPI_ID_LIKE = /^(?:[a-z]{0,2}\d+(?:\.\d+)*[a-z]?)$/;

// ---------------------------------------------------------------------------------------------------------
// The framework's KPIs

export interface KpiCatalog {
  byKey: Map<string, Kpi>;
  /** Keys longest first, for matching ids inside wide headers. */
  keysLongestFirst: string[];
  childrenOf: Map<string, Kpi[]>;
}

export function catalogOf(framework: Framework): KpiCatalog {
  const byKey = new Map<string, Kpi>();
  const childrenOf = new Map<string, Kpi[]>();
  for (const kpi of framework.kpis ?? []) {
    const key = kpiKey(kpi.kpi);
    if (key !== '' && !byKey.has(key)) byKey.set(key, kpi);
    if (kpi.parent !== null && kpi.parent !== undefined) {
      childrenOf.set(kpi.parent, [...(childrenOf.get(kpi.parent) ?? []), kpi]);
    }
  }
  const keysLongestFirst = [...byKey.keys()].sort((a, b) => b.length - a.length);
  return { byKey, keysLongestFirst, childrenOf };
}

export function isComposite(kpi: Kpi, catalog: KpiCatalog): boolean {
  return kpi.measure === 'combine' || (catalog.childrenOf.get(kpi.kpi)?.length ?? 0) > 0;
}

/** Why results cannot be given for this KPI, or null when they can. */
export function compositeReason(kpi: Kpi, catalog: KpiCatalog): string | null {
  if (!isComposite(kpi, catalog)) return null;
  const children = (catalog.childrenOf.get(kpi.kpi) ?? []).map((child) => child.kpi);
  const through = children.length > 0 ? ` (${children.join(', ')})` : '';
  return `ตัวชี้วัด ${kpi.kpi} เป็นตัวชี้วัดรวม ได้ผลจากตัวชี้วัดย่อย — ให้รายงานผลของตัวชี้วัดย่อย${through} แทน`;
}

/** A wide header naming a framework KPI: `1.1`, `ผล 1.1`, `เป้าหมาย 1.1`, `1.1 (ร้อยละ)`, `1.1_target`. */
export function kpiOfWideHeader(header: string, catalog: KpiCatalog): { kpi: Kpi; role: NumberRole } | null {
  const full = kpiKey(header);
  for (const text of new Set([full, kpiKey(withoutTrailingNote(header))])) {
    const exact = catalog.byKey.get(text);
    if (exact) return { kpi: exact, role: 'value' };
    for (const key of catalog.keysLongestFirst) {
      if (text.length <= key.length) continue;
      const affix = text.endsWith(key)
        ? text.slice(0, -key.length)
        : text.startsWith(key)
          ? text.slice(key.length)
          : null;
      if (affix === null) continue;
      const role = affixRoleByKey.get(roleKey(affix));
      if (role) return { kpi: catalog.byKey.get(key)!, role };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Units

export type UnitScope =
  | { kind: 'province'; province: Province }
  | { kind: 'provinces' }
  | { kind: 'districts' }
  | { kind: 'invalid'; name: string };

export function scopeOf(framework: Framework): UnitScope {
  const name = framework.province;
  if (name === null || name === undefined || stripInvisible(name) === '') return { kind: 'provinces' };
  if (stripInvisible(name) === '*') return { kind: 'districts' };
  const province = findProvince(name);
  return province ? { kind: 'province', province } : { kind: 'invalid', name };
}

const districtsById = new Map<string, District>(DISTRICTS.map((d) => [d.id, d]));

export type UnitResolution = { ok: true; unitId: string } | { ok: false; problems: Problem[] };

export interface Problem {
  column: string | null;
  reason: string;
  suggestions?: string[];
  /** Set when the problem is the unit name itself. */
  unit?: { kind: UnitIssueKind; name: string; suggestions: UnitSuggestion[] };
}

/** `A`, `A หรือ B`, `A, B หรือ C`. */
export function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} หรือ ${items[items.length - 1]}`;
}

function suggestionText(suggestions: readonly string[]): string {
  return suggestions.length > 0 ? ` — หมายถึง ${orList(suggestions)} หรือไม่?` : '';
}

/** A total line under a table (`รวม`, `รวมทั้งสิ้น`, `Total`): not a unit, and worth saying so. */
const TOTAL_ROW = /^(?:รวม|ผลรวม|ยอดรวม|total|grandtotal|sum)/;

export interface UnitColumns {
  unit: number;
  unitHeader: string;
  province: number | undefined;
  provinceHeader: string | null;
}

export class UnitResolver {
  constructor(
    private readonly scope: UnitScope,
    private readonly aliases: ReadonlyMap<string, string> | undefined,
    private readonly frameworkName: string
  ) {}

  /** The unit word of the framework: อำเภอ, or จังหวัด for a national framework of provinces. */
  get unitWord(): string {
    return this.scope.kind === 'provinces' ? 'จังหวัด' : 'อำเภอ';
  }

  resolve(cells: readonly string[], columns: UnitColumns): UnitResolution {
    const name = stripInvisible(cells[columns.unit] ?? '');
    const provinceText = columns.province === undefined ? '' : stripInvisible(cells[columns.province] ?? '');
    const unitProblem = (
      reason: string,
      suggestions?: string[],
      unit?: { kind: UnitIssueKind; suggestions: UnitSuggestion[] }
    ): UnitResolution => ({
      ok: false,
      problems: [
        {
          column: columns.unitHeader,
          reason,
          ...(suggestions ? { suggestions } : {}),
          ...(unit ? { unit: { ...unit, name } } : {})
        }
      ]
    });
    if (name === '') return unitProblem(`ไม่ได้ระบุชื่อ${this.unitWord}`);

    const scope = this.scope;
    if (scope.kind === 'invalid') {
      return unitProblem(`จังหวัดของกรอบ "${this.frameworkName}" ("${scope.name}") ไม่อยู่ในรายชื่อจังหวัด`);
    }
    if (scope.kind === 'provinces') return this.resolveProvinceUnit(name, unitProblem);

    // Units are districts: the province column (if any) first.
    let province: Province | null = scope.kind === 'province' ? scope.province : null;
    if (provinceText !== '') {
      const matched = matchProvince(provinceText);
      if (matched.kind === 'unknown') {
        const suggestions = matched.suggestions.map((p) => p.name);
        return {
          ok: false,
          problems: [
            {
              column: columns.provinceHeader,
              reason: `ไม่พบจังหวัด "${provinceText}"${suggestionText(suggestions)}`,
              suggestions
            }
          ]
        };
      }
      if (province && matched.province.id !== province.id) {
        return {
          ok: false,
          problems: [
            {
              column: columns.provinceHeader,
              reason: `แถวนี้เป็นของจังหวัด${matched.province.name} ไม่ใช่จังหวัด${province.name}ของกรอบ "${this.frameworkName}"`
            }
          ]
        };
      }
      province = matched.province;
    }

    const aliased = this.aliasedDistrict(name, province);
    if (aliased) return { ok: true, unitId: aliased.id };

    const where = province ? ` ในจังหวัด${province.name}` : '';
    const match = matchDistrict(name, province);
    switch (match.kind) {
      case 'match':
        return { ok: true, unitId: match.district.id };
      case 'work_group':
        return unitProblem(`"${name}" เป็นกลุ่มงานของสำนักงานจังหวัด ไม่ใช่อำเภอ`, undefined, {
          kind: 'work_group',
          suggestions: []
        });
      case 'ambiguous': {
        const suggestions = match.candidates.map((d) => `${d.name} จ.${d.province}`);
        const provinces = [...new Set(match.candidates.map((d) => d.province))];
        return unitProblem(
          `ชื่ออำเภอ "${name}" มีในหลายจังหวัด (${provinces.join(', ')}) — ระบุจังหวัดในคอลัมน์จังหวัด (province)`,
          suggestions,
          {
            kind: 'ambiguous',
            suggestions: match.candidates.map((d, i) => ({ unitId: d.id, label: suggestions[i] }))
          }
        );
      }
      case 'unknown': {
        if (TOTAL_ROW.test(roleKey(name))) {
          return unitProblem(`"${name}" เป็นแถวผลรวม ไม่ใช่อำเภอ`, undefined, {
            kind: 'total',
            suggestions: []
          });
        }
        const suggestions = match.suggestions.map((d) =>
          province && d.provinceId === province.id ? d.name : `${d.name} จ.${d.province}`
        );
        return unitProblem(`ไม่พบอำเภอ "${name}"${where}${suggestionText(suggestions)}`, suggestions, {
          kind: 'unknown',
          suggestions: match.suggestions.map((d, i) => ({ unitId: d.id, label: suggestions[i] }))
        });
      }
    }
  }

  private resolveProvinceUnit(
    name: string,
    unitProblem: (
      reason: string,
      suggestions?: string[],
      unit?: { kind: UnitIssueKind; suggestions: UnitSuggestion[] }
    ) => UnitResolution
  ): UnitResolution {
    const aliasId = this.aliases?.get(normalizeUnitName(name));
    if (aliasId !== undefined && provinceById(aliasId)) return { ok: true, unitId: aliasId };
    const match = matchProvince(name);
    if (match.kind === 'match') return { ok: true, unitId: match.province.id };
    if (TOTAL_ROW.test(roleKey(name))) {
      return unitProblem(`"${name}" เป็นแถวผลรวม ไม่ใช่จังหวัด`, undefined, { kind: 'total', suggestions: [] });
    }
    const suggestions = match.suggestions.map((p) => p.name);
    return unitProblem(`ไม่พบจังหวัด "${name}"${suggestionText(suggestions)}`, suggestions, {
      kind: 'unknown',
      suggestions: match.suggestions.map((p) => ({ unitId: p.id, label: p.name }))
    });
  }

  /** A user-accepted name (issue 5), when it names a district of the scope. */
  private aliasedDistrict(name: string, province: Province | null): District | undefined {
    const id = this.aliases?.get(normalizeUnitName(name));
    const district = id === undefined ? undefined : districtsById.get(id);
    if (!district) return undefined;
    return province === null || district.provinceId === province.id ? district : undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Layout

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

export function headerText(header: readonly string[], index: number): string {
  return clipMessage(stripInvisible(header[index] ?? ''), 200) || `คอลัมน์ที่ ${index + 1}`;
}

export function detectLayout(header: readonly string[], catalog: KpiCatalog, scope: UnitScope): LayoutResult {
  const roles = new Map<Role, number>();
  const wideColumns = new Map<string, Partial<Record<NumberRole, number>>>();
  const wideKpis = new Map<string, Kpi>();
  const duplicates: string[] = [];
  const unknown: string[] = [];
  const notInFramework: string[] = [];

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

  const numberColumns = (source: Partial<Record<NumberRole, number>>): Omit<NumberColumns, 'value'> => {
    const picked: Omit<NumberColumns, 'value'> = {};
    if (source.target !== undefined) picked.target = source.target;
    if (source.baseline !== undefined) picked.baseline = source.baseline;
    if (source.adjust !== undefined) picked.adjust = source.adjust;
    return picked;
  };
  const generic: Partial<Record<NumberRole, number>> = {};
  for (const role of NUMBER_ROLES) if (roles.has(role)) generic[role] = roles.get(role);

  if (hasLong) {
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
        unit,
        month: monthIndex,
        kpi: roles.get('kpi')!,
        numbers: { value: roles.get('value')!, ...numberColumns(generic) },
        warnings
      }
    };
  }

  // Wide: a generic target/baseline/adjust column belongs to the KPI only when there is just one.
  const single = wideWithValues.length === 1;
  const wide: WideColumn[] = wideWithValues.map(([id, columns]) => ({
    kpi: wideKpis.get(id)!,
    value: columns.value!,
    ...(single ? numberColumns(generic) : {}),
    ...numberColumns(columns)
  }));
  for (const [, columns] of wideColumns) {
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
  return { ok: true, layout: { kind: 'wide', header: [...header], unit, month: monthIndex, wide, warnings } };
}

// ---------------------------------------------------------------------------------------------------------
// KPIs, months and figures of a line

/** How many lines below the first one may hold the header (title lines above a table exported from Excel). */
export const HEADER_SEARCH_LINES = 10;

/**
 * A KPI cell → the framework's KPI that takes results (a leaf: not a composite, not a KPI with sub-items), or
 * the problem. `text` is the cell after `stripInvisible`.
 */
export function resolveKpi(
  text: string,
  column: string,
  catalog: KpiCatalog,
  framework: Framework
): { ok: true; kpi: Kpi } | { ok: false; problem: Problem } {
  const key = kpiKey(text);
  if (key === '') return { ok: false, problem: { column, reason: 'ไม่ได้ระบุตัวชี้วัด' } };
  const kpi = catalog.byKey.get(key);
  if (!kpi) {
    return {
      ok: false,
      problem: { column, reason: `ไม่รู้จักตัวชี้วัด "${stripInvisible(text)}" ในกรอบ "${framework.name}"` }
    };
  }
  const composite = compositeReason(kpi, catalog);
  return composite ? { ok: false, problem: { column, reason: composite } } : { ok: true, kpi };
}

/** The months a framework covers and its scope's name (`รอบการประเมินที่ 2 ปีงบประมาณ 2565`). */
export interface MonthScope {
  months: ReadonlySet<string>;
  label: string;
}

/** The framework's month window: the months of its whole period (fiscal year, round or quarter). */
export function monthScopeOf(framework: Framework): MonthScope | null {
  const periods = periodsOfFramework(framework.fiscalYear, framework.period ?? null);
  const whole = periods.at(-1);
  if (!whole) return null;
  const first = monthLabel(whole.months[0], 'th', 'short');
  const last = monthLabel(whole.months[whole.months.length - 1], 'th', 'short');
  return { months: new Set(whole.months), label: `${periodLabel(whole, 'th', 'long')}: ${first} – ${last}` };
}

/** A month cell (after `stripInvisible`) → ISO month, or the problem; `scope`: the window it must be in. */
export function resolveMonth(
  text: string,
  column: string,
  scope: MonthScope | null = null
): { ok: true; month: string } | { ok: false; problem: Problem } {
  if (text === '') return { ok: false, problem: { column, reason: 'ไม่ได้ระบุเดือน' } };
  const month = parseMonth(text);
  if (month !== null && scope !== null && !scope.months.has(month)) {
    return {
      ok: false,
      problem: {
        column,
        reason: `เดือน ${monthLabel(month, 'th', 'short')} ("${text}") อยู่นอกช่วงของกรอบการประเมิน (${scope.label})`
      }
    };
  }
  if (month !== null) return { ok: true, month };
  return {
    ok: false,
    problem: {
      column,
      reason: ambiguousMonthReason(text) ?? `อ่านเดือนไม่ได้: "${text}" (เขียนเช่น 2567-04, 04/2567 หรือ เม.ย. 67)`
    }
  };
}

export interface Figures {
  value: number | null;
  target: number | null;
  baseline: number | null;
  adjust: number | null;
}

/** The figures of a line (`readNumber` on each number column); `percent`: the value was written with `%`. */
export function readFigures(
  cells: readonly string[],
  columns: NumberColumns,
  header: readonly string[]
): { values: Figures; percent: boolean; problems: Problem[] } {
  const values: Figures = { value: null, target: null, baseline: null, adjust: null };
  const problems: Problem[] = [];
  let percent = false;
  for (const role of NUMBER_ROLES) {
    const index = columns[role];
    if (index === undefined) continue;
    const parsed = readNumber(cells[index] ?? '');
    if (parsed.ok) {
      values[role] = parsed.value;
      if (role === 'value') percent = parsed.percent;
    } else {
      const column = headerText(header, index);
      problems.push({ column, reason: `คอลัมน์ "${column}": ${parsed.reason}` });
    }
  }
  return { values, percent, problems };
}

/**
 * Numbers DuckDB may parse itself (a DuckDB regular expression, for `regexp_full_match` on the raw cell): what
 * `readNumber` reads as `Number(text)` with no `%` (an optional minus, ≤ 15 + 15 digits). Every other number
 * cell goes through `readNumber` (reading-rules.test.ts checks the two agree).
 */
export const PLAIN_NUMBER_SQL = '-?[0-9]{1,15}([.][0-9]{1,15})?';

// ---------------------------------------------------------------------------------------------------------
// Value ranges and percentages (issue 11)

const PERCENT_UNITS = new Set(['ร้อยละ', '%', 'เปอร์เซ็นต์', 'เปอร์เซ็นต', 'percent', 'percentage', 'pct']);

/** A unit label that says percent (`ร้อยละ`, `%`, `เปอร์เซ็นต์`, `percent`). */
export function isPercentUnit(label: string | null | undefined): boolean {
  return PERCENT_UNITS.has(stripInvisible(label ?? '').toLowerCase());
}

/**
 * Is the *reported value* itself a percentage? A KPI measured as the value itself (or ranked by it) whose unit
 * is a percentage. (A `pct_of_target` or `growth_pct` KPI reports amounts; its percentage is computed.)
 */
export function reportsPercent(kpi: Kpi): boolean {
  return (
    (kpi.measure === 'value' || kpi.measure === 'rank_desc' || kpi.measure === 'rank_asc') &&
    isPercentUnit(kpi.unitLabel)
  );
}

/** May a value of this KPI be written with a `%` sign (without a warning)? Its unit or its measure is a percentage. */
export function takesPercentSign(kpi: Kpi): boolean {
  return isPercentUnit(kpi.unitLabel) || kpi.measure === 'pct_of_target' || kpi.measure === 'growth_pct';
}

/** `0–5 ขั้นตอน`, `ร้อยละ 0–100`, `ตั้งแต่ 0 ครัวเรือน ขึ้นไป`, `ไม่เกิน 5 ขั้นตอน`: the KPI's valid range in words. */
export function rangeText(kpi: Kpi): string {
  const min = finiteOrNull(kpi.min);
  const max = finiteOrNull(kpi.max);
  const label = clipMessage(stripInvisible(kpi.unitLabel ?? ''), 60);
  const percent = isPercentUnit(label);
  const amount = (n: number) => (label === '' ? String(n) : percent ? `${label} ${n}` : `${n} ${label}`);
  if (min !== null && max !== null) {
    if (label === '') return `${min}–${max}`;
    return percent ? `${label} ${min}–${max}` : `${min}–${max} ${label}`;
  }
  if (min !== null) return `ตั้งแต่ ${amount(min)} ขึ้นไป`;
  if (max !== null) return `ไม่เกิน ${amount(max)}`;
  return '';
}

/** A reported value outside the KPI's `min`–`max` (either bound may be absent): the rejection, else null. */
export function valueRangeProblem(kpi: Kpi, value: number | null, column: string): Problem | null {
  if (value === null) return null;
  const min = finiteOrNull(kpi.min);
  const max = finiteOrNull(kpi.max);
  if ((min === null || value >= min) && (max === null || value <= max)) return null;
  return {
    column,
    reason: `ค่า ${String(value)} อยู่นอกช่วงที่รับได้ของตัวชี้วัด ${kpi.kpi} (${rangeText(kpi)})`
  };
}

/**
 * What is worth a warning about an accepted value: a `%` sign on a KPI that is not a percentage
 * (`percent-sign`), or a value above 100 on a KPI that reports a percentage and states no `max` (`over-100`:
 * some percentages may pass 100, so this warns rather than rejects; a stated `max` rejects instead).
 */
export type ValueNote = 'percent-sign' | 'over-100';

export function valueNote(kpi: Kpi, value: number | null, percent: boolean): ValueNote | null {
  if (value === null) return null;
  if (percent && !takesPercentSign(kpi)) return 'percent-sign';
  if (reportsPercent(kpi) && finiteOrNull(kpi.max) === null && value > 100) return 'over-100';
  return null;
}

/** The file-level warning for the rows of one KPI that got a `ValueNote`. */
export function valueNoteWarning(note: ValueNote, kpi: Kpi, lines: readonly number[]): string {
  const unit = stripInvisible(kpi.unitLabel ?? '');
  const where = `(บรรทัด ${listLines(lines)})`;
  if (note === 'percent-sign') {
    return (
      `${countText(lines.length)} แถวของตัวชี้วัด ${kpi.kpi} เขียนเครื่องหมาย % แต่ตัวชี้วัดนี้ไม่ได้วัดเป็นร้อยละ` +
      `${unit === '' ? '' : ` (หน่วย: ${clipMessage(unit, 60)})`} — อ่านเป็นตัวเลขตามที่เขียน (85% เป็น 85) ` +
      `ตรวจว่ากรอกถูกตัวชี้วัดและถูกหน่วย ${where}`
    );
  }
  return (
    `${countText(lines.length)} แถวของตัวชี้วัด ${kpi.kpi} มีค่าเกิน 100 แต่ตัวชี้วัดนี้วัดเป็นร้อยละ — ` +
    `ตรวจว่าไม่ได้กรอกจำนวนแทนร้อยละ ${where}`
  );
}

/**
 * The values of a KPI that need no word from the rules (inside its range, no `over-100` note): DuckDB reads a
 * line itself only when its value is within these bounds (null: no bound) and written without `%` — or with
 * it where `takesPercentSign`.
 */
export function plainValueBounds(kpi: Kpi): { low: number | null; high: number | null } {
  const max = finiteOrNull(kpi.max);
  const high = reportsPercent(kpi) && max === null ? 100 : max;
  return { low: finiteOrNull(kpi.min), high };
}

/** Does the scoring use this figure of the KPI? A target only for `pct_of_target`, a baseline only for `growth_pct`. */
export function usesFigure(kpi: Kpi, role: NumberRole): boolean {
  if (role === 'target') return kpi.measure === 'pct_of_target';
  if (role === 'baseline') return kpi.measure === 'growth_pct';
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers split at their thousands separators (`1,234` written without quotes)

/** `1,234,500.5` written without quotes and split at its commas: `1` | `234` | `500.5`. */
const LEADING_GROUP = /^[-+(\u2212฿]?\s*\d{1,3}$/;
const FOLLOWING_GROUP = /^\d{3}(?:\.\d*)?\s*(?:%|\)|บาท)?$/;

/** May this cell (after `stripInvisible`) start a split number: 1–3 digits, a sign or `(` or `฿` before? */
export function leads(cell: string | undefined): boolean {
  return cell !== undefined && LEADING_GROUP.test(thaiDigitsToAscii(cell));
}
/** May this cell (after `stripInvisible`) be a later group of a split number: 3 digits, decimals, `%`…? */
export function follows(cell: string | undefined): boolean {
  return cell !== undefined && FOLLOWING_GROUP.test(thaiDigitsToAscii(cell));
}

/**
 * What DuckDB tests on a raw cell for `leads` / `follows` (`c`: the cell, `plain`: whether it matches
 * `PLAIN_NUMBER_SQL`, both SQL expressions). A plain cell has no character that `stripInvisible` changes, so
 * it is tested exactly (cheap string functions); any other cell more widely, by its digits (stripping only
 * removes or changes characters that are not digits): 1–3 of them (`SPLIT_LEAD_SQL`), or at least 3
 * (`SPLIT_GROUP_SQL`). Never narrower than the rules (reading-rules.test.ts).
 */
export const SPLIT_LEAD_SQL = (c: string, plain: string) =>
  `(CASE WHEN ${plain} THEN NOT contains(${c}, '.') AND length(ltrim(${c}, '-')) <= 3 ` +
  `ELSE length(regexp_replace(${c}, '[^0-9๐-๙]', '', 'g')) BETWEEN 1 AND 3 END)`;
export const SPLIT_GROUP_SQL = (c: string, plain: string) =>
  `(CASE WHEN ${plain} THEN NOT starts_with(${c}, '-') AND length(split_part(${c}, '.', 1)) = 3 ` +
  `ELSE length(regexp_replace(${c}, '[^0-9๐-๙]', '', 'g')) >= 3 END)`;

/**
 * Does a line with more cells than the header hold a number split at its thousands separators? Then the
 * cells after it are shifted and no column can be trusted.
 */
export function hasSplitThousands(cells: readonly string[]): boolean {
  for (let i = 0; i + 1 < cells.length; i++) {
    if ((leads(cells[i]) || follows(cells[i])) && follows(cells[i + 1])) return true;
  }
  return false;
}

/** The message of a line whose cells are shifted by a split number (more cells than the header). */
export function splitCellsReason(cells: number, width: number): string {
  return (
    `บรรทัดนี้มี ${cells} ช่อง มากกว่าหัวตาราง (${width} ช่อง) — น่าจะเป็นตัวเลขที่มีจุลภาคคั่นหลักพัน` +
    'แต่ไม่ได้ครอบด้วยเครื่องหมายคำพูด (") จึงถูกแยกเป็นหลายช่อง'
  );
}

/**
 * A line with more cells than the header whose extra cells are all empty (`…,732,113.47,,` under a header
 * `…,value,target,baseline`): the number split at its separator filled the empty target and baseline, so the
 * line *looks* complete. It is refused when a number column holds 1–3 digits followed by a 3-digit group.
 */
export function splitIntoEmptyCells(
  cells: readonly string[],
  width: number,
  figureColumns: readonly number[]
): boolean {
  if (cells.length <= width) return false;
  return figureColumns.some((i) => (leads(cells[i]) || follows(cells[i])) && follows(cells[i + 1]));
}

/**
 * Does the file's writer leave out the empty cells at the end of a line? Some record other than the last (a
 * file cut short ends in a short line) has fewer cells than the header. Then a number split at its thousands
 * separator need not show as an extra cell (`…,T1,2565-04,732,113.47` under `…,value,target,baseline`).
 * `records`: the data records under the header, as the CSV parser gives them (blank lines skipped).
 */
export function leavesOutEmptyCells(
  records: readonly { cells: readonly string[] }[],
  width: number
): boolean {
  for (let i = 0; i + 1 < records.length; i++) if (records[i].cells.length < width) return true;
  return false;
}

/**
 * A line that fits the header but may hold a number split at its thousands separator: a number column with
 * 1–3 digits, the next column a number column of the same KPI with a 3-digit group (`732` | `113.47`), and
 * either its writer leaves out empty cells at the end (this line, or `ragged`: the file, has fewer cells than
 * the header), so that a split does not show as an extra cell, or the KPI does not use that next figure (a
 * target on a KPI that is not `pct_of_target`, a baseline on one that is not `growth_pct`). Both readings are
 * possible — `732` and `113.47`, or `732,113.47` — so the line is refused with the reason, never read one way.
 */
export function splitNumberProblem(
  cells: readonly string[],
  width: number,
  columns: NumberColumns,
  kpi: Kpi | null,
  header: readonly string[],
  ragged = false
): Problem | null {
  const roleAt = new Map<number, NumberRole>();
  for (const role of NUMBER_ROLES) if (columns[role] !== undefined) roleAt.set(columns[role]!, role);
  for (const index of roleAt.keys()) {
    const nextRole = roleAt.get(index + 1);
    if (nextRole === undefined || !leads(cells[index]) || !follows(cells[index + 1])) continue;
    const short = cells.length < width;
    const unused = kpi !== null && !usesFigure(kpi, nextRole);
    if (!short && !ragged && !unused) continue;
    const lead = cells[index];
    const next = cells[index + 1];
    const column = headerText(header, index);
    const nextColumn = headerText(header, index + 1);
    const why = unused
      ? `ตัวชี้วัด ${kpi!.kpi} ไม่ใช้${ROLE_NAME[nextRole]}`
      : short
        ? `บรรทัดนี้มี ${cells.length} ช่อง น้อยกว่าหัวตาราง (${width} ช่อง)`
        : 'ไฟล์นี้ไม่ได้เขียนช่องว่างท้ายบรรทัด (บางบรรทัดมีช่องน้อยกว่าหัวตาราง) ช่องที่เกินจึงไม่ปรากฏ';
    const fix = unused
      ? `ถ้าเป็นสองค่า ให้ลบ${ROLE_NAME[nextRole]}ที่ไม่ได้ใช้ออก`
      : 'ถ้าเป็นสองค่า ให้เขียนช่องให้ครบทุกคอลัมน์ของหัวตาราง';
    return {
      column,
      reason: clipMessage(
        `"${lead}" (${column}) กับ "${next}" (${nextColumn}) อาจเป็นตัวเลขเดียว ${lead},${next} ` +
          `ที่มีจุลภาคคั่นหลักพันแต่ไม่ได้ครอบด้วยเครื่องหมายคำพูด (") — ${why} จึงอ่านแบบใดแบบหนึ่งไม่ได้: ` +
          `ถ้าเป็นตัวเลขเดียว ให้ครอบด้วยเครื่องหมายคำพูดหรือเขียนโดยไม่มีจุลภาค ${fix}`
      )
    };
  }
  return null;
}

/** A number role in words, after ไม่ใช้ / ให้ลบ. */
const ROLE_NAME: Readonly<Record<NumberRole, string>> = {
  value: 'ผลการดำเนินงาน',
  target: 'ค่าเป้าหมาย',
  baseline: 'ค่าฐาน',
  adjust: 'ค่าปรับคะแนน'
};

// ---------------------------------------------------------------------------------------------------------
// Duplicates and the rejection cap

/** The key of a result: a file holds one row per unit, KPI and month. */
export function resultKey(row: Pick<ResultRow, 'unitId' | 'kpi' | 'month'>): string {
  return `${row.unitId}\u0000${row.kpi}\u0000${row.month}`;
}

/** Inside one file the first line of a key wins; a later line with it is rejected with this reason. */
export function duplicateReason(firstLine: number, unitWord: string, kpi: string): string {
  return `ซ้ำกับบรรทัด ${firstLine} (${unitWord} ตัวชี้วัด ${kpi} และเดือนเดียวกัน)`;
}

/** Thrown by the reader when a file has more than `MAX_REJECTIONS` problems: reading stops there. */
export class TooManyProblems extends Error {
  constructor(readonly line: number) {
    super('too many problems');
  }
}

/** The reason (line 1) of a file refused for having more than `MAX_REJECTIONS` problems. */
export function tooManyProblemsReason(line: number, framework: Framework): string {
  return (
    `หยุดอ่านที่บรรทัด ${countText(line)}: มีแถวที่ใช้ไม่ได้เกิน ${countText(MAX_REJECTIONS)} แถว ` +
    `จึงไม่นำเข้าไฟล์นี้เลย — ตรวจว่าเป็นไฟล์ผลการดำเนินงานของกรอบ "${clipMessage(framework.name, 200)}" ` +
    'และเลือกกรอบการประเมินถูกต้อง'
  );
}

/** Was this report refused whole for too many problems? (It then holds the reason and `MAX_REJECTIONS` more.) */
export function refusedForProblems(report: { rejected: readonly unknown[] }): boolean {
  return report.rejected.length > MAX_REJECTIONS;
}

/** The last non-blank cell's position + 1: Excel's trailing empty columns do not count. */
export function usedWidth(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i].trim() !== '') return i + 1;
  return 0;
}

/** Why a table is refused for its width (`widest`: the widest `usedWidth` of its lines), or null. */
export function tooManyColumnsReason(widest: number): string | null {
  if (widest <= MAX_COLUMNS) return null;
  return (
    `ไฟล์มี ${countText(widest)} คอลัมน์ เกินที่อ่านได้ (${countText(MAX_COLUMNS)} คอลัมน์) — ไม่ได้อ่านไฟล์นี้ ` +
    'ตรวจว่าเป็นตารางผลการดำเนินงาน (อำเภอ ตัวชี้วัด เดือน ผลการดำเนินงาน) และบันทึกเฉพาะตารางนั้น'
  );
}

/** `3, 5, 9` — at most 10 line numbers, the rest counted. */
export function listLines(lines: readonly number[]): string {
  const shown = lines.slice(0, 10).join(', ');
  return lines.length > 10 ? `${shown} และอีก ${lines.length - 10} บรรทัด` : shown;
}

// ---------------------------------------------------------------------------------------------------------
// File-level refusals: decided once, on the bytes, before either reader reads a line

/** A zip file starts with `PK\3\4`: .xlsx (and .ods, .docx — the workbook reader tells them apart). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The old binary Excel format (.xls, an OLE2 compound file), which we do not read. */
export function looksLikeOldExcel(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Fewer NUL characters than this are left to the lines they are in (rejected, shown as ␀). */
const BINARY_MIN_NULS = 10;

/**
 * A file that is not text (a program, a picture, a broken workbook) decodes to many NUL characters, which no
 * table of results has: such a file is refused whole with a reason, not read into thousands of odd rows.
 */
export function binaryProblem(text: string): string | null {
  let nuls = 0;
  for (let i = text.indexOf('\0'); i !== -1; i = text.indexOf('\0', i + 1)) nuls++;
  // A stray NUL is left to the row it is in (rejected, shown as ␀); many of them mean the file is not text.
  if (nuls < Math.max(BINARY_MIN_NULS, text.length / 1000)) return null;
  return (
    `ไฟล์นี้ไม่ใช่ไฟล์ข้อความ CSV (มีอักขระ NUL ${countText(nuls)} ตัว) — อาจเป็นไฟล์ชนิดอื่นหรือไฟล์ที่เสีย ` +
    'เปิดใน Excel แล้วบันทึกเป็น CSV UTF-8 หรือ .xlsx แล้วนำเข้าใหม่'
  );
}

export interface FileRefusal {
  /** Thai, for users (the file's one rejection, line 1). */
  reason: string;
  format: 'csv' | 'xlsx';
  encoding: TextEncodingName | null;
  /** Short English, for the fast reader's `fallbackReason` and logs. */
  code: string;
}

export interface FileCheck {
  /** Set when the file is refused whole, before any line is read. */
  refusal: FileRefusal | null;
  format: 'csv' | 'xlsx';
  /** For a text file: how `decodeText` reads it. */
  encoding: ReturnType<typeof textEncodingOf> | null;
  /** The decoded text, when the check had to decode it (UTF-16, or a file with NUL bytes); else null. */
  text: string | null;
}

const OLD_EXCEL = 'ไฟล์ Excel รุ่นเก่า (.xls) อ่านไม่ได้ — เปิดใน Excel แล้วบันทึกเป็น .xlsx หรือ CSV UTF-8 แล้วนำเข้าใหม่';

/**
 * The file-level refusals of a results file, in order: its size (`MAX_RESULTS_FILE_BYTES`), the old .xls
 * format, a workbook that unzips to more than `MAX_WORKBOOK_UNZIPPED_BYTES`, a text file of NUL characters
 * (`binaryProblem`). Both readers call it first, so a file is refused by both with the same reason. UTF-8 and
 * Windows-874 text is not decoded unless it holds NUL bytes (a NUL byte is a NUL character in both).
 */
export function checkResultsFile(bytes: Uint8Array): FileCheck {
  const zip = looksLikeZip(bytes);
  const refused = (
    reason: string,
    format: 'csv' | 'xlsx',
    code: string,
    encoding: TextEncodingName | null = null
  ) => ({
    refusal: { reason, format, encoding, code },
    format,
    encoding: null,
    text: null
  });
  const tooLarge = fileSizeProblem(bytes.length, MAX_RESULTS_FILE_BYTES, 'results');
  if (tooLarge) return refused(tooLarge, zip ? 'xlsx' : 'csv', 'over the size limit');
  if (looksLikeOldExcel(bytes)) return refused(OLD_EXCEL, 'xlsx', 'an old Excel file (.xls)');
  if (zip) {
    const unzipped = zipUnzippedSize(bytes);
    if (unzipped !== null && unzipped > MAX_WORKBOOK_UNZIPPED_BYTES) {
      const size = Number.isFinite(unzipped) ? `${sizeText(unzipped)} ` : '';
      return refused(
        `ไฟล์ Excel นี้เมื่อแตกออกมีขนาด ${size}เกินที่รับได้ (${sizeText(MAX_WORKBOOK_UNZIPPED_BYTES)}) — ` +
          'ไม่ได้อ่านไฟล์นี้ ตรวจว่าเลือกไฟล์ถูกต้อง หรือบันทึกเฉพาะแผ่นงานผลการดำเนินงานเป็น CSV UTF-8',
        'xlsx',
        'a workbook over the unzipped size limit'
      );
    }
    return { refusal: null, format: 'xlsx', encoding: null, text: null };
  }
  const encoding = textEncodingOf(bytes);
  let text: string | null = null;
  let nuls = 0;
  if (encoding.encoding === 'utf-16le' || encoding.encoding === 'utf-16be') {
    text = decodeText(bytes, encoding).text;
    nuls = text.includes('\0') ? BINARY_MIN_NULS : 0;
  } else {
    for (let i = bytes.indexOf(0); i !== -1 && nuls < BINARY_MIN_NULS; i = bytes.indexOf(0, i + 1)) nuls++;
  }
  if (nuls >= BINARY_MIN_NULS) {
    text ??= decodeText(bytes, encoding).text;
    const binary = binaryProblem(text);
    if (binary) return refused(binary, 'csv', 'not a text file (NUL characters)', encoding.encoding);
  }
  return { refusal: null, format: 'csv', encoding, text };
}

// ---------------------------------------------------------------------------------------------------------
// What the fast reader may read in SQL

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
