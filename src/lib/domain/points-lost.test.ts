/**
 * Weighted points lost and the next steps (issue 13 §4), by hand on a small framework: KPIs A (weight 60,
 * top 5), B (weight 30, top 5), C (weight 10, top 3); Σ weights = 100, so one point of A is worth 0.6 of the
 * total, one of B 0.3, one of C 0.1.
 */
import { describe, expect, test } from 'vitest';
import { byPointsLost, nextSteps, pointsLost, weightedGain, type StepCandidate } from './points-lost';

const A = { weight: 60, weightSum: 100 };
const B = { weight: 30, weightSum: 100 };
const C = { weight: 10, weightSum: 100 };

describe('pointsLost', () => {
  test.each([
    // A at 3 of 5: (5 − 3) × 60 ÷ 100 = 1.2
    [5, { ...A, score: 3 }, 1.2],
    // B below every band (score 0): 5 × 30 ÷ 100 = 1.5
    [5, { ...B, score: 0 }, 1.5],
    // C interpolated at 2.5 of 3: 0.5 × 10 ÷ 100 = 0.05
    [3, { ...C, score: 2.5 }, 0.05],
    // An adjusted score above the top loses nothing.
    [5, { ...A, score: 5.5 }, 0],
    // A framework without weights: every KPI weighs 1, three KPIs: (5 − 2) × 1 ÷ 3 = 1
    [5, { weight: 1, weightSum: 3, score: 2 }, 1]
  ])('top %d with %o loses %d', (top, at, expected) => {
    expect(pointsLost(top, at)).toBeCloseTo(expected, 12);
  });

  test('no bands, or weights that sum to 0, lose nothing', () => {
    expect(pointsLost(null, { ...A, score: 0 })).toBe(0);
    expect(weightedGain(5, { weight: 0, weightSum: 0, score: 0 })).toBe(0);
  });
});

describe('byPointsLost', () => {
  test('largest first; ties by unit name in Thai order, then by KPI order', () => {
    const rows = [
      { id: 'x', unit: 'บางคล้า', kpiOrder: 1, pointsLost: 0.6 },
      { id: 'y', unit: 'กบินทร์', kpiOrder: 0, pointsLost: 0.3 },
      { id: 'z', unit: 'บางคล้า', kpiOrder: 0, pointsLost: 0.6 },
      { id: 'w', unit: 'กบินทร์', kpiOrder: 2, pointsLost: 0.6 },
      { id: 'v', unit: 'เมือง', kpiOrder: 0, pointsLost: 3 },
      // 0.1 + 0.2 prints as 0.3000: it ties with 0.3 and falls back to the unit name.
      { id: 'u', unit: 'ก', kpiOrder: 0, pointsLost: 0.1 + 0.2 }
    ];
    expect(byPointsLost(rows).map((row) => row.id)).toEqual(['v', 'w', 'z', 'x', 'u', 'y']);
  });
});

describe('nextSteps', () => {
  type Gap = { level: string; amount: number };
  const reach = (level: string, points: number, amount: number) => ({
    level,
    amount,
    band: { points }
  });
  const candidate = (
    kpi: string,
    kpiOrder: number,
    weights: { weight: number; weightSum: number },
    fields: Partial<StepCandidate<Gap>>
  ): StepCandidate<Gap> => ({
    kpi,
    kpiOrder,
    status: 'ok',
    next: null,
    worstPoints: 1,
    score: 0,
    ...weights,
    ...fields
  });

  test('picks the three worth the most: next band points − score, weighted', () => {
    const steps = nextSteps([
      // A level 3 → 4: (4 − 3) × 0.6 = 0.6
      candidate('A', 0, A, { score: 3, next: reach('4', 4, 5) }),
      // B below every band → worst band (1 point): (1 − 0) × 0.3 = 0.3
      candidate('B', 1, B, { status: 'below', next: reach('1', 1, 12) }),
      // C level 1 → 3 in one band (2 is unreachable): (3 − 1) × 0.1 = 0.2
      candidate('C', 2, C, { score: 1, next: reach('3', 3, 2) }),
      // D not reported, worst band 2 points, weight 60: report it, (2 − 0) × 0.6 = 1.2
      candidate('D', 3, A, { status: 'missing', worstPoints: 2 }),
      // E at an unreachable top (no better band): no step
      candidate('E', 4, A, { score: 4, next: null }),
      // F weight 0: no step
      candidate('F', 5, { weight: 0, weightSum: 100 }, { score: 1, next: reach('2', 2, 1) })
    ]);
    expect(steps.map((step) => [step.kind, step.kpi, Number(step.gain.toFixed(4))])).toEqual([
      ['report', 'D', 1.2],
      ['reach', 'A', 0.6],
      ['reach', 'B', 0.3]
    ]);
    expect(steps[0]).toMatchObject({ kind: 'report', points: 2 });
    expect(steps[1]).toMatchObject({ kind: 'reach', gap: { level: '4', amount: 5 } });
  });

  test('equal gains keep the framework order; fewer candidates give fewer steps', () => {
    const steps = nextSteps(
      [
        candidate('B', 1, B, { score: 1, next: reach('2', 2, 1) }),
        candidate('A', 0, { weight: 15, weightSum: 100 }, { score: 2, next: reach('4', 4, 1) }),
        candidate('C', 2, C, { status: 'missing', worstPoints: null })
      ],
      3
    );
    // A: 2 × 0.15 = 0.3, B: 1 × 0.3 = 0.3 — a tie, A comes first; C has no bands: nothing to report into.
    expect(steps.map((step) => step.kpi)).toEqual(['A', 'B']);
  });
});
