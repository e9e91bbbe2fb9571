/**
 * Baseline (b): DuckDB's own CSV reader on the same results file PapaParse parses, on both engines. The app's
 * `Db` has no file registration, so the WASM side opens the engine directly here (the same build and setup as
 * src/lib/db/node-wasm.ts). Both readers produce string cells (`all_varchar`), which is what PapaParse gives;
 * the typed variant (DuckDB guessing column types) is measured too.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { DuckDBInstance } from '@duckdb/node-api';
import { ENGINE_SETUP_SQL } from '../src/lib/db/types';

const require = createRequire(import.meta.url);

export interface CsvReader {
  engine: 'duckdb-wasm' | 'duckdb-native';
  /** Reads the file into a table; returns the number of rows. */
  read(file: string, bytes: Uint8Array, typed: boolean): Promise<number>;
  close(): Promise<void>;
}

function readCsvSql(source: string, typed: boolean): string {
  const options = typed ? 'header = true' : 'header = true, all_varchar = true';
  return `CREATE OR REPLACE TABLE csv_read AS SELECT * FROM read_csv('${source.replaceAll("'", "''")}', ${options})`;
}

export async function openWasmCsvReader(): Promise<CsvReader> {
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
  bindings.open({ query: { castBigIntToDouble: true } });
  const connection = bindings.connect();
  for (const statement of ENGINE_SETUP_SQL) connection.query(statement);
  return {
    engine: 'duckdb-wasm',
    async read(file, bytes, typed) {
      const name = `bench_${path.basename(file)}`;
      bindings.registerFileBuffer(name, bytes);
      try {
        connection.query(readCsvSql(name, typed));
        const count = connection.query('SELECT count(*)::INTEGER AS n FROM csv_read').toArray()[0].toJSON();
        return Number(count.n);
      } finally {
        bindings.dropFile(name);
      }
    },
    async close() {
      connection.close();
      bindings.reset();
    }
  };
}

export async function openNativeCsvReader(threads = 2): Promise<CsvReader> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await instance.connect();
  for (const statement of ENGINE_SETUP_SQL) await connection.run(statement);
  return {
    engine: 'duckdb-native',
    async read(file, _bytes, typed) {
      await connection.run(readCsvSql(file, typed));
      const reader = await connection.runAndReadAll('SELECT count(*)::INTEGER AS n FROM csv_read');
      return Number(reader.getRows()[0][0]);
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    }
  };
}
