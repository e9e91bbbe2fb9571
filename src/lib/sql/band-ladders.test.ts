/**
 * The band ladders a framework's bands become when it is stored (band-ladders.ts), read back from real
 * DuckDB-WASM: what every scoring query then finds a value's band in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { openNodeWasmDb } from '../db/node-wasm';
import { Workspace } from '../scoring/workspace';
import { band, framework, kpi, ladder, unit } from '../scoring/testing';

let db: Db;
let workspace: Workspace;
beforeAll(async () => {
  db = await openNodeWasmDb({ reuseModule: true });
  workspace = await Workspace.open(db);
});
afterAll(async () => {
  await db?.close();
});

/** One line per ladder: level(points → next better level @ where it starts), best first. */
async function ladders(frameworkId: string): Promise<Record<string, string>> {
  // Written out in SQL: a list of structs would come back as Arrow vectors (and json is an extension).
  const rows = await db.query<{ ladder: string; kpi: string; bands: string }>(
    `SELECT ladder, kpi, array_to_string(list_transform(bands, lambda b: concat(b.level, '(', b.points::INTEGER,
       '→', coalesce(b.next_level, '-'), '@', coalesce(b.next_start::INTEGER::VARCHAR, '-'), ')')), ' ') AS bands
     FROM band_ladders WHERE framework_id = ? ORDER BY kpi, ladder`,
    [frameworkId]
  );
  return Object.fromEntries(rows.map((row) => [`${row.kpi}@${row.ladder || 'general'}`, row.bands]));
}

describe('band_ladders', () => {
  it('holds each ladder best first; a district’s own bands replace the general ones of their levels', async () => {
    const fw = framework(
      'ladders-own',
      [kpi('k'), kpi('t', { measure: 'pct_of_target' })],
      [
        ...ladder('k', '>=', [100, 95, 90, 85, 80]),
        band('k', 5, 5, '>=', 50, null, 'บางคล้า'),
        band('k', 4, 4, '>=', 45, null, 'บางคล้า'),
        ...ladder('t', '<=', [10, 20, 30], { levels: ['A', 'B', 'C'] })
      ]
    );
    expect((await workspace.putFramework(fw)).filter((i) => i.severity === 'error')).toEqual([]);
    expect(await ladders(fw.id)).toEqual({
      'k@general': '5(5→-@-) 4(4→5@100) 3(3→4@95) 2(2→3@90) 1(1→2@85)',
      // บางคล้า's own 5 (>= 50) and 4 (>= 45); the general 3 (>= 95), 2 and 1 can never be reached after
      // its 4 (every value ≥ 85 is ≥ 45), so its ladder ends there.
      [`k@${unit('บางคล้า')}`]: '5(5→-@-) 4(4→5@50)',
      't@general': 'A(3→-@-) B(2→A@10) C(1→B@20)'
    });
  });

  it('leaves out a band that can never be reached: the next better band of a level is one that can', async () => {
    // Bands are tried best first (most points): level 2 (>= 95) comes after level 4 (>= 80), which every
    // value ≥ 95 meets first.
    const fw = framework(
      'ladders-shadowed',
      [kpi('k')],
      [
        band('k', 5, 5, '>=', 100),
        band('k', 4, 4, '>=', 80),
        band('k', 2, 2, '>=', 95),
        band('k', 1, 1, 'any')
      ]
    );
    expect((await workspace.putFramework(fw)).filter((i) => i.severity === 'error')).toEqual([]);
    expect(await ladders(fw.id)).toEqual({ 'k@general': '5(5→-@-) 4(4→5@100) 1(1→4@80)' });
  });

  it('a KPI with bands for one district only has no general ladder: the others stay unbanded', async () => {
    const fw = framework(
      'ladders-unit-only',
      [kpi('k'), kpi('u')],
      [
        ...ladder('k', '>=', [100, 95, 90, 85, 80]),
        band('u', 5, 5, '>=', 50, null, 'บางคล้า'),
        band('u', 1, 1, 'any', null, null, 'บางคล้า')
      ]
    );
    const issues = await workspace.putFramework(fw);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(await ladders(fw.id)).toEqual({
      'k@general': '5(5→-@-) 4(4→5@100) 3(3→4@95) 2(2→3@90) 1(1→2@85)',
      [`u@${unit('บางคล้า')}`]: '5(5→-@-) 1(1→5@50)'
    });
    await workspace.removeFramework(fw.id);
  });

  it('goes with its framework', async () => {
    await workspace.removeFramework('ladders-own');
    expect(await ladders('ladders-own')).toEqual({});
    expect(Object.keys(await ladders('ladders-shadowed'))).toEqual(['k@general']);
  });
});
