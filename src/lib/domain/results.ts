/**
 * A result (DESIGN §3): one unit, one KPI, one month — the reported value plus optional target,
 * baseline and score adjustment, with the file and line it came from.
 */
export interface ResultRow {
  /** Unit code from the master list: district `2401` or province `24`. */
  unitId: string;
  kpi: string;
  /** ISO CE month `YYYY-MM`. */
  month: string;
  value: number | null;
  target: number | null;
  baseline: number | null;
  adjust: number | null;
  /** Source file name and 1-based line of the row in it. */
  source: string;
  line: number;
}

/**
 * Results column by column, one array per field (an upload's rows share one `source`, kept beside them):
 * smaller and faster to keep and to move than one object per row.
 */
export interface ResultColumns {
  unitId: string[];
  kpi: string[];
  month: string[];
  value: (number | null)[];
  target: (number | null)[];
  baseline: (number | null)[];
  adjust: (number | null)[];
  line: number[];
}

/**
 * Rows as DuckDB packed them (src/lib/sql/results-import.ts: `count` rows of eight fields, every field
 * followed by US; texts `escaped` or as they are): an upload's rows are kept like this, as one string, and read
 * back into columns only when needed (issue 6: storing 263 000 rows as columns cost ~0.8 s).
 */
export interface PackedResults {
  packing: 'results-us-v1';
  count: number;
  escaped: boolean;
  text: string;
}

export function resultColumns(rows: readonly ResultRow[]): ResultColumns {
  return {
    unitId: rows.map((r) => r.unitId),
    kpi: rows.map((r) => r.kpi),
    month: rows.map((r) => r.month),
    value: rows.map((r) => r.value),
    target: rows.map((r) => r.target),
    baseline: rows.map((r) => r.baseline),
    adjust: rows.map((r) => r.adjust),
    line: rows.map((r) => r.line)
  };
}

/** `columns` with the rows in line order (the same object when they already are; ties keep their order). */
export function columnsInLineOrder(columns: ResultColumns): ResultColumns {
  const { line } = columns;
  let sorted = true;
  for (let i = 1; i < line.length && sorted; i++) sorted = line[i - 1] <= line[i];
  if (sorted) return columns;
  const order = line.map((_, i) => i).sort((a, b) => line[a] - line[b] || a - b);
  const pick = <T>(values: T[]) => order.map((i) => values[i]);
  return {
    unitId: pick(columns.unitId),
    kpi: pick(columns.kpi),
    month: pick(columns.month),
    value: pick(columns.value),
    target: pick(columns.target),
    baseline: pick(columns.baseline),
    adjust: pick(columns.adjust),
    line: pick(line)
  };
}

/** The rows of `columns`, each from the file `source`: the inverse of `resultColumns`. */
export function resultRows(columns: ResultColumns, source: string): ResultRow[] {
  return columns.unitId.map((unitId, i) => ({
    unitId,
    kpi: columns.kpi[i],
    month: columns.month[i],
    value: columns.value[i],
    target: columns.target[i],
    baseline: columns.baseline[i],
    adjust: columns.adjust[i],
    source,
    line: columns.line[i]
  }));
}

/** A row that could not be used, with where it was and why (Thai reason). */
export interface Rejection {
  file: string;
  line: number;
  /** Column (header name) the problem is in, when there is one. */
  column?: string | null;
  reason: string;
  /** Suggested fix, e.g. the closest district names. */
  suggestions?: string[];
}
