/**
 * The misses view's data (DESIGN §4.8, issue 4 §5) over any `Db`: which units are below the target level
 * of which KPI (or did not report it) in a period, since how many periods, and the gaps to the next level
 * and to the target level (src/lib/domain/gaps.ts, on the unit's effective bands).
 */
import type { Framework, Kpi } from '../domain/framework';
import { missGaps, type MissGaps } from '../domain/gaps';
import { parsePeriodId, previousPeriod } from '../domain/periods';
import type { Db } from '../db/types';
import { missBandsSql, missCountsSql, missesSql } from '../sql/misses';
import type { KpiStatus } from './league';
import { bandsByKpi, numberOrNull, statusOf, stringOrNull } from './view-rows';

export interface MissFilter {
  periodId: string;
  /** `*` = every group. */
  group: string;
  /** A KPI id, or null for all. */
  kpi: string | null;
  /** A unit id, or null for all. */
  unit: string | null;
}

export interface MissRow {
  unitId: string;
  unit: string;
  /** The unit's rank in the period (for the group); null when not ranked. */
  rank: number | null;
  kpi: Kpi;
  value: number | null;
  target: number | null;
  baseline: number | null;
  measured: number | null;
  level: string | null;
  points: number | null;
  score: number;
  status: KpiStatus;
  monthsReported: number;
  /** Points that meet the target for this unit; null when the KPI has no bands for it. */
  targetPoints: number | null;
  /** Periods of the same grain in a row, ending at the selected one, that this KPI was missed. */
  streak: number;
  /** The first period of the streak (period id). */
  since: string;
  gaps: MissGaps;
}

export interface MissCount {
  kpi: Kpi;
  misses: number;
  unreported: number;
}

export interface Misses {
  rows: MissRow[];
  /** Misses per KPI in view (the district filter applies, the KPI filter does not). */
  counts: MissCount[];
}

/** The period id `steps` periods of the same grain before `periodId`. */
export function periodBefore(periodId: string, steps: number): string {
  let period = parsePeriodId(periodId);
  if (!period) return periodId;
  for (let i = 0; i < steps; i++) period = previousPeriod(period);
  return period.id;
}

export async function findMisses(db: Db, framework: Framework, filter: MissFilter): Promise<Misses> {
  const kpi = filter.kpi ?? '';
  const unit = filter.unit ?? '';
  const params = [framework.id, filter.periodId, filter.group, kpi, unit];
  const rows = await db.query(missesSql(), params);
  const countRows = await db.query(missCountsSql(), [framework.id, filter.periodId, filter.group, '', unit]);
  const bandRows = await db.query(missBandsSql(), [framework.id, filter.group, kpi]);
  const kpiById = new Map(framework.kpis.map((k) => [k.kpi, k]));
  const bands = bandsByKpi(bandRows);
  const misses: MissRow[] = [];
  for (const row of rows) {
    const kpiRule = kpiById.get(String(row.kpi));
    if (!kpiRule) continue;
    const unitId = String(row.unit_id);
    const measured = numberOrNull(row.measured);
    const level = stringOrNull(row.level);
    const value = numberOrNull(row.value);
    const target = numberOrNull(row.target);
    const baseline = numberOrNull(row.baseline);
    const streak = Number(row.streak ?? 1);
    misses.push({
      unitId,
      unit: String(row.unit),
      rank: numberOrNull(row.rank),
      kpi: kpiRule,
      value,
      target,
      baseline,
      measured,
      level,
      points: numberOrNull(row.points),
      score: Number(row.score ?? 0),
      status: statusOf(row.status),
      monthsReported: Number(row.months_reported ?? 0),
      targetPoints: numberOrNull(row.target_points),
      streak,
      since: periodBefore(filter.periodId, Math.max(0, streak - 1)),
      gaps: missGaps({
        measured,
        level,
        unitId,
        bands: bands.get(kpiRule.kpi) ?? [],
        targetLevel: kpiRule.targetLevel,
        context: { measure: kpiRule.measure, value, target, baseline }
      })
    });
  }
  const counts: MissCount[] = [];
  for (const row of countRows) {
    const kpiRule = kpiById.get(String(row.kpi));
    if (kpiRule)
      counts.push({ kpi: kpiRule, misses: Number(row.misses), unreported: Number(row.unreported) });
  }
  return { rows: misses, counts };
}
