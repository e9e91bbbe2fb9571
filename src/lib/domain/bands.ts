/**
 * Facts about a KPI's bands that the SQL scorer and the UI both need: direction (is a higher value
 * better?), the order bands are tried in, and each band's start edge used by interpolation and gaps.
 */
import type { Band } from './framework';

/** +1: a higher measured value is better; -1: lower is better ("ลดลง", households remaining). */
export type Direction = 1 | -1;

/** Bands in the order they are tried: best (most points) first; equal points keep their given order. */
export function orderBands<T extends Pick<Band, 'points'>>(bands: readonly T[]): T[] {
  return bands
    .map((band, index) => ({ band, index }))
    .sort((a, b) => b.band.points - a.band.points || a.index - b.index)
    .map(({ band }) => band);
}

/**
 * Direction of a KPI from its bands: `>=`/`>` mean higher is better, `<=`/`<` lower is better;
 * `between` bands decide by whether better bands sit at higher values. Defaults to +1.
 */
export function bandDirection(bands: readonly Band[]): Direction {
  let up = 0;
  let down = 0;
  for (const band of bands) {
    if (band.op === '>=' || band.op === '>') up++;
    else if (band.op === '<=' || band.op === '<') down++;
  }
  if (up !== down) return up > down ? 1 : -1;
  const ranged = orderBands(bands.filter((band) => band.op === 'between' && band.value !== null));
  for (let i = 1; i < ranged.length; i++) {
    const better = ranged[i - 1].value as number;
    const worse = ranged[i].value as number;
    if (better !== worse) return better > worse ? 1 : -1;
  }
  return 1;
}

/**
 * The edge of a band furthest from the better bands: where the band starts as the value improves.
 * Interpolation runs from a band's start to the next better band's start. `any` has no start.
 */
export function bandStart(band: Pick<Band, 'op' | 'value' | 'value2'>, direction: Direction): number | null {
  switch (band.op) {
    case 'any':
      return null;
    case 'between':
      return direction === 1 ? band.value : (band.value2 ?? band.value);
    default:
      return band.value;
  }
}

/** Does a measured value satisfy a band? Mirrors the SQL in src/lib/sql/scoring.ts. */
export function bandHolds(band: Pick<Band, 'op' | 'value' | 'value2'>, measured: number): boolean {
  const { value, value2 } = band;
  switch (band.op) {
    case 'any':
      return true;
    case '>=':
      return value !== null && measured >= value;
    case '>':
      return value !== null && measured > value;
    case '<=':
      return value !== null && measured <= value;
    case '<':
      return value !== null && measured < value;
    case 'between':
      return value !== null && value2 !== null && measured >= value && measured <= value2;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reachability (DESIGN §9.2: bands are tried best first and the first that holds gives the level). Bands may
// overlap, repeat or come in any order; a band every one of whose values is already caught by a band tried
// before it can never be the level. Computed exactly on the real line: each band holds on one interval.

/** The values a band holds for: one interval of the real line (ends may be ±Infinity, always open there). */
export interface BandInterval {
  low: number;
  lowOpen: boolean;
  high: number;
  highOpen: boolean;
}

/** The interval a band holds on; null when it holds for no value (a `between` with value > value2, a missing value). */
export function bandInterval(band: Pick<Band, 'op' | 'value' | 'value2'>): BandInterval | null {
  const { value, value2 } = band;
  const finite = (v: number | null): v is number => typeof v === 'number' && Number.isFinite(v);
  switch (band.op) {
    case 'any':
      return { low: -Infinity, lowOpen: true, high: Infinity, highOpen: true };
    case '>=':
      return finite(value) ? { low: value, lowOpen: false, high: Infinity, highOpen: true } : null;
    case '>':
      return finite(value) ? { low: value, lowOpen: true, high: Infinity, highOpen: true } : null;
    case '<=':
      return finite(value) ? { low: -Infinity, lowOpen: true, high: value, highOpen: false } : null;
    case '<':
      return finite(value) ? { low: -Infinity, lowOpen: true, high: value, highOpen: true } : null;
    case 'between':
      return finite(value) && finite(value2) && value <= value2
        ? { low: value, lowOpen: false, high: value2, highOpen: false }
        : null;
    default:
      return null;
  }
}

/** `a` starts at or before `b` (and, at an equal start, includes it when `b` does). */
function startsBefore(a: BandInterval, b: BandInterval): boolean {
  return a.low < b.low || (a.low === b.low && (!a.lowOpen || b.lowOpen));
}

/** `a` ends at or after `b` (and, at an equal end, includes it when `b` does). */
function endsAfter(a: BandInterval, b: BandInterval): boolean {
  return a.high > b.high || (a.high === b.high && (!a.highOpen || b.highOpen));
}

/** Two intervals whose union is one interval (they overlap, or touch at a point one of them holds). */
function joined(a: BandInterval, b: BandInterval): boolean {
  const [first, second] = startsBefore(a, b) ? [a, b] : [b, a];
  return first.high > second.low || (first.high === second.low && (!first.highOpen || !second.lowOpen));
}

/** Some value lies in both intervals (an empty interval meets nothing). */
export function intervalsMeet(a: BandInterval | null, b: BandInterval | null): boolean {
  if (a === null || b === null) return false;
  const low = startsBefore(a, b) ? b : a; // the later start
  const high = endsAfter(a, b) ? b : a; // the earlier end
  return low.low < high.high || (low.low === high.high && !low.lowOpen && !high.highOpen);
}

/** A union of intervals kept as disjoint, unjoined pieces. */
export class IntervalUnion {
  private pieces: BandInterval[] = [];

  add(interval: BandInterval | null): void {
    if (interval === null) return;
    let merged = { ...interval };
    const kept: BandInterval[] = [];
    for (const piece of this.pieces) {
      if (!joined(piece, merged)) {
        kept.push(piece);
        continue;
      }
      const low = startsBefore(piece, merged) ? piece : merged;
      const high = endsAfter(piece, merged) ? piece : merged;
      merged = { low: low.low, lowOpen: low.lowOpen, high: high.high, highOpen: high.highOpen };
    }
    kept.push(merged);
    this.pieces = kept;
  }

  list(): readonly BandInterval[] {
    return this.pieces;
  }

  /** Every value of `interval` is in the union (an empty interval always is). */
  covers(interval: BandInterval | null): boolean {
    if (interval === null) return true;
    // An interval is connected: it is covered only if one piece holds all of it.
    return this.pieces.some((piece) => startsBefore(piece, interval) && endsAfter(piece, interval));
  }
}

/** Some band holds for every value (an `any` band, or `< 60` with `>= 60`): nothing is below every band. */
export function holdsForEveryValue(bands: readonly Pick<Band, 'op' | 'value' | 'value2'>[]): boolean {
  const union = new IntervalUnion();
  for (const band of bands) union.add(bandInterval(band));
  return union.covers({ low: -Infinity, lowOpen: true, high: Infinity, highOpen: true });
}

/** The valid range of a measured value (a KPI's `min`/`max`); either end may be absent. */
export interface ValueRange {
  min: number | null;
  max: number | null;
}

/**
 * Why a band can never give the level: `shadowed` — every value it holds for meets a band tried before it;
 * `out_of_range` — the values it would be reached for lie outside the valid range. Null: it can be reached.
 */
export type Unreachable = 'shadowed' | 'out_of_range' | null;

/**
 * For bands in the order they are tried (`orderBands`), whether each can be reached. The first band is
 * reachable unless it holds for no value. `range` (optional) is where measured values can lie.
 */
export function bandReachability(
  ordered: readonly Pick<Band, 'op' | 'value' | 'value2'>[],
  range: ValueRange | null = null
): Unreachable[] {
  const better = new IntervalUnion();
  const outside = new IntervalUnion();
  if (range?.min !== null && range?.min !== undefined && Number.isFinite(range.min)) {
    outside.add({ low: -Infinity, lowOpen: true, high: range.min, highOpen: true });
  }
  if (range?.max !== null && range?.max !== undefined && Number.isFinite(range.max)) {
    outside.add({ low: range.max, lowOpen: true, high: Infinity, highOpen: true });
  }
  const out: Unreachable[] = [];
  for (const band of ordered) {
    const interval = bandInterval(band);
    if (better.covers(interval)) out.push('shadowed');
    else if (outside.list().length === 0) out.push(null);
    else {
      const withOutside = new IntervalUnion();
      for (const union of [better, outside]) for (const piece of union.list()) withOutside.add(piece);
      out.push(withOutside.covers(interval) ? 'out_of_range' : null);
    }
    better.add(interval);
  }
  return out;
}

/** The bands of `ordered` that some measured value can reach (the shadowed ones left out), in order. */
export function reachableBands<T extends Pick<Band, 'op' | 'value' | 'value2'>>(ordered: readonly T[]): T[] {
  const reach = bandReachability(ordered);
  return ordered.filter((_, index) => reach[index] !== 'shadowed');
}

/**
 * A KPI's ladders, as scoring uses them: the general one (`unit` null: the general bands), and one per unit
 * with bands of its own (its own band for a level replaces the general band of that level). Each ladder is in
 * `orderBands` order. Units are named as the bands name them.
 */
export function kpiLadders<T extends Pick<Band, 'level' | 'points' | 'unit'>>(
  bands: readonly T[]
): { unit: string | null; bands: T[] }[] {
  return [...ladders(bands, () => true)].flatMap((ladder) => (ladder.bands ? [ladder as Ladder<T>] : []));
}

interface Ladder<T> {
  unit: string | null;
  bands: T[];
}

/** The ladders of `kpiLadders`; a unit ladder is built only when `build(unit, length)` says so (else bands null). */
function* ladders<T extends Pick<Band, 'level' | 'points' | 'unit'>>(
  bands: readonly T[],
  build: (unit: string, length: number) => boolean
): Generator<{ unit: string | null; bands: T[] | null }> {
  const general: T[] = [];
  const own = new Map<string, T[]>();
  for (const band of bands) {
    if (!band.unit) general.push(band);
    else {
      const list = own.get(band.unit);
      if (list) list.push(band);
      else own.set(band.unit, [band]);
    }
  }
  yield { unit: null, bands: orderBands(general) };
  const index = new Map<T, number>(bands.map((band, i) => [band, i]));
  for (const [unit, list] of own) {
    const levels = new Set(list.map((band) => band.level));
    const kept = general.filter((band) => !levels.has(band.level));
    if (!build(unit, kept.length + list.length)) {
      yield { unit, bands: null };
      continue;
    }
    // Framework order among equal points, as the SQL's `ord`: the two lists back in input order.
    const merged = [...kept, ...list].sort((x, y) => (index.get(x) as number) - (index.get(y) as number));
    yield { unit, bands: orderBands(merged) };
  }
}

/** One ladder of a KPI with the reachability of each of its bands (same order). */
export interface LadderReach<T> {
  unit: string | null;
  bands: T[];
  reach: Unreachable[];
}

/**
 * Σ (ladder length²) over a KPI's unit ladders checked at most: a hostile file (thousands of general bands
 * and thousands of units with a band of their own) must not keep the page busy. A real framework is far below
 * it (878 districts × 10 bands is 87,800); unit ladders beyond it are listed in `unchecked`.
 */
export const UNIT_LADDER_BUDGET = 4_000_000;

/**
 * Reachability of every ladder of one KPI (`kpiLadders`): which levels can never be the level, for every
 * unit or for the units with bands of their own. `range` is where the measured value can lie (or null).
 */
export function kpiReachability<
  T extends Pick<Band, 'level' | 'points' | 'unit' | 'op' | 'value' | 'value2'>
>(bands: readonly T[], range: ValueRange | null = null): { ladders: LadderReach<T>[]; unchecked: string[] } {
  const out: LadderReach<T>[] = [];
  const unchecked: string[] = [];
  let spent = 0;
  const build = (_unit: string, length: number) => {
    spent += length ** 2;
    return spent <= UNIT_LADDER_BUDGET;
  };
  for (const ladder of ladders(bands, build)) {
    if (ladder.bands === null) unchecked.push(ladder.unit as string);
    else out.push({ unit: ladder.unit, bands: ladder.bands, reach: bandReachability(ladder.bands, range) });
  }
  return { ladders: out, unchecked };
}
