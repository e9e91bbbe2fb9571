/**
 * The workbook reader on files written by other programs than ours (issue 11 §5): SheetJS (`xlsx`) and
 * exceljs write the workbooks here, in the tests only. Percentages, formulas saved without a result, formula
 * errors and merged ranges are each read right or refused with the file, line, column and a reason; and on
 * everything else the reader gives exactly the cells read-excel-file (the reader before this one) gave.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { builtinFramework } from '../frameworks/builtin';
import { withoutRanges } from '../frameworks/ranges.testing';
import type { CsvTable } from './csv';
import { readResultsFile, type ResultsFileReport } from './read-file';
import { readResultsTable } from './results';
import { MAX_COLUMNS } from './limits';
import { readSheet, readWorkbook, type SheetContext } from './xlsx';
import { numberFormat } from './xlsx-format';

// Without the built-in ranges: these tests generate values for their syntax, not their plausibility.
const framework = withoutRanges(builtinFramework('chachoengsao-2565-r2')!); // FY2565 round 2: 2022-04 … 2022-09; T1 T2 I1…
const HEADER = ['อำเภอ', 'ตัวชี้วัด', 'เดือน', 'ผล'];

function read(bytes: Uint8Array, name = 'ผล.xlsx'): Promise<ResultsFileReport> {
  return readResultsFile({ name, bytes }, { framework });
}

const values = (report: ResultsFileReport) => report.rows.map((r) => [r.line, r.unitId, r.kpi, r.value]);
const rejections = (report: ResultsFileReport) =>
  report.rejected.map((r) => [r.line, r.column, r.reason] as [number, string | null, string]);

// ---------------------------------------------------------------------------------------------------------
// Writers

type SheetJsCell = string | number | boolean | Date | null;

/** A workbook written by SheetJS: rows of plain values, then cells set by address (formats, formulas …). */
function sheetjs(
  rows: SheetJsCell[][],
  options: { cells?: Record<string, XLSX.CellObject>; merges?: string[] } = {}
): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet(rows, { cellDates: true });
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
  for (const [address, cell] of Object.entries(options.cells ?? {})) {
    sheet[address] = cell;
    const at = XLSX.utils.decode_cell(address);
    range.e.r = Math.max(range.e.r, at.r);
    range.e.c = Math.max(range.e.c, at.c);
  }
  sheet['!ref'] = XLSX.utils.encode_range(range);
  if (options.merges) sheet['!merges'] = options.merges.map((ref) => XLSX.utils.decode_range(ref));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'ผล');
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

/** A workbook written by exceljs. */
async function exceljs(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet('ผล'));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** SheetJS's error codes (`t: 'e'`). */
const SHEETJS_ERROR = { '#DIV/0!': 0x07, '#N/A': 0x2a, '#VALUE!': 0x0f, '#REF!': 0x17 } as const;

// ---------------------------------------------------------------------------------------------------------

describe('percentages: a cell formatted as a percentage reads as the percentage shown', () => {
  it('SheetJS: built-in and custom percent formats, in the value and the target', async () => {
    const bytes = sheetjs(
      [
        [...HEADER, 'ค่าเป้าหมาย'],
        ['บางคล้า', 'T1', '2565-06', 0.85, 0.9],
        ['บางปะกง', 'T1', '2565-06', 0.0725, null],
        ['บางน้ำเปรี้ยว', 'T1', '2565-06', 0.5, null],
        ['พนมสารคาม', 'T1', '2565-06', 1, null],
        ['แปลงยาว', 'T1', '2565-06', 0.85, null]
      ],
      {
        cells: {
          D2: { t: 'n', v: 0.85, z: '0%' },
          E2: { t: 'n', v: 0.9, z: '0%' },
          D3: { t: 'n', v: 0.0725, z: '0.00%' },
          D4: { t: 'n', v: 0.5, z: '#,##0.0%' },
          D5: { t: 'n', v: 1, z: '[Red]0%;[Red]-0%' }
          // D6: 0.85 with no format is 0.85, as Excel shows it
        }
      }
    );
    const report = await read(bytes);
    expect(report.rejected).toEqual([]);
    expect(report.rows.map((r) => [r.line, r.value, r.target])).toEqual([
      [2, 85, 90],
      [3, 7.25, null],
      [4, 50, null],
      [5, 100, null],
      [6, 0.85, null]
    ]);
  });

  it('SheetJS: the same values as its own CSV export of the sheet (which writes what Excel shows)', async () => {
    const rows: SheetJsCell[][] = [
      HEADER,
      ...[0.85, 0.123, 0.5, 0.07].map((v, i) => ['บางคล้า', 'T1', `2565-0${4 + i}`, v])
    ];
    const cells = { D2: '0%', D3: '0.0%', D4: '0.00%', D5: '0%' };
    const sheet = XLSX.utils.aoa_to_sheet(rows);
    for (const [address, z] of Object.entries(cells)) (sheet[address] as XLSX.CellObject).z = z;
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'ผล');
    const workbook = new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const csv = new TextEncoder().encode(XLSX.utils.sheet_to_csv(sheet));
    const fromWorkbook = await read(workbook);
    const fromCsv = await read(csv, 'ผล.csv');
    expect(fromWorkbook.rows.map((r) => r.value)).toEqual([85, 12.3, 50, 7]);
    // The CSV export rounds to the format's decimals (`12.3%`); where it shows every digit, both agree.
    expect(fromCsv.rows.map((r) => r.value)).toEqual([85, 12.3, 50, 7]);
  });

  it('exceljs: custom and built-in percent formats; quoted % and other formats keep the stored number', async () => {
    const bytes = await exceljs((sheet) => {
      sheet.addRow(HEADER);
      const formats: [number, string][] = [
        [0.85, '0%'],
        [0.856, '0.0%'],
        [0.5, '#,##0.00%'],
        [85, '0"%"'],
        [1234567, '#,##0,'],
        [-0.05, '0%']
      ];
      formats.forEach(([value, numFmt], i) => {
        sheet.addRow(['บางคล้า', 'T1', `2565-0${4 + i}`, value]);
        sheet.getCell(`D${i + 2}`).numFmt = numFmt;
      });
    });
    const report = await read(bytes);
    expect(report.rejected).toEqual([]);
    expect(report.rows.map((r) => [r.month, r.value])).toEqual([
      ['2022-04', 85],
      ['2022-05', 85.6],
      ['2022-06', 50],
      ['2022-07', 85],
      ['2022-08', 1234567],
      ['2022-09', -5]
    ]);
  });
});

describe('formulas saved without their result', () => {
  it('exceljs: the cell is rejected with its line, column, address and formula; a saved result is read', async () => {
    const bytes = await exceljs((sheet) => {
      sheet.addRow(HEADER);
      sheet.addRow(['บางคล้า', 'T1', '2565-06', 4]);
      sheet.addRow(['บางปะกง', 'T1', '2565-06', { formula: 'D2*2' }]);
      sheet.addRow(['บางน้ำเปรี้ยว', 'T1', '2565-06', { formula: 'D2*2', result: 8 }]);
    });
    const report = await read(bytes);
    expect(values(report)).toEqual([
      [2, '2402', 'T1', 4],
      [4, '2403', 'T1', 8]
    ]);
    const [[line, column, reason], ...rest] = rejections(report);
    expect(rest).toEqual([]);
    expect([line, column]).toEqual([3, 'ผล']);
    expect(reason).toContain('ช่อง D3 เป็นสูตร (=D2*2)');
    expect(reason).toContain('เปิดไฟล์ใน Excel แล้วบันทึกอีกครั้ง');
    // No longer "not reported".
    expect(report.warnings.join(' ')).not.toContain('ไม่มีค่า');
  });

  it('SheetJS: in any column that is read (the district too), but not in a column that is not', async () => {
    const bytes = sheetjs(
      [
        [...HEADER, 'หมายเหตุ'],
        ['บางคล้า', 'T1', '2565-06', 4, null],
        [null, 'T1', '2565-06', 5, null],
        ['บางปะกง', 'T1', '2565-06', 6, null],
        [null, null, null, null, null]
      ],
      {
        cells: {
          A3: { t: 's', f: 'Sheet2!A1' } as XLSX.CellObject,
          E4: { t: 'n', f: 'D4*100' } as XLSX.CellObject,
          A5: { t: 's', f: 'A2' } as XLSX.CellObject,
          B5: { t: 's', f: 'B2' } as XLSX.CellObject,
          C5: { t: 's', f: 'C2' } as XLSX.CellObject,
          D5: { t: 'n', f: 'D2+1' } as XLSX.CellObject
        }
      }
    );
    const report = await read(bytes);
    expect(values(report)).toEqual([
      [2, '2402', 'T1', 4],
      [4, '2404', 'T1', 6]
    ]);
    expect(
      rejections(report).map(([line, column, reason]) => [
        line,
        column,
        reason.slice(0, reason.indexOf(')') + 1)
      ])
    ).toEqual([
      [3, 'อำเภอ', 'ช่อง A3 เป็นสูตร (=Sheet2!A1)'],
      // a line whose every cell is a formula without a result is not a blank line
      [5, 'อำเภอ', 'ช่อง A5 เป็นสูตร (=A2)'],
      [5, 'ตัวชี้วัด', 'ช่อง B5 เป็นสูตร (=B2)'],
      [5, 'เดือน', 'ช่อง C5 เป็นสูตร (=C2)'],
      [5, 'ผล', 'ช่อง D5 เป็นสูตร (=D2+1)']
    ]);
  });

  it('wide layout: the line is rejected naming the KPI column of the formula', async () => {
    const bytes = await exceljs((sheet) => {
      sheet.addRow(['อำเภอ', 'เดือน', 'T1', 'T2']);
      sheet.addRow(['บางคล้า', '2565-06', 3, 4]);
      sheet.addRow(['บางปะกง', '2565-06', 5, { formula: 'C3-1' }]);
    });
    const report = await read(bytes);
    expect(values(report)).toEqual([
      [2, '2402', 'T1', 3],
      [2, '2402', 'T2', 4]
    ]);
    expect(rejections(report).map(([line, column]) => [line, column])).toEqual([[3, 'T2']]);
    expect(report.rejected[0].reason).toContain('ช่อง D3 เป็นสูตร (=C3-1)');
  });
});

describe('formula errors', () => {
  it('exceljs and SheetJS: rejected naming the error and what it means', async () => {
    const fromExceljs = await exceljs((sheet) => {
      sheet.addRow(HEADER);
      sheet.addRow(['บางคล้า', 'T1', '2565-06', { error: '#DIV/0!' }]);
      sheet.addRow(['บางปะกง', 'T1', '2565-06', 2]);
    });
    const fromSheetjs = sheetjs(
      [HEADER, ['บางคล้า', 'T1', '2565-06', null], ['บางปะกง', 'T1', '2565-06', 2]],
      { cells: { D2: { t: 'e', v: SHEETJS_ERROR['#N/A'], f: 'VLOOKUP(A2,X!A:B,2,0)' } } }
    );
    for (const [bytes, error, meaning] of [
      [fromExceljs, '#DIV/0!', 'หารด้วยศูนย์'],
      [fromSheetjs, '#N/A', 'ไม่พบค่าที่สูตรค้นหา']
    ] as const) {
      const report = await read(bytes);
      expect(values(report)).toEqual([[3, '2404', 'T1', 2]]);
      expect(rejections(report)).toEqual([
        [
          2,
          'ผล',
          `ช่อง D2 เป็นค่าผิดพลาดจาก Excel: ${error} (${meaning}) — แก้สูตรหรือข้อมูลของช่องนี้ใน Excel แล้วนำเข้าใหม่`
        ]
      ]);
    }
  });

  it('an error in a column that is not read leaves the line alone', async () => {
    const bytes = sheetjs(
      [
        [...HEADER, 'ร้อยละ'],
        ['บางคล้า', 'T1', '2565-06', 0, null]
      ],
      {
        cells: { E2: { t: 'e', v: SHEETJS_ERROR['#DIV/0!'], f: 'D2/0' } }
      }
    );
    const report = await read(bytes);
    expect(values(report)).toEqual([[2, '2402', 'T1', 0]]);
    expect(report.rejected).toEqual([]);
  });
});

describe('merged cells', () => {
  it('SheetJS: a district merged over its rows names every row; a blank that is not merged stays blank', async () => {
    const bytes = sheetjs(
      [
        HEADER,
        ['บางคล้า', 'T1', '2565-06', 1],
        [null, 'T2', '2565-06', 2],
        [null, 'I1', '2565-06', 3],
        [null, 'I5', '2565-06', 4],
        ['บางปะกง', 'T1', '2565-06', 5],
        [null, 'T2', '2565-06', 6]
      ],
      { merges: ['A2:A5'] }
    );
    const report = await read(bytes);
    expect(values(report)).toEqual([
      [2, '2402', 'T1', 1],
      [3, '2402', 'T2', 2],
      [4, '2402', 'I1', 3],
      [5, '2402', 'I5', 4],
      [6, '2404', 'T1', 5]
    ]);
    expect(rejections(report)).toEqual([[7, 'อำเภอ', 'ไม่ได้ระบุชื่ออำเภอ']]);
  });

  it('exceljs: district and month merged, and a title merged across the columns above the header', async () => {
    const bytes = await exceljs((sheet) => {
      sheet.addRow(['ผลการดำเนินงาน เดือนมิถุนายน 2565']);
      sheet.mergeCells('A1:D1');
      sheet.addRow(HEADER);
      sheet.addRow(['บางคล้า', 'T1', 'มิ.ย. 65', 1]);
      sheet.addRow([null, 'T2', null, 2]);
      sheet.addRow([null, 'I1', null, 3]);
      sheet.mergeCells('A3:A5');
      sheet.mergeCells('C3:C5');
    });
    const report = await read(bytes);
    expect(report.rejected).toEqual([]);
    expect(report.rows.map((r) => [r.line, r.unitId, r.kpi, r.month, r.value])).toEqual([
      [3, '2402', 'T1', '2022-06', 1],
      [4, '2402', 'T2', '2022-06', 2],
      [5, '2402', 'I1', '2022-06', 3]
    ]);
    expect(report.warnings).toContain('ข้ามบรรทัด 1 ที่อยู่ก่อนหัวตาราง (ชื่อรายงานหรือคำอธิบาย)');
  });

  it('a number merged across columns (value and target, two KPIs) is refused where it is read', async () => {
    const long = sheetjs(
      [
        [...HEADER, 'ค่าเป้าหมาย', 'หมายเหตุ'],
        ['บางคล้า', 'T1', '2565-06', 5, null, null],
        ['บางปะกง', 'T1', '2565-06', 7, null, null]
      ],
      { merges: ['D2:E2', 'D3:D3', 'E3:F3'] }
    );
    const report = await read(long);
    expect(values(report)).toEqual([[3, '2404', 'T1', 7]]);
    expect(rejections(report)).toEqual([
      [
        2,
        'ค่าเป้าหมาย',
        'ช่อง E2 อยู่ในช่องที่ผสานไว้ข้ามหลายคอลัมน์ (D2:E2) กับตัวเลข 5 ในช่อง D2 — ' +
          'ไม่แน่ชัดว่าตัวเลขนี้เป็นของคอลัมน์ใด ยกเลิกการผสานเซลล์แล้วใส่ค่าในแต่ละช่อง แล้วนำเข้าใหม่'
      ]
    ]);
    const wide = await exceljs((sheet) => {
      sheet.addRow(['อำเภอ', 'เดือน', 'T1', 'T2']);
      sheet.addRow(['บางคล้า', '2565-06', 3, null]);
      sheet.mergeCells('C2:D2');
    });
    const wideReport = await read(wide);
    expect(wideReport.rows).toEqual([]);
    expect(rejections(wideReport).map(([line, column]) => [line, column])).toEqual([[2, 'T2']]);
  });

  it('a merge over the whole sheet fills only the rows and columns that hold data, and quickly', async () => {
    const bytes = sheetjs([['รายงาน', null, null, null], HEADER, ['บางคล้า', 'T1', '2565-06', 1]], {
      merges: ['E1:XFD1048576', 'A1:D1']
    });
    const started = performance.now();
    const report = await read(bytes);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(values(report)).toEqual([[3, '2402', 'T1', 1]]);
  });
});

describe('sheet limits', () => {
  it(`data past column ${MAX_COLUMNS}: the sheet is refused naming the count and the limit`, async () => {
    const bytes = sheetjs([HEADER, ['บางคล้า', 'T1', '2565-06', 1]], {
      cells: { [XLSX.utils.encode_cell({ r: 1, c: 2_999 })]: { t: 's', v: 'x' } }
    });
    const report = await read(bytes);
    expect(report.rows).toEqual([]);
    expect(report.rejected[0].reason).toContain('3,000 คอลัมน์ เกินที่อ่านได้ (2,100 คอลัมน์)');
  });
});

// ---------------------------------------------------------------------------------------------------------
// The same cells as read-excel-file on everything else

/** What the app read with read-excel-file 9.3.17 before this reader (its xlsx.ts, kept here as the oracle). */
async function readExcelFileTables(bytes: Uint8Array): Promise<CsvTable[]> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const sheets = await readXlsxFile(buffer, { trim: false });
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const cellText = (cell: unknown): string => {
    if (cell === null || cell === undefined) return '';
    if (typeof cell === 'number') return Number.isFinite(cell) ? String(Number(cell.toPrecision(15))) : '';
    if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
    if (cell instanceof Date) {
      return `${pad(cell.getUTCFullYear(), 4)}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
    }
    return String(cell);
  };
  return sheets.map((sheet) => {
    const table: CsvTable = { header: [], rows: [], errors: [] };
    let headerSeen = false;
    sheet.data.forEach((row, index) => {
      const cells = row.map(cellText);
      if (cells.every((cell) => cell.trim() === '')) return;
      if (headerSeen) table.rows.push({ line: index + 1, cells });
      else {
        table.header = cells;
        headerSeen = true;
      }
    });
    return table;
  });
}

const plainCell = fc.oneof(
  fc.constant(null),
  fc.string({ unit: fc.constantFrom(...'บางคล้า เมือง<>&"\'_x000D_ \n\tABC123-/.'), maxLength: 12 }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.date({
    min: new Date('1950-01-01T00:00:00Z'),
    max: new Date('2150-12-31T00:00:00Z'),
    noInvalidDate: true
  })
);

describe('everything else: the same cells as read-excel-file', () => {
  it('on random sheets written by SheetJS and exceljs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(plainCell, { maxLength: 6 }), { maxLength: 12 }),
        fc.boolean(),
        async (rows, withExceljs) => {
          const utcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
          const cells = rows.map((row) => row.map((c) => (c instanceof Date ? utcDay(c) : c)));
          const bytes = withExceljs
            ? await exceljs((sheet) => {
                for (const row of cells) sheet.addRow(row);
                sheet.eachRow((row) =>
                  row.eachCell((cell) => {
                    if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
                  })
                );
              })
            : sheetjs(cells);
          const ours = await readWorkbook(bytes);
          expect(ours.ok).toBe(true);
          if (!ours.ok) return;
          const theirs = await readExcelFileTables(bytes);
          expect(ours.sheets.map((sheet) => sheet.table)).toEqual(theirs);
        }
      ),
      { numRuns: 60 }
    );
  });

  it('the seed fixture workbook (written by scripts/xlsx-writer.ts)', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = new Uint8Array(
      readFileSync(new URL('./fixtures/seed001-budget-2565-06.xlsx', import.meta.url))
    );
    const ours = await readWorkbook(bytes);
    expect(ours.ok && ours.sheets.map((sheet) => sheet.table)).toEqual(await readExcelFileTables(bytes));
  });
});

// ---------------------------------------------------------------------------------------------------------
// Sheet XML as other writers spell it

const context: SheetContext = {
  strings: ['บางคล้า', 'T1'],
  formats: [numberFormat(0, undefined)],
  date1904: false
};
const sheetXml = (body: string, prefix = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}sheetData>${body}</${prefix}sheetData></${prefix}worksheet>`;

describe('readSheet', () => {
  it('element prefixes (the OpenXML SDK writes <x:c>), rows and cells without r', () => {
    const xml = sheetXml(
      '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>' +
        '<x:row><x:c><x:v>4</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>',
      'x:'
    );
    expect(readSheet(xml, context)).toEqual({
      header: ['บางคล้า', 'T1'],
      rows: [{ line: 2, cells: ['4', 'TRUE'] }],
      errors: []
    });
  });

  it('inline and rich strings, phonetic runs, escapes, entities, CDATA and line ends', () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><r><t>บาง</t></r><r><t>คล้า</t></r><rPh><t>x</t></rPh></is></c>' +
        '<c r="B1" t="inlineStr"><is><t>a_x000D_b&amp;&lt;&#3588;&#x0E25;</t></is></c>' +
        '<c r="C1" t="str"><v><![CDATA[<ok>]]></v></c><c r="D1" t="inlineStr"><is><t>1\r\n2</t></is></c></row>'
    );
    expect(readSheet(xml, context).header).toEqual(['บางคล้า', 'a\rb&<คล', '<ok>', '1\n2']);
  });

  it('dates written as ISO text (t="d"), an empty string result, and a shared formula without a result', () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
        '<row r="2"><c r="A2" t="d"><v>2022-06-15T00:00:00Z</v></c><c r="B2" t="str"><f>""</f><v></v></c>' +
        '<c r="C2"><f t="shared" si="0"/></c></row>'
    );
    const table = readSheet(xml, context);
    expect(table.rows).toEqual([
      {
        line: 2,
        cells: ['2022-06-15', '', ''],
        problems: [{ index: 2, reason: expect.stringContaining('ช่อง C2 เป็นสูตร ที่ไม่มีค่าคำนวณเก็บไว้ในไฟล์') }]
      }
    ]);
  });

  it('a broken part is refused, never read as something else', () => {
    expect(() =>
      readSheet(sheetXml('<row r="1"><c r="A1"><v>1</v></c><!DOCTYPE x [<!ENTITY a "b">]></row>'), context)
    ).toThrow();
  });

  it('cell problems reach the rejection only through a column that is read', () => {
    const table: CsvTable = {
      header: ['อำเภอ', 'เดือน', 'T1', 'หมายเหตุ'],
      rows: [
        { line: 2, cells: ['บางคล้า', '2565-06', '1', ''], problems: [{ index: 3, reason: 'x' }] },
        { line: 3, cells: ['บางปะกง', '2565-06', '', ''], problems: [{ index: 2, reason: 'y' }] }
      ],
      errors: []
    };
    const report = readResultsTable('ผล.xlsx', table, { framework });
    expect(report.rows.map((r) => [r.line, r.value])).toEqual([[2, 1]]);
    expect(report.rejected).toEqual([{ file: 'ผล.xlsx', line: 3, column: 'T1', reason: 'y' }]);
  });
});
