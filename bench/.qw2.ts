import { readFileSync, writeFileSync } from 'node:fs';
import { openWasmWithFiles } from './engines';
import { readResultsFast } from '../src/lib/ingest/fast-results';
import { readFrameworkJson } from '../src/lib/ingest/framework-files';
import { Workspace } from '../src/lib/scoring/workspace';
const e = await openWasmWithFiles();
const fw = readFrameworkJson('f.json', readFileSync('bench/data/national.framework.json', 'utf8')).framework!;
const ws = await Workspace.open(e.db);
await ws.putFramework(fw);
await e.db.exec('CREATE OR REPLACE TEMP TABLE st AS SELECT * FROM results LIMIT 0');
await readResultsFast(e.db, e.files, { name: 'national.csv', bytes: new Uint8Array(readFileSync('bench/data/national.csv')) }, { framework: fw, table: 'st' });
await e.db.exec('INSERT INTO results SELECT * FROM st');
for (const f of process.argv.slice(2)) {
  const sql = readFileSync(f, 'utf8');
  await e.db.exec(`CREATE OR REPLACE TEMP TABLE out AS ${sql}`);
  const rows = await e.db.query(`EXPLAIN (ANALYZE, FORMAT JSON) CREATE OR REPLACE TEMP TABLE out AS ${sql}`);
  const text = String(Object.values(rows[0]).at(-1));
  writeFileSync(f + '.prof.json', text);
}
await e.close();
