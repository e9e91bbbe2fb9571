/**
 * Scoring some periods at a time (issue 6) gives exactly the rows that scoring every period at once gives:
 * `ensure` period by period, `invalidateScores` + `ensure` of one period + `scoreRemaining`, and a league
 * table of a period left pending. And a commit of a staged table (for the fast reader) stores what a commit
 * of rows stores.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { periodsOfFramework, previousPeriod } from '../domain/periods';
import type { Db } from '../db/types';
import { openNodeWasmDb } from '../db/node-wasm';
import { TABLE_COLUMNS } from '../sql/schema';
import { STAGED_RESULTS, columnsOf, createStagedResultsSql } from '../sql/results-import';
import type { PackedResults } from '../domain/results';
import { framework, kpi, ladder, result } from './testing';
import { randomCase } from './random-case.testing';
import { Workspace } from './workspace';

let db: Db;
let workspace: Workspace;
beforeAll(async () => {
  db = await openNodeWasmDb({ reuseModule: true });
  workspace = await Workspace.open(db);
});
afterAll(async () => {
  await db?.close();
});

/** As after an upload: every period pending, then the ones on screen scored first. */
async function scoreFirst(frameworkId: string, periodIds: readonly string[]): Promise<void> {
  await workspace.invalidateScores(frameworkId);
  await workspace.ensure(frameworkId, periodIds);
}

/** Every stored score of a framework, in a stable order, as text (doubles to 9 decimals). */
async function snapshot(frameworkId: string): Promise<string[]> {
  const round = (row: Record<string, unknown>) =>
    JSON.stringify(Object.values(row).map((v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)));
  const scores = await db.query(
    'SELECT * EXCLUDE (framework_id) FROM kpi_scores WHERE framework_id = ? ORDER BY period_id, unit_id, kpi',
    [frameworkId]
  );
  const totals = await db.query(
    'SELECT * EXCLUDE (framework_id) FROM unit_totals WHERE framework_id = ? ORDER BY period_id, grp, unit_id',
    [frameworkId]
  );
  return [...scores.map(round), '--', ...totals.map(round)];
}

describe('scoring some periods at a time', () => {
  test('random frameworks: period by period, scoreFirst + scoreRemaining and all at once store the same rows', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(randomCase, fc.nat(), async ({ framework: fw, rows }, pick) => {
        runs++;
        try {
          await workspace.putFramework(fw);
          await workspace.commit(fw.id, rows);
          await workspace.ensure(fw.id, 'all');
          const all = await snapshot(fw.id);
          expect(all.length).toBeGreaterThan(2);

          const periods = periodsOfFramework(fw.fiscalYear, fw.period).map((p) => p.id);
          await workspace.invalidateScores(fw.id);
          for (const id of [...periods].reverse()) await workspace.ensure(fw.id, [id]);
          expect(await snapshot(fw.id)).toEqual(all);

          const first = periods[pick % periods.length];
          await scoreFirst(fw.id, [first]);
          expect(workspace.pendingPeriods(fw.id)).not.toContain(first);
          expect(workspace.pendingPeriods(fw.id).length).toBe(periods.length - 1);
          const done = await workspace.scoreRemaining(fw.id, 4);
          expect(done.length).toBe(periods.length - 1);
          expect(workspace.pendingPeriods(fw.id)).toEqual([]);
          expect(await snapshot(fw.id)).toEqual(all);
        } finally {
          await workspace.removeFramework(fw.id);
          await workspace.clearResults(fw.id);
        }
      }),
      { numRuns: Number(process.env.PERIOD_SCORING_RUNS ?? 40) }
    );
    expect(runs).toBeGreaterThanOrEqual(40);
  }, 600_000);

  test('scoring in the background while views ask for periods and an upload fails: the same rows, none twice', async () => {
    const fw = framework('periods-overlap', [kpi('k', { aggregate: 'sum' })], ladder('k', '>=', [10, 5]));
    const months = ['2021-10', '2021-11', '2021-12', '2022-01', '2022-02', '2022-03', '2022-07', '2022-08'];
    const rows = months.flatMap((month, i) => [
      result('บางคล้า', 'k', month, 3 + i),
      result('บางน้ำเปรี้ยว', 'k', month, 9 - i)
    ]);
    const twice = async () =>
      (
        await db.query<{ twice: number }>(
          `SELECT count(*)::INTEGER AS twice FROM (SELECT period_id, unit_id, kpi FROM kpi_scores
            WHERE framework_id = ? GROUP BY ALL HAVING count(*) > 1)`,
          [fw.id]
        )
      )[0].twice;
    try {
      await workspace.putFramework(fw);
      await workspace.commit(fw.id, rows);
      await workspace.ensure(fw.id, 'all');
      const all = await snapshot(fw.id);
      const periods = periodsOfFramework(fw.fiscalYear, fw.period).map((p) => p.id);

      // As the page does it: the rest in the background (one period per turn) while league tables and views
      // waiting for every period ask at the same time.
      await scoreFirst(fw.id, [periods.at(-1)!]);
      await Promise.all([
        workspace.scoreRemaining(fw.id, 1),
        ...periods.map((id) => workspace.leagueTable(fw.id, id)),
        workspace.ensure(fw.id, periods.slice(0, 5)),
        workspace.ensure(fw.id, 'all')
      ]);
      expect(workspace.pendingPeriods(fw.id)).toEqual([]);
      expect(await twice()).toBe(0);
      expect(await snapshot(fw.id)).toEqual(all);

      // An upload that fails (rolled back) while the background scores: no score is lost with it.
      await scoreFirst(fw.id, [periods[0]]);
      const failing = workspace.commit(fw.id, [result('ราชสาส์น', 'k', '2022-08', 20)], {
        beforeCommit: async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          throw new Error('disk full');
        }
      });
      await Promise.all([workspace.scoreRemaining(fw.id, 1), expect(failing).rejects.toThrow('disk full')]);
      expect(workspace.pendingPeriods(fw.id)).toEqual([]);
      expect(await twice()).toBe(0);
      expect(await snapshot(fw.id)).toEqual(all);
    } finally {
      await workspace.removeFramework(fw.id);
      await workspace.clearResults(fw.id);
    }
  });

  test('league tables are kept until scores change, never served stale', async () => {
    const fw = framework('periods-cache', [kpi('k', { aggregate: 'last' })], ladder('k', '>=', [10, 5]));
    const ranks = (table: Awaited<ReturnType<Workspace['leagueTable']>>) =>
      table.rows.filter((r) => r.total > 0).map((r) => [r.unit, r.rank]);
    try {
      await workspace.putFramework(fw);
      await workspace.commit(fw.id, [
        result('บางคล้า', 'k', '2022-08', 12),
        result('บางน้ำเปรี้ยว', 'k', '2022-08', 6)
      ]);
      await workspace.ensure(fw.id, 'all');
      const first = await workspace.leagueTable(fw.id, '2565-08');
      expect(workspace.hasLeagueTable(fw.id, '2565-08')).toBe(true);
      expect(await workspace.leagueTable(fw.id, '2565-08')).toBe(first); // kept
      expect(ranks(first)).toEqual([
        ['บางคล้า', 1],
        ['บางน้ำเปรี้ยว', 2]
      ]);

      // An upload and its scoring: the kept table goes, the next one has the new numbers.
      await workspace.commit(fw.id, [
        result('บางคล้า', 'k', '2022-08', 6),
        result('บางน้ำเปรี้ยว', 'k', '2022-08', 12)
      ]);
      expect(workspace.hasLeagueTable(fw.id, '2565-08')).toBe(false);
      await scoreFirst(fw.id, ['2565-08']);
      const second = await workspace.leagueTable(fw.id, '2565-08');
      expect(ranks(second)).toEqual([
        ['บางน้ำเปรี้ยว', 1],
        ['บางคล้า', 2]
      ]);

      // A table being read while a change starts is not kept (it may mix old and new scores).
      await workspace.scoreRemaining(fw.id);
      const reading = workspace.leagueTable(fw.id, 'FY2565-Q4');
      const rescoring = workspace.invalidateScores(fw.id).then(() => workspace.ensure(fw.id, 'all'));
      await Promise.all([reading, rescoring]);
      expect(workspace.hasLeagueTable(fw.id, 'FY2565-Q4')).toBe(false);
      // Background scoring of other periods keeps what is kept.
      await workspace.leagueTable(fw.id, '2565-08');
      await scoreFirst(fw.id, ['2565-08']);
      await workspace.leagueTable(fw.id, '2565-08');
      await workspace.scoreRemaining(fw.id);
      expect(workspace.hasLeagueTable(fw.id, '2565-08')).toBe(true);
    } finally {
      await workspace.removeFramework(fw.id);
      await workspace.clearResults(fw.id);
    }
  });

  test('a league table of a period left pending is scored on the way, movement included', async () => {
    const fw = framework('periods-league', [kpi('k', { aggregate: 'last' })], ladder('k', '>=', [10, 5]));
    await workspace.putFramework(fw);
    await workspace.commit(fw.id, [
      result('บางคล้า', 'k', '2022-07', 12),
      result('บางน้ำเปรี้ยว', 'k', '2022-07', 6),
      result('บางคล้า', 'k', '2022-08', 4),
      result('บางน้ำเปรี้ยว', 'k', '2022-08', 11)
    ]);
    await workspace.ensure(fw.id, 'all');
    const expected = await workspace.leagueTable(fw.id, '2565-08');
    await scoreFirst(fw.id, ['FY2565-R2']);
    expect(workspace.pendingPeriods(fw.id)).toEqual(expect.arrayContaining(['2565-08', '2565-07']));
    const table = await workspace.leagueTable(fw.id, '2565-08');
    expect(table.rows.map((r) => [r.unit, r.rank, r.movement])).toEqual(
      expected.rows.map((r) => [r.unit, r.rank, r.movement])
    );
    // July: บางคล้า 12 (level 2) first, บางน้ำเปรี้ยว 6 (level 1) second; August the other way round (4 is below
    // every band, so บางคล้า ties at 0 with the districts that reported nothing).
    const moves = (unit: string) =>
      table.rows.filter((r) => r.unit === unit).map((r) => [r.rank, r.movement]);
    expect([moves('บางน้ำเปรี้ยว'), moves('บางคล้า')]).toEqual([[[1, 1]], [[2, -1]]]);
    expect(workspace.pendingPeriods(fw.id)).not.toContain(previousPeriod(table.period).id);
    await workspace.removeFramework(fw.id);
    await workspace.clearResults(fw.id);
  });
});

describe('commit of a staged table', () => {
  test('stores what a commit of rows stores, with the same diff', async () => {
    const fw = framework('staged-commit', [kpi('k', { aggregate: 'sum' })], ladder('k', '>=', [10, 5]));
    const first = [result('บางคล้า', 'k', '2022-07', 12), result('บางน้ำเปรี้ยว', 'k', '2022-07', 6)];
    const second = [
      result('บางคล้า', 'k', '2022-07', 12), // unchanged
      result('บางน้ำเปรี้ยว', 'k', '2022-07', 7), // changed
      result('ราชสาส์น', 'k', '2022-08', 3) // added
    ];
    const stage = async (rows: typeof first) => {
      await db.exec(createStagedResultsSql());
      await db.insertRows(
        STAGED_RESULTS,
        TABLE_COLUMNS.results,
        rows.map((r) => [
          fw.id,
          r.unitId,
          r.kpi,
          r.month,
          r.value,
          r.target,
          r.baseline,
          r.adjust,
          r.source,
          r.line
        ])
      );
    };
    const stored = async () =>
      (
        await db.query(
          'SELECT unit_id, kpi, month, value, source, line FROM results WHERE framework_id = ? ORDER BY ALL',
          [fw.id]
        )
      ).map((row) => JSON.stringify(row));
    await workspace.putFramework(fw);
    await workspace.commit(fw.id, first);
    let writtenViaRows: unknown = null;
    const viaRows = await workspace.commit(fw.id, second, {
      beforeCommit: async (_diff, written) => {
        writtenViaRows = written;
      }
    });
    const expected = await stored();
    await workspace.clearResults(fw.id);

    await stage(first);
    await workspace.commit(fw.id, { table: STAGED_RESULTS });
    await stage(second);
    let seen: unknown = null;
    let writtenViaStaged: unknown = null;
    const viaStaged = await workspace.commit(
      fw.id,
      { table: STAGED_RESULTS },
      {
        beforeCommit: async (diff, written) => {
          seen = diff;
          writtenViaStaged = written;
        }
      }
    );
    expect(viaStaged).toEqual(viaRows);
    expect(seen).toEqual(viaRows);
    // The rows written (new and changed, not the unchanged one), column by column, alike both ways.
    expect(writtenViaStaged).toMatchObject({ packing: 'results-us-v1', count: 2 });
    const columns = columnsOf(writtenViaStaged as unknown as PackedResults);
    expect(columns).toEqual(writtenViaRows);
    expect(columns).toMatchObject({ value: [7, 3], month: ['2022-07', '2022-08'] });
    expect([viaStaged.added, viaStaged.changed, viaStaged.unchanged]).toEqual([1, 1, 1]);
    expect(await stored()).toEqual(expected);
    const [{ left }] = await db.query<{ left: number }>(
      `SELECT count(*)::INTEGER AS left FROM duckdb_tables() WHERE table_name = '${STAGED_RESULTS}'`
    );
    expect(left).toBe(0);
    await workspace.removeFramework(fw.id);
    await workspace.clearResults(fw.id);
  });
});
