/**
 * The missions view's data (issue 4 §4) over any `Db`: for each KPI how many units sit at each level,
 * below every band and not reported; and the unit × KPI grid in league order.
 */
import type { Framework, Kpi } from '../domain/framework';
import type { Db } from '../db/types';
import { levelCountsSql, levelGridSql } from '../sql/missions';
import type { KpiStatus } from './league';
import { childrenOf, kpisInView, numberOrNull, statusOf, stringOrNull, topPointsOf } from './view-rows';

export interface LevelSlot {
  level: string;
  points: number;
  units: number;
}

export interface KpiLevelCounts {
  kpi: Kpi;
  /** 0 for a top-level KPI, 1 for a sub-item, … */
  depth: number;
  topPoints: number | null;
  /** Every level of the KPI's bands, best first, with how many units reached it (0 included). */
  levels: LevelSlot[];
  /** Reported but below every band. */
  below: number;
  missing: number;
  total: number;
}

/** The distinct levels of a KPI's bands (per-unit bands included), best first. */
export function kpiLevels(framework: Framework, kpi: string): { level: string; points: number }[] {
  const points = new Map<string, number>();
  for (const band of framework.bands) {
    if (band.kpi !== kpi) continue;
    points.set(band.level, Math.max(points.get(band.level) ?? -Infinity, band.points));
  }
  return [...points].map(([level, p]) => ({ level, points: p })).sort((a, b) => b.points - a.points);
}

/** The KPIs the view lists: top-level KPIs of the group, each followed by its sub-items when asked. */
export function breakdownKpis(
  framework: Framework,
  group: string,
  subItems: boolean
): { kpi: Kpi; depth: number }[] {
  const out: { kpi: Kpi; depth: number }[] = [];
  const visit = (kpi: Kpi, depth: number) => {
    out.push({ kpi, depth });
    if (subItems && depth < 8) for (const child of childrenOf(framework, kpi.kpi)) visit(child, depth + 1);
  };
  for (const kpi of kpisInView(framework, group)) visit(kpi, 0);
  return out;
}

/** Units per level for every KPI in view in one period. */
export async function levelBreakdown(
  db: Db,
  framework: Framework,
  periodId: string,
  group: string,
  subItems = false
): Promise<KpiLevelCounts[]> {
  const rows = await db.query(levelCountsSql(), [framework.id, periodId]);
  const byKpi = new Map<string, { status: KpiStatus; level: string | null; units: number }[]>();
  for (const row of rows) {
    const kpi = String(row.kpi);
    let list = byKpi.get(kpi);
    if (!list) byKpi.set(kpi, (list = []));
    list.push({ status: statusOf(row.status), level: stringOrNull(row.level), units: Number(row.units) });
  }
  return breakdownKpis(framework, group, subItems).map(({ kpi, depth }) => {
    const counts = byKpi.get(kpi.kpi) ?? [];
    const count = (predicate: (entry: (typeof counts)[number]) => boolean) =>
      counts.filter(predicate).reduce((sum, entry) => sum + entry.units, 0);
    const levels = kpiLevels(framework, kpi.kpi).map(({ level, points }) => ({
      level,
      points,
      units: count((entry) => entry.status === 'ok' && entry.level === level)
    }));
    return {
      kpi,
      depth,
      topPoints: topPointsOf(framework, kpi.kpi),
      levels,
      below: count((entry) => entry.status === 'below'),
      missing: count((entry) => entry.status === 'missing'),
      total: count(() => true)
    };
  });
}

export interface GridCell {
  measured: number | null;
  level: string | null;
  points: number | null;
  score: number;
  status: KpiStatus;
}

export interface GridRow {
  rank: number;
  unitId: string;
  unit: string;
  cells: Record<string, GridCell>;
}

export interface LevelGrid {
  kpis: Kpi[];
  topPoints: Record<string, number | null>;
  rows: GridRow[];
}

/** The unit × KPI grid of a period, units in league order for the group. */
export async function levelGrid(
  db: Db,
  framework: Framework,
  periodId: string,
  group: string
): Promise<LevelGrid> {
  const kpis = kpisInView(framework, group);
  const rows = await db.query(levelGridSql(), [framework.id, periodId, group]);
  const gridRows: GridRow[] = [];
  let current: GridRow | null = null;
  for (const row of rows) {
    const unitId = String(row.unit_id);
    if (current === null || current.unitId !== unitId) {
      current = { rank: Number(row.rank), unitId, unit: String(row.unit), cells: {} };
      gridRows.push(current);
    }
    current.cells[String(row.kpi)] = {
      measured: numberOrNull(row.measured),
      level: stringOrNull(row.level),
      points: numberOrNull(row.points),
      score: Number(row.score ?? 0),
      status: statusOf(row.status)
    };
  }
  const topPoints = Object.fromEntries(kpis.map((kpi) => [kpi.kpi, topPointsOf(framework, kpi.kpi)]));
  return { kpis, topPoints, rows: gridRows };
}
