import { expect, test } from 'vitest';
import { sparkline } from './sparkline';

test('values fill the box, higher drawn higher', () => {
  const line = sparkline([0, 5, 10], { width: 24, height: 14, padding: 2 });
  expect(line.paths).toEqual(['M2 12L12 7L22 2']);
  expect(line.points.map((p) => p.value)).toEqual([0, 5, 10]);
});

test('a missing month breaks the line instead of dropping to 0', () => {
  const line = sparkline([1, null, 3, 4], { width: 32, height: 12, padding: 2 });
  expect(line.paths).toHaveLength(2);
  expect(line.points.map((p) => p.index)).toEqual([0, 2, 3]);
  expect(line.paths[0]).toBe('M2 10');
});

test('ranks: 1 at the top of a fixed 1..11 scale', () => {
  const line = sparkline([1, 11], { width: 12, height: 12, padding: 1, min: 1, max: 11, invert: true });
  expect(line.points.map((p) => p.y)).toEqual([1, 11]);
});

test('a flat or single series sits in the middle; nothing to draw without values', () => {
  expect(sparkline([4, 4], { width: 10, height: 10, padding: 0 }).points.map((p) => p.y)).toEqual([5, 5]);
  expect(sparkline([7], { width: 10, height: 10, padding: 0 }).points).toEqual([
    { index: 0, x: 5, y: 5, value: 7 }
  ]);
  expect(sparkline([null, null], { width: 10, height: 10 })).toEqual({ paths: [], points: [] });
});
