import { describe, expect, it } from 'vitest';
import { builtinFramework } from '../frameworks/builtin';
import type { Band, Framework, Kpi } from './framework';
import { bandConditionText } from './rules-text';
import {
  distinctIssues,
  generalBands,
  kpiGroups,
  subItemsOf,
  unitBandTable,
  unitTargetTables,
  unreachableLevels
} from './rules-tables';

function framework(id: string): Framework {
  const fw = builtinFramework(id);
  if (!fw) throw new Error(`no built-in framework ${id}`);
  return fw;
}

function kpi(id: string, patch: Partial<Kpi> = {}): Kpi {
  return {
    kpi: id,
    name: id,
    group: null,
    weight: null,
    scale: '1-5',
    measure: 'value',
    aggregate: 'last',
    interpolate: false,
    targetLevel: null,
    parent: null,
    combine: null,
    ...patch
  };
}

function band(kpiId: string, level: string, value: number, unit: string | null = null): Band {
  return { kpi: kpiId, level, points: Number(level), op: '>=', value, value2: null, unit, label: '' };
}

function fwOf(kpis: Kpi[], bands: Band[] = []): Framework {
  const base = framework('chachoengsao-2565-r2');
  return { ...base, kpis, bands, targets: [] };
}

describe('kpiGroups', () => {
  it('groups Chachoengsao as the letter does, with the weight sums (100 and 105)', () => {
    const groups = kpiGroups(framework('chachoengsao-2565-r2'));
    expect(groups.map((g) => [g.group, g.kpis.length, g.weightSum])).toEqual([
      ['ตัวชี้วัดรายทีม', 5, 100],
      ['ตัวชี้วัดรายบุคคล', 11, 105]
    ]);
  });

  it('keeps sub-items out of the groups and has no sum where nothing is weighted (Buriram)', () => {
    const groups = kpiGroups(framework('buriram-2567-q4'));
    expect(groups).toHaveLength(1);
    expect(groups[0].kpis.map((k) => k.kpi)).toEqual([
      'M1',
      'M2',
      'M3',
      'M4',
      'M5',
      'M6',
      'M7',
      'M8',
      'M9',
      'M10',
      'M11'
    ]);
    expect(groups[0].weightSum).toBeNull();
  });

  it('sums fractional weights without float noise and puts group-less KPIs in their own group', () => {
    const groups = kpiGroups(
      fwOf([kpi('A', { weight: 0.1, group: 'g' }), kpi('B', { weight: 0.2, group: 'g' }), kpi('C')])
    );
    expect(groups.map((g) => [g.group, g.weightSum])).toEqual([
      ['g', 0.3],
      [null, null]
    ]);
  });
});

describe('subItemsOf and generalBands', () => {
  it('lists a composite’s sub-items in order (Buriram M7: five 2-point items)', () => {
    expect(subItemsOf(framework('buriram-2567-q4'), 'M7').map((k) => k.kpi)).toEqual([
      'M7.1',
      'M7.2',
      'M7.3',
      'M7.4',
      'M7.5'
    ]);
    expect(subItemsOf(framework('buriram-2567-q4'), 'M1')).toEqual([]);
  });

  it('never lists a KPI as its own sub-item', () => {
    expect(subItemsOf(fwOf([kpi('A', { parent: 'A' })]), 'A')).toEqual([]);
  });

  it('keeps the letter’s order of the general bands and leaves per-unit bands out', () => {
    const fw = framework('chachoengsao-2565-r2');
    expect(generalBands(fw, 'T1').map((b) => b.level)).toEqual(['1', '2', '3', '4', '5']);
    expect(generalBands(fw, 'I1')).toEqual([]);
  });
});

describe('unreachableLevels (DESIGN §9.2: bands tried best first)', () => {
  it('Chachoengsao I1: the three all-zero districts together, levels 4–1; the other districts none', () => {
    const { notes, general, byUnit } = unreachableLevels(framework('chachoengsao-2565-r2'), 'I1');
    expect(notes).toEqual([
      { units: ['พนมสารคาม', 'แปลงยาว', 'ท่าตะเกียบ'], levels: ['4', '3', '2', '1'], why: 'shadowed' }
    ]);
    expect([...general]).toEqual([]);
    expect([...(byUnit.get('แปลงยาว') ?? [])]).toEqual(['4', '3', '2', '1']);
    expect([...(byUnit.get('บางคล้า') ?? [])]).toEqual([]);
  });

  it('general bands, a unit that differs, and a level only reachable outside the valid range', () => {
    const fw = fwOf(
      [kpi('X', { min: 0, max: 100 })],
      [
        band('X', '5', 101),
        band('X', '4', 80),
        band('X', '3', 90), // caught by level 4 (>= 80)
        band('X', '2', 60),
        band('X', '3', 70, 'บางคล้า') // บางคล้า's own level 3 is below level 4: reachable
      ]
    );
    // บางคล้า's ladder reaches every level below 5, so it gets no note of its own.
    expect(unreachableLevels(fw, 'X').notes).toEqual([
      { units: null, levels: ['3'], why: 'shadowed' },
      { units: null, levels: ['5'], why: 'out_of_range' }
    ]);
    expect(unreachableLevels(framework('sakaeo-2567-r1'), 'T1').notes).toEqual([]);
  });
});

describe('unitBandTable', () => {
  it('gives Chachoengsao I1 households remaining per level per district (seed 001)', () => {
    const table = unitBandTable(framework('chachoengsao-2565-r2'), 'I1');
    expect(table?.levels).toEqual(['1', '2', '3', '4', '5']);
    expect(table?.rows).toHaveLength(11);
    const text = (unit: string) =>
      table?.rows
        .find((row) => row.unit === unit)
        ?.cells.map((cell) => (cell ? bandConditionText(cell.band) : null));
    expect(table?.rows[0].unit).toBe('เมืองฉะเชิงเทรา');
    expect(text('เมืองฉะเชิงเทรา')).toEqual(['≤ 67', '≤ 58', '≤ 48', '≤ 38', '≤ 29']);
    expect(text('สนามชัยเขต')).toEqual(['≤ 146', '≤ 125', '≤ 104', '≤ 83', '≤ 62']);
    // The letter's all-zero row, as written.
    expect(text('พนมสารคาม')).toEqual(['≤ 0', '≤ 0', '≤ 0', '≤ 0', '≤ 0']);
  });

  it('is null for a KPI without per-unit bands', () => {
    expect(unitBandTable(framework('chachoengsao-2565-r2'), 'T1')).toBeNull();
  });

  it('falls back to the general band for a level the unit does not set, marked as not its own', () => {
    const fw = fwOf(
      [kpi('X')],
      [band('X', '3', 30), band('X', '2', 20), band('X', '1', 10), band('X', '3', 25, 'บางคล้า')]
    );
    const table = unitBandTable(fw, 'X');
    expect(table?.levels).toEqual(['3', '2', '1']); // listed best first, like the bands
    expect(table?.rows.map((row) => row.cells.map((cell) => [cell?.band.value, cell?.own]))).toEqual([
      [
        [25, true],
        [20, false],
        [10, false]
      ]
    ]);
  });
});

describe('unitTargetTables', () => {
  it('gives I5 monthly targets and baselines per district (seed 001)', () => {
    const [targets, baselines] = unitTargetTables(framework('chachoengsao-2565-r2'), 'I5');
    expect(targets.field).toBe('target');
    expect(targets.months).toEqual(['2022-04', '2022-05', '2022-06', '2022-07', '2022-08', '2022-09']);
    expect(targets.rows).toHaveLength(11);
    expect(targets.rows[0]).toEqual({
      unit: 'เมืองฉะเชิงเทรา',
      values: [83000, 83000, 83000, 83000, 84000, 84000]
    });
    expect(baselines.field).toBe('baseline');
    expect(baselines.rows.find((row) => row.unit === 'ท่าตะเกียบ')?.values).toEqual([
      6333.33, 6333.33, 6333.33, 6333.33, 6333.33, 6333.35
    ]);
  });

  it('gives one "every month" column for targets without a month (T1 budgets)', () => {
    const tables = unitTargetTables(framework('chachoengsao-2565-r2'), 'T1');
    expect(tables).toHaveLength(1);
    expect(tables[0].months).toEqual([null]);
    expect(tables[0].rows.find((row) => row.unit === 'ท่าตะเกียบ')?.values).toEqual([1020155.28]);
  });

  it('is empty for a KPI without targets, and leaves gaps as null', () => {
    expect(unitTargetTables(framework('chachoengsao-2565-r2'), 'T2')).toEqual([]);
    const fw: Framework = {
      ...fwOf([kpi('X')]),
      targets: [
        { kpi: 'X', unit: 'ก', month: null, target: 5, baseline: null },
        { kpi: 'X', unit: 'ข', month: '2022-05', target: 7, baseline: null }
      ]
    };
    expect(unitTargetTables(fw, 'X')).toEqual([
      {
        kpi: 'X',
        field: 'target',
        months: [null, '2022-05'],
        rows: [
          { unit: 'ก', values: [5, null] },
          { unit: 'ข', values: [null, 7] }
        ]
      }
    ]);
  });
});

describe('distinctIssues', () => {
  it('keeps the first, located, telling of a message and every different one', () => {
    const weights = 'น้ำหนัก (weight) ของกลุ่ม ทีม รวมกันได้ 90 ไม่ใช่ 100';
    expect(
      distinctIssues([
        { severity: 'warning', where: 'kpis.csv:2', message: weights },
        { severity: 'warning', where: 'B1', message: weights },
        { severity: 'error', where: 'B1', message: weights },
        { severity: 'warning', where: 'levels.csv:3', message: 'อื่น' }
      ]).map((issue) => `${issue.severity} ${issue.where}`)
    ).toEqual(['warning kpis.csv:2', 'error B1', 'warning levels.csv:3']);
  });
});
