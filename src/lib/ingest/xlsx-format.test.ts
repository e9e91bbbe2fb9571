import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dateText,
  numberFormat,
  parseFormatCode,
  percentText,
  valueKind,
  type ValueKind
} from './xlsx-format';

const kindOf = (code: string, value = 0.5): ValueKind['kind'] => valueKind(parseFormatCode(code), value).kind;

describe('number formats', () => {
  it.each<[number, ValueKind['kind']]>([
    [0, 'number'],
    [1, 'number'],
    [4, 'number'],
    [9, 'percent'],
    [10, 'percent'],
    [11, 'number'],
    [14, 'date'],
    [17, 'date'],
    [22, 'date'],
    [49, 'number'],
    [59, 'number'], // Thai locale t0
    [67, 'percent'], // Thai locale t0%
    [68, 'percent'],
    [71, 'date'], // Thai locale ว/ด/ปปปป
    [81, 'date']
  ])('built-in format %i is a %s', (id, kind) => {
    expect(valueKind(numberFormat(id, undefined), 0.85).kind).toBe(kind);
  });

  it.each<[string, ValueKind['kind']]>([
    ['0%', 'percent'],
    ['0.0%', 'percent'],
    ['#,##0.00%', 'percent'],
    ['[Red]0%', 'percent'],
    ['0%;[Red]-0%', 'percent'],
    ['[$-41E]0.00%', 'percent'],
    ['0.00%_);(0.00%)', 'percent'],
    // a quoted or escaped % is text the format prints, not a multiplication
    ['0"%"', 'number'],
    ['0\\%', 'number'],
    ['0.0 "ร้อยละ"', 'number'],
    ['General', 'number'],
    ['0.00E+00', 'number'],
    ['#,##0,', 'number'], // shown in thousands; the stored number is the true one
    // letters a writer left unquoted next to digit placeholders are text, not date parts
    ['#,##0 baht', 'number'],
    ['#,##0 บาท', 'number'],
    ['0.00 kg', 'number'],
    ['0.0% "ของเป้าหมาย"', 'percent'],
    ['#,##0.00 "บาท"', 'number'],
    ['"฿"#,##0.00', 'number'],
    ['[$฿-41E]#,##0.00', 'number'],
    ['@', 'number'],
    ['yyyy-mm-dd', 'date'],
    ['d/m/yyyy;@', 'date'],
    ['[$-41E]d mmm yy', 'date'],
    ['[$-th-TH,107]d mmmm bbbb', 'date'],
    ['mmm-yy', 'date'],
    ['[h]:mm:ss', 'date'],
    ['mm:ss.0', 'date']
  ])('%j is a %s format', (code, kind) => {
    expect(kindOf(code)).toBe(kind);
  });

  it('picks the section by sign, zero and condition as Excel does', () => {
    expect(kindOf('0;0%', 0.5)).toBe('number');
    expect(kindOf('0;0%', -0.5)).toBe('percent');
    expect(kindOf('0;0;0%', 0)).toBe('percent');
    expect(kindOf('0%;0', 0)).toBe('percent'); // two sections: zero uses the first
    expect(kindOf('[>=1]0;0%', 5)).toBe('number');
    expect(kindOf('[>=1]0;0%', 0.5)).toBe('percent');
    expect(kindOf('[<0.5]0%;0', 0.4)).toBe('percent');
    expect(kindOf('[<0.5]0%;0', 0.6)).toBe('number');
  });

  it('counts every % (each multiplies by 100)', () => {
    expect(valueKind(parseFormatCode('0%%'), 0.5)).toEqual({ kind: 'percent', percents: 2 });
    expect(percentText(0.0085, 2)).toBe('85%%');
  });
});

describe('percentText', () => {
  it.each<[number, string]>([
    [0.85, '85%'],
    [1, '100%'],
    [0, '0%'],
    [0.0725, '7.25%'],
    [0.07, '7%'],
    [0.1 + 0.2, '30%'], // 0.30000000000000004 is 0.3 to Excel's 15 digits
    [-0.05, '-5%'],
    [1.5, '150%'],
    [12.345, '1234.5%'],
    [1e-7, '0.00001%'],
    [0.123456789012345, '12.3456789012345%'],
    [1.5e21, '150000000000000000000000%']
  ])('%d → %s', (value, text) => {
    expect(percentText(value, 1)).toBe(text);
  });

  it('is exactly the percentage typed, for any percentage Excel stores', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -999_999_999, max: 999_999_999 }),
        fc.integer({ min: 0, max: 6 }),
        (digits, decimals) => {
          // What the user typed (`85.67%`) and the double Excel stores for it (0.8567).
          const typed = String(Number(`${digits}e-${decimals}`));
          const stored = Number(`${typed}e-2`);
          expect(percentText(stored, 1)).toBe(`${typed}%`);
        }
      )
    );
  });
});

describe('dateText', () => {
  it.each<[number, boolean, string]>([
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [61, false, '1900-03-01'],
    [44713, false, '2022-06-01'],
    [44713.75, false, '2022-06-01'], // a time of day is not another day
    [45383, false, '2024-04-01'],
    [0, true, '1904-01-01'],
    [43251, true, '2022-06-01']
  ])('serial %d (1904: %s) → %s', (serial, date1904, text) => {
    expect(dateText(serial, date1904)).toBe(text);
  });

  it('is null for a serial that is no date', () => {
    expect(dateText(-1, false)).toBeNull();
    expect(dateText(1e12, false)).toBeNull();
  });
});
