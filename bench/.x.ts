import { readFileSync } from 'node:fs';
import { openNativeWithFiles, openWasmWithFiles } from './engines';
import { readResultsFast } from '../src/lib/ingest/fast-results';
import { readFrameworkJson } from '../src/lib/ingest/framework-files';
import { createSchemaSql } from '../src/lib/sql/schema';
const fw = readFrameworkJson('f.json', readFileSync('bench/data/national.framework.json', 'utf8')).framework!;
const bytes = new Uint8Array(readFileSync('bench/data/national.csv'));
for (const open of [openNativeWithFiles, openWasmWithFiles]) {
  const e = await open();
  await e.db.exec(createSchemaSql());
  for (let i = 0; i < 2; i++) {
    await e.db.exec('CREATE OR REPLACE TEMP TABLE st AS SELECT * FROM results LIMIT 0');
    const t = performance.now();
    const r = await readResultsFast(e.db, e.files, { name: 'national.csv', bytes }, { framework: fw, table: 'st' });
    console.log(e.db.engine, Math.round(performance.now() - t), r.path, r.fallbackReason, r.rowCount, JSON.stringify(r.phases));
  }
  await e.close();
}
