/** How an upload's rows compare with what is stored (Workspace.diff and Workspace.commit answer this). */
import type { PackedResults, ResultColumns } from '../domain/results';

/** The figures of one stored result. */
export interface ResultFigures {
  value: number | null;
  target: number | null;
  baseline: number | null;
  adjust: number | null;
}

/** A stored value that an upload changes: before (with where it came from) and after. */
export interface ResultChange {
  unitId: string;
  unit: string;
  kpi: string;
  month: string;
  before: ResultFigures & { source: string | null; line: number | null };
  after: ResultFigures & { source: string | null; line: number | null };
}

/** How an upload's rows compare with what is stored. */
export interface ResultsDiff {
  /** Rows for a unit, KPI and month with no stored value. */
  added: number;
  /** Rows whose value, target, baseline or adjustment differs from the stored one. */
  changed: number;
  /** Rows equal to what is stored (left alone, keeping their source file and line). */
  unchanged: number;
  /** The changed values, at most `maxChanges` of them. */
  changes: ResultChange[];
}

export interface CommitOptions {
  /** How many changed values to describe (default 10 000). */
  maxChanges?: number;
  /**
   * Runs inside the transaction after the rows are written and before COMMIT, with the diff and the rows
   * that were actually written (new and changed: column by column, or as DuckDB packed them when it read the
   * file — `unpackResults` reads those): e.g. saving them in the browser. Throwing rolls back.
   */
  beforeCommit?: (diff: ResultsDiff, written: ResultColumns | PackedResults) => Promise<void>;
}

export const DEFAULT_MAX_CHANGES = 10_000;

export function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A row of `stagedChangesSql` (src/lib/sql/results-import.ts). */
export function toResultChange(row: Record<string, unknown>): ResultChange {
  const side = (prefix: 'before' | 'after') => ({
    value: numberOrNull(row[`${prefix}_value`]),
    target: numberOrNull(row[`${prefix}_target`]),
    baseline: numberOrNull(row[`${prefix}_baseline`]),
    adjust: numberOrNull(row[`${prefix}_adjust`]),
    source: stringOrNull(row[`${prefix}_source`]),
    line: numberOrNull(row[`${prefix}_line`])
  });
  return {
    unitId: String(row.unit_id),
    unit: String(row.unit),
    kpi: String(row.kpi),
    month: String(row.month),
    before: side('before'),
    after: side('after')
  };
}
