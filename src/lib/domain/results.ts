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
