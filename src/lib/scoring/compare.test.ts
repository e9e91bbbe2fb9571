/**
 * Compare queries on DuckDB-WASM over the hand-scored fixture of trends-compare.fixture.ts. Totals by
 * hand (weights a 60, b 40, c 0; max total 5): 2565-04 บางปะกง 5, บางคล้า 4, เมือง 1.2, others 0;
 * 2565-05 บางคล้า 3, เมือง 1, others 0 (บางปะกง reported nothing); 2565-06 บางปะกง 4, เมือง 1.6,
 * บางคล้า 0 (reported, below every band), others 0.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openNodeWasmDb } from '../db/node-wasm';
import type { Db } from '../db/types';
import { parsePeriodId, periodsOfFramework, type Period } from '../domain/periods';
import {
  chronological,
  comparePeriodOptions,
  compareSuggestions,
  comparePeriods,
  defaultComparePeriod,
  ensurePeriodScored,
  formatDelta,
  formatPointDelta,
  movers,
  sortCompareRows,
  type CompareRow,
  type Comparison
} from './compare';
import { unit } from './testing';
import { FIXTURE_ID, loadFixture } from './trends-compare.fixture';
import { Workspace } from './workspace';

let db: Db;
let workspace: Workspace;

beforeAll(async () => {
  db = await openNodeWasmDb({ reuseModule: true });
  workspace = await Workspace.open(db);
  await loadFixture(workspace);
});

afterAll(async () => {
  await db?.close();
});

function p(id: string): Period {
  const period = parsePeriodId(id);
  if (!period) throw new Error(id);
  return period;
}

function row(comparison: Comparison, name: string): CompareRow {
  const found = comparison.rows.find((r) => r.unitId === unit(name));
  if (!found) throw new Error(name);
  return found;
}

const round = (value: number | null | undefined) =>
  value == null ? null : Math.round(value * 10_000) / 10_000;

describe('periods offered for comparison', () => {
  test('a month: the other covered months, and last year’s when it has results', async () => {
    const options = await comparePeriodOptions(db, FIXTURE_ID, p('2565-06'));
    expect(options.map((o) => [o.period.id, o.hasData, o.scored, o.lastYear])).toEqual([
      ['2564-06', true, false, true],
      ['2565-04', true, true, false],
      ['2565-05', true, true, false],
      ['2565-07', false, true, false],
      ['2565-08', false, true, false],
      ['2565-09', false, true, false]
    ]);
    expect(defaultComparePeriod(options, p('2565-06'))?.id).toBe('2565-05');
  });

  test('no previous month covered and no result last year: the nearest later month', async () => {
    const options = await comparePeriodOptions(db, FIXTURE_ID, p('2565-04'));
    expect(options.some((o) => o.lastYear)).toBe(false);
    expect(defaultComparePeriod(options, p('2565-04'))?.id).toBe('2565-05');
  });

  test('quarters: the other quarter, and last year’s quarter when it has results', async () => {
    const q4 = await comparePeriodOptions(db, FIXTURE_ID, p('FY2565-Q4'));
    expect(q4.map((o) => [o.period.id, o.hasData, o.lastYear])).toEqual([['FY2565-Q3', true, false]]);
    expect(defaultComparePeriod(q4, p('FY2565-Q4'))?.id).toBe('FY2565-Q3');
    const q3 = await comparePeriodOptions(db, FIXTURE_ID, p('FY2565-Q3'));
    expect(q3.map((o) => [o.period.id, o.hasData, o.lastYear])).toEqual([
      ['FY2564-Q3', true, true],
      ['FY2565-Q4', false, false]
    ]);
    expect(defaultComparePeriod(q3, p('FY2565-Q3'))?.id).toBe('FY2564-Q3');
  });

  test('nothing to compare gives no default', () => {
    expect(defaultComparePeriod([], p('FY2565-R2'))).toBeNull();
  });
});

describe('totals, ranks and deltas of two months', () => {
  test('May → June: deltas run from the earlier to the later period whichever is picked first', async () => {
    for (const [first, second] of [
      ['2565-05', '2565-06'],
      ['2565-06', '2565-05']
    ]) {
      const comparison = await comparePeriods(db, FIXTURE_ID, p(first), p(second), '*');
      expect([comparison.before.id, comparison.after.id]).toEqual(['2565-05', '2565-06']);
      expect(comparison.beforeHasData && comparison.afterHasData).toBe(true);
      expect(comparison.rows).toHaveLength(11);
      expect(comparison.rows.slice(0, 2).map((r) => r.name)).toEqual(['บางปะกง', 'เมืองฉะเชิงเทรา']);
      const khla = row(comparison, 'บางคล้า');
      expect([khla.before?.total, khla.before?.rank, khla.after?.total, khla.after?.rank]).toEqual([
        3, 1, 0, 3
      ]);
      expect([khla.deltaTotal, khla.deltaRank, round(khla.deltaPct)]).toEqual([-3, -2, -60]);
      const mueang = row(comparison, 'เมืองฉะเชิงเทรา');
      expect([round(mueang.deltaTotal), mueang.deltaRank, round(mueang.deltaPct)]).toEqual([0.6, 0, 12]);
      const pakong = row(comparison, 'บางปะกง');
      expect(pakong.before).toMatchObject({ total: 0, rank: 3, reported: false });
      expect([pakong.deltaTotal, pakong.deltaRank]).toEqual([4, 2]);
    }
  });

  test('risers and fallers count only units that reported in both periods', async () => {
    const mayJune = movers((await comparePeriods(db, FIXTURE_ID, p('2565-05'), p('2565-06'), '*')).rows);
    expect(mayJune.risers).toEqual([]);
    expect(mayJune.fallers.map((r) => r.name)).toEqual(['บางคล้า']);
    const aprMay = movers((await comparePeriods(db, FIXTURE_ID, p('2565-04'), p('2565-05'), '*')).rows);
    // both moved up one rank; เมือง lost less (−0.2 against −1), so it comes first
    expect(aprMay.risers.map((r) => [r.name, r.deltaRank])).toEqual([
      ['เมืองฉะเชิงเทรา', 1],
      ['บางคล้า', 1]
    ]);
    expect(aprMay.fallers).toEqual([]);
  });

  test('per KPI, how many districts moved up, down or stayed a level', async () => {
    const comparison = await comparePeriods(db, FIXTURE_ID, p('2565-05'), p('2565-06'), '*');
    expect(comparison.kpiMoves.map((m) => [m.kpi, m.up, m.down, m.same, m.notCompared])).toEqual([
      ['a', 1, 1, 0, 9],
      ['b', 0, 1, 1, 9],
      ['c', 0, 0, 0, 11]
    ]);
    const g2 = await comparePeriods(db, FIXTURE_ID, p('2565-05'), p('2565-06'), 'G2');
    expect(g2.kpiMoves.map((m) => m.kpi)).toEqual(['b', 'c']);
  });

  test('a period without any result has no standings and says so', async () => {
    const comparison = await comparePeriods(db, FIXTURE_ID, p('2565-06'), p('2565-07'), '*');
    expect([comparison.beforeHasData, comparison.afterHasData]).toEqual([true, false]);
    expect(
      comparison.rows.every((r) => r.after === null && r.deltaTotal === null && r.deltaRank === null)
    ).toBe(true);
    expect(comparison.kpiMoves).toEqual([]);
  });
});

test('last year’s round is scored on demand and then compared', async () => {
  const round2 = p('FY2565-R2');
  const options = await comparePeriodOptions(db, FIXTURE_ID, round2);
  expect(options.map((o) => [o.period.id, o.scored])).toEqual([['FY2564-R2', false]]);
  const lastYear = defaultComparePeriod(options, round2);
  expect(lastYear?.id).toBe('FY2564-R2');
  const before = await comparePeriods(db, FIXTURE_ID, round2, p('FY2564-R2'), '*');
  expect(before.beforeHasData).toBe(false);
  expect(await ensurePeriodScored(workspace, FIXTURE_ID, options[0])).toBe(true);
  const comparison = await comparePeriods(db, FIXTURE_ID, round2, p('FY2564-R2'), '*');
  expect(comparison.beforeHasData).toBe(true);
  const khla = row(comparison, 'บางคล้า');
  expect([
    khla.before?.total,
    khla.before?.rank,
    khla.after?.total,
    khla.after?.rank,
    khla.deltaRank
  ]).toEqual([3, 1, 0, 3, -2]);
  expect((await comparePeriodOptions(db, FIXTURE_ID, round2))[0]).toMatchObject({
    scored: true,
    hasData: true
  });
});

describe('pure helpers', () => {
  const rows: CompareRow[] = [
    { unitId: '1', name: 'ข', before: null, after: null, deltaTotal: null, deltaPct: null, deltaRank: null },
    {
      unitId: '2',
      name: 'ก',
      before: { total: 2, totalPct: 40, rank: 2, missing: 0, reported: true },
      after: { total: 3, totalPct: 60, rank: 1, missing: 0, reported: true },
      deltaTotal: 1,
      deltaPct: 20,
      deltaRank: 1
    },
    {
      unitId: '3',
      name: 'ค',
      before: { total: 3, totalPct: 60, rank: 1, missing: 0, reported: true },
      after: { total: 2.5, totalPct: 50, rank: 2, missing: 0, reported: true },
      deltaTotal: -0.5,
      deltaPct: -10,
      deltaRank: -1
    }
  ];

  test.each([
    ['dtotal', true, ['3', '2', '1']],
    ['dtotal', false, ['2', '3', '1']],
    ['drank', false, ['2', '3', '1']],
    ['after', false, ['2', '3', '1']],
    ['before', true, ['2', '3', '1']],
    ['unit', true, ['2', '1', '3']],
    ['rank', false, ['3', '2', '1']]
  ] as const)('sort by %s ascending=%s', (key, ascending, ids) => {
    expect(sortCompareRows(rows, key, ascending).map((r) => r.unitId)).toEqual(ids);
  });

  test.each([
    [3.21, 'th', '+3.2 จุด'],
    [-0.46, 'th', '-0.5 จุด'],
    [0.04, 'th', '0.0 จุด'],
    [12, 'en', '+12.0 pts'],
    [null, 'th', '–']
  ] as const)('formatPointDelta(%s, %s)', (delta, lang, text) => {
    expect(formatPointDelta(delta, lang)).toBe(text);
  });

  test.each([
    [0.351, '+0.35'],
    [-1.2, '-1.20'],
    [-0.001, '0.00'],
    [null, '–']
  ])('formatDelta(%s)', (delta, text) => {
    expect(formatDelta(delta)).toBe(text);
  });

  test('chronological puts the earlier period first', () => {
    expect(chronological(p('2565-06'), p('2564-06')).map((x) => x.id)).toEqual(['2564-06', '2565-06']);
  });

  test('suggestions when a round has nothing to compare with: last quarter and last month against the one before', () => {
    const suggestions = compareSuggestions(periodsOfFramework(2565, 'R2'), p('FY2565-R2'));
    expect(suggestions.map(([a, b]) => [a.id, b.id])).toEqual([
      ['FY2565-Q4', 'FY2565-Q3'],
      ['2565-09', '2565-08']
    ]);
    expect(
      compareSuggestions(periodsOfFramework(2567, 'Q4'), p('FY2567-Q4')).map(([a, b]) => [a.id, b.id])
    ).toEqual([['2567-09', '2567-08']]);
  });
});
