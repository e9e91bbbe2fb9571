import fc from 'fast-check';
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

  it.each([
    // a tone mark typed before its above vowel: the same on screen, not the same text
    ['เข\u0E48\u0E37อน', 'เขื่อน'],
    ['คลองเข\u0E48\u0E37อน', 'คลองเขื่อน'],
    ['ป\u0E48\u0E39', 'ปู่'], // below vowel (NFC would fix this one: ccc 103 < 107)
    ['บางน้ำเปร\u0E49\u0E35ยว', 'บางน้ำเปรี้ยว'],
    ['บ้านโพธ\u0E4C\u0E34', 'บ้านโพธิ์'], // thanthakhat before the vowel
    ['ก\u0E49\u0E31น', 'กั้น'],
    // a mark typed twice looks like one
    ['บางคล\u0E49\u0E49า', 'บางคล้า'],
    ['เข\u0E37\u0E48\u0E48อน', 'เขื่อน'],
    // sara am decomposed with the tone after the nikhahit, then put in order
    ['บางน\u0E4D\u0E49\u0E32เปรี้ยว', 'บางน้ำเปรี้ยว'],
    // two sara e look like sara ae
    ['\u0E40\u0E40ปลงยาว', 'แปลงยาว'],
    // correct text is unchanged
    ['เขื่องใน', 'เขื่องใน'],
    ['สิทธิ์', 'สิทธิ์'],
    ['ก็', 'ก็']
  ])('marks in order: %j → %j', (input, expected) => {
    expect(normalizeThai(input)).toBe(expected);
  });

  it('any order of the marks on a consonant, any mark repeated, gives the same text (property)', () => {
    const consonants = [...'กขคงจชซดตถทนบปผพฟมยรลวสหอฮ'];
    const vowels = ['', '\u0E31', '\u0E34', '\u0E35', '\u0E36', '\u0E37', '\u0E38', '\u0E39'];
    const tones = ['', '\u0E48', '\u0E49', '\u0E4A', '\u0E4B'];
    const cluster = fc
      .tuple(
        fc.constantFrom(...consonants),
        fc.constantFrom(...vowels),
        fc.constantFrom(...tones),
        fc.boolean()
      )
      .map(([consonant, vowel, tone, thanthakhat]) => ({
        consonant,
        marks: [vowel, tone, thanthakhat ? '\u0E4C' : ''].filter((mark) => mark !== '')
      }));
    fc.assert(
      fc.property(
        fc.array(
          cluster.chain((c) =>
            fc
              .shuffledSubarray([...c.marks, ...c.marks], { minLength: c.marks.length })
              .filter((typed) => c.marks.every((mark) => typed.includes(mark)))
              .map((typed) => ({
                canonical: c.consonant + c.marks.join(''),
                typed: c.consonant + typed.join('')
              }))
          ),
          { minLength: 1, maxLength: 5 }
        ),
        (clusters) => {
          const canonical = clusters.map((c) => c.canonical).join('');
          expect(normalizeThai(clusters.map((c) => c.typed).join(''))).toBe(canonical);
          expect(normalizeThai(canonical)).toBe(canonical);
        }
      )
    );
  });

  it('is idempotent', () => {
    const once = normalizeThai(' น\u0E4D\u0E49\u0E32  ส \u0E4D\u0E32นัก\u200B ');
    expect(normalizeThai(once)).toBe(once);
    expect(once).toBe('น\u0E49\u0E33 สำนัก');
  });
});
