import { describe, expect, test } from 'vitest';
import { BELOW_STYLE, LEVEL_STEPS, MISSING_STYLE } from './level-colors';
import { levelSegments } from './level-bars';

const WORDS = { level: 'ระดับ', below: 'ต่ำกว่าเกณฑ์', missing: 'ไม่ได้รายงาน' };

describe('levelSegments', () => {
  test('seed 001 T1 in round 2 of the demo: 4 at level 4, 4 at 3, 1 at 1, 2 below, of 11 districts', () => {
    const segments = levelSegments(
      {
        levels: [
          { level: '5', points: 5, units: 0 },
          { level: '4', points: 4, units: 4 },
          { level: '3', points: 3, units: 4 },
          { level: '2', points: 2, units: 0 },
          { level: '1', points: 1, units: 1 }
        ],
        below: 2,
        missing: 0,
        topPoints: 5
      },
      WORDS
    );
    expect(segments.map((s) => [s.label, s.units])).toEqual([
      ['ระดับ 5', 0],
      ['ระดับ 4', 4],
      ['ระดับ 3', 4],
      ['ระดับ 2', 0],
      ['ระดับ 1', 1],
      ['ต่ำกว่าเกณฑ์', 2],
      ['ไม่ได้รายงาน', 0]
    ]);
    expect(segments[1].share).toBeCloseTo(4 / 11, 9);
    expect(segments.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 9);
    expect(segments[0].background).toBe(LEVEL_STEPS[4].background);
    expect(segments[4].background).toBe(LEVEL_STEPS[0].background);
    expect(segments[5].background).toBe(BELOW_STYLE.background);
    expect(segments[6]).toMatchObject({ background: MISSING_STYLE.background, dashed: true });
  });

  test('A–D levels take the colours of their points against the top (A = 4 points = best colour, D = worst)', () => {
    const segments = levelSegments(
      {
        levels: [
          { level: 'A', points: 4, units: 1 },
          { level: 'D', points: 1, units: 1 }
        ],
        below: 0,
        missing: 0,
        topPoints: 4
      },
      WORDS
    );
    expect(segments[0].background).toBe(LEVEL_STEPS[4].background);
    expect(segments[1].background).toBe(LEVEL_STEPS[0].background);
  });

  test('no units: every share is 0, not NaN', () => {
    const segments = levelSegments({ levels: [], below: 0, missing: 0, topPoints: null }, WORDS);
    expect(segments.map((s) => s.share)).toEqual([0, 0]);
  });
});
