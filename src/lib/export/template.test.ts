/**
 * The reporting template (issue 14.2), written by the app's code (exceljs), filled in by another workbook
 * library (SheetJS), read back by the app's reader and scored on real DuckDB: zero rejections, the league table
 * of the numbers filled in; the data validation read back from the sheet XML (fflate) refuses a value outside
 * the KPI's range, as the reader does.
 */
import { unzipSync, strFromU8 } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { openNodeNativeDb } from '../db/node-native';
import type { Framework, Kpi } from '../domain/framework';
import { parsePeriodId, type Period } from '../domain/periods';
import type { ResultRow } from '../domain/results';
import { builtinFramework } from '../frameworks/builtin';
import { readResultsFile } from '../ingest/read-file';
import { readResultsText } from '../ingest/results';
import { Workspace } from '../scoring/workspace';
import type { LeagueTable } from '../scoring/league';
import { toExcelCsv } from '../domain/excel-csv';
import {
  LONG_SHEET,
  WIDE_SHEET,
  buildTemplate,
  extraFigure,
  templateCsv,
  templateMonth,
  type ReportingTemplate
} from './template';
import { templateXlsx, templateZip, valueValidation } from './template-xlsx';

const FRAMEWORK = builtinFramework('chachoengsao-2565-r2')!;
const PERIOD = parsePeriodId('FY2565-R2')!;

/** A value every KPI accepts, different per unit, KPI and month (inside `min`–`max`). */
function valueFor(kpi: Kpi, unitIndex: number, monthIndex: number): number {
  const min = kpi.min ?? 0;
  const max = kpi.max ?? min + 200;
  const span = max - min;
  return min + ((unitIndex * 7 + monthIndex * 3 + kpi.kpi.length) % (Math.floor(span) + 1));
}

/** The numbers a test writes: unit index 0, 2, 4… report (others send nothing), every KPI, every month. */
interface Filled {
  unitId: string;
  unitName: string;
  kpi: Kpi;
  month: string;
  value: number;
  extra: number | null;
}

function numbersFor(template: ReportingTemplate): Filled[] {
  const out: Filled[] = [];
  template.units.forEach((unit, u) => {
    if (u % 2 === 1) return;
    for (const kpi of template.kpis)
      template.period.months.forEach((month, m) => {
        out.push({
          unitId: unit.id,
          unitName: unit.name,
          kpi,
          month,
          value: valueFor(kpi, u, m),
          extra: extraFigure(kpi) ? 100 + u : null
        });
      });
  });
  return out;
}

/** The same numbers as a plain §9.1 CSV (the reference the template must score like). */
function plainCsv(filled: readonly Filled[]): string {
  return toExcelCsv(
    ['district', 'kpi', 'month', 'value', 'target', 'baseline'],
    filled.map((f) => [
      f.unitName,
      f.kpi.kpi,
      f.month,
      f.value,
      extraFigure(f.kpi) === 'target' ? f.extra : null,
      extraFigure(f.kpi) === 'baseline' ? f.extra : null
    ])
  );
}

/** Fills one sheet of the workbook with SheetJS (not exceljs) and writes it again. */
function fillWithSheetJs(
  bytes: Uint8Array,
  sheetName: string,
  write: (sheet: XLSX.WorkSheet, header: string[], rows: unknown[][]) => void
): Uint8Array {
  const book = XLSX.read(bytes, { type: 'array' });
  const sheet = book.Sheets[sheetName];
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null });
  write(sheet, rows[0] as string[], rows.slice(1));
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

function setNumber(sheet: XLSX.WorkSheet, row: number, column: number, value: number): void {
  sheet[XLSX.utils.encode_cell({ r: row, c: column })] = { t: 'n', v: value };
}

function fillLong(bytes: Uint8Array, filled: readonly Filled[]): Uint8Array {
  const byKey = new Map(filled.map((f) => [`${f.unitName}|${f.kpi.kpi}|${templateMonth(f.month)}`, f]));
  return fillWithSheetJs(bytes, LONG_SHEET, (sheet, header, rows) => {
    const col = (name: string) => header.indexOf(name);
    rows.forEach((cells, i) => {
      const f = byKey.get(`${cells[col('อำเภอ')]}|${cells[col('รหัสตัวชี้วัด')]}|${cells[col('เดือน')]}`);
      if (!f) return;
      setNumber(sheet, i + 1, col('ผลการดำเนินงาน'), f.value);
      const extra = extraFigure(f.kpi);
      if (extra && f.extra !== null)
        setNumber(sheet, i + 1, col(extra === 'target' ? 'ค่าเป้าหมาย' : 'ฐาน'), f.extra);
    });
    sheet['!ref'] = XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: rows.length, c: header.length - 1 }
    });
  });
}

function fillWide(bytes: Uint8Array, filled: readonly Filled[]): Uint8Array {
  return fillWithSheetJs(bytes, WIDE_SHEET, (sheet, header, rows) => {
    rows.forEach((cells, i) => {
      for (const f of filled) {
        if (cells[0] !== f.unitName || cells[1] !== templateMonth(f.month)) continue;
        const unit = f.kpi.unitLabel ? ` (${f.kpi.unitLabel})` : '';
        setNumber(sheet, i + 1, header.indexOf(`${f.kpi.kpi}${unit}`), f.value);
        const extra = extraFigure(f.kpi);
        if (extra && f.extra !== null)
          setNumber(
            sheet,
            i + 1,
            header.indexOf(`${extra === 'target' ? 'ค่าเป้าหมาย' : 'ฐาน'} ${f.kpi.kpi}`),
            f.extra
          );
      }
    });
  });
}

async function league(
  framework: Framework,
  period: Period,
  rows: readonly ResultRow[]
): Promise<LeagueTable> {
  const db = await openNodeNativeDb();
  try {
    const workspace = await Workspace.open(db);
    await workspace.putFramework(framework);
    await workspace.commit(framework.id, rows);
    await workspace.ensure(framework.id, 'all');
    return await workspace.leagueTable(framework.id, period.id);
  } finally {
    await db.close();
  }
}

/** A league table without where its numbers came from, to compare two of them. */
function plainLeague(table: LeagueTable) {
  return table.rows.map((row) => ({ ...row }));
}

describe('the reporting template', () => {
  const template = buildTemplate(FRAMEWORK, PERIOD);

  it('lists every district × KPI × month, values empty', () => {
    expect(template.units).toHaveLength(11);
    expect(template.kpis.map((k) => k.kpi)).toEqual(FRAMEWORK.kpis.map((k) => k.kpi));
    expect(template.long.rows).toHaveLength(11 * 16 * 6);
    expect(template.wide.rows).toHaveLength(11 * 6);
    expect(template.long.columns.map((c) => c.header)).toEqual([
      'อำเภอ',
      'เดือน',
      'รหัสตัวชี้วัด',
      'ผลการดำเนินงาน',
      'ค่าเป้าหมาย',
      'ฐาน'
    ]);
    expect(template.wide.columns.map((c) => c.header).slice(0, 5)).toEqual([
      'อำเภอ',
      'เดือน',
      'T1 (ร้อยละ)',
      'ค่าเป้าหมาย T1',
      'T2 (ขั้นตอน)'
    ]);
    expect(template.long.rows[0].cells).toEqual(['เมืองฉะเชิงเทรา', 'เม.ย. 2565', 'T1', null, null, null]);
  });

  it('as written (nothing filled in) imports with zero rejections and no rows, in both formats', async () => {
    const xlsx = await readResultsFile(
      { name: 'แบบรายงาน.xlsx', bytes: await templateXlsx(template) },
      { framework: FRAMEWORK }
    );
    expect(xlsx.rejected).toEqual([]);
    expect(xlsx.rows).toEqual([]);
    expect(xlsx.sheets).toEqual([LONG_SHEET, WIDE_SHEET, 'คำอธิบาย']);
    expect(xlsx.sheet).toBe(LONG_SHEET);
    const csv = readResultsText('แบบรายงาน.csv', templateCsv(template), { framework: FRAMEWORK });
    expect(csv.rejected).toEqual([]);
    expect(csv.rows).toEqual([]);
    const wideCsv = readResultsText('แบบรายงาน.csv', templateCsv(template, 'wide'), { framework: FRAMEWORK });
    expect(wideCsv.rejected).toEqual([]);
    expect(wideCsv.layout).toBe('wide');
  });

  it('filled in by SheetJS, either sheet, imports with zero rejections and scores as the same numbers do', async () => {
    const filled = numbersFor(template);
    const reference = readResultsText('ref.csv', plainCsv(filled), { framework: FRAMEWORK });
    expect(reference.rejected).toEqual([]);
    expect(reference.rows).toHaveLength(6 * 16 * 6);
    const expected = plainLeague(await league(FRAMEWORK, PERIOD, reference.rows));
    // The numbers make a league: districts that reported score, the others are missing every KPI.
    expect(expected.filter((row) => row.missing === 0)).toHaveLength(6);

    const bytes = await templateXlsx(template);
    for (const [sheet, fill] of [
      [LONG_SHEET, fillLong],
      [WIDE_SHEET, fillWide]
    ] as const) {
      const report = await readResultsFile(
        { name: 'filled.xlsx', bytes: fill(bytes, filled) },
        { framework: FRAMEWORK }
      );
      expect(report.rejected, sheet).toEqual([]);
      expect(report.sheet).toBe(sheet);
      expect(report.rows).toHaveLength(reference.rows.length);
      expect(plainLeague(await league(FRAMEWORK, PERIOD, report.rows)), sheet).toEqual(expected);
    }
  });

  it('writes each KPI range as Excel data validation, and a value outside it is refused by both', async () => {
    const bytes = await templateXlsx(template);
    const files = unzipSync(bytes);
    const longXml = strFromU8(files['xl/worksheets/sheet1.xml']);
    const wideXml = strFromU8(files['xl/worksheets/sheet2.xml']);
    const rules = (xml: string) =>
      [...xml.matchAll(/<dataValidation ([^>]*)>(.*?)<\/dataValidation>/g)].map(([, attrs, body]) => ({
        sqref: /sqref="([^"]*)"/.exec(attrs)![1],
        type: /type="([^"]*)"/.exec(attrs)?.[1],
        operator: /operator="([^"]*)"/.exec(attrs)?.[1] ?? 'between',
        formulae: [...body.matchAll(/<formula\d>([^<]*)<\/formula\d>/g)].map((m) => Number(m[1]))
      }));
    // Long: T2 of the first district (rows 8–13: T1 takes rows 2–7) is a number 0–5.
    const t2 = rules(longXml).find((rule) => rule.sqref === 'D8:D13')!;
    expect(t2).toEqual({ sqref: 'D8:D13', type: 'decimal', operator: 'between', formulae: [0, 5] });
    // Wide: column E is T2 (C T1, D its target), every row.
    const wideT2 = rules(wideXml).find((rule) => rule.sqref === 'E2:E67')!;
    expect(wideT2).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 5] });
    // I1 households: at least 0, no upper bound.
    const i1 = FRAMEWORK.kpis.find((k) => k.kpi === 'I1')!;
    expect(valueValidation(i1)).toMatchObject({ operator: 'greaterThanOrEqual', formulae: [0] });
    // What Excel would do with a value: the rule read from the file decides.
    const valid = (rule: { operator: string; formulae: number[] }, v: number) =>
      rule.operator === 'between'
        ? v >= rule.formulae[0] && v <= rule.formulae[1]
        : rule.operator === 'greaterThanOrEqual'
          ? v >= rule.formulae[0]
          : v <= rule.formulae[0];
    expect(valid(t2, 5)).toBe(true);
    expect(valid(t2, 7)).toBe(false);
    expect(valid(t2, -1)).toBe(false);
    // Every value cell of the long sheet has one rule; the notes are there (KPI names, how to report).
    const covered = rules(longXml).filter((rule) => rule.sqref.startsWith('D'));
    expect(covered).toHaveLength(11 * 16);
    const comments = Object.keys(files).filter((name) => /xl\/comments\d*\.xml$/.test(name));
    expect(comments.length).toBeGreaterThanOrEqual(2);
    const wideNotes = strFromU8(files[comments[1]]);
    expect(wideNotes).toContain('T2');
    expect(wideNotes).toContain(FRAMEWORK.kpis.find((k) => k.kpi === 'T2')!.howToReport!.slice(0, 20));

    // The reader refuses the same value: 7 steps for T2.
    const outside = fillWithSheetJs(bytes, LONG_SHEET, (sheet) => setNumber(sheet, 7, 3, 7));
    const report = await readResultsFile({ name: 'bad.xlsx', bytes: outside }, { framework: FRAMEWORK });
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]).toMatchObject({ line: 8 });
    expect(report.rejected[0].reason).toContain('อยู่นอกช่วงที่รับได้ของตัวชี้วัด T2 (0–5 ขั้นตอน)');
  });

  it('a national framework (provinces) and one over every district (*) import with zero rejections', async () => {
    const national = builtinFramework('cdd-staff-2565')!;
    const month = parsePeriodId('2565-03')!;
    const provinces = buildTemplate(national, month);
    expect(provinces.units).toHaveLength(76);
    expect(provinces.long.columns[0].header).toBe('จังหวัด');
    const csv = templateCsv(provinces).replace(/^(ฉะเชิงเทรา,มี\.ค\. 2565,K1,)$/m, '$13');
    const read = readResultsText('ทั่วประเทศ.csv', csv, { framework: national });
    expect(read.rejected).toEqual([]);
    expect(read.rows).toMatchObject([{ unitId: '24', kpi: 'K1', month: '2022-03', value: 3 }]);

    const everyDistrict: Framework = { ...FRAMEWORK, id: 'all-districts', province: '*', targets: [] };
    const all = buildTemplate(everyDistrict, month);
    expect(all.units).toHaveLength(878);
    expect(all.wide.columns.slice(0, 3).map((c) => c.header)).toEqual(['จังหวัด', 'อำเภอ', 'เดือน']);
    // A district name that several provinces have is told apart by the province column.
    const wide = templateCsv(all, 'wide')
      .split('\r\n')
      .map((line, i) => (i === 0 || line === '' ? line : line.replace(/,(?=,)/, ',4')))
      .join('\r\n');
    const readAll = readResultsText('ทุกอำเภอ.csv', wide, { framework: everyDistrict });
    expect(readAll.rejected).toEqual([]);
    expect(new Set(readAll.rows.map((r) => r.unitId)).size).toBe(878);
  });

  it('one file per district: a zip of workbooks of one district each', async () => {
    const small = buildTemplate(FRAMEWORK, parsePeriodId('2565-09')!);
    const files = unzipSync(await templateZip(small));
    const names = Object.keys(files);
    expect(names).toHaveLength(11);
    expect(names[0]).toBe('แบบรายงาน_chachoengsao-2565-r2_2565-09_เมืองฉะเชิงเทรา.xlsx');
    const one = await readResultsFile({ name: names[0], bytes: files[names[0]] }, { framework: FRAMEWORK });
    expect(one.rejected).toEqual([]);
    const sheet = XLSX.read(files[names[0]], { type: 'array' }).Sheets[LONG_SHEET];
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
    expect(rows.slice(1).map((r) => r[0])).toEqual(Array(16).fill('เมืองฉะเชิงเทรา'));
  });
});
