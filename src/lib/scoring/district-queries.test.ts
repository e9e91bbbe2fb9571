/**
 * The district page's queries and explanations on DuckDB-WASM: the scorecard of seed 001's monthly
 * self-assessment form (weight, result, score, weighted score = score × weight ÷ 100, total), the months behind
 * each KPI, rank by month, and the "why" text — on the demo data of seed 001 and the hand-scored fixture.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/types';
import { openNodeWasmDb } from '../db/node-wasm';
import { builtinFramework } from '../frameworks/builtin';
import { districtScorecard, districtUnits } from './district-queries';
import { explainKpi } from './explain';
import { scoreOn, unit } from './testing';
import { BANGKHLA, BANGPAKONG, viewsFramework, viewsResults } from './views-fixture';
import { putDemo } from './demo.testing';
import { Workspace } from './workspace';

let db: Db;
let workspace: Workspace;
const DEMO = 'chachoengsao-2565-r2';
const ROUND_MONTHS = ['2022-04', '2022-05', '2022-06', '2022-07', '2022-08', '2022-09'];
const MUEANG = unit('เมืองฉะเชิงเทรา');

beforeAll(async () => {
  db = await openNodeWasmDb({ reuseModule: true });
  workspace = await Workspace.open(db);
  await scoreOn(workspace, viewsFramework(), viewsResults(), '2565-09');
  await putDemo(workspace, DEMO);
});

afterAll(async () => {
  await db?.close();
});

describe('the demo scorecard of เมืองฉะเชิงเทรา, round 2', () => {
  test.each(['*', 'ตัวชี้วัดรายทีม', 'ตัวชี้วัดรายบุคคล'])(
    'group %s: the weighted total and rank are the league table’s; Σ score × weight ÷ 100 × 100 ÷ Σ weight = total',
    async (group) => {
      const card = await districtScorecard(db, builtinFramework(DEMO)!, 'FY2565-R2', group, MUEANG);
      const league = await workspace.leagueTable(DEMO, 'FY2565-R2', group);
      const row = league.rows.find((r) => r.unitId === MUEANG);
      expect(card.unit).toBe('เมืองฉะเชิงเทรา');
      expect(card.total?.total).toBeCloseTo(row?.total as number, 9);
      expect(card.total?.rank).toBe(row?.rank);
      expect(card.total?.units).toBe(11);
      expect(card.rows.map((r) => r.kpi.kpi)).toEqual(league.kpis.map((k) => k.kpi));
      expect((card.weightedSum * 100) / card.weightSum).toBeCloseTo(row?.total as number, 9);
      for (const scoreRow of card.rows) {
        expect(scoreRow.weightedScore).toBeCloseTo(
          (scoreRow.cell.score * (scoreRow.kpi.weight as number)) / 100,
          12
        );
      }
    }
  );

  test('weights as the letter gives them: team 5 × 20 = 100, individual 105', async () => {
    const team = await districtScorecard(db, builtinFramework(DEMO)!, 'FY2565-R2', 'ตัวชี้วัดรายทีม', MUEANG);
    const person = await districtScorecard(db, builtinFramework(DEMO)!, 'FY2565-R2', 'ตัวชี้วัดรายบุคคล', MUEANG);
    expect([team.weightSum, person.weightSum]).toEqual([100, 105]);
  });

  test('T1: the months reported, the last month’s figures, rank by month and the trend of the measured value', async () => {
    const card = await districtScorecard(db, builtinFramework(DEMO)!, 'FY2565-R2', '*', MUEANG);
    const t1 = card.rows.find((r) => r.kpi.kpi === 'T1');
    expect(t1?.months.map((m) => [m.month, m.value, m.target])).toEqual([
      ['2022-04', 732113.47, 1180440],
      ['2022-07', 935028.75, 1180440],
      ['2022-08', 1010071.68, 1180440],
      ['2022-09', 1085864.12, 1180440]
    ]);
    expect(t1?.cell).toMatchObject({
      value: 1085864.12,
      target: 1180440,
      level: '3',
      score: 3,
      status: 'ok'
    });
    expect(t1?.weightedScore).toBeCloseTo(0.6, 12);
    expect(t1?.trend.map((p) => p.month)).toEqual(ROUND_MONTHS);
    expect(t1?.trend[1]).toMatchObject({ measured: null, status: 'missing' });
    expect(t1?.bands.map((b) => b.value)).toEqual([100, 95, 90, 85, 80]);
    expect(card.rankHistory.map((p) => p.month)).toEqual(ROUND_MONTHS);
    for (const point of card.rankHistory) {
      const league = await workspace.leagueTable(DEMO, point.periodId);
      expect(point.rank).toBe(league.rows.find((r) => r.unitId === MUEANG)?.rank);
      expect(point).toMatchObject({ units: 11, hasData: true });
    }
  });

  test('why T1 is level 3 and I1 level 4, in Thai', async () => {
    const card = await districtScorecard(db, builtinFramework(DEMO)!, 'FY2565-R2', '*', MUEANG);
    const text = (kpi: string) => {
      const row = card.rows.find((r) => r.kpi.kpi === kpi)!;
      return explainKpi(row, [], ROUND_MONTHS, 'th').map((line) => `${line.term}: ${line.text}`);
    };
    expect(text('T1')).toEqual([
      'เดือนที่ใช้: รายงาน 4 จาก 6 เดือน: เม.ย. 2565, ก.ค. 2565, ส.ค. 2565, ก.ย. 2565 (ไม่ได้รายงาน: พ.ค. 2565, มิ.ย. 2565)',
      'การรวมค่า: ใช้ค่าของเดือนล่าสุดที่รายงาน: ก.ย. 2565 = 1,085,864.12; เป้าหมาย 1,180,440',
      'ค่าที่ใช้จัดระดับ: ร้อยละของเป้าหมาย: 1,085,864.12 ÷ 1,180,440 × 100 = 91.99',
      'เกณฑ์ที่ผ่าน: ระดับ 3 (ตั้งแต่ ร้อยละ 90): ไม่น้อยกว่าร้อยละ ๙๐ ของงบประมาณที่ได้รับการจัดสรร',
      'คะแนน: 3 คะแนน; ถ่วงน้ำหนัก: 3 × 20 ÷ 100 = 0.60',
      'ระดับถัดไป: ระดับ 4: ตั้งแต่ ร้อยละ 95 — ต้องเพิ่มอีก 3.02 จุดร้อยละ (ผลการดำเนินงานเพิ่มอีก 35,553.88 ให้ถึง 1,121,418)',
      'ระดับเป้าหมาย: ระดับ 5: ตั้งแต่ ร้อยละ 100 — ต้องเพิ่มอีก 8.02 จุดร้อยละ (ผลการดำเนินงานเพิ่มอีก 94,575.88 ให้ถึง 1,180,440)'
    ]);
    expect(text('I1')).toContain('ระดับถัดไป: ระดับ 5: ไม่เกิน 29 ครัวเรือน — ลดอีก 5 ครัวเรือน');
    expect(text('I1')).toContain(
      'เกณฑ์ที่ผ่าน: ระดับ 4 (ไม่เกิน 38 ครัวเรือน): ครัวเรือนยากจนเป้าหมายที่มีรายได้ต่ำกว่าเกณฑ์ จปฐ. คงเหลือไม่เกินร้อยละ ๒๐ (เมืองฉะเชิงเทรา: ไม่เกิน ๓๘ ครัวเรือน)'
    );
  });

  test('units of the framework in Thai order', async () => {
    const units = await districtUnits(db, DEMO);
    expect(units).toHaveLength(11);
    expect(units.map((u) => u.name)).toEqual(
      [...units.map((u) => u.name)].sort(new Intl.Collator('th').compare)
    );
  });
});

describe('the fixture: composites, below every band, not reported', () => {
  test('บางคล้า: c counts its sub-items at top level; the rows nest the sub-items', async () => {
    const card = await districtScorecard(db, viewsFramework(), '2565-09', '*', BANGKHLA);
    expect(card.rows.map((r) => [r.kpi.kpi, r.depth])).toEqual([
      ['a', 0],
      ['b', 0],
      ['c', 0],
      ['c1', 1],
      ['c2', 1]
    ]);
    const c = card.rows.find((r) => r.kpi.kpi === 'c')!;
    const lines = explainKpi(
      c,
      card.rows.filter((r) => r.kpi.parent === 'c'),
      ['2022-09'],
      'th'
    );
    expect(lines.map((l) => l.text)).toContain('จำนวนรายการย่อยที่ได้ระดับสูงสุด: c1 ✓, c2 ✗ = 1 ข้อ');
    expect(lines.find((l) => l.term === 'ระดับถัดไป')?.text).toBe('ระดับ 2: ตั้งแต่ 2 ข้อ — ต้องเพิ่มอีก 1 ข้อ');
    // Composite with sub-items scored 0 weight: no weighted part of the total.
    expect(card.rows.find((r) => r.kpi.kpi === 'c1')?.weightedScore).toBeNull();
  });

  test('บางปะกง: a composite whose sub-items were not reported, and a band of its own', async () => {
    const card = await districtScorecard(db, viewsFramework(), '2565-09', '*', BANGPAKONG);
    const c = card.rows.find((r) => r.kpi.kpi === 'c')!;
    const lines = explainKpi(
      c,
      card.rows.filter((r) => r.kpi.parent === 'c'),
      ['2022-09'],
      'th'
    );
    expect(lines.map((l) => l.text)).toContain(
      'จำนวนรายการย่อยที่ได้ระดับสูงสุด: รายการย่อย c1, c2 ไม่ได้รายงาน จึงถือว่าไม่ได้รายงาน'
    );
    expect(lines.map((l) => l.text)).toContain('ไม่ได้รายงาน — ได้ 0 คะแนน');
    const b = card.rows.find((r) => r.kpi.kpi === 'b')!;
    const bLines = explainKpi(b, [], ['2022-09'], 'th');
    expect(bLines.find((l) => l.term === 'ระดับถัดไป')?.text).toBe('ระดับ 5: ไม่เกิน 8 ครัวเรือน — ลดอีก 1 ครัวเรือน');
  });

  test('เมือง: below every band says what the lowest level needs', async () => {
    const card = await districtScorecard(db, viewsFramework(), '2565-09', '*', unit('เมืองฉะเชิงเทรา'));
    const a = card.rows.find((r) => r.kpi.kpi === 'a')!;
    const lines = explainKpi(a, [], ROUND_MONTHS, 'th');
    expect(lines.find((l) => l.term === 'เกณฑ์ที่ผ่าน')?.text).toBe(
      'ต่ำกว่าเกณฑ์ทุกระดับ — ได้ 0 คะแนน (ระดับต่ำสุด 1 ต้องตั้งแต่ 60 ครั้ง)'
    );
    expect(lines.find((l) => l.term === 'ระดับถัดไป')?.text).toBe('ระดับ 1: ตั้งแต่ 60 ครั้ง — ต้องเพิ่มอีก 10 ครั้ง');
    expect(lines.find((l) => l.term === 'ระดับเป้าหมาย')?.text).toBe('ระดับ 4: ตั้งแต่ 90 ครั้ง — ต้องเพิ่มอีก 40 ครั้ง');
  });
});
