/**
 * Issue 7 §4: hostile and broken results files. Each one gets a clear Thai reason (a rejection naming the limit
 * or the problem), reading never throws and stays fast, and nothing of a refused file becomes a row. Files as
 * the browser hands them over (bytes), through `readResultsFile`, the reader of the page's worker and of the
 * command line. (That the workspace stays as it was is checked on the session: src/lib/state/session-hardening.test.ts.)
 *
 * Issue 11: every file is also read by DuckDB's fast reader (native DuckDB, and DuckDB-WASM for files under
 * 5 MB), which must give the same rows, rejections, warnings and unit issues (./testing.ts `readAlike`); and so
 * is every file of the shared catalogue of hostile files (./hostile-files.ts), e2e/support/hostile.ts's included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { windows874 } from '../../../scripts/gen-ingest-fixtures';
import { writeXlsx } from '../../../scripts/xlsx-writer';
import { hostileFramework } from '../../../e2e/support/hostile';
import type { Framework } from '../domain/framework';
import { builtinFramework } from '../frameworks/builtin';
import { resolveFrameworkUnit } from '../scoring/workspace';
import { readFrameworkFiles } from './framework-files';
import { hostileFiles, nulLinesFile, zipOfZeros } from './hostile-files';
import {
  MAX_COLUMNS,
  MAX_REJECTIONS,
  MAX_RESULTS_FILE_BYTES,
  MAX_WORKBOOK_UNZIPPED_BYTES,
  clipMessage,
  fileSizeProblem,
  sizeText,
  zipUnzippedSize
} from './limits';
import { readResultsFile, type ResultsFileReport } from './read-file';
import { openFastReader, readAlike, type FastReader } from './testing';

const framework = builtinFramework('chachoengsao-2565-r2')!; // FY2565 round 2: 2022-04 … 2022-09
const utf8 = (text: string) => new TextEncoder().encode(text);
const HEADER = 'อำเภอ,ตัวชี้วัด,เดือน,ผลการดำเนินงาน\n';

const readers: FastReader[] = [];
beforeAll(async () => {
  readers.push(await openFastReader('native'), await openFastReader('wasm'));
});
afterAll(async () => {
  for (const reader of readers) await reader.close();
});

/** Both readers must agree: native DuckDB on every file, DuckDB-WASM on those under 5 MB. */
async function expectBothAlike(name: string, bytes: Uint8Array, fw: Framework = framework): Promise<void> {
  for (const reader of readers) {
    if (reader.engine === 'wasm' && bytes.length > 5 * 1024 * 1024) continue;
    await readAlike(reader, { name, bytes }, { framework: fw });
  }
}

async function read(name: string, bytes: Uint8Array): Promise<{ report: ResultsFileReport; ms: number }> {
  const started = performance.now();
  const report = await readResultsFile({ name, bytes }, { framework });
  const ms = performance.now() - started;
  await expectBothAlike(name, bytes);
  return { report, ms };
}

/** The one reason a refused file gets (line 1, no column), and nothing else. */
function refusal(report: ResultsFileReport): string {
  expect(report.rows).toEqual([]);
  expect(report.rejected).toHaveLength(1);
  expect(report.rejected[0]).toMatchObject({ line: 1, column: null });
  return report.rejected[0].reason;
}

/** Every message of a report is short enough to show, however long the file's cells. */
function expectShortMessages(report: ResultsFileReport): void {
  for (const r of report.rejected) {
    expect(r.reason.length).toBeLessThanOrEqual(700);
    expect((r.column ?? '').length).toBeLessThanOrEqual(300);
  }
  for (const warning of report.warnings) expect(warning.length).toBeLessThanOrEqual(2_500);
  for (const issue of report.unitIssues) expect(issue.name.length).toBeLessThanOrEqual(300);
}

describe('files refused whole, each with a reason that names the limit', () => {
  it('a 200 MB file: refused by its size before anything is decoded', async () => {
    const { report, ms } = await read('ผลทั้งประเทศ.csv', new Uint8Array(200 * 1024 * 1024));
    const reason = refusal(report);
    expect(reason).toContain('200 MB');
    expect(reason).toContain(sizeText(MAX_RESULTS_FILE_BYTES));
    expect(reason).toBe(fileSizeProblem(200 * 1024 * 1024, MAX_RESULTS_FILE_BYTES, 'results'));
    expect(ms).toBeLessThan(500);
  });

  it('a file of exactly the limit is read (the limit is inclusive)', async () => {
    const bytes = new Uint8Array(MAX_RESULTS_FILE_BYTES).fill(0x20);
    bytes.set(utf8(HEADER + 'บางคล้า,T2,2565-04,4\n'));
    const { report } = await read('ใหญ่.csv', bytes);
    expect(report.rows).toHaveLength(1);
  }, 30_000);

  it('a workbook that unzips to more than 200 MB: refused from its zip directory, never inflated', async () => {
    const bomb = zipOfZeros(21, 10 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(500_000);
    expect(zipUnzippedSize(bomb)).toBe(210 * 1024 * 1024);
    const { report, ms } = await read('ผล.xlsx', bomb);
    const reason = refusal(report);
    expect(reason).toContain(sizeText(MAX_WORKBOOK_UNZIPPED_BYTES));
    expect(reason).toContain('210 MB');
    expect(report.format).toBe('xlsx');
    expect(ms).toBeLessThan(500);
  });

  it('a real workbook passes the zip check', async () => {
    const xlsx = writeXlsx([
      {
        name: 'ผล',
        rows: [
          ['อำเภอ', 'ตัวชี้วัด', 'เดือน', 'ผล'],
          ['บางคล้า', 'T2', '2565-04', 4]
        ]
      }
    ]);
    expect(zipUnzippedSize(xlsx)).toBeGreaterThan(0);
    expect(zipUnzippedSize(xlsx)).toBeLessThan(100_000);
    const { report } = await read('ผล.xlsx', xlsx);
    expect(report.rows.map((r) => r.value)).toEqual([4]);
  });

  it('a table of 10,000 columns: refused, naming the count and the limit', async () => {
    const header = ['อำเภอ', 'เดือน', ...Array.from({ length: 9_998 }, (_, i) => `T${i}`)];
    const line = ['บางคล้า', '2565-04', ...Array.from({ length: 9_998 }, (_, i) => String(i))];
    const { report, ms } = await read('กว้าง.csv', utf8(`${header.join(',')}\n${line.join(',')}\n`.repeat(1)));
    const reason = refusal(report);
    expect(reason).toContain('10,000 คอลัมน์');
    expect(reason).toContain(`${MAX_COLUMNS.toLocaleString('en-US')} คอลัมน์`);
    expect(ms).toBeLessThan(2_000);
  });

  it('trailing empty columns (an Excel export of formatted cells) do not count as columns', async () => {
    const blanks = ','.repeat(16_000);
    const { report } = await read(
      'excel.csv',
      utf8(`${HEADER.trim()}${blanks}\nบางคล้า,T2,2565-04,4${blanks}\n`)
    );
    expect(report.rows.map((r) => r.value)).toEqual([4]);
  });

  it('random bytes: refused as not a text file, quickly', async () => {
    let seed = 7;
    const bytes = new Uint8Array(1_000_000).map(() => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed >>> 23;
    });
    const { report, ms } = await read('random.bin', bytes);
    expect(refusal(report)).toMatch(/^ไฟล์นี้ไม่ใช่ไฟล์ข้อความ CSV \(มีอักขระ NUL [\d,]+ ตัว\)/);
    expect(ms).toBeLessThan(2_000);
  });

  it('a file of NUL bytes: refused as not a text file', async () => {
    expect(refusal((await read('nul.csv', new Uint8Array(4096))).report)).toContain('อักขระ NUL 4,096 ตัว');
  });

  it('more than 50,000 problems: reading stops and the file is refused whole, keeping the problems found', async () => {
    const lines = Array.from({ length: 120_000 }, (_, i) => `บางคล้า,T2,2565-04,ไม่ใช่ตัวเลข${i}`);
    const { report, ms } = await read('ผิดกรอบ.csv', utf8(HEADER + lines.join('\n')));
    expect(report.rows).toEqual([]);
    expect(report.rejected).toHaveLength(MAX_REJECTIONS + 1);
    const first = report.rejected[0];
    expect(first.reason).toContain(`หยุดอ่านที่บรรทัด ${(MAX_REJECTIONS + 2).toLocaleString('en-US')}`);
    expect(first.reason).toContain(`เกิน ${MAX_REJECTIONS.toLocaleString('en-US')} แถว`);
    expect(first.reason).toContain('ไม่นำเข้าไฟล์นี้เลย');
    expect(first).toMatchObject({ line: 1, column: null });
    expect(report.rejected.at(-1)!.line).toBe(MAX_REJECTIONS + 1);
    expect(ms).toBeLessThan(20_000);
  }, 30_000);
});

describe('broken lines: rejected one by one with a short, clear reason', () => {
  it('a line of 1 MB: the reason quotes the start and the end of the cell and says how much was cut', async () => {
    const huge = 'ก'.repeat(1_000_000);
    const text = `${HEADER}บางคล้า,T2,2565-04,4\n${huge},T2,2565-04,5\nบางปะกง,T2,2565-04,${huge}\n`;
    const { report } = await read('ยาว.csv', utf8(text));
    expect(report.rows.map((r) => r.value)).toEqual([4]);
    expect(report.rejected.map((r) => r.line)).toEqual([3, 4]);
    expectShortMessages(report);
    expect(report.rejected[0].reason).toMatch(/^ไม่พบอำเภอ "ก+ … \(ตัดออก [\d,]+ ตัวอักษร\) … ก+/);
    expect(JSON.stringify(report).length).toBeLessThan(10_000);
  });

  it('a header of 1,000 unknown long names: the warning lists 20 and counts the rest', async () => {
    const extra = Array.from({ length: 1_000 }, (_, i) => `คอลัมน์แปลก${i}${'x'.repeat(500)}`);
    const text = `${HEADER.trim()},${extra.join(',')}\nบางคล้า,T2,2565-04,4\n`;
    const { report } = await read('หัวยาว.csv', utf8(text));
    expect(report.rows).toHaveLength(1);
    expectShortMessages(report);
    expect(report.warnings.join('\n')).toContain('และอีก 980 รายการ');
  });

  it('a stray NUL byte: only its line is rejected, and the NUL is shown as ␀', async () => {
    const { report } = await read('nul.csv', utf8(`${HEADER}บางคล้า,T2,2565-04,4\nบาง\0ปะกง,T2,2565-04,5\n`));
    expect(report.rows).toHaveLength(1);
    expect(report.rejected.map((r) => r.reason)).toEqual([expect.stringContaining('"บาง␀ปะกง"')]);
  });

  it.each([
    ['=SUM(A1:A3)', 'ไม่ใช่ตัวเลข: "=SUM(A1:A3)"'],
    ['=1+1', 'ไม่ใช่ตัวเลข: "=1+1"'],
    ['#DIV/0!', 'ค่าผิดพลาดจาก Excel: #DIV/0!'],
    ['#REF!', 'ค่าผิดพลาดจาก Excel: #REF!'],
    ['@SUM(1)', 'ไม่ใช่ตัวเลข: "@SUM(1)"']
  ])('a formula or an Excel error %j in a value is rejected: %s', async (cell, reason) => {
    const { report } = await read('สูตร.csv', utf8(`${HEADER}บางคล้า,T2,2565-04,"${cell}"\n`));
    expect(report.rows).toEqual([]);
    expect(report.rejected.map((r) => r.reason)).toEqual([expect.stringContaining(reason)]);
  });

  it('a formula as a district name is an unknown district, not run', async () => {
    const { report } = await read(
      'สูตร.csv',
      utf8(`${HEADER}"=HYPERLINK(""http://x.invalid"",""บางคล้า"")",T2,2565-04,4\n`)
    );
    expect(report.rows).toEqual([]);
    expect(report.rejected[0].reason).toContain('ไม่พบอำเภอ "=HYPERLINK("http://x.invalid","บางคล้า")"');
  });
});

describe('encodings, whole and cut', () => {
  const body = `${HEADER}บางคล้า,T2,2565-04,4\nบางปะกง,T2,2565-04,3\nราชสาส์น,T2,2565-04,5\n`;

  it('UTF-8 cut inside the last Thai letter: the cut line is rejected, the others read', async () => {
    const bytes = utf8(body.trimEnd() + '\nท่าตะเกียบ');
    const { report } = await read('ตัด.csv', bytes.subarray(0, bytes.length - 1));
    expect(report.encoding).toBe('utf-8');
    expect(report.rows.map((r) => r.value)).toEqual([4, 3, 5]);
    expect(report.rejected.map((r) => r.line)).toEqual([5]);
  });

  it('UTF-8 cut at every byte of a line: never throws, never invents a row beyond the cut', async () => {
    const bytes = utf8(body);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const { report } = await read('ตัด.csv', bytes.subarray(0, cut));
      expect(report.rows.length).toBeLessThanOrEqual(3);
      for (const row of report.rows) expect([4, 3, 5, 2]).toContain(row.value);
      expect(report.rejected.every((r) => r.line >= 1 && r.reason.length > 0)).toBe(true);
    }
  });

  it('Windows-874 whole and cut at every byte: Thai is read, the rows before the cut are exact', async () => {
    const bytes = windows874(body);
    expect((await read('874.csv', bytes)).report.encoding).toBe('windows-874');
    for (let cut = 0; cut <= bytes.length; cut++) {
      const { report } = await read('874.csv', bytes.subarray(0, cut));
      // A single-byte encoding cannot show a cut: the last line's number may be shortened (documented limit).
      const exact = report.rows.slice(0, -1).map((r) => r.value);
      expect([4, 3, 5].slice(0, exact.length)).toEqual(exact);
    }
  });

  it.each([
    ['UTF-16LE', true],
    ['UTF-16BE', false]
  ])('%s without a BOM is recognised and read', async (_name, little) => {
    const bytes = new Uint8Array(body.length * 2);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < body.length; i++) view.setUint16(i * 2, body.charCodeAt(i), little);
    const { report } = await read('u16.txt', bytes);
    expect(report.encoding).toBe(little ? 'utf-16le' : 'utf-16be');
    expect(report.rows.map((r) => r.value)).toEqual([4, 3, 5]);
  });
});

describe('dates in ten formats: the right month, or a clear reason — never a wrong month', () => {
  it.each([
    ['2565-06', '2022-06'],
    ['2022-06', '2022-06'],
    ['06/2565', '2022-06'],
    ['มิ.ย. 65', '2022-06'],
    ['มิถุนายน 2565', '2022-06'],
    ['15/06/2565', '2022-06'],
    ['2022-06-15', '2022-06'],
    ['Jun 2022', '2022-06'],
    ['June 2022', '2022-06'],
    ['๐๖/๒๕๖๕', '2022-06'],
    ['06/15/2022', '2022-06'], // a US date that only one order makes a date: 15 June
    ['06/05/2022', null], // 6 May or 5 June (US settings): refused, never guessed (issue 11)
    ['44713', null], // an Excel serial date written as a number
    ['2022-06-15T00:00:00Z', '2022-06'], // an ISO time stamp: its month
    ['6/22', null], // a two-digit year after a month number is ambiguous
    ['ก่อนสิ้นเดือน', null]
  ])('%j → %s', async (cell, month) => {
    const { report } = await read('วันที่.csv', utf8(`${HEADER}บางคล้า,T2,${cell},4\n`));
    if (month) expect(report.rows.map((r) => r.month)).toEqual([month]);
    else {
      expect(report.rows).toEqual([]);
      expect(report.rejected).toHaveLength(1);
      expect(report.rejected[0].column).toBe('เดือน');
      expect(report.rejected[0].reason).toMatch(/^(อ่านเดือนไม่ได้: "|เดือน .* อยู่นอกช่วง|เดือนอ่านได้สองแบบ: ")/);
    }
  });
});

describe('clipMessage', () => {
  it('keeps short texts, clips long ones to about the limit and shows NUL', () => {
    expect(clipMessage('abc')).toBe('abc');
    expect(clipMessage('a\0b')).toBe('a␀b');
    const clipped = clipMessage('x'.repeat(10_000), 100);
    expect(clipped.length).toBeLessThan(140);
    expect(clipped).toContain('(ตัดออก 9,910 ตัวอักษร)');
  });
});

describe('issue 11: one set of reading rules — the hostile files read alike by both readers', () => {
  it('the NUL-line file (48 lines with a NUL after line 700) is refused whole by both, with the same reason', async () => {
    const bytes = nulLinesFile();
    const { report } = await read('nul-lines.csv', bytes);
    expect(report.rows).toEqual([]);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0].reason).toMatch(/^ไฟล์นี้ไม่ใช่ไฟล์ข้อความ CSV \(มีอักขระ NUL 48 ตัว\)/);
    // Without its NUL lines the same file is read whole (the refusal is the NULs', not the rows').
    const text = new TextDecoder().decode(bytes);
    const clean = text
      .split('\n')
      .filter((line) => !line.includes('\0'))
      .join('\n');
    const { report: read1008 } = await read('demo.csv', utf8(clean));
    expect(read1008.rows).toHaveLength(1_008);
  });

  it('a line wider than the column limit: refused whole by both (the fast reader used to keep its clean rows)', async () => {
    const text = `${HEADER}บางคล้า,T2,2565-04,4\nบางปะกง,T2,2565-04,3${',1'.repeat(3_000)}\n`;
    const { report } = await read('กว้าง-แถว.csv', utf8(text));
    expect(refusal(report)).toContain(`${MAX_COLUMNS.toLocaleString('en-US')} คอลัมน์`);
  });

  it('600,000 bad lines (42 MB, e2e/hostile-files.e2e.ts): refused whole by both', async () => {
    const junk = hostileFiles().find((f) => f.name === 'ขยะ.csv')!;
    const { report } = await read(junk.name, junk.bytes());
    expect(report.rows).toEqual([]);
    expect(report.rejected).toHaveLength(MAX_REJECTIONS + 1);
  }, 180_000);

  it('every file of the catalogue (hostile-files.ts, e2e/support/hostile.ts included)', async () => {
    const hostile = readFrameworkFiles(
      hostileFramework().map((f) => ({ name: f.name, text: f.buffer.toString('utf8') })),
      { resolveUnit: (name, fw) => resolveFrameworkUnit(fw, name) !== null }
    ).framework!;
    expect(hostile).toBeTruthy();
    const files = hostileFiles({ cuts: 5 });
    expect(files.length).toBeGreaterThan(60);
    for (const file of files) {
      if (file.heavy) continue; // read above, one by one, with their own time limits
      await expectBothAlike(file.name, file.bytes(), file.framework === 'hostile' ? hostile : framework);
    }
  }, 120_000);
});
