/**
 * The benchmark's baseline (issue 6, baseline a): the scoring rules of DESIGN §4 written as plain TypeScript
 * loops over parsed `ResultRow`s — what a team would write without a database. It is the reference scorer
 * (./reference.ts) made fit for national data: the same readings, but results, targets and bands are indexed
 * once in Maps instead of being searched for every cell, so it is a fair opponent for the SQL, not a straw
 * man. A property test (plain-scorer.test.ts) keeps it equal to the reference scorer.
 *
 * Not used by the app: the app scores with SQL (src/lib/sql/scoring.ts).
 */
import {
  bandDirection,
  bandHolds,
  bandStart,
  orderBands,
  reachableBands,
  type Direction
} from '../src/lib/domain/bands';
import type { Band, Framework, Kpi } from '../src/lib/domain/framework';
import type { Period } from '../src/lib/domain/periods';
import type { ResultRow } from '../src/lib/domain/results';
import { DISTRICTS, PROVINCES, thaiCompare } from '../src/lib/domain/units';
import { roundTo, type ReferenceKpi, type ReferenceRow } from '../src/lib/scoring/reference';

/** Scores of one period: group (`*` and each group of the framework) → rows in league order. */
export type PlainPeriodScores = Map<string, ReferenceRow[]>;

interface MonthEntry {
  month: string;
  value: number;
  target: number | null;
  baseline: number | null;
  adjust: number | null;
}

interface Aggregated {
  value: number | null;
  target: number | null;
  baseline: number | null;
  adjust: number;
}

const NOT_REPORTED: Aggregated = { value: null, target: null, baseline: null, adjust: 0 };

/** A KPI's bands for one unit, in the order they are tried, with what interpolation needs. */
interface UnitBands {
  tried: Band[];
  bestPoints: number;
}

/**
 * Scores every given period of a framework for the given units: per period, the league table of all
 * top-level KPIs (`*`) and of each group. `resolveUnit` maps unit names used in the framework (per-unit bands
 * and targets) to unit codes.
 */
export function plainScore(
  framework: Framework,
  results: readonly ResultRow[],
  periods: readonly Period[],
  unitIds: readonly string[],
  resolveUnit: (name: string) => string | null
): Map<string, PlainPeriodScores> {
  const kpis = framework.kpis;
  const leaves = kpis.filter((kpi) => kpi.measure !== 'combine');
  const tops = kpis.filter((kpi) => kpi.parent === null);
  const children = new Map<string, Kpi[]>();
  for (const kpi of kpis) {
    if (kpi.parent === null) continue;
    const list = children.get(kpi.parent);
    if (list) list.push(kpi);
    else children.set(kpi.parent, [kpi]);
  }

  // Results by unit → KPI → month (a later row for the same cell wins, as in the workspace).
  const byCell = new Map<string, Map<string, ResultRow>>();
  for (const row of results) {
    if (row.value === null) continue;
    const key = row.unitId + '|' + row.kpi;
    let months = byCell.get(key);
    if (!months) byCell.set(key, (months = new Map()));
    months.set(row.month, row);
  }

  // Per-unit targets: kpi|unit|month and kpi|unit| (every month); the first given wins.
  const targets = new Map<string, { target: number | null; baseline: number | null }[]>();
  for (const t of framework.targets) {
    const unitId = resolveUnit(t.unit);
    if (unitId === null) continue;
    const key = t.kpi + '|' + unitId + '|' + (t.month ?? '');
    const list = targets.get(key);
    if (list) list.push(t);
    else targets.set(key, [t]);
  }
  const monthTargets = (kpi: string, unitId: string, month: string, row: ResultRow) => {
    let target = row.target;
    let baseline = row.baseline;
    if (targets.size > 0 && (target === null || baseline === null)) {
      for (const pass of [month, '']) {
        for (const t of targets.get(kpi + '|' + unitId + '|' + pass) ?? []) {
          if (target === null) target = t.target;
          if (baseline === null) baseline = t.baseline;
        }
      }
    }
    return { target, baseline };
  };

  // Bands: the general ladder per KPI, and a unit's own ladder where it has own bands.
  const direction = new Map<string, Direction>();
  const generalBands = new Map<string, UnitBands>();
  const ownBands = new Map<string, UnitBands>(); // kpi|unit
  const topPoints = new Map<string, number>();
  for (const kpi of kpis) {
    const own = framework.bands.filter((band) => band.kpi === kpi.kpi);
    const general = own.filter((band) => band.unit === null);
    direction.set(kpi.kpi, bandDirection(general.length > 0 ? general : own));
    let best: number | null = null;
    for (const band of general.length > 0 ? general : own)
      if (best === null || band.points > best) best = band.points;
    topPoints.set(kpi.kpi, best ?? 0);
    generalBands.set(kpi.kpi, ladder(general));
    const unitsWithOwn = new Map<string, Band[]>();
    for (const band of own) {
      if (band.unit === null) continue;
      const unitId = resolveUnit(band.unit);
      if (unitId === null) continue;
      const list = unitsWithOwn.get(unitId);
      if (list) list.push(band);
      else unitsWithOwn.set(unitId, [band]);
    }
    for (const [unitId, unitOwn] of unitsWithOwn) {
      const ownLevels = new Set(unitOwn.map((band) => band.level));
      const effective = own.filter((band) =>
        band.unit === null ? !ownLevels.has(band.level) : unitOwn.includes(band)
      );
      ownBands.set(kpi.kpi + '|' + unitId, ladder(effective));
    }
  }
  const bandsOf = (kpi: string, unitId: string): UnitBands =>
    ownBands.get(kpi + '|' + unitId) ?? (generalBands.get(kpi) as UnitBands);

  const anyWeight = tops.some((kpi) => kpi.weight !== null);
  const groups = ['*'];
  for (const kpi of tops) if (kpi.group !== null && !groups.includes(kpi.group)) groups.push(kpi.group);
  const names = new Map<string, string>();
  for (const district of DISTRICTS) names.set(district.id, district.name);
  for (const province of PROVINCES) names.set(province.id, province.name);

  const out = new Map<string, PlainPeriodScores>();
  for (const period of periods) {
    // §4.5 aggregation of the period's months.
    const aggregated = new Map<string, Aggregated>();
    for (const unitId of unitIds) {
      for (const kpi of leaves) {
        const months = byCell.get(unitId + '|' + kpi.kpi);
        if (!months) continue;
        const reported: MonthEntry[] = [];
        for (const month of period.months) {
          const row = months.get(month);
          if (!row || row.value === null) continue;
          const { target, baseline } = monthTargets(kpi.kpi, unitId, month, row);
          reported.push({ month, value: row.value, target, baseline, adjust: row.adjust });
        }
        if (reported.length > 0) aggregated.set(unitId + '|' + kpi.kpi, aggregate(kpi, reported));
      }
    }

    // §4.1 rank measures over the units that reported.
    const rankOf = new Map<string, number>();
    for (const kpi of leaves) {
      if (kpi.measure !== 'rank_desc' && kpi.measure !== 'rank_asc') continue;
      const values: { unitId: string; value: number }[] = [];
      for (const unitId of unitIds) {
        const value = aggregated.get(unitId + '|' + kpi.kpi)?.value ?? null;
        if (value !== null) values.push({ unitId, value: roundTo(value, 9) });
      }
      const sign = kpi.measure === 'rank_desc' ? -1 : 1;
      values.sort((a, b) => sign * (a.value - b.value));
      for (let i = 0; i < values.length; i++) {
        const rank =
          i > 0 && values[i].value === values[i - 1].value
            ? rankOf.get(values[i - 1].unitId + '|' + kpi.kpi)!
            : i + 1;
        rankOf.set(values[i].unitId + '|' + kpi.kpi, rank);
      }
    }

    // Per unit: every KPI (children before their composite), then the totals of each group.
    const byGroup = new Map<string, ReferenceRow[]>(groups.map((group) => [group, []]));
    for (const unitId of unitIds) {
      const cells: Record<string, ReferenceKpi> = {};
      const scoreKpi = (kpi: Kpi, trail: readonly string[]): ReferenceKpi => {
        const done = cells[kpi.kpi];
        if (done) return done;
        let agg = NOT_REPORTED;
        let measured: number | null = null;
        if (kpi.measure === 'combine') {
          let missing = false;
          let sum = 0;
          let min = Infinity;
          let tops = 0;
          let count = 0;
          for (const child of children.get(kpi.kpi) ?? []) {
            if (trail.includes(child.kpi)) continue;
            const cell = scoreKpi(child, [...trail, kpi.kpi]);
            if (cell.status === 'missing') missing = true;
            sum += cell.score;
            if (cell.score < min) min = cell.score;
            if (cell.atTop) tops++;
            count++;
          }
          if (count > 0 && !missing) {
            const combined =
              kpi.combine === 'sum'
                ? sum
                : kpi.combine === 'mean'
                  ? sum / count
                  : kpi.combine === 'min'
                    ? min
                    : tops;
            measured = roundTo(combined, 9);
          }
        } else {
          agg = aggregated.get(unitId + '|' + kpi.kpi) ?? NOT_REPORTED;
          const { value, target, baseline } = agg;
          if (value !== null) {
            if (kpi.measure === 'value') measured = value;
            else if (kpi.measure === 'pct_of_target') measured = target ? (value * 100) / target : null;
            else if (kpi.measure === 'growth_pct')
              measured = baseline ? ((value - baseline) * 100) / baseline : null;
            else measured = rankOf.get(unitId + '|' + kpi.kpi) ?? null;
            if (measured !== null) measured = roundTo(measured, 9);
          }
        }
        const cell: ReferenceKpi = {
          kpi: kpi.kpi,
          value: agg.value,
          target: agg.target,
          baseline: agg.baseline,
          measured,
          level: null,
          points: null,
          score: 0,
          status: 'missing',
          atTop: false
        };
        if (measured !== null) {
          const { tried, bestPoints } = bandsOf(kpi.kpi, unitId);
          let matched = -1;
          for (let i = 0; i < tried.length; i++) {
            if (bandHolds(tried[i], measured)) {
              matched = i;
              break;
            }
          }
          if (matched === -1) cell.status = 'below';
          else {
            const band = tried[matched];
            let score = band.points;
            if (kpi.interpolate && matched > 0) {
              const better = tried[matched - 1];
              const dir = direction.get(kpi.kpi) ?? 1;
              const start = bandStart(band, dir);
              const nextStart = bandStart(better, dir);
              if (start !== null && nextStart !== null && nextStart !== start) {
                score =
                  band.points + (better.points - band.points) * ((measured - start) / (nextStart - start));
                const low = Math.min(band.points, better.points);
                const high = Math.max(band.points, better.points);
                score = score < low ? low : score > high ? high : score;
              }
            }
            score += agg.adjust;
            cell.status = 'ok';
            cell.level = band.level;
            cell.points = band.points;
            cell.score = score < 0 ? 0 : score;
            cell.atTop = band.points >= bestPoints;
          }
        }
        cells[kpi.kpi] = cell;
        return cell;
      };
      for (const kpi of kpis) scoreKpi(kpi, []);

      // §4.6 weighted totals, per group.
      for (const group of groups) {
        let sumScore = 0;
        let sumTop = 0;
        let sumWeight = 0;
        let missing = 0;
        let topCount = 0;
        for (const kpi of tops) {
          if (group !== '*' && kpi.group !== group) continue;
          const weight = anyWeight ? (kpi.weight ?? 0) : 1;
          const cell = cells[kpi.kpi];
          sumScore += cell.score * weight;
          sumTop += (topPoints.get(kpi.kpi) ?? 0) * weight;
          sumWeight += weight;
          if (cell.status === 'missing') missing++;
          if (cell.atTop) topCount++;
        }
        const total = sumWeight === 0 ? 0 : sumScore / sumWeight;
        const maxTotal = sumWeight === 0 ? null : sumTop / sumWeight;
        byGroup.get(group)!.push({
          unitId,
          unit: names.get(unitId) ?? unitId,
          rank: 0,
          total,
          maxTotal,
          totalPct: maxTotal === null || maxTotal === 0 ? null : (total / maxTotal) * 100,
          missing,
          topCount,
          kpis: cells
        });
      }
    }

    // §4.7 competition ranking on totals rounded to 4 decimals; league order.
    for (const rows of byGroup.values()) {
      const rounded = new Map(rows.map((row) => [row, roundTo(row.total, 4)]));
      rows.sort((a, b) => rounded.get(b)! - rounded.get(a)!);
      for (let i = 0; i < rows.length; i++) {
        rows[i].rank =
          i > 0 && rounded.get(rows[i])! === rounded.get(rows[i - 1])! ? rows[i - 1].rank : i + 1;
      }
      rows.sort((a, b) => a.rank - b.rank || b.topCount - a.topCount || thaiCompare(a.unit, b.unit));
    }
    out.set(period.id, byGroup);
  }
  return out;
}

/** A ladder without the bands no value can reach (they never match): interpolation runs to the next reachable one. */
function ladder(bands: readonly Band[]): UnitBands {
  let best = -Infinity;
  for (const band of bands) if (band.points > best) best = band.points;
  return { tried: reachableBands(orderBands(bands)), bestPoints: best };
}

/** §4.5: `last` takes the latest reported month; sum/mean/max aggregate the figures present. */
function aggregate(kpi: Kpi, reported: readonly MonthEntry[]): Aggregated {
  let adjust = 0;
  for (const entry of reported) if (entry.adjust !== null) adjust += entry.adjust;
  if (kpi.aggregate === 'last') {
    let latest = reported[0];
    for (const entry of reported) if (entry.month > latest.month) latest = entry;
    return { value: latest.value, target: latest.target, baseline: latest.baseline, adjust };
  }
  const combine = (pick: (entry: MonthEntry) => number | null): number | null => {
    let result: number | null = null;
    let count = 0;
    for (const entry of reported) {
      const v = pick(entry);
      if (v === null) continue;
      count++;
      if (result === null) result = v;
      else if (kpi.aggregate === 'max') result = v > result ? v : result;
      else result += v;
    }
    return result !== null && kpi.aggregate === 'mean' ? result / count : result;
  };
  return {
    value: combine((entry) => entry.value),
    target: combine((entry) => entry.target),
    baseline: combine((entry) => entry.baseline),
    adjust
  };
}
