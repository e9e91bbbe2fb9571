import { describe, expect, it } from 'vitest';
import { builtinFramework } from '../frameworks/builtin';
import { validateFramework } from './framework-validate';
import {
  copyForNextRound,
  dropTargetsOutside,
  nextScope,
  scopeMonths,
  shiftTargetMonths
} from './next-round';

describe('copy for the next round', () => {
  it('steps R1 → R2 → next year, Q1 … Q4 → next year, the year → the next', () => {
    expect(nextScope({ fiscalYear: 2567, period: 'R1' })).toEqual({ fiscalYear: 2567, period: 'R2' });
    expect(nextScope({ fiscalYear: 2565, period: 'R2' })).toEqual({ fiscalYear: 2566, period: 'R1' });
    expect(nextScope({ fiscalYear: 2567, period: 'Q3' })).toEqual({ fiscalYear: 2567, period: 'Q4' });
    expect(nextScope({ fiscalYear: 2567, period: 'Q4' })).toEqual({ fiscalYear: 2568, period: 'Q1' });
    expect(nextScope({ fiscalYear: 2565, period: null })).toEqual({ fiscalYear: 2566, period: null });
    expect(scopeMonths({ fiscalYear: 2566, period: 'R1' })).toEqual([
      '2022-10',
      '2022-11',
      '2022-12',
      '2023-01',
      '2023-02',
      '2023-03'
    ]);
  });

  it("seed 001: Chachoengsao R2/2565 → R1/2566 — id, name and the letter's years move; Apr–Sep 2565 targets are named, not moved", () => {
    const source = builtinFramework('chachoengsao-2565-r2')!;
    const { framework, changes, outside } = copyForNextRound(source);
    expect(framework.id).toBe('chachoengsao-2566-r1');
    expect([framework.fiscalYear, framework.period]).toEqual([2566, 'R1']);
    expect(framework.name).toBe(
      'ตัวชี้วัดและค่าเป้าหมายการประเมินผลการปฏิบัติราชการ จังหวัดฉะเชิงเทรา รอบการประเมินที่ ๑ ปีงบประมาณ พ.ศ. ๒๕๖๖'
    );
    const t2 = framework.bands.find((b) => b.kpi === 'T2' && b.level === '1')!;
    expect(t2.label).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๖');
    // The KPIs, weights and thresholds are the source's; the source itself is untouched.
    expect(framework.kpis).toEqual(source.kpis);
    expect(framework.bands.map((b) => [b.kpi, b.level, b.op, b.value, b.value2])).toEqual(
      source.bands.map((b) => [b.kpi, b.level, b.op, b.value, b.value2])
    );
    expect(source.id).toBe('chachoengsao-2565-r2');
    // Every month-specific target (Apr–Sep 2022) is outside Oct 2022 – Mar 2023: said, kept for the user to decide.
    const monthly = source.targets.filter((t) => t.month !== null);
    expect(monthly.length).toBe(66);
    expect(outside).toHaveLength(66);
    expect(changes.some((c) => c.includes('66 แถว'))).toBe(true);
    const warnings = validateFramework(framework).filter((i) => i.message.includes('นอกช่วงของชุดเกณฑ์'));
    expect(warnings).toHaveLength(66);
    expect(warnings[0].severity).toBe('warning');
    expect(warnings[0].message).toContain('(ต.ค. 2565 – มี.ค. 2566)');
    // Dropped: only the every-month targets are left, and no warning.
    const dropped = dropTargetsOutside(framework);
    expect(dropped.targets).toHaveLength(source.targets.length - 66);
    expect(validateFramework(dropped).some((i) => i.message.includes('นอกช่วง'))).toBe(false);
    // Moved month by month: April (1st month of R2) → October (1st of R1), September → March.
    const shifted = shiftTargetMonths(framework, { fiscalYear: 2565, period: 'R2' })!;
    const moved = (month: string) => shifted.targets.filter((t) => t.month === month).length;
    const was = (month: string) => monthly.filter((t) => t.month === month).length;
    expect(was('2022-04')).toBeGreaterThan(0);
    expect(moved('2022-10')).toBe(was('2022-04'));
    expect(moved('2023-03')).toBe(was('2022-09'));
    expect(validateFramework(shifted).some((i) => i.message.includes('นอกช่วง'))).toBe(false);
    expect(shiftTargetMonths(framework, { fiscalYear: 2565, period: null })).toBeNull();
  });

  it('seed 000: Buriram Q4/2567 → Q1/2568 ("ไตรมาสที่ 1"); seed 002: Sa Kaeo R1 → R2 in the same year (no year moved)', () => {
    const buriram = copyForNextRound(builtinFramework('buriram-2567-q4')!).framework;
    expect(buriram.id).toBe('buriram-2568-q1');
    expect(buriram.name).toBe('ภารกิจสำคัญที่อธิบดีกรมการพัฒนาชุมชนเน้นย้ำ ไตรมาสที่ 1 ปีงบประมาณ พ.ศ. 2568 จังหวัดบุรีรัมย์');
    const sakaeo = copyForNextRound(builtinFramework('sakaeo-2567-r1')!);
    expect(sakaeo.framework.id).toBe('sakaeo-2567-r2');
    expect(sakaeo.framework.name).toContain('รอบการประเมินที่ 2 ปีงบประมาณ พ.ศ. 2567');
    expect(sakaeo.changes.some((c) => c.includes('ปี พ.ศ.'))).toBe(false);
  });

  it('an id that names neither year nor round gets both, so the copy never replaces its source', () => {
    const source = { ...builtinFramework('sakaeo-2567-r1')!, id: 'my-rules' };
    expect(copyForNextRound(source).framework.id).toBe('my-rules-2567-r2');
  });
});
