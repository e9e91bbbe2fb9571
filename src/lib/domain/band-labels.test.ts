import { describe, expect, it } from 'vitest';
import { builtinFramework } from '../frameworks/builtin';
import { labelFromNumbers, labelIsStale, numbersIn, numberWord, replaceNumber } from './band-labels';

const chachoengsao = builtinFramework('chachoengsao-2565-r2')!;
const sakaeo = builtinFramework('sakaeo-2567-r1')!;
const band = (fw: typeof sakaeo, kpi: string, level: string) =>
  fw.bands.find((b) => b.kpi === kpi && b.level === level && b.unit === null)!;
const kpi = (fw: typeof sakaeo, id: string) => fw.kpis.find((k) => k.kpi === id)!;

describe('band labels', () => {
  it('finds the numbers of a text in Thai and Arabic digits, with thousands and decimals', () => {
    expect(numbersIn('ไม่น้อยกว่าร้อยละ ๙๕ ของงบ 1,000.5 บาท ปี 2567').map((n) => [n.value, n.thai])).toEqual([
      [95, true],
      [1000.5, false],
      [2567, false]
    ]);
    expect(numberWord(0.1 + 0.2)).toBe('0.3');
    expect(numberWord(94, true)).toBe('๙๔');
  });

  it("seed 001: level 4 of T1 moved from 95 to 94 — the letter's text keeps its words, the number follows in Thai digits", () => {
    const level4 = band(chachoengsao, 'T1', '4');
    expect(level4.label).toBe('ไม่น้อยกว่าร้อยละ ๙๕ ของงบประมาณที่ได้รับการจัดสรร');
    expect(labelIsStale(level4.label, 95, 94)).toBe(true);
    expect(replaceNumber(level4.label, 95, 94)).toBe('ไม่น้อยกว่าร้อยละ ๙๔ ของงบประมาณที่ได้รับการจัดสรร');
    // Unchanged, or already saying the new number: nothing to bring in line.
    expect(labelIsStale(level4.label, 95, 95)).toBe(false);
    expect(labelIsStale('ไม่น้อยกว่าร้อยละ ๙๔', 95, 94)).toBe(false);
    expect(replaceNumber('ทุกอำเภอ', 95, 94)).toBeNull();
  });

  it("seed 002: Sa Kaeo's T1 labels are what the numbers say", () => {
    for (const level of ['5', '4', '3', '2', '1']) {
      const b = band(sakaeo, 'T1', level);
      expect(labelFromNumbers(b, kpi(sakaeo, 'T1'))).toBe(b.label);
    }
  });

  it('writes every op in Thai, with the unit where Thai puts it', () => {
    const households = { measure: 'value', unitLabel: 'ครัวเรือน' } as const;
    const percent = { measure: 'pct_of_target', unitLabel: null } as const;
    expect(labelFromNumbers({ op: '>=', value: 95, value2: null }, percent)).toBe('ไม่น้อยกว่าร้อยละ 95');
    expect(labelFromNumbers({ op: '>', value: 3, value2: null }, households)).toBe('มากกว่า 3 ครัวเรือน');
    expect(labelFromNumbers({ op: '<=', value: 10, value2: null }, households)).toBe('ไม่เกิน 10 ครัวเรือน');
    expect(labelFromNumbers({ op: '<', value: 80, value2: null }, percent, true)).toBe('น้อยกว่าร้อยละ ๘๐');
    expect(labelFromNumbers({ op: 'between', value: 80, value2: 89.99 }, percent)).toBe('ร้อยละ 80 – 89.99');
    expect(
      labelFromNumbers({ op: 'between', value: 17, value2: 19 }, { measure: 'value', unitLabel: 'คะแนน' })
    ).toBe('17 – 19 คะแนน');
    expect(labelFromNumbers({ op: 'any', value: null, value2: null }, percent)).toBe('ทุกค่าที่ไม่ถึงระดับอื่น');
    expect(labelFromNumbers({ op: '>=', value: null, value2: null }, percent)).toBe('');
  });
});
