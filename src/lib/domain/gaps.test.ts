/**
 * Gaps to the next and the target level (DESIGN §4.8), on bands from the seed letters: seed 001's
 * households-remaining table per district (lower is better, per-unit bands), its budget KPI (percent of
 * target, raw gap in baht), seed 003's ranges and rank bands, seed 000's strict and floor bands.
 */
import { describe, expect, test } from 'vitest';
import { reachableBands } from './bands';
import { builtinFramework } from '../frameworks/builtin';
import type { Band, BandOp } from './framework';
import {
  bandGap,
  effectiveBands,
  isMiss,
  missGaps,
  targetBand,
  targetPoints,
  type MeasureContext,
  type RuleBand
} from './gaps';
import { districtsOf } from './units';

function districtId(province: string, name: string): string {
  const district = districtsOf(province).find((d) => d.name === name);
  if (!district) throw new Error(`no district ${name}`);
  return district.id;
}

/** A built-in framework's bands of one KPI, with unit names resolved to unit codes as the workspace stores them. */
function seedBands(frameworkId: string, kpi: string): RuleBand[] {
  const framework = builtinFramework(frameworkId);
  if (!framework) throw new Error(`no framework ${frameworkId}`);
  return framework.bands
    .filter((band: Band) => band.kpi === kpi)
    .map((band) => ({
      level: band.level,
      points: band.points,
      op: band.op,
      value: band.value,
      value2: band.value2,
      label: band.label,
      unitId: band.unit === null ? null : districtId(framework.province as string, band.unit)
    }));
}

function rule(level: string, points: number, op: BandOp, value: number | null, value2: number | null = null) {
  return { level, points, op, value, value2, label: `${op} ${value}`, unitId: null } satisfies RuleBand;
}

const CHACHOENGSAO = 'chachoengsao-2565-r2';
const I1 = seedBands(CHACHOENGSAO, 'I1');
const T1 = seedBands(CHACHOENGSAO, 'T1');
const MUEANG = districtId('ฉะเชิงเทรา', 'เมืองฉะเชิงเทรา');
const BANG_KHLA = districtId('ฉะเชิงเทรา', 'บางคล้า');
const PHANOM = districtId('ฉะเชิงเทรา', 'พนมสารคาม');
const CHAIYAPHUM_T1 = seedBands('chaiyaphum-2562-r1', 'T1');
const CHAIYAPHUM_T3 = seedBands('chaiyaphum-2562-r1', 'T3');
const BURIRAM_M1 = seedBands('buriram-2567-q4', 'M1');
const BURIRAM_M6_1 = seedBands('buriram-2567-q4', 'M6.1');

describe('effectiveBands', () => {
  test('a district gets its own households table (seed 001 I1: เมืองฉะเชิงเทรา 67/58/48/38/29), best first', () => {
    expect(effectiveBands(I1, MUEANG).map((band) => [band.level, band.op, band.value])).toEqual([
      ['5', '<=', 29],
      ['4', '<=', 38],
      ['3', '<=', 48],
      ['2', '<=', 58],
      ['1', '<=', 67]
    ]);
  });

  test('a unit band replaces only the general band of the same level', () => {
    const bands: RuleBand[] = [
      rule('5', 5, '>=', 100),
      rule('4', 4, '>=', 90),
      { ...rule('4', 4, '>=', 80), unitId: 'u1' },
      rule('3', 3, '>=', 70)
    ];
    expect(effectiveBands(bands, 'u1').map((band) => band.value)).toEqual([100, 80, 70]);
    expect(effectiveBands(bands, 'u2').map((band) => band.value)).toEqual([100, 90, 70]);
  });
});

describe('bandGap', () => {
  const cases: {
    name: string;
    measured: number | null;
    band: Pick<RuleBand, 'level' | 'op' | 'value' | 'value2'>;
    context?: MeasureContext;
    expected: {
      reached: boolean;
      change?: 'up' | 'down' | null;
      amount?: number;
      strict?: boolean;
      raw?: unknown;
    };
  }[] = [
    {
      name: '>= below',
      measured: 96.8,
      band: rule('5', 5, '>=', 100),
      expected: { reached: false, change: 'up', amount: 3.2 }
    },
    {
      name: '>= on the edge',
      measured: 100,
      band: rule('5', 5, '>=', 100),
      expected: { reached: true, change: null }
    },
    {
      name: '> needs strictly more (seed 003 T1 level 5: มากกว่าร้อยละ 89)',
      measured: 87.5,
      band: CHAIYAPHUM_T1[0],
      expected: { reached: false, change: 'up', amount: 1.5, strict: true }
    },
    {
      name: '> on the edge is not reached',
      measured: 89,
      band: CHAIYAPHUM_T1[0],
      expected: { reached: false, amount: 0, strict: true }
    },
    {
      name: '<= above: lower is better',
      measured: 38,
      band: rule('5', 5, '<=', 29),
      expected: { reached: false, change: 'down', amount: 9 }
    },
    {
      name: '< needs strictly less (seed 000 M6.1: หนี้ต่ำกว่าร้อยละ 10)',
      measured: 11,
      band: BURIRAM_M6_1[0],
      expected: { reached: false, change: 'down', amount: 1, strict: true }
    },
    {
      name: 'between below the range',
      measured: 45,
      band: rule('1', 1, 'between', 50, 59.99),
      expected: { reached: false, change: 'up', amount: 5 }
    },
    {
      name: 'between above the range',
      measured: 25,
      band: rule('5', 5, 'between', 10, 20),
      expected: { reached: false, change: 'down', amount: 5 }
    },
    {
      name: 'between inside',
      measured: 75,
      band: rule('3', 3, 'between', 70, 79.99),
      expected: { reached: true }
    },
    {
      name: 'any always holds (seed 000 M1 level D)',
      measured: 3,
      band: BURIRAM_M1[3],
      expected: { reached: true }
    },
    {
      name: 'percent of target: the gap in baht too (seed 001 T1, 1,000,000 allocated, 970,000 spent)',
      measured: 97,
      band: rule('5', 5, '>=', 100),
      context: { measure: 'pct_of_target', value: 970_000, target: 1_000_000, baseline: null },
      expected: { reached: false, change: 'up', amount: 3, raw: { amount: 30_000, threshold: 1_000_000 } }
    },
    {
      name: 'growth over a baseline: the gap in the reported unit',
      measured: 10,
      band: rule('5', 5, '>=', 15),
      context: { measure: 'growth_pct', value: 110_000, target: null, baseline: 100_000 },
      expected: { reached: false, change: 'up', amount: 5, raw: { amount: 5_000, threshold: 115_000 } }
    },
    {
      name: 'percent of target without a target: no raw gap',
      measured: 97,
      band: rule('5', 5, '>=', 100),
      context: { measure: 'pct_of_target', value: 970_000, target: null, baseline: null },
      expected: { reached: false, amount: 3, raw: null }
    }
  ];
  test.each(cases)('$name', ({ measured, band, context, expected }) => {
    const gap = bandGap(measured, band, context);
    expect(gap).not.toBeNull();
    const { amount, raw, ...rest } = expected;
    expect(gap).toMatchObject(rest);
    if (amount !== undefined) expect(gap?.amount).toBeCloseTo(amount, 9);
    if (raw === null) expect(gap?.raw).toBeNull();
    else if (raw !== undefined) {
      const expectedRaw = raw as { amount: number; threshold: number };
      expect(gap?.raw?.amount).toBeCloseTo(expectedRaw.amount, 6);
      expect(gap?.raw?.threshold).toBeCloseTo(expectedRaw.threshold, 6);
    }
  });

  test('not reported: no gap', () => {
    expect(bandGap(null, rule('5', 5, '>=', 100))).toBeNull();
  });
});

describe('missGaps', () => {
  const cases: {
    name: string;
    bands: RuleBand[];
    unitId: string;
    measured: number | null;
    level: string | null;
    targetLevel?: string | null;
    context?: MeasureContext;
    next: [level: string, change: 'up' | 'down' | null, amount: number] | null;
    target: [level: string, change: 'up' | 'down' | null, amount: number] | null;
  }[] = [
    {
      name: 'seed 001 I1: เมืองฉะเชิงเทรา, 38 households = level 4 under its own table; ≤ 29 for level 5 → 9 fewer',
      bands: I1,
      unitId: MUEANG,
      measured: 38,
      level: '4',
      next: ['5', 'down', 9],
      target: ['5', 'down', 9]
    },
    {
      name: 'seed 001 I1: บางคล้า, 12 households = level 4 (≤ 13); level 5 is ≤ 10 → 2 fewer',
      bands: I1,
      unitId: BANG_KHLA,
      measured: 12,
      level: '4',
      next: ['5', 'down', 2],
      target: ['5', 'down', 2]
    },
    {
      name: 'seed 001 I1: เมืองฉะเชิงเทรา with 70 is below every band: 3 fewer for level 1, 41 for level 5',
      bands: I1,
      unitId: MUEANG,
      measured: 70,
      level: null,
      next: ['1', 'down', 3],
      target: ['5', 'down', 41]
    },
    {
      name: 'seed 001 I1: พนมสารคาม (๐ ๐ ๐ ๐ ๐, five "<= 0" bands): 2 left is below every band; the band to reach is level 5, not the unreachable level 1',
      bands: I1,
      unitId: PHANOM,
      measured: 2,
      level: null,
      next: ['5', 'down', 2],
      target: ['5', 'down', 2]
    },
    {
      name: 'seed 001 I1: a target level the unit cannot reach (พนมสารคาม level 3) falls to the nearest better band that it can',
      bands: I1,
      unitId: PHANOM,
      measured: 2,
      level: null,
      targetLevel: '3',
      next: ['5', 'down', 2],
      target: ['5', 'down', 2]
    },
    {
      name: 'seed 001 T1: 91.99% of the budget is level 3; level 4 needs 95% (3.01 points), the target 100%',
      bands: T1,
      unitId: MUEANG,
      measured: 91.99,
      level: '3',
      next: ['4', 'up', 3.01],
      target: ['5', 'up', 8.01]
    },
    {
      name: 'a target level below the top: level 2 must reach level 4',
      bands: T1,
      unitId: MUEANG,
      measured: 86,
      level: '2',
      targetLevel: '4',
      next: ['3', 'up', 4],
      target: ['4', 'up', 9]
    },
    {
      name: 'seed 003 T3 rank bands: rank 8 is level 4 (1–10); level 5 needs rank 5 or better',
      bands: CHAIYAPHUM_T3,
      unitId: MUEANG,
      measured: 8,
      level: '4',
      next: ['5', 'down', 3],
      target: ['5', 'down', 3]
    },
    {
      name: 'seed 000 M1: the floor band D is reached by anything; C needs 20%',
      bands: BURIRAM_M1,
      unitId: MUEANG,
      measured: 15,
      level: 'D',
      next: ['C', 'up', 5],
      target: ['A', 'up', 15]
    },
    {
      name: 'not reported: bands are known but there is no gap to measure',
      bands: T1,
      unitId: MUEANG,
      measured: null,
      level: null,
      next: null,
      target: null
    }
  ];
  test.each(cases)(
    '$name',
    ({ bands, unitId, measured, level, targetLevel = null, context, next, target }) => {
      const gaps = missGaps({ measured, level, unitId, bands, targetLevel, context });
      const shape = (gap: typeof gaps.next) =>
        gap === null ? null : [gap.band.level, gap.change, gap.amount];
      for (const [actual, expected] of [
        [shape(gaps.next), next],
        [shape(gaps.target), target]
      ] as const) {
        if (expected === null) expect(actual).toBeNull();
        else {
          expect(actual?.slice(0, 2)).toEqual(expected.slice(0, 2));
          expect(actual?.[2] as number).toBeCloseTo(expected[2], 9);
        }
      }
    }
  );
});

describe('target level', () => {
  test('default target is the unit top band; a named level takes its points from any band of that level', () => {
    // พนมสารคาม's five "<= 0" bands: level 3 can never be reached (level 5 takes 0 first), so the band that
    // meets a level-3 target is level 5; on every band, the level-3 band itself.
    const ordered = reachableBands(effectiveBands(I1, PHANOM));
    expect(ordered.map((band) => band.level)).toEqual(['5']);
    expect(targetPoints(ordered, null, I1)).toBe(5);
    expect(targetPoints(ordered, '3', I1)).toBe(3);
    expect(targetBand(ordered, '3', I1)?.level).toBe('5');
    expect(targetBand(effectiveBands(I1, PHANOM), '3', I1)?.level).toBe('3');
    expect(targetBand(effectiveBands(I1, MUEANG), '3', I1)?.value).toBe(48);
  });

  test.each([
    [null, 5, true],
    [4, 5, true],
    [5, 5, false],
    [4, 4, false],
    [4, null, false]
  ] as const)('points %s against target %s: miss %s', (points, target, expected) => {
    expect(isMiss(points, target)).toBe(expected);
  });
});
