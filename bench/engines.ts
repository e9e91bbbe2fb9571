/**
 * Engines with file registration for the fast reader (src/lib/ingest/fast-results.ts): the app's `Db` has
 * none yet, so the benchmark opens DuckDB-WASM in Node the way src/lib/db/node-wasm.ts does, adding
 * `registerFileBuffer`; native DuckDB reads a temporary file.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { openNodeNativeDb } from '../src/lib/db/node-native';
import { openTempFileRegistry } from '../src/lib/db/node-files';
import {
  ENGINE_SETUP_SQL,
  plainValue,
  rowsToCsv,
  type Db,
  type Row,
  type SqlValue
} from '../src/lib/db/types';
import type { FileRegistry } from '../src/lib/ingest/fast-results';
import { ident, readRegisteredCsv } from '../src/lib/sql/identifiers';

const require = createRequire(import.meta.url);

export interface EngineWithFiles {
  db: Db;
  files: FileRegistry;
  close(): Promise<void>;
}

export async function openWasmWithFiles(): Promise<EngineWithFiles> {
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bindings = await duckdb.createDuckDB(
    {
      mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
      eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' }
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME
  );
  await bindings.instantiate(() => {});
  bindings.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const connection = bindings.connect();
  for (const statement of ENGINE_SETUP_SQL) connection.query(statement);
  const toRows = <T extends Row>(table: { toArray(): { toJSON(): Record<string, unknown> }[] }): T[] =>
    table.toArray().map((row) => {
      const object = row.toJSON();
      for (const key of Object.keys(object)) object[key] = plainValue(object[key]);
      return object as T;
    });
  let counter = 0;
  const db: Db = {
    engine: 'duckdb-wasm',
    async exec(sql) {
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
      const name = `insert_${++counter}.csv`;
      bindings.registerFileText(name, rowsToCsv(columns, rows));
      try {
        const names = columns.map((column) => ident(column.name)).join(', ');
        connection.query(
          `INSERT INTO ${ident(table)} (${names}) SELECT * FROM ${readRegisteredCsv(name, columns)}`
        );
      } finally {
        bindings.dropFile(name);
      }
    },
    async close() {
      connection.close();
      bindings.reset();
    }
  };
  return {
    db,
    files: {
      async registerFile(name, bytes) {
        bindings.registerFileBuffer(name, bytes);
        return name;
      },
      async dropFile(name) {
        bindings.dropFile(name);
      }
    },
    close: () => db.close()
  };
}

export async function openNativeWithFiles(): Promise<EngineWithFiles> {
  const db = await openNodeNativeDb();
  const files = await openTempFileRegistry();
  return {
    db,
    files,
    async close() {
      await db.close();
      await files.close();
    }
  };
}
