import { describe, expect, it } from 'vitest';
import { builtinFramework } from '../frameworks/builtin';
import { addBand, addKpi, groupWeights, removeBand, removeKpi, setBand, setKpi } from './framework-edit';
import { validateFramework } from './framework-validate';

const chachoengsao = builtinFramework('chachoengsao-2565-r2')!;
const chaiyaphum = builtinFramework('chaiyaphum-2562-r1')!;

describe('framework edits', () => {
  it("seed 001: the weights per group, as the letter sets them; a changed weight shows in its group's sum", () => {
    const before = groupWeights(chachoengsao);
    expect(before.length).toBeGreaterThan(0);
    const t1 = chachoengsao.kpis.findIndex((kpi) => kpi.kpi === 'T1');
    const weight = chachoengsao.kpis[t1].weight!;
    const group = chachoengsao.kpis[t1].group;
    const after = groupWeights(setKpi(chachoengsao, t1, 'weight', weight + 5));
    const sum = (list: typeof before) => list.find((entry) => entry.group === group)!.sum;
    expect(sum(after)).toBe(sum(before) + 5);
    // The validator warns of a group that no longer sums to 100 (what the editor shows live).
    const edited = setKpi(chachoengsao, t1, 'weight', weight + 5);
    expect(
      validateFramework(edited).some((i) => i.severity === 'warning' && i.message.includes('ไม่ใช่ 100'))
    ).toBe(true);
  });

  it('a KPI renamed is renamed in its bands, its targets and its sub-items', () => {
    const parent = chaiyaphum.kpis.find((kpi) => chaiyaphum.kpis.some((other) => other.parent === kpi.kpi));
    const fw = parent ? chaiyaphum : chachoengsao;
    const index = fw.kpis.findIndex((kpi) => kpi.kpi === (parent?.kpi ?? 'T1'));
    const from = fw.kpis[index].kpi;
    const renamed = setKpi(fw, index, 'kpi', 'X9');
    expect(renamed.bands.filter((band) => band.kpi === 'X9')).toHaveLength(
      fw.bands.filter((band) => band.kpi === from).length
    );
    expect(renamed.bands.some((band) => band.kpi === from)).toBe(false);
    expect(renamed.kpis.filter((kpi) => kpi.parent === 'X9')).toHaveLength(
      fw.kpis.filter((kpi) => kpi.parent === from).length
    );
    expect(renamed.targets.some((target) => target.kpi === from)).toBe(false);
    expect(validateFramework(renamed).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('a new KPI comes with a 1–5 ladder whose thresholds are to be filled in (errors until they are)', () => {
    const added = addKpi(chachoengsao);
    const kpi = added.kpis.at(-1)!;
    expect(added.kpis).toHaveLength(chachoengsao.kpis.length + 1);
    const bands = added.bands.filter((band) => band.kpi === kpi.kpi);
    expect(bands.map((band) => [band.level, band.points, band.op])).toEqual([
      ['5', 5, '>='],
      ['4', 4, '>='],
      ['3', 3, '>='],
      ['2', 2, '>='],
      ['1', 1, 'any']
    ]);
    const errors = validateFramework(added).filter((i) => i.severity === 'error');
    expect(errors.length).toBe(4); // levels 5–2 have no value yet
    let filled = added;
    for (const [level, value] of [
      ['5', 90],
      ['4', 80],
      ['3', 70],
      ['2', 60]
    ] as const) {
      filled = setBand(
        filled,
        filled.bands.findIndex((b) => b.kpi === kpi.kpi && b.level === level),
        'value',
        value
      );
    }
    expect(validateFramework(filled).filter((i) => i.severity === 'error')).toEqual([]);
    const removed = removeKpi(filled, filled.kpis.length - 1);
    expect(removed.kpis).toEqual(chachoengsao.kpis);
    expect(removed.bands).toEqual(chachoengsao.bands);
  });

  it('a band added goes below the last general band of its KPI, one level lower; removed, it is gone', () => {
    const added = addBand(chachoengsao, 'T1');
    const t1 = added.bands.filter((band) => band.kpi === 'T1' && band.unit === null);
    expect(t1).toHaveLength(chachoengsao.bands.filter((b) => b.kpi === 'T1' && b.unit === null).length + 1);
    const fresh = t1.find((band) => band.points === 0)!;
    expect(fresh).toMatchObject({ level: '0', op: '>=', value: null });
    expect(removeBand(added, added.bands.indexOf(fresh)).bands).toEqual(chachoengsao.bands);
  });
});
