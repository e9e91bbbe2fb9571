import { readFileSync } from 'node:fs';
import { openWasmWithFiles, openNativeWithFiles } from './engines';
import { readResultsFast } from '../src/lib/ingest/fast-results';
import { readFrameworkJson } from '../src/lib/ingest/framework-files';
import { Workspace } from '../src/lib/scoring/workspace';
const files = process.argv.slice(3);
const e = process.argv[2] === 'native' ? await openNativeWithFiles() : await openWasmWithFiles();
const fw = readFrameworkJson('f.json', readFileSync('bench/data/national.framework.json', 'utf8')).framework!;
const ws = await Workspace.open(e.db);
await ws.putFramework(fw);
await e.db.exec('CREATE OR REPLACE TEMP TABLE st AS SELECT * FROM results LIMIT 0');
await readResultsFast(e.db, e.files, { name: 'national.csv', bytes: new Uint8Array(readFileSync('bench/data/national.csv')) }, { framework: fw, table: 'st' });
await e.db.exec('INSERT INTO results SELECT * FROM st');
for (let round = 0; round < 2; round++) for (const f of files) {
  const sql = readFileSync(f, 'utf8');
  const times: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    await e.db.exec(`CREATE OR REPLACE TEMP TABLE out AS ${sql}`);
    times.push(Math.round(performance.now() - t0));
  }
  console.log(f, 'min', Math.min(...times), times.join(' '));
}
await e.close();
