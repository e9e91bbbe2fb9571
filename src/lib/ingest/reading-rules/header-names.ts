/**
 * Header names and KPI ids, a part of the reading rules (../reading-rules.ts): the column roles and their Thai
 * and English names (`ROLE_ALIASES`, `roleOfHeader`), how a column is named in messages (`ROLE_LABEL`,
 * `headerText`), the framework's KPIs by id (`catalogOf`, `kpiKey`, composites) and KPI ids inside wide headers
 * (`kpiOfWideHeader`).
 */
import type { Framework, Kpi } from '../../domain/framework';
import { normalizeThai, stripInvisible, thaiDigitsToAscii } from '../../domain/thai-text';
import { clipMessage } from '../limits';

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
export function namesKpiId(header: string): boolean {
  return /รหัส|id|code/.test(roleKey(header));
}

/** KPI ids compare after trimming, Thai digits → ASCII, case-insensitively. */
export function kpiKey(text: string): string {
  return thaiDigitsToAscii(stripInvisible(text)).toLowerCase();
}

/** A header that looks like a KPI id (`9.9`, `M6a`) but is not one of the framework's. */
export const KPI_ID_LIKE = /^(?:[a-z]{0,2}\d+(?:\.\d+)*[a-z]?)$/;

export function headerText(header: readonly string[], index: number): string {
  return clipMessage(stripInvisible(header[index] ?? ''), 200) || `คอลัมน์ที่ ${index + 1}`;
}

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
