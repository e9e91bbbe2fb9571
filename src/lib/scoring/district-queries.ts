/**
 * The district page's data (issue 4 §6) over any `Db`: one unit's scorecard for a period laid out like the
 * monthly self-assessment form of seed 001 (KPI, weight, result, level, score, weighted score), the months
 * behind each KPI, its rank in each month of the framework and each KPI's measured value month by month.
 */
import type { Framework, Kpi } from '../domain/framework';
import { effectiveBands, type RuleBand } from '../domain/gaps';
import type { Db, Row } from '../db/types';
import {
  districtUnitsSql,
  kpiTrendSql,
  rankHistorySql,
  scorecardSql,
  unitBandsSql,
  unitMonthsSql,
  unitTotalSql
} from '../sql/district';
import type { KpiCell, KpiStatus } from './league';
import {
  bandsByKpi,
  childrenOf,
  kpisInView,
  numberOrNull,
  statusOf,
  stringOrNull,
  topPointsOf
} from './view-rows';

export interface DistrictUnit {
  unitId: string;
  name: string;
}

export interface MonthResult {
  /** ISO CE month. */
  month: string;
  value: number | null;
  target: number | null;
  baseline: number | null;
  adjust: number | null;
}

export interface TrendPoint {
  month: string;
  measured: number | null;
  level: string | null;
  points: number | null;
  status: KpiStatus;
}

export interface ScorecardRow {
  kpi: Kpi;
  /** 0 for a top-level KPI, 1 for a sub-item, … */
  depth: number;
  cell: KpiCell;
  /** Units with a measured value for this KPI in the period (the field of a rank measure). */
  unitsMeasured: number;
  /** score × weight ÷ 100 (the form's ค่าคะแนนถ่วงน้ำหนัก); null for sub-items and unweighted KPIs. */
  weightedScore: number | null;
  /** The months of the period the unit reported this KPI. */
  months: MonthResult[];
  /** The measured value in every month of the framework. */
  trend: TrendPoint[];
  /** The bands that apply to this unit, best first. */
  bands: RuleBand[];
  topPoints: number | null;
}

export interface RankPoint {
  month: string;
  periodId: string;
  rank: number | null;
  total: number | null;
  units: number;
  /** Whether anybody reported anything that month (else the ranks mean nothing). */
  hasData: boolean;
}

export interface UnitTotal {
  total: number;
  maxTotal: number | null;
  totalPct: number | null;
  rank: number;
  units: number;
  missing: number;
}

export interface DistrictScorecard {
  unitId: string;
  unit: string;
  /** Top-level KPIs in view, each followed by its sub-items. */
  rows: ScorecardRow[];
  total: UnitTotal | null;
  /** Σ weight of the top-level KPIs in view that have one. */
  weightSum: number;
  /** Σ score × weight ÷ 100 over the same KPIs. */
  weightedSum: number;
  rankHistory: RankPoint[];
}

export async function districtUnits(db: Db, frameworkId: string): Promise<DistrictUnit[]> {
  const rows = await db.query(districtUnitsSql(), [frameworkId]);
  return rows.map((row) => ({ unitId: String(row.unit_id), name: String(row.name) }));
}

function cellOf(row: Row): KpiCell {
  const nextLevel = stringOrNull(row.next_level);
  return {
    kpi: String(row.kpi),
    value: numberOrNull(row.value),
    target: numberOrNull(row.target),
    baseline: numberOrNull(row.baseline),
    adjust: numberOrNull(row.adjust),
    monthsReported: Number(row.months_reported ?? 0),
    lastMonth: stringOrNull(row.last_month),
    measured: numberOrNull(row.measured),
    level: stringOrNull(row.level),
    points: numberOrNull(row.points),
    bandLabel: stringOrNull(row.band_label),
    score: Number(row.score ?? 0),
    status: statusOf(row.status),
    isTop: row.is_top === true,
    next:
      nextLevel === null
        ? null
        : {
            level: nextLevel,
            op: String(row.next_op),
            value: numberOrNull(row.next_value),
            value2: numberOrNull(row.next_value2),
            start: numberOrNull(row.next_start)
          }
  };
}

function missingCell(kpi: string): KpiCell {
  return {
    kpi,
    value: null,
    target: null,
    baseline: null,
    adjust: null,
    monthsReported: 0,
    lastMonth: null,
    measured: null,
    level: null,
    points: null,
    bandLabel: null,
    score: 0,
    status: 'missing',
    isTop: false,
    next: null
  };
}

function groupRows<T>(rows: readonly Row[], map: (row: Row) => T): Map<string, T[]> {
  const byKpi = new Map<string, T[]>();
  for (const row of rows) {
    const kpi = String(row.kpi);
    let list = byKpi.get(kpi);
    if (!list) byKpi.set(kpi, (list = []));
    list.push(map(row));
  }
  return byKpi;
}

/** One unit's scorecard for a period and group (`*` = all top-level KPIs). */
export async function districtScorecard(
  db: Db,
  framework: Framework,
  periodId: string,
  group: string,
  unitId: string
): Promise<DistrictScorecard> {
  const id = framework.id;
  const units = await districtUnits(db, id);
  const cells = await db.query(scorecardSql(), [id, periodId, unitId]);
  const totals = await db.query(unitTotalSql(), [id, periodId, group, unitId]);
  const monthRows = await db.query(unitMonthsSql(), [id, periodId, unitId]);
  const trendRows = await db.query(kpiTrendSql(), [id, unitId]);
  const historyRows = await db.query(rankHistorySql(), [id, group, unitId]);
  const bandRows = await db.query(unitBandsSql(), [id, unitId]);

  const rows = scorecardRows(framework, group, unitId, {
    cellByKpi: new Map(cells.map((row) => [String(row.kpi), row])),
    monthsByKpi: groupRows<MonthResult>(monthRows, monthResultOf),
    trendByKpi: groupRows<TrendPoint>(trendRows, trendPointOf),
    bands: bandsByKpi(bandRows)
  });
  const tops = rows.filter((row) => row.depth === 0 && row.kpi.weight !== null);
  const weightSum = tops.reduce((sum, row) => sum + (row.kpi.weight ?? 0), 0);
  const weightedSum = tops.reduce((sum, row) => sum + (row.weightedScore ?? 0), 0);
  const totalRow = totals[0];
  return {
    unitId,
    unit: units.find((unit) => unit.unitId === unitId)?.name ?? unitId,
    rows,
    total: totalRow ? unitTotalOf(totalRow) : null,
    weightSum,
    weightedSum,
    rankHistory: historyRows.map(rankPointOf)
  };
}

/** What the scorecard's rows are read from, by KPI. */
interface ScorecardSources {
  cellByKpi: Map<string, Row>;
  monthsByKpi: Map<string, MonthResult[]>;
  trendByKpi: Map<string, TrendPoint[]>;
  bands: ReturnType<typeof bandsByKpi>;
}

/** The KPIs in view, each followed by its sub-items (depth first, at most 8 levels), as scorecard rows. */
function scorecardRows(
  framework: Framework,
  group: string,
  unitId: string,
  { cellByKpi, monthsByKpi, trendByKpi, bands }: ScorecardSources
): ScorecardRow[] {
  const rows: ScorecardRow[] = [];
  const visit = (kpi: Kpi, depth: number) => {
    const row = cellByKpi.get(kpi.kpi);
    const cell = row ? cellOf(row) : missingCell(kpi.kpi);
    rows.push({
      kpi,
      depth,
      cell,
      unitsMeasured: Number(row?.units_measured ?? 0),
      weightedScore: depth === 0 && kpi.weight !== null ? (cell.score * kpi.weight) / 100 : null,
      months: monthsByKpi.get(kpi.kpi) ?? [],
      trend: trendByKpi.get(kpi.kpi) ?? [],
      bands: effectiveBands(bands.get(kpi.kpi) ?? [], unitId),
      topPoints: topPointsOf(framework, kpi.kpi)
    });
    if (depth < 8) for (const child of childrenOf(framework, kpi.kpi)) visit(child, depth + 1);
  };
  for (const kpi of kpisInView(framework, group)) visit(kpi, 0);
  return rows;
}

function monthResultOf(row: Row): MonthResult {
  return {
    month: String(row.month),
    value: numberOrNull(row.value),
    target: numberOrNull(row.target),
    baseline: numberOrNull(row.baseline),
    adjust: numberOrNull(row.adjust)
  };
}

function trendPointOf(row: Row): TrendPoint {
  return {
    month: String(row.month),
    measured: numberOrNull(row.measured),
    level: stringOrNull(row.level),
    points: numberOrNull(row.points),
    status: statusOf(row.status)
  };
}

function unitTotalOf(totalRow: Row): UnitTotal {
  return {
    total: Number(totalRow.total ?? 0),
    maxTotal: numberOrNull(totalRow.max_total),
    totalPct: numberOrNull(totalRow.total_pct),
    rank: Number(totalRow.rank),
    units: Number(totalRow.units),
    missing: Number(totalRow.missing ?? 0)
  };
}

function rankPointOf(row: Row): RankPoint {
  return {
    month: String(row.month),
    periodId: String(row.period_id),
    rank: numberOrNull(row.rank),
    total: numberOrNull(row.total),
    units: Number(row.units ?? 0),
    hasData: row.has_data === true
  };
}
