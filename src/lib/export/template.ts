/**
 * The reporting template (issue 14.2): for a framework and a period, the table a district fills in, in both
 * layouts the results reader accepts (DESIGN §9.1) — long (one row per unit × KPI × month) and wide (one row per
 * unit and month, a column per KPI) — with the Thai header names the reader knows (`ROLE_ALIASES` of
 * src/lib/ingest/reading-rules.ts), every unit × KPI × month pre-filled and the values empty. Pure data: the
 * workbook (notes, data validation) is written by template-xlsx.ts, the CSV here.
 *
 * Only KPIs that take results are listed (composites get theirs from their sub-items). A `pct_of_target` KPI
 * gets a target column and a `growth_pct` KPI a baseline column: left empty, the framework's own per-district
 * target or baseline is used (a row's own figure wins over the framework's, DESIGN §9.2 targets.csv).
 */
import type { Framework, Kpi } from '../domain/framework';
import { monthLabel, type Period } from '../domain/periods';
import { rangeText, usesFigure, type NumberRole } from '../ingest/reading-rules';
import { reportedKpis, templateUnits, type TemplateUnit } from '../ingest/reported';
import { toExcelCsv, type CsvCell } from '../domain/excel-csv';

/** One pre-filled column a district writes a figure into (long: per role; wide: per KPI and role). */
export interface TemplateColumn {
  header: string;
  role: 'province' | 'unit' | 'month' | 'kpi' | NumberRole;
  /** The KPI of a wide number column. */
  kpi: Kpi | null;
}

export interface TemplateSheet {
  name: string;
  layout: 'long' | 'wide';
  columns: TemplateColumn[];
  /** Rows of cells, the header not included; number cells are null (to be filled in). */
  rows: { cells: (string | null)[]; unitId: string; month: string; kpi: Kpi | null }[];
}

export interface ReportingTemplate {
  framework: Framework;
  period: Period;
  units: TemplateUnit[];
  kpis: Kpi[];
  long: TemplateSheet;
  wide: TemplateSheet;
}

/** Header names: each one is a name of `ROLE_ALIASES` (checked by template.test.ts through the reader). */
export const TEMPLATE_HEADERS = {
  province: 'จังหวัด',
  unit: 'อำเภอ',
  month: 'เดือน',
  kpi: 'รหัสตัวชี้วัด',
  value: 'ผลการดำเนินงาน',
  target: 'ค่าเป้าหมาย',
  baseline: 'ฐาน',
  adjust: 'ปรับคะแนน'
} as const;

export const LONG_SHEET = 'แบบรายงาน (แถวละตัวชี้วัด)';
export const WIDE_SHEET = 'แบบรายงาน (แถวละเดือน)';
export const HELP_SHEET = 'คำอธิบาย';

/** The extra figure a KPI's measure needs besides its value: a target, a baseline, or none. */
export function extraFigure(kpi: Kpi): 'target' | 'baseline' | null {
  return usesFigure(kpi, 'target') ? 'target' : usesFigure(kpi, 'baseline') ? 'baseline' : null;
}

/** `T1 (ร้อยละ)`: a wide column's header, the unit in parentheses when it has none of its own. */
function wideHeader(kpi: Kpi, role: NumberRole): string {
  const unit = (kpi.unitLabel ?? '').trim();
  const id = role === 'value' ? kpi.kpi : `${TEMPLATE_HEADERS[role]} ${kpi.kpi}`;
  return role === 'value' && unit !== '' && !/[()[\]]/.test(unit) ? `${id} (${unit})` : id;
}

/** The month as written in the template's month column: `ต.ค. 2565` (text in every spreadsheet). */
export function templateMonth(month: string): string {
  return monthLabel(month, 'th', 'short');
}

/** The template of a framework for a period (the period's months; a month period gives one month). */
export function buildTemplate(
  framework: Framework,
  period: Period,
  units: readonly TemplateUnit[] = templateUnits(framework)
): ReportingTemplate {
  const kpis = reportedKpis(framework);
  const provinceColumn = units.some((unit) => unit.province !== null);
  const unitHeader = framework.province === null ? TEMPLATE_HEADERS.province : TEMPLATE_HEADERS.unit;
  const head: TemplateColumn[] = [
    ...(provinceColumn ? [{ header: TEMPLATE_HEADERS.province, role: 'province', kpi: null } as const] : []),
    { header: unitHeader, role: 'unit', kpi: null },
    { header: TEMPLATE_HEADERS.month, role: 'month', kpi: null }
  ];
  const unitCells = (unit: TemplateUnit) => [...(provinceColumn ? [unit.province] : []), unit.name];

  const extras = (['target', 'baseline'] as const).filter((role) =>
    kpis.some((k) => extraFigure(k) === role)
  );
  const long: TemplateSheet = {
    name: LONG_SHEET,
    layout: 'long',
    columns: [
      ...head,
      { header: TEMPLATE_HEADERS.kpi, role: 'kpi', kpi: null },
      { header: TEMPLATE_HEADERS.value, role: 'value', kpi: null },
      ...extras.map((role) => ({ header: TEMPLATE_HEADERS[role], role, kpi: null }))
    ],
    rows: []
  };
  for (const unit of units)
    for (const kpi of kpis)
      for (const month of period.months)
        long.rows.push({
          cells: [...unitCells(unit), templateMonth(month), kpi.kpi, null, ...extras.map(() => null)],
          unitId: unit.id,
          month,
          kpi
        });

  const wideColumns: TemplateColumn[] = [...head];
  for (const kpi of kpis) {
    wideColumns.push({ header: wideHeader(kpi, 'value'), role: 'value', kpi });
    const extra = extraFigure(kpi);
    if (extra) wideColumns.push({ header: wideHeader(kpi, extra), role: extra, kpi });
  }
  const wide: TemplateSheet = { name: WIDE_SHEET, layout: 'wide', columns: wideColumns, rows: [] };
  const numberCells = wideColumns.length - head.length;
  for (const unit of units)
    for (const month of period.months)
      wide.rows.push({
        cells: [...unitCells(unit), templateMonth(month), ...Array<null>(numberCells).fill(null)],
        unitId: unit.id,
        month,
        kpi: null
      });
  return { framework, period, units: [...units], kpis, long, wide };
}

/** The template for one unit only (the per-district files). */
export function unitTemplate(template: ReportingTemplate, unitId: string): ReportingTemplate {
  const units = template.units.filter((unit) => unit.id === unitId);
  return buildTemplate(template.framework, template.period, units);
}

/** What a KPI's note says: id and name, unit, valid range, what figure to add, how to report. */
export function kpiNote(kpi: Kpi): string {
  const lines = [`${kpi.kpi} ${kpi.name}`];
  const unit = (kpi.unitLabel ?? '').trim();
  if (unit !== '') lines.push(`หน่วย: ${unit}`);
  const range = rangeText(kpi);
  if (range !== '') lines.push(`ค่าที่รับได้: ${range}`);
  const extra = extraFigure(kpi);
  if (extra === 'target') lines.push('ใส่ค่าเป้าหมายด้วย (เว้นว่างได้เมื่อกรอบกำหนดค่าเป้าหมายของอำเภอไว้แล้ว)');
  if (extra === 'baseline') lines.push('ใส่ค่าฐานด้วย (เว้นว่างได้เมื่อกรอบกำหนดค่าฐานของอำเภอไว้แล้ว)');
  const how = (kpi.howToReport ?? '').trim();
  if (how !== '') lines.push(`วิธีรายงาน: ${how}`);
  return lines.join('\n');
}

/** How a file of the template is named: `แบบรายงาน_<framework>_<period>[_<unit>].xlsx`. */
export function templateFileParts(template: ReportingTemplate, unit: TemplateUnit | null = null): string[] {
  return ['แบบรายงาน', template.framework.id, template.period.id, ...(unit ? [unit.name] : [])];
}

/** The template as a CSV (UTF-8 with BOM, for Excel) in one layout; the long one by default. */
export function templateCsv(template: ReportingTemplate, layout: 'long' | 'wide' = 'long'): string {
  const sheet = layout === 'long' ? template.long : template.wide;
  return toExcelCsv(
    sheet.columns.map((column) => column.header),
    sheet.rows.map((row) => row.cells as CsvCell[])
  );
}
