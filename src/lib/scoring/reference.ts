/**
 * An independent, deliberately plain TypeScript scorer written from DESIGN §4 (and §9.2), used only by tests
 * to check the DuckDB SQL scorer (src/lib/sql/scoring.ts). Plain loops, no cleverness, no shared code with
 * the SQL beyond the domain model: when the two disagree, the reading of DESIGN decides which one is wrong.
 *
 * Readings chosen where DESIGN §4 leaves room (each one is also a property the SQL is tested for):
 * - A month is reported when its row has a value; a row whose value is null reports nothing, its target,
 *   baseline and adjustment included (ingest keeps no such rows: a blank value is "not reported", §3 calls a
 *   result "the reported value, plus optional target, baseline and score adjustment"). A KPI with no
 *   reported month in the period is `missing`.
 * - The target (baseline) of a month is the result row's own target (baseline) when it has one, else the
 *   framework's per-unit target for that month, else the per-unit target without a month.
 * - §4.5 "target and baseline aggregate the same way as the value": over the same reported months as the
 *   value. `last` takes the latest reported month's value and that month's target/baseline (null when that
 *   month has none); `sum`/`mean`/`max` aggregate the targets that are present among the reported months
 *   (null when none is).
 * - §4.1 measures: `pct_of_target` = value × 100 ÷ target and `growth_pct` = (value − baseline) × 100 ÷
 *   baseline, computed on the aggregated figures; with no target (baseline), or a zero one, there is nothing
 *   to band: the KPI is `missing` (it cannot be scored), not `below`.
 * - Measured values are rounded to 9 decimals before banding (so 0.1 + 0.2 reaches a `>= 0.3` band).
 * - §4.7 rank measures rank the aggregated values (rounded to 9 decimals) of the framework's units that
 *   reported, competition ranking, 1 = highest value for `rank_desc` and 1 = lowest for `rank_asc`.
 * - §4.2 / §9.2 bands: a unit's effective bands are the general bands, with any level for which the unit has
 *   its own band replaced by the unit's band(s); they are tried most points first (equal points keep their
 *   given order) and the first that holds gives the level.
 * - §4.3 interpolation runs from the matched band's start edge (`bandStart`, with the KPI's direction taken
 *   from its general bands) towards the start of the next better band of the unit's effective set that some
 *   value can reach (bands may overlap, §9.2: a band whose every value meets a better band first is skipped),
 *   clamped to [points, next points]; the top band, an `any` band, and equal starts score the band's points.
 * - §4.3 adjustments: the adjustments of the period's reported months are summed and added to the score of
 *   a KPI that reached a band; the sum is floored at 0 (no ceiling: DESIGN names none). Below every band and
 *   missing KPIs score 0 and take no adjustment.
 * - Results of units outside the framework, of months outside the period, or of composite KPIs are ignored.
 * - §4.7 movement is not computed here: it is the previous period's reference rank minus this one's, and
 *   (like the SQL) none when the previous period has no reported value at all (tests do this subtraction).
 * - §4.4 composites combine their children's scores (interpolation and adjustments included): sum, mean,
 *   min; `count_top` counts children whose band is their top one (the most points among the unit's
 *   effective bands). Any missing child makes the composite missing; a child below every band counts as 0.
 * - §4.6 weights: when no top-level KPI of the framework has a weight, every top-level KPI weighs 1;
 *   otherwise a KPI without a weight weighs 0. total = Σ(score × w) ÷ Σw over the top-level KPIs in view
 *   (missing ones score 0 and still count in Σw); max = Σ(top points × w) ÷ Σw where top points are those
 *   of the KPI's best general band; total_pct = total ÷ max × 100. With Σw = 0 the total is 0 and the max
 *   and percentage are null.
 * - §4.7 rank = competition rank on the total rounded to 4 decimals (1 = highest); rows are listed by rank,
 *   then by the number of KPIs in view at their top level (more first), then by Thai name.
 *
 * This module scores a period unit by unit (measures, composites, totals, ranks); the months' aggregation
 * (§4.5, targets looked up) is reference-aggregate.ts and a unit's bands, the band a measure reaches and its
 * interpolated score (§4.2, §4.3, §9.2) are reference-bands.ts.
 */
import { bandDirection, type Direction } from '../domain/bands';
import type { Framework, Kpi } from '../domain/framework';
import type { Period } from '../domain/periods';
import type { ResultRow } from '../domain/results';
import { DISTRICTS, PROVINCES, thaiCompare } from '../domain/units';
import type { KpiStatus } from './league';
import { aggregate, type Aggregated } from './reference-aggregate';
import { bandMeasured, topPointsOf } from './reference-bands';

export interface ReferenceKpi {
  kpi: string;
  /** Aggregated value (null for composites and missing KPIs). */
  value: number | null;
  target: number | null;
  baseline: number | null;
  /** The number that was banded (rounded to 9 decimals), or null. */
  measured: number | null;
  level: string | null;
  points: number | null;
  score: number;
  status: KpiStatus;
  /** The band reached is the best of the unit's bands. */
  atTop: boolean;
}

export interface ReferenceRow {
  unitId: string;
  unit: string;
  rank: number;
  total: number;
  maxTotal: number | null;
  totalPct: number | null;
  missing: number;
  topCount: number;
  /** Every KPI of the framework, sub-items included. */
  kpis: Record<string, ReferenceKpi>;
}

/** Rounds half away from zero to `digits` decimals (as DuckDB's `round` does). */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  return value < 0 ? -rounded : rounded;
}

function unitNameOf(unitId: string): string {
  for (const district of DISTRICTS) if (district.id === unitId) return district.name;
  for (const province of PROVINCES) if (province.id === unitId) return province.name;
  return unitId;
}

/** What the scoring of one unit reads: the framework, every unit's aggregates and ranks, each KPI's direction. */
interface Scoring {
  framework: Framework;
  /** Key `unit|kpi`. */
  aggregated: Map<string, Aggregated>;
  /** Rank measures' ranks, key `unit|kpi`. */
  rankOf: Map<string, number>;
  direction: Map<string, Direction>;
  resolveUnit: (name: string) => string | null;
}

/** Scores one period of a framework for the given units, DESIGN §4 read word by word. */
export function scoreReference(
  framework: Framework,
  results: readonly ResultRow[],
  period: Period,
  unitIds: readonly string[],
  resolveUnit: (name: string) => string | null,
  group = '*'
): ReferenceRow[] {
  // --- §4.5 aggregation of the period's months, per unit and KPI -------------------------------------------
  const aggregated = new Map<string, Aggregated>(); // key unit|kpi
  for (const unitId of unitIds) {
    for (const kpi of framework.kpis) {
      if (kpi.measure === 'combine') continue;
      aggregated.set(unitId + '|' + kpi.kpi, aggregate(framework, kpi, results, period, unitId, resolveUnit));
    }
  }
  const rankOf = rankMeasures(framework, unitIds, aggregated);
  const scoring: Scoring = {
    framework,
    aggregated,
    rankOf,
    direction: kpiDirections(framework),
    resolveUnit
  };
  // --- per unit: leaves first, then composites (children before parents) ------------------------------------
  const rows: ReferenceRow[] = [];
  for (const unitId of unitIds) rows.push(unitRow(framework, unitId, scoreUnit(scoring, unitId), group));
  rankRows(rows);
  return rows;
}

/** §4.1 rank measures: rank the aggregated values of the units that reported; key `unit|kpi`. */
function rankMeasures(
  framework: Framework,
  unitIds: readonly string[],
  aggregated: Map<string, Aggregated>
): Map<string, number> {
  const rankOf = new Map<string, number>();
  for (const kpi of framework.kpis) {
    if (kpi.measure !== 'rank_desc' && kpi.measure !== 'rank_asc') continue;
    const values: { unitId: string; value: number }[] = [];
    for (const unitId of unitIds) {
      const value = aggregated.get(unitId + '|' + kpi.kpi)?.value ?? null;
      if (value !== null) values.push({ unitId, value: roundTo(value, 9) });
    }
    for (const entry of values) {
      let better = 0;
      for (const other of values) {
        if (kpi.measure === 'rank_desc' ? other.value > entry.value : other.value < entry.value) better++;
      }
      rankOf.set(entry.unitId + '|' + kpi.kpi, better + 1);
    }
  }
  return rankOf;
}

/** Each KPI's direction, from its general bands (from its per-unit ones when it has no general band). */
function kpiDirections(framework: Framework): Map<string, Direction> {
  const direction = new Map<string, Direction>();
  for (const kpi of framework.kpis) {
    const own = framework.bands.filter((band) => band.kpi === kpi.kpi);
    const general = own.filter((band) => band.unit === null);
    direction.set(kpi.kpi, bandDirection(general.length > 0 ? general : own));
  }
  return direction;
}

/** What a KPI measured before banding: its aggregates, the banded number, or missing. */
interface Measured {
  value: number | null;
  target: number | null;
  baseline: number | null;
  adjust: number;
  measured: number | null;
  missing: boolean;
}

/** Every KPI of the framework scored for one unit, composites after their children. */
function scoreUnit(scoring: Scoring, unitId: string): Record<string, ReferenceKpi> {
  const { framework } = scoring;
  const cells: Record<string, ReferenceKpi> = {};
  const scoreKpi = (kpi: Kpi, trail: string[]): ReferenceKpi => {
    const done = cells[kpi.kpi];
    if (done) return done;
    const { value, target, baseline, adjust, measured, missing } =
      kpi.measure === 'combine'
        ? measureComposite(framework, kpi, trail, scoreKpi)
        : measureLeaf(scoring, unitId, kpi);
    const cell: ReferenceKpi = {
      kpi: kpi.kpi,
      value,
      target,
      baseline,
      measured: missing ? null : measured,
      level: null,
      points: null,
      score: 0,
      status: 'missing',
      atTop: false
    };
    if (!missing && measured !== null) {
      const direction = scoring.direction.get(kpi.kpi) ?? 1;
      const banded = bandMeasured(framework, kpi, unitId, measured, adjust, direction, scoring.resolveUnit);
      if (banded.status === 'below') {
        cell.status = 'below';
      } else {
        cell.status = 'ok';
        cell.level = banded.level;
        cell.points = banded.points;
        cell.score = banded.score;
        cell.atTop = banded.atTop;
      }
    }
    cells[kpi.kpi] = cell;
    return cell;
  };
  for (const kpi of framework.kpis) scoreKpi(kpi, []);
  return cells;
}

/** §4.1 a leaf's measure on its aggregates (a rank measure: its rank), rounded to 9 decimals. */
function measureLeaf(scoring: Scoring, unitId: string, kpi: Kpi): Measured {
  const agg = scoring.aggregated.get(unitId + '|' + kpi.kpi) as Aggregated;
  const { value, target, baseline, adjust } = agg;
  let measured: number | null = null;
  let missing = false;
  if (value === null) missing = true;
  else if (kpi.measure === 'value') measured = value;
  else if (kpi.measure === 'pct_of_target') measured = target ? (value * 100) / target : null;
  else if (kpi.measure === 'growth_pct') measured = baseline ? ((value - baseline) * 100) / baseline : null;
  else measured = scoring.rankOf.get(unitId + '|' + kpi.kpi) ?? null;
  if (measured === null) missing = true;
  else measured = roundTo(measured, 9);
  return { value, target, baseline, adjust, measured, missing };
}

/** §4.4 a composite's measure: its children's scores combined; missing when any child is (or it has none). */
function measureComposite(
  framework: Framework,
  kpi: Kpi,
  trail: string[],
  scoreKpi: (kpi: Kpi, trail: string[]) => ReferenceKpi
): Measured {
  let missing = false;
  const childScores: number[] = [];
  let tops = 0;
  for (const child of framework.kpis) {
    if (child.parent !== kpi.kpi || trail.includes(child.kpi)) continue;
    const cell = scoreKpi(child, [...trail, kpi.kpi]);
    if (cell.status === 'missing') missing = true;
    childScores.push(cell.score);
    if (cell.atTop) tops++;
  }
  if (childScores.length === 0) missing = true;
  const measured = missing ? null : roundTo(combineScores(kpi, childScores, tops), 9);
  return { value: null, target: null, baseline: null, adjust: 0, measured, missing };
}

/** `sum`, `mean` or `min` of the children's scores; `count_top`: how many reached their top band. */
function combineScores(kpi: Kpi, childScores: readonly number[], tops: number): number {
  let combined: number;
  if (kpi.combine === 'sum') {
    combined = 0;
    for (const s of childScores) combined += s;
  } else if (kpi.combine === 'mean') {
    combined = 0;
    for (const s of childScores) combined += s;
    combined = combined / childScores.length;
  } else if (kpi.combine === 'min') {
    combined = childScores[0];
    for (const s of childScores) if (s < combined) combined = s;
  } else {
    combined = tops;
  }
  return combined;
}

/** §4.6 a unit's row: the weighted total over the top-level KPIs in view, its maximum, missing and top counts. */
function unitRow(
  framework: Framework,
  unitId: string,
  cells: Record<string, ReferenceKpi>,
  group: string
): ReferenceRow {
  const tops = framework.kpis.filter((kpi) => kpi.parent === null);
  const anyWeight = tops.some((kpi) => kpi.weight !== null);
  let sumScore = 0;
  let sumTop = 0;
  let sumWeight = 0;
  let missingCount = 0;
  let topCount = 0;
  for (const kpi of tops) {
    if (group !== '*' && kpi.group !== group) continue;
    const weight = anyWeight ? (kpi.weight ?? 0) : 1;
    const cell = cells[kpi.kpi];
    sumScore += cell.score * weight;
    sumTop += topPointsOf(framework, kpi.kpi) * weight;
    sumWeight += weight;
    if (cell.status === 'missing') missingCount++;
    if (cell.atTop) topCount++;
  }
  const total = sumWeight === 0 ? 0 : sumScore / sumWeight;
  const maxTotal = sumWeight === 0 ? null : sumTop / sumWeight;
  return {
    unitId,
    unit: unitNameOf(unitId),
    rank: 0,
    total,
    maxTotal,
    totalPct: maxTotal === null || maxTotal === 0 ? null : (total / maxTotal) * 100,
    missing: missingCount,
    topCount,
    kpis: cells
  };
}

/** §4.7 competition ranking on totals rounded to 4 decimals; rows sorted by rank, top count, Thai name. */
function rankRows(rows: ReferenceRow[]): void {
  for (const row of rows) {
    let better = 0;
    for (const other of rows) if (roundTo(other.total, 4) > roundTo(row.total, 4)) better++;
    row.rank = better + 1;
  }
  rows.sort((a, b) => a.rank - b.rank || b.topCount - a.topCount || thaiCompare(a.unit, b.unit));
}
