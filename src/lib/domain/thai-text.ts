/**
 * Small Thai-text clean-ups shared by every parser that reads what people typed or what a PDF/Excel export
 * produced: Thai digits, invisible characters, and the decomposed sara am (ํ + า) that PDF converters emit.
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

/**
 * `stripInvisible`, then the sara am repairs:
 * - nikhahit + sara aa (U+0E4D U+0E32, as PDF converters write `ำ`) → sara am (U+0E33), also when a tone
 *   mark sits between them (`นํ้า` → `น้ำ`);
 * - a space before sara am, decomposed or not (`น ํา`, `น ำ`), is dropped: sara am never starts a word;
 * - a tone mark typed after sara am (`นำ้`) moves before it (`น้ำ`), the canonical order.
 */
export function normalizeThai(s: string): string {
  return stripInvisible(s)
    .replace(/ ?\u0E4D([\u0E48-\u0E4B]?)\u0E32/g, '$1\u0E33')
    .replace(/ ([\u0E48-\u0E4B]?)\u0E33/g, '$1\u0E33')
    .replace(/\u0E33([\u0E48-\u0E4B])/g, '$1\u0E33');
}
