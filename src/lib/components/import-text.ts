/**
 * Texts and downloads of the import report (issue 5): counts, changed values before → after, byte sizes.
 * Pure; the components only place them.
 */
import { formatNumber } from '../domain/numbers';
import { monthLabel, type Lang } from '../domain/periods';
import { DISTRICTS, provinceById } from '../domain/units';
import { toExcelCsv } from '../domain/excel-csv';
import type { ResultChange, ResultFigures } from '../scoring/workspace';

export interface DiffCounts {
  added: number;
  changed: number;
  unchanged: number;
}

export function hasChanges(counts: DiffCounts): boolean {
  return counts.added + counts.changed > 0;
}

const FIGURES: readonly (keyof ResultFigures)[] = ['value', 'target', 'baseline', 'adjust'];

const FIGURE_NAMES: Record<Lang, Record<keyof ResultFigures, string>> = {
  th: { value: 'ผล', target: 'เป้าหมาย', baseline: 'ฐาน', adjust: 'ปรับคะแนน' },
  en: { value: 'value', target: 'target', baseline: 'baseline', adjust: 'adjust' }
};

function shown(value: number | null): string {
  return value === null ? '–' : formatNumber(value);
}

/** The figures that differ, as `ผล 20 → 25; เป้าหมาย – → 100`. */
export function changeText(change: ResultChange, lang: Lang = 'th'): string {
  return FIGURES.filter((figure) => change.before[figure] !== change.after[figure])
    .map(
      (figure) =>
        `${FIGURE_NAMES[lang][figure]} ${shown(change.before[figure])} → ${shown(change.after[figure])}`
    )
    .join('; ');
}

/** Every changed value as a CSV to download: unit, KPI, month, each figure before and after, where from. */
export function changesCsv(changes: readonly ResultChange[], lang: Lang = 'th'): string {
  const names = FIGURE_NAMES[lang];
  const header =
    lang === 'th' ? ['หน่วยงาน', 'รหัสหน่วยงาน', 'ตัวชี้วัด', 'เดือน'] : ['unit', 'unit_id', 'kpi', 'month'];
  const before = lang === 'th' ? 'เดิม' : 'before';
  const after = lang === 'th' ? 'ใหม่' : 'after';
  for (const figure of FIGURES) header.push(`${names[figure]} ${before}`, `${names[figure]} ${after}`);
  header.push(
    ...(lang === 'th'
      ? ['ไฟล์เดิม', 'บรรทัดเดิม', 'ไฟล์ใหม่', 'บรรทัดใหม่']
      : ['file before', 'line before', 'file after', 'line after'])
  );
  const rows = changes.map((change) => [
    change.unit,
    change.unitId,
    change.kpi,
    change.month,
    ...FIGURES.flatMap((figure) => [change.before[figure], change.after[figure]]),
    change.before.source,
    change.before.line,
    change.after.source,
    change.after.line
  ]);
  return toExcelCsv(header, rows);
}

/** `2022-09` → `ก.ย. 2565`. */
export function monthText(month: string, lang: Lang = 'th'): string {
  return monthLabel(month, lang, 'short');
}

/** `1536` → `1.5 KB`. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return '–';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Lines as `2, 5, 9` (at most `max`, then `และอีก n`). */
export function linesText(lines: readonly number[], max = 8, lang: Lang = 'th'): string {
  const head = lines.slice(0, max).join(', ');
  const rest = lines.length - max;
  if (rest <= 0) return head;
  return lang === 'th' ? `${head} และอีก ${rest}` : `${head} and ${rest} more`;
}

/** `utf-8` → `UTF-8`, `windows-874` → `Windows-874 (TIS-620)`. */
export function encodingText(encoding: string | null, format: 'csv' | 'xlsx'): string {
  if (format === 'xlsx') return 'Excel (.xlsx)';
  if (encoding === 'windows-874') return 'CSV · Windows-874 (TIS-620)';
  return `CSV · ${(encoding ?? 'utf-8').toUpperCase()}`;
}

const districtNames = new Map(DISTRICTS.map((d) => [d.id, `${d.name} จ.${d.province}`]));

/** A unit code as people know it: `2410` → `ท่าตะเกียบ จ.ฉะเชิงเทรา`, `24` → `ฉะเชิงเทรา`. */
export function unitText(unitId: string): string {
  return districtNames.get(unitId) ?? provinceById(unitId)?.name ?? unitId;
}

/** A time stamp in the user's language: `6 ก.ค. 2565 14:05`. */
export function timeText(at: number, lang: Lang = 'th'): string {
  return new Intl.DateTimeFormat(lang === 'th' ? 'th-TH' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short'
  }).format(new Date(at));
}
