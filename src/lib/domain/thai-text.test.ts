import { describe, expect, it } from 'vitest';
import { normalizeThai, stripInvisible, thaiDigitsToAscii } from './thai-text';

describe('thaiDigitsToAscii', () => {
  it.each([
    ['๐๑๒๓๔๕๖๗๘๙', '0123456789'],
    // seed 000: the letter's date and the quarter it is about
    ['๑๕ กรกฎาคม ๒๕๖๗', '15 กรกฎาคม 2567'],
    ['ไตรมาสที่ ๔/๒๕๖๗', 'ไตรมาสที่ 4/2567'],
    ['ร้อยละ ๕๐–๕๙', 'ร้อยละ 50–59'],
    ['1,234.5', '1,234.5'],
    ['', '']
  ])('%j → %j', (input, expected) => {
    expect(thaiDigitsToAscii(input)).toBe(expected);
  });
});

describe('stripInvisible', () => {
  it.each([
    ['\u200Bอำเภอเมือง\u200C', 'อำเภอเมือง'],
    ['\uFEFFจังหวัด', 'จังหวัด'],
    ['บาง\u200Dคล้า\u2060', 'บางคล้า'],
    ['มี.ค.\u00A067', 'มี.ค. 67'],
    ['  อ.บางคล้า \t\n ', 'อ.บางคล้า'],
    ['ตัว   ชี้วัด', 'ตัว ชี้วัด'],
    ['\u00A0\u200B \u00A0', ''],
    ['soft\u00ADhyphen', 'softhyphen']
  ])('%j → %j', (input, expected) => {
    expect(stripInvisible(input)).toBe(expected);
  });
});

describe('normalizeThai', () => {
  it.each([
    // PDF converters write sara am as nikhahit + sara aa
    ['การด\u0E4D\u0E32เนินงาน', 'การดำเนินงาน'],
    ['หนี้เกินก\u0E4D\u0E32หนดช\u0E4D\u0E32ระ', 'หนี้เกินกำหนดชำระ'],
    // tone mark between nikhahit and sara aa, and the canonical tone-then-am order
    ['น\u0E4D\u0E49\u0E32', 'น\u0E49\u0E33'],
    ['น\u0E49\u0E4D\u0E32', 'น\u0E49\u0E33'],
    ['น\u0E33\u0E49', 'น\u0E49\u0E33'],
    // a space the extraction put before sara am
    ['ส \u0E4D\u0E32นักงาน', 'สำนักงาน'],
    ['ส \u0E33นักงาน', 'สำนักงาน'],
    ['ค \u0E49\u0E33', 'ค\u0E49\u0E33'],
    // invisible characters go too
    ['\u200Bกรมการพัฒนาชุมชน\u00A0 ', 'กรมการพัฒนาชุมชน'],
    // already clean text is unchanged
    ['สำนักงานพัฒนาชุมชนอำเภอ', 'สำนักงานพัฒนาชุมชนอำเภอ'],
    ['อ. บางคล้า', 'อ. บางคล้า']
  ])('%j → %j', (input, expected) => {
    expect(normalizeThai(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = normalizeThai(' น\u0E4D\u0E49\u0E32  ส \u0E4D\u0E32นัก\u200B ');
    expect(normalizeThai(once)).toBe(once);
    expect(once).toBe('น\u0E49\u0E33 สำนัก');
  });
});
