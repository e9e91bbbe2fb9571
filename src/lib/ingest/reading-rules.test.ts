/**
 * The reading rules both results readers apply (issue 11): the SQL twins of the rules agree with them, the new
 * rules (value ranges, `%` notes, numbers split at their thousands separators) say what they should in both
 * readers, and files written by Python (its csv module and its codecs) are read right or refused — never read
 * silently wrong.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework, Kpi } from '../domain/framework';
import { readNumber } from '../domain/numbers';
import type { ResultRow } from '../domain/results';
import { stripInvisible } from '../domain/thai-text';
import { builtinFramework } from '../frameworks/builtin';
import { decodeText } from './decode';
import { demoLines, writePythonFiles } from './hostile-files';
import {
  PLAIN_NUMBER_SQL,
  SPLIT_GROUP_SQL,
  SPLIT_LEAD_SQL,
  binaryProblem,
  checkResultsFile,
  follows,
  leads,
  plainValueBounds,
  rangeText,
  splitCellsReason,
  takesPercentSign,
  valueNote,
  valueRangeProblem
} from './reading-rules';
import { openFastReader, readAlike, type FastReader } from './testing';

const seed = builtinFramework('chachoengsao-2565-r2')!; // FY2565 round 2: 2022-04 … 2022-09
const utf8 = (text: string) => new TextEncoder().encode(text);

let reader: FastReader;
beforeAll(async () => {
  reader = await openFastReader('native');
});
afterAll(() => reader.close());

const kpi = (more: Partial<Kpi>): Kpi => ({
  kpi: '2.1',
  name: 'ขั้นตอน',
  group: null,
  weight: 10,
  scale: '1-5',
  measure: 'value',
  aggregate: 'last',
  interpolate: false,
  targetLevel: null,
  parent: null,
  combine: null,
  ...more
});

describe('the SQL twins of the rules', () => {
  it('PLAIN_NUMBER_SQL: every cell it takes is what readNumber reads as Number(cell), without a %', () => {
    const plain = new RegExp(`^(?:${PLAIN_NUMBER_SQL})$`);
    const cell = fc.oneof(
      fc.stringMatching(plain),
      fc.string({
        unit: fc.constantFrom('0', '1', '9', '.', '-', '+', 'e', ' ', ',', '%', '๕'),
        maxLength: 12
      })
    );
    fc.assert(
      fc.property(cell, (text) => {
        if (!plain.test(text)) return;
        const read = readNumber(text);
        expect(read).toEqual({ ok: true, value: Number(text) === 0 ? 0 : Number(text), percent: false });
      }),
      { numRuns: 3_000 }
    );
  });

  it('SPLIT_LEAD_SQL / SPLIT_GROUP_SQL (run in DuckDB) hold every raw cell that leads / follows holds once stripped, and exactly those of plain cells', async () => {
    const around = fc.constantFrom('', ' ', '\u200B', '\u00A0', '\uFEFF');
    const digit = fc.constantFrom('0', '1', '7', '๓', '๙');
    const group = fc
      .tuple(around, fc.array(digit, { minLength: 3, maxLength: 3 }), fc.constantFrom('', '.', '.5', '.๒๕'))
      .chain(([a, d, decimals]) =>
        fc
          .tuple(around, fc.constantFrom('', '%', ' %', ')', 'บาท'))
          .map(([b, tail]) => a + d.join('') + decimals + tail + b)
      );
    const lead = fc
      .tuple(
        around,
        fc.constantFrom('', '-', '(', '฿', '+'),
        fc.array(digit, { minLength: 1, maxLength: 3 }),
        around
      )
      .map(([a, sign, d, b]) => a + sign + d.join('') + b);
    const noise = fc.string({
      unit: fc.constantFrom(
        '1',
        '7',
        '๓',
        '0',
        '.',
        '-',
        '(',
        ')',
        '฿',
        '%',
        ' ',
        '\u200B',
        '\u00A0',
        'บาท',
        'a'
      ),
      maxLength: 9
    });
    const plainish = fc.stringMatching(/^-?[0-9]{1,5}(\.[0-9]{0,3})?$/);
    const cells = fc.sample(fc.oneof(group, lead, noise, plainish), { numRuns: 6_000, seed: 11 });
    const plain = `regexp_full_match(c, '${PLAIN_NUMBER_SQL}')`;
    await reader.db.exec('CREATE OR REPLACE TEMP TABLE split_cells (i INTEGER, c VARCHAR)');
    await reader.db.insertRows(
      'split_cells',
      [
        { name: 'i', type: 'INTEGER' },
        { name: 'c', type: 'VARCHAR' }
      ],
      cells.map((c, i) => [i, c])
    );
    const flags = await reader.db.query<{ i: number; lead: boolean; group: boolean }>(
      `SELECT i, ${SPLIT_LEAD_SQL('c', plain)} AS lead, ${SPLIT_GROUP_SQL('c', plain)} AS "group" FROM split_cells ORDER BY i`
    );
    let leading = 0;
    let following = 0;
    for (const { i, lead, group } of flags) {
      const stripped = stripInvisible(cells[i]);
      if (new RegExp(`^(?:${PLAIN_NUMBER_SQL})$`).test(cells[i])) {
        expect([lead, group], JSON.stringify(cells[i])).toEqual([leads(stripped), follows(stripped)]);
      }
      if (leads(stripped)) {
        leading++;
        expect(lead, JSON.stringify(cells[i])).toBe(true);
      }
      if (follows(stripped)) {
        following++;
        expect(group, JSON.stringify(cells[i])).toBe(true);
      }
    }
    expect(leading).toBeGreaterThan(500);
    expect(following).toBeGreaterThan(500);
    await reader.db.exec('DROP TABLE split_cells');
  });

  it('plainValueBounds: inside them the rules say nothing of a value (no rejection, no note)', () => {
    const kpis = fc.record({
      measure: fc.constantFrom('value', 'pct_of_target', 'growth_pct', 'rank_desc', 'rank_asc'),
      unitLabel: fc.constantFrom(null, 'ร้อยละ', '%', 'ขั้นตอน', 'บาท', ' ร้อยละ '),
      min: fc.option(fc.integer({ min: -100, max: 100 }), { nil: null }),
      max: fc.option(fc.integer({ min: -100, max: 300 }), { nil: null })
    });
    fc.assert(
      fc.property(
        kpis,
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.boolean(),
        (more, value, percent) => {
          const k = kpi(more as Partial<Kpi>);
          const { low, high } = plainValueBounds(k);
          if ((low !== null && value < low) || (high !== null && value > high)) return;
          expect(valueRangeProblem(k, value, 'ผล')).toBeNull();
          expect(valueNote(k, value, percent && takesPercentSign(k))).toBeNull();
        }
      ),
      { numRuns: 3_000 }
    );
  });

  it('checkResultsFile counts NUL bytes and decides as binaryProblem on the decoded text', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 3_000 }),
      fc
        .array(fc.constantFrom('บางคล้า,', 'T1,', '5\n', '\0', 'a', '\uFEFF'), { maxLength: 800 })
        .map((parts) => utf8(parts.join('')))
    );
    fc.assert(
      fc.property(bytes, (file) => {
        const check = checkResultsFile(file);
        if (check.format === 'xlsx') return;
        expect(check.refusal?.reason ?? null).toBe(binaryProblem(decodeText(file).text));
      }),
      { numRuns: 2_000 }
    );
  });
});

describe('value ranges and percentages', () => {
  it('names the range in Thai with the unit', () => {
    expect(rangeText(kpi({ min: 0, max: 5, unitLabel: 'ขั้นตอน' }))).toBe('0–5 ขั้นตอน');
    expect(rangeText(kpi({ min: 0, max: 100, unitLabel: 'ร้อยละ' }))).toBe('ร้อยละ 0–100');
    expect(rangeText(kpi({ min: 0, unitLabel: 'ครัวเรือน' }))).toBe('ตั้งแต่ 0 ครัวเรือน ขึ้นไป');
    expect(rangeText(kpi({ max: 5 }))).toBe('ไม่เกิน 5');
    expect(valueRangeProblem(kpi({ min: 0, max: 5, unitLabel: 'ขั้นตอน' }), 7, 'ผล')).toEqual({
      column: 'ผล',
      reason: 'ค่า 7 อยู่นอกช่วงที่รับได้ของตัวชี้วัด 2.1 (0–5 ขั้นตอน)'
    });
    expect(valueRangeProblem(kpi({ min: 0, max: 5 }), 5, 'ผล')).toBeNull();
    expect(valueRangeProblem(kpi({ min: 0, max: null }), -0.5, 'ผล')?.reason).toContain('ค่า -0.5');
    expect(valueRangeProblem(kpi({}), -1e9, 'ผล')).toBeNull();
  });

  it('a % on a KPI that is not a percentage, or over 100 on one that is (no max), is a note', () => {
    expect(valueNote(kpi({ unitLabel: 'บาท' }), 95, true)).toBe('percent-sign');
    expect(valueNote(kpi({ unitLabel: 'ร้อยละ' }), 95, true)).toBeNull();
    expect(valueNote(kpi({ measure: 'pct_of_target', unitLabel: 'บาท' }), 95, true)).toBeNull();
    expect(valueNote(kpi({ unitLabel: 'ร้อยละ' }), 120, false)).toBe('over-100');
    expect(valueNote(kpi({ unitLabel: 'ร้อยละ', max: 150 }), 120, false)).toBeNull();
    // A percent-of-target KPI reports amounts (its percentage is computed): 120 is fine.
    expect(valueNote(kpi({ measure: 'pct_of_target', unitLabel: 'ร้อยละ' }), 120, false)).toBeNull();
  });

  const ranged: Framework = {
    ...seed,
    kpis: seed.kpis.map((k) =>
      k.kpi === 'T2'
        ? { ...k, min: 0, max: 5 }
        : k.kpi === 'I1'
          ? { ...k, min: 0 }
          : k.kpi === 'I4'
            ? { ...k, unitLabel: 'ร้อยละ', min: null, max: null }
            : k
    )
  };

  it('both readers reject a value outside the range with file, line, column and reason, and warn of % lines', async () => {
    const text =
      'อำเภอ,ตัวชี้วัด,เดือน,ผลการดำเนินงาน,ค่าเป้าหมาย\n' +
      'บางคล้า,T2,2565-04,7,\n' + // 7 steps of 5
      'บางคล้า,T2,2565-05,5,\n' +
      'บางคล้า,I1,2565-04,-3,\n' + // households < 0
      'บางคล้า,I1,2565-05,95%,\n' + // % on households
      'บางปะกง,I1,2565-05,12%,\n' +
      'บางคล้า,I4,2565-04,120,\n' + // over 100 on a percentage
      'บางคล้า,T1,2565-04,85%,100\n'; // % on percent of target: fine
    const { page } = await readAlike(reader, { name: 'ช่วง.csv', bytes: utf8(text) }, { framework: ranged });
    expect(page.rejected).toEqual([
      {
        file: 'ช่วง.csv',
        line: 2,
        column: 'ผลการดำเนินงาน',
        reason: 'ค่า 7 อยู่นอกช่วงที่รับได้ของตัวชี้วัด T2 (0–5 ขั้นตอน)'
      },
      {
        file: 'ช่วง.csv',
        line: 4,
        column: 'ผลการดำเนินงาน',
        reason: 'ค่า -3 อยู่นอกช่วงที่รับได้ของตัวชี้วัด I1 (ตั้งแต่ 0 ครัวเรือน ขึ้นไป)'
      }
    ]);
    expect(page.rows.map((r) => [r.line, r.value])).toEqual([
      [3, 5],
      [5, 95],
      [6, 12],
      [7, 120],
      [8, 85]
    ]);
    expect(page.warnings).toEqual([
      '2 แถวของตัวชี้วัด I1 เขียนเครื่องหมาย % แต่ตัวชี้วัดนี้ไม่ได้วัดเป็นร้อยละ (หน่วย: ครัวเรือน) — อ่านเป็นตัวเลขตามที่เขียน (85% เป็น 85) ตรวจว่ากรอกถูกตัวชี้วัดและถูกหน่วย (บรรทัด 5, 6)',
      '1 แถวของตัวชี้วัด I4 มีค่าเกิน 100 แต่ตัวชี้วัดนี้วัดเป็นร้อยละ — ตรวจว่าไม่ได้กรอกจำนวนแทนร้อยละ (บรรทัด 7)'
    ]);
  });

  it('beyond the lines the fast reader checks against the page reader (300), the rules hold the same', async () => {
    const districts = ['บางคล้า', 'บางปะกง', 'ราชสาส์น', 'แปลงยาว', 'บ้านโพธิ์', 'พนมสารคาม'];
    const kpis = ['T3', 'T5', 'I6', 'I7', 'I8', 'I9', 'I10'];
    const lines = ['อำเภอ,ตัวชี้วัด,เดือน,ผล,ค่าเป้าหมาย'];
    for (const month of ['2565-04', '2565-05', '2565-06', '2565-07', '2565-08', '2565-09'])
      for (const district of districts) for (const k of kpis) lines.push(`${district},${k},${month},3,`);
    lines.push('ท่าตะเกียบ,T2,2565-04,6,', 'ท่าตะเกียบ,I1,2565-04,5%,', 'ท่าตะเกียบ,T2,2565-05,5,450');
    const both = await readAlike(
      reader,
      { name: 'ยาว.csv', bytes: utf8(lines.join('\n')) },
      { framework: ranged }
    );
    expect(both.fast.path).toBe('fast');
    expect(both.fast.fastRows).toBe(252);
    expect(both.page.rejected.map((r) => r.line)).toEqual([254, 256]);
    expect(both.page.rejected[0].reason).toBe('ค่า 6 อยู่นอกช่วงที่รับได้ของตัวชี้วัด T2 (0–5 ขั้นตอน)');
    expect(both.page.rejected[1].reason).toMatch(/^"5" \(ผล\) กับ "450" \(ค่าเป้าหมาย\) อาจเป็นตัวเลขเดียว 5,450/);
    expect(both.page.warnings).toHaveLength(1);
  });
});

describe('numbers split at their thousands separators, in files written by Python', () => {
  let dir: string;
  const files = new Map<string, Uint8Array>();
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'scoreboard-py-'));
    for (const name of await writePythonFiles(dir)) files.set(name, readFileSync(path.join(dir, name)));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const demo = demoLines();
  /** Demo lines (2…1,009) that hold a figure of 1,000 or more (written with a thousands separator). */
  const grouped = new Set(
    demo.flatMap((line, i) =>
      i > 0 &&
      line
        .split(',')
        .slice(3)
        .some((cell) => Math.abs(Number(cell)) >= 1000)
        ? [i + 1]
        : []
    )
  );
  const demoRow = new Map<number, string[]>(demo.map((line, i) => [i + 1, line.split(',')]));
  /** Every accepted row holds the demo's figures for its line: nothing is read silently wrong. */
  const expectTrueRows = (rows: readonly ResultRow[]) => {
    for (const row of rows) {
      const [, , , value, target, baseline] = demoRow.get(row.line)!;
      const figure = (cell: string | undefined) => (cell === undefined || cell === '' ? null : Number(cell));
      expect([row.line, row.value, row.target, row.baseline]).toEqual([
        row.line,
        figure(value),
        figure(target),
        figure(baseline)
      ]);
    }
  };

  it('quoted by csv.writer: read exactly like the demo', async () => {
    expect(grouped.size).toBeGreaterThan(50); // 123 in the demo of this writing
    const { page } = await readAlike(
      reader,
      { name: 'py-csv.csv', bytes: files.get('py-csv.csv')! },
      { framework: seed }
    );
    expect(page.rows).toHaveLength(1_008);
    expect(page.rejected).toEqual([]);
    expectTrueRows(page.rows);
  });

  it.each(['py-split.csv', 'py-split-874.csv'])(
    '%s (`…,732,113.47,,`): every split line refused with the reason, the others read',
    async (name) => {
      const { page } = await readAlike(reader, { name, bytes: files.get(name)! }, { framework: seed });
      expectTrueRows(page.rows);
      expect(page.rows).toHaveLength(1_008 - grouped.size);
      expect(new Set(page.rejected.map((r) => r.line))).toEqual(grouped);
      for (const rejection of page.rejected) {
        expect(rejection.column).toBeNull();
        expect([splitCellsReason(7, 6), splitCellsReason(8, 6)]).toContain(rejection.reason);
      }
      expect(page.encoding).toBe(name.includes('874') ? 'windows-874' : 'utf-8');
    }
  );

  it('py-ragged.csv (empty end cells left out: `…,732,113.47`): split lines refused, nothing read wrong', async () => {
    const { page } = await readAlike(
      reader,
      { name: 'py-ragged.csv', bytes: files.get('py-ragged.csv')! },
      { framework: seed }
    );
    expectTrueRows(page.rows);
    const rejected = new Set(page.rejected.map((r) => r.line));
    for (const line of grouped) expect(rejected.has(line), `line ${line}`).toBe(true);
    for (const rejection of page.rejected) expect(rejection.reason).toContain('จุลภาคคั่นหลักพัน');
    // A genuine 1–3 digit value before a 3-digit target cannot be told from a split number in such a file:
    // refused too, with the reason (the count is what the demo holds).
    expect(page.rejected.length - grouped.size).toBeLessThan(60);
  });

  it('py-escaped.csv (`732\\,113.47`): refused as not a number, never read as 732', async () => {
    const { page } = await readAlike(
      reader,
      { name: 'py-escaped.csv', bytes: files.get('py-escaped.csv')! },
      { framework: seed }
    );
    expectTrueRows(page.rows);
    expect(new Set(page.rejected.map((r) => r.line))).toEqual(grouped);
    for (const rejection of page.rejected) expect(rejection.reason).toMatch(/ไม่ใช่ตัวเลข: ".*\\"/);
  });

  it('a value of 1–3 digits before a 3-digit group in a figure the KPI does not use: refused, both readings named', async () => {
    const text =
      'อำเภอ,ตัวชี้วัด,เดือน,ผลการดำเนินงาน,ค่าเป้าหมาย,ฐาน\nบางคล้า,T2,2565-04,4,500,\nบางคล้า,T1,2565-04,95,100,\n';
    const { page } = await readAlike(reader, { name: 'คั่น.csv', bytes: utf8(text) }, { framework: seed });
    expect(page.rows.map((r) => [r.kpi, r.value, r.target])).toEqual([['T1', 95, 100]]); // T1 uses its target
    expect(page.rejected).toEqual([
      {
        file: 'คั่น.csv',
        line: 2,
        column: 'ผลการดำเนินงาน',
        reason:
          '"4" (ผลการดำเนินงาน) กับ "500" (ค่าเป้าหมาย) อาจเป็นตัวเลขเดียว 4,500 ที่มีจุลภาคคั่นหลักพันแต่ไม่ได้ครอบด้วยเครื่องหมายคำพูด (") — ' +
          'ตัวชี้วัด T2 ไม่ใช้ค่าเป้าหมาย จึงอ่านแบบใดแบบหนึ่งไม่ได้: ถ้าเป็นตัวเลขเดียว ให้ครอบด้วยเครื่องหมายคำพูดหรือเขียนโดยไม่มีจุลภาค ' +
          'ถ้าเป็นสองค่า ให้ลบค่าเป้าหมายที่ไม่ได้ใช้ออก'
      }
    ]);
  });
});

describe('the fast reader', () => {
  it('a file with one number column and a value repeated on every line (was quadratic): read fast and alike', async () => {
    const lines = ['อำเภอ,ตัวชี้วัด,เดือน,ผล'];
    for (let i = 0; i < 20_000; i++) lines.push(`บางคล้า,T2,2565-0${4 + (i % 6)},${i % 2 === 0 ? '-' : '๓'}`);
    const started = performance.now();
    const both = await readAlike(
      reader,
      { name: 'ขีด.csv', bytes: utf8(lines.join('\n')) },
      { framework: seed }
    );
    // Three keys (the odd lines' months): the rest are duplicates or not reported.
    expect(both.page.rows).toHaveLength(3);
    expect(both.page.rejected).toHaveLength(10_000 - 3);
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 90_000);
});
