/**
 * DuckDB-WASM in Node: the same engine build as the browser, run synchronously. Used by tests (so
 * the scoring SQL is tested on the engine the browser runs) and by `npm run score -- --engine wasm`.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { ENGINE_SETUP_SQL, plainValue, rowsToCsv, type Db, type Row, type SqlValue } from './types';
import { ident, readRegisteredCsv } from '../sql/identifiers';

const require = createRequire(import.meta.url);

type Bindings = Awaited<ReturnType<typeof duckdb.createDuckDB>>;

/** An instantiated engine whose database was closed (reset), kept for `reuseModule` opens. */
let idle: Bindings | null = null;

/**
 * Opens an in-memory DuckDB-WASM database. `reuseModule`: take the engine of a database opened the same way
 * and closed since (its database reset: nothing of it is left), instead of instantiating the WASM module
 * again (~1.5 s; a reset and open ~0.15 s) — for tests that open many databases one after the other.
 */
export async function openNodeWasmDb(options: { reuseModule?: boolean } = {}): Promise<Db> {
  let bindings: Bindings;
  if (options.reuseModule && idle) {
    bindings = idle;
    idle = null;
  } else {
    const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
    const bundles = {
      mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
      eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' }
    };
    bindings = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
    await bindings.instantiate(() => {});
  }
  bindings.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const connection = bindings.connect();
  for (const statement of ENGINE_SETUP_SQL) connection.query(statement);
  let fileCounter = 0;

  const toRows = <T extends Row>(table: { toArray(): { toJSON(): Record<string, unknown> }[] }): T[] =>
    table.toArray().map((row) => {
      const object = row.toJSON();
      for (const key of Object.keys(object)) object[key] = plainValue(object[key]);
      return object as T;
    });

  return {
    engine: 'duckdb-wasm',
    files: {
      async registerFile(name, bytes) {
        const fileName = `file_${++fileCounter}_${name.replace(/[^\p{L}\p{N}._-]/gu, '_').slice(-80)}`;
        bindings.registerFileBuffer(fileName, bytes);
        return fileName;
      },
      async dropFile(fileName) {
        bindings.dropFile(fileName);
      }
    },
    async exec(sql: string) {
      connection.query(sql);
    },
    async query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]) {
      if (!params || params.length === 0) return toRows<T>(connection.query(sql));
      const statement = connection.prepare(sql);
      try {
        return toRows<T>(statement.query(...params));
      } finally {
        statement.close();
      }
    },
    async insertRows(table, columns, rows) {
      if (rows.length === 0) return;
      const fileName = `insert_${++fileCounter}.csv`;
      bindings.registerFileText(fileName, rowsToCsv(columns, rows));
      try {
        const names = columns.map((column) => ident(column.name)).join(', ');
        connection.query(
          `INSERT INTO ${ident(table)} (${names}) SELECT * FROM ${readRegisteredCsv(fileName, columns)}`
        );
      } finally {
        bindings.dropFile(fileName);
      }
    },
    async close() {
      connection.close();
      bindings.reset();
      if (options.reuseModule) idle = bindings;
    }
  };
}
