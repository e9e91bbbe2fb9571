import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { columnsInLineOrder, resultColumns, resultRows, type ResultRow } from './results';

const row = (line: number, unitId: string, value: number | null): ResultRow => ({
  unitId,
  kpi: 'k',
  month: '2024-10',
  value,
  target: null,
  baseline: line,
  adjust: null,
  source: 'a.csv',
  line
});

describe('result columns', () => {
  test('rows → columns → rows gives the rows back', () => {
    const rows = [row(2, '2401', 1.5), row(3, '2402', null)];
    expect(resultRows(resultColumns(rows), 'a.csv')).toEqual(rows);
    expect(resultColumns([])).toEqual({
      unitId: [],
      kpi: [],
      month: [],
      value: [],
      target: [],
      baseline: [],
      adjust: [],
      line: []
    });
  });

  test('columnsInLineOrder keeps each row whole and sorts by line (ties in their order)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 40 }), (lines) => {
        const rows = lines.map((line, i) => row(line, `u${i}`, i));
        const sorted = resultRows(columnsInLineOrder(resultColumns(rows)), 'a.csv');
        const expected = [...rows].sort((a, b) => a.line - b.line || Number(a.value) - Number(b.value));
        expect(sorted).toEqual(expected);
      })
    );
  });

  test('columns already in line order are returned as they are', () => {
    const columns = resultColumns([row(1, 'a', 1), row(1, 'b', 2), row(4, 'c', 3)]);
    expect(columnsInLineOrder(columns)).toBe(columns);
  });
});
