/**
 * The trends view's data (issue 4 §2), read from the scored tables over any `Db`: weighted totals per
 * month for chosen units against the province mean and median, one KPI's monthly measured values with the
 * bands that turn them into levels, and every top-level KPI of one unit. Months are the framework's month
 * periods; a month a unit did not report is `null` (a gap), never 0.
 */
import type { Direction } from '../domain/bands';
import type { BandOp, Measure } from '../domain/framework';
import type { Db, Row } from '../db/types';
import {
  effectiveBandsSql,
  frameworkUnitsSql,
  kpiFactsSql,
  monthPeriodsSql,
  monthlyKpiValuesSql,
  monthlyTotalStatsSql,
  monthlyUnitTotalsSql,
  leagueEndUnitsSql
} from '../sql/trends';
import type { KpiStatus } from './league';

export interface TrendMonth {
  periodId: string;
  /** ISO CE month `YYYY-MM`. */
  month: string;
}

export interface TrendUnit {
  unitId: string;
  name: string;
}

export interface TotalTrend {
  months: TrendMonth[];
  /** Per chosen unit, its weighted total per month (aligned with `months`). */
  units: (TrendUnit & { totals: (number | null)[] })[];
  /** Mean and median over the framework's units that reported something that month. */
  mean: (number | null)[];
  median: (number | null)[];
  /** How many units reported something, per month. */
  reported: number[];
  /** The framework's maximum weighted total (the scale's top), when known. */
  maxTotal: number | null;
}

export interface TrendKpi {
  kpi: string;
  name: string;
  direction: Direction;
  topPoints: number | null;
  /** Target level label; null = the top level. */
  targetLevel: string | null;
  measure: Measure;
  /** True when some unit has its own bands for this KPI (the drawn bands are then one unit's). */
  unitBands: boolean;
}

export interface TrendBand {
  level: string;
  points: number;
  op: BandOp;
  value: number | null;
  value2: number | null;
  label: string;
  /** Where the band starts as the value improves (null for a floor band `any`). */
  start: number | null;
}

export interface KpiPoint {
  /** The value that was banded (a composite's combined value); null when not reported. */
  measured: number | null;
  level: string | null;
  points: number | null;
  status: KpiStatus;
}

export interface KpiTrend {
  months: TrendMonth[];
  kpi: TrendKpi;
  units: (TrendUnit & { points: KpiPoint[] })[];
  /** Bands best first: the general ones, or those of `bandsUnitId` when units have their own. */
  bands: TrendBand[];
  bandsUnitId: string | null;
}

export interface UnitKpiTrends {
  months: TrendMonth[];
  unitId: string;
  kpis: { kpi: TrendKpi; bands: TrendBand[]; points: KpiPoint[] }[];
}

const MISSING_POINT: KpiPoint = { measured: null, level: null, points: null, status: 'missing' };

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function unitList(units: readonly TrendUnit[]): string {
  return units.map((unit) => unit.unitId).join(',');
}

export async function trendMonths(db: Db, frameworkId: string): Promise<TrendMonth[]> {
  const rows = await db.query(monthPeriodsSql(), [frameworkId]);
  return rows.map((row) => ({ periodId: String(row.period_id), month: String(row.month) }));
}

export async function frameworkUnits(db: Db, frameworkId: string): Promise<TrendUnit[]> {
  const rows = await db.query(frameworkUnitsSql(), [frameworkId]);
  return rows.map((row) => ({ unitId: String(row.unit_id), name: String(row.name) }));
}

/** The best `count` units of a period, in league order, that reported anything (leagueEndUnitsSql). */
export async function topUnits(
  db: Db,
  frameworkId: string,
  periodId: string,
  group: string,
  count = 3
): Promise<string[]> {
  return leagueEndUnits(db, [frameworkId, periodId, group], count, 'top');
}

/** The lowest `count` units of a period that reported anything, the last first: the trends view's default
 * (who needs attention). */
export async function bottomUnits(
  db: Db,
  frameworkId: string,
  periodId: string,
  group: string,
  count = 3
): Promise<string[]> {
  return leagueEndUnits(db, [frameworkId, periodId, group], count, 'bottom');
}

async function leagueEndUnits(
  db: Db,
  params: [string, string, string],
  count: number,
  end: 'top' | 'bottom'
): Promise<string[]> {
  const rows = await db.query(leagueEndUnitsSql(count, end), params);
  return rows.map((row) => String(row.unit_id));
}

/** The chosen units that the framework ranks, in the order chosen, without repeats, at most `max`. */
export function chosenUnits(all: readonly TrendUnit[], ids: readonly string[], max: number): TrendUnit[] {
  const byId = new Map(all.map((unit) => [unit.unitId, unit]));
  const chosen: TrendUnit[] = [];
  for (const id of ids) {
    const unit = byId.get(id);
    if (unit && !chosen.includes(unit) && chosen.length < max) chosen.push(unit);
  }
  return chosen;
}

function indexOfMonths(months: readonly TrendMonth[]): Map<string, number> {
  return new Map(months.map((month, index) => [month.periodId, index]));
}

export async function totalTrend(
  db: Db,
  frameworkId: string,
  group: string,
  units: readonly TrendUnit[]
): Promise<TotalTrend> {
  const months = await trendMonths(db, frameworkId);
  const at = indexOfMonths(months);
  const empty = () => months.map((): number | null => null);
  const mean = empty();
  const median = empty();
  const reported = months.map(() => 0);
  let maxTotal: number | null = null;
  for (const row of await db.query(monthlyTotalStatsSql(), [frameworkId, group])) {
    const index = at.get(String(row.period_id));
    if (index === undefined) continue;
    mean[index] = num(row.mean);
    median[index] = num(row.median);
    reported[index] = num(row.reported) ?? 0;
    maxTotal = num(row.max_total) ?? maxTotal;
  }
  const series = units.map((unit) => ({ ...unit, totals: empty() }));
  const byUnit = new Map(series.map((unit) => [unit.unitId, unit]));
  if (units.length > 0) {
    for (const row of await db.query(monthlyUnitTotalsSql(), [frameworkId, group, unitList(units)])) {
      const index = at.get(String(row.period_id));
      const unit = byUnit.get(String(row.unit_id));
      if (index !== undefined && unit) unit.totals[index] = num(row.total);
    }
  }
  return { months, units: series, mean, median, reported, maxTotal };
}

function toKpi(row: Row): TrendKpi {
  return {
    kpi: String(row.kpi),
    name: String(row.name),
    direction: num(row.direction) === -1 ? -1 : 1,
    topPoints: num(row.top_points),
    targetLevel: str(row.target_level),
    measure: String(row.measure) as Measure,
    unitBands: row.unit_bands === true
  };
}

function toBand(row: Row): TrendBand {
  return {
    level: String(row.level),
    points: num(row.points) ?? 0,
    op: String(row.op) as BandOp,
    value: num(row.value),
    value2: num(row.value2),
    label: String(row.label ?? ''),
    start: num(row.start)
  };
}

function toPoint(row: Row): KpiPoint {
  const status = String(row.status) as KpiStatus;
  return { measured: num(row.measured), level: str(row.level), points: num(row.points), status };
}

async function bandsByKpi(db: Db, frameworkId: string, kpi: string | null, unitId: string | null) {
  const byKpi = new Map<string, TrendBand[]>();
  for (const row of await db.query(effectiveBandsSql(), [frameworkId, kpi, unitId ?? ''])) {
    const id = String(row.kpi);
    byKpi.set(id, [...(byKpi.get(id) ?? []), toBand(row)]);
  }
  return byKpi;
}

/**
 * One KPI month by month for the chosen units; null when the framework has no such KPI. When units have
 * their own bands, the bands drawn are the first chosen unit's.
 */
export async function kpiTrend(
  db: Db,
  frameworkId: string,
  kpiId: string,
  units: readonly TrendUnit[]
): Promise<KpiTrend | null> {
  const [factsRow] = await db.query(kpiFactsSql(), [frameworkId, kpiId]);
  if (!factsRow) return null;
  const kpi = toKpi(factsRow);
  const months = await trendMonths(db, frameworkId);
  const at = indexOfMonths(months);
  const series = units.map((unit) => ({ ...unit, points: months.map(() => MISSING_POINT) }));
  const byUnit = new Map(series.map((unit) => [unit.unitId, unit]));
  if (units.length > 0) {
    for (const row of await db.query(monthlyKpiValuesSql(), [frameworkId, kpiId, unitList(units)])) {
      const index = at.get(String(row.period_id));
      const unit = byUnit.get(String(row.unit_id));
      if (index !== undefined && unit) unit.points[index] = toPoint(row);
    }
  }
  const bandsUnitId = kpi.unitBands ? (units[0]?.unitId ?? null) : null;
  const bands = (await bandsByKpi(db, frameworkId, kpiId, bandsUnitId)).get(kpiId) ?? [];
  return { months, kpi, units: series, bands, bandsUnitId };
}

/** Every top-level KPI of one unit, month by month, with the bands that apply to that unit. */
export async function unitKpiTrends(db: Db, frameworkId: string, unitId: string): Promise<UnitKpiTrends> {
  const months = await trendMonths(db, frameworkId);
  const at = indexOfMonths(months);
  const kpis = (await db.query(kpiFactsSql(), [frameworkId, null])).map(toKpi);
  const bands = await bandsByKpi(db, frameworkId, null, unitId);
  const points = new Map(kpis.map((kpi) => [kpi.kpi, months.map(() => MISSING_POINT)]));
  for (const row of await db.query(monthlyKpiValuesSql(), [frameworkId, null, unitId])) {
    const index = at.get(String(row.period_id));
    const series = points.get(String(row.kpi));
    if (index !== undefined && series) series[index] = toPoint(row);
  }
  return {
    months,
    unitId,
    kpis: kpis.map((kpi) => ({ kpi, bands: bands.get(kpi.kpi) ?? [], points: points.get(kpi.kpi) ?? [] }))
  };
}

/** What the measured value of a KPI is counted in, for an axis name (`ร้อยละ`, `อันดับ`, the KPI's unit). */
export function measuredUnit(
  measure: Measure,
  unitLabel: string | null | undefined,
  lang: 'th' | 'en'
): string {
  const th = lang === 'th';
  switch (measure) {
    case 'pct_of_target':
      return th ? 'ร้อยละของเป้าหมาย' : '% of target';
    case 'growth_pct':
      return th ? 'ร้อยละที่เพิ่มขึ้น' : 'growth %';
    case 'rank_desc':
    case 'rank_asc':
      return th ? 'อันดับ' : 'rank';
    case 'combine':
      return th ? 'ค่ารวมของตัวชี้วัดย่อย' : 'combined sub-items';
    default:
      return unitLabel ?? (th ? 'ค่าที่รายงาน' : 'reported value');
  }
}
