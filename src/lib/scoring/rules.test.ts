/**
 * DESIGN §4 rule by rule, on DuckDB-WASM (the browser's engine), with answers computed by hand and real
 * cases from the seed letters (the Thai line is quoted next to each). Every case is checked on the SQL and on
 * the reference scorer (reference.ts), so both are held to the hand-computed answer.
 *
 * Unless a test says otherwise: province ฉะเชิงเทรา (11 districts), FY2565 round 2 (seed 001), period
 * September 2022 (`2565-09`); seed 000 and 003 rules are replayed on the same districts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Framework, FrameworkIssue } from '../domain/framework';
import type { ResultRow } from '../domain/results';
import type { Db } from '../db/types';
import { openNodeWasmDb } from '../db/node-wasm';
import type { KpiStatus, LeagueTable } from './league';
import type { ReferenceRow } from './reference';
import {
  band,
  cellOf,
  composite,
  framework,
  item,
  kpi,
  ladder,
  referenceTable,
  result,
  rowOf,
  scoreOn,
  target,
  unit
} from './testing';
import { Workspace } from './workspace';

let db: Db;
let workspace: Workspace;
let counter = 0;

beforeAll(async () => {
  db = await openNodeWasmDb({ reuseModule: true });
  workspace = await Workspace.open(db);
});

afterAll(async () => {
  await db?.close();
});

const SEP = '2565-09';
const Q4 = 'FY2565-Q4';

interface Scored {
  table: LeagueTable;
  reference: ReferenceRow[];
  issues: FrameworkIssue[];
}

/** Scores on DuckDB-WASM and with the reference scorer; the framework gets a fresh id. */
async function scored(fw: Framework, rows: ResultRow[], periodId = SEP, group = '*'): Promise<Scored> {
  const fresh = { ...fw, id: `${fw.id}-${++counter}` };
  const renamed = rows.map((row) => ({ ...row }));
  const issues = await workspace.putFramework(fresh);
  const table = await scoreOn(workspace, fresh, renamed, periodId, group);
  return { table, reference: referenceTable(fresh, renamed, periodId, group), issues };
}

interface CellExpectation {
  level?: string | null;
  score?: number;
  status?: KpiStatus;
  measured?: number | null;
}

/** Checks one cell on both scorers against the hand-computed answer. */
function expectCell(s: Scored, unitName: string, kpiId: string, expected: CellExpectation): void {
  const ref = s.reference.find((row) => row.unitId === unit(unitName))?.kpis[kpiId];
  const sides = [
    ['sql', cellOf(s.table, unitName, kpiId)],
    ['reference', ref]
  ] as const;
  for (const [side, cell] of sides) {
    const at = `${side} ${unitName} ${kpiId}`;
    expect(cell, at).toBeDefined();
    if (!cell) continue;
    if (expected.level !== undefined) expect(cell.level, `${at} level`).toBe(expected.level);
    if (expected.status !== undefined) expect(cell.status, `${at} status`).toBe(expected.status);
    if (expected.score !== undefined) expect(cell.score, `${at} score`).toBeCloseTo(expected.score, 6);
    if (expected.measured === null) expect(cell.measured, `${at} measured`).toBeNull();
    else if (expected.measured !== undefined)
      expect(cell.measured, `${at} measured`).toBeCloseTo(expected.measured, 4);
  }
}

interface RowExpectation {
  rank?: number;
  total?: number;
  totalPct?: number | null;
  missing?: number;
}

function expectRow(s: Scored, unitName: string, expected: RowExpectation): void {
  const ref = s.reference.find((row) => row.unitId === unit(unitName));
  const sides = [
    ['sql', rowOf(s.table, unitName)],
    ['reference', ref]
  ] as const;
  for (const [side, row] of sides) {
    const at = `${side} ${unitName}`;
    expect(row, at).toBeDefined();
    if (!row) continue;
    if (expected.rank !== undefined) expect(row.rank, `${at} rank`).toBe(expected.rank);
    if (expected.total !== undefined) expect(row.total, `${at} total`).toBeCloseTo(expected.total, 6);
    if (expected.totalPct === null) expect(row.totalPct, `${at} total_pct`).toBeNull();
    else if (expected.totalPct !== undefined)
      expect(row.totalPct, `${at} total_pct`).toBeCloseTo(expected.totalPct, 6);
    if (expected.missing !== undefined) expect(row.missing, `${at} missing`).toBe(expected.missing);
  }
}

/** Row order (unit names) on both scorers. */
function expectOrder(s: Scored, names: string[]): void {
  expect(s.table.rows.map((row) => row.unit)).toEqual(names);
  expect(s.reference.map((row) => row.unit)).toEqual(names);
}

/** A 1–5 ladder `>=` 100/90/80/70/60 (level 5 … level 1). */
const FIVE_UP = [100, 90, 80, 70, 60];

// ---------------------------------------------------------------------------------------------------------
describe('§4.1 measure: value', () => {
  test.each([
    [125, '5', 5],
    [120, '5', 5],
    [105, '4', 4],
    [99, '3', 3],
    [80, '3', 3],
    [10, '2', 2]
  ])('seed 003: %d press releases → level %s', async (value, level, score) => {
    // seed 003: "ระดับ ๓ มีการดำเนินงานตามข้อ ๑ และมีการประชาสัมพันธ์งาน ๘๐ - ๙๙ ครั้ง ระดับ ๔ ... ๑๐๐ - ๑๑๙ ครั้ง
    // ระดับ ๕ ... ๑๒๐ ครั้ง ขึ้นไป" (level 2: "น้อยกว่า ๘๐ ครั้ง", level 1's order is not counted here).
    const fw = framework(
      'value',
      [kpi('pr')],
      [
        band('pr', 5, 5, '>=', 120),
        band('pr', 4, 4, 'between', 100, 119),
        band('pr', 3, 3, 'between', 80, 99),
        band('pr', 2, 2, 'between', 0, 79)
      ]
    );
    const s = await scored(fw, [result('บางคล้า', 'pr', '2022-09', value)]);
    expectCell(s, 'บางคล้า', 'pr', { measured: value, level, score, status: 'ok' });
  });
});

describe('§4.1 measure: pct_of_target (value ÷ target × 100)', () => {
  // seed 001, ตัวชี้วัดที่ ๒ (budget): "๑ ไม่น้อยกว่าร้อยละ ๘๐ ของงบประมาณที่ได้รับการจัดสรร … ๔ ไม่น้อยกว่าร้อยละ ๙๕ …
  // ๕ ร้อยละ ๑๐๐ ของงบประมาณที่ได้รับการจัดสรร"
  const budget = () =>
    framework(
      'budget',
      [kpi('budget', { measure: 'pct_of_target' })],
      ladder('budget', '>=', [100, 95, 90, 85, 80])
    );

  test('a district at 97% of its allocation reaches level 4', async () => {
    const s = await scored(budget(), [result('บางปะกง', 'budget', '2022-09', 97, { target: 100 })]);
    expectCell(s, 'บางปะกง', 'budget', { measured: 97, level: '4', score: 4, status: 'ok' });
  });

  test('seed 001 spending table (17 มิ.ย. 2565): used ÷ allocated, every district', async () => {
    // seed 001: "หน่วยงาน	งบบุคลากร	งบบริหาร	รวมงบประมาณทั้งสิ้น	เบิกจ่ายแล้ว	PO	รวมใช้ไป"
    // e.g. "บางปะกง	392,780.00	113,700.00	506,480.00	504,980.00	-	504,980.00"
    const table: [string, number, number, string | null, number][] = [
      // district, รวมใช้ไป, รวมงบประมาณทั้งสิ้น, level, rank (hand-computed %: see each line)
      ['บางปะกง', 504980, 506480, '4', 1], // 99.70%
      ['แปลงยาว', 392510, 395510, '4', 1], // 99.24%
      ['บ้านโพธิ์', 457700, 466870, '4', 1], // 98.04%
      ['เมืองฉะเชิงเทรา', 1087186, 1180440, '3', 4], // 92.10%
      ['คลองเขื่อน', 436974.72, 483150, '3', 4], // 90.44%
      ['พนมสารคาม', 724030, 856080, '1', 6], // 84.58%
      ['บางคล้า', 594515.04, 721070, '1', 6], // 82.45%
      ['บางน้ำเปรี้ยว', 473720, 595740, null, 8], // 79.52%
      ['สนามชัยเขต', 375610.89, 515020, null, 8], // 72.93%
      ['ท่าตะเกียบ', 719375.28, 1020155.28, null, 8], // 70.52%
      ['ราชสาส์น', 254115, 371500, null, 8] // 68.40%
    ];
    const rows = table.map(([name, used, allocated]) =>
      result(name, 'budget', '2022-06', used, { target: allocated })
    );
    const s = await scored(budget(), rows, 'FY2565-Q3');
    for (const [name, , , level, rank] of table) {
      expectCell(s, name, 'budget', { level, status: level === null ? 'below' : 'ok' });
      expectRow(s, name, { rank });
    }
    expectCell(s, 'บางปะกง', 'budget', { measured: 99.703838 });
    // Ties are listed by Thai name: บางปะกง, บ้านโพธิ์, แปลงยาว (แ is a leading vowel: sorted under ป).
    expectOrder(s, [
      'บางปะกง',
      'บ้านโพธิ์',
      'แปลงยาว',
      'คลองเขื่อน',
      'เมืองฉะเชิงเทรา',
      'บางคล้า',
      'พนมสารคาม',
      'ท่าตะเกียบ',
      'บางน้ำเปรี้ยว',
      'ราชสาส์น',
      'สนามชัยเขต'
    ]);
  });

  test('seed 001 debt reduction from a base is percent of target with the base as target', async () => {
    // seed 001, ตัวชี้วัดที่ ๙: "๔ อำเภอบริหารจัดการหนี้เกินกำหนดชำระลดลงได้ร้อยละ ๒๕ จากหนี้เกินกำหนดชำระ ณ วันที่ ๑ ตุลาคม ๒๕๖๔"
    // and "การหาร้อยละของหนี้เกินกำหนดชำระที่ลดลง C = A × 100 / B" (A reduced, B debt on 1 Oct 2564).
    const fw = framework(
      'debt',
      [kpi('debt', { measure: 'pct_of_target' })],
      ladder('debt', '>=', [30, 25, 20], {
        levels: ['5', '4', '3'],
        points: [5, 4, 3]
      })
    );
    const s = await scored(fw, [
      result('บางคล้า', 'debt', '2022-09', 27_000, { target: 100_000 }),
      result('บางปะกง', 'debt', '2022-09', 19_999, { target: 100_000 })
    ]);
    expectCell(s, 'บางคล้า', 'debt', { measured: 27, level: '4', score: 4 });
    expectCell(s, 'บางปะกง', 'debt', { measured: 19.999, level: null, score: 0, status: 'below' });
  });

  test('without a target (or with a zero target) there is nothing to band: missing, not below', async () => {
    const s = await scored(budget(), [
      result('บางคล้า', 'budget', '2022-09', 97),
      result('บางปะกง', 'budget', '2022-09', 97, { target: 0 })
    ]);
    expectCell(s, 'บางคล้า', 'budget', { measured: null, status: 'missing', score: 0 });
    expectCell(s, 'บางปะกง', 'budget', { measured: null, status: 'missing', score: 0 });
  });
});

describe('§4.1 measure: growth_pct ((value − baseline) ÷ baseline × 100)', () => {
  test.each([
    [10_500, 5, 'A'],
    [10_400, 4, null], // exactly 4%: not "more than 4%"
    [10_401, 4.01, 'A'],
    [9_000, -10, null]
  ])('seed 000 mission 5: sales %d against 10,000 → growth %d%%', async (value, growth, level) => {
    // seed 000, ภารกิจที่ ๕: "มียอดจำหน่ายผลิตภัณฑ์ OTOP เพิ่มขึ้น เมื่อเทียบกับยอดจำหน่ายของปี พ.ศ. ๒๕๖๖ … มากกว่าร้อยละ ๔"
    const fw = framework(
      'growth',
      [kpi('sales', { measure: 'growth_pct', scale: 'A-D' })],
      [band('sales', 'A', 4, '>', 4)]
    );
    const s = await scored(fw, [result('บางคล้า', 'sales', '2022-09', value, { baseline: 10_000 })]);
    expectCell(s, 'บางคล้า', 'sales', {
      measured: growth,
      level,
      score: level ? 4 : 0,
      status: level ? 'ok' : 'below'
    });
  });

  test('a zero baseline gives no growth: missing', async () => {
    const fw = framework('growth0', [kpi('sales', { measure: 'growth_pct' })], ladder('sales', '>', [4]));
    const s = await scored(fw, [result('บางคล้า', 'sales', '2022-09', 100, { baseline: 0 })]);
    expectCell(s, 'บางคล้า', 'sales', { measured: null, status: 'missing' });
  });
});

describe('§4.1 measure: rank_desc / rank_asc among the units that reported', () => {
  // seed 003, ตัวชี้วัดที่ ๓: "ระดับ ๓ ได้ลำดับคะแนนการส่งงานมากกว่าลำดับที่ ๑๐ ระดับ ๔ ได้ลำดับคะแนนการส่งงานอยู่ในลำดับที่ ๖-๑๐
  // ระดับ ๕ ได้ลำดับคะแนนการส่งงานอยู่ในลำดับที่ ๑-๕" — bands that start at level 3.
  const ranking = (measure: 'rank_desc' | 'rank_asc') =>
    framework(
      'rank',
      [kpi('reports', { measure })],
      [band('reports', 5, 5, '<=', 5), band('reports', 4, 4, '<=', 10), band('reports', 3, 3, 'any')]
    );
  const names = [
    'เมืองฉะเชิงเทรา',
    'บางคล้า',
    'บางน้ำเปรี้ยว',
    'บางปะกง',
    'บ้านโพธิ์',
    'พนมสารคาม',
    'ราชสาส์น',
    'สนามชัยเขต',
    'แปลงยาว',
    'ท่าตะเกียบ',
    'คลองเขื่อน'
  ];

  test('seed 003: 11 districts by report score, rank 1–5 → 5, 6–10 → 4, 11 → 3', async () => {
    // Scores 110, 100, …, 10: เมืองฉะเชิงเทรา is 1st, คลองเขื่อน 11th.
    const rows = names.map((name, i) => result(name, 'reports', '2022-09', 110 - 10 * i));
    const s = await scored(ranking('rank_desc'), rows);
    names.forEach((name, i) => {
      const level = i < 5 ? '5' : i < 10 ? '4' : '3';
      expectCell(s, name, 'reports', { measured: i + 1, level, score: Number(level) });
    });
  });

  test('rank_asc: 1 = lowest value (e.g. days late)', async () => {
    const rows = names.map((name, i) => result(name, 'reports', '2022-09', 110 - 10 * i));
    const s = await scored(ranking('rank_asc'), rows);
    expectCell(s, 'คลองเขื่อน', 'reports', { measured: 1, level: '5' });
    expectCell(s, 'เมืองฉะเชิงเทรา', 'reports', { measured: 11, level: '3' });
  });

  test('ties share a rank (competition ranking 1, 2, 2, 4) and non-reporting units are not ranked', async () => {
    const s = await scored(ranking('rank_desc'), [
      result('บางคล้า', 'reports', '2022-09', 90),
      result('บางปะกง', 'reports', '2022-09', 80),
      result('บ้านโพธิ์', 'reports', '2022-09', 80),
      result('คลองเขื่อน', 'reports', '2022-09', 70)
    ]);
    expectCell(s, 'บางคล้า', 'reports', { measured: 1 });
    expectCell(s, 'บางปะกง', 'reports', { measured: 2 });
    expectCell(s, 'บ้านโพธิ์', 'reports', { measured: 2 });
    expectCell(s, 'คลองเขื่อน', 'reports', { measured: 4, level: '5' });
    expectCell(s, 'ราชสาส์น', 'reports', { measured: null, status: 'missing', level: null, score: 0 });
  });

  test('ranks the aggregated value of the period (sum over the quarter)', async () => {
    const fw = framework(
      'rank-sum',
      [kpi('reports', { measure: 'rank_desc', aggregate: 'sum' })],
      [band('reports', 5, 5, '<=', 1), band('reports', 4, 4, 'any')]
    );
    const s = await scored(
      fw,
      [
        result('บางคล้า', 'reports', '2022-07', 50),
        result('บางคล้า', 'reports', '2022-08', 50),
        result('บางปะกง', 'reports', '2022-09', 90)
      ],
      Q4
    );
    expectCell(s, 'บางคล้า', 'reports', { measured: 1, level: '5' });
    expectCell(s, 'บางปะกง', 'reports', { measured: 2, level: '4' });
  });

  test('regression: equal sums tie even when floating-point addition order differs (0.1+0.2+0.3)', async () => {
    // 0.1 + 0.2 + 0.3 = 0.6000000000000001 but 0.3 + 0.2 + 0.1 = 0.6 in doubles.
    const fw = framework(
      'rank-float',
      [kpi('r', { measure: 'rank_desc', aggregate: 'sum' })],
      [band('r', 5, 5, '<=', 1), band('r', 4, 4, 'any')]
    );
    const s = await scored(
      fw,
      [
        result('บางคล้า', 'r', '2022-07', 0.1),
        result('บางคล้า', 'r', '2022-08', 0.2),
        result('บางคล้า', 'r', '2022-09', 0.3),
        result('บางปะกง', 'r', '2022-07', 0.3),
        result('บางปะกง', 'r', '2022-08', 0.2),
        result('บางปะกง', 'r', '2022-09', 0.1)
      ],
      Q4
    );
    expectCell(s, 'บางคล้า', 'r', { measured: 1, level: '5' });
    expectCell(s, 'บางปะกง', 'r', { measured: 1, level: '5' });
  });
});

// ---------------------------------------------------------------------------------------------------------
describe('§4.2 bands: every op at its edges', () => {
  test.each([
    ['>=', 80, null, 80, true],
    ['>=', 80, null, 79.99, false],
    ['>', 80, null, 80, false],
    ['>', 80, null, 80.01, true],
    ['<=', 20, null, 20, true],
    ['<=', 20, null, 20.01, false],
    ['<', 20, null, 20, false],
    ['<', 20, null, 19.99, true],
    ['between', 17, 19, 17, true],
    ['between', 17, 19, 19, true],
    ['between', 17, 19, 19.5, false],
    ['between', 17, 19, 16.99, false],
    ['any', null, null, -1000, true]
  ] as const)('%s %s %s holds for %d: %s', async (op, value, value2, measured, holds) => {
    const fw = framework('op', [kpi('k')], [band('k', 5, 5, op, value, value2)]);
    const s = await scored(fw, [result('บางคล้า', 'k', '2022-09', measured)]);
    expectCell(
      s,
      'บางคล้า',
      'k',
      holds ? { level: '5', score: 5, status: 'ok' } : { level: null, score: 0, status: 'below' }
    );
  });

  test('a value just under a threshold by floating-point noise still reaches it (rounded to 9 decimals)', async () => {
    // 0.1 + 0.2 = 0.30000000000000004 and 0.7 × 100 ÷ 1 … : 80% of a target computed as 0.8 × 100 = 80.00000000000001.
    const fw = framework('noise', [kpi('k', { measure: 'pct_of_target' })], ladder('k', '<=', [80]));
    const s = await scored(fw, [result('บางคล้า', 'k', '2022-09', 0.8, { target: 1 })]);
    expectCell(s, 'บางคล้า', 'k', { measured: 80, level: '1', status: 'ok' });
  });

  test('seed 000 mission 9: a floor band (D, "less than 15") catches everything below C', async () => {
    // seed 000: "หลักเกณฑ์การคิดคะแนน ๒๐ คะแนน = ระดับ A , ๑๗ - ๑๙ = ระดับ B, ๑๕ - ๑๖ = ระดับ C, น้อยกว่า ๑๕ คะแนน = ระดับ D"
    const fw = framework(
      'floor',
      [kpi('m9', { scale: 'A-D' })],
      [
        band('m9', 'A', 4, '>=', 20),
        band('m9', 'B', 3, 'between', 17, 19),
        band('m9', 'C', 2, 'between', 15, 16),
        band('m9', 'D', 1, 'any')
      ]
    );
    const s = await scored(fw, [
      result('บางคล้า', 'm9', '2022-09', 20),
      result('บางปะกง', 'm9', '2022-09', 17),
      result('บ้านโพธิ์', 'm9', '2022-09', 16),
      result('คลองเขื่อน', 'm9', '2022-09', 14)
    ]);
    expectCell(s, 'บางคล้า', 'm9', { level: 'A', score: 4 });
    expectCell(s, 'บางปะกง', 'm9', { level: 'B', score: 3 });
    expectCell(s, 'บ้านโพธิ์', 'm9', { level: 'C', score: 2 });
    expectCell(s, 'คลองเขื่อน', 'm9', { level: 'D', score: 1, status: 'ok' });
  });

  test('seed 003: bands that start at level 3; below level 3 is below every band, not level 1', async () => {
    // seed 003, ตัวชี้วัดที่ ๕ (กลุ่มออมทรัพย์): "ระดับ ๓ มีแผนการจัดตั้งและพัฒนากลุ่มออมทรัพย์เพื่อการผลิต ระดับ ๔ …
    // ระดับ ๕ …" — milestones reported as the number of steps done (3, 4, 5).
    const fw = framework(
      'from3',
      [kpi('savings')],
      ladder('savings', '>=', [5, 4, 3], { points: [5, 4, 3] })
    );
    const s = await scored(fw, [
      result('บางคล้า', 'savings', '2022-09', 4),
      result('บางปะกง', 'savings', '2022-09', 2)
    ]);
    expectCell(s, 'บางคล้า', 'savings', { level: '4', score: 4 });
    expectCell(s, 'บางปะกง', 'savings', { level: null, score: 0, status: 'below' });
    expectRow(s, 'บางคล้า', { total: 4, totalPct: 80 });
  });

  test('seed 001: lower is better (households remaining at most 35% … 15%)', async () => {
    // seed 001, ตัวชี้วัดที่ ๑: "๑ ครัวเรือนยากจนเป้าหมายที่มีรายได้ต่ำกว่าเกณฑ์ จปฐ. คงเหลือไม่เกินร้อยละ ๓๕ …
    // ๕ … คงเหลือไม่เกินร้อยละ ๑๕"
    const fw = framework('down', [kpi('poor')], ladder('poor', '<=', [15, 20, 25, 30, 35]));
    const s = await scored(fw, [
      result('บางคล้า', 'poor', '2022-09', 12),
      result('บางปะกง', 'poor', '2022-09', 22),
      result('บ้านโพธิ์', 'poor', '2022-09', 36)
    ]);
    expectCell(s, 'บางคล้า', 'poor', { level: '5', score: 5 });
    expectCell(s, 'บางปะกง', 'poor', { level: '3', score: 3 });
    expectCell(s, 'บ้านโพธิ์', 'poor', { level: null, status: 'below' });
  });

  test('bands are tried best first, whatever order the framework lists them in', async () => {
    const fw = framework(
      'order',
      [kpi('k')],
      [
        ...ladder('k', '>=', [60, 70, 80, 90, 100], {
          points: [1, 2, 3, 4, 5],
          levels: ['1', '2', '3', '4', '5']
        })
      ]
    );
    const s = await scored(fw, [result('บางคล้า', 'k', '2022-09', 95)]);
    expectCell(s, 'บางคล้า', 'k', { level: '4', score: 4 });
  });
});

describe('§4.2 per-unit bands replace the general band of the same level', () => {
  // seed 001: "อำเภอ	จำนวนครัวเรือนเป้าหมายคงเหลือตามระดับคะแนน" with rows
  // "เมืองฉะเชิงเทรา	๖๗	๕๘	๔๘	๓๘	๒๙", "บางคล้า	๒๓	๒๐	๑๗	๑๓	๑๐", "สนามชัยเขต	๑๔๖	๑๒๕	๑๐๔	๘๓	๖๒"
  const own = (name: string, limits: number[]) => ladder('poor', '<=', [...limits].reverse(), { unit: name });
  const households = () =>
    framework(
      'households',
      [kpi('poor')],
      [
        ...ladder('poor', '<=', [15, 20, 25, 30, 35]),
        ...own('เมืองฉะเชิงเทรา', [67, 58, 48, 38, 29]),
        ...own('บางคล้า', [23, 20, 17, 13, 10]),
        ...own('สนามชัยเขต', [146, 125, 104, 83, 62])
      ]
    );

  test('seed 001: เมืองฉะเชิงเทรา with 38 households remaining is level 4 under its own table', async () => {
    const s = await scored(households(), [
      result('เมืองฉะเชิงเทรา', 'poor', '2022-09', 38),
      result('บางคล้า', 'poor', '2022-09', 13),
      result('สนามชัยเขต', 'poor', '2022-09', 90),
      result('บางปะกง', 'poor', '2022-09', 38)
    ]);
    expectCell(s, 'เมืองฉะเชิงเทรา', 'poor', { level: '4', score: 4 });
    expectCell(s, 'บางคล้า', 'poor', { level: '4', score: 4 });
    expectCell(s, 'สนามชัยเขต', 'poor', { level: '3', score: 3 });
    // บางปะกง has no table of its own: the general bands (at most 35) leave 38 below every band.
    expectCell(s, 'บางปะกง', 'poor', { level: null, status: 'below' });
  });

  test('a unit band for one level replaces only that level', async () => {
    // คลองเขื่อน's own level 5 is "at most 7" (seed 001's row "คลองเขื่อน	๑๗	๑๕	๑๒	๑๐	๗"); levels 1–4 stay general.
    const fw = framework(
      'partial',
      [kpi('poor')],
      [...ladder('poor', '<=', [15, 20, 25, 30, 35]), band('poor', 5, 5, '<=', 7, null, 'คลองเขื่อน')]
    );
    const s = await scored(fw, [
      result('คลองเขื่อน', 'poor', '2022-09', 10),
      result('คลองเขื่อน', 'poor', '2022-08', 7),
      result('บางคล้า', 'poor', '2022-09', 10)
    ]);
    expectCell(s, 'คลองเขื่อน', 'poor', { level: '4', score: 4 });
    expectCell(s, 'บางคล้า', 'poor', { level: '5', score: 5 });
    const august = await scored(fw, [result('คลองเขื่อน', 'poor', '2022-08', 7)], '2565-08');
    expectCell(august, 'คลองเขื่อน', 'poor', { level: '5' });
  });
});

describe('§9.2 bands tried best first: overlapping, equal and unordered bands score by the rule', () => {
  // seed 001, "จำนวนครัวเรือนเป้าหมายคงเหลือตามระดับคะแนน", copied row by row, the all-zero rows included:
  // "เมืองฉะเชิงเทรา	๖๗	๕๘	๔๘	๓๘	๒๙" … "พนมสารคาม	๐	๐	๐	๐	๐" "แปลงยาว	๐	๐	๐	๐	๐" "ท่าตะเกียบ	๐	๐	๐	๐	๐"
  const table: [string, number[]][] = [
    ['เมืองฉะเชิงเทรา', [67, 58, 48, 38, 29]],
    ['พนมสารคาม', [0, 0, 0, 0, 0]],
    ['แปลงยาว', [0, 0, 0, 0, 0]],
    ['ท่าตะเกียบ', [0, 0, 0, 0, 0]]
  ];
  const households = (interpolate = false) =>
    framework(
      'remaining',
      [kpi('I1', { interpolate })],
      table.flatMap(([name, byLevel]) =>
        byLevel.map((limit, i) => band('I1', i + 1, i + 1, '<=', limit, null, name))
      )
    );

  test.each([false, true])(
    'seed 001 (interpolate %s): 0 households remaining is level 5, 1 is below every band; levels 4–1 warned',
    async (interpolate) => {
      const s = await scored(households(interpolate), [
        result('พนมสารคาม', 'I1', '2022-09', 0),
        result('แปลงยาว', 'I1', '2022-09', 1),
        result('ท่าตะเกียบ', 'I1', '2022-09', 3),
        result('เมืองฉะเชิงเทรา', 'I1', '2022-09', 38)
      ]);
      expectCell(s, 'พนมสารคาม', 'I1', { measured: 0, level: '5', score: 5, status: 'ok' });
      expectCell(s, 'แปลงยาว', 'I1', { measured: 1, level: null, score: 0, status: 'below' });
      expectCell(s, 'ท่าตะเกียบ', 'I1', { level: null, score: 0, status: 'below' });
      // 38 is level 4; interpolated, 38 → 29 scores 4 + 0/9 = 4.
      expectCell(s, 'เมืองฉะเชิงเทรา', 'I1', { level: '4', score: 4 });
      expect(s.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
      const warned = s.issues.filter((issue) => issue.message.includes('ไม่มีทางได้'));
      expect(warned.map((issue) => issue.message.split(':')[0])).toEqual(
        ['พนมสารคาม', 'แปลงยาว', 'ท่าตะเกียบ'].map((name) => `ตัวชี้วัด I1 หน่วยงาน ${name}`)
      );
      for (const issue of warned) expect(issue.message).toContain('ระดับ 4, 3, 2, 1 ไม่มีทางได้');
    }
  );

  test('unordered ">=" bands: the first that holds wins; interpolation runs to the next band that can be reached', async () => {
    // Level 4 (>= 90) is never reached: every value from 90 up meets level 5 (>= 80) first.
    const fw = framework(
      'unordered',
      [kpi('k', { interpolate: true })],
      [band('k', 5, 5, '>=', 80), band('k', 4, 4, '>=', 90), band('k', 3, 3, '>=', 70)]
    );
    const s = await scored(fw, [
      result('บางคล้า', 'k', '2022-09', 95),
      result('บางปะกง', 'k', '2022-09', 72),
      result('บ้านโพธิ์', 'k', '2022-09', 69)
    ]);
    expectCell(s, 'บางคล้า', 'k', { level: '5', score: 5 });
    // 72 is level 3; the next band that can be reached is level 5 at 80: 3 + (72 − 70) ÷ (80 − 70) × (5 − 3).
    expectCell(s, 'บางปะกง', 'k', { level: '3', score: 3.4 });
    expectCell(s, 'บ้านโพธิ์', 'k', { level: null, status: 'below' });
  });

  test('equal bands: the better of the two takes every value; the worse one is skipped by interpolation', async () => {
    const fw = framework(
      'equal',
      [kpi('k', { interpolate: true })],
      [band('k', 5, 5, '>=', 100), band('k', 4, 4, '>=', 100), band('k', 3, 3, '>=', 90)]
    );
    const s = await scored(fw, [
      result('บางคล้า', 'k', '2022-09', 100),
      result('บางปะกง', 'k', '2022-09', 95)
    ]);
    expectCell(s, 'บางคล้า', 'k', { level: '5', score: 5 });
    expectCell(s, 'บางปะกง', 'k', { level: '3', score: 4 }); // 3 + 0.5 × (5 − 3)
  });

  test('ranges that share an edge (seed 000 garbled "C 0.50–0.75", "B 0.75–0.99"): the edge is the better level', async () => {
    const fw = framework(
      'edge',
      [kpi('k', { scale: 'A-D' })],
      [
        band('k', 'A', 4, '>=', 1),
        band('k', 'B', 3, 'between', 0.75, 0.99),
        band('k', 'C', 2, 'between', 0.5, 0.75),
        band('k', 'D', 1, 'any')
      ]
    );
    const s = await scored(fw, [
      result('บางคล้า', 'k', '2022-09', 0.75),
      result('บางปะกง', 'k', '2022-09', 0.6),
      result('บ้านโพธิ์', 'k', '2022-09', 0.995)
    ]);
    expectCell(s, 'บางคล้า', 'k', { level: 'B', score: 3 });
    expectCell(s, 'บางปะกง', 'k', { level: 'C', score: 2 });
    // 0.995 is in no range below A: the floor band D takes it.
    expectCell(s, 'บ้านโพธิ์', 'k', { level: 'D', score: 1 });
  });

  test('a floor written "< 60" under ">=" bands, and an "any" band above others', async () => {
    const fw = framework(
      'floors',
      [kpi('f'), kpi('a')],
      [
        ...ladder('f', '>=', [100, 90, 80, 70]),
        band('f', 0, 0.5, '<', 60),
        band('a', 5, 5, '>=', 100),
        band('a', 4, 4, 'any'),
        band('a', 3, 3, '>=', 50)
      ]
    );
    const s = await scored(fw, [
      result('บางคล้า', 'f', '2022-09', 50),
      result('บางปะกง', 'f', '2022-09', 65),
      result('บางคล้า', 'a', '2022-09', 60),
      result('บางปะกง', 'a', '2022-09', 100)
    ]);
    expectCell(s, 'บางคล้า', 'f', { level: '0', score: 0.5 });
    expectCell(s, 'บางปะกง', 'f', { level: null, status: 'below' }); // 60–70 meets no band
    expectCell(s, 'บางคล้า', 'a', { level: '4', score: 4 }); // "any" before ">= 50": level 3 is never reached
    expectCell(s, 'บางปะกง', 'a', { level: '5', score: 5 });
    expect(s.issues.map((issue) => issue.message).filter((m) => m.includes('ไม่มีทางได้'))).toEqual([
      expect.stringContaining('ตัวชี้วัด a: ระดับ 3 ไม่มีทางได้')
    ]);
  });

  test("a unit's own band caught by a general better band: interpolation skips it on that unit's ladder only", async () => {
    const fw = framework(
      'own-shadowed',
      [kpi('k', { interpolate: true })],
      [
        ...ladder('k', '>=', [100, 90, 80], { levels: ['5', '4', '3'], points: [5, 4, 3] }),
        band('k', 4, 4, '>=', 105, null, 'บางคล้า')
      ]
    );
    const s = await scored(fw, [result('บางคล้า', 'k', '2022-09', 85), result('บางปะกง', 'k', '2022-09', 85)]);
    // บางคล้า: level 3 (>= 80) → next reachable is level 5 at 100: 3 + 5/20 × 2 = 3.5. บางปะกง: → level 4 at 90.
    expectCell(s, 'บางคล้า', 'k', { level: '3', score: 3.5 });
    expectCell(s, 'บางปะกง', 'k', { level: '3', score: 3.5 });
    const at95 = await scored(fw, [
      result('บางคล้า', 'k', '2022-09', 95),
      result('บางปะกง', 'k', '2022-09', 95)
    ]);
    expectCell(at95, 'บางคล้า', 'k', { level: '3', score: 3 + (15 / 20) * 2 });
    expectCell(at95, 'บางปะกง', 'k', { level: '4', score: 4.5 });
  });
});

// ---------------------------------------------------------------------------------------------------------
describe('§4.3 points', () => {
  test('A–D levels carry the points the framework gives them', async () => {
    const fw = framework(
      'ad',
      [kpi('m', { scale: 'A-D' })],
      [
        band('m', 'A', 10, '>=', 30),
        band('m', 'B', 7, '>=', 25),
        band('m', 'C', 3, '>=', 20),
        band('m', 'D', 1, 'any')
      ]
    );
    const s = await scored(fw, [result('บางคล้า', 'm', '2022-09', 26)]);
    expectCell(s, 'บางคล้า', 'm', { level: 'B', score: 7 });
    expectRow(s, 'บางคล้า', { total: 7, totalPct: 70 });
  });

  test('seed 000 mission 6: an activity scored 100 / 75 / 50 / 25 points', async () => {
    // seed 000: "๑๐๐	มีหนี้เกินกำหนดชำระต่ำกว่าร้อยละ ๑๐", "๗๕	มีหนี้เกินกำหนดชำระระหว่างร้อยละ ๑๐.๐๐ - ๑๒.๐๐",
    // "๕๐	มีหนี้เกินกำหนดชำระระหว่างร้อยละ ๑๒.๐๑ - ๑๔.๐๐", "๒๕	หนี้เกินกำหนดชำระมากกว่าร้อยละ ๑๔.๐๐"
    const fw = framework(
      'points',
      [kpi('debt', { scale: 'points' })],
      [
        band('debt', '100', 100, '<', 10),
        band('debt', '75', 75, 'between', 10, 12),
        band('debt', '50', 50, 'between', 12.01, 14),
        band('debt', '25', 25, 'any')
      ]
    );
    const s = await scored(fw, [
      result('บางคล้า', 'debt', '2022-09', 9.5),
      result('บางปะกง', 'debt', '2022-09', 12),
      result('บ้านโพธิ์', 'debt', '2022-09', 13.2),
      result('คลองเขื่อน', 'debt', '2022-09', 20)
    ]);
    expectCell(s, 'บางคล้า', 'debt', { level: '100', score: 100 });
    expectCell(s, 'บางปะกง', 'debt', { level: '75', score: 75 });
    expectCell(s, 'บ้านโพธิ์', 'debt', { level: '50', score: 50 });
    expectCell(s, 'คลองเขื่อน', 'debt', { level: '25', score: 25 });
  });
});

describe('§4.3 linear interpolation between thresholds', () => {
  const up = () => framework('interp', [kpi('k', { interpolate: true })], ladder('k', '>=', FIVE_UP));

  test.each([
    [84, '3', 3.4], // DESIGN §4.3: 40% of the way from the level-3 (80) to the level-4 (90) threshold
    [80, '3', 3],
    [95, '4', 4.5],
    [60, '1', 1],
    [100, '5', 5], // the top band scores its points
    [140, '5', 5],
    [59, '', 0]
  ])('value %d → level %s, score %d', async (value, level, score) => {
    const s = await scored(up(), [result('บางคล้า', 'k', '2022-09', value)]);
    expectCell(s, 'บางคล้า', 'k', { level: level === '' ? null : level, score });
  });

  test('lower is better: 23 households is 40% of the way from 25 (level 3) to 20 (level 4)', async () => {
    const fw = framework(
      'interp-down',
      [kpi('poor', { interpolate: true })],
      ladder('poor', '<=', [15, 20, 25, 30, 35])
    );
    const s = await scored(fw, [result('บางคล้า', 'poor', '2022-09', 23)]);
    expectCell(s, 'บางคล้า', 'poor', { level: '3', score: 3.4 });
  });

  test('seed 003 ranges: 74% is 40% of the way from 70 (level 3) to 80 (level 4)', async () => {
    // seed 003, ตัวชี้วัดที่ ๑: "ระดับ ๓ … ได้ร้อยละ ๗๐-๗๙ … ระดับ ๔ … ร้อยละ ๘๐-๘๙ … ระดับ ๕ … มากกว่าร้อยละ ๘๙"
    const fw = framework(
      'interp-range',
      [kpi('spend', { interpolate: true })],
      [
        band('spend', 5, 5, '>', 89),
        band('spend', 4, 4, 'between', 80, 89),
        band('spend', 3, 3, 'between', 70, 79),
        band('spend', 2, 2, 'between', 60, 69),
        band('spend', 1, 1, 'between', 50, 59)
      ]
    );
    const s = await scored(fw, [
      result('บางคล้า', 'spend', '2022-09', 74),
      result('บางปะกง', 'spend', '2022-09', 84.5),
      result('บ้านโพธิ์', 'spend', '2022-09', 79.5)
    ]);
    expectCell(s, 'บางคล้า', 'spend', { level: '3', score: 3.4 });
    expectCell(s, 'บางปะกง', 'spend', { level: '4', score: 4.5 }); // 4.5 of the 9 from 80 to 89
    // 79.5 lies in no range ("๗๐-๗๙", "๘๐-๘๙"): below every band, as the letter's gap says.
    expectCell(s, 'บ้านโพธิ์', 'spend', { level: null, score: 0, status: 'below' });
  });

  test('a floor band (any) has no start: it scores its points', async () => {
    const fw = framework(
      'interp-any',
      [kpi('k', { interpolate: true })],
      [band('k', 'A', 4, '>=', 20), band('k', 'D', 1, 'any')]
    );
    const s = await scored(fw, [result('บางคล้า', 'k', '2022-09', 19)]);
    expectCell(s, 'บางคล้า', 'k', { level: 'D', score: 1 });
  });
});

describe('§4.3 adjustments (seed 001: −0.5 per upheld complaint)', () => {
  // seed 001, ตัวชี้วัดที่ ๙: "หากมีข้อร้องเรียนในการปฏิบัติงานกองทุนพัฒนาบทบาทสตรี … จะถูกปรับลดค่าคะแนนตัวชี้วัดลง ๐.๕ คะแนน"
  const debt = (interpolate = false) =>
    framework(
      'adjust',
      [kpi('debt', { measure: 'pct_of_target', interpolate })],
      ladder('debt', '>=', [30, 25, 20, 15, 10])
    );
  const month = (m: string, adjust: number | null, value = 27) =>
    result('บางคล้า', 'debt', m, value, { target: 100, adjust });

  test('one complaint in the quarter: level 4 scores 3.5', async () => {
    const s = await scored(debt(), [month('2022-08', -0.5), month('2022-09', null)], Q4);
    expectCell(s, 'บางคล้า', 'debt', { level: '4', score: 3.5, status: 'ok' });
  });

  test("every month's complaints of the period add up; months outside the period do not count", async () => {
    const rows = [month('2022-06', -0.5), month('2022-07', -0.5), month('2022-09', -0.5)];
    expectCell(await scored(debt(), rows, Q4), 'บางคล้า', 'debt', { level: '4', score: 3 });
    expectCell(await scored(debt(), rows, 'FY2565-R2'), 'บางคล้า', 'debt', { level: '4', score: 2.5 });
    expectCell(await scored(debt(), rows, SEP), 'บางคล้า', 'debt', { level: '4', score: 3.5 });
  });

  test('never below 0', async () => {
    const s = await scored(debt(), [month('2022-07', -3), month('2022-09', -3, 11)], Q4);
    expectCell(s, 'บางคล้า', 'debt', { level: '1', score: 0, status: 'ok' });
  });

  test('no adjustment below every band: score 0, status below', async () => {
    const s = await scored(debt(), [month('2022-09', -0.5, 5)]);
    expectCell(s, 'บางคล้า', 'debt', { level: null, score: 0, status: 'below' });
  });

  test('added after interpolation: 3.40 − 0.5 = 2.90', async () => {
    const s = await scored(debt(true), [month('2022-09', -0.5, 22)]);
    expectCell(s, 'บางคล้า', 'debt', { level: '3', score: 2.9 });
  });

  test('regression (property test): an adjustment on a row without a value is not counted', async () => {
    // Shrunk counter-example: one KPI `>= 0` → 5; แปลงยาว reports 0 in Sep and only an adjustment in Aug.
    // Rows with a blank value are "not reported" (ingest drops them), so their adjustment is not a result.
    const fw = framework('adjust-null', [kpi('k1', { group: 'ทีม' })], [band('k1', 5, 5, '>=', 0)]);
    const s = await scored(
      fw,
      [result('แปลงยาว', 'k1', '2022-08', null, { adjust: -0.5 }), result('แปลงยาว', 'k1', '2022-09', 0)],
      Q4
    );
    expectCell(s, 'แปลงยาว', 'k1', { level: '5', score: 5 });
    expectRow(s, 'แปลงยาว', { total: 5, rank: 1 });
  });
});

// ---------------------------------------------------------------------------------------------------------
describe('§4.4 composites', () => {
  test('seed 000 mission 6: the average of three activity scores (100/75/50/25) graded A–D', async () => {
    // seed 000, ภารกิจที่ ๖: "A มีผลการปฏิบัติงานบรรลุเป้าหมายทั้ง ๓ กิจกรรม เฉลี่ยตั้งแต่ ๘๐ คะแนนขึ้นไป",
    // "B … เฉลี่ยตั้งแต่ ๗๐ - ๗๙ คะแนน", "C … เฉลี่ยระหว่าง ๖๐ - ๖๙ คะแนน", "D … เฉลี่ยต่ำกว่า ๖๐ คะแนน"
    const fw = framework(
      'm6',
      [
        composite('m6', 'mean', { scale: 'A-D' }),
        item('m6debt', 'm6'),
        item('m6members', 'm6'),
        item('m6otop', 'm6')
      ],
      [
        band('m6', 'A', 4, '>=', 80),
        band('m6', 'B', 3, 'between', 70, 79.99),
        band('m6', 'C', 2, 'between', 60, 69.99),
        band('m6', 'D', 1, 'any'),
        // "๑๐๐ มีหนี้เกินกำหนดชำระต่ำกว่าร้อยละ ๑๐", "๗๕ … ระหว่างร้อยละ ๑๐.๐๐ - ๑๒.๐๐", "๕๐ … ๑๒.๐๑ - ๑๔.๐๐", "๒๕ … มากกว่าร้อยละ ๑๔.๐๐"
        band('m6debt', '100', 100, '<', 10),
        band('m6debt', '75', 75, 'between', 10, 12),
        band('m6debt', '50', 50, 'between', 12.01, 14),
        band('m6debt', '25', 25, 'any'),
        // "สมาชิก… ตั้งแต่ร้อยละ ๗๕ ของเป้าหมาย" → 100, "๗๐ - ๗๔.๙๙" → 75, "๖๕ - ๖๙.๙๙" → 50, else 25
        ...ladder('m6members', '>=', [75, 70, 65], { points: [100, 75, 50], levels: ['100', '75', '50'] }),
        band('m6members', '25', 25, 'any'),
        // "ตั้งแต่ร้อยละ ๔๐" → 100, "๓๕.๐๐ - ๓๙.๙๙" → 75, "๓๐.๐๐ - ๓๔.๙๙" → 50, else 25
        ...ladder('m6otop', '>=', [40, 35, 30], { points: [100, 75, 50], levels: ['100', '75', '50'] }),
        band('m6otop', '25', 25, 'any')
      ],
      { fiscalYear: 2567, period: 'Q4' }
    );
    const month = '2024-09';
    const s = await scored(
      fw,
      [
        // 100 + 100 + 75 = 275 → 91.67 → A
        result('บางคล้า', 'm6debt', month, 8),
        result('บางคล้า', 'm6members', month, 80),
        result('บางคล้า', 'm6otop', month, 36),
        // 75 + 100 + 50 = 225 → 75 → B
        result('บางปะกง', 'm6debt', month, 11),
        result('บางปะกง', 'm6members', month, 76),
        result('บางปะกง', 'm6otop', month, 31),
        // 75 + 75 + 50 = 200 → 66.67 → C
        result('บ้านโพธิ์', 'm6debt', month, 11),
        result('บ้านโพธิ์', 'm6members', month, 72),
        result('บ้านโพธิ์', 'm6otop', month, 33),
        // 25 + 50 + 25 = 100 → 33.33 → D
        result('คลองเขื่อน', 'm6debt', month, 15),
        result('คลองเขื่อน', 'm6members', month, 66),
        result('คลองเขื่อน', 'm6otop', month, 10)
      ],
      '2567-09'
    );
    expectCell(s, 'บางคล้า', 'm6', { measured: 91.666666667, level: 'A', score: 4 });
    expectCell(s, 'บางปะกง', 'm6', { measured: 75, level: 'B', score: 3 });
    expectCell(s, 'บ้านโพธิ์', 'm6', { measured: 66.666666667, level: 'C', score: 2 });
    expectCell(s, 'คลองเขื่อน', 'm6', { measured: 33.333333333, level: 'D', score: 1 });
    expectCell(s, 'บางปะกง', 'm6otop', { level: '50', score: 50 });
  });

  test('seed 000 mission 7: five 2-point items summed (A = 10, B = 8, C = 6, D < 6)', async () => {
    // seed 000, ภารกิจที่ ๗: "หมายเหตุ ข้อ ๑ - ๕ มีค่าคะแนนข้อละ ๒ คะแนน", "ระดับ A ได้ค่าคะแนนรวม ๑๐ คะแนน",
    // "ระดับ B ได้ค่าคะแนนรวม ๘ คะแนน", "ระดับ C ได้ค่าคะแนนรวม ๖ คะแนน", "ระดับ D ได้ค่าคะแนนรวมน้อยกว่า ๖ คะแนน"
    const items = ['1', '2', '3', '4', '5'].map((n) => `m7_${n}`);
    const fw = framework(
      'm7',
      [composite('m7', 'sum', { scale: 'A-D' }), ...items.map((id) => item(id, 'm7'))],
      [
        ...ladder('m7', '>=', [10, 8, 6], { levels: ['A', 'B', 'C'], points: [4, 3, 2] }),
        band('m7', 'D', 1, 'any'),
        // an item is done (1) for 2 points, else 0
        ...items.flatMap((id) => [band(id, '2', 2, '>=', 1), band(id, '0', 0, 'any')])
      ]
    );
    const done = (name: string, count: number) =>
      items.map((id, i) => result(name, id, '2022-09', i < count ? 1 : 0));
    const s = await scored(fw, [
      ...done('บางคล้า', 5),
      ...done('บางปะกง', 4),
      ...done('บ้านโพธิ์', 3),
      ...done('คลองเขื่อน', 2)
    ]);
    expectCell(s, 'บางคล้า', 'm7', { measured: 10, level: 'A', score: 4 });
    expectCell(s, 'บางปะกง', 'm7', { measured: 8, level: 'B', score: 3 });
    expectCell(s, 'บ้านโพธิ์', 'm7', { measured: 6, level: 'C', score: 2 });
    expectCell(s, 'คลองเขื่อน', 'm7', { measured: 4, level: 'D', score: 1 });
  });

  test('seed 000 mission 9: two 10/9/8/7 items summed (20 = A, 17–19 = B, 15–16 = C, < 15 = D)', async () => {
    // seed 000: "A เพิ่มจำนวนสมาชิกกลุ่มออมทรัพย์เพื่อการผลิตร้อยละ ๑ … ๑๐", "B … ระหว่างร้อยละ ๐.๗๕ - ๐.๙๙ … ๙",
    // "C … ระหว่างร้อยละ ๐.๕๐ - ๐.๗๕ … ๘", "D … น้อยกว่าร้อยละ ๐.๕๐ … ๗" and
    // "หลักเกณฑ์การคิดคะแนน ๒๐ คะแนน = ระดับ A , ๑๗ - ๑๙ = ระดับ B, ๑๕ - ๑๖ = ระดับ C, น้อยกว่า ๑๕ คะแนน = ระดับ D"
    // Both items use item 2's table (item 1's A–C rows are lost in the letter).
    const fw = framework(
      'm9',
      [composite('m9', 'sum', { scale: 'A-D' }), item('m9a', 'm9'), item('m9b', 'm9')],
      [
        band('m9', 'A', 4, '>=', 20),
        band('m9', 'B', 3, 'between', 17, 19),
        band('m9', 'C', 2, 'between', 15, 16),
        band('m9', 'D', 1, 'any'),
        ...['m9a', 'm9b'].flatMap((id) => [
          ...ladder(id, '>=', [1, 0.75, 0.5], { points: [10, 9, 8], levels: ['10', '9', '8'] }),
          band(id, '7', 7, 'any')
        ])
      ]
    );
    const pair = (name: string, a: number, b: number) => [
      result(name, 'm9a', '2022-09', a),
      result(name, 'm9b', '2022-09', b)
    ];
    const s = await scored(fw, [
      ...pair('บางคล้า', 1.2, 1), // 10 + 10 = 20 → A
      ...pair('บางปะกง', 1, 0.8), // 10 + 9 = 19 → B
      ...pair('บ้านโพธิ์', 0.6, 0.3), // 8 + 7 = 15 → C
      ...pair('คลองเขื่อน', 0.1, 0.2) // 7 + 7 = 14 → D
    ]);
    expectCell(s, 'บางคล้า', 'm9', { measured: 20, level: 'A' });
    expectCell(s, 'บางปะกง', 'm9', { measured: 19, level: 'B' });
    expectCell(s, 'บ้านโพธิ์', 'm9', { measured: 15, level: 'C' });
    expectCell(s, 'คลองเขื่อน', 'm9', { measured: 14, level: 'D' });
  });

  test('seed 000 mission 5: both conditions at once = the minimum of two levels', async () => {
    // seed 000, ภารกิจที่ ๕: "A ๑) … ไม่น้อยกว่า ๕ ผลิตภัณฑ์ ๒) มียอดจำหน่าย … เพิ่มขึ้น … มากกว่าร้อยละ ๔",
    // "B ๑) … ไม่น้อยกว่า ๔ ผลิตภัณฑ์ ๒) … มากกว่าร้อยละ ๓", "C ๓) … ไม่น้อยกว่า ๓ ผลิตภัณฑ์ … มากกว่าร้อยละ ๒"
    const fw = framework(
      'm5',
      [
        composite('m5', 'min', { scale: 'A-D' }),
        item('m5products', 'm5', { scale: 'A-D' }),
        item('m5sales', 'm5', { scale: 'A-D', measure: 'growth_pct' })
      ],
      [
        ...ladder('m5', '>=', [4, 3, 2], { levels: ['A', 'B', 'C'], points: [4, 3, 2] }),
        band('m5', 'D', 1, 'any'),
        ...ladder('m5products', '>=', [5, 4, 3], { levels: ['A', 'B', 'C'], points: [4, 3, 2] }),
        band('m5products', 'D', 1, 'any'),
        ...ladder('m5sales', '>', [4, 3, 2], { levels: ['A', 'B', 'C'], points: [4, 3, 2] }),
        band('m5sales', 'D', 1, 'any')
      ]
    );
    const s = await scored(fw, [
      result('บางคล้า', 'm5products', '2022-09', 6),
      result('บางคล้า', 'm5sales', '2022-09', 10_500, { baseline: 10_000 }), // A and A → A
      result('บางปะกง', 'm5products', '2022-09', 6),
      result('บางปะกง', 'm5sales', '2022-09', 10_250, { baseline: 10_000 }) // A and C (2.5%) → C
    ]);
    expectCell(s, 'บางคล้า', 'm5', { measured: 4, level: 'A', score: 4 });
    expectCell(s, 'บางปะกง', 'm5sales', { level: 'C', score: 2 });
    expectCell(s, 'บางปะกง', 'm5', { measured: 2, level: 'C', score: 2 });
  });

  test('seed 000 mission 2: counts the items at 100% (count_top)', async () => {
    // seed 000, ภารกิจที่ ๒: "A มีผลการดำเนินงานครบร้อยละ ๑๐๐ ทุกข้อ ใน ๓ ประเด็น", "B … ครบร้อยละ ๑๐๐ อย่างน้อย ๒ ข้อ",
    // "C … ครบร้อยละ ๑๐๐ อย่างน้อย ๑ ข้อ", "D … ไม่ครบร้อยละ ๑๐๐ ทุกข้อ"
    const items = ['m2a', 'm2b', 'm2c'];
    const fw = framework(
      'm2',
      [composite('m2', 'count_top', { scale: 'A-D' }), ...items.map((id) => item(id, 'm2'))],
      [
        ...ladder('m2', '>=', [3, 2, 1], { levels: ['A', 'B', 'C'], points: [4, 3, 2] }),
        band('m2', 'D', 1, 'any'),
        ...items.flatMap((id) => [band(id, '100', 1, '>=', 100), band(id, '0', 0, 'any')])
      ]
    );
    const s = await scored(fw, [
      ...items.map((id) => result('บางคล้า', id, '2022-09', 100)),
      ...items.map((id, i) => result('บางปะกง', id, '2022-09', i === 0 ? 100 : 99)),
      ...items.map((id) => result('บ้านโพธิ์', id, '2022-09', 50))
    ]);
    expectCell(s, 'บางคล้า', 'm2', { measured: 3, level: 'A' });
    expectCell(s, 'บางปะกง', 'm2', { measured: 1, level: 'C' });
    expectCell(s, 'บ้านโพธิ์', 'm2', { measured: 0, level: 'D' });
  });

  test('a composite with a sub-item not reported is itself not reported; a sub-item below is 0', async () => {
    const fw = framework(
      'm-missing',
      [composite('m', 'sum', { scale: 'A-D' }), item('a', 'm'), item('b', 'm')],
      [
        band('m', 'A', 4, '>=', 20),
        band('m', 'D', 1, 'any'),
        ...ladder('a', '>=', [1, 0.5], { points: [10, 7], levels: ['10', '7'] }),
        ...ladder('b', '>=', [1, 0.5], { points: [10, 7], levels: ['10', '7'] })
      ]
    );
    const s = await scored(fw, [
      result('บางคล้า', 'a', '2022-09', 1),
      result('บางปะกง', 'a', '2022-09', 1),
      result('บางปะกง', 'b', '2022-09', 0.1)
    ]);
    expectCell(s, 'บางคล้า', 'm', { status: 'missing', level: null, score: 0, measured: null });
    expectRow(s, 'บางคล้า', { missing: 1, total: 0 });
    expectCell(s, 'บางปะกง', 'b', { status: 'below', score: 0 });
    expectCell(s, 'บางปะกง', 'm', { status: 'ok', measured: 10, level: 'D', score: 1 });
    expectRow(s, 'บางปะกง', { missing: 0, total: 1 });
  });

  test('a composite of composites (depth 2) combines the inner composite score', async () => {
    const fw = framework(
      'nested',
      [
        composite('top', 'sum'),
        item('x', 'top'),
        composite('inner', 'mean', { parent: 'top', scale: 'points' }),
        item('y', 'inner'),
        item('z', 'inner')
      ],
      [
        ...ladder('top', '>=', [15, 10, 5]),
        ...ladder('x', '>=', [1], { points: [10], levels: ['10'] }),
        ...ladder('inner', '>=', [4], { points: [6], levels: ['6'] }),
        band('inner', '2', 2, 'any'),
        ...ladder('y', '>=', [1], { points: [8], levels: ['8'] }),
        band('y', '0', 0, 'any'),
        ...ladder('z', '>=', [1], { points: [2], levels: ['2'] })
      ]
    );
    const s = await scored(fw, [
      result('บางคล้า', 'x', '2022-09', 1),
      result('บางคล้า', 'y', '2022-09', 1),
      result('บางคล้า', 'z', '2022-09', 1)
    ]);
    // inner = mean(8, 2) = 5 → 6 points; top = 10 + 6 = 16 → level 3 (>= 15)
    expectCell(s, 'บางคล้า', 'inner', { measured: 5, score: 6 });
    expectCell(s, 'บางคล้า', 'top', { measured: 16, level: '3', score: 3 });
  });
});

// ---------------------------------------------------------------------------------------------------------
describe('§4.5 period aggregation', () => {
  const budget = (aggregate: 'last' | 'sum' | 'mean' | 'max') =>
    framework('agg', [kpi('b', { measure: 'pct_of_target', aggregate })], ladder('b', '>=', FIVE_UP));

  test('last: cumulative budget spent takes the latest reported month, with that month’s target', async () => {
    // seed 001: budget spent so far is cumulative ("ข้อมูล ณ วันที่ 17 เดือน มิถุนายน พ.ศ. 2565").
    const rows = [
      result('บางคล้า', 'b', '2022-07', 50, { target: 100 }),
      result('บางคล้า', 'b', '2022-08', 90, { target: 100 }),
      result('บางคล้า', 'b', '2022-09', 95, { target: 95 }),
      result('บางปะกง', 'b', '2022-07', 96, { target: 100 }),
      result('บางปะกง', 'b', '2022-08', 75, { target: 100 }), // September not reported: August is the last
      result('บ้านโพธิ์', 'b', '2022-08', 90, { target: 100 }),
      result('บ้านโพธิ์', 'b', '2022-09', 90) // the last month has no target: nothing to band
    ];
    const s = await scored(budget('last'), rows, Q4);
    expectCell(s, 'บางคล้า', 'b', { measured: 100, level: '5' });
    expectCell(s, 'บางปะกง', 'b', { measured: 75, level: '2' });
    expectCell(s, 'บ้านโพธิ์', 'b', { measured: null, status: 'missing' });
  });

  test('sum: monthly OTOP revenue against monthly targets, both summed over the reported months', async () => {
    // seed 001: OTOP online revenue targets per month per district (a flow: summed over the period).
    const rows = [
      result('บางคล้า', 'b', '2022-07', 30_000, { target: 40_000 }),
      result('บางคล้า', 'b', '2022-08', 40_000, { target: 40_000 }),
      result('บางคล้า', 'b', '2022-09', 50_000, { target: 40_000 }),
      result('บางปะกง', 'b', '2022-07', 30_000, { target: 40_000 }),
      result('บางปะกง', 'b', '2022-09', 38_000, { target: 40_000 })
    ];
    const s = await scored(budget('sum'), rows, Q4);
    expectCell(s, 'บางคล้า', 'b', { measured: 100, level: '5' }); // 120,000 / 120,000
    expectCell(s, 'บางปะกง', 'b', { measured: 85, level: '3' }); // 68,000 / 80,000
  });

  test('mean and max aggregate value and target the same way', async () => {
    const rows = [
      result('บางคล้า', 'b', '2022-07', 60, { target: 100 }),
      result('บางคล้า', 'b', '2022-08', 90, { target: 80 }),
      result('บางคล้า', 'b', '2022-09', 81, { target: 120 })
    ];
    // mean: 77 / 100 = 77% → 2
    expectCell(await scored(budget('mean'), rows, Q4), 'บางคล้า', 'b', { measured: 77, level: '2' });
    // max: 90 / 120 = 75% → 2
    expectCell(await scored(budget('max'), rows, Q4), 'บางคล้า', 'b', { measured: 75, level: '2' });
    // sum: 231 / 300 = 77%
    expectCell(await scored(budget('sum'), rows, Q4), 'บางคล้า', 'b', { measured: 77, level: '2' });
  });

  test('value measures aggregate too: mean of the months reported', async () => {
    const fw = framework('agg-value', [kpi('v', { aggregate: 'mean' })], ladder('v', '>=', FIVE_UP));
    const s = await scored(
      fw,
      [
        result('บางคล้า', 'v', '2022-07', 70),
        result('บางคล้า', 'v', '2022-09', 100),
        result('บางคล้า', 'v', '2022-06', 0)
      ],
      Q4
    );
    expectCell(s, 'บางคล้า', 'v', { measured: 85, level: '3' });
  });

  test('growth is computed on the aggregated value and baseline', async () => {
    const fw = framework(
      'agg-growth',
      [kpi('g', { measure: 'growth_pct', aggregate: 'sum' })],
      ladder('g', '>', [4])
    );
    const s = await scored(
      fw,
      [
        result('บางคล้า', 'g', '2022-07', 100, { baseline: 110 }),
        result('บางคล้า', 'g', '2022-08', 120, { baseline: 100 }),
        result('บางคล้า', 'g', '2022-09', 110, { baseline: 100 })
      ],
      Q4
    );
    // (330 − 310) ÷ 310 × 100 = 6.4516…% (monthly growths −9%, +20%, +10% are not averaged)
    expectCell(s, 'บางคล้า', 'g', { measured: 6.451612903, level: '1' });
  });

  test("per-unit targets of the framework: the month's, else the month-less one; a result's own target wins", async () => {
    const fw = framework(
      'targets',
      [kpi('otop', { measure: 'pct_of_target', aggregate: 'sum' })],
      ladder('otop', '>=', FIVE_UP),
      {
        targets: [
          target('otop', 'บางคล้า', '2022-07', { target: 100 }),
          target('otop', 'บางคล้า', null, { target: 50 }),
          target('otop', 'บางปะกง', null, { target: 10 })
        ]
      }
    );
    const s = await scored(
      fw,
      [
        result('บางคล้า', 'otop', '2022-07', 90), // target 100 (July's)
        result('บางคล้า', 'otop', '2022-08', 50), // target 50 (month-less)
        result('บางคล้า', 'otop', '2022-09', 30, { target: 40 }), // its own 40
        result('บางปะกง', 'otop', '2022-09', 9)
      ],
      Q4
    );
    // (90 + 50 + 30) / (100 + 50 + 40) = 170 / 190 = 89.47% → 3
    expectCell(s, 'บางคล้า', 'otop', { measured: 89.473684211, level: '3' });
    expectCell(s, 'บางปะกง', 'otop', { measured: 90, level: '4' });
  });
});

// ---------------------------------------------------------------------------------------------------------
describe('§4.6 weighted total', () => {
  const three = (weights: (number | null)[], groups: (string | null)[] = [null, null, null]) =>
    framework(
      'weights',
      ['a', 'b', 'c'].map((id, i) => kpi(id, { weight: weights[i], group: groups[i] })),
      [...ladder('a', '>=', FIVE_UP), ...ladder('b', '>=', FIVE_UP), ...ladder('c', '>=', FIVE_UP)]
    );
  const rows = (c: number | null = 10) => [
    result('บางคล้า', 'a', '2022-09', 100), // 5
    result('บางคล้า', 'b', '2022-09', 90), // 4
    ...(c === null ? [] : [result('บางคล้า', 'c', '2022-09', c)]) // 10: below every band → 0
  ];

  test('Σ(score × weight) ÷ Σ(weight), on the scale and as a percentage of the maximum', async () => {
    const s = await scored(three([20, 20, 10]), rows());
    // (5×20 + 4×20 + 0×10) ÷ 50 = 3.6; max 5 → 72%
    expectRow(s, 'บางคล้า', { total: 3.6, totalPct: 72, missing: 0, rank: 1 });
  });

  test('a KPI not reported scores 0, still weighs, and is counted as missing', async () => {
    const s = await scored(three([20, 20, 10]), rows(null));
    expectRow(s, 'บางคล้า', { total: 3.6, missing: 1 });
    expectCell(s, 'บางคล้า', 'c', { status: 'missing', score: 0 });
  });

  test('seed 001: weights summing to 110 are a warning, and the total is divided by 110', async () => {
    // seed 001: "Weights of the individual group sum to 105–110 depending on the page" (seeds/README.md);
    // e.g. "ตัวชี้วัดที่ ๒ … น้ำหนัก : ร้อยละ ๑๕", "ตัวชี้วัดที่ ๙ … น้ำหนัก : ร้อยละ ๑๐"
    const s = await scored(three([60, 40, 10]), rows());
    expect(s.issues.some((issue) => issue.severity === 'warning' && issue.message.includes('110'))).toBe(
      true
    );
    // (300 + 160 + 0) ÷ 110 = 4.181818…
    expectRow(s, 'บางคล้า', { total: 460 / 110, totalPct: (460 / 110 / 5) * 100 });
  });

  test('no weights at all: every KPI weighs the same', async () => {
    const s = await scored(three([null, null, null]), rows());
    expectRow(s, 'บางคล้า', { total: 3, totalPct: 60 });
  });

  test('some weights given: a KPI without one weighs 0', async () => {
    const s = await scored(three([20, null, 20]), rows());
    // (100 + 0) ÷ 40 = 2.5
    expectRow(s, 'บางคล้า', { total: 2.5 });
  });

  test('per group: only the group’s top-level KPIs, normalised by their weights', async () => {
    const fw = three([20, 20, 15], ['ทีม', 'ทีม', 'รายบุคคล']);
    const team = await scored(fw, rows(), SEP, 'ทีม');
    expectRow(team, 'บางคล้า', { total: 4.5, totalPct: 90 });
    expect(team.table.kpis.map((k) => k.kpi)).toEqual(['a', 'b']);
    const individual = await scored(fw, rows(), SEP, 'รายบุคคล');
    expectRow(individual, 'บางคล้า', { total: 0, totalPct: 0, rank: 1 });
    const all = await scored(fw, rows(), SEP);
    expectRow(all, 'บางคล้า', { total: 180 / 55 });
  });

  test('sub-items do not count in the total, their composite does', async () => {
    const fw = framework(
      'subs',
      [kpi('a', { weight: 50 }), composite('m', 'sum', { weight: 50 }), item('m1', 'm'), item('m2', 'm')],
      [
        ...ladder('a', '>=', FIVE_UP),
        ...ladder('m', '>=', [2, 1]),
        ...ladder('m1', '>=', [1], { points: [1], levels: ['1'] }),
        ...ladder('m2', '>=', [1], { points: [1], levels: ['1'] })
      ]
    );
    const s = await scored(fw, [
      result('บางคล้า', 'a', '2022-09', 80),
      result('บางคล้า', 'm1', '2022-09', 1),
      result('บางคล้า', 'm2', '2022-09', 1)
    ]);
    // a = 3, m = 1 + 1 = 2 → level 2 (top); (3×50 + 2×50) ÷ 100 = 2.5; max (5 + 2) ÷ 2 = 3.5
    expectRow(s, 'บางคล้า', { total: 2.5, totalPct: (2.5 / 3.5) * 100, missing: 0 });
  });
});

// ---------------------------------------------------------------------------------------------------------
describe('§4.7 ranking', () => {
  const one = (interpolate = false) =>
    framework('rank-total', [kpi('k', { interpolate })], ladder('k', '>=', FIVE_UP));

  test('competition ranking 1, 2, 2, 4', async () => {
    const s = await scored(one(), [
      result('บางคล้า', 'k', '2022-09', 100),
      result('บางปะกง', 'k', '2022-09', 90),
      result('บ้านโพธิ์', 'k', '2022-09', 95),
      result('คลองเขื่อน', 'k', '2022-09', 80)
    ]);
    expectRow(s, 'บางคล้า', { rank: 1 });
    expectRow(s, 'บางปะกง', { rank: 2 });
    expectRow(s, 'บ้านโพธิ์', { rank: 2 });
    expectRow(s, 'คลองเขื่อน', { rank: 4 });
    expectRow(s, 'ราชสาส์น', { rank: 5, total: 0, missing: 1 });
  });

  test('totals equal to 4 decimals tie; a difference in the 4th decimal does not', async () => {
    const s = await scored(one(true), [
      result('บางคล้า', 'k', '2022-09', 84.0001), // 3.40001 → 3.4000
      result('บางปะกง', 'k', '2022-09', 84.0004), // 3.40004 → 3.4000
      result('บ้านโพธิ์', 'k', '2022-09', 84.0012) // 3.40012 → 3.4001
    ]);
    expectRow(s, 'บ้านโพธิ์', { rank: 1, total: 3.40012 });
    expectRow(s, 'บางคล้า', { rank: 2, total: 3.40001 });
    expectRow(s, 'บางปะกง', { rank: 2, total: 3.40004 });
  });

  test('within a tie: more KPIs at their top level first, then Thai name order', async () => {
    const fw = framework(
      'tie-order',
      [kpi('a'), kpi('b')],
      [...ladder('a', '>=', FIVE_UP), ...ladder('b', '>=', FIVE_UP)]
    );
    const s = await scored(fw, [
      ...['บางคล้า', 'ท่าตะเกียบ'].flatMap((name) => [
        result(name, 'a', '2022-09', 80),
        result(name, 'b', '2022-09', 80)
      ]), // 3 + 3
      result('คลองเขื่อน', 'a', '2022-09', 100), // 5 + 1, one KPI at its top level
      result('คลองเขื่อน', 'b', '2022-09', 60)
    ]);
    for (const name of ['คลองเขื่อน', 'ท่าตะเกียบ', 'บางคล้า']) expectRow(s, name, { rank: 1, total: 3 });
    expect(rowOf(s.table, 'คลองเขื่อน').topCount).toBe(1);
    expectOrder(s, [
      'คลองเขื่อน',
      'ท่าตะเกียบ',
      'บางคล้า',
      // the rest tie at 0, in Thai order (leading vowels เ แ are skipped: เมือง under ม, แปลง under ป)
      'บางน้ำเปรี้ยว',
      'บางปะกง',
      'บ้านโพธิ์',
      'แปลงยาว',
      'พนมสารคาม',
      'เมืองฉะเชิงเทรา',
      'ราชสาส์น',
      'สนามชัยเขต'
    ]);
  });

  test('movement = rank in the previous period of the same grain − rank now', async () => {
    const rows = [
      result('บางคล้า', 'k', '2022-08', 100),
      result('บางปะกง', 'k', '2022-08', 90),
      result('บ้านโพธิ์', 'k', '2022-08', 80),
      result('บางคล้า', 'k', '2022-09', 80),
      result('บางปะกง', 'k', '2022-09', 90),
      result('บ้านโพธิ์', 'k', '2022-09', 100)
    ];
    const s = await scored(one(), rows, SEP);
    const movement = (name: string) => rowOf(s.table, name).movement;
    expect(movement('บ้านโพธิ์')).toBe(2); // 3rd → 1st
    expect(movement('บางปะกง')).toBe(0);
    expect(movement('บางคล้า')).toBe(-2); // 1st → 3rd
    expect(rowOf(s.table, 'บ้านโพธิ์').previousRank).toBe(3);
    expect(movement('ราชสาส์น')).toBe(0); // 4th and 4th
    const august = await scored(one(), rows, '2565-08');
    // July has no results: no movement
    expect(august.table.rows.every((row) => row.movement === null)).toBe(true);
  });

  test('movement of a quarter is against the previous quarter', async () => {
    const rows = [
      result('บางคล้า', 'k', '2022-05', 100),
      result('บางปะกง', 'k', '2022-05', 90),
      result('บางปะกง', 'k', '2022-08', 100),
      result('บางคล้า', 'k', '2022-08', 90)
    ];
    const s = await scored(one(), rows, Q4);
    expect(rowOf(s.table, 'บางปะกง').movement).toBe(1);
    expect(rowOf(s.table, 'บางคล้า').movement).toBe(-1);
  });

  test('regression: a previous period whose only rows have no value has no results, so no movement', async () => {
    const s = await scored(one(), [
      result('บางคล้า', 'k', '2022-08', null),
      result('บางคล้า', 'k', '2022-09', 100)
    ]);
    expect(s.table.rows.every((row) => row.movement === null)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------
describe('§4.2 / §4.6 missing is not below', () => {
  test('not reported: missing, counted; reported below every band: below, not counted; both score 0', async () => {
    const fw = framework(
      'missing',
      [kpi('a'), kpi('b')],
      [...ladder('a', '>=', FIVE_UP), ...ladder('b', '>=', FIVE_UP)]
    );
    const s = await scored(fw, [result('บางคล้า', 'a', '2022-09', 10), result('บางคล้า', 'b', '2022-08', 100)]);
    expectCell(s, 'บางคล้า', 'a', { status: 'below', level: null, score: 0, measured: 10 });
    expectCell(s, 'บางคล้า', 'b', { status: 'missing', level: null, score: 0, measured: null });
    expectRow(s, 'บางคล้า', { missing: 1, total: 0 });
    expectRow(s, 'บางปะกง', { missing: 2, total: 0 });
  });

  test('a month outside the period is not a report for it', async () => {
    const fw = framework('outside', [kpi('a')], ladder('a', '>=', FIVE_UP));
    const s = await scored(fw, [result('บางคล้า', 'a', '2022-06', 100)], Q4);
    expectCell(s, 'บางคล้า', 'a', { status: 'missing' });
  });

  test('results of a district of another province change nothing', async () => {
    const fw = framework(
      'other-province',
      [kpi('r', { measure: 'rank_desc' })],
      [band('r', 5, 5, '<=', 1), band('r', 1, 1, 'any')]
    );
    const s = await scored(fw, [
      result('บางคล้า', 'r', '2022-09', 10),
      result('2501', 'r', '2022-09', 99) // เมืองปราจีนบุรี
    ]);
    expectCell(s, 'บางคล้า', 'r', { measured: 1, level: '5' });
    expect(s.table.rows).toHaveLength(11);
  });
});
