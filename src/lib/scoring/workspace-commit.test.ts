/**
 * Committing uploads (issue 5) on DuckDB-WASM and native DuckDB: re-uploading changes nothing, a corrected
 * month changes exactly its differing values (before → after), provenance stays with the value, and a
 * failed commit leaves the workspace as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { openNodeNativeDb } from '../db/node-native';
import { openNodeWasmDb } from '../db/node-wasm';
import { resultRows, type ResultRow } from '../domain/results';
import { columnsOf } from '../sql/results-import';
import { framework, kpi, ladder, unit } from './testing';
import { Workspace } from './workspace';

function row(
  name: string,
  kpiId: string,
  month: string,
  value: number | null,
  source: string,
  line: number,
  target: number | null = null
): ResultRow {
  return { unitId: unit(name), kpi: kpiId, month, value, target, baseline: null, adjust: null, source, line };
}

const FIRST: ResultRow[] = [
  row('บางคล้า', 'k', '2022-08', 10, 'ส.ค.csv', 2),
  row('บางคล้า', 'k', '2022-09', 20, 'ส.ค.csv', 3),
  row('บางปะกง', 'k', '2022-09', 30, 'ส.ค.csv', 4, 100)
];

async function stored(db: Db, frameworkId: string) {
  return db.query<{
    unit_id: string;
    month: string;
    value: number;
    target: number | null;
    source: string;
    line: number;
  }>(
    `SELECT unit_id, month, value, target, source, line FROM results WHERE framework_id = ? ORDER BY unit_id, month`,
    [frameworkId]
  );
}

describe.each([
  ['duckdb-wasm', openNodeWasmDb],
  ['duckdb-native', openNodeNativeDb]
])('Workspace.commit on %s', (_engine, open) => {
  let db: Db;
  let workspace: Workspace;
  let counter = 0;
  const fresh = async () => {
    const fw = framework(
      `commit-${++counter}`,
      [kpi('k', { weight: 1 })],
      ladder('k', '>=', [50, 40, 30, 20, 10])
    );
    await workspace.putFramework(fw);
    return fw.id;
  };

  beforeAll(async () => {
    db = await open();
    workspace = await Workspace.open(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('adds new rows, then finds nothing to change when the same file comes again', async () => {
    const id = await fresh();
    const first = await workspace.commit(id, FIRST);
    expect(first).toEqual({ added: 3, changed: 0, unchanged: 0, changes: [] });
    const before = await stored(db, id);
    const again = await workspace.commit(
      id,
      FIRST.map((r) => ({ ...r, source: 'ส.ค. (2).csv' }))
    );
    expect(again).toEqual({ added: 0, changed: 0, unchanged: 3, changes: [] });
    expect(await stored(db, id)).toEqual(before);
    expect(before.map((r) => r.source)).toEqual(['ส.ค.csv', 'ส.ค.csv', 'ส.ค.csv']);
  });

  it('replaces exactly the corrected values and describes them', async () => {
    const id = await fresh();
    await workspace.commit(id, FIRST);
    const corrected = [
      row('บางคล้า', 'k', '2022-09', 25, 'ก.ย.-แก้.csv', 2),
      row('บางปะกง', 'k', '2022-09', 30, 'ก.ย.-แก้.csv', 3, 100),
      row('บางปะกง', 'k', '2022-08', 5, 'ก.ย.-แก้.csv', 4)
    ];
    const preview = await workspace.diff(id, corrected);
    const diff = await workspace.commit(id, corrected);
    expect(preview).toEqual(diff);
    expect(diff).toMatchObject({ added: 1, changed: 1, unchanged: 1 });
    expect(diff.changes).toEqual([
      {
        unitId: unit('บางคล้า'),
        unit: 'บางคล้า',
        kpi: 'k',
        month: '2022-09',
        before: { value: 20, target: null, baseline: null, adjust: null, source: 'ส.ค.csv', line: 3 },
        after: { value: 25, target: null, baseline: null, adjust: null, source: 'ก.ย.-แก้.csv', line: 2 }
      }
    ]);
    expect(await stored(db, id)).toEqual([
      { unit_id: unit('บางคล้า'), month: '2022-08', value: 10, target: null, source: 'ส.ค.csv', line: 2 },
      { unit_id: unit('บางคล้า'), month: '2022-09', value: 25, target: null, source: 'ก.ย.-แก้.csv', line: 2 },
      { unit_id: unit('บางปะกง'), month: '2022-08', value: 5, target: null, source: 'ก.ย.-แก้.csv', line: 4 },
      { unit_id: unit('บางปะกง'), month: '2022-09', value: 30, target: 100, source: 'ส.ค.csv', line: 4 }
    ]);
  });

  it('counts a changed target as a change', async () => {
    const id = await fresh();
    await workspace.commit(id, FIRST);
    const diff = await workspace.commit(id, [row('บางปะกง', 'k', '2022-09', 30, 'x.csv', 2, 120)]);
    expect(diff).toMatchObject({ added: 0, changed: 1, unchanged: 0 });
    expect(diff.changes[0].before.target).toBe(100);
    expect(diff.changes[0].after.target).toBe(120);
  });

  it('hands beforeCommit only the rows it writes', async () => {
    const id = await fresh();
    await workspace.commit(id, FIRST);
    let written: ResultRow[] = [];
    await workspace.commit(id, [...FIRST.slice(0, 2), row('บางปะกง', 'k', '2022-09', 31, 'y.csv', 9)], {
      beforeCommit: async (_diff, columns) => {
        written = resultRows(columnsOf(columns), 'y.csv');
      }
    });
    expect(written.map((r) => [r.unitId, r.month, r.value])).toEqual([[unit('บางปะกง'), '2022-09', 31]]);
  });

  it('leaves the workspace as it was when the commit fails before COMMIT', async () => {
    const id = await fresh();
    await workspace.commit(id, FIRST);
    const before = await stored(db, id);
    await expect(
      workspace.commit(
        id,
        [row('บางคล้า', 'k', '2022-09', 99, 'z.csv', 2), row('บางปะกง', 'k', '2022-07', 1, 'z.csv', 3)],
        {
          beforeCommit: async () => {
            throw new Error('disk full');
          }
        }
      )
    ).rejects.toThrow('disk full');
    expect(await stored(db, id)).toEqual(before);
    // The workspace still works afterwards.
    expect((await workspace.commit(id, [row('บางคล้า', 'k', '2022-07', 1, 'w.csv', 2)])).added).toBe(1);
  });

  it('keeps the later of two rows for the same unit, KPI and month within one upload', async () => {
    const id = await fresh();
    const diff = await workspace.commit(id, [
      row('บางคล้า', 'k', '2022-09', 1, 'a.csv', 2),
      row('บางคล้า', 'k', '2022-09', 2, 'a.csv', 3)
    ]);
    expect(diff.added).toBe(1);
    expect((await stored(db, id)).map((r) => r.value)).toEqual([2]);
  });
});
