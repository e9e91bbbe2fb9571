/**
 * The league headline (issue 13.1) on tables scored by real DuckDB: figures computed by hand for a small
 * framework, and the "meets the target" rule checked against the misses view's own SQL on every built-in's demo.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/types';
import { openNodeWasmDb } from '../db/node-wasm';
import { BUILTIN_FRAMEWORKS } from '../frameworks/builtin';
import { readResultsText } from '../ingest/results';
import { periodsOfFramework, previousPeriod } from '../domain/periods';
import { headlineChange, leagueHeadline, tableHeadline } from './headline';
import { findMisses } from './misses-queries';
import { framework, kpi, result, scoreOn, twoKpiFramework, unit } from './testing';
import { Workspace } from './workspace';
import { demoCsv } from './demo.testing';

let db: Db;
let workspace: Workspace;

beforeAll(async () => {
  db = await openNodeWasmDb({ reuseModule: true });
  workspace = await Workspace.open(db);
});

afterAll(async () => {
  await db?.close();
});

const small = twoKpiFramework('headline-small');
const MUEANG = 'เมืองฉะเชิงเทรา';
const rows = [
  // August: เมือง A 3 B 2 (2.6) · บางคล้า A 5 B 5 (5) · บางปะกง A 2 B 1 (1.6)
  result(MUEANG, 'A', '2022-08', 80),
  result(MUEANG, 'B', '2022-08', 20),
  result('บางคล้า', 'A', '2022-08', 100),
  result('บางคล้า', 'B', '2022-08', 50),
  result('บางปะกง', 'A', '2022-08', 70),
  result('บางปะกง', 'B', '2022-08', 10),
  // September: เมือง 5/5 (5) · บางคล้า A 4 B 3 (3.6) · บางปะกง A below every band (0), B 1 (0.4)
  result(MUEANG, 'A', '2022-09', 100),
  result(MUEANG, 'B', '2022-09', 50),
  result('บางคล้า', 'A', '2022-09', 92),
  result('บางคล้า', 'B', '2022-09', 35),
  result('บางปะกง', 'A', '2022-09', 50),
  result('บางปะกง', 'B', '2022-09', 10)
];

describe('headline of a small framework (11 districts, 8 of them not reporting)', () => {
  test('average, change, at target, points lost and movers as computed by hand', async () => {
    const september = await scoreOn(workspace, small, rows, '2565-09');
    const august = await workspace.leagueTable(small.id, '2565-08');
    const headline = leagueHeadline(september, august);
    expect(headline.units).toBe(11);
    // (5 + 3.6 + 0.4) / 11 and (2.6 + 5 + 1.6) / 11
    expect(headline.average).toBeCloseTo(9 / 11, 10);
    expect(headline.maxTotal).toBe(5);
    expect(headline.averagePct).toBeCloseTo((9 / 11 / 5) * 100, 10);
    expect(headline.previousAverage).toBeCloseTo(9.2 / 11, 10);
    expect(headline.change).toBeCloseTo(-0.2 / 11, 10);
    // Only เมือง meets A's level 4 and B's top level.
    expect(headline.atTarget).toBe(1);
    expect(headline.belowTarget).toBe(10);
    // A: (0 + 1 + 5 + 8 × 5) × 60 / 100 = 27.6; B: (0 + 2 + 4 + 8 × 5) × 40 / 100 = 18.4.
    expect(headline.losses.map((loss) => loss.kpi.kpi)).toEqual(['A', 'B']);
    const [a, b] = headline.losses;
    expect(a.lost).toBeCloseTo(27.6, 10);
    expect(b.lost).toBeCloseTo(18.4, 10);
    expect(a.share).toBeCloseTo(0.6, 10);
    expect(a.perUnit).toBeCloseTo(27.6 / 11, 10);
    // What the KPIs cost per district adds up to the distance from the maximum.
    expect(a.perUnit + b.perUnit).toBeCloseTo(5 - 9 / 11, 10);
    expect([a.missed, b.missed]).toEqual([9, 10]);
    // Ranks: Aug บางคล้า 1, เมือง 2, บางปะกง 3; Sep เมือง 1, บางคล้า 2, บางปะกง 3 (the rest tie below).
    expect(headline.risers.map((m) => [m.unit, m.movement])).toEqual([[MUEANG, 1]]);
    expect(headline.fallers.map((m) => [m.unit, m.movement])).toEqual([['บางคล้า', -1]]);
    expect(headline.risers[0].unitId).toBe(unit(MUEANG));
    // The page draws the table's part first, its change after; together they are the headline.
    expect({ ...tableHeadline(september), ...headlineChange(september, august) }).toEqual(headline);
    // Rows without the quick `cellScores` (a copy of the rows: it is not enumerable) read their whole cells.
    const copied = { ...september, rows: september.rows.map((row) => ({ ...row })) };
    expect(copied.rows.every((row) => row.cellScores === undefined)).toBe(true);
    expect(tableHeadline(copied)).toEqual(tableHeadline(september));
    // Worked out once per table (the read-ahead does it for the tables around the one on screen).
    expect(tableHeadline(september)).toBe(tableHeadline(september));
  });

  test('no change and no movers when the period before has no results', async () => {
    await scoreOn(workspace, small, rows, '2565-08');
    const august = await workspace.leagueTable(small.id, '2565-08');
    const july = await workspace.leagueTable(small.id, '2565-07');
    const headline = leagueHeadline(august, july);
    expect(headline.previousAverage).toBeNull();
    expect(headline.change).toBeNull();
    expect(headline.risers).toEqual([]);
    expect(headline.fallers).toEqual([]);
    expect(leagueHeadline(august, null).change).toBeNull();
  });

  test('without weights every KPI weighs the same', async () => {
    const unweighted = framework(
      'headline-unweighted',
      [kpi('A', { targetLevel: '4' }), kpi('B')],
      small.bands
    );
    const table = await scoreOn(workspace, unweighted, rows, '2565-09');
    const [a, b] = leagueHeadline(table, null).losses;
    // A: (1 + 5 + 40) / 2 = 23; B: (2 + 4 + 40) / 2 = 23 → framework order on the tie.
    expect([a.kpi.kpi, a.lost, b.kpi.kpi, b.lost]).toEqual(['A', 23, 'B', 23]);
  });
});

describe('"meets the target" is the misses view\'s rule', () => {
  for (const builtin of BUILTIN_FRAMEWORKS) {
    test(`${builtin.id}: districts and KPIs below target agree with the misses SQL`, async () => {
      const text = demoCsv(builtin.id);
      const periods = periodsOfFramework(builtin.fiscalYear, builtin.period);
      const last = periods.at(-1)!;
      const table = await scoreOn(
        workspace,
        builtin,
        readResultsText(`${builtin.id}.csv`, text, { framework: builtin }).rows,
        last.id
      );
      const previous = await workspace.leagueTable(builtin.id, previousPeriod(last).id);
      const headline = leagueHeadline(table, previous);
      const misses = await findMisses(db, builtin, {
        periodId: last.id,
        group: '*',
        kpi: null,
        unit: null
      });
      const missedUnits = new Set(misses.rows.map((row) => row.unitId));
      expect(headline.belowTarget).toBe(missedUnits.size);
      expect(headline.atTarget).toBe(table.rows.length - missedUnits.size);
      for (const loss of headline.losses) {
        const count = misses.counts.find((c) => c.kpi.kpi === loss.kpi.kpi);
        expect(loss.missed, loss.kpi.kpi).toBe(count?.misses ?? 0);
      }
      // Σ of what each KPI costs a district = the distance of the average from the maximum.
      const perUnit = headline.losses.reduce((sum, loss) => sum + loss.perUnit, 0);
      expect(perUnit).toBeCloseTo((headline.maxTotal ?? 0) - headline.average, 6);
    });
  }
});
