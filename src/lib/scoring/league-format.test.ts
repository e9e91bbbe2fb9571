import { describe, expect, it } from 'vitest';
import type { Framework } from '../domain/framework';
import type { KpiCell, LeagueTable } from './league';
import { fixed, formatLeagueCsv, formatLeagueJson, leagueExportRows, plain, rounded } from './league-format';
import { parsePeriodId } from '../domain/periods';

const framework: Framework = {
  id: 'fw',
  name: 'กรอบ',
  province: 'ฉะเชิงเทรา',
  fiscalYear: 2565,
  period: 'R2',
  kpis: [
    {
      kpi: 'A',
      name: 'ก',
      group: null,
      weight: 100,
      scale: '1-5',
      measure: 'pct_of_target',
      aggregate: 'last',
      interpolate: false,
      targetLevel: null,
      parent: null,
      combine: null
    }
  ],
  bands: [],
  targets: [],
  notes: []
};

const cell = (patch: Partial<KpiCell>): KpiCell => ({
  kpi: 'A',
  value: null,
  target: null,
  baseline: null,
  adjust: null,
  monthsReported: 0,
  lastMonth: null,
  measured: null,
  level: null,
  points: null,
  bandLabel: null,
  score: 0,
  status: 'missing',
  isTop: false,
  next: null,
  ...patch
});

const table: LeagueTable = {
  framework,
  period: parsePeriodId('FY2565-R2')!,
  group: '*',
  kpis: framework.kpis,
  rows: [
    {
      rank: 1,
      unitId: '2402',
      unit: 'บางคล้า',
      province: 'ฉะเชิงเทรา',
      total: 3.4,
      maxTotal: 5,
      totalPct: 68,
      missing: 0,
      topCount: 0,
      previousRank: 2,
      movement: 1,
      cells: { A: cell({ measured: 97.123456, level: '4', points: 4, score: 3.4, status: 'ok' }) }
    },
    {
      rank: 2,
      unitId: '2401',
      unit: 'เมือง, "ทดสอบ"',
      province: 'ฉะเชิงเทรา',
      total: 0,
      maxTotal: 5,
      totalPct: 0,
      missing: 0,
      topCount: 0,
      previousRank: null,
      movement: null,
      cells: { A: cell({ measured: 40, status: 'below' }) }
    }
  ]
};

describe('number formats', () => {
  it.each([
    [3.4, '3.4000', '3.4', 3.4],
    [-0.00001, '0.0000', '0', 0],
    [1234567.891234, '1234567.8912', '1234567.8912', 1234567.8912],
    [null, '', '', null]
  ])('%s → fixed %s, plain %s, rounded %s', (value, f, p, r) => {
    expect(fixed(value)).toBe(f);
    expect(plain(value)).toBe(p);
    expect(rounded(value)).toBe(r);
  });
});

describe('league formats', () => {
  it('writes the §9.3 CSV, quoting where needed', () => {
    expect(formatLeagueCsv(table)).toBe(
      'rank,unit,province,total,total_pct,missing,A_value,A_level,A_score\n' +
        '1,บางคล้า,ฉะเชิงเทรา,3.4000,68.0000,0,97.1235,4,3.4000\n' +
        '2,"เมือง, ""ทดสอบ""",ฉะเชิงเทรา,0.0000,0.0000,0,40,,0.0000\n'
    );
  });

  it('writes the §9.3 JSON with status and empty level below every band', () => {
    const document = JSON.parse(
      formatLeagueJson(table, [{ file: 'f.csv', line: 3, reason: 'x', column: 'kpi' }], ['w'])
    );
    expect(document.rows[1].kpis.A).toEqual({ value: 40, level: '', score: 0, status: 'below' });
    expect(document.rejected).toEqual([{ file: 'f.csv', line: 3, reason: 'x' }]);
    expect(document.warnings).toEqual(['w']);
    expect(Object.keys(document)).toEqual(['framework', 'period', 'rows', 'rejected', 'warnings']);
    const demo = JSON.parse(formatLeagueJson(table, [], [], { demo: true }));
    expect(Object.keys(demo)).toEqual(['framework', 'period', 'demo', 'rows', 'rejected', 'warnings']);
    expect(demo.demo).toBe(true);
  });

  it('gives a spreadsheet export with Thai headers and numbers as numbers', () => {
    const { header, rows } = leagueExportRows(table);
    expect(header.slice(0, 3)).toEqual(['อันดับ', 'เปลี่ยนแปลง', 'อำเภอ']);
    // The measured value (a percent of target) as the screen shows it: 2 decimals; the CLI keeps 4 (above).
    expect(rows[0]).toEqual([1, 1, 'บางคล้า', 'ฉะเชิงเทรา', 3.4, 68, 0, 97.12, '4', 3.4]);
    expect(rows[1].slice(7)).toEqual([40, 'ต่ำกว่าเกณฑ์', 0]);
  });
});
