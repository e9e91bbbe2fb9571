import { describe, expect, it } from 'vitest';
import { BELOW_STYLE, LEVEL_STEPS, MISSING_STYLE, levelStep, levelStyle } from './level-colors';

describe('levelStep', () => {
  it.each([
    [5, 5, 5],
    [4, 5, 4],
    [1, 5, 1],
    [3, 5, 3],
    [4, 4, 5], // A on an A–D scale (A=4)
    [1, 4, 2], // D on an A–D scale
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
