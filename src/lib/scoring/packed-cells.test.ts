/**
 * The league table reads its cells packed into one string per unit (issue 6: 878 strings instead of 22 000
 * rows). Every field must come back exactly as the row-per-cell query gives it: numbers to the last bit,
 * NULL apart from '', and labels holding the packing's own separators, backslashes and `=`.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/types';
import { openNodeNativeDb } from '../db/node-native';
import { openNodeWasmDb } from '../db/node-wasm';
import { PACKED_CELL_FIELDS, kpiCellsSql } from '../sql/scoring';
import { FIELD_SEPARATOR, RECORD_SEPARATOR } from '../sql/packed';
import { unpackCellScores, unpackCells } from './league-rows';
import { band, composite, framework, item, kpi, result } from './testing';
import { Workspace } from './workspace';

const engines: Record<string, { db: Db; workspace: Workspace }> = {};
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
  for (const engine of Object.values(engines)) await engine.db.close();
});

const AWKWARD = ['ระดับ \u001f หนึ่ง', 'a\u001eb', 'back\\slash\\u', '=เท่ากับ', '', '\\r\\\\'];

const fw = framework(
  'packed-cells',
  [
    kpi('k1', { aggregate: 'mean', interpolate: true }),
    kpi('k2', { measure: 'pct_of_target' }),
    composite('c', 'sum'),
    item('c.1', 'c'),
    item('c.2', 'c')
  ],
  [
    band('k1', AWKWARD[0], 5, '>=', 0.3),
    band('k1', AWKWARD[1], 3, '>=', 0.1 + 0.2 - 0.25),
    { ...band('k1', '1', 1, 'any'), label: AWKWARD[4] },
    { ...band('k2', '2', 2, '>=', 100), label: AWKWARD[2] },
    { ...band('k2', '1', 1, 'between', 50, 99.99999999999), label: AWKWARD[3] },
    band('c', '2', 2, '>=', 2),
    band('c.1', '1', 1, '>=', 1),
    { ...band('c.2', '1', 1, '>=', 1), label: AWKWARD[5] }
  ]
);

/** `kpiCellsSql` rows as the old row-per-cell reading turned them into cells. */
function fromRow(row: Record<string, unknown>) {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    kpi: String(row.kpi),
    value: num(row.value),
    target: num(row.target),
    baseline: num(row.baseline),
    adjust: num(row.adjust),
    monthsReported: Number(row.months_reported ?? 0),
    lastMonth: str(row.last_month),
    measured: num(row.measured),
    level: str(row.level),
    points: num(row.points),
    bandLabel: str(row.band_label),
    score: Number(row.score ?? 0),
    status: String(row.status),
    isTop: row.is_top === true,
    next:
      row.next_level === null || row.next_level === undefined
        ? null
        : {
            level: String(row.next_level),
            op: String(row.next_op),
            value: num(row.next_value),
            value2: num(row.next_value2),
            start: num(row.next_start)
          }
  };
}

describe.each(['wasm', 'native'])('packed league cells on %s DuckDB', (name) => {
  test('every cell equals the row-per-cell reading, awkward labels and doubles included', async () => {
    const { db, workspace } = engines[name];
    await workspace.putFramework(fw);
    await workspace.commit(fw.id, [
      result('บางคล้า', 'k1', '2022-07', 0.1, { adjust: -0.25 }),
      result('บางคล้า', 'k1', '2022-08', 0.2),
      result('บางน้ำเปรี้ยว', 'k1', '2022-08', 1 / 3),
      result('บางน้ำเปรี้ยว', 'k2', '2022-08', 2 / 3, { target: 0.7 }),
      result('บางคล้า', 'k2', '2022-09', 123456789.12345679, { target: 1e21 }),
      result('ราชสาส์น', 'k2', '2022-09', 55, { target: 100 }),
      result('แปลงยาว', 'k2', '2022-09', 60, { target: 50 }),
      result('แปลงยาว', 'k1', '2022-09', 0.01),
      result('บางคล้า', 'c.1', '2022-09', 1),
      result('บางคล้า', 'c.2', '2022-09', 5e-324)
    ]);
    await workspace.ensure(fw.id, 'all');
    let compared = 0;
    for (const periodId of ['FY2565-R2', '2565-08', '2565-09']) {
      const table = await workspace.leagueTable(fw.id, periodId);
      // The headline's reading, before any cell is read whole: from the packed text.
      const scores = new Map(table.rows.map((r) => [r.unitId, r.cellScores!()]));
      const rows = await db.query(kpiCellsSql(), [fw.id, periodId]);
      expect(rows.length).toBe(11 * 5);
      for (const row of rows) {
        const unit = table.rows.find((r) => r.unitId === row.unit_id)!;
        const cell = fromRow(row);
        expect(unit.cells[String(row.kpi)]).toEqual(cell);
        // The headline's quick reading (before any cell is read whole) gives the same four fields.
        expect(scores.get(unit.unitId)![cell.kpi]).toEqual({
          points: cell.points,
          score: cell.score,
          status: cell.status,
          isTop: cell.isTop
        });
        compared++;
      }
    }
    expect(compared).toBe(3 * 55);
    // The awkward labels made it through somewhere, with their separators.
    const labels = new Set<string | null>();
    for (const periodId of ['FY2565-R2', '2565-08', '2565-09']) {
      // One query at a time: a native connection must not run two statements at once.
      const table = await workspace.leagueTable(fw.id, periodId);
      for (const row of table.rows)
        for (const cell of Object.values(row.cells)) labels.add(cell.level).add(cell.bandLabel);
    }

    for (const label of AWKWARD.slice(0, 5)) expect(labels.has(label), JSON.stringify(label)).toBe(true);
    await workspace.removeFramework(fw.id);
    await workspace.clearResults(fw.id);
  });
});

describe('the headline reads the first fields of a packed cell only', () => {
  test('the fields it reads come first', () => {
    expect(PACKED_CELL_FIELDS.slice(0, 5)).toEqual(['kpi', 'points', 'score', 'status', 'is_top']);
  });

  /** A unit's cells packed as `kpiCellsPackedSql` writes them: '' for NULL, texts as `=` + escaped text. */
  function packed(cells: Record<string, string | null | undefined>[]): string {
    const text = (v: string) =>
      '=' + v.replaceAll('\\', '\\\\').replaceAll(FIELD_SEPARATOR, '\\u').replaceAll(RECORD_SEPARATOR, '\\r');
    const texts = new Set(['kpi', 'status', 'level', 'band_label', 'last_month', 'next_level', 'next_op']);
    return cells
      .map((cell) =>
        PACKED_CELL_FIELDS.map((field) => {
          const v = cell[field] ?? null;
          return v === null ? '' : field === 'is_top' ? v : texts.has(field) ? text(v) : v;
        }).join(FIELD_SEPARATOR)
      )
      .join(RECORD_SEPARATOR);
  }

  test.each([
    ['one cell', [{ kpi: 'k1', points: '5', score: '5', status: 'ok', is_top: 't', level: '5' }]],
    [
      'NULL points, a missing cell and names holding the separators',
      [
        { kpi: 'a\u001fb', points: null, score: '0', status: 'missing', is_top: 'f', level: 'x\u001ey' },
        { kpi: 'k\\2\u001e', points: '0.1', score: '0.30000000000000004', status: 'ok', is_top: 'f' },
        { kpi: 'last', points: '3', score: '1.5', status: 'below', is_top: 'f', band_start: '7' }
      ]
    ]
  ])('%s: the same as the whole cells', (_, cells) => {
    const text = packed(cells);
    const whole = unpackCells(text);
    const quick = unpackCellScores(text);
    expect(Object.keys(quick)).toEqual(cells.map((cell) => cell.kpi));
    expect(Object.keys(quick)).toEqual(Object.keys(whole));
    for (const [kpi, cell] of Object.entries(whole))
      expect(quick[kpi]).toEqual({
        points: cell.points,
        score: cell.score,
        status: cell.status,
        isTop: cell.isTop
      });
  });
});
