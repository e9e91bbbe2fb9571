import { describe, expect, it } from 'vitest';
import { builtinFramework } from '../frameworks/builtin';
import { kpiKeyRows } from './kpi-key';

describe('kpiKeyRows', () => {
  it('Buriram M1: short name, weight, unit and the top level with its criterion', () => {
    const fw = builtinFramework('buriram-2567-q4')!;
    const [m1] = kpiKeyRows(
      fw.kpis.filter((kpi) => kpi.kpi === 'M1'),
      fw.bands
    );
    const top = fw.bands
      .filter((b) => b.kpi === 'M1' && b.unit === null)
      .sort((a, b) => b.points - a.points)[0];
    expect(m1).toMatchObject({ kpi: 'M1', shortName: 'โคก หนอง นา', unit: 'ร้อยละ' });
    // Buriram's letter gives points per mission, no weights.
    expect(fw.kpis[0].weight).toBeNull();
    expect(m1.weight).toBe('ไม่กำหนด');
    expect(m1.target.startsWith(`ระดับ ${top.level} (ระดับสูงสุด)`)).toBe(true);
  });

  it('a KPI with its own target level names that level; no unit or weight reads as such', () => {
    const rows = kpiKeyRows(
      [
        {
          kpi: 'a',
          name: 'ระดับความสำเร็จของการส่งรายงาน',
          group: null,
          weight: null,
          scale: '1-5',
          measure: 'value',
          aggregate: 'last',
          interpolate: false,
          targetLevel: '4',
          parent: null,
          combine: null
        }
      ],
      [
        { kpi: 'a', level: '5', points: 5, op: '>=', value: 90, value2: null, unit: null, label: '' },
        { kpi: 'a', level: '4', points: 4, op: '>=', value: 80, value2: null, unit: null, label: '' },
        { kpi: 'b', level: '4', points: 4, op: '>=', value: 1, value2: null, unit: null, label: '' }
      ],
      'th'
    );
    expect(rows).toEqual([
      {
        kpi: 'a',
        shortName: 'ส่งรายงาน',
        name: 'ระดับความสำเร็จของการส่งรายงาน',
        weight: 'ไม่กำหนด',
        unit: '–',
        target: 'ระดับ 4: ≥ 80'
      }
    ]);
  });
});
