/**
 * The missions view's queries on DuckDB-WASM: units per level of each KPI, and the unit × KPI grid in
 * league order — on the hand-scored fixture (views-fixture.ts) and on the demo data of seed 001, whose
 * counts are recomputed here from the CSV text and the letter's bands.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/types';
import { openNodeWasmDb } from '../db/node-wasm';
import { builtinFramework } from '../frameworks/builtin';
import { breakdownKpis, levelBreakdown, levelGrid } from './missions-queries';
import { scoreOn, unit } from './testing';
import { BANGKHLA, BANGPAKONG, MUEANG, viewsFramework, viewsResults } from './views-fixture';
import { demoCsv, putDemo } from './demo.testing';
import { Workspace } from './workspace';

let db: Db;
let workspace: Workspace;
const DEMO = 'chachoengsao-2565-r2';

beforeAll(async () => {
  db = await openNodeWasmDb({ reuseModule: true });
  workspace = await Workspace.open(db);
  await scoreOn(workspace, viewsFramework(), viewsResults(), '2565-09');
  await putDemo(workspace, DEMO);
});

afterAll(async () => {
  await db?.close();
});

function summary(counts: Awaited<ReturnType<typeof levelBreakdown>>[number]) {
  return {
    levels: Object.fromEntries(counts.levels.map((slot) => [slot.level, slot.units])),
    below: counts.below,
    missing: counts.missing,
    total: counts.total
  };
}

describe('units per level', () => {
  test.each([
    ['a', { levels: { '5': 0, '4': 1, '3': 1, '2': 0, '1': 0 }, below: 1, missing: 8, total: 11 }],
    ['b', { levels: { '5': 0, '4': 2, '3': 0, '2': 0, '1': 0 }, below: 1, missing: 8, total: 11 }],
    ['c', { levels: { '2': 0, '1': 1 }, below: 0, missing: 10, total: 11 }]
  ] as const)('%s in September', async (kpi, expected) => {
    const counts = await levelBreakdown(db, viewsFramework(), '2565-09', '*');
    const entry = counts.find((c) => c.kpi.kpi === kpi);
    expect(entry && summary(entry)).toEqual(expected);
  });

  test('sub-items on demand, after their composite; the group filter keeps a group’s KPIs', async () => {
    const fw = viewsFramework();
    expect((await levelBreakdown(db, fw, '2565-09', '*')).map((c) => c.kpi.kpi)).toEqual(['a', 'b', 'c']);
    const withItems = await levelBreakdown(db, fw, '2565-09', 'G2', true);
    expect(withItems.map((c) => [c.kpi.kpi, c.depth])).toEqual([
      ['b', 0],
      ['c', 0],
      ['c1', 1],
      ['c2', 1]
    ]);
    expect(summary(withItems[2])).toMatchObject({ levels: { '2': 1, '1': 0 }, missing: 10 });
    expect(summary(withItems[3])).toMatchObject({ levels: { '2': 0, '1': 1 }, missing: 10 });
    expect(breakdownKpis(fw, 'G1', true).map((k) => k.kpi.kpi)).toEqual(['a']);
  });

  test('seed 001 demo, round 2: T2 levels as recomputed from the CSV (last month reported, ≥ 1..5)', async () => {
    const text = demoCsv(DEMO);
    const last = new Map<string, { month: string; value: number }>();
    for (const line of text.trim().split(/\r?\n/).slice(1)) {
      const [unitName, kpi, month, value] = line.split(',');
      if (kpi !== 'T2' || value === '' || month < '2565-04' || month > '2565-09') continue;
      const seen = last.get(unitName);
      if (!seen || seen.month < month) last.set(unitName, { month, value: Number(value) });
    }
    const expected: Record<string, number> = { '5': 0, '4': 0, '3': 0, '2': 0, '1': 0 };
    let below = 0;
    for (const { value } of last.values()) {
      const level = Math.min(5, Math.floor(value));
      if (level >= 1) expected[String(level)]++;
      else below++;
    }
    const framework = builtinFramework(DEMO);
    const counts = await levelBreakdown(db, framework!, 'FY2565-R2', '*');
    const t2 = counts.find((c) => c.kpi.kpi === 'T2');
    expect(t2 && summary(t2)).toEqual({ levels: expected, below, missing: 11 - last.size, total: 11 });
  });
});

describe('the grid', () => {
  test('units in league order with each KPI’s measured value, level and status', async () => {
    const grid = await levelGrid(db, viewsFramework(), '2565-09', '*');
    expect(grid.kpis.map((k) => k.kpi)).toEqual(['a', 'b', 'c']);
    expect(grid.rows).toHaveLength(11);
    // บางคล้า 4×60 + 4×40 = 400 ÷ 100 = 4; บางปะกง (3×60 + 4×40) ÷ 100 = 3.4; the rest tie at 0 (Thai name order).
    expect(grid.rows.slice(0, 3).map((r) => [r.rank, r.unitId])).toEqual([
      [1, BANGKHLA],
      [2, BANGPAKONG],
      [3, unit('คลองเขื่อน')]
    ]);
    expect(grid.rows[1].cells.b).toEqual({ measured: 9, level: '4', points: 4, score: 4, status: 'ok' });
    const mueang = grid.rows.find((r) => r.unitId === MUEANG);
    expect(mueang?.rank).toBe(3);
    expect(mueang?.cells.a).toMatchObject({ measured: 50, level: null, status: 'below' });
    expect(grid.rows[1].cells.c).toMatchObject({ measured: null, status: 'missing' });
    expect(grid.topPoints).toEqual({ a: 5, b: 5, c: 2 });
  });

  test('the demo grid follows the league table: same order, same measured values', async () => {
    const framework = builtinFramework(DEMO)!;
    const grid = await levelGrid(db, framework, 'FY2565-R2', 'ตัวชี้วัดรายทีม');
    const league = await workspace.leagueTable(DEMO, 'FY2565-R2', 'ตัวชี้วัดรายทีม');
    expect(grid.kpis.map((k) => k.kpi)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    expect(grid.rows.map((r) => r.unitId)).toEqual(league.rows.map((r) => r.unitId));
    for (const row of league.rows) {
      const gridRow = grid.rows.find((r) => r.unitId === row.unitId);
      for (const kpi of grid.kpis) expect(gridRow?.cells[kpi.kpi].measured).toBe(row.cells[kpi.kpi].measured);
    }
  });
});
