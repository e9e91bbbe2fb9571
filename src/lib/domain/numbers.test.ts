import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber, parseNumber } from './numbers';

describe('parseNumber', () => {
  it.each<[string, number | null]>([
    ['85', 85],
    ['0', 0],
    ['-0', 0],
    ['12.5', 12.5],
    ['.5', 0.5],
    ['5.', 5],
    // Seed 001: OTOP revenue targets and debt figures, Thai and ASCII digits, thousands separators.
    ['434,664', 434664],
    ['1,234,500.50', 1234500.5],
    ['๖๑๗,๘๑๑.๓๐', 617811.3],
    ['๖๘๒,๖๔๓.๑๘ บาท', 682643.18],
    ['฿1,234', 1234],
    ['1 234 500', 1234500],
    ['  42  ', 42],
    ['\u200B42\u00A0', 42],
    ['85%', 85],
    ['% 85', 85],
    ['๘๕%', 85],
    ['+12', 12],
    ['-12', -12],
    ['\u221212', -12],
    ['(12)', -12],
    ['(1,234.50)', -1234.5],
    ['(1,234.50) บาท', -1234.5],
    ['-85%', -85],
    ['1.5e3', 1500],
    ['1E-2', 0.01],
    // Blank and "nothing here" marks.
    ['', null],
    ['   ', null],
    ['-', null],
    ['–', null],
    ['—', null],
    [' - ', null],
    ['- บาท', null],
    ['-%', null]
  ])('%j → %j', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  it.each<[string, string]>([
    ['abc', 'ไม่ใช่ตัวเลข: "abc"'],
    ['12abc', 'ไม่ใช่ตัวเลข: "12abc"'],
    ['1,23', 'แบบยุโรป'],
    ['1.234,5', 'แบบยุโรป'],
    ['12,5', 'แบบยุโรป'],
    ['1,2,3', 'ไม่ใช่ตัวเลข'],
    ['12 34', 'ไม่ใช่ตัวเลข'],
    ['1e400', 'ตัวเลขใหญ่เกินไป: "1e400"'],
    ['#DIV/0!', 'ค่าผิดพลาดจาก Excel: #DIV/0!'],
    ['#N/A', 'ค่าผิดพลาดจาก Excel: #N/A'],
    ['#VALUE!', 'ค่าผิดพลาดจาก Excel: #VALUE!'],
    ['#ref!', 'ค่าผิดพลาดจาก Excel: #ref!'],
    ['()', 'ไม่ใช่ตัวเลข'],
    ['(-12)', 'ไม่ใช่ตัวเลข'],
    ['--12', 'ไม่ใช่ตัวเลข'],
    ['12%%', 'ไม่ใช่ตัวเลข'],
    ['.', 'ไม่ใช่ตัวเลข'],
    ['Infinity', 'ไม่ใช่ตัวเลข'],
    ['NaN', 'ไม่ใช่ตัวเลข'],
    ['0x1F', 'ไม่ใช่ตัวเลข'],
    ['๑๒ก', 'ไม่ใช่ตัวเลข: "๑๒ก"']
  ])('%j is rejected (%s)', (text, reason) => {
    const parsed = parseNumber(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  it('never throws and returns only finite numbers or null', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        const parsed = parseNumber(text);
        if (parsed.ok) expect(parsed.value === null || Number.isFinite(parsed.value)).toBe(true);
        else expect(parsed.reason.length).toBeGreaterThan(0);
      })
    );
  });

  it('reads back what formatNumber writes', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (value) => {
        const parsed = parseNumber(formatNumber(value, 4));
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.value).toBeCloseTo(value, 3);
      })
    );
  });
});

describe('formatNumber', () => {
  it.each<[number | null, number | undefined, string]>([
    [null, undefined, ''],
    [Number.NaN, undefined, ''],
    [Number.POSITIVE_INFINITY, undefined, ''],
    [0, undefined, '0'],
    [-0, undefined, '0'],
    [-0.00001, undefined, '0'],
    [1234500.5, undefined, '1234500.5'],
    [3.4, undefined, '3.4'],
    [2 / 3, undefined, '0.6667'],
    [2 / 3, 2, '0.67'],
    [85, 2, '85'],
    [-12.25, 1, '-12.3'],
    [10, 0, '10']
  ])('%j with %j digits → %j', (value, digits, text) => {
    expect(formatNumber(value, digits)).toBe(text);
  });
});
