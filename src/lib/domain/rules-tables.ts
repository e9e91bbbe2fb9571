/**
 * The shapes of the rules page (เกณฑ์): KPIs grouped as the letter groups them, the sub-items of a
 * composite, and per-unit bands and targets as tables (rows units, columns levels or months). Pure.
 */
import { kpiReachability, type Unreachable } from './bands';
import type { Band, Framework, FrameworkIssue, Kpi } from './framework';
import { measuredRange } from './framework-validate';

export interface KpiGroup {
  /** The group as the letter names it; null for KPIs without a group. */
  group: string | null;
  /** Top-level KPIs of the group, in framework order. */
  kpis: Kpi[];
  /** Sum of the group's weights; null when no KPI of the group has a weight. */
  weightSum: number | null;
}

/** Top-level KPIs by group, groups in order of first appearance (KPIs without a group form their own). */
export function kpiGroups(fw: Framework): KpiGroup[] {
  const groups: KpiGroup[] = [];
  for (const kpi of fw.kpis) {
    if (kpi.parent !== null) continue;
    let entry = groups.find((candidate) => candidate.group === kpi.group);
    if (!entry) {
      entry = { group: kpi.group, kpis: [], weightSum: null };
      groups.push(entry);
    }
    entry.kpis.push(kpi);
    if (kpi.weight !== null && Number.isFinite(kpi.weight)) {
      entry.weightSum = roundSum((entry.weightSum ?? 0) + kpi.weight);
    }
  }
  return groups;
}

/** Sums like 0.1 + 0.2 shown as 0.3. */
function roundSum(value: number): number {
  return Number(value.toFixed(9));
}

/** The sub-items of a composite, in framework order. */
export function subItemsOf(fw: Framework, kpiId: string): Kpi[] {
  return fw.kpis.filter((kpi) => kpi.parent === kpiId && kpi.kpi !== kpiId);
}

/** A KPI's bands that apply to every unit, in framework order (the letter's order). */
export function generalBands(fw: Framework, kpiId: string): Band[] {
  return fw.bands.filter((band) => band.kpi === kpiId && band.unit === null);
}

export interface UnitBandCell {
  band: Band;
  /** False: the unit has no band of its own for this level and the general band applies. */
  own: boolean;
}

export interface UnitBandTable {
  /** Level labels, in the order the letter lists them (worst first when its bands run worst first). */
  levels: string[];
  rows: { unit: string; cells: (UnitBandCell | null)[] }[];
}

/** Per-unit bands of a KPI as a table (rows units, columns levels); null when it has none. */
export function unitBandTable(fw: Framework, kpiId: string): UnitBandTable | null {
  const bands = fw.bands.filter((band) => band.kpi === kpiId);
  const units = distinct(bands.flatMap((band) => (band.unit === null ? [] : [band.unit])));
  if (units.length === 0) return null;
  const levels = levelsInLetterOrder(bands);
  const general = new Map<string, Band>();
  for (const band of bands) if (band.unit === null && !general.has(band.level)) general.set(band.level, band);
  const rows = units.map((unit) => ({
    unit,
    cells: levels.map((level): UnitBandCell | null => {
      const own = bands.find((band) => band.unit === unit && band.level === level);
      if (own) return { band: own, own: true };
      const fallback = general.get(level);
      return fallback ? { band: fallback, own: false } : null;
    })
  }));
  return { levels, rows };
}

/** Distinct levels by points; ascending when the KPI's bands are listed worst first (as letters do), else descending. */
function levelsInLetterOrder(bands: readonly Band[]): string[] {
  const points = new Map<string, number>();
  for (const band of bands) if (!points.has(band.level)) points.set(band.level, band.points);
  // The order of one set: the general bands, or the first unit's own bands.
  const general = bands.filter((band) => band.unit === null);
  const set = general.length > 0 ? general : bands.filter((band) => band.unit === bands[0]?.unit);
  const ascending = (set[0]?.points ?? 0) <= (set[set.length - 1]?.points ?? 0);
  const position = new Map([...points.keys()].map((level, index) => [level, index]));
  return [...points.keys()].sort((a, b) => {
    const diff = (points.get(a) as number) - (points.get(b) as number);
    return (ascending ? diff : -diff) || (position.get(a) as number) - (position.get(b) as number);
  });
}

export interface UnitTargetTable {
  kpi: string;
  field: 'target' | 'baseline';
  /** ISO months ascending; null = a value for every month (shown first). */
  months: (string | null)[];
  rows: { unit: string; values: (number | null)[] }[];
}

/** Per-unit targets and baselines of a KPI: a table per field that has any value (target first). */
export function unitTargetTables(fw: Framework, kpiId: string): UnitTargetTable[] {
  const targets = fw.targets.filter((target) => target.kpi === kpiId);
  const tables: UnitTargetTable[] = [];
  for (const field of ['target', 'baseline'] as const) {
    const rows = targets.filter((target) => target[field] !== null && Number.isFinite(target[field]));
    if (rows.length === 0) continue;
    const dated = distinct(rows.flatMap((row) => (row.month === null ? [] : [row.month]))).sort();
    const months: (string | null)[] = rows.some((row) => row.month === null) ? [null, ...dated] : dated;
    const units = distinct(rows.map((row) => row.unit));
    tables.push({
      kpi: kpiId,
      field,
      months,
      rows: units.map((unit) => ({
        unit,
        values: months.map(
          (month) => rows.find((row) => row.unit === unit && row.month === month)?.[field] ?? null
        )
      }))
    });
  }
  return tables;
}

function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * Issues told once: the same severity and message found twice (by the file reader as `kpis.csv:2` and again
 * when the framework is stored, as `B1`) keeps its first, located, telling.
 */
export function distinctIssues(issues: readonly FrameworkIssue[]): FrameworkIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.severity}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Levels of a KPI that can never be reached (DESIGN §9.2: bands are tried best first, the first that holds
 * gives the level), as the validator tells them: for the general bands (`units` null), and for units with
 * bands of their own whose unreachable levels differ from the general ones, units with the same levels
 * together. `why`: `shadowed` (a better band takes every value first) or `out_of_range` (only values outside
 * the KPI's valid range would reach it).
 */
export interface UnreachableNote {
  units: string[] | null;
  levels: string[];
  why: Exclude<Unreachable, null>;
}

export interface UnreachableLevels {
  notes: UnreachableNote[];
  /** Unreachable levels of the general ladder, and of each unit's own ladder, for marking table cells. */
  general: ReadonlySet<string>;
  byUnit: ReadonlyMap<string, ReadonlySet<string>>;
}

export function unreachableLevels(fw: Framework, kpiId: string): UnreachableLevels {
  const kpi = fw.kpis.find((candidate) => candidate.kpi === kpiId);
  const bands = fw.bands.filter(
    (band) => band.kpi === kpiId && typeof band.points === 'number' && Number.isFinite(band.points)
  );
  const range = kpi ? measuredRange(kpi) : null;
  const { ladders } = kpiReachability(bands, range);
  const notes: UnreachableNote[] = [];
  const general = new Set<string>();
  const byUnit = new Map<string, Set<string>>();
  const generalKeys = new Map<string, string>();
  for (const why of ['shadowed', 'out_of_range'] as const) {
    for (const ladder of ladders) {
      const levels = ladder.bands.filter((_, i) => ladder.reach[i] === why).map((band) => band.level);
      const key = levels.join('\u0000');
      if (ladder.unit === null) {
        generalKeys.set(why, key);
        levels.forEach((level) => general.add(level));
        if (levels.length > 0) notes.push({ units: null, levels, why });
        continue;
      }
      const marked = byUnit.get(ladder.unit) ?? new Set<string>();
      levels.forEach((level) => marked.add(level));
      byUnit.set(ladder.unit, marked);
      if (levels.length === 0 || key === generalKeys.get(why)) continue;
      const same = notes.find(
        (note) => note.units !== null && note.why === why && note.levels.join('\u0000') === key
      );
      if (same) same.units!.push(ladder.unit);
      else notes.push({ units: [ladder.unit], levels, why });
    }
  }
  return { notes, general, byUnit };
}
