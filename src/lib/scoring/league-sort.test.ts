import { describe, expect, it } from 'vitest';
import type { Band } from '../domain/framework';
import type { KpiCell, KpiStatus, LeagueRow } from './league';
import {
  kpiSortColumn,
  lowerIsBetter,
  nextLeagueSort,
  parseLeagueSort,
  sortLeagueRows,
  type LeagueSort
} from './league-sort';

function cell(kpi: string, status: KpiStatus, points: number | null, measured: number | null): KpiCell {
  return {
    kpi,
    value: measured,
    target: null,
    baseline: null,
    adjust: null,
    monthsReported: status === 'missing' ? 0 : 1,
    lastMonth: null,
    measured,
    level: points === null ? null : String(points),
    points,
    bandLabel: null,
    score: points ?? 0,
    status,
    isTop: points === 5,
    next: null
  };
}

function row(
  rank: number,
  unit: string,
  total: number,
  cells: KpiCell[],
  extra: Partial<LeagueRow> = {}
): LeagueRow {
  return {
    rank,
    unitId: unit,
    unit,
    province: 'บุรีรัมย์',
    total,
    maxTotal: 5,
    totalPct: (total / 5) * 100,
    missing: cells.filter((c) => c.status === 'missing').length,
    topCount: 0,
    previousRank: null,
    movement: null,
    cells: Object.fromEntries(cells.map((c) => [c.kpi, c])),
    ...extra
  };
}

// K1: more is better (≥ bands); K2: fewer is better (households left, ≤ bands).
const ROWS: LeagueRow[] = [
  row(1, 'ก', 4.5, [cell('K1', 'ok', 4, 80), cell('K2', 'ok', 5, 0)], { movement: 2 }),
  row(2, 'ข', 4.0, [cell('K1', 'ok', 5, 95), cell('K2', 'ok', 3, 12)], { movement: null }),
  row(3, 'ค', 3.0, [cell('K1', 'ok', 4, 88), cell('K2', 'ok', 3, 7)], { movement: -1 }),
  row(3, 'ง', 3.0, [cell('K1', 'below', null, 20), cell('K2', 'missing', null, null)], { movement: 0 }),
  row(5, 'จ', 1.0, [cell('K1', 'missing', null, null), cell('K2', 'ok', 3, 7)], { movement: 1 })
];
const LOWER = new Set(['K2']);
const units = (sort: LeagueSort) => sortLeagueRows(ROWS, sort, LOWER).map((r) => r.unit);

describe('sortLeagueRows', () => {
  it('a KPI best first: points, then the measured value, below every band, then not reported', () => {
    expect(units({ column: 'kpi.K1', ascending: false })).toEqual(['ข', 'ค', 'ก', 'ง', 'จ']);
    // Worst first is the exact reverse here (no ties).
    expect(units({ column: 'kpi.K1', ascending: true })).toEqual(['จ', 'ง', 'ก', 'ค', 'ข']);
  });

  it('a KPI where fewer is better ranks the smaller value first among equal points; ties keep rank order', () => {
    // ข 3 pts (12 left), ค and จ 3 pts (7 left each: ค ranks 3rd, จ 5th), ง not reported.
    expect(units({ column: 'kpi.K2', ascending: false })).toEqual(['ก', 'ค', 'จ', 'ข', 'ง']);
    expect(units({ column: 'kpi.K2', ascending: true })).toEqual(['ง', 'ข', 'ค', 'จ', 'ก']);
  });

  it('total and movement best first; equal totals in rank order, then by name; no movement last', () => {
    expect(units({ column: 'total', ascending: false })).toEqual(['ก', 'ข', 'ค', 'ง', 'จ']);
    expect(units({ column: 'total', ascending: true })).toEqual(['จ', 'ค', 'ง', 'ข', 'ก']);
    expect(units({ column: 'movement', ascending: false })).toEqual(['ก', 'จ', 'ง', 'ค', 'ข']);
  });

  it('by name in Thai order, by rank either way, by missing fewest first', () => {
    const shuffled = [ROWS[4], ROWS[0], ROWS[2], ROWS[1], ROWS[3]];
    expect(sortLeagueRows(shuffled, { column: 'unit', ascending: true }, LOWER).map((r) => r.unit)).toEqual([
      'ก',
      'ข',
      'ค',
      'ง',
      'จ'
    ]);
    expect(units({ column: 'rank', ascending: false })).toEqual(['จ', 'ง', 'ค', 'ข', 'ก']);
    expect(units({ column: 'missing', ascending: true })).toEqual(['ก', 'ข', 'ค', 'ง', 'จ']);
  });

  it('does not change the rows it is given', () => {
    const before = ROWS.map((r) => r.unit);
    sortLeagueRows(ROWS, { column: 'kpi.K1', ascending: false }, LOWER);
    expect(ROWS.map((r) => r.unit)).toEqual(before);
  });
});

describe('parseLeagueSort and nextLeagueSort', () => {
  it('reads a column and its direction; unknown columns and KPIs not in view are the rank order', () => {
    expect(parseLeagueSort('-kpi.M2.1', ['M2.1'])).toEqual({ column: 'kpi.M2.1', ascending: false });
    expect(parseLeagueSort('unit', [])).toEqual({ column: 'unit', ascending: true });
    expect(parseLeagueSort('-kpi.X', ['M1'])).toEqual({ column: 'rank', ascending: true });
    expect(parseLeagueSort('bogus', [])).toEqual({ column: 'rank', ascending: true });
    expect(parseLeagueSort(null, [])).toEqual({ column: 'rank', ascending: true });
  });

  it('a new column starts its own way (KPIs and scores best first); the same column turns round', () => {
    const rank: LeagueSort = { column: 'rank', ascending: true };
    expect(nextLeagueSort(rank, kpiSortColumn('T1'))).toBe('-kpi.T1');
    expect(nextLeagueSort({ column: 'kpi.T1', ascending: false }, 'kpi.T1')).toBe('kpi.T1');
    expect(nextLeagueSort(rank, 'unit')).toBe('unit');
    expect(nextLeagueSort(rank, 'rank')).toBe('-rank');
    expect(nextLeagueSort({ column: 'rank', ascending: false }, 'rank')).toBeNull();
    expect(nextLeagueSort(rank, 'total')).toBe('-total');
  });
});

describe('lowerIsBetter', () => {
  const band = (kpi: string, points: number, op: Band['op'], unit: string | null = null): Band => ({
    kpi,
    level: String(points),
    points,
    op,
    value: 1,
    value2: null,
    unit,
    label: ''
  });
  it('is the KPIs whose best general band is an upper bound', () => {
    const bands = [
      band('up', 5, '>='),
      band('up', 1, '<'),
      band('down', 5, '<='),
      band('down', 1, '>'),
      band('mixed', 5, '>=', 'เมืองบุรีรัมย์'),
      band('mixed', 5, '<')
    ];
    expect([...lowerIsBetter({ bands })].sort()).toEqual(['down', 'mixed']);
  });
});
