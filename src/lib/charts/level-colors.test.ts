import { describe, expect, it } from 'vitest';
import {
  BELOW_STYLE,
  LEVEL_STEPS,
  MISSING_STYLE,
  legendScales,
  legendSwatches,
  levelStep,
  levelStyle
} from './level-colors';

describe('levelStep', () => {
  it.each([
    [5, 5, 5],
    [4, 5, 4],
    [1, 5, 1],
    [3, 5, 3],
    [4, 4, 5], // A on an A–D scale (A=4)
    [3, 4, 4], // B
    [2, 4, 3], // C
    [1, 4, 1], // D on an A–D scale: the worst grade looks like the worst level
    [2, 5, 2], // level 2 of 5 stays on step 2
    [1, 5, 1],
    [30, 100, 2], // a points scale: by its share of the top
    [25, 100, 1],
    [7, 10, 4], // a 10/9/8/7 points sub-item
    [null, 5, 1],
    [0, 5, 1]
  ])('points %s of %s → step %s', (points, top, step) => {
    expect(levelStep(points, top)).toBe(step);
  });
});

describe('levelStyle', () => {
  it('gives below and missing their own looks', () => {
    expect(levelStyle('below', null, 5)).toBe(BELOW_STYLE);
    expect(levelStyle('missing', null, 5)).toBe(MISSING_STYLE);
    expect(levelStyle('ok', 5, 5)).toBe(LEVEL_STEPS[4]);
  });
});

describe('legendSwatches', () => {
  it('names the grades of the scale, best first, in the steps their levels are drawn in', () => {
    expect(legendSwatches('A-D')).toEqual([
      { label: 'A', step: 5 },
      { label: 'B', step: 4 },
      { label: 'C', step: 3 },
      { label: 'D', step: 1 }
    ]);
    expect(legendSwatches('1-5').map((s) => [s.label, s.step])).toEqual([
      ['5', 5],
      ['4', 4],
      ['3', 3],
      ['2', 2],
      ['1', 1]
    ]);
  });
});

describe('legendScales', () => {
  const kpis = (...scales: ('A-D' | '1-5' | 'points')[]) =>
    ({ kpis: scales.map((scale) => ({ scale })) }) as never;
  it('shows A–D for a graded framework, 1–5 for levels or points, both for a mix', () => {
    expect(legendScales(kpis('A-D', 'A-D'))).toEqual(['A-D']);
    expect(legendScales(kpis('1-5', 'points'))).toEqual(['1-5']);
    expect(legendScales(kpis('A-D', 'points'))).toEqual(['A-D', '1-5']);
    expect(legendScales(null)).toEqual(['1-5']);
    // Sub-items do not count: an A–D mission scored from points sub-items (Buriram) is A–D only.
    const graded = {
      kpis: [
        { scale: 'A-D', parent: null },
        { scale: 'points', parent: 'M2' }
      ]
    } as never;
    expect(legendScales(graded)).toEqual(['A-D']);
  });
});
