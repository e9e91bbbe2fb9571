/**
 * Property test: random small frameworks and results scored by the SQL (DuckDB-WASM, the browser's engine)
 * and by the independent reference scorer (reference.ts) must agree on every rank, total, level, status and
 * score. Counter-examples found here are kept as named regression cases in rules.test.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kpiReachability } from '../domain/bands';
import { groupsOf, type Framework } from '../domain/framework';
import { hasErrors, validateFramework } from '../domain/framework-validate';
import type { Db } from '../db/types';
import { openNodeWasmDb } from '../db/node-wasm';
import type { LeagueTable } from './league';
import type { ReferenceRow } from './reference';
import { period, referenceTable } from './testing';
import { randomCase } from './random-case.testing';
import { Workspace, resolveFrameworkUnit } from './workspace';
import { periodsOfFramework, previousPeriod } from '../domain/periods';

/** More runs or a fixed seed for a longer hunt: SCORING_PROPERTY_RUNS=2000 SCORING_PROPERTY_SEED=42. */
const RUNS = Number(process.env.SCORING_PROPERTY_RUNS ?? 200);
const SEED =
  process.env.SCORING_PROPERTY_SEED === undefined ? undefined : Number(process.env.SCORING_PROPERTY_SEED);
/** Periods the workspace scores for a round-2 framework (months, Q3, Q4, R2). */
const STORED = periodsOfFramework(2565, 'R2').map((p) => p.id);
/**
 * Periods compared: a month, quarter 4 and round 2 of FY2565 (their movement is checked against August,
 * quarter 3 and round 2 of FY2564: the last is not scored, so no movement).
 */
const PERIODS = ['2565-09', 'FY2565-Q4', 'FY2565-R2'];

/** What the random cases exercised, so that a generator that stops producing a case fails the test. */
const seen: Record<string, number> = {};
function note(what: string): void {
  seen[what] = (seen[what] ?? 0) + 1;
}

function noteCoverage(fw: Framework, reference: ReferenceRow[]): void {
  const byId = new Map(fw.kpis.map((k) => [k.kpi, k]));
  const ranks = reference.map((r) => r.rank);
  if (new Set(ranks).size < ranks.length) note('tied ranks');
  for (const row of reference) {
    if (row.missing > 0) note('unit with a missing KPI');
    for (const cell of Object.values(row.kpis)) {
      const k = byId.get(cell.kpi)!;
      note(`status ${cell.status}`);
      if (cell.status !== 'ok') continue;
      note(`measure ${k.measure} ok`);
      note(`aggregate ${k.aggregate} ok`);
      if (k.combine) note(`combine ${k.combine} ok`);
      if (k.parent !== null && k.measure === 'combine') note('nested composite ok');
      if (cell.points !== null && Math.abs(cell.score - cell.points) > 1e-9)
        note('score differs from points');
      if (k.interpolate && !Number.isInteger(cell.score)) note('interpolated score');
      const own = fw.bands.some(
        (b) => b.kpi === k.kpi && b.unit !== null && resolveFrameworkUnit(fw, b.unit) === row.unitId
      );
      if (own) note('per-unit bands used');
      const bands = fw.bands
        .filter((b) => b.kpi === k.kpi)
        .map((b) => (b.unit === null ? b : { ...b, unit: resolveFrameworkUnit(fw, b.unit) }));
      const ladder = kpiReachability(bands).ladders.find((l) => l.unit === (own ? row.unitId : null));
      if (ladder?.reach.some((r) => r === 'shadowed')) {
        note('scored on a ladder with an unreachable band');
        if (k.interpolate && cell.points !== null && Math.abs(cell.score - cell.points) > 1e-9)
          note('interpolated on a ladder with an unreachable band');
      }
      const band = fw.bands.find((b) => b.kpi === k.kpi && b.level === cell.level);
      if (band) note(`op ${band.op} reached`);
    }
  }
}

/** Compares one league table with the reference; returns the first difference as text, or null. */
function difference(
  table: LeagueTable,
  reference: ReferenceRow[],
  previous: ReferenceRow[] | null
): string | null {
  const close = (a: number | null, b: number | null) =>
    a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6;
  const order = table.rows.map((r) => r.unitId).join(',');
  const refOrder = reference.map((r) => r.unitId).join(',');
  for (const ref of reference) {
    const row = table.rows.find((r) => r.unitId === ref.unitId);
    const where = `${table.period.id} group ${table.group} unit ${ref.unitId} ${ref.unit}`;
    if (!row) return `${where}: no SQL row`;
    if (row.rank !== ref.rank) return `${where}: rank sql ${row.rank} ref ${ref.rank}`;
    if (!close(row.total, ref.total)) return `${where}: total sql ${row.total} ref ${ref.total}`;
    if (!close(row.totalPct, ref.totalPct))
      return `${where}: total_pct sql ${row.totalPct} ref ${ref.totalPct}`;
    if (row.missing !== ref.missing) return `${where}: missing sql ${row.missing} ref ${ref.missing}`;
    if (row.topCount !== ref.topCount) return `${where}: top count sql ${row.topCount} ref ${ref.topCount}`;
    const before = previous?.find((r) => r.unitId === ref.unitId);
    const movement = before ? before.rank - ref.rank : null;
    if (row.movement !== movement) return `${where}: movement sql ${row.movement} ref ${movement}`;
    for (const [kpiId, refCell] of Object.entries(ref.kpis)) {
      const cell = row.cells[kpiId];
      const at = `${where} kpi ${kpiId}`;
      if (!cell) return `${at}: no SQL cell`;
      if (cell.status !== refCell.status) return `${at}: status sql ${cell.status} ref ${refCell.status}`;
      if (cell.level !== refCell.level) return `${at}: level sql ${cell.level} ref ${refCell.level}`;
      if (!close(cell.measured, refCell.measured))
        return `${at}: measured sql ${cell.measured} ref ${refCell.measured}`;
      if (!close(cell.score, refCell.score)) return `${at}: score sql ${cell.score} ref ${refCell.score}`;
    }
  }
  if (order !== refOrder)
    return `${table.period.id} group ${table.group}: row order sql ${order} ref ${refOrder}`;
  return null;
}

describe('SQL scorer agrees with the reference scorer (DESIGN §4)', () => {
  let db: Db;
  let workspace: Workspace;
  let runs = 0;
  let started = 0;

  beforeAll(async () => {
    db = await openNodeWasmDb({ reuseModule: true });
    workspace = await Workspace.open(db);
  });

  afterAll(async () => {
    await db?.close();
  });

  test('random frameworks and results: same ranks, totals, levels, statuses and scores', async () => {
    started = performance.now();
    await fc.assert(
      fc.asyncProperty(randomCase, async ({ framework: fw, rows }) => {
        runs++;
        const issues = validateFramework(fw, {
          resolveUnit: (name) => resolveFrameworkUnit(fw, name) !== null
        });
        expect(hasErrors(issues), JSON.stringify(issues)).toBe(false);
        try {
          const stored = await workspace.putFramework(fw);
          expect(hasErrors(stored)).toBe(false);
          await workspace.commit(fw.id, rows);
          await workspace.ensure(fw.id, 'all');
          const checks: [string, string][] = [
            ...PERIODS.map((p): [string, string] => [p, '*']),
            ...groupsOf(fw).map((g): [string, string] => ['FY2565-R2', g])
          ];
          for (const [periodId, group] of checks) {
            const table = await workspace.leagueTable(fw.id, period(periodId).id, group);
            const reference = referenceTable(fw, rows, periodId, group);
            const before = previousPeriod(period(periodId));
            // Movement needs results in the previous period (of the same grain, scored for this framework).
            const hasData = rows.some((row) => row.value !== null && before.months.includes(row.month));
            const previous =
              STORED.includes(before.id) && hasData ? referenceTable(fw, rows, before.id, group) : null;
            noteCoverage(fw, reference);
            const diff = difference(table, reference, previous);
            if (diff !== null) {
              throw new Error(
                `${diff}\nframework ${JSON.stringify(fw)}\nresults ${JSON.stringify(rows.filter((r) => r.unitId === diff.split('unit ')[1]?.split(' ')[0]))}`
              );
            }
          }
        } finally {
          await workspace.removeFramework(fw.id);
          await workspace.clearResults(fw.id);
        }
      }),
      { numRuns: RUNS, seed: SEED }
    );
    const seconds = (performance.now() - started) / 1000;
    console.info(`property: ${runs} runs in ${seconds.toFixed(1)} s`, seen);
    expect(runs).toBeGreaterThanOrEqual(RUNS);
    for (const what of [
      'tied ranks',
      'unit with a missing KPI',
      'status ok',
      'status below',
      'status missing',
      ...['value', 'pct_of_target', 'growth_pct', 'rank_desc', 'rank_asc', 'combine'].map(
        (m) => `measure ${m} ok`
      ),
      ...['last', 'sum', 'mean', 'max'].map((a) => `aggregate ${a} ok`),
      ...['sum', 'mean', 'min', 'count_top'].map((c) => `combine ${c} ok`),
      'nested composite ok',
      'score differs from points',
      'interpolated score',
      'per-unit bands used',
      'scored on a ladder with an unreachable band',
      'interpolated on a ladder with an unreachable band',
      ...['>=', '>', '<=', '<', 'between', 'any'].map((op) => `op ${op} reached`)
    ]) {
      expect(seen[what] ?? 0, what).toBeGreaterThan(0);
    }
  }, 3_600_000);
});
