/**
 * The fast reader must accept and reject exactly what `readResultsFile` does on the same bytes: the same rows
 * (unit, KPI, month, figures, source, line), the same rejections, warnings and unit issues — on both engines,
 * on the seed frameworks' demo files, on files full of what real uploads contain, and on random files.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db, FileRegistry } from '../db/types';
import { openTempFileRegistry } from '../db/node-files';
import { openNodeNativeDb } from '../db/node-native';
import { openNodeWasmDb } from '../db/node-wasm';
import type { Framework } from '../domain/framework';
import type { ResultRow } from '../domain/results';
import { BUILTIN_FRAMEWORKS, demoFileName } from '../frameworks/builtin';
import { band, composite, framework, item, kpi, ladder } from '../scoring/testing';
import { createSchemaSql } from '../sql/schema';
import { readResultsFast } from './fast-results';
import { MAX_REJECTIONS, MAX_RESULTS_FILE_BYTES } from './limits';
import { readResultsFile } from './read-file';

interface Engine {
  db: Db;
  files: FileRegistry;
  close(): Promise<void>;
}

/** DuckDB-WASM (the browser's engine), which takes the bytes itself (`Db.files`). */
async function openWasm(): Promise<Engine> {
  const db = await openNodeWasmDb({ reuseModule: true });
  return { db, files: db.files!, close: () => db.close() };
}

/** Native DuckDB reads files from disk: registering writes a temporary file (as the command line does). */
async function openNative(): Promise<Engine> {
  const db = await openNodeNativeDb();
  const files = await openTempFileRegistry();
  return {
    db,
    files,
    async close() {
      await db.close();
      await files.close();
    }
  };
}

const engines: Record<string, Engine> = {};
beforeAll(async () => {
  engines.wasm = await openWasm();
  engines.native = await openNative();
  for (const engine of Object.values(engines)) await engine.db.exec(createSchemaSql());
});
afterAll(async () => {
  for (const engine of Object.values(engines)) await engine.close();
});

const comparable = (row: ResultRow) => ({
  unitId: row.unitId,
  kpi: row.kpi,
  month: row.month,
  value: row.value,
  target: row.target,
  baseline: row.baseline,
  adjust: row.adjust,
  source: row.source,
  line: row.line
});

/** Reads `bytes` both ways on `engine` and expects the same outcome; returns the fast reader's path. */
async function compare(engine: Engine, name: string, bytes: Uint8Array, fw: Framework): Promise<string> {
  const expected = await readResultsFile({ name, bytes }, { framework: fw });
  await engine.db.exec('CREATE OR REPLACE TEMP TABLE fast_test AS SELECT * FROM results LIMIT 0');
  const fast = await readResultsFast(
    engine.db,
    engine.files,
    { name, bytes },
    { framework: fw, table: 'fast_test' }
  );
  const stored = await engine.db.query<Record<string, unknown>>(
    'SELECT framework_id, unit_id, kpi, month, value, target, baseline, adjust, source, line FROM fast_test'
  );
  const rows = stored
    .map((row) => ({
      unitId: row.unit_id,
      kpi: row.kpi,
      month: row.month,
      value: row.value,
      target: row.target,
      baseline: row.baseline,
      adjust: row.adjust,
      source: row.source,
      line: row.line
    }))
    .sort((a, b) => Number(a.line) - Number(b.line) || String(a.kpi).localeCompare(String(b.kpi)));
  const want = expected.rows.map(comparable).sort((a, b) => a.line - b.line || a.kpi.localeCompare(b.kpi));
  expect(stored.every((row) => row.framework_id === fw.id)).toBe(true);
  expect(rows).toEqual(want);
  expect(fast.rowCount).toBe(want.length);
  expect(fast.rejected).toEqual(expected.rejected);
  expect(fast.warnings).toEqual(expected.warnings);
  expect(fast.unitIssues).toEqual(expected.unitIssues);
  expect([fast.layout, fast.format, fast.encoding, fast.sheets, fast.sheet]).toEqual([
    expected.layout,
    expected.format,
    expected.encoding,
    expected.sheets,
    expected.sheet
  ]);
  const [{ left }] = await engine.db.query<{ left: number }>(
    "SELECT count(*)::INTEGER AS left FROM duckdb_tables() WHERE table_name LIKE 'fast\\_%' ESCAPE '\\' AND table_name <> 'fast_test'"
  );
  expect(left).toBe(0);
  // `fast+` when DuckDB alone read some of the rows.
  return fast.path === 'fast' && fast.fastRows > 0 ? 'fast+' : fast.path;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Why the fast reader handed a file (for the national framework) to the reader, or null. */
async function fallbackReason(engine: Engine, name: string, bytes: Uint8Array): Promise<string | null> {
  await engine.db.exec('CREATE OR REPLACE TEMP TABLE fast_test AS SELECT * FROM results LIMIT 0');
  const report = await readResultsFast(
    engine.db,
    engine.files,
    { name, bytes },
    {
      framework: national,
      table: 'fast_test'
    }
  );
  return report.fallbackReason;
}

// A national framework over every district (DESIGN §9.2 `*`), FY2569 whole year: value, % of target,
// growth, a rank measure and a composite with two items.
const national: Framework = framework(
  'fast-national',
  [
    kpi('1.1', { aggregate: 'sum' }),
    kpi('1.2', { measure: 'pct_of_target' }),
    kpi('1.3', { measure: 'growth_pct', aggregate: 'mean' }),
    kpi('1.4', { measure: 'rank_desc' }),
    composite('2', 'sum'),
    item('2.1', '2'),
    item('2.2', '2')
  ],
  [
    ...ladder('1.1', '>=', [100, 50]),
    ...ladder('1.2', '>=', [100, 80]),
    ...ladder('1.3', '>=', [10, 0]),
    ...ladder('1.4', '<=', [10, 100]),
    ...ladder('2', '>=', [2, 1]),
    band('2.1', '1', 1, '>=', 1),
    band('2.2', '1', 1, '>=', 1)
  ],
  { province: '*', fiscalYear: 2569, period: null }
);

const HEADER = 'จังหวัด,อำเภอ,ตัวชี้วัด,เดือน,ผลการดำเนินงาน,ค่าเป้าหมาย,ฐาน';

/** Lines of every kind a national upload holds, each with a comment of what it tests. */
const MESSY_LINES = [
  'ฉะเชิงเทรา,บางคล้า,1.1,2568-10,12.5,,', // clean
  'ฉะเชิงเทรา,บางคล้า,1.2,2568-10,45,50,', // clean, with a target
  'ฉะเชิงเทรา,บางคล้า,1.3,2568-10,110,,100', // clean, with a baseline
  'ฉะเชิงเทรา,อ.บางน้ำเปรี้ยว,1.1,10/2568,๑๒.๕,,', // abbreviation, month form, Thai digits
  'ฉะเชิงเทรา,บางปะกง,1.1,ต.ค. 68,85%,,', // Thai month, percent
  'ฉะเชิงเทรา,บ้านโพธิ์,1.1,2568-10,-,,', // dash: not reported
  'ฉะเชิงเทรา,พนมสารคาม,1.1,2568-10,,,', // blank: not reported
  'ฉะเชิงเทรา,บางคล้า,1.1,2568-10,13,,', // duplicate of the first line
  'ฉะเชิงเทรา,บางคล่า,1.1,2568-10,1,,', // misspelt district (suggestions)
  ',เฉลิมพระเกียรติ,1.1,2568-10,1,,', // ambiguous without a province
  'น่าน,เฉลิมพระเกียรติ,1.1,2568-10,2,,', // settled by the province
  'ฉะเชิงเทรา,กลุ่มงานยุทธศาสตร์,1.1,2568-10,1,,', // a work group, not a district
  'ฉะเชิงเทรา,รวม,1.1,2568-10,99,,', // a total line
  'ฉะเชิงเทรา,ราชสาส์น,9.9,2568-10,1,,', // unknown KPI
  'ฉะเชิงเทรา,ราชสาส์น,2,2568-10,1,,', // a composite gets no rows of its own
  'ฉะเชิงเทรา,ราชสาส์น,2.1,2568-10,1,,', // an item of a composite
  'ฉะเชิงเทรา,ราชสาส์น,1.1,2566-10,1,,', // month outside the framework's year
  'ฉะเชิงเทรา,ราชสาส์น,1.1,เดือนสิบ,1,,', // unreadable month
  'ฉะเชิงเทรา,ราชสาส์น,1.2,2568-11,ไม่มีข้อมูล,50,', // text where a number belongs
  'ฉะเชิงเทรา,ราชสาส์น,1.2,2568-12,5,#DIV/0!,', // Excel error in the target
  'ฉะเชิงเทรา,สนามชัยเขต,1.1,2568-10,1,234,,', // unquoted thousands: split cells
  'ฉะเชิงเทรา,สนามชัยเขต,1.1,2568-11,7,,,,', // extra empty cells
  'ฉะเชิงเทรา,สนามชัยเขต,1.1,2568-12,8,,,x', // an extra cell with text
  'ฉะเชิงเทรา,สนามชัยเขต,1.1', // too few cells
  'ฉะเชิงเทรา,ท่าตะเกียบ,1.1,2569-01,9', // fewer cells, only optional ones missing
  ',,,,,,', // nothing but delimiters
  '   ', // whitespace only
  'ฉะเชิงเทรา, แปลงยาว ,1.1,2569-01, 10 ,,', // spaces around cells
  'ฉะเชิงเทรา,\u200Bคลองเขื่อน,1.4,2569-01,3,,', // a zero-width space
  'จ.ฉะเชิงเทรา,เมืองฉะเชิงเทรา,1.4,2569-01,-0,,', // province with จ., minus zero
  'ลำพูน,ป่าซาง,1.4,2569-01,00012.50,,', // leading zeros
  'ลำพูน,ป่าซาง,2.2,2569-01,1e3,,', // exponent
  'ลำพูน,ป่าซาง,2.1,2569-01,(5),,', // accounting negative
  'ลำพูน,ป่าซาง,1.1,2569-02,1.2.3,,', // not a number
  'ลำพูน,บ้านโฮ่ง,1.1,2569-02,1234567890123456,,', // 16 digits: parsed by parseNumber, not SQL
  'ลำพูน,ทุ่งหัวช้าง,1.1,2569-02,12345,,', // clean
  'ลำพูน,ทุ่งหัวช้าง,1.1,2569-02,12346,,' // duplicate of the previous line
];

describe.each(['wasm', 'native'])('readResultsFast on %s DuckDB', (engineName) => {
  const engine = () => engines[engineName];

  test.each(BUILTIN_FRAMEWORKS.map((fw) => ({ id: fw.id, fw })))(
    'demo file of $id (seed framework)',
    async ({ fw }) => {
      const bytes = new Uint8Array(
        readFileSync(new URL(`../../../static/demo/${demoFileName(fw.id)}`, import.meta.url))
      );
      const expectedPath = fw.province === null ? 'fallback' : 'fast+';
      expect(await compare(engine(), demoFileName(fw.id), bytes, fw)).toBe(expectedPath);
    }
  );

  test.each([
    { name: 'every kind of line, LF', text: [HEADER, ...MESSY_LINES].join('\n') + '\n', path: 'fast+' },
    {
      name: 'every kind of line, CRLF, BOM, no final newline',
      text: '\uFEFF' + [HEADER, ...MESSY_LINES].join('\r\n'),
      path: 'fast+'
    },
    {
      name: 'blank lines between the lines',
      text: [HEADER, '', ...MESSY_LINES.slice(0, 5), '', '', ...MESSY_LINES.slice(5), '', ''].join('\n'),
      path: 'fast+'
    },
    {
      name: 'English header in another order',
      text: 'district,province,month,kpi,value\nบางคล้า,ฉะเชิงเทรา,2568-10,1.1,5\n',
      path: 'fast+'
    },
    {
      name: 'no province column: an ambiguous name is rejected',
      text: 'อำเภอ,ตัวชี้วัด,เดือน,ผล\nเฉลิมพระเกียรติ,1.1,2568-10,5\nบางคล้า,1.1,2568-10,5\n',
      path: 'fast+'
    },
    {
      name: 'quoted cells: read whole by the reader',
      text: `${HEADER}\nฉะเชิงเทรา,บางคล้า,1.1,2568-10,"1,234.5",,\n`,
      path: 'fallback'
    },
    { name: 'semicolons', text: 'อำเภอ;ตัวชี้วัด;เดือน;ผล\nบางคล้า;1.1;2568-10;5\n', path: 'fallback' },
    {
      name: 'a title line above the table',
      text: `รายงานผล\n${HEADER}\nฉะเชิงเทรา,บางคล้า,1.1,2568-10,5,,\n`,
      path: 'fallback'
    },
    {
      name: 'wide layout',
      text: 'จังหวัด,อำเภอ,เดือน,1.1,1.2\nฉะเชิงเทรา,บางคล้า,2568-10,5,6\n',
      path: 'fallback'
    },
    {
      name: 'a header with a unit note',
      text: 'อำเภอ,ตัวชี้วัด,เดือน,ผลการดำเนินงาน (บาท)\nบางคล้า,1.1,2568-10,5\n',
      path: 'fallback'
    },
    { name: 'header only', text: `${HEADER}\n`, path: 'fallback' },
    { name: 'empty file', text: '', path: 'fallback' },
    { name: 'a lone CR', text: `${HEADER}\rฉะเชิงเทรา,บางคล้า,1.1,2568-10,5,,\n`, path: 'fallback' }
  ])('$name', async ({ text, path: expectedPath }) => {
    expect(await compare(engine(), 'ผล.csv', utf8(text), national)).toBe(expectedPath);
  });

  test('Windows-874 bytes are read like the UTF-8 text they decode to', async () => {
    const text = [HEADER, ...MESSY_LINES.slice(0, 8)].join('\r\n') + '\r\n';
    // Thai in Windows-874: U+0E01..U+0E5B map to 0xA1..0xFB.
    const bytes = Uint8Array.from(
      [...text].map((char) => {
        const code = char.codePointAt(0)!;
        if (code < 0x80) return code;
        if (code >= 0x0e01 && code <= 0x0e5b) return code - 0x0e01 + 0xa1;
        throw new Error(`not in Windows-874: ${char}`);
      })
    );
    expect(await compare(engine(), 'tis620.csv', bytes, national)).toBe('fast+');
  });

  test('a province framework: rows of other provinces are rejected the same way', async () => {
    const fw = framework('fast-province', [kpi('k', { aggregate: 'sum' })], ladder('k', '>=', [10, 5]), {
      fiscalYear: 2565,
      period: 'R2'
    });
    const text = [
      'จังหวัด,อำเภอ,ตัวชี้วัด,เดือน,ผล',
      'ฉะเชิงเทรา,บางคล้า,k,2565-04,5',
      'ลำพูน,ป่าซาง,k,2565-04,5',
      ',ราชสาส์น,k,2565-05,6',
      'ฉะเชิงเทรา,ราชสาส์น,k,2565-01,6'
    ].join('\n');
    expect(await compare(engine(), 'p.csv', utf8(text), fw)).toBe('fast+');
  });

  // The limits of src/lib/ingest/limits.ts hold on this path too: the file is refused whole, as the reader does.
  test('a file over the size limit is refused whole, with the reason of the reader', async () => {
    const line = 'ฉะเชิงเทรา,บางคล้า,1.1,2568-10,5,,\n';
    const bytes = new Uint8Array(MAX_RESULTS_FILE_BYTES + 1).fill(0x20);
    bytes.set(utf8(`${HEADER}\n${line}`));
    expect(await compare(engine(), 'ใหญ่.csv', bytes, national)).toBe('fallback');
    expect(await fallbackReason(engine(), 'ใหญ่.csv', bytes)).toBe('over the size limit');
  }, 60_000);

  test('more unusable lines than the reader takes: refused whole, clean lines included', async () => {
    const clean = ['ฉะเชิงเทรา,บางคล้า,1.1,2568-10,5,,', 'ฉะเชิงเทรา,บางคล้า,1.2,2568-10,6,,'];
    const bad = Array.from(
      { length: MAX_REJECTIONS + 5 },
      (_, i) => `ฉะเชิงเทรา,ไม่มีอำเภอนี้${i % 7},1.1,2568-10,5,,`
    );
    const text = [HEADER, ...clean, ...bad].join('\n') + '\n';
    expect(await compare(engine(), 'ผิดกรอบ.csv', utf8(text), national)).toBe('fallback');
    expect(await fallbackReason(engine(), 'ผิดกรอบ.csv', utf8(text))).toBe('too many unusable lines');
    const refused = await readResultsFile({ name: 'ผิดกรอบ.csv', bytes: utf8(text) }, { framework: national });
    expect(refused.rows).toEqual([]);
  }, 60_000);

  test('random files: the same outcome as the reader', async () => {
    const paths: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...MESSY_LINES), { minLength: 0, maxLength: 60 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        async (lines, newline, blankLines) => {
          const body = blankLines ? lines.flatMap((line, i) => (i % 7 === 3 ? ['', line] : [line])) : lines;
          const text = [HEADER, ...body].join(newline) + newline;
          paths.push(await compare(engine(), 'r.csv', utf8(text), national));
        }
      ),
      { numRuns: engineName === 'native' ? 60 : 25 }
    );
    // Most random files hold clean lines: DuckDB must have read rows of most of them itself.
    expect(paths.filter((p) => p === 'fast+').length).toBeGreaterThan(paths.length / 2);
  });
});

test('a clean national-sized file goes through DuckDB, not the reader', async () => {
  const lines = [HEADER];
  const districts = [
    'บางคล้า',
    'บางน้ำเปรี้ยว',
    'บางปะกง',
    'บ้านโพธิ์',
    'พนมสารคาม',
    'ราชสาส์น',
    'สนามชัยเขต',
    'แปลงยาว'
  ];
  for (const month of ['2568-10', '2568-11', '2568-12', '2569-01', '2569-02', '2569-03']) {
    for (const district of districts) {
      for (const k of ['1.1', '1.3', '1.4', '2.1', '2.2'])
        lines.push(
          `ฉะเชิงเทรา,${district},${k},${month},${(district.length * 7.25) % 13},,${k === '1.3' ? 100 : ''}`
        );
    }
  }
  const engine = engines.native;
  await engine.db.exec('CREATE OR REPLACE TEMP TABLE fast_test AS SELECT * FROM results LIMIT 0');
  const fast = await readResultsFast(
    engine.db,
    engine.files,
    { name: 'n.csv', bytes: utf8(lines.join('\n')) },
    { framework: national, table: 'fast_test' }
  );
  expect([fast.path, fast.rowCount, fast.fastRows, fast.rejected.length]).toEqual([
    'fast',
    lines.length - 1,
    lines.length - 1,
    0
  ]);
  expect(await compare(engine, 'n.csv', utf8(lines.join('\n')), national)).toBe('fast+');
});
