/**
 * Gaps (DESIGN §4.8): the smallest change of a KPI's measured value that reaches a band — the next level,
 * the target level, or (below every band) the worst band. Pure: it works on the bands that apply to one
 * unit (`effectiveBands`: a unit's own band for a level replaces the general band of that level).
 *
 * A gap is in the measured value's own unit and direction (`>=`/`>` must rise, `<=`/`<` must fall,
 * `between` moves to the nearer edge). For `pct_of_target` and `growth_pct` it is also given in the reported
 * value's unit when the target or baseline is known (`raw`).
 */
import { orderBands, reachableBands } from './bands';
import type { BandOp, Measure } from './framework';

/** A band as stored for scoring: `unitId` null = the general band, else that unit's own band. */
export interface RuleBand {
  level: string;
  points: number;
  op: BandOp;
  value: number | null;
  value2: number | null;
  label: string;
  unitId: string | null;
}

/** What must happen to the measured value to reach a band. */
export interface BandGap {
  level: string;
  /** The value already satisfies the band. */
  reached: boolean;
  /** `up`: the value must rise; `down`: it must fall; null when reached. */
  change: 'up' | 'down' | null;
  /** The smallest change (≥ 0) in the measured unit; for a strict band (`>`, `<`) the change must exceed it. */
  amount: number;
  /** The edge to reach (the value the band starts at, from the side the value is on). */
  threshold: number | null;
  /** True for `>` and `<`: the edge itself does not count. */
  strict: boolean;
  /** The same gap in the reported value's unit (pct_of_target with a target, growth_pct with a baseline). */
  raw: { amount: number; threshold: number } | null;
}

/** The aggregated figures a measured value came from. */
export interface MeasureContext {
  measure: Measure;
  value: number | null;
  target: number | null;
  baseline: number | null;
}

/**
 * The bands that apply to one unit, in the order they are tried (best first): the unit's own band for a
 * level replaces the general band of that level (as src/lib/sql/scoring.ts does).
 */
export function effectiveBands<T extends Pick<RuleBand, 'level' | 'points' | 'unitId'>>(
  bands: readonly T[],
  unitId: string
): T[] {
  const ownLevels = new Set(bands.filter((band) => band.unitId === unitId).map((band) => band.level));
  return orderBands(
    bands.filter((band) => band.unitId === unitId || (band.unitId === null && !ownLevels.has(band.level)))
  );
}

/** The band just better than the one reached (`level`); null at the top or when the level is unknown. */
export function nextBand<T extends Pick<RuleBand, 'level'>>(
  ordered: readonly T[],
  level: string | null
): T | null {
  if (level === null) return null;
  const index = ordered.findIndex((band) => band.level === level);
  return index > 0 ? ordered[index - 1] : null;
}

/** The band tried last (fewest points): where a value below every band must get to first. */
export function worstBand<T>(ordered: readonly T[]): T | null {
  return ordered.length > 0 ? ordered[ordered.length - 1] : null;
}

/**
 * Points that count as meeting the target: the points of the target level (looked up among all of the KPI's
 * bands, so a unit without a band of that level still has a target), else the unit's top points.
 */
export function targetPoints(
  ordered: readonly Pick<RuleBand, 'points'>[],
  targetLevel: string | null,
  kpiBands: readonly Pick<RuleBand, 'level' | 'points'>[] = []
): number | null {
  if (ordered.length === 0) return null;
  const top = ordered[0].points;
  if (targetLevel === null) return top;
  const atLevel = kpiBands.filter((band) => band.level === targetLevel).map((band) => band.points);
  const points = atLevel.length > 0 ? Math.max(...atLevel) : top;
  return Math.min(points, top);
}

/** The worst band of a unit that still meets the target: the nearest band that ends a miss. */
export function targetBand<T extends Pick<RuleBand, 'points'>>(
  ordered: readonly T[],
  targetLevel: string | null,
  kpiBands: readonly Pick<RuleBand, 'level' | 'points'>[] = []
): T | null {
  const points = targetPoints(ordered, targetLevel, kpiBands);
  if (points === null) return null;
  let found: T | null = null;
  for (const band of ordered)
    if (band.points >= points && (found === null || band.points < found.points)) found = band;
  return found;
}

/** Whether a reached level (its points) is below the target; a missing or below-every-band KPI always misses. */
export function isMiss(points: number | null, target: number | null): boolean {
  if (points === null) return true;
  return target !== null && points < target;
}

/** The reported value that gives a measured value, for measures that are a formula of it. */
function rawFor(measured: number, context: MeasureContext | undefined): number | null {
  if (!context) return null;
  if (context.measure === 'pct_of_target' && context.target !== null && context.target !== 0) {
    return (measured * context.target) / 100;
  }
  if (context.measure === 'growth_pct' && context.baseline !== null && context.baseline !== 0) {
    return context.baseline * (1 + measured / 100);
  }
  return null;
}

function moveTo(
  level: string,
  measured: number,
  threshold: number,
  strict: boolean,
  context: MeasureContext | undefined
): BandGap {
  const change = threshold >= measured ? 'up' : 'down';
  const rawThreshold = rawFor(threshold, context);
  const raw =
    rawThreshold !== null && context?.value !== null && context?.value !== undefined
      ? { amount: Math.abs(rawThreshold - context.value), threshold: rawThreshold }
      : null;
  return { level, reached: false, change, amount: Math.abs(threshold - measured), threshold, strict, raw };
}

function reached(level: string, threshold: number | null): BandGap {
  return { level, reached: true, change: null, amount: 0, threshold, strict: false, raw: null };
}

/**
 * The smallest change of `measured` that satisfies `band`: `>=` x needs x − value more; `>` x needs more
 * than that (strict); `<=`/`<` the reverse; `between` the nearer edge; `any` is always reached.
 * Null when there is no measured value (not reported) or the band has no threshold to reach.
 */
export function bandGap(
  measured: number | null,
  band: Pick<RuleBand, 'level' | 'op' | 'value' | 'value2'>,
  context?: MeasureContext
): BandGap | null {
  if (measured === null || !Number.isFinite(measured)) return null;
  const { level, op, value, value2 } = band;
  if (op === 'any') return reached(level, null);
  if (value === null) return null;
  switch (op) {
    case '>=':
      return measured >= value ? reached(level, value) : moveTo(level, measured, value, false, context);
    case '>':
      return measured > value ? reached(level, value) : moveTo(level, measured, value, true, context);
    case '<=':
      return measured <= value ? reached(level, value) : moveTo(level, measured, value, false, context);
    case '<':
      return measured < value ? reached(level, value) : moveTo(level, measured, value, true, context);
    case 'between': {
      const high = value2 ?? Infinity;
      if (measured < value) return moveTo(level, measured, value, false, context);
      if (measured > high) return moveTo(level, measured, high, false, context);
      return reached(level, measured - value <= high - measured ? value : high);
    }
  }
}

/** The gaps a miss is described by. */
export interface MissGaps {
  /** The band to reach next: the next better level, or the worst band when below every band. */
  next: (BandGap & { band: RuleBand }) | null;
  /** The band that meets the target level. */
  target: (BandGap & { band: RuleBand }) | null;
}

/**
 * The gaps of one unit's KPI: to the next level (to the worst band when below every band) and to the
 * target level, among the bands some value can reach. `bands` are every band of the KPI (general and
 * per-unit), in the framework's order.
 */
export function missGaps(input: {
  measured: number | null;
  level: string | null;
  unitId: string;
  bands: readonly RuleBand[];
  targetLevel: string | null;
  context?: MeasureContext;
  /** `reachableBands(effectiveBands(bands, unitId))` when the caller has it already (one per ladder). */
  ordered?: readonly RuleBand[];
}): MissGaps {
  // Bands may overlap (DESIGN §9.2): a band no value can reach is never the next level nor the target's.
  const ordered = input.ordered ?? reachableBands(effectiveBands(input.bands, input.unitId));
  const nextRule = input.level === null ? worstBand(ordered) : nextBand(ordered, input.level);
  const targetRule = targetBand(ordered, input.targetLevel, input.bands);
  const gapTo = (band: RuleBand | null) => {
    if (band === null) return null;
    const gap = bandGap(input.measured, band, input.context);
    return gap === null ? null : { ...gap, band };
  };
  return { next: gapTo(nextRule), target: gapTo(targetRule) };
}
