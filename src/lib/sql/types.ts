/**
 * The values and column shapes SQL text is built from. They live here, under the `Db` face that
 * re-exports them, so the builders in `sql/` import nothing above them (ARCHITECTURE.md's layers).
 */

export type SqlValue = string | number | boolean | null;

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN';
export interface ColumnSpec {
  name: string;
  type: ColumnType;
}
