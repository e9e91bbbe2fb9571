/**
 * Results files written by Python's csv and codecs modules (scripts/gen-python-fixtures.py, kept in
 * fixtures/python/), not by the project's writers (issue 11 §5): months as Excel with US settings writes
 * them, and district names whose Thai marks were typed out of order. Each line is read right or refused with
 * its line, column and reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openTempFileRegistry } from '../db/node-files';
import { openNodeNativeDb } from '../db/node-native';
import { builtinFramework } from '../frameworks/builtin';
import { createSchemaSql } from '../sql/schema';
import { readResultsFast } from './fast-results';
import { readResultsFile, type ResultsFileReport } from './read-file';

const framework = builtinFramework('chachoengsao-2565-r2')!; // FY2565 round 2: 2022-04 … 2022-09

const bytesOf = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/python/${name}`, import.meta.url)));

function read(name: string): Promise<ResultsFileReport> {
  return readResultsFile({ name, bytes: bytesOf(name) }, { framework });
}

describe('files written by Python', () => {
  it('us-dates.csv: a US date is read when only one order is a date, refused when both are', async () => {
    const report = await read('us-dates.csv');
    expect(report.encoding).toBe('utf-8');
    expect(report.rows.map((r) => [r.line, r.kpi, r.month])).toEqual([
      [3, 'T2', '2022-06'],
      [4, 'I1', '2022-06'],
      [5, 'I5', '2022-07'],
      [6, 'I9', '2022-06'],
      [7, 'T1', '2022-06']
    ]);
    expect(report.rejected).toEqual([
      {
        file: 'us-dates.csv',
        line: 2,
        column: 'เดือน',
        reason:
          'เดือนอ่านได้สองแบบ: "6/1/2022" เป็น 6 ม.ค. 2565 (วัน/เดือน/ปี) หรือ 1 มิ.ย. 2565 ' +
          '(เดือน/วัน/ปี แบบ Excel ที่ตั้งค่าภาษาอังกฤษสหรัฐฯ) — ไม่ได้เดาให้ ' +
          'เขียนเดือนให้ชัด: 2565-01 / ม.ค. 65 ถ้าหมายถึงมกราคม, 2565-06 / มิ.ย. 65 ถ้าหมายถึงมิถุนายน'
      },
      {
        file: 'us-dates.csv',
        line: 8,
        column: 'เดือน',
        reason: expect.stringMatching(/^เดือนอ่านได้สองแบบ: "06\/07\/2022" เป็น 6 ก\.ค\. 2565 .* 7 มิ\.ย\. 2565/)
      }
    ]);
  });

  it('marks-out-of-order.csv (Windows-874): names typed with marks out of order or twice are matched', async () => {
    const report = await read('marks-out-of-order.csv');
    expect(report.encoding).toBe('windows-874');
    expect(report.rejected).toEqual([]);
    expect(report.unitIssues).toEqual([]);
    expect(report.rows.map((r) => [r.line, r.unitId, r.kpi, r.value])).toEqual([
      [2, '2411', 'T1', 1], // คลองเขื่อน
      [3, '2405', 'T1', 2], // บ้านโพธิ์
      [4, '2403', 'T1', 3], // บางน้ำเปรี้ยว
      [5, '2402', 'T1', 4], // บางคล้า
      [6, '2409', 'T1', 5], // แปลงยาว
      [7, '2403', 'T2', 4] // บางน้ำเปรี้ยว
    ]);
  });

  it("DuckDB's fast reader gives the same rows and rejections", async () => {
    const db = await openNodeNativeDb();
    const files = await openTempFileRegistry();
    try {
      await db.exec(createSchemaSql());
      for (const name of ['us-dates.csv', 'marks-out-of-order.csv']) {
        await db.exec('CREATE OR REPLACE TEMP TABLE python_fast AS SELECT * FROM results LIMIT 0');
        const page = await read(name);
        const fast = await readResultsFast(
          db,
          files,
          { name, bytes: bytesOf(name) },
          { framework, table: 'python_fast' }
        );
        const stored = await db.query<{ unit_id: string; kpi: string; month: string; line: number }>(
          'SELECT unit_id, kpi, month, line FROM python_fast ORDER BY line, kpi'
        );
        expect(stored.map((r) => [r.line, r.unit_id, r.kpi, r.month])).toEqual(
          page.rows.map((r) => [r.line, r.unitId, r.kpi, r.month])
        );
        expect(fast.rejected).toEqual(page.rejected);
        expect(fast.warnings).toEqual(page.warnings);
      }
    } finally {
      await db.close();
      await files.close();
    }
  }, 60_000);
});
