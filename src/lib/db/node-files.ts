/**
 * Files for native DuckDB's own readers (`read_csv`) in Node: the bytes go to a private temporary folder and
 * DuckDB reads them by path. Used by the fast results reader (src/lib/ingest/fast-results.ts) in the
 * command line; `close` removes the folder.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FileRegistry } from './types';

export interface TempFileRegistry extends FileRegistry {
  close(): Promise<void>;
}

export async function openTempFileRegistry(): Promise<TempFileRegistry> {
  const dir = await mkdtemp(path.join(tmpdir(), 'scoreboard-'));
  let counter = 0;
  return {
    async registerFile(_name, bytes) {
      // Never the caller's name as a path: it comes from the user and may hold `..` or separators.
      const file = path.join(dir, `file-${++counter}.csv`);
      await writeFile(file, bytes);
      return file;
    },
    async dropFile(file) {
      await rm(file, { force: true });
    },
    async close() {
      await rm(dir, { recursive: true, force: true });
    }
  };
}
