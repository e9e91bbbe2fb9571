import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
const [size, file, mode] = process.argv.slice(2);
const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
const c = await inst.connect();
await c.run(`IMPORT DATABASE '/tmp/b6-${size}-db'`);
const sql = readFileSync(file, 'utf8');
const t = performance.now();
if (mode === 'explain') {
  await c.run(`PRAGMA enable_profiling='json'; PRAGMA profiling_output='/tmp/b6-profile.txt'`);
  await c.run(`CREATE TEMP TABLE out AS ${sql}`);
  console.log(readFileSync('/tmp/b6-profile.txt','utf8'));
} else {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await c.run(`CREATE OR REPLACE TEMP TABLE out AS ${sql}`);
    times.push(Math.round(performance.now() - t0));
  }
  console.log(file, 'min', Math.min(...times), times.join(' '));
}
