/**
 * The misses view's queries on DuckDB-WASM (DESIGN §4.8): who is below the target level or did not report,
 * the gaps, and how many months in a row — on the hand-scored fixture (views-fixture.ts) and on the demo
 * data of seed 001 (households remaining, per-district bands).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/types';
import { openNodeWasmDb } from '../db/node-wasm';
import { effectiveBands, isMiss, targetPoints, type RuleBand } from '../domain/gaps';
import { builtinFramework } from '../frameworks/builtin';
import { findMisses, missesByPointsLost, nextStepsByUnit, periodBefore } from './misses-queries';
import { scoreOn, unit } from './testing';
import { BANGKHLA, BANGPAKONG, MUEANG, viewsFramework, viewsResults } from './views-fixture';
import { putDemo } from './demo.testing';
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

const all = { group: '*', kpi: null, unit: null };

describe('misses of the fixture in September', () => {
  test('a: target level 4 — level 4 is met; level 3, below every band and not reported are misses', async () => {
    const { rows } = await findMisses(db, viewsFramework(), { ...all, periodId: '2565-09', kpi: 'a' });
    expect(rows.some((row) => row.unitId === BANGKHLA)).toBe(false);
    expect(rows).toHaveLength(10);
    const bangpakong = rows.find((row) => row.unitId === BANGPAKONG);
    expect(bangpakong).toMatchObject({ measured: 85, level: '3', status: 'ok', targetPoints: 4 });
    expect([
      bangpakong?.gaps.next?.band.level,
      bangpakong?.gaps.next?.change,
      bangpakong?.gaps.next?.amount
    ]).toEqual(['4', 'up', 5]);
    expect(bangpakong?.gaps.target?.band.level).toBe('4');
    const mueang = rows.find((row) => row.unitId === MUEANG);
    expect(mueang).toMatchObject({ measured: 50, level: null, status: 'below' });
    // Below every band: the next band is the worst one (level 1, ≥ 60), the target level 4 (≥ 90).
    expect([mueang?.gaps.next?.band.level, mueang?.gaps.next?.amount]).toEqual(['1', 10]);
    expect([mueang?.gaps.target?.band.level, mueang?.gaps.target?.amount]).toEqual(['4', 40]);
    const silent = rows.find((row) => row.unitId === unit('คลองเขื่อน'));
    expect(silent).toMatchObject({ status: 'missing', measured: null, gaps: { next: null, target: null } });
  });

  test.each([
    // บางปะกง: met in June (95), missed July–September.
    [BANGPAKONG, 3, '2565-07'],
    // เมือง: below in every month, but nobody reported in May, so the run starts in June.
    [MUEANG, 4, '2565-06'],
    // Nothing reported in the round: the run stops at May, where nobody reported anything.
    [unit('คลองเขื่อน'), 4, '2565-06']
  ])('%s has missed a for %i months since %s', async (unitId, streak, since) => {
    const { rows } = await findMisses(db, viewsFramework(), { ...all, periodId: '2565-09', kpi: 'a' });
    expect(rows.find((row) => row.unitId === unitId)).toMatchObject({ streak, since });
  });

  test('b: lower is better with a district’s own band — บางปะกง at 9 misses its own ≤ 8 by 1', async () => {
    const { rows } = await findMisses(db, viewsFramework(), { ...all, periodId: '2565-09', kpi: 'b' });
    const bangpakong = rows.find((row) => row.unitId === BANGPAKONG);
    expect(bangpakong?.gaps.next).toMatchObject({ change: 'down', amount: 1, threshold: 8 });
    const bangkhla = rows.find((row) => row.unitId === BANGKHLA);
    expect(bangkhla?.gaps.next).toMatchObject({ change: 'down', amount: 5, threshold: 10 });
  });

  test('filters: the KPI filter narrows the list but not the count by KPI; the unit filter narrows both', async () => {
    const fw = viewsFramework();
    const byKpi = await findMisses(db, fw, { ...all, periodId: '2565-09', kpi: 'b' });
    expect(new Set(byKpi.rows.map((row) => row.kpi.kpi))).toEqual(new Set(['b']));
    expect(byKpi.counts.map((c) => [c.kpi.kpi, c.misses, c.unreported])).toEqual([
      ['a', 10, 8],
      ['b', 11, 8],
      ['c', 11, 10]
    ]);
    const byUnit = await findMisses(db, fw, { ...all, periodId: '2565-09', unit: BANGKHLA });
    expect(byUnit.rows.map((row) => row.kpi.kpi)).toEqual(['b', 'c']);
    expect(byUnit.counts.map((c) => [c.kpi.kpi, c.misses])).toEqual([
      ['b', 1],
      ['c', 1]
    ]);
    const group = await findMisses(db, fw, { ...all, periodId: '2565-09', group: 'G1' });
    expect(new Set(group.rows.map((row) => row.kpi.kpi))).toEqual(new Set(['a']));
  });

  test('without streaks (the next steps): the same misses, gaps and points, every streak 1', async () => {
    const fw = builtinFramework(DEMO)!;
    for (const level of ['target', 'top'] as const) {
      const filter = { ...all, periodId: '2565-09', level };
      const followed = await findMisses(db, fw, filter);
      const alone = await findMisses(db, fw, filter, { streaks: false });
      const shape = (rows: typeof followed.rows) =>
        rows.map((row) => [row.unitId, row.kpi.kpi, row.level, row.status, row.gaps, row.pointsLost]);
      expect(shape(alone.rows)).toEqual(shape(followed.rows));
      expect(alone.counts).toEqual(followed.counts);
      expect(followed.rows.some((row) => row.streak > 1)).toBe(true);
      expect(new Set(alone.rows.map((row) => `${row.streak} ${row.since}`))).toEqual(new Set(['1 2565-09']));
    }
  });

  test.each([
    ['the fixture', () => viewsFramework(), '2565-09', 'b'],
    ['the demo', () => builtinFramework(DEMO)!, '2565-09', 'I1']
  ])(
    'counts without a KPI filter (counted from the list) are those the counts query gives: %s',
    async (_name, framework, periodId, kpi) => {
      const fw = framework();
      const counted = (misses: Awaited<ReturnType<typeof findMisses>>) =>
        misses.counts.map((c) => [c.kpi.kpi, c.misses, c.unreported]);
      for (const filter of [
        { ...all, periodId },
        { ...all, periodId, level: 'top' as const },
        { ...all, periodId, unit: BANGKHLA },
        { ...all, periodId, group: fw.kpis.find((k) => k.group !== null)?.group ?? '*' }
      ]) {
        const fromList = await findMisses(db, fw, filter);
        const fromQuery = await findMisses(db, fw, { ...filter, kpi });
        expect(counted(fromList), JSON.stringify(filter)).toEqual(counted(fromQuery));
        expect(fromList.counts.length, JSON.stringify(filter)).toBeGreaterThan(0);
      }
    }
  );
});

describe('weighted points lost (issue 13 §4): a 60, b 40, c 0 — Σ 100, so a point of a is 0.6, of b 0.4', () => {
  test('each miss carries (top − score) × weight ÷ Σ weights, and the default order is largest first', async () => {
    const fw = viewsFramework();
    const { rows } = await findMisses(db, fw, { ...all, periodId: '2565-09' });
    const lost = (unitId: string, kpi: string) =>
      rows.find((row) => row.unitId === unitId && row.kpi.kpi === kpi)?.pointsLost;
    // บางปะกง a: level 3 of 5 → 2 × 0.6; เมือง a below every band (0) → 5 × 0.6; a not reported → 5 × 0.6.
    expect(lost(BANGPAKONG, 'a')).toBeCloseTo(1.2, 12);
    expect(lost(MUEANG, 'a')).toBeCloseTo(3, 12);
    expect(lost(unit('คลองเขื่อน'), 'a')).toBeCloseTo(3, 12);
    // b: บางคล้า 15 and บางปะกง 9 are level 4 (บางปะกง's own level 5 is ≤ 8) → 1 × 0.4; เมือง below → 5 × 0.4.
    expect(lost(BANGKHLA, 'b')).toBeCloseTo(0.4, 12);
    expect(lost(BANGPAKONG, 'b')).toBeCloseTo(0.4, 12);
    expect(lost(MUEANG, 'b')).toBeCloseTo(2, 12);
    // c weighs 0: its misses cost nothing.
    expect(lost(BANGKHLA, 'c')).toBe(0);
    const ordered = missesByPointsLost(rows, fw);
    const figures = ordered.map((row) => Number(row.pointsLost.toFixed(4)));
    expect(figures).toEqual([...figures].sort((x, y) => y - x));
    // 9 at 3 (a: เมือง and the 8 silent districts), 9 at 2 (b: เมือง and the 8), 1.2, 0.4, 0.4, then c's zeros.
    expect(figures.slice(0, 21)).toEqual([...Array(9).fill(3), ...Array(9).fill(2), 1.2, 0.4, 0.4]);
    const collator = new Intl.Collator('th');
    const topNames = ordered.slice(0, 9).map((row) => row.unit);
    expect(topNames).toEqual([...topNames].sort(collator.compare));
    expect(ordered.slice(19, 21).map((row) => row.unitId)).toEqual([BANGKHLA, BANGPAKONG]);
  });

  test('in one group the total is over that group’s weights: b of G2 (40 of 40) loses 1 per point', async () => {
    const { rows } = await findMisses(db, viewsFramework(), { ...all, periodId: '2565-09', group: 'G2' });
    const bangpakong = rows.find((row) => row.unitId === BANGPAKONG && row.kpi.kpi === 'b');
    expect(bangpakong).toMatchObject({ weight: 40, weightSum: 40 });
    expect(bangpakong?.pointsLost).toBeCloseTo(1, 12);
  });

  test('the KPI filter does not change the scale: Σ weights stays that of every KPI in view', async () => {
    const { rows } = await findMisses(db, viewsFramework(), { ...all, periodId: '2565-09', kpi: 'b' });
    expect(rows.find((row) => row.unitId === BANGPAKONG)?.pointsLost).toBeCloseTo(0.4, 12);
  });

  test('below the top level: บางคล้า’s a at level 4 (target 4) becomes a miss worth 0.6; counts follow', async () => {
    const fw = viewsFramework();
    const target = await findMisses(db, fw, { ...all, periodId: '2565-09', kpi: 'a' });
    const top = await findMisses(db, fw, { ...all, periodId: '2565-09', kpi: 'a', level: 'top' });
    expect(target.rows.some((row) => row.unitId === BANGKHLA)).toBe(false);
    const bangkhla = top.rows.find((row) => row.unitId === BANGKHLA);
    // 95 every month reported; the run stops at May, when nobody reported: 4 months since June.
    expect(bangkhla).toMatchObject({ level: '4', targetPoints: 5, streak: 4, since: '2565-06' });
    expect(bangkhla?.pointsLost).toBeCloseTo(0.6, 12);
    expect(bangkhla?.gaps.target).toMatchObject({ level: '5', amount: 5, change: 'up' });
    expect(top.rows).toHaveLength(11);
    expect(target.counts.find((c) => c.kpi.kpi === 'a')?.misses).toBe(10);
    expect(top.counts.find((c) => c.kpi.kpi === 'a')?.misses).toBe(11);
  });

  test('next steps per district: the next band’s points, weighted; a KPI not reported is “report it”', async () => {
    const fw = viewsFramework();
    const { rows } = await findMisses(db, fw, { ...all, periodId: '2565-09', level: 'top' });
    const steps = nextStepsByUnit(rows, fw);
    const summary = (unitId: string) =>
      steps
        .get(unitId)
        ?.map((step) => [
          step.kind,
          step.kpi,
          Number(step.gain.toFixed(4)),
          step.kind === 'reach' ? [step.gap.band.level, step.gap.change, step.gap.amount] : step.points
        ]);
    // บางปะกง: a 85 → level 4 at 90 (+5): (4 − 3) × 0.6; b 9 → its own level 5 at ≤ 8 (−1): (5 − 4) × 0.4;
    // c not reported but weighs 0: no step.
    expect(summary(BANGPAKONG)).toEqual([
      ['reach', 'a', 0.6, ['4', 'up', 5]],
      ['reach', 'b', 0.4, ['5', 'down', 1]]
    ]);
    // เมือง, below every band on a and b: the worst band first (a ≥ 60: +10; b ≤ 50: −10), 1 point each.
    expect(summary(MUEANG)).toEqual([
      ['reach', 'a', 0.6, ['1', 'up', 10]],
      ['reach', 'b', 0.4, ['1', 'down', 10]]
    ]);
    // Nothing reported: report a and b, valued at their worst band (1 point).
    expect(summary(unit('คลองเขื่อน'))).toEqual([
      ['report', 'a', 0.6, 1],
      ['report', 'b', 0.4, 1]
    ]);
    // บางคล้า: a 95 → 5 at 100 (+5): 0.6; b 15 → 5 at ≤ 10 (−5): 0.4; c (1 of 2, weight 0): no step.
    expect(summary(BANGKHLA)).toEqual([
      ['reach', 'a', 0.6, ['5', 'up', 5]],
      ['reach', 'b', 0.4, ['5', 'down', 5]]
    ]);
  });
});

describe('the demo of seed 001', () => {
  test('เมืองฉะเชิงเทรา, households remaining (I1): 34 is level 4 on its own table; level 5 needs ≤ 29', async () => {
    const { rows } = await findMisses(db, builtinFramework(DEMO)!, {
      ...all,
      periodId: 'FY2565-R2',
      kpi: 'I1',
      unit: unit('เมืองฉะเชิงเทรา')
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ measured: 34, level: '4', status: 'ok', streak: 1, since: 'FY2565-R2' });
    expect(rows[0].gaps.next).toMatchObject({ change: 'down', amount: 5, threshold: 29 });
  });

  test.each(['FY2565-R2', '2565-09', 'FY2565-Q3'])(
    '%s: the SQL misses are exactly the cells below target by the pure rule (effective bands)',
    async (periodId) => {
      const framework = builtinFramework(DEMO)!;
      const { rows } = await findMisses(db, framework, { ...all, periodId });
      const league = await workspace.leagueTable(DEMO, periodId);
      const bands = await db.query('SELECT kpi, level, points, unit_id FROM bands WHERE framework_id = $1', [
        DEMO
      ]);
      const expected: string[] = [];
      for (const row of league.rows) {
        for (const kpi of league.kpis) {
          const cell = row.cells[kpi.kpi];
          const kpiBands = bands
            .filter((b) => b.kpi === kpi.kpi)
            .map((b) => ({
              level: String(b.level),
              points: Number(b.points),
              unitId: (b.unit_id as string) ?? null
            }));
          const ordered = effectiveBands(
            kpiBands as Pick<RuleBand, 'level' | 'points' | 'unitId'>[],
            row.unitId
          );
          const target = targetPoints(ordered, kpi.targetLevel, kpiBands);
          if (cell.status !== 'ok' || isMiss(cell.points, target)) expected.push(`${row.unitId}:${kpi.kpi}`);
        }
      }
      expect(rows.map((row) => `${row.unitId}:${row.kpi.kpi}`).sort()).toEqual(expected.sort());
    }
  );
});

test.each([
  ['2565-09', 5, '2565-04'],
  ['FY2565-Q4', 1, 'FY2565-Q3'],
  ['FY2565-R2', 0, 'FY2565-R2'],
  ['bad', 2, 'bad']
])('periodBefore(%s, %i) = %s', (period, steps, expected) => {
  expect(periodBefore(period, steps)).toBe(expected);
});
