import { test, expect } from 'vitest';
import { openNodeWasmDb } from './lib/db/node-wasm';
import { openNodeNativeDb } from './lib/db/node-native';
import { Workspace } from './lib/scoring/workspace';
import type { Framework } from './lib/domain/framework';

const fw: Framework = {
  id: 't', name: 'test', province: 'ฉะเชิงเทรา', fiscalYear: 2565, period: 'R2', targets: [], notes: [],
  kpis: [
    { kpi: 'budget', name: 'งบ', group: 'ทีม', weight: 60, scale: '1-5', measure: 'pct_of_target', aggregate: 'last', interpolate: false, targetLevel: null, parent: null, combine: null },
    { kpi: 'm9', name: 'm9', group: 'ทีม', weight: 40, scale: 'A-D', measure: 'combine', aggregate: 'last', interpolate: false, targetLevel: null, parent: null, combine: 'sum' },
    { kpi: 'm9a', name: 'a', group: null, weight: null, scale: 'points', measure: 'value', aggregate: 'last', interpolate: false, targetLevel: null, parent: 'm9', combine: null },
    { kpi: 'm9b', name: 'b', group: null, weight: null, scale: 'points', measure: 'value', aggregate: 'last', interpolate: false, targetLevel: null, parent: 'm9', combine: null },
  ],
  bands: [
    ...[100, 95, 90, 85, 80].map((v, i) => ({ kpi: 'budget', level: String(5 - i), points: 5 - i, op: '>=' as const, value: v, value2: null, unit: null, label: `>=${v}` })),
    ...['m9a', 'm9b'].flatMap((k) => [10, 9, 8, 7].map((p, i) => ({ kpi: k, level: String(p), points: p, op: '>=' as const, value: 4 - i, value2: null, unit: null, label: '' }))),
    { kpi: 'm9', level: 'A', points: 4, op: '>=', value: 20, value2: null, unit: null, label: '20' },
    { kpi: 'm9', level: 'B', points: 3, op: 'between', value: 17, value2: 19, unit: null, label: '17-19' },
    { kpi: 'm9', level: 'C', points: 2, op: 'between', value: 15, value2: 16, unit: null, label: '' },
    { kpi: 'm9', level: 'D', points: 1, op: 'any', value: null, value2: null, unit: null, label: '' },
  ]
};
for (const open of [openNodeWasmDb, openNodeNativeDb]) test('smoke ' + open.name, async () => {
  const db = await open();
  const ws = await Workspace.open(db);
  const issues = await ws.putFramework(fw);
  console.log(issues);
  const row = (unitId: string, kpi: string, month: string, value: number, target: number | null = null) => ({ unitId, kpi, month, value, target, baseline: null, adjust: null, source: 'x', line: 1 });
  await ws.putResults('t', [row('2401', 'budget', '2022-09', 97, 100), row('2401', 'm9a', '2022-09', 4), row('2401', 'm9b', '2022-09', 2), row('2402', 'budget', '2022-09', 79, 100)]);
  await ws.score('t');
  const lt = await ws.leagueTable('t', 'FY2565-R2');
  console.log(JSON.stringify(lt.rows.slice(0, 3), null, 1).slice(0, 3000));
  expect(lt.rows[0].cells.budget.level).toBe('4');
  await db.close();
});
