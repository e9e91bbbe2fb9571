/**
 * Trends queries on DuckDB-WASM (the browser's engine) over the hand-scored fixture of
 * trends-compare.fixture.ts; every expected number below is worked out in that file's table by hand.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openNodeWasmDb } from '../db/node-wasm';
import type { Db } from '../db/types';
import { FIXTURE_ID, loadFixture } from './trends-compare.fixture';
import { unit } from './testing';
import {
  chosenUnits,
  frameworkUnits,
  kpiTrend,
  measuredUnit,
  bottomUnits,
  topUnits,
  totalTrend,
  trendMonths,
  unitKpiTrends,
  type TrendUnit
} from './trends';
import { Workspace } from './workspace';

let db: Db;

beforeAll(async () => {
  db = await openNodeWasmDb({ reuseModule: true });
  await loadFixture(await Workspace.open(db));
});

afterAll(async () => {
  await db?.close();
});

const MONTHS = ['2022-04', '2022-05', '2022-06', '2022-07', '2022-08', '2022-09'];
const BANGKHLA = { unitId: unit('บางคล้า'), name: 'บางคล้า' };
const BANGPAKONG = { unitId: unit('บางปะกง'), name: 'บางปะกง' };
const MUEANG = { unitId: unit('เมืองฉะเชิงเทรา'), name: 'เมืองฉะเชิงเทรา' };

function rounded(values: readonly (number | null)[]): (number | null)[] {
  return values.map((value) => (value === null ? null : Math.round(value * 10_000) / 10_000));
}

test('months are the framework month periods, oldest first (last year’s results add none)', async () => {
  const months = await trendMonths(db, FIXTURE_ID);
  expect(months.map((month) => month.month)).toEqual(MONTHS);
  expect(months.map((month) => month.periodId)).toEqual([
    '2565-04',
    '2565-05',
    '2565-06',
    '2565-07',
    '2565-08',
    '2565-09'
  ]);
});

test('framework units come in Thai name order', async () => {
  const units = await frameworkUnits(db, FIXTURE_ID);
  expect(units).toHaveLength(11);
  const names = units.map((u) => u.name);
  expect(names).toEqual([...names].sort(new Intl.Collator('th').compare));
});

describe('top units of a period (the default choice)', () => {
  test.each([
    ['2565-04', '*', 3, [BANGPAKONG, BANGKHLA, MUEANG]],
    ['2565-06', '*', 2, [BANGPAKONG, MUEANG]],
    ['2565-05', '*', 3, [BANGKHLA, MUEANG]],
    ['2565-06', 'G1', 1, [BANGPAKONG]],
    ['2565-09', '*', 3, []]
  ])('%s group %s top %i', async (period, group, count, expected) => {
    expect(await topUnits(db, FIXTURE_ID, period, group, count)).toEqual(expected.map((u) => u.unitId));
  });
});

describe('bottom units of a period (the trends default: who needs attention), the last first', () => {
  // Only these three districts report, so the bottom is the top turned round; June: บางคล้า scores 0
  // (a 50 and b 60 below every band), เมืองฉะเชิงเทรา 1.6 (a 72 → 2, b 42 → 1), บางปะกง 4; on G1 (a only)
  // บางคล้า 0 < เมืองฉะเชิงเทรา 2 < บางปะกง 4.
  test.each([
    ['2565-04', '*', 3, [MUEANG, BANGKHLA, BANGPAKONG]],
    ['2565-04', '*', 2, [MUEANG, BANGKHLA]],
    ['2565-05', '*', 3, [MUEANG, BANGKHLA]],
    ['2565-06', '*', 1, [BANGKHLA]],
    ['2565-06', 'G1', 2, [BANGKHLA, MUEANG]],
    ['2565-09', '*', 3, []]
  ])('%s group %s bottom %i', async (period, group, count, expected) => {
    expect(await bottomUnits(db, FIXTURE_ID, period, group, count)).toEqual(expected.map((u) => u.unitId));
  });

  test('the bottom of a period is its top turned round when every reporting unit is taken', async () => {
    for (const period of ['2565-04', '2565-05', '2565-06'])
      expect(await bottomUnits(db, FIXTURE_ID, period, '*', 11)).toEqual(
        (await topUnits(db, FIXTURE_ID, period, '*', 11)).reverse()
      );
  });
});

describe('weighted total per month against the province mean and median', () => {
  test.each([
    {
      group: '*',
      units: [BANGKHLA, BANGPAKONG, MUEANG],
      totals: [
        [4, 3, 0, null, null, null],
        [5, null, 4, null, null, null],
        [1.2, 1, 1.6, null, null, null]
      ],
      mean: [3.4, 2, 1.8667, null, null, null],
      median: [4, 2, 1.6, null, null, null],
      reported: [3, 2, 3, 0, 0, 0]
    },
    {
      group: 'G1',
      units: [MUEANG],
      totals: [[2, 1, 2, null, null, null]],
      mean: [3.6667, 2, 2, null, null, null],
      median: [4, 2, 2, null, null, null],
      reported: [3, 2, 3, 0, 0, 0]
    },
    {
      group: 'G2',
      units: [MUEANG, BANGKHLA],
      totals: [
        [null, 1, 1, null, null, null],
        [4, 3, 0, null, null, null]
      ],
      mean: [4.5, 2, 1.6667, null, null, null],
      median: [4.5, 2, 1, null, null, null],
      reported: [2, 2, 3, 0, 0, 0]
    }
  ])('group $group', async ({ group, units, totals, mean, median, reported }) => {
    const trend = await totalTrend(db, FIXTURE_ID, group, units);
    expect(trend.months.map((m) => m.month)).toEqual(MONTHS);
    expect(trend.units.map((u) => u.name)).toEqual(units.map((u) => u.name));
    expect(trend.units.map((u) => rounded(u.totals))).toEqual(totals);
    expect(rounded(trend.mean)).toEqual(mean);
    expect(rounded(trend.median)).toEqual(median);
    expect(trend.reported).toEqual(reported);
    expect(trend.maxTotal).toBe(5);
  });

  test('no units chosen still gives the province lines', async () => {
    const trend = await totalTrend(db, FIXTURE_ID, '*', []);
    expect(trend.units).toEqual([]);
    expect(rounded(trend.median)).toEqual([4, 2, 1.6, null, null, null]);
  });
});

describe('one KPI month by month', () => {
  test('a lower-is-better KPI with per-unit bands draws the first chosen unit’s bands', async () => {
    const trend = await kpiTrend(db, FIXTURE_ID, 'b', [BANGPAKONG, BANGKHLA]);
    expect(trend).not.toBeNull();
    expect(trend?.kpi).toMatchObject({
      kpi: 'b',
      direction: -1,
      topPoints: 5,
      unitBands: true,
      measure: 'value'
    });
    expect(trend?.bandsUnitId).toBe(BANGPAKONG.unitId);
    expect(trend?.bands.map((b) => [b.level, b.op, b.value, b.start])).toEqual([
      ['5', '<=', 8, 8],
      ['4', '<=', 20, 20],
      ['3', '<=', 30, 30],
      ['2', '<=', 40, 40],
      ['1', '<=', 50, 50]
    ]);
    const [pakong, khla] = trend?.units ?? [];
    expect(pakong.points.map((p) => p.measured)).toEqual([5, null, 10, null, null, null]);
    expect(pakong.points.map((p) => p.level)).toEqual(['5', null, '4', null, null, null]);
    expect(khla.points.map((p) => p.measured)).toEqual([15, 25, 60, null, null, null]);
    expect(khla.points.map((p) => p.status)).toEqual(['ok', 'ok', 'below', 'missing', 'missing', 'missing']);
  });

  test('the general bands when the first unit has none of its own', async () => {
    const trend = await kpiTrend(db, FIXTURE_ID, 'b', [BANGKHLA]);
    expect(trend?.bandsUnitId).toBe(BANGKHLA.unitId);
    expect(trend?.bands[0]).toMatchObject({ level: '5', value: 10 });
  });

  test('a composite shows its combined value; missing when a sub-item is', async () => {
    const trend = await kpiTrend(db, FIXTURE_ID, 'c', [BANGKHLA]);
    expect(trend?.kpi).toMatchObject({ measure: 'combine', topPoints: 4, unitBands: false });
    expect(trend?.bandsUnitId).toBeNull();
    expect(trend?.units[0].points.slice(0, 3)).toEqual([
      { measured: 3, level: '3', points: 3, status: 'ok' },
      { measured: null, level: null, points: null, status: 'missing' },
      { measured: null, level: null, points: null, status: 'missing' }
    ]);
  });

  test('an unknown KPI gives null', async () => {
    expect(await kpiTrend(db, FIXTURE_ID, 'nope', [BANGKHLA])).toBeNull();
  });
});

test('every top-level KPI of one district, with that district’s bands', async () => {
  const trends = await unitKpiTrends(db, FIXTURE_ID, BANGPAKONG.unitId);
  expect(trends.kpis.map((k) => k.kpi.kpi)).toEqual(['a', 'b', 'c']);
  const [a, b, c] = trends.kpis;
  expect(a.points.map((p) => p.measured)).toEqual([100, null, 90, null, null, null]);
  expect(a.kpi.direction).toBe(1);
  expect(b.bands[0]).toMatchObject({ level: '5', value: 8 });
  expect(b.points.map((p) => p.level)).toEqual(['5', null, '4', null, null, null]);
  expect(c.points.every((p) => p.status === 'missing')).toBe(true);
  expect(c.bands.map((band) => band.level)).toEqual(['4', '3', '2', '1']);
});

test('chosenUnits keeps known units in the chosen order, without repeats, up to a maximum', () => {
  const all: TrendUnit[] = [BANGKHLA, BANGPAKONG, MUEANG];
  expect(chosenUnits(all, [MUEANG.unitId, 'x', BANGKHLA.unitId, MUEANG.unitId], 5)).toEqual([
    MUEANG,
    BANGKHLA
  ]);
  expect(chosenUnits(all, [BANGPAKONG.unitId, BANGKHLA.unitId, MUEANG.unitId], 2)).toEqual([
    BANGPAKONG,
    BANGKHLA
  ]);
});

test.each([
  ['pct_of_target', null, 'ร้อยละของเป้าหมาย'],
  ['rank_asc', null, 'อันดับ'],
  ['value', 'ครัวเรือน', 'ครัวเรือน'],
  ['value', null, 'ค่าที่รายงาน'],
  ['combine', null, 'ค่ารวมของตัวชี้วัดย่อย']
] as const)('measuredUnit(%s, %s)', (measure, label, expected) => {
  expect(measuredUnit(measure, label, 'th')).toBe(expected);
});
