/**
 * Who has sent what (issue 14.3) on real DuckDB (WASM and native): uploads of a test workspace → the unit × month
 * grid, a partly received district with its missing KPIs, the later file winning a cell, dates of the uploads.
 */
import { describe, expect, it } from 'vitest';
import { openNodeNativeDb } from '../db/node-native';
import { openNodeWasmDb } from '../db/node-wasm';
import type { Db } from '../db/types';
import { hasErrors } from '../domain/framework-validate';
import { parsePeriodId } from '../domain/periods';
import { composite, framework, item, kpi, ladder, result, unit } from './testing';
import { dataAsOf, receivedGrid, unitsNotReported } from './received';
import { Workspace } from './workspace';

const FW = framework(
  'received',
  [kpi('k1'), kpi('k2'), composite('c', 'sum'), item('c1', 'c'), item('c2', 'c')],
  [
    ...ladder('k1', '>=', [1, 2, 3, 4, 5]),
    ...ladder('k2', '>=', [1, 2, 3, 4, 5]),
    ...ladder('c', '>=', [1, 2, 3, 4, 5]),
    ...ladder('c1', '>=', [1, 2, 3, 4, 5]),
    ...ladder('c2', '>=', [1, 2, 3, 4, 5])
  ]
);
const Q4 = parsePeriodId('FY2565-Q4')!; // Jul–Sep 2022

function rows(file: string, name: string, month: string, kpis: string[]) {
  return kpis.map((k) => ({ ...result(name, k, month, 3), source: file }));
}

describe.each([
  ['native', () => openNodeNativeDb()],
  ['wasm', () => openNodeWasmDb({ reuseModule: true })]
] as [string, () => Promise<Db>][])('received grid on %s DuckDB', (_engine, open) => {
  it('marks each district × month received, partly received (missing KPIs) or not received', async () => {
    const db = await open();
    try {
      const workspace = await Workspace.open(db);
      // A framework the workspace takes (the sub-items have their own ladders): results go only into one.
      expect(hasErrors(await workspace.putFramework(FW))).toBe(false);
      const all = ['k1', 'k2', 'c1', 'c2'];
      await workspace.commit(FW.id, [
        ...rows('บางคล้า-ก.ค.csv', 'บางคล้า', '2022-07', all),
        ...rows('บางคล้า-ก.ค.csv', 'บางคล้า', '2022-08', ['k1', 'c2'])
      ]);
      await workspace.commit(FW.id, [
        ...rows('รวม-ส.ค.xlsx', 'บางคล้า', '2022-08', ['k2']),
        ...rows('รวม-ส.ค.xlsx', 'บางปะกง', '2022-08', all),
        // A month outside the period is not in the grid.
        ...rows('รวม-ส.ค.xlsx', 'บางปะกง', '2022-06', all)
      ]);
      // A value of no one: a blank is not a result (the reader never stores one; here stored by hand).
      await workspace.commit(FW.id, [{ ...result('พนมสารคาม', 'k1', '2022-09', null), source: 'ว่าง.csv' }]);
      const stored = await workspace.received(FW.id, Q4.months);
      const grid = receivedGrid(FW, Q4, stored, [
        { frameworkId: FW.id, file: 'บางคล้า-ก.ค.csv', at: Date.UTC(2022, 7, 3) },
        { frameworkId: FW.id, file: 'รวม-ส.ค.xlsx', at: Date.UTC(2022, 8, 2) },
        { frameworkId: FW.id, file: 'รวม-ส.ค.xlsx', at: Date.UTC(2022, 8, 5) },
        { frameworkId: 'other', file: 'บางคล้า-ก.ค.csv', at: Date.UTC(2030, 0, 1) }
      ]);
      expect(grid.months).toEqual(['2022-07', '2022-08', '2022-09']);
      expect(grid.kpiCount).toBe(4);
      expect(grid.rows).toHaveLength(11);
      const of = (name: string) => grid.rows.find((row) => row.unit.id === unit(name))!.cells;
      expect(of('บางคล้า')).toEqual([
        {
          month: '2022-07',
          status: 'received',
          missing: [],
          files: [{ name: 'บางคล้า-ก.ค.csv', at: Date.UTC(2022, 7, 3) }]
        },
        {
          month: '2022-08',
          status: 'partial',
          missing: ['c1'],
          files: [
            { name: 'รวม-ส.ค.xlsx', at: Date.UTC(2022, 8, 5) },
            { name: 'บางคล้า-ก.ค.csv', at: Date.UTC(2022, 7, 3) }
          ]
        },
        { month: '2022-09', status: 'none', missing: ['k1', 'k2', 'c1', 'c2'], files: [] }
      ]);
      expect(of('บางปะกง').map((cell) => cell.status)).toEqual(['none', 'received', 'none']);
      expect(of('พนมสารคาม').map((cell) => cell.status)).toEqual(['none', 'none', 'none']);
      expect(grid.counts).toEqual({ received: 2, partial: 1, none: 30 });
      expect(unitsNotReported(grid)).toBe(9);
      // Views say "ข้อมูล ณ สิงหาคม": September has only a blank; a partly received district has sent.
      expect(dataAsOf(grid)).toEqual({ month: '2022-08', notReported: 9, units: 11 });
      expect((await workspace.latestMonths()).get(FW.id)).toBe('2022-08');
      const nothing = receivedGrid(FW, Q4, [], []);
      expect(dataAsOf(nothing)).toEqual({ month: null, notReported: 0, units: 11 });

      // The later file wins a cell: re-sending บางคล้า's July in another file names that file.
      await workspace.commit(
        FW.id,
        rows('แก้ไข.csv', 'บางคล้า', '2022-07', ['k1']).map((r) => ({ ...r, value: 4 }))
      );
      const again = receivedGrid(FW, Q4, await workspace.received(FW.id, Q4.months), []);
      const july = again.rows.find((row) => row.unit.id === unit('บางคล้า'))!.cells[0];
      expect(july.status).toBe('received');
      expect(july.files.map((f) => f.name).sort()).toEqual(['บางคล้า-ก.ค.csv', 'แก้ไข.csv']);
      expect(july.files.every((f) => f.at === null)).toBe(true);
    } finally {
      await db.close();
    }
  });
});
