/**
 * Small Thai-text clean-ups shared by every parser that reads what people typed or what a PDF/Excel export
 * produced: Thai digits, invisible characters, the decomposed sara am (ํ + า) that PDF converters emit, and
 * marks typed out of order or twice (which look the same on screen).
 */

const THAI_DIGIT_ZERO = 0x0e50;

/** Thai digits ๐–๙ (U+0E50–U+0E59) to ASCII 0–9; every other character is kept. */
export function thaiDigitsToAscii(s: string): string {
  return s.replace(/[\u0E50-\u0E59]/g, (digit) => String(digit.charCodeAt(0) - THAI_DIGIT_ZERO));
}

/**
 * Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and the soft hyphen (U+00AD) are removed; NBSP and
 * every other kind of whitespace becomes one ASCII space; the result is trimmed.
 */
export function stripInvisible(s: string): string {
  return s
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Thai marks written above or below a consonant: vowels ั ิ ี ึ ื ุ ู ฺ ็, tone marks ่ ้ ๊ ๋, and ์ ํ ๎. */
const MARK_RUN = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]{2,}/g;

/** A mark's place on its consonant: a vowel first, then a tone mark, then ์ (thanthakhat), ํ, ๎. */
function markRank(mark: string): number {
  const code = mark.charCodeAt(0);
  if (code >= 0x0e48 && code <= 0x0e4b) return 1;
  if (code >= 0x0e4c) return 2;
  return 0;
}

/**
 * The marks on one consonant in the order Thai text stores them (consonant, vowel, tone mark, ์ — as in
 * `เขื่อน`, `ปู่`, `สิทธิ์`), each once. On screen the marks stack the same whatever order they were typed in,
 * and a mark typed twice looks like one, but the text differs: `เข่ือน` (tone before vowel) is not `เขื่อน`.
 * Unicode's normal forms do not fix this: they reorder ุ ู (ccc 103) before a tone mark (ccc 107), but every
 * above vowel (ั ิ ี ึ ื) and ์ has ccc 0 and stays where it was typed. Marks of the same place are put in
 * code point order, so that any order of the same marks gives the same text.
 */
function orderMarks(s: string): string {
  return s.replace(MARK_RUN, (run) =>
    [...new Set(run)].sort((a, b) => markRank(a) - markRank(b) || a.charCodeAt(0) - b.charCodeAt(0)).join('')
  );
}

/**
 * `stripInvisible`, then the repairs of Thai that looks right on screen but is typed differently:
 * - nikhahit + sara aa (U+0E4D U+0E32, as PDF converters write `ำ`) → sara am (U+0E33), also when a tone
 *   mark sits between them (`นํ้า` → `น้ำ`);
 * - a space before sara am, decomposed or not (`น ํา`, `น ำ`), is dropped: sara am never starts a word;
 * - a tone mark typed after sara am (`นำ้`) moves before it (`น้ำ`), the canonical order;
 * - two sara e (`เเ`, which looks like sara ae) → sara ae `แ`: Thai never writes two sara e;
 * - the marks on each consonant in canonical order, each once (`เข่ือน` → `เขื่อน`, `คล้้า` → `คล้า`).
 */
export function normalizeThai(s: string): string {
  return orderMarks(
    stripInvisible(s)
      .replace(/ ?\u0E4D([\u0E48-\u0E4B]?)\u0E32/g, '$1\u0E33')
      .replace(/ ([\u0E48-\u0E4B]?)\u0E33/g, '$1\u0E33')
      .replace(/\u0E33([\u0E48-\u0E4B])/g, '$1\u0E33')
      .replace(/\u0E40\u0E40/g, '\u0E41')
  );
}
