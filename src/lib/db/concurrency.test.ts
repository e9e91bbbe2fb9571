/**
 * Overlapping calls on one Db (Promise.all over league tables, a chart and a table loading together) must
 * give each caller its own answer. Native DuckDB once failed here with "Failed to execute prepared
 * statement" when two statements ran on its one connection at once; each engine now queues its calls.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openNodeNativeDb } from './node-native';
import { openNodeWasmDb } from './node-wasm';
import type { Db } from './types';

const engines: Record<string, Db> = {};
beforeAll(async () => {
  engines.wasm = await openNodeWasmDb({ reuseModule: true });
  engines.native = await openNodeNativeDb();
}, 60_000);
afterAll(async () => {
  for (const db of Object.values(engines)) await db.close();
});

describe.each(['wasm', 'native'])('%s DuckDB under overlapping calls', (name) => {
  test('forty prepared queries, inserts and statements at once: every answer is its own', async () => {
    const db = engines[name];
    await db.exec('CREATE OR REPLACE TABLE t (k INTEGER, v VARCHAR)');
    const work = Array.from({ length: 40 }, async (_, i) => {
      if (i % 4 === 0) {
        await db.insertRows(
          't',
          [
            { name: 'k', type: 'INTEGER' },
            { name: 'v', type: 'VARCHAR' }
          ],
          [[i, `แถว ${i}`]]
        );
        return i;
      }
      if (i % 4 === 1) {
        await db.exec(`INSERT INTO t VALUES (${i}, 'แถว ${i}')`);
        return i;
      }
      // Long enough (a few ms each) that the calls really overlap.
      const [row] = await db.query<{ k: number; s: string; n: number }>(
        `SELECT ?::INTEGER AS k, string_agg(x::VARCHAR, ',') AS s,
                (SELECT count(DISTINCT y % 9973) FROM range(200000 + ?::INTEGER) q(y))::INTEGER AS n
         FROM range(?::INTEGER) r(x)`,
        [i, i, i]
      );
      expect(row.k).toBe(i);
      expect(row.s.split(',')).toHaveLength(i);
      expect(row.n).toBe(9973);
      return i;
    });
    expect(await Promise.all(work)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM t');
    expect(n).toBe(20);
  });

  test('a failing call does not stop the ones queued after it', async () => {
    const db = engines[name];
    const results = await Promise.allSettled([
      db.query('SELECT * FROM no_such_table'),
      db.query<{ one: number }>('SELECT 1 AS one')
    ]);
    expect(results[0].status).toBe('rejected');
    expect(results[1]).toEqual({ status: 'fulfilled', value: [{ one: 1 }] });
  });
});
