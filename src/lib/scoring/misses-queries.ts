/**
 * The misses view's data (DESIGN §4.8, issue 4 §5) over any `Db`: which units are below the target level
 * of which KPI (or did not report it) in a period, since how many periods, and the gaps to the next level
 * and to the target level (src/lib/domain/gaps.ts, on the unit's effective bands).
 */
import type { Framework, Kpi } from '../domain/framework';
import { effectiveBands, missGaps, worstBand, type MissGaps, type RuleBand } from '../domain/gaps';
import { reachableBands } from '../domain/bands';
import { byPointsLost, nextSteps, pointsLost, type NextStep } from '../domain/points-lost';
import { parsePeriodId, previousPeriod } from '../domain/periods';
import type { Db, Row } from '../db/types';
import { MISS_STREAK_ALL, missBandsSql, missCountsSql, missesSql } from '../sql/misses';
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
  /** What counts as a miss: below the KPI's target level (default), or below the unit's top level. */
  level?: MissLevel;
}

/** `target`: below the target level; `top`: below the top level (issue 13 §4). */
export type MissLevel = 'target' | 'top';

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
  /** The unit's top points on this KPI (its own bands included); null when it has no bands. */
  topPoints: number | null;
  /** The points of the worst band a value can reach (what reporting brings at least); null without bands. */
  worstPoints: number | null;
  /** The KPI's weight in the total (1 each in a framework without weights) and Σ weights of the KPIs in view. */
  weight: number;
  weightSum: number;
  /**
   * Weighted points lost: how much the unit's weighted total (the league total) would rise if this KPI
   * scored the unit's top points — (top − score) × weight ÷ Σ weights.
   */
  pointsLost: number;
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

export interface FindOptions {
  /**
   * false: streaks are not followed back (every `streak` is 1 and `since` the period itself) — for the next
   * steps, which do not show them: the query then reads the period's scores only, not those of every
   * period before it.
   */
  streaks?: boolean;
}

/** The period id `steps` periods of the same grain before `periodId`. */
export function periodBefore(periodId: string, steps: number): string {
  let period = parsePeriodId(periodId);
  if (!period) return periodId;
  for (let i = 0; i < steps; i++) period = previousPeriod(period);
  return period.id;
}

export async function findMisses(
  db: Db,
  framework: Framework,
  filter: MissFilter,
  options: FindOptions = {}
): Promise<Misses> {
  const kpi = filter.kpi ?? '';
  const unit = filter.unit ?? '';
  const level = filter.level ?? 'target';
  const back = options.streaks === false ? 0 : MISS_STREAK_ALL;
  const params = [framework.id, filter.periodId, filter.group, kpi, unit, level, back];
  const rows = await db.query(missesSql(), params);
  // Without a KPI filter the list holds every miss the counts count: counted here, not queried again.
  const countRows =
    kpi === ''
      ? countsOf(rows)
      : await db.query(missCountsSql(), [framework.id, filter.periodId, filter.group, '', unit, level, back]);
  const bandRows = await db.query(missBandsSql(), [framework.id, filter.group, kpi]);
  const kpiById = new Map(framework.kpis.map((k) => [k.kpi, k]));
  const bands = bandsByKpi(bandRows);
  const ladderOf = ladders(bands);
  // The first period of a streak, by its length: a national list has thousands of rows with the same few.
  const starts = new Map<number, string>();
  const sinceOf = (streak: number) => {
    const steps = Math.max(0, streak - 1);
    let since = starts.get(steps);
    if (since === undefined) starts.set(steps, (since = periodBefore(filter.periodId, steps)));
    return since;
  };
  const misses: MissRow[] = [];
  for (const row of rows) {
    const kpiRule = kpiById.get(String(row.kpi));
    if (!kpiRule) continue;
    const unitId = String(row.unit_id);
    const measured = numberOrNull(row.measured);
    const reached = stringOrNull(row.level);
    const kpiBands = bands.get(kpiRule.kpi) ?? [];
    const ordered = ladderOf(kpiRule.kpi, unitId);
    const topPoints = ordered.length > 0 ? ordered[0].points : null;
    const weighted = {
      score: Number(row.score ?? 0),
      weight: Number(row.weight ?? 0),
      weightSum: Number(row.weight_sum ?? 0)
    };
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
      level: reached,
      points: numberOrNull(row.points),
      score: weighted.score,
      status: statusOf(row.status),
      monthsReported: Number(row.months_reported ?? 0),
      targetPoints: numberOrNull(row.target_points),
      streak,
      since: sinceOf(streak),
      gaps: missGaps({
        measured,
        level: reached,
        unitId,
        bands: kpiBands,
        targetLevel: level === 'top' ? null : kpiRule.targetLevel,
        context: { measure: kpiRule.measure, value, target, baseline },
        ordered
      }),
      topPoints,
      worstPoints: worstBand(ordered)?.points ?? null,
      weight: weighted.weight,
      weightSum: weighted.weightSum,
      pointsLost: pointsLost(topPoints, weighted)
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

/** Misses and unreported per KPI of `missesSql` rows, in their (KPI) order: what `missCountsSql` answers. */
function countsOf(rows: readonly Row[]): Row[] {
  const byKpi = new Map<string, { kpi: string; misses: number; unreported: number }>();
  for (const row of rows) {
    const kpi = String(row.kpi);
    let count = byKpi.get(kpi);
    if (!count) byKpi.set(kpi, (count = { kpi, misses: 0, unreported: 0 }));
    count.misses++;
    if (row.status === 'missing') count.unreported++;
  }
  return [...byKpi.values()];
}

/**
 * A unit's ladder of a KPI (its effective bands that can be reached, best first), worked out once per KPI
 * for every unit on the general bands and once per unit with bands of its own: a national list has tens of
 * thousands of misses on a few dozen ladders.
 */
function ladders(bands: ReadonlyMap<string, RuleBand[]>): (kpi: string, unitId: string) => RuleBand[] {
  const own = new Set<string>();
  for (const [kpi, list] of bands)
    for (const band of list) if (band.unitId !== null) own.add(`${kpi}\u0000${band.unitId}`);
  const made = new Map<string, RuleBand[]>();
  return (kpi, unitId) => {
    const key = own.has(`${kpi}\u0000${unitId}`) ? `${kpi}\u0000${unitId}` : kpi;
    let ladder = made.get(key);
    if (!ladder) made.set(key, (ladder = reachableBands(effectiveBands(bands.get(kpi) ?? [], unitId))));
    return ladder;
  };
}

/** Misses in their default order: most weighted points lost first, then unit name, then KPI (framework order). */
export function missesByPointsLost(rows: readonly MissRow[], framework: Framework): MissRow[] {
  const order = new Map(framework.kpis.map((kpi, index) => [kpi.kpi, index]));
  return byPointsLost(
    rows.map((row) => ({
      row,
      unit: row.unit,
      pointsLost: row.pointsLost,
      kpiOrder: order.get(row.kpi.kpi) ?? 0
    }))
  ).map((entry) => entry.row);
}

/** A unit's steps worth the most weighted points (rows of that unit, found with `level: 'top'`). */
export type MissStep = NextStep<NonNullable<MissGaps['next']>> & { row: MissRow };

/** The next steps of every unit among `rows` (found with `level: 'top'`), at most `limit` each. */
export function nextStepsByUnit(
  rows: readonly MissRow[],
  framework: Framework,
  limit = 3
): Map<string, MissStep[]> {
  const order = new Map(framework.kpis.map((kpi, index) => [kpi.kpi, index]));
  const byUnit = new Map<string, MissRow[]>();
  for (const row of rows) {
    const list = byUnit.get(row.unitId);
    if (list) list.push(row);
    else byUnit.set(row.unitId, [row]);
  }
  const result = new Map<string, MissStep[]>();
  for (const [unitId, list] of byUnit) {
    const byKpi = new Map(list.map((row) => [row.kpi.kpi, row]));
    const steps = nextSteps(
      list.map((row) => ({
        kpi: row.kpi.kpi,
        kpiOrder: order.get(row.kpi.kpi) ?? 0,
        status: row.status,
        next: row.gaps.next,
        worstPoints: row.worstPoints,
        score: row.score,
        weight: row.weight,
        weightSum: row.weightSum
      })),
      limit
    );
    result.set(
      unitId,
      steps.map((step) => ({ ...step, row: byKpi.get(step.kpi) as MissRow }))
    );
  }
  return result;
}
