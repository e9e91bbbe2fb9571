import { describe, expect, it } from 'vitest';
import { builtinFramework } from '../frameworks/builtin';
import { validateFramework } from './framework-validate';
import { gridUnits } from './target-grid';
import { inUnitBandGrid, pasteUnitBands, setUnitBand, unitBandLevels, unitBandValue } from './unit-band-grid';

const fw = builtinFramework('chachoengsao-2565-r2')!;

describe("per-unit bands as a grid (seed 001's I1: households left below the poverty line, per district)", () => {
  it('I1 has no general band: the first district’s ladder gives the levels; cells are each district’s own ceiling', () => {
    expect(unitBandLevels(fw, 'I1').map((band) => [band.level, band.op])).toEqual([
      ['1', '<='],
      ['2', '<='],
      ['3', '<='],
      ['4', '<='],
      ['5', '<=']
    ]);
    expect(unitBandValue(fw, 'I1', 'เมืองฉะเชิงเทรา', '1')).toBe(67);
    expect(unitBandValue(fw, 'I1', 'เมืองฉะเชิงเทรา', '2')).toBe(58);
    expect(fw.bands.filter((band) => inUnitBandGrid(fw, band))).toHaveLength(55);
    // A district's own band removed and added again: the level's points and op, the letter's words without
    // the other district's part in brackets, the district's own number.
    const unit = gridUnits(fw)[0];
    const removed = setUnitBand(fw, 'I1', unit, '1', null);
    expect(unitBandValue(removed, 'I1', unit, '1')).toBeNull();
    const added = setUnitBand(removed, 'I1', unit, '1', 40);
    const own = added.bands.find((b) => b.kpi === 'I1' && b.unit === unit && b.level === '1')!;
    expect(own).toMatchObject({ points: 1, op: '<=', value: 40 });
    expect(own.label).toBe(
      `ครัวเรือนยากจนเป้าหมายที่มีรายได้ต่ำกว่าเกณฑ์ จปฐ. คงเหลือไม่เกินร้อยละ ๓๕ (${unit}: ไม่เกิน ๔๐ ครัวเรือน)`
    );
  });

  it("a ceiling changed: the letter's text follows in its Thai digits; removed, the general band holds", () => {
    const changed = setUnitBand(fw, 'I1', 'เมืองฉะเชิงเทรา', '2', 57);
    const own = changed.bands.find((b) => b.kpi === 'I1' && b.level === '2' && b.unit === 'เมืองฉะเชิงเทรา')!;
    expect(own.value).toBe(57);
    expect(own.label).toContain('(เมืองฉะเชิงเทรา: ไม่เกิน ๕๗ ครัวเรือน)');
    const removed = setUnitBand(changed, 'I1', 'เมืองฉะเชิงเทรา', '2', null);
    expect(unitBandValue(removed, 'I1', 'เมืองฉะเชิงเทรา', '2')).toBeNull();
    expect(removed.bands).toHaveLength(fw.bands.length - 1);
    expect(validateFramework(removed).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it("a new own band takes its level's points and op and says the unit's number; a paste fills a row", () => {
    const general = unitBandLevels(fw, 'T1'); // T1 has no own bands
    expect(general.length).toBeGreaterThan(0);
    const unit = gridUnits(fw)[1];
    const { framework, problems } = pasteUnitBands(fw, 'T1', `${unit}\t70\t75`, {
      unitIndex: 0,
      columnIndex: 0
    });
    expect(problems).toEqual([]);
    const own = framework.bands.find(
      (b) => b.kpi === 'T1' && b.unit === unit && b.level === general[0].level
    )!;
    expect(own).toMatchObject({ points: general[0].points, op: general[0].op, value: 70 });
    expect(own.label.endsWith(`(${unit}: ไม่น้อยกว่าร้อยละ ๗๐)`)).toBe(true);
    expect(unitBandValue(framework, 'T1', unit, general[1].level)).toBe(75);
    expect(validateFramework(framework).filter((i) => i.severity === 'error')).toEqual([]);
    const bad = pasteUnitBands(fw, 'T1', 'x', { unitIndex: 0, columnIndex: 0 });
    expect(bad.framework).toBe(fw);
    expect(bad.problems).toHaveLength(1);
  });
});
