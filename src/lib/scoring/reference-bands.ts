/**
 * The reference scorer's (reference.ts) bands, DESIGN §4.2, §4.3 and §9.2 read word by word: a unit's
 * effective bands (the general ones, each level it has its own band for replaced), tried most points first;
 * the first that holds gives the level; the score interpolates towards the next better band some value can
 * reach, clamped, plus the period's adjustments, floored at 0. Used only by tests.
 */
import { bandHolds, bandStart, orderBands, type Direction } from '../domain/bands';
import type { Band, Framework, Kpi } from '../domain/framework';

/** A measured KPI banded: below every band, or the band reached with its score. */
export type Banded =
  { status: 'below' } | { status: 'ok'; level: string; points: number; score: number; atTop: boolean };

/** Bands `measured` on the unit's effective bands of `kpi`; `adjust` is the period's summed adjustment. */
export function bandMeasured(
  framework: Framework,
  kpi: Kpi,
  unitId: string,
  measured: number,
  adjust: number,
  direction: Direction,
  resolveUnit: (name: string) => string | null
): Banded {
  const bands = effectiveBands(framework, kpi.kpi, unitId, resolveUnit);
  const tried = orderBands(bands);
  let matched = -1;
  for (let i = 0; i < tried.length; i++) {
    if (bandHolds(tried[i], measured)) {
      matched = i;
      break;
    }
  }
  if (matched === -1) return { status: 'below' };
  const band = tried[matched];
  let score = kpi.interpolate ? interpolatedScore(tried, matched, measured, direction) : band.points;
  score = score + adjust;
  if (score < 0) score = 0;
  let best = -Infinity;
  for (const b of bands) if (b.points > best) best = b.points;
  return { status: 'ok', level: band.level, points: band.points, score, atTop: band.points >= best };
}

/**
 * The score of `tried[matched]` interpolated from its start edge towards the start of the next better band
 * that can be reached, clamped to [points, next points]; the band's points when there is no such band or the
 * two starts are equal or unknown.
 */
function interpolatedScore(
  tried: readonly Band[],
  matched: number,
  measured: number,
  dir: Direction
): number {
  const band = tried[matched];
  let score = band.points;
  let next = matched - 1;
  while (next >= 0 && !canBeReached(tried, next)) next--;
  if (next >= 0) {
    const better = tried[next];
    const start = bandStart(band, dir);
    const nextStart = bandStart(better, dir);
    if (start !== null && nextStart !== null && nextStart !== start) {
      const fraction = (measured - start) / (nextStart - start);
      score = band.points + (better.points - band.points) * fraction;
      const low = Math.min(band.points, better.points);
      const high = Math.max(band.points, better.points);
      if (score < low) score = low;
      if (score > high) score = high;
    }
  }
  return score;
}

/**
 * Whether some value makes `tried[index]` the first band that holds. Tried at every band edge, halfway
 * between each two edges and beyond the outermost: between two neighbouring edges no band changes its mind.
 */
function canBeReached(tried: readonly Band[], index: number): boolean {
  const edges: number[] = [];
  for (const band of tried) {
    if (band.value !== null) edges.push(band.value);
    if (band.value2 !== null) edges.push(band.value2);
  }
  edges.sort((a, b) => a - b);
  const probes = edges.length === 0 ? [0] : [edges[0] - 1, edges[edges.length - 1] + 1, ...edges];
  for (let i = 1; i < edges.length; i++) probes.push((edges[i - 1] + edges[i]) / 2);
  for (const x of probes) {
    let first = -1;
    for (let i = 0; i < tried.length; i++) {
      if (bandHolds(tried[i], x)) {
        first = i;
        break;
      }
    }
    if (first === index) return true;
  }
  return false;
}

/** Points of the KPI's best general band (of any band when it has only per-unit bands); 0 without bands. */
export function topPointsOf(framework: Framework, kpiId: string): number {
  const own = framework.bands.filter((band) => band.kpi === kpiId);
  const general = own.filter((band) => band.unit === null);
  let best: number | null = null;
  for (const band of general.length > 0 ? general : own)
    if (best === null || band.points > best) best = band.points;
  return best ?? 0;
}

/** The unit's bands: the general ones, each level the unit has its own band for replaced by the unit's. */
function effectiveBands(
  framework: Framework,
  kpiId: string,
  unitId: string,
  resolveUnit: (name: string) => string | null
): Band[] {
  const own: Band[] = [];
  for (const band of framework.bands) {
    if (band.kpi === kpiId && band.unit !== null && resolveUnit(band.unit) === unitId) own.push(band);
  }
  const ownLevels = new Set(own.map((band) => band.level));
  const bands: Band[] = [];
  // Keep the framework's order, so that equal points are tried in the order given.
  for (const band of framework.bands) {
    if (band.kpi !== kpiId) continue;
    if (band.unit === null && !ownLevels.has(band.level)) bands.push(band);
    else if (own.includes(band)) bands.push(band);
  }
  return bands;
}
