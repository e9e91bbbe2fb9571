/**
 * The league page's headline (issue 13.1): the director's questions at the monthly meeting answered from the
 * league table on screen and the one of the period before it — the province's average total and its change,
 * how many districts meet the target on every KPI, which KPIs cost the province the most weighted points, and
 * who rose and fell the most. Pure: it reads the tables the page already has (no query of its own).
 */
import { totalWeight, type Kpi } from '../domain/framework';
import { pointsLost } from '../domain/points-lost';
import { deriveKpiFacts } from '../domain/framework-validate';
import type { CellScore, LeagueRow, LeagueTable } from './league';

/** What one KPI costs the province: (top points − score) × weight, over every district. */
export interface KpiLoss {
  kpi: Kpi;
  /** Σ over districts of (top points − score) × weight ÷ Σ weights in view: points of the total, summed. */
  lost: number;
  /** `lost` per district: how much of the average total this KPI costs (Σ over KPIs = max − average). */
  perUnit: number;
  /** Share of everything the province loses, 0–1. */
  share: number;
  /** Districts below the KPI's target level (or not reporting it). */
  missed: number;
}

export interface Mover {
  unitId: string;
  unit: string;
  rank: number;
  previousRank: number;
  /** Previous rank minus rank (positive = up). */
  movement: number;
}

/** The headline's part read from the table on screen alone (everything but the change). */
export type TableHeadline = Omit<Headline, 'previousAverage' | 'change'>;

/** The change since the period before: read from that period's table. */
export type HeadlineChange = Pick<Headline, 'previousAverage' | 'change'>;

export interface Headline {
  units: number;
  /** Mean of the districts' weighted totals. */
  average: number;
  maxTotal: number | null;
  /** `average` as % of `maxTotal`. */
  averagePct: number | null;
  /** The previous period's mean total; null when that period has no results. */
  previousAverage: number | null;
  /** `average − previousAverage`; null without a previous period with results. */
  change: number | null;
  /** Districts that meet the target level of every KPI in view (and reported them all). */
  atTarget: number;
  /** The others: below the target level of at least one KPI, or not reporting one. */
  belowTarget: number;
  /** Every KPI in view that loses points, the most costly first (ties: framework order). */
  losses: KpiLoss[];
  /** Up to three districts that rose the most, and three that fell the most. */
  risers: Mover[];
  fallers: Mover[];
}

const MOVERS = 3;

/**
 * Points of a KPI's target level (the most any band of that level gives); null when the target is the top level
 * (no target level, or a level no band has).
 */
function targetLevelPoints(table: LeagueTable, kpi: Kpi): number | null {
  if (kpi.targetLevel === null) return null;
  let points: number | null = null;
  for (const band of table.framework.bands)
    if (band.kpi === kpi.kpi && band.level === kpi.targetLevel && (points === null || band.points > points))
      points = band.points;
  return points;
}

/**
 * Whether a cell misses its KPI's target, exactly as the misses view decides (src/lib/sql/misses.ts): not
 * reported or below every band; or, not at the unit's top band, with fewer points than the target level's
 * (the target is at most the unit's top points, so a cell at its top band always meets it).
 */
export function missesTarget(cell: CellScore | undefined, levelPoints: number | null): boolean {
  if (!cell || cell.status !== 'ok') return true;
  if (cell.isTop) return false;
  return levelPoints === null || (cell.points ?? 0) < levelPoints;
}

/** The weights the league total uses, for the KPIs in view (sub-items never are). */
function weightsOf(table: LeagueTable): Map<string, number> {
  const weight = totalWeight(table.framework);
  return new Map(table.kpis.map((kpi) => [kpi.kpi, weight(kpi) ?? 0]));
}

function mean(rows: readonly LeagueRow[]): number {
  return rows.length === 0 ? 0 : rows.reduce((sum, row) => sum + row.total, 0) / rows.length;
}

function mover(row: LeagueRow): Mover | null {
  if (row.movement === null || row.previousRank === null) return null;
  return {
    unitId: row.unitId,
    unit: row.unit,
    rank: row.rank,
    previousRank: row.previousRank,
    movement: row.movement
  };
}

/**
 * The headline of `table`; `previous` is the league table of the period before it (same grain, same group),
 * or null. The previous average counts only when that period has results (some district has a previous rank).
 */
export function leagueHeadline(table: LeagueTable, previous: LeagueTable | null): Headline {
  return { ...tableHeadline(table), ...headlineChange(table, previous) };
}

/** The change since the period before (`leagueHeadline`); cheap: it reads the totals only. */
export function headlineChange(table: LeagueTable, previous: LeagueTable | null): HeadlineChange {
  const hasPrevious = previous !== null && table.rows.some((row) => row.previousRank !== null);
  const previousAverage = hasPrevious ? mean(previous.rows) : null;
  return { previousAverage, change: previousAverage === null ? null : mean(table.rows) - previousAverage };
}

/** `tableHeadline` of the tables read so far (a table is kept as it is: `LeagueCache`). */
const tableHeadlines = new WeakMap<LeagueTable, TableHeadline>();

/**
 * Everything of the headline but the change: read from `table` alone, so the page draws it with the table,
 * and the change follows when the period before is read. Kept per table: the read-ahead works it out for
 * the tables around the one on screen (background.svelte.ts), and a period switch finds it done.
 */
export function tableHeadline(table: LeagueTable): TableHeadline {
  let headline = tableHeadlines.get(table);
  if (!headline) {
    headline = readTableHeadline(table);
    tableHeadlines.set(table, headline);
  }
  return headline;
}

function readTableHeadline(table: LeagueTable): TableHeadline {
  const rows = table.rows;
  const weights = weightsOf(table);
  const weightSum = [...weights.values()].reduce((sum, w) => sum + w, 0);
  const facts = deriveKpiFacts(table.framework);
  const average = mean(rows);
  const maxTotal = rows[0]?.maxTotal ?? null;
  const scores = rows.map((row) => row.cellScores?.() ?? row.cells);

  const levelPoints = new Map(table.kpis.map((kpi) => [kpi.kpi, targetLevelPoints(table, kpi)]));
  const atTarget = scores.filter((cells) =>
    table.kpis.every((kpi) => !missesTarget(cells[kpi.kpi], levelPoints.get(kpi.kpi) ?? null))
  ).length;

  const raw = table.kpis.map((kpi, order) => {
    const top = facts.get(kpi.kpi)?.topPoints ?? null;
    const weight = weights.get(kpi.kpi) ?? 0;
    let lost = 0;
    let missed = 0;
    for (const cells of scores) {
      const cell = cells[kpi.kpi];
      lost += pointsLost(top, { score: cell?.score ?? 0, weight, weightSum });
      if (missesTarget(cell, levelPoints.get(kpi.kpi) ?? null)) missed++;
    }
    return { kpi, order, lost, missed };
  });
  const totalLost = raw.reduce((sum, loss) => sum + loss.lost, 0);
  const losses = raw
    .filter((loss) => loss.lost > 1e-9)
    .sort((a, b) => b.lost - a.lost || a.order - b.order)
    .map(({ kpi, lost, missed }) => ({
      kpi,
      lost,
      perUnit: rows.length > 0 ? lost / rows.length : 0,
      share: totalLost > 0 ? lost / totalLost : 0,
      missed
    }));

  const moved = rows.map(mover).filter((m): m is Mover => m !== null);
  const byName = (a: Mover, b: Mover) => a.rank - b.rank || a.unit.localeCompare(b.unit, 'th');
  return {
    units: rows.length,
    average,
    maxTotal,
    averagePct: maxTotal ? (average / maxTotal) * 100 : null,
    atTarget,
    belowTarget: rows.length - atTarget,
    losses,
    risers: moved
      .filter((m) => m.movement > 0)
      .sort((a, b) => b.movement - a.movement || byName(a, b))
      .slice(0, MOVERS),
    fallers: moved
      .filter((m) => m.movement < 0)
      .sort((a, b) => a.movement - b.movement || byName(a, b))
      .slice(0, MOVERS)
  };
}
