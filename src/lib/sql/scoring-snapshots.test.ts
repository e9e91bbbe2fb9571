/**
 * The scoring and league SQL pinned, one framework shape at a time (STYLE.md: SQL changes show in review).
 * Each shape goes the app's way on real DuckDB-WASM — `putFramework` → `commit` → `ensure` → `leagueTable` —
 * through a `Db` that keeps every statement sent: the statements that score and read the table are the file
 * snapshot (`__snapshots__/<shape>.sql`), and the league table DuckDB answers with is the inline snapshot.
 * A change of the SQL builders or of what they are given (composite depths, per-unit targets, a period's
 * scope) shows as a diff of those files; `npx vitest run -u` takes a reviewed change in.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db, Row, SqlValue } from '../db/types';
import { openNodeWasmDb } from '../db/node-wasm';
import type { Framework } from '../domain/framework';
import type { ResultRow } from '../domain/results';
import { Workspace } from '../scoring/workspace';
import type { LeagueTable } from '../scoring/league';
import { band, composite, framework, item, kpi, ladder, result, target } from '../scoring/testing';

/** A `Db` that keeps the statements sent to it while `recording`. */
class RecordingDb implements Db {
  recording = false;
  readonly statements: string[] = [];
  constructor(private readonly inner: Db) {}
  get engine() {
    return this.inner.engine;
  }
  exec(sql: string): Promise<void> {
    if (this.recording) this.statements.push(sql);
    return this.inner.exec(sql);
  }
  query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    if (this.recording)
      this.statements.push(params?.length ? `${sql}\n-- params: ${JSON.stringify(params)}` : sql);
    return this.inner.query<T>(sql, params);
  }
  insertRows(table: string, columns: Parameters<Db['insertRows']>[1], rows: Parameters<Db['insertRows']>[2]) {
    if (this.recording) this.statements.push(`-- insertRows ${table}: ${rows.length} rows`);
    return this.inner.insertRows(table, columns, rows);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

let db: RecordingDb;
let workspace: Workspace;
beforeAll(async () => {
  db = new RecordingDb(await openNodeWasmDb({ reuseModule: true }));
  workspace = await Workspace.open(db);
});
afterAll(async () => {
  await db?.close();
});

/** One line per unit with any result: rank, unit, total (% of the top), then each KPI's level and score by id. */
function leagueText(table: LeagueTable): string {
  return table.rows
    .filter((row) => row.missing < table.kpis.length)
    .map((row) => {
      const cells = Object.values(row.cells)
        .sort((a, b) => a.kpi.localeCompare(b.kpi))
        .map((cell) => `${cell.kpi}=${cell.level ?? cell.status}/${cell.score}`)
        .join(' ');
      const pct = row.totalPct === null ? '-' : Math.round(row.totalPct * 100) / 100;
      return `${row.rank} ${row.unit} ${row.total} (${pct}%) ${cells}`;
    })
    .join('\n');
}

/**
 * Stores the framework and rows, then records scoring every period (`all`) or the periods of `scope` only
 * and reading the league table of `periodId`; returns the recorded SQL and the table.
 */
async function run(
  fw: Framework,
  rows: ResultRow[],
  periodId: string,
  scope: 'all' | 'period' = 'all'
): Promise<{ sql: string; league: string }> {
  const issues = await workspace.putFramework(fw);
  expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  await workspace.commit(fw.id, rows);
  db.statements.length = 0;
  db.recording = true;
  try {
    if (scope === 'all') await workspace.ensure(fw.id, 'all');
    const table = await workspace.leagueTable(fw.id, periodId);
    const sql = `-- ${fw.id}: ${scope === 'all' ? 'every period scored' : `only ${periodId} and the one before`}, then its league table\n\n${db.statements.join(';\n\n')};\n`;
    return { sql, league: leagueText(table) };
  } finally {
    db.recording = false;
    await workspace.removeFramework(fw.id);
    await workspace.clearResults(fw.id);
  }
}

const levels15 = framework(
  'shape-levels',
  [kpi('k', { interpolate: true }), kpi('t', { measure: 'pct_of_target', aggregate: 'sum' })],
  [...ladder('k', '>=', [100, 95, 90, 85, 80]), ...ladder('t', '>=', [100, 90, 80, 70, 60])]
);
const levelsRows = [
  result('บางคล้า', 'k', '2022-09', 97),
  result('บางปะกง', 'k', '2022-09', 100),
  result('บางคล้า', 't', '2022-08', 40, { target: 50 }),
  result('บางคล้า', 't', '2022-09', 45, { target: 50 }),
  result('บางปะกง', 't', '2022-09', 30, { target: 50 })
];

describe('scoring and league SQL by framework shape', () => {
  test('levels 1–5: a value and a % of target, interpolated', async () => {
    const { sql, league } = await run(levels15, levelsRows, '2565-09');
    await expect(sql).toMatchFileSnapshot('./__snapshots__/scoring-levels-1-5.sql');
    expect(league).toMatchInlineSnapshot(`
      "1 บางคล้า 4.2 (84%) k=4/4.4 t=4/4
      2 บางปะกง 3 (60%) k=5/5 t=1/1"
    `);
  });

  test('levels 1–5, one period scored on the way (the league view after an upload)', async () => {
    const { sql, league } = await run(levels15, levelsRows, '2565-09', 'period');
    await expect(sql).toMatchFileSnapshot('./__snapshots__/scoring-levels-1-5-one-period.sql');
    expect(league).toMatchInlineSnapshot(`
      "1 บางคล้า 4.2 (84%) k=4/4.4 t=4/4
      2 บางปะกง 3 (60%) k=5/5 t=1/1"
    `);
  });

  test('A–D with a floor band', async () => {
    const fw = framework(
      'shape-ad',
      [kpi('m', { scale: 'A-D' })],
      [
        band('m', 'A', 10, '>=', 30),
        band('m', 'B', 7, '>=', 25),
        band('m', 'C', 3, '>=', 20),
        band('m', 'D', 1, 'any')
      ]
    );
    const { sql, league } = await run(
      fw,
      [
        result('บางคล้า', 'm', '2022-09', 26),
        result('บางปะกง', 'm', '2022-09', 31),
        result('พนมสารคาม', 'm', '2022-09', 5)
      ],
      '2565-09'
    );
    await expect(sql).toMatchFileSnapshot('./__snapshots__/scoring-a-d.sql');
    expect(league).toMatchInlineSnapshot(`
      "1 บางปะกง 10 (100%) m=A/10
      2 บางคล้า 7 (70%) m=B/7
      3 พนมสารคาม 1 (10%) m=D/1"
    `);
  });

  test('points: 100 / 75 / 50 / 25, lower is better', async () => {
    const fw = framework(
      'shape-points',
      [kpi('debt', { scale: 'points' })],
      [
        band('debt', '100', 100, '<', 10),
        band('debt', '75', 75, 'between', 10, 12),
        band('debt', '50', 50, 'between', 12.01, 14),
        band('debt', '25', 25, '>', 14)
      ]
    );
    const { sql, league } = await run(
      fw,
      [
        result('บางคล้า', 'debt', '2022-09', 9.5),
        result('บางปะกง', 'debt', '2022-09', 11),
        result('ราชสาส์น', 'debt', '2022-09', 15)
      ],
      '2565-09'
    );
    await expect(sql).toMatchFileSnapshot('./__snapshots__/scoring-points.sql');
    expect(league).toMatchInlineSnapshot(`
      "1 บางคล้า 100 (100%) debt=100/100
      2 บางปะกง 75 (75%) debt=75/75
      3 ราชสาส์น 25 (25%) debt=25/25"
    `);
  });

  test('a composite: two-point items summed, banded A–D', async () => {
    const items = ['m7_1', 'm7_2', 'm7_3'];
    const fw = framework(
      'shape-composite',
      [composite('m7', 'sum', { scale: 'A-D' }), ...items.map((id) => item(id, 'm7')), kpi('k')],
      [
        ...ladder('m7', '>=', [6, 4, 2], { levels: ['A', 'B', 'C'], points: [4, 3, 2] }),
        band('m7', 'D', 1, 'any'),
        ...items.flatMap((id) => [band(id, '2', 2, '>=', 1), band(id, '0', 0, 'any')]),
        ...ladder('k', '>=', [100, 95, 90, 85, 80])
      ]
    );
    const done = (name: string, count: number) =>
      items.map((id, i) => result(name, id, '2022-09', i < count ? 1 : 0));
    const { sql, league } = await run(
      fw,
      [...done('บางคล้า', 3), ...done('บางปะกง', 1), result('บางคล้า', 'k', '2022-09', 90)],
      '2565-09'
    );
    await expect(sql).toMatchFileSnapshot('./__snapshots__/scoring-composite.sql');
    expect(league).toMatchInlineSnapshot(`
      "1 บางคล้า 3.5 (77.78%) k=3/3 m7=A/4 m7_1=2/2 m7_2=2/2 m7_3=2/2
      2 บางปะกง 1 (22.22%) k=missing/0 m7=C/2 m7_1=2/2 m7_2=0/0 m7_3=0/0"
    `);
  });

  test('per-district bands and per-district targets', async () => {
    const fw = framework(
      'shape-district',
      [kpi('k'), kpi('t', { measure: 'pct_of_target' })],
      [
        ...ladder('k', '>=', [100, 95, 90, 85, 80]),
        ...ladder('k', '>=', [50, 45, 40, 35, 30], { unit: 'บางคล้า' }),
        ...ladder('t', '>=', [100, 90, 80, 70, 60])
      ],
      {
        targets: [
          target('t', 'บางคล้า', null, { target: 20 }),
          target('t', 'บางปะกง', '2022-09', { target: 40 })
        ]
      }
    );
    const { sql, league } = await run(
      fw,
      [
        result('บางคล้า', 'k', '2022-09', 47),
        result('บางปะกง', 'k', '2022-09', 96),
        result('บางคล้า', 't', '2022-09', 19),
        result('บางปะกง', 't', '2022-09', 40)
      ],
      '2565-09'
    );
    await expect(sql).toMatchFileSnapshot('./__snapshots__/scoring-per-district.sql');
    expect(league).toMatchInlineSnapshot(`
      "1 บางปะกง 4.5 (90%) k=4/4 t=5/5
      2 บางคล้า 4 (80%) k=4/4 t=4/4"
    `);
  });
});
