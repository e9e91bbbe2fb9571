/**
 * The file reader (bytes in, validation report out) as the browser and the command line use it: formats,
 * encodings, sheets, the framework's months, and properties over random, mixed and truncated files.
 * Issue 11: every file of the properties is also read by DuckDB's fast reader (native), which must say exactly
 * the same (./testing.ts `readAlike`).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { windows874 } from '../../../scripts/gen-ingest-fixtures';
import { writeXlsx, type XlsxCell } from '../../../scripts/xlsx-writer';
import type { ResultRow } from '../domain/results';
import { districtsOf } from '../domain/units';
import { builtinFramework } from '../frameworks/builtin';
import { withoutRanges } from '../frameworks/ranges.testing';
import { readResultsFile, type ResultsFileReport } from './read-file';
import { openFastReader, readAlike, type FastReader } from './testing';

// Without the built-in ranges: these tests generate values for their syntax, not their plausibility.
const framework = withoutRanges(builtinFramework('chachoengsao-2565-r2')!); // FY2565 round 2: 2022-04 … 2022-09
const DISTRICTS = districtsOf('ฉะเชิงเทรา');
const KPIS = ['T1', 'T2', 'I1', 'I5', 'I9'];
const SCOPE_MONTHS = ['2022-04', '2022-05', '2022-06', '2022-07', '2022-08', '2022-09'];
const utf8 = (text: string) => new TextEncoder().encode(text);

function read(name: string, bytes: Uint8Array, sheet: string | null = null): Promise<ResultsFileReport> {
  return readResultsFile({ name, bytes, sheet }, { framework });
}

describe('readResultsFile', () => {
  it('rejects months outside the framework, naming its round', async () => {
    const report = await read(
      'ผล.csv',
      utf8('อำเภอ,ตัวชี้วัด,เดือน,ผล\nบางคล้า,T2,มี.ค. 65,3\nบางคล้า,T2,เม.ย. 65,4\nบางคล้า,T2,ต.ค. 65,5\n')
    );
    expect(report.rows.map((r) => [r.month, r.value])).toEqual([['2022-04', 4]]);
    expect(report.rejected.map((r) => [r.line, r.column, r.reason])).toEqual([
      [
        2,
        'เดือน',
        'เดือน มี.ค. 2565 ("มี.ค. 65") อยู่นอกช่วงของกรอบการประเมิน (รอบการประเมินที่ 2 ปีงบประมาณ 2565: เม.ย. 2565 – ก.ย. 2565)'
      ],
      [
        4,
        'เดือน',
        'เดือน ต.ค. 2565 ("ต.ค. 65") อยู่นอกช่วงของกรอบการประเมิน (รอบการประเมินที่ 2 ปีงบประมาณ 2565: เม.ย. 2565 – ก.ย. 2565)'
      ]
    ]);
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text"), tab-separated', async () => {
    const text = '\uFEFFอำเภอ\tตัวชี้วัด\tเดือน\tผล\r\nบางคล้า\tT2\t2565-04\t4\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++)
      new DataView(bytes.buffer).setUint16(i * 2, text.charCodeAt(i), true);
    const report = await read('ผล.txt', bytes);
    expect(report.encoding).toBe('utf-16le');
    expect(report.rows.map((r) => [r.unitId, r.value])).toEqual([['2402', 4]]);
  });

  it('keeps a file cut inside a Thai character as UTF-8, rejecting only the cut cell', async () => {
    const bytes = utf8('อำเภอ,ตัวชี้วัด,เดือน,ผล\nบางคล้า,T2,2565-04,4\nบางปะกง,T2,2565-04,3\nราชสาส์น');
    const report = await read('ผล.csv', bytes.subarray(0, bytes.length - 1));
    expect(report.encoding).toBe('utf-8');
    expect(report.rows.map((r) => r.unitId)).toEqual(['2402', '2404']);
    expect(report.rejected.map((r) => r.line)).toEqual([4]);
  });

  it('reads a chosen sheet, and names the sheets', async () => {
    const bytes = writeXlsx([
      {
        name: 'เม.ย.',
        rows: [
          ['อำเภอ', 'ตัวชี้วัด', 'เดือน', 'ผล'],
          ['บางคล้า', 'T2', '2565-04', 1]
        ]
      },
      {
        name: 'พ.ค.',
        rows: [
          ['อำเภอ', 'ตัวชี้วัด', 'เดือน', 'ผล'],
          ['บางคล้า', 'T2', '2565-05', 2]
        ]
      }
    ]);
    const first = await read('ผล.xlsx', bytes);
    expect(first).toMatchObject({ format: 'xlsx', sheet: 'เม.ย.', sheets: ['เม.ย.', 'พ.ค.'] });
    expect(first.rows.map((r) => r.value)).toEqual([1]);
    const second = await read('ผล.xlsx', bytes, 'พ.ค.');
    expect(second.rows.map((r) => [r.month, r.value, r.line])).toEqual([['2022-05', 2, 2]]);
    const missing = await read('ผล.xlsx', bytes, 'มิ.ย.');
    expect(missing.rejected[0].reason).toBe('ไม่พบแผ่นงาน "มิ.ย." (มี เม.ย., พ.ค.)');
  });

  it('reads the first sheet whose table has data in it, else the first holding a table (issue 14)', async () => {
    const header = ['อำเภอ', 'ตัวชี้วัด', 'เดือน', 'ผล'];
    const notes = { name: 'หมายเหตุ', rows: [['คำอธิบาย'], ['กรอกผลในแผ่นงานถัดไป']] };
    const empty = { name: 'ว่าง', rows: [header, ['บางคล้า', 'T2', '2565-04', '']] };
    const filled = { name: 'กรอกแล้ว', rows: [header, ['บางคล้า', 'T2', '2565-04', 3]] };
    const bad = { name: 'ผิด', rows: [header, ['บางคล้า', 'T2', '2565-04', 'สาม']] };
    // A sheet with a table but nothing written is passed over for one with a value…
    const second = await read('ผล.xlsx', writeXlsx([notes, empty, filled]));
    expect(second).toMatchObject({ sheet: 'กรอกแล้ว', rejected: [] });
    expect(second.rows.map((r) => r.value)).toEqual([3]);
    // …or with a line that is rejected (something was written there, and it is told about).
    const rejected = await read('ผล.xlsx', writeXlsx([empty, bad, filled]));
    expect(rejected.sheet).toBe('ผิด');
    expect(rejected.rejected).toHaveLength(1);
    // Nothing written anywhere: the first sheet holding a table, as before (not the notes).
    const none = await read('ผล.xlsx', writeXlsx([notes, empty, { ...empty, name: 'ว่าง 2' }]));
    expect(none).toMatchObject({ sheet: 'ว่าง', rejected: [], rows: [] });
    // Both filled: the first, as before.
    const both = await read('ผล.xlsx', writeXlsx([filled, { ...filled, name: 'อีกแผ่น' }]));
    expect(both.sheet).toBe('กรอกแล้ว');
  });

  it.each<[string, Uint8Array, string]>([
    [
      'an old .xls',
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'ไฟล์ Excel รุ่นเก่า (.xls)'
    ],
    ['a broken zip', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'อ่านไฟล์ Excel ไม่ได้'],
    ['an empty file', new Uint8Array(0), 'ไฟล์ว่าง']
  ])('%s is one rejection at line 1', async (_, bytes, reason) => {
    const report = await read('x', bytes);
    expect(report.rows).toEqual([]);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]).toMatchObject({ line: 1 });
    expect(report.rejected[0].reason).toContain(reason);
  });

  it('reports progress up to 1', async () => {
    const fractions: number[] = [];
    const lines = ['อำเภอ,ตัวชี้วัด,เดือน,ผล'];
    for (let i = 0; i < 5000; i++) lines.push(`บางคล้า,T2,2565-0${4 + (i % 6)},${i}`);
    await readResultsFile(
      { name: 'ผล.csv', bytes: utf8(lines.join('\n')) },
      { framework, onProgress: (f) => fractions.push(f) }
    );
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties

const THAI_SHORT = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.'
];
const THAI_LONG = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม'
];
const thaiDigits = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));

/** A CE `YYYY-MM` month written as people write it. */
const MONTH_FORMS: ((iso: string) => string)[] = [
  (iso) => iso,
  (iso) => `${Number(iso.slice(0, 4)) + 543}${iso.slice(4)}`,
  (iso) => `${iso.slice(5)}/${Number(iso.slice(0, 4)) + 543}`,
  (iso) => `${THAI_SHORT[Number(iso.slice(5)) - 1]} ${String(Number(iso.slice(0, 4)) + 543).slice(2)}`,
  (iso) => `${THAI_LONG[Number(iso.slice(5)) - 1]} ${Number(iso.slice(0, 4)) + 543}`,
  (iso) => thaiDigits(`${Number(iso.slice(5))}/${Number(iso.slice(0, 4)) + 543}`)
];

function groupedText(value: number): string {
  const [whole, fraction] = Math.abs(value).toString().split('.');
  const text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
  return value < 0 ? `-${text}` : text;
}
const NUMBER_FORMS: ((value: number) => string)[] = [
  (v) => String(v),
  (v) => groupedText(v),
  (v) => thaiDigits(groupedText(v)),
  (v) => `${v}%`,
  (v) => (v < 0 ? `(${groupedText(-v)})` : `${groupedText(v)} บาท`)
];

type LineKind =
  'valid' | 'blank' | 'unknownUnit' | 'workGroup' | 'unknownKpi' | 'badNumber' | 'badMonth' | 'outOfScope';

interface Line {
  kind: LineKind;
  unit: number;
  kpi: number;
  month: number;
  value: number;
  target: number | null;
  monthForm: number;
  numberForm: number;
}

const line: fc.Arbitrary<Line> = fc.record({
  kind: fc.constantFrom<LineKind>(
    'valid',
    'valid',
    'valid',
    'blank',
    'unknownUnit',
    'workGroup',
    'unknownKpi',
    'badNumber',
    'badMonth',
    'outOfScope'
  ),
  unit: fc.nat(DISTRICTS.length - 1),
  kpi: fc.nat(KPIS.length - 1),
  month: fc.nat(SCOPE_MONTHS.length - 1),
  value: fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }).map((n) => n / 100),
  target: fc.option(fc.integer({ min: 1, max: 10_000_000 })),
  monthForm: fc.nat(MONTH_FORMS.length - 1),
  numberForm: fc.nat(NUMBER_FORMS.length - 1)
});

/** Valid lines need distinct unit, KPI and month (a repeat would be a duplicate, rejected by design). */
const lines = fc.uniqueArray(line, {
  maxLength: 30,
  selector: (l) => (l.kind === 'valid' ? `${l.unit}|${l.kpi}|${l.month}` : Math.random())
});

const UNKNOWN_UNITS = ['ท่าตะเกรา', 'คลองเบื่อน', 'บางคลา', 'เมืองจันท์'];
const WORK_GROUPS = ['ยุทธศาสตร์', 'ประสาน', 'ส่งเสริม', 'กลุ่มงานอำนวยการ'];

/** The cells of a line (unit, KPI, month, value, target) as text. */
function cellsOf(l: Line): string[] {
  const month = SCOPE_MONTHS[l.month];
  const cells = [
    DISTRICTS[l.unit].name,
    KPIS[l.kpi],
    MONTH_FORMS[l.monthForm](month),
    NUMBER_FORMS[l.numberForm](l.value),
    l.target === null ? '' : groupedText(l.target)
  ];
  switch (l.kind) {
    case 'blank':
      cells[3] = ['', '-', '—'][l.numberForm % 3];
      break;
    case 'unknownUnit':
      cells[0] = UNKNOWN_UNITS[l.unit % UNKNOWN_UNITS.length];
      break;
    case 'workGroup':
      cells[0] = WORK_GROUPS[l.unit % WORK_GROUPS.length];
      break;
    case 'unknownKpi':
      cells[1] = `X${l.kpi}`;
      break;
    case 'badNumber':
      cells[3] = ['abc', '#DIV/0!', '12,5', '1.2.3'][l.numberForm % 4];
      break;
    case 'badMonth':
      cells[2] = ['เดือนหน้า', '13/2565', 'Q3'][l.monthForm % 3];
      break;
    case 'outOfScope':
      cells[2] = MONTH_FORMS[l.monthForm](['2022-03', '2022-10', '2021-06'][l.month % 3]);
      break;
  }
  return cells;
}

function expectedRow(l: Line, file: string, lineNumber: number): ResultRow {
  return {
    unitId: DISTRICTS[l.unit].id,
    kpi: KPIS[l.kpi],
    month: SCOPE_MONTHS[l.month],
    value: l.value === 0 ? 0 : l.value,
    target: l.target,
    baseline: null,
    adjust: null,
    source: file,
    line: lineNumber
  };
}

type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-874' | 'utf-16le-bom';

function encode(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'windows-874') return windows874(text);
  if (encoding === 'utf-8') return utf8(text);
  if (encoding === 'utf-8-bom') return utf8('\uFEFF' + text);
  const withBom = '\uFEFF' + text;
  const bytes = new Uint8Array(withBom.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < withBom.length; i++) view.setUint16(i * 2, withBom.charCodeAt(i), true);
  return bytes;
}

const HEADER = ['อำเภอ', 'ตัวชี้วัด', 'เดือน', 'ผลการดำเนินงาน', 'ค่าเป้าหมาย'];

function textFile(body: Line[], delimiter: string, lineEnd: string): string {
  const quote = (cell: string) =>
    cell.includes(delimiter) || cell.includes('"') ? `"${cell.replace(/"/g, '""')}"` : cell;
  return (
    [HEADER, ...body.map(cellsOf)].map((cells) => cells.map(quote).join(delimiter)).join(lineEnd) + lineEnd
  );
}

function workbook(body: Line[]): Uint8Array {
  const rows: XlsxCell[][] = [
    HEADER,
    ...body.map((l) => {
      const cells: XlsxCell[] = cellsOf(l);
      // Valid numbers as Excel keeps them: numbers, not text.
      if (l.kind !== 'badNumber' && l.kind !== 'blank') cells[3] = l.value;
      if (l.target !== null) cells[4] = l.target;
      return cells;
    })
  ];
  return writeXlsx([{ name: 'ผล', rows }]);
}

/** Every line is accounted for exactly as its kind says. */
function checkAccounting(
  report: ResultsFileReport,
  body: Line[],
  file: string,
  complete: (lineNumber: number) => boolean
) {
  const expected: ResultRow[] = [];
  const rejectedLines = new Set(report.rejected.map((r) => r.line));
  body.forEach((l, i) => {
    const lineNumber = i + 2;
    if (!complete(lineNumber)) return;
    if (l.kind === 'valid') expected.push(expectedRow(l, file, lineNumber));
    else if (l.kind === 'blank')
      expect(rejectedLines.has(lineNumber), `blank line ${lineNumber}`).toBe(false);
    else expect(rejectedLines.has(lineNumber), `${l.kind} line ${lineNumber} is rejected`).toBe(true);
  });
  const accepted = report.rows.filter((row) => complete(row.line));
  expect(accepted).toEqual(expected);
}

describe('readResultsFile — properties', () => {
  let fastReader: FastReader;
  beforeAll(async () => {
    fastReader = await openFastReader('native');
  });
  afterAll(() => fastReader.close());
  /** How the fast reader went: DuckDB read rows itself (`fast`), or handed the file to the page's reader. */
  const paths = { fast: 0, fallback: 0 };
  /** The page's reader, checked against the fast reader on the same bytes. */
  const readBoth = async (name: string, bytes: Uint8Array) => {
    const both = await readAlike(fastReader, { name, bytes }, { framework });
    paths[both.fast.path === 'fast' && both.fast.fastRows > 0 ? 'fast' : 'fallback']++;
    return both.page;
  };

  it('accepts exactly the valid lines and rejects every bad one, in every encoding, delimiter and format', async () => {
    await fc.assert(
      fc.asyncProperty(
        lines,
        fc.constantFrom<Encoding | 'xlsx'>('utf-8', 'utf-8-bom', 'windows-874', 'utf-16le-bom', 'xlsx'),
        fc.constantFrom(',', '\t', ';'),
        fc.constantFrom('\n', '\r\n'),
        async (body, encoding, delimiter, lineEnd) => {
          const file = encoding === 'xlsx' ? 'ผล.xlsx' : 'ผล.csv';
          const bytes =
            encoding === 'xlsx' ? workbook(body) : encode(textFile(body, delimiter, lineEnd), encoding);
          const report = await readBoth(file, bytes);
          checkAccounting(report, body, file, () => true);
          for (const rejection of report.rejected) expect(rejection.reason.length).toBeGreaterThan(0);
        }
      ),
      { numRuns: 200 }
    );
  });

  it('a file cut anywhere: never throws, keeps every complete line, accepts nothing that should be rejected', async () => {
    await fc.assert(
      fc.asyncProperty(
        lines,
        fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'windows-874', 'utf-16le-bom'),
        fc.constantFrom(',', '\t', ';'),
        fc.constantFrom('\n', '\r\n'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (body, encoding, delimiter, lineEnd, cutAt) => {
          const text = textFile(body, delimiter, lineEnd);
          const bytes = encode(text, encoding);
          const cut = Math.floor(bytes.length * cutAt);
          const report = await readBoth('ผล.csv', bytes.subarray(0, cut));
          // Lines that end (with their line break) before the cut are complete; the cut line may go either way.
          const kept = new TextDecoder(
            encoding.startsWith('utf-16') ? 'utf-16le' : encoding === 'windows-874' ? 'windows-874' : 'utf-8'
          )
            .decode(bytes.subarray(0, cut))
            .replace(/^\uFEFF/, '');
          const completeLines = kept.split(lineEnd).length - 1;
          checkAccounting(report, body, 'ผล.csv', (lineNumber) => lineNumber <= completeLines);
          for (const row of report.rows) {
            expect(Number.isFinite(row.value)).toBe(true);
            expect(SCOPE_MONTHS).toContain(row.month);
            expect(row.line).toBeLessThanOrEqual(completeLines + 1);
          }
        }
      ),
      { numRuns: 300 }
    );
  });

  it('never throws on random bytes, and whatever it accepts is well-formed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc
            .constantFrom(...[0x50, 0xd0, 0xef, 0xff].map((b) => Uint8Array.of(b)))
            .chain((start) =>
              fc.uint8Array({ maxLength: 300 }).map((rest) => Uint8Array.from([...start, ...rest]))
            ),
          lines
            .map((body) => workbook(body))
            .chain((bytes) => fc.nat(bytes.length).map((cut) => bytes.subarray(0, cut)))
        ),
        async (bytes) => {
          const report = await readBoth('สุ่ม.bin', bytes);
          for (const rejection of report.rejected) {
            expect(rejection.line).toBeGreaterThanOrEqual(1);
            expect(rejection.reason.length).toBeGreaterThan(0);
          }
          for (const row of report.rows) {
            expect(Number.isFinite(row.value)).toBe(true);
            expect(SCOPE_MONTHS).toContain(row.month);
            expect(DISTRICTS.map((d) => d.id)).toContain(row.unitId);
          }
        }
      ),
      { numRuns: 300 }
    );
  });

  // The files above are mostly read whole by the page's reader on the fast reader's side too (quotes around
  // `1,234`, tabs, UTF-16, workbooks): these are written so that DuckDB reads their good lines itself.
  it('lines written without quotes, in UTF-8 and Windows-874: the same accounting, DuckDB reading most files', async () => {
    const PLAIN_FORMS: ((value: number) => string)[] = [
      (v) => String(v),
      (v) => thaiDigits(String(v)),
      (v) => `${v}%`
    ];
    const plainCells = (l: Line): string[] => {
      const cells = cellsOf({ ...l, numberForm: 0, target: null });
      if (l.kind !== 'blank' && l.kind !== 'badNumber') cells[3] = PLAIN_FORMS[l.numberForm % 3](l.value);
      // Targets of 4 digits or more: never a 3-digit group after a value (reading-rules.ts splitNumberProblem).
      cells[4] = l.target === null ? '' : String(1000 + l.target);
      return cells;
    };
    const before = paths.fast;
    await fc.assert(
      fc.asyncProperty(
        lines,
        fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'windows-874'),
        fc.constantFrom('\n', '\r\n'),
        async (body, encoding, lineEnd) => {
          const text =
            [HEADER, ...body.map(plainCells)].map((cells) => cells.join(',')).join(lineEnd) + lineEnd;
          const report = await readBoth('ผล.csv', encode(text, encoding));
          const expected = body.map((l) => (l.target === null ? l : { ...l, target: 1000 + l.target }));
          checkAccounting(report, expected, 'ผล.csv', () => true);
        }
      ),
      { numRuns: 200 }
    );
    expect(paths.fast - before).toBeGreaterThan(100);
  });
});
