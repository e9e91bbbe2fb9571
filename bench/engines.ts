/**
 * Engines with file registration for the fast reader (src/lib/ingest/fast-results.ts): DuckDB-WASM in Node
 * takes the bytes itself (`Db.files`); native DuckDB reads a temporary file (src/lib/db/node-files.ts, as the
 * command line does).
 */
import { openNodeNativeDb } from '../src/lib/db/node-native';
import { openTempFileRegistry } from '../src/lib/db/node-files';
import { openNodeWasmDb } from '../src/lib/db/node-wasm';
import type { Db, FileRegistry } from '../src/lib/db/types';

export interface EngineWithFiles {
  db: Db;
  files: FileRegistry;
  close(): Promise<void>;
}

export async function openWasmWithFiles(): Promise<EngineWithFiles> {
  const db = await openNodeWasmDb();
  return { db, files: db.files!, close: () => db.close() };
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
