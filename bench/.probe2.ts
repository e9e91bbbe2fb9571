import { readFileSync } from 'node:fs';
import { readFrameworkJson } from '../src/lib/ingest/framework-files';
import { readResultsText } from '../src/lib/ingest/results';
import { decodeText } from '../src/lib/ingest/decode';
import { Workspace } from '../src/lib/scoring/workspace';
import { openNodeNativeDb } from '../src/lib/db/node-native';
import { openNodeWasmDb } from '../src/lib/db/node-wasm';
const fw = readFrameworkJson('f.json', readFileSync('bench/data/national.framework.json','utf8')).framework!;
const text = decodeText(readFileSync('bench/data/national.csv')).text;
const r = readResultsText('national.csv', text, { framework: fw });
for (const open of [openNodeNativeDb, openNodeWasmDb]) {
  let t = performance.now();
  const db = await open();
  const ws = await Workspace.open(db);
  const lap = (what: string) => { const now = performance.now(); console.log(db.engine, what, (now - t).toFixed(0)); t = now; };
  lap('open');
  await ws.putFramework(fw); lap('putFramework');
  await ws.putResults(fw.id, r.rows); lap('putResults');
  await ws.score(fw.id); lap('score');
  await ws.score(fw.id); lap('score again');
  const table = await ws.leagueTable(fw.id, 'FY2569'); lap('leagueTable FY');
  await ws.leagueTable(fw.id, '2569-01'); lap('leagueTable month');
  await ws.leagueTable(fw.id, '2569-02', 'ตัวชี้วัดรายทีม'); lap('leagueTable month group');
  console.log(table.rows.length, table.rows[0].unit, table.rows[0].total);
  const [{n}] = await db.query<{n:number}>('select count(*)::int n from kpi_scores'); console.log('kpi_scores', n);
  await db.close();
}
