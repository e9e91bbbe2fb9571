/**
 * The benchmark's plain-TypeScript scorer must score exactly like the reference scorer (random frameworks)
 * and like the SQL (a built-in framework with its demo data), or the benchmark compares unequal work.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { groupsOf } from '../src/lib/domain/framework';
import { periodsOfFramework } from '../src/lib/domain/periods';
import { openNodeWasmDb } from '../src/lib/db/node-wasm';
import type { Db } from '../src/lib/db/types';
import { BUILTIN_FRAMEWORKS, demoFileName } from '../src/lib/frameworks/builtin';
import { readResultsText } from '../src/lib/ingest/results';
import { plainScore } from './plain-scorer';
import { roundTo } from '../src/lib/scoring/reference';
import { band, framework, kpi, ladder, referenceTable, result } from '../src/lib/scoring/testing';
import { randomCase } from '../src/lib/scoring/random-case.testing';
import { Workspace, frameworkUnitIds, resolveFrameworkUnit } from '../src/lib/scoring/workspace';

const RUNS = Number(process.env.PLAIN_SCORER_RUNS ?? 150);

describe('plainScore agrees with the reference scorer', () => {
  test('random frameworks and results, every period of the round and every group', () => {
    let compared = 0;
    fc.assert(
      fc.property(randomCase, ({ framework: fw, rows }) => {
        const periods = periodsOfFramework(fw.fiscalYear, fw.period);
        const plain = plainScore(fw, rows, periods, frameworkUnitIds(fw), (name) =>
          resolveFrameworkUnit(fw, name)
        );
        for (const p of periods) {
          for (const group of ['*', ...groupsOf(fw)]) {
            expect(plain.get(p.id)?.get(group), `${p.id} ${group}`).toEqual(
              referenceTable(fw, rows, p.id, group)
            );
            compared++;
          }
        }
      }),
      { numRuns: RUNS }
    );
    expect(compared).toBeGreaterThanOrEqual(RUNS * 4);
  });

  const fw = framework(
    'plain-cases',
    [kpi('a', { aggregate: 'sum', group: 'g1' }), kpi('b', { measure: 'rank_desc', group: 'g2' })],
    [...ladder('a', '>=', [10, 5]), band('b', '2', 2, '<=', 1), band('b', '1', 1, 'any')]
  );
  test.each([
    {
      name: 'a sum over the round; b ranks the month values, ties share a rank',
      rows: [
        result('บางคล้า', 'a', '2022-04', 6),
        result('บางคล้า', 'a', '2022-05', 6),
        result('บางน้ำเปรี้ยว', 'a', '2022-05', 7),
        result('บางคล้า', 'b', '2022-05', 3),
        result('บางน้ำเปรี้ยว', 'b', '2022-05', 3)
      ],
      periodId: 'FY2565-R2',
      expected: [
        ['บางคล้า', 1, 2, 'ok', 2],
        ['บางน้ำเปรี้ยว', 2, 1.5, 'ok', 2]
      ]
    },
    {
      name: 'a month without results: every unit missing, all tied at rank 1',
      rows: [result('บางคล้า', 'a', '2022-04', 6)],
      periodId: '2565-09',
      expected: [['บางคล้า', 1, 0, 'missing', null]]
    }
  ])('$name', ({ rows, periodId, expected }) => {
    const periods = periodsOfFramework(2565, 'R2');
    const scores = plainScore(fw, rows, periods, frameworkUnitIds(fw), (name) =>
      resolveFrameworkUnit(fw, name)
    );
    const table = scores.get(periods.find((p) => p.id === periodId)!.id)!.get('*')!;
    for (const [unitName, rank, total, statusA, pointsB] of expected) {
      const row = table.find((r) => r.unit === unitName)!;
      expect([row.rank, roundTo(row.total, 4), row.kpis.a.status, row.kpis.b.points]).toEqual([
        rank,
        total,
        statusA,
        pointsB
      ]);
    }
  });
});

describe('plainScore agrees with the SQL on the built-in frameworks and their demo data', () => {
  let db: Db;
  let workspace: Workspace;
  beforeAll(async () => {
    db = await openNodeWasmDb();
    workspace = await Workspace.open(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  test.each(BUILTIN_FRAMEWORKS.map((fw) => ({ id: fw.id, fw })))('$id', async ({ fw }) => {
    const text = readFileSync(new URL(`../static/demo/${demoFileName(fw.id)}`, import.meta.url), 'utf8');
    const rows = readResultsText(demoFileName(fw.id), text, { framework: fw }).rows;
    expect(rows.length).toBeGreaterThan(0);
    await workspace.putFramework(fw);
    await workspace.commit(fw.id, rows);
    await workspace.ensure(fw.id, 'all');
    const periods = periodsOfFramework(fw.fiscalYear, fw.period);
    const plain = plainScore(fw, rows, periods, frameworkUnitIds(fw), (name) =>
      resolveFrameworkUnit(fw, name)
    );
    for (const p of periods) {
      for (const group of ['*', ...groupsOf(fw)]) {
        const sql = await workspace.leagueTable(fw.id, p.id, group);
        const mine = plain.get(p.id)!.get(group)!;
        const simplify = (r: { unitId: string; rank: number; total: number; missing: number }) => [
          r.unitId,
          r.rank,
          roundTo(r.total, 6),
          r.missing
        ];
        expect(mine.map(simplify), `${p.id} ${group}`).toEqual(sql.rows.map(simplify));
        for (const row of sql.rows) {
          const cells = mine.find((r) => r.unitId === row.unitId)!.kpis;
          for (const [id, cell] of Object.entries(row.cells)) {
            expect([cells[id].status, cells[id].level], `${p.id} ${row.unit} ${id}`).toEqual([
              cell.status,
              cell.level
            ]);
          }
        }
      }
    }
  });
});
