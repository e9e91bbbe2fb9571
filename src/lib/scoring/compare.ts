/**
 * The compare view's data (issue 4 §3): two periods of the same grain, per unit the totals, ranks and
 * deltas, the biggest risers and fallers, and per KPI how many units moved a level. Deltas run from the
 * earlier period to the later one, whichever order the user picked them in. A period with no reported
 * result has no standings at all (not zeros).
 */
import {
  parsePeriodId,
  previousPeriod,
  samePeriodLastYear,
  type Grain,
  type Lang,
  type Period
} from '../domain/periods';
import type { Db, Row } from '../db/types';
import { compareTotalsSql, grainPeriodsSql, kpiLevelMovesSql, resultsInMonthsSql } from '../sql/compare';
import type { Workspace } from './workspace';

export interface ComparePeriodOption {
  period: Period;
  /** Something was reported in it (as far as it has been scored). */
  hasData: boolean;
  /** Already in the framework's scored periods; false for last year's period before it is scored. */
  scored: boolean;
  /** The same period one fiscal year earlier (offered when results exist for it). */
  lastYear: boolean;
}

export interface Standing {
  total: number;
  totalPct: number | null;
  rank: number;
  missing: number;
  /** False when the unit reported nothing in the period (its total is then the rules' 0). */
  reported: boolean;
}

export interface CompareRow {
  unitId: string;
  name: string;
  before: Standing | null;
  after: Standing | null;
  /** after − before; null unless both periods have standings. */
  deltaTotal: number | null;
  /** Percentage points (after − before of total %), never percent growth. */
  deltaPct: number | null;
  /** Rank before − rank after: positive = moved up. */
  deltaRank: number | null;
}

export interface KpiLevelMove {
  kpi: string;
  name: string;
  up: number;
  down: number;
  same: number;
  /** Units not reported in one of the periods. */
  notCompared: number;
}

export interface Comparison {
  /** The earlier and the later period. */
  before: Period;
  after: Period;
  beforeHasData: boolean;
  afterHasData: boolean;
  maxTotal: number | null;
  rows: CompareRow[];
  kpiMoves: KpiLevelMove[];
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Earlier first. */
export function chronological(a: Period, b: Period): [Period, Period] {
  return a.months[0] <= b.months[0] ? [a, b] : [b, a];
}

async function grainPeriods(db: Db, frameworkId: string, grain: Grain) {
  const rows = await db.query(grainPeriodsSql(), [frameworkId, grain]);
  return rows.flatMap((row) => {
    const period = parsePeriodId(String(row.period_id));
    return period ? [{ period, hasData: row.has_data === true }] : [];
  });
}

/**
 * Periods to compare `period` with: the other periods of its grain that the framework covers, and the
 * same period last year when the framework holds results for its months. Oldest first.
 */
export async function comparePeriodOptions(
  db: Db,
  frameworkId: string,
  period: Period
): Promise<ComparePeriodOption[]> {
  const lastYear = samePeriodLastYear(period);
  const options: ComparePeriodOption[] = (await grainPeriods(db, frameworkId, period.grain))
    .filter((option) => option.period.id !== period.id)
    .map((option) => ({ ...option, scored: true, lastYear: option.period.id === lastYear.id }));
  if (!options.some((option) => option.lastYear)) {
    const [{ results }] = await db.query<{ results: number }>(resultsInMonthsSql(), [
      frameworkId,
      lastYear.months.join(',')
    ]);
    if (results > 0) options.push({ period: lastYear, hasData: true, scored: false, lastYear: true });
  }
  return options.sort((a, b) => (a.period.months[0] < b.period.months[0] ? -1 : 1));
}

/**
 * The period to compare with when the URL names none (or one that is not offered): the previous period
 * of the same grain, else the same period last year, else the nearest earlier, else the nearest later one.
 */
export function defaultComparePeriod(options: readonly ComparePeriodOption[], period: Period): Period | null {
  const previous = previousPeriod(period).id;
  const pick =
    options.find((option) => option.period.id === previous) ??
    options.find((option) => option.lastYear) ??
    options.filter((option) => option.period.months[0] < period.months[0]).at(-1) ??
    options.find((option) => option.period.months[0] > period.months[0]);
  return pick?.period ?? null;
}

/** Scores a period the framework does not cover yet (last year's), so it can be compared. */
export async function ensurePeriodScored(
  workspace: Workspace,
  frameworkId: string,
  option: ComparePeriodOption
) {
  if (option.scored) return false;
  await workspace.ensurePeriods(frameworkId, [option.period]);
  await workspace.ensure(frameworkId, 'all');
  return true;
}

function standing(row: Row, side: 'before' | 'after', kpiCount: number): Standing | null {
  const total = num(row[`total_${side}`]);
  const rank = num(row[`rank_${side}`]);
  if (total === null || rank === null) return null;
  const missing = num(row[`missing_${side}`]) ?? 0;
  return { total, totalPct: num(row[`pct_${side}`]), rank, missing, reported: missing < kpiCount };
}

/** Compares two periods (in either order) for one group (`*` = all top-level KPIs). */
export async function comparePeriods(
  db: Db,
  frameworkId: string,
  first: Period,
  second: Period,
  group: string
): Promise<Comparison> {
  const [before, after] = chronological(first, second);
  const withData = new Set<string>();
  for (const grain of new Set([before.grain, after.grain])) {
    for (const option of await grainPeriods(db, frameworkId, grain)) {
      if (option.hasData) withData.add(option.period.id);
    }
  }
  const beforeHasData = withData.has(before.id);
  const afterHasData = withData.has(after.id);
  const params = [frameworkId, before.id, after.id, group];
  let maxTotal: number | null = null;
  const rows = (await db.query(compareTotalsSql(), params)).map((row): CompareRow => {
    const kpiCount = num(row.kpi_count) ?? 0;
    maxTotal = maxTotal ?? num(row.max_total);
    const b = beforeHasData ? standing(row, 'before', kpiCount) : null;
    const a = afterHasData ? standing(row, 'after', kpiCount) : null;
    const both = a !== null && b !== null;
    return {
      unitId: String(row.unit_id),
      name: String(row.name),
      before: b,
      after: a,
      deltaTotal: both ? a.total - b.total : null,
      deltaPct: both && a.totalPct !== null && b.totalPct !== null ? a.totalPct - b.totalPct : null,
      deltaRank: both ? b.rank - a.rank : null
    };
  });
  const kpiMoves =
    beforeHasData && afterHasData
      ? (await db.query(kpiLevelMovesSql(), params)).map((row) => ({
          kpi: String(row.kpi),
          name: String(row.name),
          up: num(row.up) ?? 0,
          down: num(row.down) ?? 0,
          same: num(row.same) ?? 0,
          notCompared: num(row.not_compared) ?? 0
        }))
      : [];
  return { before, after, beforeHasData, afterHasData, maxTotal, rows, kpiMoves };
}

/**
 * The biggest risers and fallers by rank (ties: by change of total), among units that reported in both
 * periods: a unit that reported nothing does not "rise" because others fell.
 */
export function movers(
  rows: readonly CompareRow[],
  count = 3
): { risers: CompareRow[]; fallers: CompareRow[] } {
  const comparable = rows.filter(
    (row) => row.deltaRank !== null && row.deltaTotal !== null && row.before?.reported && row.after?.reported
  );
  const byRise = (a: CompareRow, b: CompareRow) =>
    (b.deltaRank ?? 0) - (a.deltaRank ?? 0) || (b.deltaTotal ?? 0) - (a.deltaTotal ?? 0);
  const risers = comparable.filter((row) => (row.deltaRank ?? 0) > 0).sort(byRise);
  const fallers = comparable.filter((row) => (row.deltaRank ?? 0) < 0).sort((a, b) => byRise(b, a));
  return { risers: risers.slice(0, count), fallers: fallers.slice(0, count) };
}

export type CompareSortKey = 'rank' | 'unit' | 'before' | 'after' | 'dtotal' | 'drank';
export const COMPARE_SORT_KEYS: readonly CompareSortKey[] = [
  'rank',
  'unit',
  'before',
  'after',
  'dtotal',
  'drank'
];

const collator = new Intl.Collator('th');

/** Rows sorted by a column; rows without a value for it go last either way. `rank` = the query's order. */
export function sortCompareRows(
  rows: readonly CompareRow[],
  key: CompareSortKey,
  ascending: boolean
): CompareRow[] {
  if (key === 'rank') return ascending ? [...rows] : [...rows].reverse();
  if (key === 'unit') {
    const sorted = [...rows].sort((a, b) => collator.compare(a.name, b.name));
    return ascending ? sorted : sorted.reverse();
  }
  const value = (row: CompareRow): number | null =>
    key === 'before'
      ? (row.before?.total ?? null)
      : key === 'after'
        ? (row.after?.total ?? null)
        : key === 'dtotal'
          ? row.deltaTotal
          : row.deltaRank;
  const present = rows.filter((row) => value(row) !== null);
  const absent = rows.filter((row) => value(row) === null);
  present.sort((a, b) => ((value(a) as number) - (value(b) as number)) * (ascending ? 1 : -1));
  return [...present, ...absent];
}

/** A signed difference: `+0.35`, `-1.20`, `0.00`; '–' for null. */
export function formatDelta(delta: number | null, digits = 2): string {
  if (delta === null || !Number.isFinite(delta)) return '–';
  const text = Math.abs(delta).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${delta > 0 ? '+' : '-'}${text}`;
}

/** A difference of two percentages in points, never percent growth: `+3.2 จุด`, `-0.5 pts`. */
export function formatPointDelta(delta: number | null, lang: Lang, digits = 1): string {
  if (delta === null || !Number.isFinite(delta)) return '–';
  return `${formatDelta(delta, digits)} ${lang === 'th' ? 'จุด' : 'pts'}`;
}

/**
 * When the chosen period has nothing to compare with (a framework covering one round): the latest period
 * and the one before it, for each other grain the framework covers at least twice (quarters, then months).
 */
export function compareSuggestions(periods: readonly Period[], current: Period): [Period, Period][] {
  const suggestions: [Period, Period][] = [];
  for (const grain of ['round', 'quarter', 'month'] as const) {
    if (grain === current.grain) continue;
    const ofGrain = periods.filter((p) => p.grain === grain);
    if (ofGrain.length >= 2) suggestions.push([ofGrain[ofGrain.length - 1], ofGrain[ofGrain.length - 2]]);
  }
  return suggestions;
}
