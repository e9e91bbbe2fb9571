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
