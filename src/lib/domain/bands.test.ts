/**
 * Reachability of bands (DESIGN §9.2: tried best first, the first that holds gives the level): hand cases,
 * and a property test against an oracle that tries the values where the answer can change (every edge,
 * between every two edges, beyond the outermost) with `bandHolds` — no intervals involved.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  UNIT_LADDER_BUDGET,
  bandHolds,
  bandReachability,
  holdsForEveryValue,
  kpiLadders,
  kpiReachability,
  reachableBands,
  type Unreachable
} from './bands';
import type { Band, BandOp } from './framework';

type Spec = Pick<Band, 'op' | 'value' | 'value2'>;
const b = (op: BandOp, value: number | null = null, value2: number | null = null): Spec => ({
  op,
  value,
  value2
});

describe('bandReachability: hand cases', () => {
  it.each<[string, Spec[], Unreachable[]]>([
    [
      'five "<= 0" (seed 001, พนมสารคาม ๐ ๐ ๐ ๐ ๐)',
      Array(5).fill(b('<=', 0)),
      [null, 'shadowed', 'shadowed', 'shadowed', 'shadowed']
    ],
    ['a monotone ladder', [b('>=', 100), b('>=', 90), b('>=', 80)], [null, null, null]],
    ['unordered: ">= 80" before ">= 90"', [b('>=', 80), b('>=', 90), b('>=', 70)], [null, 'shadowed', null]],
    ['"> 100" then ">= 100": exactly 100 is left for the second', [b('>', 100), b('>=', 100)], [null, null]],
    ['">= 100" then "> 100": nothing left', [b('>=', 100), b('>', 100)], [null, 'shadowed']],
    ['"< 5", "> 5", then exactly 5', [b('<', 5), b('>', 5), b('between', 5, 5)], [null, null, null]],
    ['"< 5", "> 5", then 4–6', [b('<', 5), b('>', 5), b('between', 4, 6)], [null, null, null]],
    ['"<= 5", "> 5", then anything', [b('<=', 5), b('>', 5), b('any')], [null, null, 'shadowed']],
    [
      '0–5 and 5–10 cover 2–8',
      [b('between', 0, 5), b('between', 5, 10), b('between', 2, 8)],
      [null, null, 'shadowed']
    ],
    [
      '0–5 and 6–10 leave (5, 6) of 2–8',
      [b('between', 0, 5), b('between', 6, 10), b('between', 2, 8)],
      [null, null, null]
    ],
    ['an any band first', [b('any'), b('>=', 1), b('<', 0)], [null, 'shadowed', 'shadowed']],
    ['a band that holds for nothing', [b('>=', 1), b('between', 5, 1)], [null, 'shadowed']]
  ])('%s', (_name, ordered, expected) => {
    expect(bandReachability(ordered)).toEqual(expected);
  });

  it('a valid range: steps 0–5 cannot reach "> 5" nor ">= 6"; a band that starts inside it can', () => {
    const ladder = [b('>', 5), b('>=', 6), b('>=', 5), b('>=', 4), b('<', 0)];
    expect(bandReachability(ladder, { min: 0, max: 5 })).toEqual([
      'out_of_range',
      'shadowed',
      null,
      null,
      'out_of_range'
    ]);
    expect(bandReachability(ladder, { min: null, max: null })).toEqual([null, 'shadowed', null, null, null]);
  });

  it.each<[string, Spec[], boolean]>([
    ['an any band', [b('>=', 5), b('any')], true],
    ['"< 60" under ">= 60"', [b('>=', 80), b('>=', 60), b('<', 60)], true],
    ['"<= 60" and "> 60"', [b('<=', 60), b('>', 60)], true],
    ['"< 60" and "> 60" leave 60', [b('<', 60), b('>', 60)], false],
    ['">=" bands alone', [b('>=', 80), b('>=', 60)], false]
  ])('holdsForEveryValue: %s → %s', (_name, bands, expected) => {
    expect(holdsForEveryValue(bands)).toBe(expected);
  });

  it('reachableBands keeps the order and drops the shadowed ones', () => {
    const ladder = [b('>=', 80), b('>=', 90), b('>=', 70)];
    expect(reachableBands(ladder)).toEqual([ladder[0], ladder[2]]);
  });
});

describe('kpiLadders / kpiReachability', () => {
  const band = (level: number, op: BandOp, value: number | null, unit: string | null = null): Band => ({
    kpi: 'k',
    level: String(level),
    points: level,
    op,
    value,
    value2: null,
    unit,
    label: ''
  });

  it("a unit's own band replaces the general band of its level; ladders are best first", () => {
    const bands = [band(1, '>=', 60), band(2, '>=', 70), band(2, '>=', 75, 'บางคล้า'), band(3, '>=', 80)];
    const ladders = kpiLadders(bands);
    expect(ladders.map((l) => [l.unit, l.bands.map((x) => x.value)])).toEqual([
      [null, [80, 70, 60]],
      ['บางคล้า', [80, 75, 60]]
    ]);
  });

  it('names the unreachable levels per ladder', () => {
    const bands = [
      band(3, '>=', 80),
      band(2, '>=', 70),
      band(1, '>=', 60),
      band(2, '>=', 85, 'บางคล้า') // caught by the general level 3 (>= 80)
    ];
    const { ladders, unchecked } = kpiReachability(bands);
    expect(unchecked).toEqual([]);
    expect(ladders.map((l) => [l.unit, l.bands.filter((_, i) => l.reach[i]).map((x) => x.level)])).toEqual([
      [null, []],
      ['บางคล้า', ['2']]
    ]);
  });

  it('a hostile file (2,500 general ranges and 2,500 units with a band of their own) stays within budget', () => {
    const bands: Band[] = [];
    for (let i = 0; i < 2500; i++) bands.push({ ...band(i + 1, 'between', i * 10), value2: i * 10 + 5 });
    for (let u = 0; u < 2500; u++) bands.push(band(1, '>=', u, `unit ${u}`));
    const started = performance.now();
    const { ladders, unchecked } = kpiReachability(bands);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(ladders.length + unchecked.length).toBe(2501);
    expect(unchecked.length).toBeGreaterThan(0);
    const checked = ladders.filter((l) => l.unit !== null).reduce((sum, l) => sum + l.bands.length ** 2, 0);
    expect(checked).toBeLessThanOrEqual(UNIT_LADDER_BUDGET);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Property: the intervals agree with trying values one by one.

const EDGES = [-3, -1, 0, 0.5, 1, 2, 5, 10];
const spec: fc.Arbitrary<Spec> = fc.oneof(
  fc.record({
    op: fc.constantFrom<BandOp>('>=', '>', '<=', '<'),
    value: fc.constantFrom(...EDGES),
    value2: fc.constant(null)
  }),
  fc
    .tuple(fc.constantFrom(...EDGES), fc.constantFrom(...EDGES))
    .map(([x, y]): Spec => ({ op: 'between', value: Math.min(x, y), value2: Math.max(x, y) })),
  fc.constant<Spec>({ op: 'any', value: null, value2: null })
);

/** The values where which bands hold can change: the edges, midpoints between them, and beyond both ends. */
function probes(ladder: readonly Spec[], extra: number[] = []): number[] {
  const edges = [...new Set([...ladder.flatMap((x) => [x.value, x.value2]), ...extra])]
    .filter((v): v is number => v !== null)
    .sort((x, y) => x - y);
  if (edges.length === 0) return [0];
  const points = [edges[0] - 1, edges[edges.length - 1] + 1, ...edges];
  for (let i = 1; i < edges.length; i++) points.push((edges[i - 1] + edges[i]) / 2);
  return points;
}

/** Oracle: a band is reachable when some probe meets it and no band before it. */
function oracle(
  ladder: readonly Spec[],
  range: { min: number | null; max: number | null } | null
): Unreachable[] {
  const extra = [range?.min, range?.max].filter((v): v is number => v !== null && v !== undefined);
  const values = probes(ladder, extra);
  const inRange = (x: number) =>
    range === null || ((range.min === null || x >= range.min) && (range.max === null || x <= range.max));
  return ladder.map((band, i) => {
    const first = (x: number) =>
      bandHolds(band, x) && !ladder.slice(0, i).some((better) => bandHolds(better, x));
    if (!values.some(first)) return 'shadowed';
    return values.some((x) => first(x) && inRange(x)) ? null : 'out_of_range';
  });
}

describe('bandReachability: property', () => {
  it('agrees with trying the values one by one, with and without a valid range', () => {
    const range = fc.option(
      fc
        .tuple(fc.option(fc.constantFrom(...EDGES)), fc.option(fc.constantFrom(...EDGES)))
        .map(([x, y]) => (x !== null && y !== null && x > y ? { min: y, max: x } : { min: x, max: y })),
      { nil: null }
    );
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 7 }), range, (ladder, r) => {
        expect(bandReachability(ladder, r)).toEqual(oracle(ladder, r));
      }),
      { numRuns: 3000 }
    );
  });
});
