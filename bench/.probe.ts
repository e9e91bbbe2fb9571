import { readFileSync } from 'node:fs';
import { readFrameworkJson } from '../src/lib/ingest/framework-files';
import { readResultsText } from '../src/lib/ingest/results';
import { decodeText } from '../src/lib/ingest/decode';
const fw = readFrameworkJson('f.json', readFileSync('bench/data/national.framework.json','utf8')).framework!;
let t = performance.now();
const text = decodeText(readFileSync('bench/data/national.csv')).text;
console.log('decode', performance.now()-t); t = performance.now();
const r = readResultsText('national.csv', text, { framework: fw });
console.log('read', performance.now()-t, r.rows.length, r.rejected.length, r.warnings, r.rejected.slice(0,3));
const rows: unknown[] = [];
try { rows.push(...r.rows); console.log('spread ok'); } catch (e) { console.log('spread fails', String(e)); }
