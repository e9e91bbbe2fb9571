/**
 * Results files (DESIGN §6, §9.1) → `ResultRow`s, with a row-level report: every data line of the file ends
 * up in `rows` (one or more rows), in `rejected` (with file, line, column and a Thai reason), or is counted
 * as not reported (a blank value). Nothing is dropped silently, and no text makes it throw.
 *
 * Layouts: long (a KPI column and a value column, one row per unit, KPI and month) and wide (one column per
 * KPI id of the framework, one line per unit and month). Units are resolved against the master list in the
 * way the framework's `province` says: that province's districts, the provinces (`null`), or every district
 * (`*`, where a `province` column settles names that repeat).
 */
import type { Framework, Kpi } from '../domain/framework';
import type { Rejection, ResultRow } from '../domain/results';
import { parseNumber } from '../domain/numbers';
import {
  ambiguousMonthReason,
  monthLabel,
  parseMonth,
  periodLabel,
  periodsOfFramework
} from '../domain/periods';
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
import { parseCsv, type CsvTable } from './csv';
import { MAX_COLUMNS, MAX_REJECTIONS, clipMessage, countText, listText } from './limits';

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

// ---------------------------------------------------------------------------------------------------------
// Header names

type Role = 'province' | 'unit' | 'kpi' | 'month' | 'value' | 'target' | 'baseline' | 'adjust';
type NumberRole = 'value' | 'target' | 'baseline' | 'adjust';

const NUMBER_ROLES: readonly NumberRole[] = ['value', 'target', 'baseline', 'adjust'];

/** Header names per column role (DESIGN §9.1 plus common variants), compared by `roleKey`. */
const ROLE_ALIASES: Readonly<Record<Role, readonly string[]>> = {
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
const ROLE_LABEL: Readonly<Record<Role, string>> = {
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
function roleKey(text: string): string {
  return thaiDigitsToAscii(normalizeThai(text))
    .toLowerCase()
    .replace(/[\s_\-./:]/g, '');
}

/** `ผลการดำเนินงาน (บาท)` → `ผลการดำเนินงาน`: a unit in parentheses after a header name. */
function withoutTrailingNote(text: string): string {
  return text.replace(/\s*[([][^()[\]]*[)\]]\s*$/, '');
}

const roleByKey = new Map<string, Role>();
for (const [role, aliases] of Object.entries(ROLE_ALIASES) as [Role, readonly string[]][]) {
  for (const alias of aliases) roleByKey.set(roleKey(alias), role);
}

const affixRoleByKey = new Map<string, NumberRole>();
for (const role of NUMBER_ROLES)
  for (const alias of WIDE_AFFIXES[role]) affixRoleByKey.set(roleKey(alias), role);

function roleOfHeader(header: string, withNote: boolean): Role | undefined {
  return roleByKey.get(roleKey(withNote ? header : withoutTrailingNote(header)));
}

/** A KPI column header that says it holds ids (`รหัสตัวชี้วัด`, `kpi_id`), not names. */
function namesKpiId(header: string): boolean {
  return /รหัส|id|code/.test(roleKey(header));
}

/** KPI ids compare after trimming, Thai digits → ASCII, case-insensitively. */
function kpiKey(text: string): string {
  return thaiDigitsToAscii(stripInvisible(text)).toLowerCase();
}

/** A header that looks like a KPI id (`9.9`, `M6a`) but is not one of the framework's. */
const KPI_ID_LIKE = /^(?:[a-z]{0,2}\d+(?:\.\d+)*[a-z]?)$/;

// ---------------------------------------------------------------------------------------------------------
// The framework's KPIs

interface KpiCatalog {
  byKey: Map<string, Kpi>;
  /** Keys longest first, for matching ids inside wide headers. */
  keysLongestFirst: string[];
  childrenOf: Map<string, Kpi[]>;
}

function catalogOf(framework: Framework): KpiCatalog {
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

function isComposite(kpi: Kpi, catalog: KpiCatalog): boolean {
  return kpi.measure === 'combine' || (catalog.childrenOf.get(kpi.kpi)?.length ?? 0) > 0;
}

/** Why results cannot be given for this KPI, or null when they can. */
function compositeReason(kpi: Kpi, catalog: KpiCatalog): string | null {
  if (!isComposite(kpi, catalog)) return null;
  const children = (catalog.childrenOf.get(kpi.kpi) ?? []).map((child) => child.kpi);
  const through = children.length > 0 ? ` (${children.join(', ')})` : '';
  return `ตัวชี้วัด ${kpi.kpi} เป็นตัวชี้วัดรวม ได้ผลจากตัวชี้วัดย่อย — ให้รายงานผลของตัวชี้วัดย่อย${through} แทน`;
}

/** A wide header naming a framework KPI: `1.1`, `ผล 1.1`, `เป้าหมาย 1.1`, `1.1 (ร้อยละ)`, `1.1_target`. */
function kpiOfWideHeader(header: string, catalog: KpiCatalog): { kpi: Kpi; role: NumberRole } | null {
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

type UnitScope =
  | { kind: 'province'; province: Province }
  | { kind: 'provinces' }
  | { kind: 'districts' }
  | { kind: 'invalid'; name: string };

function scopeOf(framework: Framework): UnitScope {
  const name = framework.province;
  if (name === null || name === undefined || stripInvisible(name) === '') return { kind: 'provinces' };
  if (stripInvisible(name) === '*') return { kind: 'districts' };
  const province = findProvince(name);
  return province ? { kind: 'province', province } : { kind: 'invalid', name };
}

const districtsById = new Map<string, District>(DISTRICTS.map((d) => [d.id, d]));

type UnitResolution = { ok: true; unitId: string } | { ok: false; problems: Problem[] };

interface Problem {
  column: string | null;
  reason: string;
  suggestions?: string[];
  /** Set when the problem is the unit name itself. */
  unit?: { kind: UnitIssueKind; name: string; suggestions: UnitSuggestion[] };
}

/** `A`, `A หรือ B`, `A, B หรือ C`. */
function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} หรือ ${items[items.length - 1]}`;
}

function suggestionText(suggestions: readonly string[]): string {
  return suggestions.length > 0 ? ` — หมายถึง ${orList(suggestions)} หรือไม่?` : '';
}

/** A total line under a table (`รวม`, `รวมทั้งสิ้น`, `Total`): not a unit, and worth saying so. */
const TOTAL_ROW = /^(?:รวม|ผลรวม|ยอดรวม|total|grandtotal|sum)/;

interface UnitColumns {
  unit: number;
  unitHeader: string;
  province: number | undefined;
  provinceHeader: string | null;
}

class UnitResolver {
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

interface NumberColumns {
  value: number;
  target?: number;
  baseline?: number;
  adjust?: number;
}

interface WideColumn extends NumberColumns {
  kpi: Kpi;
}

interface Layout {
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

type LayoutResult = { ok: true; layout: Layout } | { ok: false; missing: string[] };

/** The columns a layout reads: units, KPI, month and every number column. */
function columnsRead(layout: Layout): Set<number> {
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

function headerText(header: readonly string[], index: number): string {
  return clipMessage(stripInvisible(header[index] ?? ''), 200) || `คอลัมน์ที่ ${index + 1}`;
}

function detectLayout(header: readonly string[], catalog: KpiCatalog, scope: UnitScope): LayoutResult {
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
// Reading

/** How many lines below the first one may hold the header (title lines above a table exported from Excel). */
const HEADER_SEARCH_LINES = 10;

/** `1,234,500.5` written without quotes and split at its commas: `1` | `234` | `500.5`. */
const LEADING_GROUP = /^[-+(\u2212฿]?\s*\d{1,3}$/;
const FOLLOWING_GROUP = /^\d{3}(?:\.\d*)?\s*(?:%|\)|บาท)?$/;

/**
 * Does a line with more cells than the header hold a number split at its thousands separators? Then the
 * cells after it are shifted and no column can be trusted.
 */
function hasSplitThousands(cells: readonly string[]): boolean {
  for (let i = 0; i + 1 < cells.length; i++) {
    const here = thaiDigitsToAscii(cells[i]);
    const next = thaiDigitsToAscii(cells[i + 1]);
    if ((LEADING_GROUP.test(here) || FOLLOWING_GROUP.test(here)) && FOLLOWING_GROUP.test(next)) return true;
  }
  return false;
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

/** Thrown by the reader when a file has more than `MAX_REJECTIONS` problems: reading stops there. */
class TooManyProblems extends Error {
  constructor(readonly line: number) {
    super('too many problems');
  }
}

/** The last non-blank cell's position + 1: Excel's trailing empty columns do not count. */
function usedWidth(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i].trim() !== '') return i + 1;
  return 0;
}

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
      reason:
        `หยุดอ่านที่บรรทัด ${countText(error.line)}: มีแถวที่ใช้ไม่ได้เกิน ${countText(MAX_REJECTIONS)} แถว ` +
        `จึงไม่นำเข้าไฟล์นี้เลย — ตรวจว่าเป็นไฟล์ผลการดำเนินงานของกรอบ "${clipMessage(options.framework.name, 200)}" ` +
        'และเลือกกรอบการประเมินถูกต้อง'
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
  if (widest > MAX_COLUMNS) {
    return refuse(
      `ไฟล์มี ${countText(widest)} คอลัมน์ เกินที่อ่านได้ (${countText(MAX_COLUMNS)} คอลัมน์) — ไม่ได้อ่านไฟล์นี้ ` +
        'ตรวจว่าเป็นตารางผลการดำเนินงาน (อำเภอ ตัวชี้วัด เดือน ผลการดำเนินงาน) และบันทึกเฉพาะตารางนั้น'
    );
  }

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
  const width = layout.header.length;
  const readColumns = columnsRead(layout);

  const records = table.rows.slice(dataStart);
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
        reject(
          line,
          null,
          `บรรทัดนี้มี ${cells.length} ช่อง มากกว่าหัวตาราง (${width} ช่อง) — น่าจะเป็นตัวเลขที่มีจุลภาคคั่นหลักพัน` +
            'แต่ไม่ได้ครอบด้วยเครื่องหมายคำพูด (") จึงถูกแยกเป็นหลายช่อง'
        );
        continue;
      }
      extraCellLines.push(line);
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
      if (problems.length > 0 || !unit.ok || !kpi.ok || !month.ok) {
        for (const problem of problems) rejectProblem(line, problem);
        continue;
      }
      addRow(
        { unitId: unit.unitId, kpi: kpi.kpi.kpi, month: month.month, ...figures.values, source: file, line },
        null
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
      if (figures.problems.length > 0) {
        for (const problem of figures.problems) reject(line, problem.column, problem.reason);
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
        columnName
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
  return report;

  function addRow(row: ResultRow, column: string | null): void {
    const key = `${row.unitId}\u0000${row.kpi}\u0000${row.month}`;
    const first = seen.get(key);
    if (first !== undefined) {
      reject(row.line, column, `ซ้ำกับบรรทัด ${first} (${units.unitWord} ตัวชี้วัด ${row.kpi} และเดือนเดียวกัน)`);
      return;
    }
    seen.set(key, row.line);
    report.rows.push(row);
  }
}

function listLines(lines: readonly number[]): string {
  const shown = lines.slice(0, 10).join(', ');
  return lines.length > 10 ? `${shown} และอีก ${lines.length - 10} บรรทัด` : shown;
}

function resolveKpi(
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
interface MonthScope {
  months: ReadonlySet<string>;
  label: string;
}

function monthScopeOf(framework: Framework): MonthScope | null {
  const periods = periodsOfFramework(framework.fiscalYear, framework.period ?? null);
  const whole = periods.at(-1);
  if (!whole) return null;
  const first = monthLabel(whole.months[0], 'th', 'short');
  const last = monthLabel(whole.months[whole.months.length - 1], 'th', 'short');
  return { months: new Set(whole.months), label: `${periodLabel(whole, 'th', 'long')}: ${first} – ${last}` };
}

function resolveMonth(
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

interface Figures {
  value: number | null;
  target: number | null;
  baseline: number | null;
  adjust: number | null;
}

function readFigures(
  cells: readonly string[],
  columns: NumberColumns,
  header: readonly string[]
): { values: Figures; problems: Problem[] } {
  const values: Figures = { value: null, target: null, baseline: null, adjust: null };
  const problems: Problem[] = [];
  for (const role of NUMBER_ROLES) {
    const index = columns[role];
    if (index === undefined) continue;
    const parsed = parseNumber(cells[index] ?? '');
    if (parsed.ok) values[role] = parsed.value;
    else {
      const column = headerText(header, index);
      problems.push({ column, reason: `คอลัมน์ "${column}": ${parsed.reason}` });
    }
  }
  return { values, problems };
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
