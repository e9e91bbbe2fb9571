import { describe, expect, it } from 'vitest';
import { exportFileName, safeCell, toExcelCsv } from './excel-csv';

describe('safeCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+66 81', "'+66 81"],
    ['-5 บาท', "'-5 บาท"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['บางคล้า', 'บางคล้า'],
    ['a,b', '"a,b"'],
    ['', '']
  ])('text %j → %j', (input, output) => {
    expect(safeCell(input)).toBe(output);
  });

  it('writes computed numbers without binary noise and typed numbers as typed', () => {
    expect(safeCell(0.1 + 0.2)).toBe('0.3');
    expect(safeCell(5.550000000000001)).toBe('5.55');
    expect(safeCell(111 / 41)).toBe('2.70731707317073');
    expect(safeCell(1015020.37)).toBe('1015020.37');
    expect(safeCell(123456789012.345)).toBe('123456789012.345');
    expect(safeCell(-0)).toBe('0');
    expect(safeCell(1e-7)).toBe('1e-7');
    expect(safeCell(-1.5e21)).toBe('-1.5e+21');
  });

  it('keeps numbers as numbers, negative ones included', () => {
    expect(safeCell(-3.25)).toBe('-3.25');
    expect(safeCell(0)).toBe('0');
    expect(safeCell(Number.NaN)).toBe('');
    expect(safeCell(null)).toBe('');
  });
});

describe('toExcelCsv', () => {
  it('starts with a BOM and uses CRLF', () => {
    const text = toExcelCsv(
      ['อำเภอ', 'คะแนน'],
      [
        ['บางคล้า', 4.5],
        ['=1+1', -1]
      ]
    );
    expect(text).toBe("\uFEFFอำเภอ,คะแนน\r\nบางคล้า,4.5\r\n'=1+1,-1\r\n");
  });
});

describe('exportFileName', () => {
  it('joins parts and removes characters file systems refuse', () => {
    expect(exportFileName(['อันดับ', 'a/b', 'FY2565 R2'], 'csv')).toBe('อันดับ_a-b_FY2565-R2.csv');
  });

  it('labels the demo copy of a framework (issue 11)', () => {
    expect(exportFileName(['อันดับ', 'demo:sakaeo-2567-r1', 'FY2567-R1'], 'csv')).toBe(
      'อันดับ_ข้อมูลตัวอย่าง_sakaeo-2567-r1_FY2567-R1.csv'
    );
    expect(exportFileName(['อันดับ', 'sakaeo-2567-r1', 'FY2567-R1'], 'csv')).toBe(
      'อันดับ_sakaeo-2567-r1_FY2567-R1.csv'
    );
  });
});
