import { describe, expect, it } from 'vitest';
import { builtinFramework } from '../frameworks/builtin';
import { validateFramework } from './framework-validate';
import { gridColumns, gridUnits, gridValue, pasteIntoGrid, setGridValue } from './target-grid';

const fw = builtinFramework('chachoengsao-2565-r2')!;

describe('per-unit targets as a grid', () => {
  it("seed 001: the columns are the KPIs measured against a target (T1, I2, I3), I5's baseline and I9's targets", () => {
    expect(gridColumns(fw).map((c) => `${c.kpi}.${c.field}`)).toEqual([
      'T1.target',
      'I2.target',
      'I3.target',
      'I5.baseline',
      'I9.target'
    ]);
    expect(gridUnits(fw)).toHaveLength(11);
    expect(gridUnits(fw)[0]).toBe('เมืองฉะเชิงเทรา');
    // The letter's T1 target of เมืองฉะเชิงเทรา (its budget, in baht).
    expect(gridValue(fw, 'เมืองฉะเชิงเทรา', { kpi: 'T1', field: 'target' })).toBe(1180440);
  });

  it('a cell set, changed and cleared; month-specific targets are never touched', () => {
    const t1 = { kpi: 'T1', field: 'target' } as const;
    const changed = setGridValue(fw, 'บางคล้า', t1, 800000);
    expect(gridValue(changed, 'บางคล้า', t1)).toBe(800000);
    expect(changed.targets).toHaveLength(fw.targets.length);
    const cleared = setGridValue(changed, 'บางคล้า', t1, null);
    expect(gridValue(cleared, 'บางคล้า', t1)).toBeNull();
    expect(cleared.targets).toHaveLength(fw.targets.length - 1);
    const monthly = (f: typeof fw) => f.targets.filter((t) => t.month !== null);
    expect(monthly(cleared)).toEqual(monthly(fw));
  });

  it('a block pasted from Excel: lines go down the units, cells right along the columns, Thai digits and 1,000s read', () => {
    const text = '1,200\t๙๕\n1300\t\n';
    const { framework, problems, cells } = pasteIntoGrid(fw, text, { unitIndex: 1, columnIndex: 0 });
    expect(problems).toEqual([]);
    expect(cells).toBe(4);
    const [second, third] = gridUnits(fw).slice(1, 3);
    expect(gridValue(framework, second, { kpi: 'T1', field: 'target' })).toBe(1200);
    expect(gridValue(framework, second, { kpi: 'I2', field: 'target' })).toBe(95);
    expect(gridValue(framework, third, { kpi: 'T1', field: 'target' })).toBe(1300);
    expect(gridValue(framework, third, { kpi: 'I2', field: 'target' })).toBeNull();
    expect(validateFramework(framework).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('lines that start with a unit name go to that unit, wherever the block was pasted', () => {
    const { framework } = pasteIntoGrid(fw, 'บางปะกง\t5\nพนมสารคาม\t6', { unitIndex: 0, columnIndex: 4 });
    expect(gridValue(framework, 'บางปะกง', { kpi: 'I9', field: 'target' })).toBe(5);
    expect(gridValue(framework, 'พนมสารคาม', { kpi: 'I9', field: 'target' })).toBe(6);
    expect(gridValue(framework, gridUnits(fw)[0], { kpi: 'I9', field: 'target' })).toBe(
      gridValue(fw, gridUnits(fw)[0], { kpi: 'I9', field: 'target' })
    );
  });

  it('a cell that is not a number, or outside the grid, refuses the whole block with line and column', () => {
    const { framework, problems } = pasteIntoGrid(fw, '10\tสิบ\n20\t30\t40\t50\t60\t70', {
      unitIndex: 0,
      columnIndex: 0
    });
    expect(framework).toBe(fw);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [1, 2],
      [2, 6]
    ]);
    expect(problems[1].reason).toContain('นอกตาราง');
  });
});
