/** The league table and its cells as the rest of the app sees them (plain objects, no engine types). */
import type { Framework, Kpi } from '../domain/framework';
import type { Period } from '../domain/periods';

/** `ok`: reached a band; `below`: reported but below every band (score 0); `missing`: not reported. */
export type KpiStatus = 'ok' | 'below' | 'missing';

export interface NextBand {
  level: string;
  op: string;
  value: number | null;
  value2: number | null;
  /** The value where the next better band starts (DESIGN §4.8: the gap is measured to here). */
  start: number | null;
}

export interface KpiCell {
  kpi: string;
  /** Aggregated reported value over the period's months (null for composites and unreported KPIs). */
  value: number | null;
  target: number | null;
  baseline: number | null;
  adjust: number | null;
  monthsReported: number;
  lastMonth: string | null;
  /** The measure that was banded: the value, % of target, growth %, rank, or a composite's combination. */
  measured: number | null;
  /** Label of the band reached (`4`, `B`); null when below every band or missing. */
  level: string | null;
  points: number | null;
  bandLabel: string | null;
  score: number;
  status: KpiStatus;
  isTop: boolean;
  /** The next better band than the one reached; null at the top band, below every band, or missing. */
  next: NextBand | null;
}

export interface LeagueRow {
  rank: number;
  unitId: string;
  unit: string;
  province: string;
  /** Weighted total on the framework's scale. */
  total: number;
  maxTotal: number | null;
  totalPct: number | null;
  missing: number;
  topCount: number;
  previousRank: number | null;
  /** Previous rank minus rank now (positive = moved up); null when there is no previous period data. */
  movement: number | null;
  cells: Record<string, KpiCell>;
  /**
   * Reads what the headline reads of every cell, without the rest (a national table has 22 000 cells), and
   * keeps nothing: the headline is kept per table instead. Rows read from SQL have it (league-rows.ts, not
   * enumerable: a copy of the row drops it); otherwise read `cells`.
   */
  cellScores?: () => Record<string, CellScore>;
}

/** The part of a cell the headline reads for every row: its score and whether it meets the target. */
export type CellScore = Pick<KpiCell, 'points' | 'score' | 'status' | 'isTop'>;

export interface LeagueTable {
  framework: Framework;
  period: Period;
  group: string;
  /** Top-level KPIs in view (all, or the chosen group's). */
  kpis: Kpi[];
  rows: LeagueRow[];
}
