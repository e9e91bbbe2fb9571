/**
 * The reporting template (template.ts) as an .xlsx workbook, written with exceljs (issue 14.2: a maintained
 * writer that writes data validation and notes): a sheet per layout (long, wide), then a sheet explaining the
 * KPIs. Each KPI's name, unit, valid range and `how_to_report` are cell notes; its value cells carry Excel data
 * validation from its `min`/`max` (a number outside is refused by Excel as it is typed, and the reader rejects
 * it too). exceljs (≈250 kB gzip) is loaded with a dynamic `import()` only when a template is asked for, so it is
 * never part of the first page load. Also used by `npm run score -- --template` (Node).
 */
import type { Kpi } from '../domain/framework';
import { rangeText } from '../ingest/reading-rules';
import { exportFileName } from '../domain/excel-csv';
import {
  HELP_SHEET,
  extraFigure,
  kpiNote,
  templateFileParts,
  unitTemplate,
  type ReportingTemplate,
  type TemplateSheet
} from './template';
import { finiteOrNull } from '../domain/numbers';
import { periodLabel } from '../domain/periods';

type ExcelModule = typeof import('exceljs');
type Workbook = import('exceljs').Workbook;
type Worksheet = import('exceljs').Worksheet;
type DataValidation = import('exceljs').DataValidation;

/** Above this many (unit, KPI) blocks the long sheet has notes on its header only (a note is ≈1 kB). */
export const MAX_LONG_NOTES = 3000;

async function loadExcel(): Promise<ExcelModule> {
  const module = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return module.default ?? module;
}

/** Excel's limits: an input message title of 32 characters, a message of 255. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

/** The data validation of a KPI's value cells: a number (decimal) within `min`–`max` where stated. */
export function valueValidation(kpi: Kpi): DataValidation {
  const min = finiteOrNull(kpi.min);
  const max = finiteOrNull(kpi.max);
  const range = rangeText(kpi);
  const rule: Pick<DataValidation, 'operator' | 'formulae'> =
    min !== null && max !== null
      ? { operator: 'between', formulae: [min, max] }
      : min !== null
        ? { operator: 'greaterThanOrEqual', formulae: [min] }
        : max !== null
          ? { operator: 'lessThanOrEqual', formulae: [max] }
          : { operator: 'between', formulae: [-1e15, 1e15] };
  const unit = (kpi.unitLabel ?? '').trim();
  return {
    type: 'decimal',
    ...rule,
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: clip(`ตัวชี้วัด ${kpi.kpi}: ค่าไม่ถูกต้อง`, 32),
    error: clip(
      range !== '' ? `ใส่ตัวเลขในช่วงที่รับได้: ${range} (เว้นว่างถ้ายังไม่มีผล)` : 'ใส่ตัวเลขเท่านั้น (เว้นว่างถ้ายังไม่มีผล)',
      255
    ),
    showInputMessage: true,
    promptTitle: clip(`ตัวชี้วัด ${kpi.kpi}`, 32),
    prompt: clip(
      [kpi.name, unit && `หน่วย: ${unit}`, range && `ค่าที่รับได้: ${range}`].filter(Boolean).join(' · '),
      255
    )
  };
}

/** A target or baseline cell: any number. */
function figureValidation(kpi: Kpi, role: 'target' | 'baseline'): DataValidation {
  const word = role === 'target' ? 'ค่าเป้าหมาย' : 'ค่าฐาน';
  return {
    type: 'decimal',
    operator: 'between',
    formulae: [-1e15, 1e15],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: clip(`${word} ${kpi.kpi}`, 32),
    error: `ใส่ตัวเลขเท่านั้น (เว้นว่างเพื่อใช้${word}ที่กรอบกำหนดไว้)`,
    showInputMessage: true,
    promptTitle: clip(`${word} ${kpi.kpi}`, 32),
    prompt: clip(`${word}ของตัวชี้วัด ${kpi.kpi} ${kpi.name}`, 255)
  };
}

function addValidation(sheet: Worksheet, range: string, validation: DataValidation): void {
  (sheet as unknown as { dataValidations: { add(a: string, v: DataValidation): void } }).dataValidations.add(
    range,
    validation
  );
}

/** `A`, `B`, … `AA` (1-based). */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function writeHeader(sheet: Worksheet, data: TemplateSheet): void {
  sheet.addRow(data.columns.map((column) => column.header));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  sheet.views = [
    { state: 'frozen', xSplit: data.layout === 'wide' ? data.columns.findIndex((c) => c.kpi) : 0, ySplit: 1 }
  ];
  data.columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.role === 'unit' || column.role === 'province' ? 18 : 14;
  });
}

function writeLong(workbook: Workbook, template: ReportingTemplate): void {
  const data = template.long;
  const sheet = workbook.addWorksheet(data.name);
  writeHeader(sheet, data);
  for (const row of data.rows) sheet.addRow(row.cells);
  const kpiColumn = data.columns.findIndex((column) => column.role === 'kpi') + 1;
  const valueColumn = data.columns.findIndex((column) => column.role === 'value') + 1;
  sheet.getCell(1, valueColumn).note =
    'ใส่ผลเป็นตัวเลข เว้นว่างถ้ายังไม่มีผล · เลือกช่องเพื่อดูช่วงค่าที่รับได้ · คำอธิบายตัวชี้วัดอยู่ในแผ่นงาน "คำอธิบาย"';
  const months = template.period.months.length;
  const blocks = template.units.length * template.kpis.length;
  // Rows come in blocks of one unit and KPI over the period's months (template.ts).
  for (let start = 0; start < data.rows.length; start += months) {
    const kpi = data.rows[start].kpi!;
    const first = start + 2;
    const last = start + months + 1;
    addValidation(
      sheet,
      `${columnLetter(valueColumn)}${first}:${columnLetter(valueColumn)}${last}`,
      valueValidation(kpi)
    );
    for (const role of ['target', 'baseline'] as const) {
      const column = data.columns.findIndex((c) => c.role === role) + 1;
      if (column > 0 && extraFigure(kpi) === role)
        addValidation(
          sheet,
          `${columnLetter(column)}${first}:${columnLetter(column)}${last}`,
          figureValidation(kpi, role)
        );
    }
    if (blocks <= MAX_LONG_NOTES) sheet.getCell(first, kpiColumn).note = kpiNote(kpi);
  }
}

function writeWide(workbook: Workbook, template: ReportingTemplate): void {
  const data = template.wide;
  const sheet = workbook.addWorksheet(data.name);
  writeHeader(sheet, data);
  for (const row of data.rows) sheet.addRow(row.cells);
  const last = data.rows.length + 1;
  data.columns.forEach((column, index) => {
    if (!column.kpi) return;
    const letter = columnLetter(index + 1);
    sheet.getCell(1, index + 1).note = kpiNote(column.kpi);
    if (last < 2) return;
    const validation =
      column.role === 'value'
        ? valueValidation(column.kpi)
        : figureValidation(column.kpi, column.role as 'target' | 'baseline');
    addValidation(sheet, `${letter}2:${letter}${last}`, validation);
  });
}

function writeHelp(workbook: Workbook, template: ReportingTemplate): void {
  const sheet = workbook.addWorksheet(HELP_SHEET);
  const period = periodLabel(template.period, 'th', 'long');
  const lines = [
    [`แบบรายงานผลการดำเนินงาน: ${template.framework.name}`],
    [`งวด: ${period}`],
    ['กรอกผลในแผ่นงานใดแผ่นงานหนึ่ง (แถวละตัวชี้วัด หรือ แถวละเดือน) ไม่ต้องกรอกทั้งสองแผ่น'],
    ['ใส่ผลเป็นตัวเลข เว้นว่างถ้ายังไม่มีผล อย่าแก้ชื่ออำเภอ เดือน หรือรหัสตัวชี้วัด แล้วนำไฟล์เข้าในหน้า "ข้อมูล"'],
    [],
    ['รหัส', 'ชื่อตัวชี้วัด', 'หน่วย', 'ค่าที่รับได้', 'ต้องใส่เพิ่ม', 'วิธีรายงาน']
  ];
  for (const line of lines) sheet.addRow(line);
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.getRow(lines.length).font = { bold: true };
  for (const kpi of template.kpis) {
    const extra = extraFigure(kpi);
    sheet.addRow([
      kpi.kpi,
      kpi.name,
      kpi.unitLabel ?? '',
      rangeText(kpi),
      extra === 'target' ? 'ค่าเป้าหมาย' : extra === 'baseline' ? 'ค่าฐาน' : '',
      kpi.howToReport ?? ''
    ]);
  }
  const widths = [8, 48, 12, 18, 12, 80];
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
    sheet.getColumn(index + 1).alignment = { vertical: 'top', wrapText: index === 1 || index === 5 };
  });
}

/** The workbook's bytes: long sheet, wide sheet, the KPIs' explanations. */
export async function templateXlsx(template: ReportingTemplate): Promise<Uint8Array> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Scoreboard (กระดานผลงาน)';
  writeLong(workbook, template);
  writeWide(workbook, template);
  writeHelp(workbook, template);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** One workbook per unit, zipped (fflate): `<file name of the unit>.xlsx` each. */
export async function templateZip(template: ReportingTemplate): Promise<Uint8Array> {
  const { zipSync } = await import('fflate');
  const files: Record<string, Uint8Array> = {};
  for (const unit of template.units) {
    const name = exportFileName(templateFileParts(template, unit), 'xlsx');
    files[name] = await templateXlsx(unitTemplate(template, unit.id));
  }
  // The workbooks are zip files already: stored, not compressed again.
  return zipSync(files, { level: 0 });
}
