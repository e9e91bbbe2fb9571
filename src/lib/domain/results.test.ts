import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import {
  columnsInLineOrder,
  laterFileWins,
  replacementText,
  resultColumns,
  resultRows,
  sameRowsText,
  type ResultRow
} from './results';

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

describe('laterFileWins: the same result in several files of one import (issue 11)', () => {
  const row = (source: string, line: number, unitId: string, value: number | null, more = {}) => ({
    unitId,
    kpi: 'T1',
    month: '2022-04',
    value,
    target: null,
    baseline: null,
    adjust: null,
    source,
    line,
    ...more
  });

  it('the later file wins; changed rows are listed against the row they replace, same rows counted', () => {
    const a = [row('a.csv', 2, '2401', 5), row('a.csv', 3, '2402', 6), row('a.csv', 4, '2403', 7)];
    const b = [row('b.csv', 2, '2402', 9), row('b.csv', 3, '2403', 7), row('b.csv', 4, '2404', 1)];
    const c = [row('c.csv', 5, '2402', 10, { target: 3 })];
    const outcome = laterFileWins([a, b, c]);
    expect(outcome.rows.map((r) => [r.unitId, r.source, r.value])).toEqual([
      ['2401', 'a.csv', 5],
      ['2402', 'c.csv', 10],
      ['2403', 'b.csv', 7],
      ['2404', 'b.csv', 1]
    ]);
    expect(outcome.replaced.map((r) => [r.file, r.line, r.earlierFile, r.earlierLine])).toEqual([
      ['b.csv', 2, 'a.csv', 3],
      ['c.csv', 5, 'b.csv', 2] // the third file against the second, not the first
    ]);
    expect(outcome.same).toEqual([{ file: 'b.csv', earlierFile: 'a.csv', count: 1 }]);
    expect(replacementText(outcome.replaced[0], 'en', 'district')).toBe(
      'b.csv:2: replaces a.csv:3 (same district, KPI and month; the later file wins)'
    );
    expect(replacementText(outcome.replaced[0], 'th', 'อำเภอ')).toContain('b.csv บรรทัด 2 แทนที่ a.csv บรรทัด 3');
    expect(sameRowsText(outcome.same[0], 'en', 'district')).toBe(
      'b.csv: 1 row(s) the same as in a.csv (same district, KPI, month and figures; counted once)'
    );
  });

  it('one file alone: its rows as they are, nothing replaced (its repeats are the reader’s to reject)', () => {
    const a = [row('a.csv', 2, '2401', 5), row('a.csv', 3, '2401', 6)];
    expect(laterFileWins([a])).toEqual({ rows: [a[0]], replaced: [], same: [] });
  });
});
