/**
 * The reference scorer on its own (no database): a few hand-computed cases of DESIGN §4, so that the oracle
 * the SQL is compared with is itself held to the rules.
 */
import { describe, expect, test } from 'vitest';
import { band, composite, framework, item, kpi, ladder, referenceTable, result, unit } from './testing';
import { roundTo, type ReferenceRow } from './reference';

const cell = (rows: ReferenceRow[], name: string, kpiId: string) => {
  const row = rows.find((r) => r.unitId === unit(name));
  if (!row) throw new Error(`no row ${name}`);
  return row.kpis[kpiId];
};

describe('roundTo', () => {
  test.each([
    [79.99999999999999, 9, 80],
    [0.1 + 0.2, 9, 0.3],
    [3.40005, 4, 3.4001],
    [-2.5, 0, -3],
    [2.5, 0, 3]
  ])('roundTo(%d, %d) = %d', (value, digits, expected) => {
    expect(roundTo(value, digits)).toBe(expected);
  });
});

describe('scoreReference', () => {
  test('§4.3: 84 between the level-3 (80) and level-4 (90) thresholds scores 3.40', () => {
    const fw = framework('r1', [kpi('k', { interpolate: true })], ladder('k', '>=', [100, 90, 80, 70, 60]));
    const rows = referenceTable(fw, [result('บางคล้า', 'k', '2022-09', 84)], '2565-09');
    expect(cell(rows, 'บางคล้า', 'k')).toMatchObject({ level: '3', status: 'ok', measured: 84 });
    expect(cell(rows, 'บางคล้า', 'k').score).toBeCloseTo(3.4, 9);
    expect(cell(rows, 'บางปะกง', 'k')).toMatchObject({ level: null, status: 'missing', score: 0 });
  });

  test('§4.2: a unit band replaces the general band of its level only', () => {
    const fw = framework(
      'r2',
      [kpi('poor')],
      [...ladder('poor', '<=', [15, 20, 25, 30, 35]), band('poor', 5, 5, '<=', 7, null, 'คลองเขื่อน')]
    );
    const rows = referenceTable(
      fw,
      [result('คลองเขื่อน', 'poor', '2022-09', 10), result('บางคล้า', 'poor', '2022-09', 10)],
      '2565-09'
    );
    expect(cell(rows, 'คลองเขื่อน', 'poor').level).toBe('4');
    expect(cell(rows, 'บางคล้า', 'poor').level).toBe('5');
  });

  test('§4.5 last: the latest reported month with its own target; §4.3 adjustments of the period add up', () => {
    const fw = framework(
      'r3',
      [kpi('b', { measure: 'pct_of_target' })],
      ladder('b', '>=', [100, 95, 90, 85, 80])
    );
    const rows = referenceTable(
      fw,
      [
        result('บางคล้า', 'b', '2022-07', 50, { target: 100, adjust: -0.5 }),
        result('บางคล้า', 'b', '2022-08', 95, { target: 95, adjust: -0.5 }),
        result('บางคล้า', 'b', '2022-06', 95, { target: 100, adjust: -1 })
      ],
      'FY2565-Q4'
    );
    expect(cell(rows, 'บางคล้า', 'b')).toMatchObject({ measured: 100, level: '5', score: 4 });
  });

  test('§4.4: a composite is missing when a sub-item is; count_top counts sub-items at their top band', () => {
    const fw = framework(
      'r4',
      [composite('m', 'count_top', { scale: 'A-D' }), item('a', 'm'), item('b', 'm')],
      [
        ...ladder('m', '>=', [2, 1], { levels: ['A', 'B'], points: [4, 3] }),
        band('m', 'D', 1, 'any'),
        band('a', '1', 1, '>=', 100),
        band('a', '0', 0, 'any'),
        band('b', '1', 1, '>=', 100),
        band('b', '0', 0, 'any')
      ]
    );
    const rows = referenceTable(
      fw,
      [
        result('บางคล้า', 'a', '2022-09', 100),
        result('บางคล้า', 'b', '2022-09', 50),
        result('บางปะกง', 'a', '2022-09', 100)
      ],
      '2565-09'
    );
    expect(cell(rows, 'บางคล้า', 'm')).toMatchObject({ measured: 1, level: 'B', score: 3 });
    expect(cell(rows, 'บางปะกง', 'm')).toMatchObject({ status: 'missing', score: 0 });
  });

  test('§4.6 and §4.7: weighted totals, competition ranks 1, 2, 2, 4, ties by top-level count then name', () => {
    const fw = framework(
      'r5',
      [kpi('a', { weight: 60 }), kpi('b', { weight: 40 })],
      [...ladder('a', '>=', [100, 90, 80, 70, 60]), ...ladder('b', '>=', [100, 90, 80, 70, 60])]
    );
    const rows = referenceTable(
      fw,
      [
        ['บางคล้า', 100, 100], // 5
        ['บางปะกง', 90, 90], // 4
        ['ราชสาส์น', 90, 90], // 4
        ['บ้านโพธิ์', 80, 100], // 3×0.6 + 5×0.4 = 3.8
        ['คลองเขื่อน', 100, 60], // 5×0.6 + 1×0.4 = 3.4
        ['ท่าตะเกียบ', 70, 100] // 2×0.6 + 5×0.4 = 3.2
      ].flatMap(([name, a, b]) => [
        result(name as string, 'a', '2022-09', a as number),
        result(name as string, 'b', '2022-09', b as number)
      ]),
      '2565-09'
    );
    const summary = rows.slice(0, 6).map((r) => [r.unit, r.rank, roundTo(r.total, 6), r.topCount]);
    expect(summary).toEqual([
      ['บางคล้า', 1, 5, 2],
      ['บางปะกง', 2, 4, 0],
      ['ราชสาส์น', 2, 4, 0],
      ['บ้านโพธิ์', 4, 3.8, 1],
      ['คลองเขื่อน', 5, 3.4, 1],
      ['ท่าตะเกียบ', 6, 3.2, 1]
    ]);
    expect(rows[0].totalPct).toBe(100);
    expect(rows[6]).toMatchObject({ rank: 7, total: 0, missing: 2 });
  });
});
