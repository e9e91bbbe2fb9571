/**
 * The same frameworks scored on DuckDB-WASM (the browser's engine) and on native DuckDB (the command line's
 * default) give identical league tables: ranks, order, totals, movement and every KPI cell.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { groupsOf, type Framework } from '../domain/framework';
import { periodsOfFramework } from '../domain/periods';
import type { ResultRow } from '../domain/results';
import type { Db } from '../db/types';
import { openNodeNativeDb } from '../db/node-native';
import { openNodeWasmDb } from '../db/node-wasm';
import type { LeagueTable } from './league';
import { roundTo } from './reference';
import { band, composite, framework, item, kpi, ladder, result, target } from './testing';
import { randomCase } from './random-case.testing';
import { Workspace } from './workspace';

interface Engine {
  db: Db;
  workspace: Workspace;
}

const engines: Record<'wasm' | 'native', Engine | null> = { wasm: null, native: null };

beforeAll(async () => {
  for (const [name, open] of [
    ['wasm', openNodeWasmDb],
    ['native', openNodeNativeDb]
  ] as const) {
    const db = await open();
    engines[name] = { db, workspace: await Workspace.open(db) };
  }
});

afterAll(async () => {
  await engines.wasm?.db.close();
  await engines.native?.db.close();
});

/** Numbers to 9 decimals (engines may add doubles in another order); everything else as it is. */
function normalise(value: unknown): unknown {
  if (typeof value === 'number') return roundTo(value, 9);
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, normalise(v)]));
  }
  return value;
}

/** League tables of the scored periods and every group (and `*`) of a framework, on one engine. */
async function tables(
  engine: Engine,
  fw: Framework,
  rows: readonly ResultRow[]
): Promise<Record<string, unknown>> {
  const issues = await engine.workspace.putFramework(fw);
  expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  await engine.workspace.commit(fw.id, rows);
  await engine.workspace.ensure(fw.id, 'all');
  const out: Record<string, unknown> = {};
  const periods = periodsOfFramework(fw.fiscalYear, fw.period);
  const lastMonth = periods.filter((p) => p.grain === 'month').at(-1);
  // The last month (whose movement is against the month before) and every quarter, round and year.
  for (const period of periods.filter((p) => p.grain !== 'month' || p === lastMonth)) {
    for (const group of ['*', ...groupsOf(fw)]) {
      const table: LeagueTable = await engine.workspace.leagueTable(fw.id, period.id, group);
      out[`${period.id} ${group}`] = normalise(table.rows);
    }
  }
  return out;
}

async function expectSameOnBothEngines(fw: Framework, rows: readonly ResultRow[]): Promise<void> {
  const wasm = await tables(engines.wasm!, fw, rows);
  const native = await tables(engines.native!, fw, rows);
  expect(Object.keys(wasm).length).toBeGreaterThan(0);
  expect(native).toEqual(wasm);
}

/** Seed 001-like round-2 framework: groups, weights summing to 110, per-unit bands, interpolation, adjustments. */
const seed001 = framework(
  'engines-001',
  [
    kpi('budget', { group: 'ทีม', weight: 20, measure: 'pct_of_target', aggregate: 'last' }),
    kpi('poor', { group: 'ทีม', weight: 20, interpolate: true }),
    kpi('debt', { group: 'รายบุคคล', weight: 40, measure: 'pct_of_target', interpolate: true }),
    kpi('otop', { group: 'รายบุคคล', weight: 30, measure: 'pct_of_target', aggregate: 'sum' })
  ],
  [
    ...ladder('budget', '>=', [100, 95, 90, 85, 80]),
    ...ladder('poor', '<=', [15, 20, 25, 30, 35]),
    ...ladder('poor', '<=', [29, 38, 48, 58, 67], { unit: 'เมืองฉะเชิงเทรา' }),
    ...ladder('poor', '<=', [10, 13, 17, 20, 23], { unit: 'บางคล้า' }),
    ...ladder('debt', '>=', [30, 25, 20], { points: [5, 4, 3] }),
    ...ladder('otop', '>=', [100, 90, 80, 70, 60])
  ],
  {
    targets: [
      target('otop', 'บางคล้า', null, { target: 40_000 }),
      target('otop', 'บางปะกง', '2022-09', { target: 10_000 })
    ]
  }
);

function seed001Rows(): ResultRow[] {
  const names = ['เมืองฉะเชิงเทรา', 'บางคล้า', 'บางน้ำเปรี้ยว', 'บางปะกง', 'บ้านโพธิ์', 'พนมสารคาม', 'แปลงยาว'];
  const rows: ResultRow[] = [];
  names.forEach((name, i) => {
    for (const [m, month] of ['2022-07', '2022-08', '2022-09'].entries()) {
      rows.push(result(name, 'budget', month, 70 + 5 * m + i * 2, { target: 100 }));
      rows.push(result(name, 'poor', month, 40 - 4 * m - i * 3));
      rows.push(
        result(name, 'debt', month, 18 + i * 2.5, { target: 100, adjust: i === 3 && m === 1 ? -0.5 : null })
      );
      if (i !== 5)
        rows.push(result(name, 'otop', month, 9_000 + 1_000 * i, { target: i === 1 ? null : 10_000 }));
    }
  });
  return rows;
}

/** Seed 000-like A–D missions with composites (mean, sum, min, count_top) and a floor band. */
const seed000 = framework(
  'engines-000',
  [
    composite('m6', 'mean', { scale: 'A-D' }),
    item('m6a', 'm6'),
    item('m6b', 'm6'),
    composite('m9', 'sum', { scale: 'A-D' }),
    item('m9a', 'm9'),
    item('m9b', 'm9'),
    composite('m2', 'count_top', { scale: 'A-D' }),
    item('m2a', 'm2'),
    item('m2b', 'm2'),
    kpi('rank', { scale: '1-5', measure: 'rank_desc' })
  ],
  [
    band('m6', 'A', 4, '>=', 80),
    band('m6', 'B', 3, 'between', 70, 79.99),
    band('m6', 'C', 2, 'between', 60, 69.99),
    band('m6', 'D', 1, 'any'),
    ...['m6a', 'm6b'].flatMap((id) => [
      ...ladder(id, '>=', [40, 35, 30], { points: [100, 75, 50], levels: ['100', '75', '50'] }),
      band(id, '25', 25, 'any')
    ]),
    band('m9', 'A', 4, '>=', 20),
    band('m9', 'B', 3, 'between', 17, 19),
    band('m9', 'C', 2, 'between', 15, 16),
    band('m9', 'D', 1, 'any'),
    ...['m9a', 'm9b'].flatMap((id) => [
      ...ladder(id, '>=', [1, 0.75, 0.5], { points: [10, 9, 8], levels: ['10', '9', '8'] }),
      band(id, '7', 7, 'any')
    ]),
    ...ladder('m2', '>=', [2, 1], { levels: ['A', 'B'], points: [4, 3] }),
    band('m2', 'D', 1, 'any'),
    ...['m2a', 'm2b'].flatMap((id) => [band(id, '100', 1, '>=', 100), band(id, '0', 0, 'any')]),
    band('rank', 5, 5, '<=', 5),
    band('rank', 4, 4, '<=', 10),
    band('rank', 3, 3, 'any')
  ],
  { fiscalYear: 2567, period: 'Q4' }
);

function seed000Rows(): ResultRow[] {
  const names = ['เมืองฉะเชิงเทรา', 'บางคล้า', 'บางปะกง', 'บ้านโพธิ์', 'พนมสารคาม', 'ราชสาส์น', 'คลองเขื่อน'];
  const rows: ResultRow[] = [];
  names.forEach((name, i) => {
    for (const month of ['2024-07', '2024-08', '2024-09']) {
      rows.push(result(name, 'm6a', month, 28 + i * 2));
      if (i !== 2) rows.push(result(name, 'm6b', month, 41 - i * 3));
      rows.push(result(name, 'm9a', month, 0.25 * i));
      rows.push(result(name, 'm9b', month, 1 - 0.1 * i));
      rows.push(result(name, 'm2a', month, i % 2 === 0 ? 100 : 90));
      rows.push(result(name, 'm2b', month, 100));
      rows.push(result(name, 'rank', month, 50 - (i % 3)));
    }
  });
  return rows;
}

/** A national framework: its units are the provinces, with a province's own band. */
const national = framework(
  'engines-national',
  [kpi('otop', { measure: 'growth_pct', aggregate: 'sum', interpolate: true })],
  [...ladder('otop', '>', [8, 6, 4, 2, 0]), ...ladder('otop', '>', [10, 8, 6, 4, 2], { unit: 'บุรีรัมย์' })],
  { province: null, fiscalYear: 2567, period: 'Q4' }
);

function nationalRows(): ResultRow[] {
  return ['24', '31', '27', '36', '50'].flatMap((provinceId, i) =>
    ['2024-07', '2024-08', '2024-09'].map((month, m) => ({
      unitId: provinceId,
      kpi: 'otop',
      month,
      value: 100 + i * 3 + m,
      target: null,
      baseline: 100,
      adjust: null,
      source: 'national.csv',
      line: i * 3 + m + 2
    }))
  );
}

describe('DuckDB-WASM and native DuckDB give identical league tables', () => {
  test('seed 001-like round 2: groups, weights summing to 110, per-unit bands, targets, adjustments', async () => {
    await expectSameOnBothEngines(seed001, seed001Rows());
  });

  test('seed 000-like missions: composites, A–D, floor bands and a rank measure', async () => {
    await expectSameOnBothEngines(seed000, seed000Rows());
  });

  test('a national framework over the provinces', async () => {
    await expectSameOnBothEngines(national, nationalRows());
  });

  test('random frameworks and results (8 cases, fixed seed)', async () => {
    const cases = fc.sample(randomCase, { numRuns: 8, seed: 2567 });
    for (const { framework: fw, rows } of cases) await expectSameOnBothEngines(fw, rows);
  }, 120_000);
});
