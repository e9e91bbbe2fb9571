/**
 * The project's own face of DuckDB. Every engine (DuckDB-WASM in the browser, DuckDB-WASM in Node,
 * native DuckDB in Node) implements this, so scoring code and SQL never see an engine's own types.
 */

import type { ColumnSpec, SqlValue } from '../sql/types';

export type { ColumnSpec, ColumnType, SqlValue } from '../sql/types';
export type Row = Record<string, unknown>;

export type EngineName = 'duckdb-wasm' | 'duckdb-native';

/**
 * Gives DuckDB the bytes of a file; returns the name its own readers (`read_csv`) read it by. It may take
 * the buffer over (DuckDB-WASM's `registerFileBuffer` transfers it to its worker): callers hand it a copy.
 */
export interface FileRegistry {
  registerFile(name: string, bytes: Uint8Array): Promise<string>;
  dropFile(name: string): Promise<void>;
}

export interface Db {
  readonly engine: EngineName;
  /** Files for DuckDB's own readers, where the engine offers them (the browser's DuckDB-WASM does). */
  readonly files?: FileRegistry;
  /** Runs statements that return nothing (DDL, INSERT … SELECT). Several may be separated by `;`. */
  exec(sql: string): Promise<void>;
  /**
   * Runs one query. `params` bind to `?` placeholders in order. Numbers come back as JS numbers
   * (BIGINT, HUGEINT and DECIMAL are converted), NULL as null.
   */
  query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Appends rows to an existing table; values are passed as data, never spliced into SQL text. */
  insertRows(
    table: string,
    columns: readonly ColumnSpec[],
    rows: readonly (readonly SqlValue[])[]
  ): Promise<void>;
  close(): Promise<void>;
}

/**
 * Settings every engine gets right after opening: no extension is ever fetched (TECH-NOTES); and no automatic
 * checkpoint when a commit writes more than 16 MiB (the default): the database lives in memory, and in the
 * browser that checkpoint made committing a national upload (263 000 rows) take 200 ms longer (issue 6).
 */
export const ENGINE_SETUP_SQL = [
  'SET autoinstall_known_extensions=false',
  'SET autoload_known_extensions=false',
  "SET checkpoint_threshold = '1 GiB'"
];

/** Normalises a value coming out of an engine into plain JS. */
export function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === undefined) return null;
  return value;
}

/**
 * Encodes rows as CSV text for `read_csv` (used by the WASM engines, which load files rather than
 * append rows): every string quoted, NULL written as `\N` unquoted, so '' and NULL stay distinct.
 */
export function rowsToCsv(columns: readonly ColumnSpec[], rows: readonly (readonly SqlValue[])[]): string {
  const out: string[] = [];
  for (const row of rows) {
    const cells: string[] = [];
    for (let i = 0; i < columns.length; i++) {
      const value = row[i];
      if (value === null || value === undefined) cells.push('\\N');
      else if (typeof value === 'number') cells.push(Number.isFinite(value) ? String(value) : '\\N');
      else if (typeof value === 'boolean') cells.push(value ? 'true' : 'false');
      else cells.push('"' + value.replaceAll('"', '""') + '"');
    }
    out.push(cells.join(','));
  }
  return out.join('\n') + '\n';
}
