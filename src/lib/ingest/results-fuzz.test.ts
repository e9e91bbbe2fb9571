/**
 * Issue 7 §4: the results reader under fuzzing, through `readResultsFile` (bytes in, as the page's worker and
 * the command line read them). Two kinds of input: any bytes, and tables made of real cells mixed with hostile
 * ones (formulas, markup, NUL, huge numbers, broken quotes, dates in many forms), written in UTF-8, Windows-874
 * or UTF-16, with or without a BOM, sometimes cut short. Properties: reading never throws; every accepted row is
 * a real unit, KPI and month of the framework with finite figures, each (unit, KPI, month) once; every rejection
 * says where and why in a message of bounded length; the report survives the structured clone to the page.
 * Issue 11: every tenth input is also read by DuckDB's fast reader (native), which must say exactly the same
 * (most of these files go whole to the page's reader: quotes, tabs, UTF-16, titles); the last property makes
 * files that DuckDB reads itself.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { windows874 } from '../../../scripts/gen-ingest-fixtures';
import { districtsOf } from '../domain/units';
import { builtinFramework } from '../frameworks/builtin';
import { readResultsFile, type ResultsFileReport } from './read-file';
import { openFastReader, readAlike, type FastReader } from './testing';

const framework = builtinFramework('chachoengsao-2565-r2')!;

let fastReader: FastReader;
beforeAll(async () => {
  fastReader = await openFastReader('native');
});
afterAll(() => fastReader.close());

/** Every tenth input of a property: read by both readers, which must agree (./testing.ts). */
function bothReaders(): (name: string, bytes: Uint8Array) => Promise<void> {
  let run = 0;
  return async (name, bytes) => {
    if (run++ % 10 !== 0) return;
    await readAlike(fastReader, { name, bytes }, { framework });
  };
}
const UNIT_IDS = new Set(districtsOf('ฉะเชิงเทรา').map((d) => d.id));
const KPI_IDS = new Set(framework.kpis.filter((k) => k.measure !== 'combine').map((k) => k.kpi));
const MONTHS = new Set(['2022-04', '2022-05', '2022-06', '2022-07', '2022-08', '2022-09']);

function expectSound(report: ResultsFileReport, file: string): void {
  const keys = new Set<string>();
  for (const row of report.rows) {
    expect(UNIT_IDS.has(row.unitId), row.unitId).toBe(true);
    expect(KPI_IDS.has(row.kpi), row.kpi).toBe(true);
    expect(MONTHS.has(row.month), row.month).toBe(true);
    for (const figure of [row.value, row.target, row.baseline, row.adjust]) {
      expect(figure === null || Number.isFinite(figure)).toBe(true);
    }
    expect(row.source).toBe(file);
    expect(row.line).toBeGreaterThanOrEqual(1);
    const key = `${row.unitId}|${row.kpi}|${row.month}`;
    expect(keys.has(key), `twice: ${key}`).toBe(false);
    keys.add(key);
  }
  for (const rejection of report.rejected) {
    expect(rejection.file).toBe(file);
    expect(rejection.line).toBeGreaterThanOrEqual(1);
    expect(rejection.reason.length).toBeGreaterThan(0);
    expect(rejection.reason.length).toBeLessThanOrEqual(700);
  }
  expect(structuredClone(report)).toEqual(report);
}

const CELLS = {
  unit: [
    'บางคล้า',
    'อ.บางคล้า',
    'เมืองฯ',
    'ราชสาส์น',
    'ท่าตะเกรา',
    'รวม',
    '=HYPERLINK("x")',
    '<b>บางปะกง</b>',
    'บาง\0คล้า',
    ''
  ],
  kpi: ['T1', 'T2', 'I1', 'I5', 'I9', 't1', 'T 1', '=T1', '<script>', "'; DROP TABLE results; --", ''],
  month: [
    '2565-04',
    'เม.ย. 65',
    '05/2565',
    '2022-06',
    'Jun 2022',
    '15/07/2565',
    '2565-13',
    '44713',
    'ต.ค. 65',
    '=TODAY()',
    ''
  ],
  value: [
    '4',
    '95.5',
    '1,234',
    '"1,234.5"',
    '๑๒',
    '-',
    '',
    '12%',
    '(5)',
    'NaN',
    'Infinity',
    '1e309',
    '=1+1',
    '#DIV/0!',
    '"',
    'x'.repeat(200)
  ]
};

const HEADERS = [
  ['อำเภอ', 'ตัวชี้วัด', 'เดือน', 'ผลการดำเนินงาน'],
  ['district', 'kpi', 'month', 'value', 'target'],
  ['อำเภอ', 'เดือน', 'T1', 'T2', 'I1'],
  ['ตัวชี้วัด', 'อำเภอ', 'ผล', 'เดือน', 'จังหวัด']
];

const cellFor = (header: string): fc.Arbitrary<string> => {
  const pool = /อำเภอ|district/.test(header)
    ? CELLS.unit
    : /ตัวชี้วัด|kpi/.test(header)
      ? CELLS.kpi
      : /เดือน|month/.test(header)
        ? CELLS.month
        : /จังหวัด/.test(header)
          ? ['ฉะเชิงเทรา', 'ชลบุรี', '']
          : CELLS.value;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...pool), weight: 8 },
    { arbitrary: fc.string({ maxLength: 8 }), weight: 1 }
  );
};

const tableArb = fc.constantFrom(...HEADERS).chain((header) =>
  fc.record({
    header: fc.constant(header),
    title: fc.option(fc.constantFrom('รายงานผลการดำเนินงาน', 'ตาราง 1,,,'), { nil: undefined }),
    rows: fc.array(fc.tuple(...header.map(cellFor)), { maxLength: 12 }),
    delimiter: fc.constantFrom(',', '\t', ';'),
    lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
    encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-874', 'utf-16le', 'utf-16le-bom'),
    cut: fc.option(fc.nat(), { nil: undefined })
  })
);

function encode(text: string, encoding: string): Uint8Array {
  // eslint-disable-next-line no-control-regex -- every ASCII code point, NUL included, is representable
  if (encoding === 'windows-874') return windows874(text.replace(/[^\u0000-\u007f\u0e01-\u0e5b]/g, '?'));
  if (encoding.startsWith('utf-16le')) {
    const withBom = encoding.endsWith('bom') ? `\uFEFF${text}` : text;
    const bytes = new Uint8Array(withBom.length * 2);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < withBom.length; i++) view.setUint16(i * 2, withBom.charCodeAt(i), true);
    return bytes;
  }
  return new TextEncoder().encode(encoding === 'utf-8-bom' ? `\uFEFF${text}` : text);
}

describe('readResultsFile under fuzzing', () => {
  it('tables of real and hostile cells, in every encoding, whole or cut: sound reports', async () => {
    let withRows = 0;
    const alike = bothReaders();
    await fc.assert(
      fc.asyncProperty(tableArb, async (table) => {
        const lines = [
          ...(table.title ? [table.title] : []),
          table.header.join(table.delimiter),
          // Cells are written raw: a stray quote or delimiter in one is part of the test.
          ...table.rows.map((row) => row.join(table.delimiter))
        ];
        let bytes = encode(lines.join(table.lineEnd) + table.lineEnd, table.encoding);
        if (table.cut !== undefined) bytes = bytes.subarray(0, table.cut % (bytes.length + 1));
        const report = await readResultsFile({ name: 'ผล.csv', bytes }, { framework });
        expectSound(report, 'ผล.csv');
        if (report.rows.length > 0) withRows++;
        await alike('ผล.csv', bytes);
      }),
      { numRuns: 3_000 }
    );
    expect(withRows).toBeGreaterThan(100); // the accepted path is exercised, not only refusals
  });

  it('any bytes: sound reports', async () => {
    const alike = bothReaders();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
        expectSound(await readResultsFile({ name: 'x.bin', bytes }, { framework }), 'x.bin');
        await alike('x.bin', bytes);
      }),
      { numRuns: 3_000 }
    );
  });

  it('any text with CSV punctuation: sound reports', async () => {
    const text = fc.string({
      unit: fc.constantFrom(
        'a',
        'ก',
        ',',
        '"',
        '\n',
        '\r',
        '\t',
        ';',
        '1',
        '=',
        '<',
        '\0',
        'บางคล้า',
        'T1',
        '2565-04'
      ),
      maxLength: 300
    });
    const alike = bothReaders();
    await fc.assert(
      fc.asyncProperty(text, async (value) => {
        const bytes = new TextEncoder().encode(`อำเภอ,ตัวชี้วัด,เดือน,ผล\n${value}`);
        expectSound(await readResultsFile({ name: 'y.csv', bytes }, { framework }), 'y.csv');
        await alike('y.csv', bytes);
      }),
      { numRuns: 3_000 }
    );
  });
});

// Issue 11: files the fast reader reads itself (comma-separated, no quotes, a plain header), full of what the
// reading rules have a word for — values out of a KPI's range, `%` on a KPI that is not a percentage, over 100
// on one that is, numbers split at their thousands separators (into empty cells, into a figure the KPI does
// not use, in a file that leaves out empty end cells), extra and missing cells, duplicates, NUL, bad months —
// read by both readers on every run, which must agree on rows, rejections, warnings and unit issues.
describe('both readers under fuzzing, on files DuckDB reads itself', () => {
  const ranged: typeof framework = {
    ...framework,
    kpis: framework.kpis.map((kpi) =>
      kpi.kpi === 'T2'
        ? { ...kpi, min: 0, max: 5 }
        : kpi.kpi === 'I1'
          ? { ...kpi, min: 0, max: null }
          : kpi.kpi === 'T4'
            ? { ...kpi, min: null, max: 5 }
            : kpi.kpi === 'I4'
              ? { ...kpi, unitLabel: 'ร้อยละ' }
              : kpi
    )
  };
  const HEADERS_PLAIN = [
    ['อำเภอ', 'ตัวชี้วัด', 'เดือน', 'ผลการดำเนินงาน', 'ค่าเป้าหมาย', 'ฐาน'],
    ['district', 'kpi', 'month', 'value', 'target'],
    ['จังหวัด', 'อำเภอ', 'ตัวชี้วัด', 'เดือน', 'ผล', 'ค่าเป้าหมาย', 'ฐาน', 'ปรับคะแนน'],
    ['ตัวชี้วัด', 'อำเภอ', 'ผล', 'เดือน']
  ];
  const POOLS: Record<string, readonly string[]> = {
    unit: ['บางคล้า', 'ราชสาส์น', 'อ.บางปะกง', 'ท่าตะเกรา', 'รวม', 'บาง\0คล้า', '=1+1', 'ป่าซาง', ''],
    province: ['ฉะเชิงเทรา', 'จ.ฉะเชิงเทรา', 'ลำพูน', ''],
    kpi: ['T1', 'T2', 'T4', 'I1', 'I4', 'I5', 'i9', ' T3 ', 'X9', ''],
    month: ['2565-04', '2565-05', 'มิ.ย. 65', '07/2565', '2022-08', '2565-12', 'เดือนหน้า', ''],
    value: [
      '0',
      '3',
      '5',
      '6',
      '-1',
      '7.5',
      '๔',
      '85%',
      '150',
      '732',
      '1,234',
      '732,113.47',
      '-',
      '',
      'x',
      '12,5'
    ],
    target: ['', '', '100', '113.47', '1000', '50%', '1,500'],
    baseline: ['', '', '200', '120.5'],
    adjust: ['', '', '1', '-0.5']
  };
  const roleOf = (header: string): string =>
    /อำเภอ|district/.test(header)
      ? 'unit'
      : /จังหวัด/.test(header)
        ? 'province'
        : /ตัวชี้วัด|kpi/.test(header)
          ? 'kpi'
          : /เดือน|month/.test(header)
            ? 'month'
            : /เป้า|target/.test(header)
              ? 'target'
              : /ฐาน/.test(header)
                ? 'baseline'
                : /ปรับ/.test(header)
                  ? 'adjust'
                  : 'value';
  const fileArb = fc.constantFrom(...HEADERS_PLAIN).chain((header) =>
    fc.record({
      header: fc.constant(header),
      rows: fc.array(
        fc.record({
          cells: fc.tuple(...header.map((h) => fc.constantFrom(...POOLS[roleOf(h)]))),
          shape: fc.constantFrom('full', 'full', 'full', 'full', 'short', 'extra-empty', 'extra-text')
        }),
        { maxLength: 80 }
      ),
      lineEnd: fc.constantFrom('\n', '\r\n'),
      encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-874'),
      blankLines: fc.boolean()
    })
  );

  it('every run: the same outcome from both readers, and DuckDB reads most files itself', async () => {
    let fast = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fileArb, async (file) => {
        const lines = [file.header.join(',')];
        file.rows.forEach((row, i) => {
          let cells: string[] = [...row.cells];
          if (row.shape === 'short')
            while (cells.length > 1 && cells.at(-1) === '') cells = cells.slice(0, -1);
          if (row.shape === 'extra-empty') cells.push('');
          if (row.shape === 'extra-text') cells.push('หมายเหตุ');
          if (file.blankLines && i % 9 === 4) lines.push('');
          lines.push(cells.join(','));
        });
        const bytes = encode(lines.join(file.lineEnd) + file.lineEnd, file.encoding);
        const both = await readAlike(fastReader, { name: 'เร็ว.csv', bytes }, { framework: ranged });
        runs++;
        if (both.fast.path === 'fast') fast++;
      }),
      { numRuns: 300 }
    );
    expect(fast).toBeGreaterThan(runs / 2);
  }, 180_000);
});
