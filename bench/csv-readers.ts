/**
 * Baseline (b): DuckDB's own CSV reader on the same results file PapaParse parses, on both engines (the WASM
 * side through src/lib/db/node-wasm.ts and its `files`). Both readers produce string cells (`all_varchar`), which is what PapaParse gives;
 * the typed variant (DuckDB guessing column types) is measured too.
 */
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openNodeWasmDb } from '../src/lib/db/node-wasm';
import { ENGINE_SETUP_SQL } from '../src/lib/db/types';

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
  const db = await openNodeWasmDb();
  return {
    engine: 'duckdb-wasm',
    async read(file, bytes, typed) {
      const name = await db.files!.registerFile(path.basename(file), bytes);
      try {
        await db.exec(readCsvSql(name, typed));
        const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM csv_read');
        return n;
      } finally {
        await db.files!.dropFile(name);
      }
    },
    close: () => db.close()
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
